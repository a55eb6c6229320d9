"""Rule conditions cannot hurt: hostile conditions are refused when the rule is loaded.

The corpus (``fuzzing.HOSTILE_CONDITIONS``): dunder access, getattr-like tricks, calls of
builtins and methods, format strings, lambdas, walrus, leaking comprehension variables,
huge powers and repetitions, slices, deep nesting, statements. Each is refused by
``compile_condition``, in every place a rule file holds a condition (``when``,
``[rule.applies] when``, ``[[rule.adjust]] when``), and by ``advies run --rules``, quickly and
with a message. What a condition *can* do (docs/conditions.md) still compiles and runs, and
its cost stays bounded by the size of the project.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
import types
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from fuzzing import EXAMPLES, HOSTILE_CONDITIONS, toml_dumps

from interventie_advies import RuleError, load_rules
from interventie_advies._conditions import (
    ALLOWED_FUNCTIONS,
    MAX_GENERATORS,
    MAX_NESTED_LOOPS,
    ConditionError,
    compile_condition,
    namespace_names,
)
from interventie_advies._project import TABLES
from interventie_advies.cli import cli
from interventie_advies.testing import RulesPlugin, make_engine

if TYPE_CHECKING:
    from click.testing import CliRunner

IDS = [f"{i:02d}-{c[:24]}" for i, c in enumerate(HOSTILE_CONDITIONS)]


def rule_table(**changes: Any) -> dict[str, Any]:
    rule: dict[str, Any] = {
        "code": "HOS01",
        "name": "hostile.one",
        "element": "contact",
        "kind": "recommendation",
        "priority": "low",
        "when": "True",
        "title": {"nl": "t", "en": "t"},
        "message": {"nl": "m", "en": "m"},
        "why": {"nl": "w", "en": "w"},
    }
    rule.update(changes)
    return rule


def write_rules(tmp_path: Path, *rules: dict[str, Any]) -> Path:
    path = tmp_path / "hostile.toml"
    path.write_text(toml_dumps({"rule": list(rules)}), encoding="utf-8")
    return path


@pytest.mark.parametrize("condition", HOSTILE_CONDITIONS, ids=IDS)
def test_hostile_condition_is_refused_quickly(condition: str) -> None:
    start = time.perf_counter()
    with pytest.raises(ConditionError) as info:
        compile_condition(condition)
    assert time.perf_counter() - start < 2
    assert str(info.value)


@pytest.mark.parametrize("condition", HOSTILE_CONDITIONS, ids=IDS)
@pytest.mark.parametrize("where", ["when", "applies", "adjust"])
def test_hostile_condition_is_refused_when_the_rule_file_is_loaded(
    tmp_path: Path, condition: str, where: str
) -> None:
    if where == "when":
        rule = rule_table(when=condition)
        path_words = "rule[0] (HOS01).when"
    elif where == "applies":
        rule = rule_table(applies={"when": condition, "needs": ["project.name"]})
        path_words = "rule[0] (HOS01).applies"
    else:
        reason = {"nl": "r", "en": "r"}
        rule = rule_table(adjust=[{"when": condition, "priority": "high", "reason": reason}])
        path_words = "rule[0] (HOS01).adjust[0]"
    with pytest.raises(RuleError) as info:
        load_rules(write_rules(tmp_path, rule))
    problems = info.value.problems
    assert any(p.path.startswith(path_words) for p in problems), [str(p) for p in problems]
    assert all("\n" not in str(p) for p in problems)


@pytest.mark.parametrize(
    "condition",
    ["__import__('os').system('touch /tmp/pwned')", "'a' * 10**9", "project.__class__"],
)
def test_cli_refuses_a_rule_file_with_a_hostile_condition(
    tmp_path: Path, runner: CliRunner, condition: str
) -> None:
    path = write_rules(tmp_path, rule_table(when=condition))
    example = tmp_path / "plan.toml"
    example.write_text(EXAMPLES["schets.toml"], encoding="utf-8")
    result = runner.invoke(cli, ["run", str(example), "--no-plugins", "--rules", str(path)])
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert lines
    assert all(line.startswith(f"fout: {path}: rule[0] (HOS01).when: ") for line in lines)
    assert "Traceback" not in result.stderr


# -- what a condition can do -------------------------------------------------------------------

ALLOWED = [
    "meeting_place.available is True",
    "project.phase in ('idea', 'preparation')",
    "not any(a.informal_moment_after for a in activities)",
    "all(p.knows_residents is not None for p in partners)",
    "len(partners) >= 2 and facts.partner_count == len(partners)",
    "set(residents.barriers) - set(residents.barriers_addressed or ())",
    "facts.months_left is not None and facts.months_left < 6",
    "funding.sources[0].kind == 'structural'",
    "activities[-1].name != ''",
    "max(a.sessions for a in activities) > 3 if activities else False",
    "sum([a.sessions or 0 for a in activities]) + 1 > 10",
    "{p.domain for p in partners} == {'social', 'cultural'}",
    "len([s for p in partners if p.strengths for s in p.strengths]) > 0",
    "any(a.name == p.name for a in activities for p in partners)",
    "min(1, 2) == 1 and 'x' in ['x', 'y']",
    "project.name + '!' != project.name",
]


@pytest.mark.parametrize("condition", ALLOWED)
def test_what_a_condition_can_do_compiles_and_runs(condition: str) -> None:
    code = compile_condition(condition)
    engine = make_engine(RulesPlugin(load_rules_from({"rule": [rule_table(when=condition)]})))
    report = engine.advise(text=EXAMPLES["generatiekoor.toml"], date=dt.date(2026, 11, 1))
    assert report.errors == () or all(e.rule == "HOS01" for e in report.errors)
    assert_only_safe_names(code)


def load_rules_from(data: dict[str, Any]) -> list[Any]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "r.toml"
        path.write_text(toml_dumps(data), encoding="utf-8")
        return load_rules(path)


#: every name compiled code may look up: tables, facts, extensions, functions, fields
SAFE_NAMES = (
    set(namespace_names())
    | set(ALLOWED_FUNCTIONS)
    | {name for model, _ in TABLES.values() for name in model.model_fields}
    | {"months_left", "partner_count", "sources", "kind"}
)


def assert_only_safe_names(code: types.CodeType) -> None:
    """No dunder and nothing outside the project model in the compiled code (recursively)."""
    for name in (*code.co_names, *code.co_varnames):
        assert not name.startswith("_") or name == ".0", name
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            assert_only_safe_names(const)
    unknown = set(code.co_names) - SAFE_NAMES
    assert not unknown, unknown


# -- the cost of a condition is bounded --------------------------------------------------------


def test_loops_inside_loops_are_limited() -> None:
    nested = "any(a for a in activities for p in partners for k in key_persons)"
    with pytest.raises(ConditionError, match=f"at most {MAX_NESTED_LOOPS} 'for' clauses may"):
        compile_condition(nested)
    with pytest.raises(ConditionError, match=f"at most {MAX_NESTED_LOOPS}"):
        compile_condition(
            "any(any(any(1 for c in activities) for b in partners) for a in key_persons)"
        )
    sequential = (
        "any(a for a in activities) and any(p for p in partners) and any(k for k in key_persons)"
    )
    compile_condition(sequential)  # side by side they add up, they do not multiply
    compile_condition("any(x for x in [y for y in activities])")  # the inner one runs once
    with pytest.raises(ConditionError, match=f"at most {MAX_GENERATORS} 'for' clauses are"):
        compile_condition(
            "any(a for a in activities) and any(p for p in partners) "
            "and any(k for k in key_persons) and any(s for s in funding.sources)"
        )


def test_the_most_expensive_condition_on_the_largest_project_is_fast() -> None:
    condition = "sum(1 for a in activities for p in partners if a.name != p.name) >= 0"
    engine = make_engine(RulesPlugin(load_rules_from({"rule": [rule_table(when=condition)]})))
    project = {
        "format": 1,
        "project": {"name": "groot", "description": "x" * 10_000},
        "activities": [{"name": f"a{i}"} for i in range(500)],
        "partners": [{"name": f"p{i}", "domain": "social"} for i in range(500)],
    }
    start = time.perf_counter()
    report = engine.advise(project, date=dt.date(2026, 11, 1))
    assert time.perf_counter() - start < 10
    assert [f.code for f in report.findings] == ["HOS01"]


def test_an_invalid_escape_in_a_condition_prints_no_warning() -> None:
    r"""Python warns about "\d" when it compiles; the CLI must print errors only."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        compile_condition('"\\\\d" in project.name or "\\d" in project.name')
