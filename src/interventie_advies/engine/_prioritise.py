"""Band and score findings; pure and deterministic (docs/prioritisation.md).

A finding's band is its rule's priority (or the one an adjustment set), raised at most one
band above the rule's own priority by the project's context. Its score orders it within
the band: ``score = base × phase × need × time × short project × effort``, where base is
the rule's own priority; each factor is shown in ``score_factors``. ``_bands`` keeps high
scarce and orders the findings; a plugin may replace the order (``advies_prioritise``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..messages import table, word
from ..messages._i18n import LANGUAGES
from ..project._enums import PRIORITIES, PRIORITY_RANK
from ..project._facts import URGENT_MONTHS

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

__all__ = [
    "WEIGHTS",
    "Weights",
    "adjusted_factor",
    "capped",
    "order",
    "raise_band",
    "raises",
    "rank",
    "rank_context",
    "rule_context",
    "score",
]


@dataclass(frozen=True)
class Weights:
    """The weights of the built-in prioritiser (expert judgement; see docs/prioritisation.md)."""

    base: tuple[tuple[str, float], ...] = (("high", 3.0), ("medium", 2.0), ("low", 1.0))
    phase: float = 1.5  # the project is in a phase where this advice matters most
    need: float = 1.25  # the advice serves a need residents stated
    time_3: float = 1.5  # a warning while funding ends within 3 months
    time_6: float = 1.25  # a warning while funding ends within 6 months
    short_months: int = 12  # funded for fewer months: sustainability items go up one band
    short_project: float = 1.25  # ... and weigh more within it
    urgent_months: int = URGENT_MONTHS  # funding ends within this many months: warnings up
    high_share: int = 3  # at most one in this many findings is high ...
    high_most: int = 8  # ... and never more than this many
    effort: tuple[tuple[str, float], ...] = (("low", 1.1), ("medium", 1.0), ("high", 0.9))

    def base_of(self, priority: str) -> float:
        """The base score of a priority."""
        return _table(self.base)[priority]


WEIGHTS = Weights()

_TEXT = table("score")
_PRIORITY_WORD = {lang: {p: word(p, lang) for p in PRIORITIES} for lang in LANGUAGES}
_EFFORT_WORD = {
    lang: {e: entry.pick(lang) for e, entry in table("effort").items()} for lang in ("nl", "en")
}


@functools.lru_cache(maxsize=4096)  # a few hundred distinct texts; formatting floats is slow
def _say(key: str, lang: str, **values: Any) -> str:
    nl, en = _TEXT[key]
    return (nl if lang == "nl" else en).format(**values)


def score(
    *,
    priority: str,
    kind: str,
    element: str,
    phases: Collection[str],
    serves_needs: Collection[str],
    effort: str | None,
    phase: str | None,
    needs: Collection[str],
    months_left: int | None,
    funding_months: int | None,
    lang: str = "nl",
    weights: Weights = WEIGHTS,
) -> tuple[float, tuple[str, ...]]:
    """Score one finding; return the score and the explained factors."""
    value = weights.base_of(priority)
    factors = [_say("base", lang, p=_PRIORITY_WORD[lang][priority], v=value)]
    if phase is not None and phase in phases:
        value *= weights.phase
        factors.append(_say("phase", lang, v=weights.phase, x=word(phase, lang)))
    served = sorted(set(serves_needs).intersection(needs)) if serves_needs and needs else ()
    if served:
        value *= weights.need
        factors.append(
            _say("need", lang, v=weights.need, x=", ".join(word(n, lang) for n in served))
        )
    if kind == "warning" and months_left is not None:
        if months_left <= 3:
            value *= weights.time_3
            factors.append(_say("time_3", lang, v=weights.time_3))
        elif months_left <= 6:
            value *= weights.time_6
            factors.append(_say("time_6", lang, v=weights.time_6))
    if _sustainability(kind, element) and _short(funding_months, weights):
        value *= weights.short_project
        factors.append(_say("short_x", lang, v=weights.short_project, m=weights.short_months))
    if effort is not None:
        factor = _table(weights.effort)[effort]
        if factor != 1.0:
            value *= factor
            factors.append(_say("effort", lang, v=factor, x=_EFFORT_WORD[lang][effort]))
    return round(value, 4), tuple(factors)


_UP = {"low": "medium", "medium": "high", "high": "high"}


@functools.lru_cache(maxsize=64)
def _table(pairs: tuple[tuple[str, float], ...]) -> dict[str, float]:
    return dict(pairs)


def _sustainability(kind: str, element: str) -> bool:
    """Warnings are risks to what the project keeps; so is everything about sustainability."""
    return kind == "warning" or element == "sustainability"


def _short(funding_months: int | None, weights: Weights) -> bool:
    return funding_months is not None and funding_months < weights.short_months


def capped(priority: str, base: str) -> str:
    """``priority``, but at most one band above the rule's own priority ``base``."""
    ceiling = _UP[base]
    return ceiling if PRIORITY_RANK[priority] > PRIORITY_RANK[ceiling] else priority


