"""The ``[extensions.jeugd]`` table: what a project with young people tells the jeugd rules.

Every field is optional and defaults to ``None``: absent means "not described yet", never
"no", so that a rule that needs the field asks a question instead of guessing (the same
principle as the core project file). The model is strict, like the core tables: a TOML
string where a boolean belongs is an error, not quietly converted.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

__all__ = ["ADULT_AGE", "ActivityTime", "JeugdModel"]

#: the age of majority in the Netherlands; below it a participant is a minor
ADULT_AGE = 18

#: when activities take place; lowercase English snake_case, like the core enums
ActivityTime = Literal["school_hours", "after_school", "evenings", "weekends", "school_holidays"]


class JeugdModel(BaseModel):
    """Facts about young participants, registered as ``[extensions.jeugd]``."""

    # NOTE: extra="forbid" makes a typo (parental_concent) an error with a did-you-mean
    # instead of a silently ignored key; frozen because the engine shares the value.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    min_age: int | None = Field(
        None, ge=0, le=120, description="age in years of the youngest participants"
    )
    max_age: int | None = Field(
        None,
        ge=0,
        le=120,
        description="age in years of the oldest participants; not below min_age",
    )
    minors: bool | None = Field(
        None,
        description=(
            "participants under 18 take part; for when the ages are not known exactly "
            "(must agree with min_age and max_age when those are given)"
        ),
    )
    parental_consent: bool | None = Field(
        None,
        description=(
            "parents or carers of participants under 18 have given written consent: for "
            "taking part, and for photos, film and contact details"
        ),
    )
    peer_leaders: bool | None = Field(
        None,
        description="young people help lead activities or groups (peer leaders)",
    )
    channel_adult_moderator: bool | None = Field(
        None,
        description=(
            "an adult from a partner organisation is in the young people's group channel "
            "and moderates it"
        ),
    )
    channel_agreements: bool | None = Field(
        None,
        description=(
            "the group channel has written agreements: how members treat each other, no "
            "sharing of photos or phone numbers without consent, the app's minimum age"
        ),
    )
    activity_times: list[ActivityTime] | None = Field(
        None,
        min_length=1,
        max_length=5,
        description=(
            "when activities take place: school_hours, after_school, evenings, weekends, "
            "school_holidays"
        ),
    )
    vog_checked: bool | None = Field(
        None,
        description=(
            "every adult who works with the young people (professionals, volunteers, the "
            "artist) has a VOG (Verklaring Omtrent het Gedrag)"
        ),
    )
    transport_home: bool | None = Field(
        None,
        description=(
            "a safe way home is arranged after evening activities (walking together, "
            "parents pick up, a lift)"
        ),
    )

    @field_validator("max_age")
    @classmethod
    def _not_below_min_age(cls, value: int | None, info: ValidationInfo) -> int | None:
        """Refuse an age range that runs backwards."""
        low = info.data.get("min_age")
        if value is not None and low is not None and value < low:
            raise PydanticCustomError(
                "age_order",
                "max_age ({max_age}) is below min_age ({min_age})",
                {"max_age": value, "min_age": low},
            )
        return value

    @field_validator("minors")
    @classmethod
    def _agrees_with_ages(cls, value: bool | None, info: ValidationInfo) -> bool | None:
        """Refuse ``minors`` that contradicts the age range (one of them is a mistake)."""
        # NOTE: fields validate in declaration order, so the ages are in info.data here
        # (unless they were invalid themselves; then there is nothing to compare).
        low, high = info.data.get("min_age"), info.data.get("max_age")
        if value is None:
            return value
        if value is False and any(a is not None and a < ADULT_AGE for a in (low, high)):
            raise PydanticCustomError(
                "minors_ages",
                "minors is false, but the age range includes ages under 18",
            )
        if value is True and low is not None and low >= ADULT_AGE:
            raise PydanticCustomError(
                "minors_ages",
                "minors is true, but min_age ({min_age}) is 18 or over",
                {"min_age": low},
            )
        return value
