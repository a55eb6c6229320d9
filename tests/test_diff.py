"""advies diff: progress between two versions of a plan, from project files or reports."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from interventie_advies.cli import cli

ROOT = Path(__file__).resolve().parents[1]
DATE = ["--date", "2026-06-01"]


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    """The neighbourhood opera in March, and in June after the team acted on advice."""
    old = tmp_path / "maart.toml"
    shutil.copy(ROOT / "examples" / "buurtopera.toml", old)
    text = old.read_text(encoding="utf-8")
    assert "professionals_have_room = false" in text and "has_backup = false" in text
    text = text.replace("professionals_have_room = false", "professionals_have_room = true")
    text = text.replace("has_backup = false", "has_backup = true")
    text = text.replace('name = "Buurtopera Kastanjehof"',
                        'name = "Buurtopera Kastanjehof <b>[juni](x)</b>"')
    text += '\n[[decisions]]\nrule = "SUS02"\nstatus = "in_progress"\nreason = "Aanvraag loopt."\n'
    new = tmp_path / "juni.toml"
    new.write_text(text, encoding="utf-8")
    return old, new


def diff(*args: str) -> dict:
    result = CliRunner().invoke(cli, ["diff", *args, *DATE, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def codes(data: dict, key: str) -> list[str]:
    return [c["code"] for c in data[key]]


def test_resolved_new_open_and_decided(versions: tuple[Path, Path]) -> None:
    old, new = versions
    data = diff(str(old), str(new))
    assert codes(data, "resolved") == ["AL03", "KEY03"]
    assert codes(data, "new_advice") == []
    assert "SUS02" in codes(data, "still_open") and "AL03" not in codes(data, "still_open")
    assert [(c["code"], c["before"], c["after"]) for c in data["decisions_added"]] == [
        ("SUS02", None, "in_progress")]
    # the assessments: the professionals got room (AL03), the management still stays away
    assert [(c["code"], c["before"], c["after"]) for c in data["element_changes"]] == [
        ("all_layers", "missing", "weak")]


def test_a_report_saved_before_assessments_compares_by_the_version_1_status(
    versions: tuple[Path, Path], tmp_path: Path
) -> None:
    """Never an assessment against a status: both sides fall back to the status."""
    old, new = versions
    saved = tmp_path / "maart.json"
    run = CliRunner().invoke(cli, ["run", str(old), *DATE, "--format", "json"])
    report = json.loads(run.stdout)
    for element in report["elements"]:
        del element["assessment"]
    saved.write_text(json.dumps(report), encoding="utf-8")
    data = diff(str(saved), str(new))
    assert [(c["code"], c["before"], c["after"]) for c in data["element_changes"]] == [
        ("all_layers", "missing", "partial")]


def test_the_other_way_round_is_new_advice(versions: tuple[Path, Path]) -> None:
    old, new = versions
    data = diff(str(new), str(old))
    assert codes(data, "new_advice") == ["AL03", "KEY03"]
    assert codes(data, "resolved") == []


def test_a_saved_json_report_compares_like_its_project_file(
    versions: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = versions
    saved = tmp_path / "maart.json"
    run = CliRunner().invoke(cli, ["run", str(old), *DATE, "--format", "json", "--output",
                                   str(saved)])
    assert run.exit_code == 0, run.output
    from_file, from_report = diff(str(old), str(new)), diff(str(saved), str(new))
    for key in ("resolved", "new_advice", "still_open", "decisions_added", "element_changes"):
        assert from_file[key] == from_report[key]


def test_a_rejection_is_a_decision_not_a_resolution(tmp_path: Path) -> None:
    old = ROOT / "examples" / "muurschildering.toml"
    new = tmp_path / "muur.toml"
    new.write_text(old.read_text(encoding="utf-8") + '\n[[decisions]]\nrule = "VIS04"\n'
                   'status = "rejected"\nreason = "De corporatie tekent later."\n',
                   encoding="utf-8")
    data = diff(str(old), str(new))
    assert "VIS04" not in codes(data, "resolved")
    assert ("VIS04", "rejected") in [(c["code"], c["after"]) for c in data["decisions_added"]]


def test_questions_answered_and_strengths_gained(tmp_path: Path) -> None:
    sketch = ROOT / "examples" / "schets.toml"
    better = tmp_path / "schets2.toml"
    better.write_text(sketch.read_text(encoding="utf-8") + "\n[meeting_place]\navailable = true"
                      "\nin_neighbourhood = true\naccessible = true\nopen_outside_activities = true"
                      "\navailable_after_project = true\n", encoding="utf-8")
    data = diff(str(sketch), str(better))
    assert "MP01" in codes(data, "questions_answered")
    assert codes(data, "strengths_gained") == ["MP90"]


def test_text_and_markdown(versions: tuple[Path, Path]) -> None:
    old, new = versions
    runner = CliRunner()
    text = runner.invoke(cli, ["diff", str(old), str(new), *DATE])
    assert text.exit_code == 0
    assert "Opgelost (2)" in text.stdout and "- AL03 Geef professionals" in text.stdout
    assert "- Betrek bij elke partner de leiding en de werkvloer [ontbreekt → zwak]" in (
        text.stdout)
    english = runner.invoke(cli, ["diff", str(old), str(new), *DATE, "--lang", "en"])
    assert "Resolved (2)" in english.stdout
    md = runner.invoke(cli, ["diff", str(old), str(new), *DATE, "--format", "markdown"])
    assert "## Opgelost (2)" in md.stdout
    assert "<b>" not in md.stdout and "\\[juni\\]" in md.stdout  # the name is escaped


def test_a_file_that_is_not_a_report_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    result = CliRunner().invoke(cli, ["diff", str(bad), str(ROOT / "examples" / "schets.toml")])
    assert result.exit_code == 2
    assert "geen rapport van interventie-advies" in result.stderr


def test_a_phase_change_is_reported(tmp_path: Path) -> None:
    """Issue 13, item 17: from preparation to execution is progress the diff must show."""
    old = tmp_path / "voor.toml"
    old.write_text('format = 1\n[project]\nname = "Koor"\nphase = "preparation"\n',
                   encoding="utf-8")
    new = tmp_path / "na.toml"
    new.write_text('format = 1\n[project]\nname = "koor "\nphase = "execution"\n',
                   encoding="utf-8")
    data = diff(str(old), str(new))
    assert (data["old"]["phase"], data["new"]["phase"]) == ("preparation", "execution")
    assert data["warnings"] == []  # the same name, but for case and spacing
    text = CliRunner().invoke(cli, ["diff", str(old), str(new), *DATE])
    assert text.stdout.splitlines()[:5] == [
        "Voortgang: koor ", "", "2026-06-01 → 2026-06-01", "fase: voorbereiding → uitvoering",
        "beschreven: 0% → 0%",
    ]
    english = CliRunner().invoke(cli, ["diff", str(old), str(new), *DATE, "--lang", "en"])
    assert "phase: preparation → execution\n" in english.stdout
    same = CliRunner().invoke(cli, ["diff", str(old), str(old), *DATE])
    assert "fase:" not in same.stdout


def test_two_different_projects_are_warned_about(tmp_path: Path) -> None:
    old, new = str(ROOT / "examples" / "schets.toml"), str(ROOT / "examples" / "buurtopera.toml")
    nl = (
        'Let op: dit lijken twee verschillende projecten ("Verhalen uit de Rivierenbuurt" en '
        '"Buurtopera Kastanjehof"). De vergelijking zegt alleen iets over twee versies van '
        "hetzelfde plan."
    )
    assert diff(old, new)["warnings"] == [nl]
    text = CliRunner().invoke(cli, ["diff", old, new, *DATE, "--no-plugins"])
    assert text.stdout.splitlines()[:3] == ["Voortgang: Buurtopera Kastanjehof", "", nl]
    assert text.stderr == ""  # on the terminal once, in the output
    out = tmp_path / "voortgang.md"
    written = CliRunner().invoke(
        cli, ["diff", old, new, *DATE, "--no-plugins", "--lang", "en", "-o", str(out)]
    )
    assert written.exit_code == 0
    assert written.stderr.startswith("Note: these look like two different projects (")
    assert "\n> **Note: these look like two different projects" in out.read_text(
        encoding="utf-8"
    )
