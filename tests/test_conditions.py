"""compile_condition and compile_need: what compiles, what is refused, and absent()."""

from __future__ import annotations

import datetime as dt
import types
from typing import Any

import pytest

from interventie_advies import load_project
from interventie_advies.project._facts import derive_facts
from interventie_advies.project._model import EMPTY_TABLES, TABLES
from interventie_advies.rulebook._budget import BUDGET, StepBudget
from interventie_advies.rulebook._conditions import (
    ALLOWED_FUNCTIONS,
    ConditionError,
    compile_condition,
    compile_need,
)

DATE = dt.date(2026, 6, 1)

SAMPLE: dict[str, Any] = {
    "project": {"name": "Buurtkoor", "phase": "preparation", "end": dt.date(2026, 8, 15)},
    "residents": {"needs": ["loneliness"], "barriers": ["mobility", "cost", "language"],
                  "barriers_addressed": ["cost", "language"]},
    "activities": [
        {"name": "Repetitie", "sessions": 36, "informal_moment_after": True},
        {"name": "Workshop", "sessions": 10, "informal_moment_after": False},
    ],
    "contact": {"informal_moments": False},
    "partners": [
        {"name": "Welzijn", "domain": "social", "knows_residents": True,
         "strengths": ["netwerk", "vertrouwen"]},
        {"name": "Muziekschool", "domain": "cultural"},
    ],
    "funding": {"sources": [{"name": "Gemeente", "kind": "project", "amount_eur": 1000}]},
}


def namespace(tables: dict[str, Any]) -> dict[str, Any]:
    """What a condition sees: the tables (absent table → all fields None) and facts."""
    data = {"format": 1, "project": {"name": "x"}, **tables}
    project = load_project(data)
    ns: dict[str, Any] = {"__builtins__": {}, **ALLOWED_FUNCTIONS,
                          "facts": derive_facts(project, DATE), BUDGET: StepBudget()}
    for name, (_, is_list) in TABLES.items():
        value = getattr(project, name)
        ns[name] = value if value is not None or is_list else EMPTY_TABLES[name]
    return ns


def evaluate(condition: str, tables: dict[str, Any] = SAMPLE) -> Any:
    return eval(compile_condition(condition), namespace(tables))


# -- allowed -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ("any(a.informal_moment_after for a in activities)", True),
        ("all(a.informal_moment_after for a in activities)", False),
        ("not any(a.informal_moment_after for a in activities)", False),
        ("len([p for p in partners if p.knows_residents]) == 1", True),
        ("{p.domain for p in partners} == {'social', 'cultural'}", True),
        ("set(residents.barriers) - set(residents.barriers_addressed) == {'mobility'}", True),
        ("set(residents.barriers) - set(residents.barriers_addressed)", {"mobility"}),
        ("partners[0].name", "Welzijn"),
        ("partners[1].knows_residents is None", True),
        ("activities[1].name == 'Workshop'", True),
        ("len(partners)", 2),
        ("min(a.sessions for a in activities)", 10),
        ("max(a.sessions for a in activities)", 36),
        ("sum(a.sessions for a in activities)", 46),
        ("sum([a.sessions for a in activities]) - 6", 40),
        ("contact.informal_moments is False", True),
        ("contact.informal_moments is not False", False),
        ("contact.group_channel is None", True),
        ("meeting_place.available is None", True),  # absent table: every field None
        ("project.phase in ('preparation', 'execution')", True),
        ("project.phase not in ['idea']", True),
        ("'loneliness' in residents.needs and not residents.co_design", True),
        ("facts.partner_domains == {'social', 'cultural'}", True),
        ("'social' in facts.partner_domains", True),
        ("facts.months_left", 2),
        ("facts.months_left <= 3 or facts.funding_months is None", True),
        ("facts.has_structural_funding is False", True),
        ("0 < len(activities) <= 2", True),
        ("'yes' if contact.informal_moments else 'no'", "no"),
        ("len([s for p in partners if p.strengths for s in p.strengths])", 2),
        ("any(p.name == q.name for p in partners for q in partners)", True),
        ("project.end - facts.today", dt.date(2026, 8, 15) - DATE),
        ("-1 < 0", True),
    ],
)
def test_allowed_condition_compiles_and_evaluates(condition: str, expected: Any) -> None:
    code = compile_condition(condition)
    assert isinstance(code, types.CodeType)
    assert evaluate(condition) == expected


def test_compiled_once_per_text() -> None:
    text = "contact.informal_moments is False and len(partners) > 0"
    assert compile_condition(text) is compile_condition(text)


def test_plugin_fact_is_known_only_when_declared() -> None:
    with pytest.raises(ConditionError, match=r"unknown fact facts\.youth_share"):
        compile_condition("facts.youth_share > 0.5")
    assert isinstance(compile_condition("facts.youth_share > 0.5", ["youth_share"]),
                      types.CodeType)


def test_undeclared_plugin_fact_reads_none_at_run_time() -> None:
    code = compile_condition("facts.youth_share is None", ["youth_share"])
    assert eval(code, namespace({})) is True


