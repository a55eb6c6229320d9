"""What the privacy pages do in the database: export a user's data, delete a project or a user.

Deleting is for real: the rows go, with everything hanging on them (versions, members,
invites, API tokens, funder roles, failed sign-ins under the address). On SQLite the freed
space is overwritten with zeros (``PRAGMA secure_delete``, set for the deleting
connection only, so other writes do not pay for it) and the write-ahead log is emptied
into the file afterwards, so the deleted text is not left in the database's free pages.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select

from ._db import ApiToken, Funder, LoginFailure, Member, Programme, ProjectRow, User, Version
from ._drafts import Draft
from ._invite_store import Invite

if TYPE_CHECKING:
    import datetime as dt

    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

__all__ = ["delete_project", "delete_user", "export", "only_editor_of", "wipe_free_pages"]


def _time(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat() + "Z"


def _secure(session: Session) -> None:
    if session.get_bind().dialect.name == "sqlite":
        session.connection().exec_driver_sql("PRAGMA secure_delete=ON")


def only_editor_of(session: Session, user: User) -> list[ProjectRow]:
    """The projects ``user`` is the only editor of: they go with the account."""
    found = []
    editor_of = select(Member.project_id).where(Member.user_id == user.id, Member.role == "editor")
    for row in session.scalars(
        select(ProjectRow).where(ProjectRow.id.in_(editor_of)).order_by(ProjectRow.id)
    ):
        editors = session.scalar(
            select(func.count())
            .select_from(Member)
            .where(Member.project_id == row.id, Member.role == "editor")
        )
        if editors == 1:
            found.append(row)
    return found


def delete_project(session: Session, project_id: int) -> None:
    """Delete the project with its versions, members, invites and drafts (caller commits)."""
    _secure(session)
    session.execute(delete(Invite).where(Invite.kind == "project", Invite.target == project_id))
    # NOTE: a draft holds what was typed into one of the project's pages (project text)
    session.execute(delete(Draft).where(Draft.page.startswith(f"/projects/{project_id}/")))
    # NOTE: versions and members go with the project (ON DELETE CASCADE on both databases)
    session.execute(delete(ProjectRow).where(ProjectRow.id == project_id))


def delete_user(session: Session, user: User) -> list[str]:
    """Delete ``user`` and the projects only they edit; the names of those projects.

    Their versions in other projects stay, without an author (``SET NULL``); their API
    tokens, memberships, funder roles, invites made and failed sign-ins go.
    """
    _secure(session)
    gone = only_editor_of(session, user)
    for row in gone:
        delete_project(session, row.id)
    session.execute(delete(Invite).where(Invite.made_by == user.id))
    session.execute(delete(LoginFailure).where(LoginFailure.key == f"email:{user.email}"))
    session.execute(delete(User).where(User.id == user.id))
    return [row.name for row in gone]


def wipe_free_pages(engine: Engine) -> None:
    """SQLite: copy the write-ahead log into the file and empty it, after a delete.

    NOTE: best effort: a reader still busy keeps the log; SQLite checkpoints it later on
    its own (every 1000 pages).
    """
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def export(session: Session, user: User) -> dict[str, Any]:
    """Everything held about ``user``, as JSON-ready data (no password hash, no token)."""
    members = session.execute(
        select(Member.role, ProjectRow.id, ProjectRow.name)
        .join(ProjectRow, ProjectRow.id == Member.project_id)
        .where(Member.user_id == user.id)
        .order_by(ProjectRow.id)
    )
    funds = session.execute(
        select(Programme.id, Programme.name)
        .join(Funder, Funder.programme_id == Programme.id)
        .where(Funder.user_id == user.id)
        .order_by(Programme.id)
    )
    tokens = session.scalars(
        select(ApiToken.created).where(ApiToken.user_id == user.id).order_by(ApiToken.id)
    )
    versions = session.scalars(
        select(Version)
        .where(Version.author_id == user.id)
        .order_by(Version.project_id, Version.number)
    )
    invites = session.scalars(select(Invite).where(Invite.made_by == user.id).order_by(Invite.id))
    accepted = session.scalars(select(Invite).where(Invite.used_by == user.id).order_by(Invite.id))
    drafts = session.scalars(select(Draft).where(Draft.user_id == user.id).order_by(Draft.id))
    return {
        "user": {
            "id": user.id,
            "email": user.email,
            "role": user.role,
            "created": _time(user.created),
        },
        "memberships": [{"project": i, "name": n, "role": r} for r, i, n in members],
        "funder_of": [{"programme": i, "name": n} for i, n in funds],
        "api_tokens": [{"created": _time(c)} for c in tokens],
        "versions": [
            {
                "project": v.project_id,
                "version": v.number,
                "created": _time(v.created),
                "comment": v.comment,
                "toml": v.toml,
            }
            for v in versions
        ],
        "invites_made": [
            {
                "kind": i.kind,
                "target": i.target,
                "role": i.role,
                "created": _time(i.created),
                "expires": _time(i.expires),
                "used": _time(i.used),
            }
            for i in invites
        ],
        "invites_accepted": [
            {"kind": i.kind, "target": i.target, "role": i.role, "used": _time(i.used)}
            for i in accepted
        ],
        "drafts": [
            {
                "page": d.page,
                "fields": json.loads(d.fields),
                "created": _time(d.created),
                "expires": _time(d.expires),
            }
            for d in drafts
        ],
    }
