"""What a person writes: Dutch labels, other spellings and text dates mean the canonical value.

Issue 13, items 1 and 4: every enum value may be written as its Dutch or English label, in
any case, with spaces or hyphens; an unknown value gets the nearest word in either
language; ISO dates given as text are dates, in TOML, dicts and the API.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, get_args

import pytest
from conftest import EXAMPLES

from interventie_advies import ProjectError, UsageError, advise, error_language, load_project
from interventie_advies.messages import choice_label
from interventie_advies.project._input import ENUMS, aliases, normal_form

if TYPE_CHECKING:
    from pathlib import Path

DUTCH = """\
format = 1

[project]
name = "Buurtkoor"
phase = "Voorbereiding"
start = "2027-01-11"
end = 2027-06-30

[residents]
needs = ["eenzaamheid", "Sociale  samenhang", "safety"]
co_design = "samen ontwerpen"
barriers = ["Geen ervaring met kunst", "kosten"]

[[partners]]
name = "Welzijn Lindenhof"
domain = "welzijn"

[[decisions]]
rule = "CON01"
status = "afgewezen"
reason = "past niet"
date = "2027-02-01"
"""


def test_dutch_labels_and_variants_become_the_canonical_values() -> None:
    project = load_project(text=DUTCH)
    assert project.project.phase == "preparation"
    assert project.project.start == dt.date(2027, 1, 11)
    assert project.residents is not None
    assert project.residents.needs == ["loneliness", "social_cohesion", "safety"]
    assert project.residents.co_design == "co_design"
    assert project.residents.barriers == ["no_art_experience", "cost"]
    assert project.partners is not None
    assert project.partners[0].domain == "social"
    assert project.decisions is not None
    assert project.decisions[0].status == "rejected"
    assert project.decisions[0].date == dt.date(2027, 2, 1)


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("co-design", "co_design"),
        ("Co Design", "co_design"),
        ("SAMEN MET BEWONERS ONTWERPEN", "co_design"),
        ("  bewoners beslissen zelf ", "resident_led"),
        ("Led by residents", "resident_led"),
        ("geen", "none"),
    ],
)
def test_case_spacing_and_hyphens_do_not_matter(written: str, meant: str) -> None:
    data = {"format": 1, "project": {"name": "x"}, "residents": {"co_design": written}}
    assert load_project(data).residents.co_design == meant  # type: ignore[union-attr]


def test_a_label_is_accepted_without_its_article_and_in_a_short_form() -> None:
    # the report says "het groepskanaal" and "de contacten met bewoners"; people write less
    data = {"format": 1, "project": {"name": "x"},
            "key_persons": [{"name": "Mila", "holds": ["groepskanaal", "De contacten",
                                                        "the keys", "geld"]}]}
    holds = load_project(data).key_persons[0].holds
    assert holds == ["group_channel", "contacts", "keys", "money"]


@pytest.mark.parametrize("enum", sorted(ENUMS))
def test_every_label_of_every_value_is_accepted(enum: str) -> None:
    table = aliases(enum)
    for value in get_args(ENUMS[enum]):
        for lang in ("nl", "en"):
            assert table[normal_form(choice_label(value, lang, enum))] == value, (value, lang)
        assert table[normal_form(value)] == value


def test_an_unknown_value_suggests_the_nearest_word_in_either_language() -> None:
    text = DUTCH.replace('"Voorbereiding"', '"voorbereidng"').replace('"welzijn"', '"socal"')
    with error_language("nl"), pytest.raises(ProjectError) as info:
        load_project(text=text, file="plan.toml")
    phase, domain = info.value.problems
    assert phase.message == (
        "'voorbereidng' (tekst) is niet toegestaan; wel toegestaan: idea (idee), "
        "preparation (voorbereiding), execution (uitvoering), closing (afronding), "
        "continuation (voortzetting); bedoel je 'voorbereiding'?"
    )
    assert domain.message.endswith("bedoel je 'social'?")
    with pytest.raises(ProjectError) as info:
        load_project(text=text, file="plan.toml")
    assert info.value.problems[0].message == (
        "'voorbereidng' (text) is not allowed; allowed: idea, preparation, execution, "
        "closing, continuation; did you mean 'voorbereiding'?"
    )


def test_a_real_mistake_next_to_dutch_words_is_the_only_problem() -> None:
    text = DUTCH.replace('domain = "welzijn"', 'domain = "welzijn"\nrole = 3')
    with pytest.raises(ProjectError) as info:
        load_project(text=text, file="plan.toml")
    assert [str(p) for p in info.value.problems] == [
        "plan.toml:17:1: partners 1 (Welzijn Lindenhof).role: expected text in quotes, "
        "found 3 (whole number)"
    ]


def test_the_data_given_is_left_as_it_was() -> None:
    data = {"format": 1, "project": {"name": "x", "phase": "idee", "start": "2027-01-11"}}
    assert load_project(data).project.phase == "idea"
    assert data == {"format": 1, "project": {"name": "x", "phase": "idee", "start": "2027-01-11"}}


def test_dont_know_as_a_value_says_leave_the_line_out() -> None:
    data = {"format": 1, "project": {"name": "x"}, "meeting_place": {"available": "weet niet"}}
    with error_language("nl"), pytest.raises(ProjectError) as info:
        load_project(data)
    assert info.value.problems[0].message == (
        "verwacht: waar of niet waar (true of false); gevonden: 'weet niet' (tekst); "
        "weet je het (nog) niet, laat de regel dan weg"
    )
    with pytest.raises(ProjectError) as info:
        load_project(data)
    assert info.value.problems[0].message == (
        "expected a boolean (true or false), found 'weet niet' (text); "
        "if you don't know (yet), leave the line out"
    )


def test_the_api_takes_dutch_labels_and_text_dates() -> None:
    report = advise(text=DUTCH, date="2027-03-01", lang="en")
    assert report.to_dict()["evaluated_on"] == "2027-03-01"
    assert report.to_dict()["project"]["phase"] == "preparation"


def test_advise_takes_a_text_date_with_a_path(tmp_path: Path) -> None:
    before = advise(EXAMPLES / "schets.toml", date=dt.date(2026, 11, 1)).to_dict()
    after = advise(str(EXAMPLES / "schets.toml"), date="2026-11-01").to_dict()
    assert after["evaluated_on"] == "2026-11-01"
    assert after["findings"] == before["findings"]


@pytest.mark.parametrize("bad", ["1-11-2026", "2026-13-01", "gisteren", 20261101])
def test_a_bad_evaluation_date_is_a_usage_error(bad: object) -> None:
    with pytest.raises(UsageError) as info:
        advise(EXAMPLES / "schets.toml", date=bad)  # type: ignore[arg-type]
    assert str(info.value) == (
        f"date={bad!r} is not a date; give a date such as '2026-11-01' (year-month-day) "
        "or a datetime.date"
    )
    with error_language("nl"), pytest.raises(UsageError) as info:
        advise(EXAMPLES / "schets.toml", date=bad)  # type: ignore[arg-type]
    assert str(info.value) == (
        f"date={bad!r} is geen datum; geef een datum zoals '2026-11-01' (jaar-maand-dag) "
        "of een datetime.date"
    )


def test_text_dates_in_a_dict_are_dates_and_bad_ones_are_refused() -> None:
    data = {
        "format": 1,
        "project": {"name": "x", "start": "2027-01-11", "end": "2027-1-30"},
    }
    with pytest.raises(ProjectError) as info:
        load_project(data)
    (problem,) = info.value.problems
    assert problem.path == "project.end"
    assert problem.message == (
        "expected a date such as 2026-03-01 (year-month-day), found '2027-1-30' (text)"
    )
