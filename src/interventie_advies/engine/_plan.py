"""The engine's execution plan: every rule compiled once into plain, fast values.

NOTE: reading a pydantic model's private attributes goes through ``__getattr__`` and costs
microseconds; with dozens of rules and their needs per project that dominated advising.
The plan copies what evaluation reads into slotted objects once per engine.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from pydantic import BaseModel

from .._errors import UsageError
from .._suggest import suggest
from ..messages._i18n import t
from ..rulebook._elements import ELEMENTS
from ..rulebook._rule_parts import source_in
from ._questions import field_to_fill, table_of

if TYPE_CHECKING:
    import types

    from ..rulebook._conditions import NeedPath
    from ..rulebook._rules import LocalText, Rule

__all__ = [
    "Need",
    "Planned",
    "Step",
    "TextChoice",
    "absent_checker",
    "jsonable",
    "plan",
    "selection",
    "value_getter",
    "value_of",
]

Absent = Callable[[dict[str, Any]], bool]


class Need(NamedTuple):
    """One fact a rule needs: its path, what users fill in, and a fast absence check."""

    text: str
    field: str
    table: str
    absent: Absent
    path: NeedPath
    value: Callable[[dict[str, Any]], Any]  # what the finding shows as the fact's value


class Step(NamedTuple):
    """A compiled guard (``applies``) or priority adjustment."""

    code: types.CodeType
    needs: tuple[Absent, ...]
    paths: tuple[NeedPath, ...]  # the needs paths, in the order of ``needs``
    priority: str | None = None
    reason: LocalText | None = None


class TextChoice(NamedTuple):
    """A compiled ``[[rule.variants]]`` or ``[[rule.extra_actions]]`` entry.

    ``texts`` per language: for a variant its title, message and actions (None: the
    rule's own), for a conditional action the one action (as the message).
    """

    code: types.CodeType
    needs: tuple[Absent, ...]
    texts: dict[str, tuple[str | None, str | None, tuple[str, ...] | None]]


class Planned(NamedTuple):
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
    #: per language: the citation (docs/rule-format.md#sources)
    sources: dict[str, str | None]
    #: the fields of every Finding of this rule that do not depend on the project
    finding: dict[str, Any]
    #: what the priority score reads of the rule: kind, element, phases, needs served, effort
    ranking: tuple[str, str, tuple[str, ...], tuple[str, ...], str | None]
    #: whether any of its texts has ``{table.field}`` placeholders to fill
    placeholders: bool
    #: the parts of its rank and reasons by adjustment and language, built on first use
    #: (``_fixed.RulePart``, not named here: ``_fixed`` reads the plan; a dict of its own
    #: per rule)
    ranks: dict[tuple[int | None, str], Any]
    #: its ``[[rule.variants]]`` and ``[[rule.extra_actions]]``, compiled
    variants: tuple[TextChoice, ...] = ()
    extra_actions: tuple[TextChoice, ...] = ()
    #: whether it has either (one check on the fast path of a rule without them)
    varies: bool = False


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


_PLAIN = (str, int, float, bool, type(None))


def jsonable(value: Any) -> Any:
    """A fact's value as plain JSON data (sets sorted, dates as text, models as dicts)."""
    if type(value) in _PLAIN:
        return value
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    if isinstance(value, (list, tuple)):
        return [v if type(v) in _PLAIN else jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True)
    return value


def value_getter(path: NeedPath) -> Callable[[dict[str, Any]], Any]:
    """A function reading the value ``path`` points at (a list when it goes through one)."""
    steps = path.steps
    shape = tuple(through for _, through in steps)
    names = [name for name, _ in steps]
    if shape == (False,):
        return lambda ns: jsonable(ns.get(names[0]))
    if shape == (False, False):
        table, field = names

        def attribute(ns: dict[str, Any]) -> Any:
            # NOTE: most values are plain: no call to jsonable for them (read per finding)
            value = getattr(ns[table], field, None)
            return value if type(value) in _PLAIN else jsonable(value)

        return attribute
    if shape == (True, False):
        table, field = names
        return lambda ns: [jsonable(getattr(i, field, None)) for i in ns.get(table) or ()]
    return functools.partial(value_of, steps)


def value_of(steps: tuple[tuple[str, bool], ...], namespace: Mapping[str, Any]) -> Any:
    """The value a needs path points at (a list when the path goes through a list)."""
    values: list[Any] = [namespace]
    listed = False
    for i, (name, through) in enumerate(steps):
        nxt: list[Any] = []
        for value in values:
            item = value.get(name) if i == 0 else getattr(value, name, None)
            if through:
                nxt.extend(item or ())
            else:
                nxt.append(item)
        values = nxt
        listed = listed or through
    return jsonable(values if listed else values[0])


def _step(
    code: types.CodeType,
    paths: tuple[NeedPath, ...],
    priority: str | None = None,
    reason: LocalText | None = None,
) -> Step:
    return Step(
        code,
        tuple(absent_checker(p) for p in paths),
        paths,
        priority,
        reason,
    )


def _texts_of(rule: Rule) -> list[str]:
    """Every text of ``rule`` that may hold placeholders (both languages)."""
    texts = [t.get(lang) for t in (rule.title, rule.message, rule.why) for lang in ("nl", "en")]
    texts += [*rule.actions.nl, *rule.actions.en] if rule.actions else []
    for v in rule.variants:
        texts += [t.get(lang) for t in (v.title, v.message) if t for lang in ("nl", "en")]
        texts += [*v.actions.nl, *v.actions.en] if v.actions else []
    texts += [text for a in rule.extra_actions for text in (a.nl, a.en)]
    return texts


def _choices(rule: Rule) -> tuple[tuple[TextChoice, ...], tuple[TextChoice, ...]]:
    """The rule's variants and conditional actions, compiled for the engine."""
    variants = tuple(
        TextChoice(
            v.code_object,
            tuple(absent_checker(p) for p in v.need_paths),
            {
                lang: (
                    v.title.get(lang) if v.title else None,
                    v.message.get(lang) if v.message else None,
                    tuple(v.actions.get(lang)) if v.actions else None,
                )
                for lang in ("nl", "en")
            },
        )
        for v in rule.variants
    )
    extra = tuple(
        TextChoice(
            a.code_object,
            tuple(absent_checker(p) for p in a.need_paths),
            {lang: (None, a.get(lang), None) for lang in ("nl", "en")},
        )
        for a in rule.extra_actions
    )
    return variants, extra


def plan(rules: tuple[Rule, ...]) -> tuple[Planned, ...]:
    """Compile ``rules`` into the engine's execution plan (in the same order)."""
    out = []
    for rule in rules:
        guard = rule.applies
        variants, extra = _choices(rule) if rule.variants or rule.extra_actions else ((), ())
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
                        value_getter(p),
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
                sources={lang: source_in(rule.source, lang) for lang in ("nl", "en")},
                finding={
                    "code": rule.code,
                    "name": rule.name,
                    "element": rule.element,
                    "kind": rule.kind,
                    "evidence": rule.evidence,
                    "source": None,  # per language: see ``sources``
                    "plugin": rule.plugin,
                    "decision": None,
                    "phases": rule.phases,
                    "effort": rule.effort,
                    "serves_needs": rule.serves_needs,
                    "tags": rule.tags,
                    "theme": rule.theme,
                },
                ranking=(rule.kind, rule.element, rule.phases, rule.serves_needs, rule.effort),
                placeholders=any("{" in text for text in _texts_of(rule)),
                ranks={},
                variants=variants,
                extra_actions=extra,
                varies=bool(variants or extra),
            )
        )
    return tuple(out)


