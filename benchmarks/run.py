"""Benchmarks of interventie-advies, each a ratio against a baseline measured in the same run.

Usage:  python benchmarks/run.py [--quick] [--projects N] [--batch N]

Prints one JSON object:
- ``floor_us``: per project, TOML parsing plus pydantic validation alone;
- ``advise_us``: per project, from TOML text to a full report with the whole built-in
  catalogue, in-process with one Engine; ``advise_over_floor`` = advise_us / floor_us;
  ``projects_per_s`` on one core;
- ``batch_10k_s``, ``batch_files_per_s``: ``advies run DIR --format jsonl`` over 10,000
  files (1,000 with --quick), all cores;
- ``cli_ms`` and ``cli_over_imports``: one ``advies run example.toml`` against
  ``python -c "import pydantic, pluggy, click"``, measured the same way (median);
- ``rss_1k_mb``, ``rss_20k_mb``: peak memory of a batch of 1,000 and of 20,000 projects
  (200 and 2,000 with --quick), in one process, so the streaming is what is measured;
- ``heavy_imports``: modules a plain ``advies run`` should not import but does (e.g. jinja2).

Targets (docs/performance.md): advise_over_floor <= 2.0, cli_over_imports <= 2.5,
rss_20k_mb <= 1.2 x rss_1k_mb, projects_per_s >= 2000. No thresholds are enforced here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "buurtopera.toml"
DATE = "2026-06-01"
HEAVY = (
    "jinja2",
    "interventie_advies.commands._schema",
    "interventie_advies.commands._catalogue",
    "interventie_advies.commands._diff",
    "interventie_advies.commands._portfolio",
    "interventie_advies.commands._init",
)


def advies() -> list[str]:
    found = shutil.which("advies", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "interventie_advies"]


CHUNK = 50  # texts timed at a time, alternating between the floor and advice


def in_process(texts: list[str], rounds: int) -> dict[str, float]:
    """Floor and advice per project, measured in turns over the same texts.

    NOTE: this machine's speed drifts by tens of percent from one second to the next (two
    shared cores), so the floor and the advice are timed alternately, 50 texts at a time,
    and each round gives its own ratio; the medians over the rounds are reported.
    """
    from interventie_advies import Engine
    from interventie_advies.project._load import validate_project
    from interventie_advies.project._toml import loads

    engine = Engine(plugins=())
    date = dt.date.fromisoformat(DATE)
    engine.advise(text=texts[0], date=date)  # plugins loaded, rules compiled

    def floor(text: str) -> None:
        validate_project(loads(text), "<text>")

    def advise(text: str) -> None:
        engine.advise(text=text, date=date, file="<text>")

    for text in texts[:CHUNK]:  # warm up both
        floor(text)
        advise(text)
    clock = time.perf_counter
    floors, advices, ratios = [], [], []
    for _ in range(rounds):
        spent = {floor: 0.0, advise: 0.0}
        for start in range(0, len(texts), CHUNK):
            chunk = texts[start : start + CHUNK]
            for function in (floor, advise):
                begin = clock()
                for text in chunk:
                    function(text)
                spent[function] += clock() - begin
        floors.append(spent[floor] / len(texts) * 1e6)
        advices.append(spent[advise] / len(texts) * 1e6)
        ratios.append(spent[advise] / spent[floor])
    advise_us = statistics.median(advices)
    return {
        "floor_us": round(statistics.median(floors), 1),
        "advise_us": round(advise_us, 1),
        "advise_over_floor": round(statistics.median(ratios), 2),
        "projects_per_s": round(1e6 / advise_us),
    }


def as_installed() -> dict[str, str]:
    """The environment of a user's shell: Python may write and read bytecode caches.

    An installed wheel comes with ``.pyc`` files (pip compiles them), so a user's
    ``advies`` does not compile its modules on every run. ``PYTHONDONTWRITEBYTECODE``
    (set on some CI and development machines) would make an editable install recompile
    the package on every run while the dependencies have theirs; without it, the
    warm-up run of :func:`wall_ms` writes them, and every command is measured the same way.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def wall_ms(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall time of each command, in ms; the commands take turns, run by run.

    Taking turns means a change in the machine's load during the measurement affects
    every command alike, so their ratios stay comparable.
    """
    env = as_installed()
    for command in commands.values():
        subprocess.run(command, check=True, capture_output=True, env=env)  # warm caches, .pyc
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, check=False, capture_output=True, env=env)
            times[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


def cli(runs: int) -> dict[str, float]:
    ms = wall_ms(
        {
            "imports": [sys.executable, "-c", "import pydantic, pluggy, click"],
            "cli": [*advies(), "run", str(EXAMPLE), "--date", DATE, "--no-plugins"],
            "with_plugins": [*advies(), "run", str(EXAMPLE), "--date", DATE],
        },
        runs,
    )
    return {
        "imports_ms": round(ms["imports"], 1),
        "cli_ms": round(ms["cli"], 1),
        "cli_over_imports": round(ms["cli"] / ms["imports"], 2),
        "cli_with_installed_plugins_ms": round(ms["with_plugins"], 1),
    }


def write_folder(folder: Path, texts: list[str], count: int) -> Path:
    target = folder / f"n{count}"
    for i in range(count):
        sub = target / f"{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"p{i:05d}.toml").write_text(texts[i % len(texts)], encoding="utf-8")
    return target


def peak_rss_mb(command: list[str]) -> float:
    """Peak resident memory of ``command`` (its process and workers), in MB."""
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True,
                         text=True, check=True).stdout
    return round(int(out.strip().splitlines()[-1]) / 1024, 1)


def batch(folder: Path, texts: list[str], count: int) -> dict[str, float]:
    target = write_folder(folder, texts, count)
    command = [*advies(), "run", str(target), "--format", "jsonl", "--date", DATE,
               "--no-plugins", "--jobs", str(os.cpu_count() or 1)]
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"batch run failed: {done.stderr.decode()[-500:]}")
    return {"seconds": round(seconds, 2), "files_per_s": round(count / seconds)}


def memory(folder: Path, texts: list[str], small: int, large: int) -> dict[str, float]:
    results = {}
    for count in (small, large):
        target = folder / f"n{count}"
        if not target.exists():
            write_folder(folder, texts, count)
        command = [*advies(), "run", str(target), "--format", "jsonl", "--date", DATE,
                   "--no-plugins", "--jobs", "1"]
        results[count] = peak_rss_mb(command)
    return {"rss_small_mb": results[small], "rss_large_mb": results[large],
            "rss_large_over_small": round(results[large] / results[small], 3)}


def heavy_imports() -> list[str]:
    out = subprocess.run([sys.executable, "-X", "importtime", "-c",
                          "import interventie_advies.cli"], capture_output=True, text=True,
                         check=True).stderr
    loaded = {line.rsplit("|", 1)[-1].strip() for line in out.splitlines() if "|" in line}
    return sorted(name for name in HEAVY if name in loaded)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for CI smoke runs")
    args = parser.parse_args()
    quick = args.quick
    n_projects, rounds = (200, 3) if quick else (2000, 5)
    batch_n, rss_small, rss_large = (1000, 200, 2000) if quick else (10_000, 1000, 20_000)
    texts = synthetic.projects(n_projects)
    result: dict[str, object] = {"quick": quick, "python": sys.version.split()[0],
                                 "cpus": os.cpu_count(), "projects": n_projects}
    result.update(in_process(texts, rounds))
    result.update(cli(15 if quick else 21))
    with tempfile.TemporaryDirectory(prefix="advies-bench-") as tmp:
        folder = Path(tmp)
        timing = batch(folder, texts, batch_n)
        result[f"batch_{batch_n // 1000}k_s"] = timing["seconds"]
        result["batch_files_per_s"] = timing["files_per_s"]
        rss = memory(folder, texts, rss_small, rss_large)
        result[f"rss_{rss_small // 1000 or rss_small}{'k' if rss_small >= 1000 else ''}_mb"] = (
            rss["rss_small_mb"])
        result[f"rss_{rss_large // 1000}k_mb"] = rss["rss_large_mb"]
        result["rss_large_over_small"] = rss["rss_large_over_small"]
    result["heavy_imports"] = heavy_imports()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
