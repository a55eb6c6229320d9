"""Words about project files: element and effect titles, value types, questions per table."""

from __future__ import annotations

from ._entry import Entry

__all__ = [
    "EFFECTS",
    "ELEMENTS",
    "LIMITS",
    "PATTERNS",
    "TABLES",
    "TABLE_QUESTIONS",
    "TOML_REASONS",
    "TYPES",
]


#: titles of the twelve elements (docs: ../shared/spec/elements.md)
ELEMENTS: dict[str, Entry] = {
    # NOTE: plain words, not the factsheet's policy terms: to a housing corporation
    # "verduurzaming" means insulation (issue 12, docs/glossary.md)
    "contact": Entry(nl="Zorg voor contact tussen bewoners", en="Bring residents into contact"),
    "joint_product": Entry(
        nl="Maak samen iets om te laten zien", en="Make something together to show"
    ),
    "fit_residents": Entry(
        nl="Sluit aan bij wat bewoners nodig hebben en kunnen",
        en="Fit what residents need and can do",
    ),
    "meeting_place": Entry(
        nl="Zorg voor een plek om elkaar te ontmoeten", en="Provide a place to meet"
    ),
    "connecting_power": Entry(
        nl="Gebruik kunst om mensen te verbinden", en="Use art to bring people together"
    ),
    "shared_vision": Entry(
        nl="Kies samen een doel dat mensen aanspreekt",
        en="Choose together a goal that appeals to people",
    ),
    "mutual_strengths": Entry(
        nl="Gebruik wat ieder goed kan", en="Use what each partner does well"
    ),
    "all_layers": Entry(
        nl="Betrek bij elke partner de leiding en de werkvloer",
        en="Involve leadership and staff at every partner",
    ),
    "remove_barriers": Entry(
        nl="Werk samen over de grenzen van je vak",
        en="Work together across the borders of your field",
    ),
    "sustainability": Entry(nl="Zorg dat het blijft", en="Make it last"),
    "knowledge_use": Entry(
        nl="Gebruik wat onderzoek en praktijk al weten",
        en="Use what research and practice already know",
    ),
    "key_persons": Entry(
        nl="Werk samen met wie de bewoners kent", en="Work with those who know the residents"
    ),
}


#: titles of the three effects on liveability
EFFECTS: dict[str, Entry] = {
    "social_contact": Entry(
        nl="Contact, meedoen en leven in de buurt",
        en="Social contact, participation and liveliness",
    ),
    "connection": Entry(
        nl="Samen ontdekken en verbinding", en="Discovering together and connection"
    ),
    "confidence": Entry(
        nl="Zelfvertrouwen en nieuwe vaardigheden", en="Self-confidence and new skills"
    ),
}


