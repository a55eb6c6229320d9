"""The portfolio as one self-contained, accessible HTML page (Jinja2, no scripts)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..messages import word
from ._portfolio_words import (
    MARKS,
    NOT_EVALUATED,
    URGENT_MONTHS,
    count_word,
    months_text,
    w,
)
from ._values import ASSESSMENTS

if TYPE_CHECKING:
    from ._portfolio import Portfolio

__all__ = ["render_portfolio_html"]


def render_portfolio_html(folio: Portfolio) -> str:
    """One self-contained, accessible HTML page (no scripts)."""
    from ._html import jinja_environment  # NOTE: Jinja2 only when HTML is asked

    template = jinja_environment().get_template("portfolio.html.j2")
    return template.render(_context(folio))


def _context(folio: Portfolio) -> dict[str, Any]:
    lang = folio.lang
    elements = folio.elements
    rows = folio.ordered()
    n = len(rows)

    def say(key: str, **params: object) -> str:
        return w(key, lang, **params)

    return {
        "lang": lang,
        "w": say,
        "word": lambda key: word(key, lang),
        "n": n,
        "count_text": count_word(n, lang),
        "evaluated_on": folio.evaluated_on,
        "tool": folio.tool_info,
        "elements": [(i, e, folio.title_of(e)) for i, e in enumerate(elements, 1)],
        "rows": list(enumerate(rows, 1)),
        "urgent": [(i, r) for i, r in enumerate(rows, 1) if r.urgent],
        "urgent_months": URGENT_MONTHS,
        "months_text": lambda m: months_text(m, lang),
        "missing": [(folio.title_of(e), k) for e, k in folio.common_missing()],
        "warnings": [
            (code, *folio.warning_info.get(code, ("", "")), k)
            for code, k in folio.common_warnings()
        ],
        "failed": folio.failed,
        "marks": MARKS,
        "statuses": ASSESSMENTS,
        "not_evaluated": NOT_EVALUATED,
        "phase": lambda p: word(p or "unknown_phase", lang),
        "title_of": folio.title_of,
    }
