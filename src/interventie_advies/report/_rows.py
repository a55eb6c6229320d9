"""One project in a portfolio: its row, and its entry (the row and what the counters count).

Each report is reduced to an :class:`Entry` at once and then dropped. An entry is plain data
that survives JSON (:meth:`Entry.to_data`), so a server can keep one per saved version
and build a portfolio without advising again; ``_portfolio`` adds entries up.
"""

from __future__ import annotations

import dataclasses
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..project._facts import URGENT_MONTHS

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from ._report import Report
    from ._values import Finding

__all__ = [
    "SUSTAINABILITY_TAG",
    "Entry",
    "ProjectRow",
    "is_sustainability_warning",
    "months_left_of",
]

#: the tag of rules about what the project keeps when it ends (docs/rule-format.md)
SUSTAINABILITY_TAG = "sustainability"


def is_sustainability_warning(finding: Finding) -> bool:
    """A warning about what the project keeps when it ends (its rule is tagged so)."""
    return finding.kind == "warning" and SUSTAINABILITY_TAG in finding.tags


def months_left_of(report: Report) -> int | None:
    """The whole months of funding left, as the report says (None: not known)."""
    months = report.project.get("months_left")
    return months if isinstance(months, int) and not isinstance(months, bool) else None


@dataclass(frozen=True)
class ProjectRow:
    """What the portfolio keeps of one project's report (never the report itself)."""

    file: str
    name: str
    phase: str | None
    #: element id → status of schema_version 1 (covered, partial, missing, unknown)
    statuses: dict[str, str]
    recommendations: int
    warnings: int
    questions: int
    strengths: int
    high: int  # findings of priority high
    #: percent of the facts the rules read that the file describes
    completeness: int
    #: codes of its sustainability warnings, sorted
    sustainability_warnings: tuple[str, ...]
    months_left: int | None
    urgent: bool
    #: element id → assessment (docs/report.md): the matrix shows it, ``missing`` counts
    assessments: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_report(cls, report: Report, file: str | None = None) -> ProjectRow:
        """Reduce ``report`` to its row."""
        intern = sys.intern
        summary = report.summary
        sus = [f for f in report.findings if is_sustainability_warning(f)]
        months = months_left_of(report)
        ending = months is not None and months <= URGENT_MONTHS
        phase = report.project.get("phase")
        return cls(
            file=file if file is not None else str(report.project.get("file") or ""),
            name=str(report.project.get("name") or ""),
            phase=intern(str(phase)) if phase else None,
            statuses={intern(e.element): intern(e.status) for e in report.elements},
            assessments={intern(e.element): intern(e.assessment) for e in report.elements},
            recommendations=int(summary["recommendations"]),
            warnings=int(summary["warnings"]),
            questions=int(summary["questions"]),
            strengths=int(summary["strengths"]),
            high=int(summary["by_priority"].get("high", 0)),
            completeness=int(report.completeness["percent"]),
            sustainability_warnings=tuple(sorted({intern(f.code) for f in sus})),
            months_left=months,
            urgent=bool(sus) and ending,
        )

    def assessment(self, element: str) -> str | None:
        """The assessment of ``element``, or None when the report did not evaluate it."""
        return self.assessments.get(element)

    def to_dict(self, elements: Sequence[str]) -> dict[str, Any]:
        """JSON form; statuses in the order of ``elements`` (null when not evaluated)."""
        return {
            "file": self.file,
            "name": self.name,
            "phase": self.phase,
            "statuses": {e: self.statuses.get(e) for e in elements},
            "assessments": {e: self.assessments.get(e) for e in elements},
            "recommendations": self.recommendations,
            "warnings": self.warnings,
            "questions": self.questions,
            "strengths": self.strengths,
            "high": self.high,
            "completeness": self.completeness,
            "urgent": self.urgent,
            "months_left": self.months_left,
            "sustainability_warnings": list(self.sustainability_warnings),
        }


@dataclass(frozen=True)
class Entry:
    """All the portfolio takes from one report: its row and what the counters count.

    Plain data that survives JSON (:meth:`to_data`), so that a server can keep it per
    saved version and build the portfolio without advising again.
    """

    row: ProjectRow
    #: (element, title) in the report's order
    elements: tuple[tuple[str, str], ...]
    #: the elements whose assessment is ``missing``
    missing: tuple[str, ...]
    #: (code, element, title) of each warning code once, as first seen
    warnings: tuple[tuple[str, str, str], ...]
    #: the themes of its findings, sorted (a filter for funders)
    themes: tuple[str, ...]
    evaluated_on: str | None
    #: the report's tool: name and version
    tool: dict[str, Any]

    @classmethod
    def from_report(cls, report: Report, file: str | None = None) -> Entry:
        """Reduce ``report`` to its entry."""
        warnings: dict[str, tuple[str, str, str]] = {}
        for f in report.findings:
            if f.kind == "warning" and f.code not in warnings:
                warnings[f.code] = (f.code, f.element, f.title)
        return cls(
            row=ProjectRow.from_report(report, file),
            elements=tuple((e.element, e.title) for e in report.elements),
            missing=tuple(e.element for e in report.elements if e.assessment == "missing"),
            warnings=tuple(warnings.values()),
            themes=tuple(sorted({f.theme for f in report.findings if f.theme})),
            evaluated_on=report.evaluated_on,
            tool={"name": report.tool.get("name"), "version": report.tool.get("version")},
        )

    def to_data(self) -> dict[str, Any]:
        """Plain data for JSON (:meth:`from_data` reads it back)."""
        return {
            "row": dataclasses.asdict(self.row),
            "elements": self.elements,
            "missing": self.missing,
            "warnings": self.warnings,
            "themes": self.themes,
            "evaluated_on": self.evaluated_on,
            "tool": self.tool,
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any], *, file: str, evaluated_on: str | None) -> Entry:
        """The entry :meth:`to_data` wrote, for ``file`` and evaluated on ``evaluated_on``."""
        row = dict(data["row"])
        row["file"] = file
        row["sustainability_warnings"] = tuple(row["sustainability_warnings"])
        return cls(
            row=ProjectRow(**row),
            elements=tuple(map(tuple, data["elements"])),
            missing=tuple(data["missing"]),
            warnings=tuple(map(tuple, data["warnings"])),
            themes=tuple(data["themes"]),
            evaluated_on=evaluated_on,
            tool=dict(data["tool"]),
        )
