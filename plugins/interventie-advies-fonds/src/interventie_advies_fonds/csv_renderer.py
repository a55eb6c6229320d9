"""The ``csv`` output format: one row per finding, strength and question.

For funds that review many projects in a spreadsheet: ``advies run plan.toml --format csv``
or ``Report.render("csv")``. The columns are fixed (see :data:`COLUMNS`); values are the
report's own (codes, element ids and kinds in English, titles in the report's language).
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interventie_advies import Report

__all__ = ["COLUMNS", "render_csv"]

#: the header row, in order
COLUMNS = ("project", "code", "element", "kind", "priority", "score", "title", "plugin")

# Characters that make a spreadsheet read a cell as a formula (CSV injection): a project
# name such as '=HYPERLINK(...)' comes from a file someone else wrote.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value: object) -> str:
    """A text cell; a leading ``'`` keeps spreadsheets from running it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def render_csv(report: Report) -> str:
    """Render ``report`` as CSV text with a header row.

    Rows: the findings in the report's order (ranked), then the strengths, then the
    questions (``kind`` tells them apart). Strengths have no priority or score; questions
    have their rule's priority and no score or plugin, and their ``title`` is the question.
    Quoting is the csv module's (minimal: only cells with a comma, quote or line break are
    quoted). The same report always gives the same text.
    """
    buffer = io.StringIO()
    # NOTE: "\n", not csv's default "\r\n": the text may pass through a text-mode stream
    # (click.echo on Windows) that would turn "\r\n" into "\r\r\n"; every CSV reader reads "\n".
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    project = report.project.get("name")
    for f in report.findings:
        writer.writerow(
            [
                _text(project),
                _text(f.code),
                _text(f.element),
                _text(f.kind),
                _text(f.priority),
                repr(float(f.score)),  # a number: never a formula, never locale-dependent
                _text(f.title),
                _text(f.plugin),
            ]
        )
    for s in report.strengths:
        writer.writerow(
            [
                _text(project),
                _text(s.code),
                _text(s.element),
                "strength",
                "",
                "",
                _text(s.title),
                _text(s.plugin),
            ]
        )
    for q in report.questions:
        writer.writerow(
            [
                _text(project),
                _text(q.code),
                _text(q.element),
                "question",
                _text(q.priority),
                "",
                _text(q.question),
                "",
            ]
        )
    return buffer.getvalue()
