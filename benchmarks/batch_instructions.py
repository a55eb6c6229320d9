"""The batch in CPU instructions (valgrind's callgrind): what two workers cost beyond one process.

Usage:  python benchmarks/batch_instructions.py [--files N]

``run.py --only batch`` times ``advies run FOLDER --format jsonl`` with one and with two
workers; on a shared machine those times swing by a third between two runs of the same
code, more than any change to the batch. Instructions do not swing. This counts them for
every process of the same three commands as ``run.py`` (``load_project`` on every file in
one process, ``--jobs 1`` and ``--jobs 2``), each on N and on 2N files, so that the cost
per file is the difference (start-up, the first project's caches and the workers' start
drop out). Prints one JSON object, M instructions per file:

- ``load_project``, ``jobs1``: the floor and one process;
- ``jobs2_workers``: both workers together; ``jobs2_main``: the main process beside them
  (reading the workers' results back and writing them out);
- ``jobs2_extra``: what two workers and their main process do beyond ``--jobs 1``
  (``(jobs2_workers + jobs2_main) / jobs1 - 1``);
- ``start_jobs1``, ``start_load``: the fixed part of a run (start-up, first caches), M;
- for 10,000 files, the ratios ``run.py`` reports if the two cores did each process's
  work with no loss (no waiting, no contention, no kernel time, which callgrind does
  not count): ``best_jobs2_speedup_10k`` and ``best_jobs2_over_load_project_10k``.
  Wall times can only be worse.

Needs ``valgrind`` on PATH; takes about five minutes for the default 1,000 files.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic
from feel import LOAD_ALL

DATE = "2026-06-01"


def write_files(folder: Path, count: int, texts: list[str]) -> Path:
    """``count`` synthetic project files in ``folder``, a thousand to a subfolder."""
    for i in range(count):
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"p{i:05d}.toml").write_text(texts[i % len(texts)], encoding="utf-8")
    return folder


def counts(command: list[str]) -> tuple[int, int]:
    """Instructions of ``command``'s main process and of all its forked workers together.

    The command runs once first, without callgrind, so that the ``.pyc`` files it writes
    are there for the measured run, as they are for an installed package.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONHASHSEED"] = "0"  # dict and set layouts the same in every run
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                   env=env)
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True, env=env,
    )
    # NOTE: a forked worker is counted from where its parent was when it forked: the
    # parent's start-up is in each worker's count too (it drops out of the differences)
    found = re.findall(r"==(\d+)== Collected : (\d+)", done.stderr)
    first = re.search(r"==(\d+)==", done.stderr)
    if not found or first is None:
        raise SystemExit(f"no count from callgrind: {done.stderr[-500:]}")
    main = sum(int(n) for pid, n in found if pid == first.group(1))
    workers = sum(int(n) for pid, n in found if pid != first.group(1))
    return main, workers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000, metavar="N")
    args = parser.parse_args()
    n = args.files
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    texts = synthetic.projects(2000)
    advies = [sys.executable, "-m", "interventie_advies", "run"]
    with tempfile.TemporaryDirectory(prefix="batch-instr-") as tmp:
        measured: dict[str, dict[int, tuple[int, int]]] = {}
        for count in (n, 2 * n):
            folder = write_files(Path(tmp) / f"n{count}", count, texts)
            run = [*advies, str(folder), "--format", "jsonl", "--date", DATE, "--no-plugins"]
            commands = {
                "load_project": [sys.executable, "-c", LOAD_ALL, str(folder)],
                "jobs1": [*run, "--jobs", "1"],
                "jobs2": [*run, "--jobs", "2"],
            }
            for name, command in commands.items():
                measured.setdefault(name, {})[count] = counts(command)

    def per_file(name: str, part: int) -> float:
        return (measured[name][2 * n][part] - measured[name][n][part]) / n / 1e6

    def start(name: str) -> float:
        return measured[name][n][0] / 1e6 - n * per_file(name, 0)

    load, jobs1 = per_file("load_project", 0), per_file("jobs1", 0)
    workers, beside = per_file("jobs2", 1), per_file("jobs2", 0)
    start_jobs1, start_load = start("jobs1"), start("load_project")
    # NOTE: --jobs 2 starts as --jobs 1 does (the workers are forked after it); then the
    # two cores share the workers' and the main process's work
    jobs2_10k = start_jobs1 + 10_000 * (workers + beside) / 2
    print(json.dumps({
        "files": [n, 2 * n],
        "load_project": round(load, 3),
        "jobs1": round(jobs1, 3),
        "jobs2_workers": round(workers, 3),
        "jobs2_main": round(beside, 3),
        "jobs2_extra": round((workers + beside) / jobs1 - 1, 3),
        "start_jobs1": round(start_jobs1, 1),
        "start_load": round(start_load, 1),
        "best_jobs2_speedup_10k": round((start_jobs1 + 10_000 * jobs1) / jobs2_10k, 2),
        "best_jobs2_over_load_project_10k": round(
            jobs2_10k / (start_load + 10_000 * load), 2
        ),
    }, indent=2))


if __name__ == "__main__":
    main()
