"""The step budget of a condition: every loop counted, so no rule file can hang a run.

A condition that loops (a generator, list or set comprehension) is rewritten after it has
been validated and before it is compiled, so that its cost is counted while it runs:

- it starts with ``_advies_steps.start(rule)``: each evaluation gets a fresh budget
  of :data:`MAX_STEPS` (a plain ``eval(code, namespace)`` per rule is all it takes);
- every ``for`` goes through ``_advies_steps.each(items)``: one step per item, charged
  at once when the loop starts over a list, set, tuple or text (all of them are);
- inside a loop, what costs the size of a value is charged that size each time: the
  right side of ``in`` and ``not in``, the one argument of ``any``, ``all``, ``min``,
  ``max``, ``sum`` and ``set``, both sides of ``-``, and both sides of ``+`` (texts
  too: joining texts in a loop is how a value can grow).

Going over the budget raises :class:`StepLimitError`, which the run records as that
rule's error (the report's ``errors``) while the other rules go on. The steps of all the
conditions of one run together are bounded too (:data:`MAX_RUN_STEPS`), so a rule file
with thousands of expensive rules cannot hang a run either.

The budget object lives in the run's namespace under :data:`BUDGET`, a name no condition
can read or bind (the checker in ``_conditions`` refuses it), one per run: runs on other
threads never share one. Conditions without a loop are left as they are: their cost is
bounded by the size of the project and the length of the condition.
"""

from __future__ import annotations

import ast
import datetime as dt
from typing import TYPE_CHECKING, Any

from ..messages._i18n import current_error_language, t

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Iterator

__all__ = [
    "BUDGET",
    "MAX_RUN_STEPS",
    "MAX_STEPS",
    "StepBudget",
    "StepLimitError",
    "has_loops",
    "instrument",
    "under_budget",
]

#: the name of the run's budget in the namespace; the checker refuses it in conditions
BUDGET = "_advies_steps"
#: steps one evaluation of one condition may take; two loops inside each other over the
#: largest lists a project may have (500 items) take 250,500
MAX_STEPS = 1_000_000
#: steps all conditions of one run may take together
MAX_RUN_STEPS = 5_000_000

#: the functions whose cost grows with the size of their one argument
_SIZED_CALLS = frozenset({"any", "all", "min", "max", "sum", "set"})
#: values whose size is not counted; a text only where it is joined (see ``plus``)
_UNCOUNTED = frozenset({str, int, float, bool, type(None), dt.date, dt.datetime, dt.timedelta})
_NOT_JOINED = _UNCOUNTED - {str}


def _length(value: Any) -> int:
    try:
        return len(value)
    except TypeError:  # no size: the operation itself will say what is wrong
        return 0


class StepLimitError(RuntimeError):
    """A condition went over its step budget; the run records it as the rule's error."""


def _number(value: int) -> str:
    text = f"{value:,}"
    return text if current_error_language() == "en" else text.replace(",", ".")


