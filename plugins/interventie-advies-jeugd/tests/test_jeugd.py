"""Tests of the jeugd plugin, through the public API and ``interventie_advies.testing`` only.

Run from the plugin folder (``python -m pytest``) or from the repository root
(``python -m pytest plugins/interventie-advies-jeugd/tests``). The end-to-end tests use the
repository's examples (``../../examples`` from the plugin folder) and are skipped when
the plugin is tested outside the repository.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import interventie_advies_jeugd
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from interventie_advies_jeugd import plugin
from interventie_advies_jeugd.models import JeugdModel

from interventie_advies import Engine, ProjectError, load_project
from interventie_advies.cli import cli
from interventie_advies.testing import (
    ExampleCase,
    assert_asks,
    assert_fires,
    assert_silent,
    example_cases,
    make_engine,
    run_example,
)

if TYPE_CHECKING:
    from interventie_advies import Report

PLUGIN_DIR = Path(__file__).resolve().parents[1]
EXAMPLES = PLUGIN_DIR / ".." / ".." / "examples"
needs_examples = pytest.mark.skipif(
    not (EXAMPLES / "jongerenfilm.toml").is_file(),
    reason="the repository's examples are not next to this plugin",
)

#: the evaluation date the jongerenfilm example is written for (one month before its end)
FILM_DATE = dt.date(2026, 11, 1)
DATE = dt.date(2026, 6, 1)

CASES = example_cases(plugin)
RULES = plugin.advies_rules()
CODES = [rule.code for rule in RULES]


def project(**tables: Any) -> dict[str, Any]:
    """A project as a dict: ``format = 1``, a name, and the given tables."""
    return {"format": 1, "project": {"name": "Jongerenproject"}, **tables}


def jgd_output(report: Report) -> set[str]:
    """Every JGD code the report mentions: findings, strengths, questions, not followed."""
    codes = {f.code for f in report.findings} | {s.code for s in report.strengths}
    codes |= {c for q in report.questions for c in q.codes}
    codes |= {n.code for n in report.not_followed}
    return {c for c in codes if c.startswith("JGD")}


@pytest.fixture(scope="module")
def engine() -> Engine:
    """Only this plugin, without the built-in rules or other installed plugins."""
    return make_engine(plugin)


@pytest.fixture(scope="module")
def with_builtin() -> Engine:
    """This plugin and the built-in rules (examples' decisions name built-in rules)."""
    return make_engine(plugin, builtin=True)


@pytest.fixture(scope="module")
def installed() -> Engine:
    """What users get: the built-in rules and every installed plugin (entry points)."""
    return Engine()


# -- the rule file's own examples --------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_rule_example(case: ExampleCase) -> None:
    """Every ``[[rule.examples]]`` case, with the plugin's model and facts registered."""
    run_example(case).check()


@pytest.mark.parametrize("code", CODES)
def test_every_rule_fires_stays_silent_and_asks(code: str) -> None:
    """Each rule has an example that fires, one that does not, and one that asks."""
    kinds = {c.id.rsplit("-", 1)[1] for c in CASES if c.rule.code == code}
    assert {"fires", "silent", "asks"} <= kinds


def test_rules_use_the_plugins_prefix_and_are_guarded() -> None:
    """JGD codes, ``jeugd.`` names, and a guard so non-youth projects hear nothing."""
    assert [rule.code for rule in RULES] == [
        "JGD01",
        "JGD02",
        "JGD03",
        "JGD04",
        "JGD05",
        "JGD06",
        "JGD07",
        "JGD08",
        "JGD90",
    ]
    for rule in RULES:
        assert rule.name.startswith("jeugd.")
        assert rule.applies is not None
        assert rule.applies.when.startswith("facts.jeugd_project")
        assert "facts.jeugd_project" in rule.needs
        assert rule.source, f"{rule.code} cites no source"
        assert rule.actions is not None or rule.kind == "strength"
    kinds = [rule.kind for rule in RULES]
    assert kinds.count("strength") >= 1
    assert len(kinds) - kinds.count("strength") >= 5


def test_rules_use_the_built_in_elements(engine: Engine) -> None:
    """Rules belong to the core's twelve elements; the plugin adds none."""
    report = engine.advise(project(), date=DATE)
    elements = {e.element for e in report.elements}
    assert len(elements) == 12
    assert {rule.element for rule in RULES} <= elements


def test_the_declared_facts_are_the_facts_the_hook_returns() -> None:
    """FACTS, the hook's keys and the list in the rule file's header agree."""
    facts = plugin.advies_facts(load_project(project()))
    assert set(facts) == set(plugin.FACTS)
    text = plugin.RULES_FILE.read_text(encoding="utf-8")
    used = set(re.findall(r"facts\.(jeugd_[a-z0-9_]+)", text))
    assert used <= set(plugin.FACTS)
    header = "".join(line for line in text.splitlines() if line.startswith("#"))
    assert all(name in header for name in plugin.FACTS)


# B1 Dutch and one term per concept, as the core's glossary asks (docs/glossary.md)
AVOIDED = [
    "inwoners",
    "wijkbewoner",
    "buurtbewoner",
    "doelgroep",
    "participant",
    "stakeholder",
    "het management",
    "ontmoetingsruimte",
    "ontmoetingsplaats",
    "eindmoment",
    "sleutelfiguur",
    "artiest",
    "middelen",
    "gelden",
    "borrelmoment",
    "sector",
    # issue 12: plain words, one word for a partner's management ("de leiding")
    "verduurzaming",
    "directie",
    "management",
    "leidinggevende",
    r"middel\b",
    "appgroep",
]


def dutch_texts() -> list[tuple[str, str]]:
    """Every Dutch text of every rule, with where it comes from."""
    out = []
    for rule in RULES:
        for field in ("title", "message", "why", "question"):
            text = getattr(rule, field)
            if text is not None:
                out.append((f"{rule.code}.{field}", text.nl))
        if rule.actions is not None:
            out += [(f"{rule.code}.actions", a) for a in rule.actions.nl]
    return out


def test_dutch_texts_use_the_glossary_and_short_sentences() -> None:
    """No avoided word, and no sentence over 30 words."""
    for where, text in dutch_texts():
        for word in AVOIDED:
            assert not re.search(rf"\b{word}", text, re.I), f"{where} uses {word!r}"
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            assert len(sentence.split()) <= 30, f"{where}: {sentence!r}"


# -- installation: the entry point -------------------------------------------------------


def test_the_shipped_rules_are_written_from_the_rule_file() -> None:
    """If this fails: write ``_rules_data.py`` again (the command in the README)."""
    ship = pytest.importorskip("interventie_advies.ship")
    written = ship.source(
        [plugin.RULES_FILE], facts=plugin.FACTS, extensions={plugin.EXTENSION: JeugdModel}
    )
    assert (plugin.RULES_FILE.parents[1] / "_rules_data.py").read_text("utf-8") == written


def test_entry_point_is_installed() -> None:
    """After ``pip install``, the group ``interventie_advies`` names this plugin."""
    points = importlib.metadata.entry_points(group="interventie_advies")
    ours = [ep for ep in points if ep.name == "jeugd"]
    assert len(ours) == 1
    assert ours[0].value == "interventie_advies_jeugd.plugin"
    assert ours[0].load() is plugin
    assert importlib.metadata.version("interventie-advies-jeugd") == "1.0.0"
    assert interventie_advies_jeugd.__version__ == "1.0.0"


def test_installed_engine_loads_the_plugin(installed: Engine) -> None:
    """``Engine()`` finds the plugin by its entry point, with version and rules."""
    info = next(p for p in installed.plugins if p.name == "jeugd")
    assert info.loaded, info.error
    assert (info.version, info.distribution) == ("1.0.0", "interventie-advies-jeugd")
    assert set(info.hooks) == {"advies_facts", "advies_project_extensions", "advies_rules"}
    ours = [rule for rule in installed.rules if rule.code.startswith("JGD")]
    assert [r.code for r in ours] == CODES
    assert {r.plugin for r in ours} == {"jeugd"}


def test_advies_plugins_lists_the_plugin() -> None:
    """``advies plugins`` shows the plugin with version 1.0.0 and its rule count."""
    runner = CliRunner()
    text = runner.invoke(cli, ["plugins", "--lang", "en"])
    assert text.exit_code in (0, 3), text.output
    line = next(ln for ln in text.output.splitlines() if " jeugd " in f" {ln} ")
    assert line.startswith("ok")
    assert "jeugd 1.0.0 (interventie-advies-jeugd)" in line
    assert f"{len(RULES)} rules" in line
    listed = json.loads(runner.invoke(cli, ["plugins", "--format", "json"]).output)
    entry = next(p for p in listed if p["name"] == "jeugd")
    assert (entry["version"], entry["rules"], entry["status"]) == ("1.0.0", len(RULES), "loaded")
    assert entry["errors"] == []


# -- end to end on the repository's examples ---------------------------------------------


@needs_examples
def test_jongerenfilm_gets_jeugd_questions(installed: Engine) -> None:
    """A youth film without [extensions.jeugd]: the plugin asks what it needs to know."""
    report = installed.advise(EXAMPLES / "jongerenfilm.toml", date=FILM_DATE)
    assert [e for e in report.errors if e.plugin == "jeugd"] == []
    assert len(jgd_output(report)) >= 5
    # the file says nothing about ages or consent: ask, never guess
    assert_asks(report, "JGD02", ["facts.jeugd_minors", "facts.jeugd_parental_consent"])
    assert_asks(report, "JGD03")
    # Veencollege (education) and Jongerenwerk Veenstad are there, and youth work stays
    assert_silent(report, "JGD01")
    assert_silent(report, "JGD08")


@needs_examples
def test_jongerenfilm_with_a_jeugd_table_gets_advice(engine: Engine) -> None:
    """The same file with an [extensions.jeugd] table: questions turn into advice."""
    text = (EXAMPLES / "jongerenfilm.toml").read_text(encoding="utf-8")
    text += (
        "\n[extensions.jeugd]\nmin_age = 13\nmax_age = 17\nparental_consent = false\n"
        'peer_leaders = false\nactivity_times = ["after_school", "evenings"]\n'
        "transport_home = false\nvog_checked = true\n"
        "channel_adult_moderator = false\nchannel_agreements = false\n"
    )
    report = engine.advise(text=text, date=FILM_DATE)
    for code in ("JGD02", "JGD03", "JGD05", "JGD07"):
        assert_fires(report, code)
    for code in ("JGD01", "JGD04", "JGD06", "JGD08", "JGD90"):
        assert_silent(report, code)
    by_code = {f.code: f for f in report.findings}
    # under 16 and a film: consent is raised to high; minors in a chat channel: raised too;
    # but high is scarce (core docs/prioritisation.md): of these 4 findings one is high, the
    # strongest case (by score, then code), and the others say why they are not
    assert [f.code for f in report.findings if f.priority == "high"] == ["JGD02"]
    assert by_code["JGD02"].reasons[0].startswith("Verhoogd: er doen kinderen onder de 16")
    held = by_code["JGD05"]
    assert held.priority == "medium"
    assert held.reasons[:2] == (
        "Dit is ook belangrijk, maar hoog is bewaard voor de punten die het zwaarst wegen.",
        "Verhoogd: er doen minderjarigen mee.",
    )


@needs_examples
def test_kunstnetwerk_gets_nothing_from_the_plugin(installed: Engine) -> None:
    """A programme for all residents: no JGD finding, question or strength."""
    report = installed.advise(EXAMPLES / "kunstnetwerk.toml", date=DATE)
    assert jgd_output(report) == set()
    assert [e for e in report.errors if e.plugin == "jeugd"] == []


@needs_examples
@pytest.mark.parametrize(
    "path", sorted(EXAMPLES.glob("*.toml")) if EXAMPLES.is_dir() else [], ids=lambda p: p.name
)
def test_examples_hear_from_the_plugin_only_when_young_people_take_part(
    with_builtin: Engine, path: Path
) -> None:
    """The plugin speaks exactly about the examples it is for."""
    report = with_builtin.advise(path, date=DATE)
    youth = plugin.jeugd_facts(load_project(path))["jeugd_project"]
    assert bool(jgd_output(report)) is youth
    assert report.errors == ()


# -- the [extensions.jeugd] table --------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "path", "says"),
    [
        ({"min_age": "twaalf"}, "extensions.jeugd.min_age", "whole number"),
        ({"parental_consent": "ja"}, "extensions.jeugd.parental_consent", "boolean"),
        ({"parental_concent": True}, "extensions.jeugd.parental_concent", "parental_consent"),
        ({"activity_times": ["nights"]}, "extensions.jeugd.activity_times[0]", "evenings"),
        ({"activity_times": []}, "extensions.jeugd.activity_times", "at least 1"),
        ({"max_age": 200}, "extensions.jeugd.max_age", "120"),
        ({"min_age": 15, "max_age": 12}, "extensions.jeugd.max_age", "below min_age"),
        ({"min_age": 15, "minors": False}, "extensions.jeugd.minors", "under 18"),
        ({"min_age": 19, "minors": True}, "extensions.jeugd.minors", "18 or over"),
    ],
)
def test_invalid_table_is_a_project_error_naming_the_field(
    engine: Engine, table: dict[str, Any], path: str, says: str
) -> None:
    """A wrong value is a ProjectError with the TOML path ``extensions.jeugd.<field>``."""
    with pytest.raises(ProjectError) as info:
        engine.advise(project(extensions={"jeugd": table}), date=DATE)
    problems = {p.path: p.message for p in info.value.problems}
    assert path in problems, problems
    assert says in problems[path]


