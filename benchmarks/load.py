"""Load test of ``advies serve``: team members saving and funders reading, at once.

Usage:  python benchmarks/load.py [--seconds 60] [--teams 50] [--funders 5]
        [--projects 1000] [--workers 2] [--threads N] [--database postgresql|sqlite]
        [--think MS] [--quick] [--settle S] [--records FILE]

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

The people's requests go through ``_load_client``: one keep-alive connection each, written
and read as bytes with asyncio, as cheap for this process as can be (it runs on the same
cores as the server); the setting up uses httpx. The CPU time of the server, PostgreSQL
and this client is reported per request and as a share of the machine.

Prints one JSON object, then the same figures as a Markdown table: per kind of request
the requests per second, the median and 95th percentile latency of the answered ones
(2xx), the errors (any other status, or no answer) and the expected 409s apart;
``save+report`` is a save plus the report after it (what someone saving waits for
before seeing the new advice, think time left out). The same figures are also given
without the requests that ended in the first ``--settle`` seconds (6): everyone starts at
the same instant, so the first rounds are bursts on a server that is still cold. Exits
with 1 when a request failed or a save is missing. No thresholds are enforced here.
``--records FILE`` also writes every request (kind, status, seconds, ended) as JSON lines,
to see when the slow ones came.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import gc
import json
import os
import platform
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

import _load_setup as setup
from _load_client import Answer, Client, TransportError
from _load_figures import (
    SAVE_AND_REPORT,
    Record,
    markdown,
    missing_saves,
    settled,
    summarise,
)

# --- the people and what they ask -------------------------------------------------------


@dataclass
class Person:
    """A simulated user: their API connection (with their token), project or programme.

    ``pages`` is the same person signed in with the sign-in form (its cookie), for the
    pages. Each is one keep-alive connection of the cheap client (``_load_client``).
    """

    client: Client
    pages: Client
    project: int = 0
    programme: int = 0
    text: str = ""
    version: int = 0
    saves: int = 0


async def _read(who: Person) -> Answer:
    answer = await who.client.get(f"/api/v1/projects/{who.project}")
    if answer.status_code == 200:
        shown = answer.json()
        who.version = shown["version"]
        who.text = shown["toml"].split("\n# change ")[0]
    return answer


async def _save(who: Person) -> Answer:
    body = {"toml": f"{who.text}\n# change {who.saves + 1}\n", "base_version": who.version}
    answer = await who.client.put(f"/api/v1/projects/{who.project}", body)
    if answer.status_code == 200:
        who.saves += 1
        who.version = answer.json()["version"]
    return answer


async def _report(who: Person) -> Answer:
    return await who.client.get(f"/api/v1/projects/{who.project}/report")


async def _portfolio(who: Person) -> Answer:
    return await who.client.get(f"/api/v1/programmes/{who.programme}/portfolio")


def page(path: str) -> Callable[[Person], Awaitable[Answer]]:
    """Open the page ``path`` signed in (``{project}`` and ``{programme}`` filled in)."""

    async def call(who: Person) -> Answer:
        return await who.pages.get(path.format(project=who.project, programme=who.programme))

    return call


@dataclass(frozen=True)
class Kind:
    """A kind of request: its name, the call, and whether a 409 is expected of it."""

    name: str
    call: Callable[[Person], Awaitable[Answer]]
    conflict_expected: bool = False


#: one round of a team member; one line per kind of request
TEAM = (
    Kind("read", _read),
    Kind("save", _save, conflict_expected=True),
    Kind("report", _report),
)
#: one round of a funder: the portfolio page, as a funder opens it in the browser, and the
#: same numbers from the API
FUNDER = (
    Kind("portfolio page", page("/programmes/{programme}")),
    Kind("portfolio", _portfolio),
)


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
            except TransportError:
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


# --- setting up -------------------------------------------------------------------------


async def _programme(url: str, tokens: dict[str, str], teams: list[str], options: Any) -> Any:
    """The programme with its funders and projects; the team members' projects."""

    def client(email: str) -> httpx.AsyncClient:
        auth = {"Authorization": f"Bearer {tokens[email]}"}
        return httpx.AsyncClient(base_url=url, headers=auth, timeout=setup.TIMEOUT)

    async with client(setup.ADMIN) as admin:
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
                body = {"toml": setup.project_text(number), "programme": programme}
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


