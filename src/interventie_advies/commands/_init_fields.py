"""``advies init``: the questions, derived from the project models, and the answers to them.

A field's kind of question (yes/no, a choice, a number, a date, text, a list of tables)
follows its type in the models (``_project*.py``); its wording lives in ``_messages/``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import types
from typing import TYPE_CHECKING, Any, Literal, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel

from ..messages import has_init_text, init_text
from ..project import _enums

if TYPE_CHECKING:
    from pydantic.fields import FieldInfo

__all__ = [
    "CONTROL",
    "ENDORSED",
    "Field",
    "Filled",
    "field_of",
    "fields_of",
    "intro",
    "is_items",
    "missing_required",
]

_ENUM_NAMES: dict[Any, str] = {
    value: name for name, value in vars(_enums).items() if get_origin(value) is Literal
}

#: asked after the partners are known, chosen from their names
ENDORSED = "vision.endorsed_by_partners"
#: control characters no answer or comment may hold (a tab may)
CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


@dataclasses.dataclass(frozen=True)
class Field:
    """One question: what the model says about a field."""

    path: str
    name: str
    kind: str  # str, bool, int, float, date, choice, choices, str_list, table_list
    required: bool
    choices: tuple[str, ...] = ()
    enum: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    model: type[BaseModel] | None = None
    description: str | None = None


def field_of(path: str, name: str, info: FieldInfo) -> Field:
    """The question for the field ``name`` of the table at ``path``."""
    annotation: Any = info.annotation
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        annotation = args[0] if len(args) == 1 else annotation
    is_list = get_origin(annotation) is list
    inner: Any = get_args(annotation)[0] if is_list else annotation
    limits: dict[str, Any] = {}
    for meta in info.metadata:
        if isinstance(meta, annotated_types.Ge):
            limits["minimum"] = meta.ge
        elif isinstance(meta, annotated_types.Le):
            limits["maximum"] = meta.le
        elif isinstance(meta, annotated_types.MinLen):
            limits["min_length"] = meta.min_length
        elif isinstance(meta, annotated_types.MaxLen):
            limits["max_length"] = meta.max_length
    common: dict[str, Any] = {
        "path": f"{path}.{name}",
        "name": name,
        "required": info.is_required(),
        "description": info.description,
        **limits,
    }
    if get_origin(inner) is Literal:
        kind = "choices" if is_list else "choice"
        return Field(kind=kind, choices=get_args(inner), enum=_ENUM_NAMES.get(inner), **common)
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return Field(kind="table_list", model=inner, **common)
    kinds: dict[Any, str] = {bool: "bool", int: "int", float: "float", dt.date: "date", str: "str"}
    if inner not in kinds or (is_list and inner is not str):
        raise TypeError(f"advies init cannot ask for {path}.{name} ({info.annotation})")
    return Field(kind="str_list" if is_list else kinds[inner], **common)


#: optional fields of issue 12 that the interview leaves to the file, to keep it short: they
#: matter for some projects only, and the report asks for the ones its rules wait for (it
#: does ask ``project.one_off``, ``residents.talents_used``, ``key_persons.leaves``, and the
#: consent and aftercare of stories when the work uses residents' stories)
NOT_ASKED = frozenset(
    {
        "residents.talents",
        "activities.locations_vary",
        "key_persons.successor",
        "key_persons.holds",
    }
)


def fields_of(path: str, model: type[BaseModel]) -> list[Field]:
    """The questions for the fields of ``model`` (see :data:`NOT_ASKED`), in model order."""
    return [
        field_of(path, name, info)
        for name, info in model.model_fields.items()
        if f"{path}.{name}" not in NOT_ASKED
    ]


# --- answers ---------------------------------------------------------------------------------


@dataclasses.dataclass
class Filled:
    """The answers for one table, or for one item of a list of tables."""

    path: str
    model: type[BaseModel]
    #: field name -> value; a list of tables holds a list of Filled
    values: dict[str, Any] = dataclasses.field(default_factory=dict)
    #: fields not asked because another answer made them pointless
    moot: set[str] = dataclasses.field(default_factory=set)
    skipped: bool = False
    #: the items given before this one, for a list of tables
    siblings: list[Filled] = dataclasses.field(default_factory=list)

    def data(self) -> dict[str, Any]:
        """The answers as the dict the model validates."""
        return {
            key: [item.data() for item in value] if is_items(value) else value
            for key, value in self.values.items()
        }

    def has_facts(self) -> bool:
        return bool(self.values)


def is_items(value: object) -> bool:
    """Whether ``value`` holds the answers for a list of tables."""
    return isinstance(value, list) and bool(value) and isinstance(value[0], Filled)


def missing_required(item: Filled) -> Field | None:
    """The first required field ``item`` has no answer for."""
    for field in fields_of(item.path, item.model):
        if field.required and field.name not in item.values:
            return field
    return None


def intro(path: str, model: type[BaseModel], lang: str) -> str:
    """The line that introduces the table at ``path``."""
    key = f"intro.{path}"
    return init_text(key, lang) if has_init_text(key) else (model.__doc__ or path).strip()