def test_all_problems_of_the_table_are_reported_at_once(engine: Engine) -> None:
    """Like the core tables: every problem, not only the first."""
    with pytest.raises(ProjectError) as info:
        engine.check(project(extensions={"jeugd": {"min_age": -1, "vog_checked": 1}}))
    paths = {p.path for p in info.value.problems}
    assert paths == {"extensions.jeugd.min_age", "extensions.jeugd.vog_checked"}


def test_every_field_is_optional_and_described() -> None:
    """An empty table is valid and means "not described"; every field says what it is."""
    assert JeugdModel() == JeugdModel.model_validate({})
    for name, field in JeugdModel.model_fields.items():
        assert field.default is None, name
        assert field.description, name
    schema = JeugdModel.model_json_schema()
    assert schema["additionalProperties"] is False


# -- the facts ---------------------------------------------------------------------------


def facts_of(**tables: Any) -> dict[str, Any]:
    """The jeugd facts of a project built from ``tables``."""
    return plugin.jeugd_facts(load_project(project(**tables)))


@pytest.mark.parametrize(
    ("tables", "expected"),
    [
        ({}, False),
        ({"residents": {"target_groups": ["elderly", "all_residents"]}}, False),
        ({"residents": {"target_groups": ["youth"]}}, True),
        ({"residents": {"target_groups": ["elderly", "children"]}}, True),
        ({"extensions": {"jeugd": {}}}, True),
    ],
)
def test_jeugd_project(tables: dict[str, Any], expected: bool) -> None:
    """True for youth or children, or with a jeugd table; False otherwise, never None."""
    assert facts_of(**tables)["jeugd_project"] is expected


