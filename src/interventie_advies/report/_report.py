"""The report: its values (``_values``) and rendering them in any format.

The renderers read a report's values only; :class:`Report` is the one class that both
holds the values and knows the renderers, so neither module needs the other.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import render
from ._values import ReportData

__all__ = ["Report"]


@dataclass(frozen=True)
class Report(ReportData):
    """The advice for one project: what to do, what to watch, what to answer, what works."""

    def render(self, format: str = "text", *, color: bool = False) -> str:
        """Render in ``format`` (text, markdown, json, html, or a plugin's format)."""
        return render(self, format, color=color)
