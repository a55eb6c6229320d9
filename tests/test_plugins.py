"""Plugins: every hook, failures that are reported instead of stopping the run, entry points."""

from __future__ import annotations

import dataclasses
import json
import types
from typing import TYPE_CHECKING, Any

import pytest
from conftest import DATE, make_rule
from pydantic import BaseModel, ConfigDict, ValidationError

from interventie_advies import Engine, Finding, ProjectError, Report, hookimpl
from interventie_advies.cli import cli
from interventie_advies.testing import RulesPlugin, make_engine

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from click.testing import CliRunner


def project(**tables: Any) -> dict[str, Any]:
    info = {"name": "Plugintest", **tables.pop("project", {})}
    return {"format": 1, "project": info, **tables}


class Plugin:
    """A plugin object; hooks are added per test as ``@hookimpl`` methods of subclasses."""

    def __init__(self, name: str) -> None:
        self.__name__ = name


# -- advies_rules ---------------------------------------------------------------------


def test_python_rules_from_a_plugin_object() -> None:
    class Jeugd(Plugin):
        @hookimpl
        def advies_rules(self) -> list[Any]:
            return [
                make_rule("JGD01", when=lambda ctx: ctx.project.phase == "idea"),
                make_rule("JGD02", when="residents.expected_participants > 10",
                          needs=("residents.expected_participants",)),
            ]

    engine = make_engine(Jeugd("jeugd"))
    report = engine.advise(project(project={"phase": "idea"},
                                   residents={"expected_participants": 25}), date=DATE)
    assert [(f.code, f.plugin) for f in report.findings] == [("JGD01", "jeugd"),
                                                            ("JGD02", "jeugd")]
    assert [r.plugin for r in engine.rules] == ["jeugd", "jeugd"]
    quiet = engine.advise(project(residents={"expected_participants": 5}), date=DATE)
    assert quiet.findings == ()


def test_plugin_rules_come_after_the_builtin_ones() -> None:
    plugin = RulesPlugin([make_rule("JGD01")], name="jeugd")
    engine = make_engine(plugin, builtin=True)
    plugins = [r.plugin for r in engine.rules]
    assert plugins[-1] == "jeugd"
    assert set(plugins[:-1]) == {"interventie-advies"}
    assert engine.advise(project(), date=DATE, select=["JGD01"]).findings[0].code == "JGD01"


def test_a_duplicate_rule_code_is_reported_and_the_first_rule_stays() -> None:
    first = RulesPlugin([make_rule("DUP01", name="first.rule")], name="eerste")
    second = RulesPlugin([make_rule("DUP01", name="second.rule"), make_rule("DUP02")],
                         name="tweede")
    engine = make_engine(first, second)
    assert [(r.code, r.name) for r in engine.rules] == [("DUP01", "first.rule"),
                                                       ("DUP02", "test.dup02")]
    report = engine.advise(project(), date=DATE)
    assert [f.name for f in report.findings] == ["first.rule", "test.dup02"]
    [error] = report.errors
    assert (error.plugin, error.rule) == ("tweede", "DUP01")
    assert "eerste" in error.message
    assert "tweede" in error.message


def test_a_builtin_code_cannot_be_taken_over() -> None:
    thief = RulesPlugin([make_rule("CON01", name="thief.rule")], name="dief")
    engine = make_engine(thief, builtin=True)
    con01 = [r for r in engine.rules if r.code == "CON01"]
    assert [(r.name, r.plugin) for r in con01] == [("contact.moment_after_activity",
                                                   "interventie-advies")]


def test_advies_rules_returning_something_else_is_reported() -> None:
    class Wrong(Plugin):
        @hookimpl
        def advies_rules(self) -> Any:
            return "CON01"

    engine = make_engine(Wrong("fout"), RulesPlugin([make_rule("TST01")]))
    report = engine.advise(project(), date=DATE)
    assert [f.code for f in report.findings] == ["TST01"]
    assert [e.plugin for e in report.errors] == ["fout"]
    assert "advies_rules" in report.errors[0].message


# -- advies_facts ---------------------------------------------------------------------


class NameLength(Plugin):
    @hookimpl
    def advies_facts(self, project: Any) -> dict[str, Any]:
        return {"name_length": len(project.project.name)}


