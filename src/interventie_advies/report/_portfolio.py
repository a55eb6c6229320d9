"""The portfolio's values: one small row per project, and the counters over all of them.

Each report is reduced to a :class:`ProjectRow` at once and then dropped, so memory grows by
one row per project, never by a report. The renderers are in ``_portfolio_*``.

Urgent projects: a project is *urgent* when it has a sustainability warning (a warning whose
rule is tagged :data:`SUSTAINABILITY_TAG`) and its funding ends within :data:`URGENT_MONTHS`
months: the report's ``project.months_left``. The threshold is the prioritiser's own
(``months_left <= 3``, so funding that has already ended counts too).
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from .._version import version
from ..project._facts import URGENT_MONTHS
from ..rulebook._elements import ELEMENT_IDS

if TYPE_CHECKING:
    import os
    from collections.abc import Mapping, Sequence

    from .._errors import AdviesError
    from ._report import Report
    from ._values import Finding

__all__ = [
    "SCHEMA_VERSION",
    "SUSTAINABILITY_TAG",
    "URGENT_MONTHS",
    "Entry",
    "FailedFile",
    "Portfolio",
    "ProjectRow",
    "is_sustainability_warning",
    "months_left_of",
]

SCHEMA_VERSION = 1
#: the tag of rules about what the project keeps when it ends (docs/rule-format.md)
SUSTAINABILITY_TAG = "sustainability"


def is_sustainability_warning(finding: Finding) -> bool:
    """A warning about what the project keeps when it ends (its rule is tagged so)."""
    return finding.kind == "warning" and SUSTAINABILITY_TAG in finding.tags


def months_left_of(report: Report) -> int | None:
    """The whole months of funding left, as the report says (None: not known)."""
    months = report.project.get("months_left")
    return months if isinstance(months, int) and not isinstance(months, bool) else None


class _Outcome(Protocol):
    """One file's result of a batch (``_batch.Outcome``): a report or the error."""

    @property
    def path(self) -> os.PathLike[str] | str: ...
    @property
    def report(self) -> Report | None: ...
    @property
    def error(self) -> AdviesError | None: ...


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
            elements=tuple((e, t) for e, t in data["elements"]),
            missing=tuple(data["missing"]),
            warnings=tuple((c, e, t) for c, e, t in data["warnings"]),
            themes=tuple(data["themes"]),
            evaluated_on=evaluated_on,
            tool=dict(data["tool"]),
        )


@dataclass(frozen=True)
class FailedFile:
    """A file that could not be advised on, with its first problem."""

    file: str
    error: str
    problems: int
    exit_code: int

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"file": self.file, "error": self.error, "problems": self.problems}


def _first_problem(error: AdviesError) -> tuple[str, int]:
    problems = getattr(error, "problems", None)
    if problems:
        return str(problems[0]), len(problems)
    lines = str(error).splitlines() or [type(error).__name__]
    return lines[0], 1


