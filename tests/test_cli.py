"""The ``advies`` command line, through click's CliRunner: commands, options, exit codes."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import types
from typing import TYPE_CHECKING, Any

import pytest
from conftest import ANSI, DATE_TEXT, EXAMPLES, make_rule, project_text

from interventie_advies import Engine, __version__, hookimpl
from interventie_advies.cli import cli
from interventie_advies.commands._schema import ReportSchema

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from click.testing import CliRunner, Result

#: fires CON01 (high) and CON02 (medium) of the built-in rules
HIGH = """
[[activities]]
name = "Repetitie"
informal_moment_after = false

[contact]
group_channel = "none"
"""

#: fires CON02 (medium) only among the contact rules
MEDIUM = """
[contact]
group_channel = "none"
"""

#: three problems: an enum typo, a key typo, and a required key that is then missing
BAD = """format = 1

[project]
name = "Kapot"
phase = "ideas"

[[partners]]
name = "Welzijn"
domian = "social"
"""

EXTRA_RULES = """
[[rule]]
code = "EXT01"
name = "extra.always"
element = "contact"
kind = "recommendation"
priority = "low"
when = 'project.name != ""'
title = { nl = "Extra titel", en = "Extra title" }
message = { nl = "Extra bericht", en = "Extra message" }
why = { nl = "Extra waarom", en = "Extra why" }
"""

RUN = ["run", "--date", DATE_TEXT, "--no-plugins"]

BUILTIN_CODES = [r.code for r in Engine(plugins=()).rules]


def invoke(runner: CliRunner, *args: Any) -> Result:
    return runner.invoke(cli, [str(a) for a in args])


def run_json(runner: CliRunner, *args: Any) -> Any:
    result = invoke(runner, *RUN, "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def finding_codes(report: dict[str, Any]) -> list[str]:
    return sorted(f["code"] for f in report["findings"])


def assert_clean_errors(result: Result) -> None:
    """Exit code 2, problems on stderr, nothing like a traceback anywhere."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout
    assert result.stderr.strip()
    assert result.exception is None or isinstance(result.exception, SystemExit)


def assert_suggests_a_code(stderr: str) -> None:
    """The message ends with a did-you-mean naming a real rule code."""
    match = re.search(r"(?:did you mean|bedoel je) '([A-Z0-9]+)'\?", stderr)
    assert match, stderr
    assert match.group(1) in BUILTIN_CODES


# -- run: formats and languages -------------------------------------------------------


def test_run_text_in_dutch_by_default(runner: CliRunner,
                                      write_project: Callable[..., Path]) -> None:
    path = write_project("hoog.toml", HIGH, name="Hoog project")
    result = invoke(runner, *RUN, path)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Advies voor: Hoog project\n")
    assert f"beoordeeld op {DATE_TEXT}" in out
    for heading in ("Belangrijkste advies", "Vragen om te beantwoorden", "Overzicht per element"):
        assert f"\n{heading}\n" in out
    assert "[HOOG] Plan een informeel moment na elke activiteit" in out
    assert "Top advice" not in out
    assert result.stderr == ""


def test_run_text_in_english(runner: CliRunner, write_project: Callable[..., Path]) -> None:
    path = write_project("hoog.toml", HIGH, name="High project")
    result = invoke(runner, *RUN, "--lang", "en", path)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Advice for: High project\n")
    for heading in ("Top advice", "Questions to answer", "Element overview"):
        assert f"\n{heading}\n" in out
    assert "[HIGH] Plan an informal moment after every activity" in out
    assert "Belangrijkste advies" not in out


def test_the_language_comes_from_the_file_then_the_environment(
    runner: CliRunner, write_project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch,
) -> None:
    plain = write_project("plain.toml", MEDIUM)
    english = write_project("english.toml", MEDIUM + '\n[advies]\nlanguage = "en"\n')
    assert run_json(runner, plain)["language"] == "nl"
    assert run_json(runner, english)["language"] == "en"
    assert run_json(runner, "--lang", "nl", english)["language"] == "nl"
    monkeypatch.setenv("ADVIES_LANG", "en")
    assert run_json(runner, plain)["language"] == "en"


