"""Words of the reports: headings, counts, enum values, score factors, HTML and diff words."""

from __future__ import annotations

from ._entry import Entry

__all__ = ["DIFF", "EFFORT", "HTML", "SCORE", "TABLES", "WORDS"]


#: words every renderer shares; also the labels of enum values a report shows
WORDS: dict[str, Entry] = {
    # headings
    "advice_for": Entry(nl="Advies voor", en="Advice for"),
    "phase": Entry(nl="fase", en="phase"),
    "evaluated_on": Entry(nl="beoordeeld op", en="evaluated on"),
    "top": Entry(nl="Belangrijkste advies", en="Top advice"),
    "warnings": Entry(nl="Waarschuwingen", en="Warnings"),
    "other": Entry(nl="Overig advies", en="Further advice"),
    "questions": Entry(nl="Vragen om te beantwoorden", en="Questions to answer"),
    "strengths": Entry(nl="Sterke punten", en="Strengths"),
    "elements": Entry(nl="Overzicht per element", en="Element overview"),
    "effects": Entry(
        nl="Waaraan het project kan bijdragen", en="What the project can contribute to"
    ),
    "effects_caution": Entry(
        nl=(
            "Dit is geen voorspelling. Volgens onderzoek zijn deze effecten op leefbaarheid "
            "aannemelijk en deels aangetoond, maar ze zijn niet gemeten. Het advies kijkt "
            "alleen of de elementen die eraan bijdragen op orde zijn."
        ),
        en=(
            "This is not a prediction. Research finds these effects on liveability plausible "
            "and partly proven, but they have not been measured. The advice only looks at "
            "whether the elements that contribute to them are in order."
        ),
    ),
    "effects_unknown": Entry(
        nl="Er is nog te weinig beschreven om te zeggen waaraan het project kan bijdragen.",
        en="Too little is described yet to say what the project can contribute to.",
    ),
    "not_followed": Entry(nl="Bewust niet gevolgd", en="Consciously not followed"),
    "stale": Entry(
        nl="Besluiten over advies dat niet meer geldt",
        en="Decisions about advice that no longer applies",
    ),
    "errors": Entry(nl="Fouten in plugins of regels", en="Errors in plugins or rules"),
    "notes": Entry(nl="Let op", en="Note"),
    "why": Entry(nl="Waarom", en="Why"),
    "why_here": Entry(nl="Waarom hier", en="Why here"),
    "covers": Entry(nl="omvat", en="covers"),
    "actions": Entry(nl="Wat kun je doen", en="What you can do"),
    "score": Entry(nl="Score", en="Score"),
    "fill_in": Entry(nl="vul in", en="fill in"),
    "helps": Entry(nl="helpt bij", en="helps with"),
    "more_questions": Entry(
        nl="Het JSON- en HTML-rapport noemen nog {n} {questions}.",
        en="The JSON and HTML reports list {n} other {questions}.",
    ),
    "decision": Entry(nl="besluit", en="decision"),
    "reason": Entry(nl="reden", en="reason"),
    "none": Entry(nl="Geen.", en="None."),
    "source": Entry(nl="Bron", en="Source"),
    "recommendations_n": Entry(nl="aanbevelingen", en="recommendations"),
    "warnings_n": Entry(nl="waarschuwingen", en="warnings"),
    "questions_n": Entry(nl="vragen", en="questions"),
    "strengths_n": Entry(nl="sterke punten", en="strengths"),
    "recommendations_1": Entry(nl="aanbeveling", en="recommendation"),
    "warnings_1": Entry(nl="waarschuwing", en="warning"),
    "questions_1": Entry(nl="vraag", en="question"),
    "strengths_1": Entry(nl="sterk punt", en="strength"),
    "element": Entry(nl="Element", en="Element"),
    "described": Entry(nl="beschreven", en="described"),
    "completeness": Entry(
        nl="Beschreven: {d} van de {n} gegevens die de regels gebruiken ({p}%)",
        en="Described: {d} of the {n} facts the rules use ({p}%)",
    ),
    "status": Entry(nl="Status", en="Status"),
    "effect": Entry(nl="Effect", en="Effect"),
    "level": Entry(nl="Niveau", en="Level"),
    "unknown_phase": Entry(nl="onbekend", en="unknown"),
    # a fact in a rule's text (rulebook/_placeholders.py): "a, b en c", yes and no
    "and": Entry(nl="en", en="and"),
    # the months, for dates in rule texts ("1 juli 2026"; rulebook/_placeholders)
    "month_1": Entry(nl="januari", en="January"),
    "month_2": Entry(nl="februari", en="February"),
    "month_3": Entry(nl="maart", en="March"),
    "month_4": Entry(nl="april", en="April"),
    "month_5": Entry(nl="mei", en="May"),
    "month_6": Entry(nl="juni", en="June"),
    "month_7": Entry(nl="juli", en="July"),
    "month_8": Entry(nl="augustus", en="August"),
    "month_9": Entry(nl="september", en="September"),
    "month_10": Entry(nl="oktober", en="October"),
    "month_11": Entry(nl="november", en="November"),
    "month_12": Entry(nl="december", en="December"),
    "true": Entry(nl="ja", en="yes"),
    "false": Entry(nl="nee", en="no"),
    # enums
    "plugins": Entry(nl="plugins", en="plugins"),
    "high": Entry(nl="hoog", en="high"),
    "medium": Entry(nl="gemiddeld", en="medium"),
    "low": Entry(nl="laag", en="low"),
    "recommendation": Entry(nl="aanbeveling", en="recommendation"),
    "warning": Entry(nl="waarschuwing", en="warning"),
    "strength": Entry(nl="sterk punt", en="strength"),
    # element assessments (docs/report.md)
    "in_order": Entry(nl="op orde", en="in order"),
    "in_order_with_attention": Entry(
        nl="op orde, met aandachtspunt", en="in order, with a point of attention"
    ),
    "not_described": Entry(nl="nog niet beschreven", en="not yet described"),
    # what a project can contribute to an effect
    "can_contribute": Entry(nl="kan bijdragen", en="can contribute"),
    "can_contribute_if": Entry(nl="kan bijdragen, als", en="can contribute, if"),
    "little_yet": Entry(nl="nog weinig", en="little as yet"),
    "contribution_can_contribute": Entry(
        nl="Het project kan hieraan bijdragen; de elementen erachter zijn op orde.",
        en="The project can contribute to this; the elements behind it are in order.",
    ),
    "contribution_can_contribute_known": Entry(
        nl="Het project kan hieraan bijdragen; wat er beschreven is, is op orde.",
        en="The project can contribute to this; what is described is in order.",
    ),
    "contribution_silent": Entry(
        nl="Nog niet beschreven: {elements}.", en="Not yet described: {elements}."
    ),
    "contribution_can_contribute_if": Entry(
        nl="Het project kan hieraan bijdragen als er meer aandacht komt voor: {elements}.",
        en="The project can contribute to this if more attention goes to: {elements}.",
    ),
    "contribution_little_yet": Entry(
        nl=(
            "Het project kan hier nu nog weinig aan bijdragen. Eerst is meer aandacht nodig "
            "voor: {elements}."
        ),
        en=(
            "The project can as yet contribute little to this. It first needs more "
            "attention for: {elements}."
        ),
    ),
    # the statuses of schema_version 1 (a saved report read by `advies diff`)
    "covered": Entry(nl="op orde", en="covered"),
    "partial": Entry(nl="deels", en="partial"),
    "missing": Entry(nl="ontbreekt", en="missing"),
    "unknown": Entry(nl="onbekend", en="unknown"),
    "weak": Entry(nl="zwak", en="weak"),
    "idea": Entry(nl="idee", en="idea"),
    "preparation": Entry(nl="voorbereiding", en="preparation"),
    "execution": Entry(nl="uitvoering", en="execution"),
    "closing": Entry(nl="afronding", en="closing"),
    "continuation": Entry(nl="voortzetting", en="continuation"),
    "accepted": Entry(nl="overgenomen", en="accepted"),
    "in_progress": Entry(nl="mee bezig", en="in progress"),
    "done": Entry(nl="gedaan", en="done"),
    "rejected": Entry(nl="afgewezen", en="rejected"),
    # residents' needs
    "loneliness": Entry(nl="eenzaamheid", en="loneliness"),
    "social_cohesion": Entry(nl="sociale samenhang", en="social cohesion"),
    "safety": Entry(nl="veiligheid", en="safety"),
    "pride": Entry(nl="trots", en="pride"),
    "participation": Entry(nl="meedoen", en="participation"),
    "health_wellbeing": Entry(nl="gezondheid en welzijn", en="health and wellbeing"),
    "language": Entry(nl="taal", en="language"),
    "talent_development": Entry(nl="talentontwikkeling", en="talent development"),
    "intercultural_contact": Entry(nl="contact tussen culturen", en="intercultural contact"),
    "intergenerational_contact": Entry(
        nl="contact tussen generaties", en="contact between generations"
    ),
    "public_space": Entry(nl="openbare ruimte", en="public space"),
    "not_applicable": Entry(nl="niet van toepassing", en="not applicable"),
}


