"""The report's plain, frozen values and their JSON form (schema_version 1).

:class:`~interventie_advies.report._report.Report` adds rendering; the renderers read these
values, so they need not know the class that calls them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from .._safe_text import json_safe
from ._items import Decision, Item

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "ASSESSMENTS",
    "SCHEMA_VERSION",
    "Decision",
    "EffectScore",
    "ElementStatus",
    "ErrorEntry",
    "Finding",
    "Item",
    "NotFollowed",
    "Question",
    "ReportData",
    "StaleDecision",
    "Strength",
    "build",
]

SCHEMA_VERSION = 1

_T = TypeVar("_T")


def build(cls: type[_T], values: dict[str, Any]) -> _T:
    """Make a frozen report value from a fresh dict of *all* its fields (the dict is kept).

    NOTE: a frozen dataclass's ``__init__`` sets every field through
    ``object.__setattr__``, which made building the values of a report a tenth of the
    time spent advising; this gives an equal object in a fraction of that time.
    """
    value = object.__new__(cls)
    object.__setattr__(value, "__dict__", values)
    return value


@dataclass(frozen=True)
class Finding:
    """A recommendation or warning that fired for this project."""

    code: str
    name: str
    element: str
    kind: str
    priority: str
    score: float
    score_factors: tuple[str, ...]
    title: str
    message: str
    why: str
    actions: tuple[str, ...]
    evidence: str | None
    source: str | None
    facts: dict[str, Any]
    plugin: str
    decision: Decision | None = None
    base_priority: str = ""
    phases: tuple[str, ...] = ()
    effort: str | None = None
    serves_needs: tuple[str, ...] = ()
    #: the rule's tags, e.g. ``sustainability``
    tags: tuple[str, ...] = ()
    #: why the item is where it is, in plain words (the numbers are in ``score_factors``)
    reasons: tuple[str, ...] = ()
    #: the root cause it shares with other findings (one report item per theme)
    theme: str | None = None
    #: which of the rule's ``[[rule.variants]]`` gave the texts (1, 2, …); None: its own
    variant: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of interfaces.md, plus the fields docs/report.md adds (variant, …)."""
        return {
            "code": self.code,
            "name": self.name,
            "element": self.element,
            "kind": self.kind,
            "priority": self.priority,
            "base_priority": self.base_priority,
            "score": self.score,
            "score_factors": list(self.score_factors),
            "reasons": list(self.reasons),
            "title": self.title,
            "message": self.message,
            "why": self.why,
            "actions": list(self.actions),
            "variant": self.variant,
            "effort": self.effort,
            "evidence": self.evidence,
            "source": self.source,
            "facts": self.facts,
            "plugin": self.plugin,
            "tags": list(self.tags),
            "theme": self.theme,
            "decision": dataclasses.asdict(self.decision) if self.decision else None,
        }


@dataclass(frozen=True)
class Strength:
    """A rule of kind ``strength`` that fired: something the project does well."""

    code: str
    name: str
    element: str
    title: str
    message: str
    plugin: str

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "code": self.code,
            "name": self.name,
            "element": self.element,
            "title": self.title,
            "message": self.message,
            "plugin": self.plugin,
        }


