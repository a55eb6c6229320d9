"""What a project can contribute to each effect, as one sentence every renderer shares."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..messages import text

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from ._values import EffectScore, ElementStatus

__all__ = ["effect_sentence", "said_effects"]


def said_effects(effects: Sequence[EffectScore]) -> list[EffectScore]:
    """The effects the report says something about (not those with too little known)."""
    return [e for e in effects if e.contribution != "unknown"]


def effect_sentence(effect: EffectScore, elements: Sequence[ElementStatus], lang: str) -> str:
    """What the project can contribute to ``effect``: the elements that need work by name.

    An element behind the effect that is not described yet is named too, so "in order"
    never stands for what no one described.
    """
    by_id = {e.element: e for e in elements}
    silent = [e for e in effect.elements if e not in by_id or by_id[e].not_described]
    key = effect.contribution
    if key == "can_contribute" and silent:
        key = "can_contribute_known"
    sentence = text(f"word.contribution_{key}", lang, elements=_names(effect.attention, by_id))
    if silent:
        sentence += " " + text("word.contribution_silent", lang, elements=_names(silent, by_id))
    return sentence


def _names(ids: Iterable[str], by_id: dict[str, ElementStatus]) -> str:
    return ", ".join(f"‘{by_id[e].title if e in by_id else e}’" for e in ids)
