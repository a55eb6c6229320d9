"""The evaluator: what rules fire, ask, adjust and count, against a rule-by-rule reference."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from strategies import valid_projects

from interventie_advies import Engine, Rule, hookimpl, load_project
from interventie_advies.cli import cli
from interventie_advies.engine._plan import selection
from interventie_advies.engine._questions import TABLE_QUESTIONS, field_to_fill, table_of
from interventie_advies.engine._run import Run
from interventie_advies.project._facts import derive_facts
from interventie_advies.project._toml import loads
from interventie_advies.report._report import Report
from interventie_advies.report._values import (
    EffectScore,
    ElementStatus,
    Finding,
    Question,
    Strength,
    build,
)

if TYPE_CHECKING:
    from click.testing import CliRunner

DATE = dt.date(2026, 6, 1)
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TEXTS = """title = { nl = "Titel", en = "Title" }
message = { nl = "Bericht", en = "Message" }
why = { nl = "Waarom", en = "Why" }
question = { nl = "Vraag?", en = "Question?" }
"""


def rule(
    code: str,
    when: str,
    needs: str = '["partners"]',
    extra: str = "",
    element: str = "contact",
) -> str:
    return (
        f'[[rule]]\ncode = "{code}"\nname = "eval.{code.lower()}"\nelement = "{element}"\n'
        f'kind = "recommendation"\npriority = "medium"\nwhen = {json.dumps(when)}\n'
        f"needs = {needs}\n" + TEXTS + extra
    )


RULES = "\n".join(
    [
        # names the former generated code used for itself (m, ns, ok1): nothing special now
        rule("EVA01", 'any(m.domain == "social" for m in partners)'),
        rule("EVA02", 'any(ns.domain == "social" for ns in partners)'),
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
                "[[rule.adjust]]\nwhen = 'any(ok1.domain == \"social\" for ok1 in partners)'\n"
                'needs = ["partners"]\npriority = "high"\n'
                'reason = { nl = "sociale partner", en = "a social partner" }\n'
            ),
        ),
        rule(
            "EVA05",
            "len(partners) > 5",
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


def test_conditions_fire_and_adjustments_set_the_priority(engine: Engine) -> None:
    report = engine.advise(loads(PROJECT), date=DATE)
    assert [(f.code, f.priority) for f in report.findings] == [
        ("EVA06", "high"),
        ("EVA01", "medium"),
        ("EVA02", "medium"),
    ]
    assert report.findings[0].score_factors[0] == "prioriteit hoog: sociale partner"
    without = engine.advise(loads(PROJECT.replace("social", "cultural")), date=DATE)
    assert [(f.code, f.priority) for f in without.findings] == [("EVA06", "medium")]


def test_failing_conditions_and_guards_are_reported_and_the_rest_runs(engine: Engine) -> None:
    report = engine.advise(loads(PROJECT), date=DATE)
    assert [(e.rule, e.message) for e in report.errors] == [
        ("EVA03", "ValueError: max() arg is an empty sequence"),
        ("EVA04", "applies failed: ValueError: max() arg is an empty sequence"),
        ("EVA06", "adjustment failed: ValueError: max() arg is an empty sequence"),
    ]
    # EVA05's guard is false: it neither fires nor asks; the others still ran
    assert {f.code for f in report.findings} == {"EVA01", "EVA02", "EVA06"}


def test_rules_wait_for_absent_facts_instead_of_failing(engine: Engine) -> None:
    report = engine.advise(loads('format = 1\n[project]\nname = "Leeg"\n'), date=DATE)
    assert report.errors == ()  # nothing ran that could fail: the guards' facts are absent
    (question,) = report.questions
    assert set(question.codes) == {"EVA01", "EVA02", "EVA03", "EVA04", "EVA05", "EVA06"}
    assert question.missing == ("partners",)


def test_a_selection_gets_its_own_evaluator_built_once() -> None:
    engine = Engine(plugins=())
    whole = engine.evaluator(engine.plan)
    report = engine.advise(EXAMPLES / "muurschildering.toml", date=DATE, select=["sustainability"])
    assert report.findings
    assert {f.element for f in report.findings} == {"sustainability"}
    keys = [key for key in engine._evaluators if key is not None]
    assert len(keys) == 1
    assert len(engine._evaluators[keys[0]].rules) == sum(
        p.element == "sustainability" for p in engine.plan
    )
    assert engine.evaluator(engine.plan) is whole


# -- a rule-by-rule reference -------------------------------------------------------------


@dataclasses.dataclass
class Expected:
    """What the rules do on one project, by rule code, computed the plain way."""

    fired: list[str] = dataclasses.field(default_factory=list)
    asked: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    tables: dict[str, list[tuple[str, str]]] = dataclasses.field(default_factory=dict)
    adjusted: dict[str, int] = dataclasses.field(default_factory=dict)
    failed: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    completeness: dict[str, tuple[int, int]] = dataclasses.field(default_factory=dict)


def _holds(when: Any, ns: dict[str, Any]) -> bool:
    code = when if isinstance(when, types.CodeType) else None
    if code is not None:
        return bool(eval(code, ns))
    return bool(when(types.SimpleNamespace(**ns)))


def reference(rules: list[Rule], ns: dict[str, Any], left_out: frozenset[str]) -> Expected:
    """Evaluate ``rules`` one by one as docs/rule-format.md describes them."""
    out = Expected()
    read: dict[str, dict[str, bool]] = {}
    for r in rules:
        if r.applies is not None and not any(p.absent(ns) for p in r.applies.need_paths):
            try:
                applies = _holds(r.applies.code_object, ns)
            except Exception as exc:
                out.failed.append((r.code, f"applies failed: {type(exc).__name__}"))
                applies = False
            if not applies:
                continue
        for path in r.need_paths:
            fields = read.setdefault(r.element, {})
            name = field_to_fill(path.text)
            fields[name] = fields.get(name, True) and not path.absent(ns)
        missing = [p for p in r.need_paths if p.absent(ns)]
        if missing:
            own = []
            for path in missing:
                name = field_to_fill(path.text)
                table = table_of(name)
                if table in left_out and table in TABLE_QUESTIONS:
                    out.tables.setdefault(table, []).append((r.code, name))
                else:
                    own.append(name)
            if own:
                out.asked[r.code] = own
            continue
        try:
            fired = _holds(r.code_object or r.when, ns)
        except Exception as exc:
            out.failed.append((r.code, type(exc).__name__))
            fired = False
        if not fired:
            continue
        out.fired.append(r.code)
        for k, adjustment in enumerate(r.adjust):
            if any(p.absent(ns) for p in adjustment.need_paths):
                continue
            try:
                if _holds(adjustment.code_object, ns):
                    out.adjusted[r.code] = k
                    break
            except Exception as exc:
                out.failed.append((r.code, f"adjustment failed: {type(exc).__name__}"))
    out.completeness = {e: (sum(f.values()), len(f)) for e, f in read.items()}
    return out


def actual(engine: Engine, run: Run, ns: dict[str, Any], left_out: frozenset[str]) -> Expected:
    """The same, from the engine's evaluator."""
    active = selection(engine.plan, run.select, run.ignore)
    evaluator = engine.evaluator(active)
    failed: list[tuple[str, str]] = []

    def fail(i: int, what: str, exc: BaseException) -> None:
        failed.append((active[i].code, f"{what}{type(exc).__name__}"))

    outcome = evaluator(ns, fail, left_out)
    code = [p.code for p in active]
    return Expected(
        fired=[code[i] for i in outcome.fired],
        asked={code[i]: missing for i, missing in outcome.asked},
        tables={
            table: [(code[i], evaluator.pairs[q][0]) for i, q in waits]
            for table, waits in outcome.whole
        },
        adjusted={code[i]: k for i, k in outcome.adjusted.items()},
        failed=failed,
        completeness=outcome.completeness,
    )


