"""Words the renderers show, in Dutch and English."""

from __future__ import annotations

__all__ = ["counted", "label", "summary_line", "word"]

_WORDS: dict[str, tuple[str, str]] = {
    # headings
    "advice_for": ("Advies voor", "Advice for"),
    "phase": ("fase", "phase"),
    "evaluated_on": ("beoordeeld op", "evaluated on"),
    "top": ("Belangrijkste advies", "Top advice"),
    "warnings": ("Waarschuwingen", "Warnings"),
    "other": ("Overige aanbevelingen", "Other recommendations"),
    "questions": ("Vragen om te beantwoorden", "Questions to answer"),
    "strengths": ("Sterke punten", "Strengths"),
    "elements": ("Overzicht per element", "Element overview"),
    "effects": ("Wat het project kan opleveren", "What the project is likely to bring about"),
    "not_followed": ("Bewust niet gevolgd", "Consciously not followed"),
    "stale": (
        "Besluiten over advies dat niet meer geldt",
        "Decisions about advice that no longer applies",
    ),
    "errors": ("Fouten in plugins of regels", "Errors in plugins or rules"),
    "notes": ("Let op", "Note"),
    "why": ("Waarom", "Why"),
    "actions": ("Wat kun je doen", "What you can do"),
    "score": ("Score", "Score"),
    "fill_in": ("vul in", "fill in"),
    "decision": ("besluit", "decision"),
    "reason": ("reden", "reason"),
    "none": ("Geen.", "None."),
    "source": ("Bron", "Source"),
    "recommendations_n": ("aanbevelingen", "recommendations"),
    "warnings_n": ("waarschuwingen", "warnings"),
    "questions_n": ("vragen", "questions"),
    "strengths_n": ("sterke punten", "strengths"),
    "recommendations_1": ("aanbeveling", "recommendation"),
    "warnings_1": ("waarschuwing", "warning"),
    "questions_1": ("vraag", "question"),
    "strengths_1": ("sterk punt", "strength"),
    "element": ("Element", "Element"),
    "described": ("beschreven", "described"),
    "completeness": (
        "Beschreven: {d} van de {n} gegevens die de regels gebruiken ({p}%)",
        "Described: {d} of the {n} facts the rules use ({p}%)",
    ),
    "status": ("Status", "Status"),
    "effect": ("Effect", "Effect"),
    "level": ("Niveau", "Level"),
    "unknown_phase": ("onbekend", "unknown"),
    # enums
    "high": ("hoog", "high"),
    "medium": ("middel", "medium"),
    "low": ("laag", "low"),
    "recommendation": ("aanbeveling", "recommendation"),
    "warning": ("waarschuwing", "warning"),
    "strength": ("sterk punt", "strength"),
    "covered": ("op orde", "covered"),
    "partial": ("deels", "partial"),
    "missing": ("ontbreekt", "missing"),
    "unknown": ("onbekend", "unknown"),
    "strong": ("sterk", "strong"),
    "moderate": ("redelijk", "moderate"),
    "weak": ("zwak", "weak"),
    "idea": ("idee", "idea"),
    "preparation": ("voorbereiding", "preparation"),
    "execution": ("uitvoering", "execution"),
    "closing": ("afronding", "closing"),
    "continuation": ("voortzetting", "continuation"),
    "accepted": ("overgenomen", "accepted"),
    "in_progress": ("mee bezig", "in progress"),
    "done": ("gedaan", "done"),
    "rejected": ("afgewezen", "rejected"),
    # residents' needs
    "loneliness": ("eenzaamheid", "loneliness"),
    "social_cohesion": ("sociale samenhang", "social cohesion"),
    "safety": ("veiligheid", "safety"),
    "pride": ("trots", "pride"),
    "participation": ("meedoen", "participation"),
    "health_wellbeing": ("gezondheid en welzijn", "health and wellbeing"),
    "language": ("taal", "language"),
    "talent_development": ("talentontwikkeling", "talent development"),
    "intercultural_contact": ("contact tussen culturen", "intercultural contact"),
    "intergenerational_contact": ("contact tussen generaties", "contact between generations"),
    "public_space": ("openbare ruimte", "public space"),
    "not_applicable": ("niet van toepassing", "not applicable"),
}


def word(key: str, lang: str) -> str:
    """The word for ``key`` in ``lang``; the key itself when unknown."""
    pair = _WORDS.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "nl" else pair[1]


label = word


def counted(n: int, key: str, lang: str) -> str:
    """``n`` with the singular or plural word, e.g. ``1 vraag`` or ``3 vragen``."""
    return f"{n} {word(f'{key}_1' if n == 1 else f'{key}_n', lang)}"


