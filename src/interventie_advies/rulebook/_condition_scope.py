"""What a condition can read, as types: the tables, ``facts`` and ``extensions``.

The typed walk (``_condition_check``) and the ``needs`` paths (``_needs``) both look names
and fields up here, against the project model and the facts.
"""

from __future__ import annotations

import builtins
import functools
import types
from typing import TYPE_CHECKING, Any, NamedTuple, Union, get_args, get_origin

from pydantic import BaseModel

from ..project._facts import Facts
from ..project._model import TABLES

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["ALLOWED_FUNCTIONS", "ConditionError", "Scope", "namespace_names"]


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


class _Sized(_Value):
    """A set or mapping (``facts.partner_names``): comparing it costs its size."""


_SIZED = _Sized()


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
    if origin in (set, frozenset, dict):
        return _SIZED
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _Model(annotation)
    return _VALUE


class Scope(NamedTuple):
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

    # NOTE: a NamedTuple, not a frozen dataclass: it is a cache key (equal by value,
    # hashable) all the same, and defining it costs start-up a third of a dataclass

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


def _item_of(value: Any) -> Any:
    """The type of an item of a value that is not a known list."""
    return _DEFERRED if value is _DEFERRED else _VALUE
