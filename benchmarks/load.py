"""Load test of ``advies serve``: team members saving and funders reading, at once.

Usage:  python benchmarks/load.py [--seconds 60] [--teams 50] [--funders 5]
        [--projects 1000] [--workers 2] [--database postgresql|sqlite] [--think MS] [--quick]

Everything runs on this machine, on 127.0.0.1 only, and is removed afterwards. With
``--database postgresql`` (the default) a throw-away PostgreSQL cluster is made as the
tests make theirs (``tests/pg_cluster.py``: ``initdb`` in a temporary folder, as
``nobody`` when root, a free port), or a new database on the server that
``ADVIES_TEST_POSTGRES`` names; ``--database sqlite`` uses a temporary data folder.

1. ``advies db upgrade``; the users (an administrator, a team member per team, the
   funders) and their API tokens with ``advies users add`` and ``advies tokens create``.
2. ``advies serve --workers N``; through the API: a programme, its funders, and
   ``--projects`` projects in it, made from the examples with a number in each name. Each
   team member makes their own project; the administrator makes the rest. Every person
   also signs in with the sign-in form, so the kinds of request may be pages too
   (``page("/programmes/{programme}")``).
3. For ``--seconds``: every team member loops over ``TEAM`` (read the project, save a
   change on the version read as ``base_version``, read the new report) and every funder
   over ``FUNDER`` (the programme's portfolio), with ``--think`` milliseconds between
   requests. None by default: the most load these people can make, so the server is
   saturated and a round takes about as long as the people waiting for it divided by the
   rounds per second (Little's law); with a think time of a second or more the latencies
   are those of a server that keeps up.
4. Every save is checked to be there: each team project has as many versions as saves
   that succeeded, plus its first.

Prints one JSON object, then the same figures as a Markdown table: per kind of request
the requests per second, the median and 95th percentile latency of the answered ones
(2xx), the errors (any other status, or no answer) and the expected 409s apart;
``save+report`` is a save plus the report after it (what someone saving waits for
before seeing the new advice, think time left out). Exits with 1 when a request failed
or a save is missing. No thresholds are enforced here.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Iterable, Iterator

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
#: the derived kind: a save and the report after it (their times added)
SAVE_AND_REPORT = "save+report"


def project_text(number: int) -> str:
    """Example ``number`` (round the examples) with the number in its project's name."""
    text = EXAMPLES[number % len(EXAMPLES)]
    return _NAME.sub(lambda m: f'{m.group(1)}{m.group(2)} {number}"', text, count=1)


# --- the people and what they ask -------------------------------------------------------


@dataclass
class Person:
    """A simulated user: their API client (with their token), project or programme.

    ``pages`` is the same person signed in with the sign-in form, for the pages.
    """

    client: httpx.AsyncClient
    pages: httpx.AsyncClient
    project: int = 0
    programme: int = 0
    text: str = ""
    version: int = 0
    saves: int = 0


async def _read(who: Person) -> httpx.Response:
    answer = await who.client.get(f"/api/v1/projects/{who.project}")
    if answer.status_code == 200:
        shown = answer.json()
        who.version = shown["version"]
        who.text = shown["toml"].split("\n# change ")[0]
    return answer


async def _save(who: Person) -> httpx.Response:
    body = {"toml": f"{who.text}\n# change {who.saves + 1}\n", "base_version": who.version}
    answer = await who.client.put(f"/api/v1/projects/{who.project}", json=body)
    if answer.status_code == 200:
        who.saves += 1
        who.version = answer.json()["version"]
    return answer


async def _report(who: Person) -> httpx.Response:
    return await who.client.get(f"/api/v1/projects/{who.project}/report")


async def _portfolio(who: Person) -> httpx.Response:
    return await who.client.get(f"/api/v1/programmes/{who.programme}/portfolio")


def page(path: str) -> Callable[[Person], Awaitable[httpx.Response]]:
    """Open the page ``path`` signed in (``{project}`` and ``{programme}`` filled in)."""

    async def call(who: Person) -> httpx.Response:
        return await who.pages.get(path.format(project=who.project, programme=who.programme))

    return call


@dataclass(frozen=True)
class Kind:
    """A kind of request: its name, the call, and whether a 409 is expected of it."""

    name: str
    call: Callable[[Person], Awaitable[httpx.Response]]
    conflict_expected: bool = False


