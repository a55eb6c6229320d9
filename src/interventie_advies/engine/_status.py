"""Element status and the effect profile, derived from findings, questions and strengths."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..report._values import EffectScore, ElementStatus, build
from ..rulebook._elements import EFFECTS, ELEMENTS

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from ..report._values import Finding, Question, Strength
    from ..rulebook._elements import Effect
    from ..rulebook._rules import Rule

__all__ = ["LEVELS", "effect_profile", "element_layout", "element_statuses"]

_POINTS = {"covered": 2, "partial": 1, "missing": 0}
LEVELS = ("strong", "moderate", "weak", "unknown")


def element_layout(rules: Sequence[Rule], lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """Element titles in report order (elements.md, then plugins' own) and each rule's element.

    The same for every project of an engine, so the engine keeps it.
    """
    titles = {e.id: e.title(lang) for e in ELEMENTS}
    for extra in sorted({r.element for r in rules} - set(titles)):
        titles[extra] = extra
    return titles, {r.code: r.element for r in rules}


def element_statuses(
    findings: Sequence[Finding],
    questions: Sequence[Question],
    strengths: Sequence[Strength],
    layout: tuple[Mapping[str, str], Mapping[str, str]],
    described: Mapping[str, tuple[int, int]] | None = None,
) -> tuple[ElementStatus, ...]:
    """Status per element, in the order of elements.md, then elements plugins add.

    ``missing``: a high-priority recommendation or warning; ``partial``: other findings
    or open questions; ``covered``: none of those and at least one strength; else ``unknown``.
    ``layout`` comes from :func:`element_layout`. ``described`` maps each element to how
    many of the fields its (applying) rules read the file describes, and how many they
    read: the element's completeness.
    """
    described = described or {}
    titles, element_of = layout
    # NOTE: a merged question (one per absent table) is open for every element whose
    # rules wait for it, not only for the element it is shown under.
    asked_by: dict[str, int] = {}
    for q in questions:
        for element in {q.element, *(element_of.get(c, q.element) for c in q.codes)}:
            asked_by[element] = asked_by.get(element, 0) + 1
    found: dict[str, int] = {}
    high: set[str] = set()
    for f in findings:
        found[f.element] = found.get(f.element, 0) + 1
        if f.priority == "high":
            high.add(f.element)
    strong_by: dict[str, int] = {}
    for s in strengths:
        strong_by[s.element] = strong_by.get(s.element, 0) + 1
    out = []
    for element, title in titles.items():
        own = found.get(element, 0)
        asked = asked_by.get(element, 0)
        strong = strong_by.get(element, 0)
        if element in high:
            status = "missing"
        elif own or asked:
            status = "partial"
        elif strong:
            status = "covered"
        else:
            status = "unknown"
        known, needed = described.get(element, (0, 0))
        out.append(
            build(
                ElementStatus,
                {
                    "element": element,
                    "title": title,
                    "status": status,
                    "findings": own,
                    "questions": asked,
                    "strengths": strong,
                    "described": known,
                    "needed": needed,
                },
            )
        )
    return tuple(out)


def effect_profile(elements: Sequence[ElementStatus], lang: str) -> tuple[EffectScore, ...]:
    """How well the elements behind each liveability effect are covered.

    Each element scores covered 2, partial 1, missing 0 (unknown is left out); the mean
    gives ``strong`` (≥ 1.5), ``moderate`` (≥ 0.75) or ``weak``; ``unknown`` when no
    element behind the effect is known yet.
    """
    status = {e.element: e.status for e in elements}
    out = []
    for effect in EFFECTS:
        parts = {e: status.get(e, "unknown") for e in effect.elements}
        points = [_POINTS[s] for s in parts.values() if s in _POINTS]
        if not points:
            level = "unknown"
        else:
            mean = sum(points) / len(points)
            level = "strong" if mean >= 1.5 else "moderate" if mean >= 0.75 else "weak"
        out.append(
            build(
                EffectScore,
                {
                    "effect": effect.id,
                    "title": _title(effect, lang),
                    "level": level,
                    "elements": parts,
                },
            )
        )
    return tuple(out)


@functools.lru_cache(maxsize=64)
def _title(effect: Effect, lang: str) -> str:
    return effect.title(lang)
