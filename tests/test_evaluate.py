"""The compiled evaluator: the same outcomes as evaluating rule by rule, failures included."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from strategies import valid_projects

from interventie_advies import Engine, load_project
from interventie_advies._report import (
    EffectScore,
    ElementStatus,
    Finding,
    Question,
    Report,
    Strength,
    build,
)

if TYPE_CHECKING:
    from interventie_advies._plan import Planned

DATE = dt.date(2026, 6, 1)
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TEXTS = """title = { nl = "Titel", en = "Title" }
message = { nl = "Bericht", en = "Message" }
why = { nl = "Waarom", en = "Why" }
question = { nl = "Vraag?", en = "Question?" }
"""


def rule(code: str, when: str, needs: str = '["partners"]', extra: str = "") -> str:
    return (
        f'[[rule]]\ncode = "{code}"\nname = "eval.{code.lower()}"\nelement = "contact"\n'
        f'kind = "recommendation"\npriority = "medium"\nwhen = {when!r}\nneeds = {needs}\n'
        + TEXTS
        + extra
    )


RULES = "\n".join(
    [
        # the comprehension variable is one of the evaluator's own names: runs through eval
        rule("EVA01", 'any(m.domain == "social" for m in partners)'),
        # the same condition with a free name: runs in line
        rule("EVA02", 'any(p.domain == "social" for p in partners)'),
        rule("EVA03", "max([]) > 0"),  # raises ValueError on every project
        rule(
            "EVA04",
            "len(partners) > 0",
            extra='[rule.applies]\nwhen = "max([]) > 0"\nneeds = ["partners"]\n',
        ),
        rule(
            "EVA06",
            "len(partners) > 0",
            extra=(
                '[[rule.adjust]]\nwhen = "max([]) > 0"\nneeds = ["partners"]\npriority = "low"\n'
                'reason = { nl = "nooit", en = "never" }\n'
                "[[rule.adjust]]\nwhen = 'project.name == \"niet\"'\npriority = \"low\"\n"
                'reason = { nl = "nooit", en = "never" }\n'
                "[[rule.adjust]]\nwhen = 'any(m.domain == \"social\" for m in partners)'\n"
                'needs = ["partners"]\npriority = "high"\n'
                'reason = { nl = "sociale partner", en = "a social partner" }\n'
            ),
        ),
        rule(
            "EVA05",
            "len(partners) > 0",
            extra='[rule.applies]\nwhen = "len(partners) > 5"\nneeds = ["partners"]\n',
        ),
    ]
)
PROJECT = """format = 1
[project]
name = "Proef"

[[partners]]
name = "Buurthuis"
domain = "social"
"""


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    path = tmp_path / "eval.toml"
    path.write_text(RULES, encoding="utf-8")
    return Engine(plugins=(), rules=[path], builtin=False)


def test_inline_and_eval_conditions_agree(engine: Engine) -> None:
    evaluator = engine.evaluator(engine.plan)
    # EVA01's condition and EVA06's last adjustment use a name of the generated code, so
    # they are not put in line; nor does EVA06's loop, which runs under its step budget
    assert evaluator.inlined == len(engine.plan) + 2 + 3 - 3
    report = engine.advise(text=PROJECT, date=DATE)
    assert [(f.code, f.priority) for f in report.findings] == [
        ("EVA06", "high"),
        ("EVA01", "medium"),
        ("EVA02", "medium"),
    ]
    assert report.findings[0].score_factors[0] == "prioriteit hoog: sociale partner"
    without = engine.advise(text=PROJECT.replace("social", "cultural"), date=DATE)
    assert [(f.code, f.priority) for f in without.findings] == [("EVA06", "medium")]


def test_failing_conditions_and_guards_are_reported_and_the_rest_runs(engine: Engine) -> None:
    report = engine.advise(text=PROJECT, date=DATE)
    assert [(e.rule, e.message) for e in report.errors] == [
        ("EVA03", "ValueError: max() arg is an empty sequence"),
        ("EVA04", "applies failed: ValueError: max() arg is an empty sequence"),
        ("EVA06", "adjustment failed: ValueError: max() arg is an empty sequence"),
    ]
    # EVA05's guard is false: it neither fires nor asks; the others still ran
    assert {f.code for f in report.findings} == {"EVA01", "EVA02", "EVA06"}


def test_rules_wait_for_absent_facts_instead_of_failing(engine: Engine) -> None:
    report = engine.advise(text='format = 1\n[project]\nname = "Leeg"\n', date=DATE)
    assert report.errors == ()  # nothing ran that could fail: the guards' facts are absent
    (question,) = report.questions
    assert question.codes == ("EVA01", "EVA02", "EVA03", "EVA04", "EVA06", "EVA05")
    assert question.missing == ("partners",)


def test_the_builtin_catalogue_runs_entirely_in_line() -> None:
    engine = Engine(plugins=())
    evaluator = engine.evaluator(engine.plan)
    guards = sum(p.guard is not None for p in engine.plan)
    adjustments = sum(len(p.adjust) for p in engine.plan)
    # conditions with loops run under their step budget, through their code objects
    texts = [
        text
        for p in engine.plan
        for text in (p.rule.when, *(s.when for s in (p.rule.applies, *p.rule.adjust) if s))
    ]
    loops = sum(" for " in text for text in texts)
    assert evaluator.inlined == len(engine.plan) + guards + adjustments - loops
    # a selection gets its own evaluator, built once
    report = engine.advise(EXAMPLES / "muurschildering.toml", date=DATE, select=["sustainability"])
    assert report.findings
    assert {f.element for f in report.findings} == {"sustainability"}
    assert engine.evaluator(engine.plan) is evaluator


def _reference_completeness(
    plan: tuple[Planned, ...], ns: dict[str, Any]
) -> dict[str, tuple[int, int]]:
    """What the evaluator must count, computed the plain way: rule by rule."""
    known: dict[str, dict[str, bool]] = {}
    for p in plan:
        guard = p.guard
        known_facts = guard is not None and not any(absent(ns) for absent in guard.needs)
        if guard is not None and known_facts and not eval(guard.code, ns):
            continue
        fields = known.setdefault(p.element, {})
        for need in p.needs:
            fields[need.field] = fields.get(need.field, True) and not need.absent(ns)
    return {e: (sum(f.values()), len(f)) for e, f in known.items() if f}


BUILTIN = Engine(plugins=())


@settings(max_examples=30, deadline=None)
@given(valid_projects())
def test_completeness_matches_a_rule_by_rule_count(data: dict[str, Any]) -> None:
    from interventie_advies._facts import derive_facts
    from interventie_advies._run import Run

    project = load_project(data)
    run = Run(BUILTIN, project, None, "en", DATE, (), ())
    ns = run.namespace(derive_facts(project, DATE))
    expected = _reference_completeness(run.selected(BUILTIN.plan), ns)
    report = BUILTIN.advise(project, date=DATE, lang="en")
    got = {e.element: (e.described, e.needed) for e in report.elements if e.needed}
    assert got == expected


@pytest.mark.parametrize("cls", [Finding, Strength, Question, ElementStatus, EffectScore, Report])
def test_build_gives_the_same_value_as_the_constructor(cls: type[Any]) -> None:
    values = {
        f.name: (f"v{i}" if f.type in ("str", "str | None") else ())
        for i, f in enumerate(dataclasses.fields(cls))
    }
    built = build(cls, dict(values))
    assert built == cls(**values)
    assert repr(built) == repr(cls(**values))
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.code = "x"  # type: ignore[attr-defined]