def test_a_plugin_fact_is_read_by_a_rule() -> None:
    rule = make_rule("FCT01", facts=("name_length",), when="facts.name_length > 5",
                     needs=("facts.name_length",))
    engine = make_engine(NameLength("naamlengte"), RulesPlugin([rule]))
    long_name = engine.advise(project(project={"name": "Lange naam"}), date=DATE)
    assert [f.code for f in long_name.findings] == ["FCT01"]
    assert long_name.findings[0].facts == {"facts.name_length": 10}
    assert engine.advise(project(project={"name": "Kort"}), date=DATE).findings == ()


def test_a_plugin_fact_nobody_provides_makes_the_rule_ask() -> None:
    rule = make_rule("FCT01", facts=("name_length",), when="facts.name_length > 5",
                     needs=("facts.name_length",))
    report = make_engine(RulesPlugin([rule])).advise(project(), date=DATE)
    assert report.findings == ()
    assert [q.codes for q in report.questions] == [("FCT01",)]


def test_a_rule_must_declare_the_plugin_facts_it_reads() -> None:
    with pytest.raises(ValidationError, match=r"facts\.name_length"):
        make_rule("FCT01", when="facts.name_length > 5")


def test_a_plugin_cannot_replace_a_builtin_fact() -> None:
    class Liar(Plugin):
        @hookimpl
        def advies_facts(self) -> dict[str, Any]:
            return {"months_left": 0}

    rule = make_rule("FCT02", when="facts.months_left is None")
    report = make_engine(Liar("leugenaar"), RulesPlugin([rule])).advise(project(), date=DATE)
    assert [f.code for f in report.findings] == ["FCT02"]
    assert [e.plugin for e in report.errors] == ["leugenaar"]
    assert "months_left" in report.errors[0].message


# -- advies_prioritise ----------------------------------------------------------------


THREE = [make_rule("PRI01", priority="high"), make_rule("PRI02", priority="medium"),
         make_rule("PRI03", priority="low")]


def test_a_prioritiser_replaces_the_order() -> None:
    seen: list[tuple[str, ...]] = []

    class Reverse(Plugin):
        @hookimpl
        def advies_prioritise(self, findings: Sequence[Finding]) -> list[Finding]:
            seen.append(tuple(f.code for f in findings))
            return [dataclasses.replace(f, score_factors=("omgekeerd",))
                    for f in reversed(findings)]

    engine = make_engine(RulesPlugin(THREE), Reverse("omkeren"))
    report = engine.advise(project(), date=DATE)
    assert seen == [("PRI01", "PRI02", "PRI03")]  # scored, in the built-in order
    assert [f.code for f in report.findings] == ["PRI03", "PRI02", "PRI01"]
    assert [f.score_factors for f in report.findings] == [("omgekeerd",)] * 3
    assert report.errors == ()


def test_the_first_prioritiser_that_answers_wins() -> None:
    class Abstain(Plugin):
        @hookimpl
        def advies_prioritise(self) -> None:
            return None

    class ByCodeDesc(Plugin):
        @hookimpl
        def advies_prioritise(self, findings: Sequence[Finding]) -> list[Finding]:
            return sorted(findings, key=lambda f: f.code, reverse=True)

    class Middle(Plugin):
        @hookimpl
        def advies_prioritise(self, findings: Sequence[Finding]) -> list[Finding]:
            return [findings[1], findings[0], findings[2]]

    # plugins are asked in the order given (pluggy's order); None passes the turn on
    engine = make_engine(RulesPlugin(THREE), Abstain("onthouding"), ByCodeDesc("aflopend"),
                         Middle("midden"))
    report = engine.advise(project(), date=DATE)
    assert [f.code for f in report.findings] == ["PRI03", "PRI02", "PRI01"]

    class MiddleFirst(Plugin):
        @hookimpl(tryfirst=True)
        def advies_prioritise(self, findings: Sequence[Finding]) -> list[Finding]:
            return [findings[1], findings[0], findings[2]]

    # tryfirst moves an implementation to the front, as in pluggy
    engine = make_engine(RulesPlugin(THREE), Abstain("onthouding"), ByCodeDesc("aflopend"),
                         MiddleFirst("midden"))
    report = engine.advise(project(), date=DATE)
    assert [f.code for f in report.findings] == ["PRI02", "PRI01", "PRI03"]


