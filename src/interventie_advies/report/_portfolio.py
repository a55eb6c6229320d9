"""The portfolio's values: one small row per project, and the counters over all of them.

Each report is reduced to a :class:`ProjectRow` at once and then dropped, so memory grows by
one row per project, never by a report. The renderers are in ``_portfolio_*``.

Urgent projects: a project is *urgent* when it has a sustainability warning (a warning whose
rule is tagged :data:`SUSTAINABILITY_TAG`) and its funding ends within :data:`URGENT_MONTHS`
months: the report's ``project.months_left``. The threshold is the prioritiser's own
(``months_left <= 3``, so funding that has already ended counts too).

A project's row and entry are in ``_rows``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from .._version import version
from ..project._facts import URGENT_MONTHS
from ..rulebook._elements import ELEMENT_IDS
from ._portfolio_json import Written, dumps
from ._rows import (
    SUSTAINABILITY_TAG,
    Entry,
    ProjectRow,
    is_sustainability_warning,
    months_left_of,
)

if TYPE_CHECKING:
    import os

    from .._errors import AdviesError
    from ._portfolio_json import Kept
    from ._report import Report

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


class _Outcome(Protocol):
    """One file's result of a batch (``_batch.Outcome``): a report or the error."""

    @property
    def path(self) -> os.PathLike[str] | str: ...
    @property
    def report(self) -> Report | None: ...
    @property
    def error(self) -> AdviesError | None: ...
    @property
    def kept(self) -> Any: ...


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
        """Add one outcome of :func:`advise_paths` (a report or the error that stopped it).

        An outcome whose report was reduced to its :class:`Entry` where it was made
        (``advise_paths(keep=Entry.from_report)``) gives that entry instead.
        """
        if isinstance(outcome.kept, Entry):
            self.add_entry(outcome.kept)
        elif outcome.report is not None:
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
        return self._document(elements, [r.to_dict(elements) for r in self.ordered()])

    def _document(self, elements: list[str], projects: object) -> dict[str, Any]:
        """The document around ``projects`` (the rows in the order of :meth:`ordered`)."""
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
            "projects": projects,
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

    def to_json(self, *, indent: int | None = 2, kept: Kept | None = None) -> str:
        """Deterministic JSON (no trailing newline).

        The text of ``json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)``.
        ``kept``: each row's text is kept there, and taken from there when the same row
        object comes again with the same columns (a server's rows between requests).
        """
        if indent is None:
            return json.dumps(self.to_dict(), ensure_ascii=False)
        elements = self.elements
        columns = tuple(elements)
        rows = Written(self.ordered(), lambda row: row.to_dict(columns), columns, kept)
        return dumps(self._document(elements, rows), indent)
