"""The root model of project file format 1 (see docs/project-file.md), and its tables.

``Project`` holds ``format``, ``[project]`` (``ProjectInfo``) and one field per table; the
tables themselves are in ``_project_residents`` (five elements about residents and the art),
``_project_partnership`` (seven elements about working together) and ``_project_settings``
(``[[decisions]]``, ``[advies]``); what they share is in ``_project_base``.

NOTE: no ``from __future__ import annotations`` here (see ``_project_base``).
"""

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field, field_validator
from pydantic_core import PydanticCustomError

from ..messages._i18n import t
from ._base import MAX_ITEMS, MAX_TEXT, _Table, end_after_start
from ._enums import Phase
from ._partnership import (
    Collaboration,
    Continuation,
    Funding,
    KeyPerson,
    Knowledge,
    Partner,
    Vision,
)
from ._residents import Activity, Art, Contact, EndProduct, MeetingPlace, Residents
from ._settings import AdviesSettings, Decision

__all__ = ["EMPTY_TABLES", "FORMAT_VERSION", "TABLES", "Project", "ProjectInfo"]

FORMAT_VERSION = 1


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
    one_off: bool | None = Field(
        None,
        description="a one-off event of a day or a few days (a festival, a one-day event), "
        "not an ongoing process; rules that assume a series stay silent or count less",
    )

    _check_end = field_validator("end")(end_after_start)


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
