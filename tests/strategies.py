"""Hypothesis strategies: valid project dicts (sparse and full) and arbitrary junk.

Valid projects respect every rule of docs/project-file.md: enums from ``_enums``,
``end >= start``, unique partner names, endorsements of listed partners, reasons for
rejected decisions, and decisions/select/ignore that name built-in rules.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any, get_args

from hypothesis import strategies as st

from interventie_advies.messages._i18n import Language
from interventie_advies.plugins._builtin import rules_dir
from interventie_advies.project import _enums as enums
from interventie_advies.rulebook._elements import ELEMENT_IDS
from interventie_advies.rulebook._rules import load_rules

__all__ = [
    "allowed_conditions",
    "full_projects",
    "junk",
    "junk_dicts",
    "mutated_projects",
    "project_dicts",
    "sparse_projects",
    "valid_projects",
]

Strategy = st.SearchStrategy[Any]

DATES = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31))
TEXT = st.text(max_size=40)
NAME = st.text(min_size=1, max_size=30)
BOOL = st.booleans()


def values(literal: Any) -> Strategy:
    """One value of a Literal enum."""
    return st.sampled_from(get_args(literal))


def value_lists(literal: Any, *, min_size: int = 0, max_size: int = 6) -> Strategy:
    """A list of values of a Literal enum (duplicates allowed, as the format allows)."""
    return st.lists(values(literal), min_size=min_size, max_size=max_size)


@functools.cache
def rule_tokens() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Codes and names of the built-in rules (what decisions may name)."""
    rules = [r for path in sorted(rules_dir().glob("*.toml")) for r in load_rules(path)]
    return tuple(r.code for r in rules), tuple(r.name for r in rules)


def table(full: bool, optional: dict[str, Strategy],
          required: dict[str, Strategy] | None = None) -> Strategy:
    """A table: ``full`` has every key; otherwise each optional key may be left out."""
    required = required or {}
    if full:
        return st.fixed_dictionaries({**required, **optional})
    return st.fixed_dictionaries(required, optional=optional)


@st.composite
def date_pair(draw: st.DrawFn, full: bool) -> dict[str, dt.date]:
    """``start``/``end`` with end >= start; when not full, either may be missing."""
    a, b = sorted((draw(DATES), draw(DATES)))
    pair = {"start": a, "end": b}
    if full:
        return pair
    keep = draw(st.sampled_from(["none", "start", "end", "both"]))  # simplest first
    return {k: v for k, v in pair.items() if keep in (k, "both")}


def _lists(item: Strategy, full: bool, max_size: int = 4) -> Strategy:
    return st.lists(item, min_size=1 if full else 0, max_size=max_size)


