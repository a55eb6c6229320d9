"""The example projects in examples/: valid, and advised on as their comments say."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest
from conftest import DATE_TEXT, EXAMPLE_FILES, EXAMPLES

from interventie_advies.cli import cli
from interventie_advies.commands._schema import ReportSchema

if TYPE_CHECKING:
    from pathlib import Path

    from click.testing import CliRunner

IDS = [p.stem for p in EXAMPLE_FILES]


def advise_json(runner: CliRunner, path: Path, *args: str, date: str = DATE_TEXT) -> Any:
    result = runner.invoke(cli, ["run", "--no-plugins", "--date", date, "--format", "json",
                                 *args, str(path)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_there_are_examples() -> None:
    assert len(EXAMPLE_FILES) >= 5
    assert {"schets", "buurtopera"} <= set(IDS)


def test_every_example_passes_check(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["check", *map(str, EXAMPLE_FILES)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"ok: {p}" for p in EXAMPLE_FILES]
    assert result.stderr == ""


def test_check_the_examples_folder(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["check", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == len(EXAMPLE_FILES)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=IDS)
def test_every_example_is_advised_without_errors(runner: CliRunner, path: Path) -> None:
    report = advise_json(runner, path, "--fail-on", "never")
    ReportSchema.model_validate(report)
    assert report["errors"] == []
    assert report["stale_decisions"] == []
    assert report["warnings"] == []
    assert report["evaluated_on"] == DATE_TEXT
    assert report["project"]["file"] == str(path)
    assert report["findings"] or report["questions"] or report["strengths"]


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=IDS)
@pytest.mark.parametrize("fail_on", ["high", "medium", "low"])
def test_fail_on_matches_the_findings(runner: CliRunner, path: Path, fail_on: str) -> None:
    report = advise_json(runner, path)
    ranks = {"high": 3, "medium": 2, "low": 1}
    worst = max((ranks[f["priority"]] for f in report["findings"]), default=0)
    expected = 1 if worst >= ranks[fail_on] else 0
    result = runner.invoke(cli, ["run", "--no-plugins", "--date", DATE_TEXT, "--fail-on",
                                 fail_on, str(path)])
    assert result.exit_code == expected, result.output
    never = runner.invoke(cli, ["run", "--no-plugins", "--date", DATE_TEXT, "--fail-on",
                                "never", str(path)])
    assert never.exit_code == 0


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=IDS)
@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_every_example_renders(runner: CliRunner, path: Path, fmt: str) -> None:
    result = runner.invoke(cli, ["run", "--no-plugins", "--date", DATE_TEXT, "--format", fmt,
                                 "--lang", "en", str(path)])
    assert result.exit_code == 0
    assert "Advice for: " in result.stdout.splitlines()[0]
    assert "\x1b" not in result.stdout


def test_all_examples_at_once(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["run", "--no-plugins", "--date", DATE_TEXT, "--format", "json",
                                 str(EXAMPLES)])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [r["project"]["file"] for r in data] == [str(p) for p in EXAMPLE_FILES]


def test_schets_mostly_asks(runner: CliRunner) -> None:
    report = advise_json(runner, EXAMPLES / "schets.toml")
    assert report["project"]["phase"] == "idea"
    assert len(report["questions"]) > len(report["findings"])
    assert len(report["questions"]) > len(report["findings"]) + len(report["strengths"])
    assert report["summary"]["questions"] == len(report["questions"])


def test_buurtopera_rejected_rb04(runner: CliRunner) -> None:
    report = advise_json(runner, EXAMPLES / "buurtopera.toml", date="2026-11-01")
    not_followed = {n["code"]: n for n in report["not_followed"]}
    assert "RB04" in not_followed
    rb04 = not_followed["RB04"]
    assert rb04["status"] == "rejected"
    assert rb04["reason"].startswith("De budgetten liggen dit jaar vast")
    assert "RB04" not in {f["code"] for f in report["findings"]}
    assert report["stale_decisions"] == []


def test_buurtopera_warns_when_funding_ends_within_three_months(runner: CliRunner) -> None:
    early = advise_json(runner, EXAMPLES / "buurtopera.toml", "--lang", "en",
                        date="2026-06-01")
    late = advise_json(runner, EXAMPLES / "buurtopera.toml", "--lang", "en",
                       date="2026-11-29")

    def soon(report: Any) -> set[str]:
        return {f["code"] for f in report["findings"]
                if any("within 3 months" in x for x in f["score_factors"])}

    assert soon(early) == set()
    assert soon(late)
    assert all(f["kind"] == "warning" for f in late["findings"] if f["code"] in soon(late))