def _sometimes_fails(ctx: Any) -> bool:
    if ctx.project.phase == "idea":
        raise RuntimeError("not for ideas")
    return ctx.art is not None and bool(ctx.art.forms) and len(ctx.art.forms) > 1


class PythonRules:
    """A plugin with a Python rule whose condition is a callable that may raise."""

    @hookimpl
    def advies_rules(self) -> list[Rule]:
        text = {"nl": "x", "en": "x"}
        return [
            Rule(
                code="PYR01",
                name="python.forms",
                element="fit_residents",
                kind="recommendation",
                priority="high",
                when=_sometimes_fails,
                needs=("art.forms",),
                question=text,
                title=text,
                message=text,
                why=text,
            )
        ]


#: rules that fail on some projects, with guards and adjustments reading absent facts
MORE_RULES = "\n".join(
    [
        rule("REF01", "max([len(p.name) for p in partners]) > 12", needs="[]"),
        rule(
            "REF02",
            "max(a.sessions for a in activities) > 5",
            needs='["activities[].sessions", "meeting_place.accessible"]',
            element="meeting_place",
            extra=(
                "[rule.applies]\n"
                'when = "min([a.sessions for a in activities if a.sessions]) < 30"\n'
                'needs = ["activities"]\n'
                '[[rule.adjust]]\nwhen = "max(a.sessions for a in activities) > 20"\n'
                'needs = ["activities[].sessions"]\npriority = "high"\n'
                'reason = { nl = "veel", en = "many" }\n'
                "[[rule.adjust]]\n"
                "when = \"max([p.name for p in partners if p.domain == 'cultural']) > 'M'\"\n"
                'priority = "low"\nreason = { nl = "laag", en = "low" }\n'
            ),
        ),
        rule(
            "REF03",
            "facts.months_left < 6 or any(m.domain == 'social' for m in partners)",
            needs='["facts.months_left", "partners[].domain", "funding.sources"]',
            element="sustainability",
        ),
    ]
)


