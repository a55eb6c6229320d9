"""A finding's rank and plain reasons, composed from parts built once per rule.

The engine keeps a finding's fixed fields per rule and what the finding reads of a project
(``Run.fire``). On a miss, ranking the rule from scratch (:func:`~._prioritise.rank` and
:func:`~._bands.plain_reasons`, some thirty calls with keyword arguments) cost about
57,000 instructions, several times a project. Here the same values come from parts that
depend on the rule alone (built once per rule, adjustment and language) and on one side of
the context alone (the phase, the needs served: cached by those), with the same arithmetic
in the same order. A test checks them against ``rank`` and ``plain_reasons`` for every
built-in rule in many contexts.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, NamedTuple

from ..messages import word
from ..project._enums import PRIORITY_RANK
from ._bands import _adjusted, _money, _plain, _sentence
from ._prioritise import (
    _EFFORT_WORD,
    _PRIORITY_WORD,
    _UP,
    WEIGHTS,
    _say,
    _sustainability,
    adjusted_factor,
    capped,
)

if TYPE_CHECKING:
    from ..report._items import Item
    from ._plan import Planned

__all__ = ["Fixed", "RulePart", "fixed_values", "rule_part"]

_W = WEIGHTS
_MONTHS = {"short": _W.short_months, "urgent": _W.urgent_months}


class RulePart(NamedTuple):
    """What a rule's rank and reasons take from the rule, its adjustment and the language."""

    base: str  # the rule's own priority
    priority: str  # the rule's priority, or the one the adjustment set
    ceiling: int  # the rank no context raise goes above (see ``raises``)
    warning: bool
    sustainability: bool  # a short project raises it (see ``_sustainability``)
    source: str | None
    value: float  # the score's base
    adjusted: tuple[str, ...]  # the adjustment's factor, if one set the priority
    base_factor: str
    effort: float  # the effort's factor (1.0: none shown)
    effort_factor: str
    opening: tuple[str, ...]  # the adjustment's reason as a sentence, if one applies
    quick: tuple[str, ...]  # the low-effort reason, if the rule's effort is low
    base_reason: str  # the reason when no other applies


def rule_part(p: Planned, adjustment: int | None, lang: str) -> RulePart:
    """The parts of ``p``'s rank and reasons that do not depend on the project."""
    kind, element, _, _, effort = p.ranking
    reason = None
    base = priority = p.priority or "low"
    if adjustment is not None:
        step = p.adjust[adjustment]
        assert step.priority is not None and step.reason is not None  # see _evaluate
        # NOTE: an adjustment, too, lifts a rule at most one band (docs/prioritisation.md)
        priority, reason = capped(step.priority, base), step.reason.get(lang)
    value = dict(_W.base)[base]
    factor = dict(_W.effort)[effort] if effort is not None else 1.0
    return RulePart(
        base=base,
        priority=priority,
        ceiling=min(PRIORITY_RANK[_UP[base]], PRIORITY_RANK[_UP[priority]]),
        warning=kind == "warning",
        sustainability=_sustainability(kind, element),
        source=p.sources[lang],
        value=value,
        adjusted=(adjusted_factor(priority, reason, lang),) if reason else (),
        base_factor=_say("base", lang, p=_PRIORITY_WORD[lang][base], v=value),
        effort=factor,
        effort_factor=(
            _say("effort", lang, v=factor, x=_EFFORT_WORD[lang][effort])
            if effort is not None and factor != 1.0
            else ""
        ),
        opening=(_adjusted(reason),) if reason else (),
        quick=(_plain("quick", lang),) if effort == "low" else (),
        base_reason=_plain(f"base_{base}", lang),
    )


def _raised(part: RulePart, months_left: int | None, short: bool) -> tuple[str, list[str]]:
    """The band the context gives and the raises (``short``, ``urgent``), as ``raises``."""
    priority = part.priority
    raised: list[str] = []
    if short and PRIORITY_RANK[priority] < part.ceiling:
        priority = _UP[priority]
        raised.append("short")
    urgent = months_left is not None and months_left <= _W.urgent_months
    if part.warning and urgent and PRIORITY_RANK[priority] < part.ceiling:
        raised.append("urgent")
        return _UP[priority], raised
    return priority, raised


