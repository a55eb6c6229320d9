"""The portfolio page's rows as HTML: the matrix's and the phone's list, kept per row.

The matrix of 1,000 projects has 12,000 cells, and the phone's list as many titles;
written by the template one by one, they took most of the page's time. The rows are
written here (:meth:`RowHtml.matrix`, :meth:`RowHtml.cards`), each word and title escaped
once per page, and each row's two texts kept between requests (:data:`_KEPT`): the rows
of stored summaries are the same objects from one request to the next
(``_summary_items`` keeps them), so a page writes only the rows saved since the last.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from ..messages import text, word
from ..report._portfolio_words import months_text
from ._portfolio_view import NOT_EVALUATED, STATUSES, status_word
from ._summary_items import READ_KEPT

if TYPE_CHECKING:
    from ..report._portfolio import ProjectRow
    from ._portfolio_view import View

__all__ = ["RowHtml"]

_WORST_FIRST = (
    "missing",
    "weak",
    "not_described",
    NOT_EVALUATED,
    "in_order_with_attention",
    "in_order",
)

#: a row's matrix row and list item, by the row's ``id``: the row itself (so that the
#: ``id`` stays its own while kept), what else they are made of, and the two texts
# NOTE: per process, emptied when full, as the items they come from (``_summary_items``)
_KEPT: dict[int, tuple[ProjectRow, tuple[object, ...], tuple[str, str]]] = {}


class RowHtml:
    """The page's rows as HTML, in a language and with the portfolio's elements."""

    def __init__(self, lang: str, elements: list[tuple[str, str]]) -> None:
        self.lang = lang
        self.elements = [e for e, _ in elements]
        self._made_of = (lang, tuple(elements))
        # NOTE: plain strings of HTML, escaped here: joining Markup would escape each again
        self.titles = {e: str(escape(title)) for e, title in elements}
        words = {s: status_word(s, lang) for s in STATUSES}
        self._cells = {s: f'<td class="st-{s}">{escape(w)}</td>' for s, w in words.items()}
        self._labels = {s: f"<strong>{escape(w)}</strong>: " for s, w in words.items()}
        self._urgent = escape(text("portfolio.urgent", lang))

    def _stale_mark(self, view: View, file: str) -> str:
        """The note on a row whose summary was made with earlier rules (else nothing)."""
        since = view.stale.get(file)
        if since is None:
            return ""
        mark = text("web.prog_stale_mark", self.lang, d=since.strftime("%Y-%m-%d"))
        return f'<br><span class="hint">{escape(mark)}</span>'

    def matrix(self, rows: list[ProjectRow], view: View) -> Markup:
        """The matrix's rows: project (a link), phase, funding left, a cell per element."""
        return Markup("".join([self.texts(r, view)[0] for r in rows]))

    def cards(self, rows: list[ProjectRow], view: View) -> Markup:
        """The phone's list: per project a link, phase and funding, its elements grouped."""
        return Markup("".join([self.texts(r, view)[1] for r in rows]))

    def texts(self, r: ProjectRow, view: View) -> tuple[str, str]:
        """The row's matrix row and list item (HTML), kept for the next page."""
        link = view.ids[r.file]
        made_of = (self._made_of, link, view.stale.get(r.file))
        found = _KEPT.get(id(r))
        if found is not None and found[0] is r and found[1] == made_of:
            return found[2]
        name, stale = escape(r.name), self._stale_mark(view, r.file)
        phase, funding = escape(self.phase(r.phase)), escape(self.funding(r.months_left))
        badge = f'<br><span class="urgent-badge">{self._urgent}</span>' if r.urgent else ""
        row = (
            f'<tr>\n<th scope="row"><a href="/projects/{link}">{name}'
            f"</a>{badge}{stale}</th>\n"
            f"<td>{phase}</td>\n"
            f"<td>{funding}</td>\n{self.cells(r)}\n</tr>\n"
        )
        badge = f'<span class="urgent-badge">{self._urgent}</span> · ' if r.urgent else ""
        card = (
            f'<li>\n<h3><a href="/projects/{link}">{name}</a></h3>\n'
            f"<p>{badge}{phase} · {funding}"
            f"{stale}</p>\n{self.groups(r)}</li>\n"
        )
        if len(_KEPT) >= READ_KEPT:
            _KEPT.clear()
        _KEPT[id(r)] = (r, made_of, (row, card))
        return row, card

    def cells(self, row: ProjectRow) -> str:
        """The row's matrix cells, in the order of the elements (HTML)."""
        cells, get = self._cells, row.assessments.get
        return "".join([cells[get(e) or NOT_EVALUATED] for e in self.elements])

    def groups(self, row: ProjectRow) -> str:
        """The phone's list: the element titles grouped by assessment, worst first (HTML)."""
        found: dict[str, list[str]] = {}
        get = row.assessments.get
        for element in self.elements:
            found.setdefault(get(element) or NOT_EVALUATED, []).append(self.titles[element])
        parts = [
            f"<p>{self._labels[s]}{'; '.join(found[s])}</p>\n" for s in _WORST_FIRST if s in found
        ]
        return "".join(parts)

    @functools.cache  # noqa: B019  # one per page: its few phases and month counts
    def phase(self, phase: str | None) -> str:
        """The phase in words."""
        return word(phase or "unknown_phase", self.lang)

    @functools.cache  # noqa: B019
    def funding(self, months: int | None) -> str:
        """The funding left in words (not known: said so)."""
        if months is None:
            return text("web.prog_months_unknown", self.lang)
        return months_text(months, self.lang)
