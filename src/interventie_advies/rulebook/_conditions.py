"""Validate and compile rule conditions once; check field paths against the project model.

A condition is one Python expression. A typed walk (``_condition_check``, over the types
of ``_condition_scope``) checks every name and attribute path against the project model
(with a did-you-mean), so a typo in a rule fails when the rule is loaded, and refuses what
could grow without bound; then evalidate whitelists the syntax and compiles it. A
condition with loops is compiled under a step budget (``_budget``), so its cost stays
bounded while it runs. ``needs`` paths are checked in ``_needs``.
"""

from __future__ import annotations

import ast
import functools
import types
import warnings
from typing import TYPE_CHECKING

from pydantic import BaseModel

from ..project._facts import Facts
from ..project._model import TABLES
from ._budget import has_loops, instrument, under_budget
from ._condition_check import MAX_DEPTH, MAX_GENERATORS, MAX_LENGTH, MAX_NESTED_LOOPS, Checker
from ._condition_scope import (
    ALLOWED_FUNCTIONS,
    ConditionError,
    Scope,
    _List,
    _Model,
    _type_of,
    namespace_names,
)
from ._needs import NeedPath, compile_need

if TYPE_CHECKING:
    from collections.abc import Iterable

    import evalidate

__all__ = [
    "ALLOWED_FUNCTIONS",
    "MAX_DEPTH",
    "MAX_GENERATORS",
    "MAX_LENGTH",
    "MAX_NESTED_LOOPS",
    "ConditionError",
    "NeedPath",
    "Scope",
    "compile_condition",
    "compile_need",
    "namespace_names",
    "reads_deferred",
]

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
    checker = Checker(scope)
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
            # NOTE: evalidate's own walk over the tree parsed above, which is what
            # evalidate.Expr would parse from the same text (a third of loading a
            # condition went to writing the tree out and parsing it again)
            evalidate.SafeAST(model=model).visit(tree)
            loops = has_loops(tree)
            code = None if loops else compile(tree, "<usercode>", "eval")
    except evalidate.EvalException as exc:
        detail = str(exc.exc if isinstance(exc, evalidate.CompilationException) else exc)
        detail = detail.replace(". (whitelist it manually)", "")
        raise ConditionError(f"not allowed in a condition: {detail}") from None
    except RecursionError:
        raise ConditionError("the expression is nested too deeply") from None
    # NOTE: _rebuild compiles the shipped built-in conditions as this does (the same file
    # names, the same rewrite); tests/test_builtin_shipped.py compares the code objects
    if code is None:
        # NOTE: the tree evalidate validated, with loops counted
        return instrument(tree.body, checker.sized), checker.deferred is not None
    return code, checker.deferred is not None
