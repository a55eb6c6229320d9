"""Reliability figures: run the fuzzers for a while and count how every input ended.

Usage: python benchmarks/fuzz.py [--seconds N] [--seed S] [--jobs J]

Each worker process loops over the generators of ``tests/fuzzing.py`` (mutated examples,
arbitrary text and bytes, mutated rule files with random conditions and with conditions
built from every allowed construct, ``fuzzing.ConditionMaker``) with its own seeded
random generator, and feeds every input to load_project → advise → every renderer (rule
files: load_rules → advise with their rules → every renderer). An input ends as a clean
``AdviesError``, a valid report, or a crash (any other exception, or more than
``--timeout`` seconds on one input). Prints one JSON object::

    {"seconds": 60.0, "inputs": 14000, "clean_errors": 11000, "valid_reports": 3000,
     "crashes": 0, ...}

and the input and traceback of the first crashes on stderr. Exit code 1 when anything
crashed. The same seed and job count give the same inputs.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import signal
import sys
import tempfile
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import fuzzing  # noqa: E402 - tests/fuzzing.py holds the generators the tests use too

from interventie_advies import Engine  # noqa: E402

#: crashes shown in full per worker
SHOWN = 3
#: generators and how often each is picked
KINDS = (("project", 3), ("rules", 1))


class _TooSlow(BaseException):
    """One input took longer than --timeout seconds (not an Exception: nothing swallows it)."""


def _alarm(signum: int, frame: Any) -> None:
    raise _TooSlow


def work(worker: int, seed: int, seconds: float, timeout: float) -> dict[str, Any]:
    """Fuzz for ``seconds`` in this process; return the counts and the first crashes."""
    rng = random.Random(f"{seed}:{worker}")
    mutator = fuzzing.Mutator(rng)
    engines = [Engine(plugins=()), Engine()]  # built-in rules only, and installed plugins
    for engine in engines:
        _ = engine.plan, engine.extensions, engine.renderers  # set-up is not fuzzing
    names, weights = zip(*KINDS, strict=True)
    counts: collections.Counter[str] = collections.Counter()
    crashes: list[str] = []
    signal.signal(signal.SIGALRM, _alarm)
    memory = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: PTH112 - faster files
    with tempfile.TemporaryDirectory(prefix="advies-fuzz-", dir=memory) as tmp:
        folder = Path(tmp)
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            kind = rng.choices(names, weights)[0]
            source = mutator.project_input() if kind == "project" else mutator.rule_input()
            signal.setitimer(signal.ITIMER_REAL, timeout)
            try:
                if kind == "project":
                    engine = rng.choice(engines)
                    lang = rng.choice(["nl", "en"])
                    color = rng.random() < 0.5
                    outcome = fuzzing.feed_project(engine, source, folder, lang, color=color)
                else:
                    example = rng.choice(["generatiekoor.toml", "schets.toml"])
                    outcome = fuzzing.feed_rules(source, folder, example)
            except (Exception, _TooSlow) as exc:  # anything but a clean error or a report
                outcome = "crash"
                if len(crashes) < SHOWN:
                    what = "too slow" if isinstance(exc, _TooSlow) else "exception"
                    crashes.append(
                        f"--- crash ({kind}, {what}) in worker {worker}\n"
                        f"input: {source!r:.2000}\n{traceback.format_exc()}"
                    )
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            counts[outcome] += 1
            counts[f"{kind}:{outcome}"] += 1
    return {"counts": dict(counts), "crashes": crashes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="how long to fuzz")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generators")
    parser.add_argument(
        "--jobs", type=int, default=min(2, os.cpu_count() or 1), help="worker processes"
    )
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds one input may take")
    args = parser.parse_args()
    start = time.monotonic()
    with ProcessPoolExecutor(args.jobs) as pool:
        futures = [
            pool.submit(work, i, args.seed, args.seconds, args.timeout) for i in range(args.jobs)
        ]
        results = [f.result() for f in futures]
    total: collections.Counter[str] = collections.Counter()
    for result in results:
        total.update(result["counts"])
        for crash in result["crashes"]:
            print(crash, file=sys.stderr)
    summary = {
        "seconds": round(time.monotonic() - start, 1),
        "inputs": sum(total[k] for k in ("clean_error", "valid_report", "crash")),
        "clean_errors": total["clean_error"],
        "valid_reports": total["valid_report"],
        "crashes": total["crash"],
        "seed": args.seed,
        "jobs": args.jobs,
        "by_kind": {
            kind: {o: total[f"{kind}:{o}"] for o in ("clean_error", "valid_report", "crash")}
            for kind, _ in KINDS
        },
    }
    print(json.dumps(summary, indent=2))
    sys.exit(1 if summary["crashes"] else 0)


if __name__ == "__main__":
    main()
