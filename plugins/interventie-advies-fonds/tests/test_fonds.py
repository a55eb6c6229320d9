"""Tests of interventie-advies-fonds, through the public API and ``interventie_advies.testing``.

- every example of every FND rule runs through the plugin itself;
- without ``[extensions.fonds]`` the plugin changes nothing in the report;
- with it, the ranking changes as the README documents, and is a permutation;
- the CSV format, from ``Report.render("csv")`` and from ``advies run --format csv``;
- ``advies plugins``, the entry point, and errors in ``[extensions.fonds]``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from importlib.metadata import entry_points, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from click.testing import CliRunner
from interventie_advies_fonds import __version__, plugin
from interventie_advies_fonds import rules as definitions
from interventie_advies_fonds.csv_renderer import COLUMNS
from interventie_advies_fonds.prioritise import WEIGHTS

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
    from interventie_advies import Finding, Report

PLUGIN_DIR = Path(__file__).resolve().parents[1]
EXAMPLE = PLUGIN_DIR / "examples" / "aanvraag.toml"
# the core's example projects, when the plugin sits in the core repository (plugins/NAME)
CORE_EXAMPLES = sorted((PLUGIN_DIR.parent.parent / "examples").glob("*.toml"))
DATE = dt.date(2026, 3, 1)
CODES = ["FND01", "FND02", "FND03", "FND04"]

needs_core_examples = pytest.mark.skipif(
    not CORE_EXAMPLES, reason="the core's examples/ are not next to this plugin"
)


@pytest.fixture(scope="module")
def with_fonds() -> Engine:
    """The built-in rules and this plugin, and no other installed plugin."""
    return Engine(plugins=[plugin])


@pytest.fixture(scope="module")
def builtin_only() -> Engine:
    """The built-in rules only: what users get without the plugin."""
    return Engine(plugins=())


def project(fonds: dict[str, Any] | None = None, **tables: Any) -> dict[str, Any]:
    """A small project; with ``fonds`` (even empty) it has an [extensions.fonds] table."""
    data: dict[str, Any] = {"format": 1, "project": {"name": "Fondstest"}, **tables}
    if fonds is not None:
        data["extensions"] = {"fonds": fonds}
    return data


def with_table(path: Path, table: str) -> str:
    """The TOML text of ``path`` with an [extensions.fonds] table added at the end."""
    return path.read_text(encoding="utf-8") + "\n[extensions.fonds]\n" + table + "\n"


def parse_csv(text: str) -> list[list[str]]:
    """Read CSV text back with the csv module."""
    return list(csv.reader(io.StringIO(text)))


# -- the rules ----------------------------------------------------------------------------

CASES = example_cases(plugin)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_rule_example(case: ExampleCase) -> None:
    """Each example of each FND rule, run by the harness with only this plugin."""
    run_example(case).check()


def test_every_rule_has_an_example_that_fires_one_that_does_not_and_one_that_asks() -> None:
    """The core's rule contract: fires, stays silent, and asks (every rule has needs)."""
    assert sorted({case.rule.code for case in CASES}) == CODES
    for code in CODES:
        examples = [case.example for case in CASES if case.rule.code == code]
        assert any(e.fires is True for e in examples), code
        assert any(e.fires is False for e in examples), code
        assert any(e.asks is True for e in examples), code


def test_the_shipped_rules_are_written_from_the_python_rules() -> None:
    """If this fails: write ``_rules_data.py`` again (the command in the README)."""
    ship = pytest.importorskip("interventie_advies.ship")
    written = ship.source(definitions.SOURCES, load=definitions.validated_rules)
    assert definitions.SOURCES[0].with_name("_rules_data.py").read_text("utf-8") == written


def test_the_rules_are_registered_with_the_plugin(with_fonds: Engine) -> None:
    """The engine gathers the four rules and names the plugin on each."""
    rules = {r.code: r for r in with_fonds.rules if r.code.startswith("FND")}
    assert sorted(rules) == CODES
    assert {r.plugin for r in rules.values()} == {"interventie_advies_fonds.plugin"}
    assert {r.origin for r in rules.values()} == {"interventie_advies_fonds.rules"}
    # three callables and one plain condition (compiled once, like a rule file's)
    assert [callable(rules[c].when) for c in CODES] == [True, True, True, False]
    assert rules["FND04"].code_object is not None


