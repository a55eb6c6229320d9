"""The rule contract (one for rule files and Python rule objects) and the rule-file loader.

NOTE: no ``from __future__ import annotations`` here: pydantic would have to evaluate
every field's annotation from its text when the models are defined, at every start-up.
"""

import os
import types
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .._errors import Problem, RuleError
from ..project._enums import Effort, Evidence, Kind, Need, Phase, Priority
from ..project._problems import problems_from_validation
from ..project._read_toml import MAX_FILE_BYTES, read_toml
from ._conditions import (
    ConditionError,
    NeedPath,
    Scope,
    compile_condition,
    compile_need,
    reads_deferred,
)
from ._elements import ELEMENT_IDS
from ._placeholders import PLACEHOLDER as _PLACEHOLDER
from ._readfile import FileRefused, read_bounded
from ._rule_parts import (
    Adjustment,
    Condition,
    Example,
    ExtraAction,
    Guard,
    LocalList,
    LocalText,
    Source,
    Variant,
    _check_placeholders,
    _compile_needs,
    _extra_facts,
    _scope,
    _Strict,
)

__all__ = [
    "Adjustment",
    "Example",
    "ExtraAction",
    "Guard",
    "LocalList",
    "LocalText",
    "Pack",
    "Rule",
    "Variant",
    "load_rules",
]


#: a tag: one short lowercase word (``sustainability``), see docs/rule-format.md
Tag = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]{0,29}$")]
#: a theme: one short lowercase id (``continuation``), see docs/rule-format.md
Theme = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")]