def test_run_json_matches_the_report_schema(runner: CliRunner,
                                            write_project: Callable[..., Path]) -> None:
    path = write_project("hoog.toml", HIGH)
    result = invoke(runner, *RUN, "--format", "json", path)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    ReportSchema.model_validate(data)
    assert data["schema_version"] == 1
    assert data["evaluated_on"] == DATE_TEXT
    assert data["project"] == {
        "name": "Klein project", "file": str(path), "phase": None, "months_left": None}
    assert finding_codes(data)[:2] == ["CON01", "CON02"]
    assert result.stdout.endswith("}\n")


def test_run_markdown(runner: CliRunner, write_project: Callable[..., Path]) -> None:
    path = write_project("hoog.toml", HIGH, name="Markdown project")
    result = invoke(runner, *RUN, "--format", "markdown", path)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "# Advies voor: Markdown project"
    assert "## Belangrijkste advies" in lines
    assert "## Overzicht per element" in lines
    assert any(line.startswith("### 1. Plan een informeel moment") for line in lines)
    assert "| --- | --- | --- | --- |" in lines


def test_an_unknown_format_is_a_usage_error(runner: CliRunner,
                                            write_project: Callable[..., Path]) -> None:
    result = invoke(runner, *RUN, "--format", "pdf", write_project())
    assert_clean_errors(result)
    assert "onbekend formaat 'pdf'" in result.stderr
    assert result.stdout == ""


def test_run_date(runner: CliRunner, write_project: Callable[..., Path]) -> None:
    path = write_project()
    assert run_json(runner, path)["evaluated_on"] == DATE_TEXT
    result = invoke(runner, "run", "--no-plugins", "--format", "json", "--date", "2027-01-31",
                    path)
    assert json.loads(result.stdout)["evaluated_on"] == "2027-01-31"
    bad = invoke(runner, "run", "--date", "31-01-2027", path)
    assert bad.exit_code == 2
    assert "Traceback" not in bad.output


@pytest.mark.parametrize("text", [
    "2026-06-01", "2024-02-29", "0001-01-01", "9999-12-31",  # read without strptime
    "2026-02-29", "2026-13-01", "2026-00-10", "2026-06-00", "0000-01-01",  # no such date
    "2026-6-1", " 2026-06-01", "2026-06-01 ", "31-01-2027", "2026/06/01", "２０２６-06-01",
    "٢٠٢٦-٠٦-٠١", "", "tomorrow",
])
def test_date_option_reads_as_click_datetime(text: str) -> None:
    """The --date type's fast path accepts and rejects exactly what strptime does."""
    import click

    from interventie_advies._cli._options import Date as _Date

    def outcome(kind: click.ParamType) -> object:
        try:
            return kind.convert(text, None, None)
        except click.BadParameter as exc:
            return str(exc)

    assert outcome(_Date()) == outcome(click.DateTime(["%Y-%m-%d"]))


# -- run: output ----------------------------------------------------------------------


def test_output_file(runner: CliRunner, write_project: Callable[..., Path],
                     tmp_path: Path) -> None:
    path = write_project("hoog.toml", HIGH)
    target = tmp_path / "verslag.json"
    result = invoke(runner, *RUN, "--format", "json", "--output", target, path)
    assert result.exit_code == 0
    assert result.stdout == ""
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["project"]["name"] == "Klein project"
    # no temporary files are left behind
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hoog.toml", "verslag.json"]


def test_output_text_file_has_no_colour(runner: CliRunner, write_project: Callable[..., Path],
                                        tmp_path: Path) -> None:
    target = tmp_path / "verslag.txt"
    result = invoke(runner, *RUN, "--output", target, write_project("hoog.toml", HIGH))
    assert result.exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("Advies voor: Klein project")
    assert not ANSI.search(text)


def test_several_files_give_one_json_array(runner: CliRunner,
                                           write_project: Callable[..., Path]) -> None:
    first = write_project("b.toml", name="Tweede op naam, eerste gegeven")
    second = write_project("a.toml", name="Eerste op naam")
    data = run_json(runner, first, second)
    assert isinstance(data, list)
    assert [r["project"]["name"] for r in data] == ["Tweede op naam, eerste gegeven",
                                                   "Eerste op naam"]
    for report in data:
        ReportSchema.model_validate(report)


def test_several_files_to_one_output_file_give_a_json_array(
    runner: CliRunner, write_project: Callable[..., Path], tmp_path: Path,
) -> None:
    target = tmp_path / "alles.json"
    result = invoke(runner, *RUN, "--format", "json", "--output", target,
                    write_project("a.toml", name="A"), write_project("b.toml", name="B"))
    assert result.exit_code == 0
    assert result.stdout == ""
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [r["project"]["name"] for r in data] == ["A", "B"]