def test_condition_must_be_text() -> None:
    with pytest.raises(ConditionError, match="must be text"):
        compile_condition(42)  # type: ignore[arg-type]


# -- refused -------------------------------------------------------------------------------

HOSTILE = [
    ("__import__('os').system('true')", "only these functions can be called"),
    ("__import__('os')", "only these functions can be called"),
    ("open('x')", "only these functions can be called"),
    ("open('/etc/passwd').read()", "only these functions can be called"),
    ("eval('1')", "only these functions can be called"),
    ("exec('1')", "only these functions can be called"),
    ("getattr(project, 'name')", "only these functions can be called"),
    ("globals()", "only these functions can be called"),
    ("vars(project)", "only these functions can be called"),
    ("type(project)", "only these functions can be called"),
    ("print(1)", "only these functions can be called"),
    ("breakpoint()", "only these functions can be called"),
    ("sorted(partners)", "only these functions can be called"),
    ("[x for x in range(10**9)]", "only these functions can be called"),
    ("partners[0].name.upper()", "only these functions can be called"),
    ("'{}'.format(project)", "only these functions can be called"),
    ("project.name.__len__()", "only these functions can be called"),
    ("(lambda: True)()", "only these functions can be called"),
    ("1 if project.phase else __import__('os')", "only these functions can be called"),
    ("project.__class__", "no field '__class__'"),
    ("project.__class__.__bases__", "no field '__class__'"),
    ("project.__dict__", "no field '__dict__'"),
    ("activities[0].__dict__", "no field '__dict__'"),
    ("[p for p in partners if p.__class__]", "no field '__class__'"),
    ("().__class__", "cannot be read"),
    ("[].__class__", "cannot be read"),
    ("facts.today.__class__", "cannot be read"),
    ("[x for x in partners].__class__", "cannot be read"),
    ("facts.__dict__", "unknown fact"),
    ("facts.__class__", "unknown fact"),
    ('"a" * 10**9', "the operator * is not allowed"),
    ("2 ** 100", "the operator ** is not allowed"),
    ("1 << 1000", "the operator << is not allowed"),
    ("1 / 0", "the operator / is not allowed"),
    ("1 // 2", "the operator // is not allowed"),
    ("'%s' % project.name", "the operator % is not allowed"),
    ("~1", "'Invert' is not allowed"),
    ("lambda: 1", "'Lambda' is not allowed"),
    ('f"{project.name}"', "'JoinedStr' is not allowed"),
    ("(project := 1)", "'NamedExpr' is not allowed"),
    ("(x := 1)", "unknown name 'x'"),
    ("[p for p in partners if (q := p)]", "unknown name 'q'"),
    ("{'a': 1}", "'Dict' is not allowed"),
    ("{p.name: 1 for p in partners}", "unknown name 'p'"),
    ("[*partners]", "'Starred' is not allowed"),
    ("any(*partners)", "*arguments are not allowed"),
    ("(yield)", "'Yield' is not allowed"),
    ("partners[0:1]", "only indexing with a constant whole number"),
    ("partners[::-1]", "only indexing with a constant whole number"),
    ("partners[len(partners)]", "only indexing with a constant whole number"),
    ("partners['name']", "only indexing with a constant whole number"),
    ("max(1, 2, key=len)", "keyword arguments are not allowed"),
    ("min(partners, default=None)", "keyword arguments are not allowed"),
    ("b'x' == b'x'", "literal b'x' is not allowed"),
    ("1j", "literal 1j is not allowed"),
    ("...", "literal Ellipsis is not allowed"),
    ("10000000000000", "limited to 12 digits"),
    ("project.name is 'x'", "'is' and 'is not' may only compare with True, False or None"),
    ("len", "len can only be called"),
    ("set", "set can only be called"),
    ("x", "unknown name 'x'"),
    ("os.system", "unknown name 'os'"),
    ("any(p for p in partners for partners in partners)", "is a table name"),
    ("any(facts for facts in partners)", "is a table name"),
    ("[a for a in partners for b in partners for c in partners for d in partners]",
     "at most 3 'for' clauses"),
    ("import os", "syntax error"),
    ("project.name; 1", "syntax error"),
    ("project.name = 'x'", "syntax error"),
    ("", "the condition is empty"),
    ("   ", "the condition is empty"),
    ("1 " + "+ 1 " * 600, "longer than 2000 characters"),
    ("not " * 100 + "True", "nested too deeply"),
    ("[" * 500 + "]" * 500, ""),
]


@pytest.mark.parametrize(("condition", "words"), HOSTILE,
                         ids=[f"{i:02d}-{c[:30]}" for i, (c, _) in enumerate(HOSTILE)])
def test_hostile_condition_is_refused(condition: str, words: str) -> None:
    with pytest.raises(ConditionError) as info:
        compile_condition(condition)
    assert words in str(info.value)


