"""A rule's source line is shown in the report's language (issue 12, docs/rule-format.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from conftest import DATE, EXAMPLE_FILES, make_rule
from pydantic import ValidationError

from interventie_advies import Engine, load_rules
from interventie_advies.rulebook._rule_parts import MAX_SOURCE, source_in
from interventie_advies.testing import RulesPlugin, make_engine

if TYPE_CHECKING:
    from pathlib import Path

PROJECT: dict[str, Any] = {"format": 1, "project": {"name": "Bronnen"}}
DUTCH = "Ervaring van het team; Platform31, 'Wijkengids' (z.j.)"
ENGLISH = "Expert opinion of the team; Platform31, 'Wijkengids' (n.d.)"


@pytest.mark.parametrize(("lang", "expected"), [("nl", DUTCH), ("en", ENGLISH)])
def test_a_two_language_source_is_shown_in_the_reports_language(lang: str, expected: str) -> None:
    rule = make_rule("SRC01", source={"nl": DUTCH, "en": ENGLISH})
    report = make_engine(RulesPlugin([rule])).advise(PROJECT, date=DATE, lang=lang)
    (finding,) = report.findings
    assert finding.source == expected
    assert expected.split(";")[0] in report.render("markdown")  # the rest is escaped
    assert report.to_dict()["findings"][0]["source"] == expected


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_plain_source_stays_valid_and_is_the_same_in_both_languages(lang: str) -> None:
    """Plugins that give one text keep working."""
    rule = make_rule("SRC02", source="Movisie (2022)")
    report = make_engine(RulesPlugin([rule])).advise(PROJECT, date=DATE, lang=lang)
    assert report.findings[0].source == "Movisie (2022)"
    assert source_in(None, lang) is None


def test_a_rule_file_source_table_loads_and_its_length_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    body = """
[[rule]]
code = "SRC03"
name = "test.source_table"
element = "contact"
kind = "recommendation"
priority = "low"
when = "True"
source = { nl = "Volgens ervaring (z.j.)", en = "From experience (n.d.)" }
title = { nl = "t", en = "t" }
message = { nl = "m", en = "m" }
why = { nl = "w", en = "w" }
"""
    path.write_text(body, encoding="utf-8")
    (rule,) = load_rules(path)
    assert source_in(rule.source, "nl") == "Volgens ervaring (z.j.)"
    assert source_in(rule.source, "en") == "From experience (n.d.)"
    with pytest.raises(ValidationError):
        make_rule("SRC04", source={"nl": "x" * (MAX_SOURCE + 1), "en": "x"})
    with pytest.raises(ValidationError):
        make_rule("SRC05", source={"nl": "alleen Nederlands"})


def test_dutch_reports_of_the_examples_show_no_english_source_words(
    builtin_engine: Engine,
) -> None:
    """'n.d.', 'expert opinion' and 'summary by' are English; a Dutch report says 'z.j.'."""
    english = ("n.d.", "expert opinion", "Expert opinion", "summary", "for KOM", "tips from")
    sources = {
        f.source
        for example in EXAMPLE_FILES
        for f in builtin_engine.advise(example, date=DATE, lang="nl").findings
        if f.source
    }
    assert len(sources) > 10
    assert [s for s in sources if any(w in s for w in english)] == []


def test_foreign_research_in_a_dutch_source_line_says_where_it_comes_from(
    builtin_engine: Engine,
) -> None:
    rule = builtin_engine.find_rule("JP05")
    assert source_in(rule.source, "nl").startswith("Amerikaans onderzoek: A. Markusen & A. Gadwa")
    assert source_in(rule.source, "en").startswith("A. Markusen & A. Gadwa")
