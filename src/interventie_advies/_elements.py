"""The twelve elements (docs: ../shared/spec/elements.md) and the three liveability effects."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["EFFECTS", "ELEMENTS", "ELEMENT_IDS", "Effect", "Element"]


@dataclass(frozen=True)
class Element:
    """A working element, collaboration principle or tip that rules belong to."""

    id: str
    kind: Literal["work element", "collaboration principle", "tip"]
    nl: str
    en: str

    def title(self, lang: str) -> str:
        """The title users see, in ``lang``."""
        return self.nl if lang == "nl" else self.en


ELEMENTS: tuple[Element, ...] = (
    Element("contact", "work element", "Stimuleer contact", "Stimulate contact"),
    Element(
        "joint_product",
        "work element",
        "Werk aan een gezamenlijk eindproduct of podiummoment",
        "Work towards a joint end product or performance",
    ),
    Element(
        "fit_residents",
        "work element",
        "Sluit aan bij behoeften en mogelijkheden van inwoners",
        "Fit residents' needs and abilities",
    ),
    Element(
        "meeting_place",
        "work element",
        "Zorg voor een fysieke ontmoetingsplek",
        "Provide a physical meeting place",
    ),
    Element(
        "connecting_power",
        "work element",
        "Benut de verbindende kracht van kunst",
        "Use the connecting power of art",
    ),
    Element(
        "shared_vision",
        "collaboration principle",
        "Zorg voor een aansprekende visie en een gedeeld doel",
        "An appealing vision and a shared goal",
    ),
    Element(
        "mutual_strengths",
        "collaboration principle",
        "Benut elkaars sterke kanten",
        "Use each other's strengths",
    ),
    Element(
        "all_layers",
        "collaboration principle",
        "Betrek alle lagen van de samenwerkende organisaties",
        "Involve all layers of the partner organisations",
    ),
    Element(
        "remove_barriers",
        "collaboration principle",
        "Werk samen en neem schotten weg",
        "Work together and remove barriers",
    ),
    Element(
        "sustainability",
        "collaboration principle",
        "Heb aandacht voor verduurzaming",
        "Attention to sustainability",
    ),
    Element(
        "knowledge_use",
        "tip",
        "Benut kennis uit onderzoek en praktijk",
        "Use knowledge from research and practice",
    ),
    Element(
        "key_persons",
        "tip",
        "Werk samen met wie de bewoners kent",
        "Work with those who know the residents",
    ),
)

ELEMENT_IDS: tuple[str, ...] = tuple(e.id for e in ELEMENTS)


@dataclass(frozen=True)
class Effect:
    """One of the three effects on liveability, and the elements that serve it most."""

    id: str
    nl: str
    en: str
    elements: tuple[str, ...]

    def title(self, lang: str) -> str:
        """The title users see, in ``lang``."""
        return self.nl if lang == "nl" else self.en


EFFECTS: tuple[Effect, ...] = (
    Effect(
        "social_contact",
        "Sociale contacten, participatie en levendigheid",
        "Social contact, participation and liveliness",
        ("contact", "meeting_place", "joint_product"),
    ),
    Effect(
        "connection",
        "Samen ontdekken en verbinding",
        "Discovering together and connection",
        ("connecting_power", "joint_product", "shared_vision"),
    ),
    Effect(
        "confidence",
        "Zelfvertrouwen en nieuwe vaardigheden",
        "Self-confidence and new skills",
        ("fit_residents", "joint_product"),
    ),
)
