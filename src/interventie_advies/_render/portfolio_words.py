"""The words and short texts of the portfolio's renderers, in Dutch and English."""

from __future__ import annotations

from .._labels import word
from .._prioritise import WEIGHTS
from ._safe import terminal_safe

__all__ = [
    "MARKS",
    "NOT_EVALUATED",
    "STATUSES",
    "TOP",
    "URGENT_MONTHS",
    "clean",
    "count_word",
    "cut",
    "months_text",
    "w",
]

#: funding ends within this many months: sustainability warnings make a project urgent
URGENT_MONTHS = WEIGHTS.urgent_months
STATUSES = ("covered", "partial", "missing", "unknown")
#: short marks of the text matrix (the legend explains them)
MARKS = {"covered": "+", "partial": "~", "missing": "-", "unknown": "?"}
NOT_EVALUATED = "·"
TOP = 10  # lines of the "most common" lists in text

WORDS: dict[str, tuple[str, str]] = {
    "title": ("Portfolio", "Portfolio"),
    "projects_1": ("project", "project"),
    "projects_n": ("projecten", "projects"),
    "failed": ("niet gelezen", "could not be read"),
    "urgent": ("urgent", "urgent"),
    "matrix": ("Elementen per project", "Elements per project"),
    "project": ("project", "project"),
    "legend": ("Legenda", "Legend"),
    "not_evaluated": ("niet beoordeeld", "not evaluated"),
    "urgent_mark": (
        "waarschuwing over verduurzaming en de financiering stopt binnen {m} maanden",
        "a sustainability warning and funding ends within {m} months",
    ),
    "elements_n": ("elementen", "elements"),
    "common_missing": ("Elementen die het vaakst ontbreken", "Elements most often missing"),
    "common_warnings": ("Waarschuwingen die het vaakst voorkomen", "Most common warnings"),
    "urgent_heading": (
        "Eerst aandacht: verduurzaming, en de financiering stopt binnen {m} maanden",
        "First attention: sustainability, and funding ends within {m} months",
    ),
    "per_project": ("Per project", "Per project"),
    "errors": ("Bestanden die niet gelezen konden worden", "Files that could not be read"),
    "of_n": ("{k} van {n}", "{k} of {n}"),
    "projects_col": ("projecten", "projects"),
    "file": ("bestand", "file"),
    "name": ("naam", "name"),
    "code": ("code", "code"),
    "months_left": ("maanden over", "months left"),
    "sus_codes": ("waarschuwingen verduurzaming", "sustainability warnings"),
    "high_n": ("hoge prioriteit", "high priority"),
    "completeness_pct": ("beschreven (%)", "described (%)"),
    "error": ("fout", "error"),
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    "more": ("… en nog {n}", "… and {n} more"),
    "months_1": ("nog 1 maand", "1 month left"),
    "months_n": ("nog {n} maanden", "{n} months left"),
    "months_0": ("minder dan een maand", "less than a month left"),
    "months_ended": ("financiering gestopt", "funding has ended"),
    "months_unknown": ("binnen {m} maanden", "within {m} months"),
    "short_cols": ("aanb waarsch vragen sterk hoog beschr", "recs warn quest str high descr"),
    "short_key": (
        "aanb = aanbevelingen, waarsch = waarschuwingen, sterk = sterke punten, "
        "hoog = advies met hoge prioriteit, beschr = beschreven gegevens",
        "recs = recommendations, warn = warnings, quest = questions, str = strengths, "
        "high = high-priority advice, descr = facts described",
    ),
    "made_with": ("Gemaakt met", "Made with"),
    "no_missing": ("Geen project mist een element.", "No project misses an element."),
    "no_warnings": ("Geen waarschuwingen.", "No warnings."),
    "no_urgent": ("Geen urgente projecten.", "No urgent projects."),
    "no_projects": ("Geen projecten.", "No projects."),
    "contents": ("Inhoud", "Contents"),
    "element": ("element", "element"),
    "warning_title": ("waarschuwing", "warning"),
    "status_col": ("status", "status"),
}


def w(key: str, lang: str, **params: object) -> str:
    """The portfolio's word ``key`` in ``lang`` (else the renderers' word), filled in."""
    pair = WORDS.get(key)
    text = (pair[0] if lang == "nl" else pair[1]) if pair is not None else word(key, lang)
    return text.format(**params) if params else text


def count_word(n: int, lang: str) -> str:
    """``n project(s)`` in ``lang``."""
    return f"{n} {w('projects_1' if n == 1 else 'projects_n', lang)}"


def months_text(months: int | None, lang: str) -> str:
    """How much funding is left, in words."""
    if months is None:
        return w("months_unknown", lang, m=URGENT_MONTHS)
    if months < 0:
        return w("months_ended", lang)
    if months == 0:
        return w("months_0", lang)
    if months == 1:
        return w("months_1", lang)
    return w("months_n", lang, n=months)


def clean(text: str) -> str:
    """One line of plain text: no escape sequences or control characters, no line breaks."""
    return " ".join(terminal_safe(text).split())


def cut(text: str, width: int, *, keep_end: bool = False) -> str:
    """``text`` shortened to ``width`` with an ellipsis (at the start with ``keep_end``)."""
    if len(text) <= width:
        return text
    if keep_end:
        return "…" + text[-(width - 1) :]
    return text[: width - 1].rstrip() + "…"