#: the question for a table the project file leaves out
TABLE_QUESTIONS: dict[str, Entry] = {
    # NOTE: one question each, then what to fill in (a test checks there is one question)
    "residents": Entry(
        nl=(
            "Voor welke bewoners is het project? Beschrijf hen en wat ze nodig hebben in "
            "[residents]."
        ),
        en="Which residents is the project for? Describe them and their needs in [residents].",
    ),
    "art": Entry(
        nl="Welke kunstvorm kiezen jullie? Beschrijf hoe jullie samen maken in [art].",
        en="Which art form do you use? Describe how the work is made together in [art].",
    ),
    "activities": Entry(
        nl=(
            "Welke activiteiten komen steeds terug? Voeg voor elke activiteit een "
            "[[activities]] toe."
        ),
        en="Which activities come back regularly? Add an [[activities]] table for each.",
    ),
    "contact": Entry(
        nl=(
            "Hoe houden deelnemers contact, tijdens en na het project? Beschrijf dat in [contact]."
        ),
        en=(
            "How do participants keep in touch, during and after the project? Describe "
            "it in [contact]."
        ),
    ),
    "meeting_place": Entry(
        nl=(
            "Is er een vaste plek waar bewoners elkaar kunnen ontmoeten? Beschrijf die "
            "in [meeting_place]."
        ),
        en=("Is there a physical place where residents can meet? Describe it in [meeting_place]."),
    ),
    "end_product": Entry(
        nl=(
            "Werken jullie naar een gezamenlijk eindproduct of podiummoment toe? "
            "Beschrijf het in [end_product]."
        ),
        en=(
            "Are you working towards a joint end product or performance? Describe it in "
            "[end_product]."
        ),
    ),
    "vision": Entry(
        nl="Wat is het gezamenlijke doel? Beschrijf het doel en wie erachter staat in [vision].",
        en="What is the shared goal? Describe the goal and who supports it in [vision].",
    ),
    "partners": Entry(
        nl=(
            "Met welke organisaties werken jullie samen? Voeg voor elke partner een "
            "[[partners]] toe."
        ),
        en=("Which organisations do you work with? Add a [[partners]] table for each partner."),
    ),
    "collaboration": Entry(
        nl=("Hoe werken de partners samen? Beschrijf afspraken en overleg in [collaboration]."),
        en=(
            "How do the partners work together? Describe agreements and meetings in "
            "[collaboration]."
        ),
    ),
    "funding": Entry(
        nl="Hoe wordt het project betaald? Beschrijf de geldbronnen en hun looptijd in [funding].",
        en=(
            "How is the project paid for? Describe the sources of money and their dates in "
            "[funding]."
        ),
    ),
    "continuation": Entry(
        nl=(
            "Wat blijft er over als het project stopt? Beschrijf in [continuation] wie "
            "ermee doorgaat."
        ),
        en="What remains when the project ends? Describe in [continuation] who carries on.",
    ),
    "knowledge": Entry(
        nl=(
            "Hoe leren jullie van het project? Beschrijf in [knowledge] ook op welke kennis "
            "jullie voortbouwen."
        ),
        en=(
            "How do you learn from the project? Describe in [knowledge] also what knowledge "
            "you build on."
        ),
    ),
    "key_persons": Entry(
        nl=(
            "Wie kent de bewoners goed en helpt jullie hen te bereiken? Voeg voor elke "
            "persoon een [[key_persons]] toe."
        ),
        en=(
            "Who knows the residents well and helps you reach them? Add a "
            "[[key_persons]] table for each person."
        ),
    ),
}


#: what a value should be, by pydantic's error type (for 'expected ..., found ...')
TYPES: dict[str, Entry] = {
    "bool_type": Entry(nl="waar of niet waar (true of false)", en="a boolean (true or false)"),
    "int_type": Entry(nl="een heel getal", en="a whole number"),
    "float_type": Entry(nl="een getal", en="a number"),
    "string_type": Entry(nl="tekst tussen aanhalingstekens", en="text in quotes"),
    "date_type": Entry(
        nl="een datum zoals 2026-03-01 (jaar-maand-dag)",
        en="a date such as 2026-03-01 (year-month-day)",
    ),
    "list_type": Entry(nl='een lijst zoals ["a", "b"]', en='a list such as ["a", "b"]'),
    "model_type": Entry(nl="een tabel", en="a table"),
    "dict_type": Entry(nl="een tabel", en="a table"),
    "model_attributes_type": Entry(nl="een tabel", en="a table"),
    "bool_parsing": Entry(nl="waar of niet waar (true of false)", en="a boolean (true or false)"),
    "int_parsing": Entry(nl="een heel getal", en="a whole number"),
    "int_from_float": Entry(nl="een heel getal", en="a whole number"),
    "float_parsing": Entry(nl="een getal", en="a number"),
    "date_parsing": Entry(nl="een datum zoals 2026-03-01", en="a date such as 2026-03-01"),
    "date_from_datetime_parsing": Entry(
        nl="een datum zoals 2026-03-01", en="a date such as 2026-03-01"
    ),
    "date_from_datetime_inexact": Entry(nl="een datum zonder tijd", en="a date without a time"),
    "datetime_from_date_parsing": Entry(nl="een datum met tijd", en="a date and time"),
}