#: one round of a team member; one line per kind of request
TEAM = (
    Kind("read", _read),
    Kind("save", _save, conflict_expected=True),
    Kind("report", _report),
)
#: one round of a funder (a page is one line too: ``Kind("page", page("/programmes/{programme}"))``)
FUNDER = (Kind("portfolio", _portfolio),)


@dataclass(frozen=True)
class Record:
    """One request: its kind, its status (0 when no answer came), how long it took.

    ``ended`` is when it ended, in seconds from the start of the run (0 when not known).
    """

    kind: str
    status: int
    seconds: float
    conflict_expected: bool = False
    ended: float = 0.0


@dataclass
class Run:
    """What the people did for ``seconds``: every request, in the order they ended."""

    seconds: float
    records: list[Record] = field(default_factory=list)


async def _loop(who: Person, kinds: tuple[Kind, ...], end: float, think: float, run: Run) -> None:
    began = end - run.seconds
    while time.monotonic() < end:
        saved: float | None = None
        for kind in kinds:
            start = time.perf_counter()
            try:
                status = (await kind.call(who)).status_code
            except httpx.HTTPError:
                status = 0
            took = time.perf_counter() - start
            ended = time.monotonic() - began
            run.records.append(Record(kind.name, status, took, kind.conflict_expected, ended))
            # NOTE: save+report is the save's time plus the report's (without the think
            # time between them)
            if kind.name == "save":
                saved = took if status == 200 else None
            elif kind.name == "report" and saved is not None:
                run.records.append(Record(SAVE_AND_REPORT, status, saved + took, ended=ended))
            if think:
                await asyncio.sleep(think)


# --- the figures ------------------------------------------------------------------------


def percentile(ordered: list[float], fraction: float) -> float:
    """The nearest-rank percentile of sorted ``ordered`` (``fraction`` 0.95 for the 95th)."""
    return ordered[max(0, round(len(ordered) * fraction) - 1)]


def summarise(records: Iterable[Record], seconds: float) -> dict[str, dict[str, Any]]:
    """Per kind: requests per second, median and 95th percentile, errors, 409s.

    The requests per second are counted up to the last answer of that kind (people stop
    asking after ``seconds``, and a funder's portfolio may end long after a team's last
    save), or over ``seconds`` when the records do not say when they ended.
    """
    kinds: dict[str, list[Record]] = {}
    for record in records:
        kinds.setdefault(record.kind, []).append(record)
    figures: dict[str, dict[str, Any]] = {}
    for name, found in kinds.items():
        answered = sorted(r.seconds for r in found if 200 <= r.status < 300)
        conflicts = sum(1 for r in found if r.status == 409 and r.conflict_expected)
        window = max(r.ended for r in found) or seconds
        figures[name] = {
            "requests": len(found),
            "per_s": round(len(found) / window, 1),
            "median_ms": round(statistics.median(answered) * 1000, 1) if answered else None,
            "p95_ms": round(percentile(answered, 0.95) * 1000, 1) if answered else None,
            "errors": len(found) - len(answered) - conflicts,
            "conflicts": conflicts,
        }
    return figures


def missing_saves(versions: dict[int, int], saves: dict[int, int]) -> dict[int, str]:
    """The projects whose count of versions is not their successful saves plus one."""
    return {
        project: f"{versions.get(project, 0)} versions, {made} saves"
        for project, made in saves.items()
        if versions.get(project, 0) != made + 1
    }


