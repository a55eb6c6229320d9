"""JSON Schemas: project file, report (schema_version 1) and rule file, from pydantic models.

The report models mirror :meth:`Report.to_dict`; a test validates real reports against
them, so the schema cannot drift from what the tool writes.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["ReportSchema", "schema_of"]


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _PluginRef(_Closed):
    name: str
    version: str


class _Tool(_Closed):
    name: Literal["interventie-advies"]
    version: str
    plugins: list[_PluginRef]


class _ProjectRef(_Closed):
    name: str
    file: str | None
    phase: str | None
    # NOTE: optional, so that reports written before it was added stay valid (version 1)
    months_left: int | None = Field(
        None, description="whole months of funding left on the evaluation date (facts.months_left)"
    )


class _Summary(_Closed):
    recommendations: int
    warnings: int
    questions: int
    strengths: int
    by_priority: dict[Literal["high", "medium", "low"], int]


class _Element(_Closed):
    element: str
    title: str
    status: Literal["covered", "partial", "missing", "unknown"] = Field(
        description="the assessment in the four values of schema_version 1"
    )
    # NOTE: optional, so that reports written before it was added stay valid (version 1)
    assessment: (
        Literal["in_order", "in_order_with_attention", "weak", "missing", "not_described"] | None
    ) = Field(None, description="how the element stands (docs/report.md)")
    findings: int
    questions: int
    strengths: int
    described: int
    needed: int


class _Completeness(_Closed):
    described: int
    needed: int
    percent: int


class _Effect(_Closed):
    effect: str
    title: str
    level: Literal["strong", "moderate", "weak", "unknown"] = Field(
        description="the contribution in the four levels of schema_version 1; not a prediction"
    )
    # NOTE: optional, so that reports written before they were added stay valid (version 1)
    contribution: Literal["can_contribute", "can_contribute_if", "little_yet", "unknown"] | None = (
        Field(None, description="what the project can contribute to the effect (docs/report.md)")
    )
    elements: dict[str, Literal["covered", "partial", "missing", "unknown"]]
    attention: list[str] = Field([], description="elements behind it that are weak or missing")


class _Decision(_Closed):
    status: Literal["accepted", "in_progress", "done"]
    reason: str | None
    date: str | None
    by: str | None


class _Finding(_Closed):
    code: str
    name: str
    element: str
    kind: Literal["recommendation", "warning"]
    priority: Literal["high", "medium", "low"]
    base_priority: Literal["high", "medium", "low"]
    score: float
    score_factors: list[str]
    reasons: list[str] = Field(
        [], description="why the item is where it is, in plain words (optional)"
    )
    title: str
    message: str
    why: str
    actions: list[str]
    variant: int | None = Field(
        None,
        description="which of the rule's [[rule.variants]] gave the texts (1, 2, ...); "
        "null: the rule's own texts (optional)",
    )
    effort: Literal["low", "medium", "high"] | None
    evidence: Literal["research", "practice", "expert"] | None
    source: str | None
    facts: dict[str, Any]
    plugin: str
    tags: list[str] = Field([], description="the rule's tags, e.g. sustainability (optional)")
    theme: str | None = Field(
        None, description="the root cause it shares with other findings (optional)"
    )
    decision: _Decision | None


class _Item(_Closed):
    theme: str | None = Field(description="the theme; null: a finding without one")
    code: str = Field(description="the leading (most urgent) finding's code")
    element: str
    kind: Literal["recommendation", "warning"]
    priority: Literal["high", "medium", "low"]
    title: str = Field(description="the theme's title, or the leading finding's")
    message: str
    why: str
    reasons: list[str]
    actions: list[str] = Field(description="the actions of all its findings, no repeats")
    codes: list[str] = Field(description="every finding it covers, the leading one first")


class _Strength(_Closed):
    code: str
    name: str
    element: str
    title: str
    message: str
    plugin: str


class _Question(_Closed):
    code: str
    element: str
    question: str
    missing: list[str]
    codes: list[str]
    priority: Literal["high", "medium", "low"]
    elements: list[str]
    unlocks: int


class _NotFollowed(_Closed):
    code: str
    status: Literal["rejected", "not_applicable"]
    reason: str
    title: str
    element: str
    by: str | None
    date: str | None


class _Stale(_Closed):
    rule: str
    status: str


class _Error(_Closed):
    plugin: str
    version: str
    rule: str | None
    message: str


class ReportSchema(_Closed):
    """The JSON report of ``advies run --format json`` (schema_version 1)."""

    schema_version: Literal[1]
    tool: _Tool
    project: _ProjectRef
    language: Literal["nl", "en"]
    evaluated_on: str
    summary: _Summary
    completeness: _Completeness
    elements: list[_Element]
    effects: list[_Effect]
    findings: list[_Finding]
    items: list[_Item] = Field(
        [], description="the findings grouped by theme, in the order the report shows them"
    )
    strengths: list[_Strength]
    questions: list[_Question]
    not_followed: list[_NotFollowed]
    stale_decisions: list[_Stale]
    warnings: list[str]
    errors: list[_Error]


def schema_of(what: str) -> dict[str, Any]:
    """The JSON Schema of ``project``, ``report`` or ``rules``."""
    if what == "project":
        from ._project_schema import project_schema

        schema = project_schema()
        schema["title"] = "interventie-advies project file (format 1)"
    elif what == "report":
        schema = ReportSchema.model_json_schema()
        schema["title"] = "interventie-advies report (schema_version 1)"
    elif what == "rules":
        from ..rulebook._rules import RuleFile

        schema = RuleFile.model_json_schema()
        schema["title"] = "interventie-advies rule file"
    else:
        from .._errors import UsageError

        raise UsageError(f"unknown schema {what!r}; use project, report or rules")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
