"""The typed walk over a condition: names, field paths, calls, loops and operators.

It knows the project model (``_condition_scope``), so a typo is refused with a
did-you-mean, and it refuses what could grow without bound (``*``, ``sum(x, [])``, loops
inside loops) before evalidate's whitelist is asked (``_conditions``).
"""

from __future__ import annotations

import ast
from typing import Any

from .._suggest import suggest
from ..project._facts import Facts
from ..project._model import TABLES
from ._budget import BUDGET
from ._condition_scope import (
    _DEFERRED,
    _VALUE,
    ALLOWED_FUNCTIONS,
    ConditionError,
    Scope,
    _FactsType,
    _item_of,
    _List,
    _Model,
    _Namespace,
    _root_types,
    _Sized,
    _type_of,
    namespace_names,
)

__all__ = ["MAX_DEPTH", "MAX_GENERATORS", "MAX_LENGTH", "MAX_NESTED_LOOPS", "Checker"]

MAX_LENGTH = 2000
MAX_GENERATORS = 3
#: loops inside loops: their cost multiplies (500 partners × 500 activities at most)
MAX_NESTED_LOOPS = 2
MAX_DEPTH = 60

_ARITY: dict[str, tuple[int, int | None]] = {
    "any": (1, 1),
    "all": (1, 1),
    "len": (1, 1),
    "min": (1, None),
    "max": (1, None),
    "sum": (1, 1),
    "set": (0, 1),
}
_OPERATORS = {
    ast.Mult: "*",
    ast.Pow: "**",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.BitAnd: "&",
    ast.BitOr: "|",
    ast.BitXor: "^",
    ast.MatMult: "@",
}