#: a range or length problem, by pydantic's error type (its own text is English only)
LIMITS: dict[str, Entry] = {
    "greater_than_equal": Entry(nl="moet minstens {ge} zijn", en="must be at least {ge}"),
    "greater_than": Entry(nl="moet meer dan {gt} zijn", en="must be more than {gt}"),
    "less_than_equal": Entry(nl="mag hoogstens {le} zijn", en="must be at most {le}"),
    "less_than": Entry(nl="moet minder dan {lt} zijn", en="must be less than {lt}"),
    "too_short": Entry(
        nl="moet minstens {min_length} onderdeel hebben",
        en="must have at least {min_length} item(s)",
    ),
    "too_long": Entry(
        nl="mag hoogstens {max_length} onderdelen hebben", en="may have at most {max_length} items"
    ),
    "string_empty": Entry(nl="mag niet leeg zijn", en="must not be empty"),
    "string_too_short": Entry(
        nl="moet minstens {min_length} tekens lang zijn",
        en="must be at least {min_length} characters long",
    ),
    "string_too_long": Entry(
        nl="mag hoogstens {max_length} tekens lang zijn",
        en="may be at most {max_length} characters long",
    ),
    "finite_number": Entry(nl="moet een gewoon getal zijn", en="must be a finite number"),
}


#: the form a text must have, by field name (for "... is not a rule code")
PATTERNS: dict[str, Entry] = {
    "code": Entry(
        nl="een regelcode: een hoofdletter, dan hoofdletters, cijfers of _ (bijv. CON01)",
        en="a rule code: a capital letter, then capitals, digits or _ (e.g. CON01)",
    ),
    "name": Entry(
        nl="een naam in kleine letters met punten (bijv. contact.moment_after_activity)",
        en="a dotted lowercase name (e.g. contact.moment_after_activity)",
    ),
    "other": Entry(nl="tekst in de verwachte vorm", en="text of the expected form"),
}


#: the TOML parser's reasons for a syntax error, in plain words (``project/_syntax.py``)
TOML_REASONS: dict[str, Entry] = {
    "overwrite": Entry(
        nl="deze sleutel staat al eerder in het bestand; een sleutel mag maar één keer voorkomen",
        en="this key is already in the file; a key may appear only once",
    ),
    "table_twice": Entry(
        nl="deze tabel staat al eerder in het bestand; een [tabel] mag maar één keer voorkomen",
        en="this table is already in the file; a [table] may appear only once",
    ),
    "statement": Entry(
        nl="dit is geen 'sleutel = waarde' en geen [tabel]",
        en="this is neither 'key = value' nor a [table]",
    ),
    "value": Entry(
        nl="de waarde is niet te lezen; tekst hoort tussen aanhalingstekens",
        en="the value cannot be read; text goes in quotes",
    ),
    "after_value": Entry(
        nl="na de waarde staat nog iets; zet een opmerking achter een #",
        en="something follows the value; put a comment after a #",
    ),
    "unterminated": Entry(
        nl="een tekst is niet afgesloten: er ontbreekt een aanhalingsteken",
        en="a text is not closed: a quote is missing",
    ),
    "unclosed_array": Entry(
        nl="een lijst is niet afgesloten: er ontbreekt een ]",
        en="a list is not closed: a ] is missing",
    ),
    "table_bracket": Entry(
        nl="achter de naam van de tabel ontbreekt een ]",
        en="a ] is missing after the name of the table",
    ),
    "array_bracket": Entry(
        nl="achter de naam van de tabel ontbreekt ]]",
        en="]] is missing after the name of the table",
    ),
    "illegal_character": Entry(
        nl="hier staat een teken dat niet mag: een tekst zonder aanhalingsteken aan het eind, "
        "of een stuurteken",
        en="a character that is not allowed here: a text without its closing quote, or a "
        "control character",
    ),
    "equals": Entry(nl="na de sleutel hoort een =", en="the key must be followed by ="),
}


#: the namespaces this module holds (see __init__.py)
TABLES: dict[str, dict[str, Entry]] = {
    "element": ELEMENTS,
    "effect": EFFECTS,
    "table_question": TABLE_QUESTIONS,
    "type": TYPES,
    "limit": LIMITS,
    "pattern": PATTERNS,
    "toml": TOML_REASONS,
}
