"""Where a problem is: the line and column of the key, items counted from 1 and named.

Issue 13, item 3: people read ``partners 2 (Welzijn Lindenhof).domain`` on line 31;
programs keep the TOML path counted from 0 in ``Problem.path``.
"""

from __future__ import annotations

import pickle

import pytest

from interventie_advies import Problem, ProjectError, load_project

PLAN = """\
format = 1

[project]
name = "Buurtkoor"
phase = "preparation"
description = \"\"\"
name = "not a key: inside a text"
\"\"\"

[[partners]]
name = "Bibliotheek"
domain = "cultural"

[[partners]]
name = "Welzijn Lindenhof"
  domain = "welzjin"

[[partners]]
role = "zonder naam"
domain = "social"

[residents]
needs = ["loneliness", "eenzaam"]

[[funding.sources]]
name = "Gemeente"

[[funding.sources]]
name = "Fonds"
amount_eur = -1

[[decisions]]
rule = "CON01"
status = "rejected"
"""


def problems() -> dict[str, Problem]:
    with pytest.raises(ProjectError) as info:
        load_project(text=PLAN, file="plan.toml")
    return {p.path: p for p in info.value.problems}


def test_each_problem_names_its_line_column_and_items_counted_from_1() -> None:
    found = problems()
    shown = {path: str(p).split(": ")[0:2] for path, p in found.items()}
    assert shown == {
        "partners[1].domain": ["plan.toml:16:3", "partners 2 (Welzijn Lindenhof).domain"],
        "partners[2].name": ["plan.toml:18:1", "partners 3.name"],
        "residents.needs[1]": ["plan.toml:23:1", "residents.needs 2"],
        "funding.sources[1].amount_eur": [
            "plan.toml:30:1",
            "funding.sources 2 (Fonds).amount_eur",
        ],
        "decisions[0].reason": ["plan.toml:32:1", "decisions 1 (CON01).reason"],
    }


def test_programs_keep_the_path_counted_from_0() -> None:
    problem = problems()["partners[1].domain"]
    assert (problem.path, problem.line, problem.column) == ("partners[1].domain", 16, 3)
    assert problem.label == "partners 2 (Welzijn Lindenhof).domain"
    assert pickle.loads(pickle.dumps(problem)) == problem


def test_a_dict_has_no_lines_but_its_items_are_still_named() -> None:
    data = {
        "format": 1,
        "project": {"name": "x"},
        "partners": [{"name": "A", "domain": "social"}, {"name": "B", "domain": "socal"}],
    }
    with pytest.raises(ProjectError) as info:
        load_project(data, file="<dict>")
    (problem,) = info.value.problems
    assert problem.line is None
    assert str(problem).startswith("<dict>: partners 2 (B).domain: 'socal' (text)")


def test_a_cross_table_problem_is_placed_too() -> None:
    text = (
        'format = 1\n[project]\nname = "x"\n\n[[partners]]\nname = "A"\ndomain = "social"\n\n'
        '[[partners]]\nname = "A"\ndomain = "cultural"\n'
    )
    with pytest.raises(ProjectError) as info:
        load_project(text=text, file="plan.toml")
    assert str(info.value) == (
        "plan.toml:10:1: partners 2 (A).name: partner names must be unique; this one is "
        "listed twice; found 'A' (text)"
    )


def test_the_partners_listed_come_in_file_order() -> None:
    # (they came from a set: the order changed from one run to the next)
    names = [f"Partner {c}" for c in "QWERTYUIOP"]
    data = {
        "format": 1,
        "project": {"name": "x"},
        "partners": [{"name": n, "domain": "social"} for n in names],
        "vision": {"endorsed_by_partners": ["Gemeente"]},
    }
    with pytest.raises(ProjectError) as info:
        load_project(data)
    listed = ", ".join(repr(n) for n in names)
    assert f"(listed: {listed})" in info.value.problems[0].message


def test_lines_are_counted_as_toml_counts_them() -> None:
    # a byte-order mark, and a line separator inside a text, do not move the lines
    text = '\ufeffformat = 2\n[project]\nname = "a\u2028b"\nphase = "x"\n'
    with pytest.raises(ProjectError) as info:
        load_project(text=text, file="plan.toml")
    assert [(p.path, p.line, p.column) for p in info.value.problems] == [
        ("format", 1, 1),
        ("project.phase", 4, 1),
    ]
    with pytest.raises(ProjectError) as info:
        load_project(text='format = 1\n[project]\nname = "a\u2028b"\nstart = 11-01-2027\n')
    (problem,) = info.value.problems
    assert problem.line == 4
    assert "(start = 11-01-2027)" in problem.message
