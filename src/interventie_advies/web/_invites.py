"""Invite links in the browser: a team to a programme, and following a link to join.

``/programmes/{id}/invites``: a funder of the programme (or an admin) makes a link that
lets a team submit a project to it. ``/-/invite/{token}``: signed in, a button joins;
not signed in, sign in first or create an account (and join at once). A link that was
used, has expired or never existed gives one page, 404, with the same words for all
three, so links cannot be probed. A new link is shown once, on the page the form
returns to (post/redirect/get): it travels there in a signed cookie that lives a few
minutes and is cleared when read, so reloading the page does not show it again.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Form, Request
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from . import _session
from ._auth import hash_password
from ._db import Funder, Programme, ProjectRow, User
from ._invite_store import Invite, accept, make, usable
from ._pages import DB, PageError, Visitor, check_csrf, page, redirect, signed_in
from ._start import MIN_PASSWORD

if TYPE_CHECKING:
    from fastapi.responses import Response
    from sqlalchemy.orm import Session

__all__ = ["link_shown", "remember_link", "router"]

router = APIRouter(include_in_schema=False)

#: the cookie that carries a new link to the page that shows it, and how long it lives
LINK_COOKIE = "advies_new_link"
LINK_AGE = 300
#: an e-mail address as people type it: something, one @, a domain with a dot
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def _signer(request: Request) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(_session.secret_of(request), salt="advies-new-link")


def remember_link(request: Request, back: str, token: str) -> Response:
    """Redirect to ``back``, which shows the link of ``token`` once."""
    response = redirect(back)
    link = f"{str(request.app.state.base_url).rstrip('/')}/-/invite/{token}"
    response.set_cookie(
        LINK_COOKIE,
        _signer(request).dumps(link),
        max_age=LINK_AGE,
        httponly=True,
        samesite="lax",
        secure=str(request.app.state.base_url).startswith("https://"),
        path=back,
    )
    return response


def link_shown(request: Request, response: Response) -> None:
    """Clear the new link's cookie once the page has shown it."""
    if LINK_COOKIE in request.cookies:
        response.delete_cookie(LINK_COOKIE, path=request.url.path)


def new_link(request: Request) -> str:
    """The new link to show on this page, once (empty when there is none)."""
    raw = request.cookies.get(LINK_COOKIE)
    if not raw:
        return ""
    try:
        return str(_signer(request).loads(raw, max_age=LINK_AGE))
    except BadSignature:
        return ""


def _programme(session: Session, user: User, programme_id: int) -> Programme:
    """The programme, when ``user`` funds it or is an admin; else 404."""
    found = session.get(Programme, programme_id)
    funds = session.scalar(
        select(Funder.id).where(Funder.programme_id == programme_id, Funder.user_id == user.id)
    )
    if found is None or (funds is None and user.role != "admin"):
        raise PageError(404, "not_found_text")
    return found


@router.get("/programmes/{programme_id}/invites")
def programme_invites(request: Request, session: DB, visit: Visitor, programme_id: int) -> Response:
    """The programme's invite form, the link just made, and the links made before."""
    user = signed_in(request, visit)
    programme = _programme(session, user, programme_id)
    made = session.scalars(
        select(Invite)
        .where(Invite.kind == "programme", Invite.target == programme.id)
        .order_by(Invite.id.desc())
    )
    response = page(
        request,
        visit,
        "programme_invites.html",
        programme=programme,
        invites=list(made),
        link=new_link(request),
    )
    link_shown(request, response)
    return response


@router.post("/programmes/{programme_id}/invites")
def invite_team(
    request: Request,
    session: DB,
    visit: Visitor,
    programme_id: int,
    csrf: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    """Make a link that lets a team submit a project to the programme."""
    user = signed_in(request, visit)
    check_csrf(visit, csrf)
    programme = _programme(session, user, programme_id)
    token = make(session, user, "programme", programme.id, "team")
    session.commit()
    return remember_link(request, f"/programmes/{programme.id}/invites", token)


def _target_name(session: Session, invite: Invite) -> str:
    found = session.get(ProjectRow if invite.kind == "project" else Programme, invite.target)
    return str(getattr(found, "name", ""))


def _invite_page(
    request: Request,
    session: Session,
    visit: _session.Visit,
    invite: Invite,
    token: str,
    status: int = 200,
    **form: object,
) -> Response:
    return page(
        request,
        visit,
        "invite.html",
        status,
        invite=invite,
        token=token,
        name=_target_name(session, invite),
        **form,
    )


def _gone(request: Request, visit: _session.Visit) -> Response:
    # NOTE: one answer for a link that was used, has expired or never was: nobody learns
    # from it which links exist
    return page(request, visit, "invite_gone.html", 404)


@router.get("/-/invite/{token}")
def invite_page(request: Request, session: DB, visit: Visitor, token: str) -> Response:
    """What the link invites to: a button to join, or sign in / create an account."""
    invite = usable(session, token)
    if invite is None:
        return _gone(request, visit)
    return _invite_page(request, session, visit, invite, token)


def _joined(session: Session, invite: Invite) -> Response:
    if invite.kind == "project":
        return redirect(f"/projects/{invite.target}")
    return redirect(f"/projects?programme={invite.target}")


@router.post("/-/invite/{token}")
def join(
    request: Request,
    session: DB,
    visit: Visitor,
    token: str,
    csrf: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    """Join as the signed-in user, and use up the link."""
    user = signed_in(request, visit)
    check_csrf(visit, csrf)
    invite = usable(session, token)
    if invite is None:
        return _gone(request, visit)
    accept(session, invite, user)
    session.commit()
    return _joined(session, invite)


@router.post("/-/invite/{token}/account")
def join_new(
    request: Request,
    session: DB,
    visit: Visitor,
    token: str,
    csrf: Annotated[str, Form(max_length=200)] = "",
    email: Annotated[str, Form(max_length=320)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    again: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    """Create an account with the link, sign in with it and join."""
    check_csrf(visit, csrf)
    invite = usable(session, token)
    if invite is None:
        return _gone(request, visit)
    address = email.strip().lower()
    errors: dict[str, str] = {}
    if not _EMAIL.fullmatch(address):
        errors["email"] = "err_email"
    elif session.scalar(select(User.id).where(User.email == address)) is not None:
        errors["email"] = "err_email_taken"
    if len(password) < MIN_PASSWORD:
        errors["password"] = "err_password_short"
    elif password != again:
        errors["again"] = "err_password_differs"
    if not errors:
        user = User(email=address, role="user", password_hash=hash_password(password))
        session.add(user)
        try:
            session.flush()
        except IntegrityError:  # made at the same moment through another link
            session.rollback()
            invite = usable(session, token)
            if invite is None:
                return _gone(request, visit)
            errors["email"] = "err_email_taken"
    if errors:
        return _invite_page(request, session, visit, invite, token, 422, errors=errors, email=email)
    accept(session, invite, user)
    session.commit()
    response = _joined(session, invite)
    _session.set_cookie(request, response, _session.begin(request, user))
    return response
