"""The ``[extensions.fonds]`` table and the figures the fund's advice is built on.

The figures are plain functions of plain values, shared by the rules, the facts and the
prioritiser, so that "the cost per participant is too high" means the same everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from interventie_advies import Project

__all__ = [
    "DEFAULT_MAX_COST_PER_PARTICIPANT_EUR",
    "DEFAULT_MAX_SHARE_PERCENT",
    "EXTENSION",
    "FondsTable",
    "cost_above_maximum",
    "cost_per_participant",
    "fonds_table",
    "funding_total_eur",
    "reach_below_target",
    "share_above_maximum",
    "share_percent",
]

#: the NAME of the table: ``[extensions.fonds]``
EXTENSION = "fonds"

#: used when the table gives no ``max_cost_per_participant_eur``. Not the norm of any real
#: fund: the example projects of interventie-advies cost about €550 to €1,400 per expected
#: participant, and €1,000 flags the upper part of that range. A fund sets its own figure.
DEFAULT_MAX_COST_PER_PARTICIPANT_EUR = 1000.0

#: used when the table gives no ``max_share_percent``: the share of the total budget a fund
#: pays at most. 80% is what the Fonds voor Cultuurparticipatie's scheme Erfgoed Maken paid
#: at most for projects of €5,000 to €25,000 (see README.md for the source).
DEFAULT_MAX_SHARE_PERCENT = 80


class FondsTable(BaseModel):
    """``[extensions.fonds]``: the fund's figures for this project.

    Every field is optional: an empty ``[extensions.fonds]`` table is enough to switch the
    fund's advice on (with the defaults above). Strict like the rest of the project file:
    unknown keys and wrong types are errors that name ``extensions.fonds.<field>``.
    """

    # NOTE: strict, so that reach_target = 12.0 or requested_amount_eur = "5000" is an error
    # rather than a silent conversion; inf and nan would make every comparison meaningless.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)

    reference: str | None = Field(
        None,
        min_length=1,
        max_length=100,
        description="the fund's reference of the application (aanvraagnummer), for the fund's "
        "own records; the advice does not read it",
    )
    requested_amount_eur: float | None = Field(
        None,
        ge=0,
        description="the amount asked from the fund, in euros; list it under "
        "[[funding.sources]] too (kind = 'fund') so the total budget is complete",
    )
    max_cost_per_participant_eur: float | None = Field(
        None,
        gt=0,
        description="the fund's maximum budget per expected participant, in euros "
        f"(default {DEFAULT_MAX_COST_PER_PARTICIPANT_EUR:g})",
    )
    max_share_percent: int | None = Field(
        None,
        ge=1,
        le=100,
        description="the largest share of the total budget the fund pays, in percent "
        f"(default {DEFAULT_MAX_SHARE_PERCENT})",
    )
    reach_target: int | None = Field(
        None,
        ge=1,
        description="how many participating residents the fund wants the project to reach; "
        "when absent the fund sets no target and rule FND03 stays silent",
    )

    def max_cost(self) -> float:
        """The maximum cost per participant: the fund's own figure, else the default."""
        if self.max_cost_per_participant_eur is None:
            return DEFAULT_MAX_COST_PER_PARTICIPANT_EUR
        return self.max_cost_per_participant_eur

    def max_share(self) -> int:
        """The largest share of the budget the fund pays (percent), else the default."""
        if self.max_share_percent is None:
            return DEFAULT_MAX_SHARE_PERCENT
        return self.max_share_percent


def fonds_table(project: Project) -> FondsTable | None:
    """The project's ``[extensions.fonds]`` table, validated; ``None`` when it has none.

    ``Project.extensions`` keeps the raw tables; the engine has already validated this one
    (an invalid table stops the run with a ProjectError), so validating again cannot fail
    here, it only turns the dict into the typed model.
    """
    raw: Any = (project.extensions or {}).get(EXTENSION)
    if raw is None:
        return None
    return FondsTable.model_validate(raw)


def funding_total_eur(project: Project) -> float | None:
    """The sum of ``funding.sources[].amount_eur``; ``None`` when no amount is given.

    The same definition as the engine's ``facts.funding_total_eur``; it is repeated here
    because ``advies_prioritise`` receives the project, not the facts.
    """
    sources = project.funding.sources if project.funding is not None else None
    amounts = [s.amount_eur for s in sources or () if s.amount_eur is not None]
    return float(sum(amounts)) if amounts else None


def cost_per_participant(total: float | None, participants: int | None) -> float | None:
    """The budget per expected participant; ``None`` when unknown or nobody takes part."""
    if total is None or participants is None or participants <= 0:
        return None
    return total / participants


def cost_above_maximum(
    total: float | None, participants: int | None, maximum: float
) -> bool | None:
    """Whether the budget per expected participant is above ``maximum`` (None: unknown).

    A budget for zero expected participants counts as above any maximum: the money reaches
    nobody, which is the case the fund's norm exists for.
    """
    if total is None or participants is None:
        return None
    if participants <= 0:
        return total > 0
    return total / participants > maximum


def share_percent(requested: float | None, total: float | None) -> float | None:
    """The requested amount as a percentage of the total budget; ``None`` when unknown."""
    if requested is None or total is None or total <= 0:
        return None
    return 100 * requested / total


def share_above_maximum(
    requested: float | None, total: float | None, maximum_percent: float
) -> bool | None:
    """Whether the fund is asked for more than ``maximum_percent`` of the total budget.

    A request against a budget of zero is above any share (nothing else pays for it).
    """
    if requested is None or total is None:
        return None
    if total <= 0:
        return requested > 0
    return 100 * requested / total > maximum_percent


def reach_below_target(participants: int | None, target: int | None) -> bool | None:
    """Whether fewer participants are expected than the fund wants to reach (None: unknown)."""
    if participants is None or target is None:
        return None
    return participants < target