def summary_line(summary: dict[str, object], lang: str) -> str:
    """The counts of a report in one line."""
    parts = [
        counted(int(summary[key]), key, lang)  # type: ignore[call-overload]
        for key in ("recommendations", "warnings", "questions", "strengths")
    ]
    return " · ".join(parts)


# --- labels of enum values in project files, and the texts of `advies init` -------------------
# NOTE: kept apart from _WORDS so that adding a label never changes what a renderer prints
# for a key it already uses ("other" and "none" there are headings, not choices).

#: labels of enum values: "Enum.value" where a value means different things in different
#: enums, else the plain value; values missing here fall back to _WORDS, then to the value
_CHOICES: dict[str, tuple[str, str]] = {
    "other": ("anders", "other"),
    "none": ("geen", "none"),
    # HowIdentified
    "conversations": ("gesprekken", "conversations"),
    "kitchen_table": ("keukentafelgesprekken", "kitchen-table talks"),
    "survey": ("vragenlijst", "survey"),
    "neighbourhood_analysis": ("buurtanalyse", "neighbourhood analysis"),
    "key_persons": ("via sleutelpersonen", "through key persons"),
    "earlier_project": ("een eerder project", "an earlier project"),
    # TargetGroup
    "elderly": ("ouderen", "older people"),
    "youth": ("jongeren", "young people"),
    "children": ("kinderen", "children"),
    "families": ("gezinnen", "families"),
    "newcomers": ("nieuwkomers", "newcomers"),
    "people_with_disability": ("mensen met een beperking", "people with a disability"),
    "low_income": ("mensen met weinig geld", "people on a low income"),
    "people_with_mental_illness": ("mensen met psychische problemen", "people with mental illness"),
    "lonely_people": ("eenzame mensen", "lonely people"),
    "all_residents": ("alle bewoners", "all residents"),
    # Barrier
    "cost": ("kosten", "cost"),
    "mobility": ("slecht ter been of geen vervoer", "mobility"),
    "time": ("tijd", "time"),
    "distrust": ("wantrouwen", "distrust"),
    "shame": ("schaamte", "shame"),
    "no_art_experience": ("geen ervaring met kunst", "no experience with art"),
    "Barrier.digital": (
        "digitaal (geen computer of internet)",
        "digital (no computer or internet)",
    ),
    "childcare": ("opvang voor kinderen", "childcare"),
    # CoDesign
    "CoDesign.none": ("bewoners bepalen niet mee", "residents have no say"),
    "consulted": ("bewoners geven hun mening", "residents are consulted"),
    "co_design": ("samen met bewoners ontwerpen", "designed together with residents"),
    "resident_led": ("bewoners hebben de leiding", "led by residents"),
    # ArtForm
    "music": ("muziek", "music"),
    "opera": ("opera", "opera"),
    "theatre": ("theater", "theatre"),
    "dance": ("dans", "dance"),
    "visual_art": ("beeldende kunst", "visual art"),
    "mural": ("muurschildering", "mural"),
    "photography": ("fotografie", "photography"),
    "film": ("film", "film"),
    "literature": ("literatuur", "literature"),
    "storytelling": ("verhalen vertellen", "storytelling"),
    "crafts": ("ambacht en handwerk", "crafts"),
    "design": ("vormgeving", "design"),
    "ArtForm.digital": ("digitale kunst", "digital art"),
    "circus": ("circus", "circus"),
    "festival": ("festival", "festival"),
    "mixed": ("gemengd", "mixed"),
    # ActivityKind
    "workshop": ("workshop", "workshop"),
    "rehearsal": ("repetitie", "rehearsal"),
    "meeting": ("bijeenkomst", "meeting"),
    "walk_in": ("inloop", "walk-in"),
    "performance": ("voorstelling", "performance"),
    "exhibition": ("tentoonstelling", "exhibition"),
    "excursion": ("uitstapje", "excursion"),
    # Frequency, MeetingFrequency
    "once": ("één keer", "once"),
    "weekly": ("elke week", "weekly"),
    "biweekly": ("om de week", "every two weeks"),
    "monthly": ("elke maand", "monthly"),
    "quarterly": ("elk kwartaal", "quarterly"),
    "irregular": ("onregelmatig", "irregular"),
    "MeetingFrequency.none": ("geen overleg", "no meetings"),
    # GroupChannel
    "whatsapp": ("WhatsApp", "WhatsApp"),
    "signal": ("Signal", "Signal"),
    "email_list": ("e-maillijst", "email list"),
    "facebook": ("Facebook", "Facebook"),
    "newsletter": ("nieuwsbrief", "newsletter"),
    "GroupChannel.none": ("geen groepskanaal", "no channel"),
    # PlaceKind
    "community_centre": ("buurthuis", "community centre"),
    "library": ("bibliotheek", "library"),
    "school": ("school", "school"),
    "church": ("kerk of gebedshuis", "church or place of worship"),
    "cafe": ("café", "café"),
    "studio": ("atelier of studio", "studio"),
    "residents_home": ("bij bewoners thuis", "at a resident's home"),
    # ProductKind
    "screening": ("filmvertoning", "screening"),
    "publication": ("publicatie (boek, krant)", "publication (book, paper)"),
    "artwork_in_public_space": ("kunstwerk in de openbare ruimte", "artwork in public space"),
    # Domain
    "social": ("sociaal werk en welzijn", "social work and welfare"),
    "cultural": ("cultuur", "culture"),
    "housing": ("wonen (woningcorporatie)", "housing"),
    "municipality": ("gemeente", "municipality"),
    "education": ("onderwijs", "education"),
    "health": ("zorg en gezondheid", "health and care"),
    "business": ("bedrijfsleven", "business"),
    "residents_organisation": ("bewonersorganisatie", "residents' organisation"),
    "knowledge": ("kennisinstelling", "knowledge institution"),
    # Contribution
    "staff": ("mensen en uren", "staff"),
    "money": ("geld", "money"),
    "location": ("een ruimte", "a location"),
    "network": ("netwerk", "network"),
    "expertise": ("kennis en ervaring", "expertise"),
    "materials": ("materialen", "materials"),
    "communication": ("communicatie", "communication"),
    # Level
    "management": ("directie", "management"),
    "professional": ("professionals", "professionals"),
    "volunteer": ("vrijwilligers", "volunteers"),
    # Difference
    "working_method": ("werkwijze", "working method"),
    "perspective": ("manier van kijken", "perspective"),
    "Difference.funding": ("financiering", "funding"),
    "policy": ("beleid", "policy"),
    "timelines": ("planning en tempo", "timelines"),
    # FundingKind
    "project": ("projectsubsidie", "project grant"),
    "structural": ("structurele subsidie", "structural funding"),
    "fund": ("fonds", "fund"),
    "crowdfunding": ("crowdfunding", "crowdfunding"),
    "in_kind": ("in natura (uren, een ruimte)", "in kind (hours, a room)"),
    "sponsor": ("sponsor", "sponsor"),
    # EvaluationMethod
    "interviews": ("interviews", "interviews"),
    "observation": ("observatie", "observation"),
    "participant_stories": ("verhalen van deelnemers", "participants' stories"),
    "photo_video": ("foto en video", "photo and video"),
    "reflection_sessions": ("samen terugkijken", "reflection sessions"),
    # Language
    "nl": ("Nederlands", "Dutch"),
    "en": ("Engels", "English"),
    # Evidence
    "research": ("onderzoek", "research"),
    "practice": ("praktijk", "practice"),
    "expert": ("deskundigen", "experts"),
}


