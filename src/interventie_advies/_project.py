"""Pydantic models of project file format 1 (see docs/project-file.md).

Absent means "not described yet": every optional field defaults to ``None``, never to a
guessed ``False`` or empty list, so the engine can ask instead of guess.

NOTE: no ``from __future__ import annotations`` here: pydantic would have to evaluate
every field's annotation from its text when the models are defined (about 1.5 ms of
every start-up); written as objects, they are simply read.
"""

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from ._enums import (
    ActivityKind,
    ArtForm,
    Barrier,
    CoDesign,
    Contribution,
    DecisionStatus,
    Difference,
    Domain,
    EvaluationMethod,
    Frequency,
    FundingKind,
    GroupChannel,
    HowIdentified,
    Language,
    Level,
    MeetingFrequency,
    Need,
    Phase,
    PlaceKind,
    ProductKind,
    TargetGroup,
)
from ._i18n import t

__all__ = ["FORMAT_VERSION", "TABLES", "Project"]

FORMAT_VERSION = 1
# NOTE: limits keep one hostile file from costing more than a normal one by orders of
# magnitude; they are far above any real project (docs/project-file.md, "Limits").
MAX_TEXT = 10_000
MAX_ITEMS = 500
#: one rule, element or plugin in [advies] select and ignore
Item = Annotated[str, Field(max_length=500)]


class _Table(BaseModel):
    # NOTE: validators are built on first use: validating a Project builds one validator
    # for the whole file at once, instead of one per table at import and then the
    # Project's again (~5 ms of start-up); a table validated on its own builds its own.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


def _end_after_start(end: dt.date | None, info: ValidationInfo) -> dt.date | None:
    start = info.data.get("start")
    if end is not None and start is not None and end < start:
        raise PydanticCustomError(
            "date_order",
            t(
                nl="het einde ({e}) ligt vóór het begin ({s}); de einddatum moet op of na de "
                "begindatum liggen",
                en="end ({e}) is before start ({s}); the end date must be on or after the start",
                e=end.isoformat(),
                s=start.isoformat(),
            ),
        )
    return end


class ProjectInfo(_Table):
    """What the project is."""

    name: str = Field(min_length=1, max_length=500, description="project name")
    neighbourhood: str | None = Field(
        None, max_length=500, description="neighbourhood (wijk/buurt)"
    )
    municipality: str | None = Field(None, max_length=500, description="municipality")
    description: str | None = Field(None, max_length=MAX_TEXT, description="a few sentences")
    phase: Phase | None = Field(None, description="where the project is now; used for prioritising")
    start: dt.date | None = Field(None, description="planned start")
    end: dt.date | None = Field(None, description="planned end (on or after start)")

    _check_end = field_validator("end")(_end_after_start)


class Residents(_Table):
    """Who the project is for and what they need."""

    needs: list[Need] | None = Field(None, max_length=50, description="what residents need")
    needs_identified_with_residents: bool | None = Field(
        None, description="needs were found out with residents themselves"
    )
    how_identified: list[HowIdentified] | None = Field(None, max_length=50, description="how")
    target_groups: list[TargetGroup] | None = Field(
        None, max_length=50, description="who it is for"
    )
    expected_participants: int | None = Field(
        None, ge=0, le=10_000_000, description="expected number of participating residents"
    )
    barriers: list[Barrier] | None = Field(
        None, max_length=50, description="what could keep residents away"
    )
    barriers_addressed: list[Barrier] | None = Field(
        None, max_length=50, description="which of those barriers the plan deals with"
    )
    co_design: CoDesign | None = Field(None, description="how far residents shape the project")


class Art(_Table):
    """The art form and how it is made."""

    forms: list[ArtForm] | None = Field(None, min_length=1, max_length=50, description="art forms")
    low_threshold: bool | None = Field(
        None, description="taking part needs no experience, talent, money or language skills"
    )
    chosen_with_residents: bool | None = Field(None, description="art form chosen with residents")
    professional_artist: bool | None = Field(None, description="a professional artist leads")
    artist_community_experience: bool | None = Field(
        None, description="that artist has worked with communities before"
    )
    uses_residents_stories: bool | None = Field(
        None, description="residents' own stories are the material"
    )
    the_other_as_muse: bool | None = Field(
        None, description="participants make work about or for each other"
    )
    mixes_groups: bool | None = Field(
        None, description="the making deliberately brings different groups together"
    )