def test_a_folder_is_searched_recursively(runner: CliRunner,
                                          write_project: Callable[..., Path],
                                          tmp_path: Path) -> None:
    write_project("plans/b.toml", name="B")
    write_project("plans/sub/deeper/a.toml", name="A diep")
    write_project("plans/a.toml", name="A")
    (tmp_path / "plans" / "notes.txt").write_text("geen project", encoding="utf-8")
    data = run_json(runner, tmp_path / "plans")
    names = sorted(r["project"]["name"] for r in data)
    assert names == ["A", "A diep", "B"]
    files = [r["project"]["file"] for r in data]
    assert files == sorted(files)


def test_an_empty_folder_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "leeg").mkdir()
    result = invoke(runner, *RUN, tmp_path / "leeg")
    assert_clean_errors(result)
    assert "leeg" in result.stderr


@pytest.mark.parametrize(("fmt", "suffix"), [("json", ".json"), ("markdown", ".md"),
                                              ("text", ".txt")])
def test_output_folder_gets_one_report_per_project(
    runner: CliRunner, write_project: Callable[..., Path], tmp_path: Path,
    fmt: str, suffix: str,
) -> None:
    first = write_project("in/eerste.toml", name="Eerste")
    second = write_project("in/tweede.toml", name="Tweede")
    out = tmp_path / "reports"
    result = invoke(runner, *RUN, "--format", fmt, "--output", f"{out}/", first, second)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert sorted(p.name for p in out.iterdir()) == [f"eerste{suffix}", f"tweede{suffix}"]
    text = (out / f"tweede{suffix}").read_text(encoding="utf-8")
    assert "Tweede" in text
    if fmt == "json":
        assert json.loads(text)["project"]["name"] == "Tweede"


# -- run: select, ignore, rules, plugins ----------------------------------------------


@pytest.mark.parametrize(("option", "value", "expected"), [
    ("--select", "CON02", ["CON02"]),
    ("--select", "contact.group_channel", ["CON02"]),
    ("--select", "contact", ["CON01", "CON02"]),
    ("--ignore", "CON01", ["CON02"]),
    ("--ignore", "contact.moment_after_activity", ["CON02"]),
    ("--ignore", "contact", []),
])
def test_select_and_ignore(runner: CliRunner, write_project: Callable[..., Path],
                           option: str, value: str, expected: list[str]) -> None:
    data = run_json(runner, option, value, write_project("hoog.toml", HIGH))
    contact = [c for c in finding_codes(data) if c.startswith("CON")]
    assert contact == expected
    if option == "--select":
        assert all(f["element"] == "contact" for f in data["findings"])


def test_select_and_ignore_can_be_repeated(runner: CliRunner,
                                           write_project: Callable[..., Path]) -> None:
    path = write_project("hoog.toml", HIGH)
    data = run_json(runner, "--select", "CON01", "--select", "CON02", path)
    assert finding_codes(data) == ["CON01", "CON02"]
    data = run_json(runner, "--select", "contact", "--ignore", "CON01", "--ignore", "CON03",
                    path)
    assert finding_codes(data) == ["CON02"]


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_an_unknown_rule_in_select_is_exit_2_with_did_you_mean(
    runner: CliRunner, write_project: Callable[..., Path], option: str,
) -> None:
    result = invoke(runner, *RUN, option, "CON0l", write_project())
    assert_clean_errors(result)
    assert "'CON0l'" in result.stderr
    assert_suggests_a_code(result.stderr)
    assert result.stdout == ""


@pytest.mark.parametrize(("fail_on", "body", "code"), [
    ("high", HIGH, 1),
    ("medium", HIGH, 1),
    ("never", HIGH, 0),
    ("high", MEDIUM, 0),
    ("medium", MEDIUM, 1),
    ("low", MEDIUM, 1),
    ("low", "", 0),
])
def test_fail_on(runner: CliRunner, write_project: Callable[..., Path],
                 fail_on: str, body: str, code: int) -> None:
    result = invoke(runner, *RUN, "--select", "contact", "--fail-on", fail_on,
                    write_project("p.toml", body))
    assert result.exit_code == code, result.output
    assert result.stdout.startswith("Advies voor:")