def markdown(figures: dict[str, dict[str, Any]]) -> str:
    """The figures as a Markdown table, one row per kind of request."""
    lines = [
        "| request | requests/s | median ms | p95 ms | errors | 409s |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, f in figures.items():
        cells = (f["per_s"], f["median_ms"], f["p95_ms"], f["errors"], f["conflicts"])
        lines.append(
            f"| {name} | " + " | ".join("—" if c is None else str(c) for c in cells) + " |"
        )
    return "\n".join(lines)


# --- setting up -------------------------------------------------------------------------


def _advies(*args: str) -> str:
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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def _database(kind: str, folder: Path) -> Iterator[list[str]]:
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


def _users(where: list[str], emails: list[str]) -> dict[str, str]:
    """Each address made a user with the CLI, with a new API token; the tokens."""
    from click.testing import CliRunner

    from interventie_advies.cli import cli

    def advies(*args: str, given: str | None = None) -> str:
        # NOTE: the CLI's own commands, run in this process: a new Python for each of the
        # 110 commands would take a minute (several on a busy machine)
        done = CliRunner().invoke(cli, [*args, *where], input=given, env={"ADVIES_LANG": "en"})
        if done.exit_code != 0:
            raise SystemExit(f"advies {' '.join(args)} failed: {done.output.strip()}")
        return done.output.strip()

    _advies("users", "add", ADMIN, "--role", "admin", *where)
    for email in emails:
        advies("users", "add", email, "--password-stdin", given=PASSWORD)
    return {email: advies("tokens", "create", email) for email in [ADMIN, *emails]}


def _children(pid: int) -> list[int]:
    """The child processes of ``pid`` (Linux' /proc; none elsewhere)."""
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _workers(pid: int) -> list[int]:
    """The worker processes of ``advies serve`` (``pid``)."""
    found = []
    for child in _children(pid):
        with contextlib.suppress(OSError):
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.append(child)
    return found


def _cpu_seconds(pid: int) -> float:
    """The CPU time (user and system) process ``pid`` and its children have used so far.

    Its children now, and the ones that have ended (Linux' /proc); 0 elsewhere.
    """
    ticks = 0
    for one in [pid, *_children(pid)]:
        with contextlib.suppress(OSError):
            # NOTE: the fields after the name in brackets (which may hold spaces): utime,
            # stime, and the same of the children it has waited for
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += sum(int(f) for f in fields[11:15])
    return ticks / os.sysconf("SC_CLK_TCK")


def _postmaster(where: list[str]) -> int | None:
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


async def _programme(url: str, tokens: dict[str, str], teams: list[str], options: Any) -> Any:
    """The programme with its funders and projects; the team members' projects."""

    def client(email: str) -> httpx.AsyncClient:
        auth = {"Authorization": f"Bearer {tokens[email]}"}
        return httpx.AsyncClient(base_url=url, headers=auth, timeout=TIMEOUT)

    async with client(ADMIN) as admin:
        made = await admin.post("/api/v1/programmes", json={"name": "Wijkcultuur 2027"})
        programme = made.json()["id"]
        for email in tokens:
            if email.startswith("fonds"):
                added = await admin.post(
                    f"/api/v1/programmes/{programme}/funders", json={"email": email}
                )
                added.raise_for_status()
        gate = asyncio.Semaphore(8)

        async def new(by: httpx.AsyncClient, number: int) -> int:
            async with gate:
                body = {"toml": project_text(number), "programme": programme}
                answer = await by.post("/api/v1/projects", json=body)
                answer.raise_for_status()
                return int(answer.json()["id"])

        people = [client(email) for email in teams]
        try:
            ids = await asyncio.gather(
                *(new(who, n) for n, who in enumerate(people)),
                *(new(admin, n) for n in range(len(people), options.projects)),
            )
        finally:
            for who in people:
                await who.aclose()
    return programme, ids[: len(teams)]


# --- the run ----------------------------------------------------------------------------


async def _signed_in(url: str, email: str) -> httpx.AsyncClient:
    """A client signed in as ``email`` with the sign-in form, as a person is."""
    pages = httpx.AsyncClient(base_url=url, timeout=TIMEOUT)
    form = (await pages.get("/-/login")).text
    found = re.search(r'name="csrf" value="([^"]+)"', form)
    data = {"email": email, "password": PASSWORD, "csrf": found.group(1) if found else ""}
    answer = await pages.post("/-/login", data=data)
    if answer.status_code != 303:
        raise SystemExit(f"{email} could not sign in: {answer.status_code}")
    return pages


async def _load(
    url: str, tokens: dict[str, str], options: Any, cpu: Callable[[], dict[str, float]]
) -> dict[str, Any]:
    teams = [f"team{n}@example.org" for n in range(options.teams)]
    funders = [f"fonds{n}@example.org" for n in range(options.funders)]
    programme, projects = await _programme(url, tokens, teams, options)

    gate = asyncio.Semaphore(4)

    async def person(email: str, project: int = 0) -> Person:
        auth = {"Authorization": f"Bearer {tokens[email]}"}
        client = httpx.AsyncClient(base_url=url, headers=auth, timeout=TIMEOUT)
        async with gate:
            pages = await _signed_in(url, email)
        return Person(client, pages, project=project, programme=programme)

    members = list(
        await asyncio.gather(*(person(e, p) for e, p in zip(teams, projects, strict=True)))
    )
    readers = list(await asyncio.gather(*(person(e) for e in funders)))
    run = Run(options.seconds)
    used = cpu()
    start = time.monotonic()
    end = start + options.seconds
    think = options.think / 1000
    try:
        await asyncio.gather(
            *(_loop(who, TEAM, end, think, run) for who in members),
            *(_loop(who, FUNDER, end, think, run) for who in readers),
        )
        seconds = time.monotonic() - start
        used = {name: round(s - used[name], 1) for name, s in cpu().items()}
        counted = {}
        for who in members:
            answer = await who.client.get(f"/api/v1/projects/{who.project}/versions")
            counted[who.project] = len(answer.json()) if answer.status_code == 200 else 0
    finally:
        for who in [*members, *readers]:
            await who.client.aclose()
            await who.pages.aclose()
    figures = summarise(run.records, seconds)
    sent = sum(1 for r in run.records if r.kind != SAVE_AND_REPORT)
    missing = missing_saves(counted, {who.project: who.saves for who in members})
    return {
        "seconds": round(seconds, 1),
        "requests": figures,
        # NOTE: CPU time depends less on what else the machine runs than latency does
        "cpu_s": used,
        "cpu_ms_per_request": {n: round(1000 * s / max(1, sent), 2) for n, s in used.items()},
        "saves": sum(who.saves for who in members),
        "saves_missing": missing,
    }


def _serve(where: list[str], folder: Path, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    command = [sys.executable, "-m", "interventie_advies", "serve", "--port", str(port)]
    with (folder / "serve.log").open("wb") as log:
        server = subprocess.Popen(
            [*command, *where, "--workers", str(workers)],
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


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, help="how long the load runs (60; quick 10)")
    parser.add_argument("--teams", type=int, help="team members, one project each (50; quick 5)")
    parser.add_argument("--funders", type=int, help="funders reading the portfolio (5; quick 1)")
    parser.add_argument("--projects", type=int, help="projects in the programme (1000; quick 50)")
    parser.add_argument("--workers", type=int, default=2, help="advies serve --workers (2)")
    parser.add_argument("--database", choices=["postgresql", "sqlite"], default="postgresql")
    parser.add_argument("--think", type=float, default=0, help="ms between requests (0)")
    parser.add_argument("--quick", action="store_true", help="10 s, 5 teams, 1 funder, 50")
    options = parser.parse_args()
    defaults = (10, 5, 1, 50) if options.quick else (60, 50, 5, 1000)
    for name, default in zip(("seconds", "teams", "funders", "projects"), defaults, strict=True):
        if getattr(options, name) is None:
            setattr(options, name, default)
    if options.projects < options.teams:
        parser.error("--projects must be at least --teams (each team has a project in it)")
    return options


def main() -> None:
    options = _options()
    emails = [f"team{n}@example.org" for n in range(options.teams)]
    emails += [f"fonds{n}@example.org" for n in range(options.funders)]
    with (
        tempfile.TemporaryDirectory() as temporary,
        _database(options.database, Path(temporary)) as where,
    ):
        folder = Path(temporary)
        _advies("db", "upgrade", *where)
        tokens = _users(where, emails)
        server, url = _serve(where, folder, options.workers)
        try:
            load_before = os.getloadavg()[0]
            pids = _workers(server.pid)
            database = _postmaster(where)

            def cpu() -> dict[str, float]:
                used = {"server": _cpu_seconds(server.pid), "client": time.process_time()}
                if database is not None:
                    used["database"] = _cpu_seconds(database)
                return used

            result = asyncio.run(_load(url, tokens, options, cpu))
        finally:
            server.terminate()
            server.wait(timeout=60)
        failed = "Traceback" in (folder / "serve.log").read_text(errors="replace")
    shown = {
        "database": options.database,
        "workers": options.workers,
        "worker_processes_seen": len(pids),
        "teams": options.teams,
        "funders": options.funders,
        "projects": options.projects,
        "think_ms": options.think,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_before": round(load_before, 2),
            "load_average_after": round(os.getloadavg()[0], 2),
        },
        **result,
        "server_traceback": failed,
    }
    print(json.dumps(shown, indent=2))
    print()
    print(markdown(result["requests"]))
    errors = sum(f["errors"] for f in result["requests"].values())
    if errors or result["saves_missing"] or failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
