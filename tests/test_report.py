"""The report: JSON form (schema_version 1), determinism, and the text and Markdown renderers."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from conftest import DATE, ELEMENT_IDS, EXAMPLES, make_rule

from interventie_advies import Engine, Report
from interventie_advies import messages as _messages
from interventie_advies.commands._schema import ReportSchema
from interventie_advies.testing import RulesPlugin, make_engine

TITLES_NL = [_messages.text(f"element.{e}", "nl") for e in ELEMENT_IDS]
TITLES_EN = [_messages.text(f"element.{e}", "en") for e in ELEMENT_IDS]


def project(name: str = "Rapporttest", **tables: Any) -> dict[str, Any]:
    return {"format": 1, "project": {"name": name, **tables.pop("project", {})}, **tables}


def assert_in_order(keys: list[str], expected: list[str]) -> None:
    """``expected`` are all in ``keys``, in this order (extra keys may come between)."""
    missing = [k for k in expected if k not in keys]
    assert not missing, f"missing keys {missing} in {keys}"
    positions = [keys.index(k) for k in expected]
    assert positions == sorted(positions), keys


def _mixed_rules() -> list[Any]:
    """Six high recommendations, two low warnings, a question, a strength, a decision target."""
    rules = [make_rule(f"TOP0{i}", priority="high", element="contact") for i in range(1, 7)]
    rules += [
        make_rule("WRN01", kind="warning", priority="low", element="sustainability"),
        make_rule("WRN02", kind="warning", priority="low", element="sustainability"),
        make_rule("ASK01", needs=("meeting_place.available",), element="meeting_place",
                  question="Is er een plek"),
        make_rule("STR01", kind="strength", element="shared_vision"),
        make_rule("REJ01", priority="medium", element="key_persons"),
        make_rule("BAD01", when=lambda ctx: 1 / 0, element="knowledge_use"),
    ]
    return rules


@pytest.fixture
def mixed() -> Report:
    engine = make_engine(RulesPlugin(_mixed_rules(), name="gemengd"))
    data = project(
        project={"phase": "execution"},
        meeting_place={"name": "Buurthuis"},
        decisions=[{"rule": "REJ01", "status": "rejected", "reason": "doen we niet"}],
    )
    return engine.advise(data, date=DATE)


# -- JSON ---------------------------------------------------------------------------


def test_json_key_order_and_content(mixed: Report) -> None:
    data = json.loads(mixed.to_json())
    ReportSchema.model_validate(data)
    assert_in_order(list(data), [
        "schema_version", "tool", "project", "language", "evaluated_on", "summary",
        "elements", "findings", "strengths", "questions", "not_followed", "errors"])
    assert data["schema_version"] == 1
    assert list(data["tool"]) == ["name", "version", "plugins"]
    assert data["tool"]["name"] == "interventie-advies"
    from interventie_advies import __version__

    assert data["tool"]["version"] == __version__
    assert data["tool"]["plugins"] == [{"name": "gemengd", "version": ""}]
    assert data["project"] == {
        "name": "Rapporttest", "file": None, "phase": "execution", "months_left": None}
    assert data["language"] == "nl"
    assert data["evaluated_on"] == "2026-06-01"
    assert data["summary"] == {
        "recommendations": 6, "warnings": 2, "questions": 1, "strengths": 1,
        # high is scarce: a third of the 8 findings (docs/prioritisation.md)
        "by_priority": {"high": 2, "medium": 4, "low": 2},
    }
    assert list(data["summary"]) == ["recommendations", "warnings", "questions", "strengths",
                                     "by_priority"]
    assert list(data["summary"]["by_priority"]) == ["high", "medium", "low"]


def test_json_elements_are_the_twelve_in_order(mixed: Report) -> None:
    elements = json.loads(mixed.to_json())["elements"]
    assert [e["element"] for e in elements] == ELEMENT_IDS
    assert [e["title"] for e in elements] == TITLES_NL
    for e in elements:
        assert list(e) == ["element", "title", "status", "assessment", "findings", "questions",
                           "strengths", "described", "needed"]
    by_id = {e["element"]: e for e in elements}
    assert by_id["contact"] == {"element": "contact", "title": TITLES_NL[0],
                                "status": "missing", "assessment": "missing", "findings": 6,
                                "questions": 0, "strengths": 0, "described": 0, "needed": 0}

    def both(element: str) -> tuple[str, str]:
        return by_id[element]["status"], by_id[element]["assessment"]

    # two low warnings and nothing worse: in order, with a point of attention
    assert both("sustainability") == ("covered", "in_order_with_attention")
    assert by_id["sustainability"]["findings"] == 2
    # only a question, and nothing of it known: not described yet
    assert both("meeting_place") == ("unknown", "not_described")
    assert by_id["meeting_place"]["questions"] == 1
    assert both("shared_vision") == ("covered", "in_order")
    assert by_id["shared_vision"]["strengths"] == 1
    assert both("key_persons") == ("unknown", "not_described")  # its finding was rejected
    assert both("knowledge_use") == ("unknown", "not_described")  # its rule failed
    assert both("joint_product") == ("unknown", "not_described")


def test_json_elements_in_english(builtin_engine: Engine) -> None:
    report = builtin_engine.advise(project(), date=DATE, lang="en")
    elements = report.to_dict()["elements"]
    assert [e["title"] for e in elements] == TITLES_EN
    assert report.to_dict()["language"] == "en"


def test_an_element_a_plugin_adds_comes_after_the_twelve() -> None:
    from interventie_advies import Rule

    data = make_rule("JGD01").model_dump()
    data.update(element="jeugd", when=lambda ctx: True)
    rule = Rule.model_validate(data, context={"elements": ("jeugd",)})
    report = make_engine(RulesPlugin([rule])).advise(project(), date=DATE)
    elements = report.to_dict()["elements"]
    assert [e["element"] for e in elements] == [*ELEMENT_IDS, "jeugd"]
    assert elements[-1]["status"] == "partial"
    assert elements[-1]["findings"] == 1


def test_json_findings(mixed: Report) -> None:
    findings = json.loads(mixed.to_json())["findings"]
    assert [f["code"] for f in findings] == [
        "TOP01", "TOP02", "TOP03", "TOP04", "TOP05", "TOP06", "WRN01", "WRN02"]
    first = findings[0]
    assert_in_order(list(first), [
        "code", "name", "element", "kind", "priority", "score", "score_factors", "title",
        "message", "why", "actions", "evidence", "source", "facts", "plugin", "decision"])
    assert first["name"] == "test.top01"
    assert (first["element"], first["kind"], first["priority"]) == ("contact", "recommendation",
                                                                     "high")
    assert first["score"] == 3.0
    assert first["score_factors"] == ["basis: prioriteit hoog (3)"]
    assert (first["title"], first["message"], first["why"]) == (
        "title TOP01 (nl)", "message TOP01 (nl)", "why TOP01 (nl)")
    assert first["actions"] == []
    assert first["facts"] == {}
    assert first["plugin"] == "gemengd"
    assert first["decision"] is None
    assert findings[-1]["kind"] == "warning"


def test_json_strengths_questions_not_followed_errors(mixed: Report) -> None:
    data = json.loads(mixed.to_json())
    [strength] = data["strengths"]
    assert_in_order(list(strength), ["code", "element", "title", "message"])
    assert (strength["code"], strength["element"], strength["title"]) == (
        "STR01", "shared_vision", "title STR01 (nl)")
    [question] = data["questions"]
    assert_in_order(list(question), ["code", "element", "question", "missing"])
    assert (question["code"], question["element"], question["question"], question["missing"]) == (
        "ASK01", "meeting_place", "Is er een vaste plek waar bewoners elkaar kunnen ontmoeten?",
        ["meeting_place.available"])
    assert (question["elements"], question["unlocks"]) == (["meeting_place"], question["unlocks"])
    [rejected] = data["not_followed"]
    assert_in_order(list(rejected), ["code", "status", "reason"])
    assert (rejected["code"], rejected["status"], rejected["reason"]) == (
        "REJ01", "rejected", "doen we niet")
    [error] = data["errors"]
    assert list(error) == ["plugin", "version", "rule", "message"]
    assert (error["plugin"], error["rule"]) == ("gemengd", "BAD01")
    assert error["message"].startswith("ZeroDivisionError")


def test_json_of_an_empty_report_has_every_list(builtin_engine: Engine) -> None:
    report = builtin_engine.advise(project(), date=DATE, select=["CON02"])
    data = report.to_dict()
    for key in ("findings", "strengths", "not_followed", "errors"):
        assert data[key] == [], key
    assert len(data["elements"]) == 12
    ReportSchema.model_validate(data)


def test_json_is_byte_identical_for_the_same_input() -> None:
    path = EXAMPLES / "buurtopera.toml"
    first = Engine(plugins=()).advise(path, date=DATE).to_json()
    second = Engine(plugins=()).advise(path, date=DATE).to_json()
    assert first.encode() == second.encode()
    engine = Engine(plugins=())
    engine.advise(EXAMPLES / "schets.toml", date=DATE)
    assert engine.advise(path, date=DATE).to_json() == first
    # and it really depends on the date and language
    assert Engine(plugins=()).advise(path, date=DATE, lang="en").to_json() != first
    assert json.loads(first)["evaluated_on"] == "2026-06-01"


def test_render_json_is_to_json_with_a_newline(mixed: Report) -> None:
    assert mixed.render("json") == mixed.to_json() + "\n"


def test_json_keeps_non_ascii_text(builtin_engine: Engine) -> None:
    report = builtin_engine.advise(project(name="Café Één"), date=DATE, select=["CON02"])
    text = report.to_json()
    assert '"name": "Café Één"' in text


# -- text -----------------------------------------------------------------------------


def test_text_groups_in_order(mixed: Report) -> None:
    text = mixed.render("text")
    lines = text.splitlines()
    headings = ["Belangrijkste advies", "Overig advies", "Vragen om te beantwoorden",
                "Sterke punten", "Overzicht per element"]
    positions = [lines.index(h) for h in headings]
    assert positions == sorted(positions)
    # each heading is underlined
    for p in positions:
        assert set(lines[p + 1]) == {"─"}
    top = "\n".join(lines[positions[0]:positions[1]])
    for code in ("TOP01", "TOP05"):
        assert code in top
    assert "TOP06" not in top  # only five in the top group
    rest = "\n".join(lines[positions[1]:positions[2]])
    assert "TOP06" in rest
    assert "WRN01" in rest
    assert "WRN02" in rest
    assert "1. Is er een vaste plek waar bewoners elkaar kunnen ontmoeten?" in "\n".join(
        lines[positions[2]:positions[3]])
    assert "title STR01 (nl)" in "\n".join(lines[positions[3]:positions[4]])
    overview = lines[positions[4]:]
    for title in TITLES_NL:
        assert any(line.strip().startswith(title) for line in overview), title
    assert "Bewust niet gevolgd" in lines
    assert "Fouten in plugins of regels" in lines
    assert text.endswith("\n")


def test_text_numbering_runs_over_the_groups(mixed: Report) -> None:
    text = mixed.render("text")
    numbered = re.findall(r"^ ?(\d+)\. \[(?:HOOG|GEMIDDELD|LAAG)\]", text, re.M)
    assert numbered == [str(i) for i in range(1, 9)]
    # top five first, then the rest in the report's order: a low warning never stands above
    # a higher recommendation
    codes = re.findall(r"^    ([A-Z]{3}\d\d) · ", text, re.M)
    assert codes == ["TOP01", "TOP02", "TOP03", "TOP04", "TOP05", "TOP06", "WRN01", "WRN02"]


def test_text_in_english(builtin_engine: Engine) -> None:
    report = builtin_engine.advise(project(name="Engels"), date=DATE, lang="en")
    text = report.render("text")
    assert text.startswith("Advice for: Engels\n")
    assert "\nElement overview\n" in text
    assert "\nTop advice\n" in text
    assert "None." in text


def test_text_has_no_colour_unless_asked(mixed: Report) -> None:
    assert "\x1b" not in mixed.render("text")
    assert "\x1b[" in mixed.render("text", color=True)


HOSTILE_TERMINAL = "Rood\x1b[31m project\x1b[0m\x1b]0;gekaapt\x07 \x9b2J klaar"


@pytest.mark.parametrize("color", [False, True])
def test_text_escapes_project_text(builtin_engine: Engine, color: bool) -> None:
    r"""Escape sequences in a name are written out (``\x1b``): shown, never obeyed."""
    report = builtin_engine.advise(project(name=HOSTILE_TERMINAL), date=DATE)
    text = report.render("text", color=color)
    first = text.splitlines()[0]
    assert "\x1b[31m" not in text
    assert "\x1b]0;" not in text
    assert "\x07" not in text
    assert "\x9b" not in text
    shown = "Rood\\x1b[31m project\\x1b[0m\\x1b]0;gekaapt\\x07 \\x9b2J klaar"
    assert first.endswith(f"Advies voor: {shown}" + ("\x1b[0m" if color else ""))
    # the JSON keeps the name as it is (escaped by JSON itself)
    assert json.loads(report.to_json())["project"]["name"] == HOSTILE_TERMINAL


def test_text_escapes_escapes_in_decision_reasons(builtin_engine: Engine) -> None:
    data = project(contact={"group_channel": "none"}, decisions=[
        {"rule": "CON02", "status": "rejected", "reason": "nee\x1b[2J\x1b[H dank"}])
    text = builtin_engine.advise(data, date=DATE, select=["CON02"]).render("text")
    assert "\x1b" not in text
    assert "nee\\x1b[2J\\x1b[H\n  dank" in text  # written out (and wrapped), never obeyed


# -- Markdown -------------------------------------------------------------------------


HOSTILE_MARKDOWN = "[x](http://evil) <b>vet</b> ![img](http://evil/p.png) `code`"


def test_markdown_escapes_project_text(builtin_engine: Engine) -> None:
    data = project(name=HOSTILE_MARKDOWN, contact={"group_channel": "none"}, decisions=[
        {"rule": "CON02", "status": "rejected", "reason": "<script>alert(1)</script> [a](b)"}])
    report = builtin_engine.advise(data, date=DATE)
    md = report.render("markdown")
    assert "](http" not in md
    assert "[x](" not in md
    assert "<b>" not in md
    assert "</b>" not in md
    assert "<script>" not in md
    assert "![img]" not in md
    assert "[a](b)" not in md
    first = md.splitlines()[0]
    assert first.startswith("# Advies voor: ")
    assert "\\[x\\]" in first
    assert "\\<b\\>" in first
    assert "vet" in first


def test_markdown_strips_terminal_escapes_too(builtin_engine: Engine) -> None:
    md = builtin_engine.advise(project(name=HOSTILE_TERMINAL), date=DATE).render("markdown")
    assert "\x1b" not in md
    assert "\x07" not in md


def test_markdown_sections(mixed: Report) -> None:
    lines = mixed.render("markdown").splitlines()
    headings = ["## Belangrijkste advies", "## Overig advies", "## Vragen om te beantwoorden",
                "## Sterke punten", "## Overzicht per element"]
    positions = [lines.index(h) for h in headings]
    assert positions == sorted(positions)
    assert "### 1. title TOP01 \\(nl\\)" in lines
    assert any(line.startswith(f"| {TITLES_NL[0]} | ontbreekt | 6 / 0 / 0 | ") for line in lines)
    assert "## Bewust niet gevolgd" in lines


def test_text_and_markdown_ask_for_file_keys_not_engine_names() -> None:
    """Issue 13, item 14: ``vul in: facts.jeugd_activity_times`` named no key of the file."""
    import dataclasses

    report = Engine(plugins=()).advise(EXAMPLES / "schets.toml", date=DATE)
    question = dataclasses.replace(
        report.questions[0],
        question="Wanneer zijn de activiteiten? Vul activity_times in bij [extensions.jeugd].",
        missing=("facts.jeugd_activity_times",),
    )
    mixed = dataclasses.replace(
        report.questions[1], missing=("facts.months_left", "funding.duration_months")
    )
    report = dataclasses.replace(report, questions=(question, mixed, *report.questions[2:]))
    text = report.render("text")
    markdown = report.render("markdown")
    assert "facts." not in text and "facts." not in markdown
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("  1. Wanneer zijn"))
    second = next(i for i, line in enumerate(lines) if line.startswith("  2. "))
    assert not any("vul in" in line for line in lines[first:second])
    assert "     vul in: funding.duration_months" in lines
    assert "Vul activity\\_times in bij \\[extensions.jeugd\\]. (helpt bij: " in markdown
    assert "; vul in: `funding.duration_months`)" in markdown
    assert report.to_dict()["questions"][0]["missing"] == ["facts.jeugd_activity_times"]
