"""docs/traceability.md maps every statement of the seed to rules that exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from interventie_advies import Engine
from interventie_advies.rulebook._elements import ELEMENT_IDS

ROOT = Path(__file__).resolve().parents[1]
TABLE_ROW = re.compile(r"^\| (?P<id>[A-Z]\d+[a-z]?) \|.*\| (?P<codes>[^|]*) \|$", re.M)
CODE = re.compile(r"\b[A-Z]{2,4}\d{2}\b")


@pytest.fixture(scope="module")
def rules() -> dict[str, str]:
    return {r.code: r.element for r in Engine(plugins=()).rules}


@pytest.fixture(scope="module")
def table() -> dict[str, list[str]]:
    text = (ROOT / "docs" / "traceability.md").read_text(encoding="utf-8")
    rows = {m["id"]: CODE.findall(m["codes"]) for m in TABLE_ROW.finditer(text)}
    assert rows, "no rows found in docs/traceability.md"
    return rows


def test_every_statement_of_the_seed_has_a_row(table: dict[str, list[str]]) -> None:
    # 3 effects, 5 working elements, the cross-domain claim, 5 principles, 2 tips
    for needed in ("E1", "E2", "E3", "W1", "W2", "W3", "W4", "W5", "C0",
                   "P1", "P2", "P3", "P4", "P5", "T1", "T2"):
        assert needed in table
        if not needed.startswith("M"):
            assert table[needed], f"{needed} names no rule"


def test_every_code_in_the_table_exists(table: dict[str, list[str]],
                                        rules: dict[str, str]) -> None:
    unknown = sorted({c for codes in table.values() for c in codes} - set(rules))
    assert unknown == []


def test_every_rule_is_traced(table: dict[str, list[str]], rules: dict[str, str]) -> None:
    traced = {c for codes in table.values() for c in codes}
    assert sorted(set(rules) - traced) == []


def test_every_element_has_rules_and_a_strength(rules: dict[str, str]) -> None:
    engine = Engine(plugins=())
    for element in ELEMENT_IDS:
        kinds = [r.kind for r in engine.rules if r.element == element]
        assert kinds.count("strength") >= 1, element
        assert len(kinds) - kinds.count("strength") >= 3, element
