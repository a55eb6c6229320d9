"""A portfolio overview of many projects, for funders and municipalities (docs/portfolio.md).

The portfolio streams over :func:`advise_paths`: each report is reduced to a small
:class:`ProjectRow` at once and then dropped, so memory grows by one row per project, never
by a report. It renders as text (a projects × elements matrix with a legend), CSV (one row per
project; ``nl`` dialect for Excel with Dutch settings), JSON (deterministic) and HTML (one
self-contained page, Jinja2 imported only then).

Urgent projects: a project is *urgent* when it has a sustainability warning (a warning of the
element ``sustainability`` or one of :data:`SUSTAINABILITY_CODES`) and its funding ends within
:data:`URGENT_MONTHS` months. The months left are read from the report itself, in this
order: a finding's ``facts.months_left`` fact; else a finding's ``facts.funding_end`` fact
and the evaluation date; else the built-in prioritiser's factor "funding ends within 3
months" on one of the sustainability warnings. The threshold is the prioritiser's own
(``months_left <= 3``, so funding that has already ended counts too).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import sys
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import __version__
from ._batch import advise_paths, collect_paths, default_jobs
from ._elements import ELEMENT_IDS
from ._errors import UsageError
from ._facts import months_between
from ._i18n import t
from ._io import atomic_write
from ._labels import word
from ._messages import table
from ._prioritise import WEIGHTS, _say
from ._render._safe import terminal_safe

if TYPE_CHECKING:
    import os
    from collections.abc import Callable, Iterable, Iterator, Sequence
    from contextlib import AbstractContextManager
    from pathlib import Path

    from ._batch import Outcome
    from ._engine import Engine
    from ._errors import AdviesError
    from ._report import Finding, Report

    Progress = Callable[[Iterator[Outcome], int], AbstractContextManager[Iterable[Outcome]]]

__all__ = [
    "CSV_DIALECTS",
    "FORMATS",
    "SUSTAINABILITY_CODES",
    "URGENT_MONTHS",
    "FailedFile",
    "Portfolio",
    "ProjectRow",
    "build_portfolio",
    "run_portfolio",
]

SCHEMA_VERSION = 1
FORMATS = ("text", "csv", "json", "html")
CSV_DIALECTS = ("default", "nl")

#: warnings outside the element ``sustainability`` that are about what the project keeps
SUSTAINABILITY_CODES = frozenset({"JP04", "JP05", "MP05", "CON04", "AL04", "KEY03"})
#: funding ends within this many months: sustainability warnings make a project urgent
URGENT_MONTHS = WEIGHTS.urgent_months
STATUSES = ("covered", "partial", "missing", "unknown")
#: short marks of the text matrix (the legend explains them)
MARKS = {"covered": "+", "partial": "~", "missing": "-", "unknown": "?"}
NOT_EVALUATED = "·"
TOP = 10  # lines of the "most common" lists in text

#: the factor the built-in prioritiser adds to every warning when funding ends within 3 months
_TIME_3 = frozenset(_say("time_3", lang, v=WEIGHTS.time_3) for lang in ("nl", "en"))

_WORDS = table("portfolio")


def _w(key: str, lang: str, **params: object) -> str:
    pair = _WORDS.get(key)
    text = (pair[0] if lang == "nl" else pair[1]) if pair is not None else word(key, lang)
    return text.format(**params) if params else text


def _count_word(n: int, lang: str) -> str:
    return f"{n} {_w('projects_1' if n == 1 else 'projects_n', lang)}"


def _months_text(months: int | None, lang: str) -> str:
    if months is None:
        return _w("months_unknown", lang, m=URGENT_MONTHS)
    if months < 0:
        return _w("months_ended", lang)
    if months == 0:
        return _w("months_0", lang)
    if months == 1:
        return _w("months_1", lang)
    return _w("months_n", lang, n=months)


def _clean(text: str) -> str:
    """One line of plain text: no escape sequences or control characters, no line breaks."""
    return " ".join(terminal_safe(text).split())


def _cut(text: str, width: int, *, keep_end: bool = False) -> str:
    if len(text) <= width:
        return text
    if keep_end:
        return "…" + text[-(width - 1) :]
    return text[: width - 1].rstrip() + "…"


# -- one row per project ---------------------------------------------------------------------


def is_sustainability_warning(finding: Finding) -> bool:
    """A warning about what the project keeps when it ends."""
    return finding.kind == "warning" and (
        finding.element == "sustainability" or finding.code in SUSTAINABILITY_CODES
    )


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def months_left_of(report: Report) -> int | None:
    """The whole months of funding left, as far as the report's findings tell."""
    left = [
        v
        for f in report.findings
        if isinstance(v := f.facts.get("facts.months_left"), int) and not isinstance(v, bool)
    ]
    if left:
        return min(left)
    today = _as_date(report.evaluated_on)
    for f in report.findings:
        end = _as_date(f.facts.get("facts.funding_end"))
        if end is not None and today is not None:
            return months_between(today, end)
    return None


