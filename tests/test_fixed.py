"""A finding's rank and reasons composed from parts equal those ranked from scratch."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

import pytest

from interventie_advies import Engine
from interventie_advies.engine._bands import near_end, plain_reasons
from interventie_advies.engine._fixed import fixed_values
from interventie_advies.engine._prioritise import adjusted_factor, capped, rank, rank_context
from interventie_advies.project._enums import NEEDS, PHASES

if TYPE_CHECKING:
    from interventie_advies.engine._plan import Planned

MONTHS = (None, -3, 0, 1, 2, 3, 4, 5, 6, 7, 9, 12, 13, 30)
FUNDING = (None, 6, 11, 12, 24)


def from_scratch(
    p: Planned, adjustment: int | None, phase: str | None, needs: tuple[str, ...],
    months_left: int | None, funding_months: int | None, lang: str,
) -> dict[str, Any]:
    """What the engine ranked on a cache miss before the parts: rank and plain_reasons."""
    kind, element, phases, serves_needs, effort = p.ranking
    reason = None
    base = priority = p.priority or "low"
    if adjustment is not None:
        step = p.adjust[adjustment]
        assert step.priority is not None and step.reason is not None
        priority, reason = capped(step.priority, base), step.reason.get(lang)
    how = {"kind": kind, "element": element, "phases": phases, "serves_needs": serves_needs,
           "effort": effort, "phase": phase, "needs": needs,
           "funding_months": funding_months, "lang": lang}
    final, score, factors = rank(priority, base=base, months_left=months_left, **how)
    if reason:
        factors = (adjusted_factor(priority, reason, lang), *factors)
    reasons = plain_reasons(base=base, priority=priority, adjustment=reason,
                            months_left=months_left, **how)
    return {"source": p.sources[lang], "priority": final, "base_priority": base,
            "score": score, "score_factors": factors, "reasons": reasons}


def composed(
    p: Planned, adjustment: int | None, phase: str | None, needs: tuple[str, ...],
    months_left: int | None, funding_months: int | None, lang: str,
) -> dict[str, Any]:
    """What the engine gives now, from the reduced context as Run.fire passes it."""
    kind, _, phases, serves_needs, _ = p.ranking
    project_phase, project_needs, band, short = rank_context(
        phase, needs, months_left, funding_months)
    hit = project_phase if project_phase is not None and project_phase in phases else None
    served = (tuple(sorted(set(serves_needs).intersection(project_needs)))
              if serves_needs and project_needs else ())
    near = months_left if kind == "warning" and near_end(months_left) else None
    return fixed_values(p, adjustment, (hit, served, band, short), near, lang)


def adjustments(p: Planned) -> list[int | None]:
    """No adjustment, and each of the rule's that sets the priority."""
    return [None, *(k for k, a in enumerate(p.adjust) if a.priority and a.reason)]


@pytest.mark.parametrize("plugins", [(), None], ids=["builtin", "installed"])
def test_every_rule_ranks_as_from_scratch_in_every_context(plugins: Any) -> None:
    engine = Engine(plugins=plugins)
    checked = 0
    for p in engine.plan:
        if p.kind == "strength":
            continue
        served = p.ranking[3]
        needs_choices = [(), NEEDS[:1], tuple(served), NEEDS]
        phases = (None, *(p.ranking[2] or ()), *PHASES[:1])
        for adjustment, lang in itertools.product(adjustments(p), ("nl", "en")):
            for phase, needs, months, funding in itertools.product(
                phases, needs_choices, MONTHS, FUNDING
            ):
                how = (p, adjustment, phase, needs, months, funding, lang)
                assert composed(*how) == from_scratch(*how), how
                checked += 1
    assert checked > 1000


def test_the_parts_are_built_once_per_rule_adjustment_and_language() -> None:
    engine = Engine(plugins=())
    p = next(p for p in engine.plan if p.kind != "strength")
    fixed_values(p, None, (None, (), None, None), None, "nl")
    fixed_values(p, None, (None, (), 3, 0), None, "nl")
    fixed_values(p, None, (None, (), None, None), None, "en")
    assert sorted(p.ranks) == [(None, "en"), (None, "nl")]
