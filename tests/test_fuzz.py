"""Fuzzing: every input ends in a clean AdviesError or a valid report, never a crash.

Arbitrary text and bytes as a project file, mutations of every example (keys dropped or
renamed, wrong types, huge strings, deep nesting, odd unicode, NUL bytes, duplicate keys),
and arbitrary rule files, through the API and through the CLI. The runs are bounded so the
suite stays fast; ``ADVIES_FUZZ=long`` runs each fuzzer thousands of times instead.
``benchmarks/fuzz.py`` runs the same generators for a given number of seconds.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from click.testing import CliRunner
from fuzzing import (
    CLEAN,
    DATE,
    EXAMPLES,
    RULE_FILES,
    VALID,
    Mutator,
    feed_project,
    feed_rules,
    render_all,
    toml_dumps,
)
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from strategies import allowed_conditions, mutated_projects

from interventie_advies import Engine, ProjectError, load_project, load_rules
from interventie_advies.cli import cli
from interventie_advies.project._problems import MAX_PROBLEMS
from interventie_advies.project._read_toml import MAX_DEPTH, MAX_KEY_PARTS, read_toml
from interventie_advies.project._toml import loads
from interventie_advies.testing import RulesPlugin, make_engine

if TYPE_CHECKING:
    import random
    from collections.abc import Callable

LONG = os.environ.get("ADVIES_FUZZ") == "long"

#: one engine with the built-in rules only, shared by every example (rules compile once)
ENGINE = Engine(plugins=())
OUTCOMES = {CLEAN, VALID}


def fuzz(examples: int) -> Callable[[Any], Any]:
    """Bounded hypothesis settings, marked ``slow``; ``ADVIES_FUZZ=long`` runs 50 times more."""
    chosen = settings(
        max_examples=examples * 50 if LONG else examples,
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.function_scoped_fixture,
        ],
    )

    def decorate(test: Any) -> Any:
        return pytest.mark.slow(chosen(test))

    return decorate


RANDOMS = st.randoms(use_true_random=False)


# -- arbitrary text and bytes as a project file -----------------------------------------------


@fuzz(150)
@given(st.text())
@example("")
@example("\x00")
@example("format = 1\x00\n")
@example('format = 1\n[project]\nname = "a\x00b"\n')
@example("\ufeffformat = 1\n[project]\nname = 'x'\n")
@example("x" * 300)
@example("plan.toml")
def test_arbitrary_text_as_project(tmp_path: Path, text: str) -> None:
    assert feed_project(ENGINE, text, tmp_path) in OUTCOMES


@fuzz(100)
@given(st.binary(max_size=3000))
@example(b"")
@example(b"\xff\xfe" + "format = 1".encode("utf-16-le"))
@example(b"\x00\x00\x00")
@example(b"format = 1\n[project]\nname = '\xc3'\n")
def test_arbitrary_bytes_as_project_file(tmp_path: Path, data: bytes) -> None:
    assert feed_project(ENGINE, data, tmp_path) in OUTCOMES


# -- mutations of every example ---------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXAMPLES))
@fuzz(25)
@given(rnd=RANDOMS)
def test_mutated_example_data(tmp_path: Path, name: str, rnd: random.Random) -> None:
    """Keys dropped or renamed, wrong types, huge strings, deep nesting, odd unicode."""
    data = Mutator(rnd).mutate_data(loads(EXAMPLES[name]))
    assert feed_project(ENGINE, data, tmp_path) in OUTCOMES
    assert feed_project(ENGINE, toml_dumps(data), tmp_path) in OUTCOMES


@pytest.mark.parametrize("name", sorted(EXAMPLES))
@fuzz(25)
@given(rnd=RANDOMS)
def test_mutated_example_text(tmp_path: Path, name: str, rnd: random.Random) -> None:
    """Lines dropped, duplicated (duplicate keys and tables), NUL bytes, cut off, ..."""
    text = Mutator(rnd).mutate_text(EXAMPLES[name])
    assert feed_project(ENGINE, text, tmp_path) in OUTCOMES
    assert feed_project(ENGINE, text.encode("utf-8", "surrogatepass"), tmp_path) in OUTCOMES


@pytest.mark.parametrize("name", sorted(EXAMPLES))
@fuzz(10)
@given(rnd=RANDOMS)
def test_hostile_texts_in_a_valid_example_give_a_report(
    tmp_path: Path, name: str, rnd: random.Random
) -> None:
    data = Mutator(rnd).decorate(loads(EXAMPLES[name]))
    assert feed_project(ENGINE, data, tmp_path, color=rnd.random() < 0.5) == VALID


@fuzz(60)
@given(mutated_projects())
def test_mutated_generated_projects(tmp_path: Path, data: dict[str, Any]) -> None:
    assert feed_project(ENGINE, data, tmp_path) in OUTCOMES


@fuzz(100)
@given(rnd=RANDOMS)
def test_any_project_input(tmp_path: Path, rnd: random.Random) -> None:
    """The benchmark's own mix: examples mutated as text and data, junk text and bytes."""
    assert feed_project(ENGINE, Mutator(rnd).project_input(), tmp_path) in OUTCOMES


