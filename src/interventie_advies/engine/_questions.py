"""Turn the facts rules are waiting for into the few questions that matter.

A question asks for facts, not for rules: every missing field is asked once, whatever
rules (of whatever elements) wait for it, and a question lists only fields the file does
not give.

- A table the file leaves out gets one question (``table_question`` in ``messages/``),
  listing the fields of that table that rules wait for.
- Any other missing field gets its own question from the catalogue (``field_question``);
  a field the catalogue does not know (a plugin's field or fact) gets the question of a
  rule waiting for it (the one that needs the fewest facts, then the most important),
  shared by the fields that get the same text.
- A derived fact (``facts.funding_months``) is asked for through the fields it is derived
  from, leaving out those the file gives.

Questions are ranked by how much advice they unlock: the rules waiting for them, each
weighted by its priority (high 3, medium 2, low 1); ties by element order, then code.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from ..messages import table as message_table
from ..project._enums import PRIORITY_RANK
from ..project._facts import fact_sources
from ..report._values import Question, build

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence


__all__ = [
    "FIELD_QUESTIONS",
    "TABLE_QUESTIONS",
    "UNLOCK_WEIGHT",
    "QuestionBook",
    "TableWaits",
    "field_given",
    "table_of",
]


class _Asking(Protocol):
    """A rule as questions see it (a planned rule)."""

    @property
    def code(self) -> str: ...

    @property
    def element(self) -> str: ...

    @property
    def priority(self) -> str | None: ...

    @property
    def needs(self) -> Sequence[object]: ...


_R = TypeVar("_R", bound=_Asking)


class TableWaits(Protocol):
    """What :meth:`QuestionBook.ask_tables` reads of the evaluator (``_evaluate``).

    NOTE: a protocol rather than an import, so that questions do not depend on the
    evaluator that depends on them.
    """

    @property
    def rules(self) -> Sequence[_Asking]: ...

    @property
    def pairs(self) -> Sequence[tuple[str, str]]: ...

    @property
    def questions(self) -> dict[tuple[str, tuple[tuple[int, int], ...], str], TableQuestion]: ...


#: a left-out table's question (None: it asks nothing) and the (rule, field) waits for
#: fields in other tables (see :meth:`QuestionBook.ask_tables`)
TableQuestion = tuple[Question | None, tuple[tuple[int, str], ...]]

_RANK = {p: -rank for p, rank in PRIORITY_RANK.items()}  # sorts high first

#: how much a waiting rule counts towards a question's rank, by the rule's priority
UNLOCK_WEIGHT: Mapping[str, int] = PRIORITY_RANK

#: the element a whole-table question is shown under
TABLE_ELEMENT = {
    "residents": "fit_residents",
    "art": "fit_residents",
    "activities": "contact",
    "contact": "contact",
    "meeting_place": "meeting_place",
    "end_product": "joint_product",
    "vision": "shared_vision",
    "partners": "mutual_strengths",
    "collaboration": "remove_barriers",
    "funding": "sustainability",
    "continuation": "sustainability",
    "knowledge": "knowledge_use",
    "key_persons": "key_persons",
}

#: the question for each table a project file leaves out, by table name
TABLE_QUESTIONS = message_table("table_question")

#: the question for each field rules wait for, by its path (``art.professional_artist``)
FIELD_QUESTIONS = message_table("field_question")


#: joins the fields of a fact derived from several (a key, never shown to users)
_OR = "|"


def table_of(path: str) -> str:
    """The top-level table a needs path (or derived fact) belongs to.

    A derived fact belongs to the table of the first field it is derived from; a plugin's
    fact, which declares no fields, to ``project``.
    """
    if path.startswith("facts."):
        path = (fact_sources(path) or ("project",))[0]
    return path.partition(".")[0].removesuffix("[]")


def field_to_fill(path: str) -> str:
    """The key of what a user fills in for ``path``: the field, or a derived fact's fields.

    NOTE: a fact derived from several fields has those fields joined as its key, so that it
    counts as one field read for completeness, as every fact derived from the same fields
    does; :func:`fields_to_fill` splits the key into the fields a question asks for.
    """
    return _OR.join(fact_sources(path) or (path,))


def fields_to_fill(key: str) -> tuple[str, ...]:
    """The fields a question may ask for when ``key`` (see :func:`field_to_fill`) is absent."""
    return tuple(key.split(_OR))


@functools.cache
def _split(key: str, table: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The fields of ``key`` in ``table``, and those in other tables."""
    names = fields_to_fill(key)
    inside = tuple(n for n in names if table_of(n) == table)
    return inside, tuple(n for n in names if n not in inside)