def test_fail_on_defaults_to_never(runner: CliRunner,
                                   write_project: Callable[..., Path]) -> None:
    assert invoke(runner, *RUN, write_project("p.toml", HIGH)).exit_code == 0


def test_extra_rule_file(runner: CliRunner, write_project: Callable[..., Path],
                         tmp_path: Path) -> None:
    rules = tmp_path / "extra.toml"
    rules.write_text(EXTRA_RULES, encoding="utf-8")
    path = write_project()
    data = run_json(runner, "--rules", rules, path)
    extra = [f for f in data["findings"] if f["code"] == "EXT01"]
    assert len(extra) == 1
    assert extra[0]["title"] == "Extra titel"
    assert extra[0]["plugin"] == "file:extra.toml"
    assert "EXT01" not in finding_codes(run_json(runner, path))
    listed = invoke(runner, "rules", "--no-plugins", "--rules", rules)
    assert "EXT01" in listed.stdout
    assert f"{len(BUILTIN_CODES) + 1} rules" in listed.stdout


def test_an_invalid_extra_rule_file_is_exit_2(runner: CliRunner,
                                               write_project: Callable[..., Path],
                                               tmp_path: Path) -> None:
    rules = tmp_path / "extra.toml"
    rules.write_text(EXTRA_RULES.replace("project.name", "project.nmae"), encoding="utf-8")
    result = invoke(runner, *RUN, "--rules", rules, write_project())
    assert_clean_errors(result)
    assert "EXT01" in result.stderr
    assert "name" in result.stderr


def test_an_extra_rule_with_a_builtin_code_is_exit_2(runner: CliRunner,
                                                      write_project: Callable[..., Path],
                                                      tmp_path: Path) -> None:
    rules = tmp_path / "extra.toml"
    rules.write_text(EXTRA_RULES.replace("EXT01", "CON01"), encoding="utf-8")
    result = invoke(runner, *RUN, "--rules", rules, write_project())
    assert_clean_errors(result)
    assert "CON01" in result.stderr
    assert "extra.toml" in result.stderr


@pytest.fixture
def installed_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    """One installed plugin (fake entry point) with a rule that always fires."""
    module = types.ModuleType("advies_extra")

    @hookimpl
    def advies_rules() -> list[Any]:
        return [make_rule("PLG01")]

    module.advies_rules = advies_rules  # type: ignore[attr-defined]
    dist = types.SimpleNamespace(name="advies-extra", version="2.0.0")
    point = types.SimpleNamespace(name="extra", value="advies_extra", dist=dist,
                                  load=lambda: module)
    monkeypatch.setattr("interventie_advies.plugins._host._entry_points", lambda: [point])


@pytest.mark.usefixtures("installed_plugin")
def test_no_plugins_leaves_installed_plugins_out(runner: CliRunner,
                                                 write_project: Callable[..., Path]) -> None:
    path = write_project()
    with_plugins = invoke(runner, "run", "--date", DATE_TEXT, "--format", "json", path)
    data = json.loads(with_plugins.stdout)
    assert "PLG01" in finding_codes(data)
    assert data["tool"]["plugins"] == [{"name": "extra", "version": "2.0.0"}]
    without = run_json(runner, path)  # RUN has --no-plugins
    assert "PLG01" not in finding_codes(without)
    assert without["tool"]["plugins"] == []


@pytest.mark.usefixtures("installed_plugin")
@pytest.mark.parametrize(
    ("fmt", "lang", "line"),
    [
        ("text", "nl", "Plugins: extra 2.0.0\n"),
        ("text", "en", "Plugins: extra 2.0.0\n"),
        ("markdown", "nl", "\nPlugins: extra 2.0.0\n\n"),
    ],
)
def test_text_and_markdown_say_which_plugins_ran(
    runner: CliRunner, write_project: Callable[..., Path], fmt: str, lang: str, line: str
) -> None:
    """Issue 13, item 7: the same command gives other advice once a plugin is installed."""
    path = write_project()
    args = ["run", "--date", DATE_TEXT, "--format", fmt, "--lang", lang, path]
    shown = invoke(runner, *args).stdout
    assert line in shown
    assert shown.index(line) < shown.index("PLG01")  # in the heading, before the advice
    alone = invoke(runner, *args, "--no-plugins").stdout
    assert "Plugins" not in alone


