"""The portfolio as CSV: one row per project (and per failed file), for spreadsheets."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from ..messages import word
from ._portfolio_words import clean, w

if TYPE_CHECKING:
    from ._portfolio import Portfolio

__all__ = ["CSV_DIALECTS", "csv_header", "render_portfolio_csv"]

CSV_DIALECTS = ("default", "nl")


def csv_header(folio: Portfolio) -> list[str]:
    """The CSV header row, in the portfolio's language."""
    lang = folio.lang
    return [
        w("file", lang),
        w("name", lang),
        word("phase", lang),
        *(folio.title_of(e) for e in folio.elements),
        word("recommendations_n", lang),
        word("warnings_n", lang),
        word("questions_n", lang),
        word("strengths_n", lang),
        w("high_n", lang),
        w("completeness_pct", lang),
        w("urgent", lang),
        w("months_left", lang),
        w("sus_codes", lang),
        w("error", lang),
    ]


def render_portfolio_csv(folio: Portfolio, dialect: str = "default") -> str:
    """One row per project (then one per failed file), with a header row.

    ``nl``: semicolons and a UTF-8 byte order mark, which Excel with Dutch settings
    opens in columns; ``default``: commas and no byte order mark.
    """
    if dialect not in CSV_DIALECTS:
        raise ValueError(f"unknown CSV dialect {dialect!r}; known: {', '.join(CSV_DIALECTS)}")
    lang = folio.lang
    elements = folio.elements
    buffer = io.StringIO()
    if dialect == "nl":
        buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";" if dialect == "nl" else ",")
    writer.writerow(csv_header(folio))
    yes, no = w("yes", lang), w("no", lang)
    for r in folio.ordered():
        statuses = [r.assessment(e) for e in elements]
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
    for f in folio.failed:
        writer.writerow([_cell(f.file), "", *blanks, _cell(f.error)])
    return buffer.getvalue()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """Text for a spreadsheet cell: one line, and never read as a formula."""
    one_line = clean(text)
    return "'" + one_line if one_line.startswith(_FORMULA_START) else one_line
