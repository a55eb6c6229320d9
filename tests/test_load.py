"""load_project: every way in, and every documented error with its exact TOML path."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from interventie_advies import AdviesError, Problem, Project, ProjectError, load_project
from interventie_advies.project._read_toml import MAX_FILE_BYTES

if TYPE_CHECKING:
    from pathlib import Path

VALID = """\
format = 1

[project]
name = "Buurtkoor De Linde"
phase = "preparation"
start = 2026-02-01
end = 2026-11-30

[residents]
needs = ["loneliness", "intergenerational_contact"]
expected_participants = 12

[[activities]]
name = "Wekelijkse repetitie"
kind = "rehearsal"
informal_moment_after = true

[[partners]]
name = "Welzijn Lindenhof"
domain = "social"

[[partners]]
name = "Muziekschool"
domain = "cultural"

[vision]
endorsed_by_partners = ["Welzijn Lindenhof"]

[funding]
duration_months = 10
[[funding.sources]]
name = "Gemeente"
kind = "project"
amount_eur = 18000
"""


def base(**tables: object) -> dict[str, object]:
    """A minimal valid project dict, with ``tables`` added."""
    data: dict[str, object] = {"format": 1, "project": {"name": "Klein project"}}
    data.update(tables)
    return data


def problems_of(source: object = None, **kwargs: object) -> list[Problem]:
    with pytest.raises(ProjectError) as info:
        load_project(source, **kwargs)  # type: ignore[arg-type]
    assert info.value.problems, "a ProjectError must carry at least one problem"
    return info.value.problems


def only_problem(source: object = None, **kwargs: object) -> Problem:
    problems = problems_of(source, **kwargs)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def check_valid(project: Project) -> None:
    assert project.project.name == "Buurtkoor De Linde"
    assert project.project.phase == "preparation"
    assert project.project.start == dt.date(2026, 2, 1)
    assert project.residents is not None
    assert project.residents.needs == ["loneliness", "intergenerational_contact"]
    assert project.residents.expected_participants == 12
    assert project.activities is not None
    assert project.activities[0].informal_moment_after is True
    assert [p.name for p in project.partners or ()] == ["Welzijn Lindenhof", "Muziekschool"]
    assert project.funding is not None
    assert project.funding.sources is not None
    assert project.funding.sources[0].amount_eur == 18000
    # unknown is not false: what the file does not say stays None
    assert project.contact is None
    assert project.residents.co_design is None
    assert project.activities[0].frequency is None


# -- ways in ---------------------------------------------------------------------------


def test_load_from_path(tmp_path: Path) -> None:
    path = tmp_path / "linde.toml"
    path.write_text(VALID, encoding="utf-8")
    check_valid(load_project(path))


def test_load_from_path_given_as_text(tmp_path: Path) -> None:
    path = tmp_path / "linde.toml"
    path.write_text(VALID, encoding="utf-8")
    check_valid(load_project(str(path)))


def test_load_from_toml_text() -> None:
    check_valid(load_project(text=VALID))


def test_load_from_dict() -> None:
    data = {
        "format": 1,
        "project": {"name": "Buurtkoor De Linde", "phase": "preparation",
                    "start": dt.date(2026, 2, 1), "end": dt.date(2026, 11, 30)},
        "residents": {"needs": ["loneliness", "intergenerational_contact"],
                      "expected_participants": 12},
        "activities": [{"name": "Wekelijkse repetitie", "kind": "rehearsal",
                        "informal_moment_after": True}],
        "partners": [{"name": "Welzijn Lindenhof", "domain": "social"},
                     {"name": "Muziekschool", "domain": "cultural"}],
        "funding": {"sources": [{"name": "Gemeente", "kind": "project", "amount_eur": 18000}]},
    }
    check_valid(load_project(data))


def test_project_passes_through_unchanged() -> None:
    project = load_project(text=VALID)
    assert load_project(project) is project


def test_text_and_path_give_equal_projects(tmp_path: Path) -> None:
    path = tmp_path / "linde.toml"
    path.write_text(VALID, encoding="utf-8")
    assert load_project(path) == load_project(text=VALID)


def test_problem_names_the_file_of_a_path(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('format = 1\n[project]\nname = "x"\nactivites = []\n', encoding="utf-8")
    problem = only_problem(path)
    assert problem.file == str(path)
    assert str(problem).startswith(f"{path}:4:1: project.activites: unknown key")


def test_file_argument_names_text_and_dicts() -> None:
    assert only_problem(text="format = 1\n", file="mijn.toml").file == "mijn.toml"
    assert only_problem({"format": 1}).file == "<dict>"
    assert only_problem(text="format = 1\n").file == "<text>"


def test_project_error_is_an_advies_error() -> None:
    with pytest.raises(AdviesError):
        load_project({"format": 1})


def test_wrong_source_type_is_a_project_error() -> None:
    problem = only_problem(42)
    assert "cannot read a project from int" in problem.message


# -- unknown keys ------------------------------------------------------------------------


def test_unknown_top_level_key_suggests() -> None:
    problem = only_problem(base(activites=[]))
    assert problem.path == "activites"
    assert problem.message.startswith("unknown key; did you mean 'activities'?")


def test_unknown_nested_key_suggests() -> None:
    problem = only_problem(base(meeting_place={"availble": True}))
    assert problem.path == "meeting_place.availble"
    assert "did you mean 'available'?" in problem.message
    # the allowed keys of that table are listed, not those of the top level
    assert "allowed here: accessible, available, available_after_project, in_neighbourhood, " \
        "kind, name, open_outside_activities)" in problem.message


def test_unknown_key_in_a_list_item_names_the_index() -> None:
    data = base(partners=[{"name": "A", "domain": "social"},
                          {"name": "B", "domain": "social", "knows_resident": True}])
    problem = only_problem(data)
    assert problem.path == "partners[1].knows_resident"
    assert "did you mean 'knows_residents'?" in problem.message


def test_unknown_key_in_toml_text() -> None:
    text = 'format = 1\n[project]\nname = "x"\n[funding]\n[[funding.sources]]\nkindd = "fund"\n'
    problem = only_problem(text=text)
    assert problem.path == "funding.sources[0].kindd"
    assert "did you mean 'kind'?" in problem.message


# -- wrong types and values ----------------------------------------------------------------


def test_wrong_type_names_path_and_value() -> None:
    problem = only_problem(text='format = 1\n[project]\nname = "x"\n'
                           '[residents]\nexpected_participants = "12"\n')
    assert problem.path == "residents.expected_participants"
    assert problem.message == "expected a whole number, found '12' (text)"


def test_bool_is_not_taken_as_text_or_number() -> None:
    problem = only_problem(base(contact={"informal_moments": "yes"}))
    assert problem.path == "contact.informal_moments"
    assert problem.message == "expected a boolean (true or false), found 'yes' (text)"


def test_a_date_that_is_no_iso_text_is_a_type_error() -> None:
    problem = only_problem(text='format = 1\n[project]\nname = "x"\nstart = "01-03-2026"\n')
    assert problem.path == "project.start"
    assert "a date such as 2026-03-01 (year-month-day)" in problem.message
    assert "'01-03-2026' (text)" in problem.message


def test_bad_enum_lists_allowed_values_and_suggests() -> None:
    data = base(partners=[{"name": "A", "domain": "social"}, {"name": "B", "domain": "socal"}])
    problem = only_problem(data)
    assert problem.path == "partners[1].domain"
    assert problem.message.startswith("'socal' (text) is not allowed; allowed: social, cultural,")
    assert "knowledge, other" in problem.message
    assert problem.message.endswith("did you mean 'social'?")


def test_bad_enum_inside_a_list_names_the_item() -> None:
    problem = only_problem(base(residents={"needs": ["loneliness", "lonelyness"]}))
    assert problem.path == "residents.needs[1]"
    assert "did you mean 'loneliness'?" in problem.message


def test_negative_count_is_refused() -> None:
    problem = only_problem(base(residents={"expected_participants": -1}))
    assert problem.path == "residents.expected_participants"
    assert "must be at least 0; found -1 (whole number)" in problem.message
    assert "found -1 (whole number)" in problem.message


# -- required keys -------------------------------------------------------------------------


def test_missing_project_name() -> None:
    problem = only_problem({"format": 1, "project": {"phase": "idea"}})
    assert problem.path == "project.name"
    assert problem.message == "this key is required but missing"


def test_missing_partner_domain() -> None:
    problem = only_problem(base(partners=[{"name": "A"}]))
    assert problem.path == "partners[0].domain"
    assert "required" in problem.message


def test_missing_format_and_project_in_a_dict() -> None:
    problems = problems_of({})
    assert sorted(p.path for p in problems) == ["format", "project"]
    assert all("required" in p.message for p in problems)


def test_empty_project_name_is_refused() -> None:
    problem = only_problem({"format": 1, "project": {"name": ""}})
    assert problem.path == "project.name"
    assert problem.message == "must not be empty; found '' (text)"


# -- dates --------------------------------------------------------------------------------


def test_project_end_before_start() -> None:
    problem = only_problem(text='format = 1\n[project]\nname = "x"\n'
                           'start = 2026-05-01\nend = 2026-04-01\n')
    assert problem.path == "project.end"
    assert problem.message.startswith("end (2026-04-01) is before start (2026-05-01)")


def test_project_end_equal_to_start_is_fine() -> None:
    project = load_project(base(project={"name": "x", "start": dt.date(2026, 5, 1),
                                         "end": dt.date(2026, 5, 1)}))
    assert project.project.end == dt.date(2026, 5, 1)


def test_funding_source_end_before_start() -> None:
    text = ('format = 1\n[project]\nname = "x"\n[funding]\n'
            '[[funding.sources]]\nname = "Fonds"\nstart = 2026-01-01\nend = 2025-12-31\n')
    problem = only_problem(text=text)
    assert problem.path == "funding.sources[0].end"
    assert problem.message.startswith("end (2025-12-31) is before start (2026-01-01)")


# -- format, size, syntax, encoding, reading -------------------------------------------------


def test_unsupported_format() -> None:
    problem = only_problem(text='format = 2\n[project]\nname = "x"\n')
    assert problem.path == "format"
    assert problem.message == "format 2 is not supported; this version reads format 1"


def test_format_must_be_a_whole_number() -> None:
    problem = only_problem(text='format = "1"\n[project]\nname = "x"\n')
    assert problem.path == "format"
    assert problem.message == "expected a whole number, found '1' (text)"


def test_oversize_file(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_text('format = 1\n[project]\nname = "x"\n# ' + "x" * MAX_FILE_BYTES + "\n",
                    encoding="utf-8")
    problem = only_problem(path)
    assert problem.file == str(path)
    assert problem.path == ""
    assert "1 MiB" in problem.message


def test_file_of_exactly_one_mib_is_read(tmp_path: Path) -> None:
    head = 'format = 1\n[project]\nname = "x"\n# '
    path = tmp_path / "edge.toml"
    path.write_text(head + "x" * (MAX_FILE_BYTES - len(head) - 1) + "\n", encoding="utf-8")
    assert path.stat().st_size == MAX_FILE_BYTES
    assert load_project(path).project.name == "x"


def test_oversize_text() -> None:
    problem = only_problem(text='format = 1\n[project]\nname = "x"\n# ' + "x" * MAX_FILE_BYTES)
    assert problem.file == "<text>"
    assert "1 MiB" in problem.message


def test_toml_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('format = 1\n[project\nname = "x"\n', encoding="utf-8")
    problem = only_problem(path)
    assert (problem.line, problem.column) == (2, 9)
    assert problem.message == (
        "invalid TOML on line 2 ([project): a ] is missing after the name of the table"
    )
    assert "at line" not in problem.message  # the position is in line/column, not repeated
    assert str(problem).startswith(f"{path}:2:9: invalid TOML")


def test_toml_syntax_error_in_text() -> None:
    problem = only_problem(text='format = 1\n[project]\nname = "x\n')
    assert problem.file == "<text>"
    assert problem.line == 3
    assert problem.message.startswith("invalid TOML")


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('format = 1\n[project]\nname = "Café"\n'.encode("latin-1"))
    problem = only_problem(path)
    assert problem.file == str(path)
    assert "not UTF-8" in problem.message


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"
    problem = only_problem(path)
    assert problem.file == str(path)
    assert problem.message.startswith("cannot read file")
    assert "No such file" in problem.message


def test_missing_file_given_as_text(tmp_path: Path) -> None:
    path = str(tmp_path / "nowhere.toml")
    problem = only_problem(path)
    assert problem.file == path
    assert problem.message.startswith("cannot read file")


def test_a_folder_is_not_a_project_file(tmp_path: Path) -> None:
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    problem = only_problem(folder)
    assert problem.file == str(folder)
    assert problem.message == (
        "not a regular file but a folder; a project file must be a regular file"
    )


def test_unreadable_path_is_a_project_error(tmp_path: Path) -> None:
    problem = only_problem(tmp_path / "missing.toml")
    assert problem.message == "cannot read file: No such file or directory"


def test_long_string_is_a_path_and_a_project_error() -> None:
    # A long one-line string is a path that cannot be read: the API promises a
    # ProjectError, never an OSError ("File name too long").
    problem = only_problem("x" * 300)
    assert problem.message == "cannot read file: File name too long"
    assert problem.file == "x" * 300
    # the name is cut in the middle to 200 characters in the line shown
    assert str(problem) == "x" * 98 + "..." + "x" * 99 + ": cannot read file: File name too long"


# -- all problems at once, cross-field checks ----------------------------------------------


def test_four_problems_are_reported_at_once() -> None:
    text = """\
