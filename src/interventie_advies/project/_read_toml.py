"""TOML text → data within limits: deep keys, syntax errors and deep nesting as Problems.

Used for project files and rule files alike.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Mapping
from typing import Any

from .._errors import Problem, ProjectError, cut
from ..messages._i18n import t
from ._toml import NumberTooLong, TOMLDecodeError, loads, max_digits

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "MAX_KEY_PARTS", "check_depth", "read_toml"]

#: the largest project or rule file
MAX_FILE_BYTES = 1024 * 1024

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
    """Parse TOML text; a syntax error becomes a ProjectError with line and column.

    A byte-order mark at the start (Notepad, Word) is skipped.
    """
    text = text.removeprefix("\ufeff")
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
        from ._syntax import syntax_message  # NOTE: only a broken file needs its words

        problem = Problem(file, "", syntax_message(text, line, message), line, column)
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
