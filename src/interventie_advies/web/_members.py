"""A project's members in the browser: the list, invite links, and removing a member.

Every reader of the project sees who its members are; editors make invite links (as
editor or viewer) and remove members, except the last editor, so that a project always
has someone who may change it (or delete it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import delete, func, select

from . import _store
from ._access import readable
from ._db import Member, ProjectRow, User
from ._invite_store import make
from ._invites import link_shown, new_link, remember_link
from ._pages import DB, PageError, Visitor, check_csrf, page, signed_in

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from . import _session

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


def _members(session: Session, project_id: int) -> list[tuple[Member, str]]:
    rows = session.execute(
        select(Member, User.email)
        .join(User, User.id == Member.user_id)
        .where(Member.project_id == project_id)
        .order_by(Member.role, User.email)
    )
    return [(m, e) for m, e in rows.tuples()]


def _page(
    request: Request,
    session: Session,
    visit: _session.Visit,
    row: ProjectRow,
    role: str,
    status: int = 200,
    **extra: object,
) -> Response:
    response = page(
        request,
        visit,
        "members.html",
        status,
        row=row,
        role=role,
        members=_members(session, row.id),
        link=new_link(request) if role == "editor" else "",
        **extra,
    )
    link_shown(request, response)
    return response


@router.get("/projects/{project_id}/members")
def members(request: Request, session: DB, visit: Visitor, project_id: int) -> Response:
    """Who the members are; for editors, the invite form and the remove buttons."""
    user = signed_in(request, visit)
    row, role = readable(session, user, project_id)
    removed = request.query_params.get("removed") == "1"
    return _page(request, session, visit, row, role, removed=removed)


@router.post("/projects/{project_id}/members/invite")
def invite(
    request: Request,
    session: DB,
    visit: Visitor,
    project_id: int,
    csrf: Annotated[str, Form(max_length=200)] = "",
    role: Annotated[str, Form(max_length=20)] = "viewer",
) -> Response:
    """Make an invite link to the project (editors only)."""
    user = signed_in(request, visit)
    check_csrf(visit, csrf)
    row, own = readable(session, user, project_id)
    if own != "editor":
        raise PageError(403, "editors_only")
    token = make(
        session, user, "project", row.id, role if role in _store.MEMBER_ROLES else "viewer"
    )
    session.commit()
    return remember_link(request, f"/projects/{row.id}/members", token)


@router.post("/projects/{project_id}/members/remove")
def remove(
    request: Request,
    session: DB,
    visit: Visitor,
    project_id: int,
    csrf: Annotated[str, Form(max_length=200)] = "",
    member: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    """Remove a member (editors only); never the last editor."""
    user = signed_in(request, visit)
    check_csrf(visit, csrf)
    row, own = readable(session, user, project_id)
    if own != "editor":
        raise PageError(403, "editors_only")
    # NOTE: at most nine digits: every database can compare the number
    number = int(member) if member.isdigit() and len(member) < 10 else 0
    found = session.scalar(select(Member).where(Member.project_id == row.id, Member.id == number))
    if found is None:
        raise PageError(404, "not_found_text")
    editors = session.scalar(
        select(func.count())
        .select_from(Member)
        .where(Member.project_id == row.id, Member.role == "editor")
    )
    if found.role == "editor" and editors == 1:
        return _page(request, session, visit, row, own, 409, error="mem_last_editor")
    session.execute(delete(Member).where(Member.id == found.id))
    session.commit()
    if found.user_id == user.id:  # removed themselves: the project is no longer theirs
        return RedirectResponse("/projects", status_code=303)
    return RedirectResponse(
        f"/projects/{row.id}/members?removed=1",
        status_code=303,
        headers={"Cache-Control": "no-store"},
    )
