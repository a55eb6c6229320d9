"""The execution plan compiled into one Python function: what every rule does on a project.

NOTE: walking the plan rule by rule (a method call per rule, per guard and per condition,
a loop over each rule's needs) cost about ten times the conditions themselves. The plan
is therefore turned into the source of one function with a block per rule, compiled once
per engine and selection. The generated source holds only control flow, local names and
indices: no text from a rule file ever enters it. Each condition (and guard) is then put
into that function as the syntax tree evalidate validated, so it runs as a plain
expression instead of an ``eval`` call; the function is called with the project's
namespace as its globals, which is exactly what ``eval`` gave the condition. A rule that
raises is recorded and skipped as before.

The function returns which rules ask for facts (and which), which fired, and per element
how many of the fields its applying rules read the file describes.
"""

from __future__ import annotations

import time
import types
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ._codegen import Source, ask, completeness, condition, guard, path_names, path_shapes
from ._questions import TABLE_QUESTIONS
from ._splice import inline, module_code

if TYPE_CHECKING:
    from ._conditions import NeedPath
    from ._plan import Planned
    from ._report import Question

__all__ = ["Evaluator", "Outcome", "compile_evaluator"]

Fail = Callable[[int, str, BaseException], None]


@dataclass(frozen=True, slots=True)
class Outcome:
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


@dataclass(frozen=True)
class Evaluator:
    """A compiled plan: call it with a project's namespace."""

    rules: tuple[Planned, ...]
    function: Callable[..., tuple[Any, Any, Any, Any, Any]]
    timed: bool
    inlined: int  # rules whose condition runs in line (the others through eval)

    #: the (field, table) pairs rules wait for, by the index ``whole`` uses
    pairs: tuple[tuple[str, str], ...]
    #: per rule: the place of each pair among its needs (questions keep first-seen order)
    pair_order: tuple[dict[int, int], ...]
    #: questions for left-out tables, built once (see QuestionBook.ask_tables)
    questions: dict[tuple[str, tuple[tuple[int, int], ...], str], Question] = field(
        default_factory=dict
    )

    def __call__(
        self,
        namespace: dict[str, Any],
        fail: Fail,
        absent_tables: frozenset[str],
        timings: list[float] | None = None,
    ) -> Outcome:
        """Run every rule on ``namespace``; ``timings`` gets seconds per rule when timed.

        :param absent_tables: the tables the project file leaves out entirely.
        """
        template = self.function
        # the conditions read the project's namespace as their globals, as under eval
        function = types.FunctionType(
            template.__code__, namespace, template.__name__, None, template.__closure__
        )
        if self.timed:
            result = function(namespace, fail, absent_tables, timings, time.perf_counter)
        else:
            result = function(namespace, fail, absent_tables)
        return Outcome(*result)


