"""A report item: the findings that share one root cause (theme), told once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Decision", "Item"]


@dataclass(frozen=True)
class Decision:
    """What the team decided about a finding (from ``[[decisions]]``)."""

    status: str
    reason: str | None = None
    date: str | None = None
    by: str | None = None


@dataclass(frozen=True)
class Item:
    """One item of advice: the most urgent finding of a theme, with what the others add.

    A finding without a theme is an item of its own. ``title`` is the theme's title from
    the catalogue when the item covers several findings (the leading finding's title when
    it covers one, or when the theme has no title); ``message``,
    ``why``, ``reasons``, ``priority`` and ``kind`` are the leading finding's.
    """

    theme: str | None
    #: the leading (most urgent) finding's code
    code: str
    element: str
    kind: str
    priority: str
    title: str
    message: str
    why: str
    reasons: tuple[str, ...]
    #: the actions of every finding it covers, in their order, without repeats
    actions: tuple[str, ...]
    #: every finding it covers, the leading one first
    codes: tuple[str, ...]
    tags: tuple[str, ...] = ()
    decision: Decision | None = None
    #: the leading finding's source and evidence (each finding keeps its own)
    source: str | None = None
    evidence: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON form (docs/report.md)."""
        return {
            "theme": self.theme,
            "code": self.code,
            "element": self.element,
            "kind": self.kind,
            "priority": self.priority,
            "title": self.title,
            "message": self.message,
            "why": self.why,
            "reasons": list(self.reasons),
            "actions": list(self.actions),
            "codes": list(self.codes),
        }
