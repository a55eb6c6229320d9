"""Texts that fit the moment and the facts (issue 12, item 3).

``[[rule.variants]]`` (texts chosen by the engine), ``[[rule.extra_actions]]`` (actions
with a condition) and placeholders filled in people's words.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import one_rule_file

from interventie_advies import Engine, RuleError, load_rules
from interventie_advies.commands._schema import ReportSchema, schema_of
from interventie_advies.rulebook._placeholders import fill_placeholders, joined
from interventie_advies.testing import example_cases, run_example

VARIANTS = """
[[rule.variants]]
when = 'project.phase in ["closing", "continuation"]'
needs = ["project.phase"]
[rule.variants.message]
nl = "Voor een volgende ronde: {contact.group_channel}"
en = "For a next round: {contact.group_channel}"

[[rule.variants]]
when = 'facts.months_left <= 3'
needs = ["facts.months_left"]
title = { nl = "Nu nog mogelijk", en = "Still possible now" }
actions = { nl = ["Regel het deze maand"], en = ["Arrange it this month"] }

[[rule.extra_actions]]
when = 'meeting_place.available is True'
nl = "Gebruik {meeting_place.name}."
en = "Use {meeting_place.name}."
"""


def write(tmp_path: Path, extra: str = VARIANTS, name: str = "regels.toml") -> Path:
    path = tmp_path / name
    path.write_text(one_rule_file() + extra, encoding="utf-8")
    return path


def advise(path: Path, lang: str = "nl", date: dt.date = dt.date(2026, 6, 1),
           **tables: Any) -> Any:
    engine = Engine(plugins=(), builtin=False, rules=[path])
    data = {"format": 1, "project": {"name": "x", **tables.pop("project", {})},
            "contact": {"informal_moments": False, **tables.pop("contact", {})}, **tables}
    return engine.advise(data, lang=lang, date=date)


def test_without_a_variant_that_holds_the_rule_keeps_its_own_texts(tmp_path: Path) -> None:
    report = advise(write(tmp_path), project={"phase": "execution"})
    (finding,) = report.findings
    assert (finding.title, finding.message, finding.actions) == ("Titel", "Bericht", ("Doe het",))
    assert finding.variant is None
    assert json.loads(report.to_json())["findings"][0]["variant"] is None


def test_the_first_variant_that_holds_replaces_the_texts_it_gives(tmp_path: Path) -> None:
    # both variants hold (closing, and one month left): the first one wins
    report = advise(write(tmp_path), "en", project={"phase": "closing", "end": dt.date(2026, 7, 1)},
                    contact={"group_channel": "email_list"})
    (finding,) = report.findings
    assert finding.variant == 1
    assert finding.title == "Title"  # the first variant gives no title: the rule's own
    assert finding.message == "For a next round: email list"
    assert finding.actions == ("Do it",)
    data = json.loads(report.to_json())
    assert data["findings"][0]["variant"] == 1
    assert data["items"][0]["message"] == "For a next round: email list"
    ReportSchema.model_validate(data)
    assert "For a next round: email list" in report.render("text")


def test_a_variant_whose_needed_fact_is_absent_does_not_apply(tmp_path: Path) -> None:
    # no phase: variant 1 does not apply; one month left: variant 2 does
    report = advise(write(tmp_path), project={"end": dt.date(2026, 7, 1)})
    (finding,) = report.findings
    assert finding.variant == 2
    assert finding.title == "Nu nog mogelijk"
    assert finding.message == "Bericht"
    assert finding.actions == ("Regel het deze maand",)


def test_a_conditional_action_shows_only_when_its_condition_holds(tmp_path: Path) -> None:
    path = write(tmp_path)
    shown = advise(path, meeting_place={"available": True, "name": "De Wever"})
    assert shown.findings[0].actions == ("Doe het", "Gebruik De Wever.")
    for place in ({"available": False}, {"name": "De Wever"}, None):
        tables = {"meeting_place": place} if place is not None else {}
        assert advise(path, **tables).findings[0].actions == ("Doe het",)  # unknown: not shown


def test_a_variant_that_raises_is_the_rules_error_and_the_own_texts_stay(tmp_path: Path) -> None:
    # `needs` left out: with the phase absent the comparison meets None and raises
    extra = """
