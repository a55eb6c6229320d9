"""CPU instructions (valgrind's callgrind) per project and per start-up: the same on every run.

Usage:  python benchmarks/instructions.py [--projects N] [--examples [N]]

Wall time on a shared machine drifts by tens of percent; an instruction count does not, so
this is the figure to compare two versions of the code with (run it on each). Prints one
JSON object:

- ``advise_minstr``: million instructions per project, TOML text to report, in-process
  with one Engine (the difference between advising on N projects and on none, after the
  same warm-up); ``floor_minstr``: the same for TOML parsing plus validation alone;
  ``advise_over_floor``: their ratio;
- with ``--examples``: per example in ``examples/``, advise, floor and ``engine_minstr``
  (advise minus floor: the engine's own cost), each over N runs on the same file after
  the same warm-up (N = 20), instead of the figures below;
- ``cli_minstr``: one whole ``advies run examples/buurtopera.toml --no-plugins`` process;
  ``imports_minstr``: ``python -c "import pydantic, pluggy, click"``; and their ratio.

Needs ``valgrind`` on PATH; takes a few minutes (callgrind runs Python about 50x slower).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "buurtopera.toml"

#: warms up on 100 projects, then advises on (or parses) the next N of TOTAL; the texts are
#: made (for TOTAL) before either, so that making them is the same in every run
LOOP = """
import datetime as dt, inspect, sys
sys.path.insert(0, {bench!r})
import synthetic
from interventie_advies import Engine
from interventie_advies.project._load import validate_project
from interventie_advies.project._toml import loads
mode, n, total = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
texts = synthetic.projects(100 + total)
if len(sys.argv) > 4:  # one example, n times
    with open(sys.argv[4], encoding="utf-8") as file:
        texts[100 : 100 + n] = [file.read()] * n
engine = Engine(plugins=())
date = dt.date(2026, 6, 1)
# NOTE: TOML text goes in text= where the API keeps text and paths apart (so that this
# script counts the same work on the code before and after that change)
by_keyword = "text" in inspect.signature(engine.advise).parameters
def advise(text):
    if by_keyword:
        engine.advise(text=text, date=date, file="<text>")
    else:
        engine.advise(text, date=date, file="<text>")
for text in texts[:100]:
    advise(text)
    validate_project(loads(text), "<text>")
for text in texts[100 : 100 + n]:
    if mode == "advise":
        advise(text)
    else:
        validate_project(loads(text), "<text>")
"""


def instructions(command: list[str]) -> int:
    """The instructions callgrind counts for ``command`` (a whole process).

    The command runs once first, without callgrind, so that the ``.pyc`` files it writes
    are there for the measured run, as they are for an installed package.
    """
    # NOTE: as users run it (see run.py's as_installed): Python may write .pyc files
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    # NOTE: string hashes are randomised per process, which moves dict and set layouts and
    # the collector's moments: up to 0.09 M instructions a project between runs otherwise
    env["PYTHONHASHSEED"] = "0"
    subprocess.run(command, capture_output=True, check=True, env=env)
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"no count from callgrind: {done.stderr[-500:]}")
    return int(found.group(1))


def per_example(loop: list[str], n: int) -> dict[str, dict[str, float]]:
    """Advise, floor and the engine's own cost per example, in M instructions per run."""
    base = instructions([*loop, "advise", "0", str(n)])
    figures = {}
    for example in sorted((ROOT / "examples").glob("*.toml")):
        advise = (instructions([*loop, "advise", str(n), str(n), str(example)]) - base) / n / 1e6
        floor = (instructions([*loop, "floor", str(n), str(n), str(example)]) - base) / n / 1e6
        figures[example.name] = {
            "advise_minstr": round(advise, 3),
            "floor_minstr": round(floor, 3),
            "engine_minstr": round(advise - floor, 3),
        }
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=150)
    parser.add_argument("--examples", type=int, nargs="?", const=20, metavar="N")
    args = parser.parse_args()
    n = args.projects
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    loop = [sys.executable, "-c", LOOP.format(bench=str(Path(__file__).resolve().parent))]
    if args.examples:
        print(json.dumps(per_example(loop, args.examples), indent=2))
        return
    base = instructions([*loop, "advise", "0", str(n)])  # the same set-up, nothing after it
    advise = (instructions([*loop, "advise", str(n), str(n)]) - base) / n / 1e6
    floor = (instructions([*loop, "floor", str(n), str(n)]) - base) / n / 1e6
    run = [sys.executable, "-m", "interventie_advies", "run", str(EXAMPLE), "--date",
           "2026-06-01", "--no-plugins"]
    cli = instructions(run) / 1e6
    imports = instructions([sys.executable, "-c", "import pydantic, pluggy, click"]) / 1e6
    print(json.dumps({
        "projects": n,
        "advise_minstr": round(advise, 3),
        "floor_minstr": round(floor, 3),
        "advise_over_floor": round(advise / floor, 2),
        "cli_minstr": round(cli, 1),
        "imports_minstr": round(imports, 1),
        "cli_over_imports": round(cli / imports, 2),
    }, indent=2))


if __name__ == "__main__":
    main()
