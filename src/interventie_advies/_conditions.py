"""Validate and compile rule conditions once; check field paths against the project model.

A condition is one Python expression. evalidate whitelists the syntax and compiles it;
on top of that a typed walk checks every name and attribute path against the project
model (with a did-you-mean), so a typo in a rule fails when the rule is loaded. What
could grow without bound is refused here; a condition with loops is then compiled under
a step budget (``_budget``), so its cost stays bounded while it runs.
"""

from __future__ import annotations

import ast
import builtins
import functools
import types
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin

from pydantic import BaseModel

from ._budget import BUDGET, has_loops, instrument, under_budget
from ._facts import Facts
from ._load import suggest
from ._project import TABLES

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    import evalidate

__all__ = [
    "ALLOWED_FUNCTIONS",
    "ConditionError",
    "NeedPath",
    "Scope",
    "compile_condition",
    "compile_need",
    "namespace_names",
]


def _sum(values: Iterable[Any], /) -> Any:
    """``sum`` for conditions: numbers only (no start value, so no sum of lists or texts)."""
    return builtins.sum(values)


ALLOWED_FUNCTIONS: dict[str, Any] = {
    "any": any,
    "all": all,
    "len": len,
    "min": min,
    "max": max,
    "sum": _sum,
    "set": set,
}
#: how many arguments each function takes (at least, at most; None: no upper bound)
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

# NOTE: only constructs whose cost is bounded by the size of the project and the length of
# the expression; no Mult/Pow (so no "a" * 10**9), no lambdas, f-strings, slices or walrus.
_NODES = [
    "Expression",
    "Constant",
    "Name",
    "Load",
    "Store",
    "Attribute",
    "Subscript",
    "Index",
    "Compare",
    "Eq",
    "NotEq",
    "Gt",
    "GtE",
    "Lt",
    "LtE",
    "In",
    "NotIn",
    "Is",
    "IsNot",
    "BoolOp",
    "And",
    "Or",
    "UnaryOp",
    "Not",
    "USub",
    "BinOp",
    "Add",
    "Sub",
    "IfExp",
    "Call",
    "Tuple",
    "List",
    "Set",
    "GeneratorExp",
    "ListComp",
    "SetComp",
    "comprehension",
]
MAX_LENGTH = 2000
MAX_GENERATORS = 3
#: loops inside loops: their cost multiplies (500 partners × 500 activities at most)
MAX_NESTED_LOOPS = 2
MAX_DEPTH = 60


class ConditionError(ValueError):
    """A condition or needs path that cannot be accepted; the message says why."""


# NOTE: the types of the checker's walk are plain classes, not dataclasses: they are
# only made while a condition is checked (when the rules cache misses), and a dataclass
# costs about 1 ms to define at every start-up.


class _Model:
    __slots__ = ("model",)

    def __init__(self, model: type[BaseModel] | type[Facts]) -> None:
        self.model = model

    def fields(self) -> dict[str, Any]:
        if issubclass(self.model, Facts):
            return dict(self.model.annotations())
        return {name: f.annotation for name, f in self.model.model_fields.items()}


class _List:
    __slots__ = ("item",)

    def __init__(self, item: Any) -> None:
        self.item = item


class _Value:
    """Any plain value (text, number, date, enum, set)."""


_VALUE = _Value()


class _Deferred:
    """A value under ``extensions`` while the extensions are not known yet (see Scope)."""


_DEFERRED = _Deferred()


