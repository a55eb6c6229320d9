"""What ``advies db``, ``advies users`` and ``advies tokens`` do, and the start of ``serve``.

Each function takes the database URL; :func:`database_url` makes it from ``--data`` and
``--database`` the same way for every command.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from .._errors import UsageError
from ..messages._i18n import t
from ._auth import hash_password, new_token
from ._db import ApiToken, StartToken, User, make_engine, now, sessions

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sqlalchemy.orm import Session

__all__ = [
    "ROLES",
    "add_user",
    "backup",
    "create_token",
    "data_folder",
    "database_errors",
    "database_url",
    "first_admin_link",
    "shown_url",
    "upgrade",
]

#: a user's roles on the whole application
ROLES = ("admin", "user")
#: an e-mail address as people type it: something, one @, a domain with a dot
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
#: the PostgreSQL advisory lock held while migrating (any fixed number: "advi" in ASCII)
LOCK = 0x61647669
#: how long the first-administrator link works
START_LINK_HOURS = 24


def shown_url(url: str) -> str:
    """``url`` without its password, to show in a message."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


@contextlib.contextmanager
def database_errors(url: str) -> Iterator[None]:
    """Turn the database's and its driver's errors into one clear line (no traceback)."""
    try:
        yield
    # NOTE: before ArgumentError, of which NoSuchModuleError is a kind
    except (ImportError, NoSuchModuleError) as exc:
        raise UsageError(
            t(
                nl="het stuurprogramma voor {u} ontbreekt ({e}); voor PostgreSQL: "
                "installeer interventie-advies[postgres]",
                en="the driver for {u} is missing ({e}); for PostgreSQL: "
                "install interventie-advies[postgres]",
                u=shown_url(url),
                e=exc,
            )
        ) from None
    except ArgumentError:
        raise UsageError(
            t(
                nl="{u} is geen database-URL; bijvoorbeeld postgresql+psycopg://host/naam",
                en="{u} is not a database URL; for example postgresql+psycopg://host/name",
                u=shown_url(url),
            )
        ) from None
    except (SQLAlchemyError, sqlite3.Error) as exc:
        cause = getattr(exc, "orig", None) or exc
        raise UsageError(
            t(
                nl="kan de database {u} niet gebruiken: {e}",
                en="cannot use the database {u}: {e}",
                u=shown_url(url),
                e=cause,
            )
        ) from None


def data_folder(data: str | None) -> Path:
    """``--data``, else the user's data folder (``$XDG_DATA_HOME`` or ~/.local/share)."""
    if data:
        return Path(data)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "interventie-advies"


def database_url(data: str | None, database: str | None) -> str:
    """``--database``, else SQLite in the data folder (made when missing)."""
    if database:
        return database
    folder = data_folder(data)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(
            t(
                nl="kan de gegevensmap {d} niet maken: {e}",
                en="cannot make the data folder {d}: {e}",
                d=folder,
                e=exc.strerror or exc,
            )
        ) from None
    return f"sqlite:///{(folder / 'advies.sqlite3').resolve()}"


def upgrade(url: str, revision: str = "head") -> None:
    """Bring the database's schema to ``revision``, by default the newest (Alembic)."""
    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with database_errors(url):
        engine = make_engine(url)
        try:
            with engine.begin() as connection:
                if connection.dialect.name == "postgresql":
                    # NOTE: instances started together against one database would each
                    # create the tables; this lock (until the commit) lets one migrate and
                    # the others then find nothing left to do
                    connection.execute(select(func.pg_advisory_xact_lock(LOCK)))
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
        finally:
            engine.dispose()


def backup(url: str, target: str) -> None:
    """Copy a SQLite database to ``target``, consistently even while the server writes.

    :raises UsageError: the database is not SQLite (use ``pg_dump``), or ``target`` exists.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        raise UsageError(
            t(
                nl="advies db backup maakt alleen een kopie van SQLite; "
                "gebruik voor PostgreSQL pg_dump",
                en="advies db backup only copies SQLite; for PostgreSQL use pg_dump",
            )
        )
    if Path(target).exists():
        raise UsageError(
            t(
                nl="{f} bestaat al; kies een nieuwe naam",
                en="{f} already exists; pick a new name",
                f=target,
            )
        )
    # NOTE: sqlite3's backup API copies page by page under SQLite's own locks, so the copy
    # is one consistent state even with the server writing (WAL) at the same time
    if not Path(parsed.database).is_file():
        raise UsageError(
            t(
                nl="er is nog geen database in {f}",
                en="there is no database yet at {f}",
                f=parsed.database,
            )
        )
    try:
        source = sqlite3.connect(f"file:{parsed.database}?mode=ro", uri=True)
        try:
            copy = sqlite3.connect(target)
            try:
                source.backup(copy)
            finally:
                copy.close()
        finally:
            source.close()
    except sqlite3.Error as exc:
        Path(target).unlink(missing_ok=True)  # never a half copy that looks like a backup
        raise UsageError(
            t(
                nl="kan geen kopie schrijven naar {f}: {e}",
                en="cannot write a copy to {f}: {e}",
                f=target,
                e=exc,
            )
        ) from None


@contextlib.contextmanager
def _transaction(url: str) -> Iterator[Session]:
    """A session in one transaction on ``url``; the engine is closed afterwards."""
    with database_errors(url):
        engine = make_engine(url)
        try:
            with sessions(engine).begin() as session:
                yield session
        finally:
            engine.dispose()


def add_user(url: str, email: str, role: str, password: str | None) -> None:
    """Add a user; without a password it cannot sign in yet (API tokens still work).

    :raises UsageError: the address is already a user's.
    """
    if not _EMAIL.fullmatch(email) or len(email) > 320:
        raise UsageError(
            t(
                nl="{e} is geen e-mailadres (zoals naam@voorbeeld.nl)",
                en="{e} is not an e-mail address (such as name@example.org)",
                e=email,
            )
        )
    upgrade(url)  # a fresh data folder works without a first `advies serve`
    with _transaction(url) as session:
        if session.scalar(select(User).where(User.email == email.lower())) is not None:
            raise UsageError(
                t(nl="er is al een gebruiker {e}", en="there already is a user {e}", e=email)
            )
        session.add(
            User(
                email=email.lower(),
                role=role,
                password_hash=hash_password(password) if password else None,
            )
        )


def create_token(url: str, email: str) -> str:
    """A new API token for the user ``email`` (only its hash is stored).

    :raises UsageError: there is no such user.
    """
    upgrade(url)
    with _transaction(url) as session:
        user = session.scalar(select(User).where(User.email == email.lower()))
        if user is None:
            raise UsageError(
                t(
                    nl="er is geen gebruiker {e}; maak die eerst met advies users add",
                    en="there is no user {e}; add one first with advies users add",
                    e=email,
                )
            )
        token, digest = new_token()
        session.add(ApiToken(user_id=user.id, token_hash=digest))
    return token


def first_admin_link(url: str, base_url: str) -> str | None:
    """With no users yet: a new one-time link that creates the first administrator."""
    with _transaction(url) as session:
        if session.scalar(select(func.count()).select_from(User)):
            return None
        token, digest = new_token()
        session.add(
            StartToken(token_hash=digest, expires=now() + dt.timedelta(hours=START_LINK_HOURS))
        )
    return f"{base_url.rstrip('/')}/-/start?token={token}"