@functools.cache
def _table_strategies(full: bool) -> dict[str, Strategy]:
    """The strategy of each table (built once per shape: building them is not free)."""
    return {
        "project": table(full, {
            "neighbourhood": TEXT, "municipality": TEXT, "description": TEXT,
            "phase": values(enums.Phase),
        }, {"name": NAME}),
        "residents": table(full, {
            "needs": value_lists(enums.Need),
            "needs_identified_with_residents": BOOL,
            "how_identified": value_lists(enums.HowIdentified),
            "target_groups": value_lists(enums.TargetGroup),
            "expected_participants": st.integers(0, 10_000_000),
            "barriers": value_lists(enums.Barrier),
            "barriers_addressed": value_lists(enums.Barrier),
            "co_design": values(enums.CoDesign),
        }),
        "art": table(full, {
            "forms": value_lists(enums.ArtForm, min_size=1),
            "low_threshold": BOOL, "chosen_with_residents": BOOL, "professional_artist": BOOL,
            "artist_community_experience": BOOL, "uses_residents_stories": BOOL,
            "the_other_as_muse": BOOL, "mixes_groups": BOOL,
        }),
        "activities": _lists(table(full, {
            "kind": values(enums.ActivityKind), "frequency": values(enums.Frequency),
            "sessions": st.integers(1, 100_000), "location": TEXT,
            "informal_moment_after": BOOL,
        }, {"name": NAME}), full),
        "contact": table(full, {
            "informal_moments": BOOL, "group_channel": values(enums.GroupChannel),
            "channel_moderator": TEXT, "continues_after_project": BOOL,
        }),
        "meeting_place": table(full, {
            "available": BOOL, "name": TEXT, "kind": values(enums.PlaceKind),
            "in_neighbourhood": BOOL, "accessible": BOOL, "open_outside_activities": BOOL,
            "available_after_project": BOOL,
        }),
        "end_product": table(full, {
            "planned": BOOL, "kind": values(enums.ProductKind), "date": DATES,
            "residents_invite_others": BOOL, "celebration": BOOL,
            "residents_contribute": BOOL, "follow_up": TEXT,
        }),
        "partners": st.lists(table(full, {
            "role": TEXT, "strengths": st.lists(TEXT, max_size=3),
            "contribution": value_lists(enums.Contribution),
            "levels_involved": value_lists(enums.Level, max_size=3),
            "knows_residents": BOOL, "committed_after_project": BOOL,
        }, {"name": NAME, "domain": values(enums.Domain)}),
            min_size=1 if full else 0, max_size=4, unique_by=lambda p: p["name"]),
        "collaboration": table(full, {
            "agreements_written": BOOL, "regular_meetings": values(enums.MeetingFrequency),
            "strengths_discussed": BOOL, "shared_budget": BOOL,
            "differences": value_lists(enums.Difference),
            "differences_addressed": value_lists(enums.Difference),
            "management_support": BOOL, "professionals_have_room": BOOL,
        }),
        "funding": table(full, {
            "sources": _lists(_funding_source(full), full),
            "duration_months": st.integers(0, 1200),
            "follow_up_secured": BOOL,
        }),
        "continuation": table(full, {
            "plan": TEXT, "considered_from_start": BOOL, "owner": TEXT,
            "residents_take_over": BOOL, "partnerships_continue": BOOL,
            "structural_funding_sought": BOOL,
        }),
        "knowledge": table(full, {
            "research_used": BOOL, "sources": st.lists(TEXT, max_size=3),
            "practice_exchange": BOOL, "evaluation_planned": BOOL,
            "evaluation_method": value_lists(enums.EvaluationMethod),
            "learning_sessions": BOOL,
        }),
        "key_persons": _lists(table(full, {
            "role": TEXT, "knows_residents": BOOL, "from_neighbourhood": BOOL,
            "has_backup": BOOL,
        }, {"name": NAME}), full),
        # tables that depend on others (vision, decisions) are drawn in project_dicts
        "decisions": _lists(_decision(full), full, max_size=3),
        "advies": table(full, {
            "language": values(Language),
            "select": st.lists(_rule_or_element(), max_size=3),
            "ignore": st.lists(_rule_or_element(), max_size=3),
        }),
        # a table for a plugin that is not installed: a warning, never an error
        "extensions": st.dictionaries(
            st.sampled_from(["jeugd", "zorg"]),
            st.dictionaries(st.text(min_size=1, max_size=8), st.integers() | TEXT, max_size=2),
            min_size=1 if full else 0, max_size=2),
    }


_INDEPENDENT = (
    "residents", "art", "activities", "contact", "meeting_place", "end_product", "partners",
    "collaboration", "funding", "continuation", "knowledge", "key_persons", "decisions",
    "advies",
)


@st.composite
def project_dicts(draw: st.DrawFn, full: bool | None = None) -> dict[str, Any]:
    """A valid project dict; ``full=None`` lets hypothesis choose sparse or full."""
    if full is None:
        full = draw(BOOL)
    strategies = _table_strategies(full)
    info = draw(strategies["project"])
    info.update(draw(date_pair(full)))
    data: dict[str, Any] = {"format": 1, "project": info}
    for name in _INDEPENDENT:
        if full or draw(BOOL):
            data[name] = draw(strategies[name])
    partner_names = [p["name"] for p in data.get("partners", ())]
    if full or draw(BOOL):
        endorsed = (st.lists(st.sampled_from(partner_names), max_size=4) if partner_names
                    else st.just([]))
        data["vision"] = draw(table(full, {
            "shared_goal": TEXT, "written_down": BOOL, "endorsed_by_partners": endorsed,
            "residents_recognise": BOOL, "social_and_artistic_goals": BOOL,
        }))
    if full or draw(st.integers(0, 4)) == 4:  # now and then; never in the simplest case
        data["extensions"] = draw(strategies["extensions"])
    return data


def _rule_reference() -> Strategy:
    codes, names = rule_tokens()
    return st.sampled_from(codes) | st.sampled_from(names) | st.sampled_from(codes).map(str.lower)


