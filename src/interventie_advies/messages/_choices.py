"""Labels of the enum values in project files, as `advies init` offers them."""

from __future__ import annotations

from ._entry import Entry

__all__ = ["CHOICES", "TABLES"]


#: labels of enum values: "Enum.value" where a value means different things in different
#: enums, else the plain value; values missing here fall back to the namespace "word"
CHOICES: dict[str, Entry] = {
    "other": Entry(nl="anders", en="other"),
    "none": Entry(nl="geen", en="none"),
    # HowIdentified
    "conversations": Entry(nl="gesprekken", en="conversations"),
    "kitchen_table": Entry(nl="keukentafelgesprekken", en="kitchen-table talks"),
    "survey": Entry(nl="vragenlijst", en="survey"),
    "neighbourhood_analysis": Entry(nl="buurtanalyse", en="neighbourhood analysis"),
    "key_persons": Entry(nl="via sleutelpersonen", en="through key persons"),
    "earlier_project": Entry(nl="een eerder project", en="an earlier project"),
    # TargetGroup
    "elderly": Entry(nl="ouderen", en="older people"),
    "youth": Entry(nl="jongeren", en="young people"),
    "children": Entry(nl="kinderen", en="children"),
    "families": Entry(nl="gezinnen", en="families"),
    "newcomers": Entry(nl="nieuwkomers", en="newcomers"),
    "people_with_disability": Entry(nl="mensen met een beperking", en="people with a disability"),
    "low_income": Entry(nl="mensen met weinig geld", en="people on a low income"),
    "people_with_mental_illness": Entry(
        nl="mensen met psychische problemen", en="people with mental illness"
    ),
    "lonely_people": Entry(nl="eenzame mensen", en="lonely people"),
    "all_residents": Entry(nl="alle bewoners", en="all residents"),
    # Barrier
    "cost": Entry(nl="kosten", en="cost"),
    "mobility": Entry(nl="slecht ter been of geen vervoer", en="mobility"),
    "time": Entry(nl="tijd", en="time"),
    "distrust": Entry(nl="wantrouwen", en="distrust"),
    "shame": Entry(nl="schaamte", en="shame"),
    "no_art_experience": Entry(nl="geen ervaring met kunst", en="no experience with art"),
    "Barrier.digital": Entry(
        nl="digitaal (geen computer of internet)", en="digital (no computer or internet)"
    ),
    "childcare": Entry(nl="opvang voor kinderen", en="childcare"),
    # NOTE: in a list of open barriers (rule texts), "anders" alone would read as a typo
    "Barrier.other": Entry(nl="een andere drempel", en="another barrier"),
    # CoDesign
    "CoDesign.none": Entry(nl="bewoners bepalen niet mee", en="residents have no say"),
    "consulted": Entry(nl="bewoners geven hun mening", en="residents are consulted"),
    "co_design": Entry(nl="samen met bewoners ontwerpen", en="designed together with residents"),
    "resident_led": Entry(nl="bewoners beslissen zelf", en="led by residents"),
    # ArtForm
    "music": Entry(nl="muziek", en="music"),
    "opera": Entry(nl="opera", en="opera"),
    "theatre": Entry(nl="theater", en="theatre"),
    "dance": Entry(nl="dans", en="dance"),
    "visual_art": Entry(nl="beeldende kunst", en="visual art"),
    "mural": Entry(nl="muurschildering", en="mural"),
    "photography": Entry(nl="fotografie", en="photography"),
    "film": Entry(nl="film", en="film"),
    "literature": Entry(nl="literatuur", en="literature"),
    "storytelling": Entry(nl="verhalen vertellen", en="storytelling"),
    "crafts": Entry(nl="ambacht en handwerk", en="crafts"),
    "design": Entry(nl="vormgeving", en="design"),
    "ArtForm.digital": Entry(nl="digitale kunst", en="digital art"),
    "circus": Entry(nl="circus", en="circus"),
    "festival": Entry(nl="festival", en="festival"),
    "mixed": Entry(nl="gemengd", en="mixed"),
    # ActivityKind
    "workshop": Entry(nl="workshop", en="workshop"),
    "rehearsal": Entry(nl="repetitie", en="rehearsal"),
    "meeting": Entry(nl="bijeenkomst", en="meeting"),
    "walk_in": Entry(nl="inloop", en="walk-in"),
    "performance": Entry(nl="voorstelling", en="performance"),
    "exhibition": Entry(nl="tentoonstelling", en="exhibition"),
    "excursion": Entry(nl="uitstapje", en="excursion"),
    # Frequency, MeetingFrequency
    "once": Entry(nl="één keer", en="once"),
    "weekly": Entry(nl="elke week", en="weekly"),
    "biweekly": Entry(nl="om de week", en="every two weeks"),
    "monthly": Entry(nl="elke maand", en="monthly"),
    "quarterly": Entry(nl="elk kwartaal", en="quarterly"),
    "irregular": Entry(nl="onregelmatig", en="irregular"),
    "MeetingFrequency.none": Entry(nl="geen overleg", en="no meetings"),
    # GroupChannel
    "whatsapp": Entry(nl="WhatsApp", en="WhatsApp"),
    "signal": Entry(nl="Signal", en="Signal"),
    "email_list": Entry(nl="e-maillijst", en="email list"),
    "facebook": Entry(nl="Facebook", en="Facebook"),
    "newsletter": Entry(nl="nieuwsbrief", en="newsletter"),
    "GroupChannel.none": Entry(nl="geen groepskanaal", en="no channel"),
    # PlaceKind
    "community_centre": Entry(nl="buurthuis", en="community centre"),
    "library": Entry(nl="bibliotheek", en="library"),
    "school": Entry(nl="school", en="school"),
    "church": Entry(nl="kerk of gebedshuis", en="church or place of worship"),
    "cafe": Entry(nl="café", en="café"),
    "studio": Entry(nl="atelier of studio", en="studio"),
    "residents_home": Entry(nl="bij bewoners thuis", en="at a resident's home"),
    # ProductKind
    "screening": Entry(nl="filmvertoning", en="screening"),
    "publication": Entry(nl="publicatie (boek, krant)", en="publication (book, paper)"),
    "artwork_in_public_space": Entry(
        nl="kunstwerk in de openbare ruimte", en="artwork in public space"
    ),
    # Domain
    "social": Entry(nl="sociaal werk en welzijn", en="social work and welfare"),
    "cultural": Entry(nl="cultuur", en="culture"),
    "housing": Entry(nl="wonen (woningcorporatie)", en="housing"),
    "municipality": Entry(nl="gemeente", en="municipality"),
    "education": Entry(nl="onderwijs", en="education"),
    "health": Entry(nl="zorg en gezondheid", en="health and care"),
    "business": Entry(nl="bedrijfsleven", en="business"),
    "residents_organisation": Entry(nl="bewonersorganisatie", en="residents' organisation"),
    "knowledge": Entry(nl="kennisinstelling", en="knowledge institution"),
    # Contribution
    "staff": Entry(nl="mensen en uren", en="staff"),
    "money": Entry(nl="geld", en="money"),
    "location": Entry(nl="een ruimte", en="a location"),
    "network": Entry(nl="netwerk", en="network"),
    "expertise": Entry(nl="kennis en ervaring", en="expertise"),
    "materials": Entry(nl="materialen", en="materials"),
    "communication": Entry(nl="communicatie", en="communication"),
    # Holding (what one key person alone holds)
    "contacts": Entry(nl="de contacten met bewoners", en="the contacts with residents"),
    "Holding.group_channel": Entry(nl="het groepskanaal", en="the group channel"),
    "planning": Entry(nl="de planning", en="the planning"),
    "Holding.money": Entry(nl="het geld en de aanvragen", en="the money and the applications"),
    "keys": Entry(nl="de sleutels van de plek", en="the keys of the place"),
    "artistic_lead": Entry(nl="de artistieke leiding", en="the artistic lead"),
    # Level
    "management": Entry(nl="leiding", en="management"),
    "professional": Entry(nl="professionals", en="professionals"),
    "volunteer": Entry(nl="vrijwilligers", en="volunteers"),
    # Difference
    "working_method": Entry(nl="werkwijze", en="working method"),
    "perspective": Entry(nl="manier van kijken", en="perspective"),
    "Difference.funding": Entry(nl="financiering", en="funding"),
    "policy": Entry(nl="beleid", en="policy"),
    "timelines": Entry(nl="planning en tempo", en="timelines"),
    "Difference.other": Entry(nl="een ander verschil", en="another difference"),
    # FundingKind
    "project": Entry(nl="projectsubsidie", en="project grant"),
    "structural": Entry(nl="structurele subsidie", en="structural funding"),
    "fund": Entry(nl="fonds", en="fund"),
    "crowdfunding": Entry(nl="crowdfunding", en="crowdfunding"),
    "in_kind": Entry(nl="in natura (uren, een ruimte)", en="in kind (hours, a room)"),
    "sponsor": Entry(nl="sponsor", en="sponsor"),
    # EvaluationMethod
    "interviews": Entry(nl="interviews", en="interviews"),
    "observation": Entry(nl="observatie", en="observation"),
    "participant_stories": Entry(nl="verhalen van deelnemers", en="participants' stories"),
    "photo_video": Entry(nl="foto en video", en="photo and video"),
    "reflection_sessions": Entry(nl="samen terugkijken", en="reflection sessions"),
    # Language
    "nl": Entry(nl="Nederlands", en="Dutch"),
    "en": Entry(nl="Engels", en="English"),
    # Evidence
    "research": Entry(nl="onderzoek", en="research"),
    "practice": Entry(nl="praktijk", en="practice"),
    "expert": Entry(nl="deskundigen", en="experts"),
}


