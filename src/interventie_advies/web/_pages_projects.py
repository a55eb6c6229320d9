"""The project pages: the list, upload, the advice, downloads, history, diff and restore.

No advice logic lives here: a file is checked by the package's loader (``Engine.check``,
as ``advies check``), the advice is ``Engine.advise`` rendered as ``html`` or ``json``
(as ``advies run``), and the difference between versions is ``advies diff``'s.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from .._errors import AdviesError, ProjectError
from ..commands._diff import diff_reports
from ..messages import choice_label, text
from ..messages._i18n import error_language
from ..project._read_toml import MAX_FILE_BYTES
from . import _store
from ._access import editable, readable, version_of
from ._advice_view import page_context
from ._invite_store import programme_for
from ._pages import DB, PageError, Visitor, check_csrf, language, page, redirect, signed_in

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._db import ProjectRow, User

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

#: a file's value in a form: its name and its bytes
Upload = tuple[str, bytes]


async def _form(request: Request) -> dict[str, str | Upload]:
    """The posted form (multipart or not): text fields, and files as name and bytes."""
    found: dict[str, str | Upload] = {}
    async with request.form(max_files=1, max_fields=20) as form:
        for key, value in form.multi_items():
            if isinstance(value, str):
                found[key] = value
            else:
                found[key] = (value.filename or "", await value.read(MAX_FILE_BYTES + 1))
    return found


Posted = Annotated[dict[str, Any], Depends(_form)]


def field(form: dict[str, str | Upload], name: str) -> str:
    value = form.get(name, "")
    return value if isinstance(value, str) else ""


def _problems(request: Request, form: dict[str, str | Upload]) -> tuple[str, Any, list[str]]:
    """The uploaded file's text and project, or the problems to list (nothing saved)."""
    lang = language(request)
    upload = form.get("file")
    if not isinstance(upload, tuple) or not upload[1]:
        return "", None, [text("web.no_file", lang)]
    name, data = upload
    if len(data) > MAX_FILE_BYTES:
        return "", None, [text("web.too_large", lang)]
    try:
        source = data.decode("utf-8")
    except UnicodeDecodeError:
        return "", None, [text("web.not_utf8", lang)]
    with error_language(lang):
        try:
            return source, request.app.state.engine.check(text=source, file=name), []
        except ProjectError as exc:
            shown = []
            for p in exc.problems:
                where = p.label or p.path or text("web.whole_file", lang)
                line = f"{text('web.line', lang)} {p.line}, " if p.line else ""
                shown.append(f"{line}{where}: {p.message}")
            return "", None, shown
        except (AdviesError, ValueError) as exc:
            return "", None, [str(exc)]


def _phase_label(request: Request) -> Callable[[str | None], str]:
    """The phase in the page's words (``uitvoering``, not ``execution``)."""
    lang = language(request)
    return lambda value: choice_label(value, lang, "Phase") if value else ""


@router.get("/projects")
def projects(request: Request, session: DB, visit: Visitor) -> Response:
    """The projects the user may read, and the form to upload a new one."""
    user = signed_in(request, visit)
    # NOTE: ?programme=ID after following a programme's invite link: the upload is submitted
    # to it (checked again when the form comes back)
    programme = programme_for(session, user, request.query_params.get("programme", ""))
    deleted = request.query_params.get("deleted") == "1"
    rows = _store.readable(session, user)
    return page(
        request,
        visit,
        "projects.html",
        rows=rows,
        programme=programme,
        deleted=deleted,
        phase=_phase_label(request),
    )


@router.post("/projects")
def new_project(request: Request, session: DB, visit: Visitor, form: Posted) -> Response:
    """A new project from an uploaded file; on errors nothing is saved and they are listed."""
    user = signed_in(request, visit)
    check_csrf(visit, field(form, "csrf"))
    programme = programme_for(session, user, field(form, "programme"))
    if field(form, "programme") and programme is None:
        raise PageError(403, "err_programme")
    source, project, problems = _problems(request, form)
    if problems:
        rows = _store.readable(session, user)
        return page(
            request,
            visit,
            "projects.html",
            422,
            rows=rows,
            problems=problems,
            programme=programme,
            phase=_phase_label(request),
        )
    comment = field(form, "comment")[:2000]
    row = _store.create(
        session, user, source, project, comment, programme.id if programme else None
    )
    session.commit()
    return redirect(f"/projects/{row.id}?saved=1")


@router.get("/projects/{project_id}")
def project_page(request: Request, session: DB, visit: Visitor, project_id: int) -> Response:
    """The advice on the latest version, the downloads, and a new version's upload."""
    user = signed_in(request, visit)
    row, role = readable(session, user, project_id)
    saved = request.query_params.get("saved", "")
    restored = request.query_params.get("restored", "")
    source = version_of(session, row.id, row.version).toml
    return page(
        request,
        visit,
        "project.html",
        row=row,
        role=role,
        saved=saved.isdigit() and row.version,
        restored=int(restored) if restored.isdigit() else 0,
        **page_context(request, row, role, source),
    )