@dataclass(frozen=True)
class Question:
    """A fact the file is silent about, asked because a rule needs it."""

    code: str
    element: str
    question: str
    missing: tuple[str, ...]
    codes: tuple[str, ...] = ()
    priority: str = "low"
    #: every element whose rules wait for this answer, ``element`` first
    elements: tuple[str, ...] = ()
    #: how much advice the answer unlocks: the waiting rules, weighted by priority
    unlocks: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON form; ``codes`` lists every rule that waits for this answer."""
        return {
            "code": self.code,
            "element": self.element,
            "question": self.question,
            "missing": list(self.missing),
            "codes": list(self.codes or (self.code,)),
            "priority": self.priority,
            "elements": list(self.elements or (self.element,)),
            "unlocks": self.unlocks,
        }


@dataclass(frozen=True)
class NotFollowed:
    """A finding the team consciously does not follow, with the reason."""

    code: str
    status: str
    reason: str
    title: str = ""
    element: str = ""
    by: str | None = None
    date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "code": self.code,
            "status": self.status,
            "reason": self.reason,
            "title": self.title,
            "element": self.element,
            "by": self.by,
            "date": self.date,
        }


@dataclass(frozen=True)
class StaleDecision:
    """A decision about a rule that no longer fires: the entry can be cleaned up."""

    rule: str
    status: str

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"rule": self.rule, "status": self.status}


#: the element assessments, best first (``elements[].assessment``, docs/report.md)
ASSESSMENTS = ("in_order", "in_order_with_attention", "weak", "missing", "not_described")


@dataclass(frozen=True)
class ElementStatus:
    """How one element stands: its assessment, and the version-1 status derived from it."""

    element: str
    title: str
    #: the assessment in the four values of schema_version 1 (covered, partial, missing,
    #: unknown); readers of version 1 keep working
    status: str
    findings: int
    questions: int
    strengths: int
    described: int = 0  # facts the element's rules read that the file describes ...
    needed: int = 0  # ... out of all facts they read
    #: in_order, in_order_with_attention, weak, missing or not_described (docs/report.md)
    assessment: str = "not_described"

    @property
    def not_described(self) -> bool:
        """Whether too little of the element is described to judge it."""
        return self.assessment == "not_described"

    def to_dict(self) -> dict[str, Any]:
        """JSON form; ``assessment`` right after the ``status`` it refines."""
        return {
            "element": self.element,
            "title": self.title,
            "status": self.status,
            "assessment": self.assessment,
            "findings": self.findings,
            "questions": self.questions,
            "strengths": self.strengths,
            "described": self.described,
            "needed": self.needed,
        }


@dataclass(frozen=True)
class EffectScore:
    """What the project can contribute to one liveability effect (never a prediction)."""

    effect: str
    title: str
    #: the contribution in the four levels of schema_version 1 (strong, moderate, weak,
    #: unknown): how well the elements behind the effect are in order
    level: str
    #: element behind the effect -> its status (schema_version 1)
    elements: dict[str, str]
    #: can_contribute, can_contribute_if, little_yet or unknown (say nothing)
    contribution: str = "unknown"
    #: the elements behind it that are weak or missing, in the effect's order
    attention: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "effect": self.effect,
            "title": self.title,
            "level": self.level,
            "contribution": self.contribution,
            "elements": dict(self.elements),
            "attention": list(self.attention),
        }


@dataclass(frozen=True)
class ErrorEntry:
    """A plugin or rule that failed during this run (the run went on)."""

    plugin: str
    rule: str | None
    message: str
    version: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "plugin": self.plugin,
            "version": self.version,
            "rule": self.rule,
            "message": self.message,
        }


@dataclass(frozen=True)
class ReportData:
    """The advice for one project as values: what to do, watch, answer, and what works."""

    tool: dict[str, Any]
    #: name, file, phase, and the whole months of funding left (None: not known)
    project: dict[str, Any]
    language: str
    evaluated_on: str
    findings: tuple[Finding, ...]
    strengths: tuple[Strength, ...]
    questions: tuple[Question, ...]
    elements: tuple[ElementStatus, ...]
    not_followed: tuple[NotFollowed, ...] = ()
    stale_decisions: tuple[StaleDecision, ...] = ()
    effects: tuple[EffectScore, ...] = ()
    errors: tuple[ErrorEntry, ...] = ()
    warnings: tuple[str, ...] = ()
    #: the findings grouped by theme, in the order the report shows them (docs/report.md)
    items: tuple[Item, ...] = ()
    renderers: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def summary(self) -> dict[str, Any]:
        """Counts per kind and per priority."""
        by_priority = {"high": 0, "medium": 0, "low": 0}
        for f in self.findings:
            by_priority[f.priority] = by_priority.get(f.priority, 0) + 1
        return {
            "recommendations": sum(f.kind == "recommendation" for f in self.findings),
            "warnings": sum(f.kind == "warning" for f in self.findings),
            "questions": len(self.questions),
            "strengths": len(self.strengths),
            "by_priority": by_priority,
        }

    @property
    def completeness(self) -> dict[str, int]:
        """How much of what the rules need the file describes, over all elements."""
        described = sum(e.described for e in self.elements)
        needed = sum(e.needed for e in self.elements)
        return {
            "described": described,
            "needed": needed,
            "percent": round(100 * described / needed) if needed else 100,
        }

    def to_dict(self) -> dict[str, Any]:
        """The report as plain data, in the key order of interfaces.md."""
        return {
            "schema_version": SCHEMA_VERSION,
            "tool": self.tool,
            "project": self.project,
            "language": self.language,
            "evaluated_on": self.evaluated_on,
            "summary": self.summary,
            "completeness": self.completeness,
            "elements": [e.to_dict() for e in self.elements],
            "effects": [e.to_dict() for e in self.effects],
            "findings": [f.to_dict() for f in self.findings],
            "items": [i.to_dict() for i in self.items],
            "strengths": [s.to_dict() for s in self.strengths],
            "questions": [q.to_dict() for q in self.questions],
            "not_followed": [n.to_dict() for n in self.not_followed],
            "stale_decisions": [s.to_dict() for s in self.stale_decisions],
            "warnings": list(self.warnings),
            "errors": [e.to_dict() for e in self.errors],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON; byte-identical for the same input, date and language."""
        # NOTE: imported here, as the other formats' modules are: a report in text does not
        # need json, and importing it costs every start-up 5 M instructions
        from ._json import json_text

        # NOTE: the same JSON, but characters that steer a terminal or hide text (C1
        # controls, bidi controls, zero-width characters) written as \u escapes
        return json_safe(json_text(self.to_dict(), indent=indent))