def test_the_example_application_gets_the_funds_advice() -> None:
    """examples/aanvraag.toml: €800 per participant, 87.5% asked, 30 of 50 reached."""
    report = make_engine(plugin).advise(EXAMPLE, date=DATE)
    for code in ("FND01", "FND02", "FND03"):
        assert_fires(report, code)
    assert_silent(report, "FND04")
    texts = {f.code: f.message for f in report.findings}
    assert "€800" in texts["FND01"] and "€600" in texts["FND01"]
    assert "88%" in texts["FND02"] and "80%" in texts["FND02"]  # 87.5% rounded up
    assert "30 deelnemers" in texts["FND03"] and "50 bereiken" in texts["FND03"]
    assert report.errors == ()


def test_a_question_names_the_missing_field() -> None:
    """Reach not described: FND03 asks for residents.expected_participants."""
    report = make_engine(plugin).advise(
        project({"reach_target": 60}, residents={"needs": ["pride"]}), date=DATE
    )
    assert_asks(report, "FND03", missing=["residents.expected_participants"])
    [question] = [q for q in report.questions if "FND03" in q.codes]
    assert "60" in question.question  # the placeholder was filled


def test_english_texts(with_fonds: Engine) -> None:
    """The same advice in English."""
    report = with_fonds.advise(EXAMPLE, date=DATE, lang="en", select=["FND03"])
    [finding] = report.findings
    assert finding.title == "You expect fewer participants than the fund wants to reach"
    assert "You expect 30 participants" in finding.message


# The Dutch texts follow the core's glossary (docs/glossary.md): one word per concept, B1.
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
]


def dutch_texts() -> list[tuple[str, str]]:
    """Every Dutch text of the plugin's rules, with where it is."""
    out: list[tuple[str, str]] = []
    for rule in plugin.advies_rules():
        for name in ("title", "message", "why", "question"):
            text = getattr(rule, name)
            if text is not None:
                out.append((f"{rule.code}.{name}", text.nl))
        if rule.actions is not None:
            out += [(f"{rule.code}.actions", a) for a in rule.actions.nl]
    return out


def test_dutch_texts_use_the_glossary_words_and_short_sentences() -> None:
    """No avoided word; no sentence over 30 words (the core's B1 checks)."""
    texts = dutch_texts()
    for word in AVOIDED:
        hits = [where for where, text in texts if re.search(rf"\b{word}", text, re.IGNORECASE)]
        assert hits == [], f"{word!r} is avoided (glossary); used in {hits}"
    long = [
        where
        for where, text in texts
        for sentence in re.split(r"(?<=[.!?])\s+", text)
        if len(sentence.split()) > 30
    ]
    assert long == []


# -- facts ----------------------------------------------------------------------------------


def test_facts_without_the_table_are_known_false_and_unknown() -> None:
    """fonds_opted_in is False (never None: the guard must never ask); the rest is None."""
    facts = plugin.advies_facts(load_project(project()), {"funding_total_eur": 100.0})
    assert facts == {
        "fonds_opted_in": False,
        "fonds_cost_per_participant_eur": None,
        "fonds_max_cost_per_participant_eur": None,
        "fonds_share_percent": None,
        "fonds_max_share_percent": None,
    }


def test_facts_with_the_table_use_the_defaults() -> None:
    """An empty table: the default maximum €1,000 and 80%; the project's figures rounded up."""
    facts = plugin.advies_facts(
        load_project(project({}, residents={"expected_participants": 3})),
        {"funding_total_eur": 1000.0},
    )
    assert facts == {
        "fonds_opted_in": True,
        "fonds_cost_per_participant_eur": 334,  # 333.33…, rounded up
        "fonds_max_cost_per_participant_eur": 1000,
        "fonds_share_percent": None,  # no requested amount
        "fonds_max_share_percent": 80,
    }


# -- no table: nothing changes ---------------------------------------------------------------


@needs_core_examples
@pytest.mark.parametrize("path", CORE_EXAMPLES, ids=[p.stem for p in CORE_EXAMPLES])
def test_without_the_table_the_report_is_the_builtin_one(
    path: Path, with_fonds: Engine, builtin_only: Engine
) -> None:
    """Installing the plugin does not change the advice for projects without the table."""
    plain = builtin_only.advise(path, date=DATE)
    fonds = with_fonds.advise(path, date=DATE)
    # the order of the advice is the built-in order, with the built-in scores
    assert [(f.code, f.score, f.score_factors) for f in fonds.findings] == [
        (f.code, f.score, f.score_factors) for f in plain.findings
    ]
    # and nothing else differs either, except that the report names the plugin
    plain_data, fonds_data = plain.to_dict(), fonds.to_dict()
    assert plain_data.pop("tool")["plugins"] == []
    assert fonds_data.pop("tool")["plugins"] == [
        {"name": "interventie_advies_fonds.plugin", "version": __version__}
    ]
    assert fonds_data == plain_data


