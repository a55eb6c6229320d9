"""Words of the web form: the task list, the pages per table, conflicts and drafts."""

from __future__ import annotations

from ._entry import Entry

__all__ = ["FORM", "TABLES"]

E = Entry

#: the short title of each table's page (a plugin's table: ``form_extension``)
_TITLES: dict[str, Entry] = {
    "form_table_project": E(nl="Project", en="Project"),
    "form_table_residents": E(nl="Bewoners", en="Residents"),
    "form_table_art": E(nl="Kunst", en="Art"),
    "form_table_activities": E(nl="Activiteiten", en="Activities"),
    "form_table_contact": E(nl="Contact", en="Contact"),
    "form_table_meeting_place": E(nl="Ontmoetingsplek", en="Meeting place"),
    "form_table_end_product": E(nl="Eindproduct", en="End product"),
    "form_table_vision": E(nl="Visie", en="Vision"),
    "form_table_partners": E(nl="Partners", en="Partners"),
    "form_table_collaboration": E(nl="Samenwerking", en="Collaboration"),
    "form_table_funding": E(nl="Financiering", en="Funding"),
    "form_table_funding.sources": E(nl="Bronnen van geld", en="Sources of money"),
    "form_table_continuation": E(nl="Voortzetting", en="Continuation"),
    "form_table_knowledge": E(nl="Kennis", en="Knowledge"),
    "form_table_key_persons": E(nl="Sleutelpersonen", en="Key persons"),
    "form_table_decisions": E(nl="Besluiten over advies", en="Decisions on advice"),
    "form_table_advies": E(nl="Instellingen", en="Settings"),
    "form_extension": E(nl="Uitbreiding: {name}", en="Extension: {name}"),
}

#: labels, buttons and messages of the form
FORM: dict[str, Entry] = {
    **_TITLES,
    "form_tasks": E(nl="Project invullen", en="Fill in the project"),
    "form_tasks_intro": E(
        nl="Vul het project deel voor deel in. Je hoeft niet alles te weten: wat je open laat, "
        "vraagt het advies later.",
        en="Fill in the project part by part. You need not know everything: what you leave "
        "open, the advice asks about later.",
    ),
    "form_part": E(nl="Onderdeel", en="Part"),
    "form_state": E(nl="Stand", en="State"),
    "form_not_started": E(nl="niet begonnen", en="not started"),
    "form_incomplete": E(nl="onvolledig", en="incomplete"),
    "form_complete": E(nl="klaar", en="complete"),
    "form_edit": E(nl="Invullen met het formulier", en="Fill in with the form"),
    "form_new": E(nl="Nieuw project", en="New project"),
    "form_new_intro": E(
        nl="Begin met de naam. De rest vul je daarna deel voor deel in.",
        en="Start with the name. You fill in the rest part by part afterwards.",
    ),
    "form_create": E(nl="Project maken", en="Create project"),
    "form_save_next": E(nl="Opslaan en verder", en="Save and continue"),
    "form_save_list": E(nl="Opslaan en terug naar de lijst", en="Save and back to the list"),
    "form_back": E(nl="Terug naar de lijst", en="Back to the list"),
    "form_yes": E(nl="ja", en="yes"),
    "form_no": E(nl="nee", en="no"),
    "form_unknown": E(nl="weet niet", en="don't know"),
    "form_none": E(nl="geen van deze", en="none of these"),
    "form_choices_hint": E(
        nl="Niets aangevinkt betekent: weet niet.", en="Nothing ticked means: don't know."
    ),
    "form_lines_hint": E(nl="Eén per regel.", en="One per line."),
    "form_required": E(nl="verplicht", en="required"),
    "form_add": E(nl="{what} toevoegen", en="Add {what}"),
    "form_remove": E(nl="{what} {n} weghalen", en="Remove {what} {n}"),
    "form_entry": E(nl="{what} {n}", en="{what} {n}"),
    "form_none_yet": E(nl="Nog geen.", en="None yet."),
    "form_item": E(nl="Onderdeel", en="Item"),
    "form_nothing_saved": E(
        nl="Er is niets opgeslagen. Verbeter wat hieronder staat en sla opnieuw op; wat je "
        "hebt ingevuld staat er nog.",
        en="Nothing was saved. Correct what is shown below and save again; what you typed "
        "is still there.",
    ),
    "form_elsewhere": E(nl="elders in het project", en="elsewhere in the project"),
    "form_comment": E(nl="Formulier: {title}", en="Form: {title}"),
    "form_conflict_title": E(
        nl="Iemand anders heeft intussen opgeslagen", en="Someone else saved in the meantime"
    ),
    "form_conflict": E(
        nl="Versie {n} is nieuwer dan de versie waarmee je begon. Er is niets opgeslagen. "
        "Hieronder staan jouw waarden en die van versie {n} waar ze verschillen.",
        en="Version {n} is newer than the version you started from. Nothing was saved. "
        "Below are your values and those of version {n} where they differ.",
    ),
    "form_field": E(nl="Vraag", en="Question"),
    "form_yours": E(nl="Jouw waarde", en="Your value"),
    "form_theirs": E(nl="In versie {n}", en="In version {n}"),
    "form_no_difference": E(
        nl="Voor dit onderdeel zijn de waarden gelijk.", en="The values of this part are the same."
    ),
    "form_save_mine": E(
        nl="Mijn waarden opslaan boven op versie {n}", en="Save my values on top of version {n}"
    ),
    "form_draft": E(
        nl="Dit is wat je had ingevuld voordat je sessie verliep. Het is nog niet opgeslagen.",
        en="This is what you had typed before your session expired. It is not saved yet.",
    ),
    "form_draft_gone": E(
        nl="Wat je had ingevuld is niet meer bewaard (na 24 uur wordt het weggegooid).",
        en="What you had typed is no longer kept (it is deleted after 24 hours).",
    ),
}

TABLES = {"web": FORM}
