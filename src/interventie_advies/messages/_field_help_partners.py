"""What each key of the tables about working together holds (``field_help``, part 2).

``[vision]``, ``[[partners]]``, ``[collaboration]``, ``[funding]``, ``[continuation]``,
``[knowledge]``, ``[[key_persons]]``, and the tables the team writes for the tool
(``[[decisions]]``, ``[extensions]``, ``[advies]``); see ``_field_help``.
"""

from __future__ import annotations

from ._entry import Entry

__all__ = ["FIELD_HELP", "TABLES"]

E = Entry

#: the description of each key and table about working together, decisions and settings
FIELD_HELP: dict[str, Entry] = {
    # [vision]
    "vision": E(nl="Visie en gedeeld doel.", en="Vision and shared goal."),
    "vision.shared_goal": E(
        nl="Het gedeelde doel in een of twee zinnen.",
        en="The shared goal in one or two sentences.",
    ),
    "vision.written_down": E(
        nl="true als het doel is opgeschreven.", en="true if the goal is written down."
    ),
    "vision.endorsed_by_partners": E(
        nl="De partners (namen uit [[partners]]) die achter het doel staan.",
        en="The partners (names from [[partners]]) that endorse the goal.",
    ),
    "vision.residents_recognise": E(
        nl="true als bewoners zich in het doel herkennen.",
        en="true if residents recognise themselves in the goal.",
    ),
    "vision.social_and_artistic_goals": E(
        nl="true als het doel zowel een sociaal als een artistiek doel noemt.",
        en="true if the goal names both a social and an artistic aim.",
    ),
    # [[partners]]
    "partners": E(
        nl="De samenwerkingspartners; één [[partners]] per organisatie.",
        en="The partner organisations; one [[partners]] per organisation.",
    ),
    "partners[].name": E(
        nl="De naam van de organisatie. Verplicht, uniek.",
        en="The organisation's name. Required, unique.",
    ),
    "partners[].domain": E(
        nl="Het werkveld van de organisatie. Verplicht.",
        en="The field the organisation works in. Required.",
    ),
    "partners[].role": E(nl="De rol in het project.", en="Its role in the project."),
    "partners[].strengths": E(
        nl="Waar deze partner goed in is.", en="What this partner is good at."
    ),
    "partners[].contribution": E(nl="Wat de partner inbrengt.", en="What it brings."),
    "partners[].levels_involved": E(
        nl="Welke lagen van de organisatie meedoen: leiding, professionals, vrijwilligers.",
        en="Which layers of the organisation take part: management, professionals, volunteers.",
    ),
    "partners[].knows_residents": E(
        nl="true als de organisatie een vertrouwensband met de bewoners heeft.",
        en="true if the organisation has a relationship of trust with the residents.",
    ),
    "partners[].committed_after_project": E(
        nl="true als de partner na het project blijft bijdragen.",
        en="true if it will keep contributing after the project.",
    ),
    # [collaboration]
    "collaboration": E(nl="Hoe de partners samenwerken.", en="How the partners work together."),
    "collaboration.agreements_written": E(
        nl="true als rollen en afspraken zijn opgeschreven.",
        en="true if roles and agreements are written down.",
    ),
    "collaboration.regular_meetings": E(
        nl="Hoe vaak de partners overleggen.", en="How often the partners meet."
    ),
    "collaboration.strengths_discussed": E(
        nl="true als de partners hebben besproken wat ieder inbrengt.",
        en="true if the partners have discussed what each brings.",
    ),
    "collaboration.shared_budget": E(
        nl="true als het budget over de werkvelden heen is samengelegd of afgestemd.",
        en="true if the budget is pooled or aligned across domains.",
    ),
    "collaboration.differences": E(
        nl="Bekende verschillen tussen de werkvelden van de partners.",
        en="Known differences between the partners' domains.",
    ),
    "collaboration.differences_addressed": E(
        nl="Welke van die verschillen worden aangepakt.",
        en="Which of those differences are dealt with.",
    ),
    "collaboration.management_support": E(
        nl="true als de leiding van de partners het project duidelijk steunt.",
        en="true if the partners' management explicitly supports the project.",
    ),
    "collaboration.professionals_have_room": E(
        nl="true als de professionals tijd en ruimte voor het project hebben.",
        en="true if the professionals have time and mandate for the project.",
    ),
    # [funding]
    "funding": E(nl="Het geld en hoe lang het duurt.", en="Money and how long it lasts."),
    "funding.sources": E(
        nl="De geldbronnen, ook steun in natura; één [[funding.sources]] per bron.",
        en="The sources of money, in-kind support too; one [[funding.sources]] per source.",
    ),
    "funding.sources[].name": E(nl="Wie het geeft.", en="Who gives it."),
    "funding.sources[].kind": E(
        nl="Wat voor geld: projectsubsidie, structurele subsidie, fonds, crowdfunding, in "
        "natura, sponsor.",
        en="What sort of money: project grant, structural funding, fund, crowdfunding, in "
        "kind, sponsor.",
    ),
    "funding.sources[].amount_eur": E(nl="Het bedrag in euro.", en="The amount in euros."),
    "funding.sources[].start": E(
        nl="Wanneer het geld begint (jaar-maand-dag).",
        en="When the money starts (year-month-day).",
    ),
    "funding.sources[].end": E(
        nl="Wanneer het geld stopt (jaar-maand-dag).",
        en="When the money ends (year-month-day).",
    ),
    "funding.duration_months": E(
        nl="Hoeveel maanden het geld in totaal loopt.",
        en="The overall funded period in months.",
    ),
    "funding.follow_up_secured": E(
        nl="true als er geld is voor na de huidige periode.",
        en="true if money for after the current period is secured.",
    ),
    # [continuation]
    "continuation": E(
        nl="Wat er blijft als het project stopt.", en="What remains after the project."
    ),
    "continuation.plan": E(
        nl="Wat er blijft na het project, en hoe.", en="What stays after the project, and how."
    ),
    "continuation.considered_from_start": E(
        nl="true als voortzetting vanaf het begin in het plan stond.",
        en="true if continuation was part of the plan from the start.",
    ),
    "continuation.owner": E(
        nl="Wie ermee doorgaat: een organisatie of een groep bewoners.",
        en="Who carries on: an organisation or a residents' group.",
    ),
    "continuation.residents_take_over": E(
        nl="true als bewoners het project (deels) overnemen.",
        en="true if residents take (part of) the project over.",
    ),
    "continuation.partnerships_continue": E(
        nl="true als de samenwerking bedoeld is om te blijven.",
        en="true if the partnerships are meant to last.",
    ),
    "continuation.structural_funding_sought": E(
        nl="true als structureel geld is aangevraagd.",
        en="true if structural funding has been applied for.",
    ),
    # [knowledge]
    "knowledge": E(
        nl="Kennis uit onderzoek en praktijk, en evaluatie.",
        en="Research, practice and evaluation.",
    ),
    "knowledge.research_used": E(
        nl="true als het plan voortbouwt op onderzoek of bekende werkzame elementen.",
        en="true if the plan builds on research or known working elements.",
    ),
    "knowledge.sources": E(
        nl="Welk onderzoek of welke voorbeelden.", en="Which research or examples."
    ),
    "knowledge.practice_exchange": E(
        nl="true als het team leert van vergelijkbare projecten elders.",
        en="true if the team learns from comparable projects elsewhere.",
    ),
    "knowledge.evaluation_planned": E(
        nl="true als een evaluatie gepland is.", en="true if an evaluation is planned."
    ),
    "knowledge.evaluation_method": E(nl="Hoe jullie evalueren.", en="How you will evaluate."),
    "knowledge.learning_sessions": E(
        nl="true als partners en bewoners tijdens het project samen terugkijken.",
        en="true if partners and residents reflect together during the project.",
    ),
    # [[key_persons]]
    "key_persons": E(
        nl="Sleutelpersonen: mensen die de bewoners kennen; één [[key_persons]] per persoon.",
        en="Key persons: people who know the residents; one [[key_persons]] per person.",
    ),
    "key_persons[].name": E(
        nl="De naam van de persoon. Verplicht.", en="The person's name. Required."
    ),
    "key_persons[].role": E(
        nl="De rol, zoals opbouwwerker, conciërge of actieve bewoner.",
        en="Their role, such as community worker, caretaker or active resident.",
    ),
    "key_persons[].knows_residents": E(
        nl="true als deze persoon de bewoners kent en zij hem of haar vertrouwen.",
        en="true if they know the residents and are trusted by them.",
    ),
    "key_persons[].from_neighbourhood": E(
        nl="true als deze persoon in de buurt woont of er vandaan komt.",
        en="true if they live in or come from the neighbourhood.",
    ),
    "key_persons[].has_backup": E(
        nl="true als iemand anders de rol kan overnemen.",
        en="true if someone else can take over their role.",
    ),
    "key_persons[].leaves": E(
        nl="De datum waarop deze persoon stopt met het project (jaar-maand-dag).",
        en="The date this person stops working on the project (year-month-day).",
    ),
    "key_persons[].successor": E(
        nl="Wie het overneemt als deze persoon weggaat.",
        en="Who takes over when this person leaves.",
    ),
    "key_persons[].holds": E(
        nl="Wat alleen deze persoon nu in handen heeft, zoals de contacten met bewoners "
        "of het groepskanaal.",
        en="What only this person holds now, such as the contacts with residents "
        "or the group channel.",
    ),
    # [[decisions]]
    "decisions": E(
        nl="Wat het team besloot over eerder advies; één [[decisions]] per advies.",
        en="What the team decided about earlier advice; one [[decisions]] per piece of advice.",
    ),
    "decisions[].rule": E(
        nl="Over welk advies het gaat: de code (RB04) of de naam. Verplicht.",
        en="Which advice it is about: the code (RB04) or its name. Required.",
    ),
    "decisions[].status": E(nl="Wat jullie besloten. Verplicht.", en="What you decided. Required."),
    "decisions[].reason": E(
        nl="Waarom; verplicht bij rejected (afgewezen) en not_applicable.",
        en="Why; required for rejected and not_applicable.",
    ),
    "decisions[].date": E(
        nl="Wanneer jullie het besloten (jaar-maand-dag).",
        en="When you decided (year-month-day).",
    ),
    "decisions[].by": E(nl="Wie het besloot.", en="Who decided."),
    # [extensions], [advies]
    "extensions": E(
        nl="Gegevens voor plugins: [extensions.NAAM] voor de plugin NAAM.",
        en="Data for plugins: [extensions.NAME] for the plugin called NAME.",
    ),
    "advies": E(
        nl="Instellingen van het advies: taal, regels gebruiken of overslaan.",
        en="Settings of the advice: language, rules to use or skip.",
    ),
    "advies.language": E(
        nl="De taal van het rapport; advies run --lang gaat voor.",
        en="The language of the report; advies run --lang overrides it.",
    ),
    "advies.select": E(
        nl="Gebruik alleen deze regels: codes, namen, elementen of plugins.",
        en="Use only these rules: codes, names, elements or plugins.",
    ),
    "advies.ignore": E(
        nl="Sla deze regels over: codes, namen, elementen of plugins.",
        en="Skip these rules: codes, names, elements or plugins.",
    ),
    "advies.require_plugins": E(
        nl="Plugins die dit bestand nodig heeft, zoals 'interventie-advies-jeugd>=1.0'.",
        en="Plugins this file needs, such as 'interventie-advies-jeugd>=1.0'.",
    ),
}


#: the namespaces this module holds (see __init__.py)
TABLES: dict[str, dict[str, Entry]] = {
    "field_help": FIELD_HELP,
}
