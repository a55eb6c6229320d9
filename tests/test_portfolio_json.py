"""The portfolio's indented JSON is exactly the text ``json.dumps(..., indent=2)`` writes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from interventie_advies import Engine
from interventie_advies.commands._portfolio import Portfolio
from interventie_advies.report import _portfolio_json
from interventie_advies.report._portfolio_json import Kept, Written, dumps

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.toml"))

# NOTE: every code point, control characters, quotes, backslashes and lone surrogates too
TEXT = st.text(st.characters(codec=None, categories=None), max_size=12) | st.sampled_from(
    ['"', "\\", "\n", "\x00\x1f\x7f", "é ü 漢", "\u2028\u2029", "\ud800", ""]
)
KEYS = TEXT | st.integers() | st.floats() | st.booleans() | st.none()
LEAVES = st.none() | st.booleans() | st.integers() | st.floats() | TEXT
DATA = st.recursive(
    LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(TEXT, inner, max_size=4)
        | st.dictionaries(KEYS, inner, max_size=3)
        | st.tuples(inner, inner)
    ),
    max_leaves=25,
)


def reference(data: Any, indent: int = 2) -> str:
    return json.dumps(data, ensure_ascii=False, indent=indent)


@given(DATA, st.sampled_from([2, 0, 4]))
def test_dumps_is_json_dumps(data: Any, indent: int) -> None:
    assert dumps(data, indent) == reference(data, indent)


@given(st.lists(DATA, max_size=5), DATA)
def test_a_written_list_is_the_list_json_dumps_writes(items: list[Any], around: Any) -> None:
    kept: Kept = {}
    boxes = [[item] for item in items]  # objects of their own, kept by identity

    def document() -> Any:
        return {"before": around, "rows": Written(boxes, lambda box: box[0], "k", kept)}

    expected = reference({"before": around, "rows": items})
    assert dumps(document()) == expected
    assert dumps(document()) == expected  # the second time from what was kept
    # the same rows at another depth, or with another key, are written again
    deeper = [Written(boxes, lambda box: box[0], "k", kept)]
    assert dumps(deeper) == reference([items])
    assert dumps(Written(boxes, lambda box: [box[0]], "other", kept)) == reference(
        [[item] for item in items]
    )


def test_what_was_kept_is_taken_only_for_the_same_object() -> None:
    kept: Kept = {}
    first = {"name": "a"}
    assert dumps(Written([first], dict, "k", kept)) == reference([first])
    # NOTE: the same id, another object: what was kept is not its text
    kept[id(first)] = ({"name": "b"}, "k", "\n  ", '{"wrong": true}')
    assert dumps(Written([first], dict, "k", kept)) == reference([first])


def test_what_is_kept_is_bounded(monkeypatch: Any) -> None:
    monkeypatch.setattr(_portfolio_json, "KEPT_MAX", 3)
    kept: Kept = {}
    rows = [{"n": n} for n in range(10)]
    assert dumps(Written(rows, dict, None, kept)) == reference(rows)
    assert 0 < len(kept) <= 3


def test_the_portfolio_of_the_examples_is_json_dumps() -> None:
    engine = Engine(plugins=())
    kept: Kept = {}
    for lang in ("nl", "en"):
        folio = Portfolio(lang=lang)
        for n in range(30):
            report = engine.advise(EXAMPLES[n % len(EXAMPLES)], date=dt.date(2026, 6, 1), lang=lang)
            folio.add_report(report, file=f'project "{n}" – é\t{n}')
        expected = reference(folio.to_dict())
        assert folio.to_json() == expected
        assert folio.to_json(kept=kept) == expected
        assert folio.to_json(kept=kept) == expected  # rows from what was kept
        assert folio.to_json(indent=None) == json.dumps(folio.to_dict(), ensure_ascii=False)
    assert Portfolio().to_json() == reference(Portfolio().to_dict())
