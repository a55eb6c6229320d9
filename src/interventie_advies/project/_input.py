"""What a person may write for a value: enum labels in either language, dates as text.

A project file is written by people, and read from JSON and web forms by programs: the
Dutch label of a value (``"voorbereiding"``), its English label, the value in another case
or with spaces or hyphens (``"Co-design"``) all mean the canonical value (``"co_design"``);
an ISO date given as text (``"2027-01-11"``) means that date. Everything else is left as
it was, for the strict models to refuse with a clear message.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import types
import unicodedata
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from ..messages import UNKNOWN_ANSWERS, choice_label
from ..messages._i18n import Language, t
from . import _enums

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "ENUMS",
    "aliases",
    "allowed_values",
    "as_meant",
    "dont_know_hint",
    "enum_name",
    "evaluation_date",
    "normal_form",
    "suggest_value",
    "written_forms",
    "written_values",
]

#: the vocabularies of rules and reports, not of project files
_REPORT_ONLY = frozenset({"Kind", "Priority", "Effort", "Evidence"})
#: every vocabulary of the project file, by the name its labels use in the catalogue
ENUMS: Mapping[str, Any] = MappingProxyType(
    {
        **{
            name: v
            for name, v in vars(_enums).items()
            if get_origin(v) is Literal and name not in _REPORT_ONLY
        },
        "Language": Language,
    }
)
_NAMES: dict[Any, str] = {value: name for name, value in ENUMS.items()}

_SEPARATORS = re.compile(r"[\s_\-]+")
# NOTE: labels such as "het groepskanaal" read well in a report; a person writes "groepskanaal"
_ARTICLE = re.compile(r"^(?:de|het|een|the|a|an) (?=\S)")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def normal_form(text: str) -> str:
    """``text`` without case, accents, a leading article or the spaces/``_``/``-`` difference."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return _ARTICLE.sub("", _SEPARATORS.sub(" ", plain).strip())


def enum_name(annotation: Any) -> str | None:
    """The name of the vocabulary ``annotation`` is (``Phase``), or None."""
    try:
        return _NAMES.get(annotation)
    except TypeError:  # an unhashable annotation is no vocabulary
        return None


def _forms(enum: str) -> list[tuple[str, str]]:
    """``(form as written, value)``: the values, Dutch labels, short forms, English labels."""
    from ..messages._choices import ALSO_ACCEPTED  # NOTE: on first use, not at start-up

    values = get_args(ENUMS[enum])
    found = [(value, value) for value in values]
    found += [(choice_label(value, "nl", enum), value) for value in values]
    for value in values:
        short = ALSO_ACCEPTED.get(f"{enum}.{value}", ALSO_ACCEPTED.get(value, ()))
        found += [(form, value) for form in short]
    found += [(choice_label(value, "en", enum), value) for value in values]
    return found


@functools.cache
def aliases(enum: str) -> Mapping[str, str]:
    """Every way to write a value of ``enum`` (in normal form) → the canonical value.

    The value itself, its Dutch and English labels, and the words ``ALSO_ACCEPTED`` adds;
    a form that two values share is left out (it would be a guess).
    """
    found: dict[str, set[str]] = {}
    for form, value in _forms(enum):
        found.setdefault(normal_form(form), set()).add(value)
    return MappingProxyType({form: next(iter(v)) for form, v in found.items() if len(v) == 1})


@functools.cache
def written_forms(enum: str) -> Mapping[str, str]:
    """Each accepted way to write a value of ``enum`` once, as written → the value.

    In order: the values, then the Dutch labels and short forms, then the English labels
    (for the JSON Schema: what an editor offers and accepts).
    """
    table = aliases(enum)
    found: dict[str, str] = {}
    seen: set[str] = set()
    for form, value in _forms(enum):
        normal = normal_form(form)
        if normal in table and normal not in seen:
            seen.add(normal)
            found[form] = value
    return MappingProxyType(found)


def suggest_value(written: str, enum: str) -> str | None:
    """The nearest way to write a value of ``enum`` to ``written``, as a person writes it.

    The Dutch label when the nearest form is Dutch, else the canonical value.
    """
    from .._suggest import suggest

    table = aliases(enum)
    nearest = suggest(normal_form(written), table)
    if nearest is None:
        return None
    value = table[nearest]
    dutch = choice_label(value, "nl", enum)
    return dutch if normal_form(dutch) == nearest and nearest != normal_form(value) else value