def test_the_prioritiser_leaves_other_projects_to_the_builtin_order() -> None:
    """advies_prioritise answers None without the table, so the next prioritiser decides."""
    assert plugin.advies_prioritise((), load_project(project())) is None
    assert plugin.advies_prioritise((), load_project(project({}))) == []


# -- with the table: the fund's ranking -----------------------------------------------------


def fund_factor(finding: Finding, *, reach: bool, cost: bool) -> float:
    """The factor the README documents for ``finding``."""
    factor = 1.0
    if reach and finding.element in ("fit_residents", "contact", "key_persons"):
        factor *= 1.5
    if cost and finding.element == "sustainability":
        factor *= 1.5
    return factor


def test_the_weights_are_the_documented_ones() -> None:
    """README.md, "How the fund ranks advice": × 1.5 for reach and for cost."""
    assert WEIGHTS.reach == 1.5
    assert WEIGHTS.reach_elements == ("fit_residents", "contact", "key_persons")
    assert WEIGHTS.cost == 1.5
    assert WEIGHTS.cost_elements == ("sustainability",)


def check_ranking(fonds: Report, builtin: Report, *, reach: bool, cost: bool) -> None:
    """``fonds`` is ``builtin`` re-scored with the documented factors, and re-ordered."""
    before = {f.code: f for f in builtin.findings}
    # a permutation: the same findings, nothing lost, nothing added
    assert sorted(f.code for f in fonds.findings) == sorted(before)
    for finding in fonds.findings:
        old = before[finding.code]
        factor = fund_factor(finding, reach=reach, cost=cost)
        assert finding.score == round(old.score * factor, 4), finding.code
        added = finding.score_factors[len(old.score_factors) :]
        assert finding.score_factors[: len(old.score_factors)] == old.score_factors
        assert len(added) == (factor > 1) + (factor > 1.5), finding.code
        assert all(re.match(r"×1\.5 \((fonds|fund)\): ", line) for line in added)
    # ordered by score (descending), then code
    assert [f.code for f in fonds.findings] == [
        f.code for f in sorted(fonds.findings, key=lambda f: (-f.score, f.code))
    ]
    assert fonds.errors == ()


@needs_core_examples
def test_reach_below_target_and_high_cost_raise_their_elements(
    with_fonds: Engine, builtin_only: Engine
) -> None:
    """buurtopera: 60 expected of a target of 100, €1,267 per participant (maximum €500)."""
    path = next(p for p in CORE_EXAMPLES if p.stem == "buurtopera")
    text = with_table(path, "reach_target = 100\nmax_cost_per_participant_eur = 500")
    builtin = builtin_only.advise(text=text, date=DATE)  # the table is only a warning there
    fonds = with_fonds.advise(text=text, date=DATE, ignore=CODES)  # same rules, fund's ranking
    check_ranking(fonds, builtin, reach=True, cost=True)
    assert [f.code for f in fonds.findings] != [f.code for f in builtin.findings]
    raised = {f.element for f in fonds.findings if f.score_factors[-1].startswith("×1.5 (fonds)")}
    assert raised <= {"fit_residents", "contact", "key_persons", "sustainability"}
    assert {"sustainability"} < raised
    lines = {line for f in fonds.findings for line in f.score_factors if "(fonds)" in line}
    assert lines == {
        "×1.5 (fonds): 60 deelnemers verwacht, het fonds wil er 100 bereiken",
        "×1.5 (fonds): €1267 per deelnemer, boven het maximum van €500",
    }


@needs_core_examples
def test_only_the_factor_that_applies_is_used(with_fonds: Engine, builtin_only: Engine) -> None:
    """Reach met (target 50 of 60 expected), cost high: only sustainability goes up."""
    path = next(p for p in CORE_EXAMPLES if p.stem == "buurtopera")
    text = with_table(path, "reach_target = 50\nmax_cost_per_participant_eur = 500")
    builtin = builtin_only.advise(text=text, date=DATE)
    fonds = with_fonds.advise(text=text, date=DATE, ignore=CODES)
    check_ranking(fonds, builtin, reach=False, cost=True)


