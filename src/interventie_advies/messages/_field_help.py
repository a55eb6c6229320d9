"""What each key of a project file holds, in Dutch and English (``field_help``).

The JSON Schema of ``advies schema project`` gives every property this description, so an
editor shows it on hover and in completions (docs/editor.md). A key is the field's path as
users fill it in: ``project.phase``, an item of a list of tables with ``[]``
(``partners[].domain``), a table by its name (``residents``). A test checks that every
property of the schema has an entry here or in ``_field_help_partners``, and every entry a
property.
"""

from __future__ import annotations

from ._entry import Entry

__all__ = ["FIELD_HELP", "TABLES"]

E = Entry

#: the description of each key and table of a project file: the top and the five elements
#: about residents and the art (the seven about working together: ``_field_help_partners``)
FIELD_HELP: dict[str, Entry] = {
    "format": E(
        nl="Versie van het bestandsformaat: altijd 1.",
        en="Version of the file format: always 1.",
    ),
    # [project]
    "project": E(
        nl="Het project: naam, plaats, fase en data. Verplicht.",
        en="The project: name, place, phase and dates. Required.",
    ),
    "project.name": E(nl="De naam van het project. Verplicht.", en="The project's name. Required."),
    "project.neighbourhood": E(nl="De wijk of buurt.", en="The neighbourhood (wijk, buurt)."),
    "project.municipality": E(nl="De gemeente.", en="The municipality (gemeente)."),
    "project.description": E(
        nl="Een paar zinnen over het project.", en="A few sentences about the project."
    ),
    "project.phase": E(
        nl="Waar het project nu staat. Advies voor deze fase komt hoger in de lijst.",
        en="Where the project stands now. Advice for this phase ranks higher.",
    ),
    "project.start": E(
        nl="Wanneer het project begint (jaar-maand-dag).",
        en="When the project starts (year-month-day).",
    ),
    "project.end": E(
        nl="Wanneer het project stopt (jaar-maand-dag), op of na het begin.",
        en="When the project ends (year-month-day), on or after the start.",
    ),
    "project.one_off": E(
        nl="true voor een evenement van een dag of een paar dagen, zoals een buurtfeest. "
        "Dan hoeft het niet door te gaan om waardevol te zijn.",
        en="true for an event of a day or a few days, such as a street party. "
        "It then does not have to go on to be worth it.",
    ),
    # [residents]
    "residents": E(
        nl="Bewoners: voor wie het project is, wat ze nodig hebben, wat hen tegenhoudt.",
        en="Residents: who it is for, what they need, what keeps them away.",
    ),
    "residents.needs": E(nl="Wat de bewoners nodig hebben.", en="What the residents need."),
    "residents.needs_identified_with_residents": E(
        nl="true als jullie samen met bewoners hebben uitgezocht wat ze nodig hebben.",
        en="true if you found out together with residents what they need.",
    ),
    "residents.how_identified": E(
        nl="Hoe jullie hebben uitgezocht wat bewoners nodig hebben.",
        en="How you found out what residents need.",
    ),
    "residents.target_groups": E(nl="Voor wie het project is.", en="Who the project is for."),
    "residents.expected_participants": E(
        nl="Hoeveel bewoners naar verwachting meedoen.",
        en="How many residents you expect to take part.",
    ),
    "residents.barriers": E(
        nl="Wat bewoners kan tegenhouden om mee te doen.",
        en="What could keep residents from taking part.",
    ),
    "residents.barriers_addressed": E(
        nl="Welke van die drempels het plan aanpakt.",
        en="Which of those barriers the plan deals with.",
    ),
    "residents.co_design": E(
        nl="Hoeveel zeggenschap bewoners hebben: niet, ze geven hun mening, ze ontwerpen mee, "
        "of ze beslissen zelf.",
        en="How much say residents have: none, consulted, designing together, or leading.",
    ),
    "residents.talents": E(
        nl="Wat bewoners kunnen en meebrengen, zoals koken, timmeren of zingen.",
        en="What residents can do and bring, such as cooking, carpentry or singing.",
    ),
    "residents.talents_used": E(
        nl="true als het plan gebruikmaakt van wat bewoners kunnen.",
        en="true if the plan makes use of what residents can do.",
    ),
    # [art]
    "art": E(
        nl="De kunstvorm en hoe het werk gemaakt wordt.",
        en="The art form and how the work is made.",
    ),
    "art.forms": E(nl="De kunstvormen.", en="The art forms."),
    "art.low_threshold": E(
        nl="true als iedereen kan meedoen zonder ervaring, talent, geld of goed Nederlands.",
        en="true if anyone can join without experience, talent, money or language skills.",
    ),
    "art.chosen_with_residents": E(
        nl="true als de kunstvorm samen met bewoners is gekozen.",
        en="true if the art form was chosen together with residents.",
    ),
    "art.professional_artist": E(
        nl="true als een professionele kunstenaar het project leidt of coacht.",
        en="true if a professional artist leads or coaches.",
    ),
    "art.artist_community_experience": E(
        nl="true als die kunstenaar al eerder met bewoners of groepen in een buurt werkte.",
        en="true if that artist has worked with residents or communities before.",
    ),
    "art.uses_residents_stories": E(
        nl="true als de verhalen, levens of buurt van bewoners het materiaal zijn.",
        en="true if residents' own stories, lives or neighbourhood are the material.",
    ),
    "art.the_other_as_muse": E(
        nl="true als deelnemers werk maken over of voor elkaar.",
        en="true if participants make work about or for each other.",
    ),
    "art.mixes_groups": E(
        nl="true als het maken bewust verschillende groepen bij elkaar brengt.",
        en="true if the making deliberately brings different groups together.",
    ),
    "art.stories_consent": E(
        nl="true als bewoners zelf beslissen wat er van hun verhaal te zien is, "
        "en het ook weer kunnen terugtrekken.",
        en="true if residents decide themselves what is shown of their story, "
        "and can also withdraw it.",
    ),
    "art.stories_aftercare": E(
        nl="true als er iemand is om mee te praten nadat een bewoner een persoonlijk "
        "verhaal heeft gedeeld.",
        en="true if there is someone to talk to after a resident has shared a personal story.",
    ),
    # [[activities]]
    "activities": E(
        nl="De activiteiten die steeds terugkomen; één [[activities]] per activiteit.",
        en="The recurring activities; one [[activities]] per activity.",
    ),
    "activities[].name": E(
        nl="Hoe de activiteit heet. Verplicht.", en="What the activity is called. Required."
    ),
    "activities[].kind": E(nl="Wat voor activiteit het is.", en="What sort of activity it is."),
    "activities[].frequency": E(nl="Hoe vaak.", en="How often."),
    "activities[].sessions": E(
        nl="Hoeveel keer het gepland is.", en="The planned number of sessions."
    ),
    "activities[].location": E(
        nl="Waar het is; dezelfde tekst als meeting_place.name koppelt het aan de ontmoetingsplek.",
        en="Where it takes place; the same text as meeting_place.name links it to the "
        "meeting place.",
    ),
    "activities[].informal_moment_after": E(
        nl="true als er na de activiteit koffie, thee of een ander informeel moment is.",
        en="true if there is coffee, tea or another informal moment after the activity.",
    ),
    "activities[].locations_vary": E(
        nl="true als de activiteit steeds op een andere plek is.",
        en="true if the activity moves from place to place.",
    ),
    # [contact]
    "contact": E(
        nl="Hoe deelnemers contact houden, tijdens en na de activiteiten.",
        en="How participants keep in touch, around and after the activities.",
    ),
    "contact.informal_moments": E(
        nl="true als informele momenten voor contact in het plan staan.",
        en="true if informal moments for contact are part of the plan.",
    ),
    "contact.group_channel": E(
        nl="Het kanaal waarmee deelnemers contact houden; none als er geen is.",
        en="The channel through which participants keep in touch; none if there is none.",
    ),
    "contact.channel_moderator": E(
        nl="Wie het kanaal levend houdt.", en="Who keeps the channel going."
    ),
    "contact.continues_after_project": E(
        nl="true als het contact naar verwachting doorgaat als het project stopt.",
        en="true if contact is expected to go on when the project ends.",
    ),
    # [meeting_place]
    "meeting_place": E(
        nl="De plek waar bewoners elkaar ontmoeten.", en="The physical meeting place."
    ),
    "meeting_place.available": E(
        nl="true als er een vaste plek is om elkaar te ontmoeten.",
        en="true if there is a physical meeting place.",
    ),
    "meeting_place.name": E(nl="De naam van de plek.", en="Its name."),
    "meeting_place.kind": E(nl="Wat voor plek het is.", en="What sort of place it is."),
    "meeting_place.in_neighbourhood": E(
        nl="true als de plek in de buurt is, op loopafstand.",
        en="true if it is in the neighbourhood, within walking distance.",
    ),
    "meeting_place.accessible": E(
        nl="true als de plek goed toegankelijk is (rolstoel, trappen).",
        en="true if it is physically accessible (wheelchair, stairs).",
    ),
    "meeting_place.open_outside_activities": E(
        nl="true als bewoners er ook buiten het programma kunnen binnenlopen.",
        en="true if residents can drop in outside the programme.",
    ),
    "meeting_place.available_after_project": E(
        nl="true als de plek blijft als het project stopt.",
        en="true if the place stays available when the project ends.",
    ),
    # [end_product]
    "end_product": E(
        nl="Het gezamenlijke eindproduct of podiummoment.",
        en="The joint end product or performance.",
    ),
    "end_product.planned": E(
        nl="true als een gezamenlijk eindproduct of podiummoment gepland is.",
        en="true if a joint end product or performance is planned.",
    ),
    "end_product.kind": E(
        nl="Wat voor moment of product het is.", en="What sort of moment or product it is."
    ),
    "end_product.date": E(
        nl="Wanneer het plaatsvindt (jaar-maand-dag).",
        en="When it takes place (year-month-day).",
    ),
    "end_product.residents_invite_others": E(
        nl="true als deelnemers familie, buren en anderen uitnodigen.",
        en="true if participants invite family, neighbours and others.",
    ),
    "end_product.celebration": E(
        nl="true als jullie samen vieren wat is bereikt.",
        en="true if what was achieved is celebrated together.",
    ),
    "end_product.residents_contribute": E(
        nl="true als bewoners het product zelf maken, niet alleen kijken.",
        en="true if residents make the product themselves, not only watch.",
    ),
    "end_product.follow_up": E(
        nl="Wat er na het moment gebeurt, zoals een volgende editie.",
        en="What happens after the moment, such as a next edition.",
    ),
}


#: the namespaces this module holds (see __init__.py)
TABLES: dict[str, dict[str, Entry]] = {
    "field_help": FIELD_HELP,
}
