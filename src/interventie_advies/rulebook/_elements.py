"""The twelve elements (docs: ../shared/spec/elements.md) and the three liveability effects.

Their titles, in Dutch and English, are in the catalogue (``_messages/_project.py``).
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from ..messages import text

__all__ = ["EFFECTS", "ELEMENTS", "ELEMENT_IDS", "Effect", "Element"]


class Element(NamedTuple):
    """A working element, collaboration principle or tip that rules belong to."""

    id: str
    kind: Literal["work element", "collaboration principle", "tip"]

    def title(self, lang: str) -> str:
        """The title users see, in ``lang`` (from the catalogue: ``element.ID``)."""
        return text(f"element.{self.id}", lang)


ELEMENTS: tuple[Element, ...] = (
    Element("contact", "work element"),
    Element("joint_product", "work element"),
    Element("fit_residents", "work element"),
    Element("meeting_place", "work element"),
    Element("connecting_power", "work element"),
    Element("shared_vision", "collaboration principle"),
    Element("mutual_strengths", "collaboration principle"),
    Element("all_layers", "collaboration principle"),
    Element("remove_barriers", "collaboration principle"),
    Element("sustainability", "collaboration principle"),
    Element("knowledge_use", "tip"),
    Element("key_persons", "tip"),
)

ELEMENT_IDS: tuple[str, ...] = tuple(e.id for e in ELEMENTS)


class Effect(NamedTuple):
    """One of the three effects on liveability, and the elements that serve it most."""

    id: str
    elements: tuple[str, ...]

    def title(self, lang: str) -> str:
        """The title users see, in ``lang`` (from the catalogue: ``effect.ID``)."""
        return text(f"effect.{self.id}", lang)


EFFECTS: tuple[Effect, ...] = (
    Effect("social_contact", ("contact", "meeting_place", "joint_product")),
    Effect("connection", ("connecting_power", "joint_product", "shared_vision")),
    Effect("confidence", ("fit_residents", "joint_product")),
)
