"""``{table.field}`` placeholders in a rule's texts, filled in people's words.

A value is shown as a reader of the report would say it, in the report's language: an
enum value by its label in the catalogue (``messages/``, e.g. ``monthly`` → "elke maand"),
a list as "a, b en c" / "a, b and c" (a set sorted first), a yes/no as "ja"/"nee", a
date as "1 juli 2026" / "1 July 2026".
docs/rule-format.md#placeholders lists what a text may name.

An absent value is shown as ``?``: a rule whose text names something the file may leave
out keeps that text for a ``[[rule.variants]]`` or ``[[rule.extra_actions]]`` entry that
needs the fact (tests/test_text_scan.py checks the built-in rules).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import types
import typing
from typing import TYPE_CHECKING, Any, Literal, Union, get_args, get_origin

from ..messages import choice_label, word
from ..project import _enums
from ..project._facts import Dated, Facts
from ..project._model import TABLES

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = ["PLACEHOLDER", "fill_placeholders", "joined", "placeholders_in"]

PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+)\}")

#: each enum of the project file by its type (``Literal[...]``) → its name (``Barrier``)
_ENUM_NAMES = {value: name for name, value in vars(_enums).items() if get_origin(value) is Literal}


def placeholders_in(*texts: str | None) -> list[str]:
    """The placeholder paths in ``texts`` (in order, repeats kept)."""
    return [path for text in texts if text for path in PLACEHOLDER.findall(text)]


def joined(words: Iterable[str], lang: str) -> str:
    """``a``, ``a en b``, ``a, b en c`` (``and`` in English)."""
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word('and', lang)} {items[-1]}"


def _enum_of(annotation: Any) -> str | None:
    """The enum name of a field's type, through ``| None``, lists and sets."""
    while True:
        name = _ENUM_NAMES.get(annotation)
        if name is not None:
            return name
        origin = get_origin(annotation)
        if origin in (Union, types.UnionType, list, set, frozenset, tuple):
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return None
            annotation = args[0]
        else:
            return None


@functools.lru_cache(maxsize=1024)
def enum_of(path: str) -> str | None:
    """The enum whose values ``path`` holds (``residents.barriers`` → ``Barrier``), if any."""
    table, _, field = path.partition(".")
    if "." in field:
        return None
    if table == "facts":
        hints = typing.get_type_hints(Facts)
        return _enum_of(hints.get(field))
    model = TABLES.get(table)
    if model is None or field not in model[0].model_fields:
        return None
    return _enum_of(model[0].model_fields[field].annotation)


def shown(value: Any, lang: str, enum: str | None = None) -> str:
    """``value`` in the words of the report (see the module docstring)."""
    if isinstance(value, bool):
        return word("true" if value else "false", lang)
    if isinstance(value, str):
        return choice_label(value, lang, enum) if enum else value
    if isinstance(value, Dated):
        return f"{value.name} ({shown(value.date, lang)})"
    if isinstance(value, (set, frozenset)):
        return joined((shown(v, lang, enum) for v in sorted(value, key=str)), lang)
    if isinstance(value, (list, tuple)):
        return joined((shown(v, lang, enum) for v in value), lang)
    if isinstance(value, dt.date):
        return f"{value.day} {word(f'month_{value.month}', lang)} {value.year}"
    return str(value)


def fill_placeholders(text: str, namespace: Mapping[str, Any], lang: str = "nl") -> str:
    """Replace ``{table.field}`` with the project's value in words (``?`` when absent)."""
    if "{" not in text:
        return text

    def value(match: re.Match[str]) -> str:
        path = match.group(1)
        parts = path.split(".")
        current: Any = namespace.get(parts[0])
        for part in parts[1:]:
            current = getattr(current, part, None) if current is not None else None
        if current is None or current == [] or current == set():
            return "?"
        return shown(current, lang, enum_of(path))

    return PLACEHOLDER.sub(value, text)
