"""Who may read a project, in one statement (``_store.reading``), on both databases.

The API and the pages read a project, the caller's role on it and its latest version with
one query; it must say exactly what :func:`_store.role_of` and the project's own rows
say, for every kind of person: an editor, a viewer, a funder of its programme, a funder
of another programme, a member who is a funder too, an administrator who is neither,
a stranger; and for a project that is not there.
"""

from __future__ import annotations

from itertools import product
from typing import TYPE_CHECKING

from sqlalchemy import select
from test_web_server import new_database  # noqa: F401  # a fixture: SQLite, PostgreSQL

from interventie_advies.web import _admin, _store
from interventie_advies.web._db import (
    Funder,
    Member,
    Programme,
    ProjectRow,
    User,
    Version,
    make_engine,
    now,
    sessions,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sqlalchemy.orm import Session
    from test_web_server import Database

PEOPLE = ("editor", "viewer", "funder", "other_funder", "member_funder", "admin", "stranger")


def _made(session: Session) -> None:
    """Two programmes, three projects (one in each programme, one in none) and the people."""
    users = {
        name: User(email=f"{name}@example.org", role="admin" if name == "admin" else "user")
        for name in PEOPLE
    }
    session.add_all(users.values())
    first, second = Programme(name="Een"), Programme(name="Twee")
    session.add_all([first, second])
    session.flush()
    projects = [
        ProjectRow(name=f"P{n}", version=n + 1, updated=now(), programme=programme)
        for n, programme in enumerate([first.id, second.id, None])
    ]
    session.add_all(projects)
    session.flush()
    for project in projects:
        for number in range(1, project.version + 1):
            session.add(
                Version(project_id=project.id, number=number, toml=f"# {number}", created=now())
            )
        session.add(Member(project_id=project.id, user_id=users["editor"].id, role="editor"))
        session.add(Member(project_id=project.id, user_id=users["viewer"].id, role="viewer"))
        session.add(Member(project_id=project.id, user_id=users["member_funder"].id, role="viewer"))
    session.add_all(
        [
            Funder(programme_id=first.id, user_id=users["funder"].id),
            Funder(programme_id=second.id, user_id=users["other_funder"].id),
            Funder(programme_id=first.id, user_id=users["member_funder"].id),
        ]
    )
    session.commit()


def test_reading_is_role_of_and_the_rows(
    tmp_path: Path,
    new_database: Callable[[Path], Database],  # noqa: F811
) -> None:
    db = new_database(tmp_path)
    url = db.url or _admin.database_url(str(tmp_path), None)
    _admin.upgrade(url)
    engine = make_engine(url)
    try:
        with sessions(engine)() as session:
            _made(session)
            users = list(session.scalars(select(User).order_by(User.id)))
            ids = [*session.scalars(select(ProjectRow.id).order_by(ProjectRow.id)), 999]
            seen = set()
            for user, project_id, latest in product(users, ids, (False, True)):
                role = _store.role_of(session, user, project_id)
                found = _store.reading(session, user, project_id, latest=latest)
                if role is None or session.get(ProjectRow, project_id) is None:
                    assert found is None, (user.email, project_id)
                    continue
                assert found is not None
                row, seen_role, version = found
                assert row is session.get(ProjectRow, project_id)
                assert seen_role == role
                seen.add((user.email.split("@")[0], project_id, role))
                if latest:
                    assert version is not None
                    assert (version.project_id, version.number) == (row.id, row.version)
                else:
                    assert version is None
    finally:
        engine.dispose()
    first, second, alone = ids[:3]
    assert seen == {
        *(
            (name, p, role)
            for name, role in [("editor", "editor"), ("viewer", "viewer")]
            for p in (first, second, alone)
        ),
        *(("member_funder", p, "viewer") for p in (first, second, alone)),
        ("funder", first, "funder"),
        ("other_funder", second, "funder"),
    }