@needs_core_examples
@pytest.mark.parametrize("path", CORE_EXAMPLES, ids=[p.stem for p in CORE_EXAMPLES])
def test_the_ranking_is_a_permutation_for_every_example(
    path: Path, with_fonds: Engine, builtin_only: Engine
) -> None:
    """Every core example with a strict fund: re-scored as documented, nothing lost."""
    data = load_project(
        text=with_table(path, "reach_target = 1000\nmax_cost_per_participant_eur = 1")
    )
    participants = data.residents.expected_participants if data.residents else None
    builtin = builtin_only.advise(data, date=DATE)
    fonds = with_fonds.advise(data, date=DATE, ignore=CODES)
    known = participants is not None
    sources = (data.funding.sources if data.funding is not None else None) or []
    has_money = any(s.amount_eur for s in sources)
    check_ranking(fonds, builtin, reach=known, cost=known and has_money)


def test_unknown_figures_add_no_factor(with_fonds: Engine, builtin_only: Engine) -> None:
    """A table but no participants: no factor, so the built-in order and scores stay."""
    data = project(
        {"reach_target": 50},
        contact={"informal_moments": False},
        continuation={"considered_from_start": False},
        funding={"duration_months": 8},
    )
    builtin = builtin_only.advise(data, date=DATE)
    fonds = with_fonds.advise(data, date=DATE, ignore=CODES)
    assert builtin.findings  # the comparison means something
    check_ranking(fonds, builtin, reach=False, cost=False)
    assert fonds.findings == builtin.findings


def test_the_factor_line_is_in_the_reports_language(with_fonds: Engine) -> None:
    """--lang en: the factor is explained in English."""
    report = with_fonds.advise(EXAMPLE, date=DATE, lang="en", select=["FND03"])
    assert report.findings[0].score_factors[-1] == (
        "×1.5 (fund): 30 participants expected, the fund's reach target is 50"
    )


# -- the CSV format ----------------------------------------------------------------------


def test_csv_through_report_render(with_fonds: Engine) -> None:
    """One header row; findings in ranked order, then strengths, then questions."""
    report = with_fonds.advise(EXAMPLE, date=DATE)
    text = report.render("csv")
    assert text.endswith("\n") and "\r" not in text
    header, *rows = parse_csv(text)
    assert tuple(header) == COLUMNS
    assert len(rows) == len(report.findings) + len(report.strengths) + len(report.questions)
    assert {row[0] for row in rows} == {"Verhalen van de Vaart"}
    found = rows[: len(report.findings)]
    assert [r[1] for r in found] == [f.code for f in report.findings]
    assert [float(r[5]) for r in found] == [f.score for f in report.findings]
    assert [r[3] for r in found] == [f.kind for f in report.findings]
    assert [r[7] for r in found] == [f.plugin for f in report.findings]
    rest = rows[len(report.findings) :]
    kinds = [r[3] for r in rest]
    assert kinds == ["strength"] * len(report.strengths) + ["question"] * len(report.questions)
    questions = rest[len(report.strengths) :]
    assert [r[6] for r in questions] == [q.question for q in report.questions]
    assert all(r[5] == "" and r[7] == "" for r in questions)
    # deterministic: the same report, and a fresh engine, give the same text
    assert report.render("csv") == text
    assert Engine(plugins=[plugin]).advise(EXAMPLE, date=DATE).render("csv") == text


