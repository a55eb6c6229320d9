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

import ast
import builtins
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
from interventie_advies.cli import cli
from interventie_advies.messages._i18n import error_language
from interventie_advies.project._model import TABLES
from interventie_advies.rulebook import _budget
from interventie_advies.rulebook._budget import BUDGET
from interventie_advies.rulebook._conditions import (
    ALLOWED_FUNCTIONS,
    MAX_GENERATORS,
    MAX_NESTED_LOOPS,
    ConditionError,
    compile_condition,
    namespace_names,
)
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


#: the step budget conditions with loops call (see _budget)
BUDGET_NAMES = {BUDGET, "start", "each", "size", "plus"}

#: every name compiled code may look up: tables, facts, extensions, functions, fields
SAFE_NAMES = (
    set(namespace_names())
    | set(ALLOWED_FUNCTIONS)
    | {name for model, _ in TABLES.values() for name in model.model_fields}
    | {"months_left", "partner_count", "sources", "kind"}
    | BUDGET_NAMES
)


def assert_only_safe_names(code: types.CodeType) -> None:
    """No dunder and nothing outside the project model in the compiled code (recursively)."""
    for name in (*code.co_names, *code.co_varnames):
        assert not name.startswith("_") or name in (".0", BUDGET), name
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


# -- what could grow without bound is refused when the rule is loaded ---------------------------


@pytest.mark.parametrize(
    ("condition", "words"),
    [
        # the issue's case: quadratic in the items, about 20 minutes a project
        (
            "sum([[a] for a in activities for b in activities], []) == []",
            "sum(...) takes one argument, the numbers to add",
        ),
        ("sum([[a] for a in activities]) == 0", "sum(...) adds numbers only"),
        ("sum(['x' for a in activities]) == 0", "sum(...) adds numbers only"),
        ("sum([(1,), (2,)]) == 0", "sum(...) adds numbers only"),
        ("'a' * 10**9", "the operator * is not allowed"),
        ("[a for a in activities] * 1000", "the operator * is not allowed"),
        ("2 ** 1000000 > 0", "the operator ** is not allowed"),
        ("len(activities, partners) > 0", "len(...) takes 1 argument, not 2"),
        ("set(activities, partners)", "set(...) takes 0 or 1 arguments, not 2"),
        ("any() or all()", "any(...) takes 1 argument, not 0"),
        ("any(_advies_steps for _advies_steps in activities)", "is a reserved name"),
        # full-width letters are the same name once Python has read them (NFKC)
        ("any(_\uff41dvies_steps for _\uff41dvies_steps in activities)", "reserved name"),
    ],
)
def test_what_could_grow_without_bound_is_refused_naming_file_rule_and_construct(
    tmp_path: Path, condition: str, words: str
) -> None:
    path = write_rules(tmp_path, rule_table(when=condition))
    with pytest.raises(RuleError) as info:
        load_rules(path)
    (problem,) = info.value.problems
    assert str(problem).startswith(f"{path}: rule[0] (HOS01).when: ")
    assert words in problem.message


def test_the_issue_s_quadratic_sum_is_refused_by_the_cli(tmp_path: Path, runner: CliRunner) -> None:
    path = write_rules(
        tmp_path, rule_table(when="sum([[a] for a in activities for b in activities], []) == []")
    )
    example = tmp_path / "plan.toml"
    example.write_text(EXAMPLES["schets.toml"], encoding="utf-8")
    args = ["run", str(example), "--no-plugins", "--rules", str(path), "--lang", "en"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"error: {path}: rule[0] (HOS01).when: sum(...) takes one argument, the numbers to add:"
        " a start value such as sum(x, []) would add lists, whose cost grows with the square"
        " of the items\n"
    )


# -- evaluation is bounded: a step budget per rule ----------------------------------------------


def big_project(n: int = 500, description: str = "x" * 10_000) -> dict[str, Any]:
    return {
        "format": 1,
        "project": {"name": "groot", "description": description},
        "activities": [{"name": f"a{i}"} for i in range(n)],
        "partners": [
            {"name": f"p{i}", "domain": "social", "strengths": ["x"] * 20} for i in range(n)
        ],
    }


