"""The words and short texts of the portfolio's renderers, in Dutch and English."""

from __future__ import annotations

from ..messages import table as message_table
from ..messages import word
from ..project._facts import URGENT_MONTHS
from ._safe import terminal_safe

__all__ = [
    "MARKS",
    "NOT_EVALUATED",
    "TOP",
    "URGENT_MONTHS",
    "clean",
    "count_word",
    "cut",
    "months_text",
    "w",
]

#: short marks of the text matrix (the legend explains them)
MARKS = {
    "in_order": "+",
    "in_order_with_attention": "±",
    "weak": "~",
    "missing": "-",
    "not_described": "?",
}
NOT_EVALUATED = "·"
TOP = 10  # lines of the "most common" lists in text

WORDS = message_table("portfolio")


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
