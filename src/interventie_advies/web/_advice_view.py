"""What the project page shows of the advice outside its frame: decisions and questions.

Read from the package's :class:`Report` only (``items``, ``not_followed``,
``stale_decisions``, ``questions``): the decisions are the ones the engine attached, and
each question links to the field that answers it (:func:`field_link`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .._errors import AdviesError
from ..messages import choice_label, text, word
from ..messages._i18n import error_language
from ._decisions import STATUSES
from ._links import field_link
from ._pages import language

if TYPE_CHECKING:
    from fastapi import Request

    from ..report._report import Report
    from ._db import ProjectRow

__all__ = ["Choice", "Piece", "advice_context", "page_context", "report_of"]


@dataclass(frozen=True)
class Piece:
    """One piece of advice and the team's decision on it (a row of the decisions list)."""

    #: the rule the decision is about (the item's leading finding)
    code: str
    codes: tuple[str, ...]
    title: str
    priority: str
    status: str
    reason: str
    date: str
    #: what was typed in this piece's form, and its problems, when a save was refused
    typed: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Choice:
    """A decision status as a form offers it: its value and its label."""

    value: str
    label: str


def report_of(request: Request, source: str) -> Report:
    """The report on ``source`` in the page's language, evaluated today."""
    lang = language(request)
    with error_language(lang):
        report: Report = request.app.state.engine.advise(text=source, lang=lang)
    return report


def page_context(request: Request, row: ProjectRow, role: str, source: str) -> dict[str, Any]:
    """The sections' values on the project page; none when the file cannot be advised on.

    NOTE: a version saved earlier may name a rule that is gone (a plugin uninstalled):
    the page then shows the rest, and the report's frame says what is wrong
    """
    try:
        report = report_of(request, source)
    except AdviesError:
        return {}
    return advice_context(
        request, row, role, report, decided=request.query_params.get("decided", "")
    )


def advice_context(
    request: Request,
    row: ProjectRow,
    role: str,
    report: Report,
    failed: tuple[str, dict[str, str], dict[str, str]] | None = None,
    *,
    decided: str = "",
    conflict: bool = False,
) -> dict[str, Any]:
    """The template values of the decisions and questions sections.

    :param failed: the rule code, what was typed and the problems of a refused save.
    :param decided: the rule whose decision was just saved (for the spoken notice).
    :param conflict: the save was refused: someone saved another version in between.
    """
    lang = language(request)
    code, typed, errors = failed or ("", {}, {})

    def piece(code_: str, codes: tuple[str, ...], title: str, priority: str, d: Any) -> Piece:
        mine = code_ == code
        return Piece(
            code_,
            codes,
            title,
            word(priority, lang) if priority else "",
            getattr(d, "status", "") or "",
            getattr(d, "reason", "") or "",
            getattr(d, "date", "") or "",
            typed if mine else {},
            errors if mine else {},
        )

    items = [piece(i.code, i.codes, i.title, i.priority, i.decision) for i in report.items]
    aside = [piece(n.code, (n.code,), n.title, "", n) for n in report.not_followed]
    editor = role == "editor"
    questions = [
        (q.question, field_link(row.id, q.missing[0]) if editor and q.missing else "")
        for q in report.questions
    ]
    announce = ""
    if conflict:
        announce = text("web.conflict", lang, n=row.version)
    elif code:
        announce = text("web.decision_not_saved", lang, code=code)
    elif decided:
        status = next((p.status for p in items + aside if p.code == decided), "")
        if status:
            label = choice_label(status, lang)
            announce = text("web.decision_saved", lang, code=decided, status=label, n=row.version)
    return {
        "announce": announce,
        "decided": decided,
        "conflict": conflict,
        "pieces": items,
        "aside": aside,
        "stale": [(s.rule, choice_label(s.status, lang)) for s in report.stale_decisions],
        "choices": [Choice(s, choice_label(s, lang)) for s in STATUSES],
        "status_label": lambda s: choice_label(s, lang),
        "questions": questions,
        "failed": code,
    }