@pytest.fixture(scope="module")
def reference_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    path = tmp_path_factory.mktemp("rules") / "more.toml"
    path.write_text(RULES + "\n" + MORE_RULES, encoding="utf-8")
    return Engine(plugins=[PythonRules()], rules=[path])


def compare(engine: Engine, data: dict[str, Any]) -> None:
    project = load_project(data)
    run = Run(engine, project, None, "en", DATE, (), ())
    ns = run.namespace(derive_facts(project, DATE))
    left_out = frozenset(t for t in TABLE_QUESTIONS if getattr(project, t, None) is None)
    # the file may select or ignore
    rules = [p.rule for p in selection(engine.plan, run.select, run.ignore)]
    assert actual(engine, run, ns, left_out) == reference(rules, ns, left_out)


@settings(max_examples=60, deadline=None)
@given(valid_projects())
def test_the_evaluator_agrees_with_a_rule_by_rule_reference(
    reference_engine: Engine, data: dict[str, Any]
) -> None:
    compare(reference_engine, data)


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.toml")), ids=lambda p: p.stem)
def test_the_evaluator_agrees_with_the_reference_on_the_examples(
    reference_engine: Engine, example: Path
) -> None:
    compare(reference_engine, loads(example.read_text(encoding="utf-8")))


def test_the_reference_comparison_can_fail(
    reference_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A wrong evaluator (adjustments ignored) is caught by the comparison."""
    from interventie_advies.engine import _evaluate

    monkeypatch.setattr(_evaluate, "_adjustment", lambda *args: None)
    reference_engine._evaluators.clear()
    with pytest.raises(AssertionError):
        compare(reference_engine, loads((EXAMPLES / "buurtopera.toml").read_text("utf-8")))
    reference_engine._evaluators.clear()


# -- item 3 of issue 11: identifiers Python normalises ----------------------------------

FULL_WIDTH = "any(\uff4e\uff53 for \uff4e\uff53 in activities)"  # ｎｓ: NFKC makes it "ns"
ASCII_TWIN = "any(ns for ns in activities)"


def _twin_rules(tmp_path: Path, when: str, name: str) -> Path:
    folder = tmp_path / name  # the same file name: the reports name it as the plugin
    folder.mkdir()
    path = folder / "rules.toml"
    path.write_text(rule("FWD01", when, needs='["activities"]'), encoding="utf-8")
    return path


@pytest.mark.parametrize("body", ["", '[[activities]]\nname = "Zingen"\n'])
def test_a_full_width_identifier_runs_like_its_ascii_twin(tmp_path: Path, body: str) -> None:
    project = f'format = 1\n[project]\nname = "Twee"\n{body}'
    reports = []
    for name, when in (("wide", FULL_WIDTH), ("ascii", ASCII_TWIN)):
        engine = Engine(plugins=(), rules=[_twin_rules(tmp_path, when, name)], builtin=False)
        report = engine.advise(loads(project), date=DATE, lang="en")
        assert report.errors == ()
        reports.append(json.loads(report.to_json()))
    assert reports[0]["findings"] == reports[1]["findings"]
    assert reports[0]["questions"] == reports[1]["questions"]
    assert [f["code"] for f in reports[0]["findings"]] == (["FWD01"] if body else [])


def test_check_and_run_agree_on_a_full_width_identifier(
    runner: CliRunner, tmp_path: Path
) -> None:
    rules = str(_twin_rules(tmp_path, FULL_WIDTH, "wide"))
    project = tmp_path / "p.toml"
    project.write_text(
        'format = 1\n[project]\nname = "Twee"\n[[activities]]\nname = "Zingen"\n', "utf-8"
    )
    checked = runner.invoke(cli, ["check", "--no-plugins", "--rules", rules, str(project)])
    assert checked.exit_code == 0, checked.output
    assert checked.output == f"ok: {project}\n"
    done = runner.invoke(
        cli,
        ["run", "--no-plugins", "--rules", rules, str(project), "--date", "2026-06-01",
         "--format", "json", "--select", "FWD01"],
    )
    assert done.exit_code == 0, done.output
    report = json.loads(done.output)
    assert [f["code"] for f in report["findings"]] == ["FWD01"]
    assert report["errors"] == []


# -- report values ------------------------------------------------------------------------


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
