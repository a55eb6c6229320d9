"""Run the plan on one project, rule by rule, in plan order.

For each rule:

1. ``[rule.applies]``: when the guard's facts are known and its condition is false, the
   rule stays silent (no finding, no question). A guard that raises is recorded and the
   rule stays silent too.
2. ``needs``: when one of them is absent, the rule asks for what is absent instead of
   running. What it waits for in a table the file leaves out goes to that table's one
   question; the rest to the rule's own question.
3. The condition: the code object compiled once when the rule was loaded (validated then,
   see ``_conditions``), evaluated with the project's namespace as its globals
   (``eval(code, namespace)``), or a Python rule's callable, which gets the namespace as
   attributes. A rule that raises is recorded and the run goes on.
4. ``[[rule.adjust]]`` of a rule that fired: the first adjustment whose facts are known and
   whose condition holds sets the priority; one that raises is recorded, the next is tried.

It also counts, per element, the fields that the rules which apply read, and how many of
those the file describes (the element overview's completeness).
"""

from __future__ import annotations

import time
import types
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from ._questions import TABLE_QUESTIONS

if TYPE_CHECKING:
    from ..rulebook._conditions import NeedPath
    from ._plan import Planned, Step
    from ._questions import TableQuestion

__all__ = ["Evaluator", "Outcome", "prepare"]

#: ``fail(rule index, prefix, exception)``: record that a rule failed on this project
Fail = Callable[[int, str, BaseException], None]
Namespace = dict[str, Any]


class Outcome(NamedTuple):
    """What the rules did on one project (indices into the evaluator's rules)."""

    #: rule, and the fields it waits for in tables the file has
    asked: list[tuple[int, list[str]]]
    #: per table the file leaves out (and that has a question of its own): the (rule,
    #: pair) waits for it, in the order the rules and their needs come
    whole: list[tuple[str, list[tuple[int, int]]]]
    fired: list[int]
    #: per fired rule with ``[[rule.adjust]]``: the index of the adjustment that applied
    adjusted: dict[int, int]
    #: per element: fields its applying rules read that the file describes, and fields read
    completeness: dict[str, tuple[int, int]]


class _Need(NamedTuple):
    """One of a rule's needs, as indices into the evaluator's tables."""

    path: int  # into Evaluator.checks: the path's absence
    pair: int  # into Evaluator.pairs: the (field, table) a user fills in
    field: str  # the field a user fills in (what the rule's own question lists)
    table: int | None  # into Evaluator.tables: the table's own question, if it has one
    direct: bool  # the path reads that table itself, so it is absent with the table


class _Adjust(NamedTuple):
    code: types.CodeType
    paths: tuple[int, ...]  # if one of them is absent, the adjustment is skipped
    sets: bool  # a hit sets the priority (it has both a priority and a reason)


class _Rule(NamedTuple):
    """What the evaluator runs of one planned rule."""

    guard: types.CodeType | None
    guard_paths: tuple[int, ...]
    needs: tuple[_Need, ...]
    need_paths: tuple[int, ...]  # the paths of ``needs``, in their order
    code: types.CodeType | None  # the condition; None for a Python rule
    call: Callable[[Any], Any] | None  # a Python rule's condition
    adjust: tuple[_Adjust, ...]


#: a field an element's rules read: the paths unguarded rules read it through, and
#: (rule, path) for each rule with a guard (which reads it only when it applies); then
#: those rules with a guard, and every path (for when none of those rules is excluded)
_Field = tuple[tuple[int, ...], tuple[tuple[int, int], ...], frozenset[int], frozenset[int]]