format = 1
activites = []

[project]
name = "x"

[residents]
expected_participants = "12"

[[partners]]
name = "A"
domain = "socal"

[[partners]]
name = "B"
"""
    problems = problems_of(text=text)
    assert {p.path: p.message.split(";")[0] for p in problems} == {
        "activites": "unknown key",
        "residents.expected_participants": "expected a whole number, found '12' (text)",
        "partners[0].domain": "'socal' (text) is not allowed",
        "partners[1].domain": "this key is required but missing",
    }


def test_duplicate_partner_names() -> None:
    data = base(partners=[{"name": "A", "domain": "social"}, {"name": "B", "domain": "cultural"},
                          {"name": "A", "domain": "housing"}])
    problem = only_problem(data)
    assert problem.path == "partners[2].name"
    assert "unique" in problem.message
    assert "'A'" in problem.message


def test_endorsement_by_unknown_partner() -> None:
    data = base(partners=[{"name": "Welzijn", "domain": "social"}],
                vision={"endorsed_by_partners": ["Welzijn", "Bibliotheek"]})
    problem = only_problem(data)
    assert problem.path == "vision.endorsed_by_partners[1]"
    assert "not listed in [[partners]]" in problem.message
    assert "'Welzijn'" in problem.message
    assert "'Bibliotheek'" in problem.message


def test_endorsement_without_any_partners() -> None:
    problem = only_problem(base(vision={"endorsed_by_partners": ["Welzijn"]}))
    assert problem.path == "vision.endorsed_by_partners[0]"
    assert "(listed: none)" in problem.message


@pytest.mark.parametrize("status", ["rejected", "not_applicable"])
def test_decision_without_reason(status: str) -> None:
    problem = only_problem(base(decisions=[{"rule": "CON01", "status": "accepted"},
                                           {"rule": "CON02", "status": status}]))
    assert problem.path == "decisions[1].reason"
    assert f"a reason is required when status is {status!r}" in problem.message


def test_decision_with_blank_reason() -> None:
    problem = only_problem(base(decisions=[{"rule": "CON01", "status": "rejected",
                                            "reason": "   "}]))
    assert problem.path == "decisions[0].reason"
    assert "reason is empty" in problem.message


def test_accepted_decision_needs_no_reason() -> None:
    project = load_project(base(decisions=[{"rule": "CON01", "status": "accepted"}]))
    assert project.decisions is not None
    assert project.decisions[0].reason is None


def test_all_cross_field_problems_at_once() -> None:
    data = base(partners=[{"name": "A", "domain": "social"}, {"name": "A", "domain": "social"}],
                vision={"endorsed_by_partners": ["Z"]},
                decisions=[{"rule": "CON01", "status": "rejected"}])
    assert [p.path for p in problems_of(data)] == [
        "partners[1].name", "vision.endorsed_by_partners[0]", "decisions[0].reason",
    ]


def test_cross_field_problems_come_with_schema_problems() -> None:
    # "All problems in a file are reported at once": a duplicate partner name must not
    # wait until an unrelated type error elsewhere in the file is fixed.
    data = base(partners=[{"name": "A", "domain": "social"}, {"name": "A", "domain": "social"}],
                residents={"expected_participants": "12"})
    assert sorted(p.path for p in problems_of(data)) == [
        "partners[1].name", "residents.expected_participants",
    ]