def field_given(project: Any, path: str) -> bool:
    """Whether the file gives ``path`` (``a.b``, ``a[].b``): every value on the way is there.

    Through a list (``partners[].domain``) every item must have the field, as for needs.
    A plugin's fact (``facts.NAME``) cannot be read from the file: never given.
    """
    if path.startswith("facts."):
        return False
    values: list[Any] = [project]
    for part in path.split("."):
        name = part.removesuffix("[]")
        found: list[Any] = []
        for value in values:
            item = value.get(name) if isinstance(value, Mapping) else getattr(value, name, None)
            if item is None:
                return False
            if part.endswith("[]"):
                found.extend(item)
            else:
                found.append(item)
        values = found
    return True


class _Wait:
    """The rules waiting for one field, and how a user is asked for it."""

    # NOTE: a plain class, not a dataclass: defining a dataclass costs every start-up
    # about 4 M instructions, and a wait is never compared or shown

    __slots__ = ("codes", "fallback")

    def __init__(self) -> None:
        self.codes: dict[str, tuple[str, str]] = {}  # code → element, priority
        #: the rule question asked when the catalogue has none: (how many facts the rule
        #: needs, rank, order, text source)
        self.fallback: tuple[int, int, int, Callable[[], str]] | None = None


class QuestionBook:
    """Collects what rules wait for during one evaluation and merges it into questions.

    :param given: tells whether the project file gives a field (see :func:`field_given`);
        a derived fact's fields that the file gives are never asked for.
    :param order: the place of each element (ties in the ranking).
    """

    def __init__(self, lang: str, given: Callable[[str], bool], order: Mapping[str, int]) -> None:
        self.lang = lang
        self.order = order
        self._given_by = given
        self._known: dict[str, bool] = {}  # field → given (asked once per field)
        self._tables: list[Question] = []  # one per left-out table
        self._in_tables: set[str] = set()  # the fields those ask for
        self._fields: dict[str, _Wait] = {}  # field → wait
        self._order = 0

    def _given(self, name: str) -> bool:
        known = self._known.get(name)
        if known is None:
            known = self._known[name] = self._given_by(name)
        return known

    def _wait(self, into: dict[str, _Wait], key: str, rule: _Asking) -> None:
        """Record that ``rule`` waits for every field of ``key`` the file does not give."""
        priority = rule.priority or "low"
        for name in fields_to_fill(key):
            if not self._given(name):
                into.setdefault(name, _Wait()).codes.setdefault(rule.code, (rule.element, priority))

    def ask(self, rule: _Asking, missing: Iterable[str], question: Callable[[], str]) -> None:
        """Record that ``rule`` waits for ``missing`` (keys) of tables the file has.

        ``question`` gives the rule's own question; it is asked for only when its text is
        used, for a field the catalogue has no question for.
        """
        self._order += 1
        keys = list(missing)
        for key in keys:
            self._wait(self._fields, key, rule)
        names = [n for key in keys for n in fields_to_fill(key) if n in self._fields]
        # NOTE: the question of the rule that needs the fewest facts (its question asks
        # least about what the file may give), then the most important one, then the first
        choice = (len(rule.needs), _RANK[rule.priority or "low"], self._order, question)
        for name in names:
            wait = self._fields[name]
            if name not in FIELD_QUESTIONS and (
                wait.fallback is None or choice[:3] < wait.fallback[:3]
            ):
                wait.fallback = choice

    def ask_all(
        self,
        asked: Iterable[tuple[int, list[str]]],
        rules: Sequence[_R],
        question: Callable[[_R], str],
    ) -> None:
        """Record every ``(rule index, missing)`` of an evaluation (see :meth:`ask`)."""
        for i, missing in asked:
            rule = rules[i]
            self.ask(rule, missing, lambda rule=rule: question(rule))  # type: ignore[misc]

    def ask_tables(
        self, whole: Iterable[tuple[str, list[tuple[int, int]]]], evaluator: TableWaits
    ) -> None:
        """Ask one question per table the file leaves out, for its ``(rule, pair)`` waits.

        A derived fact's field in another table (``project.end`` behind
        ``facts.months_left``) is asked for on its own. The table is left out, so none of
        its fields is given: its question depends only on the table and the waits, and the
        evaluator keeps each one built.
        """
        rules, pairs, known = evaluator.rules, evaluator.pairs, evaluator.questions
        for table, waits in whole:
            key = (table, tuple(waits), self.lang)
            found = known.get(key)
            if found is None:
                if len(known) >= 4096:  # many different sketches: keep it bounded
                    known.clear()
                found = known[key] = _table_question(table, waits, rules, pairs, self)
            question, outside = found
            for i, name in outside:
                self._wait(self._fields, name, rules[i])
            if question is not None:
                self._tables.append(question)
                self._in_tables.update(question.missing)

    def questions(self) -> tuple[Question, ...]:
        """The merged questions, the ones that unlock the most advice first.

        ``missing`` lists the fields that the most rules wait for first.
        """
        order = self.order
        out = list(self._tables)
        # NOTE: a field the catalogue knows is a question of its own; the others are
        # grouped under the rule question asked for them
        texts: dict[str, dict[str, _Wait]] = {}
        for name, wait in self._fields.items():
            if name in self._in_tables:
                continue  # already asked with its left-out table
            known = FIELD_QUESTIONS.get(name)
            if known is not None:
                text = known.pick(self.lang)
            elif wait.fallback is not None:
                text = wait.fallback[3]()
            else:  # pragma: no cover - a field without a catalogue entry has a fallback
                text = name
            texts.setdefault(text, {})[name] = wait
        out += [_question(text, fields, order) for text, fields in texts.items()]
        out.sort(key=lambda q: (-q.unlocks, order.get(q.element, 99), q.code))
        return tuple(out)


