"""The parts of a rule: texts in two languages, guards, priority adjustments, examples.

NOTE: no ``from __future__ import annotations`` here (see ``_rules``): pydantic would have
to evaluate every field's annotation from its text when the models are defined.
"""

import datetime as dt
import types
from collections.abc import Callable, Iterable, Mapping
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ..project._enums import Priority
from ._conditions import ConditionError, NeedPath, Scope, compile_condition, compile_need
from ._placeholders import PLACEHOLDER as _PLACEHOLDER

__all__ = [
    "Adjustment",
    "Condition",
    "Example",
    "ExtraAction",
    "Guard",
    "LocalList",
    "LocalSource",
    "LocalText",
    "Source",
    "Variant",
    "source_in",
]


class _Strict(BaseModel):
    # NOTE: built on first use: with the rules cache, a plain `advies run` never validates
    # a rule file, so it need not pay for building these validators at import.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


class LocalText(_Strict):
    """A user-facing text in Dutch and English; both are required."""

    nl: str = Field(min_length=1, max_length=5000)
    en: str = Field(min_length=1, max_length=5000)

    def get(self, lang: str) -> str:
        """The text in ``lang`` (``nl`` or ``en``)."""
        return self.nl if lang == "nl" else self.en


#: the longest citation, in characters (docs/limits.md)
MAX_SOURCE = 2000


class LocalSource(LocalText):
    """A citation in Dutch and English, e.g. "z.j." for "n.d." (docs/rule-format.md)."""

    nl: str = Field(min_length=1, max_length=MAX_SOURCE)
    en: str = Field(min_length=1, max_length=MAX_SOURCE)


#: a rule's citation: one text for both languages, or ``{ nl, en }``
Source = Annotated[str, Field(max_length=MAX_SOURCE)] | LocalSource


def source_in(source: Source | None, lang: str) -> str | None:
    """The citation in ``lang``: a plain text is the same in both languages."""
    return source if source is None or isinstance(source, str) else source.get(lang)


class LocalList(_Strict):
    """A list of texts (concrete steps) in Dutch and English; both are required."""

    nl: list[str] = Field(min_length=1, max_length=20)
    en: list[str] = Field(min_length=1, max_length=20)

    def get(self, lang: str) -> list[str]:
        """The list in ``lang``."""
        return self.nl if lang == "nl" else self.en


def _scope(info: ValidationInfo, own_facts: Iterable[str] = ()) -> Scope:
    """What conditions may read: plugin facts and extension models (from the context).

    Without extension models in the context, ``extensions.NAME...`` paths are checked
    later, once every plugin's extensions are known (see :meth:`Rule.extension_problems`).
    """
    facts = tuple(own_facts)
    extensions: tuple[tuple[str, Any], ...] = ()
    deferred = True
    if isinstance(info.context, Mapping):
        facts += tuple(info.context.get("facts", ()))
        given = info.context.get("extensions")
        if given is not None:
            extensions = tuple(sorted(dict(given).items(), key=lambda item: item[0]))
            deferred = False
    return Scope(tuple(sorted(set(facts))), extensions, deferred)


def _extra_facts(info: ValidationInfo) -> Scope:
    return _scope(info, info.data.get("facts") or ())


def _compile_needs(value: tuple[str, ...], extra: Scope) -> tuple[NeedPath, ...]:
    try:
        return tuple(compile_need(path, extra) for path in value)
    except ConditionError as exc:
        text = str(exc)
        raise PydanticCustomError("needs_path", text) from None


Condition = Annotated[
    str | Callable[[Any], bool],
    WithJsonSchema({"type": "string", "description": "a Python boolean expression"}),
]


class _Conditional(_Strict):
    """A sub-table with its own condition and needs, compiled when loaded."""

    when: str = Field(description="condition, as for a rule")
    _code: types.CodeType = PrivateAttr()
    _needs: tuple[NeedPath, ...] = PrivateAttr(())

    @model_validator(mode="after")
    def _compile(self, info: ValidationInfo) -> "_Conditional":
        scope = _scope(info)
        try:
            self._code = compile_condition(self.when, scope)
        except ConditionError as exc:
            raise PydanticCustomError("condition", "when: " + str(exc)) from None
        self._needs = _compile_needs(tuple(getattr(self, "needs", ())), scope)
        return self

    def for_rule(self, rule: str, scope: Scope) -> None:
        """Compile the condition again for ``rule``, whose code its step budget names."""
        self._code = compile_condition(self.when, scope, rule=rule)

    @property
    def code_object(self) -> types.CodeType:
        """The compiled condition."""
        return self._code

    @property
    def need_paths(self) -> tuple[NeedPath, ...]:
        """The compiled ``needs`` paths."""
        return self._needs