@pytest.mark.usefixtures("installed_plugin")
def test_plugins_lists_an_installed_plugin(runner: CliRunner) -> None:
    result = invoke(runner, "plugins", "--lang", "en")
    assert result.exit_code == 0
    assert re.search(r"^ok\s+extra 2\.0\.0 \(advies-extra\): 1 rule;", result.stdout, re.M)


# -- run: bad input -------------------------------------------------------------------


def test_a_bad_file_lists_every_problem_without_a_traceback(
    runner: CliRunner, write_project: Callable[..., Path],
) -> None:
    path = write_project("kapot.toml", raw=BAD)
    result = invoke(runner, *RUN, path)
    assert_clean_errors(result)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    line = re.compile(rf"^(error: |fout: )?{re.escape(str(path))}(:\d+:\d+): ([^:]+): .+")
    places = []
    for text in lines:
        match = line.match(text)
        assert match, text
        places.append((match.group(2), match.group(3)))
    # the line and column of each key (a missing one: its table), items counted from 1
    assert sorted(places) == [
        (":5:1", "project.phase"),
        (":7:1", "partners 1 (Welzijn).domain"),
        (":9:1", "partners 1 (Welzijn).domian"),
    ]
    assert "bedoel je 'domain'?" in result.stderr  # errors follow the language: Dutch
    assert "bedoel je 'idea'?" in result.stderr


def test_invalid_toml_names_the_line(runner: CliRunner,
                                     write_project: Callable[..., Path]) -> None:
    path = write_project("toml.toml", raw='format = 1\n[project\nname = "x"\n')
    result = invoke(runner, *RUN, path)
    assert_clean_errors(result)
    assert re.search(rf"{re.escape(str(path))}:2(:\d+)?: ", result.stderr)


def test_one_bad_file_among_good_ones(runner: CliRunner,
                                      write_project: Callable[..., Path]) -> None:
    good = write_project("a.toml", name="Goed een")
    bad = write_project("b.toml", raw=BAD)
    also_good = write_project("c.toml", name="Goed twee")
    result = invoke(runner, *RUN, "--format", "json", good, bad, also_good)
    assert_clean_errors(result)
    data = json.loads(result.stdout)
    assert [r["project"]["name"] for r in data] == ["Goed een", "Goed twee"]
    assert str(bad) in result.stderr
    assert str(good) not in result.stderr
    text = invoke(runner, *RUN, good, bad, also_good)
    assert text.exit_code == 2
    assert "Advies voor: Goed een" in text.stdout
    assert "Advies voor: Goed twee" in text.stdout


def test_a_bad_file_wins_over_fail_on(runner: CliRunner,
                                      write_project: Callable[..., Path]) -> None:
    result = invoke(runner, *RUN, "--fail-on", "low", write_project("a.toml", HIGH),
                    write_project("b.toml", raw=BAD))
    assert result.exit_code == 2


def test_strict_makes_a_failing_rule_exit_3(runner: CliRunner,
                                            write_project: Callable[..., Path],
                                            tmp_path: Path) -> None:
    rules = tmp_path / "fragile.toml"
    rules.write_text(EXTRA_RULES.replace("project.name != \"\"", "activities[0].sessions > 1"),
                     encoding="utf-8")
    path = write_project()  # no activities: the condition fails on this project
    lenient = invoke(runner, *RUN, "--format", "json", "--rules", rules, path)
    assert lenient.exit_code == 0
    errors = json.loads(lenient.stdout)["errors"]
    assert [(e["plugin"], e["rule"]) for e in errors] == [("file:fragile.toml", "EXT01")]
    strict = invoke(runner, *RUN, "--strict", "--rules", rules, path)
    assert strict.exit_code == 3
    assert "Traceback" not in strict.stderr
    assert "EXT01" in strict.stderr or "fragile" in strict.stderr


def test_a_missing_file_is_exit_2(runner: CliRunner) -> None:
    result = invoke(runner, *RUN, "bestaat-niet.toml")
    assert_clean_errors(result)
    assert "bestaat-niet.toml" in result.stderr
    assert "bestaat niet" in result.stderr


def test_run_needs_a_path(runner: CliRunner) -> None:
    assert invoke(runner, "run").exit_code == 2


def test_debug_shows_the_traceback(runner: CliRunner) -> None:
    result = invoke(runner, "--debug", *RUN, "bestaat-niet.toml")
    assert result.exit_code != 0
    assert result.exception is not None
    assert not isinstance(result.exception, SystemExit)


