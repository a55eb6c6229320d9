"""Write ``_builtin_data.py``: the built-in rules, validated, as Python source.

Run it after changing a file in ``rules/`` (docs/rule-format.md)::

    python -m interventie_advies.plugins._generate          # write the module
    python -m interventie_advies.plugins._generate --check  # exit 1 if it is out of date

It loads the rule files as any rule file is loaded (parsed, validated, compiled), writes
each rule as the calls that rebuild it (``rulebook._rebuild.Builder``), and checks that
what the written module builds is what was loaded, private attributes and compiled
conditions included.
"""

from __future__ import annotations

import ast
import datetime as dt
import math
import sys
import types
import warnings
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..rulebook._budget import has_loops
from ..rulebook._condition_check import Checker
from ..rulebook._condition_scope import Scope
from ..rulebook._needs import NeedPath
from ..rulebook._rebuild import Builder
from ._builtin import checksum, load_rule_files, rule_files, rules_dir

__all__ = ["TARGET", "check", "main", "source"]

#: the generated module
TARGET = Path(__file__).with_name("_builtin_data.py")

_HEAD = '''\
"""The built-in rules, validated and compiled: generated from rules/*.toml; do not edit.

Written by ``python -m interventie_advies.plugins._generate`` (docs/rule-format.md); the
built-in plugin (``_builtin``) uses it while the rule files' checksum is CRC32.
"""

# ruff: noqa: E501
# fmt: off

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from ..rulebook._rule_parts import (
    Adjustment,
    Example,
    ExtraAction,
    Guard,
    LocalList,
    LocalSource,
    LocalText,
    Variant,
)
from ..rulebook._rules import Rule

if TYPE_CHECKING:
    from ..rulebook._rebuild import Builder

__all__ = ["CRC32", "FILES", "build"]

'''

_CLASSES = frozenset(
    {
        "Adjustment",
        "Example",
        "ExtraAction",
        "Guard",
        "LocalList",
        "LocalSource",
        "LocalText",
        "Rule",
        "Variant",
    }
)


class _Writer:
    """Python source for validated rules: each model a ``b.model`` call, one value a line."""

    def __init__(self) -> None:
        self.rule: Any = None  # the rule being written (its code labels budgets)

    def value(self, value: Any, indent: str) -> str:
        if isinstance(value, BaseModel):
            return self.model(value, indent)
        if isinstance(value, NeedPath):
            return f"b.need({value.text!r}, {value.steps!r})"
        if value is None or isinstance(value, (bool, int, str)):
            return repr(value)
        if isinstance(value, float) and math.isfinite(value):
            return repr(value)
        if type(value) in (dt.date, dt.datetime, dt.time):
            return repr(value)  # datetime.date(...): the generated module imports datetime
        inner = indent + "    "
        if isinstance(value, (tuple, list)):
            items = [self.value(v, inner) for v in value]
            if not items:
                return "()" if isinstance(value, tuple) else "[]"
            body = "".join(f"{inner}{item},\n" for item in items)
            return ("(\n{}{})" if isinstance(value, tuple) else "[\n{}{}]").format(body, indent)
        if isinstance(value, dict) and all(isinstance(k, str) for k in value):
            if not value:
                return "{}"
            body = "".join(f"{inner}{k!r}: {self.value(v, inner)},\n" for k, v in value.items())
            return f"{{\n{body}{indent}}}"
        raise TypeError(f"cannot write a {type(value).__name__} in a rule: {value!r}")

    def model(self, model: BaseModel, indent: str) -> str:
        name = type(model).__name__
        if name not in _CLASSES:
            raise TypeError(f"cannot write a {name} in a rule")
        inner = indent + "    "
        lines = [f"b.model({name},\n"]
        for field in type(model).model_fields:
            if field in model.model_fields_set:
                value = self.value(getattr(model, field), inner)
                lines.append(f"{inner}{field}={value},\n")
        private = []
        for attr, value in (model.__pydantic_private__ or {}).items():
            default = type(model).__private_attributes__[attr].get_default()
            if isinstance(value, types.CodeType):
                private.append(f"{inner}    {attr!r}: {self.condition(model)},\n")
            elif type(value) is not type(default) or value != default:
                private.append(f"{inner}    {attr!r}: {self.value(value, inner + '    ')},\n")
        if private:
            lines.append(f"{inner}_private={{\n{''.join(private)}{inner}}},\n")
        return "".join(lines) + f"{indent})"

    def condition(self, model: BaseModel) -> str:
        """The ``b.condition`` call that compiles ``model.when`` as validation did."""
        text: str = getattr(model, "when")  # noqa: B009 (any conditional part)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SyntaxWarning)  # "\d" in a text, Python 3.12+
            warnings.simplefilter("ignore", DeprecationWarning)  # the same before 3.12
            tree = ast.parse(text.strip(), "<condition>", "eval")
        if not has_loops(tree):
            return f"b.condition({text!r})"
        # NOTE: the comparisons whose sides the budget charges by size, as the typed walk
        # marks them; by their place in ast.walk, which the loader walks the same way
        checker = Checker(Scope(self.rule._facts_read, (), deferred=True))
        checker.check(tree)
        sized = tuple(i for i, node in enumerate(ast.walk(tree)) if id(node) in checker.sized)
        return f"b.condition({text!r}, {self.rule.code!r}, {sized!r})"


