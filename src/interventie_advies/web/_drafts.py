"""Drafts: what a form held when it could not be saved yet, kept for 24 hours.

Two moments make one. A form posted after the session expired: its fields are kept, the
user signs in again and comes back to the page with ``?draft=TOKEN``, the fields filled
in as they were. And "add one" or "remove" on a list of tables: the page's fields are kept
and the page shown again with one entry more or less (post/redirect/get, so reload and
the back button lose nothing). Only the token's SHA-256 is stored; a draft is shown only
to the user who typed it, on the page it came from, and deleted when the form it fed is
saved or after 24 hours.

A draft for an expired session is made only when the expired cookie's signature is still
good and the form's CSRF token is that session's: a page on another site cannot plant
values in someone's form.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
from typing import TYPE_CHECKING, Any

from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, delete, select
from sqlalchemy.orm import Mapped, mapped_column

from ._auth import new_token, token_hash
from ._db import Base, User, now
from ._session import COOKIE, csrf_of, secret_of

if TYPE_CHECKING:
    from fastapi import Request
    from sqlalchemy.orm import Session

__all__ = ["LIFETIME", "Draft", "claim", "drop", "for_expired", "stash"]

#: how long a draft is kept
LIFETIME = dt.timedelta(hours=24)


class Draft(Base):
    """A form's fields kept for its user (``user_id``) and page, until saved or expired."""

    __tablename__ = "drafts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=True
    )
    page: Mapped[str] = mapped_column(String(500))
    fields: Mapped[str] = mapped_column(Text)
    created: Mapped[dt.datetime] = mapped_column(DateTime, default=now)
    expires: Mapped[dt.datetime] = mapped_column(DateTime, index=True)


def _purge(session: Session) -> None:
    session.execute(delete(Draft).where(Draft.expires < now()))


def stash(session: Session, user_id: int, page: str, kept: Any) -> str:
    """Keep the page's values ``kept`` for the user; the token that brings them back."""
    _purge(session)
    token, hashed = new_token()
    stamp = now()
    session.add(
        Draft(
            token_hash=hashed,
            user_id=user_id,
            page=page,
            fields=json.dumps(kept),
            created=stamp,
            expires=stamp + LIFETIME,
        )
    )
    return token


def for_expired(request: Request, session: Session, page: str, csrf: str, kept: Any) -> str | None:
    """Keep a form posted after its session expired; ``None`` when it cannot be trusted."""
    raw = request.cookies.get(COOKIE)
    if not raw:
        return None
    secret = secret_of(request)
    # NOTE: the session's own serializer (same key, same salt), read without max_age: the
    # signature still says who the user was and which session the form came from
    try:
        data = URLSafeTimedSerializer(secret, salt="advies-session").loads(raw)
    except BadSignature:
        return None
    sid, user_id = str(data.get("s", "")), data.get("u")
    if not sid or not isinstance(user_id, int) or session.get(User, user_id) is None:
        return None
    if not hmac.compare_digest(csrf_of(secret, sid), csrf):
        return None
    return stash(session, user_id, page, kept)


def claim(session: Session, token: str, user: User, page: str) -> Any:
    """The values kept under ``token`` for ``user`` on ``page``; ``None`` when there are none."""
    _purge(session)
    found = session.scalar(
        select(Draft).where(
            Draft.token_hash == token_hash(token), Draft.user_id == user.id, Draft.page == page
        )
    )
    if found is None:
        return None
    return json.loads(found.fields)


def drop(session: Session, token: str, user: User) -> None:
    """Delete the draft ``token`` of ``user`` (its form was saved)."""
    if token:
        session.execute(
            delete(Draft).where(Draft.token_hash == token_hash(token), Draft.user_id == user.id)
        )
