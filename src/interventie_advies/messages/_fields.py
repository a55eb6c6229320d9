"""One question per field of a project file that rules wait for (``field_question``).

NOTE: the question for a missing fact is asked per field, not per rule: several rules may
wait for the same field (``art.professional_artist`` serves three elements), and a rule
waiting for several fields may miss only one of them. Each text is one question, in plain
words; the report names the field to fill in next to it.
"""

from __future__ import annotations

from ._entry import Entry

__all__ = ["FIELD_QUESTIONS", "TABLES"]

E = Entry

#: the question for each field (a needs path as users fill it in)
FIELD_QUESTIONS: dict[str, Entry] = {
    # project
    "project.end": E(nl="Wanneer stopt het project?", en="When does the project end?"),
    # residents
    "residents.needs": E(
        nl="Wat hebben de bewoners volgens jullie nodig?",
        en="What do you think the residents need?",
    ),
    "residents.needs_identified_with_residents": E(
        nl="Hebben jullie samen met bewoners uitgezocht wat ze nodig hebben?",
        en="Did you find out together with residents what they need?",
    ),
    "residents.barriers": E(
        nl="Welke drempels kunnen bewoners tegenhouden om mee te doen?",
        en="Which barriers could keep residents from taking part?",
    ),
    "residents.barriers_addressed": E(
        nl="Welke van die drempels pakt het plan aan?",
        en="Which of those barriers does the plan deal with?",
    ),
    "residents.talents_used": E(
        nl="Bouwt het plan voort op wat bewoners kunnen en meebrengen?",
        en="Does the plan build on what residents can do and bring?",
    ),
    "residents.talents": E(
        nl="Wat kunnen bewoners goed?",
        en="What are residents good at?",
    ),
    "residents.co_design": E(
        nl="Hoeveel zeggenschap hebben bewoners over het project?",
        en="How much say do residents have in the project?",
    ),
    # art
    "art.low_threshold": E(
        nl="Kan iedereen meedoen zonder ervaring, talent, geld of goed Nederlands?",
        en="Can anyone join without experience, talent, money or good Dutch?",
    ),
    "art.chosen_with_residents": E(
        nl="Is de kunstvorm samen met bewoners gekozen?",
        en="Was the art form chosen together with residents?",
    ),
    "art.mixes_groups": E(
        nl="Brengen jullie bij het maken bewust verschillende groepen bewoners bij elkaar?",
        en="Does the making deliberately bring different groups of residents together?",
    ),
    "art.the_other_as_muse": E(
        nl="Maken deelnemers werk over of voor elkaar?",
        en="Do participants make work about or for each other?",
    ),
    "art.uses_residents_stories": E(
        nl="Zijn de verhalen, de levens of de buurt van de bewoners het materiaal van het werk?",
        en="Are the residents' own stories, lives or neighbourhood the material of the work?",
    ),
    "art.stories_consent": E(
        nl="Beslissen bewoners zelf wat er van hun verhaal te zien is?",
        en="Do residents decide themselves what of their story is shown?",
    ),
    "art.stories_aftercare": E(
        nl="Is er iemand met wie bewoners kunnen praten nadat ze hun verhaal hebben gedeeld?",
        en="Is there someone residents can talk to after they have shared their story?",
    ),
    "art.professional_artist": E(
        nl="Leidt of coacht een professionele kunstenaar het project?",
        en="Does a professional artist lead or coach the project?",
    ),
    "art.artist_community_experience": E(
        nl="Heeft de kunstenaar al eerder met bewoners of groepen in een buurt gewerkt?",
        en="Has the artist worked with residents or groups in a neighbourhood before?",
    ),
    # activities
    "activities[].informal_moment_after": E(
        nl="Is er na elke activiteit tijd om informeel na te praten?",
        en="Is there time to talk informally after each activity?",
    ),
    # contact
    "contact.group_channel": E(
        nl="Hebben de deelnemers een groepskanaal, zoals een appgroep?",
        en="Do the participants have a group channel, such as a chat group?",
    ),
    "contact.channel_moderator": E(
        nl="Wie houdt het groepskanaal bij?", en="Who looks after the group channel?"
    ),
    "contact.continues_after_project": E(
        nl="Verwachten jullie dat de deelnemers elkaar blijven zien als het project klaar is?",
        en="Do you expect the participants to keep meeting once the project is over?",
    ),
    "contact.informal_moments": E(
        nl="Zijn er momenten waarop deelnemers gewoon samen kunnen zijn, zonder programma?",
        en="Are there moments when participants can simply be together, without a programme?",
    ),
    # meeting place
    "meeting_place.available": E(
        nl="Is er een vaste plek waar bewoners elkaar kunnen ontmoeten?",
        en="Is there a fixed place where residents can meet?",
    ),
    "meeting_place.in_neighbourhood": E(
        nl="Ligt die plek in de buurt zelf?", en="Is that place in the neighbourhood itself?"
    ),
    "meeting_place.accessible": E(
        nl="Is die plek goed te bereiken voor iedereen, ook met een rolstoel of rollator?",
        en="Is that place easy to reach for everyone, also with a wheelchair or walker?",
    ),
    "meeting_place.open_outside_activities": E(
        nl="Is die plek ook open als er geen activiteit is?",
        en="Is that place also open when there is no activity?",
    ),
    "meeting_place.available_after_project": E(
        nl="Blijft die plek beschikbaar als het project stopt?",
        en="Does that place stay available when the project ends?",
    ),
    # end product
    "end_product.planned": E(
        nl="Werken jullie naar een gezamenlijk eindproduct of podiummoment toe?",
        en="Are you working towards a joint end product or performance?",
    ),
    "end_product.residents_contribute": E(
        nl="Maken bewoners zelf een deel van het eindproduct?",
        en="Do residents make part of the end product themselves?",
    ),
    "end_product.residents_invite_others": E(
        nl="Nodigen bewoners zelf mensen uit voor het eindproduct?",
        en="Do residents invite people to the end product themselves?",
    ),
    "end_product.celebration": E(
        nl="Vieren jullie het eindproduct samen met de buurt?",
        en="Do you celebrate the end product together with the neighbourhood?",
    ),
    "end_product.date": E(
        nl="Op welke datum is het eindproduct te zien?",
        en="On what date can the end product be seen?",
    ),
    "end_product.kind": E(
        nl="Wat voor eindproduct wordt het, bijvoorbeeld een voorstelling of een muurschildering?",
        en="What kind of end product is it, for example a performance or a mural?",
    ),
    # vision
    "vision.written_down": E(
        nl="Is het gedeelde doel opgeschreven?", en="Is the shared goal written down?"
    ),
    "vision.residents_recognise": E(
        nl="Herkennen bewoners zich in het doel van het project?",
        en="Do residents recognise themselves in the project's goal?",
    ),
    "vision.social_and_artistic_goals": E(
        nl="Noemt het doel zowel iets sociaals als iets artistieks?",
        en="Does the goal name both a social and an artistic aim?",
    ),
    "vision.endorsed_by_partners": E(
        nl="Welke partners staan achter het gedeelde doel?",
        en="Which partners endorse the shared goal?",
    ),
    # partners
    "activities": E(
        nl="Welke activiteiten zijn er?",
        en="Which activities are there?",
    ),
    "activities[].frequency": E(
        nl="Hoe vaak is elke activiteit?", en="How often does each activity take place?"
    ),
    "key_persons": E(
        nl="Wie zijn de sleutelpersonen die de bewoners kennen?",
        en="Who are the key persons who know the residents?",
    ),
    "funding.sources[].amount_eur": E(
        nl="Hoeveel geld geeft elke geldbron?", en="How much money does each source give?"
    ),
    "partners": E(
        nl="Met welke organisaties werken jullie samen?",
        en="Which organisations do you work with?",
    ),
    "partners[].name": E(nl="Hoe heet elke partner?", en="What is the name of each partner?"),
    "partners[].domain": E(
        nl="Uit welk werkveld komt elke partner, zoals zorg, welzijn, wonen of kunst?",
        en="Which field does each partner come from, such as care, welfare, housing or art?",
    ),
    "partners[].strengths": E(
        nl="Waar is elke partner goed in?", en="What is each partner good at?"
    ),
    "partners[].levels_involved": E(
        nl="Welke lagen van elke partner doen mee: de leiding, professionals of vrijwilligers?",
        en="Which layers of each partner take part: management, professionals or volunteers?",
    ),
    "partners[].knows_residents": E(
        nl="Welke partner kent de bewoners goed?",
        en="Which partner knows the residents well?",
    ),
    "partners[].committed_after_project": E(
        nl="Welke partners blijven betrokken als het project stopt?",
        en="Which partners stay involved when the project ends?",
    ),
    # collaboration
    "collaboration.strengths_discussed": E(
        nl="Hebben de partners samen besproken wat ieder van hen inbrengt?",
        en="Have the partners discussed together what each of them brings?",
    ),
    "collaboration.management_support": E(
        nl="Steunt de leiding van de partners het project duidelijk?",
        en="Does the partners' management clearly support the project?",
    ),
    "collaboration.professionals_have_room": E(
        nl="Hebben de betrokken professionals genoeg tijd en ruimte voor het project?",
        en="Do the professionals involved have enough time and room for the project?",
    ),
    "collaboration.differences": E(
        nl="In welke dingen werken de partners anders, zoals taal, tempo of regels?",
        en="In what ways do the partners work differently, such as language, pace or rules?",
    ),
    "collaboration.differences_addressed": E(
        nl="Welke van die verschillen hebben de partners al besproken?",
        en="Which of those differences have the partners already discussed?",
    ),
    "collaboration.agreements_written": E(
        nl="Hebben de partners hun afspraken opgeschreven?",
        en="Have the partners written down their agreements?",
    ),
    "collaboration.regular_meetings": E(
        nl="Overleggen de partners op vaste momenten?",
        en="Do the partners meet at regular times?",
    ),
    "collaboration.shared_budget": E(
        nl="Hebben de partners een gezamenlijk budget?",
        en="Do the partners have a shared budget?",
    ),
    # funding
    "funding.duration_months": E(
        nl="Hoeveel maanden is er geld voor het project?",
        en="For how many months is the project funded?",
    ),
    "funding.follow_up_secured": E(
        nl="Is er al geld voor de tijd na het project?",
        en="Is there already money for the time after the project?",
    ),
    "funding.sources[].start": E(
        nl="Vanaf wanneer geeft elke geldbron geld?",
        en="From when does each source of money pay?",
    ),
    "funding.sources[].end": E(
        nl="Wanneer stopt elke geldbron?", en="When does each source of money stop?"
    ),
    "funding.sources[].kind": E(
        nl="Wat voor geld is elke bron: subsidie, vaste financiering of hulp in natura?",
        en="What kind of money is each source: a grant, structural funding or help in kind?",
    ),
    # continuation
    "continuation.considered_from_start": E(
        nl="Denken jullie vanaf het begin na over wat er blijft na het project?",
        en="Have you thought from the start about what remains after the project?",
    ),
    "continuation.structural_funding_sought": E(
        nl="Zoeken jullie vast geld om door te gaan na het project?",
        en="Are you looking for lasting funding to carry on after the project?",
    ),
    "continuation.residents_take_over": E(
        nl="Nemen bewoners het project over als het stopt?",
        en="Will residents take the project over when it ends?",
    ),
    "continuation.partnerships_continue": E(
        nl="Blijven de partners samenwerken als het project stopt?",
        en="Will the partners keep working together when the project ends?",
    ),
    # knowledge
    "knowledge.research_used": E(
        nl="Welk onderzoek of welke ervaring van anderen gebruiken jullie?",
        en="Which research or experience of others do you use?",
    ),
    "knowledge.evaluation_planned": E(
        nl="Gaan jullie het project evalueren?", en="Will you evaluate the project?"
    ),
    "knowledge.evaluation_method": E(
        nl="Hoe gaan jullie evalueren, bijvoorbeeld met gesprekken of een vragenlijst?",
        en="How will you evaluate, for example with conversations or a questionnaire?",
    ),
    "knowledge.learning_sessions": E(
        nl="Kijken de partners tijdens het project samen terug op wat goed gaat?",
        en="Do the partners look back together during the project on what goes well?",
    ),
    "knowledge.practice_exchange": E(
        nl="Wisselen jullie ervaringen uit met andere projecten?",
        en="Do you share experiences with other projects?",
    ),
    # key persons
    "key_persons[].knows_residents": E(
        nl="Welke sleutelpersoon kent de bewoners goed?",
        en="Which key person knows the residents well?",
    ),
    "key_persons[].has_backup": E(
        nl="Wie neemt het werk van elke sleutelpersoon over als die uitvalt?",
        en="Who takes over each key person's work if that person drops out?",
    ),
    "key_persons[].from_neighbourhood": E(
        nl="Welke sleutelpersonen komen zelf uit de buurt?",
        en="Which key persons come from the neighbourhood themselves?",
    ),
}

#: the namespaces this module holds (see __init__.py)
TABLES: dict[str, dict[str, Entry]] = {"field_question": FIELD_QUESTIONS}
