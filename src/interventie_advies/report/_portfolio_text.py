"""The portfolio as text for the terminal: a projects × elements matrix with a legend."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from ..messages import word
from ._portfolio_words import (
    MARKS,
    NOT_EVALUATED,
    TOP,
    URGENT_MONTHS,
    clean,
    count_word,
    cut,
    months_text,
    w,
)
from ._values import ASSESSMENTS

if TYPE_CHECKING:
    from ._portfolio import Portfolio, ProjectRow

__all__ = ["render_portfolio_text"]


def render_portfolio_text(folio: Portfolio) -> str:
    """A compact matrix with a legend, the most common gaps, urgent projects, then rows.

    Fits a terminal of 80 to 120 columns; text from project files is made safe first.
    """
    lang = folio.lang
    rows = folio.ordered()
    head = f"{w('title', lang)}: {count_word(len(rows), lang)}"
    if folio.evaluated_on:
        head += f" · {word('evaluated_on', lang)} {folio.evaluated_on}"
    counts = [f"{sum(r.urgent for r in rows)} {w('urgent', lang)}"]
    if folio.failed:
        counts.append(f"{len(folio.failed)} {w('failed', lang)}")
    out = [head, " · ".join(counts), ""]
    out += _matrix(folio, rows)
    out += _common(folio, len(rows))
    out += _urgent(folio, rows)
    out += _rows(folio, rows)
    if folio.failed:
        out += ["", w("errors", lang), *(f"  {clean(f.error)}" for f in folio.failed)]
    return "\n".join(line.rstrip() for line in out) + "\n"


def _matrix(folio: Portfolio, rows: list[ProjectRow]) -> list[str]:
    lang = folio.lang
    elements = folio.elements
    nr_w = len(str(max(len(rows), 1)))
    name_w = min(32, max([len(w("project", lang)), *(len(clean(r.name)) for r in rows)]))
    cols = [str(i) for i in range(1, len(elements) + 1)]
    col_w = max([2, *(len(c) for c in cols)]) + 1
    out = [
        w("matrix", lang),
        f"{'':>{nr_w}}    {w('project', lang).capitalize():<{name_w}} "
        + "".join(f"{c:>{col_w}}" for c in cols),
    ]
    if not rows:
        out.append(f"  {w('no_projects', lang)}")
    for i, r in enumerate(rows, 1):
        marks = "".join(f"{_mark(r, e):>{col_w}}" for e in elements)
        flag = "!" if r.urgent else " "
        out.append(f"{i:>{nr_w}} {flag}  {cut(clean(r.name), name_w):<{name_w}} {marks}")
    legend = "  ".join(f"{MARKS[s]} {word(s, lang)}" for s in ASSESSMENTS)
    legend += f"  {NOT_EVALUATED} {w('not_evaluated', lang)}"
    out += [
        "",
        f"{w('legend', lang)}: {legend}",
        f"  ! {w('urgent', lang)}: {w('urgent_mark', lang, m=URGENT_MONTHS)}",
    ]
    num_w = len(str(len(elements)))
    for i, e in enumerate(elements, 1):
        out.append(f"  {i:>{num_w}}  {cut(clean(folio.title_of(e)), 96)}")
    out.append("")
    return out


def _common(folio: Portfolio, n: int) -> list[str]:
    lang = folio.lang
    out = [w("common_missing", lang)]
    missing = folio.common_missing()
    if not missing:
        out.append(f"  {w('no_missing', lang)}")
    for e, k in missing[:TOP]:
        share = w("of_n", lang, k=k, n=n)
        out.append(f"  {share:>10}  {cut(clean(folio.title_of(e)), 80)}")
    if len(missing) > TOP:
        out.append(f"  {w('more', lang, n=len(missing) - TOP)}")
    out += ["", w("common_warnings", lang)]
    warnings = folio.common_warnings()
    if not warnings:
        out.append(f"  {w('no_warnings', lang)}")
    for code, k in warnings[:TOP]:
        share = w("of_n", lang, k=k, n=n)
        title = folio.warning_info.get(code, ("", ""))[1]
        out.append(f"  {share:>10}  {clean(code):<6} {cut(clean(title), 76)}")
    if len(warnings) > TOP:
        out.append(f"  {w('more', lang, n=len(warnings) - TOP)}")
    out.append("")
    return out


def _urgent(folio: Portfolio, rows: list[ProjectRow]) -> list[str]:
    lang = folio.lang
    nr_w = len(str(max(len(rows), 1)))
    out = [w("urgent_heading", lang, m=URGENT_MONTHS)]
    urgent = [(i, r) for i, r in enumerate(rows, 1) if r.urgent]
    if not urgent:
        out.append(f"  {w('no_urgent', lang)}")
    for i, r in urgent:
        months = months_text(r.months_left, lang)
        out.append(f"  {i:>{nr_w}}  {cut(clean(r.name), 48)} ({months})")
        out.append(f"  {'':>{nr_w}}  {' '.join(r.sustainability_warnings)}")
    out.append("")
    return out


def _rows(folio: Portfolio, rows: list[ProjectRow]) -> list[str]:
    lang = folio.lang
    nr_w = len(str(max(len(rows), 1)))
    short = w("short_cols", lang).split()
    num_w = [max(4, len(s)) for s in short]
    file_w = min(36, max([len(w("file", lang)), *(len(clean(r.file)) for r in rows)]))
    phases = [word(r.phase or "unknown_phase", lang) for r in rows]
    phase_w = max([len(word("phase", lang)), *(len(p) for p in phases)])
    out = [
        w("per_project", lang),
        f"  {'':>{nr_w}}  {w('file', lang):<{file_w}}  {word('phase', lang):<{phase_w}}"
        + "".join(f" {s:>{width}}" for s, width in zip(short, num_w, strict=True)),
    ]
    for i, (r, phase) in enumerate(zip(rows, phases, strict=True), 1):
        values = [r.recommendations, r.warnings, r.questions, r.strengths, r.high]
        cells = [*(str(v) for v in values), f"{r.completeness}%"]
        out.append(
            f"  {i:>{nr_w}}  {cut(clean(r.file), file_w, keep_end=True):<{file_w}}"
            f"  {phase:<{phase_w}}"
            + "".join(f" {c:>{width}}" for c, width in zip(cells, num_w, strict=True))
        )
    out += textwrap.wrap(w("short_key", lang), 96, initial_indent="  ", subsequent_indent="  ")
    return out


def _mark(row: ProjectRow, element: str) -> str:
    assessment = row.assessment(element)
    return NOT_EVALUATED if assessment is None else MARKS.get(assessment, "?")