[[rule.variants]]
when = 'facts.months_left <= 3'
message = { nl = "Kort", en = "Short" }
"""
    report = advise(write(tmp_path, extra))
    (finding,) = report.findings
    assert finding.message == "Bericht" and finding.variant is None
    (error,) = report.errors
    assert error.rule == "TST01"
    assert error.message.startswith("variant 1 failed: TypeError")


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("[[rule.variants]]\nwhen = 'project.phase == \"closing\"'\n",
         "at least one of title, message or actions"),
        ("[[rule.variants]]\nwhen = 'project.fase == \"closing\"'\n"
         "message = { nl = 'x', en = 'x' }\n", "fase"),
        ("[[rule.variants]]\nwhen = 'True'\nmessage = { nl = '{project.naam}', en = 'x' }\n",
         "placeholder {project.naam}"),
        ("[[rule.extra_actions]]\nwhen = 'True'\nnl = 'x'\n", "en"),
        ("[[rule.extra_actions]]\nwhen = '__import__(\"os\")'\nnl = 'x'\nen = 'x'\n", "when"),
        ("[[rule.variants]]\nwhen = 'True'\nneeds = ['facts.nope']\n"
         "message = { nl = 'x', en = 'x' }\n", "nope"),
    ],
    ids=["no-texts", "unknown-field", "placeholder", "one-language", "forbidden", "needs"],
)
def test_variants_and_conditional_actions_are_checked_when_loaded(
    tmp_path: Path, extra: str, expected: str
) -> None:
    path = write(tmp_path, extra)
    with pytest.raises(RuleError) as info:
        load_rules(path)
    text = str(info.value)
    assert str(path) in text and "TST01" in text and expected in text
    assert "variants" in text or "extra_actions" in text


def test_placeholders_in_actions_are_checked_and_filled(tmp_path: Path) -> None:
    bad = one_rule_file().replace('["Doe het"]', '["Bel {partners.naam}"]')
    path = tmp_path / "bad.toml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(RuleError, match="placeholder"):
        load_rules(path)
    good = one_rule_file().replace('["Doe het"]', '["Nodig uit: {residents.target_groups}"]')
    path.write_text(good, encoding="utf-8")
    report = advise(path, residents={"target_groups": ["elderly", "youth", "newcomers"]})
    assert report.findings[0].actions == ("Nodig uit: ouderen, jongeren en nieuwkomers",)


def test_placeholders_show_labels_joined_lists_and_derived_facts() -> None:
    ns: dict[str, Any] = {
        "residents": type("R", (), {"barriers": ["language", "no_art_experience"]})(),
        "facts": type("F", (), {"main_frequency": "monthly", "open_barriers": [],
                                "partner_domains": {"social", "cultural"}})(),
        "end_product": type("E", (), {"kind": "artwork_in_public_space"})(),
    }
    text = "{residents.barriers} / {facts.main_frequency} / {end_product.kind}"
    assert fill_placeholders(text, ns, "nl") == (
        "taal en geen ervaring met kunst / elke maand / kunstwerk in de openbare ruimte")
    assert fill_placeholders(text, ns, "en") == (
        "language and no experience with art / monthly / artwork in public space")
    # a set is sorted by its values (a fact typed as plain text keeps its values)
    assert fill_placeholders("{facts.partner_domains}", ns, "en") == "cultural and social"
    # absent or empty: the placeholder shows "?" (the scan test keeps it out of built-in texts)
    assert fill_placeholders("{facts.open_barriers}", ns, "nl") == "?"
    assert joined(["a", "b", "c"], "nl") == "a, b en c"
    assert joined(["a"], "en") == "a"


def test_the_derived_facts_for_texts(tmp_path: Path) -> None:
    path = write(tmp_path, "", "plain.toml")
    text = ('["{facts.open_barriers}", "{facts.open_differences}", "{facts.main_frequency}", '
            '"{facts.housing_partner}", "{facts.social_partner}"]')
    path.write_text(one_rule_file().replace('["Doe het"]', text), encoding="utf-8")
    report = advise(
        path,
        residents={"barriers": ["cost", "language", "shame"], "barriers_addressed": ["cost"]},
        collaboration={"differences": ["policy", "timelines"], "differences_addressed": []},
        activities=[{"name": "a", "frequency": "weekly"}, {"name": "b", "frequency": "monthly"},
                    {"name": "c", "frequency": "monthly"}],
        partners=[{"name": "Welzijn Oost", "domain": "social"},
                  {"name": "Woonstad", "domain": "housing"}],
    )
    assert report.findings[0].actions == (
        "taal en schaamte", "beleid en planning en tempo", "elke maand", "Woonstad",
        "Welzijn Oost")


def test_the_schemas_know_variants_and_the_variant_field() -> None:
    rules = schema_of("rules")
    properties = rules["$defs"]["Rule"]["properties"]
    assert "variants" in properties and "extra_actions" in properties
    assert "variant" in schema_of("report")["$defs"]["_Finding"]["properties"]


def test_examples_check_the_chosen_variant_and_text(tmp_path: Path) -> None:
    examples = """
