"""Wall time of ``advies run`` on an example, next to ``python -c pass`` measured the same way.

Usage: python benchmarks/cli.py [--runs N] [EXAMPLE]
Prints one JSON object; the ratio is the figure to compare between machines.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def wall(cmd: list[str], runs: int) -> list[float]:
    """Run ``cmd`` ``runs`` times (after one warm-up) and return the wall times in ms."""
    subprocess.run(cmd, check=True, capture_output=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=False, capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("example", nargs="?", default=str(ROOT / "examples" / "buurtopera.toml"))
    args = parser.parse_args()
    advies = shutil.which("advies")
    run = [advies] if advies else [sys.executable, "-m", "interventie_advies"]
    baseline = wall([sys.executable, "-c", "pass"], args.runs)
    imports = wall([sys.executable, "-c", "import pydantic, pluggy, click"], args.runs)
    cli = wall([*run, "run", args.example, "--date", "2026-11-01"], args.runs)
    med = statistics.median
    print(json.dumps({
        "runs": args.runs,
        "python_pass_ms": round(med(baseline), 1),
        "imports_ms": round(med(imports), 1),
        "cli_ms": round(med(cli), 1),
        "cli_over_python_pass": round(med(cli) / med(baseline), 2),
        "cli_over_imports": round(med(cli) / med(imports), 2),
    }, indent=2))


if __name__ == "__main__":
    main()