def test_csv_quotes_and_defuses_formulas(with_fonds: Engine) -> None:
    """Commas, quotes and line breaks survive; a leading = cannot run as a formula."""
    tricky = 'Koor "De Linde", zang\nen dans'
    report = with_fonds.advise(project({}, project={"name": tricky}), date=DATE)
    rows = parse_csv(report.render("csv"))[1:]
    assert rows and {row[0] for row in rows} == {tricky}
    formula = with_fonds.advise(project({}, project={"name": '=HYPERLINK("x")'}), date=DATE)
    rows = parse_csv(formula.render("csv"))[1:]
    assert rows and {row[0] for row in rows} == {'\'=HYPERLINK("x")'}


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A CLI runner that loads the installed plugins, this one included."""
    monkeypatch.delenv("ADVIES_DISABLE_PLUGINS", raising=False)
    monkeypatch.delenv("ADVIES_LANG", raising=False)
    return CliRunner()


def test_csv_through_the_command_line(runner: CliRunner, tmp_path: Path) -> None:
    """The command ``advies run FILE --format csv``, via the installed entry point."""
    args = ["run", str(EXAMPLE), "--format", "csv", "--date", DATE.isoformat()]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    header, *rows = parse_csv(result.stdout)
    assert tuple(header) == COLUMNS
    ours = {row[1]: row for row in rows if row[1].startswith("FND")}
    assert sorted(ours) == ["FND01", "FND02", "FND03"]
    assert {row[7] for row in ours.values()} == {"fonds"}  # the entry point's name
    assert ours["FND02"][3:5] == ["warning", "high"]
    # --output writes the same text to a file
    out = tmp_path / "advies.csv"
    assert runner.invoke(cli, [*args, "--output", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == result.stdout


def test_a_small_project_file_through_the_command_line(runner: CliRunner, tmp_path: Path) -> None:
    """A project file written here: FND01 fires with the default maximum."""
    plan = tmp_path / "plan.toml"
    plan.write_text(
        'format = 1\n[project]\nname = "Klein, maar duur"\n'
        "[residents]\nexpected_participants = 8\n"
        '[[funding.sources]]\nname = "Fonds"\nkind = "fund"\namount_eur = 12000\n'
        "[extensions.fonds]\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["run", str(plan), "--format", "csv", "--date", "2026-06-01"])
    assert result.exit_code == 0, result.output
    rows = parse_csv(result.stdout)[1:]
    fnd01 = [row for row in rows if row[1] == "FND01"]
    assert len(fnd01) == 1
    assert fnd01[0][0] == "Klein, maar duur"
    assert fnd01[0][6] == "Het project kost veel geld per deelnemer"


# -- installation ---------------------------------------------------------------------------


def test_advies_plugins_lists_the_plugin(runner: CliRunner) -> None:
    """The command ``advies plugins``: fonds 1.0.0, loaded, four rules, every hook."""
    result = runner.invoke(cli, ["plugins", "--format", "json"])
    assert result.exit_code == 0, result.output
    [entry] = [p for p in json.loads(result.stdout) if p["name"] == "fonds"]
    assert entry["version"] == "1.0.0"
    assert entry["distribution"] == "interventie-advies-fonds"
    assert entry["status"] == "loaded" and entry["errors"] == []
    assert entry["rules"] == 4
    assert entry["hooks"] == [
        "advies_facts",
        "advies_prioritise",
        "advies_project_extensions",
        "advies_renderers",
        "advies_rules",
    ]
    text = runner.invoke(cli, ["plugins", "--lang", "en"]).stdout
    assert "fonds 1.0.0 (interventie-advies-fonds): 4 rules" in text


def test_the_entry_point_and_the_version() -> None:
    """The entry point names the plugin module; the versions agree."""
    [point] = [ep for ep in entry_points(group="interventie_advies") if ep.name == "fonds"]
    assert point.value == "interventie_advies_fonds.plugin"
    assert version("interventie-advies-fonds") == __version__ == "1.0.0"


# -- errors in [extensions.fonds] ------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "field"),
    [
        ({"reach_target": 0}, "reach_target"),
        ({"reach_target": 12.0}, "reach_target"),  # strict: no float for a whole number
        ({"requested_amount_eur": "5000"}, "requested_amount_eur"),
        ({"requested_amount_eur": -1}, "requested_amount_eur"),
        ({"max_share_percent": 120}, "max_share_percent"),
        ({"max_cost_per_participant_eur": 0}, "max_cost_per_participant_eur"),
        ({"reference": ""}, "reference"),
        ({"reach_targte": 50}, "reach_targte"),  # unknown key
    ],
)
def test_an_invalid_table_is_a_project_error_naming_the_field(
    table: dict[str, Any], field: str, with_fonds: Engine
) -> None:
    """The error names extensions.fonds.<field>, for advise and for check."""
    with pytest.raises(ProjectError) as info:
        with_fonds.advise(project(table), date=DATE)
    assert [p.path for p in info.value.problems] == [f"extensions.fonds.{field}"]
    with pytest.raises(ProjectError):
        with_fonds.check(project(table))


def test_all_problems_in_the_table_are_reported_at_once(runner: CliRunner, tmp_path: Path) -> None:
    """The command ``advies check``: every wrong field, with its path, and exit code 2."""
    plan = tmp_path / "plan.toml"
    plan.write_text(
        'format = 1\n[project]\nname = "Fout"\n'
        '[extensions.fonds]\nreach_target = "veel"\nmax_share_percent = 0\n',
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["check", str(plan)])
    assert result.exit_code == 2
    assert "extensions.fonds.reach_target" in result.stderr
    assert "extensions.fonds.max_share_percent" in result.stderr


def test_sources_are_in_dutch_and_english() -> None:
    """A Dutch report shows a Dutch source line (the core's rule format, issue 12)."""
    for rule in plugin.advies_rules():
        assert not isinstance(rule.source, str), rule.code
        assert rule.source is not None
        for english in ("Expert judgement", "scheme", " for the ", "who can apply"):
            assert english not in rule.source.nl, (rule.code, english)
        assert "Fonds voor Cultuurparticipatie" in rule.source.en
