"""Request timings of ``advies serve``: a save with its advice, median and 95th percentile.

Usage:  python benchmarks/web.py [--rounds N] [--workers N]

Starts ``advies serve`` on 127.0.0.1 with a free port and a temporary data folder (SQLite),
makes a user and a token with the real commands, then N rounds of: save the example
``buurtopera.toml`` as a new version (``PUT``), fetch its report (``GET …/report``), and
``POST /advise`` and ``GET /healthz`` on their own. Prints one JSON object with the median
and the 95th percentile of each, in milliseconds. No thresholds are enforced here.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
OPERA = (ROOT / "examples" / "buurtopera.toml").read_text(encoding="utf-8")


def _advies(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "interventie_advies", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def _figures(seconds: list[float]) -> dict[str, float]:
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
            _advies("users", "add", "bench@example.org", "--data", data)
            token = _advies("tokens", "create", "bench@example.org", "--data", data)
            print(json.dumps(_measure(url, token, options.rounds), indent=2))
        finally:
            server.terminate()
            server.wait(timeout=30)


def _measure(url: str, token: str, rounds: int) -> dict[str, object]:
    timings: dict[str, list[float]] = {
        "save": [],
        "report": [],
        "save_with_advice": [],
        "advise": [],
        "healthz": [],
    }
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}) as client:
        pid = client.post("/api/v1/projects", json={"toml": OPERA}).json()["id"]
        version = 1
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
            start = time.perf_counter()
            client.post("/api/v1/advise", json={"toml": OPERA})
            timings["advise"].append(time.perf_counter() - start)
            start = time.perf_counter()
            client.get("/healthz")
            timings["healthz"].append(time.perf_counter() - start)
    return {"rounds": rounds, **{name: _figures(t) for name, t in timings.items()}}


if __name__ == "__main__":
    main()