[[rule.examples]]
fires = true
variant = 1
text_contains = "For a next round"
[rule.examples.project]
project = { phase = "closing" }
contact = { informal_moments = false, group_channel = "signal" }

[[rule.examples]]
fires = true
variant = 0
[rule.examples.project]
project = { phase = "closing" }
contact = { informal_moments = false, group_channel = "signal" }

[[rule.examples]]
fires = true
text_contains = "niet te vinden"
project = { contact = { informal_moments = false } }
"""
    path = write(tmp_path, VARIANTS + examples)
    first, wrong_variant, wrong_text = (run_example(c) for c in example_cases(path))
    assert first.problem() is None
    assert wrong_variant.problem() == (
        f"{path} TST01 example 1: expected variant 0, the finding used variant 1")
    assert wrong_text.problem() == (
        f"{path} TST01 example 2: no text of the finding contains 'niet te vinden'")


def test_an_example_that_checks_texts_must_fire(tmp_path: Path) -> None:
    path = write(tmp_path, '\n[[rule.examples]]\nasks = true\nvariant = 1\n')
    with pytest.raises(RuleError, match="need 'fires = true'"):
        load_rules(path)


def test_other_reads_as_words_in_a_list_of_open_barriers(tmp_path: Path) -> None:
    path = tmp_path / "regels.toml"
    path.write_text(one_rule_file().replace(
        '["Doe het"]', '["{facts.open_barriers}", "{facts.open_differences}"]'), encoding="utf-8")
    report = advise(path, residents={"barriers": ["cost", "other"], "barriers_addressed": []},
                    collaboration={"differences": ["other"], "differences_addressed": []})
    assert report.findings[0].actions == ("kosten en een andere drempel", "een ander verschil")


RULE_FILES = sorted((Path(__file__).resolve().parents[1] / "rules").glob("*.toml"))


def _template(text: str) -> re.Pattern[str]:
    """A text with placeholders as a pattern (each placeholder stands for some words)."""
    parts = re.split(r"\{[a-z_.]+\}", text)
    return re.compile(".+".join(re.escape(part) for part in parts))


@pytest.mark.parametrize("path", RULE_FILES, ids=[p.stem for p in RULE_FILES])
def test_every_builtin_variant_and_conditional_action_has_an_example_that_chooses_it(
    path: Path,
) -> None:
    for rule in load_rules(path):
        if not (rule.variants or rule.extra_actions):
            continue
        checked = {ex.variant for ex in rule.examples if ex.variant is not None}
        assert set(range(1, len(rule.variants) + 1)) <= checked, rule.code
        shown: list[str] = []
        for case in example_cases(path):
            if case.rule.code != rule.code or case.example.fires is not True:
                continue
            result = run_example(case)
            assert result.problem() is None
            for report in (result.report, result.english):
                shown += [a for f in report.findings for a in f.actions] if report else []
        for action in rule.extra_actions:
            patterns = (_template(action.nl), _template(action.en))
            assert any(p.fullmatch(a) for p in patterns for a in shown), (rule.code, action.nl)