@router.post("/projects/{project_id}")
def new_version(
    request: Request, session: DB, visit: Visitor, project_id: int, form: Posted
) -> Response:
    """A new version from an uploaded file, based on the version the page showed."""
    user = signed_in(request, visit)
    check_csrf(visit, field(form, "csrf"))
    row = editable(session, user, project_id)
    source, project, problems = _problems(request, form)
    if problems:
        return page(request, visit, "project.html", 422, row=row, role="editor", problems=problems)
    base = field(form, "base_version")
    return _save(request, session, visit, user, row, source, project, base, form)


def _save(
    request: Request,
    session: DB,
    visit: Any,
    user: User,
    row: ProjectRow,
    source: str,
    project: Any,
    base: str,
    form: dict[str, str | Upload],
    restored: int = 0,
) -> Response:
    lang = language(request)
    comment = field(form, "comment")[:2000]
    if restored:
        comment = text("web.restored_comment", lang, n=restored)
    try:
        number = _store.save(session, user, row, source, project, int(base or 0), comment)
        session.commit()
    except _store.Conflict as exc:
        session.rollback()
        return page(request, visit, "error.html", 409, key="conflict", n=exc.latest, row=row)
    extra = f"&restored={restored}" if restored else ""
    return redirect(f"/projects/{row.id}?saved={number}{extra}")


def _download(body: bytes, media: str, name: str, attachment: bool = True) -> Response:
    headers = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}
    if attachment:
        headers["Content-Disposition"] = f'attachment; filename="{name}"'
    else:  # the report shown in the project page's frame: never a script in it
        headers["Content-Security-Policy"] = (
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'"
        )
    return Response(body, media_type=media, headers=headers)


@router.get("/projects/{project_id}/project.toml")
def download_toml(request: Request, session: DB, visit: Visitor, project_id: int) -> Response:
    """The latest version's TOML, byte for byte what was saved."""
    user = signed_in(request, visit)
    row, _ = readable(session, user, project_id)
    body = version_of(session, row.id, row.version).toml.encode("utf-8")
    return _download(body, "application/toml", f"project-{row.id}-v{row.version}.toml")


def _report(request: Request, source: str, fmt: str) -> str:
    lang = language(request)
    with error_language(lang):
        report = request.app.state.engine.advise(text=source, lang=lang)
    return str(report.render(fmt))


@router.get("/projects/{project_id}/report.json")
def download_json(request: Request, session: DB, visit: Visitor, project_id: int) -> Response:
    """The report JSON of the latest version (as ``advies run --format json``)."""
    user = signed_in(request, visit)
    row, _ = readable(session, user, project_id)
    body = _report(request, version_of(session, row.id, row.version).toml, "json")
    return _download(body.encode(), "application/json", f"advies-{row.id}-v{row.version}.json")


@router.get("/projects/{project_id}/report.html")
def report_html(request: Request, session: DB, visit: Visitor, project_id: int) -> Response:
    """The printable HTML report (shown in the project page; ``?download=1`` saves it)."""
    user = signed_in(request, visit)
    row, _ = readable(session, user, project_id)
    body = _report(request, version_of(session, row.id, row.version).toml, "html")
    attachment = request.query_params.get("download") == "1"
    name = f"advies-{row.id}-v{row.version}.html"
    return _download(body.encode(), "text/html; charset=utf-8", name, attachment)


@router.get("/projects/{project_id}/history")
def history(request: Request, session: DB, visit: Visitor, project_id: int) -> Response:
    """The versions (author, time, comment), the diff between two, and restore."""
    user = signed_in(request, visit)
    row, role = readable(session, user, project_id)
    found = _store.versions(session, row.id)
    numbers = [v.number for v, _ in found]
    a, b = request.query_params.get("a", ""), request.query_params.get("b", "")
    diff = ""
    if a.isdigit() and b.isdigit():
        old = json.loads(_report(request, version_of(session, row.id, int(a)).toml, "json"))
        new = json.loads(_report(request, version_of(session, row.id, int(b)).toml, "json"))
        diff = str(diff_reports(old, new).render("text"))
    return page(
        request,
        visit,
        "history.html",
        row=row,
        role=role,
        versions=found,
        numbers=numbers,
        a=int(a) if a.isdigit() else (numbers[1] if len(numbers) > 1 else numbers[0]),
        b=int(b) if b.isdigit() else numbers[0],
        diff=diff,
    )


@router.post("/projects/{project_id}/restore")
def restore(
    request: Request, session: DB, visit: Visitor, project_id: int, form: Posted
) -> Response:
    """Save an old version's text as the newest version."""
    user = signed_in(request, visit)
    check_csrf(visit, field(form, "csrf"))
    row = editable(session, user, project_id)
    wanted = field(form, "version")
    old = version_of(session, row.id, int(wanted) if wanted.isdigit() else 0)
    project = request.app.state.engine.check(text=old.toml, file="project.toml")
    base = field(form, "base_version")
    return _save(request, session, visit, user, row, old.toml, project, base, form, old.number)
