"""A programme's portfolio for its page and its CSV: the stored summaries, filtered.

The numbers are ``advies portfolio``'s: every project's :class:`Entry` is added to the
same :class:`Portfolio`, which counts, orders and renders. The filters (a GET form, so
the address holds them) only choose which projects go in: phase, the assessment of one
element, at most N months of funding left, a theme of the advice.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, get_args

from markupsafe import Markup, escape

from .._errors import AdviesError
from ..messages import has_text, text, word
from ..project._enums import Phase
from ..project._input import evaluation_date
from ..report._portfolio import Portfolio
from ..report._portfolio_words import months_text
from ..report._values import ASSESSMENTS
from . import _summaries

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sqlalchemy.orm import Session

    from ..engine._engine import Engine
    from ..report._portfolio import Entry, ProjectRow

__all__ = [
    "NOT_EVALUATED",
    "PHASES",
    "STATUSES",
    "Filters",
    "RowHtml",
    "View",
    "build",
    "evaluation_day",
    "status_word",
]

PHASES: tuple[str, ...] = get_args(Phase)
#: the status filter's value for an element the report did not evaluate
NOT_EVALUATED = "not_evaluated"
STATUSES = (*ASSESSMENTS, NOT_EVALUATED)
_WORST_FIRST = (
    "missing",
    "weak",
    "not_described",
    NOT_EVALUATED,
    "in_order_with_attention",
    "in_order",
)


@dataclass
class Filters:
    """What the filter form asked for, and its mistakes (field name → catalogue key)."""

    phase: str = ""
    element: str = ""
    status: str = ""
    months: str = ""
    theme: str = ""
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, query: Mapping[str, str]) -> Filters:
        """The filters in a query string; an unknown choice is left out, a wrong number noted."""
        found = cls(
            phase=_one_of(query.get("phase", ""), PHASES),
            element=query.get("element", "").strip()[:100],
            status=_one_of(query.get("status", ""), STATUSES),
            months=query.get("months", "").strip()[:20],
            theme=query.get("theme", "").strip()[:100],
        )
        if found.months and _whole(found.months) is None:
            found.errors["months"] = "prog_months_wrong"
        if bool(found.element) != bool(found.status):
            found.errors["element"] = "prog_element_status"
        return found

    @property
    def active(self) -> bool:
        """Whether any filter narrows the portfolio."""
        return any((self.phase, self.element, self.status, self.months, self.theme))

    def query(self) -> dict[str, str]:
        """The filters as query parameters (the empty ones left out)."""
        pairs = {
            "phase": self.phase,
            "element": self.element,
            "status": self.status,
            "months": self.months,
            "theme": self.theme,
        }
        return {k: v for k, v in pairs.items() if v}

    def keeps(self, entry: Entry) -> bool:
        """Whether the project passes every filter without a mistake."""
        row = entry.row
        if self.phase and row.phase != self.phase:
            return False
        if self.element and self.status and "element" not in self.errors:
            shown = row.assessment(self.element) or NOT_EVALUATED
            if shown != self.status:
                return False
        limit = _whole(self.months) if "months" not in self.errors else None
        if limit is not None and (row.months_left is None or row.months_left > limit):
            return False
        return not (self.theme and self.theme not in entry.themes)


def _one_of(value: str, known: tuple[str, ...]) -> str:
    return value if value in known else ""


def _whole(value: str) -> int | None:
    digits = value.removeprefix("-")
    return int(value) if digits.isdigit() and len(digits) < 7 else None


@dataclass
class View:
    """The filtered portfolio and what the page adds to it."""

    portfolio: Portfolio
    total: int
    #: project path → id, for the links
    ids: dict[str, int]
    #: project path → when its summary was made, for those made with earlier rules
    stale: dict[str, dt.datetime]
    #: theme id → title, of every theme in the programme (the filter's choices)
    themes: dict[str, str]
    day: dt.date


def build(
    session: Session,
    engine: Engine,
    programme: int,
    lang: str,
    day: dt.date,
    filters: Filters,
) -> View:
    """The programme's portfolio on ``day`` in ``lang``, with only the projects ``filters`` keep."""
    folio = Portfolio(lang=lang)
    items = _summaries.items(session, engine, programme, lang, day, fresh=False)
    themes: dict[str, str] = {}
    ids: dict[str, int] = {}
    stale: dict[str, dt.datetime] = {}
    for item in items:
        path = _summaries.path_of(item.project_id)
        ids[path] = item.project_id
        if item.stale_since is not None:
            stale[path] = item.stale_since
        if item.entry is None:
            if item.failed is not None and not filters.active:
                folio.failed.append(item.failed)
            continue
        for theme in item.entry.themes:
            if theme not in themes:
                key = f"theme.{theme}"
                themes[theme] = text(key, lang) if has_text(key) else theme
        if filters.keeps(item.entry):
            folio.add_entry(item.entry)
    if folio.evaluated_on is None:
        folio.evaluated_on = day.isoformat()
    sorted_themes = dict(sorted(themes.items(), key=lambda kv: kv[1].casefold()))
    return View(folio, len(items), ids, stale, sorted_themes, day)


class RowHtml:
    """A row's parts of the page as HTML, each word and title escaped once, then reused.

    The matrix of 1,000 projects has 12,000 cells, and the phone's list as many titles;
    written by the template one by one, they took most of the page's time. The rows of
    the matrix and the list are written here too (:meth:`matrix`, :meth:`cards`): the
    template's loop over 1,000 rows, a dozen expressions each, took two thirds of what
    was left.
    """

    def __init__(self, lang: str, elements: list[tuple[str, str]]) -> None:
        self.lang = lang
        self.elements = [e for e, _ in elements]
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
        parts = []
        for r in rows:
            badge = f'<br><span class="urgent-badge">{self._urgent}</span>' if r.urgent else ""
            parts.append(
                f'<tr>\n<th scope="row"><a href="/projects/{view.ids[r.file]}">{escape(r.name)}'
                f"</a>{badge}{self._stale_mark(view, r.file)}</th>\n"
                f"<td>{escape(self.phase(r.phase))}</td>\n"
                f"<td>{escape(self.funding(r.months_left))}</td>\n{self.cells(r)}\n</tr>\n"
            )
        return Markup("".join(parts))

    def cards(self, rows: list[ProjectRow], view: View) -> Markup:
        """The phone's list: per project a link, phase and funding, its elements grouped."""
        parts = []
        for r in rows:
            badge = f'<span class="urgent-badge">{self._urgent}</span> · ' if r.urgent else ""
            parts.append(
                f'<li>\n<h3><a href="/projects/{view.ids[r.file]}">{escape(r.name)}</a></h3>\n'
                f"<p>{badge}{escape(self.phase(r.phase))} · {escape(self.funding(r.months_left))}"
                f"{self._stale_mark(view, r.file)}</p>\n{self.groups(r)}</li>\n"
            )
        return Markup("".join(parts))

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


def evaluation_day(asked: str) -> dt.date:
    """The evaluation date: ``?date=`` (as ``advies portfolio --date``), else today."""
    try:
        return (evaluation_date(asked) if asked else None) or dt.date.today()
    except AdviesError:  # a date typed by hand into the address: today's portfolio
        return dt.date.today()


def status_word(status: str, lang: str) -> str:
    """The filter's label of an assessment (or of "not evaluated")."""
    if status == NOT_EVALUATED:
        return text("portfolio.not_evaluated", lang)
    return word(status, lang)
