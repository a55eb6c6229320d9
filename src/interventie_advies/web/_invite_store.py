"""Invite links in the database: made, looked up and used.

An invite link holds 32 random bytes (``_auth.new_token``); only their SHA-256 is kept,
so the table cannot be turned back into working links. A link works once, for seven
days. A ``project`` invite makes its user a member (``editor`` or ``viewer``); a
``programme`` invite lets its user submit projects to the programme (``role`` is
``team``), which the upload checks with :func:`may_submit`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import DateTime, ForeignKey, Integer, String, select
from sqlalchemy.orm import Mapped, mapped_column

from . import _store
from ._auth import new_token, token_hash
from ._db import Base, Programme, ProjectRow, now

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ._db import User

__all__ = ["DAYS", "Invite", "accept", "make", "may_submit", "programme_for", "usable"]

#: how long an invite link works
DAYS = 7


class Invite(Base):
    """An invite link: to a project (as editor or viewer) or to a programme (as a team)."""

    __tablename__ = "invites"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # project or programme
    target: Mapped[int] = mapped_column(Integer)  # the project's or programme's id
    role: Mapped[str] = mapped_column(String(20))
    made_by: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created: Mapped[dt.datetime] = mapped_column(DateTime, default=now)
    expires: Mapped[dt.datetime] = mapped_column(DateTime)
    used: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    used_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )


def make(session: Session, user: User, kind: str, target: int, role: str) -> str:
    """A new invite link's token (shown once; only its hash is kept)."""
    token, digest = new_token()
    made = now()
    session.add(
        Invite(
            token_hash=digest,
            kind=kind,
            target=target,
            role=role,
            made_by=user.id,
            created=made,
            expires=made + dt.timedelta(days=DAYS),
        )
    )
    return token


def usable(session: Session, token: str) -> Invite | None:
    """The invite of ``token`` while it works: not used, not expired, its target there."""
    found = session.scalar(select(Invite).where(Invite.token_hash == token_hash(token)))
    if found is None or found.used is not None or found.expires < now():
        return None
    table = ProjectRow if found.kind == "project" else Programme
    return found if session.get(table, found.target) is not None else None


def accept(session: Session, invite: Invite, user: User) -> None:
    """Use up ``invite`` for ``user``: a project's member, or a programme's team."""
    invite.used = now()
    invite.used_by = user.id
    if invite.kind == "project":
        had = _store.role_of(session, user, invite.target)
        # NOTE: an invite never lowers a role: an editor who follows a viewer's link stays
        # an editor
        if had != "editor":
            _store.add_member(session, invite.target, user, invite.role)


def may_submit(session: Session, user: User, programme: int) -> bool:
    """Whether ``user`` accepted an invite to submit projects to ``programme``."""
    found = session.scalar(
        select(Invite.id).where(
            Invite.kind == "programme", Invite.target == programme, Invite.used_by == user.id
        )
    )
    return found is not None


def programme_for(session: Session, user: User, wanted: str) -> Programme | None:
    """The programme ``wanted`` (an id as a form sends it) if ``user`` may submit to it."""
    if not wanted.isdigit() or len(wanted) > 9:
        return None
    found = session.get(Programme, int(wanted))
    return found if found is not None and may_submit(session, user, found.id) else None
