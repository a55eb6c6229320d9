"""Hooks go through pluggy, in pluggy's order, one plugin at a time; wrappers are refused."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from conftest import DATE, make_rule

from interventie_advies import Engine, PluginError, Report, hookimpl
from interventie_advies.testing import RulesPlugin, make_engine

if TYPE_CHECKING:
    from collections.abc import Generator


def project(name: str = "Volgorde") -> dict[str, Any]:
    return {"format": 1, "project": {"name": name}}


class Plugin:
    def __init__(self, name: str) -> None:
        self.__name__ = name


def csv_plugin(name: str, text: str, **opts: Any) -> Plugin:
    class Csv(Plugin):
        @hookimpl(**opts)
        def advies_renderers(self) -> dict[str, Any]:
            return {"csv": lambda report: text}

    return Csv(name)


def test_a_tryfirst_renderer_wins_over_a_plain_one() -> None:
    plain = csv_plugin("gewoon", "plain\n")
    first = csv_plugin("eerst", "first\n", tryfirst=True)
    for plugins in ([plain, first], [first, plain]):
        engine = make_engine(RulesPlugin([make_rule("ORD01")]), *plugins)
        report = engine.advise(project(), date=DATE)
        assert report.render("csv") == "first\n"
        assert [(e.plugin, e.message) for e in report.errors] == [
            ("gewoon", "renderer 'csv' is left out (taken, built in, or not callable)")
        ]


def test_without_tryfirst_the_plugin_given_first_wins() -> None:
    engine = make_engine(csv_plugin("een", "one\n"), csv_plugin("twee", "two\n"))
    assert engine.advise(project(), date=DATE).render("csv") == "one\n"


def test_a_trylast_rule_loses_its_code_to_a_plain_one() -> None:
    class Late(Plugin):
        @hookimpl(trylast=True)
        def advies_rules(self) -> list[Any]:
            return [make_rule("DUP01", name="late.rule"), make_rule("LAT01")]

    engine = make_engine(Late("laat"), RulesPlugin([make_rule("DUP01", name="plain.rule")]))
    assert [(r.code, r.name) for r in engine.rules] == [
        ("DUP01", "plain.rule"),
        ("LAT01", "test.lat01"),
    ]
    [error] = engine.problems
    assert (error.plugin, error.rule) == ("laat", "DUP01")


def test_tryfirst_does_not_take_a_builtin_code() -> None:
    class Eager(Plugin):
        @hookimpl(tryfirst=True)
        def advies_rules(self) -> list[Any]:
            return [make_rule("CON01", name="eager.rule"), make_rule("EGR01")]

    engine = make_engine(Eager("gretig"), builtin=True)
    assert engine.rules[0].plugin == "interventie-advies"
    assert engine.rules[-1].code == "EGR01"
    [con01] = [r for r in engine.rules if r.code == "CON01"]
    assert con01.plugin == "interventie-advies"
    assert [(p.plugin, p.rule) for p in engine.problems] == [("gretig", "CON01")]


def test_hooks_go_through_pluggy_so_its_monitoring_sees_every_call() -> None:
    class Facts(Plugin):
        @hookimpl
        def advies_facts(self) -> dict[str, Any]:
            return {"volgorde": 1}

    engine = make_engine(Facts("feiten"), RulesPlugin([make_rule("ORD01")]))
    seen: list[tuple[str, list[str]]] = []
    engine.host.manager.add_hookcall_monitoring(
        lambda hook, impls, kwargs: seen.append((hook, [i.plugin_name for i in impls])),
        lambda outcome, hook, impls, kwargs: None,
    )
    engine.advise(project(), date=DATE)
    engine.advise(project(), date=DATE)
    assert seen == [("advies_facts", ["feiten"])] * 2


def test_none_from_a_collecting_hook_adds_nothing() -> None:
    class Nothing(Plugin):
        @hookimpl
        def advies_rules(self) -> None:
            return None

        @hookimpl
        def advies_facts(self) -> None:
            return None

    report = make_engine(Nothing("niets"), RulesPlugin([make_rule("ORD01")])).advise(
        project(), date=DATE
    )
    assert [f.code for f in report.findings] == ["ORD01"]
    assert report.errors == ()


def test_a_fact_two_plugins_give_is_kept_from_the_first() -> None:
    def giver(name: str, value: int) -> Plugin:
        class Giver(Plugin):
            @hookimpl
            def advies_facts(self) -> dict[str, Any]:
                return {"aantal": value}

        return Giver(name)

    rule = make_rule("FCT01", facts=("aantal",), when="facts.aantal == 1")
    engine = make_engine(giver("een", 1), giver("twee", 2), RulesPlugin([rule]))
    report = engine.advise(project(), date=DATE)
    assert [f.code for f in report.findings] == ["FCT01"]
    assert [(e.plugin, e.message) for e in report.errors] == [
        ("twee", "fact 'aantal' is already given by plugin een; left out")
    ]


# -- wrappers -------------------------------------------------------------------------


class NewWrapper(Plugin):
    @hookimpl(wrapper=True)
    def advies_rules(self) -> Generator[None, Any, Any]:
        result = yield
        return result


class OldWrapper(Plugin):
    @hookimpl(hookwrapper=True)
    def advies_facts(self) -> Generator[None, Any, None]:
        yield


@pytest.mark.parametrize(
    ("wrapper", "hook"), [(NewWrapper, "advies_rules"), (OldWrapper, "advies_facts")]
)
def test_a_wrapper_is_refused_naming_the_hook_and_the_rest_still_runs(
    wrapper: type[Plugin], hook: str
) -> None:
    engine = make_engine(wrapper("omhulsel"), RulesPlugin([make_rule("ORD01")]))
    info = {p.name: p for p in engine.plugins}["omhulsel"]
    assert not info.loaded
    assert info.error == (
        f"hook {hook}: wrapper implementations (wrapper=True or hookwrapper=True) are not "
        "supported; each plugin is called on its own, so there is no call to wrap: "
        "use a plain @hookimpl"
    )
    report = engine.advise(project(), date=DATE)
    assert [f.code for f in report.findings] == ["ORD01"]
    assert [(e.plugin, e.message) for e in report.errors] == [("omhulsel", info.error)]
    strict = Engine(plugins=[wrapper("omhulsel")], builtin=False, strict=True)
    with pytest.raises(PluginError, match=f"plugin omhulsel: hook {hook}: wrapper"):
        strict.advise(project(), date=DATE)


def test_a_refused_wrapper_leaves_none_of_its_hooks_behind() -> None:
    class Half(Plugin):
        @hookimpl
        def advies_renderers(self) -> dict[str, Any]:
            return {"csv": lambda report: "half\n"}

        @hookimpl(wrapper=True)
        def advies_rules(self) -> Generator[None, Any, Any]:
            return (yield)

    engine = make_engine(Half("half"), RulesPlugin([make_rule("ORD01")]))
    assert "csv" not in engine.renderers
    assert not engine.host.implements("advies_renderers")


def test_an_unhashable_plugin_object_is_reported() -> None:
    class Unhashable(Plugin):
        __hash__ = None  # type: ignore[assignment]

        @hookimpl
        def advies_rules(self) -> list[Any]:
            return [make_rule("UNH01")]

    engine = make_engine(Unhashable("los"), RulesPlugin([make_rule("ORD01")]))
    report: Report = engine.advise(project(), date=DATE)
    assert [f.code for f in report.findings] == ["ORD01"]
    assert [(e.plugin, e.message) for e in report.errors] == [
        ("los", "cannot be used: a plugin object must be hashable (Unhashable is not)")
    ]