#: words only the HTML report needs
HTML: dict[str, Entry] = {
    "advice_n": Entry(nl="Advies", en="Advice"),
    "by_priority": Entry(nl="Naar prioriteit", en="By priority"),
    "contents": Entry(nl="Inhoud", en="Contents"),
    "described_col": Entry(nl="Beschreven gegevens", en="Facts described"),
    "effect_elements": Entry(nl="Elementen erachter", en="Elements behind it"),
    "contribution": Entry(nl="Kan het project bijdragen?", en="Can the project contribute?"),
    "evidence": Entry(nl="Onderbouwing", en="Evidence"),
    "expert": Entry(nl="oordeel van experts", en="expert opinion"),
    "practice": Entry(nl="praktijk", en="practice"),
    "research": Entry(nl="onderzoek", en="research"),
    "file": Entry(nl="bestand", en="file"),
    "legend": Entry(nl="Legenda", en="Legend"),
    "legend_described": Entry(
        nl="grijze balk: hoeveel gegevens het bestand geeft (los van het oordeel)",
        en="grey bar: how many facts the file gives (apart from the assessment)",
    ),
    "made_with": Entry(nl="Gemaakt met", en="Made with"),
    "no_findings": Entry(nl="Geen advies voor dit project.", en="No advice for this project."),
    "no_questions": Entry(nl="Geen open vragen.", en="No open questions."),
    "no_sources": Entry(nl="Geen bronnen bij dit advies.", en="No sources for this advice."),
    "no_strengths": Entry(nl="Nog geen sterke punten gevonden.", en="No strengths found yet."),
    "no_not_followed": Entry(
        nl="Het team heeft geen advies bewust niet gevolgd.",
        en="The team has not consciously set aside any advice.",
    ),
    "of": Entry(nl="van", en="of"),
    "plugins": Entry(nl="plugins", en="plugins"),
    "priority": Entry(nl="prioriteit", en="priority"),
    "questions_intro": Entry(
        nl=(
            "Het projectbestand zegt hier nog niets over; de regels hebben het wel "
            "nodig. De vragen die het meeste advies opleveren staan bovenaan. Vul de "
            "genoemde velden in en laat het advies opnieuw maken."
        ),
        en=(
            "The project file is silent about these; the rules need them. The questions "
            "that unlock the most advice come first. Fill in the fields named and run the "
            "advice again."
        ),
    ),
    "report_title": Entry(nl="Adviesrapport", en="Advice report"),
    "sources": Entry(nl="Bronnen", en="Sources"),
    "sources_intro": Entry(
        nl="De nummers bij het advies verwijzen naar deze lijst.",
        en="The numbers in the advice refer to this list.",
    ),
    "summary": Entry(nl="Samenvatting", en="Summary"),
    "top_glance": Entry(nl="Belangrijkste advies in het kort", en="Top advice at a glance"),
    "strengths_col": Entry(nl="Sterke punten", en="Strengths"),
    "questions_col": Entry(nl="Vragen", en="Questions"),
}


