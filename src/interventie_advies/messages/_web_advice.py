"""Words of the decisions and questions on the project page (``web`` namespace)."""

from __future__ import annotations

from ._entry import Entry

__all__ = ["TABLES", "WEB_ADVICE"]

#: the decisions on each piece of advice, and the questions with links to their fields
WEB_ADVICE: dict[str, Entry] = {
    "decision_heading": Entry(nl="Besluiten over het advies", en="Decisions on the advice"),
    "decision_intro": Entry(
        nl="Wat doet het team met elk advies? Een besluit wordt bewaard in het "
        "projectbestand, als een nieuwe versie.",
        en="What does the team do with each piece of advice? A decision is kept in the "
        "project file, as a new version.",
    ),
    "decision_no_items": Entry(
        nl="Er is geen advies om over te besluiten.", en="There is no advice to decide on."
    ),
    "decision_priority": Entry(nl="prioriteit {p}", en="{p} priority"),
    "decision_current": Entry(nl="Besluit", en="Decision"),
    "decision_none": Entry(nl="nog geen besluit", en="no decision yet"),
    "decision_on": Entry(nl="op {d}", en="on {d}"),
    "decision_choose": Entry(nl="Kies een besluit", en="Choose a decision"),
    "decision_label": Entry(nl="Besluit over {code}", en="Decision on {code}"),
    "decision_reason": Entry(nl="Reden", en="Reason"),
    "decision_reason_hint": Entry(
        nl="Verplicht bij ‘afgewezen’ en ‘niet van toepassing’.",
        en="Required for ‘rejected’ and ‘not applicable’.",
    ),
    "decision_save": Entry(nl="Besluit opslaan", en="Save decision"),
    "decision_open": Entry(nl="Besluit vastleggen of wijzigen", en="Record or change the decision"),
    "decision_saved": Entry(
        nl="Besluit opgeslagen: {code} {status}. Het project is nu versie {n}.",
        en="Decision saved: {code} {status}. The project is now version {n}.",
    ),
    "decision_comment": Entry(nl="Besluit: {code} {status}", en="Decision: {code} {status}"),
    "decision_status_missing": Entry(nl="Kies een besluit.", en="Choose a decision."),
    "decision_reason_missing": Entry(
        nl="Schrijf op waarom. Een reden is nodig bij ‘{status}’.",
        en="Write down why. A reason is needed for ‘{status}’.",
    ),
    "decision_reason_long": Entry(
        nl="De reden is te lang: hoogstens {n} tekens.",
        en="The reason is too long: at most {n} characters.",
    ),
    "decision_not_saved": Entry(
        nl="Het besluit over {code} is niet opgeslagen.",
        en="The decision on {code} was not saved.",
    ),
    "decision_unknown_rule": Entry(
        nl="Dit advies staat niet (meer) in het rapport. Er is niets opgeslagen. Laad de "
        "pagina opnieuw.",
        en="This advice is not (or no longer) in the report. Nothing was saved. Reload the page.",
    ),
    "decision_not_followed": Entry(nl="Bewust niet gevolgd", en="Consciously not followed"),
    "decision_stale": Entry(
        nl="Besluiten over advies dat niet meer geldt",
        en="Decisions on advice that no longer applies",
    ),
    "decision_stale_hint": Entry(
        nl="Deze regels geven nu geen advies. Het besluit kan uit het projectbestand.",
        en="These rules give no advice now. The decision can go from the project file.",
    ),
    "questions_heading": Entry(nl="Open vragen", en="Open questions"),
    "questions_intro": Entry(
        nl="Elke vraag brengt je naar het veld in het formulier waar je het antwoord invult.",
        en="Each question takes you to the field in the form where you fill in the answer.",
    ),
    "questions_none": Entry(nl="Er zijn geen open vragen.", en="There are no open questions."),
}

TABLES = {"web": WEB_ADVICE}