@dataclass(frozen=True)
class ProjectRow:
    """What the portfolio keeps of one project's report (never the report itself)."""

    file: str
    name: str
    phase: str | None
    #: element id → status (covered, partial, missing, unknown), in the report's order
    statuses: dict[str, str]
    recommendations: int
    warnings: int
    questions: int
    strengths: int
    #: findings of priority high
    high: int
    #: percent of the facts the rules read that the file describes
    completeness: int
    #: codes of its sustainability warnings, sorted
    sustainability_warnings: tuple[str, ...]
    months_left: int | None
    urgent: bool

    @classmethod
    def from_report(cls, report: Report, file: str | None = None) -> ProjectRow:
        """Reduce ``report`` to its row."""
        intern = sys.intern
        summary = report.summary
        sus = [f for f in report.findings if is_sustainability_warning(f)]
        months = months_left_of(report)
        if months is not None:
            ending = months <= URGENT_MONTHS
        else:
            ending = any(_TIME_3.intersection(f.score_factors) for f in sus)
        phase = report.project.get("phase")
        return cls(
            file=file if file is not None else str(report.project.get("file") or ""),
            name=str(report.project.get("name") or ""),
            phase=intern(str(phase)) if phase else None,
            statuses={intern(e.element): intern(e.status) for e in report.elements},
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

    def status(self, element: str) -> str | None:
        """The status of ``element``, or None when the report did not evaluate it."""
        return self.statuses.get(element)

    def to_dict(self, elements: Sequence[str]) -> dict[str, Any]:
        """JSON form; statuses in the order of ``elements`` (null when not evaluated)."""
        return {
            "file": self.file,
            "name": self.name,
            "phase": self.phase,
            "statuses": {e: self.statuses.get(e) for e in elements},
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


# -- the portfolio ---------------------------------------------------------------------------


@dataclass
class Portfolio:
    """Rows and counters over many projects; add outcomes one by one, then render."""

    lang: str = "nl"
    rows: list[ProjectRow] = field(default_factory=list)
    failed: list[FailedFile] = field(default_factory=list)
    #: element id → number of projects where it is missing
    missing: Counter[str] = field(default_factory=Counter)
    #: warning code → number of projects where it fired
    warning_counts: Counter[str] = field(default_factory=Counter)
    #: warning code → (element, title as first seen)
    warning_info: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: element id → title, built-in elements first, then plugin elements as first seen
    element_titles: dict[str, str] = field(default_factory=dict)
    evaluated_on: str | None = None
    tool: dict[str, Any] = field(default_factory=dict)

    def add(self, outcome: Outcome) -> None:
        """Add one outcome of :func:`advise_paths` (a report or the error that stopped it)."""
        if outcome.report is not None:
            self.add_report(outcome.report, file=str(outcome.path))
        elif outcome.error is not None:
            self.add_error(str(outcome.path), outcome.error)

    def add_report(self, report: Report, *, file: str | None = None) -> ProjectRow:
        """Reduce ``report`` to a row and count its missing elements and warnings."""
        row = ProjectRow.from_report(report, file)
        self.rows.append(row)
        if self.evaluated_on is None:
            self.evaluated_on = report.evaluated_on
            self.tool = {"name": report.tool.get("name"), "version": report.tool.get("version")}
        for e in report.elements:
            if e.element not in self.element_titles:
                self.element_titles[sys.intern(e.element)] = e.title
            if e.status == "missing":
                self.missing[e.element] += 1
        for code in {f.code for f in report.findings if f.kind == "warning"}:
            self.warning_counts[code] += 1
        for f in report.findings:
            if f.kind == "warning" and f.code not in self.warning_info:
                self.warning_info[sys.intern(f.code)] = (sys.intern(f.element), f.title)
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

    # -- output ----------------------------------------------------------------------------

    def render(self, fmt: str = "text", *, csv_dialect: str = "default") -> str:
        """The portfolio as ``text``, ``csv``, ``json`` or ``html``."""
        if fmt == "text":
            return self.to_text()
        if fmt == "csv":
            return self.to_csv(csv_dialect)
        if fmt == "json":
            return self.to_json() + "\n"
        if fmt == "html":
            return self.to_html()
        raise ValueError(f"unknown portfolio format {fmt!r}; known: {', '.join(FORMATS)}")

    def to_dict(self) -> dict[str, Any]:
        """Plain data; the same input, date and language give the same dict."""
        elements = self.elements
        return {
            "schema_version": SCHEMA_VERSION,
            "kind": "portfolio",
            "tool": self.tool or {"name": "interventie-advies", "version": __version__},
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

    def csv_header(self) -> list[str]:
        """The CSV header row, in the portfolio's language."""
        lang = self.lang
        return [
            _w("file", lang),
            _w("name", lang),
            word("phase", lang),
            *(self.title_of(e) for e in self.elements),
            word("recommendations_n", lang),
            word("warnings_n", lang),
            word("questions_n", lang),
            word("strengths_n", lang),
            _w("high_n", lang),
            _w("completeness_pct", lang),
            _w("urgent", lang),
            _w("months_left", lang),
            _w("sus_codes", lang),
            _w("error", lang),
        ]

    def to_csv(self, dialect: str = "default") -> str:
        """One row per project (then one per failed file), with a header row.

        ``nl``: semicolons and a UTF-8 byte order mark, which Excel with Dutch settings
        opens in columns; ``default``: commas and no byte order mark.
        """
        if dialect not in CSV_DIALECTS:
            raise ValueError(f"unknown CSV dialect {dialect!r}; known: {', '.join(CSV_DIALECTS)}")
        lang = self.lang
        elements = self.elements
        buffer = io.StringIO()
        if dialect == "nl":
            buffer.write("\ufeff")
        writer = csv.writer(buffer, delimiter=";" if dialect == "nl" else ",")
        writer.writerow(self.csv_header())
        yes, no = _w("yes", lang), _w("no", lang)
        for r in self.ordered():
            statuses = [r.statuses.get(e) for e in elements]
            writer.writerow(
                [
                    _cell(r.file),
                    _cell(r.name),
                    word(r.phase, lang) if r.phase else "",
                    *(word(s, lang) if s else "" for s in statuses),
                    r.recommendations,
                    r.warnings,
                    r.questions,
                    r.strengths,
                    r.high,
                    r.completeness,
                    yes if r.urgent else no,
                    "" if r.months_left is None else r.months_left,
                    " ".join(r.sustainability_warnings),
                    "",
                ]
            )
        blanks = [""] * (len(elements) + 10)
        for f in self.failed:
            writer.writerow([_cell(f.file), "", *blanks, _cell(f.error)])
        return buffer.getvalue()

    def to_text(self) -> str:
        """A compact matrix with a legend, the most common gaps, urgent projects, then rows.

        Fits a terminal of 80 to 120 columns; text from project files is made safe first.
        """
        lang = self.lang
        rows = self.ordered()
        head = f"{_w('title', lang)}: {_count_word(len(rows), lang)}"
        if self.evaluated_on:
            head += f" · {word('evaluated_on', lang)} {self.evaluated_on}"
        counts = [f"{sum(r.urgent for r in rows)} {_w('urgent', lang)}"]
        if self.failed:
            counts.append(f"{len(self.failed)} {_w('failed', lang)}")
        out = [head, " · ".join(counts), ""]
        out += self._text_matrix(rows)
        out += self._text_common(len(rows))
        out += self._text_urgent(rows)
        out += self._text_rows(rows)
        if self.failed:
            out += ["", _w("errors", lang), *(f"  {_clean(f.error)}" for f in self.failed)]
        return "\n".join(line.rstrip() for line in out) + "\n"

    def _text_matrix(self, rows: list[ProjectRow]) -> list[str]:
        lang = self.lang
        elements = self.elements
        nr_w = len(str(max(len(rows), 1)))
        name_w = min(32, max([len(_w("project", lang)), *(len(_clean(r.name)) for r in rows)]))
        cols = [str(i) for i in range(1, len(elements) + 1)]
        col_w = max([2, *(len(c) for c in cols)]) + 1
        out = [
            _w("matrix", lang),
            f"{'':>{nr_w}}    {_w('project', lang).capitalize():<{name_w}} "
            + "".join(f"{c:>{col_w}}" for c in cols),
        ]
        if not rows:
            out.append(f"  {_w('no_projects', lang)}")
        for i, r in enumerate(rows, 1):
            marks = "".join(f"{_mark(r, e):>{col_w}}" for e in elements)
            flag = "!" if r.urgent else " "
            out.append(f"{i:>{nr_w}} {flag}  {_cut(_clean(r.name), name_w):<{name_w}} {marks}")
        legend = "  ".join(f"{MARKS[s]} {word(s, lang)}" for s in STATUSES)
        legend += f"  {NOT_EVALUATED} {_w('not_evaluated', lang)}"
        out += [
            "",
            f"{_w('legend', lang)}: {legend}",
            f"  ! {_w('urgent', lang)}: {_w('urgent_mark', lang, m=URGENT_MONTHS)}",
        ]
        num_w = len(str(len(elements)))
        for i, e in enumerate(elements, 1):
            out.append(f"  {i:>{num_w}}  {_cut(_clean(self.title_of(e)), 96)}")
        out.append("")
        return out

    def _text_common(self, n: int) -> list[str]:
        lang = self.lang
        out = [_w("common_missing", lang)]
        missing = self.common_missing()
        if not missing:
            out.append(f"  {_w('no_missing', lang)}")
        for e, k in missing[:TOP]:
            share = _w("of_n", lang, k=k, n=n)
            out.append(f"  {share:>10}  {_cut(_clean(self.title_of(e)), 80)}")
        if len(missing) > TOP:
            out.append(f"  {_w('more', lang, n=len(missing) - TOP)}")
        out += ["", _w("common_warnings", lang)]
        warnings = self.common_warnings()
        if not warnings:
            out.append(f"  {_w('no_warnings', lang)}")
        for code, k in warnings[:TOP]:
            share = _w("of_n", lang, k=k, n=n)
            title = self.warning_info.get(code, ("", ""))[1]
            out.append(f"  {share:>10}  {_clean(code):<6} {_cut(_clean(title), 76)}")
        if len(warnings) > TOP:
            out.append(f"  {_w('more', lang, n=len(warnings) - TOP)}")
        out.append("")
        return out

    def _text_urgent(self, rows: list[ProjectRow]) -> list[str]:
        lang = self.lang
        nr_w = len(str(max(len(rows), 1)))
        out = [_w("urgent_heading", lang, m=URGENT_MONTHS)]
        urgent = [(i, r) for i, r in enumerate(rows, 1) if r.urgent]
        if not urgent:
            out.append(f"  {_w('no_urgent', lang)}")
        for i, r in urgent:
            months = _months_text(r.months_left, lang)
            out.append(f"  {i:>{nr_w}}  {_cut(_clean(r.name), 48)} ({months})")
            out.append(f"  {'':>{nr_w}}  {' '.join(r.sustainability_warnings)}")
        out.append("")
        return out

    def _text_rows(self, rows: list[ProjectRow]) -> list[str]:
        lang = self.lang
        nr_w = len(str(max(len(rows), 1)))
        short = _w("short_cols", lang).split()
        num_w = [max(4, len(s)) for s in short]
        file_w = min(36, max([len(_w("file", lang)), *(len(_clean(r.file)) for r in rows)]))
        phases = [word(r.phase or "unknown_phase", lang) for r in rows]
        phase_w = max([len(word("phase", lang)), *(len(p) for p in phases)])
        out = [
            _w("per_project", lang),
            f"  {'':>{nr_w}}  {_w('file', lang):<{file_w}}  {word('phase', lang):<{phase_w}}"
            + "".join(f" {s:>{w}}" for s, w in zip(short, num_w, strict=True)),
        ]
        for i, (r, phase) in enumerate(zip(rows, phases, strict=True), 1):
            values = [r.recommendations, r.warnings, r.questions, r.strengths, r.high]
            cells = [*(str(v) for v in values), f"{r.completeness}%"]
            out.append(
                f"  {i:>{nr_w}}  {_cut(_clean(r.file), file_w, keep_end=True):<{file_w}}"
                f"  {phase:<{phase_w}}"
                + "".join(f" {c:>{w}}" for c, w in zip(cells, num_w, strict=True))
            )
        out += textwrap.wrap(_w("short_key", lang), 96, initial_indent="  ", subsequent_indent="  ")
        return out

    def to_html(self) -> str:
        """One self-contained, accessible HTML page (no scripts)."""
        from ._render.html import jinja_environment  # NOTE: Jinja2 only when HTML is asked

        template = jinja_environment().get_template("portfolio.html.j2")
        return template.render(self._html_context())

    def _html_context(self) -> dict[str, Any]:
        lang = self.lang
        elements = self.elements
        rows = self.ordered()
        n = len(rows)

        def w(key: str, **params: object) -> str:
            return _w(key, lang, **params)

        return {
            "lang": lang,
            "w": w,
            "word": lambda key: word(key, lang),
            "n": n,
            "count_text": _count_word(n, lang),
            "evaluated_on": self.evaluated_on,
            "tool": self.tool or {"name": "interventie-advies", "version": __version__},
            "elements": [(i, e, self.title_of(e)) for i, e in enumerate(elements, 1)],
            "rows": list(enumerate(rows, 1)),
            "urgent": [(i, r) for i, r in enumerate(rows, 1) if r.urgent],
            "urgent_months": URGENT_MONTHS,
            "months_text": lambda m: _months_text(m, lang),
            "missing": [(self.title_of(e), k) for e, k in self.common_missing()],
            "warnings": [
                (code, *self.warning_info.get(code, ("", "")), k)
                for code, k in self.common_warnings()
            ],
            "failed": self.failed,
            "marks": MARKS,
            "statuses": STATUSES,
            "not_evaluated": NOT_EVALUATED,
            "phase": lambda p: word(p or "unknown_phase", lang),
            "title_of": self.title_of,
        }


def _mark(row: ProjectRow, element: str) -> str:
    status = row.statuses.get(element)
    return NOT_EVALUATED if status is None else MARKS.get(status, "?")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """Text for a spreadsheet cell: one line, and never read as a formula."""
    clean = _clean(text)
    return "'" + clean if clean.startswith(_FORMULA_START) else clean


# -- running ---------------------------------------------------------------------------------


def build_portfolio(
    engine: Engine,
    paths: Sequence[str | Path],
    *,
    lang: str = "nl",
    date: dt.date | None = None,
    jobs: int = 1,
    on_error: Callable[[AdviesError], object] | None = None,
    progress: Progress | None = None,
) -> Portfolio:
    """Advise on ``paths`` one by one and keep only a row per project.

    Every report is asked in the same ``lang`` so that titles and words agree.

    :param on_error: called with the error of each file that fails (the run goes on).
    :param progress: wraps the outcomes, e.g. in a progress bar: ``progress(outcomes, count)``
        returns a context manager that gives the outcomes back.
    """
    portfolio = Portfolio(lang=lang)
    outcomes = advise_paths(engine, paths, lang=lang, date=date, jobs=jobs)
    wrapped = progress(outcomes, len(paths)) if progress else contextlib.nullcontext(outcomes)
    with wrapped as items:
        for outcome in items:
            portfolio.add(outcome)
            if outcome.error is not None and on_error is not None:
                on_error(outcome.error)
    return portfolio


def run_portfolio(
    engine: Engine,
    paths: Iterable[str | os.PathLike[str]],
    *,
    fmt: str = "text",
    csv_dialect: str = "default",
    output: str | os.PathLike[str] | None = None,
    lang: str = "nl",
    date: dt.date | None = None,
    jobs: int | None = None,
    on_error: Callable[[AdviesError], object] | None = None,
    progress: Progress | None = None,
) -> int:
    """What ``advies portfolio`` does: build, render, write; return the exit code.

    :param jobs: worker processes (default: as ``advies run``, all cores from 100 files on).
    :raises UsageError: a path does not exist, or the output cannot be written.
    """
    import click

    if fmt not in FORMATS:
        raise UsageError(
            t(
                "unknown format {f!r}; known formats: {k}",
                "onbekend formaat {f!r}; bekende formaten: {k}",
                f=fmt,
                k=", ".join(FORMATS),
            )
        )
    files = collect_paths(paths)
    portfolio = build_portfolio(
        engine,
        files,
        lang=lang,
        date=date,
        jobs=jobs if jobs is not None else default_jobs(len(files)),
        on_error=on_error,
        progress=progress,
    )
    text = portfolio.render(fmt, csv_dialect=csv_dialect)
    if output is not None:
        atomic_write(output, text)
    elif fmt == "text":
        click.echo(text, nl=False)
    else:  # bytes, so the byte order mark and every character arrive as UTF-8
        click.echo(text.encode("utf-8"), nl=False)
    return portfolio.exit_code