@functools.lru_cache(maxsize=256)
def _phase_texts(phase: str, lang: str) -> tuple[str, str]:
    """The score factor and the reason of a rule meant for the project's phase."""
    x = word(phase, lang)
    return _say("phase", lang, v=_W.phase, x=x), _plain("phase", lang, x=x)


@functools.lru_cache(maxsize=1024)
def _need_texts(served: tuple[str, ...], lang: str) -> tuple[str, str]:
    """The score factor and the reason of a rule serving residents' needs."""
    x = ", ".join(word(n, lang) for n in served)
    return _say("need", lang, v=_W.need, x=x), _plain("need", lang, x=x)


def fixed_values(
    p: Planned,
    adjustment: int | None,
    context: tuple[str | None, tuple[str, ...], int | None, int | None],
    near: int | None,
    lang: str,
) -> dict[str, Any]:
    """A finding's fields that follow from its rule, adjustment and context: rank, reasons.

    ``context`` is :func:`~._prioritise.rule_context`'s (the phase the rule is meant
    for, the needs it serves, the band of months left, whether funding is short) and
    ``near`` the months left of a warning when :func:`~._bands.near_end` (else None):
    the values are those of ``rank`` and ``plain_reasons`` on the project's own values.

    :param adjustment: which of the rule's ``[[rule.adjust]]`` applied, if one did.
    """
    part: RulePart | None = p.ranks.get((adjustment, lang))
    if part is None:
        part = p.ranks[(adjustment, lang)] = rule_part(p, adjustment, lang)
    _, _, phases, serves_needs, _ = p.ranking
    hit, needs, band, funding = context
    short = part.sustainability and funding is not None and funding < _W.short_months
    phase = hit is not None and hit in phases
    served = tuple(sorted(set(serves_needs).intersection(needs))) if serves_needs and needs else ()
    # the rank: the context's raises, then the score's factors in score's order
    final, raised = _raised(part, band, short)
    factors = [*part.adjusted]
    if raised:
        up = part.priority
        for key in raised:
            up = _UP[up]
            factors.append(_say(key, lang, p=_PRIORITY_WORD[lang][up], m=_MONTHS[key]))
    factors.append(part.base_factor)
    value = part.value
    if phase:
        assert hit is not None
        value *= _W.phase
        factors.append(_phase_texts(hit, lang)[0])
    if served:
        value *= _W.need
        factors.append(_need_texts(served, lang)[0])
    if part.warning and band is not None:
        if band <= 3:
            value *= _W.time_3
            factors.append(_say("time_3", lang, v=_W.time_3))
        elif band <= 6:
            value *= _W.time_6
            factors.append(_say("time_6", lang, v=_W.time_6))
    if short:
        value *= _W.short_project
        factors.append(_say("short_x", lang, v=_W.short_project, m=_W.short_months))
    if part.effort != 1.0:
        value *= part.effort
        factors.append(part.effort_factor)
    # the reasons, as plain_reasons gives them (the raises with ``near``)
    reasons = [*part.opening]
    _, by = _raised(part, near, short)
    if "short" in by:
        reasons.append(_plain("raised", lang, x=_plain("short", lang, m=_W.short_months)))
    money = _money(near, lang) if near is not None else ""
    if "urgent" in by:
        reasons.append(_plain("raised", lang, x=money))
    elif part.warning and near is not None and near <= 6:
        reasons.append(_sentence(money))
    if "short" not in by and short:
        reasons.append(_sentence(_plain("short", lang, m=_W.short_months)))
    if phase:
        assert hit is not None
        reasons.append(_phase_texts(hit, lang)[1])
    if served:
        reasons.append(_need_texts(served, lang)[1])
    reasons += part.quick
    # NOTE: in the order of a Finding's fields after the rule's own (``source`` is one)
    return {
        "source": part.source,
        "priority": final,
        "base_priority": part.base,
        "score": round(value, 4),
        "score_factors": tuple(factors),
        "reasons": tuple(reasons) if reasons else (part.base_reason,),
    }


class Fixed:
    """A finding's fields that follow from its rule and context, and its item when alone."""

    # NOTE: a plain class, not a dataclass: defining a dataclass costs start-up time, and
    # this is never compared or shown

    __slots__ = ("item", "values")

    def __init__(self, values: dict[str, Any]) -> None:
        #: every field of the Finding but ``facts``, in the order of its fields
        self.values = values
        #: the report item of such a finding when it is alone in its group (built once)
        self.item: Item | None = None