def allowed_values(expected: list[str], enum: str | None) -> str:
    """The allowed values; in Dutch with the Dutch word after each that has one."""
    if enum is None:
        return ", ".join(expected)
    shown = []
    for value in expected:
        dutch = choice_label(value, "nl", enum)
        same = normal_form(dutch) == normal_form(value)
        shown.append(value if same else t(nl="{v} ({d})", en="{v}", v=value, d=dutch))
    return ", ".join(shown)


def dont_know_hint(value: object) -> str:
    """For a "don't know" written as a value: leave the line out."""
    if isinstance(value, str) and value.strip() and value.strip().casefold() in UNKNOWN_ANSWERS:
        return t(
            nl="; weet je het (nog) niet, laat de regel dan weg",
            en="; if you don't know (yet), leave the line out",
        )
    return ""


def _special(annotation: Any) -> tuple[str, bool] | None:
    """``(enum name or "date", is a list)`` for a field that takes written values, else None."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) != 1:
            return None
        annotation = args[0]
    is_list = get_origin(annotation) is list
    inner = get_args(annotation)[0] if is_list else annotation
    if inner is dt.date:
        return "date", is_list
    name = enum_name(inner)
    return (name, is_list) if name else None


#: a field that takes written values: its name, its vocabulary (or "date"), whether it is
#: a list, and the values that need no change (empty for dates)
_Field = tuple[str, str, bool, frozenset[str]]


@functools.cache
def _fields(model: type[BaseModel]) -> tuple[_Field, ...]:
    found = []
    for name, info in model.model_fields.items():
        special = _special(info.annotation)
        if special:
            kind, is_list = special
            canonical = frozenset() if kind == "date" else frozenset(get_args(ENUMS[kind]))
            found.append((name, kind, is_list, canonical))
    return tuple(found)


def _one(value: Any, kind: str) -> Any:
    if not isinstance(value, str):
        return value
    if kind == "date":
        if _ISO_DATE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                return value
        return value
    return aliases(kind).get(normal_form(value), value)


def written_values(model: type[BaseModel], data: Any) -> Any:
    """``data`` for ``model`` with labels and text dates replaced by what they mean.

    A value that is already canonical (or not text) is passed over with one set look-up;
    the table is copied only when a value changes.
    """
    if not isinstance(data, dict):
        return data
    changed: dict[str, Any] | None = None
    for name, kind, is_list, canonical in _fields(model):
        value = data.get(name)
        if value is None:
            continue
        if is_list and type(value) is list:
            if all(type(v) is not str or v in canonical for v in value):
                continue
            new: Any = [v if v in canonical else _one(v, kind) for v in value]
            if new == value and all(type(a) is type(b) for a, b in zip(new, value, strict=True)):
                continue
        else:
            if type(value) is not str or value in canonical:
                continue
            new = _one(value, kind)
            if new is value:
                continue
        if changed is None:
            changed = dict(data)
        changed[name] = new
    return data if changed is None else changed


@functools.cache
def _tables(model: type[BaseModel]) -> tuple[tuple[str, type[BaseModel], bool], ...]:
    """The fields of ``model`` that hold a table or a list of tables."""
    found = []
    for name, info in model.model_fields.items():
        annotation = info.annotation
        if get_origin(annotation) in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
        is_list = get_origin(annotation) is list
        inner = get_args(annotation)[0] if is_list else annotation
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            found.append((name, inner, is_list))
    return tuple(found)


def as_meant(model: type[BaseModel], data: Any) -> Any:
    """``data`` for ``model`` and all its tables with what people wrote read as meant.

    Returns ``data`` itself when nothing changed, else a changed copy (``data`` is left
    as it was).
    """
    if not isinstance(data, dict):
        return data
    out = written_values(model, data)
    for name, sub, is_list in _tables(model):
        value = out.get(name)
        if is_list and type(value) is list:
            new: Any = [as_meant(sub, item) for item in value]
            if all(a is b for a, b in zip(new, value, strict=True)):
                continue
        elif type(value) is dict:
            new = as_meant(sub, value)
            if new is value:
                continue
        else:
            continue
        if out is data:
            out = dict(data)
        out[name] = new
    return out


def evaluation_date(value: object) -> dt.date | None:
    """The evaluation date the API was given: a date, ISO text (``"2026-11-01"``) or None.

    :raises UsageError: anything else, or text that is no date.
    """
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    from .._errors import UsageError

    raise UsageError(
        t(
            nl="date={v!r} is geen datum; geef een datum zoals '2026-11-01' (jaar-maand-dag) "
            "of een datetime.date",
            en="date={v!r} is not a date; give a date such as '2026-11-01' (year-month-day) "
            "or a datetime.date",
            v=value,
        )
    )
