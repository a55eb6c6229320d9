"""The public Python API of ``interventie_advies``."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
import textwrap
from typing import TYPE_CHECKING

import pytest
from conftest import DATE, EXAMPLES, MINIMAL, make_rule

import interventie_advies
from interventie_advies import (
    AdviesError,
    Engine,
    PluginError,
    Project,
    ProjectError,
    Report,
    Rule,
    RuleConflictError,
    RuleError,
    UsageError,
    advise,
    hookimpl,
    load_project,
    load_rules,
)

if TYPE_CHECKING:
    from pathlib import Path

RULE_FILE = """
[[rule]]
code = "API01"
name = "api.always"
element = "contact"
kind = "recommendation"
priority = "low"
when = 'project.name != ""'
title = { nl = "API titel", en = "API title" }
message = { nl = "API bericht", en = "API message" }
why = { nl = "API waarom", en = "API why" }

[[rule.examples]]
fires = true
project = {}
"""


def test_all_is_sorted_and_importable() -> None:
    names = interventie_advies.__all__
    assert names == sorted(names)
    assert len(names) == len(set(names))
    for name in names:
        assert hasattr(interventie_advies, name), name


def test_all_lists_every_public_class_and_function() -> None:
    public = {
        name for name, value in vars(interventie_advies).items()
        if not name.startswith("_") and (inspect.isclass(value) or inspect.isfunction(value))
    }
    assert public <= set(interventie_advies.__all__), public - set(interventie_advies.__all__)
    assert hookimpl.project_name == "interventie_advies"  # a pluggy marker, also in __all__
    assert "hookimpl" in interventie_advies.__all__


def test_the_documented_names_are_exported() -> None:
    for name in ("load_project", "advise", "Engine", "Report", "load_rules", "Rule", "Finding",
                 "hookimpl", "AdviesError", "ProjectError", "RuleError", "PluginError",
                 "UsageError", "__version__"):
        assert name in interventie_advies.__all__, name
    assert isinstance(interventie_advies.__version__, str)
    assert interventie_advies.__version__.count(".") >= 1


def test_errors_share_one_root() -> None:
    for error in (ProjectError, RuleError, RuleConflictError, PluginError, UsageError):
        assert issubclass(error, AdviesError)
    assert issubclass(RuleConflictError, RuleError)
    assert (ProjectError([]).exit_code, UsageError("x").exit_code) == (2, 2)
    assert PluginError("p", "1.0", "kapot").exit_code == 3
    conflict = RuleConflictError("CON01", "plugin a", "b.toml")
    assert conflict.sources == ("plugin a", "b.toml")
    assert "plugin a" in str(conflict)


# -- advise -----------------------------------------------------------------------------


def test_advise_a_path() -> None:
    report = advise(EXAMPLES / "buurtopera.toml", date=DATE, plugins=())
    assert isinstance(report, Report)
    assert report.project["name"] == "Buurtopera Kastanjehof"
    assert report.project["file"] == str(EXAMPLES / "buurtopera.toml")
    assert report.findings
    assert report.evaluated_on == "2026-06-01"
    text = advise(str(EXAMPLES / "buurtopera.toml"), date=DATE, plugins=())
    assert text.to_json() == report.to_json()


def test_advise_a_dict() -> None:
    data = {"format": 1, "project": {"name": "Uit een dict"}, "contact": {"group_channel": "none"}}
    report = advise(data, date=DATE, plugins=(), select=["CON02"])
    assert [f.code for f in report.findings] == ["CON02"]
    assert report.project["name"] == "Uit een dict"


def test_advise_toml_text() -> None:
    text = MINIMAL + '\n[contact]\ngroup_channel = "none"\n'
    report = advise(text=text, date=DATE, plugins=(), select=["CON02"], lang="en")
    assert [f.code for f in report.findings] == ["CON02"]
    assert report.findings[0].title == "Choose a group channel together to keep in touch"
    assert report.language == "en"


def test_advise_a_project_object() -> None:
    project = load_project(EXAMPLES / "schets.toml")
    assert isinstance(project, Project)
    report = advise(project, date=DATE, plugins=())
    assert report.project["name"] == "Verhalen uit de Rivierenbuurt"
    assert report.questions


def test_advise_ignore_and_extra_rules(tmp_path: Path) -> None:
    rules = tmp_path / "api.toml"
    rules.write_text(RULE_FILE, encoding="utf-8")
    report = advise(text=MINIMAL, date=DATE, plugins=(), rules=[rules], select=["API01"])
    assert [(f.code, f.title) for f in report.findings] == [("API01", "API titel")]
    ignored = advise(text=MINIMAL, date=DATE, plugins=(), rules=[rules], ignore=["API01"])
    assert "API01" not in {f.code for f in ignored.findings}


def test_advise_with_plugin_objects() -> None:
    class Plugin:
        __name__ = "api-plugin"

        @hookimpl
        def advies_rules(self) -> list[Rule]:
            return [make_rule("APP01")]

    report = advise(text=MINIMAL, date=DATE, plugins=[Plugin()], select=["api-plugin"])
    assert [(f.code, f.plugin) for f in report.findings] == [("APP01", "api-plugin")]


def test_advise_an_invalid_project_raises_project_error() -> None:
    with pytest.raises(ProjectError) as info:
        advise({"format": 1, "project": {"name": "x"}, "activites": []}, date=DATE, plugins=())
    [problem] = info.value.problems
    assert problem.path == "activites"
    assert "did you mean 'activities'?" in problem.message


def test_the_report_api(builtin_engine: Engine) -> None:
    report = builtin_engine.advise(EXAMPLES / "buurtopera.toml", date=DATE)
    for name in ("findings", "questions", "strengths", "elements", "errors"):
        assert isinstance(getattr(report, name), tuple), name
    assert report.to_dict()["schema_version"] == 1
    assert json.loads(report.to_json()) == json.loads(json.dumps(report.to_dict()))
    assert report.render("text").startswith("Advies voor: Buurtopera Kastanjehof")
    assert report.render("markdown").startswith("# Advies voor: Buurtopera Kastanjehof")
    assert report.render() == report.render("text")


# -- load_project, load_rules, Engine ----------------------------------------------------


def test_load_project_from_a_path_text_and_dict() -> None:
    from_path = load_project(EXAMPLES / "buurtopera.toml")
    from_text = load_project(text=(EXAMPLES / "buurtopera.toml").read_text(encoding="utf-8"))
    assert from_path == from_text
    from_dict = load_project({"format": 1, "project": {"name": "Dict"}})
    assert from_dict.project.name == "Dict"
    assert from_dict.contact is None  # unknown is not false


def test_load_rules_returns_rules(tmp_path: Path) -> None:
    rules_file = tmp_path / "api.toml"
    rules_file.write_text(RULE_FILE, encoding="utf-8")
    [rule] = load_rules(rules_file)
    assert isinstance(rule, Rule)
    assert (rule.code, rule.name, rule.element, rule.priority) == (
        "API01", "api.always", "contact", "low")
    assert rule.code_object is not None
    with pytest.raises(RuleError) as info:
        load_rules(tmp_path / "missing.toml")
    assert "missing.toml" in str(info.value)


def test_engine_advises_many_projects() -> None:
    engine = Engine(plugins=())
    reports = [engine.advise(p, date=DATE) for p in sorted(EXAMPLES.glob("*.toml"))]
    assert len({r.project["name"] for r in reports}) == len(reports)
    assert all(r.errors == () for r in reports)


# -- importing is cheap -------------------------------------------------------------------


IMPORT_PROBE = textwrap.dedent("""
    import importlib.metadata, json, sys

    read = []
    real = importlib.metadata.entry_points

    def recording(*args, **kwargs):
        read.append(kwargs.get("group"))
        return real(*args, **kwargs)

    importlib.metadata.entry_points = recording
    import interventie_advies
    from interventie_advies.rulebook import _conditions

    print(json.dumps({
        "jinja2": "jinja2" in sys.modules,
        "builtin": "interventie_advies.plugins._builtin" in sys.modules,
        "render": "interventie_advies.report._text" in sys.modules,
        "compiled": _conditions._compile_cached.cache_info().currsize,
        "entry_points": read,
    }))
