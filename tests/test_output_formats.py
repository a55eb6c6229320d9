"""``-o NAME.EXT`` chooses the format; a name that contradicts ``--format`` is refused.

Issue 13, item 6: ``-o rapport.html``, ``-o rapport.json`` and ``-o portfolio.csv`` wrote
plain text with exit code 0, and ``--csv-dialect nl`` without CSV output was ignored.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import DATE_TEXT, EXAMPLES

from interventie_advies.cli import cli

if TYPE_CHECKING:
    from click.testing import CliRunner

SCHETS = str(EXAMPLES / "schets.toml")
BUURTOPERA = str(EXAMPLES / "buurtopera.toml")
FIXED = ["--date", DATE_TEXT, "--no-plugins"]


def starts(fmt: str, text: str) -> bool:
    """Whether ``text`` looks like a file of format ``fmt``."""
    if fmt == "html":
        return text.startswith("<!DOCTYPE html>")
    if fmt == "json":
        return isinstance(json.loads(text), dict)
    if fmt == "jsonl":
        return all(isinstance(json.loads(line), dict) for line in text.splitlines())
    if fmt == "markdown":
        return text.startswith("# ")
    if fmt == "csv":
        return text.startswith("bestand,naam,fase,")
    return text.startswith(("Advies voor:", "Voortgang:", "Portfolio"))


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("rapport.html", "html"),
        ("rapport.HTM", "html"),
        ("rapport.json", "json"),
        ("rapport.jsonl", "jsonl"),
        ("rapport.md", "markdown"),
        ("rapport.txt", "text"),
        ("rapport", "text"),
    ],
)
def test_run_takes_the_format_from_the_extension(
    runner: CliRunner, tmp_path: Path, name: str, fmt: str
) -> None:
    out = tmp_path / name
    result = runner.invoke(cli, ["run", SCHETS, *FIXED, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert starts(fmt, out.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("name", "fmt"), [("p.csv", "csv"), ("p.json", "json"), ("p.html", "html"), ("p.txt", "text")]
)
def test_portfolio_takes_the_format_from_the_extension(
    runner: CliRunner, tmp_path: Path, name: str, fmt: str
) -> None:
    out = tmp_path / name
    result = runner.invoke(cli, ["portfolio", SCHETS, BUURTOPERA, *FIXED, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert starts(fmt, out.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("name", "fmt"), [("d.md", "markdown"), ("d.json", "json")])
def test_diff_takes_the_format_from_the_extension(
    runner: CliRunner, tmp_path: Path, name: str, fmt: str
) -> None:
    out = tmp_path / name
    result = runner.invoke(cli, ["diff", SCHETS, SCHETS, *FIXED, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert starts(fmt, out.read_text(encoding="utf-8"))


def test_a_csv_name_and_the_nl_dialect_give_excel_its_file(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "portfolio.csv"
    args = ["portfolio", SCHETS, *FIXED, "--csv-dialect", "nl", "-o", str(out)]
    assert runner.invoke(cli, args).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("\ufeffbestand;naam;fase;")


@pytest.mark.parametrize(
    ("command", "fmt", "name", "message"),
    [
        (
            "run",
            "json",
            "x.html",
            "error: --format json does not match x.html: a .html file is not json; "
            "leave out --format or name the file *.json\n",
        ),
        (
            "portfolio",
            "csv",
            "x.xlsx",
            "error: --format csv does not match x.xlsx: a .xlsx file is not csv; "
            "leave out --format or name the file *.csv\n",
        ),
        (
            "diff",
            "text",
            "x.md",
            "error: --format text does not match x.md: a .md file is not text; "
            "leave out --format or name the file *.txt\n",
        ),
    ],
)
def test_a_name_that_contradicts_the_format_is_refused(
    runner: CliRunner, command: str, fmt: str, name: str, message: str
) -> None:
    files = [SCHETS, SCHETS] if command == "diff" else [SCHETS]
    args = [command, *files, *FIXED, "--lang", "en", "--format", fmt, "-o", name]
    result = runner.invoke(cli, args)
    assert (result.exit_code, result.stderr) == (2, message)
    assert list(Path.cwd().iterdir()) == []  # the runner's empty folder: nothing written


def test_an_extension_of_no_format_lists_the_formats(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["portfolio", SCHETS, *FIXED, "-o", "p.xlsx"])
    assert result.exit_code == 2
    assert result.stderr == (
        "fout: p.xlsx: bij de extensie .xlsx hoort geen formaat; gebruik een van deze "
        "extensies of kies --format: text (.txt .text), csv (.csv), json (.json), "
        "html (.html .htm)\n"
    )


def test_a_name_of_ones_own_keeps_the_format_asked(runner: CliRunner, tmp_path: Path) -> None:
    """``rapport.log`` promises nothing: ``--format json`` is written as asked."""
    out = tmp_path / "rapport.log"
    result = runner.invoke(cli, ["run", SCHETS, *FIXED, "--format", "json", "-o", str(out)])
    assert result.exit_code == 0
    assert starts("json", out.read_text(encoding="utf-8"))


def test_a_folder_output_keeps_the_default(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "rapporten.html"  # a folder, whatever its name says
    folder.mkdir()
    assert runner.invoke(cli, ["run", SCHETS, *FIXED, "-o", str(folder)]).exit_code == 0
    assert starts("text", (folder / "schets.txt").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "extra", [[], ["--format", "json"], ["-o", "p.html"], ["--format", "text", "-o", "p.csv"]]
)
def test_the_csv_dialect_without_csv_output_is_an_error(
    runner: CliRunner, extra: list[str]
) -> None:
    args = ["portfolio", SCHETS, *FIXED, "--lang", "en", "--csv-dialect", "nl", *extra]
    result = runner.invoke(cli, args)
    expected = (
        "error: --format text does not match p.csv: a .csv file is not text; "
        "leave out --format or name the file *.txt\n"
        if "p.csv" in extra
        else "error: --csv-dialect applies to CSV only; use --format csv or -o NAME.csv\n"
    )
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", expected)
    assert list(Path.cwd().iterdir()) == []
