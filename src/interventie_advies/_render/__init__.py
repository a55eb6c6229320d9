"""Renderers: one module per output format."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._errors import UsageError
from .._i18n import t
from .._safe_text import for_format

if TYPE_CHECKING:
    from .._report import Report

__all__ = ["BUILTIN_FORMATS", "render"]

BUILTIN_FORMATS = ("text", "json", "markdown", "html")


def render(report: Report, format: str, *, color: bool = False) -> str:
    """Render ``report`` in ``format`` (built-in or from a plugin).

    Whatever the renderer, no control, bidi or invisible character leaves raw (see
    ``_safe_text``): each renderer escapes the texts it writes, and the whole output is
    checked once more here, at the boundary, for a text a renderer let through.
    """
    if format == "json":
        return report.to_json() + "\n"  # escaped for JSON by to_json
    if format == "text":
        from .text import render_text

        return render_text(report, color=color)  # keeps its own colour codes only
    if format == "markdown":
        from .markdown import render_markdown

        return for_format(render_markdown(report), format)
    if format == "html":
        from .html import render_html

        return for_format(render_html(report), format)
    renderer = report.renderers.get(format)
    if renderer is None:
        known = ", ".join([*BUILTIN_FORMATS, *sorted(report.renderers)])
        raise UsageError(
            t(
                "unknown format {f!r}; known formats: {k}",
                "onbekend formaat {f!r}; bekende formaten: {k}",
                f=format,
                k=known,
            )
        )
    return for_format(str(renderer(report)), format)