@pytest.mark.parametrize(
    ("condition", "words"),
    [
        ("contact.informal_moment", "did you mean contact.informal_moments?"),
        ("partners.knows_residents", "partners is a list"),
        ("partners[0].knows_resident", "did you mean partners[0].knows_residents?"),
        ("any(p.knows_resident for p in partners)", "did you mean p.knows_residents?"),
        ("facts.months_lft", "did you mean facts.months_left?"),
        ("contct.informal_moments", "did you mean 'contact'?"),
        ("funding.sources[0].knd", "did you mean funding.sources[0].kind?"),
    ],
)
def test_typo_in_a_path_is_refused_with_a_suggestion(condition: str, words: str) -> None:
    with pytest.raises(ConditionError) as info:
        compile_condition(condition)
    assert words in str(info.value)


# -- needs paths ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "steps"),
    [
        ("contact.group_channel", (("contact", False), ("group_channel", False))),
        ("activities[].informal_moment_after",
         (("activities", True), ("informal_moment_after", False))),
        ("funding.sources[].kind", (("funding", False), ("sources", True), ("kind", False))),
        ("partners", (("partners", False),)),
        ("partners[].domain", (("partners", True), ("domain", False))),
        ("facts.funding_months", (("facts", False), ("funding_months", False))),
    ],
)
def test_need_paths_compile(path: str, steps: tuple[tuple[str, bool], ...]) -> None:
    need = compile_need(path)
    assert need.text == path
    assert need.steps == steps


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("activities.informal_moment_after", "write activities[] to go through its items"),
        ("contact[].informal_moments", "'contact' is not a list, drop the []"),
        ("contact.informal_moment", "no field 'informal_moment'; did you mean 'informal_moments'?"),
        ("contct.informal_moments", "unknown table 'contct'; did you mean 'contact'?"),
        ("facts.months_lft", "unknown fact 'months_lft'; did you mean 'months_left'?"),
        ("project.name.length", "'name' has no fields"),
        ("", "non-empty"),
    ],
)
def test_bad_need_paths_are_refused(path: str, words: str) -> None:
    with pytest.raises(ConditionError) as info:
        compile_need(path)
    assert words in str(info.value)


def test_plugin_fact_need() -> None:
    with pytest.raises(ConditionError):
        compile_need("facts.youth_share")
    assert compile_need("facts.youth_share", ["youth_share"]).steps == (
        ("facts", False), ("youth_share", False))


ACTIVITY_CASES = [
    ({}, True),  # the list is absent
    ({"activities": []}, False),  # no item lacks the field
    ({"activities": [{"name": "A", "informal_moment_after": False}]}, False),
    ({"activities": [{"name": "A", "informal_moment_after": True},
                     {"name": "B", "informal_moment_after": False}]}, False),
    ({"activities": [{"name": "A", "informal_moment_after": True}, {"name": "B"}]}, True),
    ({"activities": [{"name": "A"}]}, True),
]


@pytest.mark.parametrize(("tables", "absent"), ACTIVITY_CASES)
def test_absent_through_activities(tables: dict[str, Any], absent: bool) -> None:
    need = compile_need("activities[].informal_moment_after")
    assert need.absent(namespace(tables)) is absent


SOURCE_CASES = [
    ({}, True),  # no [funding] at all
    ({"funding": {"duration_months": 12}}, True),  # [funding] without sources
    ({"funding": {"sources": []}}, False),
    ({"funding": {"sources": [{"name": "A", "kind": "fund"}]}}, False),
    ({"funding": {"sources": [{"name": "A", "kind": "fund"}, {"name": "B"}]}}, True),
    ({"funding": {"sources": [{"kind": "structural"}, {"kind": "project"}]}}, False),
]


@pytest.mark.parametrize(("tables", "absent"), SOURCE_CASES)
def test_absent_through_funding_sources(tables: dict[str, Any], absent: bool) -> None:
    need = compile_need("funding.sources[].kind")
    assert need.absent(namespace(tables)) is absent


@pytest.mark.parametrize(
    ("path", "tables", "absent"),
    [
        ("contact.group_channel", {}, True),
        ("contact.group_channel", {"contact": {}}, True),
        ("contact.group_channel", {"contact": {"group_channel": "none"}}, False),
        ("contact.informal_moments", {"contact": {"informal_moments": False}}, False),
        ("partners", {}, True),
        ("partners", {"partners": []}, False),
        ("partners[].knows_residents", {"partners": [{"name": "A", "domain": "social"}]}, True),
        ("facts.funding_months", {}, True),
        ("facts.funding_months", {"funding": {"duration_months": 0}}, False),  # 0 is a value
        ("facts.partner_domains", {"partners": []}, False),
        ("facts.months_left", {"project": {"name": "x", "end": dt.date(2026, 1, 1)}}, False),
        ("project.phase", {}, True),
        ("project.phase", {"project": {"name": "x", "phase": "idea"}}, False),
    ],
)
def test_absent_is_not_false(path: str, tables: dict[str, Any], absent: bool) -> None:
    assert compile_need(path).absent(namespace(tables)) is absent
