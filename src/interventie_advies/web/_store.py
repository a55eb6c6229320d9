"""Projects and their versions in the database, and who may read or write them.

Every save is a new version (author, time, comment); nothing is overwritten. A save names
the version it was based on, and only the save based on the latest version wins: the
version number is raised with a compare-and-set, so of two people saving at once the
second is told (``Conflict``) instead of silently overwriting the first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import or_, select, update

from . import _summaries
from ._db import Funder, Member, ProjectRow, User, Version, now

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..project._model import Project

__all__ = [
    "Conflict",
    "add_member",
    "create",
    "in_programme",
    "readable",
    "reading",
    "role_of",
    "save",
    "versions",
]

#: a project member's roles
MEMBER_ROLES = ("editor", "viewer")


class Conflict(Exception):
    """The save was based on a version that is no longer the latest."""

    def __init__(self, latest: int) -> None:
        super().__init__(latest)
        self.latest = latest


def role_of(session: Session, user: User, project_id: int) -> str | None:
    """The user's role on the project (``editor``, ``viewer``, ``funder``), or None.

    A funder of the project's programme reads it (report, history) and writes nothing.
    """
    member = session.scalar(
        select(Member.role).where(Member.project_id == project_id, Member.user_id == user.id)
    )
    if member is not None:
        return member
    funds = session.scalar(
        select(Funder.id)
        .join(ProjectRow, ProjectRow.programme == Funder.programme_id)
        .where(ProjectRow.id == project_id, Funder.user_id == user.id)
    )
    return "funder" if funds is not None else None


def reading(
    session: Session, user: User, project_id: int, *, latest: bool = False
) -> tuple[ProjectRow, str, Version | None] | None:
    """The project, the user's role on it and its latest version, in one statement.

    The role is :func:`role_of`'s; the version only when ``latest`` (else None). None when
    ``user`` may not read the project, or there is none.
    """
    # NOTE: one round trip instead of three or four (the role, the programme's funders,
    # the project, its version): under load each is a wait for the database and for
    # Python's GIL on the way back
    member = (
        select(Member.role)
        .where(Member.project_id == ProjectRow.id, Member.user_id == user.id)
        .scalar_subquery()
    )
    funds = (
        select(Funder.id)
        .where(Funder.programme_id == ProjectRow.programme, Funder.user_id == user.id)
        .exists()
    )
    statement = select(ProjectRow, member, funds)
    if latest:
        statement = statement.add_columns(Version).outerjoin(
            Version, (Version.project_id == ProjectRow.id) & (Version.number == ProjectRow.version)
        )
    found = session.execute(statement.where(ProjectRow.id == project_id)).first()
    if found is None:
        return None
    role = found[1] if found[1] is not None else "funder" if found[2] else None
    if role is None:
        return None
    return found[0], role, found[3] if latest else None


def readable(session: Session, user: User) -> list[ProjectRow]:
    """The projects ``user`` may read (as member or funder), in the order they were made."""
    member_of = select(Member.project_id).where(Member.user_id == user.id)
    funder_of = select(Funder.programme_id).where(Funder.user_id == user.id)
    return list(
        session.scalars(
            select(ProjectRow)
            .where(or_(ProjectRow.id.in_(member_of), ProjectRow.programme.in_(funder_of)))
            .order_by(ProjectRow.id)
        )
    )


def in_programme(session: Session, programme: int) -> list[ProjectRow]:
    """The projects submitted to ``programme``, in the order they were made."""
    return list(
        session.scalars(
            select(ProjectRow).where(ProjectRow.programme == programme).order_by(ProjectRow.id)
        )
    )


def _summary(row: ProjectRow, project: Project) -> None:
    row.name = project.project.name
    row.phase = project.project.phase


def create(
    session: Session,
    user: User,
    text: str,
    project: Project,
    comment: str,
    programme: int | None,
) -> ProjectRow:
    """A new project with ``text`` as version 1; ``user`` becomes its editor."""
    row = ProjectRow(name="", version=1, updated=now(), programme=programme)
    _summary(row, project)
    session.add(row)
    session.flush()
    session.add(
        Version(
            project_id=row.id,
            number=1,
            toml=text,
            author_id=user.id,
            created=row.updated,
            comment=comment,
        )
    )
    session.add(Member(project_id=row.id, user_id=user.id, role="editor"))
    _summaries.record(session, row.id, 1, project)
    return row


def save(
    session: Session,
    user: User,
    row: ProjectRow,
    text: str,
    project: Project,
    base: int,
    comment: str,
) -> int:
    """Save ``text`` as the version after ``base``; its number.

    :raises Conflict: ``base`` is not the latest version.
    """
    # NOTE: the compare-and-set is the transaction's first write; SQLite takes its write
    # lock there and waits (busy timeout) for another writer, then sees its new version
    stamp = now()
    name = project.project.name
    phase = project.project.phase
    done = session.execute(
        update(ProjectRow)
        .where(ProjectRow.id == row.id, ProjectRow.version == base)
        .values(version=base + 1, updated=stamp, name=name, phase=phase)
        .execution_options(synchronize_session=False)
    )
    if done.rowcount != 1:  # type: ignore[attr-defined]
        session.rollback()
        latest = session.scalar(select(ProjectRow.version).where(ProjectRow.id == row.id))
        raise Conflict(latest or 0)
    session.add(
        Version(
            project_id=row.id,
            number=base + 1,
            toml=text,
            author_id=user.id,
            created=stamp,
            comment=comment,
        )
    )
    _summaries.record(session, row.id, base + 1, project)
    return base + 1


def versions(session: Session, project_id: int) -> list[tuple[Version, str | None]]:
    """The project's versions, newest first, each with its author's address."""
    rows = session.execute(
        select(Version, User.email)
        .outerjoin(User, User.id == Version.author_id)
        .where(Version.project_id == project_id)
        .order_by(Version.number.desc())
    )
    return [(v, email) for v, email in rows]


def add_member(session: Session, project_id: int, user: User, role: str) -> None:
    """Give ``user`` the ``role`` on the project (replacing a role they had)."""
    found = session.scalar(
        select(Member).where(Member.project_id == project_id, Member.user_id == user.id)
    )
    if found is None:
        session.add(Member(project_id=project_id, user_id=user.id, role=role))
    else:
        found.role = role
