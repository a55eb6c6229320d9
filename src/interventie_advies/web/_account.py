"""The user's own account, and deleting a project: the rights the AVG (GDPR) gives.

``/-/account`` shows what the account is and which projects it has; ``/-/account/export``
downloads everything held about the user as one JSON file; ``/-/account/delete`` deletes
the account after the password is given again, with the projects only this user edits
(the page lists them first). ``/projects/{id}/delete`` lets an editor delete a project.
Deleting is for real (``_forget``); nothing is kept "just in case".
"""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from . import _forget, _session, _store
from ._access import editable
from ._auth import verify_password
from ._db import ProjectRow, now
from ._pages import DB, Visitor, check_csrf, page, redirect, signed_in

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


@router.get("/-/account")
def account(request: Request, session: DB, visit: Visitor) -> Response:
    """The account: e-mail address, role, projects; export and delete."""
    user = signed_in(request, visit)
    return page(request, visit, "account.html", rows=_store.readable(session, user))


@router.get("/-/account/export")
def export(request: Request, session: DB, visit: Visitor) -> Response:
    """Everything held about the user, as one JSON file."""
    user = signed_in(request, visit)
    data = {"exported": now().isoformat() + "Z", **_forget.export(session, user)}
    body = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return Response(
        body.encode("utf-8"),
        media_type="application/json",
        headers={
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
            "Content-Disposition": 'attachment; filename="mijn-gegevens.json"',
        },
    )


def _delete_page(
    request: Request, session: DB, visit: _session.Visit, status: int = 200, error: str = ""
) -> Response:
    assert visit.user is not None
    going = _forget.only_editor_of(session, visit.user)
    return page(request, visit, "account_delete.html", status, going=going, error=error)


@router.get("/-/account/delete")
def delete_form(request: Request, session: DB, visit: Visitor) -> Response:
    """What deleting the account deletes, and the password to confirm it."""
    signed_in(request, visit)
    return _delete_page(request, session, visit)


@router.post("/-/account/delete")
def delete_account(
    request: Request,
    session: DB,
    visit: Visitor,
    csrf: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    """Delete the account (and the projects only it edits), then sign out."""
    user = signed_in(request, visit)
    check_csrf(visit, csrf)
    if not verify_password(user.password_hash, password):
        return _delete_page(request, session, visit, 403, "err_password_wrong")
    _forget.delete_user(session, user)
    session.commit()
    _forget.wipe_free_pages(request.app.state.db)
    response = redirect("/-/account/deleted")
    _session.set_cookie(request, response, _session.begin(request, None))
    return response


@router.get("/-/account/deleted")
def deleted(request: Request, visit: Visitor) -> Response:
    """The account is gone: say so (no sign-in needed)."""
    return page(request, visit, "account_deleted.html")


def _editor_of(session: DB, visit: _session.Visit, request: Request, project_id: int) -> ProjectRow:
    user = signed_in(request, visit)
    return editable(session, user, project_id)


@router.get("/projects/{project_id}/delete")
def delete_project_form(request: Request, session: DB, visit: Visitor, project_id: int) -> Response:
    """What deleting the project deletes, and the button (editors only)."""
    row = _editor_of(session, visit, request, project_id)
    return page(request, visit, "project_delete.html", row=row)


@router.post("/projects/{project_id}/delete")
def delete_project(
    request: Request,
    session: DB,
    visit: Visitor,
    project_id: int,
    csrf: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    """Delete the project with all its versions, members and invites (editors only)."""
    signed_in(request, visit)
    check_csrf(visit, csrf)
    row = _editor_of(session, visit, request, project_id)
    _forget.delete_project(session, row.id)
    session.commit()
    _forget.wipe_free_pages(request.app.state.db)
    return redirect("/projects?deleted=1")
