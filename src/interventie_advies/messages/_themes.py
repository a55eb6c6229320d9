"""Titles of the themes: the root causes that rules share (one report item per theme)."""

from __future__ import annotations

from ._entry import Entry

__all__ = ["TABLES", "THEMES"]

#: a theme id (``theme`` in a rule file) and the title of its report item; a plugin's
#: theme without an entry here shows the title of its most urgent finding
THEMES: dict[str, Entry] = {
    "continuation": Entry(
        nl="Besluit wat blijft en wie het draagt", en="Decide what stays and who carries it"
    ),
    "follow_up_funding": Entry(nl="Zoek geld voor daarna", en="Find money for afterwards"),
    "resident_link": Entry(
        nl="Werk met iemand die de bewoners kent", en="Work with someone who knows the residents"
    ),
    "management": Entry(
        nl="Zorg dat de leiding van elke partner meedoet en het project steunt",
        en="Get the leadership of every partner involved and backing the project",
    ),
    "anchoring": Entry(
        nl="Zorg dat het werk niet op één persoon rust",
        en="Make sure the work does not rest on one person",
    ),
    "personal_stories": Entry(
        nl="Ga zorgvuldig om met persoonlijke verhalen",
        en="Handle personal stories with care",
    ),
}

#: the namespaces this module holds (see __init__.py)
TABLES: dict[str, dict[str, Entry]] = {"theme": THEMES}
