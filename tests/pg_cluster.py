"""A throw-away PostgreSQL for the web tests: a cluster in a temporary folder, or a server.

``ADVIES_TEST_POSTGRES=postgresql://user@host:port/db`` names a server to use (a database
per test module is made on it and dropped afterwards). Else, when ``initdb`` and
``pg_ctl`` are found (on PATH or in ``/usr/lib/postgresql/*/bin``), a cluster is made with
``initdb`` in a temporary folder and started on a free port of 127.0.0.1 only (its unix
socket in that folder), and stopped and removed at the end. As root, ``initdb`` refuses to
run: the cluster then runs as the unprivileged user ``nobody`` in a folder it owns.

Without PostgreSQL the tests that need it skip with the reason, unless
``ADVIES_REQUIRE_POSTGRES=1`` (as ``.ci/run`` sets): then they fail.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

SERVER_ENV = "ADVIES_TEST_POSTGRES"
REQUIRE_ENV = "ADVIES_REQUIRE_POSTGRES"
#: the cluster's superuser (trusted on 127.0.0.1 and the socket: a throw-away cluster)
SUPERUSER = "advies"


class Unavailable(Exception):
    """PostgreSQL cannot be used here; the message says why."""


def unavailable(reason: str) -> None:
    """Skip with ``reason``, or fail when PostgreSQL is required (CI)."""
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{REQUIRE_ENV}=1 but PostgreSQL cannot be used: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL: {reason}")


def _binaries() -> Path | None:
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def driver_url(url: str) -> str:
    """``url`` with SQLAlchemy's psycopg driver named (``postgresql+psycopg://``)."""
    scheme, rest = url.split("://", 1)
    return f"postgresql+psycopg://{rest}" if scheme in ("postgresql", "postgres") else url


def plain_url(url: str) -> str:
    """``url`` as psycopg itself takes it (``postgresql://``)."""
    scheme, rest = url.split("://", 1)
    return f"postgresql://{rest}" if scheme.startswith("postgresql") else url


@dataclass
class Cluster:
    """A PostgreSQL server to make databases on; ``url`` is its maintenance database."""

    url: str
    bin: Path | None = None

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(plain_url(self.url), autocommit=True) as connection:
            connection.execute(sql)  # type: ignore[arg-type]

    def new_database(self) -> str:
        """A new empty database; its SQLAlchemy URL."""
        name = f"advies_test_{uuid.uuid4().hex[:12]}"
        self._admin(f'CREATE DATABASE "{name}"')
        base, _ = driver_url(self.url).rsplit("/", 1)
        return f"{base}/{name}"

    def drop_database(self, url: str) -> None:
        """Drop a database made by :meth:`new_database` (closing its connections)."""
        name = url.rsplit("/", 1)[1]
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def rows(url: str, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    """The rows of ``sql`` on the PostgreSQL database at ``url``."""
    import psycopg

    with psycopg.connect(plain_url(url)) as connection:  # commits on leaving
        cursor = connection.execute(sql, params)  # type: ignore[arg-type]
        return list(cursor.fetchall()) if cursor.description is not None else []


def _as_nobody() -> list[str]:
    """The command prefix that runs a program as ``nobody`` (when we are root)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        raise Unavailable("running as root and setpriv is missing to run initdb as nobody")
    return [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]


@contextlib.contextmanager
def _stopped_on_sigterm() -> Iterator[None]:
    """Let a SIGTERM (a CI timeout, ``kill``) end pytest as Ctrl-C does, with teardown.

    Else pytest dies at once and the cluster (a daemon of its own) keeps running.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(_signal: int, _frame: Any) -> None:
        raise KeyboardInterrupt

    before = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


@contextlib.contextmanager
def local_cluster() -> Iterator[Cluster]:
    """A cluster in a temporary folder on a free port of 127.0.0.1, removed afterwards."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise Unavailable(
            "the driver psycopg is not installed (interventie-advies[postgres])"
        ) from None
    binaries = _binaries()
    if binaries is None:
        raise Unavailable("initdb and pg_ctl are not on PATH nor in /usr/lib/postgresql/*/bin")
    prefix = _as_nobody()
    folder = Path(tempfile.mkdtemp(prefix="advies-pg-"))
    if prefix:
        nobody = pwd.getpwnam("nobody")
        os.chown(folder, nobody.pw_uid, nobody.pw_gid)
    data, log = folder / "data", folder / "server.log"
    port = _free_port()
    env = {**os.environ, "LC_ALL": "C", "TZ": "UTC"}
    started = False
    try:
        made = subprocess.run(
            [
                *prefix,
                *(str(binaries / "initdb"), "-D", str(data), "-U", SUPERUSER),
                *("--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"),
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        if made.returncode != 0:
            raise Unavailable(f"initdb failed: {made.stderr.strip() or made.stdout.strip()}")
        # NOTE: no fsync: a cluster that lives for one test run needs no durability
        options = (
            f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        start = subprocess.run(
            [
                *prefix,
                *(str(binaries / "pg_ctl"), "-D", str(data), "-l", str(log)),
                *("-o", options, "-w", "-t", "60", "start"),
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        started = True
        if start.returncode != 0:
            shown = log.read_text(errors="replace") if log.exists() else start.stderr
            raise Unavailable(f"pg_ctl start failed: {shown.strip()[-500:]}")
        with _stopped_on_sigterm():
            yield Cluster(f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{port}/postgres", binaries)
    finally:
        if started:
            subprocess.run(
                [*prefix, str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                capture_output=True,
                env=env,
                timeout=120,
            )
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def cluster() -> Iterator[Cluster]:
    """The server named by ``ADVIES_TEST_POSTGRES``, else a local throw-away cluster."""
    given = os.environ.get(SERVER_ENV)
    if given:
        yield Cluster(driver_url(given))
        return
    with local_cluster() as found:
        yield found


def pg_dump() -> Path | None:
    """The ``pg_dump`` beside ``initdb``, when there is one."""
    binaries = _binaries()
    found = binaries / "pg_dump" if binaries else None
    return found if found is not None and found.is_file() else None