# -- TOML-level hostility, named ---------------------------------------------------------------

BASE = EXAMPLES["generatiekoor.toml"]


def _with(line: str, after: str = "[project]\n") -> str:
    """The base example with ``line`` added after the first ``after``."""
    assert after in BASE
    return BASE.replace(after, after + line + "\n", 1)


def _replace(old: str, new: str) -> str:
    """The base example with one line replaced."""
    assert old in BASE
    return BASE.replace(old, new, 1)


#: (file text, words the error must contain; None: the file is valid)
TOML_CASES: dict[str, tuple[str, str | None]] = {
    "duplicate key": (_with('name = "Nog een naam"'), "invalid TOML"),
    "duplicate table": (BASE + "\n[project]\nname = 'x'\n", "invalid TOML"),
    "duplicate array of tables name": (BASE + "\n[partners]\nname = 'x'\n", "invalid TOML"),
    "NUL byte in a string": (_with('neighbourhood2 = "a\x00b"'), "invalid TOML"),
    "NUL byte as a key": (_with("\x00 = 1"), "invalid TOML"),
    "NUL byte in a comment": (_with("# a \x00 b"), "invalid TOML"),
    "escaped NUL in a string": (
        _replace('name = "Generatiekoor Zonnehoek"', 'name = "Generatie\\u0000koor"'),
        None,
    ),
    "deep arrays": (_with("x = " + "[" * 5000 + "]" * 5000), "nested too deeply"),
    "deep inline tables": (_with("x = " + "{a = " * 3000 + "1" + "}" * 3000), "nested too deeply"),
    "deep dotted key": (_with("x" + ".a" * 20_000 + " = 1"), "nested too deeply"),
    "deep table header": ("[x" + ".a" * 20_000 + "]\n" + BASE, "nested too deeply"),
    "deep but parseable": (
        _with("x = " + "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2)),
        "nested too deeply",
    ),
    "huge string": (
        _replace('neighbourhood = "Zonnehoek"', f'neighbourhood = "{"x" * 20_000}"'),
        "at most 500 characters",
    ),
    "too many items": (
        BASE + "".join(f'\n[[key_persons]]\nname = "p{i}"\n' for i in range(501)),
        "at most 500 items",
    ),
    "unknown key with escapes": (_with('"\\u001b[2J\\n" = 1'), "unknown key"),
    "odd unicode key": (_with('"\u202eevil\u2028" = 1'), "unknown key"),
    "byte order mark": ("\ufeff" + BASE, None),  # Notepad and Word write one: accepted
    "datetime for a date": (
        _replace("start = 2027-01-11", "start = 2027-01-11T10:00:00"),
        "expected a date",
    ),
    "nan for a number": (_replace("duration_months = 24", "duration_months = nan"), "whole number"),
    "inf for an amount": (_replace("amount_eur = ", "amount_eur = inf #"), "finite"),
    "huge integer": (
        _replace("duration_months = 24", "duration_months = 99999999999999999999"),
        "at most 1200",
    ),
    "wrong type": (
        _replace('phase = "preparation"', "phase = 3"),
        "3 (whole number) is not allowed",
    ),
    "key dropped": (_replace('name = "Generatiekoor Zonnehoek"', ""), "required"),
    "key renamed": (_replace('name = "Generatiekoor Zonnehoek"', 'nmae = "x"'), "did you mean"),
}


@pytest.mark.parametrize("case", sorted(TOML_CASES))
def test_toml_level_hostility_is_a_clean_error(tmp_path: Path, case: str) -> None:
    text, words = TOML_CASES[case]
    if words is None:  # accepted: a NUL written as an escape is just a character
        assert feed_project(ENGINE, text, tmp_path) == VALID
        return
    with pytest.raises(ProjectError) as info:
        load_project(text=text)
    message = str(info.value)
    assert words in message, message
    assert all("\x1b" not in str(p) and "\n" not in str(p) for p in info.value.problems)
    assert feed_project(ENGINE, text.encode("utf-8"), tmp_path) == CLEAN


def test_many_problems_are_cut_to_a_readable_list() -> None:
    text = BASE.replace("[project]\n", "[project]\n" + "".join(f"k{i} = 1\n" for i in range(5000)))
    with pytest.raises(ProjectError) as info:
        load_project(text=text)
    problems = info.value.problems
    assert len(problems) == MAX_PROBLEMS + 1
    assert "4,900 more problems not shown" in problems[-1].message


def test_dotted_keys_up_to_the_limit_parse() -> None:
    assert read_toml("a" + ".a" * (MAX_KEY_PARTS - 1) + " = 1", "f")
    with pytest.raises(ProjectError, match="nested too deeply"):
        read_toml("a" + ".a" * MAX_KEY_PARTS + " = 1", "f")
    assert load_project(text=BASE + '\n[extensions.x]\na.b.c.d = "ok"\n').extensions == {
        "x": {"a": {"b": {"c": {"d": "ok"}}}}
    }


def test_a_list_shared_many_times_is_a_clean_error_not_a_hang() -> None:
    shared: list[Any] = []
    for _ in range(28):  # 28 levels, but 2**28 paths through them
        shared = [shared, shared]
    with pytest.raises(ProjectError, match="nested too deeply"):
        load_project({"format": 1, "project": {"name": "x"}, "extensions": {"dag": shared}})


def test_a_cycle_in_a_dict_is_a_clean_error() -> None:
    data: dict[str, Any] = {"format": 1, "project": {"name": "x"}}
    data["extensions"] = {"loop": data}
    with pytest.raises(ProjectError, match="nested too deeply"):
        load_project(data)


# -- arbitrary rule files ----------------------------------------------------------------------


@fuzz(100)
@given(rnd=RANDOMS)
def test_any_rule_file(tmp_path: Path, rnd: random.Random) -> None:
    """Mutated built-in rule files, random conditions, junk text and bytes."""
    assert feed_rules(Mutator(rnd).rule_input(), tmp_path) in OUTCOMES


@pytest.mark.parametrize("name", sorted(RULE_FILES))
@fuzz(10)
@given(rnd=RANDOMS)
def test_mutated_rule_file(tmp_path: Path, name: str, rnd: random.Random) -> None:
    m = Mutator(rnd)
    text = (
        m.mutate_text(RULE_FILES[name])
        if rnd.random() < 0.5
        else toml_dumps(m.mutate_data(loads(RULE_FILES[name]), rounds=1))
    )
    assert feed_rules(text, tmp_path) in OUTCOMES


@fuzz(80)
@given(st.text(max_size=300))
@example("[[rule]]\n")
@example("[[rule]]\ncode = 1\n")
@example("rule = 5\n")
@example("[pack]\nname = ''\n[[rule]]\nwhen = '__import__(\"os\")'\n")
def test_arbitrary_text_as_rule_file(tmp_path: Path, text: str) -> None:
    assert feed_rules(text, tmp_path) in OUTCOMES


# -- conditions built from every allowed construct --------------------------------------------


def _big_project(n: int) -> dict[str, Any]:
    """Every list table with ``n`` items: loops inside loops get expensive."""
    return {
        "format": 1,
        "project": {"name": "groot", "description": "x" * 10_000},
        "residents": {"needs": ["loneliness"], "barriers": ["cost", "language"]},
        "activities": [{"name": f"a{i}", "sessions": i + 1} for i in range(n)],
        "partners": [
            {"name": f"p{i}", "domain": "social", "strengths": ["x"] * 20} for i in range(n)
        ],
        "key_persons": [{"name": f"k{i}", "knows_residents": i % 2 == 0} for i in range(n)],
        "funding": {"sources": [{"name": f"f{i}", "kind": "fund"} for i in range(n)]},
    }


#: what conditions run on: every example, a file with only a name, and a large project
CONDITION_PROJECTS: dict[str, Any] = {
    **{  # their decisions and select name built-in rules, which these engines do not have
        name: {k: v for k, v in loads(text).items() if k not in ("decisions", "advies")}
        for name, text in EXAMPLES.items()
    },
    "only-a-name": {"format": 1, "project": {"name": "x"}},
    "large": _big_project(150),
}
#: how a valid condition may still fail on a project (recorded in the report, never raised)
RUN_TIME_FAILURES = ("TypeError", "ValueError", "IndexError", "StepLimitError")


@fuzz(150)
@given(
    condition=allowed_conditions(),
    where=st.sampled_from(["when", "applies", "adjust"]),
    project=st.sampled_from(sorted(CONDITION_PROJECTS)),
)
def test_conditions_from_every_allowed_construct_load_and_run(
    tmp_path: Path, condition: str, where: str, project: str
) -> None:
    """Each loads; on any project it gives a report (a failure is the rule's error)."""
    rule: dict[str, Any] = {
        "code": "GEN01",
        "name": "generated.one",
        "element": "contact",
        "kind": "recommendation",
        "priority": "low",
        "when": "True",
        "title": {"nl": "t", "en": "t"},
        "message": {"nl": "m", "en": "m"},
        "why": {"nl": "w", "en": "w"},
    }
    if where == "when":
        rule["when"] = condition
    elif where == "applies":
        rule["applies"] = {"when": condition, "needs": ["project.name"]}
    else:
        reason = {"nl": "r", "en": "r"}
        rule["adjust"] = [{"when": condition, "priority": "high", "reason": reason}]
    path = tmp_path / "generated.toml"
    path.write_text(toml_dumps({"rule": [rule]}), encoding="utf-8")
    rules = load_rules(path)  # every construct is allowed: no RuleError
    report = make_engine(RulesPlugin(rules)).advise(CONDITION_PROJECTS[project], date=DATE)
    render_all(report)
    for error in report.errors:
        assert error.rule == "GEN01"
        assert "\n" not in error.message
        kind = error.message.removeprefix("applies failed: ").removeprefix("adjustment failed: ")
        assert kind.startswith(RUN_TIME_FAILURES), error.message


# -- through the CLI ---------------------------------------------------------------------------


def assert_clean_cli(result: Any, lang: str = "nl") -> None:
    """Exit 0 (a report) or 2 (bad input); errors one line each, never a traceback."""
    assert result.exit_code in (0, 2), (result.exit_code, result.output, result.exception)
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    assert "Traceback" not in result.stderr
    if result.exit_code == 2:
        prefix = "fout: " if lang == "nl" else "error: "
        lines = result.stderr.splitlines()
        assert lines
        for line in lines:
            assert line.startswith(prefix), line
            assert "\x1b" not in line


@pytest.fixture(scope="module")
def cli_runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]  # click < 8.2
    except TypeError:
        return CliRunner()