class StepBudget:
    """Counts the steps of the conditions of one run (one object per run's namespace).

    NOTE: these methods run inside conditions, up to once per item of a loop; they avoid
    ``min``, ``max`` and ``isinstance`` with tuples, which cost several times a method call.
    """

    __slots__ = ("cap", "left", "rule", "run_left")

    def __init__(self) -> None:
        self.cap = self.left = MAX_STEPS
        self.run_left = MAX_RUN_STEPS
        self.rule = ""

    def start(self, rule: str) -> None:
        """Begin one evaluation of ``rule``'s condition with a fresh budget.

        Returns None, so the rewritten condition ``start(rule) or condition`` has the value
        of the condition itself.
        """
        left = self.run_left - (self.cap - self.left)  # less what the last one used
        self.run_left = left
        if left > MAX_STEPS:
            left = MAX_STEPS
        elif left < 0:
            left = 0
        self.cap = self.left = left
        self.rule = rule

    def each(self, items: Iterable[Any]) -> Iterable[Any]:
        """The items a ``for`` goes through, charged one step each."""
        try:
            n = len(items)  # type: ignore[arg-type]
        except TypeError:  # no size (a generator): count the items one by one
            return self._counted(iter(items))
        self.left -= n
        if self.left < 0:
            self.stop()
        return items

    def _counted(self, items: Iterator[Any]) -> Iterator[Any]:
        for item in items:
            self.left -= 1
            if self.left < 0:
                self.stop()
            yield item

    def size(self, value: Any) -> Any:
        """``value``, charged one step per item when it is a collection (not a text)."""
        if type(value) not in _UNCOUNTED:
            try:
                self.left -= len(value)
            except TypeError:  # no size: a model, or a value the operation will refuse
                return value
            if self.left < 0:
                self.stop()
        return value

    def plus(self, left: Any, right: Any) -> Any:
        """``left + right``, charged the sizes of both first (texts by their characters)."""
        if type(left) not in _NOT_JOINED:
            self.left -= _length(left)
        if type(right) not in _NOT_JOINED:
            self.left -= _length(right)
        if self.left < 0:
            self.stop()
        return left + right

    def stop(self) -> None:
        """Raise the error that stops this evaluation."""
        what = (
            t(nl="regel {r}", en="rule {r}", r=self.rule)
            if self.rule
            else t(nl="voorwaarde", en="condition")
        )
        if self.cap < MAX_STEPS:
            raise StepLimitError(
                t(
                    nl="{w} gestopt: de voorwaarden van deze run namen samen meer dan {n} stappen",
                    en="{w} stopped: the conditions of this run took more than {n} steps together",
                    w=what,
                    n=_number(MAX_RUN_STEPS),
                )
            )
        raise StepLimitError(
            t(
                nl="{w} gestopt: meer dan {n} stappen (de lussen liepen door te veel items)",
                en="{w} stopped: more than {n} steps (its loops went through too many items)",
                w=what,
                n=_number(MAX_STEPS),
            )
        )


# -- the rewrite ------------------------------------------------------------------------------

_COMPREHENSIONS = (ast.GeneratorExp, ast.ListComp, ast.SetComp)


def has_loops(tree: ast.AST) -> bool:
    """Whether a condition's syntax tree has a comprehension (only those need a budget)."""
    return any(isinstance(node, _COMPREHENSIONS) for node in ast.walk(tree))


def _method(name: str, *args: ast.expr, at: ast.expr) -> ast.Call:
    """``BUDGET.name(*args)``, its new nodes placed where ``at`` stands.

    NOTE: ``ast.fix_missing_locations`` would give each new node the location of its
    nearest ancestor that has one: always a node of the parsed condition, ``at``. Placed
    here, no walk over the whole tree is needed (a third of compiling a condition with
    loops; tests/test_budget_locations.py checks the trees are the same).
    """
    where: dict[str, Any] = {
        "lineno": at.lineno,
        "col_offset": at.col_offset,
        "end_lineno": at.end_lineno,
        "end_col_offset": at.end_col_offset,
    }
    func = ast.Attribute(ast.Name(BUDGET, ast.Load(), **where), name, ast.Load(), **where)
    return ast.Call(func, list(args), [], **where)


def _literal(node: ast.expr) -> bool:
    """A constant, or a tuple, list or set of constants: its size is in the condition."""
    if isinstance(node, ast.Constant):
        return True
    return isinstance(node, (ast.Tuple, ast.List, ast.Set)) and all(
        isinstance(e, ast.Constant) for e in node.elts
    )


def _number_literal(node: ast.expr) -> bool:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node = node.operand
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, (int, float))
        and not isinstance(node.value, bool)
    )