@dataclass
class Portfolio:
    """Rows and counters over many projects; add outcomes one by one, then render."""

    lang: str = "nl"
    rows: list[ProjectRow] = field(default_factory=list)
    failed: list[FailedFile] = field(default_factory=list)
    #: element id → number of projects where its assessment is ``missing``
    missing: Counter[str] = field(default_factory=Counter)
    #: warning code → number of projects where it fired
    warning_counts: Counter[str] = field(default_factory=Counter)
    #: warning code → (element, title as first seen)
    warning_info: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: element id → title, built-in elements first, then plugin elements as first seen
    element_titles: dict[str, str] = field(default_factory=dict)
    evaluated_on: str | None = None
    tool: dict[str, Any] = field(default_factory=dict)

    def add(self, outcome: _Outcome) -> None:
        """Add one outcome of :func:`advise_paths` (a report or the error that stopped it)."""
        if outcome.report is not None:
            self.add_report(outcome.report, file=str(outcome.path))
        elif outcome.error is not None:
            self.add_error(str(outcome.path), outcome.error)

    def add_report(self, report: Report, *, file: str | None = None) -> ProjectRow:
        """Reduce ``report`` to a row and count its missing elements and warnings."""
        return self.add_entry(Entry.from_report(report, file))

    def add_entry(self, entry: Entry) -> ProjectRow:
        """Add one project's :class:`Entry` (a report reduced, or one kept from before)."""
        row = entry.row
        self.rows.append(row)
        if self.evaluated_on is None:
            self.evaluated_on = entry.evaluated_on
            self.tool = dict(entry.tool)
        for element, title in entry.elements:
            if element not in self.element_titles:
                self.element_titles[sys.intern(element)] = title
        for element in entry.missing:
            self.missing[element] += 1
        for code, element, title in entry.warnings:
            self.warning_counts[code] += 1
            if code not in self.warning_info:
                self.warning_info[sys.intern(code)] = (sys.intern(element), title)
        return row

    def add_error(self, file: str, error: AdviesError) -> FailedFile:
        """Record a file that failed, with its first problem."""
        message, count = _first_problem(error)
        failed = FailedFile(file, message, count, error.exit_code)
        self.failed.append(failed)
        return failed

    # -- derived ---------------------------------------------------------------------------

    @property
    def exit_code(self) -> int:
        """0, or the highest exit code of a failed file (2 for bad input, like ``advies run``)."""
        return max((f.exit_code for f in self.failed), default=0)

    @property
    def elements(self) -> list[str]:
        """The matrix columns: the built-in elements in their order, then plugin elements."""
        builtin = [e for e in ELEMENT_IDS if e in self.element_titles]
        if not self.element_titles:
            builtin = list(ELEMENT_IDS)
        return builtin + [e for e in self.element_titles if e not in ELEMENT_IDS]

    def title_of(self, element: str) -> str:
        """The element's title in the portfolio's language."""
        return self.element_titles.get(element, element)

    def ordered(self) -> list[ProjectRow]:
        """Urgent projects first (least time left first), then most high-priority advice."""
        return sorted(
            self.rows,
            key=lambda r: (
                not r.urgent,
                (r.months_left if r.months_left is not None else 99) if r.urgent else 0,
                -r.high,
                r.file,
            ),
        )

    def urgent_rows(self) -> list[ProjectRow]:
        """The urgent projects, in the order of :meth:`ordered`."""
        return [r for r in self.ordered() if r.urgent]

    def common_missing(self) -> list[tuple[str, int]]:
        """(element, projects) where the element is missing, most often first."""
        index = {e: i for i, e in enumerate(self.elements)}
        return sorted(self.missing.items(), key=lambda kv: (-kv[1], index.get(kv[0], 99), kv[0]))

    def common_warnings(self) -> list[tuple[str, int]]:
        """(warning code, projects) most often first, then by code."""
        return sorted(self.warning_counts.items(), key=lambda kv: (-kv[1], kv[0]))

    @property
    def tool_info(self) -> dict[str, Any]:
        """The tool that made the reports (this one when there were none)."""
        return self.tool or {"name": "interventie-advies", "version": version()}

    def to_dict(self) -> dict[str, Any]:
        """Plain data; the same input, date and language give the same dict."""
        elements = self.elements
        return {
            "schema_version": SCHEMA_VERSION,
            "kind": "portfolio",
            "tool": self.tool_info,
            "language": self.lang,
            "evaluated_on": self.evaluated_on,
            "counts": {
                "projects": len(self.rows),
                "urgent": sum(r.urgent for r in self.rows),
                "failed": len(self.failed),
            },
            "urgent_months": URGENT_MONTHS,
            "elements": [{"element": e, "title": self.title_of(e)} for e in elements],
            "projects": [r.to_dict(elements) for r in self.ordered()],
            "missing_elements": [
                {"element": e, "title": self.title_of(e), "projects": n}
                for e, n in self.common_missing()
            ],
            "warnings": [
                {
                    "code": code,
                    "element": self.warning_info.get(code, ("", ""))[0],
                    "title": self.warning_info.get(code, ("", ""))[1],
                    "projects": n,
                }
                for code, n in self.common_warnings()
            ],
            "errors": [f.to_dict() for f in self.failed],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """Deterministic JSON (no trailing newline)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