def engine_with(*conditions: str) -> Any:
    """An engine with one rule per condition (HOS01, HOS02, ...)."""
    rules = [
        rule_table(code=f"HOS{i:02d}", name=f"hostile.r{i}", when=condition)
        for i, condition in enumerate(conditions, 1)
    ]
    return make_engine(RulesPlugin(load_rules_from({"rule": rules})))


#: texts joined in loops: each level 10 times longer (10,000 → 10**8 characters, 10**12...)
GROWING = (
    "any(len(c) > 0 for c in [b + b + b + b + b + b + b + b + b + b for b in"
    " [a + a + a + a + a + a + a + a + a + a for a in [project.description]]])"
)


def test_a_condition_over_its_budget_is_stopped_and_recorded_as_its_rule_s_error() -> None:
    """Texts that grow in loops would need 10**12 characters; the budget stops them first."""
    engine = engine_with(GROWING, "len(activities) > 3")
    report = engine.advise(big_project(), date=dt.date(2026, 11, 1))
    assert [(e.rule, e.message) for e in report.errors] == [
        (
            "HOS01",
            "StepLimitError: rule HOS01 stopped: more than 1,000,000 steps "
            "(its loops went through too many items)",
        )
    ]
    assert [f.code for f in report.findings] == ["HOS02"]  # the rest goes on


@pytest.mark.parametrize(
    "condition",
    [
        # every item of one list compared with every item of another, for each pair: n**3
        "any(a in partners for a in activities for b in activities)",
        # a list built inside a loop, and looked through for every item
        "any(a.name in facts.partner_names for a in activities for b in activities)",
        # a loop over a generator (no size known in advance): counted item by item
        "any(a == b for a in (x.name for x in activities)"
        " for b in activities + activities)",
        "len([a for a in [b for b in activities for c in activities] if a in partners]) > 0",
        "max(len(set(facts.partner_names)) for a in activities for b in activities) > 0",
        # lists and sets compared for every pair: each comparison costs their size
        "any(a.strengths == b.strengths + ['y'] for a in partners for b in partners)",
        "any(facts.partner_names != facts.partner_names for a in activities for b in partners)",
    ],
)
def test_expensive_loops_are_stopped_by_the_budget(
    monkeypatch: pytest.MonkeyPatch, condition: str
) -> None:
    monkeypatch.setattr(_budget, "MAX_STEPS", 20_000)
    engine = engine_with(condition, "len(activities) > 3")
    report = engine.advise(big_project(100, "x"), date=dt.date(2026, 11, 1))
    assert [(e.rule, e.message) for e in report.errors] == [
        (
            "HOS01",
            "StepLimitError: rule HOS01 stopped: more than 20,000 steps "
            "(its loops went through too many items)",
        )
    ]
    assert [f.code for f in report.findings] == ["HOS02"]


def test_the_budget_starts_afresh_for_every_rule_and_every_project(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 30 + 30 * 30 = 930 steps a rule: each fits in 1,000, together they would not
    monkeypatch.setattr(_budget, "MAX_STEPS", 1_000)
    both = "any(a.name == p.name for a in activities for p in partners)"
    engine = engine_with(f"not {both}", f"not {both}", f"not {both}")
    for _ in range(2):
        report = engine.advise(big_project(30, "x"), date=dt.date(2026, 11, 1))
        assert report.errors == ()
        assert [f.code for f in report.findings] == ["HOS01", "HOS02", "HOS03"]


def test_the_conditions_of_one_run_share_a_total_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_budget, "MAX_RUN_STEPS", 2_000)
    both = "not any(a.name == p.name for a in activities for p in partners)"
    engine = engine_with(both, both, both, "len(activities) > 3")
    report = engine.advise(big_project(30, "x"), date=dt.date(2026, 11, 1))
    assert [(e.rule, e.message) for e in report.errors] == [
        (
            "HOS03",
            "StepLimitError: rule HOS03 stopped: the conditions of this run took more than "
            "2,000 steps together",
        )
    ]
    assert [f.code for f in report.findings] == ["HOS01", "HOS02", "HOS04"]


