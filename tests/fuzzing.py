"""Hostile inputs shared by the hardening tests and ``benchmarks/fuzz.py``.

One seeded :class:`Mutator` makes every kind of input the fuzzers try: arbitrary text and
bytes as a project file, mutations of every example (keys dropped or renamed, wrong types,
huge strings, deep nesting, odd unicode, NUL bytes, duplicate keys and tables), and rule
files whose conditions are random expressions, or valid ones built from every allowed
construct (:class:`ConditionMaker`, also a hypothesis strategy in ``strategies.py``). It
uses :mod:`random` only, so the benchmark can run it without hypothesis; the tests wrap it
in hypothesis strategies (``st.randoms``) so that failures are reproducible and shrink.

:func:`feed_project` and :func:`feed_rules` run one input through the whole tool
(load → advise → every renderer) and say whether it ended in a clean ``AdviesError`` or a
valid report; anything else propagates and is a crash.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import random
import re
import sys
import types
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, Union, cast, get_args, get_origin

from interventie_advies import AdviesError, Engine, Report, load_rules
from interventie_advies.project._model import TABLES
from interventie_advies.testing import RulesPlugin, make_engine

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = [
    "DATE",
    "EXAMPLES",
    "HOSTILE_CONDITIONS",
    "INJECTIONS",
    "ODD_CHARS",
    "RULE_FILES",
    "Chooser",
    "ConditionMaker",
    "Mutator",
    "feed_project",
    "feed_rules",
    "toml_dumps",
]

ROOT = Path(__file__).resolve().parents[1]
DATE = dt.date(2026, 11, 1)

#: the example projects and the built-in rule files, by file name
EXAMPLES: dict[str, str] = {
    p.name: p.read_text(encoding="utf-8")
    for p in [
        *sorted(ROOT.glob("examples/*.toml")),
        *sorted(ROOT.glob("plugins/*/examples/*.toml")),
    ]
}
RULE_FILES: dict[str, str] = {
    p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "rules").glob("*.toml"))
}

#: characters that break naive handling: control characters, ANSI, bidi overrides,
#: zero-width and line-separator characters, combining marks, astral characters
ODD_CHARS = [
    "\x00",
    "\x07",
    "\x08",
    "\x1b",
    "\x1b[2J",
    "\x1b[31m",
    "\x1b]8;;http://evil\x07",
    "\r",
    "\n",
    "\t",
    "\x7f",
    "\x85",
    "\x9b",
    "\u00a0",
    "\u200b",
    "\u200e",
    "\u202e",
    "\u2028",
    "\u2066",
    "\ufeff",
    "\ufffd",
    "\u0301",
    "e\u0301",
    "\U0001f600",
    "\U0010fffd",
    "ﬀ",
    "Ａ",
    "ß",
    "İ",
    "ᄀ",
    "\u3164",
    "é",
    '"',
    "'",
    "\\",
    "{",
    "}",
    "[",
    "]",
    "=",
    "#",
    ".",
    "<",
    ">",
    "&",
    "`",
    "|",
    "*",
    "_",
]

#: texts that try to inject markup or steer a terminal, for every text field
INJECTIONS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "</title><script>x</script>",
    "javascript:alert(1)",
    "[klik hier](javascript:alert(1))",
    "[link](https://evil.example)",
    "![img](https://evil.example/x.png)",
    "<https://evil.example>",
    "[ref]: https://evil.example",
    "<a href='https://evil.example'>x</a>",
    "**vet** _schuin_ `code` # kop",
    "| a | b |\n| --- | --- |",
    "line one\n# Heading\n- list",
    "&lt;script&gt; &amp; &#x3C;",
    "{{ 7*7 }} {% raw %} ${x} %s {0}",
    "\x1b[31mred\x1b[0m",
    "\x1b[2J\x1b[H cleared",
    "\x1b]0;title\x07",
    "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",
    "\x9b31m C1 CSI",
    "bell\x07 backspace\x08\x08 cr\roverwrite",
    "rtl \u202etxt.exe",
    "nul \x00 byte",
]

#: conditions that must be refused when the rule is loaded
HOSTILE_CONDITIONS = [
    # dunders and attribute tricks
    "project.__class__",
    "project.__class__.__mro__[1].__subclasses__()",
    "facts.__class__",
    "facts.__dict__",
    "activities.__len__()",
    "project.name.__class__",
    "any(a.__class__ for a in activities)",
    "any(x.__globals__ for x in facts.partner_names)",
    "().__class__.__bases__[0]",
    "''.__class__",
    "[p for p in partners][0].__init__",
    "(project if True else project).__class__",
    # builtins, getattr-like calls and imports
    "getattr(project, '__class__')",
    "__import__('os').system('id')",
    "eval('1')",
    "exec('x=1')",
    "open('/etc/passwd')",
    "vars(project)",
    "globals()",
    "locals()",
    "type(project)",
    "dir(project)",
    "__builtins__",
    "setattr(project, 'name', 1)",
    "project.name.format(project)",
    "'{0.__class__}'.format(project)",
    "'%s' % project.name",
    "f'{project.name}'",
    "f'{project.__class__}'",
    "project.name.upper()",
    "len.__self__",
    "min(activities, key=len)",
    "max(*activities)",
    "sum(**{})",
    # lambdas, walrus and leaking comprehension variables
    "(lambda: 1)()",
    "(lambda x: x)(project)",
    "(x := 1)",
    "[a for a in activities] and a",
    "any(a for a in activities) and a.name",
    "[(y := a) for a in activities]",
    "any(x for x in activities for y in x for z in y for w in z)",
    "any(project for project in activities)",
    "any(facts for facts in activities)",
    # huge powers, repetitions and arithmetic
    "10**10**10",
    "2**1000000",
    "'a' * 10**9",
    "[1] * 10**9",
    "'a' * 1000000000",
    "(1,) * 99999999999",
    "10000000000000000000000",
    "9**9**9 > 1",
    "1 / 0",
    "7 // 2",
    "7 % 2",
    "1 << 100000",
    "~1",
    "1 | 2",
    "1 & 2",
    "1 >> 2",
    "1 ^ 2",
    "1 @ 2",
    "min(activities).name",
    "sum(1 for a in activities for p in partners for k in key_persons)",
    "any(any(any(1 for c in activities) for b in partners) for a in key_persons)",
    "project.name * 1000000",
    # growth that is quadratic or worse: sum with a start value or of lists, texts, tuples
    "sum([[a] for a in activities for b in activities], []) == []",
    "sum([[a] for a in activities]) == 0",
    "sum([a.name for a in activities], '')",
    "sum([(1,), (2,)]) == 0",
    "sum(a.sessions for a in activities, 0)",
    "len(activities, partners)",
    # the step budget's own name, also in full-width letters
    "any(_advies_steps for _advies_steps in activities)",
    "any(_\uff41dvies_steps.start('x') for _\uff41dvies_steps in activities)",
    "_advies_steps.start('x')",
    "project.name[::-1]",
    "activities[0:1000000000]",
    "activities[facts.partner_count]",
    # other syntax that is not an expression or not allowed
    "import os",
    "x = 1",
    "del project",
    "await x",
    "yield 1",
    "b'bytes'",
    "1j",
    "...",
    "{1: 2}",
    "{k: v for k, v in facts}",
    "project.name if True else __import__('os')",
    "not " * 1200 + "True",
    "(" * 300 + "1" + ")" * 300,
    "[" * 100 + "]" * 100,
    "-" * 500 + "1",
    "1 + " * 700 + "1",
    "a" * 2001,
    "",
    "   ",
    "True\n0",
]


# -- a small TOML writer (enough for the data the mutator makes) ---------------------------


_TOML_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\]')


def _toml_string(text: str) -> str:
    def escape(m: re.Match[str]) -> str:
        ch = m.group()
        return {"\\": "\\\\", '"': '\\"', "\n": "\\n"}.get(ch) or f"\\u{ord(ch):04X}"

    return '"' + _TOML_ESCAPE.sub(escape, text) + '"'


def _toml_key(key: str) -> str:
    bare = key and all(c.isascii() and (c.isalnum() or c in "-_") for c in key)
    return key if bare else _toml_string(key)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"
    return _toml_string(str(value))


def toml_dumps(data: dict[str, Any]) -> str:
    """TOML for ``data``: one ``key = value`` line per top-level key, inline tables below."""
    return "".join(f"{_toml_key(str(k))} = {_toml_value(v)}\n" for k, v in data.items())


# -- the mutator ----------------------------------------------------------------------------


@cache
def _parsed(name: str, kind: str) -> dict[str, Any]:
    """An example or built-in rule file, parsed once (callers copy before changing it)."""
    from interventie_advies.project._toml import loads

    return loads((EXAMPLES if kind == "example" else RULE_FILES)[name])


#: keys whose values are free text (names, descriptions, reasons, ...)
_FREE_TEXT = {
    "name",
    "neighbourhood",
    "municipality",
    "description",
    "role",
    "location",
    "channel_moderator",
    "follow_up",
    "shared_goal",
    "plan",
    "owner",
    "reason",
    "by",
    "strengths",
    "sources",
}
_FIELDS = sorted({name for model, _ in TABLES.values() for name in model.model_fields})
_ROOTS = [*TABLES, "facts", "extensions"]
_FACTS = ["months_left", "funding_end", "partner_count", "partner_names", "today", "nope"]
_FUNCS = ["any", "all", "len", "min", "max", "sum", "set", "getattr", "eval", "type", "print"]
_BINOPS = ["+", "-", "*", "/", "//", "%", "**", "@", "<<", "&", "|", "^"]
_CMPOPS = ["==", "!=", "<", "<=", ">", ">=", "in", "not in", "is", "is not"]


@dataclass
class Mutator:
    """Seeded generator of hostile inputs; the same seed gives the same inputs."""

    rng: random.Random

    # -- building blocks ---------------------------------------------------------------

    def chance(self, p: float) -> bool:
        """True with probability ``p``."""
        return self.rng.random() < p

    def size(self) -> int:
        """A length: mostly small, sometimes just over a limit, rarely huge."""
        r = self.rng.random()
        if r < 0.7:
            return self.rng.randint(0, 12)
        if r < 0.9:
            return self.rng.choice([499, 500, 501, 1000, 5000, 10_000, 10_001])
        if r < 0.995:
            return self.rng.randint(13, 3000)
        return self.rng.choice([100_000, 1_100_000])

    def char(self) -> str:
        """One character (or short sequence): odd ones, ASCII or any code point."""
        r = self.rng.random()
        if r < 0.3:
            return self.rng.choice(ODD_CHARS)
        if r < 0.8:
            return chr(self.rng.randint(0x20, 0x7E))
        code = self.rng.randint(0, 0x10FFFF)
        return chr(code) if not 0xD800 <= code <= 0xDFFF else "\ufffd"

    def text(self) -> str:
        """A string: short and odd, an injection, or long."""
        r = self.rng.random()
        if r < 0.15:
            return self.rng.choice(INJECTIONS)
        n = self.size()
        if n > 64:
            return self.rng.choice("xé\U0001f600<") * n
        return "".join(self.char() for _ in range(n))

    def scalar(self) -> Any:
        """A value of a random type (including the awkward ones)."""
        pick = self.rng.randint(0, 13)
        if pick == 0:
            return self.rng.choice([True, False])
        if pick == 1:
            return self.rng.choice([0, 1, -1, 2**63 - 1, -(2**63), 10**12 + 1, 500, 501])
        if pick == 2:
            return self.rng.randint(-(10**6), 10**6)
        if pick == 3:
            return self.rng.choice([0.0, -0.0, 1.5, 1e308, -1e-308, math.inf, -math.inf, math.nan])
        if pick == 4:
            return dt.date(self.rng.randint(1, 9999), self.rng.randint(1, 12), 1)
        if pick == 5:
            return dt.datetime(2026, 1, 1, 12, 30, tzinfo=self.rng.choice([None, dt.timezone.utc]))
        if pick == 6:
            return dt.time(12, 30)
        if pick == 7:
            return []
        if pick == 8:
            return {}
        if pick == 9:
            return self.rng.choice(
                [
                    "social",
                    "cultural",
                    "idea",
                    "execution",
                    "accepted",
                    "rejected",
                    "nl",
                    "en",
                    "CON01",
                    "contact.moment_after_activity",
                    "interventie-advies>=99",
                ]
            )
        return self.text()

    def value(self, depth: int = 0) -> Any:
        """A scalar, or a list or table of values (nested a few levels)."""
        r = self.rng.random()
        if depth > 4 or r < 0.6:
            return self.scalar()
        if r < 0.8:
            return [self.value(depth + 1) for _ in range(self.rng.randint(0, 4))]
        return {self.key(): self.value(depth + 1) for _ in range(self.rng.randint(0, 4))}

    def key(self) -> str:
        """A key: a real field name, a typo of one, or odd text."""
        r = self.rng.random()
        if r < 0.5:
            return self.typo(self.rng.choice([*_FIELDS, *TABLES]))
        if r < 0.7:
            return self.rng.choice([*_FIELDS, *TABLES])
        return self.text()[:80]

    def typo(self, word: str) -> str:
        """``word`` with one letter dropped, doubled, swapped or changed."""
        if not word:
            return "x"
        i = self.rng.randrange(len(word))
        op = self.rng.randint(0, 4)
        if op == 0:
            return word[:i] + word[i + 1 :]
        if op == 1:
            return word[:i] + word[i] + word[i:]
        if op == 2 and i + 1 < len(word):
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if op == 3:
            return word.upper()
        return word[:i] + self.char() + word[i + 1 :]

    def nest(self, value: Any, depth: int) -> Any:
        """``value`` wrapped ``depth`` times in lists or tables."""
        for _ in range(depth):
            value = [value] if self.chance(0.5) else {"a": value}
        return value

    # -- data mutations ----------------------------------------------------------------

    def _paths(self, data: Any) -> list[tuple[Any, ...]]:
        found: list[tuple[Any, ...]] = []
        todo: list[tuple[tuple[Any, ...], Any]] = [((), data)]
        while todo:
            prefix, value = todo.pop()
            if prefix:
                found.append(prefix)
            if isinstance(value, dict):
                todo += [((*prefix, k), v) for k, v in value.items()]
            elif isinstance(value, list):
                todo += [((*prefix, i), v) for i, v in enumerate(value)]
        return found  # in a fixed order: dicts keep theirs

    def mutate_data(self, data: dict[str, Any], rounds: int | None = None) -> dict[str, Any]:
        """A deep copy of ``data`` with 1-3 random mutations."""
        data = copy.deepcopy(data)
        for _ in range(rounds or self.rng.randint(1, 3)):
            paths = self._paths(data)
            if not paths:
                data[self.key()] = self.value()
                continue
            path = self.rng.choice(paths)
            parent: Any = data
            for step in path[:-1]:
                parent = parent[step]
            last = path[-1]
            op = self.rng.randint(0, 10)
            if op == 0:  # drop the key or item
                del parent[last]
            elif op == 1 and isinstance(parent, dict):  # rename the key
                parent[self.typo(str(last)) if self.chance(0.7) else self.key()] = parent.pop(last)
            elif op == 2:  # a value of another type
                parent[last] = self.scalar()
            elif op == 3:  # a huge string
                n = 200_000 if self.chance(0.05) else self.rng.choice([501, 10_001])
                parent[last] = self.rng.choice("xé<") * n
            elif op == 4:  # deep nesting
                parent[last] = self.nest(parent[last], self.rng.choice([2, 10, 40, 120]))
            elif op == 5:  # odd unicode inside a string, or instead of it
                old = parent[last]
                odd = "".join(self.char() for _ in range(self.rng.randint(1, 4)))
                if isinstance(old, str):
                    i = self.rng.randint(0, len(old))
                    parent[last] = old[:i] + odd + old[i:]
                else:
                    parent[last] = odd
            elif op == 6:  # a long list
                parent[last] = [copy.deepcopy(parent[last])] * self.rng.choice([2, 51, 501])
            elif op == 7 and isinstance(parent, dict):  # an extra key
                parent[self.key()] = self.value()
            elif op == 8:  # a value from elsewhere in the file
                src: Any = data
                for step in self.rng.choice(paths):
                    src = src[step]
                parent[last] = copy.deepcopy(src)
            elif op == 9:  # an injection string
                parent[last] = self.rng.choice(INJECTIONS)
            else:  # a random nested value
                parent[last] = self.value()
        return data

    # -- text mutations ----------------------------------------------------------------

    def mutate_text(self, text: str) -> str:
        """``text`` with 1-3 line- or character-level mutations."""
        for _ in range(self.rng.randint(1, 3)):
            lines = text.split("\n")
            i = self.rng.randrange(len(lines))
            op = self.rng.randint(0, 11)
            if op == 0:  # drop a line
                del lines[i]
            elif op == 1:  # duplicate a line: duplicate keys
                lines.insert(i, lines[i])
            elif op == 2:  # duplicate a table header
                headers = [x for x in lines if x.startswith("[")] or ["[project]"]
                lines.insert(i, self.rng.choice(headers))
            elif op == 3:  # a NUL byte or other odd character somewhere
                pos = self.rng.randint(0, len(lines[i]))
                odd = "\x00" if self.chance(0.4) else self.char()
                lines[i] = lines[i][:pos] + odd + lines[i][pos:]
            elif op == 4:  # cut the file off
                return text[: self.rng.randint(0, len(text))]
            elif op == 5:  # swap two lines
                j = self.rng.randrange(len(lines))
                lines[i], lines[j] = lines[j], lines[i]
            elif op == 6:  # deep nesting the parser has to refuse
                n = self.rng.choice([50, 400, 1200, 5000])
                kind = self.rng.randint(0, 3)
                if kind == 0:
                    line = "deep = " + "[" * n + "]" * n
                elif kind == 1:
                    line = "deep = " + "{a = " * n + "1" + "}" * n
                elif kind == 2:
                    line = "deep" + ".a" * n + " = 1"
                else:
                    line = "[deep" + ".a" * n + "]"
                lines.insert(i, line)
            elif op == 7:  # a key = value line of another type
                key = lines[i].split("=")[0].strip() or self.key()
                lines[i] = f"{key} = {_toml_value(self.scalar())}"
            elif op == 8:  # change one character
                if lines[i]:
                    pos = self.rng.randrange(len(lines[i]))
                    lines[i] = lines[i][:pos] + self.char() + lines[i][pos + 1 :]
            elif op == 9:  # many lines
                lines.insert(i, "\n".join([lines[i]] * self.rng.choice([10, 600])))
            elif op == 10:  # a huge string value
                n = 300_000 if self.chance(0.05) else 10_001
                lines.insert(i, f'description = "{"x" * n}"')
            else:  # a random key = value line
                lines.insert(i, f"{_toml_key(self.key())} = {_toml_value(self.value())}")
            text = "\n".join(lines)
        return text

    def raw_text(self) -> str:
        """Arbitrary text, or text built from TOML-ish pieces."""
        if self.chance(0.5):
            return "".join(self.char() for _ in range(self.size() % 400))
        pieces = [
            "format = 1\n",
            "[project]\n",
            'name = "x"\n',
            "[[partners]]\n",
            'domain = "social"\n',
            "name = 3\n",
            "[residents]\n",
            'needs = ["x"]\n',
            "end = 2026-01-01\n",
            "start = 2027-01-01\n",
            "[vision]\n",
            'endorsed_by_partners = ["y"]\n',
            "= \n",
            "[[\n",
            '"""\n',
            "'''\n",
            "a.b.c = 1\n",
            "[extensions.x]\n",
            "[advies]\n",
            'select = ["NOPE"]\n',
            "[[decisions]]\n",
            'rule = "XX"\n',
            'status = "rejected"\n',
            "x = {\n",
        ]
        return "".join(self.rng.choice(pieces) for _ in range(self.rng.randint(0, 14)))

    def raw_bytes(self) -> bytes:
        """Arbitrary bytes, or an example in another encoding or with a bad byte."""
        example = self.rng.choice(list(EXAMPLES.values()))
        pick = self.rng.randint(0, 5)
        if pick == 0:
            return self.rng.randbytes(self.size() % 2000)
        if pick == 1:
            return example.encode("utf-16")
        if pick == 2:
            return example.encode("latin-1", "replace")
        if pick == 3:
            return b"\xef\xbb\xbf" + example.encode()  # a byte order mark
        data = bytearray(example.encode())
        pos = self.rng.randrange(len(data))
        data[pos : pos + 1] = self.rng.choice([b"\x00", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\r"])
        return bytes(data)

    def decorate(self, data: dict[str, Any]) -> dict[str, Any]:
        """A copy of a valid project whose free texts are hostile, and that stays valid."""
        data = copy.deepcopy(data)
        counter = iter(range(10**9))

        def walk(value: Any, key: str) -> Any:
            if isinstance(value, dict):
                return {k: walk(v, k) for k, v in value.items()}
            if isinstance(value, list):
                return [walk(v, key) for v in value]
            if isinstance(value, str) and key in _FREE_TEXT:
                hostile = self.rng.choice(INJECTIONS) + self.text()[:40]
                return f"{hostile} {next(counter)}"  # unique, never blank
            return value

        data = walk(data, "")
        for table in [k for k in data if k not in ("format", "project")]:
            if self.chance(0.2):
                del data[table]
        names = [p["name"] for p in data.get("partners", ())]
        if isinstance(data.get("vision"), dict) and "endorsed_by_partners" in data["vision"]:
            data["vision"]["endorsed_by_partners"] = names[: self.rng.randint(0, len(names))]
        return data

    # -- whole inputs ------------------------------------------------------------------

    def project_input(self) -> str | bytes | dict[str, Any]:
        """One project input: TOML text, bytes (for a file) or a dict."""
        pick = self.rng.random()
        name = self.rng.choice(list(EXAMPLES))
        if pick < 0.35:
            return self.mutate_text(EXAMPLES[name])
        data = _parsed(name, "example")
        if pick < 0.5:
            decorated = self.decorate(data)
            return toml_dumps(decorated) if self.chance(0.5) else decorated
        if pick < 0.75:
            text = toml_dumps(self.mutate_data(data))
            return self.mutate_text(text) if self.chance(0.2) else text
        if pick < 0.85:
            return self.mutate_data(data)
        if pick < 0.93:
            return self.raw_text()
        return self.raw_bytes()

    def condition(self, depth: int = 0) -> str:
        """A random expression over the project: sometimes valid, often not."""
        r = self.rng.randint(0, 16 if depth < 4 else 3)
        if r == 0:
            return f"{self.rng.choice(_ROOTS)}.{self.rng.choice(_FIELDS)}"
        if r == 1:
            return f"facts.{self.rng.choice(_FACTS)}"
        if r == 2:
            return self.rng.choice(
                ["True", "None", "0", "1", "10**12", "'x'", '"social"', "()", "[]", "1.5"]
            )
        if r == 3:
            return self.rng.choice(HOSTILE_CONDITIONS)[:200]
        if r == 4:
            return (
                f"({self.condition(depth + 1)} {self.rng.choice(_CMPOPS)} "
                f"{self.condition(depth + 1)})"
            )
        if r == 5:
            return (
                f"({self.condition(depth + 1)} {self.rng.choice(['and', 'or'])} "
                f"{self.condition(depth + 1)})"
            )
        if r == 6:
            return f"(not {self.condition(depth + 1)})"
        if r == 7:
            return (
                f"({self.condition(depth + 1)} {self.rng.choice(_BINOPS)} "
                f"{self.condition(depth + 1)})"
            )
        if r == 8:
            return f"{self.rng.choice(_FUNCS)}({self.condition(depth + 1)})"
        if r == 9:
            var = self.rng.choice(["a", "p", "x", "project"])
            table = self.rng.choice(["activities", "partners", "key_persons", "funding.sources"])
            kind = self.rng.choice(["any(", "all(", "[", "{", "sum("])
            close = {"any(": ")", "all(": ")", "[": "]", "{": "}", "sum(": ")"}[kind]
            return (
                f"{kind}{var}.{self.rng.choice(_FIELDS)} for {var} in {table}"
                f" if {self.condition(depth + 1)}{close}"
            )
        if r == 10:
            return (
                f"({self.condition(depth + 1)} if {self.condition(depth + 1)} "
                f"else {self.condition(depth + 1)})"
            )
        if r == 11:
            return f"{self.condition(depth + 1)}[{self.rng.choice(['0', '-1', 'x', '1:2'])}]"
        if r == 12:
            return f"{self.condition(depth + 1)}.{self.rng.choice(['__class__', 'name', 'x'])}"
        if r == 13:
            return f"(lambda: {self.condition(depth + 1)})()"
        if r == 14:
            return "".join(self.char() for _ in range(self.rng.randint(0, 10)))
        if r == 15:
            return f"'{{0}}'.format({self.condition(depth + 1)})"
        return f"({self.condition(depth + 1)},)"

    def rule_input(self) -> str | bytes:
        """One rule file: a mutated built-in rule file, random conditions, or junk."""
        name = self.rng.choice(list(RULE_FILES))
        pick = self.rng.random()
        if pick < 0.25:
            return self.mutate_text(RULE_FILES[name])
        if pick < 0.9:
            data = dict(_parsed(name, "rules"))
            rules = data.get("rule", [])
            # a few rules of the file keep the inputs small (and the fuzzer fast)
            rules = copy.deepcopy(self.rng.sample(rules, min(len(rules), self.rng.randint(1, 3))))
            data["rule"] = rules
            if self.chance(0.6) and rules:
                rule = self.rng.choice(rules)
                target = rule
                if rule.get("adjust") and self.chance(0.3):
                    target = self.rng.choice(rule["adjust"])
                elif rule.get("applies") and self.chance(0.3):
                    target = rule["applies"]
                target["when"] = (
                    ConditionMaker(self.rng).condition() if self.chance(0.5) else self.condition()
                )
                if self.chance(0.3):
                    rule["needs"] = [
                        self.rng.choice(
                            [f"{t}.{f}" for t in TABLES for f in ("name", "x", "kind")] + ["x[].y"]
                        )
                    ]
            else:
                data = self.mutate_data(data)
            return toml_dumps(data)
        if pick < 0.95:
            return self.raw_text()
        return self.raw_bytes()


# -- conditions from every allowed construct -------------------------------------------------


class Chooser(Protocol):
    """What the condition maker draws from: ``random.Random``, or hypothesis (strategies.py)."""

    def choice(self, seq: Sequence[Any]) -> Any:
        """One item of ``seq``."""
        ...

    def randint(self, a: int, b: int) -> int:
        """A whole number from ``a`` to ``b``, both included."""
        ...


def _kind(annotation: Any) -> str:
    """What a field holds, as the condition maker types it: text, num, bool, date, texts."""
    args = [a for a in get_args(annotation) if a is not type(None)]
    if get_origin(annotation) in (Union, types.UnionType) and len(args) == 1:
        return _kind(args[0])
    if get_origin(annotation) is Literal or annotation is str:
        return "text"
    if annotation is bool:
        return "bool"
    if annotation in (int, float):
        return "num"
    if annotation in (dt.date, dt.datetime):
        return "date"
    if get_origin(annotation) in (list, set):
        inner = get_args(annotation)[0]
        return "texts" if _kind(inner) == "text" else "items"
    return "other"


def _fields(model: Any) -> dict[str, list[str]]:
    by_kind: dict[str, list[str]] = {}
    for name, info in model.model_fields.items():
        by_kind.setdefault(_kind(info.annotation), []).append(name)
    return by_kind


def _facts_fields() -> dict[str, list[str]]:
    from interventie_advies.project._facts import Facts

    by_kind: dict[str, list[str]] = {}
    for name, annotation in Facts.annotations().items():
        by_kind.setdefault(_kind(annotation), []).append(name)
    return by_kind


#: the lists of items a condition loops over, and the fields of their items by kind
_ITEM_TABLES: dict[str, dict[str, list[str]]] = {
    name: _fields(model) for name, (model, is_list) in TABLES.items() if is_list
}
_ITEM_TABLES["funding.sources"] = _fields(TABLES["funding"][0].model_fields["sources"].annotation
                                          .__args__[0].__args__[0])
#: the single tables (and ``facts``), and their fields by kind
_SCALAR_TABLES: dict[str, dict[str, list[str]]] = {
    name: _fields(model) for name, (model, is_list) in TABLES.items() if not is_list
}
_SCALAR_TABLES["facts"] = _facts_fields()
_WORDS = ["social", "cultural", "x", "", "é", "it's", "management", "film", "\\d", "loneliness"]


class ConditionMaker:
    """Builds conditions from every allowed construct, typed so that each one loads.

    Comparisons (``==``, ``!=``, ``<``, ``<=``, ``>``, ``>=``, ``in``, ``not in``,
    ``is``/``is not`` with ``True``, ``False``, ``None``), ``and``/``or``/``not``, ``x if c
    else y``, literals (texts, whole and decimal numbers, tuples, lists, sets), field paths
    of tables, items and facts, constant indexing (also negative), ``any``, ``all``,
    ``len``, ``min``, ``max``, ``sum``, ``set``, ``+`` and ``-``, and generator, list and set
    comprehensions with one or two ``for`` clauses and ``if`` clauses, within the limits of
    docs/conditions.md (3 ``for`` clauses, 2 inside each other, 2,000 characters).
    """

    def __init__(self, pick: Chooser, max_depth: int = 4) -> None:
        self.pick = pick
        self.max_depth = max_depth
        self.fors = 0  # 'for' clauses used so far
        self.nesting = 0  # 'for' clauses around what is being made
        self.scope: list[tuple[str, str]] = []  # loop variables and the table of their items
        self.names = 0

    def condition(self) -> str:
        """A boolean condition; ``True`` in the rare case it grew over the length limit."""
        text = self.boolean(0)
        return text if len(text) <= 2000 else "True"

    # -- building blocks -----------------------------------------------------------------

    def _one(self, options: list[Callable[[], str]]) -> str:
        return cast("str", self.pick.choice(options)())

    def _loops_left(self) -> int:
        return min(3 - self.fors, 2 - self.nesting)

    def _field(self, kind: str) -> str | None:
        """A path to a field of ``kind``: of a table, a loop variable, or an indexed item."""
        paths = [f"{t}.{f}" for t, by in _SCALAR_TABLES.items() for f in by.get(kind, ())]
        paths += [f"{v}.{f}" for v, t in self.scope for f in _ITEM_TABLES[t].get(kind, ())]
        index = self.pick.choice(["0", "-1", "1"])
        paths += [f"{t}[{index}].{f}" for t, by in _ITEM_TABLES.items() for f in by.get(kind, ())]
        return cast("str", self.pick.choice(paths)) if paths else None

    def _comprehension(self, depth: int, element: Callable[[int], str]) -> tuple[str, str]:
        """``ELEMENT for v in TABLE [for w in TABLE] [if COND]``, and the loop variables."""
        clauses = 1 if self._loops_left() < 2 else self.pick.randint(1, 2)
        saved = list(self.scope), self.nesting
        parts = []
        for k in range(clauses):
            if k and self._loops_left() < 1:  # an 'if' clause used the loops left
                break
            self.names += 1
            var = f"v{self.names}"
            table = self.pick.choice(list(_ITEM_TABLES))
            parts.append(f"for {var} in {table}")
            self.scope.append((var, table))
            self.fors += 1
            self.nesting += 1
            if self.pick.randint(0, 3) == 0:
                parts.append(f"if {self.boolean(depth + 1)}")
        elt = element(depth + 1)
        self.scope, self.nesting = saved
        return elt, " ".join(parts)

    # -- by type ----------------------------------------------------------------------------

    def boolean(self, depth: int) -> str:
        """A condition that reads as true or false."""
        if depth >= self.max_depth:
            return self._one(
                [lambda: self.pick.choice(["True", "False"]), lambda: self._bool_field()]
            )
        d = depth + 1
        options: list[Callable[[], str]] = [
            lambda: f"({self.number(d)} {self.pick.choice(['<', '<=', '>', '>=', '==', '!='])}"
            f" {self.number(d)})",
            lambda: f"({self.text(d)} {self.pick.choice(['==', '!='])} {self.text(d)})",
            lambda: f"({self.text(d)} {self.pick.choice(['in', 'not in'])} {self.texts(d)})",
            lambda: f"({self._bool_field()} {self.pick.choice(['is', 'is not'])}"
            f" {self.pick.choice(['True', 'False', 'None'])})",
            lambda: f"({self._any_field()} {self.pick.choice(['is', 'is not'])} None)",
            self._bool_field,
            lambda: f"({self.boolean(d)} {self.pick.choice(['and', 'or'])} {self.boolean(d)})",
            lambda: f"(not {self.boolean(d)})",
            lambda: f"({self.boolean(d)} if {self.boolean(d)} else {self.boolean(d)})",
            lambda: f"({self._date()} {self.pick.choice(['<', '<=', '==', '>'])} {self._date()})",
            lambda: f"(set({self.texts(d)}) {self.pick.choice(['==', '!='])} {self.texts(d)})",
            lambda: self.pick.choice(["True", "False"]),
        ]
        if self._loops_left() > 0:
            options += [
                lambda: "{}({} {})".format(
                    self.pick.choice(["any", "all"]), *self._comprehension(depth, self.boolean)
                ),
            ] * 3
        return self._one(options)

    def _bool_field(self) -> str:
        return self._field("bool") or "True"

    def _any_field(self) -> str:
        return self._field(self.pick.choice(["text", "num", "bool", "date", "texts"])) or "None"

    def _date(self) -> str:
        return self._field("date") or "facts.today"

    def number(self, depth: int) -> str:
        """A whole or decimal number (or None, where a field is not filled in)."""
        literal = lambda: str(  # noqa: E731 - one of the options below
            self.pick.choice([0, 1, 3, 12, -1, 500, 10**12, 1.5, -0.25])
        )
        if depth >= self.max_depth:
            return self._one([literal, lambda: self._field("num") or "0"])
        d = depth + 1
        options: list[Callable[[], str]] = [
            literal,
            lambda: self._field("num") or "0",
            lambda: f"len({self.texts(d)})",
            lambda: f"len({self.pick.choice(list(_ITEM_TABLES))})",
            lambda: f"({self.number(d)} {self.pick.choice(['+', '-'])} {self.number(d)})",
            lambda: f"{self.pick.choice(['min', 'max'])}({self.number(d)}, {self.number(d)})",
            lambda: f"(-{self.number(d)})",
        ]
        if self._loops_left() > 0:
            options += [
                lambda: "{}({} {})".format(
                    self.pick.choice(["sum", "min", "max"]),
                    *self._comprehension(depth, self.number),
                ),
                lambda: "sum([{} {}])".format(*self._comprehension(depth, self.number)),
                lambda: "len([{} {}])".format(*self._comprehension(depth, self.text)),
            ]
        return self._one(options)

    def text(self, depth: int) -> str:
        """A text (or None, where a field is not filled in)."""
        literal = lambda: repr(self.pick.choice(_WORDS))  # noqa: E731
        if depth >= self.max_depth:
            return self._one([literal, lambda: self._field("text") or "''"])
        d = depth + 1
        return self._one(
            [
                literal,
                lambda: self._field("text") or "''",
                lambda: f"({self.text(d)} + {self.text(d)})",
                lambda: f"{self._field('texts') or 'residents.needs'}"
                f"[{self.pick.choice(['0', '-1'])}]",
                lambda: f"({self.text(d)} if {self.boolean(d)} else {self.text(d)})",
            ]
        )

    def texts(self, depth: int) -> str:
        """A list, tuple or set of texts."""
        words = lambda: ", ".join(  # noqa: E731
            repr(self.pick.choice(_WORDS)) for _ in range(self.pick.randint(1, 3))
        )
        if depth >= self.max_depth:
            return self._one([lambda: f"({words()},)", lambda: self._field("texts") or "()"])
        d = depth + 1
        options: list[Callable[[], str]] = [
            lambda: f"({words()},)",
            lambda: f"[{words()}]",
            lambda: f"{{{words()}}}",
            lambda: self._field("texts") or "()",
            lambda: f"set({self.texts(d)})",
            lambda: f"(set({self.texts(d)}) - set({self.texts(d)}))",
            lambda: f"({self._field('texts') or '[]'} + [{words()}])",
        ]
        if self._loops_left() > 0:
            options += [
                lambda: "[{} {}]".format(*self._comprehension(depth, self.text)),
                lambda: "{{{} {}}}".format(*self._comprehension(depth, self.text)),
                lambda: "set({} {})".format(*self._comprehension(depth, self.text)),
            ]
        return self._one(options)


# -- running one input ----------------------------------------------------------------------

CLEAN = "clean_error"
VALID = "valid_report"


def check_error(exc: AdviesError) -> None:
    """A clean error has a message, and one line per problem."""
    text = str(exc)
    assert text.strip(), f"empty message from {type(exc).__name__}"
    for problem in getattr(exc, "problems", ()):
        line = str(problem)
        assert line.strip()
        assert "\n" not in line, f"problem spans lines: {line!r}"
        assert "\x1b" not in line, f"escape sequence in a problem: {line!r}"


def render_all(report: Report, *, color: bool = False) -> None:
    """Render a report in every format (text with or without colour); each must be text.

    Without colour, the text must hold no escape character at all.
    """
    assert isinstance(report, Report)
    data = json.loads(report.to_json())
    assert isinstance(data, dict)
    assert "\n" not in report.to_json(indent=None)
    for fmt in ("markdown", "html"):
        out = report.render(fmt)
        assert isinstance(out, str)
        assert out
    text = report.render("text", color=color)
    assert isinstance(text, str)
    assert color or "\x1b" not in text
    for fmt in sorted(report.renderers):  # formats plugins add; a failure is a PluginError
        assert isinstance(report.render(fmt), str)


def feed_project(
    engine: Engine,
    source: str | bytes | dict[str, Any],
    folder: Path,
    lang: str = "nl",
    *,
    color: bool = False,
) -> str:
    """Advise on one input and render it; CLEAN or VALID, any other exception propagates.

    Bytes are written to a file in ``folder`` first (the CLI reads files as bytes); text
    is TOML text.
    """
    if isinstance(source, bytes):
        path = folder / "fuzz.toml"
        path.write_bytes(source)
        given: dict[str, Any] = {"project": path}
    elif isinstance(source, str):
        given = {"text": source}
    else:
        given = {"project": source}
    try:
        report = engine.advise(**given, lang=lang, date=DATE)
    except AdviesError as exc:
        check_error(exc)
        return CLEAN
    render_all(report, color=color)
    return VALID


#: one project to run rules on: every table present, so conditions have data to read
_RULE_PROJECT = "generatiekoor.toml"


def feed_rules(source: str | bytes, folder: Path, example: str = _RULE_PROJECT) -> str:
    """Load one rule file, and when it loads, advise on ``example`` with its rules and render."""
    path = folder / "rules.toml"
    if isinstance(source, bytes):
        path.write_bytes(source)
    else:
        path.write_text(source, encoding="utf-8", errors="surrogatepass")
    try:
        rules = load_rules(path)
        engine = make_engine(RulesPlugin(rules))
        render_all(engine.advise(EXAMPLES[example], date=DATE, lang="en"))
    except AdviesError as exc:
        check_error(exc)
        return CLEAN
    return VALID


def kinds() -> dict[str, Callable[[Mutator], Any]]:
    """The generators the benchmark cycles through, by name."""
    return {"project": Mutator.project_input, "rules": Mutator.rule_input}


if __name__ == "__main__":  # pragma: no cover - a quick look at what the mutator makes
    m = Mutator(random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
    for _ in range(5):
        print(repr(m.project_input())[:300])
        print(repr(m.rule_input())[:300])