class Evaluator(NamedTuple):
    """The plan (or a selection of it) ready to run: call it with a project's namespace."""

    # NOTE: a NamedTuple, not a frozen dataclass: read-only all the same, and a third of
    # the start-up cost of defining a dataclass (about 4 M instructions)

    rules: tuple[Planned, ...]
    steps: tuple[_Rule, ...]
    #: per distinct needs path (of needs, guards and adjustments): is it absent?
    checks: tuple[Callable[[Namespace], bool], ...]
    #: the same, as read: ``table.field`` paths by table, (path, field) each ...
    attributes: tuple[tuple[str, tuple[tuple[int, str], ...]], ...]
    #: ... and every other path with its check
    other_checks: tuple[tuple[int, Callable[[Namespace], bool]], ...]
    #: per element, for the completeness count: the path of each field that rules without
    #: a guard read through that one path only, and the other fields its rules read
    fields: tuple[tuple[str, tuple[int, ...], tuple[_Field, ...]], ...]
    #: the tables with a question of their own that rules wait for, in first-read order
    tables: tuple[str, ...]
    #: the (field, table) pairs rules wait for, by the index ``Outcome.whole`` uses
    pairs: tuple[tuple[str, str], ...]
    #: questions for left-out tables, built once (see QuestionBook.ask_tables); an empty
    #: dict of its own for each evaluator
    questions: dict[tuple[str, tuple[tuple[int, int], ...], str], TableQuestion]

    def __call__(
        self,
        namespace: Namespace,
        fail: Fail,
        absent_tables: frozenset[str],
        timings: list[float] | None = None,
    ) -> Outcome:
        """Run every rule on ``namespace``; ``timings`` (one per rule) gets seconds added.

        :param absent_tables: the tables the project file leaves out entirely.
        """
        # the paths whose fact the project does not describe, by index into ``checks``
        absent: set[int] = set()
        # NOTE: most paths are ``table.field``: read in one loop per table rather than
        # through a function per path (a sixth of the evaluation was those calls)
        for table, fields in self.attributes:
            value = namespace[table]
            for j, name in fields:
                if getattr(value, name, None) is None:
                    absent.add(j)
        for j, check in self.other_checks:
            if check(namespace):
                absent.add(j)
        left_out = [table in absent_tables for table in self.tables]
        waits: list[list[tuple[int, int]]] = [[] for _ in self.tables]
        asked: list[tuple[int, list[str]]] = []
        fired: list[int] = []
        adjusted: dict[int, int] = {}
        excluded: set[int] = set()  # rules whose guard kept them silent
        clock = time.perf_counter
        start = 0.0
        for i, rule in enumerate(self.steps):
            if timings is not None:
                start = clock()
            guard = rule.guard
            applies = True
            if guard is not None and absent.isdisjoint(rule.guard_paths):
                # NOTE: the guard evaluated here, as the condition below: a call per guarded
                # rule and project cost more than most guards themselves
                try:
                    applies = bool(eval(guard, namespace))
                except Exception as exc:  # the rule's failure: recorded, the run goes on
                    fail(i, "applies failed: ", exc)
                    applies = False
            if not applies:
                excluded.add(i)
            elif not absent.isdisjoint(rule.need_paths):
                # what the rule waits for: a need in a table the file leaves out goes to
                # that table's question (``waits``), the others to the rule's own
                missing = []
                for need in rule.needs:
                    x = need.table
                    if x is not None and left_out[x] and (need.direct or need.path in absent):
                        waits[x].append((i, need.pair))
                    elif need.path in absent:
                        missing.append(need.field)
                if missing:
                    asked.append((i, missing))
            else:
                # NOTE: the condition evaluated here rather than through a function: a call
                # per rule and project cost more than the condition itself for most rules
                try:
                    if rule.code is not None:
                        holds = bool(eval(rule.code, namespace))
                    else:
                        assert rule.call is not None  # a rule has a condition or a callable
                        holds = bool(rule.call(types.SimpleNamespace(**namespace)))
                except Exception as exc:  # the rule's failure: recorded, the run goes on
                    fail(i, "", exc)
                    holds = False
                if holds:
                    fired.append(i)
                    if rule.adjust:
                        chosen = _adjustment(i, rule.adjust, namespace, absent, fail)
                        if chosen is not None:
                            adjusted[i] = chosen
            if timings is not None:
                timings[i] += clock() - start
        return Outcome(
            asked,
            [(table, waits[x]) for x, table in enumerate(self.tables) if waits[x]],
            fired,
            adjusted,
            self._completeness(absent, excluded),
        )

    def _completeness(self, absent: set[int], excluded: set[int]) -> dict[str, tuple[int, int]]:
        """Per element: of the fields the rules that apply read, how many are described.

        A field is described when none of the paths those rules read it through is absent.
        """
        counts = {}
        for element, single, fields in self.fields:
            # NOTE: most fields are read through one path by rules without a guard: those
            # are always read, and counted without a loop in Python
            read = len(single)
            described = read - len(absent.intersection(single))
            for plain, guarded, guards, every in fields:
                if excluded.isdisjoint(guards):
                    # every rule reads the field: known when no path to it is absent
                    read += 1
                    described += absent.isdisjoint(every)
                    continue
                is_read = bool(plain)
                known = absent.isdisjoint(plain)
                for i, j in guarded:
                    if i not in excluded:
                        is_read = True
                        known = known and j not in absent
                if is_read:
                    read += 1
                    described += known
            if read:
                counts[element] = (described, read)
        return counts


