"""What the engine keeps between projects never shows: each report is built as from scratch.

It keeps a finding's fixed fields, the item of a lone finding and element statuses.
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import DATE, EXAMPLES, make_rule

from interventie_advies import Engine
from interventie_advies.engine import _status
from interventie_advies.engine._themes import items_of
from interventie_advies.report._items import Decision
from interventie_advies.testing import RulesPlugin, make_engine


def project(**tables: Any) -> dict[str, Any]:
    return {"format": 1, "project": {"name": "Testproject"}, **tables}


def test_a_lone_item_shows_a_decision_made_after_its_finding_was_kept() -> None:
    engine = make_engine(RulesPlugin([make_rule("TST01", priority="high"),
                                      make_rule("TST02", priority="low")]))
    before = engine.advise(project(), date=DATE)
    decided = engine.advise(project(decisions=[
        {"rule": "TST01", "status": "accepted", "reason": "doen we"}]), date=DATE)
    after = engine.advise(project(), date=DATE)
    assert [(i.code, i.decision) for i in before.items] == [("TST01", None), ("TST02", None)]
    assert [(i.code, i.decision) for i in decided.items] == [
        ("TST01", Decision("accepted", "doen we")), ("TST02", None)]
    assert after.items == before.items


def test_a_held_finding_gets_an_item_of_its_own_band() -> None:
    rules = [make_rule(f"TST{i:02}", priority="high") for i in range(1, 7)]
    engine = make_engine(RulesPlugin(rules))
    for _ in range(2):  # the second time from what the engine kept
        report = engine.advise(project(), date=DATE)
        assert [i.priority for i in report.items] == ["high"] * 2 + ["medium"] * 4
        assert [(i.code, i.priority, i.reasons) for i in report.items] == [
            (f.code, f.priority, f.reasons) for f in report.findings]


@pytest.mark.parametrize("plugins", [(), None], ids=["builtin", "installed"])
def test_every_example_gives_the_items_and_statuses_built_from_scratch(plugins: Any) -> None:
    engine = Engine(plugins=plugins)
    for path in sorted(EXAMPLES.glob("*.toml")):
        for lang in ("nl", "en"):
            for _ in range(2):  # the second time from what the engine kept
                report = engine.advise(path, date=DATE, lang=lang)
                assert report.items == items_of(report.findings, lang), path.name
                layout = engine.element_layout(lang)
                described = {e.element: (e.described, e.needed) for e in report.elements}
                _status._STATUSES.clear()  # built anew
                assert report.elements == _status.element_statuses(
                    report.findings, report.questions, report.strengths, layout, described
                ), path.name
