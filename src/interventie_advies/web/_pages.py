"""The browser pages' common ground: templates, language, the visitor, sign-in and out.

Pages are Jinja2 templates rendered on the server (autoescaped), plain HTML forms with
post/redirect/get, no JavaScript needed. Dutch by default; ``?lang=en`` (the switch in
every page's header) keeps English in a cookie. Every word comes from the ``web``
namespace of the one catalogue (``messages/_web.py``).
"""

from __future__ import annotations

import functools
import inspect
import secrets
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException

from ..messages import text
from . import _session
from ._auth import hash_password, verify_password
from ._db import User

if TYPE_CHECKING:
    from collections.abc import Iterator

    from fastapi import FastAPI

__all__ = [
    "DB",
    "PageError",
    "SignIn",
    "Visitor",
    "install",
    "page",
    "redirect",
    "router",
    "signed_in",
]

router = APIRouter(include_in_schema=False)

_TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).with_name("templates")),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
#: the language cookie's name
LANG_COOKIE = "advies_lang"
#: what every page answers with: never cached (it shows a person's projects), no
#: scripts from anywhere, framed only by the app itself (the report on the project page)
_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": (
        "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self'; "
        "frame-ancestors 'self'; form-action 'self'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


class PageError(Exception):
    """An error page: its status and the catalogue key of its message."""

    def __init__(self, status: int, key: str) -> None:
        super().__init__(status, key)
        self.status = status
        self.key = key


class SignIn(Exception):
    """The page needs a signed-in user: send them to sign in and back here."""

    def __init__(self, back: str, expired: bool) -> None:
        super().__init__(back)
        self.back = back
        self.expired = expired


def _session_of(request: Request) -> Iterator[Session]:
    with request.app.state.sessions() as session:
        yield session


DB = Annotated[Session, Depends(_session_of)]


def _visit(request: Request, session: DB) -> _session.Visit:
    return _session.visit(request, session)


Visitor = Annotated[_session.Visit, Depends(_visit)]


def language(request: Request) -> str:
    """``nl`` or ``en``: the query's ``lang``, else the cookie, else Dutch."""
    asked = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE)
    return "en" if asked == "en" else "nl"


def page(
    request: Request,
    visit: _session.Visit,
    template: str,
    status: int = 200,
    **context: Any,
) -> HTMLResponse:
    """Render ``template`` for this visitor, in their language."""
    lang = language(request)

    def w(key: str, **params: object) -> str:
        return text(f"web.{key}", lang, **params)

    html = _TEMPLATES.get_template(template).render(
        lang=lang, w=w, visit=visit, status=status, **context
    )
    response = HTMLResponse(html, status_code=status, headers=_HEADERS)
    finish(request, response, visit)
    return response


def finish(request: Request, response: Response, visit: _session.Visit) -> None:
    """Set the cookies the visit needs: a new session, a language asked for."""
    if visit.fresh:
        _session.set_cookie(request, response, visit)
    asked = request.query_params.get("lang")
    if asked in ("nl", "en"):
        response.set_cookie(LANG_COOKIE, asked, max_age=365 * 24 * 3600, samesite="lax")


def signed_in(request: Request, visit: _session.Visit) -> User:
    """The signed-in user; else :class:`SignIn` (back to this page afterwards)."""
    if visit.user is None:
        back = request.url.path
        if request.method != "GET":  # back to the page the form was on, never to a POST
            back = back.removesuffix("/restore")
        elif request.url.query:
            back += "?" + request.url.query
        raise SignIn(back, visit.expired)
    return visit.user


def check_csrf(visit: _session.Visit, token: str) -> None:
    """Refuse a form without this session's CSRF token."""
    if not _session.checked(visit, token):
        raise PageError(403, "csrf")


@functools.cache
def _dummy_hash() -> str:
    return hash_password(secrets.token_urlsafe(16))