def _adjustment(
    i: int, adjust: tuple[_Adjust, ...], namespace: Namespace, absent: set[int], fail: Fail
) -> int | None:
    """The index of the first of rule ``i``'s adjustments that applies, if one does."""
    for k, step in enumerate(adjust):
        if not absent.isdisjoint(step.paths):
            continue
        try:
            if eval(step.code, namespace) and step.sets:
                return k
        except Exception as exc:  # the rule's failure: recorded, the next one is tried
            fail(i, "adjustment failed: ", exc)
    return None


def prepare(rules: tuple[Planned, ...]) -> Evaluator:
    """Turn ``rules`` (the plan or a selection of it) into an :class:`Evaluator`."""
    paths: dict[str, int] = {}
    checks: list[Callable[[Namespace], bool]] = []
    attributes: dict[str, list[tuple[int, str]]] = {}
    other_checks: list[tuple[int, Callable[[Namespace], bool]]] = []

    def path_index(path: NeedPath, check: Callable[[Namespace], bool]) -> int:
        if path.text not in paths:
            j = paths[path.text] = len(checks)
            checks.append(check)
            steps = path.steps
            # NOTE: the shape absent_checker (_plan) reads as getattr(ns[table], field)
            if len(steps) == 2 and not steps[0][1] and not steps[1][1]:
                attributes.setdefault(steps[0][0], []).append((j, steps[1][0]))
            else:
                other_checks.append((j, check))
        return paths[path.text]

    # NOTE: a table the file leaves out gets one question for every rule waiting for it
    read = dict.fromkeys(n.table for p in rules for n in p.needs)
    tables = {t: x for x, t in enumerate(t for t in read if t in TABLE_QUESTIONS)}
    pairs: dict[tuple[str, str], int] = {}
    # element → field → the paths unguarded rules read it through, (rule, path) of guarded
    fields: dict[str, dict[str, tuple[dict[int, None], list[tuple[int, int]]]]] = {}
    steps = []
    for i, p in enumerate(rules):
        needs = tuple(
            _Need(
                path_index(n.path, n.absent),
                pairs.setdefault((n.field, n.table), len(pairs)),
                n.field,
                tables.get(n.table),
                n.path.steps[0][0] == n.table,
            )
            for n in p.needs
        )
        guard = p.guard
        for need in needs:
            plain, guarded = fields.setdefault(p.element, {}).setdefault(need.field, ({}, []))
            if guard is None:
                plain[need.path] = None
            else:
                guarded.append((i, need.path))
        steps.append(
            _Rule(
                guard=guard.code if guard is not None else None,
                guard_paths=_paths(guard, path_index) if guard is not None else (),
                needs=needs,
                need_paths=tuple(need.path for need in needs),
                code=p.condition,
                call=p.call if p.condition is None else None,
                adjust=tuple(
                    _Adjust(
                        a.code,
                        _paths(a, path_index),
                        a.priority is not None and a.reason is not None,
                    )
                    for a in p.adjust
                ),
            )
        )
    return Evaluator(
        rules=rules,
        steps=tuple(steps),
        checks=tuple(checks),
        attributes=tuple((table, tuple(fields)) for table, fields in attributes.items()),
        other_checks=tuple(other_checks),
        fields=tuple(
            (
                element,
                tuple(
                    next(iter(plain)) for plain, guarded in by.values() if _single(plain, guarded)
                ),
                tuple(
                    (
                        tuple(plain),
                        tuple(guarded),
                        frozenset(i for i, _ in guarded),
                        frozenset((*plain, *(j for _, j in guarded))),
                    )
                    for plain, guarded in by.values()
                    if not _single(plain, guarded)
                ),
            )
            for element, by in fields.items()
        ),
        tables=tuple(tables),
        pairs=tuple(pairs),
        questions={},
    )


def _single(plain: dict[int, None], guarded: list[tuple[int, int]]) -> bool:
    """Whether a field is read through one path, only by rules without a guard."""
    return len(plain) == 1 and not guarded


def _paths(
    step: Step, index: Callable[[NeedPath, Callable[[Namespace], bool]], int]
) -> tuple[int, ...]:
    """The indices of a guard's or adjustment's needs paths."""
    return tuple(index(path, check) for path, check in zip(step.paths, step.needs, strict=True))
