"""The portfolio page's rows kept between requests (``_portfolio_rows``) are what it writes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from interventie_advies.report._portfolio import Portfolio, ProjectRow
from interventie_advies.web import _portfolio_rows
from interventie_advies.web._portfolio_rows import RowHtml
from interventie_advies.web._portfolio_view import View

if TYPE_CHECKING:
    import pytest

ELEMENTS = [("contact", "Contact & <ontmoeting>"), ("sustainability", "Duurzaamheid")]


def _row(name: str, **changes: object) -> ProjectRow:
    row = ProjectRow(
        file="/api/v1/projects/7",
        name=name,
        phase="execution",
        statuses={"contact": "covered"},
        recommendations=1,
        warnings=1,
        questions=0,
        strengths=0,
        high=1,
        completeness=80,
        sustainability_warnings=("W1",),
        months_left=2,
        urgent=True,
        assessments={"contact": "missing", "sustainability": "weak"},
    )
    return dataclasses.replace(row, **changes)  # type: ignore[arg-type]


def _view(stale: dict[str, dt.datetime] | None = None, project_id: int = 7) -> View:
    return View(
        Portfolio(), 1, {"/api/v1/projects/7": project_id}, stale or {}, {}, dt.date(2026, 12, 7)
    )


def _fresh(lang: str, row: ProjectRow, view: View) -> tuple[str, str]:
    """The row's texts written anew (nothing kept)."""
    _portfolio_rows._KEPT.clear()
    return RowHtml(lang, ELEMENTS).texts(row, view)


def test_a_row_kept_is_written_as_it_was_and_only_for_what_made_it() -> None:
    row = _row("A & B <i>")
    view = _view()
    first = _fresh("nl", row, view)
    assert "A &amp; B &lt;i&gt;" in first[0] and 'href="/projects/7"' in first[1]
    assert "Contact &amp; &lt;ontmoeting&gt;" in first[1]
    # the same row object again: the texts kept
    again = RowHtml("nl", ELEMENTS).texts(row, view)
    assert again is _portfolio_rows._KEPT[id(row)][2] and again == first
    # anything else it is made of: written anew, as it would be with nothing kept
    stale = _view({"/api/v1/projects/7": dt.datetime(2026, 1, 2)})
    other_link = _view(project_id=8)
    for lang, elements, shown in [
        ("en", ELEMENTS, view),
        ("nl", [*ELEMENTS[:1], ("sustainability", "Blijvend")], view),
        ("nl", ELEMENTS, stale),
        ("nl", ELEMENTS, other_link),
    ]:
        kept = RowHtml(lang, elements).texts(row, shown)
        _portfolio_rows._KEPT.clear()
        assert kept == RowHtml(lang, elements).texts(row, shown)
        assert kept != first
    # an equal row that is another object is written for itself
    _portfolio_rows._KEPT.clear()
    RowHtml("nl", ELEMENTS).texts(row, view)
    other = _row("Anders")
    assert RowHtml("nl", ELEMENTS).texts(other, view) == _fresh("nl", other, view)


def test_what_is_kept_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_portfolio_rows, "READ_KEPT", 3)
    _portfolio_rows._KEPT.clear()
    rows = [_row(f"P{n}") for n in range(10)]
    html = RowHtml("nl", ELEMENTS)
    texts = [html.texts(r, _view()) for r in rows]
    assert 0 < len(_portfolio_rows._KEPT) <= 3
    assert texts == [_fresh("nl", r, _view()) for r in rows]
