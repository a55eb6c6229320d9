"""The tables of the seven elements about how the partners work together.

``[vision]``, ``[[partners]]``, ``[collaboration]``, ``[funding]``, ``[continuation]``,
``[knowledge]`` and ``[[key_persons]]`` (see docs/project-file.md).

NOTE: no ``from __future__ import annotations`` here (see ``_project_base``).
"""

import datetime as dt

from pydantic import Field, field_validator

from ._base import MAX_ITEMS, MAX_TEXT, _Table, end_after_start
from ._enums import (
    Contribution,
    Difference,
    Domain,
    EvaluationMethod,
    FundingKind,
    Holding,
    Level,
    MeetingFrequency,
)

__all__ = [
    "Collaboration",
    "Continuation",
    "Funding",
    "FundingSource",
    "KeyPerson",
    "Knowledge",
    "Partner",
    "Vision",
]


class Vision(_Table):
    """Vision and shared goal."""

    shared_goal: str | None = Field(None, max_length=MAX_TEXT, description="the shared goal")
    written_down: bool | None = None
    endorsed_by_partners: list[str] | None = Field(
        None, max_length=MAX_ITEMS, description="names of listed partners that endorse it"
    )
    residents_recognise: bool | None = Field(
        None, description="residents recognise themselves in the goal"
    )
    social_and_artistic_goals: bool | None = Field(
        None, description="it names both a social and an artistic aim"
    )


class Partner(_Table):
    """A partner organisation."""

    name: str = Field(min_length=1, max_length=500)
    domain: Domain
    role: str | None = Field(None, max_length=MAX_TEXT)
    strengths: list[str] | None = Field(
        None, max_length=MAX_ITEMS, description="what this partner is good at"
    )
    contribution: list[Contribution] | None = Field(None, max_length=50)
    levels_involved: list[Level] | None = Field(
        None, max_length=10, description="which layers of this organisation are involved"
    )
    knows_residents: bool | None = Field(
        None, description="has a relationship of trust with the residents"
    )
    committed_after_project: bool | None = Field(
        None, description="will keep contributing after the project"
    )


class Collaboration(_Table):
    """How partners work together."""

    agreements_written: bool | None = Field(None, description="roles and agreements are written")
    regular_meetings: MeetingFrequency | None = None
    strengths_discussed: bool | None = Field(
        None, description="partners have discussed what each brings"
    )
    shared_budget: bool | None = Field(None, description="budget pooled or aligned across domains")
    differences: list[Difference] | None = Field(
        None, max_length=50, description="known differences between the domains"
    )
    differences_addressed: list[Difference] | None = Field(
        None, max_length=50, description="which differences are dealt with"
    )
    management_support: bool | None = Field(
        None, description="management of the partners explicitly supports the project"
    )
    professionals_have_room: bool | None = Field(
        None, description="professionals have time and mandate for it"
    )


class FundingSource(_Table):
    """One source of money."""

    name: str | None = Field(None, max_length=500)
    kind: FundingKind | None = None
    amount_eur: float | None = Field(None, ge=0, le=1e12, allow_inf_nan=False)
    start: dt.date | None = None
    end: dt.date | None = None

    _check_end = field_validator("end")(end_after_start)


class Funding(_Table):
    """Money and its duration."""

    sources: list[FundingSource] | None = Field(None, max_length=MAX_ITEMS)
    duration_months: int | None = Field(
        None, ge=0, le=1200, description="overall funded period in months"
    )
    follow_up_secured: bool | None = Field(
        None, description="money after the current period is secured"
    )


class Continuation(_Table):
    """What remains after the project."""

    plan: str | None = Field(None, max_length=MAX_TEXT, description="what stays, and how")
    considered_from_start: bool | None = None
    owner: str | None = Field(None, max_length=500, description="who carries on")
    residents_take_over: bool | None = None
    partnerships_continue: bool | None = None
    structural_funding_sought: bool | None = None


class Knowledge(_Table):
    """Use of research, practice and evaluation."""

    research_used: bool | None = Field(
        None, description="the plan builds on research or known working elements"
    )
    sources: list[str] | None = Field(None, max_length=MAX_ITEMS)
    practice_exchange: bool | None = Field(
        None, description="learns from comparable projects elsewhere"
    )
    evaluation_planned: bool | None = None
    evaluation_method: list[EvaluationMethod] | None = Field(None, max_length=50)
    learning_sessions: bool | None = Field(
        None, description="partners and residents reflect together during the project"
    )


class KeyPerson(_Table):
    """A person who knows the residents."""

    name: str = Field(min_length=1, max_length=500)
    role: str | None = Field(None, max_length=MAX_TEXT)
    knows_residents: bool | None = None
    from_neighbourhood: bool | None = None
    has_backup: bool | None = Field(None, description="someone else can take over the role")
    leaves: dt.date | None = Field(
        None, description="the date this person leaves the project (or the artist stops)"
    )
    successor: str | None = Field(
        None, max_length=500, description="who takes over when this person leaves (name or text)"
    )
    holds: list[Holding] | None = Field(
        None,
        max_length=10,
        description="what only this person holds today: the contacts with residents, the "
        "group channel, the planning, the money, the keys of the place, the artistic lead",
    )
