"""Write validated rules as Python source: the calls of a ``Builder`` that rebuild them.

Shared by the built-in rules' generator (``plugins/_generate.py``) and the one plugins run
(``python -m interventie_advies.ship``). The module written imports nothing of the package
(classes are named, the builder is passed in), so that any version of the package can
import it, read its ``FORMAT`` and leave it unbuilt when that is not its own (``_shipped``).
"""

from __future__ import annotations

import ast
import datetime as dt
import math
import sys
import types
import warnings
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ._budget import has_loops
from ._condition_check import Checker
from ._condition_scope import Scope
from ._needs import NeedPath
from ._rebuild import CLASSES, Builder, format_id
from ._shipped import checksum

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from pathlib import Path

    from ._rules import Rule

__all__ = ["Writer", "check", "module_text", "same", "write"]

_HEAD = '''\
"""{title}

Written by ``{command}`` ({doc}).
{user} uses it while FORMAT is the package's own and the rule files' checksum is CRC32.
"""

# ruff: noqa: E501
# fmt: off

from __future__ import annotations

{imports}from typing import Any

__all__ = ["CRC32", "FILES", "FORMAT", "SETTINGS", "build"]

'''


class Writer:
    """Python source for validated rules: each model a ``b.model`` call, one value a line.

    :param origins: how the rules name each file; a rule that names its file so is written
        to take its origin from the builder (``b.origins[k]``), known when it is loaded.
    :param extensions: the extension models the rules were validated with (None: not given).
    """

    def __init__(
        self, origins: Sequence[str] = (), extensions: Mapping[str, type[BaseModel]] | None = None
    ) -> None:
        self.rule: Any = None  # the rule being written (its code labels budgets)
        self.origins = tuple(origins)
        self.extensions = tuple(sorted((extensions or {}).items()))
        self.deferred = extensions is None
        self.dates = False  # whether a date was written (the module imports datetime)

    def value(self, value: Any, indent: str) -> str:
        """``value`` as Python source; models and ``needs`` paths as builder calls."""
        if isinstance(value, BaseModel):
            return self.model(value, indent)
        if isinstance(value, NeedPath):
            return f"b.need({value.text!r}, {value.steps!r})"
        if isinstance(value, types.FunctionType):
            return self.function(value)
        if value is None or isinstance(value, (bool, int, str)):
            return repr(value)
        if isinstance(value, float) and math.isfinite(value):
            return repr(value)
        if type(value) in (dt.date, dt.datetime, dt.time):
            self.dates = True
            return repr(value)  # datetime.date(...): the module then imports datetime
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

    @staticmethod
    def function(value: types.FunctionType) -> str:
        """The ``b.function`` call that finds a Python rule's ``when`` by its name."""
        module, name = value.__module__, value.__qualname__
        found: Any = sys.modules.get(module)
        for part in name.split("."):
            found = getattr(found, part, None)
        if found is not value:
            raise TypeError(f"cannot write {name} in a rule: it is not found by its name")
        return f"b.function({module!r}, {name!r})"

    def model(self, model: BaseModel, indent: str) -> str:
        """The ``b.model`` call that rebuilds ``model``: the fields set, private attributes."""
        name = type(model).__name__
        if CLASSES.get(name) is not type(model):
            raise TypeError(f"cannot write a {name} in a rule")
        inner = indent + "    "
        lines = [f"b.model({name!r},\n"]
        for field in type(model).model_fields:
            if field in model.model_fields_set:
                value = getattr(model, field)
                if model is self.rule and field == "origin" and value in self.origins:
                    text = f"b.origins[{self.origins.index(value)}]"
                else:
                    text = self.value(value, inner)
                lines.append(f"{inner}{field}={text},\n")
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
        checker = Checker(Scope(self.rule._facts_read, self.extensions, deferred=self.deferred))
        checker.check(tree)
        sized = tuple(i for i, node in enumerate(ast.walk(tree)) if id(node) in checker.sized)
        return f"b.condition({text!r}, {self.rule.code!r}, {sized!r})"


def module_text(
    paths: Sequence[Path],
    rules: Sequence[Rule],
    writer: Writer,
    *,
    settings: Mapping[str, Any],
    title: str,
    command: str,
    doc: str,
    user: str,
) -> str:
    """The text of a module that rebuilds ``rules``, validated from the files ``paths``.

    :param settings: what the files were validated with (``_shipped.settings``).
    :param title: the module's summary line; ``command``, ``doc``, ``user``: how it is
        written again, where that is explained, and what uses it.
    """
    items = []
    for rule in rules:
        writer.rule = rule
        items.append(f"        {writer.model(rule, '        ')},\n")
    files = "".join(f"    {path.name!r},\n" for path in paths)
    head = _HEAD.format(
        title=title,
        command=command,
        doc=doc,
        user=user,
        imports="import datetime\n" if writer.dates else "",
    )
    return (
        head
        + "#: the format of the calls below (``rulebook._rebuild.format_id``)\n"
        + f"FORMAT = {format_id()!r}\n"
        + f"#: the rule files, in their order\nFILES = (\n{files})\n"
        + "#: the checksum of their names, sizes and bytes (``rulebook._shipped.checksum``)\n"
        + f"CRC32 = {checksum(paths)!r}\n"
        + "#: what they were validated with\n"
        + f"SETTINGS = {writer.value(dict(settings), '')}\n\n\n"
        + "def build(b: Any) -> list[Any]:\n"
        + '    """The rules, rebuilt as they were validated."""\n'
        + "    return [\n"
        + "".join(items)
        + "    ]\n"
    )


def check(text: str, rules: Sequence[Rule], origins: Sequence[str], name: str) -> None:
    """Build the rules from the module ``text`` and compare them with ``rules``.

    :raises ValueError: naming the first rule that differs.
    """
    namespace: dict[str, Any] = {"__name__": f"{name}_check"}
    exec(compile(text, name, "exec"), namespace)
    built = namespace["build"](Builder(origins))
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


def write(target: Path, text: str, *, only_check: bool, command: str) -> int:
    """Write ``text`` to ``target``, or compare them; the exit status of the generator.

    :param only_check: compare only: 1 (and say to run ``command``) when they differ.
    """
    if only_check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print(f"{target} is out of date: run {command}", file=sys.stderr)
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0
