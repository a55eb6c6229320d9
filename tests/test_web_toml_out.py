"""A project given to the API as JSON is stored as TOML text that reads back the same."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import tomli

from interventie_advies import load_project
from interventie_advies.web._toml_out import to_toml

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.toml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_as_json_gives_the_same_data_as_toml(path: Path) -> None:
    data = tomli.loads(path.read_text(encoding="utf-8"))
    as_json = json.loads(json.dumps(data, default=str))  # dates become "YYYY-MM-DD"
    text = to_toml(as_json, load_project(as_json))
    assert tomli.loads(text) == data
    assert load_project(text=text) == load_project(data)


def test_strings_keys_and_dates() -> None:
    data = {
        "format": 1,
        "project": {
            "name": 'Zeg "hoi"\\ \n\tdaar 2026-01-01',
            "start": "2026-03-01",
            "end": "2026-12-31",
            "phase": "idea",
        },
        "extensions": {"mijn plugin": {"a.b": [1, 2.5, True], "when": "2026-03-01"}},
    }
    text = to_toml(data, load_project(data))
    assert "start = 2026-03-01\n" in text  # a date the model reads as a date
    assert 'name = "Zeg \\"hoi\\"\\\\ \\n\\tdaar 2026-01-01"\n' in text
    assert '[extensions."mijn plugin"]\n' in text
    back = tomli.loads(text)
    assert back["project"]["start"] == dt.date(2026, 3, 1)
    assert back["project"]["name"] == data["project"]["name"]  # type: ignore[index]
    assert back["extensions"] == data["extensions"]  # free-form: a string stays a string


def test_null_leaves_a_key_out_and_cannot_stand_in_a_list() -> None:
    assert to_toml({"format": 1, "project": {"name": "x", "phase": None}}) == (
        'format = 1\n\n[project]\nname = "x"\n'
    )
    with pytest.raises(ValueError, match="null has no TOML form"):
        to_toml({"format": 1, "project": {"name": "x", "goals": [None]}})
