"""The database: SQLAlchemy 2 tables, the engine and sessions.

SQLite is the embedded default (WAL and a busy timeout, so readers never block the one
writer and a second writer waits instead of failing); PostgreSQL takes the same schema.
The schema itself is made by the Alembic migrations (``migrations/``), never by
``create_all``, so that a database made by one version can be upgraded by the next.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import AfterValidator
from sqlalchemy import (
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
)
from sqlalchemy.engine import make_url
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

__all__ = [
    "MAX_KEY",
    "POOL_SIZE",
    "ApiToken",
    "Base",
    "EndedSession",
    "Funder",
    "Key",
    "LoginFailure",
    "Member",
    "Programme",
    "ProjectRow",
    "Secret",
    "StartToken",
    "User",
    "Version",
    "make_engine",
    "now",
    "sessions",
    "storable",
]

#: how long (milliseconds) a SQLite writer waits for another one before giving up
BUSY_TIMEOUT_MS = 10_000
#: the largest id or version number a database holds: PostgreSQL's integer (SQLite's is
#: wider, up to 2**63 - 1)
MAX_KEY = 2**31 - 1


def _in_range(number: int) -> int:
    # NOTE: a number no row can have becomes 0, which no row has either: the lookup then
    # finds nothing (404, or 409 for a base version) on every database, where PostgreSQL
    # would fail on the out-of-range value itself
    return number if 0 < number <= MAX_KEY else 0


#: an id or version number as the API receives it (a path or a field)
Key = Annotated[int, AfterValidator(_in_range)]


def storable(text: str) -> bool:
    """Whether every database can store ``text`` (PostgreSQL's text holds no U+0000)."""
    return "\x00" not in text


def now() -> dt.datetime:
    """The time in UTC, without microseconds (what the API shows)."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)


class Base(DeclarativeBase):
    """The tables' common base."""


class User(Base):
    """A person who signs in: an e-mail address, a password hash and a role."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(200), nullable=True)
    role: Mapped[str] = mapped_column(String(20), default="user")
    created: Mapped[dt.datetime] = mapped_column(DateTime, default=now)


class ApiToken(Base):
    """An API token: only its SHA-256 is kept, never the token itself."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created: Mapped[dt.datetime] = mapped_column(DateTime, default=now)


class StartToken(Base):
    """The one-time link that creates the first administrator (single use, 24 hours)."""

    __tablename__ = "start_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires: Mapped[dt.datetime] = mapped_column(DateTime)
    used: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class ProjectRow(Base):
    """A project; its text lives in its versions, the newest one is the project."""

    __tablename__ = "projects"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # NOTE: name and phase are copies of the latest version's, for listings
    name: Mapped[str] = mapped_column(String(500))
    phase: Mapped[str | None] = mapped_column(String(40), nullable=True)
    programme: Mapped[int | None] = mapped_column(Integer, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated: Mapped[dt.datetime] = mapped_column(DateTime, default=now)


class Version(Base):
    """One saved version of a project: its TOML text as saved, byte for byte."""

    __tablename__ = "versions"
    __table_args__ = (UniqueConstraint("project_id", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    toml: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    created: Mapped[dt.datetime] = mapped_column(DateTime, default=now)
    comment: Mapped[str] = mapped_column(Text, default="")


class Member(Base):
    """A user's role on a project: ``editor`` (read and write) or ``viewer`` (read)."""

    __tablename__ = "members"
    __table_args__ = (UniqueConstraint("project_id", "user_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(20))


class Programme(Base):
    """A fund's scheme or a municipality's budget: projects are submitted to it."""

    __tablename__ = "programmes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    created: Mapped[dt.datetime] = mapped_column(DateTime, default=now)


class Funder(Base):
    """A user who reads every project of a programme (and writes none)."""

    __tablename__ = "funders"
    __table_args__ = (UniqueConstraint("programme_id", "user_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))


class Secret(Base):
    """A secret every worker shares (the key that signs session cookies)."""

    __tablename__ = "web_secrets"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class LoginFailure(Base):
    """A failed sign-in, by account (``email:…``) or by address (``addr:…``)."""

    __tablename__ = "login_failures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(400), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=now)


class EndedSession(Base):
    """A session ended by signing out: its cookie is refused until it would have expired."""

    __tablename__ = "ended_sessions"
    sid: Mapped[str] = mapped_column(String(64), primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=now, index=True)


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


#: database connections a process keeps open, and at most uses at once (a server's
#: database other than SQLite): SQLAlchemy's default ceiling of 5 + 10
POOL_SIZE = 15


def make_engine(url: str) -> Engine:
    """The SQLAlchemy engine for ``url``; SQLite in WAL mode with a busy timeout.

    A server database (PostgreSQL) keeps up to :data:`POOL_SIZE` connections open.
    """
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # NOTE: SQLAlchemy's default keeps 5 connections and opens up to 10 more for a burst,
    # closing each of those as soon as it is returned. Under load a worker's 40 request
    # threads then open and close a PostgreSQL connection (a new server process each)
    # for most requests of a burst: the load test's save and its new advice took 163-177
    # ms at the 95th percentile with that (3 runs), 129-170 ms with all 15 kept (7 runs;
    # issue 15). The ceiling per process is the same, so max_connections needs no change.
    return create_engine(url, pool_size=POOL_SIZE, max_overflow=0)


def sessions(engine: Engine) -> sessionmaker[Session]:
    """The session factory of ``engine`` (objects stay readable after a commit)."""
    return sessionmaker(engine, expire_on_commit=False)
