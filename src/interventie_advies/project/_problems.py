"""Problems in plain words: pydantic's validation errors → Problems with TOML paths.

Also the cross-table problems of a project (``_project_cross``) become Problems here, so
every found value is described the same way (``'x' (text)``, ``3 (whole number)``).
"""

from __future__ import annotations

import datetime as dt
import re
import types
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin

from pydantic import BaseModel

from .._errors import MAX_SHOWN, Problem, cut
from .._suggest import suggest
from ..messages import has_text
from ..messages._i18n import say, t
from ._model import Project

if TYPE_CHECKING:
    from collections.abc import Mapping

    from pydantic import ValidationError

__all__ = ["MAX_PROBLEMS", "cross_problems", "format_path", "problems_from_validation"]

#: problems listed for one validation; the rest are counted in one last line
MAX_PROBLEMS = 100


def _describe(value: object) -> str:
    """Name a found value so non-programmers recognise it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return f"{value.isoformat()} ({type(value).__name__})"
    if isinstance(value, str):
        return t(nl="{v!r} (tekst)", en="{v!r} (text)", v=cut(value))
    if isinstance(value, int):
        if abs(value) >= _SHOWN_INT:  # NOTE: str() of a huge int is slow, and refused
            return t(
                nl="een heel getal van meer dan {n} cijfers",
                en="a whole number of more than {n} digits",
                n=MAX_SHOWN,
            )
        return t(nl="{v} (heel getal)", en="{v} (whole number)", v=value)
    if isinstance(value, float):
        return t(nl="{v} (getal)", en="{v} (number)", v=value)
    if isinstance(value, list):
        return t(nl="een lijst", en="a list")
    if isinstance(value, dict):
        return t(nl="een tabel", en="a table")
    return cut(repr(value))


_SHOWN_INT = 10**MAX_SHOWN
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _key(part: str) -> str:
    """A key as TOML writes it: bare, or quoted with escapes (and cut when very long).

    NOTE: keys come from the file; quoting keeps an error on one line and stops a key
    from steering the terminal (escape sequences, newlines, bidi overrides).
    """
    if _BARE_KEY.fullmatch(part) and len(part) <= MAX_SHOWN:
        return part
    shown = cut(part)
    escaped = ""
    for ch in shown:
        if ch.isprintable() and ch not in '"\\':
            escaped += ch
        elif ord(ch) < 0x10000:
            import json  # only for such a key (5 M instructions at every start-up otherwise)

            escaped += json.dumps(ch)[1:-1]  # \n, \", \\, \u001b
        else:
            escaped += f"\\U{ord(ch):08X}"
    return f'"{escaped}"'


def format_path(loc: tuple[int | str, ...]) -> str:
    """Turn a pydantic location into a TOML path such as ``partners[1].domain``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{_key(str(part))}" if out else _key(str(part))
    return out


def _unwrap(annotation: Any) -> Any:
    """Strip Optional/list wrappers down to the model (or value type) inside."""
    while True:
        origin = get_origin(annotation)
        if origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation
        elif origin in (list, tuple):
            annotation = get_args(annotation)[0]
        else:
            return annotation