# -- check ----------------------------------------------------------------------------


def test_check_good_files(runner: CliRunner, write_project: Callable[..., Path]) -> None:
    first = write_project("a.toml", HIGH)
    second = write_project("b.toml")
    result = invoke(runner, "check", "--no-plugins", first, second)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [f"ok: {first}", f"ok: {second}"]
    assert result.stderr == ""


def test_check_reports_every_problem(runner: CliRunner,
                                     write_project: Callable[..., Path]) -> None:
    good = write_project("a.toml")
    bad = write_project("b.toml", raw=BAD)
    result = invoke(runner, "check", "--no-plugins", good, bad)
    assert_clean_errors(result)
    assert result.stdout.splitlines() == [f"ok: {good}"]
    problems = result.stderr.strip().splitlines()
    assert len(problems) == 3
    for path in (
        "5:1: project.phase",
        "9:1: partners 1 (Welzijn).domian",
        "7:1: partners 1 (Welzijn).domain",
    ):
        assert any(f"{bad}:{path}: " in p for p in problems), path


def test_check_finds_a_decision_for_an_unknown_rule(runner: CliRunner,
                                                    write_project: Callable[..., Path]) -> None:
    body = '\n[[decisions]]\nrule = "CON0l"\nstatus = "accepted"\n'
    result = invoke(runner, "check", "--no-plugins", write_project("d.toml", body))
    assert_clean_errors(result)
    assert "decisions[0].rule" in result.stderr
    assert_suggests_a_code(result.stderr)


def test_check_a_missing_file(runner: CliRunner) -> None:
    result = invoke(runner, "check", "weg.toml")
    assert_clean_errors(result)
    assert "weg.toml" in result.stderr


# -- rules, explain ---------------------------------------------------------------------


def test_rules_lists_every_code(runner: CliRunner) -> None:
    result = invoke(runner, "rules", "--no-plugins")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["code", "name", "element", "kind", "priority", "plugin"]
    assert [line.split()[0] for line in lines[1:-1]] == BUILTIN_CODES
    assert lines[-1] == f"{len(BUILTIN_CODES)} rules"
    con01 = next(line for line in lines if line.startswith("CON01 "))
    assert con01.split() == ["CON01", "contact.moment_after_activity", "contact",
                             "recommendation", "high", "interventie-advies"]


def test_rules_of_one_element(runner: CliRunner) -> None:
    result = invoke(runner, "rules", "--no-plugins", "--element", "contact")
    assert result.exit_code == 0
    codes = [line.split()[0] for line in result.stdout.splitlines()[1:-1]]
    assert codes == [c for c in BUILTIN_CODES if c.startswith("CON")]
    assert all(line.split()[2] == "contact" for line in result.stdout.splitlines()[1:-1])


def test_rules_of_an_unknown_element(runner: CliRunner) -> None:
    result = invoke(runner, "rules", "--no-plugins", "--element", "contacts")
    assert_clean_errors(result)
    assert "bedoel je 'contact'?" in result.stderr


def test_rules_as_json(runner: CliRunner) -> None:
    result = invoke(runner, "rules", "--no-plugins", "--format", "json", "--lang", "en")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [r["code"] for r in data] == BUILTIN_CODES
    con01 = data[0]
    assert {k: con01[k] for k in ("code", "name", "element", "kind", "priority", "plugin")} == {
        "code": "CON01", "name": "contact.moment_after_activity", "element": "contact",
        "kind": "recommendation", "priority": "high", "plugin": "interventie-advies"}
    assert con01["title"] == "Plan an informal moment after every activity"
    strengths = [r for r in data if r["kind"] == "strength"]
    assert strengths
    assert all(r["priority"] is None for r in strengths)


def test_rules_as_markdown(runner: CliRunner) -> None:
    result = invoke(runner, "rules", "--no-plugins", "--format", "markdown")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "# Overzicht van de regels"
    assert "## Zorg voor contact tussen bewoners (`contact`)" in lines
    assert "### CON01 · Plan een informeel moment na elke activiteit" in lines
    headings = [line.split()[1] for line in lines if line.startswith("### ")]
    assert sorted(headings) == sorted(BUILTIN_CODES)
    english = invoke(runner, "rules", "--no-plugins", "--format", "markdown", "--lang", "en")
    assert english.stdout.startswith("# Rule reference\n")


