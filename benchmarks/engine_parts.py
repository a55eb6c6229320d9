"""Where the engine's instructions go: callgrind's count per part of ``Engine.advise``.

Usage:  python benchmarks/engine_parts.py [--projects N] [--example FILE]

Callgrind counts C functions, not Python ones. So after the same warm-up as
``instructions.py`` (100 synthetic projects), each part of a run is wrapped in a call
through a C function the engine never uses otherwise (``functools.reduce``,
``itertools.takewhile``, ``sys.call_tracing``, ...), and callgrind's inclusive count of
that C function, divided by N, is the part's cost per project (with the wrappers' own
small overhead). Each marker wraps one part per run; two runs cover the parts below.
Prints M instructions per project per part. Needs ``valgrind`` (and ``callgrind_annotate``).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent

CHILD = r"""
import datetime as dt, functools, importlib, itertools, sys
sys.path.insert(0, {bench!r})
import synthetic
from interventie_advies import Engine
n = int(sys.argv[1])
texts = synthetic.projects(100 + n)
if len(sys.argv) > 2:
    with open(sys.argv[2], encoding="utf-8") as file:
        texts[100:] = [file.read()] * n
engine = Engine(plugins=())
date = dt.date(2026, 6, 1)
for text in texts[:100]:
    engine.advise(text=text, date=date, file="<text>")

def marked(marker, f):
    if marker == "reduce":
        return lambda *a, **k: functools.reduce(lambda x, y: f(*a, **k), (0, 0))
    if marker == "starmap":
        return lambda *a, **k: next(itertools.starmap(lambda: f(*a, **k), [()]))
    if marker == "call_tracing":
        return lambda *a, **k: sys.call_tracing(lambda: f(*a, **k), ())
    if marker == "accumulate":
        return lambda *a, **k: list(itertools.accumulate((0, 0), lambda x, y: f(*a, **k)))[1]
    def g(*a, **k):
        box = []
        if marker == "groupby":
            next(itertools.groupby((0,), lambda x: box.append(f(*a, **k))))
        else:  # takewhile, dropwhile, filterfalse
            cb = lambda x: box.append(f(*a, **k)) or marker == "takewhile"
            next(getattr(itertools, marker)(cb, (0, 1)), None)
        return box[0]
    return g

# NOTE: the warm-up's objects frozen, so that no full collection of them falls in a part
# (it moved a part by 0.03 M a project from one version of the code to the next)
import gc
gc.collect()
gc.freeze()
for marker, targets in {parts!r}.items():
    for target in targets:
        module, attr = target.split(":")
        owner = importlib.import_module(module)
        *path, name = attr.split(".")
        for part in path:
            owner = getattr(owner, part)
        setattr(owner, name, marked(marker, getattr(owner, name)))
for text in texts[100:]:
    engine.advise(text=text, date=date, file="<text>")
"""

#: each marker and the C function callgrind names it by
SYMBOLS = {
    "reduce": "functools_reduce",
    "starmap": "starmap_next",
    "call_tracing": "sys_call_tracing",
    "takewhile": "takewhile_next",
    "dropwhile": "dropwhile_next",
    "filterfalse": "filterfalse_next",
    "accumulate": "accumulate_next",
    "groupby": "groupby_next",
}
RUN = "interventie_advies.engine._run:"
EVALUATE = "interventie_advies.engine._evaluate:"
#: per callgrind run: marker → the functions it wraps (module:attribute)
RUNS = (
    {
        "starmap": ["interventie_advies.engine._engine:Engine.advise"],
        "call_tracing": ["interventie_advies.engine._engine:load_project"],
        "reduce": [EVALUATE + "Evaluator.__call__"],
        "takewhile": [RUN + "Run.fire"],
        "dropwhile": [RUN + "items_of"],
        "filterfalse": [RUN + "element_statuses"],
        "accumulate": [
            RUN + "QuestionBook.ask_tables",
            RUN + "QuestionBook.ask_all",
            RUN + "QuestionBook.questions",
        ],
        "groupby": [RUN + "hold_bands"],
    },
    {
        "starmap": [RUN + "Run.facts"],
        "call_tracing": [RUN + "Run.check", RUN + "phase_warnings", RUN + "Run.__init__"],
        "reduce": [EVALUATE + "Evaluator._completeness"],
        "takewhile": [RUN + "effect_profile"],
        "dropwhile": [RUN + "Run.namespace"],
        "filterfalse": [
            RUN + "apply_decisions",
            RUN + "set_aside",
            RUN + "rank_context",
            RUN + "selection",
            RUN + "absent_tables",
        ],
        "accumulate": [RUN + "fixed_values"],
        "groupby": [RUN + "chosen_texts", RUN + "filled"],
    },
)


def inclusive(annotated: str, symbol: str) -> int:
    """Callgrind's inclusive count of the C function ``symbol`` (0 when never called)."""
    found = re.search(r"^\s*([\d,]+) .*:" + symbol + r" \[", annotated, re.MULTILINE)
    return int(found.group(1).replace(",", "")) if found else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=60)
    parser.add_argument("--example", type=Path)
    args = parser.parse_args()
    n = args.projects
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONHASHSEED"] = "0"  # as instructions.py: the same count on every run
    example = [str(args.example)] if args.example else []
    for parts in RUNS:
        code = CHILD.format(bench=str(BENCH), parts=parts)
        command = [sys.executable, "-c", code, str(n), *example]
        subprocess.run(command, check=True, env=env)  # .pyc files first, as users have them
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "parts.cg"
            subprocess.run(
                ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command],
                check=True,
                env=env,
                capture_output=True,
            )
            annotated = subprocess.run(
                ["callgrind_annotate", "--inclusive=yes", "--threshold=100", str(out)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        for marker, targets in parts.items():
            count = inclusive(annotated, SYMBOLS[marker]) / n / 1e6
            names = ", ".join(t.split(":")[1] for t in targets)
            print(f"{count:7.3f} M  {names}", flush=True)


if __name__ == "__main__":
    main()
