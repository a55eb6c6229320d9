"""The engine's execution plan: every rule compiled once into plain, fast values.

NOTE: reading a pydantic model's private attributes goes through ``__getattr__`` and costs
microseconds; with dozens of rules and their needs per project that dominated advising.
The plan copies what evaluation reads into slotted objects once per engine.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ._questions import field_to_fill, table_of

if TYPE_CHECKING:
    import types

    from ._conditions import NeedPath
    from ._rules import LocalText, Rule

__all__ = ["Need", "Planned", "Step", "absent_checker", "plan"]

Absent = Callable[[dict[str, Any]], bool]


@dataclass(frozen=True, slots=True)
class Need:
    """One fact a rule needs: its path, what users fill in, and a fast absence check."""

    text: str
    field: str
    table: str
    absent: Absent
    path: NeedPath


@dataclass(frozen=True, slots=True)
class Step:
    """A compiled guard (``applies``) or priority adjustment."""

    code: types.CodeType
    needs: tuple[Absent, ...]
    priority: str | None = None
    reason: LocalText | None = None


@dataclass(frozen=True, slots=True)
class Planned:
    """A rule as the engine runs it."""

    rule: Rule
    code: str
    element: str
    kind: str
    priority: str | None
    condition: types.CodeType | None
    call: Callable[[Any], bool] | None
    needs: tuple[Need, ...]
    guard: Step | None
    adjust: tuple[Step, ...]
    keys: frozenset[str]  # what select/ignore match: code, name, element, plugin
    #: per language: title, message, why, actions
    texts: dict[str, tuple[str, str, str, tuple[str, ...]]]


def absent_checker(path: NeedPath) -> Absent:
    """A function telling whether ``path`` is absent from a namespace, specialised by shape."""
    steps = path.steps
    if len(steps) == 1 and not steps[0][1]:
        ((name, _),) = steps
        return lambda ns: ns.get(name) is None
    if len(steps) == 2 and not steps[0][1] and not steps[1][1]:
        (table, _), (field, _) = steps
        return lambda ns: getattr(ns[table], field, None) is None
    if len(steps) == 2 and steps[0][1] and not steps[1][1]:
        (table, _), (field, _) = steps

        def absent_in_list(ns: dict[str, Any]) -> bool:
            items = ns.get(table)
            return items is None or any(getattr(i, field, None) is None for i in items)

        return absent_in_list
    return path.absent


def _step(
    code: types.CodeType,
    paths: tuple[NeedPath, ...],
    priority: str | None = None,
    reason: LocalText | None = None,
) -> Step:
    return Step(code, tuple(absent_checker(p) for p in paths), priority, reason)


def plan(rules: tuple[Rule, ...]) -> tuple[Planned, ...]:
    """Compile ``rules`` into the engine's execution plan (in the same order)."""
    out = []
    for rule in rules:
        guard = rule.applies
        out.append(
            Planned(
                rule=rule,
                code=rule.code,
                element=rule.element,
                kind=rule.kind,
                priority=rule.priority,
                condition=rule.code_object,
                call=None if rule.code_object is not None else rule.when,  # type: ignore[arg-type]
                needs=tuple(
                    Need(
                        p.text,
                        field_to_fill(p.text),
                        table_of(field_to_fill(p.text)),
                        absent_checker(p),
                        p,
                    )
                    for p in rule.need_paths
                ),
                guard=_step(guard.code_object, guard.need_paths) if guard is not None else None,
                adjust=tuple(
                    _step(a.code_object, a.need_paths, a.priority, a.reason) for a in rule.adjust
                ),
                keys=frozenset((rule.code, rule.name, rule.element, rule.plugin)),
                texts={
                    lang: (
                        rule.title.get(lang),
                        rule.message.get(lang),
                        rule.why.get(lang),
                        tuple(rule.actions.get(lang)) if rule.actions else (),
                    )
                    for lang in ("nl", "en")
                },
            )
        )
    return tuple(out)