class Activity(_Table):
    """One recurring activity."""

    name: str = Field(min_length=1, max_length=500)
    kind: ActivityKind | None = None
    frequency: Frequency | None = None
    sessions: int | None = Field(None, ge=1, le=100_000, description="planned number of sessions")
    location: str | None = Field(None, max_length=500, description="where")
    informal_moment_after: bool | None = Field(
        None, description="coffee/tea or another informal moment after the activity"
    )


class Contact(_Table):
    """How contact is kept around and after activities."""

    informal_moments: bool | None = Field(None, description="informal contact moments are planned")
    group_channel: GroupChannel | None = Field(None, description="channel to keep in touch")
    channel_moderator: str | None = Field(
        None, max_length=500, description="who keeps the channel going"
    )
    continues_after_project: bool | None = Field(
        None, description="contact is expected to go on when the project ends"
    )


class MeetingPlace(_Table):
    """The physical meeting place."""

    available: bool | None = Field(None, description="there is a physical meeting place")
    name: str | None = Field(None, max_length=500)
    kind: PlaceKind | None = None
    in_neighbourhood: bool | None = Field(None, description="within the neighbourhood, walkable")
    accessible: bool | None = Field(None, description="physically accessible")
    open_outside_activities: bool | None = Field(
        None, description="residents can drop in outside the programme"
    )
    available_after_project: bool | None = Field(
        None, description="stays available when the project ends"
    )


class EndProduct(_Table):
    """The joint end product or performance."""

    planned: bool | None = Field(None, description="a joint end product or performance is planned")
    kind: ProductKind | None = None
    date: dt.date | None = None
    residents_invite_others: bool | None = Field(
        None, description="participants invite family, neighbours, others"
    )
    celebration: bool | None = Field(None, description="achievements are celebrated together")
    residents_contribute: bool | None = Field(
        None, description="residents make the product themselves"
    )
    follow_up: str | None = Field(
        None, max_length=MAX_TEXT, description="what happens after the moment"
    )


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

    _check_end = field_validator("end")(_end_after_start)


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