def _type_of(annotation: Any) -> Any:
    if isinstance(annotation, (_Model, _List, _Value)):
        return annotation
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        return _type_of(args[0]) if len(args) == 1 else _VALUE
    if origin is list or origin is tuple:
        return _List(_type_of(get_args(annotation)[0]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _Model(annotation)
    return _VALUE


@dataclass(frozen=True)
class Scope:
    """What a condition may read beside the built-in tables and facts.

    :param facts: names of facts plugins provide (``facts.NAME``).
    :param extensions: ``(NAME, model)`` pairs for ``extensions.NAME.field``.
    :param deferred: the extensions are not known yet: ``extensions.NAME.field`` paths
        are accepted (any names without a leading ``_``) and checked once every plugin's
        extensions are (``Engine`` does, through ``Rule.extension_problems``).
    """

    facts: tuple[str, ...] = ()
    extensions: tuple[tuple[str, type[BaseModel]], ...] = ()
    deferred: bool = False

    @classmethod
    def of(cls, value: Scope | Iterable[str] | None) -> Scope:
        """A Scope from a Scope, or from an iterable of plugin fact names."""
        if isinstance(value, Scope):
            return value
        return cls(facts=tuple(sorted(set(value or ()))))


class _Namespace:
    """``extensions``: one registered model per extension name."""

    __slots__ = ("members",)

    def __init__(self, members: tuple[tuple[str, Any], ...]) -> None:
        self.members = members

    def fields(self) -> dict[str, Any]:
        return dict(self.members)


def _root_types(scope: Scope) -> dict[str, Any]:
    return dict(_root_types_cached(scope))  # a copy: the checker binds loop names in it


@functools.lru_cache(maxsize=256)
def _root_types_cached(scope: Scope) -> dict[str, Any]:
    env: dict[str, Any] = {}
    for name, (model, is_list) in TABLES.items():
        env[name] = _List(_Model(model)) if is_list else _Model(model)
    env["facts"] = _FactsType(frozenset(scope.facts))
    env["extensions"] = (
        _DEFERRED
        if scope.deferred
        else _Namespace(tuple((n, _Model(m)) for n, m in scope.extensions))
    )
    return env


class _FactsType:
    __slots__ = ("extra",)

    def __init__(self, extra: frozenset[str]) -> None:
        self.extra = extra


def namespace_names() -> list[str]:
    """Names a condition can start from: the tables, ``facts`` and ``extensions``."""
    return [*TABLES, "facts", "extensions"]


class _Checker:
    def __init__(self, scope: Scope) -> None:
        self.env: dict[str, Any] = _root_types(scope)
        self.generators = 0
        self.loops = 0  # 'for' clauses around the node being checked
        self.deepest = 0
        #: field names read under ``extensions`` while the extensions are not known yet
        self.deferred: set[str] | None = None

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
        for operand in (node.left, *node.comparators):
            self.check(operand, depth)
        return _VALUE


def _item_of(value: Any) -> Any:
    """The type of an item of a value that is not a known list."""
    return _DEFERRED if value is _DEFERRED else _VALUE


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


def _field_names(models: Iterable[type[BaseModel]]) -> set[str]:
    names: set[str] = set()
    todo, seen = list(models), set()
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            names.add(name)
            inner = _type_of(info.annotation)
            while isinstance(inner, _List):
                inner = inner.item
            if isinstance(inner, _Model) and issubclass(inner.model, BaseModel):
                todo.append(inner.model)
    return names


@functools.lru_cache(maxsize=256)
def _eval_model(scope: Scope, deferred: frozenset[str] = frozenset()) -> evalidate.EvalModel:
    import evalidate  # only when a condition is compiled (not with the rules cache)

    tables = [model for model, _ in TABLES.values()]
    allowed = _field_names(tables) | set(Facts.annotations()) | set(scope.facts) | deferred
    allowed |= {name for name, _ in scope.extensions}
    allowed |= _field_names(model for _, model in scope.extensions)
    return evalidate.EvalModel(
        nodes=list(_NODES),
        allowed_functions=list(ALLOWED_FUNCTIONS),
        attributes=sorted(allowed),
    )


@functools.lru_cache(maxsize=8192)
def _compile_cached(text: str, scope: Scope) -> tuple[types.CodeType | ast.expr, bool]:
    return _compile(text, scope)


@functools.lru_cache(maxsize=8192)
def _labelled(text: str, scope: Scope, rule: str) -> types.CodeType:
    body, _ = _compile_cached(text, scope)
    assert isinstance(body, ast.expr)  # see compile_condition
    return compile(under_budget(body, rule), "<condition>", "eval")


def reads_deferred(text: str, scope: Scope) -> bool:
    """Whether a condition (valid in ``scope``) reads ``extensions`` not checked yet."""
    return scope.deferred and _compile_cached(text, scope)[1]


def compile_condition(
    text: str, scope: Scope | Iterable[str] | None = None, *, rule: str = ""
) -> types.CodeType:
    """Validate a condition and compile it once (cached by text, scope and rule).

    A condition with loops is compiled under a step budget (see ``_budget``) that names
    ``rule`` when the condition goes over it.

    :param scope: plugin facts and extension models the condition may read.
    :param rule: the code of the rule the condition belongs to, for the budget's error.
    :raises ConditionError: naming what is not allowed or which path does not exist.
    """
    if not isinstance(text, str):
        raise ConditionError("the condition must be text")
    scope = Scope.of(scope)
    found, _ = _compile_cached(text, scope)
    if isinstance(found, types.CodeType):
        return found
    return _labelled(text, scope, rule)


def _compile(text: str, scope: Scope) -> tuple[types.CodeType | ast.expr, bool]:
    """Validate a condition and compile it (uncached; see compile_condition).

    :returns: the code of a condition without loops; of one with loops, the instrumented
        tree of the expression, which compile_condition compiles per rule. And whether
        it reads ``extensions`` that are not known yet (``scope.deferred``).
    :raises ConditionError: naming what is not allowed or which path does not exist.
    """
    if not isinstance(text, str) or not text.strip():
        raise ConditionError("the condition is empty")
    if len(text) > MAX_LENGTH:
        raise ConditionError(f"the condition is longer than {MAX_LENGTH} characters")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SyntaxWarning)  # "\d" in a text, Python 3.12+
            warnings.simplefilter("ignore", DeprecationWarning)  # the same before 3.12
            tree = ast.parse(text.strip(), "<condition>", "eval")
    except SyntaxError as exc:
        raise ConditionError(f"syntax error: {exc.msg} (column {exc.offset})") from None
    except (ValueError, RecursionError, MemoryError):
        raise ConditionError("the condition cannot be parsed") from None
    checker = _Checker(scope)
    try:
        checker.check(tree)
    except RecursionError:
        raise ConditionError("the expression is nested too deeply") from None
    if checker.deepest > MAX_NESTED_LOOPS:
        raise ConditionError(
            f"at most {MAX_NESTED_LOOPS} 'for' clauses may run inside each other "
            "(their cost multiplies); use separate any(...) or all(...) instead"
        )
    # NOTE: evalidate is the second gate: its whitelist must agree with the typed walk above.
    import evalidate

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SyntaxWarning)
            model = _eval_model(scope, frozenset(checker.deferred or ()))
            expr = evalidate.Expr(ast.unparse(tree), model=model)
    except evalidate.EvalException as exc:
        detail = str(exc.exc if isinstance(exc, evalidate.CompilationException) else exc)
        detail = detail.replace(". (whitelist it manually)", "")
        raise ConditionError(f"not allowed in a condition: {detail}") from None
    except RecursionError:
        raise ConditionError("the expression is nested too deeply") from None
    if has_loops(tree):
        # NOTE: the tree evalidate validated (it compiled the same text), with loops counted
        return instrument(tree.body), checker.deferred is not None
    code: types.CodeType = expr.code
    return code, checker.deferred is not None


