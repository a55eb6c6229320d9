"""TOML mistakes people make, in plain words with the line, its text and the fix.

Issue 13, items 2 and 5: dates as in a letter, ``ja``/``True``, the ``?`` of ``advies
init``'s file, text without quotes; a byte-order mark; a Windows-1252 file; an empty file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from interventie_advies import ProjectError, error_language, load_project

if TYPE_CHECKING:
    from pathlib import Path

HEAD = 'format = 1\n\n[project]\nname = "Buurtkoor"\n'


def problem_of(line: str, lang: str = "en") -> str:
    """The one problem of a file whose line 5 is ``line``, as the CLI prints it."""
    with error_language(lang), pytest.raises(ProjectError) as info:
        load_project(text=HEAD + line + "\n", file="plan.toml")
    (problem,) = info.value.problems
    assert problem.line == 5
    return str(problem)


@pytest.mark.parametrize(
    ("line", "column", "fix"),
    [
        ("start = 11-01-2027", 11, "write a date as year-month-day: start = 2027-01-11"),
        ("start = 2027-1-11", 13, "write a date as year-month-day: start = 2027-01-11"),
        ("start = 11 januari 2027", 12, "write a date as year-month-day: start = 2027-01-11"),
        ("start = 11/1/2027", 11, "write a date as year-month-day: start = 2027-01-11"),
        (
            "start = 31-02-2027",
            11,
            "31-02-2027 is not a real date; write a date as year-month-day, such as 2027-01-11",
        ),
    ],
)
def test_a_date_as_in_a_letter_gets_the_iso_date(line: str, column: int, fix: str) -> None:
    assert problem_of(line) == f"plan.toml:5:{column}: invalid TOML on line 5 ({line}): {fix}"


@pytest.mark.parametrize(("word", "value"), [("ja", "true"), ("True", "true"), ("nee", "false")])
def test_yes_and_no_in_words_say_write_true_or_false(word: str, value: str) -> None:
    line = f"start = {word}"
    assert problem_of(line, "nl") == (
        f"plan.toml:5:9: ongeldige TOML op regel 5 ({line}): schrijf true of false, in "
        f"kleine letters en zonder aanhalingstekens: start = {value}"
    )


def test_a_question_mark_says_leave_the_line_out() -> None:
    assert problem_of("phase = ?", "nl") == (
        "plan.toml:5:9: ongeldige TOML op regel 5 (phase = ?): '?' is geen waarde; weet je "
        "het (nog) niet, laat de regel dan weg of zet er een # voor"
    )


def test_a_line_of_advies_init_with_its_hash_taken_off() -> None:
    assert problem_of("phase = ?  (idee, voorbereiding)") == (
        "plan.toml:5:9: invalid TOML on line 5 (phase = ?  (idee, voorbereiding)): replace "
        "the ? with a value (idee, voorbereiding); if you don't know (yet), leave the line out "
        "or put a # in front of it"
    )


@pytest.mark.parametrize(
    ("line", "fixed"),
    [
        ("description = Een koor voor de buurt", 'description = "Een koor voor de buurt"'),
        ("phase = voorbereiding", 'phase = "voorbereiding"'),
    ],
)
def test_text_without_quotes_gets_them(line: str, fixed: str) -> None:
    assert problem_of(line).endswith(f"({line}): put text in quotes: {fixed}")


def test_other_syntax_errors_name_the_line_in_plain_words() -> None:
    assert problem_of('name = "Buurtkoor De Linde"', "nl") == (
        'plan.toml:5:28: ongeldige TOML op regel 5 (name = "Buurtkoor De Linde"): deze '
        "sleutel staat al eerder in het bestand; een sleutel mag maar één keer voorkomen"
    )


def test_a_value_written_well_is_not_blamed_for_another_mistake() -> None:
    # the line's value is a fine 'true': the mistake is the repeated key
    message = problem_of("name = true")
    assert message.endswith("this key is already in the file; a key may appear only once")


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_bytes(b"\xef\xbb\xbf" + HEAD.encode())
    assert load_project(path).project.name == "Buurtkoor"
    assert load_project(text="\ufeff" + HEAD).project.name == "Buurtkoor"


def test_a_windows_1252_file_names_the_line_of_the_first_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_bytes((HEAD + 'municipality = "Sûdwest-Fryslân"\n').encode("cp1252"))
    with error_language("nl"), pytest.raises(ProjectError) as info:
        load_project(path, file="plan.toml")
    (problem,) = info.value.problems
    assert (problem.line, problem.column) == (5, 18)
    assert str(problem) == (
        'plan.toml:5:18: het bestand is geen UTF-8-tekst: regel 5 (municipality = "Sûdwest-'
        "Fryslân\") heeft een teken dat geen UTF-8 is: 'û' (byte 58); sla het bestand op als "
        "UTF-8"
    )


@pytest.mark.parametrize("text", ["", "\n\n", "# alleen een opmerking\n", "\ufeff"])
def test_an_empty_file_says_how_to_start(text: str) -> None:
    with pytest.raises(ProjectError) as info:
        load_project(text=text, file="plan.toml")
    assert str(info.value) == (
        "plan.toml: the file is empty; start with format = 1 and a [project] table with a "
        "name, or run advies init to write the file with a few questions"
    )
