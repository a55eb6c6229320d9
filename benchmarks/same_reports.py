"""Fingerprints of many reports, to check that a change to the engine keeps them byte-identical.

Usage:  python benchmarks/same_reports.py OUT.json [--projects N]
        python benchmarks/same_reports.py OUT.json --compare BEFORE.json

Writes one SHA-256 per report: every ``examples/*.toml`` at three dates, in Dutch and
English, in JSON, text, Markdown and HTML, with the installed plugins and without; and N
synthetic projects (``synthetic.py``) at two dates in both languages, JSON, text and
Markdown (HTML for every tenth). With ``--compare`` it prints the reports that differ and
exits 1 if any does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic

from interventie_advies import Engine

ROOT = Path(__file__).resolve().parent.parent
DATES = (dt.date(2026, 6, 1), dt.date(2026, 11, 1), dt.date(2027, 3, 1))


def _digests(engine: Engine, key: str, formats: tuple[str, ...], **how: object) -> dict[str, str]:
    try:
        report = engine.advise(**how)  # type: ignore[arg-type]
    except Exception as error:
        return {key: f"error {type(error).__name__}: {error}"}
    return {
        f"{key} {form}": hashlib.sha256(report.render(form).encode()).hexdigest()
        for form in formats
    }


def fingerprints(projects: int) -> dict[str, str]:
    """Return a digest per report, keyed by what made it."""
    out: dict[str, str] = {}
    engines = {"plugins": Engine(), "builtin": Engine(plugins=())}
    every = ("json", "text", "markdown", "html")
    for name, engine in engines.items():
        for path in sorted((ROOT / "examples").glob("*.toml")):
            for date in DATES:
                for lang in ("nl", "en"):
                    key = f"{name} {path.name} {date} {lang}"
                    out.update(_digests(engine, key, every, project=path, date=date, lang=lang))
    engine = engines["builtin"]
    for number, text in enumerate(synthetic.projects(projects)):
        for date in DATES[:2]:
            for lang in ("nl", "en"):
                forms = every if number % 10 == 0 else every[:3]
                key = f"synthetic {number} {date} {lang}"
                out.update(
                    _digests(engine, key, forms, text=text, date=date, lang=lang, file="<t>")
                )
    return out


def main() -> None:
    """Write the fingerprints, and compare them with earlier ones if asked."""
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--projects", type=int, default=400)
    parser.add_argument("--compare", type=Path)
    args = parser.parse_args()
    now = fingerprints(args.projects)
    args.out.write_text(json.dumps(now, indent=0, sort_keys=True))
    if args.compare is None:
        print(f"{len(now)} reports")
        return
    before = json.loads(args.compare.read_text())
    differ = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    for key in differ[:40]:
        print("differs:", key)
    print(f"{len(now)} reports, {len(differ)} differ")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
