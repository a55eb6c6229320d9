"""Element assessments and what the project can contribute to each liveability effect.

An element's *assessment* weighs three things (docs/report.md, "Element assessment"):
the strengths that fired, the findings by priority band, and how much of what the
element's rules read the file describes. The effects follow from the assessments of the
elements behind them, with the research's caution: a project *can contribute to* an
effect; nothing is predicted, and nothing is said when too little is known.
"""

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

__all__ = [
    "CONTRIBUTIONS",
    "KNOWN_ENOUGH",
    "LEVELS",
    "assess",
    "effect_profile",
    "element_layout",
    "element_statuses",
]

#: each assessment as the four statuses of schema_version 1 (``elements[].status``)
V1_STATUS = {
    "in_order": "covered",
    "in_order_with_attention": "covered",
    "weak": "partial",
    "missing": "missing",
    "not_described": "unknown",
}
#: an element on which no rule fired is judged only when at least this share of the
#: facts its rules read is described; below it the silence says more about the file
KNOWN_ENOUGH = 0.5
#: what the project can contribute to an effect (JSON ``effects[].contribution``)
CONTRIBUTIONS = ("can_contribute", "can_contribute_if", "little_yet", "unknown")
#: each contribution as the four levels of schema_version 1 (``effects[].level``)
V1_LEVEL = {
    "can_contribute": "strong",
    "can_contribute_if": "moderate",
    "little_yet": "weak",
    "unknown": "unknown",
}
LEVELS = ("strong", "moderate", "weak", "unknown")
_IN_ORDER = frozenset({"in_order", "in_order_with_attention"})