@pytest.mark.parametrize("answer", [
    pytest.param(lambda fs: list(fs)[:1], id="drops-findings"),
    pytest.param(lambda fs: [*fs, fs[0]], id="duplicates"),
    pytest.param(lambda fs: ["PRI01", "PRI02", "PRI03"], id="not-findings"),
    pytest.param(lambda fs: 42, id="not-a-sequence"),
])
def test_a_prioritiser_that_returns_no_permutation_is_reported_and_ignored(
    answer: Callable[[Sequence[Finding]], Any],
) -> None:
    class Bad(Plugin):
        @hookimpl
        def advies_prioritise(self, findings: Sequence[Finding]) -> Any:
            return answer(findings)

    engine = make_engine(RulesPlugin(THREE), Bad("slordig"))
    report = engine.advise(project(), date=DATE)
    assert [f.code for f in report.findings] == ["PRI01", "PRI02", "PRI03"]
    assert [e.plugin for e in report.errors] == ["slordig"]
    assert "advies_prioritise" in report.errors[0].message


# -- advies_renderers -----------------------------------------------------------------


class Csv(Plugin):
    @hookimpl
    def advies_renderers(self) -> dict[str, Any]:
        def csv(report: Report) -> str:
            return "".join(f"{f.code};{f.priority}\n" for f in report.findings)

        return {"csv": csv}


def test_a_plugin_renderer_is_a_format_of_the_report() -> None:
    engine = make_engine(RulesPlugin(THREE), Csv("csv-plugin"))
    assert sorted(engine.renderers) == ["csv"]
    report = engine.advise(project(), date=DATE)
    assert report.render("csv") == "PRI01;high\nPRI02;medium\nPRI03;low\n"
    # the built-in formats are still there
    assert json.loads(report.render("json"))["findings"][0]["code"] == "PRI01"


def test_an_unknown_format_names_the_known_ones() -> None:
    report = make_engine(RulesPlugin(THREE), Csv("csv-plugin")).advise(project(), date=DATE)
    from interventie_advies import UsageError

    with pytest.raises(UsageError, match="csv") as info:
        report.render("pdf")
    assert "markdown" in str(info.value)


def test_a_renderer_cannot_replace_a_builtin_format() -> None:
    class Hijack(Plugin):
        @hookimpl
        def advies_renderers(self) -> dict[str, Any]:
            return {"json": lambda report: "gekaapt"}

    engine = make_engine(RulesPlugin(THREE), Hijack("kaper"))
    report = engine.advise(project(), date=DATE)
    assert report.render("json") != "gekaapt"
    assert json.loads(report.render("json"))["schema_version"] == 1
    assert [e.plugin for e in report.errors] == ["kaper"]


# -- advies_project_extensions --------------------------------------------------------


class Youth(BaseModel):
    model_config = ConfigDict(extra="forbid")

    age_from: int
    age_to: int | None = None


class YouthPlugin(Plugin):
    @hookimpl
    def advies_project_extensions(self) -> dict[str, type[BaseModel]]:
        return {"jeugd": Youth}


def test_an_extension_table_is_validated_with_the_plugin_model() -> None:
    engine = make_engine(YouthPlugin("jeugd-plugin"), RulesPlugin(THREE))
    good = project(extensions={"jeugd": {"age_from": 12, "age_to": 18}})
    assert [f.code for f in engine.advise(good, date=DATE).findings] == [
        "PRI01", "PRI02", "PRI03"]
    assert engine.check(good).project.name == "Plugintest"
    bad = project(extensions={"jeugd": {"age_from": "twaalf", "age_too": 18}})
    with pytest.raises(ProjectError) as info:
        engine.advise(bad, date=DATE)
    paths = sorted(p.path for p in info.value.problems)
    assert paths == ["extensions.jeugd.age_from", "extensions.jeugd.age_too"]
    with pytest.raises(ProjectError) as checked:
        engine.check(bad)
    assert sorted(p.path for p in checked.value.problems) == paths