def _question(
    text: str, fields: Mapping[str, _Wait], order: Mapping[str, int], table: str | None = None
) -> Question:
    """One question for ``fields``: the rules they unlock, ranked as the module says."""
    codes: dict[str, tuple[str, str]] = {}
    counts: dict[str, int] = {}
    for name, wait in fields.items():
        counts[name] = len(wait.codes)
        for code, how in wait.codes.items():
            codes.setdefault(code, how)

    def rank(code: str) -> tuple[int, int, str]:
        element, priority = codes[code]
        return (_RANK[priority], order.get(element, 99), code)

    ranked = sorted(codes, key=rank)
    first = ranked[0]
    elements = sorted({e for e, _ in codes.values()}, key=lambda e: (order.get(e, 99), e))
    element = TABLE_ELEMENT.get(table, codes[first][0]) if table else codes[first][0]
    return build(
        Question,
        {
            "code": first,
            "element": element,
            "question": text,
            "missing": tuple(sorted(counts, key=lambda f: -counts[f])),  # stable: first seen
            "codes": tuple(ranked),
            "priority": codes[first][1],
            "elements": tuple(dict.fromkeys((element, *elements))),
            "unlocks": sum(UNLOCK_WEIGHT.get(p, 1) for _, p in codes.values()),
        },
    )


def _table_question(
    table: str,
    waits: list[tuple[int, int]],
    rules: Sequence[_Asking],
    pairs: Sequence[tuple[str, str]],
    book: QuestionBook,
) -> TableQuestion:
    """A left-out table's question for its waits, and the fields they wait for elsewhere.

    :returns: the question (None when no field of the table is waited for), and each
        (rule, field) of a derived fact's fields in other tables, in the order of waits.
    """
    outside = tuple((i, name) for i, q in waits for name in _split(pairs[q][0], table)[1])
    fields: dict[str, _Wait] = {}
    for i, q in waits:
        rule = rules[i]
        how = (rule.element, rule.priority or "low")
        for name in _split(pairs[q][0], table)[0]:
            wait = fields.get(name)
            if wait is None:
                wait = fields[name] = _Wait()
            wait.codes.setdefault(rule.code, how)
    if not fields:
        return None, outside
    text = TABLE_QUESTIONS[table].pick(book.lang)
    return _question(text, fields, book.order, table), outside


def absent_tables(project: Any, tables: Iterable[str]) -> frozenset[str]:
    """The tables (of ``tables``) that the project file leaves out entirely."""
    return frozenset(t for t in tables if getattr(project, t, None) is None)
