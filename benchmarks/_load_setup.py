"""Setting up the load test: the database, the users, ``advies serve``, CPU time.

Everything on 127.0.0.1; the PostgreSQL cluster is the tests' own (``tests/pg_cluster.py``).
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

#: the examples a programme's projects are made from (a number added to each name)
EXAMPLES = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.toml"))]
_NAME = re.compile(r'^(\[project\]\n(?:.*\n)*?name = ")([^"]*)"', re.MULTILINE)
#: no request waits longer than this (seconds); one that does counts as an error
TIMEOUT = 120.0
ADMIN = "beheer@example.org"
#: every simulated person's password (they sign in with the form for the pages)
PASSWORD = "een lang wachtwoord voor de meting"


def project_text(number: int) -> str:
    """Example ``number`` (round the examples) with the number in its project's name."""
    text = EXAMPLES[number % len(EXAMPLES)]
    return _NAME.sub(lambda m: f'{m.group(1)}{m.group(2)} {number}"', text, count=1)


def advies(*args: str) -> str:
    """Run ``advies ARGS`` as a command; its output."""
    done = subprocess.run(
        [sys.executable, "-m", "interventie_advies", *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "ADVIES_LANG": "en"},
    )
    if done.returncode != 0:
        raise SystemExit(f"advies {args[0]} failed: {done.stderr.strip()}")
    return done.stdout.strip()


def free_port() -> int:
    """A free port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def database(kind: str, folder: Path) -> Iterator[list[str]]:
    """The ``advies`` options naming a new empty database of ``kind``; dropped afterwards."""
    if kind == "sqlite":
        yield ["--data", str(folder)]
        return
    import pg_cluster  # tests/pg_cluster.py: the tests' throw-away cluster

    try:
        with pg_cluster.cluster() as server:
            url = server.new_database()
            try:
                yield ["--database", url]
            finally:
                server.drop_database(url)
    except pg_cluster.Unavailable as exc:
        raise SystemExit(f"PostgreSQL cannot be used here: {exc}") from None


def users(where: list[str], emails: list[str]) -> dict[str, str]:
    """Each address made a user with the CLI, with a new API token; the tokens."""
    from click.testing import CliRunner

    from interventie_advies.cli import cli

    def command(*args: str, given: str | None = None) -> str:
        # NOTE: the CLI's own commands, run in this process: a new Python for each of the
        # 110 commands would take a minute (several on a busy machine)
        done = CliRunner().invoke(cli, [*args, *where], input=given, env={"ADVIES_LANG": "en"})
        if done.exit_code != 0:
            raise SystemExit(f"advies {' '.join(args)} failed: {done.output.strip()}")
        return done.output.strip()

    advies("users", "add", ADMIN, "--role", "admin", *where)  # in a Python of its own
    for email in emails:
        command("users", "add", email, "--password-stdin", given=PASSWORD)
    return {email: command("tokens", "create", email) for email in [ADMIN, *emails]}


def children(pid: int) -> list[int]:
    """The child processes of ``pid`` (Linux' /proc; none elsewhere)."""
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def workers(pid: int) -> list[int]:
    """The worker processes of ``advies serve`` (``pid``)."""
    found = []
    for child in children(pid):
        with contextlib.suppress(OSError):
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.append(child)
    return found


def cpu_seconds(pid: int) -> float:
    """The CPU time (user and system) process ``pid`` and its children have used so far.

    Its children now, and the ones that have ended (Linux' /proc); 0 elsewhere.
    """
    ticks = 0
    for one in [pid, *children(pid)]:
        with contextlib.suppress(OSError):
            # NOTE: the fields after the name in brackets (which may hold spaces): utime,
            # stime, and the same of the children it has waited for
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += sum(int(f) for f in fields[11:15])
    return ticks / os.sysconf("SC_CLK_TCK")


def postmaster(where: list[str]) -> int | None:
    """The PostgreSQL server's main process, when it runs on this machine."""
    if where[0] != "--database":
        return None
    import pg_cluster
    import psycopg

    with psycopg.connect(pg_cluster.plain_url(where[1])) as connection:
        backend = connection.execute("SELECT pg_backend_pid()").fetchone()
    with contextlib.suppress(OSError, TypeError):
        stat = Path(f"/proc/{backend[0]}/stat").read_text()  # type: ignore[index]
        return int(stat.rsplit(")", 1)[1].split()[1])
    return None


def serve(
    where: list[str], folder: Path, count: int, *options: str
) -> tuple[subprocess.Popen[bytes], str]:
    """``advies serve --workers COUNT OPTIONS`` on a free port, answering: its process, address."""
    port = free_port()
    command = [sys.executable, "-m", "interventie_advies", "serve", "--port", str(port)]
    with (folder / "serve.log").open("wb") as log:
        server = subprocess.Popen(
            [*command, *where, "--workers", str(count), *options],
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "ADVIES_LANG": "en"},
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        with contextlib.suppress(httpx.TransportError):
            if httpx.get(f"{url}/healthz").status_code == 200:
                print(f"advies serve: pid {server.pid}, {url}", file=sys.stderr)
                return server, url
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            raise SystemExit(f"advies serve did not start:\n{(folder / 'serve.log').read_text()}")
        time.sleep(0.2)


async def signed_in(url: str, email: str) -> httpx.AsyncClient:
    """A client signed in as ``email`` with the sign-in form, as a person is."""
    pages = httpx.AsyncClient(base_url=url, timeout=TIMEOUT)
    await sign_in(pages, email)
    return pages


async def sign_in(pages: httpx.AsyncClient, email: str) -> None:
    """Sign ``pages`` in as ``email`` through the sign-in form (its cookie is kept)."""
    form = (await pages.get("/-/login")).text
    found = re.search(r'name="csrf" value="([^"]+)"', form)
    data = {"email": email, "password": PASSWORD, "csrf": found.group(1) if found else ""}
    answer = await pages.post("/-/login", data=data)
    if answer.status_code != 303:
        raise SystemExit(f"{email} could not sign in: {answer.status_code}")
