"""The load test's figures: one record per request, and per kind what they add up to."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "SAVE_AND_REPORT",
    "Record",
    "markdown",
    "missing_saves",
    "percentile",
    "settled",
    "summarise",
]

#: the derived kind: a save and the report after it (their times added)
SAVE_AND_REPORT = "save+report"


@dataclass(frozen=True)
class Record:
    """One request: its kind, its status (0 when no answer came), how long it took.

    ``ended`` is when it ended, in seconds from the start of the run (0 when not known).
    """

    kind: str
    status: int
    seconds: float
    conflict_expected: bool = False
    ended: float = 0.0


def percentile(ordered: list[float], fraction: float) -> float:
    """The nearest-rank percentile of sorted ``ordered`` (``fraction`` 0.95 for the 95th)."""
    return ordered[max(0, round(len(ordered) * fraction) - 1)]


def summarise(records: Iterable[Record], seconds: float) -> dict[str, dict[str, Any]]:
    """Per kind: requests per second, median and 95th percentile, errors, 409s.

    The requests per second are counted up to the last answer of that kind (people stop
    asking after ``seconds``, and a funder's portfolio may end long after a team's last
    save), or over ``seconds`` when the records do not say when they ended.
    """
    kinds: dict[str, list[Record]] = {}
    for record in records:
        kinds.setdefault(record.kind, []).append(record)
    figures: dict[str, dict[str, Any]] = {}
    for name, found in kinds.items():
        answered = sorted(r.seconds for r in found if 200 <= r.status < 300)
        conflicts = sum(1 for r in found if r.status == 409 and r.conflict_expected)
        window = max(r.ended for r in found) or seconds
        figures[name] = {
            "requests": len(found),
            "per_s": round(len(found) / window, 1),
            "median_ms": round(statistics.median(answered) * 1000, 1) if answered else None,
            "p95_ms": round(percentile(answered, 0.95) * 1000, 1) if answered else None,
            "errors": len(found) - len(answered) - conflicts,
            "conflicts": conflicts,
        }
    return figures


def settled(records: Iterable[Record], after: float) -> list[Record]:
    """The records of requests that ended more than ``after`` seconds into the run.

    Their ``ended`` counts from ``after``, so that :func:`summarise` gives their rate.
    NOTE: every simulated person starts at the same instant, so the first rounds are
    bursts on a server whose connections and caches are still cold; these figures show
    the rest of the run beside the whole run's (docs/performance.md).
    """
    return [
        Record(r.kind, r.status, r.seconds, r.conflict_expected, r.ended - after)
        for r in records
        if r.ended > after
    ]


def missing_saves(versions: dict[int, int], saves: dict[int, int]) -> dict[int, str]:
    """The projects whose count of versions is not their successful saves plus one."""
    return {
        project: f"{versions.get(project, 0)} versions, {made} saves"
        for project, made in saves.items()
        if versions.get(project, 0) != made + 1
    }


def markdown(figures: dict[str, dict[str, Any]]) -> str:
    """The figures as a Markdown table, one row per kind of request."""
    lines = [
        "| request | requests/s | median ms | p95 ms | errors | 409s |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, f in figures.items():
        cells = (f["per_s"], f["median_ms"], f["p95_ms"], f["errors"], f["conflicts"])
        lines.append(
            f"| {name} | " + " | ".join("—" if c is None else str(c) for c in cells) + " |"
        )
    return "\n".join(lines)
