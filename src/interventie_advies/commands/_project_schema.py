"""The JSON Schema of project files, made for editors (taplo / Even Better TOML, VS Code).

pydantic's schema of ``Project``, then four changes (docs/editor.md says why):

- every property gets its description in Dutch (``description``, the default language) and
  English (``x-description-en``), from the catalogue's ``field_help``; taplo's hover shows
  both (``x-taplo.docs.main``);
- an optional key is its plain type, not ``anyOf: [type, null]``: TOML has no null, and a
  typo then marks the key, not the whole table;
- a vocabulary lists the canonical values, then the Dutch labels and short forms the tool
  accepts (``project/_input.py``), each with its meaning (``x-taplo.docs.enumValues`` for
  taplo, ``enumDescriptions`` for VS Code's JSON support);
- ``format`` is ``const`` 1, as the loader demands.
"""

from __future__ import annotations

import types
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from ..messages import choice_label, table
from ..project._input import enum_name, written_forms
from ..project._model import FORMAT_VERSION, Project

__all__ = ["described_paths", "project_schema"]


def project_schema() -> dict[str, Any]:
    """The JSON Schema of a project file, with descriptions in both languages."""
    schema = Project.model_json_schema()
    _model(Project, schema, "", schema.get("$defs", {}))
    schema["properties"]["format"].update({"const": FORMAT_VERSION})
    return schema


def described_paths(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every property of ``schema`` by its path (``partners[].domain``) (for the tests)."""
    defs = schema.get("$defs", {})
    found: dict[str, dict[str, Any]] = {}

    def walk(node: dict[str, Any], prefix: str) -> None:
        for name, prop in node.get("properties", {}).items():
            path = prefix + name
            found[path] = prop
            target = prop.get("items", prop)
            ref = target.get("$ref")
            if ref:
                walk(defs[ref.rsplit("/", 1)[1]], path + ("[]." if "items" in prop else "."))

    walk(schema, "")
    return found


def _inner(annotation: Any) -> tuple[Any, bool]:
    """The type inside Optional and list, and whether it is a list."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        annotation = args[0] if len(args) == 1 else annotation
    if get_origin(annotation) is list:
        return get_args(annotation)[0], True
    return annotation, False


def _model(model: type[BaseModel], node: dict[str, Any], prefix: str, defs: dict[str, Any]) -> None:
    help_ = table("field_help")
    for name, info in model.model_fields.items():
        path = prefix + name
        prop = node["properties"][name]
        _plain_optional(prop)
        prop.pop("title", None)
        entry = help_.get(path)
        if entry is not None:
            prop["description"] = entry.nl
            prop["x-description-en"] = entry.en
            prop.setdefault("x-taplo", {}).setdefault("docs", {})["main"] = (
                f"{entry.nl}\n\n{entry.en}"
            )
        inner, is_list = _inner(info.annotation)
        enum = enum_name(inner)
        if enum:
            _vocabulary(prop.get("items", prop) if is_list else prop, enum)
        elif isinstance(inner, type) and issubclass(inner, BaseModel):
            sub = defs[inner.__name__]
            if entry is not None:
                sub["description"] = entry.nl
                sub["x-description-en"] = entry.en
            _model(inner, sub, path + ("[]." if is_list else "."), defs)


def _plain_optional(prop: dict[str, Any]) -> None:
    """``anyOf: [X, null]`` with ``default: null`` → ``X``: absent is how TOML says none."""
    branches = prop.get("anyOf")
    if branches is None:
        return
    kept = [b for b in branches if b != {"type": "null"}]
    if len(kept) == 1 and len(kept) < len(branches):
        del prop["anyOf"]
        prop.update(kept[0])
        if prop.get("default", 0) is None:
            del prop["default"]


def _vocabulary(node: dict[str, Any], enum: str) -> None:
    """List every accepted way to write a value of ``enum``, each with what it means."""
    forms = written_forms(enum)
    docs = [
        f"{value}: {choice_label(value, 'nl', enum)} / {choice_label(value, 'en', enum)}"
        for value in forms.values()
    ]
    node["enum"] = list(forms)
    node["enumDescriptions"] = docs
    node.setdefault("x-taplo", {}).setdefault("docs", {})["enumValues"] = docs
