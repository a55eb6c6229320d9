"""Every example of every built-in rule file, as its own pytest case (public harness)."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest

from interventie_advies import load_rules
from interventie_advies.rulebook._rules import Example
from interventie_advies.testing import (
    DEFAULT_DATE,
    ExampleCase,
    example_cases,
    example_project,
    run_example,
)

RULE_FILES = sorted((Path(__file__).resolve().parents[1] / "rules").glob("*.toml"))
CASES = [case for path in RULE_FILES for case in example_cases(path)]


def test_every_rule_file_contributes_examples() -> None:
    assert len(RULE_FILES) == 12
    per_file = Counter(Path(case.rule.origin).name for case in CASES)
    assert set(per_file) == {p.name for p in RULE_FILES}
    total = sum(len(r.examples) for p in RULE_FILES for r in load_rules(p))
    assert len(CASES) == total


def test_case_ids_are_unique_and_readable() -> None:
    ids = [case.id for case in CASES]
    assert len(set(ids)) == len(ids)
    for case in CASES:
        code, index, what = case.id.rsplit("-", 2)
        assert code == case.rule.code
        assert int(index) == case.index
        assert what in ("fires", "silent", "asks", "no-question")


def test_example_project_adds_format_and_name() -> None:
    assert example_project(Example(asks=True)) == {"format": 1, "project": {"name": "Voorbeeld"}}
    data = example_project(Example(fires=True, project={"project": {"phase": "closing"}}))
    assert data == {"format": 1, "project": {"phase": "closing", "name": "Voorbeeld"}}


def test_examples_without_a_date_run_on_the_default_date() -> None:
    case = next(c for c in CASES if c.example.date is None)
    result = run_example(case)
    assert result.report is not None
    assert result.report.evaluated_on == DEFAULT_DATE.isoformat()


def test_harness_catches_a_wrong_expectation() -> None:
    case = next(c for c in CASES if c.example.fires is True)
    flipped = dataclasses.replace(
        case, example=case.example.model_copy(update={"fires": False}))
    with pytest.raises(AssertionError, match="expected no finding and no question, got a "
                                             "finding"):
        run_example(flipped).check()


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_rule_example(case: ExampleCase) -> None:
    run_example(case).check()
