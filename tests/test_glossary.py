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
    # issue 12: plain words, one word for a partner's management ("de leiding")
    "verduurzaming", "directie", "management", "leidinggevende", "bestuur", r"middel\b",
    r"Movisie noemt",
]

#: the twelve element titles in plain Dutch (issue 12: no policy jargon)
ELEMENT_TITLES = {
    "contact": "Zorg voor contact tussen bewoners",
    "joint_product": "Maak samen iets om te laten zien",
    "fit_residents": "Sluit aan bij wat bewoners nodig hebben en kunnen",
    "meeting_place": "Zorg voor een plek om elkaar te ontmoeten",
    "connecting_power": "Gebruik kunst om mensen te verbinden",
    "shared_vision": "Kies samen een doel dat mensen aanspreekt",
    "mutual_strengths": "Gebruik wat ieder goed kan",
    "all_layers": "Betrek bij elke partner de leiding en de werkvloer",
    "remove_barriers": "Werk samen over de grenzen van je vak",
    "sustainability": "Zorg dat het blijft",
    "knowledge_use": "Gebruik wat onderzoek en praktijk al weten",
    "key_persons": "Werk samen met wie de bewoners kent",
}


def dutch_texts() -> list[tuple[str, str]]:
    out = []
    for rule in Engine(plugins=()).rules:
        for field in ("title", "message", "why", "question"):
            text = getattr(rule, field)
            if text is not None:
                out.append((f"{rule.code}.{field}", text.nl))
        if rule.actions is not None:
            out += [(f"{rule.code}.actions", a) for a in rule.actions.nl]
        out += [(f"{rule.code}.adjust", a.reason.nl) for a in rule.adjust if a.reason]
    for namespace in sorted(_messages.NAMESPACES):
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


def test_element_titles_are_plain_dutch() -> None:
    """The titles say what to do in everyday words, not the factsheet's policy terms."""
    assert {k: e.nl for k, e in _messages.table("element").items()} == ELEMENT_TITLES


def test_effect_titles_use_everyday_words() -> None:
    """'participatie' is a policy word; residents 'doen mee'."""
    titles = [e.nl for e in _messages.table("effect").values()]
    assert titles[0] == "Contact, meedoen en leven in de buurt"
    assert not [t for t in titles if re.search(r"participatie", t, re.I)]


def test_the_middle_band_is_gemiddeld() -> None:
    assert [_messages.word(p, "nl") for p in ("high", "medium", "low")] == [
        "hoog", "gemiddeld", "laag"]


FOREIGN = {"What Works": "Brits onderzoek", "Markusen": "Amerikaans onderzoek",
           "Creative People and Places": "Engels"}


@pytest.mark.parametrize("name", sorted(FOREIGN))
def test_a_foreign_source_is_explained_where_a_text_names_it(name: str) -> None:
    """A reader learns where research comes from: 'Amerikaans onderzoek van Markusen'."""
    unexplained = [where for where, text in TEXTS if name in text and FOREIGN[name] not in text]
    assert unexplained == []
    assert any(name in text for _, text in TEXTS)


def test_expert_lead_times_say_they_are_estimates() -> None:
    """How long an application takes is experience, not research: the text says so."""
    texts = dict(TEXTS)
    assert "volgens ervaring" in texts["SUS02.why"]
    assert any("naar schatting zes tot negen maanden" in a
               for where, a in TEXTS if where == "SUS02.actions")
