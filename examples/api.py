"""Use interventie-advies from Python: one project, then many with one Engine.

Run from the repository root:  python examples/api.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import interventie_advies as ia

HERE = Path(__file__).parent
DATE = dt.date(2026, 11, 1)


def main() -> None:
    # One project, one call: Dutch by default, English on request.
    report = ia.advise(HERE / "buurtopera.toml", lang="en", date=DATE)
    print(f"{report.project['name']}: {report.summary}")
    for finding in report.findings[:3]:
        print(f"  {finding.priority:>6}  {finding.code}  {finding.title}")

    # A project can also come from a dict (e.g. a web form), validated the same way.
    sketch = {"format": 1, "project": {"name": "Buurtfoto's", "phase": "idea"}}
    print(f"questions for a sketch: {len(ia.advise(sketch, date=DATE).questions)}")

    # TOML text goes in text= (a plain string is always a path).
    text = 'format = 1\n[project]\nname = "Buurtkoor"\nphase = "idea"\n'
    print(f"questions for a text: {len(ia.advise(text=text, date=DATE).questions)}")

    # Invalid input raises ProjectError with every problem and its TOML path.
    try:
        ia.load_project({"format": 1, "project": {"name": "X", "phase": "exec"}})
    except ia.ProjectError as exc:
        for problem in exc.problems:
            print(f"  problem at {problem.path}: {problem.message}")

    # Many projects: build one Engine; plugins load and rules compile only once.
    engine = ia.Engine()
    for path in sorted(HERE.glob("*.toml")):
        r = engine.advise(path, date=DATE)
        assessed = {e.element: e.assessment for e in r.elements}
        print(f"{path.name:<22} sustainability: {assessed['sustainability']:<13} "
              f"high: {r.summary['by_priority']['high']}")

    # Reports render as text, markdown or JSON.
    Path("buurtopera-advies.md").write_text(report.render("markdown"), encoding="utf-8")


if __name__ == "__main__":
    main()