DAY = ["--date", dt.date(2026, 11, 1).isoformat()]


@fuzz(25)
@given(rnd=RANDOMS, lang=st.sampled_from(["nl", "en"]))
def test_cli_run_on_fuzzed_files(
    tmp_path: Path, cli_runner: CliRunner, rnd: random.Random, lang: str
) -> None:
    source = Mutator(rnd).project_input()
    path = tmp_path / "fuzz.toml"
    if isinstance(source, dict):
        source = toml_dumps(source)
    path.write_bytes(source if isinstance(source, bytes) else source.encode("utf-8"))
    fmt = rnd.choice(["text", "json", "markdown", "html"])
    result = cli_runner.invoke(
        cli, ["run", str(path), "--no-plugins", "--lang", lang, "--format", fmt, *DAY]
    )
    assert_clean_cli(result, lang)
    check = cli_runner.invoke(cli, ["check", str(path), "--no-plugins", "--lang", lang])
    assert_clean_cli(check, lang)


@fuzz(20)
@given(rnd=RANDOMS)
def test_cli_run_with_fuzzed_rule_files(
    tmp_path: Path, cli_runner: CliRunner, rnd: random.Random
) -> None:
    source = Mutator(rnd).rule_input()
    path = tmp_path / "extra-rules.toml"
    path.write_bytes(source if isinstance(source, bytes) else source.encode("utf-8"))
    example = Path(__file__).resolve().parents[1] / "examples" / "schets.toml"
    result = cli_runner.invoke(cli, ["run", str(example), "--no-plugins", "--rules", str(path)])
    assert_clean_cli(result)


@pytest.mark.parametrize("case", ["duplicate key", "deep arrays", "unknown key with escapes"])
def test_cli_reports_toml_hostility_on_one_line_each(
    tmp_path: Path, cli_runner: CliRunner, case: str
) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(TOML_CASES[case][0], encoding="utf-8")
    result = cli_runner.invoke(cli, ["run", str(path), "--no-plugins", *DAY])
    assert result.exit_code == 2
    assert_clean_cli(result)
