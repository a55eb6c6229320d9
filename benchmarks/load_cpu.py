"""CPU time per request of the load test's kinds, in one process (no server, no network).

Usage:  python benchmarks/load_cpu.py [--projects N] [--rounds N] [--postgres] [--profile KIND]

The app of ``advies serve`` on a new database (SQLite in a temporary folder, or with
``--postgres`` the tests' throw-away PostgreSQL cluster), called through httpx's
``ASGITransport`` in this process, with the work FastAPI hands to threads done inline (so
that one profile sees all of it and no thread hand-over is counted). A programme of
``--projects`` projects is made over the API (the examples in turn, as ``load.py`` makes
them), with a team member and a funder. Then, for each kind of request of ``load.py``
(read, save, report; the portfolio's JSON and its page), the CPU time of this process
over ``--rounds`` requests (four times as many of the team's; five more first, not
counted), per request, in ms: what the server spends on it, with the client's own share
on top. A save's summary, made after its answer by the backlog's thread in the server, is
made here at once after the answer and counted with the save. ``--profile KIND`` prints
cProfile's top functions of that kind.

CPU time is less disturbed by other processes than wall time, not immune: take turns when
comparing two versions of the code, and repeat.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import json
import pstats
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from _load_setup import PASSWORD, project_text, sign_in  # noqa: E402

from interventie_advies.web import _after  # noqa: E402

#: the backlog's own ``end``, which queues a request's jobs for its thread
_REAL_END = _after.Backlog.end

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

ADMIN = "beheer@example.org"
TEAM = "team@example.org"
FUNDER = "funder@example.org"


@contextlib.contextmanager
def _database(postgres: bool) -> Any:
    if not postgres:
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{folder}/advies.sqlite3"
        return
    sys.path.insert(0, str(ROOT / "tests"))
    import pg_cluster  # tests/pg_cluster.py

    with pg_cluster.cluster() as server:
        url = server.new_database()
        try:
            yield url
        finally:
            server.drop_database(url)


async def _inline(func: Callable[..., Any], *args: Any, **_options: Any) -> Any:
    """``anyio.to_thread.run_sync`` done in the calling thread (the benchmark's only)."""
    return func(*args)


def _end_inline(backlog: Any, jobs: list[Callable[[], None]]) -> None:
    """``Backlog.end`` with the request's jobs done at once, in the calling thread."""
    _REAL_END(backlog, [])  # the request is served; nothing queued
    for job in jobs:
        _after._run(job)


async def _ms_per_call(call: Callable[[], Awaitable[None]], rounds: int) -> float:
    for _ in range(5):
        await call()
    start = time.process_time()
    for _ in range(rounds):
        await call()
    return (time.process_time() - start) / rounds * 1000


async def _run(url: str, options: argparse.Namespace) -> None:
    import httpx

    from interventie_advies.web import _admin
    from interventie_advies.web._app import create_app

    _admin.upgrade(url)
    _admin.add_user(url, ADMIN, "admin", None)
    _admin.add_user(url, TEAM, "user", PASSWORD)
    _admin.add_user(url, FUNDER, "user", PASSWORD)
    tokens = {email: _admin.create_token(url, email) for email in (ADMIN, TEAM, FUNDER)}
    app = create_app(url)
    transport = httpx.ASGITransport(app=app)

    def client(email: str) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=transport,
            base_url="http://testserver",
            headers={"Authorization": f"Bearer {tokens[email]}"},
        )

    admin, team, funder = client(ADMIN), client(TEAM), client(FUNDER)
    programme = (await admin.post("/api/v1/programmes", json={"name": "Meting"})).json()["id"]
    await admin.post(f"/api/v1/programmes/{programme}/funders", json={"email": FUNDER})
    body = {"toml": project_text(0), "programme": programme}
    project = (await team.post("/api/v1/projects", json=body)).json()["id"]
    for number in range(1, options.projects):
        body = {"toml": project_text(number), "programme": programme}
        made = await admin.post("/api/v1/projects", json=body)
        assert made.status_code == 201, made.text
    await sign_in(funder, FUNDER)
    text = project_text(0)
    saved = {"version": 1}

    async def save() -> None:
        body = {"toml": text + f"# {saved['version']}\n", "base_version": saved["version"]}
        answer = await team.put(f"/api/v1/projects/{project}", json=body)
        saved["version"] = answer.json()["version"]

    def ok(path: str, who: httpx.AsyncClient) -> Callable[[], Awaitable[None]]:
        async def call() -> None:
            answer = await who.get(path)
            assert answer.status_code == 200, answer.status_code

        return call

    kinds: dict[str, Callable[[], Awaitable[None]]] = {
        "read": ok(f"/api/v1/projects/{project}", team),
        "save": save,
        "report": ok(f"/api/v1/projects/{project}/report", team),
        "portfolio_json": ok(f"/api/v1/programmes/{programme}/portfolio", funder),
        "portfolio_page": ok(f"/programmes/{programme}", funder),
    }
    figures: dict[str, float] = {}
    for name, call in kinds.items():
        rounds = options.rounds if name.startswith("portfolio") else options.rounds * 4
        figures[name] = round(await _ms_per_call(call, rounds), 2)
    print(json.dumps({"projects": options.projects, "cpu_ms_per_request": figures}))
    if options.profile:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(options.rounds):
            await kinds[options.profile]()
        profile.disable()
        pstats.Stats(profile).sort_stats(options.sort).print_stats(50)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--profile", default="")
    parser.add_argument("--sort", default="cumulative", help="the profile's order (pstats)")
    options = parser.parse_args()
    import anyio.to_thread

    anyio.to_thread.run_sync = _inline  # type: ignore[assignment]
    _after.Backlog.end = _end_inline  # type: ignore[method-assign]
    with _database(options.postgres) as url:
        asyncio.run(_run(url, options))


if __name__ == "__main__":
    main()
