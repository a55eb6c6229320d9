"""Words of the programme pages: programmes, their funders and the portfolio (``web``)."""

from __future__ import annotations

from ._entry import Entry

__all__ = ["TABLES", "WEB_FUNDERS"]

#: labels, headings, buttons and notes of the programme pages (keys start with ``prog_``)
WEB_FUNDERS: dict[str, Entry] = {
    "prog_programmes": Entry(nl="Programma's", en="Programmes"),
    "prog_none": Entry(nl="Er zijn nog geen programma's.", en="There are no programmes yet."),
    "prog_none_funded": Entry(
        nl="Je bent nog geen financier van een programma.",
        en="You are not a funder of any programme yet.",
    ),
    "prog_new": Entry(nl="Nieuw programma", en="New programme"),
    "prog_name": Entry(nl="Naam van het programma", en="Name of the programme"),
    "prog_make": Entry(nl="Programma maken", en="Create programme"),
    "prog_made": Entry(nl="Het programma is gemaakt.", en="The programme has been created."),
    "prog_name_needed": Entry(nl="Vul een naam in.", en="Fill in a name."),
    "prog_name_long": Entry(
        nl="Een naam is hoogstens 500 tekens lang.", en="A name is at most 500 characters long."
    ),
    "prog_projects_n": Entry(nl="Projecten", en="Projects"),
    "prog_funders": Entry(nl="Financiers", en="Funders"),
    "prog_funders_of": Entry(nl="Financiers van {name}", en="Funders of {name}"),
    "prog_no_funders": Entry(
        nl="Dit programma heeft nog geen financiers.", en="This programme has no funders yet."
    ),
    "prog_add_funder": Entry(nl="Financier toevoegen", en="Add a funder"),
    "prog_funder_email": Entry(
        nl="E-mailadres van de financier", en="E-mail address of the funder"
    ),
    "prog_funder_hint": Entry(
        nl="Deze persoon heeft al een account. Een financier leest alle projecten van het "
        "programma, en verandert niets.",
        en="This person already has an account. A funder reads every project of the "
        "programme, and changes nothing.",
    ),
    "prog_add": Entry(nl="Toevoegen", en="Add"),
    "prog_remove": Entry(nl="Verwijderen", en="Remove"),
    "prog_no_user": Entry(
        nl="Er is geen account met dit e-mailadres. Maak eerst een account "
        "(advies users add), en voeg de persoon dan toe.",
        en="There is no account with this e-mail address. Make an account first "
        "(advies users add), then add the person.",
    ),
    "prog_email_needed": Entry(nl="Vul een e-mailadres in.", en="Fill in an e-mail address."),
    "prog_added": Entry(
        nl="{e} is nu financier van dit programma.", en="{e} is now a funder of this programme."
    ),
    "prog_removed": Entry(
        nl="{e} is geen financier meer van dit programma.",
        en="{e} is no longer a funder of this programme.",
    ),
    "prog_admins_only": Entry(
        nl="Alleen beheerders mogen dit. Er is niets veranderd.",
        en="Only administrators may do this. Nothing was changed.",
    ),
    "prog_back": Entry(nl="Terug naar het portfolio", en="Back to the portfolio"),
    "prog_filters": Entry(nl="Filters", en="Filters"),
    "prog_phase_any": Entry(nl="Elke fase", en="Any phase"),
    "prog_element": Entry(nl="Element", en="Element"),
    "prog_element_any": Entry(nl="Elk element", en="Any element"),
    "prog_status": Entry(nl="Beoordeling van dat element", en="Assessment of that element"),
    "prog_status_any": Entry(nl="Elke beoordeling", en="Any assessment"),
    "prog_element_status": Entry(
        nl="Kies een element én een beoordeling, of geen van beide.",
        en="Choose an element and an assessment, or neither.",
    ),
    "prog_months": Entry(
        nl="Hoogstens zoveel maanden geld over", en="At most this many months of funding left"
    ),
    "prog_months_hint": Entry(
        nl="Een heel getal, bijvoorbeeld 6. Leeg: alle projecten.",
        en="A whole number, for example 6. Empty: every project.",
    ),
    "prog_months_wrong": Entry(
        nl="Vul een heel getal in, bijvoorbeeld 6.", en="Fill in a whole number, for example 6."
    ),
    "prog_theme": Entry(nl="Thema van het advies", en="Theme of the advice"),
    "prog_theme_any": Entry(nl="Elk thema", en="Any theme"),
    "prog_show": Entry(nl="Toon", en="Show"),
    "prog_clear": Entry(nl="Alle filters weghalen", en="Clear the filters"),
    "prog_shown": Entry(
        nl="{k} van de {n} projecten, {u} urgent · beoordeeld op {d}",
        en="{k} of the {n} projects, {u} urgent · evaluated on {d}",
    ),
    "prog_csv": Entry(nl="Download als CSV", en="Download as CSV"),
    "prog_csv_nl": Entry(
        nl="Download als CSV voor Excel met Nederlandse instellingen",
        en="Download as CSV for Excel with Dutch settings",
    ),
    "prog_stale": Entry(
        nl="{n} projecten zijn beoordeeld met eerdere regels (het eerst op {d}). Hun cijfers "
        "kunnen anders zijn dan het advies van nu. Ze worden vanzelf bijgewerkt; met de knop "
        "gebeurt het nu.",
        en="{n} projects were assessed with earlier rules (the first on {d}). Their figures "
        "may differ from today's advice. They are brought up to date by themselves; the "
        "button does it now.",
    ),
    "prog_stale_mark": Entry(
        nl="beoordeeld met eerdere regels op {d}", en="assessed with earlier rules on {d}"
    ),
    "prog_refresh": Entry(nl="Nu bijwerken", en="Bring up to date now"),
    "prog_refreshed": Entry(
        nl="{n} projecten zijn opnieuw beoordeeld.", en="{n} projects were assessed again."
    ),
    "prog_list": Entry(nl="Per project", en="Per project"),
    "prog_matrix_caption": Entry(
        nl="Beoordeling van de twaalf elementen per project; urgente projecten eerst",
        en="Assessment of the twelve elements per project; urgent projects first",
    ),
    "prog_no_match": Entry(
        nl="Geen project past bij deze filters.", en="No project matches these filters."
    ),
    "prog_funding": Entry(nl="Geld over", en="Funding left"),
    "prog_months_unknown": Entry(nl="niet bekend", en="not known"),
}

TABLES = {"web": WEB_FUNDERS}
