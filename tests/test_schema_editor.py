"""The project file's JSON Schema in an editor: descriptions, plain types, the loader's truth.

Issue 13, items 1, 4 and 18: every property is described in Dutch and English; an
optional key is its plain type (no ``anyOf`` with null, so a typo marks the key); the
vocabularies list the Dutch words the loader accepts; ``format`` is 1, as the loader says;
every example validates. The schema is checked by the small validator below (the subset
of JSON Schema it uses), and by ``jsonschema`` where that package is installed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
from conftest import EXAMPLE_FILES

from interventie_advies import load_project
from interventie_advies.cli import cli
from interventie_advies.commands._project_schema import described_paths, project_schema
from interventie_advies.messages import table
from interventie_advies.project._read_toml import read_toml

SCHEMA = project_schema()
DEFS = SCHEMA["$defs"]


def test_every_property_has_a_description_in_dutch_and_english() -> None:
    paths = described_paths(SCHEMA)
    missing = [p for p, prop in paths.items() if not prop.get("description")]
    missing += [p for p, prop in paths.items() if not prop.get("x-description-en")]
    assert missing == [], "add these to messages/_field_help.py"
    assert sorted(set(table("field_help")) - set(paths)) == [], "keys that are no property"
    phase = paths["project.phase"]
    assert phase["description"].startswith("Waar het project nu staat")
    assert phase["x-description-en"].startswith("Where the project stands now")
    assert phase["x-taplo"]["docs"]["main"] == (
        f"{phase['description']}\n\n{phase['x-description-en']}"
    )


def test_no_anyof_wrappers_around_optional_keys() -> None:
    text = json.dumps(SCHEMA)
    assert '"anyOf"' not in text
    assert '{"type": "null"}' not in text
    assert SCHEMA["properties"]["residents"]["$ref"] == "#/$defs/Residents"
    assert DEFS["ProjectInfo"]["properties"]["neighbourhood"]["type"] == "string"


def test_a_vocabulary_lists_the_values_then_the_dutch_words() -> None:
    status = DEFS["Decision"]["properties"]["status"]
    assert status["enum"] == [
        "accepted", "in_progress", "done", "rejected", "not_applicable",
        "overgenomen", "mee bezig", "gedaan", "afgewezen", "niet van toepassing",
    ]  # fmt: skip
    assert status["enumDescriptions"][3] == "rejected: afgewezen / rejected"
    assert status["x-taplo"]["docs"]["enumValues"] == status["enumDescriptions"]
    needs = DEFS["Residents"]["properties"]["needs"]["items"]["enum"]
    assert needs[:2] == ["loneliness", "social_cohesion"]
    assert "eenzaamheid" in needs
    assert "samen ontwerpen" in DEFS["Residents"]["properties"]["co_design"]["enum"]


def test_the_command_prints_this_schema(runner: Any) -> None:
    result = runner.invoke(cli, ["schema", "project"])
    assert result.exit_code == 0
    printed = json.loads(result.stdout)
    assert printed["properties"] == SCHEMA["properties"]
    assert printed["properties"]["format"]["const"] == 1


# -- a small validator: the part of JSON Schema this schema uses ---------------------------

_TYPES = {
    "object": dict, "array": list, "string": str, "integer": int, "number": (int, float),
    "boolean": bool,
}  # fmt: skip


def errors(value: Any, node: dict[str, Any], where: str = "") -> list[str]:
    """What ``value`` breaks in ``node`` (as taplo reads TOML: dates are ISO strings)."""
    if "$ref" in node:
        return errors(value, DEFS[node["$ref"].rsplit("/", 1)[1]], where)
    kind = node.get("type")
    if (kind and not isinstance(value, _TYPES[kind])) or (
        kind in ("integer", "number") and isinstance(value, bool)
    ):
        return [f"{where}: not {kind}"]
    if "const" in node and value != node["const"]:
        return [f"{where}: not {node['const']}"]
    if "enum" in node and value not in node["enum"]:
        return [f"{where}: {value!r} not in enum"]
    if node.get("format") == "date" and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return [f"{where}: not a date"]
    found = []
    if isinstance(value, dict):
        props = node.get("properties", {})
        found += [f"{where}.{k}: required" for k in node.get("required", ()) if k not in value]
        for key, item in value.items():
            if key in props:
                found += errors(item, props[key], f"{where}.{key}")
            elif node.get("additionalProperties") is False:
                found.append(f"{where}.{key}: unknown key")
    if isinstance(value, list) and "items" in node:
        for i, item in enumerate(value):
            found += errors(item, node["items"], f"{where}[{i}]")
    return found


def as_taplo_reads(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: as_taplo_reads(v) for k, v in data.items()}
    if isinstance(data, list):
        return [as_taplo_reads(v) for v in data]
    return data.isoformat() if isinstance(data, dt.date) else data


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.name for p in EXAMPLE_FILES])
def test_every_example_validates(path: Any) -> None:
    data = read_toml(path.read_text(encoding="utf-8"), path.name)
    assert errors(as_taplo_reads(data), SCHEMA) == []


PLAN = {
    "format": 1,
    "project": {"name": "Buurtkoor", "phase": "voorbereiding", "start": "2027-01-11"},
    "residents": {"needs": ["eenzaamheid", "pride"], "co_design": "samen ontwerpen"},
    "partners": [{"name": "Welzijn Lindenhof", "domain": "welzijn"}],
}


def test_schema_and_loader_agree() -> None:
    assert errors(PLAN, SCHEMA) == []
    load_project(PLAN)  # the loader takes it too
    assert errors({**PLAN, "format": 2}, SCHEMA) == [".format: not 1"]
    typo = {**PLAN, "residents": {"neeeds": ["pride"]}}
    assert errors(typo, SCHEMA) == [".residents.neeeds: unknown key"]


def test_the_jsonschema_package_agrees_where_it_is_installed() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for path in EXAMPLE_FILES:
        data = as_taplo_reads(read_toml(path.read_text(encoding="utf-8"), path.name))
        assert list(validator.iter_errors(data)) == [], path.name
    assert list(validator.iter_errors(PLAN)) == []
    assert [e.validator for e in validator.iter_errors({**PLAN, "format": 2})] == ["const"]
