"""Where a problem is, for people: the line in the file and items named and counted from 1.

A validation problem has a TOML path counted from 0 (``partners[1].domain``), which
programs keep (``Problem.path``). People get the line and column of the key in the file
and the path as they count: ``partners 2 (Welzijn Lindenhof).domain`` (``Problem.label``).

NOTE: the parser gives no positions for valid TOML, so the lines of keys and table
headers are found again in the text, only when there are problems to place.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Any

from .._errors import cut

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .._errors import Problem

__all__ = ["place_problems"]

Part = str | int
Where = tuple[Part, ...]

_KEY_PART = r'(?:[A-Za-z0-9_-]+|"[^"\n]*"|\'[^\'\n]*\')'
_DOTTED = rf"{_KEY_PART}(?:[ \t]*\.[ \t]*{_KEY_PART})*"
_HEADER = re.compile(rf"([ \t]*)(\[\[?)[ \t]*({_DOTTED})[ \t]*\]\]?")
_KEY = re.compile(rf"([ \t]*)({_DOTTED})[ \t]*=")
_PART = re.compile(_KEY_PART)
_PATH_PART = re.compile(r"([A-Za-z0-9_-]+)|\[(\d+)\]|(\.)")
#: a name shown for an item of a list of tables is cut to this many characters
_NAME = 40


def _split(dotted: str) -> tuple[str, ...]:
    return tuple(p.strip("\"'") for p in _PART.findall(dotted))


def _positions(text: str) -> dict[Where, tuple[int, int]]:
    """The line and column (from 1) of every table header and key in ``text``."""
    found: dict[Where, tuple[int, int]] = {}
    table: Where = ()
    counts: dict[tuple[str, ...], int] = {}
    in_string = False
    for number, line in enumerate(text.split("\n"), start=1):  # as TOML counts lines
        if in_string:  # a multi-line string: its lines are no keys
            if line.count('"""') % 2 == 1 or line.count("'''") % 2 == 1:
                in_string = False
            continue
        header = _HEADER.match(line)
        if header:
            names = _split(header[3])
            if header[2] == "[[":
                counts[names] = counts.get(names, 0) + 1
                table = (*names, counts[names] - 1)
            else:
                table = names
            found.setdefault(table, (number, len(header[1]) + 1))
            continue
        key = _KEY.match(line)
        if key:
            found.setdefault((*table, *_split(key[2])), (number, len(key[1]) + 1))
        in_string = line.count('"""') % 2 == 1 or line.count("'''") % 2 == 1
    return found


def _parts(path: str) -> Where | None:
    """A TOML path of a problem as parts (``partners[1].domain``); None when quoted."""
    parts: list[Part] = []
    position = 0
    for match in _PATH_PART.finditer(path):
        if match.start() != position:
            return None
        position = match.end()
        if match[1] is not None:
            parts.append(match[1])
        elif match[2] is not None:
            parts.append(int(match[2]))
    return tuple(parts) if position == len(path) else None


def _label(parts: Where, data: Any) -> str:
    """The path as people count: ``partners 2 (Welzijn Lindenhof).domain``."""
    out = ""
    value = data
    for part in parts:
        if isinstance(part, int):
            item = value[part] if isinstance(value, list) and part < len(value) else None
            out += f" {part + 1}"
            name = item.get("name", item.get("rule")) if isinstance(item, dict) else None
            if isinstance(name, str) and name.strip():
                out += f" ({cut(name.strip(), _NAME)})"
            value = item
        else:
            out += f".{part}" if out else part
            value = value.get(part) if isinstance(value, dict) else None
    return out


def place_problems(
    problems: list[Problem], data: Mapping[str, Any], text: str | None
) -> list[Problem]:
    """``problems`` with their line and column in ``text``, and a label counted from 1."""
    positions = _positions(text.removeprefix("\ufeff")) if text is not None else {}
    placed = []
    for problem in problems:
        parts = _parts(problem.path) if problem.path else None
        if parts is None:
            placed.append(problem)
            continue
        changes: dict[str, Any] = {}
        if any(isinstance(p, int) for p in parts):
            changes["label"] = _label(parts, data)
        for end in range(len(parts), 0, -1):  # the key, else the nearest table around it
            if parts[:end] in positions and problem.line is None:
                changes["line"], changes["column"] = positions[parts[:end]]
                break
        placed.append(dataclasses.replace(problem, **changes) if changes else problem)
    return placed
