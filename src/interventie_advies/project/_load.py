"""TOML → Project: read a file, text or dict, parse it and validate it.

Every problem becomes a ProjectError naming the file (and the TOML path where there is
one); parsing is in ``_read_toml``, the wording of validation problems in ``_problems``.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from .._errors import Problem, ProjectError, cut
from .._io import FileTooLarge, NotRegularFile, read_limited
from ..messages._i18n import t
from ._cross import cross_field_problems
from ._model import Project
from ._problems import cross_problems, problems_from_validation
from ._read_toml import MAX_FILE_BYTES, check_depth, read_toml

__all__ = ["load_project", "read_text", "validate_project"]


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
        raise ProjectError([_not_utf8(name, data, exc.start)]) from None


def _not_utf8(file: str, data: bytes, at: int) -> Problem:
    """Name the line with the first byte that is not UTF-8, as Windows-1252 shows it.

    NOTE: a file that is not UTF-8 is nearly always saved as Windows-1252 (or Latin-1,
    the same for letters): the line shown that way is the line the person wrote.
    """
    start = data.rfind(b"\n", 0, at) + 1
    end = data.find(b"\n", at)
    line = data[start : end if end >= 0 else len(data)].decode("cp1252", "replace").strip()
    char = data[at : at + 1].decode("cp1252", "replace")
    return Problem(
        file,
        "",
        t(
            nl="het bestand is geen UTF-8-tekst: regel {n} ({s}) heeft een teken dat geen UTF-8 "
            "is: {c!r} (byte {b}); sla het bestand op als UTF-8",
            en="file is not UTF-8 text: line {n} ({s}) has a character that is not UTF-8: "
            "{c!r} (byte {b}); save the file as UTF-8",
            n=data.count(b"\n", 0, at) + 1,
            s=cut(line, 80),
            c=char,
            b=at,
        ),
        data.count(b"\n", 0, at) + 1,
        at - start + 1,
    )


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
        return validate_project(_parsed(text, name), name, text=text)
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
        return validate_project(_parsed(content, name), name, text=content)
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


def _parsed(text: str, file: str) -> dict[str, Any]:
    """The data of a project file's text; an empty file says how to start one."""
    data = read_toml(text, file)
    if not data:
        raise _file_problem(
            file,
            "the file is empty; start with format = 1 and a [project] table with a name, "
            "or run advies init to write the file with a few questions",
            "het bestand is leeg; begin met format = 1 en een tabel [project] met een name, "
            "of laat advies init het bestand maken met een paar vragen",
        )
    return data


def _validated(data: Mapping[str, Any]) -> Project:
    """Validate ``data``; when that fails, again with labels and text dates read as meant.

    NOTE: a file in canonical values (most, and every file the tool writes) is validated
    once, at no extra cost; only a file that fails is walked (``_input.as_meant``) and, when
    that changed something, validated a second time.
    """
    try:
        return Project.model_validate(data)
    except ValidationError:
        from ._input import as_meant  # NOTE: on the first file that fails, not at start-up

        meant = as_meant(Project, data) if isinstance(data, dict) else data
        if meant is data:
            raise
    return Project.model_validate(meant)


def validate_project(data: Mapping[str, Any], file: str, *, text: str | None = None) -> Project:
    """Validate parsed data; raise ProjectError with all problems.

    :param text: the TOML text the data was read from: problems then name their line.
    """
    try:
        project = _validated(data)
    except ValidationError as exc:
        from ._input import as_meant
        from ._locate import place_problems

        check_depth(data, file)  # before anything walks the data to describe problems
        data = as_meant(Project, data)  # so that problems describe what is left
        problems = problems_from_validation(exc, file)
        known = {p.path for p in problems}
        problems += [
            p for p in cross_problems(cross_field_problems(data), file) if p.path not in known
        ]
        raise ProjectError(place_problems(problems, data, text)) from None
    except (RecursionError, TypeError, ValueError) as exc:  # pragma: no cover - defensive
        raise ProjectError(
            [Problem(file, "", t(nl="kan niet controleren: {e}", en="cannot validate: {e}", e=exc))]
        ) from None
    if project.extensions:  # free-form: the only place valid data can nest deeply
        check_depth(project.extensions, file, start=1)
    cross = cross_field_problems(project)
    if cross:
        from ._locate import place_problems

        raise ProjectError(place_problems(cross_problems(cross, file), data, text))
    return project
