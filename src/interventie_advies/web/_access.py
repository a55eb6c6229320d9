"""Who may see or change a project, for the pages: the project, or the page that says no.

A project the user may not read answers 404, word for word as one that does not exist; a
reader who is not an editor gets 403 when they try to change it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from . import _store
from ._db import ProjectRow, Version
from ._pages import PageError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ._db import User

__all__ = ["editable", "readable", "version_of"]


def readable(session: Session, user: User, project_id: int) -> tuple[ProjectRow, str]:
    """The project and the user's role; 404 when they may not read it (or it is not there)."""
    found = _store.reading(session, user, project_id)
    if found is None:
        raise PageError(404, "not_found_text")
    return found[0], found[1]


def editable(session: Session, user: User, project_id: int) -> ProjectRow:
    """The project, when the user is one of its editors; 404 or 403 otherwise."""
    row, role = readable(session, user, project_id)
    if role != "editor":
        raise PageError(403, "editors_only")
    return row


def version_of(session: Session, project_id: int, number: int) -> Version:
    """Version ``number`` of the project; 404 when it has none of that number."""
    found = session.scalar(
        select(Version).where(Version.project_id == project_id, Version.number == number)
    )
    if found is None:
        raise PageError(404, "not_found_text")
    return found
