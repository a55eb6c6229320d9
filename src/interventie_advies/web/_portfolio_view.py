"""A programme's portfolio for its page and its CSV: the stored summaries, filtered.

The numbers are ``advies portfolio``'s: every project's :class:`Entry` is added to the
same :class:`Portfolio`, which counts, orders and renders. The filters (a GET form, so
the address holds them) only choose which projects go in: phase, the assessment of one
element, at most N months of funding left, a theme of the advice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, get_args

from .._errors import AdviesError
from ..messages import has_text, text, word
from ..project._enums import Phase
from ..project._input import evaluation_date
from ..report._portfolio import Portfolio
from ..report._values import ASSESSMENTS
from . import _summaries, _summary_items

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sqlalchemy.orm import Session

    from ..engine._engine import Engine
    from ..report._portfolio import Entry

__all__ = [
    "NOT_EVALUATED",
    "PHASES",
    "STATUSES",
    "Filters",
    "View",
    "build",
    "evaluation_day",
    "status_word",
]

PHASES: tuple[str, ...] = get_args(Phase)
#: the status filter's value for an element the report did not evaluate
NOT_EVALUATED = "not_evaluated"
STATUSES = (*ASSESSMENTS, NOT_EVALUATED)


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
    items = _summary_items.items(session, engine, programme, lang, day, fresh=False)
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
