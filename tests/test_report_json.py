"""Compact JSON (JSON lines) is exactly the text ``json.dumps`` writes, and stays bounded."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from interventie_advies import Engine
from interventie_advies.report import _json
from interventie_advies.report._json import MAX_STRINGS, compact_json, json_text, jsonable

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.toml"))

TEXT = st.text(st.characters(codec=None, categories=None), max_size=40)
LEAVES = st.none() | st.booleans() | st.integers() | st.floats() | TEXT
DATA = st.recursive(
    LEAVES | st.dates() | st.frozensets(st.integers(), max_size=3),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(TEXT, inner, max_size=4)
    | st.tuples(inner, inner),
    max_leaves=20,
)


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, default=jsonable)


@given(DATA)
def test_compact_json_is_json_dumps(data: Any) -> None:
    assert compact_json(data) == dumps(data)
    assert compact_json(data) == dumps(data)  # a second time, from what it remembered


def test_compact_json_of_reports_is_json_dumps() -> None:
    engine = Engine(plugins=())
    for path in EXAMPLES:
        for lang in ("nl", "en"):
            data = engine.advise(path, date=dt.date(2026, 6, 1), lang=lang).to_dict()
            assert compact_json(data) == dumps(data)


@given(DATA, st.sampled_from([2, 0, 4]))
def test_indented_json_is_json_dumps(data: Any, indent: int) -> None:
    expected = json.dumps(data, ensure_ascii=False, indent=indent, default=jsonable)
    assert json_text(data, indent=indent) == expected


def test_indented_json_of_reports_is_json_dumps() -> None:
    engine = Engine(plugins=())
    for path in EXAMPLES:
        for lang in ("nl", "en"):
            data = engine.advise(path, date=dt.date(2026, 6, 1), lang=lang).to_dict()
            expected = json.dumps(data, ensure_ascii=False, indent=2, default=jsonable)
            assert json_text(data, indent=2) == expected


def test_the_memory_of_strings_is_bounded() -> None:
    data = [f"naam {n} \u2013 \x85 \ud800" for n in range(MAX_STRINGS + 10)]
    assert compact_json(data) == dumps(data)
    assert 0 < len(_json._ESCAPED) <= MAX_STRINGS
    assert compact_json(data[:3]) == dumps(data[:3])


def test_circular_data_is_refused_as_json_dumps_refuses_it() -> None:
    data: list[Any] = []
    data.append(data)
    for encode in (compact_json, dumps):
        try:
            encode(data)
        except ValueError as exc:
            assert "Circular reference" in str(exc)
        else:  # pragma: no cover
            raise AssertionError("no error")
