"""One item per root cause: rule themes, report items, and the rules of the top five."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

import pytest
from conftest import EXAMPLES as EXAMPLE_DIR
from conftest import one_rule_file
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import full_projects, valid_projects

from interventie_advies import Engine, Report, RuleError, load_rules
from interventie_advies.commands._schema import schema_of
from interventie_advies.engine._bands import hold_bands
from interventie_advies.engine._themes import items_of
from interventie_advies.messages import text
from interventie_advies.report._values import Finding

if TYPE_CHECKING:
    from pathlib import Path

    from click.testing import CliRunner

ENGINE = Engine(plugins=())
EXAMPLES = sorted(EXAMPLE_DIR.glob("*.toml"))
DATES = ("2026-11-01", "2027-03-01")
ROOT_CAUSES = {
    "continuation": ["CON04", "SUS01", "SUS04", "SUS05", "SUS06", "SUS09", "SUS14"],
    "follow_up_funding": ["RB04", "SUS02", "SUS03", "SUS07", "SUS08"],
    "resident_link": ["KEY01", "KEY02", "MS02"],
    "management": ["AL01", "AL02"],
    "anchoring": ["AL03", "AL04", "KEY03", "KEY05", "KEY06"],
    "personal_stories": ["CP05", "CP06"],
}



def _write(tmp_path: Path, theme: str) -> Path:
    path = tmp_path / "regels.toml"
    path.write_text(one_rule_file(theme), encoding="utf-8")
    return path


# -- the rule field ---------------------------------------------------------------------------


def test_the_builtin_rules_declare_the_root_causes_of_issue_12() -> None:
    themes: dict[str, list[str]] = {}
    for rule in ENGINE.rules:
        if rule.theme is not None:
            themes.setdefault(rule.theme, []).append(rule.code)
    assert {k: sorted(v) for k, v in themes.items()} == ROOT_CAUSES
    for theme in ROOT_CAUSES:
        assert text(f"theme.{theme}", "nl") and text(f"theme.{theme}", "en")


def test_a_plugin_theme_without_a_title_shows_its_leading_finding(tmp_path: Path) -> None:
    path = _write(tmp_path, 'theme = "jeugd_veiligheid"')
    (rule,) = load_rules(path)
    assert rule.theme == "jeugd_veiligheid"
    engine = Engine(plugins=(), builtin=False, rules=[path])
    data = {"format": 1, "project": {"name": "x"}, "contact": {"informal_moments": False}}
    report = json.loads(engine.advise(data).to_json())
    # (with one finding the item keeps that finding's title anyway)
    assert report["findings"][0]["theme"] == "jeugd_veiligheid"
    assert report["items"] == [{
        "theme": "jeugd_veiligheid", "code": "TST01", "element": "contact", "kind": "warning",
        "priority": "high", "title": "Titel", "message": "Bericht", "why": "Waarom",
        "reasons": report["findings"][0]["reasons"], "actions": ["Doe het"], "codes": ["TST01"],
    }]


@pytest.mark.parametrize("theme", ['"Continuation"', '"two words"', '""', '["x"]'])
def test_a_theme_is_one_short_lowercase_id(tmp_path: Path, theme: str) -> None:
    path = _write(tmp_path, f"theme = {theme}")
    with pytest.raises(RuleError) as info:
        load_rules(path)
    message = str(info.value)
    assert str(path) in message and "TST01" in message and "theme" in message


def test_the_schemas_know_themes_and_items() -> None:
    assert "theme" in schema_of("rules")["$defs"]["Rule"]["properties"]
    report = schema_of("report")
    assert "items" in report["properties"]
    assert "theme" in report["$defs"]["_Finding"]["properties"]


# -- grouping ---------------------------------------------------------------------------------


def _f(code: str, priority: str, score: float, theme: str | None = None,
       tags: tuple[str, ...] = (), actions: tuple[str, ...] = ()) -> Finding:
    return Finding(code=code, name=code.lower(), element="contact", kind="warning",
                   priority=priority, score=score, score_factors=(), title=f"t {code}",
                   message=f"m {code}", why=f"w {code}", actions=actions, evidence=None,
                   source=None, facts={}, plugin="test", base_priority=priority, tags=tags,
                   theme=theme, reasons=(f"r {code}",))


def test_an_item_leads_with_the_most_urgent_finding_and_merges_the_actions() -> None:
    findings = [
        _f("SUS04", "high", 4.0, "continuation", ("sustainability",), ("a", "b")),
        _f("FIT01", "high", 3.0),
        _f("SUS05", "medium", 3.0, "continuation", ("sustainability",), ("b", "c", "d")),
        _f("CON04", "low", 1.0, "continuation", ("sustainability",), ("e", "f", "g", "a")),
    ]
    first, second = items_of(findings, "nl")
    assert first.code == "SUS04" and first.priority == "high"
    assert first.title == "Besluit wat blijft en wie het draagt"
    assert (first.message, first.why, first.reasons) == ("m SUS04", "w SUS04", ("r SUS04",))
    assert first.codes == ("SUS04", "SUS05", "CON04")
    assert first.actions == ("a", "b", "c", "d", "e", "f")  # no repeats, at most six
    assert (second.code, second.theme, second.title, second.codes) == (
        "FIT01", None, "t FIT01", ("FIT01",))
    assert items_of(findings, "en")[0].title == "Decide what stays and who carries it"
    # a lone finding of a theme keeps its own, more precise title
    (alone,) = items_of(findings[3:], "nl")
    assert (alone.theme, alone.title) == ("continuation", "t CON04")


def test_sustainability_takes_two_of_the_top_five_while_other_high_items_wait() -> None:
    sus = ("sustainability",)
    findings = [
        _f("SUS01", "high", 9.0, "continuation", sus),
        _f("SUS02", "high", 8.0, "follow_up_funding", sus),
        _f("MP05", "high", 7.0, None, sus),
        _f("JP05", "high", 6.0, None, sus),
        _f("FIT01", "high", 5.0),
        _f("SUS12", "high", 4.0, None, sus),
        _f("CP01", "high", 3.0),
        _f("VIS01", "medium", 9.0),
    ]
    order = [i.code for i in items_of(findings, "nl")]
    assert order == ["SUS01", "SUS02", "FIT01", "CP01", "MP05", "JP05", "SUS12", "VIS01"]
    # without other high items, sustainability keeps its places
    alone = [f for f in findings if f.code not in ("FIT01", "CP01")]
    assert [i.code for i in items_of(alone, "nl")] == [f.code for f in alone]


def test_no_partner_who_knows_the_residents_is_in_the_top_five() -> None:
    findings = [_f(f"OWN0{n}", "high", 9.0 - n) for n in range(1, 7)]
    findings.append(_f("KEY01", "high", 1.0, "resident_link", ("keep_in_top",)))
    findings.append(_f("MED01", "medium", 9.0))
    order = [i.code for i in items_of(findings, "nl")]
    assert order == ["OWN01", "OWN02", "OWN03", "OWN04", "KEY01", "OWN05", "OWN06", "MED01"]


def test_the_resident_gap_keeps_its_high_band_when_high_is_scarce() -> None:
    findings = [_f(f"OWN{n:02}", "high", 20.0 - n) for n in range(1, 12)]
    findings.append(_f("KEY01", "high", 1.0, "resident_link", ("keep_in_top",)))
    held = hold_bands(findings, "nl")  # 12 findings: 4 high
    assert [f.code for f in held if f.priority == "high"] == ["OWN01", "OWN02", "OWN03", "KEY01"]


# -- every example ----------------------------------------------------------------------------


@pytest.mark.parametrize("date", DATES)
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_shows_one_item_per_root_cause(path: Path, date: str) -> None:
    report = ENGINE.advise(path, date=dt.date.fromisoformat(date), lang="nl")
    data = json.loads(report.to_json())
    # JSON keeps every finding, with its theme
    assert [f["code"] for f in data["findings"]] == [f.code for f in report.findings]
    assert all("theme" in f for f in data["findings"])
    # items cover every finding exactly once, and a theme once
    codes = [c for item in data["items"] for c in item["codes"]]
    assert sorted(codes) == sorted(f.code for f in report.findings)
    themes = [i["theme"] for i in data["items"] if i["theme"]]
    assert len(themes) == len(set(themes))
    by_code = {f.code: f for f in report.findings}
    for item in data["items"]:
        assert len(item["actions"]) == len(set(item["actions"])) <= 6
        merged = [a for c in item["codes"] for a in by_code[c].actions]
        assert item["actions"] == list(dict.fromkeys(merged))[:6]
        assert by_code[item["code"]].priority == item["priority"] == by_code[
            item["codes"][0]].priority
    assert_top_five(report)
    # the text report shows the items, the top five first, with the codes they cover
    shown = report.render("text")
    for item in report.items:
        if len(item.codes) > 1:
            assert f"omvat: {', '.join(item.codes)}" in shown


def assert_top_five(report: Report) -> None:
    """The two rules of the top five, and one item per theme."""
    codes = [c for item in report.items for c in item.codes]
    assert sorted(codes) == sorted(f.code for f in report.findings)
    themes = [i.theme for i in report.items if i.theme]
    assert len(themes) == len(set(themes))
    # the rules of the top five move high items only: no item stands above a higher band
    ranks = [{"high": 3, "medium": 2, "low": 1}[i.priority] for i in report.items]
    assert ranks == sorted(ranks, reverse=True)
    by_code = {f.code: f for f in report.findings}
    top = report.items[:5]
    sustainability = [i for i in top if "sustainability" in i.tags]
    others_high = [i for i in report.items[5:]
                   if i.priority == "high" and "sustainability" not in i.tags]
    assert len(sustainability) <= 2 or not others_high
    key01 = by_code.get("KEY01")
    if key01 is not None and key01.priority == "high":
        assert any("KEY01" in i.codes for i in top)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.one_of(valid_projects(), full_projects()), st.sampled_from(DATES))
def test_generated_projects_keep_the_rules_of_the_top_five(data: dict[str, Any],
                                                          date: str) -> None:
    assert_top_five(ENGINE.advise(data, date=dt.date.fromisoformat(date), lang="nl"))


@pytest.mark.parametrize("name", ["muurschildering", "buurtopera", "jongerenfilm", "kunstnetwerk"])
def test_an_example_without_a_partner_who_knows_the_residents_shows_that_gap(name: str) -> None:
    import tomli  # the parser the package uses, on every Python (3.10 has no tomllib)

    data = tomli.loads((EXAMPLE_DIR / f"{name}.toml").read_text(encoding="utf-8"))
    for row in (*data.get("partners", ()), *data.get("key_persons", ())):
        row["knows_residents"] = False
    report = ENGINE.advise(data, date=dt.date(2026, 11, 1))
    top = report.items[:5]
    assert [i.code for i in top if "KEY01" in i.codes] == ["KEY01"]
    assert sum("sustainability" in i.tags for i in top[: top.index(
        next(i for i in top if "KEY01" in i.codes))]) <= 2


def test_a_theme_without_a_catalogue_title_shows_its_leading_finding_title() -> None:
    findings = [_f("JGD05", "high", 3.0, "jeugd_veiligheid"), _f("JGD06", "low", 1.0,
                                                                "jeugd_veiligheid")]
    (item,) = items_of(findings, "nl")
    assert (item.title, item.codes) == ("t JGD05", ("JGD05", "JGD06"))


def test_explain_names_the_theme_and_the_rules_it_shares_an_item_with(runner: CliRunner) -> None:
    from interventie_advies.cli import cli

    result = runner.invoke(cli, ["explain", "--no-plugins", "--lang", "nl", "AL03"])
    assert result.exit_code == 0, result.output
    line = ("thema: anchoring (Zorg dat het werk niet op één persoon rust); "
            "met AL04, KEY03, KEY05, KEY06")
    assert line in result.output.splitlines()


def test_markdown_and_html_name_the_codes_an_item_covers() -> None:
    report = ENGINE.advise(EXAMPLE_DIR / "muurschildering.toml", date=dt.date(2026, 11, 1))
    item = next(i for i in report.items if i.theme == "continuation")
    assert "*omvat:* " + ", ".join(f"`{c}`" for c in item.codes) in report.render("markdown")
    assert f"omvat:</strong> {', '.join(item.codes)}" in report.render("html")
