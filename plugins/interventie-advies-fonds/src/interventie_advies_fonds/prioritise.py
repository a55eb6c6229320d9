"""The fund's ranking: reach and cost per participant weigh on top of the built-in score.

Only for projects with an ``[extensions.fonds]`` table; for every other project
:func:`prioritise` returns ``None`` and the built-in order stays, so installing the plugin
does not change anyone else's advice.

``score = built-in score × reach × cost``, where

- **reach** (× 1.5) applies to findings of ``fit_residents``, ``contact`` and
  ``key_persons`` when fewer participants are expected than the fund's ``reach_target``:
  those are the elements through which a project reaches more residents (fit with what
  residents need, contact that makes people come back, people who know the residents);
- **cost** (× 1.5) applies to findings of ``sustainability`` when the budget per expected
  participant is above the fund's maximum: money spent on few people only pays off if
  what they build lasts after the project.

Unknown figures add no factor (unknown is not false). The README explains the choice.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .models import (
    cost_above_maximum,
    cost_per_participant,
    fonds_table,
    funding_total_eur,
    reach_below_target,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from interventie_advies import Finding, Project

__all__ = ["WEIGHTS", "FondsWeights", "prioritise"]


@dataclass(frozen=True)
class FondsWeights:
    """The fund's weights (expert judgement; see README.md, "How the fund ranks advice")."""

    reach: float = 1.5  # expected participants below the fund's reach target
    reach_elements: tuple[str, ...] = ("fit_residents", "contact", "key_persons")
    cost: float = 1.5  # budget per expected participant above the fund's maximum
    cost_elements: tuple[str, ...] = ("sustainability",)


WEIGHTS = FondsWeights()

_TEXT = {
    "reach": (
        "×{v:g} (fonds): {n} deelnemers verwacht, het fonds wil er {t} bereiken",
        "×{v:g} (fund): {n} participants expected, the fund's reach target is {t}",
    ),
    "cost": (
        "×{v:g} (fonds): €{c} per deelnemer, boven het maximum van €{m}",
        "×{v:g} (fund): €{c} per participant, above the maximum of €{m}",
    ),
    "cost_nobody": (
        "×{v:g} (fonds): geld voor 0 verwachte deelnemers",
        "×{v:g} (fund): money for 0 expected participants",
    ),
}


def _say(key: str, lang: str, **values: object) -> str:
    nl, en = _TEXT[key]
    return (nl if lang == "nl" else en).format(**values)


def _language(findings: Sequence[Finding], project: Project) -> str:
    """The language of the report being made.

    The hook is not told the language (``--lang`` may override the file), so it is read
    from the built-in factor every scored finding carries ("basis: …" in Dutch, "base: …"
    in English); the file's ``[advies] language`` and then Dutch are the fall-backs.
    """
    for finding in findings:
        for factor in finding.score_factors:
            if factor.startswith("basis: "):
                return "nl"
            if factor.startswith("base: "):
                return "en"
    settings = project.advies
    return str(settings.language) if settings is not None and settings.language else "nl"


def prioritise(
    findings: Sequence[Finding], project: Project, weights: FondsWeights = WEIGHTS
) -> list[Finding] | None:
    """Re-score and order ``findings`` for a project that applies to the fund.

    :param findings: the findings, scored and ordered by the built-in prioritiser.
    :param project: the validated project.
    :param weights: the factors (a fund with other priorities passes its own).
    :returns: the same findings ordered by score (descending), then code; ``None`` when
        the project has no ``[extensions.fonds]`` table.
    """
    table = fonds_table(project)
    if table is None:
        return None  # not our project: leave the ranking to the built-in prioritiser
    lang = _language(findings, project)
    participants = project.residents.expected_participants if project.residents else None
    total = funding_total_eur(project)

    extra: list[tuple[tuple[str, ...], float, str]] = []  # (elements, factor, explanation)
    if reach_below_target(participants, table.reach_target):
        text = _say("reach", lang, v=weights.reach, n=participants, t=table.reach_target)
        extra.append((weights.reach_elements, weights.reach, text))
    if cost_above_maximum(total, participants, table.max_cost()):
        cost = cost_per_participant(total, participants)
        text = (
            _say("cost_nobody", lang, v=weights.cost)
            if cost is None
            # rounded as in the rules' texts: up for the project, down for the maximum
            else _say(
                "cost", lang, v=weights.cost, c=math.ceil(cost), m=math.floor(table.max_cost())
            )
        )
        extra.append((weights.cost_elements, weights.cost, text))

    ranked: list[Finding] = []
    for finding in findings:
        applied = [
            (factor, text) for elements, factor, text in extra if finding.element in elements
        ]
        if not applied:
            ranked.append(finding)
            continue
        score = finding.score
        for factor, _ in applied:
            score *= factor
        # Finding is frozen: replace() makes the re-scored copy; round as the core does, so
        # equal products compare equal and the order stays deterministic.
        ranked.append(
            dataclasses.replace(
                finding,
                score=round(score, 4),
                score_factors=(*finding.score_factors, *(text for _, text in applied)),
            )
        )
    return sorted(ranked, key=lambda f: (-f.score, f.code))
