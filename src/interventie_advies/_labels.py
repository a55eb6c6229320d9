"""Old home of the words the renderers show; they live in the catalogue (``_messages``) now.

NOTE: kept only so that branches written against the old names still work until their
call sites are converted (``convert_t.py``); import from ``_messages`` instead.
"""

from __future__ import annotations

from ._messages import (
    NO_ANSWERS,
    SKIP_ANSWERS,
    UNKNOWN_ANSWERS,
    YES_ANSWERS,
    choice_label,
    counted,
    has_init_text,
    init_text,
    label,
    summary_line,
    table,
    word,
)

__all__ = [
    "NO_ANSWERS",
    "SKIP_ANSWERS",
    "UNKNOWN_ANSWERS",
    "YES_ANSWERS",
    "choice_label",
    "counted",
    "has_init_text",
    "init_text",
    "label",
    "summary_line",
    "word",
]

_OLD_TABLES = {"_WORDS": "word", "_CHOICES": "choice", "_INIT": "init"}


def __getattr__(name: str) -> object:
    # NOTE: looked up on first use, so importing this module loads no table
    if name in _OLD_TABLES:
        return table(_OLD_TABLES[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