def raises(
    priority: str,
    *,
    base: str,
    kind: str,
    element: str,
    months_left: int | None,
    funding_months: int | None,
    weights: Weights = WEIGHTS,
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The band the project's context gives, and each raise: (``short``/``urgent``, band).

    Each context raises one band: warnings and sustainability items in a project funded
    for fewer than ``short_months``; warnings while funding ends within
    ``urgent_months``. Together they never lift a finding more than one band above its
    rule's own priority ``base`` (an adjustment's raise counts too), nor more than one
    band above ``priority``: a rule an adjustment lowered from high to low (a one-off
    event, say) does not climb back to high on the context alone.
    """
    ceiling = min(PRIORITY_RANK[_UP[base]], PRIORITY_RANK[_UP[priority]])
    raised: list[tuple[str, str]] = []
    short = _sustainability(kind, element) and _short(funding_months, weights)
    if short and PRIORITY_RANK[priority] < ceiling:
        priority = _UP[priority]
        raised.append(("short", priority))
    urgent = months_left is not None and months_left <= weights.urgent_months
    if kind == "warning" and urgent and PRIORITY_RANK[priority] < ceiling:
        priority = _UP[priority]
        raised.append(("urgent", priority))
    return priority, tuple(raised)


def raise_band(
    priority: str,
    *,
    base: str | None = None,
    kind: str,
    element: str,
    months_left: int | None,
    funding_months: int | None,
    lang: str = "nl",
    weights: Weights = WEIGHTS,
) -> tuple[str, tuple[str, ...]]:
    """Raise the band by the project's context (see :func:`raises`), with the reasons.

    Returns the priority and the reasons (empty when unchanged).
    """
    priority, raised = raises(
        priority,
        base=base or priority,
        kind=kind,
        element=element,
        months_left=months_left,
        funding_months=funding_months,
        weights=weights,
    )
    months = {"short": weights.short_months, "urgent": weights.urgent_months}
    return priority, tuple(
        _say(key, lang, p=_PRIORITY_WORD[lang][band], m=months[key]) for key, band in raised
    )


def rank(
    priority: str,
    *,
    base: str | None = None,
    kind: str,
    element: str,
    phases: Collection[str],
    serves_needs: Collection[str],
    effort: str | None,
    phase: str | None,
    needs: Collection[str],
    months_left: int | None,
    funding_months: int | None,
    lang: str = "nl",
    weights: Weights = WEIGHTS,
) -> tuple[str, float, tuple[str, ...]]:
    """Raise the band where needed, then score: the final priority, score and factors.

    :param priority: the rule's priority, or the one an adjustment set.
    :param base: the rule's own priority (``priority`` when not given): the score's base,
        and the band a context may raise a finding at most one above.
    """
    base = base or priority
    band, raised = raise_band(
        priority,
        base=base,
        kind=kind,
        element=element,
        months_left=months_left,
        funding_months=funding_months,
        lang=lang,
        weights=weights,
    )
    value, factors = score(
        priority=base,
        kind=kind,
        element=element,
        phases=phases,
        serves_needs=serves_needs,
        effort=effort,
        phase=phase,
        needs=needs,
        months_left=months_left,
        funding_months=funding_months,
        lang=lang,
        weights=weights,
    )
    return band, value, (*raised, *factors)


#: months_left values the prioritiser compares with (score's 3 and 6, the urgent band)
_MONTHS = tuple(sorted({3, 6, WEIGHTS.urgent_months}))


def rank_context(
    phase: str | None,
    needs: Collection[str],
    months_left: int | None,
    funding_months: int | None,
    weights: Weights = WEIGHTS,
) -> tuple[str | None, tuple[str, ...], int | None, int | None]:
    """The project's side of :func:`rank`, reduced to what the ranking can tell apart.

    ``rank`` only compares ``months_left`` with a few thresholds and asks whether
    ``funding_months`` is short, so projects with the same phase, needs and bands get the
    same ranking for a rule: this lets the engine cache rankings across projects. Ranking
    with the reduced values gives exactly the result of ranking with the real ones.
    """
    band = None
    if months_left is not None:
        band = next((limit for limit in _MONTHS if months_left <= limit), None)
    short = 0 if _short(funding_months, weights) else None
    return phase, tuple(sorted(set(needs))), band, short


def rule_context(
    phases: Collection[str],
    serves_needs: Collection[str],
    context: tuple[str | None, tuple[str, ...], int | None, int | None],
) -> tuple[str | None, tuple[str, ...], int | None, int | None]:
    """:func:`rank_context` reduced further to what one rule's ranking reads of it.

    The phase only counts when the rule is meant for it, the needs only where the rule
    serves them.
    """
    phase, needs, band, short = context
    hit = phase if phase is not None and phase in phases else None
    served = tuple(sorted(set(serves_needs).intersection(needs))) if serves_needs and needs else ()
    return hit, served, band, short


def adjusted_factor(priority: str, reason: str, lang: str) -> str:
    """The explanation of a priority set by one of the rule's adjustments."""
    return _say("adjust", lang, p=_PRIORITY_WORD[lang][priority], x=reason)


def order(findings: Sequence[Any]) -> list[Any]:
    """Order findings: band (high first), then score descending, then code."""
    return sorted(findings, key=lambda f: (-PRIORITY_RANK.get(f.priority, 0), -f.score, f.code))