@pytest.mark.parametrize(
    ("groups", "table", "minors", "under_16"),
    [
        (["youth"], {}, None, None),
        (["children"], {}, True, True),
        (["youth"], {"min_age": 12, "max_age": 17}, True, True),
        (["youth"], {"min_age": 16, "max_age": 19}, True, False),
        (["youth"], {"min_age": 18, "max_age": 23}, False, False),
        (["youth"], {"max_age": 15}, True, True),
        (["youth"], {"max_age": 20}, None, None),
        (["youth"], {"minors": True}, True, None),
        (["youth"], {"minors": False}, False, False),
    ],
)
def test_minors_and_under_16(
    groups: list[str], table: dict[str, Any], minors: bool | None, under_16: bool | None
) -> None:
    """Derived from the table's ages or ``minors``, else the children target group."""
    facts = facts_of(residents={"target_groups": groups}, extensions={"jeugd": table})
    assert (facts["jeugd_minors"], facts["jeugd_under_16"]) == (minors, under_16)


@pytest.mark.parametrize(
    ("partners", "partner", "stays"),
    [
        (None, None, None),
        ([{"name": "Theater De Kei", "domain": "cultural"}], False, None),
        ([{"name": "Het Lyceum", "domain": "education"}], True, None),
        ([{"name": "Welzijn Oost", "domain": "social", "role": "ouderenwerk"}], False, None),
        ([{"name": "Jongerenwerk Veenstad", "domain": "social"}], True, None),
        ([{"name": "Welzijn", "domain": "social", "strengths": ["kinderwerk"]}], True, None),
        ([{"name": "Jeugdzorg", "domain": "health"}], False, None),
        (
            [
                {"name": "Het Lyceum", "domain": "education", "committed_after_project": False},
                {
                    "name": "Welzijn",
                    "domain": "social",
                    "role": "Youth work",
                    "committed_after_project": True,
                },
            ],
            True,
            True,
        ),
        (
            [{"name": "Het Lyceum", "domain": "education", "committed_after_project": False}],
            True,
            False,
        ),
    ],
)
def test_school_or_youth_partner(
    partners: list[dict[str, Any]] | None, partner: bool | None, stays: bool | None
) -> None:
    """Education, or social work that mentions young people; None without partners."""
    facts = facts_of(partners=partners) if partners is not None else facts_of()
    assert facts["jeugd_school_or_youth_partner"] is partner
    assert facts["jeugd_partner_stays"] is stays


