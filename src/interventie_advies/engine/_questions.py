"""Turn the facts rules are waiting for into the few questions that matter.

When a whole table is absent from the file, the rules that need it are asked about in
one question per table (naming the fields that unlock the most advice). When the table
is there but a field is missing, each rule asks its own question; rules of the same
element waiting for the same fields share one.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from ..messages import table as message_table
from ..project._enums import PRIORITY_RANK
from ..project._facts import fact_sources
from ..report._values import Question, build

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence


__all__ = ["TABLE_QUESTIONS", "QuestionBook", "TableWaits", "table_of"]


class _Asking(Protocol):
    """A rule as questions see it (a planned rule)."""

    @property
    def code(self) -> str: ...

    @property
    def element(self) -> str: ...

    @property
    def priority(self) -> str | None: ...


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
    def pair_order(self) -> Sequence[Mapping[int, int]]: ...

    @property
    def questions(self) -> dict[tuple[str, tuple[tuple[int, int], ...], str], Question]: ...


_RANK = {p: -rank for p, rank in PRIORITY_RANK.items()}  # sorts high first

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
    """The fields a question asks for when ``key`` (see :func:`field_to_fill`) is absent."""
    return tuple(key.split(_OR))


class _Entry:
    """One question being merged: the rules waiting for it and the fields they need."""

    __slots__ = ("code", "codes", "element", "missing", "priority", "rank", "text")

    def __init__(self, code: str, element: str, text: str, priority: str) -> None:
        self.code = code
        self.element = element
        self.text = text
        self.priority = priority
        self.rank = _RANK[priority]
        self.codes: dict[str, None] = {}  # an ordered set
        self.missing: dict[str, int] = {}  # field → how many rules wait for it


class QuestionBook:
    """Collects what rules wait for during one evaluation and merges it into questions.

    Questions for tables the file leaves out come whole from :meth:`ask_tables`; the rest
    (fields missing from tables the file has) are merged per element by :meth:`ask`.
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._whole: list[Question] = []
        self._fields: list[_Entry] = []

    def ask(
        self,
        code: str,
        element: str,
        priority: str,
        missing: Iterable[str],
        question: Callable[[], str],
    ) -> None:
        """Record that rule ``code`` waits for the fields ``missing`` of tables the file has.

        ``question`` gives the rule's own question, asked for only when its text is used.
        """
        rank = _RANK[priority]
        present = list(dict.fromkeys(f for name in missing for f in fields_to_fill(name)))
        for entry in self._fields:
            # NOTE: rules of one element that wait for overlapping fields share a question;
            # the text of the most important of them is kept.
            if entry.element == element and not entry.missing.keys().isdisjoint(present):
                _add(entry, code, present)
                if rank < entry.rank:
                    entry.priority, entry.rank = priority, rank
                    entry.text, entry.code = question(), code
                return
        new = _Entry(code, element, question(), priority)
        _add(new, code, present)
        self._fields.append(new)

    def ask_all(
        self,
        asked: Iterable[tuple[int, list[str]]],
        rules: Sequence[_R],
        question: Callable[[_R], str],
    ) -> None:
        """Record every ``(rule index, missing)`` of an evaluation (see :meth:`ask`)."""
        for i, missing in asked:
            p = rules[i]
            self.ask(
                p.code, p.element, p.priority or "low", missing, functools.partial(question, p)
            )

    def ask_tables(
        self, whole: Iterable[tuple[str, list[tuple[int, int]]]], evaluator: TableWaits
    ) -> None:
        """Add one question per left-out table for the ``(rule, pair)`` waits on it.

        Such a question depends only on the table and those waits, so the evaluator keeps
        each one built. Questions keep the order in which rules first waited for their table.
        """
        order = evaluator.pair_order
        known = evaluator.questions
        for table, waits in sorted(
            whole, key=lambda tw: (tw[1][0][0], order[tw[1][0][0]][tw[1][0][1]])
        ):
            key = (table, tuple(waits), self.lang)
            found = known.get(key)
            if found is None:
                if len(known) >= 4096:  # many different sketches: keep it bounded
                    known.clear()
                found = known[key] = _table_question(table, key[1], evaluator, self.lang)
            self._whole.append(found)

    def questions(self, element_order: Mapping[str, int]) -> tuple[Question, ...]:
        """The merged questions: by element, then most important first.

        ``missing`` lists the fields that unlock the most advice first.
        """
        out = list(self._whole)
        for e in self._fields:
            counts = e.missing
            ranked = sorted(counts, key=lambda f: -counts[f])  # stable: first seen first
            out.append(
                build(
                    Question,
                    {
                        "code": e.code,
                        "element": e.element,
                        "question": e.text,
                        "missing": tuple(ranked),
                        "codes": tuple(e.codes),
                        "priority": e.priority,
                    },
                )
            )
        out.sort(key=lambda q: (element_order.get(q.element, 99), _RANK[q.priority], q.code))
        return tuple(out)


def _table_question(
    table: str, waits: tuple[tuple[int, int], ...], evaluator: TableWaits, lang: str
) -> Question:
    """The question for a left-out table, as :meth:`QuestionBook.ask` would merge it."""
    rules = evaluator.rules
    first = rules[waits[0][0]]
    priority = first.priority or "low"
    codes: dict[str, None] = {}
    counts: dict[str, int] = {}
    for i, q in dict.fromkeys(waits):
        p = rules[i]
        if p.code not in codes:
            codes[p.code] = None
            if _RANK[p.priority or "low"] < _RANK[priority]:
                priority = p.priority or "low"
        for name in fields_to_fill(evaluator.pairs[q][0]):
            counts[name] = counts.get(name, 0) + 1
    nl, en = TABLE_QUESTIONS[table]
    return build(
        Question,
        {
            "code": first.code,
            "element": TABLE_ELEMENT[table],
            "question": nl if lang == "nl" else en,
            "missing": tuple(sorted(counts, key=lambda f: -counts[f])),
            "codes": tuple(codes),
            "priority": priority,
        },
    )


def _add(entry: _Entry, code: str, fields: Iterable[str]) -> None:
    entry.codes[code] = None
    missing = entry.missing
    for name in fields:
        missing[name] = missing.get(name, 0) + 1


def absent_tables(project: Any, tables: Iterable[str]) -> frozenset[str]:
    """The tables (of ``tables``) that the project file leaves out entirely."""
    return frozenset(t for t in tables if getattr(project, t, None) is None)
