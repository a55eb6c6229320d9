"""Browser sessions: a signed cookie, CSRF tokens and rate-limited sign-in.

The key that signs cookies is kept in the database (``web_secrets``), made once by the
first worker that needs it, so every worker and every instance sharing the database
accepts every other's cookies. The cookie holds a user id and a random session id; the
CSRF token of every form is an HMAC of that session id, so it works without JavaScript
and changes when the session does (a new session id at every sign-in and sign-out).
Signing out also keeps the old session id in ``ended_sessions`` until its cookie would
have expired: a copy of the cookie taken before sign-out is then worth nothing.
Failed sign-ins are counted in the database, per account and per address.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from ._db import EndedSession, LoginFailure, Secret, User, now

if TYPE_CHECKING:
    from fastapi import Request, Response
    from sqlalchemy.orm import Session, sessionmaker

__all__ = [
    "COOKIE",
    "MAX_AGE",
    "Visit",
    "begin",
    "blocked",
    "checked",
    "csrf_of",
    "end",
    "forget_failures",
    "note_failure",
    "secret_of",
    "set_cookie",
    "shared_secret",
    "visit",
]

#: the session cookie's name
COOKIE = "advies_session"
#: how long a session lasts after its sign-in (seconds)
MAX_AGE = 8 * 60 * 60
#: the window failed sign-ins are counted in, and the most allowed in it
WINDOW = dt.timedelta(minutes=15)
MAX_PER_ACCOUNT = 5
MAX_PER_ADDRESS = 20


def secret_of(request: Request) -> str:
    """The signing key, read from the database once per process."""
    state = request.app.state
    if getattr(state, "secret", None) is None:
        state.secret = shared_secret(state.sessions)
    return str(state.secret)


def shared_secret(sessions: sessionmaker[Session]) -> str:
    """The signing key all workers share; made (once) when there is none yet."""
    with sessions() as session:
        found = session.get(Secret, "cookie")
        if found is not None:
            return found.value
        session.add(Secret(name="cookie", value=secrets.token_urlsafe(48)))
        try:
            session.commit()
        except IntegrityError:  # another worker made it first: use theirs
            session.rollback()
        found = session.get(Secret, "cookie")
        assert found is not None
        return found.value


@dataclass
class Visit:
    """Who is visiting: the signed-in user (or None), the session id, and its CSRF token."""

    user: User | None
    sid: str
    csrf: str
    expired: bool  # a session cookie came, but it is too old or no longer valid
    fresh: bool  # the session id is new: the cookie must be (re)set


def _serializer(secret: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt="advies-session")


def csrf_of(secret: str, sid: str) -> str:
    """The CSRF token of the session ``sid``."""
    return hmac.new(secret.encode(), f"csrf:{sid}".encode(), hashlib.sha256).hexdigest()


def visit(request: Request, session: Session) -> Visit:
    """Read the session cookie of ``request``: the user, or a new anonymous session."""
    secret = secret_of(request)
    raw = request.cookies.get(COOKIE)
    expired = False
    if raw:
        try:
            data = _serializer(secret).loads(raw, max_age=MAX_AGE)
        except BadSignature:  # SignatureExpired is one too
            expired = True
        else:
            sid = str(data.get("s", ""))
            user = session.get(User, data["u"]) if data.get("u") else None
            if user is not None and session.get(EndedSession, sid) is not None:
                user = None  # signed out: a copy of the cookie is refused
            if sid and (user is not None or not data.get("u")):
                return Visit(user, sid, csrf_of(secret, sid), False, False)
            expired = True
    sid = secrets.token_urlsafe(24)
    return Visit(None, sid, csrf_of(secret, sid), expired, True)


def begin(request: Request, user: User | None) -> Visit:
    """A new session (a new id, so a session id known before sign-in is worth nothing)."""
    secret = secret_of(request)
    sid = secrets.token_urlsafe(24)
    return Visit(user, sid, csrf_of(secret, sid), False, True)


def end(session: Session, found: Visit) -> None:
    """Sign out: keep the session id as ended (and forget those whose cookies expired)."""
    session.execute(
        delete(EndedSession).where(EndedSession.at < now() - dt.timedelta(seconds=MAX_AGE))
    )
    if found.user is not None and session.get(EndedSession, found.sid) is None:
        session.add(EndedSession(sid=found.sid, at=now()))


def set_cookie(request: Request, response: Response, found: Visit) -> None:
    """Set the session cookie for ``found`` on ``response``."""
    value = _serializer(secret_of(request)).dumps(
        {"u": found.user.id if found.user else None, "s": found.sid}
    )
    response.set_cookie(
        COOKIE,
        value,
        max_age=MAX_AGE,
        httponly=True,
        samesite="lax",
        secure=str(request.app.state.base_url).startswith("https://"),
        path="/",
    )


def checked(found: Visit, token: str) -> bool:
    """Whether the form's CSRF ``token`` is the one of this session."""
    return not found.fresh and hmac.compare_digest(found.csrf, token)


def _keys(email: str, address: str) -> tuple[str, str]:
    return f"email:{email.strip().lower()}", f"addr:{address}"


def blocked(session: Session, email: str, address: str) -> bool:
    """Whether sign-in is refused for now: too many failures for the account or address."""
    since = now() - WINDOW
    account, place = _keys(email, address)

    def count(key: str) -> int:
        return int(
            session.scalar(
                select(func.count())
                .select_from(LoginFailure)
                .where(LoginFailure.key == key, LoginFailure.at >= since)
            )
            or 0
        )

    return count(account) >= MAX_PER_ACCOUNT or count(place) >= MAX_PER_ADDRESS


def note_failure(session: Session, email: str, address: str) -> None:
    """Count a failed sign-in against the account and the address (and drop old ones)."""
    session.execute(delete(LoginFailure).where(LoginFailure.at < now() - WINDOW))
    for key in _keys(email, address):
        session.add(LoginFailure(key=key, at=now()))


def forget_failures(session: Session, email: str) -> None:
    """A successful sign-in clears the account's failures."""
    session.execute(delete(LoginFailure).where(LoginFailure.key == _keys(email, "")[0]))
