"""Facts written once: the report formats, the priority map and the languages."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import TYPE_CHECKING

import interventie_advies
from interventie_advies._cli._run import FAIL_RANK
from interventie_advies.cli import cli
from interventie_advies.commands import _output
from interventie_advies.project._enums import PRIORITY_RANK
from interventie_advies.report import BUILTIN_FORMATS, FORMATS

if TYPE_CHECKING:
    from click.testing import CliRunner

SRC = Path(interventie_advies.__file__).resolve().parent
PRIORITY_WORDS = {"high", "medium", "low"}


def _literals() -> list[tuple[str, int, ast.expr]]:
    out = []
    for path in sorted(SRC.rglob("*.py")):
        if "messages" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Dict, ast.Tuple, ast.List, ast.Set)):
                out.append((str(path.relative_to(SRC)), node.lineno, node))
    return out


def _strings(nodes: list[ast.expr | None]) -> set[str]:
    return {n.value for n in nodes if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def test_the_priority_map_is_written_once() -> None:
    """No second {"high": 3, "medium": 2, "low": 1} (there were four, one in a template)."""
    maps = [
        f"{where}:{line}"
        for where, line, node in _literals()
        if isinstance(node, ast.Dict)
        and _strings(node.keys) == PRIORITY_WORDS
        and all(isinstance(v, ast.Constant) and isinstance(v.value, int) for v in node.values)
        # a rank, not counters that start at 0
        and len({v.value for v in node.values if isinstance(v, ast.Constant)}) == 3
    ]
    assert maps == []
    assert dict(PRIORITY_RANK) == {"high": 3, "medium": 2, "low": 1}
    assert FAIL_RANK == {"high": 3, "medium": 2, "low": 1, "never": 99}
    templates = SRC / "report" / "templates"
    assert all('"high": 3' not in p.read_text() for p in templates.iterdir())


def test_the_report_formats_are_listed_once() -> None:
    """No second list of the built-in report formats (there were three, and a suffix map)."""
    lists = [
        f"{where}:{line}"
        for where, line, node in _literals()
        if len(
            _strings(getattr(node, "elts", None) or getattr(node, "keys", []))
            & {"text", "json", "jsonl", "markdown", "html"}
        )
        >= 4
    ]
    assert [x.split(":")[0] for x in lists] == ["report/__init__.py"]
    assert _output.SUFFIXES is FORMATS
    assert BUILTIN_FORMATS == ("text", "json", "markdown", "html")


def test_an_unknown_format_names_the_known_ones(runner: CliRunner, tmp_path: Path) -> None:
    project = tmp_path / "p.toml"
    project.write_text('format = 1\n\n[project]\nname = "p"\n')
    result = runner.invoke(cli, ["run", "--no-plugins", "--format", "pdf", str(project)])
    assert result.exit_code == 2
    assert result.stderr == (
        "fout: onbekend formaat 'pdf'; bekende formaten: html, json, jsonl, markdown, text\n"
    )
