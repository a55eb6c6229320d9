"""The form's pages and fields, walked from the pydantic project model (and plugins').

One page (a :class:`Section`) per table of the project file: the top-level fields of
``Project`` in model order (``format`` is always 1 and not asked), with each installed
plugin's ``[extensions.NAME]`` model where ``extensions`` stands. A field's widget follows
its type as ``advies init``'s question does (``field_of``); its label, hint and choices
come from the one catalogue, so a new field or a plugin's table needs no HTML of its own.
"""

from __future__ import annotations

import dataclasses
import types
from typing import TYPE_CHECKING, Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from ..commands._init_fields import Field, field_of
from ..messages import choice_label, has_init_text, has_text, init_text, text
from ..project._model import Project

if TYPE_CHECKING:
    from collections.abc import Mapping

    from pydantic.fields import FieldInfo

__all__ = ["Section", "fields", "find", "hint", "label", "option_label", "sections", "title"]

#: top-level fields that are not a page: the format number is always 1; ``extensions``
#: becomes one page per installed plugin's table
_NOT_PAGES = frozenset({"format", "extensions"})


@dataclasses.dataclass(frozen=True)
class Section:
    """One page of the form: a table of the project file (or a list of tables)."""

    key: str  # the TOML key: ``residents``, ``extensions.fonds``
    model: type[BaseModel]
    repeated: bool  # a list of tables: ``[[partners]]``

    @property
    def slug(self) -> str:
        """The page's part of the URL: the key with ``.`` as ``-`` (``extensions-fonds``)."""
        return self.key.replace(".", "-")


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The model inside ``X | None`` or ``list[X] | None``, and whether it is a list."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        annotation = args[0] if len(args) == 1 else annotation
    if get_origin(annotation) is list:
        return get_args(annotation)[0], True
    return annotation, False


def sections(extensions: Mapping[str, tuple[str, type[BaseModel]]]) -> list[Section]:
    """The pages in model order; ``extensions`` is the engine's (NAME → plugin, model)."""
    found: list[Section] = []
    for name, info in Project.model_fields.items():
        if name == "extensions":
            found += [Section(f"extensions.{n}", m, False) for n, (_, m) in extensions.items()]
        if name in _NOT_PAGES:
            continue
        model, repeated = _unwrap(info.annotation)
        if isinstance(model, type) and issubclass(model, BaseModel):
            found.append(Section(name, model, repeated))
    return found


def find(all_sections: list[Section], slug: str) -> Section | None:
    """The page whose URL part is ``slug``."""
    return next((s for s in all_sections if s.slug == slug), None)


def _field(path: str, name: str, info: FieldInfo) -> Field:
    """``advies init``'s description of a field; a list of bounded texts is a list of text."""
    try:
        return field_of(path, name, info)
    except TypeError:
        inner, is_list = _unwrap(info.annotation)
        if is_list and get_origin(inner) is Annotated and get_args(inner)[0] is str:
            return Field(
                path=f"{path}.{name}",
                name=name,
                kind="str_list",
                required=info.is_required(),
                description=info.description,
            )
        raise


def fields(path: str, model: type[BaseModel]) -> list[Field]:
    """Every field of the table ``model`` at ``path`` (``funding``, ``partners``), in order."""
    return [_field(path, name, info) for name, info in model.model_fields.items()]


def _help_key(path: str) -> str:
    """``partners.domain`` as ``field_help`` names it: ``partners[].domain``."""
    from ..project._model import TABLES

    head, _, rest = path.partition(".")
    if head in TABLES and TABLES[head][1] and rest:
        path = f"{head}[].{rest}"
    return path.replace("funding.sources.", "funding.sources[].")


def label(field: Field, lang: str) -> str:
    """The field's question, as ``advies init`` asks it (else its description or name)."""
    key = f"q.{field.path}"
    if has_init_text(key):
        return init_text(key, lang)
    shown = field.description or field.name.replace("_", " ")
    return f"{shown[:1].upper()}{shown[1:]}"


def hint(field: Field, lang: str) -> str:
    """What the field holds (``field_help``), or nothing when the catalogue has no help."""
    key = f"field_help.{_help_key(field.path)}"
    found = text(key, lang) if has_text(key) else ""
    if found.startswith("true "):
        # NOTE: the help is written for people who edit the file ("true als ..."); the
        # form's buttons say ja / nee, so the hint does too
        yes = text("web.form_yes", lang)
        found = f"{yes[:1].upper()}{yes[1:]} {found[5:]}"
    return found


def option_label(field: Field, value: str, lang: str) -> str:
    """The label of the choice ``value`` of ``field`` in ``lang``."""
    return choice_label(value, lang, field.enum)


def title(section: Section, lang: str) -> str:
    """The page's short title: the catalogue's, else the plugin table's name."""
    key = f"web.form_table_{section.key}"
    if has_text(key):
        return text(key, lang)
    return text("web.form_extension", lang, name=section.key.partition(".")[2])


def intro(section: Section, lang: str) -> str:
    """The line that introduces the page: ``advies init``'s introduction of the table."""
    key = f"intro.{section.key}"
    if has_init_text(key):
        return init_text(key, lang)
    help_key = f"field_help.{section.key}"
    return text(help_key, lang) if has_text(help_key) else ""
