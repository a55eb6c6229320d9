"""Benchmarks of interventie-advies, each a ratio against a baseline measured in the same run.

Usage:  python benchmarks/run.py [--quick] [--sqlfluff PATH | --no-sqlfluff] [--only PART ...]

Prints one JSON object:
- ``floor_us``: per project, TOML parsing plus pydantic validation alone;
- ``advise_us``: per project, from TOML text to a full report with the whole built-in
  catalogue, in-process with one Engine; ``advise_over_floor`` = advise_us / floor_us;
  ``projects_per_s`` on one core;
- start-up, side by side (``feel.py``): one ``advies run example.toml`` with the plugins
  installed in this Python (``cli_with_installed_plugins_ms``) against ``sqlfluff lint`` on
  a one-line SQL file (``run_over_sqlfluff``) and a minimal tool that imports click, pluggy
  and tomli and validates one pydantic model once (``run_over_minimal_tool``); also
  ``cli_ms`` (``--no-plugins``) against ``python -c "import pydantic, pluggy, click"``
  (``cli_over_imports``). All measured the same way, taking turns (medians);
- batch, side by side (``feel.py``): ``advies run DIR --format jsonl`` over 10,000 files
  (1,000 with --quick) with 1 and 2 workers, against ``load_project`` on the same files in
  one process: ``jobs2_over_load_project`` and ``jobs2_speedup`` (1 worker over 2);
- ``rss_1k_mb``, ``rss_20k_mb``: peak memory of a batch of 1,000 and of 20,000 projects
  (200 and 2,000 with --quick), in one process, so the streaming is what is measured;
- ``heavy_imports``: modules a plain ``advies run`` should not import but does (e.g. jinja2).

Targets (docs/performance.md, issue 15): run_over_sqlfluff <= 0.5, run_over_minimal_tool
<= 1.25, jobs2_over_load_project <= 1.5, jobs2_speedup >= 1.8, rss_20k_mb <= 1.2 x
rss_1k_mb. No thresholds are enforced here.
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

import feel
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


def wall_ms(commands: dict[str, list[str]], runs: int, *, warm: bool = True) -> dict[str, float]:
    """Median wall time of each command, in ms; the commands take turns, run by run.

    Taking turns means a change in the machine's load during the measurement affects
    every command alike, so their ratios stay comparable.
    """
    env = as_installed()
    if warm:
        for command in commands.values():  # warm caches, .pyc
            subprocess.run(command, check=True, capture_output=True, env=env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            start = time.perf_counter()
            done = subprocess.run(command, check=False, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, env=env)
            times[name].append((time.perf_counter() - start) * 1000)
            if done.returncode not in (0, 1):
                raise SystemExit(f"{name} failed: {done.stderr.decode()[-500:]}")
    return {name: statistics.median(values) for name, values in times.items()}


def startup(runs: int, sqlfluff: str | None, with_sqlfluff: bool) -> dict[str, float | None]:
    """``advies run`` on one example next to sqlfluff and a minimal tool (``feel.py``)."""
    with tempfile.TemporaryDirectory(prefix="advies-startup-") as tmp:
        folder = Path(tmp)
        found = feel.sqlfluff_command(sqlfluff, folder) if with_sqlfluff else None
        commands = feel.startup_commands(advies(), EXAMPLE, DATE, found, folder)
        return feel.startup_figures(wall_ms(commands, runs))


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


def batch(folder: Path, texts: list[str], count: int, rounds: int) -> dict[str, float]:
    """The batch with 1 and 2 workers next to ``load_project`` on the same files."""
    target = write_folder(folder, texts, count)
    commands = feel.batch_commands(advies(), target, DATE)
    ms = wall_ms(commands, rounds, warm=False)
    return feel.batch_figures({name: value / 1000 for name, value in ms.items()}, count)


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


PARTS = ("in-process", "startup", "batch", "memory", "imports")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for CI smoke runs")
    parser.add_argument("--sqlfluff", metavar="PATH",
                        help="the sqlfluff executable to compare with (default: an installed "
                        "one, else installed into a throw-away virtual environment)")
    parser.add_argument("--no-sqlfluff", action="store_true",
                        help="leave sqlfluff out of the start-up figures (needs no package "
                        "index: CI's smoke run)")
    parser.add_argument("--only", nargs="+", choices=PARTS, default=PARTS,
                        help="measure only these parts")
    args = parser.parse_args()
    quick = args.quick
    n_projects, rounds = (200, 3) if quick else (2000, 5)
    batch_n, rss_small, rss_large = (1000, 200, 2000) if quick else (10_000, 1000, 20_000)
    texts = synthetic.projects(n_projects)
    result: dict[str, object] = {"quick": quick, "python": sys.version.split()[0],
                                 "cpus": os.cpu_count(), "projects": n_projects,
                                 "load_average": [round(x, 2) for x in os.getloadavg()]}
    if "in-process" in args.only:
        result.update(in_process(texts, rounds))
    if "startup" in args.only:
        result.update(startup(15 if quick else 21, args.sqlfluff, not args.no_sqlfluff))
    with tempfile.TemporaryDirectory(prefix="advies-bench-") as tmp:
        folder = Path(tmp)
        if "batch" in args.only:
            result.update(batch(folder, texts, batch_n, 3))
        if "memory" in args.only:
            rss = memory(folder, texts, rss_small, rss_large)
            small = f"{rss_small // 1000 or rss_small}{'k' if rss_small >= 1000 else ''}"
            result[f"rss_{small}_mb"] = rss["rss_small_mb"]
            result[f"rss_{rss_large // 1000}k_mb"] = rss["rss_large_mb"]
            result["rss_large_over_small"] = rss["rss_large_over_small"]
    if "imports" in args.only:
        result["heavy_imports"] = heavy_imports()
    result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
