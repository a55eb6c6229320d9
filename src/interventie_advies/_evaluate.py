"""The execution plan compiled into one Python function: what every rule does on a project.

NOTE: walking the plan rule by rule (a method call per rule, per guard and per condition,
a loop over each rule's needs) cost about ten times the conditions themselves. The plan
is therefore turned into the source of one function with a block per rule, compiled once
per engine and selection. The generated source holds only control flow, local names and
indices: no text from a rule file ever enters it. Conditions still run exactly as
evalidate compiled them (``eval`` of their code objects), and a rule that raises is
recorded and skipped as before.

The function returns which rules ask for facts, which fired, which need paths are absent,
and per (element, field) whether an applying rule needed it and the file describes it.
"""

from __future__ import annotations

import time
import types
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._plan import Planned

__all__ = ["Evaluator", "Outcome", "compile_evaluator"]

Fail = Callable[[int, str, BaseException], None]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the rules did on one project (indices into the evaluator's rules)."""

    asked: list[int]
    fired: list[int]
    absent: tuple[bool, ...]  # per distinct need path, see Evaluator.paths
    needed: tuple[bool, ...]  # per (element, field) of Evaluator.fields: read by an applying rule
    known: tuple[bool, ...]  # ... and described by the file


@dataclass(frozen=True)
class Evaluator:
    """A compiled plan: call it with a project's namespace."""

    rules: tuple[Planned, ...]
    paths: tuple[str, ...]  # distinct need paths, in first-use order
    fields: tuple[tuple[str, str], ...]  # (element, field) pairs the rules read
    #: per rule: its needs as (absent index, field, table)
    needs: tuple[tuple[tuple[int, str, str], ...], ...]
    function: Callable[
        ..., tuple[list[int], list[int], tuple[bool, ...], tuple[bool, ...], tuple[bool, ...]]
    ]
    timed: bool

    def __call__(
        self, namespace: dict[str, Any], fail: Fail, timings: list[float] | None = None
    ) -> Outcome:
        """Run every rule on ``namespace``; ``timings`` gets seconds per rule when timed."""
        if self.timed:
            result = self.function(namespace, fail, timings, time.perf_counter)
        else:
            result = self.function(namespace, fail)
        return Outcome(*result)

    def completeness(self, outcome: Outcome) -> dict[str, tuple[int, int]]:
        """Per element: (fields its applying rules read that the file describes, fields read)."""
        counts: dict[str, tuple[int, int]] = {}
        for (element, _), needed, known in zip(
            self.fields, outcome.needed, outcome.known, strict=True
        ):
            if needed:
                described, total = counts.get(element, (0, 0))
                counts[element] = (described + known, total + 1)
        return counts


class _Source:
    """Lines of generated code with indentation."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.depth = 0

    def __call__(self, line: str) -> None:
        self.lines.append("    " * self.depth + line)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def compile_evaluator(rules: tuple[Planned, ...], *, timed: bool = False) -> Evaluator:
    """Generate and compile the function that runs ``rules`` on one project."""
    paths: dict[str, int] = {}
    checkers: list[Callable[[dict[str, Any]], bool]] = []

    def path_index(text: str, absent: Callable[[dict[str, Any]], bool]) -> int:
        if text not in paths:
            paths[text] = len(checkers)
            checkers.append(absent)
        return paths[text]

    fields: dict[tuple[str, str], int] = {}
    needs: list[tuple[tuple[int, str, str], ...]] = []
    for p in rules:
        own = []
        for need in p.needs:
            j = path_index(need.text, need.absent)
            fields.setdefault((p.element, need.field), len(fields))
            own.append((j, need.field, need.table))
        needs.append(tuple(own))
        if p.guard is not None:
            for path, absent in zip(p.guard.paths, p.guard.needs, strict=True):
                path_index(path, absent)

    src = _Source()
    # the factory binds every constant as a closure variable (fast to read, nothing global)
    src("def factory(A, G, C, W, eval, SNS):")
    src.depth += 1
    for j in range(len(checkers)):
        src(f"a{j}f = A[{j}]")
    for i, p in enumerate(rules):
        if p.guard is not None:
            src(f"g{i} = G[{i}]")
        src(f"c{i} = C[{i}]" if p.condition is not None else f"w{i} = W[{i}]")
    args = "ns, fail, T, clock" if timed else "ns, fail"
    src(f"def evaluate({args}):")
    src.depth += 1
    src("asked = []")
    src("fired = []")
    for j in range(len(checkers)):
        src(f"a{j} = a{j}f(ns)")
    for k in range(len(fields)):
        src(f"n{k} = False")
        src(f"k{k} = True")
    for i, p in enumerate(rules):
        if timed:
            src("t = clock()")
        depth = src.depth
        if p.guard is not None:
            _guard(src, i, [paths[t] for t in p.guard.paths])
        for j, field, _ in needs[i]:
            k = fields[(p.element, field)]
            src(f"n{k} = True")
            src(f"if a{j}:")
            src(f"    k{k} = False")
        missing = " or ".join(f"a{j}" for j, _, _ in needs[i])
        if missing:
            src(f"if {missing}:")
            src(f"    asked.append({i})")
            src("else:")
            src.depth += 1
        _condition(src, i, call=p.condition is None)
        src.depth = depth
        if timed:
            src(f"T[{i}] += clock() - t")
    absents = "".join(f"a{j}, " for j in range(len(checkers)))
    needed = "".join(f"n{k}, " for k in range(len(fields)))
    known = "".join(f"k{k}, " for k in range(len(fields)))
    src(f"return asked, fired, ({absents}), ({needed}), ({known})")
    src.depth -= 1
    src("return evaluate")

    scope: dict[str, Any] = {}
    exec(compile(src.text(), "<advies plan>", "exec"), scope)  # our own generated code
    function = scope["factory"](
        tuple(checkers),
        {i: p.guard.code for i, p in enumerate(rules) if p.guard is not None},
        {i: p.condition for i, p in enumerate(rules) if p.condition is not None},
        {i: p.call for i, p in enumerate(rules) if p.condition is None},
        eval,
        types.SimpleNamespace,
    )
    return Evaluator(
        rules=rules,
        paths=tuple(paths),
        fields=tuple(fields),
        needs=tuple(needs),
        function=function,
        timed=timed,
    )


def _guard(src: _Source, i: int, absent: list[int]) -> None:
    """``[rule.applies]``: skip the rule when its facts are known and the guard is false."""
    if absent:
        src("ok = True")
        src(f"if not ({' or '.join(f'a{j}' for j in absent)}):")
        src.depth += 1
    src("try:")
    src(f"    ok = True if eval(g{i}, ns) else False")
    src("except Exception as e:")
    src(f"    fail({i}, 'applies failed: ', e)")
    src("    ok = False")
    if absent:
        src.depth -= 1
    src("if ok:")
    src.depth += 1


def _condition(src: _Source, i: int, *, call: bool) -> None:
    """The rule's condition; a rule that raises is recorded and stays silent."""
    test = f"w{i}(SNS(**ns))" if call else f"eval(c{i}, ns)"
    src("try:")
    src(f"    if {test}:")
    src(f"        fired.append({i})")
    src("except Exception as e:")
    src(f"    fail({i}, '', e)")