#: headings of `advies diff`
DIFF: dict[str, Entry] = {
    "title": Entry(nl="Voortgang", en="Progress"),
    "resolved": Entry(nl="Opgelost", en="Resolved"),
    "new_advice": Entry(nl="Nieuw advies", en="New advice"),
    "still_open": Entry(nl="Nog open", en="Still open"),
    "priority_changes": Entry(nl="Andere prioriteit", en="Priority changed"),
    "element_changes": Entry(
        nl="Elementen met een andere status", en="Elements with another status"
    ),
    "decisions_added": Entry(nl="Nieuwe besluiten", en="Decisions added"),
    "questions_answered": Entry(nl="Beantwoorde vragen", en="Questions answered"),
    "strengths_gained": Entry(nl="Nieuwe sterke punten", en="New strengths"),
    "other_project": Entry(
        nl=(
            "Let op: dit lijken twee verschillende projecten ({a} en {b}). De vergelijking "
            "zegt alleen iets over twee versies van hetzelfde plan."
        ),
        en=(
            "Note: these look like two different projects ({a} and {b}). The comparison "
            "only means something for two versions of the same plan."
        ),
    ),
}


#: the factors of a score, as the report shows them (docs/prioritisation.md)
SCORE: dict[str, Entry] = {
    "base": Entry(nl="basis: prioriteit {p} ({v:g})", en="base: priority {p} ({v:g})"),
    "phase": Entry(
        nl="×{v:g}: belangrijk in de fase '{x}'", en="×{v:g}: matters most in phase '{x}'"
    ),
    "need": Entry(
        nl="×{v:g}: past bij de behoefte '{x}'", en="×{v:g}: serves the stated need '{x}'"
    ),
    "time_3": Entry(
        nl="×{v:g}: de financiering stopt binnen 3 maanden",
        en="×{v:g}: funding ends within 3 months",
    ),
    "time_6": Entry(
        nl="×{v:g}: de financiering stopt binnen 6 maanden",
        en="×{v:g}: funding ends within 6 months",
    ),
    "short": Entry(
        nl="verhoogd naar {p}: kort project (minder dan {m} maanden geld)",
        en="raised to {p}: short project (under {m} months of funding)",
    ),
    "short_x": Entry(
        nl="×{v:g}: kort project (minder dan {m} maanden geld)",
        en="×{v:g}: short project (under {m} months of funding)",
    ),
    "urgent": Entry(
        nl="verhoogd naar {p}: de financiering stopt binnen {m} maanden",
        en="raised to {p}: funding ends within {m} months",
    ),
    "effort": Entry(nl="×{v:g}: moeite {x}", en="×{v:g}: effort {x}"),
    "adjust": Entry(nl="prioriteit {p}: {x}", en="priority {p}: {x}"),
    "held": Entry(
        nl="getoond als {p}: hoog is bewaard voor de {n} sterkste punten",
        en="shown as {p}: high is kept for the {n} strongest items",
    ),
}


