"""``advies init``: the questions, "don't know", skipping, the written file, Ctrl-C."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args, get_origin

import click
import pytest

from interventie_advies import load_project
from interventie_advies import messages as _messages
from interventie_advies.cli import cli
from interventie_advies.commands import _init, _init_dialogue, _init_fields
from interventie_advies.project import _enums
from interventie_advies.project._model import TABLES
from interventie_advies.project._toml import loads

if TYPE_CHECKING:
    from click.testing import CliRunner, Result

#: the thirteen parts after [project], each skipped with one answer
SKIP_REST = ["overslaan"] * 13


def answers(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def init(runner: CliRunner, text: str, *args: str, **env: str) -> Result:
    return runner.invoke(cli, ["init", *args], input=text, env=env or None)


def folder_files() -> list[str]:
    return sorted(p.name for p in Path().iterdir())


NAME = 'Buurtkoor "De Linde" \\ café ☕'

FULL = [
    # [project]
    NAME,
    "Lindenhof",
    "Voorbeeldstad",
    "Een koor voor jong en oud.",
    "9",  # not in the list: asked again
    "2",  # preparation
    "1 maart",  # not a date: asked again
    "2026-02-01",
    "2026-01-01",  # before the start: asked again
    "2026-11-30",
    "nee",  # not a one-off event
    # [residents]
    "1,10",
    "ja",
    "kitchen_table, 1",  # a value and a number
    "1 3",
    "-5",  # below 0: asked again
    "40",
    "3,7",
    "2",  # chosen from the two barriers just given: no_art_experience
    "co_design",
    "ja",  # the plan builds on what residents can do
    # [art]
    "muziek",  # a label
    "j",
    "nee",
    "y",
    "yes",
    "n",
    "no",
    "ja",
    # [[activities]]
    "ja",
    "Wekelijkse repetitie",
    "2",
    "weekly",
    "0",  # sessions must be 1 or more
    "36",
    "Buurthuis De Linde",
    "ja",
    "ja",
    "Slotconcert",
    "performance",
    "1",
    "1",
    "?",
    "weet niet",
    "nee",
    # [contact]
    "ja",
    "1",
    "Samira",
    "weet niet",
    # [meeting_place]
    "ja",
    "Buurthuis De Linde",
    "1",
    "ja",
    "ja",
    "nee",
    "ja",
    # [end_product]
    "ja",
    "1",
    "2026-11-21",
    "ja",
    "ja",
    "ja",
    "Een tweede editie.",
    # [vision] (endorsed_by_partners comes after the partners)
    "Samen zingen zodat jong en oud elkaar leren kennen.",
    "ja",
    "ja",
    "?",
    # [[partners]]
    "ja",
    "Welzijn Lindenhof",
    "1",
    "werving van bewoners",
    "vertrouwen van bewoners",
    "huisbezoeken",
    "",
    "1,4",
    "professional",
    "ja",
    "nee",
    "ja",
    "Welzijn Lindenhof",  # taken: asked again
    "Muziekschool Voorbeeldstad",
    "cultural",
    "",
    "",
    "5",
    "1,2",
    "nee",
    "ja",
    "nee",
    "1,2",  # endorsed by both
    # [collaboration]
    "ja",
    "3",
    "ja",
    "nee",
    "1,6",
    "1",  # chosen from the two differences: working_method
    "ja",
    "nee",
    # [funding] with [[funding.sources]]
    "ja",
    "Gemeente Voorbeeldstad",
    "1",
    "18.000",  # ambiguous: asked again
    "18000",
    "2026-01-01",
    "2026-12-31",
    "ja",
    "Fonds Cultuurparticipatie",
    "fund",
    "2500,50",
    "",
    "",
    "nee",
    "10",
    "nee",
    # [continuation]
    "Het koor gaat door.",
    "ja",
    "Welzijn Lindenhof",
    "ja",
    "ja",
    "nee",
    # [knowledge]
    "ja",
    "Movisie, Kunst vergroot leefbaarheid",
    "",
    "ja",
    "ja",
    "1,4",
    "ja",
    # [[key_persons]]
    "ja",
    "Samira El Idrissi",
    "opbouwwerker",
    "ja",
    "nee",
    "?",
    "1-1-2027",  # Samira leaves
    "ja",
    "Henk",
    "",
    "ja",
    "ja",
    "ja",
    "",  # not known to leave
    "nee",
]


def test_full_session_writes_a_file_check_accepts(runner: CliRunner) -> None:
    result = init(runner, answers(*FULL))
    assert result.exit_code == 0, result.output + result.stderr
    assert folder_files() == ["project.toml"]
    assert "Opgeslagen in project.toml." in result.output
    # wrong answers were asked again with a hint, never a traceback
    for hint in (
        "Kies een nummer uit de lijst",
        "Schrijf de datum als jaar-maand-dag",
        "Deze datum ligt voor de begindatum (2026-02-01)",
        "Het getal moet 0 of meer zijn.",
        "Het getal moet 1 of meer zijn.",
        "Die naam is al gebruikt.",
        "Typ een bedrag zonder punten",
    ):
        assert hint in result.output

    check = runner.invoke(cli, ["check", "project.toml"])
    assert check.exit_code == 0, check.output + check.stderr
    run = runner.invoke(cli, ["run", "project.toml", "--no-plugins", "--date", "2026-06-01"])
    assert run.exit_code == 0, run.stderr

    project = load_project(Path("project.toml"))
    info = project.project
    assert info.name == NAME
    assert (info.neighbourhood, info.municipality) == ("Lindenhof", "Voorbeeldstad")
    assert info.phase == "preparation"
    assert (info.start, info.end) == (dt.date(2026, 2, 1), dt.date(2026, 11, 30))
    residents = project.residents
    assert residents is not None
    assert residents.needs == ["loneliness", "intergenerational_contact"]
    assert residents.how_identified == ["kitchen_table", "conversations"]
    assert residents.target_groups == ["elderly", "children"]
    assert residents.expected_participants == 40
    assert residents.barriers == ["mobility", "no_art_experience"]
    assert residents.barriers_addressed == ["no_art_experience"]
    assert residents.co_design == "co_design"
    art = project.art
    assert art is not None
    assert art.forms == ["music"]
    assert (art.low_threshold, art.chosen_with_residents, art.uses_residents_stories) == (
        True,
        False,
        False,
    )
    assert [(a.name, a.kind, a.frequency, a.sessions) for a in project.activities or ()] == [
        ("Wekelijkse repetitie", "rehearsal", "weekly", 36),
        ("Slotconcert", "performance", "once", 1),
    ]
    assert project.activities is not None
    assert project.activities[1].location is None
    assert project.activities[1].informal_moment_after is None
    assert project.contact is not None
    assert project.contact.group_channel == "whatsapp"
    assert project.contact.continues_after_project is None
    assert project.meeting_place is not None
    assert project.meeting_place.kind == "community_centre"
    assert project.meeting_place.open_outside_activities is False
    assert project.end_product is not None
    assert project.end_product.date == dt.date(2026, 11, 21)
    vision = project.vision
    assert vision is not None
    assert vision.endorsed_by_partners == ["Welzijn Lindenhof", "Muziekschool Voorbeeldstad"]
    assert vision.social_and_artistic_goals is None
    partners = project.partners or []
    assert [(p.name, p.domain) for p in partners] == [
        ("Welzijn Lindenhof", "social"),
        ("Muziekschool Voorbeeldstad", "cultural"),
    ]
    assert partners[0].strengths == ["vertrouwen van bewoners", "huisbezoeken"]
    assert partners[0].contribution == ["staff", "network"]
    assert partners[1].strengths is None
    assert partners[1].levels_involved == ["management", "professional"]
    collaboration = project.collaboration
    assert collaboration is not None
    assert collaboration.regular_meetings == "monthly"
    assert collaboration.differences == ["working_method", "timelines"]
    assert collaboration.differences_addressed == ["working_method"]
    funding = project.funding
    assert funding is not None
    assert [(s.name, s.kind, s.amount_eur) for s in funding.sources or ()] == [
        ("Gemeente Voorbeeldstad", "project", 18000),
        ("Fonds Cultuurparticipatie", "fund", 2500.5),
    ]
    assert funding.duration_months == 10
    assert funding.follow_up_secured is False
    assert project.continuation is not None
    assert project.continuation.owner == "Welzijn Lindenhof"
    knowledge = project.knowledge
    assert knowledge is not None
    assert knowledge.sources == ["Movisie, Kunst vergroot leefbaarheid"]
    assert knowledge.evaluation_method == ["interviews", "participant_stories"]
    assert [(k.name, k.role, k.has_backup, k.leaves) for k in project.key_persons or ()] == [
        ("Samira El Idrissi", "opbouwwerker", None, dt.date(2027, 1, 1)),
        ("Henk", None, True, None),
    ]
    assert (info.one_off, residents.talents_used) == (False, True)
    # the work does not use residents' stories: consent and aftercare are not asked
    assert (art.stories_consent, art.stories_aftercare) == (None, None)
    assert "Beslissen bewoners zelf wat er van hun verhaal" not in result.output

    text = Path("project.toml").read_text(encoding="utf-8")
    assert text.startswith("# Projectbestand voor interventie-advies")
    assert "advies check project.toml" in text
    assert "# Bewoners: voor wie het project is" in text
    assert "# continues_after_project = ?  (weet niet: vul later in; true of false)" in text
    assert 'phase = "preparation"  # voorbereiding' in text
    assert "start = 2026-02-01\n" in text


def test_minimal_session(runner: CliRunner) -> None:
    # the name, "don't know" for the rest of [project], then every part skipped
    result = init(
        runner, answers("Klein project", "", "?", "weet niet", "", "", "", "", *SKIP_REST)
    )
    assert result.exit_code == 0, result.output + result.stderr
    text = Path("project.toml").read_text(encoding="utf-8")
    data = loads(text)
    assert data == {"format": 1, "project": {"name": "Klein project"}}
    project = load_project(Path("project.toml"))
    assert project.residents is None
    assert project.partners is None
    assert "# neighbourhood = ?  (weet niet: vul later in;" in text
    assert "# phase = ?  (weet niet: vul later in; kies uit: idea, preparation," in text
    assert max(len(line) for line in text.splitlines() if line.startswith("#")) <= 100
    for header in ("# [residents]", "# [[activities]]", "# [[partners]]", "# [[funding.sources]]"):
        assert header in text
    assert "# domain = ?  (verplicht; kies uit: social," in text
    assert "Ingevuld: 1. Nog open:" in result.output
    check = runner.invoke(cli, ["check", "project.toml"])
    assert check.exit_code == 0, check.stderr


def test_skip_the_rest_of_project_keeps_what_was_given(runner: CliRunner) -> None:
    result = init(runner, answers("P", "Lindenhof", "overslaan", *SKIP_REST))
    assert result.exit_code == 0, result.output + result.stderr
    assert loads(Path("project.toml").read_text(encoding="utf-8"))["project"] == {
        "name": "P",
        "neighbourhood": "Lindenhof",
    }


def test_name_is_required_and_project_cannot_be_skipped(runner: CliRunner) -> None:
    result = init(runner, answers("", "overslaan", "?", "Naam", "overslaan", *SKIP_REST))
    assert result.exit_code == 0, result.output + result.stderr
    assert "Dit moet je invullen." in result.output
    assert "dit deel kun je niet overslaan" in result.output
    assert load_project(Path("project.toml")).project.name == "Naam"


def test_english_session(runner: CliRunner) -> None:
    skip_rest = ["skip"] * 13
    text = answers(
        "Choir", "", "", "", "3", "2026-03-01", "2026-02-30", "2026-12-01", "", *skip_rest
    )
    result = init(runner, text, "plan.toml", "--lang", "en")
    assert result.exit_code == 0, result.output + result.stderr
    assert "What is the project called?" in result.output
    assert "3. execution" in result.output
    assert "Write the date as year-month-day" in result.output
    assert "Written to plan.toml." in result.output
    written = Path("plan.toml").read_text(encoding="utf-8")
    assert written.startswith("# Project file for interventie-advies")
    assert '# municipality = ?  (don\'t know: fill in later; text in "quotes")' in written
    assert "# Residents: who the project is for" in written
    info = load_project(Path("plan.toml")).project
    assert (info.phase, info.start, info.end) == (
        "execution",
        dt.date(2026, 3, 1),
        dt.date(2026, 12, 1),
    )


def test_language_from_environment(runner: CliRunner) -> None:
    result = init(runner, answers("Choir", "skip", *["skip"] * 13), ADVIES_LANG="en")
    assert result.exit_code == 0, result.output + result.stderr
    assert "What is the project called?" in result.output


def test_english_yes_no_and_dont_know(runner: CliRunner) -> None:
    text = answers(
        "Choir",
        "skip",  # the rest of [project]
        "skip",  # [residents]
        "?",  # art forms
        "no",
        "don't know",
        "y",
        "n",
        "?",  # uses residents' stories: don't know, so consent and aftercare are asked
        "",
        "",
        "",
        "yes",
        *["skip"] * 11,
    )
    result = init(runner, text, "--lang", "en")
    assert result.exit_code == 0, result.output + result.stderr
    art = load_project(Path("project.toml")).art
    assert art is not None
    assert art.model_dump(exclude_none=True) == {
        "low_threshold": False,
        "professional_artist": True,
        "artist_community_experience": False,
        "mixes_groups": True,
    }
    written = Path("project.toml").read_text(encoding="utf-8")
    assert "# chosen_with_residents = ?  (don't know: fill in later; true or false)" in written


def test_existing_file_is_refused_before_any_question(runner: CliRunner) -> None:
    Path("project.toml").write_text("keep me\n", encoding="utf-8")
    result = init(runner, answers("Nieuw", *SKIP_REST))
    assert result.exit_code == 2
    assert "project.toml bestaat al; gebruik --force om het te vervangen" in result.stderr
    assert "Hoe heet het project?" not in result.output
    assert Path("project.toml").read_text(encoding="utf-8") == "keep me\n"
    assert folder_files() == ["project.toml"]


def test_existing_file_is_replaced_with_force(runner: CliRunner) -> None:
    Path("plan.toml").write_text("keep me\n", encoding="utf-8")
    result = init(runner, answers("Nieuw", "overslaan", *SKIP_REST), "plan.toml", "--force")
    assert result.exit_code == 0, result.output + result.stderr
    assert load_project(Path("plan.toml")).project.name == "Nieuw"
    assert folder_files() == ["plan.toml"]


def test_folder_or_missing_folder_is_refused_at_once(runner: CliRunner) -> None:
    Path("sub").mkdir()
    result = init(runner, answers("X"), "sub")
    assert result.exit_code == 2
    result = init(runner, answers("X"), "nowhere/plan.toml", "--lang", "en")
    assert result.exit_code == 2
    assert "the folder nowhere does not exist" in result.stderr
    assert "What is the project called?" not in result.output


def test_dates_are_asked_again(runner: CliRunner) -> None:
    text = answers(
        *("P", "", "", "", ""),
        "2026-13-01",  # no 13th month
        "morgen",
        "1-3-2026",  # day-month-year is fine in Dutch
        "2026-02-28",  # before the start
        "2026-03-01",  # the same day is fine
        "",  # one-off: don't know
        *SKIP_REST,
    )
    result = init(runner, text)
    assert result.exit_code == 0, result.output + result.stderr
    assert result.output.count("Schrijf de datum als jaar-maand-dag") == 2
    assert "Deze datum ligt voor de begindatum (2026-03-01)" in result.output
    info = load_project(Path("project.toml")).project
    assert (info.start, info.end) == (dt.date(2026, 3, 1), dt.date(2026, 3, 1))


def test_input_that_ends_early_writes_nothing(runner: CliRunner) -> None:
    result = init(runner, answers("Half project", "Lindenhof"))
    assert result.exit_code == _init.EXIT_STOPPED == 130
    assert "Gestopt. Er is niets opgeslagen." in result.stderr
    assert "Wil je bewaren" not in result.output  # nobody there to answer the offer to keep
    assert folder_files() == []


def test_ctrl_c_at_a_question_writes_nothing(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    given = iter(["Project", "Lindenhof"])

    def read(prompt: str) -> str:
        try:
            return next(given)
        except StopIteration:
            raise KeyboardInterrupt from None

    monkeypatch.setattr(_init_dialogue, "_read", read)
    result = init(runner, "", "--lang", "en")
    assert result.exit_code == 130
    assert "Stopped. Nothing was written." in result.stderr
    assert folder_files() == []


#: a step of a scripted session: Ctrl-C at that prompt, as Python raises it, and as
#: click.prompt passes it on (click.Abort)
CTRL_C = object()
ABORT = object()


def scripted(monkeypatch: pytest.MonkeyPatch, *steps: object) -> list[str]:
    """Answer the prompts with ``steps`` (Ctrl-C at CTRL_C and after the last); the prompts."""
    left = iter(steps)
    prompts: list[str] = []

    def read(prompt: str) -> str:
        prompts.append(prompt)
        step = next(left, CTRL_C)
        if step is CTRL_C:
            raise KeyboardInterrupt
        if step is ABORT:
            try:
                raise KeyboardInterrupt
            except KeyboardInterrupt:
                raise click.Abort from None  # what click.prompt does with Ctrl-C
        assert isinstance(step, str)
        return step

    monkeypatch.setattr(_init_dialogue, "_read", read)
    return prompts


@pytest.mark.parametrize("stop", [CTRL_C, ABORT])
def test_ctrl_c_offers_to_keep_the_answers(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, stop: object
) -> None:
    """Issue 13, item 17: the answers are kept as a valid, commented, unfinished file."""
    prompts = scripted(monkeypatch, "Buurtkoor", "Lindenhof", "Utrecht", stop, "ja")
    result = init(runner, "", "plan.toml")
    assert result.exit_code == 130
    assert prompts[-1] == "Gestopt. Wil je bewaren wat je al hebt ingevuld, in plan.toml? [ja/nee]"
    assert result.stdout.endswith(
        "Opgeslagen in plan.toml: wat je hebt ingevuld. Wat nog niet gevraagd is, staat\n"
        "erin als '# sleutel = ?'. Vul het later aan, of begin opnieuw met advies init.\n"
    )
    text = Path("plan.toml").read_text(encoding="utf-8")
    assert text.startswith("# NIET AF: `advies init` is gestopt voordat alle vragen gesteld")
    assert loads(text) == {
        "format": 1,
        "project": {"name": "Buurtkoor", "neighbourhood": "Lindenhof", "municipality": "Utrecht"},
    }
    assert "# [residents]" in text and "# [[partners]]" in text  # still shows what can go there
    check = runner.invoke(cli, ["check", "plan.toml"])
    assert check.exit_code == 0, check.stderr
    assert folder_files() == ["plan.toml"]


@pytest.mark.parametrize("then", ["nee", "", CTRL_C])  # no, Enter, Ctrl-C again
def test_ctrl_c_keeps_nothing_unless_asked(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, then: object
) -> None:
    scripted(monkeypatch, "Buurtkoor", "Lindenhof", CTRL_C, then)
    result = init(runner, "", "--lang", "en")
    assert result.exit_code == 130
    assert result.stderr.endswith("Stopped. Nothing was written.\n")
    assert folder_files() == []


def test_ctrl_c_before_the_name_asks_nothing(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts = scripted(monkeypatch, CTRL_C, "ja")
    result = init(runner, "")
    assert (result.exit_code, len(prompts)) == (130, 1)  # the name only: nothing to keep
    assert folder_files() == []


def test_kept_answers_never_go_over_an_existing_file(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    Path("plan.toml").write_text("old\n", encoding="utf-8")
    prompts = scripted(monkeypatch, "Buurtkoor", CTRL_C, "yes")
    result = init(runner, "", "plan.toml", "--force", "--lang", "en")
    assert result.exit_code == 130
    assert "in plan.partial.toml? [yes/no]" in prompts[-1]
    assert Path("plan.toml").read_text(encoding="utf-8") == "old\n"
    assert loads(Path("plan.partial.toml").read_text(encoding="utf-8"))["project"] == {
        "name": "Buurtkoor"
    }
    # a second time: plan.partial.toml is there now, and is not replaced either
    Path("plan.partial.toml").write_text("mine\n", encoding="utf-8")
    scripted(monkeypatch, "Buurtkoor", CTRL_C, "yes")
    again = init(runner, "", "plan.toml", "--force", "--lang", "en")
    assert again.exit_code == 130
    assert again.stderr.endswith(
        "Your answers would go to plan.partial.toml, but that file exists.\n"
        "Stopped. Nothing was written.\n"
    )
    assert Path("plan.partial.toml").read_text(encoding="utf-8") == "mine\n"
    assert folder_files() == ["plan.partial.toml", "plan.toml"]


def test_ctrl_c_while_writing_leaves_no_temporary_file(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    result = init(runner, answers("Project", "overslaan", *SKIP_REST))
    assert result.exit_code == 130
    assert folder_files() == []


def test_ctrl_c_with_force_keeps_the_old_file(runner: CliRunner) -> None:
    Path("project.toml").write_text("old\n", encoding="utf-8")
    result = init(runner, answers("Project"), "--force")
    assert result.exit_code == 130
    assert Path("project.toml").read_text(encoding="utf-8") == "old\n"
    assert folder_files() == ["project.toml"]


@pytest.mark.parametrize(
    "name",
    [
        NAME,
        'He said "hi" \\ and left \\n no newline',
        "Ünïcödé — 日本語 · emoji 🎭 · tab\there",
        "'''triple''' and \"\"\"quotes\"\"\"",
        "# not a comment = true",
    ],
)
def test_names_round_trip_exactly(runner: CliRunner, name: str) -> None:
    result = init(runner, answers(name, "overslaan", *SKIP_REST))
    assert result.exit_code == 0, result.output + result.stderr
    assert load_project(Path("project.toml")).project.name == name


def test_control_characters_in_an_answer_are_refused(runner: CliRunner) -> None:
    result = init(runner, answers("Koor\x1b[A", "Koor", "overslaan", *SKIP_REST))
    assert result.exit_code == 0, result.output + result.stderr
    assert "tekens die niet opgeslagen kunnen worden" in result.output
    assert load_project(Path("project.toml")).project.name == "Koor"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain",
        'q"uote',
        "back\\slash",
        "line\nbreak\r\n",
        "\x00\x01\x08\x0b\x1f\x7f",
        "\t",
        "é☕𝄞",
    ],
)
def test_toml_string_escapes_everything_toml_needs(text: str) -> None:
    assert loads(f"x = {_init.toml_string(text)}") == {"x": text}


def test_toml_string_refuses_a_lone_surrogate() -> None:
    with pytest.raises(ValueError, match="surrogate"):
        _init.toml_string("\udce9")


def test_no_barriers_means_an_empty_list_and_no_follow_up(runner: CliRunner) -> None:
    text = answers(
        *("P", "overslaan"),
        *("?", "?", "?", "?", "?"),  # needs ... expected_participants
        "0",  # barriers: none of these
        "?",  # co_design (barriers_addressed is not asked)
        "?",  # talents_used
        *SKIP_REST[1:],
    )
    result = init(runner, text)
    assert result.exit_code == 0, result.output + result.stderr
    assert "Welke van die drempels" not in result.output
    residents = load_project(Path("project.toml")).residents
    assert residents is not None
    assert residents.barriers == []
    assert residents.barriers_addressed is None
    written = Path("project.toml").read_text(encoding="utf-8")
    assert "barriers_addressed" not in written.split("[residents]")[1].split("[art]")[0]


def test_no_meeting_place_asks_nothing_more_about_it(runner: CliRunner) -> None:
    text = answers("P", "overslaan", *SKIP_REST[:4], "nee", *SKIP_REST[5:])
    result = init(runner, text)
    assert result.exit_code == 0, result.output + result.stderr
    assert "Hoe heet de ontmoetingsplek?" not in result.output
    written = Path("project.toml").read_text(encoding="utf-8")
    section = written.split("\n[meeting_place]\n")[1].split("\n\n")[0]
    assert section.strip() == "available = false"


def test_a_partner_without_its_required_field_is_not_kept(runner: CliRunner) -> None:
    text = answers(
        *("P", "overslaan", *SKIP_REST[:7]),
        *("ja", "Welzijn", "1", "", "", "", "", "", ""),  # a full partner
        *("ja", "Cultuur", "overslaan"),  # domain is required: this partner is dropped
        *SKIP_REST[8:],
    )
    result = init(runner, text)
    assert result.exit_code == 0, result.output + result.stderr
    assert "Deze partner is niet bewaard" in result.output
    partners = load_project(Path("project.toml")).partners or []
    assert [p.name for p in partners] == ["Welzijn"]


def _enum_name(annotation: Any) -> str | None:
    for name, value in vars(_enums).items():
        if get_origin(value) is Literal and value == annotation:
            return name
    return None


def _literals(annotation: Any) -> list[Any]:
    if get_origin(annotation) is Literal:
        return [annotation]
    return [lit for arg in get_args(annotation) for lit in _literals(arg)]


def test_every_question_and_part_has_dutch_and_english_text() -> None:
    missing = []
    stack = [(name, model) for name, (model, _) in TABLES.items()]
    missing += [f"intro.{n}" for n, _ in stack if not _messages.has_init_text(f"intro.{n}")]
    while stack:
        path, model = stack.pop()
        for field, info in model.model_fields.items():
            sub = _init_fields.field_of(path, field, info)
            if sub.kind == "table_list" and sub.model is not None:
                stack.append((sub.path, sub.model))
                key = f"add.{sub.path}"
            else:
                key = f"q.{sub.path}"
            if not _messages.has_init_text(key):
                missing.append(key)
    for name, (_, is_list) in TABLES.items():
        if is_list:
            missing += [
                k
                for k in (f"add.{name}", f"more.{name}", f"item.{name}")
                if not _messages.has_init_text(k)
            ]
    assert missing == []


def test_every_enum_value_has_a_label() -> None:
    missing = []
    for name, (model, _) in TABLES.items():
        for info in model.model_fields.values():
            for literal in _literals(info.annotation):
                enum = _enum_name(literal)
                for value in get_args(literal):
                    known = (
                        f"{enum}.{value}" in _messages.table("choice")
                        or value in _messages.table("choice")
                        or value in _messages.table("word")
                    )
                    if not known:
                        missing.append(f"{name}: {enum}.{value}")
    assert missing == []
    assert _messages.choice_label("other", "nl", "Need") == "anders"
    assert _messages.choice_label("digital", "nl", "Barrier") != _messages.choice_label(
        "digital", "nl", "ArtForm"
    )
    assert _messages.choice_label("preparation", "nl", "Phase") == "voorbereiding"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_file_points_to_what_the_user_has(runner: CliRunner, lang: str) -> None:
    """Issue 13, item 16: it named docs/project-file.md, which the wheel does not ship."""
    result = init(runner, answers("P", "overslaan", *SKIP_REST), "--lang", lang)
    assert result.exit_code == 0, result.stderr
    header = Path("project.toml").read_text(encoding="utf-8").split("\n\n")[:3]
    assert "docs/" not in "\n".join(header)
    pointer = {
        "nl": "# Alle sleutels met uitleg, ook voor je editor:  advies schema",
        "en": "# All keys with descriptions, also for your editor:  advies schema",
    }[lang]
    assert pointer in header[0].splitlines()
    schema = runner.invoke(cli, ["schema"])  # what the comment names exists, and works
    assert schema.exit_code == 0
    assert '"project"' in schema.stdout
