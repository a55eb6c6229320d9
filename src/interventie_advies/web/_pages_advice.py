"""The decisions on the advice, posted from the project page (plain forms, htmx on top).

A decision is checked here (a status, a reason where one is needed), written into the
project's TOML text by :func:`set_decision`, checked by the package's loader and saved
as a new version, as an upload is. Without JavaScript the form posts and the page
redirects back to the piece of advice; an htmx request (``HX-Request``) gets the
decisions section back, with the parts of the page a save changes (the version, the
report frame, the ``base_version`` of every form, the spoken notice) swapped out of band.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from .._errors import AdviesError, ProjectError
from ..messages import choice_label, text
from ..project._base import MAX_TEXT
from . import _store
from ._access import editable, version_of
from ._advice_view import advice_context, report_of
from ._decisions import STATUSES, needs_reason, set_decision
from ._pages import DB, PageError, Visitor, check_csrf, language, page, redirect, signed_in
from ._pages_projects import Posted, field

if TYPE_CHECKING:
    from ._db import ProjectRow

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


def _htmx(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true"


@router.get("/projects/{project_id}/decisions")
def decisions(project_id: int) -> RedirectResponse:
    """The decisions are a section of the project page (where sign-in comes back to)."""
    return redirect(f"/projects/{project_id}#decisions")


@router.post("/projects/{project_id}/decisions")
def decide(
    request: Request, session: DB, visit: Visitor, project_id: int, form: Posted
) -> Response:
    """Write one decision into ``[[decisions]]`` and save it as a new version."""
    if visit.user is None and _htmx(request):
        # NOTE: a redirect would be followed by the browser's request and the sign-in
        # page swapped into the section; htmx goes there as a whole page instead
        back = quote(f"/projects/{project_id}", safe="/")
        expired = "&expired=1" if visit.expired else ""
        return Response(headers={"HX-Redirect": f"/-/login?next={back}{expired}"})
    user = signed_in(request, visit)
    check_csrf(visit, field(form, "csrf"))
    row = editable(session, user, project_id)
    lang = language(request)
    code, status = field(form, "rule"), field(form, "status")
    reason = field(form, "reason").strip()
    typed = {"status": status, "reason": field(form, "reason")}
    base = field(form, "base_version")
    if base != str(row.version):
        return _again(request, session, visit, row, 409, (code, typed, {}), conflict=True)
    source = version_of(session, row.id, row.version).toml
    try:
        report = report_of(request, source)
    except AdviesError:  # a rule the file names is gone: no advice to decide on
        raise PageError(422, "decision_unknown_rule") from None
    if code not in {i.code for i in report.items} | {n.code for n in report.not_followed}:
        raise PageError(422, "decision_unknown_rule")
    errors = _problems(lang, status, reason)
    if errors:
        return _again(request, session, visit, row, 422, (code, typed, errors), report)
    engine = request.app.state.engine

    def code_of(token: str) -> str | None:
        try:
            return str(engine.find_rule(token).code)
        except AdviesError:
            return None

    written = set_decision(source, code, status, reason, dt.date.today(), code_of)
    try:
        project = engine.check(text=written, file="project.toml")
    except ProjectError as exc:  # a file the loader takes back: say why, next to the reason
        errors = {"reason": "; ".join(p.message for p in exc.problems)}
        return _again(request, session, visit, row, 422, (code, typed, errors), report)
    comment = text("web.decision_comment", lang, code=code, status=choice_label(status, lang))
    try:
        _store.save(session, user, row, written, project, int(base), comment)
        session.commit()
    except _store.Conflict:
        session.rollback()
        session.refresh(row)
        return _again(request, session, visit, row, 409, (code, typed, {}), conflict=True)
    session.refresh(row)
    if not _htmx(request):
        return redirect(f"/projects/{row.id}?decided={quote(code)}#d-{quote(code)}")
    context = advice_context(request, row, "editor", report_of(request, written), decided=code)
    return page(request, visit, "advice_fragment.html", row=row, role="editor", **context)


def _problems(lang: str, status: str, reason: str) -> dict[str, str]:
    """The form's problems, by field (``status``, ``reason``), in the page's language."""
    if status not in STATUSES:
        return {"status": text("web.decision_status_missing", lang)}
    if needs_reason(status) and not reason:
        label = choice_label(status, lang)
        return {"reason": text("web.decision_reason_missing", lang, status=label)}
    if len(reason) > MAX_TEXT:
        return {"reason": text("web.decision_reason_long", lang, n=MAX_TEXT)}
    return {}


def _again(
    request: Request,
    session: DB,
    visit: Any,
    row: ProjectRow,
    status: int,
    failed: tuple[str, dict[str, str], dict[str, str]],
    report: Any = None,
    conflict: bool = False,
) -> Response:
    """The page (or, for htmx, the section) again: nothing saved, what was typed kept.

    After a conflict it shows the latest version, so that the decision can be sent again
    on it once the team has seen what changed.
    """
    if report is None:
        report = report_of(request, version_of(session, row.id, row.version).toml)
    context = advice_context(request, row, "editor", report, failed=failed, conflict=conflict)
    template = "advice_fragment.html" if _htmx(request) else "project.html"
    return page(request, visit, template, status, row=row, role="editor", **context)