def test_an_extension_for_a_plugin_that_is_not_installed_is_a_warning() -> None:
    engine = make_engine(RulesPlugin(THREE))
    report = engine.advise(project(extensions={"onbekend": {"x": 1}}), date=DATE)
    assert len(report.warnings) == 1
    assert "extensions.onbekend" in report.warnings[0]
    assert report.to_dict()["warnings"] == list(report.warnings)
    assert [f.code for f in report.findings] == ["PRI01", "PRI02", "PRI03"]
    assert report.errors == ()


# -- failures in hooks ----------------------------------------------------------------


def test_a_hook_that_raises_is_reported_and_the_others_still_run() -> None:
    class Broken(Plugin):
        @hookimpl
        def advies_rules(self) -> list[Any]:
            raise RuntimeError("rules are broken")

        @hookimpl
        def advies_facts(self) -> dict[str, Any]:
            raise KeyError("facts are broken")

    engine = make_engine(Broken("kapot"), NameLength("naamlengte"), RulesPlugin(
        [make_rule("FCT01", facts=("name_length",), when="facts.name_length > 5")]))
    report = engine.advise(project(), date=DATE)
    assert [f.code for f in report.findings] == ["FCT01"]
    messages = [(e.plugin, e.message) for e in report.errors]
    assert len(messages) == 2
    assert all(plugin == "kapot" for plugin, _ in messages)
    assert any("advies_rules" in m and "rules are broken" in m for _, m in messages)
    assert any("advies_facts" in m and "facts are broken" in m for _, m in messages)
    # the same again for the next project, never twice in one report
    again = engine.advise(project(), date=DATE)
    assert sorted(e.message for e in again.errors) == sorted(m for _, m in messages)


def test_strict_turns_a_broken_hook_into_an_error() -> None:
    from interventie_advies import PluginError

    class Broken(Plugin):
        @hookimpl
        def advies_facts(self) -> dict[str, Any]:
            raise KeyError("facts are broken")

    engine = Engine(plugins=[Broken("kapot")], builtin=False, strict=True)
    with pytest.raises(PluginError, match="kapot"):
        engine.advise(project(), date=DATE)


# -- entry points ---------------------------------------------------------------------


@dataclasses.dataclass
class FakeDist:
    name: str
    version: str


@dataclasses.dataclass
class FakeEntryPoint:
    name: str
    value: str
    dist: FakeDist
    target: object = None
    error: Exception | None = None

    def load(self) -> object:
        if self.error is not None:
            raise self.error
        return self.target


def _good_module() -> types.ModuleType:
    module = types.ModuleType("advies_goed")

    @hookimpl
    def advies_rules() -> list[Any]:
        return [make_rule("GOED01"), make_rule("GOED02", kind="strength")]

    module.advies_rules = advies_rules  # type: ignore[attr-defined]
    return module


@pytest.fixture
def fake_entry_points(monkeypatch: pytest.MonkeyPatch) -> list[FakeEntryPoint]:
    points = [
        FakeEntryPoint("goed", "advies_goed.plugin", FakeDist("advies-goed", "1.2.3"),
                       target=_good_module()),
        FakeEntryPoint("kapot", "advies_kapot.plugin", FakeDist("advies-kapot", "0.0.1"),
                       error=ImportError("No module named 'advies_kapot'")),
    ]
    monkeypatch.setattr("interventie_advies.plugins._host._entry_points", lambda: list(points))
    monkeypatch.delenv("ADVIES_DISABLE_PLUGINS", raising=False)
    return points


def test_a_plugin_that_fails_to_import_does_not_stop_the_others(
    fake_entry_points: list[FakeEntryPoint],
) -> None:
    engine = Engine()
    infos = {p.name: p for p in engine.plugins}
    assert sorted(infos) == ["goed", "interventie-advies", "kapot"]
    assert infos["goed"].loaded
    assert (infos["goed"].version, infos["goed"].distribution) == ("1.2.3", "advies-goed")
    failed = infos["kapot"]
    assert not failed.loaded
    assert failed.version == "0.0.1"
    assert failed.error is not None
    assert "ImportError" in failed.error
    assert "advies_kapot" in failed.error
    assert {"GOED01", "GOED02"} <= {r.code for r in engine.rules}
    report = engine.advise(project(), date=DATE, select=["goed"])
    assert [f.code for f in report.findings] == ["GOED01"]
    assert [s.code for s in report.strengths] == ["GOED02"]
    assert report.tool["plugins"] == [{"name": "goed", "version": "1.2.3"}]
    assert [(e.plugin, "ImportError" in e.message) for e in report.errors] == [("kapot", True)]


