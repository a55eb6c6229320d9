"""Rule tags: an optional list of short lowercase words, carried into findings and reports."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

import pytest
from conftest import EXAMPLES, one_rule_file

from interventie_advies import Engine, RuleError, load_rules
from interventie_advies.commands._schema import schema_of

if TYPE_CHECKING:
    from pathlib import Path



def write(tmp_path: Path, tags: str, name: str = "regels.toml") -> Path:
    path = tmp_path / name
    path.write_text(one_rule_file(tags), encoding="utf-8")
    return path


def test_a_rule_may_carry_tags_that_its_findings_and_report_carry(tmp_path: Path) -> None:
    path = write(tmp_path, 'tags = ["sustainability", "money-2"]')
    (rule,) = load_rules(path)
    assert rule.tags == ("sustainability", "money-2")
    assert load_rules(write(tmp_path, "", "plain.toml"))[0].tags == ()
    engine = Engine(plugins=(), builtin=False, rules=[path])
    data = {"format": 1, "project": {"name": "x"}, "contact": {"informal_moments": False}}
    report = engine.advise(data)
    (finding,) = report.findings
    assert finding.tags == ("sustainability", "money-2")
    assert json.loads(report.to_json())["findings"][0]["tags"] == ["sustainability", "money-2"]


@pytest.mark.parametrize("tags", ['["Sustainability"]', '["two words"]', '[""]', '"x"'])
def test_a_tag_is_one_short_lowercase_word(tmp_path: Path, tags: str) -> None:
    path = write(tmp_path, f"tags = {tags}")
    with pytest.raises(RuleError) as info:
        load_rules(path)
    text = str(info.value)
    assert str(path) in text and "TST01" in text and "tags" in text


def test_the_rule_schema_and_the_report_schema_know_tags() -> None:
    rules = json.dumps(schema_of("rules"))
    assert '"tags"' in rules
    report = schema_of("report")
    assert "tags" in report["$defs"]["_Finding"]["properties"]
    assert "months_left" in report["$defs"]["_ProjectRef"]["properties"]


def test_the_builtin_sustainability_rules_are_tagged(builtin_engine: Engine) -> None:
    """The rules of the element, and the warnings elsewhere about what a project keeps."""
    tagged = {r.code for r in builtin_engine.rules if "sustainability" in r.tags}
    element = {r.code for r in builtin_engine.rules if r.element == "sustainability"}
    assert tagged == element | {"JP04", "JP05", "MP05", "CON04", "AL04", "KEY03", "KEY05",
                                "KEY06"}
    # and the one gap the top five always shows (docs/rule-format.md#tags)
    assert {r.code: r.tags for r in builtin_engine.rules if r.tags and r.code not in tagged} == {
        "KEY01": ("keep_in_top",)
    }


def test_the_new_keys_are_additive_to_schema_version_1(builtin_engine: Engine) -> None:
    """A report written before tags and months_left were added still validates."""
    from interventie_advies.commands._schema import ReportSchema

    report = builtin_engine.advise(EXAMPLES / "buurtopera.toml", date=dt.date(2026, 11, 1))
    data = json.loads(report.to_json())
    assert data["project"]["months_left"] == 3
    assert data["findings"] and all("tags" in f for f in data["findings"])
    ReportSchema.model_validate(data)
    del data["project"]["months_left"]
    for finding in data["findings"]:
        del finding["tags"]
    ReportSchema.model_validate(data)
