"""Domain facts in one place: each derived fact declares its fields, and questions use them."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from conftest import make_rule

from interventie_advies import load_project
from interventie_advies.engine._questions import table_of
from interventie_advies.project._facts import Facts, From, derive_facts
from interventie_advies.project._model import Project
from interventie_advies.testing import RulesPlugin, make_engine

D = dt.date
TODAY = D(2026, 6, 1)
SOURCES = Facts.sources()
DERIVED = sorted(name for name in Facts.annotations() if name != "today")

#: a project that describes every field a built-in fact is derived from
RICH: dict[str, Any] = {
    "format": 1,
    "project": {"name": "x", "start": D(2026, 1, 1), "end": D(2026, 12, 31)},
    "funding": {
        "duration_months": 14,
        "sources": [
            {"name": "Fonds", "kind": "structural", "amount_eur": 1000,
             "start": D(2026, 2, 1), "end": D(2027, 3, 31)},
            {"name": "Buurt", "kind": "in_kind", "amount_eur": 500, "end": D(2026, 9, 30)},
        ],
    },
    "partners": [
        {"name": "Bieb", "domain": "cultural"}, {"name": "Wijkteam", "domain": "health"},
        {"name": "Woonstad", "domain": "housing"}, {"name": "Welzijn", "domain": "social"},
    ],
    "key_persons": [{"name": "Fatima"}],
    "residents": {"barriers": ["cost", "language"], "barriers_addressed": ["cost"]},
    "collaboration": {"differences": ["policy"], "differences_addressed": []},
    "activities": [{"name": "Koor", "frequency": "monthly"}],
}


def test_every_derived_fact_declares_its_fields() -> None:
    hints = Facts.__annotations__
    assert set(SOURCES) == set(Facts.annotations()) == set(hints)
    assert SOURCES["today"] == ()
    for name in DERIVED:
        assert SOURCES[name], f"facts.{name} declares no fields"
    assert SOURCES["months_left"] == ("funding.sources[].end", "project.end")
    assert isinstance(From("a.b").fields, tuple)


@pytest.mark.parametrize("name", DERIVED)
def test_the_declared_fields_name_fields_of_the_project_file(name: str) -> None:
    for source in SOURCES[name]:
        model: Any = Project
        for part in source.split("."):
            field = part.removesuffix("[]")
            assert field in model.model_fields, f"facts.{name}: {source} is not a field"
            annotation = model.model_fields[field].annotation
            model = _model_in(annotation)


def _model_in(annotation: Any) -> Any:
    """The pydantic model inside ``X | None`` or ``list[X] | None`` (else None)."""
    for arg in (annotation, *getattr(annotation, "__args__", ())):
        for inner in (arg, *getattr(arg, "__args__", ())):
            if isinstance(inner, type) and hasattr(inner, "model_fields"):
                return inner
    return None


class _Only(SimpleNamespace):
    """A stand-in for a table that has only some fields (every other one reads None)."""

    def __getattr__(self, name: str) -> None:
        return None


def _keep(data: Any, paths: list[list[str]]) -> Any:
    """``data`` with only the fields ``paths`` reach (each a list of names), as _Only."""
    if isinstance(data, list):
        return [_keep(item, paths) for item in data]
    if not isinstance(data, dict):
        return data
    if any(not p for p in paths):  # the whole table or item is kept
        return _Only(**{k: _keep(v, [[]]) for k, v in data.items()})
    kept: dict[str, Any] = {}
    for head in {p[0] for p in paths}:
        if head in data:
            kept[head] = _keep(data[head], [p[1:] for p in paths if p[0] == head])
    return _Only(**kept)


#: the same without funding: funding ends when the project ends
NO_FUNDING = {k: v for k, v in RICH.items() if k != "funding"}


@pytest.mark.parametrize("data", [RICH, NO_FUNDING], ids=["rich", "no_funding"])
@pytest.mark.parametrize("name", DERIVED)
def test_a_fact_is_derived_from_its_declared_fields_only(name: str, data: Any) -> None:
    """Keep only the declared fields of a project: the fact keeps its value."""
    project = load_project(data)
    full = getattr(derive_facts(project, TODAY), name)
    if data is RICH:
        assert full is not None
    data = project.model_dump(exclude_none=True)
    paths = [[p.removesuffix("[]") for p in s.split(".")] for s in SOURCES[name]]
    only = _keep(data, [["project", "name"], *paths])  # [project] is required
    # derive_facts reads the tables as attributes; every other field reads None
    assert getattr(derive_facts(only, TODAY), name) == full


@pytest.mark.parametrize("name", DERIVED)
def test_a_missing_derived_fact_asks_for_exactly_its_fields(name: str) -> None:
    rule = make_rule("TST01", needs=(f"facts.{name}",), element="sustainability")
    engine = make_engine(RulesPlugin([rule]))
    # a table is there, but says nothing the fact is derived from
    data: dict[str, Any] = {"format": 1, "project": {"name": "x"}}
    table = table_of(f"facts.{name}")
    if table == "funding":
        # NOTE: a source without a kind says "no structural funding"; no sources: unknown
        kind = SOURCES[name] == ("funding.sources[].kind",)
        data["funding"] = {} if kind else {"sources": [{"kind": "project"}]}
    report = engine.advise(data, date=TODAY)
    assert report.findings == ()
    # NOTE: each field is asked once: with its left-out table, or on its own
    assert all(q.codes == ("TST01",) for q in report.questions)
    asked = [m for q in report.questions for m in q.missing]
    assert sorted(asked) == sorted(SOURCES[name])


def test_a_fact_derived_from_several_fields_counts_once_for_completeness() -> None:
    rules = [
        make_rule("TST01", needs=("facts.months_left",), element="sustainability"),
        make_rule("TST02", needs=("facts.funding_end",), element="sustainability"),
    ]
    report = make_engine(RulesPlugin(rules)).advise(
        {"format": 1, "project": {"name": "x"}, "funding": {"duration_months": 3}}, date=TODAY
    )
    assert sorted(q.missing for q in report.questions) == [
        ("funding.sources[].end",),
        ("project.end",),
    ]
    assert report.completeness["needed"] == 1