def test_advies_plugins_shows_the_failed_plugin(
    fake_entry_points: list[FakeEntryPoint], runner: CliRunner,
) -> None:
    result = runner.invoke(cli, ["plugins", "--lang", "en"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any(line.startswith("ok") and "goed 1.2.3" in line and "2 rules" in line
               for line in lines)
    failed = [i for i, line in enumerate(lines) if line.startswith("FAILED")]
    assert len(failed) == 1
    assert "kapot 0.0.1" in lines[failed[0]]
    reason = "\n".join(lines[failed[0]:])
    assert "ImportError" in reason
    assert "No module named 'advies_kapot'" in reason
    # --strict turns the failure into exit code 3
    assert runner.invoke(cli, ["plugins", "--strict"]).exit_code == 3


def test_advies_plugins_json_shows_the_failed_plugin(
    fake_entry_points: list[FakeEntryPoint], runner: CliRunner,
) -> None:
    result = runner.invoke(cli, ["plugins", "--format", "json"])
    assert result.exit_code == 0
    data = {p["name"]: p for p in json.loads(result.stdout)}
    assert data["kapot"]["status"] == "failed"
    assert any("ImportError" in m for m in data["kapot"]["errors"])
    assert (data["goed"]["status"], data["goed"]["rules"]) == ("loaded", 2)


@pytest.mark.parametrize("disabled", ["kapot", "advies-kapot", " kapot , other "])
def test_advies_disable_plugins_skips_a_plugin(
    fake_entry_points: list[FakeEntryPoint], monkeypatch: pytest.MonkeyPatch, disabled: str,
) -> None:
    monkeypatch.setenv("ADVIES_DISABLE_PLUGINS", disabled)
    engine = Engine()
    assert sorted(p.name for p in engine.plugins) == ["goed", "interventie-advies"]
    assert engine.advise(project(), date=DATE, select=["goed"]).errors == ()


def test_a_disabled_plugin_can_be_named_in_the_engine(
    fake_entry_points: list[FakeEntryPoint],
) -> None:
    engine = Engine(disabled=["goed"])
    assert sorted(p.name for p in engine.plugins) == ["interventie-advies", "kapot"]
    assert not any(r.plugin == "goed" for r in engine.rules)


def test_no_plugins_reads_no_entry_points(
    fake_entry_points: list[FakeEntryPoint], runner: CliRunner,
) -> None:
    assert [p.name for p in Engine(plugins=()).plugins] == ["interventie-advies"]
    result = runner.invoke(cli, ["plugins", "--no-plugins"])
    assert result.exit_code == 0
    assert "FAILED" not in result.stdout
    assert "goed" not in result.stdout


def test_a_rule_file_reads_extensions_and_declares_facts_in_its_pack(tmp_path: Any) -> None:
    """load_rules passes extension models on, and [pack] facts lists plugin facts."""
    from interventie_advies import load_rules

    class Jeugd(BaseModel):
        model_config = ConfigDict(extra="forbid")
        minors: bool | None = None

    rules_file = tmp_path / "jeugd.toml"
    rules_file.write_text('''
[pack]
name = "jeugd"
facts = ["jeugd_project"]

[[rule]]
code = "JGD01"
name = "jeugd.minors"
element = "key_persons"
kind = "warning"
priority = "high"
when = "facts.jeugd_project and extensions.jeugd.minors"
needs = ["facts.jeugd_project", "extensions.jeugd.minors"]
title = { nl = "t", en = "t" }
message = { nl = "m", en = "m" }
why = { nl = "w", en = "w" }
question = { nl = "q", en = "q" }
''', encoding="utf-8")
    [rule] = load_rules(rules_file, extensions={"jeugd": Jeugd})
    assert rule.needs == ("facts.jeugd_project", "extensions.jeugd.minors")
    # without the model the path is checked later, by the engine (tests/test_extension_rules.py)
    [unchecked] = load_rules(rules_file)
    assert unchecked.extension_problems({"jeugd": Jeugd}) == []
