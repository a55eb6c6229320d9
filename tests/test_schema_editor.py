"""The project file's JSON Schema in an editor: descriptions, plain types, the loader's truth.

Issue 13, items 1, 4 and 18: every property is described in Dutch and English; an
optional key is its plain type (no ``anyOf`` with null, so a typo marks the key); the
vocabularies list the Dutch words the loader accepts; ``format`` is 1, as the loader says;
every example validates. The schema is checked with the ``jsonschema`` package (draft
2020-12, formats checked), as editors and check-jsonschema read it.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import jsonschema
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

VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def errors(value: Any) -> list[tuple[str, str]]:
    """Where ``value`` breaks the schema, and which keyword it breaks (as an editor would)."""
    found = VALIDATOR.iter_errors(value)
    return sorted((".".join(map(str, e.absolute_path)), str(e.validator)) for e in found)


def as_taplo_reads(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: as_taplo_reads(v) for k, v in data.items()}
    if isinstance(data, list):
        return [as_taplo_reads(v) for v in data]
    return data.isoformat() if isinstance(data, dt.date) else data


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.name for p in EXAMPLE_FILES])
def test_every_example_validates(path: Any) -> None:
    data = read_toml(path.read_text(encoding="utf-8"), path.name)
    assert errors(as_taplo_reads(data)) == []


PLAN = {
    "format": 1,
    "project": {"name": "Buurtkoor", "phase": "voorbereiding", "start": "2027-01-11"},
    "residents": {"needs": ["eenzaamheid", "pride"], "co_design": "samen ontwerpen"},
    "partners": [{"name": "Welzijn Lindenhof", "domain": "welzijn"}],
}


def test_schema_and_loader_agree() -> None:
    assert errors(PLAN) == []
    load_project(PLAN)  # the loader takes it too
    assert errors({**PLAN, "format": 2}) == [("format", "const")]
    typo = {**PLAN, "residents": {"neeeds": ["pride"]}}
    assert errors(typo) == [("residents", "additionalProperties")]
    assert errors({**PLAN, "project": {**PLAN["project"], "start": "11-01-2027"}}) == [
        ("project.start", "format")
    ]