@pytest.mark.parametrize("token", ["CON01", "con01", "contact.moment_after_activity"])
def test_explain(runner: CliRunner, token: str) -> None:
    result = invoke(runner, "explain", "--no-plugins", token)
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("CON01 · Plan een informeel moment na elke activiteit\n")
    assert "naam: contact.moment_after_activity" in out
    assert "element: contact (Zorg voor contact tussen bewoners)" in out
    assert "soort: aanbeveling · prioriteit: hoog" in out
    assert "moeite: klein" in out
    assert "fasen: voorbereiding, uitvoering" in out
    assert "voorwaarde: not any(a.informal_moment_after for a in activities)" in out
    assert "gebruikt: activities[].informal_moment_after" in out
    assert "onderbouwing: onderzoek" in out
    assert "bron: Movisie" in out
    assert "voorbeelden:" in out
    assert "  - geeft advies = ja: {" in out
    assert "  - stelt de vraag = ja: {}" in out
    assert "waarom: " in out


#: the labels of explain in each language (``element`` and ``plugin`` are both)
LABELS = {
    "en": (
        "name:", "kind:", "effort:", "phases:", "serves needs:", "theme:", "message:", "why:",
        "actions:", "condition:", "needs:", "question:", "applies when:", "adjust:",
        "evidence:", "source:", "examples:", "  - fires =", "  - asks =",
    ),
    "nl": (
        "naam:", "soort:", "moeite:", "fasen:", "helpt bij:", "thema:", "advies:", "waarom:",
        "wat kun je doen:", "voorwaarde:", "gebruikt:", "vraag:", "geldt als:", "bijstellen:",
        "onderbouwing:", "bron:", "voorbeelden:", "  - geeft advies =", "  - stelt de vraag =",
    ),
}  # fmt: skip


@pytest.mark.parametrize("code", ["CON01", "AL03", "AL04", "CP01", "SUS01"])
def test_explain_speaks_one_language(runner: CliRunner, code: str) -> None:
    """Issue 13, item 14: Dutch labels beside English ones (``name:``, ``waarom:``) before."""
    for lang, other in (("nl", "en"), ("en", "nl")):
        result = invoke(runner, "explain", "--no-plugins", "--lang", lang, code)
        assert result.exit_code == 0
        lines = result.stdout.splitlines()
        assert [line for line in lines if line.startswith(LABELS[other])] == []
        assert sum(line.startswith(LABELS[lang]) for line in lines) >= 10
    english = invoke(runner, "explain", "--no-plugins", "--lang", "en", "AL04").stdout
    assert "adjust: high when project.phase in" in english
    dutch = invoke(runner, "explain", "--no-plugins", "--lang", "nl", "CP01").stdout
    assert "geldt als: any(n in residents.needs for n in" in dutch
    assert "(gebruikt residents.needs)" in dutch


def test_explain_in_english(runner: CliRunner) -> None:
    result = invoke(runner, "explain", "--no-plugins", "--lang", "en", "CON01")
    assert result.exit_code == 0
    assert result.stdout.startswith("CON01 · Plan an informal moment after every activity\n")
    assert "why: " in result.stdout
    assert "question: Is there an informal moment" in result.stdout


@pytest.mark.parametrize(("token", "hint"), [("CON10", None),
                                             ("contact.moment_after_activty",
                                              "contact.moment_after_activity")])
def test_explain_an_unknown_rule(runner: CliRunner, token: str, hint: str | None) -> None:
    result = invoke(runner, "explain", "--no-plugins", token)
    assert_clean_errors(result)
    assert f"onbekende regel '{token}'" in result.stderr
    if hint is None:
        assert_suggests_a_code(result.stderr)
    else:
        assert f"bedoel je '{hint}'?" in result.stderr
    assert result.stdout == ""


# -- plugins, schema, version, help -----------------------------------------------------


def test_plugins_lists_the_builtin_plugin(runner: CliRunner) -> None:
    result = invoke(runner, "plugins", "--no-plugins", "--lang", "en")
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    assert first.startswith("ok")
    assert f"interventie-advies {__version__}" in first
    assert f"{len(BUILTIN_CODES)} rules" in first
    assert "advies_rules" in first
    data = json.loads(invoke(runner, "plugins", "--no-plugins", "--format", "json").stdout)
    assert [(p["name"], p["rules"], p["status"]) for p in data] == [
        ("interventie-advies", len(BUILTIN_CODES), "loaded")]