def selection(
    planned: tuple[Planned, ...], select: tuple[str, ...], ignore: tuple[str, ...]
) -> tuple[Planned, ...]:
    """The rules that select/ignore leave (all of them when neither is given).

    A token is a rule's code or name, an element id or a plugin name.

    :raises UsageError: a token matches nothing (with a did-you-mean).
    """
    if not select and not ignore:
        return planned
    vocabulary = set().union(*(p.keys for p in planned)) | {e.id for e in ELEMENTS}
    for what, tokens in (("select", select), ("ignore", ignore)):
        for token in tokens:
            if token not in vocabulary and token.upper() not in vocabulary:
                hint = suggest(token, vocabulary)
                raise UsageError(
                    t(
                        nl="{w}: {x!r} past bij geen regel, element of plugin",
                        en="{w}: {x!r} matches no rule, element or plugin",
                        w=what,
                        x=token,
                    )
                    + (
                        t(nl="; bedoel je {h!r}?", en="; did you mean {h!r}?", h=hint)
                        if hint
                        else ""
                    )
                )

    def matches(p: Planned, tokens: tuple[str, ...]) -> bool:
        return any(tok in p.keys or tok.upper() == p.code for tok in tokens)

    return tuple(
        p for p in planned if (not select or matches(p, select)) and not matches(p, ignore)
    )
