"""TOML → Project: parse, validate, and turn every problem into a readable Problem."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from ._errors import Problem, ProjectError
from ._project import Project, cross_field_problems
from ._toml import TOMLDecodeError, loads

__all__ = ["MAX_FILE_BYTES", "format_path", "load_project", "read_toml", "suggest"]

MAX_FILE_BYTES = 1024 * 1024

_PATTERNS = {
    "code": "a rule code: a capital letter, then capitals, digits or _ (e.g. CON01)",
    "name": "a dotted lowercase name (e.g. contact.moment_after_activity)",
}

_TYPE_WORDS = {
    "bool_type": "a boolean (true or false)",
    "int_type": "a whole number",
    "float_type": "a number",
    "string_type": "text in quotes",
    "date_type": "a date such as 2026-03-01 (without quotes)",
    "list_type": 'a list such as ["a", "b"]',
    "model_type": "a table",
    "dict_type": "a table",
    "model_attributes_type": "a table",
    # lax models (plugin extensions) report parsing errors instead of type errors
    "bool_parsing": "a boolean (true or false)",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_parsing": "a number",
    "date_parsing": "a date such as 2026-03-01",
    "date_from_datetime_parsing": "a date such as 2026-03-01",
    "date_from_datetime_inexact": "a date without a time",
    "datetime_from_date_parsing": "a date and time",
}


def _describe(value: object) -> str:
    """Name a found value so non-programmers recognise it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return f"{value.isoformat()} ({type(value).__name__})"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f"{shown!r} (text)"
    if isinstance(value, int):
        return f"{value} (whole number)"
    if isinstance(value, float):
        return f"{value} (number)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return repr(value)[:60]


def format_path(loc: tuple[int | str, ...]) -> str:
    """Turn a pydantic location into a TOML path such as ``partners[1].domain``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def suggest(word: str, choices: typing.Iterable[str]) -> str | None:
    """Return the closest choice to ``word``, or None when nothing is close."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


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


def _message(error: Mapping[str, Any], root: type[BaseModel]) -> str:
    kind = error["type"]
    loc = tuple(error["loc"])
    value = error.get("input")
    if kind == "extra_forbidden":
        key = str(loc[-1]) if loc else ""
        model = _model_at(root, loc[:-1])
        allowed = sorted(model.model_fields) if model else []
        hint = suggest(key, allowed)
        text = "unknown key"
        if hint:
            text += f"; did you mean {hint!r}?"
        if allowed:
            text += f" (allowed here: {', '.join(allowed)})"
        return text
    if kind == "missing":
        return "this key is required but missing"
    if kind == "string_pattern_mismatch":
        what = _PATTERNS.get(str(loc[-1]) if loc else "", "text of the expected form")
        return f"{_describe(value)} is not {what}"
    if kind == "literal_error":
        expected = re.findall(r"'([^']*)'", str(error.get("ctx", {}).get("expected", "")))
        text = f"{_describe(value)} is not allowed; allowed: {', '.join(expected)}"
        hint = suggest(str(value), expected) if isinstance(value, str) else None
        if hint:
            text += f"; did you mean {hint!r}?"
        return text
    if kind in _TYPE_WORDS:
        return f"expected {_TYPE_WORDS[kind]}, found {_describe(value)}"
    msg = str(error["msg"])
    if kind.startswith(("too_", "greater_", "less_", "string_too", "finite")):
        return f"{msg[:1].lower()}{msg[1:]}; found {_describe(value)}"
    return msg


def problems_from_validation(
    exc: ValidationError, file: str, root: type[BaseModel] = Project, prefix: str = ""
) -> list[Problem]:
    """Turn a pydantic ValidationError into Problems with TOML paths."""
    problems = []
    for error in exc.errors(include_url=False):
        path = format_path(tuple(error["loc"]))
        if prefix:
            path = f"{prefix}.{path}" if path else prefix
        problems.append(Problem(file, path, _message(error, root)))
    return problems


_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)")


def read_toml(text: str, file: str) -> dict[str, Any]:
    """Parse TOML text; a syntax error becomes a ProjectError with line and column."""
    try:
        data: dict[str, Any] = loads(text)
        return data
    except TOMLDecodeError as exc:
        message = str(exc)
        match = _POSITION.search(message)
        line = column = None
        if match:
            line, column = int(match.group(1)), int(match.group(2))
            message = _POSITION.sub("", message)
        raise ProjectError([Problem(file, "", f"invalid TOML: {message}", line, column)]) from None


def read_text(path: Path) -> str:
    """Read a project file as UTF-8, refusing files over MAX_FILE_BYTES."""
    file = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ProjectError(
                [
                    Problem(
                        file,
                        "",
                        f"file is {size:,} bytes; project files may be at most "
                        f"{MAX_FILE_BYTES:,} bytes (1 MiB)",
                    )
                ]
            )
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ProjectError([Problem(file, "", f"cannot read file: {reason}")]) from None
    if len(data) > MAX_FILE_BYTES:
        raise ProjectError([Problem(file, "", "file is larger than 1 MiB")])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProjectError(
            [Problem(file, "", f"file is not UTF-8 text (byte {exc.start}); save it as UTF-8")]
        ) from None


def _looks_like_path(text: str) -> bool:
    if not text.strip() or "\n" in text or "=" in text or len(text) > 4096:
        return False
    if text.endswith(".toml"):
        return True
    try:
        return Path(text).exists()
    except (OSError, ValueError):  # too long for the OS, or a NUL byte
        return False


def load_project(
    source: Project | str | os.PathLike[str] | Mapping[str, Any], *, file: str | None = None
) -> Project:
    """Load and validate a project from a path, TOML text, a dict or a Project.

    :param source: a path (``Path`` or a string ending in ``.toml``), TOML text, or a dict.
    :param file: the name to use in error messages (default: the path, ``<text>`` or ``<dict>``).
    :raises ProjectError: with every problem found, each naming file and TOML path.
    """
    if isinstance(source, Project):
        return source
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _looks_like_path(source)):
        path = Path(source)
        name = file or str(source)
        data: Any = read_toml(read_text(path), name)
    elif isinstance(source, str):
        name = file or "<text>"
        if len(source.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
            raise ProjectError([Problem(name, "", "text is larger than 1 MiB")])
        data = read_toml(source, name)
    elif isinstance(source, Mapping):
        name = file or "<dict>"
        data = dict(source)
    else:
        raise ProjectError(
            [Problem(file or "<input>", "", f"cannot read a project from {type(source).__name__}")]
        )
    return validate_project(data, name)


def validate_project(data: Mapping[str, Any], file: str) -> Project:
    """Validate parsed data; raise ProjectError with all problems."""
    try:
        project = Project.model_validate(data)
    except ValidationError as exc:
        problems = problems_from_validation(exc, file)
        known = {p.path for p in problems}
        problems += [p for p in _cross(cross_field_problems(data), file) if p.path not in known]
        raise ProjectError(problems) from None
    except (RecursionError, TypeError, ValueError) as exc:  # pragma: no cover - defensive
        raise ProjectError([Problem(file, "", f"cannot validate: {exc}")]) from None
    cross = cross_field_problems(project)
    if cross:
        raise ProjectError(_cross(cross, file))
    return project


def _cross(found: list[tuple[str, str, object]], file: str) -> list[Problem]:
    return [
        Problem(file, path, f"{msg}; found {_describe(value)}" if value is not None else msg)
        for path, msg, value in found
    ]