@dataclass(frozen=True)
class NeedPath:
    """A compiled ``needs`` path: ``table.field``, ``list[].field``, ``facts.name``."""

    text: str
    steps: tuple[tuple[str, bool], ...]

    def absent(self, namespace: Mapping[str, Any]) -> bool:
        """True when the fact is not described in the project (ask rather than guess)."""
        values: list[Any] = [namespace]
        first = True
        for name, through_list in self.steps:
            next_values: list[Any] = []
            for value in values:
                item = value.get(name) if first else getattr(value, name, None)
                if item is None:
                    return True
                if through_list:
                    next_values.extend(item)
                else:
                    next_values.append(item)
            values = next_values
            first = False
        return False


def compile_need(text: str, scope: Scope | Iterable[str] | None = None) -> NeedPath:
    """Check a ``needs`` path against the project model and compile it (cached)."""
    if not isinstance(text, str):
        raise ConditionError("a needs path must be text")
    return _compile_need(text, Scope.of(scope))


@functools.lru_cache(maxsize=8192)
def _compile_need(text: str, scope: Scope) -> NeedPath:
    if not isinstance(text, str) or not text:
        raise ConditionError("a needs path must be non-empty text")
    parts = text.split(".")
    steps: list[tuple[str, bool]] = []
    env = _root_types(scope)
    current: Any = None
    for i, part in enumerate(parts):
        through = part.endswith("[]")
        name = part[:-2] if through else part
        if i == 0:
            if name not in env:
                hint = suggest(name, env)
                raise ConditionError(
                    f"needs path {text!r}: unknown table {name!r}"
                    + (f"; did you mean {hint!r}?" if hint else "")
                )
            current = env[name]
        elif current is _DEFERRED:  # checked when the extensions are known
            if name.startswith("_"):
                raise ConditionError(f"needs path {text!r}: no field {name!r}")
        elif isinstance(current, _FactsType):
            known = Facts.annotations()
            if name not in known and name not in current.extra:
                hint = suggest(name, [*known, *current.extra])
                raise ConditionError(
                    f"needs path {text!r}: unknown fact {name!r}"
                    + (f"; did you mean {hint!r}?" if hint else "")
                )
            current = _type_of(known.get(name, Any))
        elif isinstance(current, (_Model, _Namespace)):
            fields = current.fields()
            if name not in fields:
                hint = suggest(name, fields)
                raise ConditionError(
                    f"needs path {text!r}: no field {name!r}"
                    + (f"; did you mean {hint!r}?" if hint else "")
                )
            current = _type_of(fields[name])
        else:
            raise ConditionError(f"needs path {text!r}: {parts[i - 1]!r} has no fields")
        if through and current is not _DEFERRED:
            if not isinstance(current, _List):
                raise ConditionError(f"needs path {text!r}: {name!r} is not a list, drop the []")
            current = current.item
        elif isinstance(current, _List) and i < len(parts) - 1:
            raise ConditionError(
                f"needs path {text!r}: {name!r} is a list; write {name}[] to go through its items"
            )
        steps.append((name, through))
    return NeedPath(text, tuple(steps))
