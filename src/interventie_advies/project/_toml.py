"""Read TOML with tomli.

NOTE: tomli is the project the standard library's ``tomllib`` was taken from; from
Python 3.11 on it publishes wheels compiled with mypyc, which parse a project file about
three times faster than ``tomllib`` (pure Python). Both give the same data and errors; on
Python 3.10 tomli is pure Python, as before. See docs/performance.md.
"""

from __future__ import annotations

import re
import sys
from typing import Any

import tomli

__all__ = ["NumberTooLong", "TOMLDecodeError", "loads"]

TOMLDecodeError = tomli.TOMLDecodeError


class NumberTooLong(ValueError):
    """A whole number with more digits than Python converts (``sys.int_max_str_digits``).

    NOTE: tomli lets Python's ``ValueError`` through, without a position. The number is
    found again in the text, so the error can name its line, column and key.

    :param digits: how many digits it has.
    :param line: its line (from 1), or None when it could not be found.
    :param column: its column (from 1), or None.
    :param key: its key as written, with its table (``funding.duration_months``), or "".
    """

    def __init__(self, digits: int, line: int | None, column: int | None, key: str) -> None:
        super().__init__(digits, line, column, key)
        self.digits = digits
        self.line = line
        self.column = column
        self.key = key


def loads(text: str) -> dict[str, Any]:
    """Parse TOML text.

    :raises TOMLDecodeError: the text is not valid TOML.
    :raises NumberTooLong: a whole number has too many digits to convert.
    """
    try:
        return tomli.loads(text)
    except TOMLDecodeError:
        raise
    except ValueError:
        found = _long_number(text)
        if found is None:
            raise
        raise found from None


def max_digits() -> int:
    """The most digits a whole number may have (Python's limit; 0 means none)."""
    get = getattr(sys, "get_int_max_str_digits", None)
    return get() if get is not None else 0


# NOTE: the patterns of an error that almost never happens: compiled when it does (re
# keeps them), not on every start-up (10 M instructions, issue 15)
_NUMBER = r"[0-9][0-9_]*"
_VALUE_START = r"[=\[,{]\s*[+-]?\Z"
_KEY_LINE = r"[ \t]*([^=\s#][^=#]*?)[ \t]*=[ \t]*[+-]?\Z"
_HEADER = r"^[ \t]*(\[\[?)[ \t]*([^\]\n#]+?)[ \t]*\]\]?[ \t]*(?:#.*)?$"


def _long_number(text: str) -> NumberTooLong | None:
    """The first number in value position that has more digits than Python converts."""
    limit = max_digits()
    if not limit:
        return None
    for match in re.finditer(_NUMBER, text):
        digits = len(match.group()) - match.group().count("_")
        if digits <= limit:
            continue
        start = match.start()
        before = text[max(0, start - 200) : start]
        if not re.search(_VALUE_START, before):
            continue  # in a string or a comment: not what the parser choked on
        line_start = text.rfind("\n", 0, start) + 1
        key = re.compile(_KEY_LINE).fullmatch(text, line_start, start)
        return NumberTooLong(
            digits,
            text.count("\n", 0, start) + 1,
            start - line_start + 1,
            _table(text, line_start) + key.group(1) if key else "",
        )
    return None


def _table(text: str, end: int) -> str:
    """The table a key before ``end`` belongs to, with a dot (``funding.``), or "".

    An item of an array of tables is numbered as in other errors (``partners[1].``).
    """
    headers = list(re.compile(_HEADER, re.MULTILINE).finditer(text, 0, end))
    if not headers:
        return ""
    last = headers[-1]
    name = last.group(2)
    if last.group(1) == "[[":
        index = sum(1 for h in headers if h.group(1) == "[[" and h.group(2) == name) - 1
        return f"{name}[{index}]."
    return f"{name}."
