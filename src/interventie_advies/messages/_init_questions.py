"""The questions of `advies init`: one per field, and an introduction per part."""

from __future__ import annotations

from ._entry import Entry

__all__ = ["QUESTIONS", "TABLES"]


#: "intro.TABLE" per part (also the comment above the table in the written file), "q.PATH"
#: per question, "add.TABLE"/"more.TABLE" for lists of tables
QUESTIONS: dict[str, Entry] = {
    # the parts, also the comment above each table in the written file
    "intro.project": Entry(
        nl="Het project: naam, plek, fase en looptijd.",
        en="The project: name, place, phase and dates.",
    ),
    "intro.residents": Entry(
        nl=("Bewoners: voor wie het project is, wat zij nodig hebben en wat hen tegenhoudt."),
        en="Residents: who the project is for, what they need and what keeps them away.",
    ),
    "intro.art": Entry(
        nl="De kunstvorm en hoe het werk gemaakt wordt.",
        en="The art form and how the work is made.",
    ),
    "intro.activities": Entry(
        nl="Activiteiten: wat er steeds terugkomt, zoals repetities en workshops.",
        en="Activities: what comes back regularly, such as rehearsals and workshops.",
    ),
    "intro.contact": Entry(
        nl="Contact tussen bewoners, tijdens en na de activiteiten.",
        en="Contact between residents, during and after the activities.",
    ),
    "intro.meeting_place": Entry(
        nl="Ontmoetingsplek: een fysieke plek waar bewoners elkaar tegenkomen.",
        en="Meeting place: a physical place where residents meet.",
    ),
    "intro.end_product": Entry(
        nl="Eindproduct of podiummoment: waar bewoners samen naartoe werken.",
        en="End product or performance: what residents work towards together.",
    ),
    "intro.vision": Entry(
        nl="Visie en gedeeld doel van partners en bewoners.",
        en="Vision and shared goal of partners and residents.",
    ),
    "intro.partners": Entry(
        nl="Partners: de organisaties die meedoen.",
        en="Partners: the organisations that take part.",
    ),
    "intro.collaboration": Entry(
        nl="Samenwerking: hoe de partners samenwerken over de grenzen van hun vak heen.",
        en="Collaboration: how the partners work together across their fields.",
    ),
    "intro.funding": Entry(
        nl="Financiering: het geld en hoe lang het meegaat.",
        en="Funding: the money and how long it lasts.",
    ),
    "intro.funding.sources": Entry(nl="Een bron van geld.", en="A source of money."),
    "intro.continuation": Entry(
        nl="Voortzetting: wat er blijft als het project stopt.",
        en="Continuation: what remains when the project ends.",
    ),
    "intro.knowledge": Entry(
        nl="Kennis uit onderzoek en praktijk, en leren tijdens het project.",
        en="Knowledge from research and practice, and learning during the project.",
    ),
    "intro.key_persons": Entry(
        nl="Sleutelpersonen: mensen die de bewoners kennen en weten wat er speelt.",
        en="Key persons: people who know the residents and what goes on.",
    ),
    # [project]
    "q.project.name": Entry(nl="Hoe heet het project?", en="What is the project called?"),
    "q.project.neighbourhood": Entry(
        nl="In welke buurt is het project?", en="In which neighbourhood is the project?"
    ),
    "q.project.municipality": Entry(nl="In welke gemeente?", en="In which municipality?"),
    "q.project.description": Entry(
        nl="Vertel in een paar zinnen wat het project is.",
        en="Describe the project in a few sentences.",
    ),
    "q.project.phase": Entry(
        nl="In welke fase is het project nu?", en="What phase is the project in now?"
    ),
    "q.project.start": Entry(nl="Wanneer begint het project?", en="When does the project start?"),
    "q.project.end": Entry(nl="Wanneer stopt het project?", en="When does the project end?"),
    # [residents]
    "q.residents.needs": Entry(
        nl="Wat hebben de bewoners nodig?", en="What do the residents need?"
    ),
    "q.residents.needs_identified_with_residents": Entry(
        nl="Hebben jullie dat samen met bewoners uitgezocht (en niet zelf bedacht)?",
        en="Did you find that out together with residents (rather than assume it)?",
    ),
    "q.residents.how_identified": Entry(
        nl="Hoe hebben jullie dat uitgezocht?", en="How did you find that out?"
    ),
    "q.residents.target_groups": Entry(nl="Voor wie is het project?", en="Who is the project for?"),
    "q.residents.expected_participants": Entry(
        nl="Hoeveel bewoners doen naar verwachting mee?",
        en="How many residents do you expect to take part?",
    ),
    "q.residents.barriers": Entry(
        nl="Wat kan bewoners tegenhouden om mee te doen?",
        en="What could keep residents from taking part?",
    ),
    "q.residents.barriers_addressed": Entry(
        nl="Welke van die drempels pakt jullie plan aan?",
        en="Which of those barriers does your plan deal with?",
    ),
    "q.residents.co_design": Entry(
        nl="Hoeveel bepalen bewoners mee?", en="How much do residents shape the project?"
    ),
    # [art]
    "q.art.forms": Entry(nl="Welke kunstvormen?", en="Which art forms?"),
    "q.art.low_threshold": Entry(
        nl="Kan iedereen meedoen, zonder ervaring, talent, geld of kennis van de taal?",
        en="Can anyone take part, without experience, talent, money or language skills?",
    ),
    "q.art.chosen_with_residents": Entry(
        nl="Hebben jullie de kunstvorm samen met bewoners gekozen?",
        en="Was the art form chosen together with residents?",
    ),
    "q.art.professional_artist": Entry(
        nl="Leidt of begeleidt een professionele kunstenaar het werk?",
        en="Does a professional artist lead or coach the work?",
    ),
    "q.art.artist_community_experience": Entry(
        nl="Heeft die kunstenaar al eerder met bewoners gewerkt?",
        en="Has that artist worked with residents or communities before?",
    ),
    "q.art.uses_residents_stories": Entry(
        nl="Gaat het werk over de eigen verhalen, levens of buurt van bewoners?",
        en="Is the work made from residents' own stories, lives or neighbourhood?",
    ),
    "q.art.the_other_as_muse": Entry(
        nl="Maken deelnemers werk over of voor elkaar?",
        en="Do participants make work about or for each other?",
    ),
    "q.art.mixes_groups": Entry(
        nl="Brengt het maken bewust verschillende groepen bij elkaar?",
        en="Does the making deliberately bring different groups together?",
    ),
    # [[activities]]
    "add.activities": Entry(
        nl="Wil je een activiteit toevoegen?", en="Do you want to add an activity?"
    ),
    "more.activities": Entry(nl="Nog een activiteit toevoegen?", en="Add another activity?"),
    "q.activities.name": Entry(nl="Hoe heet de activiteit?", en="What is the activity called?"),
    "q.activities.kind": Entry(nl="Wat voor activiteit is het?", en="What kind of activity is it?"),
    "q.activities.frequency": Entry(
        nl="Hoe vaak is de activiteit?", en="How often does it take place?"
    ),
    "q.activities.sessions": Entry(nl="Hoeveel keer in totaal?", en="How many sessions in total?"),
    "q.activities.location": Entry(nl="Waar is de activiteit?", en="Where does it take place?"),
    "q.activities.informal_moment_after": Entry(
        nl="Is er na afloop een informeel moment (koffie, thee)?",
        en="Is there an informal moment afterwards (coffee, tea)?",
    ),
    # [contact]
    "q.contact.informal_moments": Entry(
        nl="Horen informele momenten (koffie, thee) bij het plan?",
        en="Are informal moments (coffee, tea) part of the plan?",
    ),
    "q.contact.group_channel": Entry(
        nl="Hoe houden deelnemers contact met elkaar (groepskanaal)?",
        en="Through which group channel do participants keep in touch?",
    ),
    "q.contact.channel_moderator": Entry(
        nl="Wie houdt het groepskanaal bij?", en="Who keeps the channel going?"
    ),
    "q.contact.continues_after_project": Entry(
        nl="Gaat het contact door als het project stopt?",
        en="Will the contact go on when the project ends?",
    ),
    # [meeting_place]
    "q.meeting_place.available": Entry(
        nl="Is er een vaste plek waar bewoners elkaar ontmoeten?",
        en="Is there a physical meeting place?",
    ),
    "q.meeting_place.name": Entry(
        nl="Hoe heet de ontmoetingsplek?", en="What is the meeting place called?"
    ),
    "q.meeting_place.kind": Entry(nl="Wat voor plek is het?", en="What kind of place is it?"),
    "q.meeting_place.in_neighbourhood": Entry(
        nl="Ligt de plek in de buurt, op loopafstand?",
        en="Is it in the neighbourhood, within walking distance?",
    ),
    "q.meeting_place.accessible": Entry(
        nl="Kan iedereen er goed in, ook met een rolstoel?",
        en="Is it physically accessible (wheelchair, stairs)?",
    ),
    "q.meeting_place.open_outside_activities": Entry(
        nl="Kunnen bewoners er ook binnenlopen als er geen activiteit is?",
        en="Can residents drop in outside the activities?",
    ),
    "q.meeting_place.available_after_project": Entry(
        nl="Blijft de plek er als het project stopt?",
        en="Does the place stay available when the project ends?",
    ),
    # [end_product]
    "q.end_product.planned": Entry(
        nl="Werken jullie samen naar een eindproduct of podiummoment?",
        en="Is a joint end product or performance planned?",
    ),
    "q.end_product.kind": Entry(
        nl="Wat voor eindproduct of podiummoment?", en="What kind of end product or performance?"
    ),
    "q.end_product.date": Entry(nl="Op welke datum?", en="On what date?"),
    "q.end_product.residents_invite_others": Entry(
        nl="Nodigen deelnemers familie, buren of anderen uit?",
        en="Do participants invite family, neighbours or others?",
    ),
    "q.end_product.celebration": Entry(
        nl="Vieren jullie samen wat er bereikt is?",
        en="Do you celebrate together what was achieved?",
    ),
    "q.end_product.residents_contribute": Entry(
        nl="Maken bewoners het eindproduct zelf (en kijken ze niet alleen)?",
        en="Do residents make the product themselves (not only watch)?",
    ),
    "q.end_product.follow_up": Entry(
        nl="Wat gebeurt er daarna, bijvoorbeeld een volgende keer?",
        en="What happens afterwards, such as a next edition?",
    ),
    # [vision]
    "q.vision.shared_goal": Entry(
        nl="Wat is het gedeelde doel, in een of twee zinnen?",
        en="What is the shared goal, in one or two sentences?",
    ),
    "q.vision.written_down": Entry(nl="Staat het doel op papier?", en="Is the goal written down?"),
    "q.vision.endorsed_by_partners": Entry(
        nl="Terug naar het doel: welke partners staan erachter?",
        en="Back to the goal: which partners endorse it?",
    ),
    "q.vision.residents_recognise": Entry(
        nl="Herkennen bewoners zich in het doel?",
        en="Do residents recognise themselves in the goal?",
    ),
    "q.vision.social_and_artistic_goals": Entry(
        nl="Noemt het doel zowel iets sociaals als iets artistieks?",
        en="Does it name both a social and an artistic aim?",
    ),
    # [[partners]]
    "add.partners": Entry(nl="Wil je een partner toevoegen?", en="Do you want to add a partner?"),
    "more.partners": Entry(nl="Nog een partner toevoegen?", en="Add another partner?"),
    "q.partners.name": Entry(nl="Hoe heet de organisatie?", en="What is the organisation called?"),
    "q.partners.domain": Entry(
        nl="In welk werkveld werkt deze partner?", en="In which field does this partner work?"
    ),
    "q.partners.role": Entry(
        nl="Wat doet deze partner in het project?", en="What is its role in the project?"
    ),
    "q.partners.strengths": Entry(
        nl="Waar is deze partner goed in?", en="What is this partner good at?"
    ),
    "q.partners.contribution": Entry(
        nl="Wat brengt deze partner in?", en="What does this partner bring?"
    ),
    "q.partners.levels_involved": Entry(
        nl="Wie van deze organisatie doet mee?", en="Which layers of the organisation are involved?"
    ),
    "q.partners.knows_residents": Entry(
        nl="Kennen en vertrouwen de bewoners deze partner?",
        en="Does this partner have a relationship of trust with the residents?",
    ),
    "q.partners.committed_after_project": Entry(
        nl="Blijft deze partner meedoen na het project?",
        en="Will this partner keep contributing after the project?",
    ),
    # [collaboration]
    "q.collaboration.agreements_written": Entry(
        nl="Staan rollen en afspraken op papier?", en="Are roles and agreements written down?"
    ),
    "q.collaboration.regular_meetings": Entry(
        nl="Hoe vaak overleggen de partners?", en="How often do the partners meet?"
    ),
    "q.collaboration.strengths_discussed": Entry(
        nl="Hebben de partners besproken wat ieder inbrengt?",
        en="Have the partners discussed what each brings?",
    ),
    "q.collaboration.shared_budget": Entry(
        nl="Leggen de partners hun budget samen, of stemmen ze het op elkaar af?",
        en="Is the budget pooled or aligned across the partners?",
    ),
    "q.collaboration.differences": Entry(
        nl="Welke verschillen tussen de werkvelden zijn er?",
        en="Which differences between the fields do you know of?",
    ),
    "q.collaboration.differences_addressed": Entry(
        nl="Welke van die verschillen pakken jullie aan?",
        en="Which of those differences are dealt with?",
    ),
    "q.collaboration.management_support": Entry(
        nl="Steunt de leiding van de partners het project duidelijk?",
        en="Does the management of the partners explicitly support the project?",
    ),
    "q.collaboration.professionals_have_room": Entry(
        nl="Hebben de professionals tijd en ruimte voor het project?",
        en="Do the professionals have time and mandate for the project?",
    ),
    # [funding]
    "add.funding.sources": Entry(
        nl="Wil je een bron van geld toevoegen?", en="Do you want to add a source of money?"
    ),
    "more.funding.sources": Entry(
        nl="Nog een bron van geld toevoegen?", en="Add another source of money?"
    ),
    "q.funding.sources.name": Entry(nl="Van wie komt het geld?", en="Who gives the money?"),
    "q.funding.sources.kind": Entry(nl="Wat voor geld is het?", en="What kind of money is it?"),
    "q.funding.sources.amount_eur": Entry(nl="Hoeveel euro?", en="How many euros?"),
    "q.funding.sources.start": Entry(nl="Vanaf wanneer?", en="From when?"),
    "q.funding.sources.end": Entry(nl="Tot wanneer?", en="Until when?"),
    "q.funding.duration_months": Entry(
        nl="Voor hoeveel maanden is er in totaal geld?",
        en="For how many months is there money in total?",
    ),
    "q.funding.follow_up_secured": Entry(
        nl="Is er al geld voor de tijd daarna?", en="Is money for the time after that secured?"
    ),
    # [continuation]
    "q.continuation.plan": Entry(
        nl="Wat blijft er na het project, en hoe?", en="What stays after the project, and how?"
    ),
    "q.continuation.considered_from_start": Entry(
        nl="Hebben jullie vanaf het begin aan voortzetting gedacht?",
        en="Was continuation part of the plan from the start?",
    ),
    "q.continuation.owner": Entry(
        nl="Wie gaat ermee door (een organisatie of een groep bewoners)?",
        en="Who carries on (an organisation or a group of residents)?",
    ),
    "q.continuation.residents_take_over": Entry(
        nl="Nemen bewoners het (voor een deel) over?", en="Do residents take (part of) it over?"
    ),
    "q.continuation.partnerships_continue": Entry(
        nl="Blijven de partners samenwerken?", en="Are the partnerships meant to last?"
    ),
    "q.continuation.structural_funding_sought": Entry(
        nl="Hebben jullie vast (structureel) geld aangevraagd?",
        en="Has structural funding been applied for?",
    ),
    # [knowledge]
    "q.knowledge.research_used": Entry(
        nl="Bouwt het plan voort op onderzoek of op wat al bekend is over wat werkt?",
        en="Does the plan build on research or known working elements?",
    ),
    "q.knowledge.sources": Entry(nl="Welke bronnen?", en="Which sources?"),
    "q.knowledge.practice_exchange": Entry(
        nl="Leren jullie van vergelijkbare projecten op andere plekken?",
        en="Do you learn from comparable projects elsewhere?",
    ),
    "q.knowledge.evaluation_planned": Entry(
        nl="Gaan jullie het project evalueren?", en="Is an evaluation planned?"
    ),
    "q.knowledge.evaluation_method": Entry(
        nl="Hoe gaan jullie evalueren?", en="How will you evaluate?"
    ),
    "q.knowledge.learning_sessions": Entry(
        nl="Kijken partners en bewoners tijdens het project samen terug om te leren?",
        en="Do partners and residents reflect together during the project?",
    ),
    # [[key_persons]]
    "add.key_persons": Entry(
        nl="Wil je een sleutelpersoon toevoegen (iemand die de bewoners kent)?",
        en="Do you want to add a key person (someone who knows the residents)?",
    ),
    "more.key_persons": Entry(nl="Nog een sleutelpersoon toevoegen?", en="Add another key person?"),
    "q.key_persons.name": Entry(nl="Wat is de naam?", en="What is their name?"),
    "q.key_persons.role": Entry(nl="Wat is de rol van deze persoon?", en="What is their role?"),
    "q.key_persons.knows_residents": Entry(
        nl="Kent deze persoon de bewoners goed?", en="Does this person know the residents well?"
    ),
    "q.key_persons.from_neighbourhood": Entry(
        nl="Komt deze persoon zelf uit de buurt?", en="Is this person from the neighbourhood?"
    ),
    "q.key_persons.has_backup": Entry(
        nl="Kan iemand anders de rol overnemen als dat nodig is?",
        en="Can someone else take over their role if needed?",
    ),
}


#: the namespaces this module holds (see __init__.py)
TABLES: dict[str, dict[str, Entry]] = {
    "init": QUESTIONS,
}