#: the namespaces this module holds (see __init__.py)
TABLES: dict[str, dict[str, Entry]] = {
    "choice": CHOICES,
}

#: more words people write for a value (``Enum.value`` or the plain value, as in CHOICES),
#: accepted in project files besides the value and its labels; the short forms of the
#: longer labels
ALSO_ACCEPTED: dict[str, tuple[str, ...]] = {
    "CoDesign.none": ("geen", "geen inspraak"),
    "consulted": ("geraadpleegd", "raadplegen", "meedenken"),
    "co_design": ("samen ontwerpen", "cocreatie", "co-creatie"),
    "resident_led": ("bewoners aan het roer", "door bewoners geleid"),
    "MeetingFrequency.none": ("geen",),
    "GroupChannel.none": ("geen",),
    "Barrier.digital": ("digitaal",),
    "ArtForm.digital": ("digitaal",),
    "key_persons": ("sleutelpersonen",),
    "low_income": ("armoede", "laag inkomen"),
    "mobility": ("mobiliteit", "vervoer"),
    "kitchen_table": ("keukentafel",),
    "church": ("kerk", "moskee", "gebedshuis"),
    "studio": ("atelier",),
    "social": ("welzijn", "sociaal", "sociaal werk"),
    "housing": ("wonen", "woningcorporatie", "corporatie"),
    "health": ("zorg", "gezondheid"),
    "publication": ("publicatie",),
    "in_kind": ("in natura",),
    "photo_video": ("foto", "video"),
    "contacts": ("contacten", "contactgegevens", "contacts"),
    "Holding.money": ("geld", "aanvragen", "money"),
    "keys": ("sleutels", "keys"),
}