def _rule_or_element() -> Strategy:
    codes, names = rule_tokens()
    return st.sampled_from(codes) | st.sampled_from(names) | st.sampled_from(ELEMENT_IDS)


def _funding_source(full: bool) -> Strategy:
    rest = table(full, {
        "name": TEXT, "kind": values(enums.FundingKind),
        "amount_eur": st.integers(0, 10**12)
        | st.floats(0, 1e12, allow_nan=False, allow_infinity=False),
    })

    @st.composite
    def source(draw: st.DrawFn) -> dict[str, Any]:
        item = draw(rest)
        item.update(draw(date_pair(full)))
        return item

    return source()


def _decision(full: bool) -> Strategy:
    rest = table(full, {"date": DATES, "by": TEXT})
    rule_ref = _rule_reference()

    @st.composite
    def decision(draw: st.DrawFn) -> dict[str, Any]:
        status = draw(values(enums.DecisionStatus))
        item = draw(rest)
        item["rule"] = draw(rule_ref)
        item["status"] = status
        if status in ("rejected", "not_applicable") or full or draw(BOOL):
            item["reason"] = draw(st.text(min_size=1, max_size=30).filter(str.strip))
        return item

    return decision()


def valid_projects() -> Strategy:
    """Valid project dicts, sparse or full."""
    return project_dicts()


def sparse_projects() -> Strategy:
    """Valid project dicts where every table and key may be left out."""
    return project_dicts(full=False)


def full_projects() -> Strategy:
    """Valid project dicts with every table and every key present."""
    return project_dicts(full=True)


# -- junk ---------------------------------------------------------------------------------

SCALARS: Strategy = (
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
    | st.dates() | st.datetimes() | st.times()
)


def junk() -> Strategy:
    """Arbitrary nested values: scalars, lists and dicts with text keys."""
    return st.recursive(
        SCALARS,
        lambda inner: st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=12), inner, max_size=4),
        max_leaves=20,
    )


def junk_dicts() -> Strategy:
    """Arbitrary dicts with text keys, sometimes with the right top-level keys."""
    keys = st.text(max_size=12) | st.sampled_from(
        ["format", "project", "residents", "partners", "activities", "funding", "vision",
         "decisions", "advies", "extensions", "meeting_place"])
    return st.dictionaries(keys, junk(), max_size=6)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _paths(item, (*prefix, i))
    return found


@st.composite
def mutated_projects(draw: st.DrawFn) -> dict[str, Any]:
    """A valid project with one value replaced by junk, or one junk key added."""
    data = draw(valid_projects())
    paths = _paths(data)
    path = draw(st.sampled_from(paths))
    parent: Any = data
    for step in path[:-1]:
        parent = parent[step]
    if draw(BOOL) and isinstance(parent, dict):
        parent[draw(st.text(max_size=12))] = draw(junk())
    else:
        parent[path[-1]] = draw(junk())
    return data


# -- conditions ----------------------------------------------------------------------------------


class _Draws:
    """A ``fuzzing.Chooser`` that draws from hypothesis, so that a failing condition shrinks."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw

    def choice(self, seq: Any) -> Any:
        return self.draw(st.sampled_from(seq))

    def randint(self, a: int, b: int) -> int:
        return self.draw(st.integers(a, b))


@st.composite
def allowed_conditions(draw: st.DrawFn) -> str:
    """Conditions built from every construct docs/conditions.md allows; each one loads."""
    from fuzzing import ConditionMaker  # tests/fuzzing.py: the benchmark uses it too

    return ConditionMaker(_Draws(draw)).condition()


#: what the prioritiser reads of a rule and a project, beside the priority (``score``,
#: ``plain_reasons``)
ranking_contexts = st.fixed_dictionaries({
    "kind": st.sampled_from(["recommendation", "warning"]),
    "element": st.sampled_from(ELEMENT_IDS),
    "phases": st.lists(st.sampled_from(get_args(enums.Phase)), max_size=3),
    "serves_needs": st.lists(st.sampled_from(get_args(enums.Need)), max_size=3),
    "effort": st.none() | st.sampled_from(get_args(enums.Effort)),
    "phase": st.none() | st.sampled_from(get_args(enums.Phase)),
    "needs": st.lists(st.sampled_from(get_args(enums.Need)), max_size=4),
    "months_left": st.none() | st.integers(-24, 60),
    "funding_months": st.none() | st.integers(0, 60),
    "lang": st.sampled_from(["nl", "en"]),
})
