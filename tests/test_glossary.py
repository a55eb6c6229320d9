"""The Dutch rule texts and catalogue words use one term per concept (docs/glossary.md)."""

from __future__ import annotations

import re

import pytest

from interventie_advies import Engine
from interventie_advies import messages as _messages

AVOIDED = [
    "inwoners", "wijkbewoner", "buurtbewoner", "doelgroep", "participant", "stakeholder",
    "het management", "ontmoetingsruimte", "ontmoetingsplaats", "eindmoment", "sleutelfiguur",
    "artiest", "middelen", "gelden", "borrelmoment", "sector",
]


def dutch_texts() -> list[tuple[str, str]]:
    out = []
    for rule in Engine(plugins=()).rules:
        for field in ("title", "message", "why", "question"):
            text = getattr(rule, field)
            if text is not None:
                out.append((f"{rule.code}.{field}", text.nl))
        if rule.actions is not None:
            out += [(f"{rule.code}.actions", a) for a in rule.actions.nl]
    # NOTE: the element titles are Movisie's own words ("inwoners"), quoted as they are
    for namespace in sorted(set(_messages.NAMESPACES) - {"element"}):
        out += [(f"{namespace}.{k}", e.nl) for k, e in _messages.table(namespace).items()]
    return out


TEXTS = dutch_texts()


@pytest.mark.parametrize("word", AVOIDED)
def test_avoided_word_is_not_used(word: str) -> None:
    hits = [where for where, text in TEXTS if re.search(rf"\b{word}", text, re.I)]
    assert hits == [], f"{word!r} is avoided (docs/glossary.md); used in {hits}"


def test_dutch_sentences_are_short() -> None:
    """B1 Dutch: no sentence over 30 words."""
    long = []
    for where, text in TEXTS:
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if len(sentence.split()) > 30:
                long.append((where, len(sentence.split())))
    assert long == []


def test_assessments_and_effects_use_the_glossary_words() -> None:
    """An element is never 'deels' or 'onbekend'; an effect is never forecast."""
    words = _messages.table("word")
    assert [words[k].nl for k in ("in_order", "in_order_with_attention", "weak", "missing",
                                  "not_described")] == [
        "op orde", "op orde, met aandachtspunt", "zwak", "ontbreekt", "nog niet beschreven"]
    effects = {k: e.nl for k, e in words.items() if k.startswith(("contribution_", "effects"))}
    assert len(effects) == 8
    for key, text in effects.items():
        assert not re.search(r"\b(sterk|redelijk|zal|zullen|levert|opleveren)\b", text), key
    for key in ("contribution_can_contribute", "contribution_can_contribute_if",
                "contribution_little_yet"):
        assert "kan hier" in effects[key] and "bijdragen" in effects[key]
