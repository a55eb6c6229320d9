"""A plugin's rule file about its own ``[extensions.NAME]`` table (issue 11, item 18).

The obvious plugin registers its model through ``advies_project_extensions`` and returns
``load_rules(files(__package__) / "rules.toml")`` from ``advies_rules``, without passing
the model again. Its ``extensions.NAME...`` paths are checked once every plugin's
extensions are known: right ones work, wrong ones are reported naming the plugin and the
rule, with a did-you-mean, and only that rule is left out.
"""

from __future__ import annotations

import datetime as dt
import importlib
import sys
import textwrap
from typing import TYPE_CHECKING, Any

import pytest
from pydantic import BaseModel

from interventie_advies import Engine, RuleError, hookimpl, load_rules
from interventie_advies.rulebook._conditions import ConditionError, Scope, compile_condition

if TYPE_CHECKING:
    import types
    from pathlib import Path

DATE = dt.date(2026, 11, 1)

PLUGIN = '''
"""A third party's plugin: a model for [extensions.buurt] and a rule file about it."""

from importlib.resources import files

from pydantic import BaseModel

from interventie_advies import hookimpl, load_rules


class Buurt(BaseModel):
    bewoners: int | None = None
    wijkraad: bool | None = None


@hookimpl
def advies_project_extensions():
    return {"buurt": Buurt}


@hookimpl
def advies_rules():
    return load_rules(files(__package__) / "rules.toml")
'''


def rule(code: str, when: str, needs: str = "[]", extra: str = "") -> str:
    return textwrap.dedent(
        f"""
        [[rule]]
        code = "{code}"
        name = "buurt.{code.lower()}"
        element = "connecting_power"
        kind = "recommendation"
        priority = "medium"
        when = {when!r}
        needs = {needs}
        title = {{ nl = "t", en = "t" }}
        message = {{ nl = "m", en = "m" }}
        why = {{ nl = "w", en = "w" }}
        question = {{ nl = "q", en = "q" }}
        {extra}
        """
    )


def make_plugin(tmp_path: Path, name: str, rules: str) -> types.ModuleType:
    """A real package (``__init__.py`` + ``rules.toml``) in tmp_path, imported."""
    package = tmp_path / name
    package.mkdir()
    (package / "__init__.py").write_text(PLUGIN, encoding="utf-8")
    (package / "rules.toml").write_text(rules, encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(tmp_path))


@pytest.fixture
def unload() -> Any:
    before = set(sys.modules)
    yield
    for name in set(sys.modules) - before:
        if name.startswith("buurt_plugin"):
            del sys.modules[name]


PROJECT = {
    "format": 1,
    "project": {"name": "Proef"},
    "extensions": {"buurt": {"bewoners": 120, "wijkraad": False}},
}


@pytest.mark.usefixtures("unload")
def test_a_plugin_s_rule_file_reads_its_own_extension_without_passing_the_model(
    tmp_path: Path,
) -> None:
    rules = rule(
        "BRT01",
        "extensions.buurt.wijkraad is False and extensions.buurt.bewoners > 100",
        needs='["extensions.buurt.wijkraad"]',
    ) + rule("BRT02", "any(n > 1 for n in [extensions.buurt.bewoners])")
    plugin = make_plugin(tmp_path, "buurt_plugin_ok", rules)
    engine = Engine(plugins=[plugin], builtin=False)
    assert [r.code for r in engine.rules] == ["BRT01", "BRT02"]
    report = engine.advise(PROJECT, date=DATE)
    assert report.errors == ()
    assert [f.code for f in report.findings] == ["BRT01", "BRT02"]
    assert report.findings[0].facts == {"extensions.buurt.wijkraad": False}