def element_layout(rules: Sequence[Rule], lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """Element titles in report order (elements.md, then plugins' own) and each rule's element.

    The same for every project of an engine, so the engine keeps it.
    """
    titles = {e.id: e.title(lang) for e in ELEMENTS}
    for extra in sorted({r.element for r in rules} - set(titles)):
        titles[extra] = extra
    return titles, {r.code: r.element for r in rules}


def assess(
    strengths: int,
    high: Sequence[str],
    medium: int,
    low: int,
    described: int,
    needed: int,
) -> str:
    """The assessment of one element.

    :param strengths: how many of its strengths fired.
    :param high: the kind of each high finding: ``recommendation`` for a recommendation
        whose own rule priority is high, else ``warning`` or ``raised`` (a medium or low
        recommendation that the project's context lifted).
    :param medium: how many medium findings; ``low``: how many low ones.
    :param described: of the ``needed`` facts its rules read, how many the file gives.

    A *serious* gap is a high recommendation or two or more high findings: the element's
    core is not there. One high warning is a risk to something that is there; so is one
    raised recommendation: the context makes it urgent, not the element's core.
    """
    serious = "recommendation" in high or len(high) >= 2
    if strengths:
        if serious:
            return "weak"
        return "in_order_with_attention" if high or medium or low else "in_order"
    if serious:
        return "missing"
    if high or medium:
        return "weak"
    if low:
        return "in_order_with_attention"
    # NOTE: nothing fired. With most facts known the checks passed; with few known the
    # rules could not look, and "in order" would praise an empty file.
    if needed and described >= KNOWN_ENOUGH * needed:
        return "in_order"
    return "not_described"


def element_statuses(
    findings: Sequence[Finding],
    questions: Sequence[Question],
    strengths: Sequence[Strength],
    layout: tuple[Mapping[str, str], Mapping[str, str]],
    described: Mapping[str, tuple[int, int]] | None = None,
) -> tuple[ElementStatus, ...]:
    """Assessment and status per element, in the order of elements.md, then plugins' own.

    ``layout`` comes from :func:`element_layout`. ``described`` maps each element to how
    many of the fields its (applying) rules read the file describes, and how many they
    read: the element's completeness. ``status`` is the assessment in the four values
    of schema_version 1 (:data:`V1_STATUS`).
    """
    described = described or {}
    titles, element_of = layout
    # NOTE: a merged question (one per absent table) is open for every element whose
    # rules wait for it, not only for the element it is shown under.
    asked_by: dict[str, int] = {}
    for q in questions:
        # NOTE: the engine's questions list exactly these in ``elements``, once each
        elements = q.elements or {q.element, *(element_of.get(c, q.element) for c in q.codes)}
        for element in elements:
            asked_by[element] = asked_by.get(element, 0) + 1
    found: dict[str, int] = {}
    high: dict[str, list[str]] = {}
    medium: dict[str, int] = {}
    low: dict[str, int] = {}
    for f in findings:
        found[f.element] = found.get(f.element, 0) + 1
        if f.priority == "high":
            raised = f.kind == "recommendation" and f.base_priority != "high"
            high.setdefault(f.element, []).append("raised" if raised else f.kind)
        elif f.priority == "medium":
            medium[f.element] = medium.get(f.element, 0) + 1
        else:
            low[f.element] = low.get(f.element, 0) + 1
    strong_by: dict[str, int] = {}
    for s in strengths:
        strong_by[s.element] = strong_by.get(s.element, 0) + 1
    out = []
    for element, title in titles.items():
        strong = strong_by.get(element, 0)
        known, needed = described.get(element, (0, 0))
        counts = (
            element,
            title,
            found.get(element, 0),
            asked_by.get(element, 0),
            strong,
            tuple(high.get(element, ())),
            medium.get(element, 0),
            low.get(element, 0),
            known,
            needed,
        )
        status = _STATUSES.get(counts)
        if status is None:
            if len(_STATUSES) >= 8192:  # many different projects: keep it bounded
                _STATUSES.clear()
            status = _STATUSES[counts] = _status(*counts)
        out.append(status)
    return tuple(out)


# NOTE: an element's status follows from a few small counts, which repeat from project to
# project: each is built once (the values are frozen and hold no dict, so reports share
# them; races at worst build an equal value twice)
_STATUSES: dict[tuple[object, ...], ElementStatus] = {}


def _status(
    element: str,
    title: str,
    found: int,
    asked: int,
    strong: int,
    high: tuple[str, ...],
    medium: int,
    low: int,
    known: int,
    needed: int,
) -> ElementStatus:
    assessment = assess(strong, high, medium, low, known, needed)
    return build(
        ElementStatus,
        {
            "element": element,
            "title": title,
            "status": V1_STATUS[assessment],
            "findings": found,
            "questions": asked,
            "strengths": strong,
            "described": known,
            "needed": needed,
            "assessment": assessment,
        },
    )


def contribution(assessments: Sequence[str]) -> str:
    """What a project can contribute to an effect, from its elements' assessments.

    ``unknown`` (say nothing) unless more than half of the elements are judged (not
    ``not_described``); ``can_contribute`` when every judged element is in order (with
    or without a point of attention); ``can_contribute_if`` when some are; else
    ``little_yet``.
    """
    judged = [a for a in assessments if a != "not_described"]
    if 2 * len(judged) <= len(assessments):
        return "unknown"
    in_order = sum(a in _IN_ORDER for a in judged)
    if in_order == len(judged):
        return "can_contribute"
    return "can_contribute_if" if in_order else "little_yet"


def effect_profile(elements: Sequence[ElementStatus], lang: str) -> tuple[EffectScore, ...]:
    """What the project can contribute to each liveability effect (never a prediction).

    ``elements`` maps each element behind the effect to its status (schema_version 1);
    ``level`` is the contribution in the four levels of version 1 (:data:`V1_LEVEL`).
    """
    by_id = {e.element: e.assessment for e in elements}
    out = []
    for effect in EFFECTS:
        assessments = tuple(by_id.get(e, "not_described") for e in effect.elements)
        title, verdict, statuses, attention = _effect(effect, assessments, lang)
        out.append(
            build(
                EffectScore,
                {
                    "effect": effect.id,
                    "title": title,
                    "level": V1_LEVEL[verdict],
                    "elements": dict(zip(effect.elements, statuses, strict=True)),
                    "contribution": verdict,
                    "attention": attention,
                },
            )
        )
    return tuple(out)


# NOTE: an effect reads a few elements of five assessments each: few combinations, and
# each report gets its own dict of statuses (the values are frozen, a dict is not)
@functools.lru_cache(maxsize=4096)
def _effect(
    effect: Effect, assessments: tuple[str, ...], lang: str
) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    """An effect's title, contribution, element statuses and elements needing attention."""
    verdict = contribution(assessments)
    # an element without a status is not described: "unknown" in schema_version 1
    statuses = tuple(V1_STATUS[a] for a in assessments)
    attention = tuple(
        e
        for e, a in zip(effect.elements, assessments, strict=True)
        if verdict != "unknown" and a in ("weak", "missing")
    )
    return _title(effect, lang), verdict, statuses, attention


@functools.lru_cache(maxsize=64)
def _title(effect: Effect, lang: str) -> str:
    return effect.title(lang)