class Guard(_Conditional):
    """When a rule applies at all (``[rule.applies]``).

    If the facts in ``needs`` are known and ``when`` is false, the rule stays silent:
    no finding and no question (asking about the accessibility of a meeting place that
    does not exist helps nobody). If they are not known, the rule asks as usual.
    """

    needs: list[str] = Field(min_length=1, description="the facts `when` reads")


class Adjustment(_Conditional):
    """A priority modifier: when ``when`` holds, the finding gets ``priority``."""

    needs: list[str] = Field([], description="if one is absent, the adjustment is skipped")
    priority: Priority
    reason: LocalText


def _check_placeholders(texts: Iterable[str], scope: Scope) -> None:
    """Every ``{table.field}`` in ``texts`` must be a path conditions may read."""
    for text in texts:
        for path in _PLACEHOLDER.findall(text):
            try:
                compile_need(path, scope)
            except ConditionError as exc:
                text = f"placeholder {{{path}}}: {exc}"
                raise PydanticCustomError("placeholder", text) from None


class Variant(_Conditional):
    """Texts that replace the rule's own when ``when`` holds (``[[rule.variants]]``).

    The engine takes the first variant whose ``needs`` are known and whose ``when``
    holds; what a variant leaves out (title, message or actions) stays the rule's own.
    """

    needs: list[str] = Field([], description="if one is absent, the variant does not apply")
    title: LocalText | None = None
    message: LocalText | None = None
    actions: LocalList | None = None

    @model_validator(mode="after")
    def _some_text(self, info: ValidationInfo) -> "Variant":
        if self.title is None and self.message is None and self.actions is None:
            raise PydanticCustomError(
                "variant_text", "a variant needs at least one of title, message or actions"
            )
        texts = [t.get(lang) for t in (self.title, self.message) if t for lang in ("nl", "en")]
        if self.actions is not None:
            texts += [*self.actions.nl, *self.actions.en]
        _check_placeholders(texts, _scope(info))
        return self


class ExtraAction(_Conditional):
    """An action shown after the rule's actions only when ``when`` holds.

    ``[[rule.extra_actions]]``: unknown is not true, so an action whose ``needs`` are
    absent, or whose condition is false or fails, is not shown.
    """

    needs: list[str] = Field([], description="if one is absent, the action is not shown")
    nl: str = Field(min_length=1, max_length=5000)
    en: str = Field(min_length=1, max_length=5000)

    @model_validator(mode="after")
    def _placeholders(self, info: ValidationInfo) -> "ExtraAction":
        _check_placeholders((self.nl, self.en), _scope(info))
        return self

    def get(self, lang: str) -> str:
        """The action in ``lang``."""
        return self.nl if lang == "nl" else self.en


class Example(_Strict):
    """One of a rule's own test cases.

    ``variant`` (1, 2, … or 0 for the rule's own texts) and ``text_contains`` (a piece of
    the finding's Dutch or English texts) check the texts of an example that fires.
    """

    fires: bool | None = None
    asks: bool | None = None
    project: dict[str, Any] = Field(default_factory=dict)
    date: dt.date | None = None
    variant: int | None = Field(None, ge=0, le=100)
    text_contains: str | None = Field(None, min_length=1, max_length=500)

    @model_validator(mode="after")
    def _one_expectation(self) -> "Example":
        if (self.fires is None) == (self.asks is None):
            raise PydanticCustomError(
                "example_expectation", "an example needs exactly one of 'fires' or 'asks'"
            )
        if (self.variant is not None or self.text_contains is not None) and self.fires is not True:
            raise PydanticCustomError(
                "example_texts", "'variant' and 'text_contains' need 'fires = true'"
            )
        return self
