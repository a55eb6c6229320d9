"""``needs`` paths (``table.field``, ``list[].field``, ``facts.name``), checked and compiled."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, NamedTuple

from .._suggest import suggest
from ..project._facts import Facts
from ._condition_scope import (
    _DEFERRED,
    ConditionError,
    Scope,
    _FactsType,
    _List,
    _Model,
    _Namespace,
    _root_types,
    _type_of,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = ["NeedPath", "compile_need"]


class NeedPath(NamedTuple):
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
