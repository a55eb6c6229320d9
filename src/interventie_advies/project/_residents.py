"""The tables of the five elements about residents and the art they make together.

``[residents]``, ``[art]``, ``[[activities]]``, ``[contact]``, ``[meeting_place]`` and
``[end_product]`` (see docs/project-file.md).

NOTE: no ``from __future__ import annotations`` here (see ``_project_base``).
"""

import datetime as dt

from pydantic import Field

from ._base import MAX_ITEMS, MAX_TEXT, _Table
from ._enums import (
    ActivityKind,
    ArtForm,
    Barrier,
    CoDesign,
    Frequency,
    GroupChannel,
    HowIdentified,
    Need,
    PlaceKind,
    ProductKind,
    TargetGroup,
)

__all__ = ["Activity", "Art", "Contact", "EndProduct", "MeetingPlace", "Residents"]


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
    talents: list[str] | None = Field(
        None,
        max_length=MAX_ITEMS,
        description="what residents can do and bring (skills, knowledge, networks): their "
        "possibilities, not only their needs",
    )
    talents_used: bool | None = Field(
        None, description="the plan builds on what residents can do and bring"
    )


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
    stories_consent: bool | None = Field(
        None,
        description="the residents whose stories are used decide what is shown, and can "
        "withdraw their story",
    )
    stories_aftercare: bool | None = Field(
        None,
        description="someone is there to talk to afterwards for residents who shared a "
        "personal story",
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
    locations_vary: bool | None = Field(
        None, description="the activity moves between locations (no fixed place)"
    )
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