def test_table_fields_become_facts() -> None:
    """The plain facts repeat the table, so a rule reads one namespace."""
    facts = facts_of(extensions={"jeugd": {"peer_leaders": True, "activity_times": ["weekends"]}})
    assert facts["jeugd_peer_leaders"] is True
    assert facts["jeugd_activity_times"] == ["weekends"]
    assert facts["jeugd_vog_checked"] is None


# -- priorities --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "art", "priority"),
    [
        ({"min_age": 16, "max_age": 17}, None, "medium"),
        ({"min_age": 12, "max_age": 17}, None, "high"),
        ({"min_age": 16, "max_age": 17}, {"forms": ["photography"]}, "high"),
    ],
)
def test_consent_priority_rises_under_16_and_with_images(
    engine: Engine, table: dict[str, Any], art: dict[str, Any] | None, priority: str
) -> None:
    """JGD02 is high when the AVG demands a parent's consent, or images are made."""
    tables: dict[str, Any] = {
        "residents": {"target_groups": ["youth"]},
        "extensions": {"jeugd": {**table, "parental_consent": False}},
    }
    if art is not None:
        tables["art"] = art
    report = engine.advise(project(**tables), date=DATE, select=["JGD02"])
    (finding,) = report.findings
    assert finding.priority == priority


# -- silence for projects without young people (property) --------------------------------

NOT_YOUTH = [
    "elderly",
    "families",
    "newcomers",
    "people_with_disability",
    "low_income",
    "people_with_mental_illness",
    "lonely_people",
    "all_residents",
    "other",
]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    groups=st.lists(st.sampled_from(NOT_YOUTH), unique=True, max_size=4),
    channel=st.sampled_from(["whatsapp", "signal", "facebook", "other", "none", "newsletter"]),
    with_partner=st.booleans(),
)
def test_the_plugin_is_silent_without_young_people(
    engine: Engine, groups: list[str], channel: str, with_partner: bool
) -> None:
    """Whatever else the file says, without youth or children the plugin says nothing."""
    tables: dict[str, Any] = {
        "residents": {"target_groups": groups},
        "contact": {"group_channel": channel},
    }
    if with_partner:
        tables["partners"] = [{"name": "Theater De Kei", "domain": "cultural"}]
    report = engine.advise(project(**tables), date=DATE)
    assert jgd_output(report) == set()
