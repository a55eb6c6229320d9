"""The dialogue of `advies init` and the comments of the file it writes."""

from __future__ import annotations

from ._entry import Entry

__all__ = ["DIALOGUE", "TABLES"]


#: the dialogue: welcome, hints, answers' forms, closing lines; file.* for the written file
DIALOGUE: dict[str, Entry] = {
    # the dialogue
    "welcome": Entry(
        nl=(
            "We stellen je vragen over je project, deel voor deel.\n"
            "Weet je iets niet? Druk dan op Enter of typ ?. Dan blijft het open,\n"
            "en vraagt het advies er later naar.\n"
            "Typ 'overslaan' om de rest van een deel over te slaan.\n"
            "Stoppen kan altijd met Ctrl-C. Je kunt dan bewaren wat je al hebt ingevuld."
        ),
        en=(
            "We will ask you about your project, part by part.\n"
            "Don't know something? Press Enter or type ?. It stays open,\n"
            "and the advice will ask about it later.\n"
            "Type 'skip' to skip the rest of a part.\n"
            "You can stop at any time with Ctrl-C, and keep what you answered so far."
        ),
    ),
    "part": Entry(nl="Deel {i} van {n}", en="Part {i} of {n}"),
    "skip_hint": Entry(
        nl="(typ 'overslaan' om dit deel over te slaan)", en="(type 'skip' to skip this part)"
    ),
    "skipped": Entry(
        nl="De rest van dit deel is overgeslagen.", en="Skipped the rest of this part."
    ),
    "item": Entry(nl="{what} {n}", en="{what} {n}"),
    "item.activities": Entry(nl="Activiteit", en="Activity"),
    "item.partners": Entry(nl="Partner", en="Partner"),
    "item.funding.sources": Entry(nl="Bron van geld", en="Source of money"),
    "item.key_persons": Entry(nl="Sleutelpersoon", en="Key person"),
    "item_dropped": Entry(
        nl="Deze {what} is niet bewaard: de vraag '{question}' is niet beantwoord.",
        en="This {what} is not kept: the question '{question}' was not answered.",
    ),
    "yes_no": Entry(nl="ja/nee/?", en="yes/no/?"),
    "yes_no_loop": Entry(nl="ja/nee", en="yes/no"),
    "choose_one": Entry(nl="Kies een nummer", en="Choose a number"),
    "choose_many": Entry(nl="Kies nummers, bijvoorbeeld 1,3", en="Choose numbers, for example 1,3"),
    "choose_none": Entry(nl="geen van deze", en="none of these"),
    "list_items": Entry(
        nl="Noem ze een voor een; laat de regel leeg als je klaar bent.",
        en="Name them one by one; leave the line empty when you are done.",
    ),
    "date_form": Entry(nl="jjjj-mm-dd", en="yyyy-mm-dd"),
    "whole_number": Entry(nl="getal", en="number"),
    "euro": Entry(nl="bedrag in euro", en="amount in euros"),
    "hint.yes_no": Entry(
        nl="Antwoord met ja of nee, of ? als je het niet weet.",
        en="Answer yes or no, or ? if you don't know.",
    ),
    "hint.yes_no_loop": Entry(nl="Antwoord met ja of nee.", en="Answer yes or no."),
    "hint.choice": Entry(
        nl="Kies een nummer uit de lijst, of ? als je het niet weet.",
        en="Choose a number from the list, or ? if you don't know.",
    ),
    "hint.choices": Entry(
        nl=(
            "Kies een of meer nummers uit de lijst, met komma's ertussen (1,3), of ? als "
            "je het niet weet."
        ),
        en=(
            "Choose one or more numbers from the list, separated by commas (1,3), or ? "
            "if you don't know."
        ),
    ),
    "hint.date": Entry(
        nl="Schrijf de datum als jaar-maand-dag, bijvoorbeeld 2026-03-01.",
        en="Write the date as year-month-day, for example 2026-03-01.",
    ),
    "hint.end_before_start": Entry(
        nl="Deze datum ligt voor de begindatum ({start}). Kies {start} of later.",
        en="This date is before the start date ({start}). Choose {start} or later.",
    ),
    "hint.whole_number": Entry(
        nl="Typ een heel getal, zoals 12.", en="Type a whole number, such as 12."
    ),
    "hint.at_least": Entry(
        nl="Het getal moet {n} of meer zijn.", en="The number must be {n} or more."
    ),
    "hint.at_most": Entry(
        nl="Het getal mag hoogstens {n} zijn.", en="The number may be at most {n}."
    ),
    "hint.euro": Entry(
        nl="Typ een bedrag zonder punten, zoals 12500 of 12500,50.",
        en="Type an amount without thousands separators, such as 12500 or 12500.50.",
    ),
    "hint.too_long": Entry(
        nl="Dit is te lang: hoogstens {n} tekens.", en="This is too long: at most {n} characters."
    ),
    "hint.bad_text": Entry(
        nl="Deze tekst bevat tekens die niet opgeslagen kunnen worden.",
        en="This text contains characters that cannot be saved.",
    ),
    "hint.required": Entry(nl="Dit moet je invullen.", en="This one is needed."),
    "hint.no_skip_project": Entry(
        nl="Het project heeft een naam nodig; dit deel kun je niet overslaan.",
        en="The project needs a name; this part cannot be skipped.",
    ),
    "hint.unique": Entry(
        nl="Die naam is al gebruikt. Kies een andere naam.",
        en="That name is already used. Choose another one.",
    ),
    "stopped": Entry(nl="Gestopt. Er is niets opgeslagen.", en="Stopped. Nothing was written."),
    "keep_partial": Entry(
        nl="Gestopt. Wil je bewaren wat je al hebt ingevuld, in {file}?",
        en="Stopped. Keep what you have answered so far, in {file}?",
    ),
    "keep_exists": Entry(
        nl="Je antwoorden zouden naar {file} gaan, maar dat bestand bestaat al.",
        en="Your answers would go to {file}, but that file exists.",
    ),
    "kept_partial": Entry(
        nl=(
            "Opgeslagen in {file}: wat je hebt ingevuld. Wat nog niet gevraagd is, staat\n"
            "erin als '# sleutel = ?'. Vul het later aan, of begin opnieuw met advies init."
        ),
        en=(
            "Written to {file}: what you answered. What was not asked yet is in it as\n"
            "'# key = ?'. Fill it in later, or start again with advies init."
        ),
    ),
    "file.partial": Entry(
        nl=(
            "NIET AF: `advies init` is gestopt voordat alle vragen gesteld waren. Wat nog\n"
            "niet gevraagd is, staat hieronder als '# sleutel = ?' of als uitgezette tabel."
        ),
        en=(
            "NOT FINISHED: `advies init` stopped before every question was asked. What was\n"
            "not asked yet is below as '# key = ?' or as a commented-out table."
        ),
    ),
    "written": Entry(nl="Opgeslagen in {file}.", en="Written to {file}."),
    "counts": Entry(
        nl="Ingevuld: {known}. Nog open: {open} (de regels met '= ?' in het bestand).",
        en="Filled in: {known}. Still open: {open} (the lines with '= ?' in the file).",
    ),
    "next": Entry(
        nl=(
            "Controleer het bestand met:  advies check {file}\n"
            "Vraag advies met:            advies run {file}"
        ),
        en=("Check the file with:  advies check {file}\nGet advice with:      advies run {file}"),
    ),
    "exists": Entry(
        nl="{file} bestaat al; gebruik --force om het te vervangen",
        en="{file} already exists; use --force to replace it",
    ),
    "is_folder": Entry(nl="{file} is een map, geen bestand", en="{file} is a folder, not a file"),
    "no_folder": Entry(nl="de map {folder} bestaat niet", en="the folder {folder} does not exist"),
    # the written file
    "file.header": Entry(
        nl=(
            "Projectbestand voor interventie-advies (format 1), gemaakt met `advies "
            "init`.\n"
            "\n"
            "Controleren:    advies check {file}\n"
            "Advies vragen:  advies run {file}\n"
            "\n"
            "Regels die met # beginnen zijn uitleg. Een regel als '# sleutel = ?' is nog "
            "niet\n"
            "ingevuld: haal het # weg en vul een waarde in. Wat open blijft, vraagt het "
            "advies\n"
            "later aan je. Hieronder staat elke tabel en sleutel, met wat erin mag.\n"
            "Alle sleutels met uitleg, ook voor je editor:  advies schema"
        ),
        en=(
            "Project file for interventie-advies (format 1), written by `advies init`.\n"
            "\n"
            "Check it:    advies check {file}\n"
            "Get advice:  advies run {file}\n"
            "\n"
            "Lines starting with # are comments. A line such as '# key = ?' is not "
            "filled in\n"
            "yet: remove the # and write a value. What stays open, the advice asks about\n"
            "later. Every table and key is below, with what it may hold.\n"
            "All keys with descriptions, also for your editor:  advies schema"
        ),
    ),
    "file.unknown": Entry(nl="weet niet: vul later in", en="don't know: fill in later"),
    "file.empty": Entry(
        nl="(Nog niet ingevuld. Haal de # weg bij wat je weet.)",
        en="(Not filled in yet. Remove the # where you know the answer.)",
    ),
    "file.required": Entry(nl="verplicht", en="required"),
    "file.one_of": Entry(nl="kies uit", en="one of"),
    "file.list_of": Entry(nl="lijst, kies uit", en="list of"),
    "file.bool": Entry(nl="true of false", en="true or false"),
    "file.int": Entry(nl="heel getal", en="whole number"),
    "file.float": Entry(nl="bedrag, zoals 12500", en="amount, such as 12500"),
    "file.date": Entry(nl="datum, zoals 2026-03-01", en="date, such as 2026-03-01"),
    "file.str": Entry(nl='tekst tussen "aanhalingstekens"', en='text in "quotes"'),
    "file.str_list": Entry(nl='lijst, zoals ["een", "twee"]', en='list, such as ["one", "two"]'),
    "file.partner_names": Entry(
        nl="namen van partners uit [[partners]]", en="names of partners in [[partners]]"
    ),
}


#: the namespaces this module holds (see __init__.py)
TABLES: dict[str, dict[str, Entry]] = {
    "init": DIALOGUE,
}
