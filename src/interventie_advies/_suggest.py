"""Did-you-mean: the closest of some known words to a word that is not one of them.

It depends on nothing else in the package, so the rule loader, the condition checker, the
set-up and the run can all import it cheaply.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["suggest"]


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """Return the closest choice to ``word``, or None when nothing is close."""
    # NOTE: imported here: only a mistake needs it, and it costs every start-up 3 M
    # instructions
    import difflib

    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None