def _model_at(root: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    current: Any = root
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _unwrap(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _enum_at(root: type[BaseModel], loc: tuple[int | str, ...]) -> str | None:
    """The vocabulary of the field at ``loc`` (``Phase``), or None."""
    while loc and isinstance(loc[-1], int):
        loc = loc[:-1]
    model = _model_at(root, loc[:-1]) if loc else None
    field = model.model_fields.get(str(loc[-1])) if model else None
    from ._input import enum_name  # NOTE: here, as the rest of _input: only on errors

    return enum_name(_unwrap(field.annotation)) if field else None


def _message(error: Mapping[str, Any], root: type[BaseModel]) -> str:
    # NOTE: imported on the first problem, so that a valid file's start-up does not pay it
    from ._input import allowed_values, dont_know_hint, suggest_value

    kind = error["type"]
    loc = tuple(error["loc"])
    value = error.get("input")
    if kind == "extra_forbidden":
        key = str(loc[-1]) if loc else ""
        model = _model_at(root, loc[:-1])
        allowed = sorted(model.model_fields) if model else []
        hint = suggest(key, allowed)
        text = t(nl="onbekende sleutel", en="unknown key")
        if hint:
            text += t(nl="; bedoel je {h!r}?", en="; did you mean {h!r}?", h=hint)
        if allowed:
            text += t(nl=" (hier toegestaan: {a})", en=" (allowed here: {a})", a=", ".join(allowed))
        return text
    if kind == "missing":
        return t(
            nl="deze sleutel is verplicht maar ontbreekt", en="this key is required but missing"
        )
    if kind == "string_pattern_mismatch":
        field = f"pattern.{loc[-1]}" if loc else ""
        what = say(field if has_text(field) else "pattern.other")
        return t(nl="{v} is geen {w}", en="{v} is not {w}", v=_describe(value), w=what)
    if kind == "literal_error":
        expected = re.findall(r"'([^']*)'", str(error.get("ctx", {}).get("expected", "")))
        enum = _enum_at(root, loc)
        text = t(
            nl="{v} is niet toegestaan; wel toegestaan: {a}",
            en="{v} is not allowed; allowed: {a}",
            v=_describe(value),
            a=allowed_values(expected, enum),
        )
        unknown = dont_know_hint(value)
        if unknown:
            return text + unknown
        hint = None
        if isinstance(value, str):
            hint = suggest_value(value, enum) if enum else suggest(value, expected)
        if hint:
            text += t(nl="; bedoel je {h!r}?", en="; did you mean {h!r}?", h=hint)
        return text
    if has_text(f"type.{kind}"):
        return t(
            nl="verwacht: {w}; gevonden: {v}",
            en="expected {w}, found {v}",
            w=say(f"type.{kind}"),
            v=_describe(value),
        ) + dont_know_hint(value)
    if kind.startswith(("too_", "greater_", "less_", "string_too", "finite")):
        return t(
            nl="{m}; gevonden: {v}", en="{m}; found {v}", m=_limit(kind, error), v=_describe(value)
        )
    return str(error["msg"])


def _limit(kind: str, error: Mapping[str, Any]) -> str:
    """A range or length problem in words (pydantic's own text is English only)."""
    ctx = error.get("ctx") or {}
    if kind == "string_too_short" and ctx.get("min_length") == 1:
        kind = "string_empty"
    if not has_text(f"limit.{kind}"):
        msg = str(error["msg"])
        return msg[:1].lower() + msg[1:]
    return say(f"limit.{kind}", **{k: v for k, v in ctx.items() if isinstance(k, str)})


def problems_from_validation(
    exc: ValidationError, file: str, root: type[BaseModel] = Project, prefix: str = ""
) -> list[Problem]:
    """Turn a pydantic ValidationError into Problems with TOML paths (at most MAX_PROBLEMS)."""
    problems = []
    errors = exc.errors(include_url=False)
    for error in errors[:MAX_PROBLEMS]:
        path = format_path(tuple(error["loc"]))
        if prefix:
            path = f"{prefix}.{path}" if path else prefix
        problems.append(Problem(file, path, _message(error, root)))
    if len(errors) > MAX_PROBLEMS:
        problems.append(
            Problem(
                file,
                prefix,
                t(
                    nl="nog {n:,} problemen niet getoond; los eerst de {m} hierboven op",
                    en="{n:,} more problems not shown; fix the {m} above first",
                    n=len(errors) - MAX_PROBLEMS,
                    m=MAX_PROBLEMS,
                ),
            )
        )
    return problems


def cross_problems(found: list[tuple[str, str, object]], file: str) -> list[Problem]:
    """Turn ``(path, message, value)`` triples of ``cross_field_problems`` into Problems."""
    return [
        Problem(
            file,
            path,
            t(nl="{m}; gevonden: {v}", en="{m}; found {v}", m=msg, v=_describe(value))
            if value is not None
            else msg,
        )
        for path, msg, value in found
    ]
