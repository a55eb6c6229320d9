"""Questions of `advies init` for the optional fields of issue 12.

The interview asks some of them (``project.one_off``, ``residents.talents_used``,
``key_persons.leaves``, and the consent and aftercare of stories when stories are used) and
leaves the rest to the file (``commands._init_fields.NOT_ASKED``); every field has its
question in both languages all the same.
"""

from __future__ import annotations

from ._entry import Entry

__all__ = ["TABLES"]

QUESTIONS: dict[str, Entry] = {
    "q.project.one_off": Entry(
        nl="Is het een eenmalig evenement van een dag of een paar dagen?",
        en="Is it a one-off event of a day or a few days?",
    ),
    "q.residents.talents": Entry(nl="Wat kunnen bewoners goed?", en="What are residents good at?"),
    "q.residents.talents_used": Entry(
        nl="Bouwt het plan voort op wat bewoners kunnen?",
        en="Does the plan build on what residents can do?",
    ),
    "q.art.stories_consent": Entry(
        nl="Beslissen bewoners zelf wat er van hun verhaal te zien is?",
        en="Do residents decide themselves what of their story is shown?",
    ),
    "q.art.stories_aftercare": Entry(
        nl="Is er iemand met wie bewoners na het delen van hun verhaal kunnen praten?",
        en="Is there someone residents can talk to after sharing their story?",
    ),
    "q.activities.locations_vary": Entry(
        nl="Is de activiteit steeds op een andere plek?",
        en="Does the activity move from place to place?",
    ),
    "q.key_persons.leaves": Entry(nl="Wanneer vertrekt hij of zij?", en="When do they leave?"),
    "q.key_persons.successor": Entry(
        nl="Wie neemt het over als deze persoon vertrekt?",
        en="Who takes over when this person leaves?",
    ),
    "q.key_persons.holds": Entry(nl="Wat heeft alleen deze persoon?", en="What do only they hold?"),
}

#: the namespaces this module holds (see __init__.py)
TABLES: dict[str, dict[str, Entry]] = {"init": QUESTIONS}
