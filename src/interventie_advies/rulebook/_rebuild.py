"""Rebuild validated rules from trusted data, without validating them again.

The built-in rules are shipped as the Python source of their validated form
(``plugins/_builtin_data.py``, written by ``plugins/_generate.py``): calls of a
:class:`Builder`, which makes each model as validation made it (its fields, the fields
set, its private attributes) and compiles each condition as ``compile_condition`` does.
That skips parsing the TOML, validating with pydantic, evalidate and the typed walk over
each condition: most of what loading the rule files cost (docs/performance.md).
"""

from __future__ import annotations

import ast
import functools
import warnings
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from ._budget import instrument, under_budget
from ._needs import NeedPath

if TYPE_CHECKING:
    import types
    from collections.abc import Callable

__all__ = ["Builder"]

M = TypeVar("M", bound=BaseModel)


class Builder:
    """What the generated ``build`` calls: models, conditions and ``needs`` paths.

    Conditions are compiled as ``compile_condition`` compiles them, each text once: one
    without loops as it is; one with loops under its step budget (``_budget``), with the
    comparisons the typed walk found sized given by their place in ``ast.walk``.
    """

    def __init__(self) -> None:
        self._shapes: dict[type[BaseModel], _Shape] = {}
        self._codes: dict[tuple[str, str, tuple[int, ...] | None], types.CodeType] = {}

    def model(self, cls: type[M], /, _private: dict[str, Any] | None = None, **values: Any) -> M:
        """A validated model rebuilt: the fields that were set and its private attributes.

        What ``model_construct`` does (``__dict__`` in field order, the fields set, the
        defaults of the others, the private attributes' defaults and values), for
        trusted values: no aliases, no extra fields, the required fields all given.
        """
        shape = self._shapes.get(cls) or self._shape(cls)
        state = {**shape.defaults, **values}  # NOTE: the defaults' order is the fields'
        for name, fresh in shape.fresh:
            if name not in values:
                state[name] = fresh()
        model = cls.__new__(cls)
        _set(model, "__dict__", state)
        _set(model, "__pydantic_fields_set__", set(values))
        _set(model, "__pydantic_extra__", None)
        # NOTE: None without private attributes, as pydantic leaves it (== compares it)
        private = shape.private
        if private is not None:
            private = {**private, **(_private or {})}
        _set(model, "__pydantic_private__", private)
        return model

    def _shape(self, cls: type[BaseModel]) -> _Shape:
        defaults: dict[str, Any] = {}
        fresh = []
        for name, info in cls.model_fields.items():
            default = None if info.is_required() else info.get_default()
            defaults[name] = default
            if info.default_factory is not None or type(default) not in _CONSTANT:
                # NOTE: a list or a factory's value: a new one for each model, as pydantic
                fresh.append((name, functools.partial(info.get_default, call_default_factory=True)))
        private: dict[str, Any] | None = None
        if cls.__private_attributes__:
            private = {}
            for name, attr in cls.__private_attributes__.items():
                default = attr.get_default()
                if default is not PydanticUndefined:
                    private[name] = default
        shape = self._shapes[cls] = _Shape(defaults, tuple(fresh), private)
        return shape

    def condition(
        self, text: str, rule: str = "", sized: tuple[int, ...] | None = None
    ) -> types.CodeType:
        """The compiled condition ``text``; ``sized`` is None for one without loops."""
        key = (text, rule, sized)
        code = self._codes.get(key)
        if code is None:
            code = self._codes[key] = _compile(text, rule, sized)
        return code

    @staticmethod
    def need(text: str, steps: tuple[tuple[str, bool], ...]) -> NeedPath:
        """A compiled ``needs`` path."""
        return NeedPath(text, steps)


class _Shape(NamedTuple):
    """How a model class is rebuilt: its fields' defaults, in order."""

    #: every field and its default (None for a required field: it is always given)
    defaults: dict[str, Any]
    #: the fields whose default is made anew for each model
    fresh: tuple[tuple[str, Callable[[], Any]], ...]
    #: the private attributes' defaults (None: it has none)
    private: dict[str, Any] | None


#: defaults that may be shared by every model (the others are made for each)
_CONSTANT = frozenset({type(None), bool, int, float, str, tuple})

_set = object.__setattr__


def _compile(text: str, rule: str, sized: tuple[int, ...] | None) -> types.CodeType:
    """Compile a checked condition exactly as ``_conditions.compile_condition`` does."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)  # "\d" in a text, Python 3.12+
        warnings.simplefilter("ignore", DeprecationWarning)  # the same before 3.12
        if sized is None:
            return compile(text.strip(), "<usercode>", "eval")
        tree = ast.parse(text.strip(), "<condition>", "eval")
    nodes = list(ast.walk(tree)) if sized else []  # NOTE: most have none; a walk costs
    body = instrument(tree.body, {id(nodes[i]) for i in sized})
    return compile(under_budget(body, rule), "<condition>", "eval")