def test_guards_and_adjustments_have_a_budget_that_names_their_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_budget, "MAX_STEPS", 100)
    loop = "any(a.name == p.name for a in activities for p in partners)"
    reason = {"nl": "r", "en": "r"}
    rules = [
        rule_table(applies={"when": loop, "needs": ["partners"]}),
        rule_table(
            code="HOS02",
            name="hostile.two",
            adjust=[{"when": loop, "priority": "high", "reason": reason}],
        ),
    ]
    engine = make_engine(RulesPlugin(load_rules_from({"rule": rules})))
    report = engine.advise(big_project(30, "x"), date=dt.date(2026, 11, 1))
    stopped = "rule {} stopped: more than 100 steps (its loops went through too many items)"
    assert [(e.rule, e.message) for e in report.errors] == [
        ("HOS01", "applies failed: StepLimitError: " + stopped.format("HOS01")),
        ("HOS02", "adjustment failed: StepLimitError: " + stopped.format("HOS02")),
    ]


def test_variants_and_conditional_actions_have_a_budget_that_names_their_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_budget, "MAX_STEPS", 100)
    loop = "any(a.name == p.name for a in activities for p in partners)"
    text = {"nl": "v", "en": "v"}
    rules = [
        rule_table(variants=[{"when": loop, "message": text}]),
        rule_table(code="HOS02", name="hostile.two",
                   extra_actions=[{"when": loop, "nl": "a", "en": "a"}]),
    ]
    engine = make_engine(RulesPlugin(load_rules_from({"rule": rules})))
    report = engine.advise(big_project(30, "x"), date=dt.date(2026, 11, 1))
    stopped = "rule {} stopped: more than 100 steps (its loops went through too many items)"
    assert [(e.rule, e.message) for e in report.errors] == [
        ("HOS01", "variant 1 failed: StepLimitError: " + stopped.format("HOS01")),
        ("HOS02", "extra action 1 failed: StepLimitError: " + stopped.format("HOS02")),
    ]
    # the findings stay, with the rule's own texts
    assert [(f.code, f.message, f.actions) for f in report.findings] == [
        ("HOS01", "m", ()), ("HOS02", "m", ())]


def test_the_budget_speaks_the_error_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_budget, "MAX_STEPS", 1_000)
    engine = engine_with("any(a.name == p.name for a in activities for p in partners)")
    with error_language("nl"):
        report = engine.advise(big_project(100, "x"), date=dt.date(2026, 11, 1))
    assert [e.message for e in report.errors] == [
        "StepLimitError: regel HOS01 gestopt: meer dan 1.000 stappen "
        "(de lussen liepen door te veel items)"
    ]


def test_conditions_without_loops_are_compiled_as_they_are() -> None:
    code = compile_condition("len(activities) > 3 and 'x' in project.name")
    assert BUDGET not in code.co_names
    looping = compile_condition("any(a.sessions > 3 for a in activities)", rule="X")
    assert looping.co_names[:2] == (BUDGET, "start")
    assert "X" in looping.co_consts


def test_the_budget_counts_items_sizes_and_joined_texts() -> None:
    budget = _budget.StepBudget()
    budget.start("X")
    assert budget.each([1, 2, 3]) == [1, 2, 3]
    assert list(budget.each(x for x in "abcd")) == list("abcd")  # counted item by item
    assert budget.size({1, 2}) == {1, 2}
    assert budget.size("a text is not a collection") == "a text is not a collection"
    assert budget.plus("ab", "cde") == "abcde"
    assert budget.plus(1, 2) == 3
    assert budget.left == _budget.MAX_STEPS - 3 - 4 - 2 - 5
    budget.start("Y")
    assert budget.left == _budget.MAX_STEPS
    assert budget.run_left == _budget.MAX_RUN_STEPS - 14
    with pytest.raises(_budget.StepLimitError, match="rule Y stopped"):
        budget.each(range(_budget.MAX_STEPS + 1))


def test_evaluation_never_parses_or_compiles(monkeypatch: pytest.MonkeyPatch) -> None:
    """Conditions are compiled once, when their rules load; advising only runs them."""
    engine = engine_with(
        "any(a.name == p.name for a in activities for p in partners)",
        "len(activities) > 3",
    )
    project = big_project(10, "x")
    engine.advise(project, date=dt.date(2026, 11, 1))  # the engine's own set-up

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("parsed or compiled while advising")

    monkeypatch.setattr(ast, "parse", refuse)
    monkeypatch.setattr(builtins, "compile", refuse)
    report = engine.advise(project, date=dt.date(2026, 11, 1))
    assert report.errors == ()
    assert [f.code for f in report.findings] == ["HOS02"]
