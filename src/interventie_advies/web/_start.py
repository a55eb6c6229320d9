"""``/-/start``: the one-time link that creates the first administrator.

A minimal plain-HTML form (no JavaScript). The token in the link is the secret: it is
kept only as its SHA-256, works once and for 24 hours, and only while there are no users.
"""

from __future__ import annotations

from html import escape
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import func, select

from ..messages._i18n import t
from ._auth import hash_password, token_hash
from ._db import StartToken, User, now

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

#: the shortest password accepted for the administrator
MIN_PASSWORD = 12


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    html = (
        '<!doctype html>\n<html lang="nl">\n<head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title></head>\n"
        f"<body><main><h1>{escape(title)}</h1>\n{body}</main></body>\n</html>\n"
    )
    return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})


def _valid(request: Request, token: str) -> bool:
    with request.app.state.sessions() as session:
        if session.scalar(select(func.count()).select_from(User)):
            return False
        found = session.scalar(select(StartToken).where(StartToken.token_hash == token_hash(token)))
        return found is not None and found.used is None and found.expires >= now()


def _gone() -> HTMLResponse:
    return _page(
        "Link werkt niet meer",
        "<p>Deze link is al gebruikt, verlopen of onbekend. Start <code>advies serve</code> "
        "opnieuw zolang er nog geen gebruikers zijn voor een nieuwe link, of maak een "
        "gebruiker met <code>advies users add</code>.</p>",
        404,
    )


def _form(token: str, email: str = "", error: str = "") -> str:
    shown = f'<p role="alert">{escape(error)}</p>\n' if error else ""
    return (
        f"{shown}<p>Maak het account van de eerste beheerder.</p>\n"
        '<form method="post" action="/-/start">\n'
        f'<input type="hidden" name="token" value="{escape(token)}">\n'
        '<p><label for="email">E-mailadres</label><br>'
        f'<input id="email" name="email" type="email" autocomplete="username" required '
        f'value="{escape(email)}"></p>\n'
        f'<p><label for="password">Wachtwoord (minstens {MIN_PASSWORD} tekens)</label><br>'
        '<input id="password" name="password" type="password" autocomplete="new-password" '
        f'minlength="{MIN_PASSWORD}" required></p>\n'
        '<p><button type="submit">Account maken</button></p>\n</form>\n'
    )


@router.get("/-/start")
def start_form(request: Request, token: str = "") -> HTMLResponse:
    """The form behind the first-administrator link."""
    if not _valid(request, token):
        return _gone()
    return _page("Eerste beheerder", _form(token))


@router.post("/-/start")
def start(
    request: Request,
    token: Annotated[str, Form()] = "",
    email: Annotated[str, Form(max_length=320)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
) -> HTMLResponse:
    """Create the first administrator and use up the link."""
    if not _valid(request, token):
        return _gone()
    if "@" not in email or len(password) < MIN_PASSWORD:
        error = t(
            nl="Vul een e-mailadres in en een wachtwoord van minstens {n} tekens.",
            en="Give an e-mail address and a password of at least {n} characters.",
            n=MIN_PASSWORD,
        )
        return _page("Eerste beheerder", _form(token, email, error), 422)
    with request.app.state.sessions.begin() as session:
        found = session.scalar(
            select(StartToken).where(
                StartToken.token_hash == token_hash(token), StartToken.used.is_(None)
            )
        )
        if found is None or session.scalar(select(func.count()).select_from(User)):
            return _gone()
        found.used = now()
        session.add(User(email=email.lower(), role="admin", password_hash=hash_password(password)))
    return _page(
        "Beheerder gemaakt",
        '<p>Het account is gemaakt. <a href="/-/login">Log in</a>.</p>',
        201,
    )
