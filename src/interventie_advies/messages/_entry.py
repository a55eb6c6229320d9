"""One entry of the message catalogue: the same text in Dutch and in English."""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["Entry"]


class Entry(NamedTuple):
    """A text in Dutch (``nl``) and English (``en``), which may hold ``{name}`` fields.

    NOTE: a named tuple, so code that still reads the old ``(nl, en)`` pairs keeps working.
    """

    nl: str
    en: str

    def pick(self, lang: str) -> str:
        """The text in ``lang``: Dutch for ``nl``, else English."""
        return self.nl if lang == "nl" else self.en