@pytest.mark.usefixtures("unload")
@pytest.mark.parametrize(
    ("when", "needs", "extra", "message"),
    [
        (
            "extensions.buurt.bewonerz > 100",
            "[]",
            "",
            "rule BRT01: when: extensions.buurt has no field 'bewonerz'; did you mean "
            "extensions.buurt.bewoners? (fields: bewoners, wijkraad)",
        ),
        (
            "extensions.buurd.bewoners > 100",
            "[]",
            "",
            "rule BRT01: when: extensions has no field 'buurd'; did you mean "
            "extensions.buurt? (fields: buurt)",
        ),
        (
            "True",
            '["extensions.buurt.wijkrad"]',
            "",
            "rule BRT01: needs: needs path 'extensions.buurt.wijkrad': no field 'wijkrad'; "
            "did you mean 'wijkraad'?",
        ),
        (
            "True",
            "[]",
            '[rule.applies]\nwhen = "extensions.buurt.wijkrad"\nneeds = ["project.name"]',
            "rule BRT01: applies.when: extensions.buurt has no field 'wijkrad'; did you mean "
            "extensions.buurt.wijkraad? (fields: bewoners, wijkraad)",
        ),
    ],
    ids=["field", "extension", "needs", "applies"],
)
def test_a_wrong_extension_path_is_reported_naming_plugin_and_rule(
    tmp_path: Path, when: str, needs: str, extra: str, message: str
) -> None:
    rules = rule("BRT01", when, needs, extra) + rule("BRT02", "extensions.buurt.bewoners > 1")
    plugin = make_plugin(tmp_path, f"buurt_plugin_{len(when)}_{len(needs)}_{len(extra)}", rules)
    engine = Engine(plugins=[plugin], builtin=False)
    assert [r.code for r in engine.rules] == ["BRT02"]  # only the wrong rule is left out
    report = engine.advise(PROJECT, date=DATE)
    assert [(e.plugin, e.rule, e.message) for e in report.errors] == [
        (plugin.__name__, "BRT01", message)
    ]
    assert [f.code for f in report.findings] == ["BRT02"]
    with pytest.raises(Exception, match="rule BRT01"):
        Engine(plugins=[plugin], builtin=False, strict=True).advise(PROJECT, date=DATE)


class Buurt(BaseModel):
    bewoners: int | None = None


def test_passing_the_models_stays_allowed_and_checks_at_load(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(rule("BRT01", "extensions.buurt.bewonerz > 1"), encoding="utf-8")
    with pytest.raises(RuleError, match=r"did you mean extensions\.buurt\.bewoners"):
        load_rules(path, extensions={"buurt": Buurt})
    path.write_text(rule("BRT01", "extensions.buurt.bewoners > 1"), encoding="utf-8")
    (checked,) = load_rules(path, extensions={"buurt": Buurt})
    assert checked.extension_problems({}) == []  # checked already: nothing left to check


def test_a_rule_file_given_with_rules_reads_the_installed_extensions(
    tmp_path: Path,
) -> None:
    class Plugin:
        @hookimpl
        def advies_project_extensions(self) -> dict[str, type[BaseModel]]:
            return {"buurt": Buurt}

    path = tmp_path / "extra.toml"
    path.write_text(rule("BRT01", "extensions.buurt.bewoners > 1"), encoding="utf-8")
    engine = Engine(plugins=[Plugin()], rules=[path], builtin=False)
    assert [f.code for f in engine.advise(PROJECT, date=DATE).findings] == ["BRT01"]
    path.write_text(rule("BRT01", "extensions.buurt.bewonerz > 1"), encoding="utf-8")
    with pytest.raises(RuleError) as info:
        _ = Engine(plugins=[Plugin()], rules=[path], builtin=False).rules
    assert [p.path for p in info.value.problems] == ["rule[0] (BRT01).when"]
    assert "did you mean extensions.buurt.bewoners?" in info.value.problems[0].message


@pytest.mark.parametrize(
    "condition",
    [
        "extensions.buurt.__class__",
        "extensions.buurt._private",
        "any(x.__class__ for x in extensions.buurt.items)",
        "extensions.__dict__",
    ],
)
def test_unchecked_extension_paths_still_refuse_private_names(condition: str) -> None:
    with pytest.raises(ConditionError):
        compile_condition(condition, Scope(deferred=True))


def test_rules_that_read_no_extensions_have_nothing_left_to_check(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(rule("BRT01", "len(partners) > 1"), encoding="utf-8")
    (plain,) = load_rules(path)
    assert plain.extension_problems({}) == []