@pytest.mark.parametrize(("what", "key"), [("project", "residents"),
                                           ("report", "findings"),
                                           ("rules", "rule")])
def test_schema(runner: CliRunner, what: str, key: str) -> None:
    result = invoke(runner, "schema", what)
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert key in schema["properties"]
    assert schema["type"] == "object"


def test_schema_defaults_to_project_and_rejects_others(runner: CliRunner) -> None:
    default = json.loads(invoke(runner, "schema").stdout)
    assert default == json.loads(invoke(runner, "schema", "project").stdout)
    assert invoke(runner, "schema", "plugins").exit_code == 2


def test_version(runner: CliRunner) -> None:
    result = invoke(runner, "--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"advies, version {__version__}"


def test_help_lists_every_command(runner: CliRunner) -> None:
    result = invoke(runner, "--help")
    assert result.exit_code == 0
    for command in ("run", "check", "rules", "explain", "plugins", "schema"):
        assert re.search(rf"^\s+{command}\s", result.stdout, re.M), command


def test_an_unknown_command_is_exit_2(runner: CliRunner) -> None:
    result = invoke(runner, "advise")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


# -- colour ---------------------------------------------------------------------------


def advies_command() -> list[str]:
    found = shutil.which("advies")
    return [found] if found else [sys.executable, "-m", "interventie_advies"]


def run_on_a_terminal(args: list[str], **env: str) -> tuple[int, str]:
    """Run ``advies`` with stdout on a pseudo-terminal; return exit code and output."""
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "ADVIES_LANG")}
    environment.update(env)
    master, slave = os.openpty()
    try:
        proc = subprocess.Popen([*advies_command(), *args], stdout=slave,
                                stderr=subprocess.PIPE, env=environment)
    finally:
        os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the other side is closed
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    proc.wait(timeout=60)
    assert proc.stderr is not None
    proc.stderr.close()
    return proc.returncode, b"".join(chunks).decode("utf-8")


def test_no_colour_when_stdout_is_no_terminal(runner: CliRunner,
                                              write_project: Callable[..., Path]) -> None:
    result = invoke(runner, *RUN, write_project("hoog.toml", HIGH))
    assert result.exit_code == 0
    assert not ANSI.search(result.stdout)
    assert "\x1b" not in result.stdout


def test_colour_on_a_terminal_unless_no_color(write_project: Callable[..., Path]) -> None:
    args = [*RUN, "--select", "contact", str(write_project("hoog.toml", HIGH))]
    code, coloured = run_on_a_terminal(args)
    assert code == 0, coloured
    assert ANSI.search(coloured)
    code, plain = run_on_a_terminal(args, NO_COLOR="1")
    assert code == 0
    assert "\x1b" not in plain
    assert plain.startswith("Advies voor: Klein project")


def test_json_never_has_colour(write_project: Callable[..., Path]) -> None:
    args = [*RUN, "--select", "CON01", "--format", "json", str(write_project("hoog.toml", HIGH))]
    code, out = run_on_a_terminal(args)
    assert code == 0
    assert "\x1b" not in out
    assert json.loads(out)["findings"][0]["code"] == "CON01"


def test_the_project_text_helper_makes_a_valid_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_text(project_text('Naam met "aanhalingstekens"'), encoding="utf-8")
    result = invoke(runner, "check", "--no-plugins", path)
    assert result.exit_code == 0
    assert EXAMPLES.is_dir()


def test_errors_follow_the_language(runner: CliRunner, write_project: Callable[..., Path]) -> None:
    """Validation and usage errors are Dutch by default and English with --lang en."""
    path = write_project("taal.toml", raw=BAD)
    dutch = invoke(runner, "check", path)
    english = invoke(runner, "check", "--lang", "en", path)
    assert dutch.stderr.startswith("fout: ") and "onbekende sleutel; bedoel je 'domain'?" in (
        dutch.stderr)
    assert english.stderr.startswith("error: ") and "unknown key; did you mean 'domain'?" in (
        english.stderr)
    usage = invoke(runner, *RUN, "--lang", "en", "--select", "CON0l", write_project())
    assert "'CON0l' matches no rule, element or plugin" in usage.stderr
    environment = runner.invoke(cli, ["check", str(path)], env={"ADVIES_LANG": "en"})
    assert environment.stderr.startswith("error: ")