class Decision(_Table):
    """What the team decided about a piece of advice."""

    rule: str = Field(min_length=1, max_length=200, description="rule code or name")
    status: DecisionStatus
    reason: str | None = Field(None, max_length=MAX_TEXT)
    date: dt.date | None = None
    by: str | None = Field(None, max_length=500)

    @field_validator("reason")
    @classmethod
    def _reason_not_blank(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise PydanticCustomError(
                "reason_blank",
                t(
                    nl="de reden is leeg; zeg in een paar woorden waarom",
                    en="reason is empty; say why in a few words",
                ),
            )
        return value


def _requirement(text: str) -> str:
    from packaging.requirements import InvalidRequirement
    from packaging.requirements import Requirement as Parsed

    try:
        Parsed(text)
    except InvalidRequirement as exc:
        reason = str(exc).splitlines()[0]
        raise PydanticCustomError(
            "requirement",
            t(
                nl="{x!r} is geen eis voor een plugin zoals 'interventie-advies-jeugd>=1.0' ({r})",
                en="{x!r} is not a plugin requirement such as 'interventie-advies-jeugd>=1.0' "
                "({r})",
                x=text,
                r=reason,
            ),
        ) from None
    return text


Requirement = Annotated[str, Field(max_length=200), AfterValidator(_requirement)]


class AdviesSettings(_Table):
    """Settings for the engine."""

    language: Language | None = Field(None, description="output language (CLI --lang wins)")
    select: list[Item] | None = Field(None, max_length=MAX_ITEMS, description="only these rules")
    ignore: list[Item] | None = Field(None, max_length=MAX_ITEMS, description="not these rules")
    require_plugins: list[Requirement] | None = Field(
        None,
        max_length=100,
        description="plugins this file needs, as requirements: 'interventie-advies-jeugd>=1.0'",
    )


class Project(_Table):
    """One cultural intervention, as described in a project file (format 1)."""

    format: int = Field(description="file format version; 1")
    project: ProjectInfo
    residents: Residents | None = None
    art: Art | None = None
    activities: list[Activity] | None = Field(None, max_length=MAX_ITEMS)
    contact: Contact | None = None
    meeting_place: MeetingPlace | None = None
    end_product: EndProduct | None = None
    vision: Vision | None = None
    partners: list[Partner] | None = Field(None, max_length=MAX_ITEMS)
    collaboration: Collaboration | None = None
    funding: Funding | None = None
    continuation: Continuation | None = None
    knowledge: Knowledge | None = None
    key_persons: list[KeyPerson] | None = Field(None, max_length=MAX_ITEMS)
    decisions: list[Decision] | None = Field(None, max_length=MAX_ITEMS)
    extensions: dict[str, Any] | None = Field(
        None, description="tables for plugins, validated by the models they register"
    )
    advies: AdviesSettings | None = None

    @field_validator("format")
    @classmethod
    def _known_format(cls, value: int) -> int:
        if value != FORMAT_VERSION:
            raise PydanticCustomError(
                "format_version",
                t(
                    nl="format {v} wordt niet ondersteund; deze versie leest format {s}",
                    en="format {v} is not supported; this version reads format {s}",
                    v=value,
                    s=FORMAT_VERSION,
                ),
            )
        return value


#: top-level tables a condition can read, and the model of each (list tables: the item model)
TABLES: dict[str, tuple[type[BaseModel], bool]] = {
    "project": (ProjectInfo, False),
    "residents": (Residents, False),
    "art": (Art, False),
    "activities": (Activity, True),
    "contact": (Contact, False),
    "meeting_place": (MeetingPlace, False),
    "end_product": (EndProduct, False),
    "vision": (Vision, False),
    "partners": (Partner, True),
    "collaboration": (Collaboration, False),
    "funding": (Funding, False),
    "continuation": (Continuation, False),
    "knowledge": (Knowledge, False),
    "key_persons": (KeyPerson, True),
}

EMPTY_TABLES: dict[str, BaseModel] = {
    name: model.model_construct() for name, (model, is_list) in TABLES.items() if not is_list
}


def cross_field_problems(project: Project | Mapping[str, Any]) -> list[tuple[str, str, object]]:
    """Checks that span tables: unique partner names, endorsements, reasons of decisions.

    Works on a validated Project and, defensively, on raw data that failed validation
    elsewhere (so that all problems of a file are reported at once). Returns
    ``(path, message, value)`` triples; empty when all is well.
    """
    names: list[object]
    decisions: list[tuple[object, object]]
    if isinstance(project, Project):
        names = [p.name for p in project.partners or ()]
        endorsed = project.vision.endorsed_by_partners if project.vision else None
        decisions = [(d.status, d.reason) for d in project.decisions or ()]
    else:
        names = [p.get("name") for p in _items(project.get("partners"))]
        vision = project.get("vision")
        endorsed = vision.get("endorsed_by_partners") if isinstance(vision, Mapping) else None
        decisions = [(d.get("status"), d.get("reason")) for d in _items(project.get("decisions"))]
    problems: list[tuple[str, str, object]] = []
    seen: set[str] = set()
    for i, name in enumerate(names):
        if not isinstance(name, str):
            continue
        if name in seen:
            problems.append(
                (
                    f"partners[{i}].name",
                    t(
                        nl="namen van partners moeten uniek zijn; deze staat er twee keer",
                        en="partner names must be unique; this one is listed twice",
                    ),
                    name,
                )
            )
        seen.add(name)
    if isinstance(endorsed, list):
        listed = ", ".join(repr(n) for n in dict.fromkeys(seen)) or t(nl="geen", en="none")
        for i, name in enumerate(endorsed):
            if isinstance(name, str) and name not in seen:
                problems.append(
                    (
                        f"vision.endorsed_by_partners[{i}]",
                        t(
                            nl="noemt een partner die niet bij [[partners]] staat (wel genoemd: "
                            "{x})",
                            en="names a partner that is not listed in [[partners]] (listed: {x})",
                            x=listed,
                        ),
                        name,
                    )
                )
    for i, (status, reason) in enumerate(decisions):
        if status in ("rejected", "not_applicable") and reason is None:
            problems.append(
                (
                    f"decisions[{i}].reason",
                    t(
                        nl="een reden is verplicht bij status {s!r}; zeg in een paar woorden "
                        "waarom",
                        en="a reason is required when status is {s!r}; say why in a few words",
                        s=status,
                    ),
                    None,
                )
            )
    return problems


def _items(value: object) -> list[Mapping[str, Any]]:
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []
