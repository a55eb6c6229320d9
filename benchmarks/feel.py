"""Speed people feel (issue 15): ``advies`` next to other tools, measured in the same run.

Used by ``run.py``. Two side-by-side measurements, each with the commands taking turns so
that a change in the machine's load affects them alike, and medians reported:

- **start-up**: ``advies run example.toml`` (with the plugins installed in this Python)
  against ``sqlfluff lint`` on a one-line SQL file and against a minimal tool, generated
  here, that imports click, pluggy and tomli and validates one pydantic model once;
- **batch**: ``advies run FOLDER --format jsonl`` with 1 and with 2 workers against
  ``load_project`` on the same files in one process (the floor: reading, parsing and
  validating them, nothing else).

sqlfluff is never a dependency of the package: ``--sqlfluff PATH`` names an installed
``sqlfluff`` executable; without it, one next to this Python or on ``PATH`` is used, and
otherwise it is installed into a throw-away virtual environment in the run's temporary
folder (which needs the package index).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

#: the minimal tool: what any command-line tool built on the same libraries must do
MINIMAL_TOOL = '''\
"""A minimal tool: click, pluggy and tomli imported, one pydantic model validated once."""
import datetime as dt

import click
import pluggy
import tomli
from pydantic import BaseModel, ConfigDict


class Info(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    neighbourhood: str = ""
    municipality: str = ""
    description: str = ""
    phase: str
    start: dt.date
    end: dt.date


class Project(BaseModel):
    model_config = ConfigDict(extra="ignore")
    format: int
    project: Info


@click.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def main(path: str) -> None:
    pluggy.PluginManager("minimal")
    with open(path, "rb") as file:
        project = Project.model_validate(tomli.load(file))
    click.echo(project.project.name)


main()
'''

SQL = "SELECT 1;\n"


def sqlfluff_command(given: str | None, folder: Path) -> list[str] | None:
    """The ``sqlfluff`` to measure: ``given``, an installed one, or one installed now."""
    if given:
        return [given]
    found = shutil.which("sqlfluff", path=str(Path(sys.executable).parent)) or shutil.which(
        "sqlfluff"
    )
    if found:
        return [found]
    env = folder / "sqlfluff-venv"
    venv.create(env, with_pip=True)
    done = subprocess.run(
        [str(env / "bin" / "python"), "-m", "pip", "install", "-q", "sqlfluff"],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        print(f"sqlfluff could not be installed: {done.stderr[-300:]}", file=sys.stderr)
        return None
    return [str(env / "bin" / "sqlfluff")]


def startup_commands(
    advies: list[str], example: Path, date: str, sqlfluff: list[str] | None, folder: Path
) -> dict[str, list[str]]:
    """The commands of the start-up comparison, by name (files they need written to ``folder``)."""
    tool = folder / "minimal_tool.py"
    tool.write_text(MINIMAL_TOOL, encoding="utf-8")
    sql = folder / "one.sql"
    sql.write_text(SQL, encoding="utf-8")
    commands = {
        "imports": [sys.executable, "-c", "import pydantic, pluggy, click"],
        "minimal_tool": [sys.executable, str(tool), str(example)],
        "cli": [*advies, "run", str(example), "--date", date, "--no-plugins"],
        "with_plugins": [*advies, "run", str(example), "--date", date],
    }
    if sqlfluff is not None:
        commands["sqlfluff"] = [*sqlfluff, "lint", "--dialect", "ansi", str(sql)]
    return commands


def startup_figures(ms: dict[str, float]) -> dict[str, float | None]:
    """The start-up figures and ratios from the median times of :func:`startup_commands`."""
    sqlfluff = ms.get("sqlfluff")
    return {
        "imports_ms": round(ms["imports"], 1),
        "minimal_tool_ms": round(ms["minimal_tool"], 1),
        "sqlfluff_ms": round(sqlfluff, 1) if sqlfluff else None,
        "cli_ms": round(ms["cli"], 1),
        "cli_with_installed_plugins_ms": round(ms["with_plugins"], 1),
        "cli_over_imports": round(ms["cli"] / ms["imports"], 2),
        "run_over_sqlfluff": round(ms["with_plugins"] / sqlfluff, 2) if sqlfluff else None,
        "run_over_minimal_tool": round(ms["with_plugins"] / ms["minimal_tool"], 2),
    }


#: the floor of a batch: every file loaded and validated in one process, nothing else
LOAD_ALL = """
import os, sys
from interventie_advies import load_project
for top, dirs, files in os.walk(sys.argv[1]):
    dirs.sort()
    for name in sorted(files):
        if name.endswith(".toml"):
            load_project(os.path.join(top, name))
"""


def batch_commands(advies: list[str], folder: Path, date: str) -> dict[str, list[str]]:
    """The floor and ``advies run FOLDER --format jsonl`` with one and with two workers."""
    run = [*advies, "run", str(folder), "--format", "jsonl", "--date", date, "--no-plugins"]
    return {
        "load_project": [sys.executable, "-c", LOAD_ALL, str(folder)],
        "jobs1": [*run, "--jobs", "1"],
        "jobs2": [*run, "--jobs", "2"],
    }


def batch_figures(seconds: dict[str, float], count: int) -> dict[str, float]:
    """The batch figures and ratios from the median times of :func:`batch_commands`."""
    return {
        "batch_files": count,
        "load_project_s": round(seconds["load_project"], 2),
        "batch_jobs1_s": round(seconds["jobs1"], 2),
        "batch_jobs2_s": round(seconds["jobs2"], 2),
        "batch_files_per_s": round(count / seconds["jobs2"]),
        "jobs2_over_load_project": round(seconds["jobs2"] / seconds["load_project"], 2),
        "jobs2_speedup": round(seconds["jobs1"] / seconds["jobs2"], 2),
    }
