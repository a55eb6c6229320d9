"""A programme of 1,000 projects in ``advies serve``: the portfolio page and its CSV, timed.

Usage:  python benchmarks/portfolio.py [--projects N] [--rounds N] [--database URL | --postgres]

Starts ``advies serve`` on 127.0.0.1 with a free port (SQLite in a temporary data folder,
or the PostgreSQL database at ``--database``, which must be empty; ``--postgres`` makes a
throw-away one with the tests' ``pg_cluster.py``: ``initdb`` must be there), makes an administrator
with the real commands, a programme, and N projects submitted to it over the API (the
examples in turn, each with its own name). Then, signed in through the sign-in form, times
the portfolio page, its CSV and the API's portfolio JSON (all read the stored summaries),
and the page on another day, when every project is advised again (no summary holds then).
The baseline is advising on the same N texts in this process, one ``Engine``, one after
the other: what a portfolio without stored summaries must at least do. Prints one JSON
object: median and 95th percentile in milliseconds, and each median over the baseline.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from web import PASSWORD, advies, csrf_of
from web import figures as median_p95

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
EMAIL = "bench@example.org"


def texts(count: int) -> list[str]:
    """``count`` project files: the examples in turn, each project with its own name."""
    found = []
    for i in range(count):
        source = EXAMPLES[i % len(EXAMPLES)].read_text(encoding="utf-8")
        named = re.sub(
            r'^name = "([^"]*)"', rf'name = "\1 {i + 1:04d}"', source, count=1, flags=re.M
        )
        assert named != source, EXAMPLES[i % len(EXAMPLES)]
        found.append(named)
    return found


def _start(where: list[str]) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "interventie_advies", "serve", "--port", str(port), *where],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "ADVIES_LANG": "nl"},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/healthz").status_code == 200:
                return server, url
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.1)


def baseline(sources: list[str]) -> float:
    """Seconds to advise on every text in this process (one engine, in turn; median of 3)."""
    from interventie_advies import Engine

    engine = Engine()
    engine.advise(text=sources[0], lang="nl")  # the catalogue is built before the clock
    rounds = []
    for _ in range(3):
        start = time.perf_counter()
        for source in sources:
            engine.advise(text=source, lang="nl")
        rounds.append(time.perf_counter() - start)
    return statistics.median(rounds)


def measure(url: str, token: str, sources: list[str], rounds: int) -> dict[str, object]:
    """Make the programme and its projects, then time the page, the CSV and the API."""
    api = httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=600)
    programme = api.post("/api/v1/programmes", json={"name": "Meting"}).json()["id"]
    start = time.perf_counter()
    for source in sources:
        made = api.post("/api/v1/projects", json={"toml": source, "programme": programme})
        assert made.status_code == 201, made.text
    saving = (time.perf_counter() - start) / len(sources)
    page = httpx.Client(base_url=url, timeout=600)
    signed_in = page.post(
        "/-/login",
        data={"email": EMAIL, "password": PASSWORD, "csrf": csrf_of(page.get("/-/login").text)},
    )
    assert signed_in.status_code == 303, signed_in.status_code
    where = f"/programmes/{programme}"
    other_day = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    calls = {
        "page": lambda: page.get(where),
        "csv": lambda: page.get(f"{where}/portfolio.csv"),
        "csv_nl_filtered": lambda: page.get(
            f"{where}/portfolio.csv", params={"dialect": "nl", "phase": "execution"}
        ),
        "api_json": lambda: api.get(f"/api/v1/programmes/{programme}/portfolio"),
    }
    timings: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(rounds):
        for name, call in calls.items():
            start = time.perf_counter()
            answer = call()
            timings[name].append(time.perf_counter() - start)
            assert answer.status_code == 200, (name, answer.status_code)
    shown = page.get(where).text
    assert f"{len(sources)} van de {len(sources)} projecten" in shown, "not every project shown"
    assert "eerdere regels" not in shown, "a stale summary in the measurement"
    # another day than any summary holds: every project is advised again (one round)
    start = time.perf_counter()
    assert page.get(where, params={"date": other_day}).status_code == 200
    timings["page_other_day"] = [time.perf_counter() - start]
    figures: dict[str, object] = {name: median_p95(t) for name, t in timings.items()}
    figures["save_with_summary_ms"] = round(saving * 1000, 1)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--database", help="an empty PostgreSQL database (default: SQLite)")
    parser.add_argument("--postgres", action="store_true", help="a throw-away PostgreSQL")
    options = parser.parse_args()
    sources = texts(options.projects)
    with contextlib.ExitStack() as stack:
        data = stack.enter_context(tempfile.TemporaryDirectory())
        if options.postgres:
            sys.path.insert(0, str(ROOT / "tests"))
            from pg_cluster import cluster

            options.database = stack.enter_context(cluster()).new_database()
        where = ["--database", options.database] if options.database else ["--data", data]
        server, url = _start(where)
        try:
            advies(
                "users", "add", EMAIL, "--role", "admin", "--password-stdin", *where, given=PASSWORD
            )
            token = advies("tokens", "create", EMAIL, *where)
            figures = measure(url, token, sources, options.rounds)
        finally:
            server.terminate()
            server.wait(timeout=30)
    advise_all = baseline(sources)
    result: dict[str, object] = {
        "projects": options.projects,
        "rounds": options.rounds,
        "database": "postgresql" if options.database else "sqlite",
        "advise_all_ms": round(advise_all * 1000, 1),
        **figures,
    }
    for value in figures.values():
        if isinstance(value, dict):
            value["median_over_advise_all"] = round(value["median_ms"] / (advise_all * 1000), 3)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
