"""Renderers: one module per output format."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

from .._errors import UsageError
from .._safe_text import for_format
from ..messages._i18n import t

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ._values import ReportData

__all__ = ["BUILTIN_FORMATS", "FORMATS", "render"]

#: the one list of built-in report formats, each with the suffix of its files; ``jsonl``
#: is the JSON report, one a line, for a batch
FORMATS: Mapping[str, str] = MappingProxyType(
    {"text": ".txt", "json": ".json", "jsonl": ".jsonl", "markdown": ".md", "html": ".html"}
)
#: the formats a renderer makes (a plugin may not take their names)
BUILTIN_FORMATS = tuple(f for f in FORMATS if f != "jsonl")


def render(report: ReportData, format: str, *, color: bool = False) -> str:
    """Render ``report`` in ``format`` (built-in or from a plugin).

    Whatever the renderer, no control, bidi or invisible character leaves raw (see
    ``_safe_text``): each renderer escapes the texts it writes, and the whole output is
    checked once more here, at the boundary, for a text a renderer let through.
    """
    if format == "json":
        return report.to_json() + "\n"  # escaped for JSON by to_json
    if format == "text":
        from ._text import render_text

        return render_text(report, color=color)  # keeps its own colour codes only
    if format == "markdown":
        from ._markdown import render_markdown

        return for_format(render_markdown(report), format)
    if format == "html":
        from ._html import render_html

        return for_format(render_html(report), format)
    renderer = report.renderers.get(format)
    if renderer is None:
        known = ", ".join([*BUILTIN_FORMATS, *sorted(report.renderers)])
        raise UsageError(
            t(
                nl="onbekend formaat {f!r}; bekende formaten: {k}",
                en="unknown format {f!r}; known formats: {k}",
                f=format,
                k=known,
            )
        )
    return for_format(str(renderer(report)), format)
