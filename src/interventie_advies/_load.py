"""TOML → Project: parse, validate, and turn every problem into a readable Problem."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import itertools
import json
import os
import re
import types
import typing
from collections.abc import Mapping
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from ._errors import MAX_SHOWN, Problem, ProjectError, cut
from ._i18n import say, t
from ._io import FileTooLarge, NotRegularFile, read_limited
from ._messages import has_text
from ._project import Project
from ._project_cross import cross_field_problems
from ._toml import NumberTooLong, TOMLDecodeError, loads, max_digits

__all__ = ["MAX_FILE_BYTES", "format_path", "load_project", "read_toml", "suggest"]

MAX_FILE_BYTES = 1024 * 1024
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
        text = t(
            nl="{v} is niet toegestaan; wel toegestaan: {a}",
            en="{v} is not allowed; allowed: {a}",
            v=_describe(value),
            a=", ".join(expected),
        )
        hint = suggest(str(value), expected) if isinstance(value, str) else None
        if hint:
            text += t(nl="; bedoel je {h!r}?", en="; did you mean {h!r}?", h=hint)
        return text
    if has_text(f"type.{kind}"):
        return t(
            nl="verwacht: {w}; gevonden: {v}",
            en="expected {w}, found {v}",
            w=say(f"type.{kind}"),
            v=_describe(value),
        )
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


_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)")


#: a key or table header with more dotted parts is refused before parsing (the parser's
#: time grows with the square of the parts); nesting deeper than MAX_DEPTH is refused after
MAX_KEY_PARTS = 32
MAX_DEPTH = 32
_DEEP_KEY = re.compile(
    r"(?<![A-Za-z0-9_-])(?:(?:[A-Za-z0-9_-]+|\"[^\"\n]*\"|'[^'\n]*')[ \t]*\.[ \t]*)"
    + f"{{{MAX_KEY_PARTS}}}"
)


def _too_deep(file: str) -> ProjectError:
    return ProjectError(
        [
            Problem(
                file,
                "",
                t(
                    nl="te diep genest: hoogstens {n} niveaus van tabellen, lijsten en sleutels "
                    "met punten",
                    en="nested too deeply: at most {n} levels of tables, lists and dotted keys",
                    n=MAX_DEPTH,
                ),
            )
        ]
    )


#: what parsed TOML holds besides tables and arrays (skipped cheaply by the depth walk)
_SCALARS = frozenset({str, int, float, bool, dt.date, dt.datetime, dt.time, type(None)})


def check_depth(data: Any, file: str, start: int = 0) -> None:
    """Raise ProjectError when ``data`` nests deeper than MAX_DEPTH (cycles count as deep).

    NOTE: only containers are visited (a project has a few dozen) and scalars are skipped
    by their exact type, so this costs microseconds; the recursion is bounded by
    MAX_DEPTH, and a cycle exceeds it.
    """
    visits = [0]  # a dict from the API may share one list many times: count every visit

    def walk(value: Any, depth: int) -> None:
        visits[0] += 1
        if depth > MAX_DEPTH or visits[0] > MAX_FILE_BYTES:  # a 1 MiB file has fewer
            raise _too_deep(file)
        children = value.values() if isinstance(value, Mapping) else value
        for child in children:
            if type(child) not in _SCALARS and isinstance(child, (Mapping, list, tuple)):
                walk(child, depth + 1)

    if isinstance(data, (Mapping, list, tuple)):
        walk(data, start)


def read_toml(text: str, file: str) -> dict[str, Any]:
    """Parse TOML text; a syntax error becomes a ProjectError with line and column."""
    # NOTE: the regex only runs where it can match: a line with MAX_KEY_PARTS dots
    if (
        text.count(".") >= MAX_KEY_PARTS
        and max(map(str.count, text.splitlines(), itertools.repeat("."))) >= MAX_KEY_PARTS
        and _DEEP_KEY.search(text)
    ):
        raise _too_deep(file)
    try:
        data: dict[str, Any] = loads(text)
        # NOTE: nesting is checked in validate_project, only where it can be deep: the
        # strict models reject deep data anywhere but in [extensions]
        return data
    except RecursionError:
        raise _too_deep(file) from None
    except TOMLDecodeError as exc:
        message = str(exc)
        match = _POSITION.search(message)
        line = column = None
        if match:
            line, column = int(match.group(1)), int(match.group(2))
            message = _POSITION.sub("", message)
        problem = Problem(
            file,
            "",
            t(nl="ongeldige TOML: {m}", en="invalid TOML: {m}", m=cut(message, 200)),
            line,
            column,
        )
    except NumberTooLong as exc:
        problem = Problem(
            file,
            exc.key,
            t(
                nl="getal te lang: {n:,} cijfers; een heel getal mag hoogstens {m:,} cijfers "
                "hebben",
                en="number too long: {n:,} digits; a whole number may have at most {m:,}",
                n=exc.digits,
                m=max_digits(),
            ),
            exc.line,
            exc.column,
        )
    except ValueError as exc:  # pragma: no cover - tomli raised something unforeseen
        problem = Problem(
            file, "", t(nl="ongeldige TOML: {m}", en="invalid TOML: {m}", m=cut(str(exc)))
        )
    raise ProjectError([problem])


def _file_problem(file: str, en: str, nl: str, /, **params: Any) -> ProjectError:
    return ProjectError([Problem(file, "", t(nl=nl, en=en, **params))])


def read_text(path: str | os.PathLike[str], file: str | None = None) -> str:
    """Read a project file as UTF-8: a regular file of at most MAX_FILE_BYTES.

    :param file: the name to use in error messages (default: the path).
    :raises ProjectError: the file cannot be read, is not a regular file, is too large,
        or is not UTF-8.
    """
    name = os.fspath(path) if file is None else file
    try:
        data = read_limited(path, MAX_FILE_BYTES)
    except NotRegularFile as exc:
        raise _file_problem(
            name,
            "not a regular file but {k}; a project file must be a regular file",
            "geen gewoon bestand maar {k}; een projectbestand moet een gewoon bestand zijn",
            k=exc.kind,
        ) from None
    except FileTooLarge as exc:
        if exc.size is None:
            raise _file_problem(
                name, "file is larger than 1 MiB", "het bestand is groter dan 1 MiB"
            ) from None
        raise _file_problem(
            name,
            "file is {s:,} bytes; project files may be at most {m:,} bytes (1 MiB)",
            "het bestand is {s:,} bytes; een projectbestand mag hoogstens {m:,} bytes zijn (1 MiB)",
            s=exc.size,
            m=MAX_FILE_BYTES,
        ) from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
        raise _file_problem(
            name, "cannot read file: {r}", "kan het bestand niet lezen: {r}", r=cut(reason)
        ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _file_problem(
            name,
            "file is not UTF-8 text (byte {b}); save it as UTF-8",
            "het bestand is geen UTF-8-tekst (byte {b}); sla het op als UTF-8",
            b=exc.start,
        ) from None


def load_project(
    source: Project | str | os.PathLike[str] | Mapping[str, Any] | None = None,
    *,
    text: str | None = None,
    file: str | None = None,
) -> Project:
    """Load and validate a project from a path, a dict or a Project; or TOML ``text``.

    A string is always a path: TOML text goes in ``text=`` (never guessed from its shape).

    :param source: the path of a project file (``str`` or ``Path``), a dict, or a Project.
    :param text: TOML text, instead of ``source``.
    :param file: the name to use in error messages (default: the path, ``<text>`` or ``<dict>``).
    :raises ProjectError: with every problem found, each naming file and TOML path.
    :raises TypeError: both ``source`` and ``text`` were given, or neither.
    """
    if (source is None) == (text is None):
        raise TypeError("load_project() takes a source or text=..., not both or neither")
    if text is not None:
        name = file or "<text>"
        if not isinstance(text, str):
            raise _file_problem(
                name,
                "text= takes TOML text (str), not {k}",
                "text= verwacht TOML-tekst (str), geen {k}",
                k=type(text).__name__,
            )
        # NOTE: a character is at least one byte: only a text that may fit is encoded
        if (
            len(text) > MAX_FILE_BYTES
            or len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES
        ):
            raise _file_problem(name, "text is larger than 1 MiB", "de tekst is groter dan 1 MiB")
        return validate_project(read_toml(text, name), name)
    if isinstance(source, Project):
        return source
    if isinstance(source, (str, os.PathLike)):
        name = file or os.fspath(source)
        try:
            content = read_text(source, name)
        except ProjectError as exc:
            if isinstance(source, str) and "\n" in source:  # TOML text, as before 0.2?
                hint = t(
                    nl="; gebruik load_project(text=...) om TOML-tekst te laden",
                    en="; to load TOML text, use load_project(text=...)",
                )
                problems = [dataclasses.replace(p, message=p.message + hint) for p in exc.problems]
                raise ProjectError(problems) from None
            raise
        return validate_project(read_toml(content, name), name)
    if isinstance(source, Mapping):
        name = file or "<dict>"
        check_depth(source, name)
        return validate_project(dict(source), name)
    raise _file_problem(
        file or "<input>",
        "cannot read a project from {k}",
        "kan geen project lezen uit {k}",
        k=type(source).__name__,
    )


def validate_project(data: Mapping[str, Any], file: str) -> Project:
    """Validate parsed data; raise ProjectError with all problems."""
    try:
        project = Project.model_validate(data)
    except ValidationError as exc:
        check_depth(data, file)  # before anything walks the data to describe problems
        problems = problems_from_validation(exc, file)
        known = {p.path for p in problems}
        problems += [p for p in _cross(cross_field_problems(data), file) if p.path not in known]
        raise ProjectError(problems) from None
    except (RecursionError, TypeError, ValueError) as exc:  # pragma: no cover - defensive
        raise ProjectError(
            [Problem(file, "", t(nl="kan niet controleren: {e}", en="cannot validate: {e}", e=exc))]
        ) from None
    if project.extensions:  # free-form: the only place valid data can nest deeply
        check_depth(project.extensions, file, start=1)
    cross = cross_field_problems(project)
    if cross:
        raise ProjectError(_cross(cross, file))
    return project


def _cross(found: list[tuple[str, str, object]], file: str) -> list[Problem]:
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