async def _load(
    url: str, tokens: dict[str, str], options: Any, cpu: Callable[[], dict[str, float]]
) -> dict[str, Any]:
    teams = [f"team{n}@example.org" for n in range(options.teams)]
    funders = [f"fonds{n}@example.org" for n in range(options.funders)]
    programme, projects = await _programme(url, tokens, teams, options)

    gate = asyncio.Semaphore(4)
    host, port = httpx.URL(url).host, httpx.URL(url).port or 80

    async def person(email: str, project: int = 0) -> Person:
        auth = {"Authorization": f"Bearer {tokens[email]}"}
        client = Client(host, port, auth, timeout=setup.TIMEOUT)
        async with gate:
            signed = await setup.signed_in(url, email)
        # NOTE: the session cookie the sign-in form set, sent as it is with every page
        cookie = "; ".join(f"{c.name}={c.value}" for c in signed.cookies.jar)
        await signed.aclose()
        pages = Client(host, port, {"Cookie": cookie}, timeout=setup.TIMEOUT)
        return Person(client, pages, project=project, programme=programme)

    members = list(
        await asyncio.gather(*(person(e, p) for e, p in zip(teams, projects, strict=True)))
    )
    readers = list(await asyncio.gather(*(person(e) for e in funders)))
    # NOTE: the client's own full garbage collections walked everything the set-up made
    # (35-65 ms each, about 12 in a minute), and every request under way then waited
    # for them: the client's pauses, counted as the server's latency. Frozen after one
    # collection, the client's collections walk only what the minute makes.
    gc.collect()
    gc.freeze()
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
            # NOTE: on a connection of its own: the person's may have been idle longer than
            # the server keeps one open (uvicorn: 5 s), and closed as the check was sent
            await who.client.aclose()
            answer = await who.client.get(f"/api/v1/projects/{who.project}/versions")
            counted[who.project] = len(answer.json()) if answer.status_code == 200 else 0
    finally:
        for who in [*members, *readers]:
            await who.client.aclose()
            await who.pages.aclose()
    if options.records:
        with Path(options.records).open("w", encoding="utf-8") as out:
            for record in run.records:
                out.write(json.dumps(dataclasses.asdict(record)) + "\n")
    figures = summarise(run.records, seconds)
    rest = summarise(settled(run.records, options.settle), seconds - options.settle)
    sent = sum(1 for r in run.records if r.kind != SAVE_AND_REPORT)
    missing = missing_saves(counted, {who.project: who.saves for who in members})
    return {
        "seconds": round(seconds, 1),
        "requests": figures,
        "settled": {
            "after_seconds": options.settle,
            # NOTE: in the order of the whole run's table
            "requests": {k: rest[k] for k in figures if k in rest},
        },
        # NOTE: CPU time depends less on what else the machine runs than latency does
        "cpu_s": used,
        "cpu_ms_per_request": {n: round(1000 * s / max(1, sent), 2) for n, s in used.items()},
        # NOTE: how much of the machine each took (1.0: every core all the time): the
        # client runs on the same cores as the server it measures
        "cpu_share_of_machine": {
            n: round(s / (seconds * (os.cpu_count() or 1)), 3) for n, s in used.items()
        },
        "saves": sum(who.saves for who in members),
        "saves_missing": missing,
    }


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, help="how long the load runs (60; quick 10)")
    parser.add_argument("--teams", type=int, help="team members, one project each (50; quick 5)")
    parser.add_argument("--funders", type=int, help="funders reading the portfolio (5; quick 1)")
    parser.add_argument("--projects", type=int, help="projects in the programme (1000; quick 50)")
    parser.add_argument("--workers", type=int, default=2, help="advies serve --workers (2)")
    parser.add_argument("--threads", type=int, help="advies serve --threads (its default)")
    parser.add_argument("--database", choices=["postgresql", "sqlite"], default="postgresql")
    parser.add_argument("--think", type=float, default=0, help="ms between requests (0)")
    parser.add_argument("--quick", action="store_true", help="10 s, 5 teams, 1 funder, 50")
    parser.add_argument(
        "--settle", type=float, default=6.0, help="seconds left out of the settled figures (6)"
    )
    parser.add_argument("--records", help="also write every request to this file (JSON lines)")
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
        setup.database(options.database, Path(temporary)) as where,
    ):
        folder = Path(temporary)
        setup.advies("db", "upgrade", *where)
        tokens = setup.users(where, emails)
        threads = ["--threads", str(options.threads)] if options.threads else []
        server, url = setup.serve(where, folder, options.workers, *threads)
        try:
            load_before = os.getloadavg()[0]
            pids = setup.workers(server.pid)
            database = setup.postmaster(where)

            def cpu() -> dict[str, float]:
                used = {"server": setup.cpu_seconds(server.pid), "client": time.process_time()}
                if database is not None:
                    used["database"] = setup.cpu_seconds(database)
                return used

            result = asyncio.run(_load(url, tokens, options, cpu))
        finally:
            server.terminate()
            server.wait(timeout=60)
        failed = "Traceback" in (folder / "serve.log").read_text(errors="replace")
    shown = {
        "database": options.database,
        "workers": options.workers,
        "threads": options.threads,
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
    print()
    print(f"Without the first {options.settle:g} s:")
    print()
    print(markdown(result["settled"]["requests"]))
    errors = sum(f["errors"] for f in result["requests"].values())
    if errors or result["saves_missing"] or failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