def source(paths: list[Path], rules: list[Any]) -> str:
    """The text of ``_builtin_data.py`` for ``rules``, loaded from ``paths``."""
    writer = _Writer()
    items = []
    for rule in rules:
        writer.rule = rule
        items.append(f"        {writer.model(rule, '        ')},\n")
    files = "".join(f"    {path.name!r},\n" for path in paths)
    return (
        _HEAD
        + f"#: the rule files, in their order\nFILES = (\n{files})\n"
        + "#: the checksum of their names, sizes and bytes (``_builtin.checksum``)\n"
        + f"CRC32 = {checksum(paths)!r}\n\n\n"
        + "def build(b: Builder) -> list[Rule]:\n"
        + '    """The built-in rules, rebuilt as they were validated."""\n'
        + "    return [\n"
        + "".join(items)
        + "    ]\n"
    )


def check(text: str, rules: list[Any]) -> None:
    """Build the rules from the module ``text`` and compare them with ``rules``.

    :raises ValueError: naming the first rule that differs.
    """
    namespace: dict[str, Any] = {"__name__": f"{__package__}._builtin_data_check"}
    namespace["__package__"] = __package__
    exec(compile(text, str(TARGET), "exec"), namespace)
    built = namespace["build"](Builder())
    if len(built) != len(rules):
        raise ValueError(f"{len(built)} rules rebuilt from {len(rules)}")
    for new, old in zip(built, rules, strict=True):
        if not same(new, old):
            raise ValueError(f"{old.code} is not rebuilt as it was loaded")


def same(new: Any, old: Any) -> bool:
    """Equal, with the same fields set, private attributes and compiled code, all the way."""
    if isinstance(old, BaseModel):
        return (
            type(new) is type(old)
            and new == old
            and new.model_fields_set == old.model_fields_set
            and list(new.__dict__) == list(old.__dict__)
            and repr(new) == repr(old)
            and all(same(new.__dict__[k], v) for k, v in old.__dict__.items())
            and same(new.__pydantic_private__, old.__pydantic_private__)
        )
    if isinstance(old, types.CodeType):
        return bool(new == old) and new.co_filename == old.co_filename
    if isinstance(old, dict):
        return (
            type(new) is type(old)
            and list(new) == list(old)
            and all(same(new[k], v) for k, v in old.items())
        )
    if isinstance(old, (tuple, list)):
        return (
            type(new) is type(old)
            and len(new) == len(old)
            and all(same(n, o) for n, o in zip(new, old, strict=True))
        )
    return type(new) is type(old) and bool(new == old)


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check``, compare) ``_builtin_data.py``; return the exit status."""
    args = sys.argv[1:] if argv is None else argv
    paths = rule_files(rules_dir())
    rules = load_rule_files(paths)
    text = source(paths, rules)
    check(text, rules)
    if "--check" in args:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is out of date: run python -m {__name__}", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET} ({len(rules)} rules from {len(paths)} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
