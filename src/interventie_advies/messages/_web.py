"""Words of the web pages (`advies serve`); sentences with values go through ``t``."""

from __future__ import annotations

from ._entry import Entry

__all__ = ["TABLES", "WEB"]

#: labels, headings and buttons of the pages
WEB: dict[str, Entry] = {
    "app": Entry(nl="Interventie-advies", en="Interventie-advies"),
    "skip": Entry(nl="Naar de inhoud", en="Skip to content"),
    "switch": Entry(nl="English", en="Nederlands"),
    "sign_in": Entry(nl="Inloggen", en="Sign in"),
    "sign_out": Entry(nl="Uitloggen", en="Sign out"),
    "email": Entry(nl="E-mailadres", en="E-mail address"),
    "password": Entry(nl="Wachtwoord", en="Password"),
    "wrong": Entry(
        nl="Het e-mailadres of het wachtwoord klopt niet.",
        en="The e-mail address or the password is not right.",
    ),
    "too_many": Entry(
        nl="Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.",
        en="Too many failed attempts. Try again in 15 minutes.",
    ),
    "expired": Entry(
        nl="Je sessie is verlopen. Log opnieuw in; daarna ga je terug naar waar je was.",
        en="Your session has expired. Sign in again to go back to where you were.",
    ),
    "csrf": Entry(
        nl="Dit formulier is verlopen of komt niet van deze site. Er is niets opgeslagen. "
        "Ga terug, laad de pagina opnieuw en probeer het nog eens.",
        en="This form has expired or does not come from this site. Nothing was saved. "
        "Go back, reload the page and try again.",
    ),
    "refused": Entry(nl="Niet toegestaan", en="Not allowed"),
    "not_found": Entry(nl="Niet gevonden", en="Not found"),
    "not_found_text": Entry(
        nl="Deze pagina bestaat niet, of je mag hem niet zien.",
        en="This page does not exist, or you may not see it.",
    ),
    "editors_only": Entry(
        nl="Alleen redacteuren van dit project mogen dit.",
        en="Only editors of this project may do this.",
    ),
    "projects": Entry(nl="Projecten", en="Projects"),
    "no_projects": Entry(nl="Je hebt nog geen projecten.", en="You have no projects yet."),
    "name": Entry(nl="Naam", en="Name"),
    "phase": Entry(nl="Fase", en="Phase"),
    "version": Entry(nl="Versie", en="Version"),
    "updated": Entry(nl="Bijgewerkt", en="Updated"),
    "new_project": Entry(nl="Nieuw project uit een bestand", en="New project from a file"),
    "new_version": Entry(nl="Nieuwe versie uit een bestand", en="New version from a file"),
    "file": Entry(
        nl="Projectbestand (TOML, hoogstens 1 MiB)", en="Project file (TOML, at most 1 MiB)"
    ),
    "comment": Entry(nl="Opmerking (mag leeg blijven)", en="Comment (may stay empty)"),
    "upload": Entry(nl="Uploaden", en="Upload"),
    "problem": Entry(nl="Er is een probleem", en="There is a problem"),
    "nothing_saved": Entry(
        nl="Er is niets opgeslagen. Verbeter het bestand en upload het opnieuw.",
        en="Nothing was saved. Correct the file and upload it again.",
    ),
    "line": Entry(nl="regel", en="line"),
    "whole_file": Entry(nl="het hele bestand", en="the whole file"),
    "advice": Entry(nl="Advies", en="Advice"),
    "downloads": Entry(nl="Downloaden", en="Download"),
    "dl_toml": Entry(nl="Projectbestand (TOML)", en="Project file (TOML)"),
    "dl_json": Entry(nl="Rapport (JSON)", en="Report (JSON)"),
    "dl_html": Entry(nl="Rapport om te printen (HTML)", en="Printable report (HTML)"),
    "history": Entry(nl="Geschiedenis", en="History"),
    "author": Entry(nl="Door", en="By"),
    "time": Entry(nl="Tijd (UTC)", en="Time (UTC)"),
    "restore": Entry(nl="Zet terug als nieuwe versie", en="Restore as a new version"),
    "latest": Entry(nl="nieuwste", en="latest"),
    "compare": Entry(nl="Vergelijk twee versies", en="Compare two versions"),
    "from": Entry(nl="Van versie", en="From version"),
    "to": Entry(nl="Naar versie", en="To version"),
    "show_diff": Entry(nl="Toon verschil", en="Show difference"),
    "diff": Entry(nl="Verschil", en="Difference"),
    "saved": Entry(nl="Opgeslagen als versie {n}.", en="Saved as version {n}."),
    "restored": Entry(
        nl="Teruggezet: versie {old} is nu versie {n}.",
        en="Restored: version {old} is now version {n}.",
    ),
    "restored_comment": Entry(nl="Versie {n} teruggezet", en="Version {n} restored"),
    "conflict": Entry(
        nl="Iemand anders heeft het project intussen opgeslagen (nu versie {n}). Er is niets "
        "opgeslagen; bekijk de nieuwste versie en probeer het opnieuw.",
        en="Someone else has saved the project in the meantime (now version {n}). Nothing "
        "was saved; look at the latest version and try again.",
    ),
    "too_large": Entry(nl="Het bestand is groter dan 1 MiB.", en="The file is larger than 1 MiB."),
    "not_utf8": Entry(
        nl="Het bestand is geen tekst in UTF-8 (een TOML-bestand moet dat zijn).",
        en="The file is not UTF-8 text (a TOML file must be).",
    ),
    "no_file": Entry(nl="Kies een bestand om te uploaden.", en="Choose a file to upload."),
    "signed_in_as": Entry(nl="Ingelogd als {e}", en="Signed in as {e}"),
}

TABLES = {"web": WEB}