def _safe_next(value: str) -> str:
    """Only a path on this site: never ``//elsewhere`` or a full address."""
    if value.startswith("/") and not value.startswith(("//", "/\\")):
        return value
    return "/projects"


def redirect(url: str) -> RedirectResponse:
    """See ``url`` (303): post/redirect/get, never cached."""
    return RedirectResponse(url, status_code=303, headers={"Cache-Control": "no-store"})


@router.get("/")
def home() -> RedirectResponse:
    """The start page is the list of projects."""
    return redirect("/projects")


@router.get("/-/login")
def login_form(request: Request, visit: Visitor, next: str = "/projects") -> HTMLResponse:
    """The sign-in form."""
    expired = request.query_params.get("expired") == "1"
    return page(request, visit, "login.html", next=_safe_next(next), expired=expired)


@router.post("/-/login")
def login(
    request: Request,
    session: DB,
    visit: Visitor,
    email: Annotated[str, Form(max_length=320)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    csrf: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/projects",
) -> Response:
    """Sign in: a new session, then back to where the user was going."""
    check_csrf(visit, csrf)
    target = _safe_next(next)
    address = request.client.host if request.client else ""
    if _session.blocked(session, email, address):
        return page(request, visit, "login.html", 429, next=target, email=email, error="too_many")
    user = session.scalar(select(User).where(User.email == email.strip().lower()))
    # NOTE: an unknown address costs the same argon2 check as a known one, so the time
    # an answer takes does not tell which addresses have an account
    stored = user.password_hash if user is not None else _dummy_hash()
    if not verify_password(stored, password) or user is None:
        _session.note_failure(session, email, address)
        session.commit()
        return page(request, visit, "login.html", 401, next=target, email=email, error="wrong")
    _session.forget_failures(session, email)
    session.commit()
    response = redirect(target)
    _session.set_cookie(request, response, _session.begin(request, user))
    return response


@router.post("/-/logout")
def logout(
    request: Request,
    session: DB,
    visit: Visitor,
    csrf: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    """Sign out: the session ends for good and a new, anonymous one begins."""
    check_csrf(visit, csrf)
    _session.end(session, visit)
    session.commit()
    response = redirect("/-/login")
    _session.set_cookie(request, response, _session.begin(request, None))
    return response


async def _handled(handler: Any, request: Request, exc: Exception) -> Response:
    """What an exception handler answers (Starlette's may be plain functions or async)."""
    answer = handler(request, exc)
    return await answer if inspect.isawaitable(answer) else answer  # type: ignore[no-any-return]


def install(app: FastAPI) -> None:
    """Answer the pages' errors as pages (the API keeps its JSON errors)."""

    async def page_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, PageError)
        with request.app.state.sessions() as session:
            visit = _session.visit(request, session)
            return page(request, visit, "error.html", exc.status, key=exc.key)

    async def sign_in(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, SignIn)
        url = "/-/login?next=" + quote(exc.back, safe="/")
        return redirect(url + ("&expired=1" if exc.expired else ""))

    # NOTE: a page's address that is not one (``/nergens``, ``/projects/abc``), or a form
    # the server cannot read (a compressed body), is a page too; the API keeps its JSON
    api_http = app.exception_handlers[HTTPException]
    api_invalid = app.exception_handlers[RequestValidationError]

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if request.url.path.startswith("/api/"):
            return await _handled(api_http, request, exc)
        found = exc.status_code in (404, 405)
        key = "not_found_text" if found else "bad_request"
        return await page_error(request, PageError(404 if found else exc.status_code, key))

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        if request.url.path.startswith("/api/"):
            return await _handled(api_invalid, request, exc)
        in_path = any(e.get("loc", ("",))[0] == "path" for e in exc.errors())
        error = PageError(404, "not_found_text") if in_path else PageError(400, "bad_request")
        return await page_error(request, error)

    app.add_exception_handler(PageError, page_error)
    app.add_exception_handler(SignIn, sign_in)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
