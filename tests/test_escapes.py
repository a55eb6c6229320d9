r"""No control, bidi or invisible character reaches an output raw, through any command.

A file name, a project name, partner names and the texts of a rule file given with
``--rules`` all hold ESC [31m, BEL, C1 CSI (U+009B), RLO (U+202E), the Arabic letter mark
(U+061C), a zero-width space (U+200B) and a line separator (U+2028). Every command writes
them as visible escapes (``\x1b[31m``), or in JSON as ``\u`` escapes that read back to
the original text.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

import pytest
from fuzzing import EXAMPLES, toml_dumps

from interventie_advies import hookimpl
from interventie_advies.cli import cli
from interventie_advies.project._toml import loads
from interventie_advies.testing import make_engine

if TYPE_CHECKING:
    from pathlib import Path

    from click.testing import CliRunner, Result

#: the hostile text of the issue, put in every name and text
HOSTILE = "\x1b[31m\x07\x9b\u202e\u061c\u200b\u2028"
#: how a terminal, a text file, HTML or CSV shows it
SHOWN = r"\x1b[31m\x07\x9b\u202e\u061c\u200b\u2028"
#: how Markdown shows it (its backslashes and bracket escaped for Markdown)
SHOWN_MD = r"\\x1b\[31m\\x07\\x9b\\u202e\\u061c\\u200b\\u2028"
#: what may not appear raw in any output (newline and tab are allowed; CSV ends lines \r\n)
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069]")

NAME = f"Buurt{HOSTILE}opera"
DATE = "2026-11-01"


def rule_file() -> dict[str, Any]:
    """Two rules whose every text holds the hostile text (one fires, one asks)."""

    def texts(what: str) -> dict[str, str]:
        return {
            "nl": f"{what}{HOSTILE} {{project.name}}",
            "en": f"{what}{HOSTILE} {{project.name}}",
        }

    fires = {
        "code": "ESC01",
        "name": "escapes.fires",
        "element": "contact",
        "kind": "warning",
        "priority": "high",
        "when": "True",
        "source": f"bron{HOSTILE}",
        "evidence": "practice",
        "title": texts("titel"),
        "message": texts("bericht"),
        "why": texts("waarom"),
        "actions": {"nl": [f"stap{HOSTILE}"], "en": [f"step{HOSTILE}"]},
        "adjust": [
            {
                "when": "True",
                "priority": "low",
                "reason": {"nl": f"r{HOSTILE}", "en": f"r{HOSTILE}"},
            }
        ],
    }
    asks = {
        "code": "ESC02",
        "name": "escapes.asks",
        "element": "knowledge_use",
        "kind": "recommendation",
        "priority": "medium",
        "needs": ["project.start"],
        "when": "project.start is None",
        "title": texts("titel2"),
        "message": texts("bericht2"),
        "why": texts("waarom2"),
        "question": texts("vraag"),
    }
    return {"rule": [fires, asks]}


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """A folder of two versions of a hostile project (hostile names), and a hostile rule file."""
    folder = tmp_path / "projecten"
    folder.mkdir()
    new = loads(EXAMPLES["buurtopera.toml"])
    new["project"]["name"] = NAME
    for i, partner in enumerate(new["partners"]):
        partner["name"] = f"Partner{HOSTILE}{i}"
    new["vision"]["endorsed_by_partners"] = [p["name"] for p in new["partners"]]
    del new["project"]["start"]  # so that ESC02 asks
    old = loads(EXAMPLES["schets.toml"])
    old["project"]["name"] = NAME
    paths = {
        "new": folder / f"plan{HOSTILE}.toml",
        "old": folder / f"schets{HOSTILE}.toml",
        "rules": tmp_path / f"regels{HOSTILE}.toml",
        "broken": tmp_path / f"kapot{HOSTILE}.toml",
    }
    paths["new"].write_text(toml_dumps(new), encoding="utf-8")
    paths["old"].write_text(toml_dumps(old), encoding="utf-8")
    paths["rules"].write_text(toml_dumps(rule_file()), encoding="utf-8")
    broken = {"format": 1, "project": {"name": NAME, f"sleutel{HOSTILE}": 1}}
    paths["broken"].write_text(toml_dumps(broken), encoding="utf-8")
    return paths


def clean(text: str, where: str) -> None:
    """Assert that ``text`` holds none of the hostile code points raw."""
    found = RAW.search(text)
    assert found is None, f"{where}: raw {found.group()!r} at {found.start()}: " + repr(
        text[max(0, found.start() - 40) : found.start() + 40]
    )


def invoke(runner: CliRunner, args: list[str], *, code: int = 0) -> Result:
    """Run ``advies ARGS``; check its exit code, and that stdout and stderr are clean."""
    result = runner.invoke(cli, args)
    assert result.exit_code == code, (result.output, result.stderr, result.exception)
    clean(result.stdout, "stdout")
    clean(result.stderr, "stderr")
    return result


# -- every command, every format ----------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json", "jsonl"])
def test_run(runner: CliRunner, files: dict[str, Path], fmt: str, tmp_path: Path) -> None:
    args = ["run", str(files["new"]), "--rules", str(files["rules"]), "--date", DATE]
    result = invoke(runner, [*args, "--format", fmt])
    out = tmp_path / f"uit.{fmt}"
    invoke(runner, [*args, "--format", fmt, "-o", str(out)])
    written = out.read_text(encoding="utf-8")
    clean(written, str(out))
    assert written == result.stdout  # the same, on the terminal or in a file
    if fmt in ("json", "jsonl"):
        data = json.loads(result.stdout)
        assert data["project"]["name"] == NAME
        assert data["project"]["file"] == str(files["new"])
        finding = next(f for f in data["findings"] if f["code"] == "ESC01")
        assert finding["title"] == f"titel{HOSTILE} {NAME}"
        assert finding["actions"] == [f"stap{HOSTILE}"]
        assert finding["source"] == f"bron{HOSTILE}"
        assert finding["plugin"] == f"file:{files['rules'].name}"
        question = next(q for q in data["questions"] if q["code"] == "ESC02")
        assert question["question"] == f"vraag{HOSTILE} {NAME}"
    elif fmt == "markdown":
        assert f"Buurt{SHOWN_MD}opera" in result.stdout
        assert f"titel{SHOWN_MD} Buurt{SHOWN_MD}opera" in result.stdout
    else:
        assert f"Buurt{SHOWN}opera" in result.stdout
        assert f"vraag{SHOWN}" in result.stdout  # (text wraps the rest of the line)
        # (the source's trailing U+2028 is white space, stripped like any other)
        assert "bron" + SHOWN.removesuffix(r"\u2028") in result.stdout or fmt == "text"


def test_run_profile_names_a_hostile_rule_file_escaped(
    runner: CliRunner, files: dict[str, Path]
) -> None:
    args = ["run", str(files["new"]), "--rules", str(files["rules"]), "--profile", "-o", "r.txt"]
    result = invoke(runner, args)
    assert f"file:regels{SHOWN}.toml" in result.stderr


def test_run_reports_a_broken_hostile_file_on_one_clean_line(
    runner: CliRunner, files: dict[str, Path]
) -> None:
    result = invoke(runner, ["run", str(files["broken"]), "--no-plugins"], code=2)
    [line] = result.stderr.splitlines()
    shown = str(files["broken"]).replace(HOSTILE, SHOWN)
    assert line.startswith(f"fout: {shown}: ")


def test_check(runner: CliRunner, files: dict[str, Path]) -> None:
    result = invoke(runner, ["check", str(files["new"]), "--rules", str(files["rules"])])
    shown = str(files["new"]).replace(HOSTILE, SHOWN)
    assert result.stdout == f"ok: {shown}\n"
    result = invoke(runner, ["check", str(files["new"]), str(files["broken"])], code=2)
    assert result.stdout == f"ok: {shown}\n"
    assert result.stderr.startswith(f"fout: {str(files['broken']).replace(HOSTILE, SHOWN)}: ")


def test_check_names_a_hostile_rule_file_on_one_clean_line(
    runner: CliRunner, files: dict[str, Path]
) -> None:
    files["rules"].write_text('[[rule]]\ncode = "X"\n', encoding="utf-8")
    result = invoke(runner, ["check", str(files["new"]), "--rules", str(files["rules"])], code=2)
    shown = str(files["rules"]).replace(HOSTILE, SHOWN)
    assert shown in result.stderr
    assert all(line.startswith("fout: ") for line in result.stderr.splitlines())


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
@pytest.mark.parametrize("old_side", ["project", "json report"])
def test_diff(
    runner: CliRunner, files: dict[str, Path], fmt: str, old_side: str, tmp_path: Path
) -> None:
    old = files["old"]
    if old_side == "json report":
        report = invoke(runner, ["run", str(old), "--format", "json", "--date", DATE])
        old = tmp_path / f"oud{HOSTILE}.json"
        old.write_text(report.stdout, encoding="utf-8")
    args = ["diff", str(old), str(files["new"]), "--rules", str(files["rules"]), "--date", DATE]
    result = invoke(runner, [*args, "--format", fmt])
    out = tmp_path / "diff.out"
    invoke(runner, [*args, "--format", fmt, "-o", str(out)])
    assert out.read_text(encoding="utf-8") == result.stdout
    if fmt == "json":
        data = json.loads(result.stdout)
        assert data["new"]["project"] == NAME
        assert data["new"]["file"] == str(files["new"])
        assert data["old"]["file"] == str(files["old"])
        section = "new_advice" if old_side == "json report" else "still_open"
        [change] = [c for c in data[section] if c["code"] == "ESC01"]
        assert change["title"] == f"titel{HOSTILE} {NAME}"
    else:
        shown = SHOWN_MD if fmt == "markdown" else SHOWN
        assert f"titel{shown} Buurt{shown}opera" in result.stdout


@pytest.mark.parametrize("fmt", ["text", "csv", "csv-nl", "json", "html"])
def test_portfolio(runner: CliRunner, files: dict[str, Path], fmt: str, tmp_path: Path) -> None:
    dialect = ["--csv-dialect", "nl"] if fmt == "csv-nl" else []
    args = ["portfolio", str(files["new"].parent), str(files["broken"]), "--date", DATE]
    args += ["--rules", str(files["rules"]), "--format", fmt.removesuffix("-nl"), *dialect]
    result = invoke(runner, args, code=2)  # the broken file is listed, and gives exit code 2
    out = tmp_path / "portfolio.out"
    invoke(runner, [*args, "-o", str(out)], code=2)
    written = out.read_text(encoding="utf-8")
    clean(written, str(out))
    if fmt == "csv-nl":
        assert written.startswith("\ufeff")  # Excel's sign for UTF-8 stays
    assert written == result.stdout
    assert "fout: " in result.stderr
    if fmt == "json":
        data = json.loads(result.stdout)
        assert {p["name"] for p in data["projects"]} == {NAME}
        assert {p["file"] for p in data["projects"]} == {str(files["new"]), str(files["old"])}
        assert [e["file"] for e in data["errors"]] == [str(files["broken"])]
    elif fmt == "text":  # long names and file names are cut to fit the columns
        assert f"Buurt{SHOWN[:20]}" in result.stdout
        assert f"{SHOWN[-20:]}.toml" in result.stdout
    else:
        assert f"Buurt{SHOWN}opera" in result.stdout
        assert f"schets{SHOWN}.toml" in result.stdout


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_rules(runner: CliRunner, files: dict[str, Path], fmt: str) -> None:
    args = ["rules", "--rules", str(files["rules"]), "--format", fmt, "--element", "contact"]
    result = invoke(runner, args)
    if fmt == "json":
        [rule] = [r for r in json.loads(result.stdout) if r["code"] == "ESC01"]
        assert rule["title"] == f"titel{HOSTILE} {{project.name}}"
        assert rule["plugin"] == f"file:{files['rules'].name}"
    elif fmt == "text":
        assert f"file:regels{SHOWN}.toml" in result.stdout
    else:
        assert f"titel{SHOWN} {{project.name}}" in result.stdout


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_explain(runner: CliRunner, files: dict[str, Path], lang: str) -> None:
    args = ["explain", "ESC01", "--rules", str(files["rules"]), "--lang", lang]
    result = invoke(runner, args)
    for text in ("titel", "bericht", "waarom", "bron", "r"):
        assert f"{text}{SHOWN}" in result.stdout
    assert f"plugin: file:regels{SHOWN}.toml" in result.stdout


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_plugins(
    runner: CliRunner, files: dict[str, Path], fmt: str, tmp_path: Path, monkeypatch: Any
) -> None:
    """A plugin that fails with a hostile message is listed with it, escaped."""
    (tmp_path / "vijand_esc.py").write_text(f"raise RuntimeError({HOSTILE!r})\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    args = ["plugins", "--rules", str(files["rules"]), "--plugin", "vijand_esc", "--format", fmt]
    result = invoke(runner, args)
    if fmt == "json":
        [failed] = [p for p in json.loads(result.stdout) if p["status"] == "failed"]
        assert any(HOSTILE in error for error in failed["errors"])
    else:
        assert SHOWN in result.stdout


def test_init_shows_a_hostile_file_name_escaped(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / f"plan{HOSTILE}.toml"
    minimal = "\n".join(
        ["Klein project", "", "?", "weet niet", "", "", "", "", *["overslaan"] * 13]
    )
    result = runner.invoke(cli, ["init", str(target)], input=minimal + "\n")
    assert result.exit_code == 0, (result.output, result.stderr)
    clean(result.stdout, "stdout")
    clean(result.stderr, "stderr")
    text = target.read_text(encoding="utf-8")
    clean(text, str(target))
    assert f"plan{SHOWN}.toml" in text  # the header comment names the file
    assert f"plan{SHOWN}.toml" in result.stdout


def test_plugin_new_shows_a_hostile_folder_on_one_line(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / f"map{HOSTILE}"
    result = invoke(runner, ["plugin", "new", "regio-oost", str(folder)])
    shown = str(folder).replace(HOSTILE, SHOWN)
    lines = result.stdout.splitlines()
    assert lines[0] == f"Geschreven: {shown}"
    assert len(lines) == 5  # the next steps too, each on its line
    assert lines[2].startswith("  cd '") and lines[2].endswith(f"map{SHOWN}'")


def test_a_plugin_format_is_escaped_too(files: dict[str, Path]) -> None:
    r"""What a plugin's renderer returns passes the same boundary (its \r\n line ends stay)."""

    class Plain:
        __name__ = "plat"

        @hookimpl
        def advies_renderers(self) -> dict[str, Any]:
            return {"plat": lambda report: f"{report.project['name']}\r\n"}

    report = make_engine(Plain(), builtin=True).advise(files["new"], date=None)
    assert report.render("plat") == f"Buurt{SHOWN}opera\r\n"