#: why an item is where it is, in plain words and without the score's numbers
#: (docs/prioritisation.md); clauses (``money_*``, ``short``) go into ``raised`` or
#: stand alone as a sentence
REASON: dict[str, Entry] = {
    "money_gone": Entry(nl="het geld is al gestopt", en="the money has already stopped"),
    "money_now": Entry(nl="het geld stopt deze maand", en="the money stops this month"),
    "money_1": Entry(nl="het geld stopt over 1 maand", en="the money stops in 1 month"),
    "money_n": Entry(nl="het geld stopt over {n} maanden", en="the money stops in {n} months"),
    "short": Entry(
        nl="het project heeft geld voor minder dan {m} maanden",
        en="the project is funded for less than {m} months",
    ),
    "raised": Entry(nl="Dit staat hoger, want {x}.", en="This is raised, because {x}."),
    "phase": Entry(
        nl="Dit telt het meest in de fase {x}.", en="This matters most in the {x} phase."
    ),
    "need": Entry(
        nl="Dit helpt bij wat bewoners nodig hebben: {x}.",
        en="This serves what residents need: {x}.",
    ),
    "quick": Entry(nl="Dit is snel te doen.", en="This is quick to do."),
    "held": Entry(
        nl="Dit is ook belangrijk, maar hoog is bewaard voor de punten die het zwaarst wegen.",
        en="This matters too, but high is kept for the items that weigh most.",
    ),
    "held_theme": Entry(
        nl="Dit hoort bij hetzelfde punt als {code}, dat al hoog staat.",
        en="This belongs to the same item as {code}, which is already high.",
    ),
    "base_high": Entry(
        nl="Dit weegt zwaar in elk project.", en="This weighs heavily in any project."
    ),
    "base_medium": Entry(
        nl="Dit weegt gemiddeld in elk project.", en="This weighs moderately in any project."
    ),
    "base_low": Entry(nl="Dit is een extra punt.", en="This is an extra point."),
}


#: effort of an action, inside a score factor
EFFORT: dict[str, Entry] = {
    "high": Entry(nl="groot", en="high"),
    "medium": Entry(nl="gemiddeld", en="medium"),
    "low": Entry(nl="klein", en="low"),
}


#: the namespaces this module holds (see __init__.py)
TABLES: dict[str, dict[str, Entry]] = {
    "word": WORDS,
    "html": HTML,
    "diff": DIFF,
    "score": SCORE,
    "reason": REASON,
    "effort": EFFORT,
}