def compile_evaluator(rules: tuple[Planned, ...], *, timed: bool = False) -> Evaluator:
    """Generate and compile the function that runs ``rules`` on one project."""
    paths: dict[str, int] = {}
    checkers: list[Callable[[dict[str, Any]], bool]] = []
    steps: list[tuple[tuple[str, bool], ...]] = []

    def path_index(path: NeedPath, absent: Callable[[dict[str, Any]], bool]) -> int:
        if path.text not in paths:
            paths[path.text] = len(checkers)
            checkers.append(absent)
            steps.append(path.steps)
        return paths[path.text]

    fields: dict[tuple[str, str], int] = {}
    pairs: dict[tuple[str, str], int] = {}  # (field, table) a rule may wait for
    needs: list[list[tuple[int, int, int]]] = []  # per rule: absent index, field index, pair
    for p in rules:
        own = []
        for need in p.needs:
            j = path_index(need.path, need.absent)
            k = fields.setdefault((p.element, need.field), len(fields))
            q = pairs.setdefault((need.field, need.table), len(pairs))
            own.append((j, k, q))
        needs.append(own)
        for step in (p.guard, *p.adjust) if p.guard is not None else p.adjust:
            for path, absent in zip(step.paths, step.needs, strict=True):
                path_index(path, absent)
    elements = list(dict.fromkeys(element for element, _ in fields))
    # NOTE: a table the file leaves out has one question for all rules waiting for it; what
    # they wait for is collected per table here, and each such question is built only once
    read = dict.fromkeys(n.table for p in rules for n in p.needs)
    whole = {t: x for x, t in enumerate(t for t in read if t in TABLE_QUESTIONS)}

    trees = {i: inline(p.rule.when) for i, p in enumerate(rules) if p.condition is not None}
    guards = {i: inline(p.rule.applies.when) for i, p in enumerate(rules) if p.rule.applies}
    adjusts = {
        (i, k): inline(a.when) for i, p in enumerate(rules) for k, a in enumerate(p.rule.adjust)
    }
    src = Source()
    # the factory binds every constant as a closure variable (fast to read, nothing global:
    # the globals of the function are the project's namespace)
    src("def factory(A, N, G, C, W, J, Q, E, X, eval, SNS, getattr, Exception):")
    src.depth += 1
    # NOTE: the common shapes of needs paths are checked inline (a call per path costs
    # more than the check); the names they read are closure constants, never source text
    tables = {names[0]: x for x, names in enumerate(path_names(steps)) if names}
    for j, shape in enumerate(path_shapes(steps)):
        if shape == (False,):
            src(f"s{j} = N[{j}][0]")
        elif shape == (False, False):
            src(f"f{j} = N[{j}][1]")
        else:
            src(f"a{j}f = A[{j}]")
    for x in tables.values():
        src(f"s{x} = N[{x}][0]")
    for q in range(len(pairs)):
        src(f"q{q} = Q[{q}]")
    for e in range(len(elements)):
        src(f"e{e} = E[{e}]")
    for x in range(len(whole)):
        src(f"x{x} = X[{x}]")
    for i, p in enumerate(rules):
        if p.guard is not None and not guards.get(i):
            src(f"g{i} = G[{i}]")
        if p.condition is None:
            src(f"w{i} = W[{i}]")
        elif not trees.get(i):
            src(f"c{i} = C[{i}]")
        for k in range(len(p.adjust)):
            if not adjusts.get((i, k)):
                src(f"j{i}_{k} = J[{i}][{k}]")
    args = "ns, fail, absent, T, clock" if timed else "ns, fail, absent"
    src(f"def evaluate({args}):")
    src.depth += 1
    src("asked = []")
    src("fired = []")
    src("adjusted = {}")
    for x in range(len(whole)):
        src(f"w{x}x = x{x} in absent")
        src(f"l{x} = []")
    for x in sorted(set(tables.values())):
        src(f"t{x} = ns[s{x}]")
    for j, (shape, names) in enumerate(zip(path_shapes(steps), path_names(steps), strict=True)):
        if shape == (False,):
            src(f"a{j} = ns.get(s{j}) is None")
        elif shape == (False, False):
            src(f"a{j} = getattr(t{tables[names[0]]}, f{j}, None) is None")
        else:
            src(f"a{j} = a{j}f(ns)")
    for i, p in enumerate(rules):
        if timed:
            src("t = clock()")
        depth = src.depth
        if p.guard is not None:
            test = f"_G{i}" if guards.get(i) else f"eval(g{i}, ns)"
            guard(src, i, [paths[t.text] for t in p.guard.paths], test)
        if needs[i]:
            ask(
                src,
                i,
                needs[i],
                [(whole.get(n.table), n.path.steps[0][0] == n.table) for n in p.needs],
            )
        if p.condition is None:
            test = f"w{i}(SNS(**ns))"
        else:
            test = f"_C{i}" if trees.get(i) else f"eval(c{i}, ns)"
        adjust = [
            (
                f"_J{i}_{k}" if adjusts.get((i, k)) else f"eval(j{i}_{k}, ns)",
                [paths[t.text] for t in step.paths],
                step.priority is not None and step.reason is not None,
            )
            for k, step in enumerate(p.adjust)
        ]
        condition(src, i, test, adjust)
        src.depth = depth
        if timed:
            src(f"T[{i}] += clock() - t")
    completeness(src, rules, needs, fields, elements)
    src("tables = []")
    for x in range(len(whole)):
        src(f"if l{x}:")
        src(f"    tables.append((x{x}, l{x}))")
    src("return asked, tables, fired, adjusted, counts")
    src.depth -= 1
    src("return evaluate")

    spliced: dict[str, str] = {}  # placeholder → condition text, for those put in line
    for i, p in enumerate(rules):
        when, applies = p.rule.when, p.rule.applies
        if trees.get(i) and isinstance(when, str):
            spliced[f"_C{i}"] = when
        if guards.get(i) and applies is not None:
            spliced[f"_G{i}"] = applies.when
        for k, adjustment in enumerate(p.rule.adjust):
            if adjusts.get((i, k)):
                spliced[f"_J{i}_{k}"] = adjustment.when
    scope: dict[str, Any] = {}
    exec(module_code(src.text(), spliced), scope)  # our code + validated conditions
    function = scope["factory"](
        tuple(checkers),
        path_names(steps),
        {i: p.guard.code for i, p in enumerate(rules) if p.guard is not None},
        {i: p.condition for i, p in enumerate(rules) if p.condition is not None},
        {i: p.call for i, p in enumerate(rules) if p.condition is None},
        {i: tuple(step.code for step in p.adjust) for i, p in enumerate(rules) if p.adjust},
        tuple(field for field, _ in pairs),
        tuple(elements),
        tuple(whole),
        eval,
        types.SimpleNamespace,
        getattr,
        Exception,
    )
    return Evaluator(
        rules=rules,
        function=function,
        timed=timed,
        inlined=len(spliced),
        pairs=tuple(pairs),
        pair_order=tuple(
            {q: n for n, (_, _, q) in reversed(list(enumerate(own)))} for own in needs
        ),
    )