""")


def test_import_does_no_heavy_work() -> None:
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", IMPORT_PROBE],
                            capture_output=True, text=True, check=True, timeout=60)
    facts = json.loads(result.stdout)
    # pydantic may look up its own plugins; ours are looked up only when an engine needs them
    assert "interventie_advies" not in facts.pop("entry_points")
    assert facts == {"jinja2": False, "builtin": False, "render": False, "compiled": 0}
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()
                if line.startswith("import time:")}
    assert "interventie_advies" in imported
    assert "jinja2" not in imported
    assert "interventie_advies.plugins._builtin" not in imported


def test_building_an_engine_in_a_fresh_process_compiles_nothing() -> None:
    probe = textwrap.dedent("""
        import json
        from interventie_advies import Engine
        from interventie_advies.rulebook import _conditions
        engine = Engine()
        before = _conditions._compile_cached.cache_info().currsize
        rules = engine.rules
        after = _conditions._compile_cached.cache_info().currsize
        print(json.dumps([before, after, len(rules)]))
    """)
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, timeout=60)
    before, after, count = json.loads(result.stdout)
    assert before == 0
    # NOTE: the built-in rules and the two example plugins' are shipped compiled
    # (rulebook/_shipped), so building the rules compiles none either: a plugin whose
    # shipped module no longer fits its files would load them and compile here
    assert after == 0
    assert count > 0
