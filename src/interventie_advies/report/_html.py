"""HTML report: one self-contained, printable page (Jinja2 with autoescaping, no JavaScript).

Jinja2 is imported only when a report is rendered as HTML, so ``import interventie_advies``
stays cheap. Every text from the project file, the rules or a plugin goes through Jinja2's
autoescaping; control, bidi and invisible characters are written out first,
which autoescaping alone does not do.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..messages import table, word
from ..project._enums import PRIORITY_RANK
from ._effects import effect_sentence, said_effects
from ._safe import terminal_safe
from ._text import covered, groups, listed

if TYPE_CHECKING:
    from jinja2 import Environment

    from ._items import Item
    from ._values import ElementStatus, Finding, ReportData

__all__ = ["jinja_environment", "render_html"]

TEMPLATES = Path(__file__).resolve().parent / "templates"

#: words only the HTML report needs (the shared ones are the namespace "word")
_WORDS = table("html")

#: a card with more characters of text than this fills about a quarter of a printed A4
#: page or more; it may break across pages, so that keeping it whole leaves no page a
#: quarter empty or worse (a shorter card is kept whole)
_LONG_CARD = 600
_METER_W = 60  # width of the small "described" measure in the element overview


def _w(key: str, lang: str) -> str:
    pair = _WORDS.get(key)
    if pair is not None:
        return pair[0] if lang == "nl" else pair[1]
    return word(key, lang)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _clean(value: Any) -> Any:
    """Jinja2 ``finalize``: write out control, bidi and invisible characters of plain text."""
    from markupsafe import Markup

    if isinstance(value, str) and not isinstance(value, Markup):
        return terminal_safe(value)
    return value


@functools.lru_cache(maxsize=1)
def jinja_environment() -> Environment:
    """The Jinja2 environment of the HTML pages (report, portfolio): autoescaping, strict."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(
            enabled_extensions=("html", "j2", "svg"), default_for_string=True, default=True
        ),
        undefined=StrictUndefined,
        finalize=_clean,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["cap"] = _cap
    env.globals["priority_rank"] = PRIORITY_RANK
    return env


@functools.lru_cache(maxsize=1)
def _css() -> str:
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    if "</" in css:  # pragma: no cover - a guard for whoever edits the stylesheet
        raise ValueError("report.css must not contain '</'")
    return css


# -- sources ---------------------------------------------------------------------------------

_URL = re.compile(r"https?://[^\s<>\"'`]+")


def split_sources(text: str) -> list[str]:
    """One rule's source text split into single sources at ``;`` outside brackets."""
    parts: list[str] = []
    depth = start = 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == ";" and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [" ".join(p.split()) for p in parts if p.strip()]


@dataclass(frozen=True)
class _Piece:
    text: str
    url: bool


def _pieces(source: str) -> list[_Piece]:
    """Plain text and web addresses (only http and https become links)."""
    pieces: list[_Piece] = []
    pos = 0
    for match in _URL.finditer(source):
        url = match.group().rstrip(".,;:)]")
        end = match.start() + len(url)
        if match.start() > pos:
            pieces.append(_Piece(source[pos : match.start()], False))
        pieces.append(_Piece(url, True))
        pos = end
    if pos < len(source):
        pieces.append(_Piece(source[pos:], False))
    return pieces


# -- view model ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Card:
    number: int
    finding: Item | Finding
    element: str
    sources: tuple[int, ...]
    #: the codes the item covers when it covers more than its own
    codes: tuple[str, ...] = ()
    #: long enough to break across printed pages (short cards are kept whole)
    long: bool = False


@dataclass(frozen=True)
class _Row:
    """One row of the element overview: the assessment and, apart from it, how much is known."""

    status: ElementStatus
    #: width of the filled part of the "described" measure (never coloured by the status)
    filled: float


def _rows(elements: tuple[ElementStatus, ...]) -> list[_Row]:
    return [
        _Row(e, round(_METER_W * e.described / e.needed, 1) if e.needed else 0.0) for e in elements
    ]


def _is_long(f: Item | Finding) -> bool:
    texts = (f.message, f.why, *f.actions, *f.reasons)
    return sum(len(t) for t in texts) > _LONG_CARD


def _context(report: ReportData) -> dict[str, Any]:
    lang = report.language

    def w(key: str) -> str:
        return _w(key, lang)

    titles = {e.element: e.title for e in report.elements}
    sources: dict[str, int] = {}
    by_code = {f.code: f for f in report.findings}
    number = 0
    grouped = []
    for key, group in groups(listed(report)):
        cards = []
        for f in group:
            number += 1
            refs = []
            codes = covered(f)
            # an item cites the sources of every finding it covers, the leading one first
            texts = [by_code[c].source for c in codes if c in by_code] or [f.source]
            for src in (one for text in texts for one in split_sources(text or "")):
                if (ref := sources.setdefault(src, len(sources) + 1)) not in refs:
                    refs.append(ref)
            element = titles.get(f.element, f.element)
            cards.append(
                _Card(
                    number,
                    f,
                    element,
                    tuple(refs),
                    codes if len(codes) > 1 else (),
                    _is_long(f),
                )
            )
        grouped.append((key, cards))

    questions = [
        (q, ", ".join(titles.get(e, e) for e in q.elements or (q.element,)))
        for q in report.questions
    ]

    summary = report.summary
    counts = [
        (summary[key], word(f"{key}_1" if summary[key] == 1 else f"{key}_n", lang))
        for key in ("recommendations", "warnings", "questions", "strengths")
    ]
    completeness = report.completeness
    plugins = ", ".join(
        f"{p.get('name', '')} {p.get('version', '')}".strip()
        for p in report.tool.get("plugins", ())
    )
    return {
        "r": report,
        "lang": lang,
        "w": w,
        "project": report.project,
        "phase": w(report.project.get("phase") or "unknown_phase"),
        "counts": counts,
        "by_priority": [(n, w(p)) for p, n in summary["by_priority"].items()],
        "completeness": completeness,
        "completeness_text": w("completeness").format(
            d=completeness["described"], n=completeness["needed"], p=completeness["percent"]
        ),
        "groups": grouped,
        "titles": titles,
        "top": next((cards for key, cards in grouped if key == "top"), []),
        "rows": _rows(report.elements),
        "meter_w": _METER_W,
        "assessments": {e.element: e.assessment for e in report.elements},
        "effects": [
            (e, effect_sentence(e, report.elements, lang)) for e in said_effects(report.effects)
        ],
        "questions": questions,
        "sources": [(n, _pieces(text)) for text, n in sources.items()],
        "plugins": plugins,
        "css": _markup(_css()),
    }


def _markup(text: str) -> Any:
    from markupsafe import Markup

    return Markup(text)  # our own stylesheet, never text from a project or plugin


def render_html(report: ReportData) -> str:
    """Render ``report`` as one self-contained HTML page (inline CSS and SVG, no scripts)."""
    template = jinja_environment().get_template("report.html.j2")
    return template.render(_context(report))