class Checker:
    """Check one condition's syntax tree; ``deepest`` and ``deferred`` tell what it found."""

    def __init__(self, scope: Scope) -> None:
        self.env: dict[str, Any] = _root_types(scope)
        self.generators = 0
        self.loops = 0  # 'for' clauses around the node being checked
        self.deepest = 0
        #: field names read under ``extensions`` while the extensions are not known yet
        self.deferred: set[str] | None = None
        #: the comparisons of collections or items (``id`` of their nodes), see ``_budget``
        self.sized: set[int] = set()

    def check(self, node: ast.AST, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            raise ConditionError("the expression is nested too deeply")
        method = getattr(self, f"_{type(node).__name__}", None)
        if method is not None:
            return method(node, depth + 1)
        for child in ast.iter_child_nodes(node):
            self.check(child, depth + 1)
        return _VALUE

    def _Name(self, node: ast.Name, depth: int) -> Any:
        if node.id in self.env:
            found = self.env[node.id]
            if found is _DEFERRED and self.deferred is None:
                self.deferred = set()
            return found
        if node.id in ALLOWED_FUNCTIONS:
            raise ConditionError(f"{node.id} can only be called, as {node.id}(...)")
        hint = suggest(node.id, [*self.env, *ALLOWED_FUNCTIONS])
        known = ", ".join(namespace_names())
        raise ConditionError(
            f"unknown name {node.id!r}"
            + (f"; did you mean {hint!r}?" if hint else f" (names: {known})")
        )

    def _Attribute(self, node: ast.Attribute, depth: int) -> Any:
        base = self.check(node.value, depth)
        where = ast.unparse(node.value)
        if base is _DEFERRED:  # checked when the extensions are known
            if node.attr.startswith("_"):
                raise ConditionError(f"{where} has no field {node.attr!r}")
            assert self.deferred is not None  # set when the name was read
            self.deferred.add(node.attr)
            return _DEFERRED
        if isinstance(base, _FactsType):
            known = Facts.annotations()
            if node.attr in known:
                return _type_of(known[node.attr])
            if node.attr in base.extra:
                return _VALUE
            hint = suggest(node.attr, [*known, *base.extra])
            raise ConditionError(
                f"unknown fact {where}.{node.attr}"
                + (f"; did you mean {where}.{hint}?" if hint else "")
            )
        if isinstance(base, (_Model, _Namespace)):
            fields = base.fields()
            if node.attr not in fields:
                hint = suggest(node.attr, fields)
                raise ConditionError(
                    f"{where} has no field {node.attr!r}"
                    + (f"; did you mean {where}.{hint}?" if hint else "")
                    + f" (fields: {', '.join(fields)})"
                )
            return _type_of(fields[node.attr])
        if isinstance(base, _List):
            raise ConditionError(
                f"{where} is a list; read its items with e.g. any(x.{node.attr} for x in {where})"
            )
        raise ConditionError(f"attribute {node.attr!r} cannot be read from {where}")

    def _Subscript(self, node: ast.Subscript, depth: int) -> Any:
        base = self.check(node.value, depth)
        index = node.slice
        if isinstance(index, ast.UnaryOp) and isinstance(index.op, ast.USub):
            index = index.operand  # a negative constant, e.g. activities[-1]
        if not (isinstance(index, ast.Constant) and isinstance(index.value, int)):
            raise ConditionError("only indexing with a constant whole number is allowed, e.g. x[0]")
        return base.item if isinstance(base, _List) else _item_of(base)

    def _Call(self, node: ast.Call, depth: int) -> Any:
        if not (isinstance(node.func, ast.Name) and node.func.id in ALLOWED_FUNCTIONS):
            allowed = ", ".join(ALLOWED_FUNCTIONS)
            raise ConditionError(f"only these functions can be called: {allowed}")
        if node.keywords:
            raise ConditionError("keyword arguments are not allowed in a condition")
        name = node.func.id
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                raise ConditionError("*arguments are not allowed in a condition")
        if name == "sum" and len(node.args) > 1:
            raise ConditionError(
                "sum(...) takes one argument, the numbers to add: a start value such as "
                "sum(x, []) would add lists, whose cost grows with the square of the items"
            )
        if name == "sum" and node.args and _not_numbers(node.args[0]):
            raise ConditionError(
                "sum(...) adds numbers only, not lists, sets or texts "
                "(adding those up costs the square of the items); use len(...) or any(...)"
            )
        least, most = _ARITY[name]
        if len(node.args) < least or (most is not None and len(node.args) > most):
            count = f"{least}" if least == most else f"{least} or {most}"
            raise ConditionError(
                f"{name}(...) takes {count} argument{'s' if count != '1' else ''}, "
                f"not {len(node.args)}"
            )
        for arg in node.args:
            self.check(arg, depth)
        return _VALUE

    def _BinOp(self, node: ast.BinOp, depth: int) -> Any:
        if not isinstance(node.op, (ast.Add, ast.Sub)):
            symbol = _OPERATORS.get(type(node.op), type(node.op).__name__)
            raise ConditionError(
                f"the operator {symbol} is not allowed in a condition "
                "(it can make a value grow without bound); only + and - are"
            )
        self.check(node.left, depth)
        self.check(node.right, depth)
        return _VALUE

    def _comprehension_scope(self, node: ast.AST, parts: list[ast.AST], depth: int) -> Any:
        saved, loops = dict(self.env), self.loops
        try:
            for gen in node.generators:  # type: ignore[attr-defined]
                self.generators += 1
                if self.generators > MAX_GENERATORS:
                    raise ConditionError(
                        f"at most {MAX_GENERATORS} 'for' clauses are allowed in one condition"
                    )
                if not isinstance(gen.target, ast.Name):
                    raise ConditionError("a comprehension must bind one plain name")
                if gen.is_async:
                    raise ConditionError("async comprehensions are not allowed")
                source = self.check(gen.iter, depth)
                self.loops += 1  # what follows runs once per item
                self.deepest = max(self.deepest, self.loops)
                if gen.target.id in TABLES or gen.target.id in ("facts", "extensions"):
                    raise ConditionError(f"{gen.target.id!r} is a table name; pick another name")
                if gen.target.id == BUDGET:  # the run's step budget (see _budget)
                    raise ConditionError(f"{gen.target.id!r} is a reserved name; pick another")
                self.env[gen.target.id] = (
                    source.item if isinstance(source, _List) else _item_of(source)
                )
                for cond in gen.ifs:
                    self.check(cond, depth)
            for part in parts:
                self.check(part, depth)
        finally:
            self.env, self.loops = saved, loops
        return _VALUE

    def _GeneratorExp(self, node: ast.GeneratorExp, depth: int) -> Any:
        return self._comprehension_scope(node, [node.elt], depth)

    def _ListComp(self, node: ast.ListComp, depth: int) -> Any:
        return self._comprehension_scope(node, [node.elt], depth)

    def _SetComp(self, node: ast.SetComp, depth: int) -> Any:
        return self._comprehension_scope(node, [node.elt], depth)

    def _Constant(self, node: ast.Constant, depth: int) -> Any:
        if isinstance(node.value, (bytes, complex)) or node.value is Ellipsis:
            raise ConditionError(f"the literal {node.value!r} is not allowed")
        if isinstance(node.value, int) and abs(node.value) > 10**12:
            raise ConditionError("numbers in conditions are limited to 12 digits")
        return _VALUE

    def _Compare(self, node: ast.Compare, depth: int) -> Any:
        for op, right in zip(node.ops, node.comparators, strict=False):
            if isinstance(op, (ast.Is, ast.IsNot)) and not (
                isinstance(right, ast.Constant)
                and (right.value is None or isinstance(right.value, bool))
            ):
                raise ConditionError("'is' and 'is not' may only compare with True, False or None")
        kinds = [self.check(operand, depth) for operand in (node.left, *node.comparators)]
        if any(isinstance(kind, (_List, _Model, _Sized)) for kind in kinds) and any(
            isinstance(op, _BY_VALUE) for op in node.ops
        ):
            # NOTE: comparing lists, sets or items costs their size: counted in loops
            self.sized.add(id(node))
        return _VALUE


#: comparisons that look at the values (``is`` looks at identity, ``in`` is counted apart)
_BY_VALUE = (ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE)
_COLLECTION_NODES = (ast.List, ast.Tuple, ast.Set, ast.ListComp, ast.SetComp, ast.GeneratorExp)


def _not_numbers(node: ast.expr) -> bool:
    """Whether ``node`` is plainly a collection of lists, sets or texts (as sum's argument)."""
    if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
        items = [node.elt]
    elif isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        items = node.elts
    else:
        return False
    return any(
        isinstance(item, _COLLECTION_NODES)
        or (isinstance(item, ast.Constant) and isinstance(item.value, str))
        for item in items
    )
