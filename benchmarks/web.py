"""Request timings of ``advies serve``: a save with its advice, median and 95th percentile.

Usage:  python benchmarks/web.py [--rounds N] [--workers N]

Starts ``advies serve`` on 127.0.0.1 with a free port and a temporary data folder (SQLite),
makes a user and a token with the real commands, then N rounds of: save the example
``buurtopera.toml`` as a new version (``PUT``), fetch its report (``GET …/report``), and
``POST /advise`` and ``GET /healthz`` on their own; then, signed in through the sign-in
form as a person would be, N rounds of the pages: upload a new version, open the project
page and its advice (the frame). Prints one JSON object with the median and the 95th
percentile of each, in milliseconds. No thresholds are enforced here.

``server_cpu_ms`` is the CPU time the server's processes used per request of each kind of
the API (a save's summary, made after its answer, counted with the save), read from
``/proc`` on Linux, with ``GET /healthz`` as the baseline of the same run: a request
that only asks the database ``SELECT 1`` (``cpu_over_healthz``). One request at a time, so
this is what each request costs, not how long it waits under load (``load.py``).
"""

from __future__ import annotations

import argparse
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from _load_setup import cpu_seconds  # noqa: E402

OPERA = (ROOT / "examples" / "buurtopera.toml").read_text(encoding="utf-8")


PASSWORD = "een lang wachtwoord voor de meting"


def advies(*args: str, given: str | None = None) -> str:
    """What ``advies ARGS`` prints (it must succeed)."""
    done = subprocess.run(
        [sys.executable, "-m", "interventie_advies", *args],
        capture_output=True,
        text=True,
        check=True,
        input=given,
    )
    return done.stdout.strip()


def figures(seconds: list[float]) -> dict[str, float]:
    """Median and 95th percentile of ``seconds``, in ms."""
    ordered = sorted(seconds)
    p95 = ordered[max(0, round(len(ordered) * 0.95) - 1)]
    return {
        "median_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(p95 * 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--workers", type=int, default=1)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "interventie_advies",
                "serve",
                "--port",
                str(port),
                "--data",
                data,
                "--workers",
                str(options.workers),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "ADVIES_LANG": "en"},
        )
        try:
            url = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{url}/healthz").status_code == 200:
                        break
                except httpx.TransportError:
                    if time.monotonic() > deadline:
                        raise
                time.sleep(0.1)
            email = "bench@example.org"
            advies("users", "add", email, "--password-stdin", "--data", data, given=PASSWORD)
            token = advies("tokens", "create", email, "--data", data)
            measured = _measure(url, token, options.rounds, server.pid)
            measured["pages"] = _pages(url, email, options.rounds)
            print(json.dumps(measured, indent=2))
        finally:
            server.terminate()
            server.wait(timeout=30)


#: how long the server is left to finish the work after its answers (a save's summary
#: waits for 50 ms without a request) before its CPU time is read
SETTLE_SECONDS = 0.5
#: ``/healthz`` takes so little that it is asked this many times more (the clock of the
#: CPU time counts in hundredths of a second)
HEALTHZ_TIMES = 10


def _measure(url: str, token: str, rounds: int, server: int) -> dict[str, object]:
    timings: dict[str, list[float]] = {
        "save": [],
        "report": [],
        "save_with_advice": [],
        "advise": [],
        "healthz": [],
    }
    cpu: dict[str, float] = {}
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}) as client:
        pid = client.post("/api/v1/projects", json={"toml": OPERA}).json()["id"]
        version = 1
        time.sleep(SETTLE_SECONDS)
        used = cpu_seconds(server)

        def lap() -> float:
            """The server's CPU seconds since the last lap."""
            nonlocal used
            now = cpu_seconds(server)
            spent, used = now - used, now
            return spent

        for i in range(rounds):
            start = time.perf_counter()
            saved = client.put(
                f"/api/v1/projects/{pid}",
                json={"toml": OPERA + f"# {i}\n", "base_version": version},
            )
            middle = time.perf_counter()
            report = client.get(f"/api/v1/projects/{pid}/report")
            end = time.perf_counter()
            assert saved.status_code == 200 and report.status_code == 200
            version = saved.json()["version"]
            timings["save"].append(middle - start)
            timings["report"].append(end - middle)
            timings["save_with_advice"].append(end - start)
        time.sleep(SETTLE_SECONDS)
        cpu["save_with_advice"] = lap()
        for _ in range(rounds):
            start = time.perf_counter()
            assert client.post("/api/v1/advise", json={"toml": OPERA}).status_code == 200
            timings["advise"].append(time.perf_counter() - start)
        cpu["advise"] = lap()
        for _ in range(rounds * HEALTHZ_TIMES):
            start = time.perf_counter()
            assert client.get("/healthz").status_code == 200
            timings["healthz"].append(time.perf_counter() - start)
        cpu["healthz"] = lap() / HEALTHZ_TIMES
    per_request = {name: 1000 * seconds / rounds for name, seconds in cpu.items()}
    return {
        "rounds": rounds,
        **{name: figures(t) for name, t in timings.items()},
        "server_cpu_ms": {name: round(ms, 2) for name, ms in per_request.items()},
        "cpu_over_healthz": {
            name: round(ms / per_request["healthz"], 1)
            for name, ms in per_request.items()
            if name != "healthz" and per_request["healthz"] > 0
        },
    }


def csrf_of(html: str) -> str:
    """The CSRF token of the page's first form."""
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "no CSRF field in the page"
    return found.group(1)


def _pages(url: str, email: str, rounds: int) -> dict[str, object]:
    """Signed in with the form: upload a version, then its page and its advice."""
    timings: dict[str, list[float]] = {"upload": [], "page": [], "advice": [], "all_three": []}
    with httpx.Client(base_url=url, timeout=60) as client:
        signed_in = client.post(
            "/-/login",
            data={
                "email": email,
                "password": PASSWORD,
                "csrf": csrf_of(client.get("/-/login").text),
            },
        )
        assert signed_in.status_code == 303, signed_in.status_code
        csrf = csrf_of(client.get("/projects").text)
        files = {"file": ("project.toml", OPERA.encode(), "application/toml")}
        made = client.post("/projects", data={"csrf": csrf, "comment": ""}, files=files)
        assert made.status_code == 303, made.status_code
        where = made.headers["location"].split("?")[0]  # /projects/ID?saved=1
        for i in range(rounds):
            body = (OPERA + f"# {i}\n").encode()
            files = {"file": ("project.toml", body, "application/toml")}
            data = {"csrf": csrf, "comment": "", "base_version": str(i + 1)}
            start = time.perf_counter()
            saved = client.post(where, data=data, files=files)
            uploaded = time.perf_counter()
            page = client.get(where)
            shown = time.perf_counter()
            advice = client.get(f"{where}/report.html")
            end = time.perf_counter()
            assert saved.status_code == 303 and page.status_code == advice.status_code == 200
            timings["upload"].append(uploaded - start)
            timings["page"].append(shown - uploaded)
            timings["advice"].append(end - shown)
            timings["all_three"].append(end - start)
        # every upload was saved as a version (a refused one also answers 303)
        latest = client.get(f"{where}/project.toml").text
        assert latest.endswith(f"# {rounds - 1}\n"), "the last upload was not saved"
    return {name: figures(t) for name, t in timings.items()}


if __name__ == "__main__":
    main()