class Rule(BaseModel):
    """One piece of advice: a condition over the project and what to tell users.

    Rule files and Python plugins build the same object. A Python rule may pass a
    callable as ``when``; it receives the evaluation context (tables and ``facts`` as
    attributes) and returns a bool.
    """

    model_config = ConfigDict(
        extra="forbid", frozen=True, arbitrary_types_allowed=True, defer_build=True
    )

    code: str = Field(
        pattern=r"^[A-Z][A-Z0-9_]{1,19}$", description="stable short code, e.g. CON01"
    )
    name: str = Field(
        pattern=r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$",
        max_length=120,
        description="dotted lowercase name, e.g. contact.moment_after_activity",
    )
    element: str = Field(description="element id (elements.md)")
    kind: Kind
    tags: tuple[Tag, ...] = Field(
        (),
        max_length=10,
        description="short lowercase words that group rules across elements, "
        "e.g. sustainability (read by advies portfolio)",
    )
    theme: Theme | None = Field(
        None,
        description="the root cause it shares with other rules: the report shows one item "
        "per theme (docs/rule-format.md)",
    )
    priority: Priority | None = Field(None, description="required, except for strengths")
    facts: tuple[str, ...] = Field((), description="plugin facts the condition reads")
    when: Condition
    needs: tuple[str, ...] = Field((), description="facts the condition reads (field paths)")
    phases: tuple[Phase, ...] = ()
    effort: Effort | None = None
    serves_needs: tuple[Need, ...] = ()
    evidence: Evidence | None = None
    source: Source | None = None
    title: LocalText
    message: LocalText
    why: LocalText
    question: LocalText | None = None
    actions: LocalList | None = None
    applies: Guard | None = None
    adjust: tuple[Adjustment, ...] = ()
    variants: tuple[Variant, ...] = Field(
        (), max_length=20, description="texts for a phase or moment; the first that holds is used"
    )
    extra_actions: tuple[ExtraAction, ...] = Field(
        (), max_length=20, description="actions shown after the rule's own when they apply"
    )
    examples: tuple[Example, ...] = ()
    plugin: str = Field("", description="set by the engine: the plugin that contributed it")
    origin: str = Field("", description="where it was defined (file or module)")

    _code: types.CodeType | None = PrivateAttr(None)
    _needs: tuple[NeedPath, ...] = PrivateAttr(())
    #: the plugin facts its conditions may read (to check extension paths later)
    _facts_read: tuple[str, ...] = PrivateAttr(())
    #: (where, text, is a condition) of what reads extensions not checked yet
    _unchecked: tuple[tuple[str, str, bool], ...] = PrivateAttr(())

    @field_validator("element")
    @classmethod
    def _known_element(cls, value: str, info: ValidationInfo) -> str:
        known = set(ELEMENT_IDS)
        if isinstance(info.context, Mapping):
            known |= set(info.context.get("elements", ()))
        if value not in known:
            from .._suggest import suggest

            hint = suggest(value, known)
            text = f"unknown element {value!r}" + (f"; did you mean {hint!r}?" if hint else "")
            raise PydanticCustomError("element", text)
        return value

    @field_validator("when")
    @classmethod
    def _valid_condition(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, str):
            try:
                compile_condition(value, _extra_facts(info))
            except ConditionError as exc:
                raise PydanticCustomError("condition", str(exc)) from None
        return value

    @field_validator("needs")
    @classmethod
    def _valid_needs(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        _compile_needs(value, _extra_facts(info))
        return value

    @field_validator("title", "message", "why", "question", "actions")
    @classmethod
    def _valid_placeholders(cls, value: LocalText | LocalList | None, info: ValidationInfo) -> Any:
        texts = _flat([value.nl, value.en] if value is not None else [])
        _check_placeholders(texts, _extra_facts(info))
        return value

    @model_validator(mode="after")
    def _contract(self, info: ValidationInfo) -> "Rule":
        extra = _scope(info, self.facts)
        if self.kind == "strength":
            if self.priority is not None:
                raise PydanticCustomError("strength", "a strength has no priority")
        elif self.priority is None:
            raise PydanticCustomError("priority", f"priority is required for a {self.kind}")
        if self.needs and self.question is None:
            raise PydanticCustomError(
                "question", "question is required when needs is not empty (nl and en)"
            )
        # NOTE: the field validators already checked these; checking is cached, and the
        # rule's code is only added to conditions with loops (for their step budget)
        if isinstance(self.when, str):
            self._code = compile_condition(self.when, extra, rule=self.code)
        steps = (*self.adjust, *self.variants, *self.extra_actions)
        for step in (self.applies, *steps) if self.applies else steps:
            step.for_rule(self.code, _scope(info))
        self._needs = tuple(compile_need(path, extra) for path in self.needs)
        self._facts_read = extra.facts
        self._unchecked = _unchecked_extensions(self, extra)
        return self

    def extension_problems(self, extensions: Mapping[str, type[BaseModel]]) -> list[str]:
        """What the rule reads under ``extensions`` that the registered models lack.

        A rule loaded without extension models (``load_rules(path)`` in a plugin's
        ``advies_rules``) reads ``extensions.NAME...`` unchecked; the engine checks those
        paths here once every plugin has registered its extensions.

        :param extensions: every registered extension NAME and its model.
        :returns: one message per condition, needs path or placeholder that is wrong.
        """
        if not self._unchecked:
            return []
        scope = Scope(self._facts_read, tuple(sorted(extensions.items())))
        problems = []
        for where, text, is_condition in self._unchecked:
            try:
                if is_condition:
                    compile_condition(text, scope)
                else:
                    compile_need(text, scope)
            except ConditionError as exc:
                problems.append(f"{where}: {exc}")
        return problems

    @property
    def need_paths(self) -> tuple[NeedPath, ...]:
        """The compiled ``needs`` paths."""
        return self._needs

    @property
    def code_object(self) -> types.CodeType | None:
        """The compiled condition, or None for a Python callable."""
        return self._code

    def label(self) -> str:
        """``CODE (name)`` for messages."""
        return f"{self.code} ({self.name})"


def _flat(texts: Sequence[str | Sequence[str]]) -> list[str]:
    """The texts of a LocalText's or a LocalList's languages, as one list."""
    return [t for text in texts for t in ([text] if isinstance(text, str) else text)]


def _unchecked_extensions(rule: Rule, scope: Scope) -> tuple[tuple[str, str, bool], ...]:
    """The conditions, needs paths and placeholders that read extensions not checked yet."""
    if not scope.deferred:
        return ()
    conditions = [("when", rule.when)] if isinstance(rule.when, str) else []
    paths = [("needs", path) for path in rule.needs]
    if rule.applies is not None:
        conditions.append(("applies.when", rule.applies.when))
        paths += [("applies.needs", path) for path in rule.applies.needs]
    for k, step in enumerate(rule.adjust):
        conditions.append((f"adjust[{k}].when", step.when))
        paths += [(f"adjust[{k}].needs", path) for path in step.needs]
    parts: list[tuple[str, Variant | ExtraAction]] = [
        *((f"variants[{k}]", v) for k, v in enumerate(rule.variants)),
        *((f"extra_actions[{k}]", a) for k, a in enumerate(rule.extra_actions)),
    ]
    for where, part in parts:
        conditions.append((f"{where}.when", part.when))
        paths += [(f"{where}.needs", path) for path in part.needs]
    for name in ("title", "message", "why", "question", "actions"):
        text: LocalText | LocalList | None = getattr(rule, name)
        for lang_text in _flat([text.nl, text.en] if text is not None else []):
            paths += [(name, path) for path in _PLACEHOLDER.findall(lang_text)]
    found = [(where, text, True) for where, text in conditions if reads_deferred(text, scope)]
    found += [
        (where, path, False)
        for where, path in paths
        if path.split(".")[0].removesuffix("[]") == "extensions"
    ]
    return tuple(dict.fromkeys(found))


class Pack(_Strict):
    """Who publishes a rule file, and defaults for its rules."""

    name: str = Field(min_length=1, max_length=200)
    title: LocalText | None = None
    source: Source | None = None
    facts: list[str] = Field([], description="plugin facts the rules of this file read")


class RuleFile(BaseModel):
    """The layout of a rule file (for ``advies schema rules``)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    pack: Pack | None = None
    rule: list[Rule] = Field(default_factory=list)


def load_rules(
    path: str | os.PathLike[str],
    *,
    plugin: str = "",
    facts: Iterable[str] = (),
    elements: Iterable[str] = (),
    origin: str | None = None,
    extensions: Mapping[str, type[BaseModel]] | None = None,
) -> list[Rule]:
    """Load and validate a rule file; compile every condition once.

    :param path: the TOML rule file.
    :param plugin: the plugin name recorded on each rule (set by the engine if empty).
    :param facts: names of plugin facts the conditions may read.
    :param elements: element ids a plugin adds, beside the built-in twelve.
    :param origin: how rules name their file (default: the path as given).
    :param extensions: extension models conditions may read as ``extensions.NAME.field``
        (the models the plugin registers through ``advies_project_extensions``). Without
        them, such paths are checked by the engine once every plugin's extensions are known.
    :raises RuleError: naming file, rule code and every problem.
    """
    file = str(path)
    try:
        text = read_bounded(Path(path), MAX_FILE_BYTES)
    except FileRefused as exc:
        raise RuleError([Problem(file, "", str(exc))]) from None
    try:
        data = read_toml(text, file)
    except Exception as exc:  # a ProjectError from the shared TOML reader
        problems = getattr(exc, "problems", [Problem(file, "", str(exc))])
        raise RuleError(problems) from None
    return rules_from_data(
        data,
        file,
        plugin=plugin,
        facts=facts,
        elements=elements,
        origin=origin,
        extensions=extensions,
    )


def rules_from_data(
    data: Mapping[str, Any],
    file: str,
    *,
    plugin: str = "",
    facts: Iterable[str] = (),
    elements: Iterable[str] = (),
    origin: str | None = None,
    extensions: Mapping[str, type[BaseModel]] | None = None,
) -> list[Rule]:
    """Validate parsed rule-file data (see :func:`load_rules`)."""
    problems: list[Problem] = []
    unknown = sorted(set(data) - {"pack", "rule"})
    for key in unknown:
        problems.append(Problem(file, key, "unknown key; a rule file has [pack] and [[rule]]"))
    pack: Pack | None = None
    if "pack" in data:
        try:
            pack = Pack.model_validate(data["pack"])
        except ValidationError as exc:
            problems += problems_from_validation(exc, file, Pack, "pack")
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        problems.append(Problem(file, "rule", "expected [[rule]] tables"))
        raw_rules = []
    context = {
        "facts": tuple(facts) + (tuple(pack.facts) if pack else ()),
        "elements": tuple(elements),
        # NOTE: None (not given): extension paths are checked by the engine, later
        "extensions": dict(extensions) if extensions is not None else None,
    }
    rules: list[Rule] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(raw_rules):
        if not isinstance(raw, dict):
            problems.append(Problem(file, f"rule[{i}]", "expected a table"))
            continue
        code = raw.get("code")
        prefix = f"rule[{i}]" + (f" ({code})" if isinstance(code, str) else "")
        if isinstance(code, str) and code in seen:
            problems.append(
                Problem(file, prefix, f"rule code {code!r} is already used by rule[{seen[code]}]")
            )
        if isinstance(code, str):
            seen.setdefault(code, i)
        item = dict(raw)
        if pack is not None and pack.source and "source" not in item:
            item["source"] = pack.source
        item.setdefault("origin", origin or file)
        if plugin:
            item.setdefault("plugin", plugin)
        try:
            rule = Rule.model_validate(item, context=context)
        except ValidationError as exc:
            problems += problems_from_validation(exc, file, Rule, prefix)
            continue
        rules.append(rule)
    if problems:
        raise RuleError(problems)
    return rules