def choice_label(value: str, lang: str, enum: str | None = None) -> str:
    """The label of the enum value ``value`` (of the enum called ``enum``) in ``lang``."""
    pair = (_CHOICES.get(f"{enum}.{value}") if enum else None) or _CHOICES.get(value)
    if pair is None:
        return word(value, lang)
    return pair[0] if lang == "nl" else pair[1]


#: texts of `advies init`: "intro.TABLE" per part, "q.PATH" per question, the rest for the dialogue
_INIT: dict[str, tuple[str, str]] = {
    # the parts, also the comment above each table in the written file
    "intro.project": (
        "Het project: naam, plek, fase en looptijd.",
        "The project: name, place, phase and dates.",
    ),
    "intro.residents": (
        "Bewoners: voor wie het project is, wat zij nodig hebben en wat hen tegenhoudt.",
        "Residents: who the project is for, what they need and what keeps them away.",
    ),
    "intro.art": (
        "De kunstvorm en hoe het werk gemaakt wordt.",
        "The art form and how the work is made.",
    ),
    "intro.activities": (
        "Activiteiten: wat er steeds terugkomt, zoals repetities en workshops.",
        "Activities: what comes back regularly, such as rehearsals and workshops.",
    ),
    "intro.contact": (
        "Contact tussen bewoners, tijdens en na de activiteiten.",
        "Contact between residents, during and after the activities.",
    ),
    "intro.meeting_place": (
        "Ontmoetingsplek: een fysieke plek waar bewoners elkaar tegenkomen.",
        "Meeting place: a physical place where residents meet.",
    ),
    "intro.end_product": (
        "Eindproduct of podiummoment: waar bewoners samen naartoe werken.",
        "End product or performance: what residents work towards together.",
    ),
    "intro.vision": (
        "Visie en gedeeld doel van partners en bewoners.",
        "Vision and shared goal of partners and residents.",
    ),
    "intro.partners": (
        "Partners: de organisaties die meedoen.",
        "Partners: the organisations that take part.",
    ),
    "intro.collaboration": (
        "Samenwerking: hoe de partners samenwerken over de grenzen van hun vak heen.",
        "Collaboration: how the partners work together across their fields.",
    ),
    "intro.funding": (
        "Financiering: het geld en hoe lang het meegaat.",
        "Funding: the money and how long it lasts.",
    ),
    "intro.funding.sources": ("Een bron van geld.", "A source of money."),
    "intro.continuation": (
        "Voortzetting: wat er blijft als het project stopt.",
        "Continuation: what remains when the project ends.",
    ),
    "intro.knowledge": (
        "Kennis uit onderzoek en praktijk, en leren tijdens het project.",
        "Knowledge from research and practice, and learning during the project.",
    ),
    "intro.key_persons": (
        "Sleutelpersonen: mensen die de bewoners kennen en weten wat er speelt.",
        "Key persons: people who know the residents and what goes on.",
    ),
    # [project]
    "q.project.name": ("Hoe heet het project?", "What is the project called?"),
    "q.project.neighbourhood": (
        "In welke buurt is het project?",
        "In which neighbourhood is the project?",
    ),
    "q.project.municipality": ("In welke gemeente?", "In which municipality?"),
    "q.project.description": (
        "Vertel in een paar zinnen wat het project is.",
        "Describe the project in a few sentences.",
    ),
    "q.project.phase": ("In welke fase is het project nu?", "What phase is the project in now?"),
    "q.project.start": ("Wanneer begint het project?", "When does the project start?"),
    "q.project.end": ("Wanneer stopt het project?", "When does the project end?"),
    # [residents]
    "q.residents.needs": ("Wat hebben de bewoners nodig?", "What do the residents need?"),
    "q.residents.needs_identified_with_residents": (
        "Hebben jullie dat samen met bewoners uitgezocht (en niet zelf bedacht)?",
        "Did you find that out together with residents (rather than assume it)?",
    ),
    "q.residents.how_identified": (
        "Hoe hebben jullie dat uitgezocht?",
        "How did you find that out?",
    ),
    "q.residents.target_groups": ("Voor wie is het project?", "Who is the project for?"),
    "q.residents.expected_participants": (
        "Hoeveel bewoners doen naar verwachting mee?",
        "How many residents do you expect to take part?",
    ),
    "q.residents.barriers": (
        "Wat kan bewoners tegenhouden om mee te doen?",
        "What could keep residents from taking part?",
    ),
    "q.residents.barriers_addressed": (
        "Welke van die drempels pakt jullie plan aan?",
        "Which of those barriers does your plan deal with?",
    ),
    "q.residents.co_design": (
        "Hoeveel bepalen bewoners mee?",
        "How much do residents shape the project?",
    ),
    # [art]
    "q.art.forms": ("Welke kunstvormen?", "Which art forms?"),
    "q.art.low_threshold": (
        "Kan iedereen meedoen, zonder ervaring, talent, geld of kennis van de taal?",
        "Can anyone take part, without experience, talent, money or language skills?",
    ),
    "q.art.chosen_with_residents": (
        "Hebben jullie de kunstvorm samen met bewoners gekozen?",
        "Was the art form chosen together with residents?",
    ),
    "q.art.professional_artist": (
        "Leidt of begeleidt een professionele kunstenaar het werk?",
        "Does a professional artist lead or coach the work?",
    ),
    "q.art.artist_community_experience": (
        "Heeft die kunstenaar al eerder met bewoners gewerkt?",
        "Has that artist worked with residents or communities before?",
    ),
    "q.art.uses_residents_stories": (
        "Gaat het werk over de eigen verhalen, levens of buurt van bewoners?",
        "Is the work made from residents' own stories, lives or neighbourhood?",
    ),
    "q.art.the_other_as_muse": (
        "Maken deelnemers werk over of voor elkaar?",
        "Do participants make work about or for each other?",
    ),
    "q.art.mixes_groups": (
        "Brengt het maken bewust verschillende groepen bij elkaar?",
        "Does the making deliberately bring different groups together?",
    ),
    # [[activities]]
    "add.activities": ("Wil je een activiteit toevoegen?", "Do you want to add an activity?"),
    "more.activities": ("Nog een activiteit toevoegen?", "Add another activity?"),
    "q.activities.name": ("Hoe heet de activiteit?", "What is the activity called?"),
    "q.activities.kind": ("Wat voor activiteit is het?", "What kind of activity is it?"),
    "q.activities.frequency": ("Hoe vaak is de activiteit?", "How often does it take place?"),
    "q.activities.sessions": (
        "Hoeveel keer in totaal?",
        "How many sessions in total?",
    ),
    "q.activities.location": ("Waar is de activiteit?", "Where does it take place?"),
    "q.activities.informal_moment_after": (
        "Is er na afloop een informeel moment (koffie, thee)?",
        "Is there an informal moment afterwards (coffee, tea)?",
    ),
    # [contact]
    "q.contact.informal_moments": (
        "Horen informele momenten (koffie, thee) bij het plan?",
        "Are informal moments (coffee, tea) part of the plan?",
    ),
    "q.contact.group_channel": (
        "Hoe houden deelnemers contact met elkaar (groepskanaal)?",
        "Through which group channel do participants keep in touch?",
    ),
    "q.contact.channel_moderator": (
        "Wie houdt het groepskanaal bij?",
        "Who keeps the channel going?",
    ),
    "q.contact.continues_after_project": (
        "Gaat het contact door als het project stopt?",
        "Will the contact go on when the project ends?",
    ),
    # [meeting_place]
    "q.meeting_place.available": (
        "Is er een vaste plek waar bewoners elkaar ontmoeten?",
        "Is there a physical meeting place?",
    ),
    "q.meeting_place.name": ("Hoe heet de ontmoetingsplek?", "What is the meeting place called?"),
    "q.meeting_place.kind": ("Wat voor plek is het?", "What kind of place is it?"),
    "q.meeting_place.in_neighbourhood": (
        "Ligt de plek in de buurt, op loopafstand?",
        "Is it in the neighbourhood, within walking distance?",
    ),
    "q.meeting_place.accessible": (
        "Kan iedereen er goed in, ook met een rolstoel?",
        "Is it physically accessible (wheelchair, stairs)?",
    ),
    "q.meeting_place.open_outside_activities": (
        "Kunnen bewoners er ook binnenlopen als er geen activiteit is?",
        "Can residents drop in outside the activities?",
    ),
    "q.meeting_place.available_after_project": (
        "Blijft de plek er als het project stopt?",
        "Does the place stay available when the project ends?",
    ),
    # [end_product]
    "q.end_product.planned": (
        "Werken jullie samen naar een eindproduct of podiummoment?",
        "Is a joint end product or performance planned?",
    ),
    "q.end_product.kind": (
        "Wat voor eindproduct of podiummoment?",
        "What kind of end product or performance?",
    ),
    "q.end_product.date": ("Op welke datum?", "On what date?"),
    "q.end_product.residents_invite_others": (
        "Nodigen deelnemers familie, buren of anderen uit?",
        "Do participants invite family, neighbours or others?",
    ),
    "q.end_product.celebration": (
        "Vieren jullie samen wat er bereikt is?",
        "Do you celebrate together what was achieved?",
    ),
    "q.end_product.residents_contribute": (
        "Maken bewoners het eindproduct zelf (en kijken ze niet alleen)?",
        "Do residents make the product themselves (not only watch)?",
    ),
    "q.end_product.follow_up": (
        "Wat gebeurt er daarna, bijvoorbeeld een volgende keer?",
        "What happens afterwards, such as a next edition?",
    ),
    # [vision]
    "q.vision.shared_goal": (
        "Wat is het gedeelde doel, in een of twee zinnen?",
        "What is the shared goal, in one or two sentences?",
    ),
    "q.vision.written_down": ("Staat het doel op papier?", "Is the goal written down?"),
    "q.vision.endorsed_by_partners": (
        "Terug naar het doel: welke partners staan erachter?",
        "Back to the goal: which partners endorse it?",
    ),
    "q.vision.residents_recognise": (
        "Herkennen bewoners zich in het doel?",
        "Do residents recognise themselves in the goal?",
    ),
    "q.vision.social_and_artistic_goals": (
        "Noemt het doel zowel iets sociaals als iets artistieks?",
        "Does it name both a social and an artistic aim?",
    ),
    # [[partners]]
    "add.partners": ("Wil je een partner toevoegen?", "Do you want to add a partner?"),
    "more.partners": ("Nog een partner toevoegen?", "Add another partner?"),
    "q.partners.name": ("Hoe heet de organisatie?", "What is the organisation called?"),
    "q.partners.domain": (
        "In welk werkveld werkt deze partner?",
        "In which field does this partner work?",
    ),
    "q.partners.role": (
        "Wat doet deze partner in het project?",
        "What is its role in the project?",
    ),
    "q.partners.strengths": ("Waar is deze partner goed in?", "What is this partner good at?"),
    "q.partners.contribution": ("Wat brengt deze partner in?", "What does this partner bring?"),
    "q.partners.levels_involved": (
        "Wie van deze organisatie doet mee?",
        "Which layers of the organisation are involved?",
    ),
    "q.partners.knows_residents": (
        "Kennen en vertrouwen de bewoners deze partner?",
        "Does this partner have a relationship of trust with the residents?",
    ),
    "q.partners.committed_after_project": (
        "Blijft deze partner meedoen na het project?",
        "Will this partner keep contributing after the project?",
    ),
    # [collaboration]
    "q.collaboration.agreements_written": (
        "Staan rollen en afspraken op papier?",
        "Are roles and agreements written down?",
    ),
    "q.collaboration.regular_meetings": (
        "Hoe vaak overleggen de partners?",
        "How often do the partners meet?",
    ),
    "q.collaboration.strengths_discussed": (
        "Hebben de partners besproken wat ieder inbrengt?",
        "Have the partners discussed what each brings?",
    ),
    "q.collaboration.shared_budget": (
        "Leggen de partners hun budget samen, of stemmen ze het op elkaar af?",
        "Is the budget pooled or aligned across the partners?",
    ),
    "q.collaboration.differences": (
        "Welke verschillen tussen de werkvelden zijn er?",
        "Which differences between the fields do you know of?",
    ),
    "q.collaboration.differences_addressed": (
        "Welke van die verschillen pakken jullie aan?",
        "Which of those differences are dealt with?",
    ),
    "q.collaboration.management_support": (
        "Steunt de directie van de partners het project duidelijk?",
        "Does the management of the partners explicitly support the project?",
    ),
    "q.collaboration.professionals_have_room": (
        "Hebben de professionals tijd en ruimte voor het project?",
        "Do the professionals have time and mandate for the project?",
    ),
    # [funding]
    "add.funding.sources": (
        "Wil je een bron van geld toevoegen?",
        "Do you want to add a source of money?",
    ),
    "more.funding.sources": ("Nog een bron van geld toevoegen?", "Add another source of money?"),
    "q.funding.sources.name": ("Van wie komt het geld?", "Who gives the money?"),
    "q.funding.sources.kind": ("Wat voor geld is het?", "What kind of money is it?"),
    "q.funding.sources.amount_eur": ("Hoeveel euro?", "How many euros?"),
    "q.funding.sources.start": ("Vanaf wanneer?", "From when?"),
    "q.funding.sources.end": ("Tot wanneer?", "Until when?"),
    "q.funding.duration_months": (
        "Voor hoeveel maanden is er in totaal geld?",
        "For how many months is there money in total?",
    ),
    "q.funding.follow_up_secured": (
        "Is er al geld voor de tijd daarna?",
        "Is money for the time after that secured?",
    ),
    # [continuation]
    "q.continuation.plan": (
        "Wat blijft er na het project, en hoe?",
        "What stays after the project, and how?",
    ),
    "q.continuation.considered_from_start": (
        "Hebben jullie vanaf het begin aan voortzetting gedacht?",
        "Was continuation part of the plan from the start?",
    ),
    "q.continuation.owner": (
        "Wie gaat ermee door (een organisatie of een groep bewoners)?",
        "Who carries on (an organisation or a group of residents)?",
    ),
    "q.continuation.residents_take_over": (
        "Nemen bewoners het (voor een deel) over?",
        "Do residents take (part of) it over?",
    ),
    "q.continuation.partnerships_continue": (
        "Blijven de partners samenwerken?",
        "Are the partnerships meant to last?",
    ),
    "q.continuation.structural_funding_sought": (
        "Hebben jullie vast (structureel) geld aangevraagd?",
        "Has structural funding been applied for?",
    ),
    # [knowledge]
    "q.knowledge.research_used": (
        "Bouwt het plan voort op onderzoek of op wat al bekend is over wat werkt?",
        "Does the plan build on research or known working elements?",
    ),
    "q.knowledge.sources": ("Welke bronnen?", "Which sources?"),
    "q.knowledge.practice_exchange": (
        "Leren jullie van vergelijkbare projecten op andere plekken?",
        "Do you learn from comparable projects elsewhere?",
    ),
    "q.knowledge.evaluation_planned": (
        "Gaan jullie het project evalueren?",
        "Is an evaluation planned?",
    ),
    "q.knowledge.evaluation_method": ("Hoe gaan jullie evalueren?", "How will you evaluate?"),
    "q.knowledge.learning_sessions": (
        "Kijken partners en bewoners tijdens het project samen terug om te leren?",
        "Do partners and residents reflect together during the project?",
    ),
    # [[key_persons]]
    "add.key_persons": (
        "Wil je een sleutelpersoon toevoegen (iemand die de bewoners kent)?",
        "Do you want to add a key person (someone who knows the residents)?",
    ),
    "more.key_persons": ("Nog een sleutelpersoon toevoegen?", "Add another key person?"),
    "q.key_persons.name": ("Wat is de naam?", "What is their name?"),
    "q.key_persons.role": ("Wat is de rol van deze persoon?", "What is their role?"),
    "q.key_persons.knows_residents": (
        "Kent deze persoon de bewoners goed?",
        "Does this person know the residents well?",
    ),
    "q.key_persons.from_neighbourhood": (
        "Komt deze persoon zelf uit de buurt?",
        "Is this person from the neighbourhood?",
    ),
    "q.key_persons.has_backup": (
        "Kan iemand anders de rol overnemen als dat nodig is?",
        "Can someone else take over their role if needed?",
    ),
    # the dialogue
    "welcome": (
        "We stellen je vragen over je project, deel voor deel.\n"
        "Weet je iets niet? Druk dan op Enter of typ ?. Dan blijft het open,\n"
        "en vraagt het advies er later naar.\n"
        "Typ 'overslaan' om de rest van een deel over te slaan.\n"
        "Stoppen kan altijd met Ctrl-C. Dan wordt er niets opgeslagen.",
        "We will ask you about your project, part by part.\n"
        "Don't know something? Press Enter or type ?. It stays open,\n"
        "and the advice will ask about it later.\n"
        "Type 'skip' to skip the rest of a part.\n"
        "You can stop at any time with Ctrl-C. Then nothing is saved.",
    ),
    "part": ("Deel {i} van {n}", "Part {i} of {n}"),
    "skip_hint": (
        "(typ 'overslaan' om dit deel over te slaan)",
        "(type 'skip' to skip this part)",
    ),
    "skipped": ("De rest van dit deel is overgeslagen.", "Skipped the rest of this part."),
    "item": ("{what} {n}", "{what} {n}"),
    "item.activities": ("Activiteit", "Activity"),
    "item.partners": ("Partner", "Partner"),
    "item.funding.sources": ("Bron van geld", "Source of money"),
    "item.key_persons": ("Sleutelpersoon", "Key person"),
    "item_dropped": (
        "Deze {what} is niet bewaard: de vraag '{question}' is niet beantwoord.",
        "This {what} is not kept: the question '{question}' was not answered.",
    ),
    "yes_no": ("ja/nee/?", "yes/no/?"),
    "yes_no_loop": ("ja/nee", "yes/no"),
    "choose_one": ("Kies een nummer", "Choose a number"),
    "choose_many": ("Kies nummers, bijvoorbeeld 1,3", "Choose numbers, for example 1,3"),
    "choose_none": ("geen van deze", "none of these"),
    "list_items": (
        "Noem ze een voor een; laat de regel leeg als je klaar bent.",
        "Name them one by one; leave the line empty when you are done.",
    ),
    "date_form": ("jjjj-mm-dd", "yyyy-mm-dd"),
    "whole_number": ("getal", "number"),
    "euro": ("bedrag in euro", "amount in euros"),
    "hint.yes_no": (
        "Antwoord met ja of nee, of ? als je het niet weet.",
        "Answer yes or no, or ? if you don't know.",
    ),
    "hint.yes_no_loop": ("Antwoord met ja of nee.", "Answer yes or no."),
    "hint.choice": (
        "Kies een nummer uit de lijst, of ? als je het niet weet.",
        "Choose a number from the list, or ? if you don't know.",
    ),
    "hint.choices": (
        "Kies een of meer nummers uit de lijst, met komma's ertussen (1,3), "
        "of ? als je het niet weet.",
        "Choose one or more numbers from the list, separated by commas (1,3), "
        "or ? if you don't know.",
    ),
    "hint.date": (
        "Schrijf de datum als jaar-maand-dag, bijvoorbeeld 2026-03-01.",
        "Write the date as year-month-day, for example 2026-03-01.",
    ),
    "hint.end_before_start": (
        "Deze datum ligt voor de begindatum ({start}). Kies {start} of later.",
        "This date is before the start date ({start}). Choose {start} or later.",
    ),
    "hint.whole_number": ("Typ een heel getal, zoals 12.", "Type a whole number, such as 12."),
    "hint.at_least": ("Het getal moet {n} of meer zijn.", "The number must be {n} or more."),
    "hint.at_most": ("Het getal mag hoogstens {n} zijn.", "The number may be at most {n}."),
    "hint.euro": (
        "Typ een bedrag zonder punten, zoals 12500 of 12500,50.",
        "Type an amount without thousands separators, such as 12500 or 12500.50.",
    ),
    "hint.too_long": (
        "Dit is te lang: hoogstens {n} tekens.",
        "This is too long: at most {n} characters.",
    ),
    "hint.bad_text": (
        "Deze tekst bevat tekens die niet opgeslagen kunnen worden.",
        "This text contains characters that cannot be saved.",
    ),
    "hint.required": (
        "Dit moet je invullen.",
        "This one is needed.",
    ),
    "hint.no_skip_project": (
        "Het project heeft een naam nodig; dit deel kun je niet overslaan.",
        "The project needs a name; this part cannot be skipped.",
    ),
    "hint.unique": (
        "Die naam is al gebruikt. Kies een andere naam.",
        "That name is already used. Choose another one.",
    ),
    "stopped": ("Gestopt. Er is niets opgeslagen.", "Stopped. Nothing was written."),
    "written": ("Opgeslagen in {file}.", "Written to {file}."),
    "counts": (
        "Ingevuld: {known}. Nog open: {open} (de regels met '= ?' in het bestand).",
        "Filled in: {known}. Still open: {open} (the lines with '= ?' in the file).",
    ),
    "next": (
        "Controleer het bestand met:  advies check {file}\n"
        "Vraag advies met:            advies run {file}",
        "Check the file with:  advies check {file}\nGet advice with:      advies run {file}",
    ),
    "exists": (
        "{file} bestaat al; gebruik --force om het te vervangen",
        "{file} already exists; use --force to replace it",
    ),
    "is_folder": ("{file} is een map, geen bestand", "{file} is a folder, not a file"),
    "no_folder": ("de map {folder} bestaat niet", "the folder {folder} does not exist"),
    # the written file
    "file.header": (
        "Projectbestand voor interventie-advies (format 1), gemaakt met `advies init`.\n"
        "\n"
        "Controleren:    advies check {file}\n"
        "Advies vragen:  advies run {file}\n"
        "\n"
        "Regels die met # beginnen zijn uitleg. Een regel als '# sleutel = ?' is nog niet\n"
        "ingevuld: haal het # weg en vul een waarde in. Wat open blijft, vraagt het advies\n"
        "later aan je. Alle sleutels en waarden staan in docs/project-file.md.",
        "Project file for interventie-advies (format 1), written by `advies init`.\n"
        "\n"
        "Check it:    advies check {file}\n"
        "Get advice:  advies run {file}\n"
        "\n"
        "Lines starting with # are comments. A line such as '# key = ?' is not filled in\n"
        "yet: remove the # and write a value. What stays open, the advice asks about\n"
        "later. All keys and values are described in docs/project-file.md.",
    ),
    "file.unknown": ("weet niet: vul later in", "don't know: fill in later"),
    "file.empty": (
        "(Nog niet ingevuld. Haal de # weg bij wat je weet.)",
        "(Not filled in yet. Remove the # where you know the answer.)",
    ),
    "file.required": ("verplicht", "required"),
    "file.one_of": ("kies uit", "one of"),
    "file.list_of": ("lijst, kies uit", "list of"),
    "file.bool": ("true of false", "true or false"),
    "file.int": ("heel getal", "whole number"),
    "file.float": ("bedrag, zoals 12500", "amount, such as 12500"),
    "file.date": ("datum, zoals 2026-03-01", "date, such as 2026-03-01"),
    "file.str": ('tekst tussen "aanhalingstekens"', 'text in "quotes"'),
    "file.str_list": ('lijst, zoals ["een", "twee"]', 'list, such as ["one", "two"]'),
    "file.partner_names": (
        "namen van partners uit [[partners]]",
        "names of partners in [[partners]]",
    ),
}

#: answers that mean "don't know" (the fact is left out), "skip the rest of this part",
#: yes and no; accepted in either language
UNKNOWN_ANSWERS = frozenset(
    {"", "?", "weet niet", "weet ik niet", "onbekend", "don't know", "dont know", "unknown"}
)
SKIP_ANSWERS = frozenset({"overslaan", "sla over", "sla dit deel over", "skip", "skip this part"})
YES_ANSWERS = frozenset({"j", "ja", "y", "yes", "true"})
NO_ANSWERS = frozenset({"n", "nee", "no", "false"})


def init_text(key: str, lang: str, **params: object) -> str:
    """The text ``key`` of `advies init` in ``lang``, with ``params`` filled in."""
    pair = _INIT[key]
    text = pair[0] if lang == "nl" else pair[1]
    return text.format(**params) if params else text


def has_init_text(key: str) -> bool:
    """Whether `advies init` has a text for ``key``."""
    return key in _INIT