class _Rewriter:
    """Put the budget's calls into a validated condition (see the module docstring)."""

    def __init__(self, sized: Collection[int]) -> None:
        self.sized = sized

    def visit(self, node: ast.expr, looping: bool, parent: ast.expr) -> ast.expr:
        """``node`` rewritten; ``parent`` is the parsed node it stands in (for locations)."""
        if isinstance(node, _COMPREHENSIONS):
            return self._comprehension(node, looping)
        if looping and isinstance(node, ast.Compare):
            return self._compare(node)
        if looping and isinstance(node, ast.Call):
            return self._call(node)
        if looping and isinstance(node, ast.BinOp):
            return self._binop(node, parent)
        for name, value in ast.iter_fields(node):
            if isinstance(value, ast.expr):
                setattr(node, name, self.visit(value, looping, node))
            elif isinstance(value, list):
                setattr(
                    node,
                    name,
                    [self.visit(v, looping, node) if isinstance(v, ast.expr) else v for v in value],
                )
        return node

    def _comprehension(
        self, node: ast.GeneratorExp | ast.ListComp | ast.SetComp, looping: bool
    ) -> ast.expr:
        for i, gen in enumerate(node.generators):
            # NOTE: the first iterable is evaluated once, outside the loop; the others per item
            gen.iter = _method("each", self.visit(gen.iter, looping or i > 0, node), at=node)
            gen.ifs = [self.visit(cond, True, node) for cond in gen.ifs]
        node.elt = self.visit(node.elt, True, node)
        return node

    def _compare(self, node: ast.Compare) -> ast.expr:
        sized = id(node) in self.sized  # lists, sets or items compared: each costs its size
        node.left = self.visit(node.left, True, node)
        if sized and not _literal(node.left):
            node.left = _method("size", node.left, at=node)
        comparators = []
        for op, right in zip(node.ops, node.comparators, strict=True):
            right = self.visit(right, True, node)
            if (
                (sized or isinstance(op, (ast.In, ast.NotIn)))
                and not _literal(right)
                and not isinstance(right, _COMPREHENSIONS)  # those count their own items
            ):
                right = _method("size", right, at=node)
            comparators.append(right)
        node.comparators = comparators
        return node

    def _call(self, node: ast.Call) -> ast.expr:
        node.args = [self.visit(arg, True, node) for arg in node.args]
        if (
            isinstance(node.func, ast.Name)
            and node.func.id in _SIZED_CALLS
            and len(node.args) == 1
            and not _literal(node.args[0])
            and not isinstance(node.args[0], _COMPREHENSIONS)
        ):
            node.args = [_method("size", node.args[0], at=node)]
        return node

    def _binop(self, node: ast.BinOp, parent: ast.expr) -> ast.expr:
        numbers = _number_literal(node.left) or _number_literal(node.right)
        if not numbers and isinstance(node.op, ast.Add):
            # NOTE: a call takes node's place: what is made inside it stands in ``parent``
            left, right = self.visit(node.left, True, parent), self.visit(node.right, True, parent)
            return _method("plus", left, right, at=parent)
        left, right = self.visit(node.left, True, node), self.visit(node.right, True, node)
        if numbers:
            node.left, node.right = left, right  # a number: the result is one too (or fails)
            return node
        node.left, node.right = _method("size", left, at=node), _method("size", right, at=node)
        return node


def instrument(body: ast.expr, sized: Collection[int] = ()) -> ast.expr:
    """The condition ``body`` (validated, with loops) with its loops and sizes counted.

    :param sized: the comparisons (``id`` of their nodes) whose operands are lists, sets
        or items, as the checker typed them: in a loop, each side is charged its size.

    The tree is changed in place; pass a copy to keep the original.
    """
    return _Rewriter(sized).visit(body, False, body)


def under_budget(body: ast.expr, rule: str) -> ast.Expression:
    """``start(rule) or body``: an instrumented condition that starts a fresh budget.

    ``body`` is not changed (compiling does not change a tree), so one instrumented body
    serves every rule with the same condition.
    """
    # NOTE: ``body`` has its locations (see instrument): only the new nodes get theirs,
    # as fix_missing_locations on the whole tree would give them, without walking ``body``
    start = _method("start", ast.Constant(rule), at=body)
    start.args[0] = ast.copy_location(start.args[0], body)
    either = ast.BoolOp(ast.Or(), [start, body], lineno=1, col_offset=0)
    either.end_lineno, either.end_col_offset = 1, 0
    return ast.Expression(either)
