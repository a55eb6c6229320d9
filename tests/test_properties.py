"""Properties (hypothesis) of loading, reports, built-in rules and the prioritiser.

Loading never crashes, reports are deterministic, built-in rules never raise on a valid
project, and the prioritiser orders as documented.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import itertools
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from strategies import (
    DATES,
    full_projects,
    junk,
    junk_dicts,
    mutated_projects,
    ranking_contexts,
    sparse_projects,
    valid_projects,
)

from interventie_advies import Engine, Project, ProjectError, load_project
from interventie_advies.engine._bands import near_end, plain_reasons
from interventie_advies.engine._prioritise import order, rank, rank_context, rule_context, score
from interventie_advies.rulebook._elements import ELEMENT_IDS

if TYPE_CHECKING:
    from collections.abc import Callable

#: one engine with the built-in rules only, shared by every example (rules compile once)
ENGINE = Engine(plugins=())



def bounded(examples: int) -> Callable[[Any], Any]:
    """Hypothesis settings that keep the whole file well under 30 s; marked ``slow``."""
    chosen = settings(max_examples=examples, deadline=None,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

    def decorate(test: Any) -> Any:
        return pytest.mark.slow(chosen(test))

    return decorate


CHEAP = bounded(150)  # no engine run, small inputs
PROJECTS = bounded(60)  # generates whole projects

LANGS = st.sampled_from(["nl", "en"])


def load_or_project_error(source: Any) -> None:
    try:
        result = load_project(source)
    except ProjectError as exc:
        assert exc.problems
        assert all(isinstance(p.message, str) and p.message for p in exc.problems)
        return
    assert isinstance(result, Project)


# -- (a) load_project returns a Project or raises ProjectError, nothing else -----------------


@bounded(80)
@given(junk_dicts())
def test_arbitrary_dicts_load_or_raise_project_error(data: dict[str, Any]) -> None:
    load_or_project_error(data)


@bounded(80)
@given(st.dictionaries(st.text(max_size=12), junk(), max_size=4).map(
    lambda extra: {"format": 1, "project": {"name": "x"}, **extra}))
def test_junk_tables_load_or_raise_project_error(data: dict[str, Any]) -> None:
    load_or_project_error(data)


@PROJECTS
@given(mutated_projects())
def test_mutated_projects_load_or_raise_project_error(data: dict[str, Any]) -> None:
    load_or_project_error(data)


@CHEAP
@given(st.text())
@example("")
@example("x" * 300)  # longer than a file name may be
@example("format = 1\n[project]\nname = 'x'\n")
@example("format = 1\n[project]\nname = 'x'\nend = 2026-01-01\nstart = 2027-01-01\n")
def test_arbitrary_text_loads_or_raises_project_error(text: str) -> None:
    load_or_project_error(text)


@CHEAP
@given(st.lists(st.sampled_from(['format = 1\n', '[project]\n', 'name = "x"\n', '[[partners]]\n',
                                 'domain = "social"\n', 'name = 3\n', '[residents]\n',
                                 'needs = ["x"]\n', "end = 2026-01-01\n", "start = 2027-01-01\n",
                                 "[vision]\n", 'endorsed_by_partners = ["y"]\n', "= \n", "[[\n"]),
                max_size=12).map("".join))
def test_toml_like_text_loads_or_raises_project_error(text: str) -> None:
    load_or_project_error(text)


@bounded(40)
@given(valid_projects())
def test_valid_projects_load(data: dict[str, Any]) -> None:
    project = load_project(data)
    assert project.project.name == data["project"]["name"]
    assert load_project(project) is project


# -- (b) deterministic reports ---------------------------------------------------------------


@PROJECTS
@given(valid_projects(), DATES, LANGS)
def test_report_is_byte_identical_for_the_same_input(data: dict[str, Any], date: dt.date,
                                                     lang: str) -> None:
    first = ENGINE.advise(data, date=date, lang=lang).to_json()
    second = ENGINE.advise(copy.deepcopy(data), date=date, lang=lang).to_json()
    assert first == second
    # the same project with its tables in another order is the same input
    reordered = dict(reversed(list(copy.deepcopy(data).items())))
    assert ENGINE.advise(reordered, date=date, lang=lang).to_json() == first
    # and so is the validated Project
    assert ENGINE.advise(load_project(data), date=date, lang=lang).to_json() == first


@bounded(12)
@given(valid_projects(), DATES, LANGS)
def test_report_is_byte_identical_with_a_fresh_engine(data: dict[str, Any], date: dt.date,
                                                      lang: str) -> None:
    shared = ENGINE.advise(data, date=date, lang=lang).to_json()
    fresh = Engine(plugins=()).advise(copy.deepcopy(data), date=date, lang=lang).to_json()
    assert fresh == shared


# -- (c) no built-in rule raises on a valid project ------------------------------------------


def check_no_errors(data: dict[str, Any], date: dt.date) -> None:
    report = ENGINE.advise(data, date=date, lang="en")
    assert report.errors == (), [e.to_dict() for e in report.errors]
    assert [e.element for e in report.elements][:12] == list(ELEMENT_IDS)
    assert report.evaluated_on == date.isoformat()


@bounded(120)
@given(valid_projects(), DATES)
def test_builtin_rules_never_raise(data: dict[str, Any], date: dt.date) -> None:
    check_no_errors(data, date)


@pytest.mark.parametrize("phase", ["preparation", "execution"])
def test_a_variant_that_reads_a_list_the_file_leaves_out_is_not_chosen(phase: str) -> None:
    # found by the property above: CON04's "before the last session" variant read
    # `activities` in a file without [[activities]] (TypeError, an error entry)
    data = {"format": 1, "project": {"name": "0", "phase": phase},
            "contact": {"informal_moments": False, "continues_after_project": False}}
    report = ENGINE.advise(data, date=dt.date(2000, 1, 1), lang="en")
    assert report.errors == ()
    (finding,) = [f for f in report.findings if f.code == "CON04"]
    assert finding.variant is None


@PROJECTS
@given(sparse_projects(), DATES)
def test_builtin_rules_never_raise_on_sparse_projects(data: dict[str, Any],
                                                     date: dt.date) -> None:
    check_no_errors(data, date)


@bounded(40)
@given(full_projects(), DATES)
def test_builtin_rules_never_raise_on_full_projects(data: dict[str, Any], date: dt.date) -> None:
    check_no_errors(data, date)


def test_strategies_cover_sparse_and_full_shapes() -> None:
    # every table appears in full projects ...
    seen: set[str] = set()

    @settings(max_examples=5, deadline=None, database=None)
    @given(full_projects())
    def collect(data: dict[str, Any]) -> None:
        seen.update(data)

    collect()
    assert seen == set(Project.model_fields)
    # ... while sparse projects leave tables out, and keys out of the tables they have
    shapes: list[dict[str, Any]] = []

    @settings(max_examples=30, deadline=None, database=None)
    @given(sparse_projects())
    def collect_sparse(data: dict[str, Any]) -> None:
        shapes.append(data)

    collect_sparse()
    assert any(len(data) < len(seen) for data in shapes)
    assert any(len(data.get("residents", ())) < 8 for data in shapes if "residents" in data)


# -- (d) the prioritiser -----------------------------------------------------------------------

SCORE_INPUTS = ranking_contexts
PRIORITIES = ("low", "medium", "high")


@dataclasses.dataclass(frozen=True)
class Item:
    code: str
    score: float
    serial: int  # where it stood in the input
    priority: str = "medium"


BAND = {"high": 0, "medium": 1, "low": 2}


@CHEAP
@given(SCORE_INPUTS)
def test_lower_base_priority_never_scores_higher(inputs: dict[str, Any]) -> None:
    low, medium, high = (score(priority=p, **inputs)[0] for p in PRIORITIES)
    assert 0 < low < medium < high


@CHEAP
@given(SCORE_INPUTS, st.sampled_from(PRIORITIES))
def test_score_is_deterministic_and_explained(inputs: dict[str, Any], priority: str) -> None:
    value, factors = score(priority=priority, **inputs)
    assert score(priority=priority, **copy.deepcopy(inputs)) == (value, factors)
    assert value > 0
    assert factors
    base = "basis: prioriteit" if inputs["lang"] == "nl" else "base: priority"
    assert factors[0].startswith(base)


@CHEAP
@given(SCORE_INPUTS, st.sampled_from(PRIORITIES))
def test_ranking_with_the_reduced_context_is_exact(inputs: dict[str, Any], priority: str) -> None:
    # the engine caches rankings by these contexts: they must never change a result
    project = rank_context(
        inputs["phase"], inputs["needs"], inputs["months_left"], inputs["funding_months"]
    )
    phase, needs, months_left, funding_months = rule_context(
        inputs["phases"], inputs["serves_needs"], project
    )
    reduced = {**inputs, "phase": phase, "needs": needs, "months_left": months_left,
               "funding_months": funding_months}
    assert rank(priority, **reduced) == rank(priority, **inputs)


@CHEAP
@given(SCORE_INPUTS, st.sampled_from(PRIORITIES), st.sampled_from(PRIORITIES),
       st.none() | st.just("verhoogd: eenmalig"))
def test_reasons_with_the_reduced_context_are_exact(
    inputs: dict[str, Any], base: str, priority: str, adjustment: str | None
) -> None:
    # the engine caches a finding's reasons by these values (engine/_fixed.fixed_values)
    project = rank_context(
        inputs["phase"], inputs["needs"], inputs["months_left"], inputs["funding_months"]
    )
    phase, needs, _, short = rule_context(inputs["phases"], inputs["serves_needs"], project)
    months = inputs["months_left"]
    near = months if inputs["kind"] == "warning" and near_end(months) else None
    reduced = {**inputs, "phase": phase, "needs": needs, "months_left": near,
               "funding_months": short}
    how = {"base": base, "priority": priority, "adjustment": adjustment}
    assert plain_reasons(**how, **reduced) == plain_reasons(**how, **inputs)


ITEMS = st.lists(
    st.tuples(st.sampled_from(["CON01", "CON02", "SUS01", "KEY03", "ALL02"]),
              st.sampled_from([1.0, 1.1, 2.0, 2.5, 3.0, 4.5]),
              st.sampled_from(PRIORITIES)),
    max_size=12,
).map(lambda rows: [Item(code, value, i, band) for i, (code, value, band) in enumerate(rows)])


@CHEAP
@given(ITEMS)
def test_order_is_a_sorted_stable_permutation(items: list[Item]) -> None:
    ordered = order(items)
    # a permutation: the very same objects, each once
    assert sorted(ordered, key=lambda i: i.serial) == items
    # band (high first), then score descending, then code
    keys = [(BAND[i.priority], -i.score, i.code) for i in ordered]
    assert keys == sorted(keys)
    # stable: equal keys keep their input order
    for a, b in itertools.pairwise(ordered):
        if (a.priority, a.score, a.code) == (b.priority, b.score, b.code):
            assert a.serial < b.serial
    # deterministic, whatever the input order
    assert order(items) == ordered
    shuffled = list(reversed(items))
    assert [(i.priority, i.score, i.code) for i in order(shuffled)] == [
        (i.priority, i.score, i.code) for i in ordered]


@bounded(50)
@given(st.lists(st.tuples(st.sampled_from(PRIORITIES), SCORE_INPUTS), max_size=8))
def test_order_of_scored_findings(entries: list[tuple[str, dict[str, Any]]]) -> None:
    items = [Item(f"R{i:02d}", score(priority=p, **inputs)[0], i, p)
             for i, (p, inputs) in enumerate(entries)]
    ordered = order(items)
    # no item of a lower band above one of a higher band, and by score within a band
    assert [BAND[i.priority] for i in ordered] == sorted(BAND[i.priority] for i in items)
    for band in PRIORITIES:
        within = [i.score for i in ordered if i.priority == band]
        assert within == sorted(within, reverse=True)
