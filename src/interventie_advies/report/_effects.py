"""What a project can contribute to each effect, as one sentence every renderer shares."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..messages import text

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from ._values import EffectScore

__all__ = ["effect_sentence", "said_effects"]


def said_effects(effects: Sequence[EffectScore]) -> list[EffectScore]:
    """The effects the report says something about (not those with too little known)."""
    return [e for e in effects if e.contribution != "unknown"]


def effect_sentence(effect: EffectScore, titles: Mapping[str, str], lang: str) -> str:
    """What the project can contribute to ``effect``, naming the elements that need work."""
    named = ", ".join(f"‘{titles.get(e, e)}’" for e in effect.attention)
    return text(f"word.contribution_{effect.contribution}", lang, elements=named)
