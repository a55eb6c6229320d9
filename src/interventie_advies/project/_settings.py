"""What the team tells the tool: ``[[decisions]]`` about advice and ``[advies]`` settings.

NOTE: no ``from __future__ import annotations`` here (see ``_project_base``).
"""

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, Field, field_validator
from pydantic_core import PydanticCustomError

from ..messages._i18n import Language, t
from ._base import MAX_ITEMS, MAX_TEXT, _Table
from ._enums import DecisionStatus

__all__ = ["AdviesSettings", "Decision"]

#: one rule, element or plugin in [advies] select and ignore
Item = Annotated[str, Field(max_length=500)]


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
