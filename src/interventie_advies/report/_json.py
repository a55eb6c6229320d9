"""The report's JSON text: compact JSON with each distinct string escaped once.

NOTE: a report in JSON lines is ~34 KB, and ``json.dumps(..., ensure_ascii=False)``
spends most of its time escaping strings character by character (Python's C encoder has
no fast path for text that is not ASCII): 2.2 M instructions per report, a third of what
advising on a project costs in a batch (issue 15). Most of a report's strings come back in
the next one (keys, element titles, rule texts), so :func:`compact_json` hands the C
encoder a memory of each string's escaped form instead: 1.3 M. The text is the same,
character for character (tests/test_report_json.py).
"""

from __future__ import annotations

import json
from typing import Any

try:
    from _json import encode_basestring, make_encoder
except ImportError:  # pragma: no cover - a Python without the C accelerator
    _ACCELERATED = False
else:
    _ACCELERATED = True

__all__ = ["MAX_STRINGS", "compact_json", "json_text", "jsonable"]

#: distinct strings remembered; then the memory starts again (a batch's file names and
#: project names never come back, and must not add up over 100,000 files)
MAX_STRINGS = 4096


class _Escaped(dict[str, str]):
    """Each string's JSON form (quotes included), made on first use."""

    def __missing__(self, text: str) -> str:
        escaped = encode_basestring(text)
        if len(self) >= MAX_STRINGS:
            self.clear()
        self[text] = escaped
        return escaped


_ESCAPED = _Escaped()


def jsonable(value: Any) -> Any:
    """JSON's form of a value the report holds that JSON has no type for."""
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return str(value)


def compact_json(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, default=jsonable)``, the same text, faster."""
    if not _ACCELERATED:  # pragma: no cover - see the import
        return json.dumps(data, ensure_ascii=False, default=jsonable)
    # NOTE: the arguments json.JSONEncoder gives the C encoder for these options (a new
    # dict of markers each time: it finds circular references); only the function that
    # escapes a string differs, and it returns what encode_basestring returns
    encode = make_encoder({}, jsonable, _ESCAPED.__getitem__, None, ": ", ", ", False, False, True)
    return "".join(encode(data, 0))


def json_text(data: Any, *, indent: int | None) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=indent, default=jsonable)``."""
    if indent is None:
        return compact_json(data)
    # NOTE: json indents in pure Python, a generator per container; the portfolio's
    # writer gives the same text in a plain loop, 1.5-2.5x faster on the examples' reports
    from ._portfolio_json import dumps

    return dumps(data, indent, jsonable)
