"""The error catalogue (docs/errors.md) covers every error class and shows real messages.

Every subclass of ``AdviesError`` has a ``### ClassName`` section. Every message entry has
an example in English and Dutch, a cause, a fix and an exit code; every entry with a
``**Command:**`` is run here (its TOML, rule and Python blocks written to files first) and
its output must be exactly the lines the catalogue shows, in both languages.
"""

from __future__ import annotations

import re
import shlex
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import interventie_advies
from interventie_advies import AdviesError
from interventie_advies.cli import cli

if TYPE_CHECKING:
    from click.testing import CliRunner

DOC = (Path(__file__).resolve().parents[1] / "docs" / "errors.md").read_text(encoding="utf-8")
VALID = 'format = 1\n\n[project]\nname = "Buurtkoor"\n'


def error_classes(root: type[BaseException] = AdviesError) -> list[type[BaseException]]:
    """``root`` and every subclass of it, recursively."""
    found = [root]
    for sub in root.__subclasses__():
        found += error_classes(sub)
    return found


@pytest.mark.parametrize("cls", error_classes(), ids=lambda c: c.__name__)
def test_every_error_class_has_an_entry(cls: type[BaseException]) -> None:
    match = re.search(rf"^### {cls.__name__}\n(.*?)(?=^##)", DOC, re.M | re.S)
    assert match, f"docs/errors.md has no '### {cls.__name__}' section"
    body = match.group(1)
    assert f"**Exit code:** {getattr(cls, 'exit_code', 2)}" in body


def test_the_error_classes_are_the_public_ones() -> None:
    public = {name for name in interventie_advies.__all__ if name.endswith("Error")}
    assert public == {c.__name__ for c in error_classes()}


@dataclass
class Entry:
    title: str
    body: str
    command: str | None = None
    files: dict[str, str] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)


def entries() -> list[Entry]:
    found = []
    for match in re.finditer(r"^#### (.+?)\n(.*?)(?=^#{2,4} |\Z)", DOC, re.M | re.S):
        entry = Entry(match.group(1), match.group(2))
        command = re.search(r"^\*\*Command:\*\* `([^`]+)`", entry.body, re.M)
        entry.command = command.group(1) if command else None
        for lang, block in re.findall(r"```(toml|python|text)\n(.*?)```", entry.body, re.S):
            if lang == "text":
                entry.lines += block.splitlines()
                continue
            name = re.match(r"# file: (\S+)\n", block)
            entry.files[name.group(1) if name else "plan.toml"] = block
        found.append(entry)
    return found


ENTRIES = entries()


def test_the_catalogue_lists_the_messages_users_meet() -> None:
    titles = {e.title for e in ENTRIES}
    for needed in (
        "Unknown key", "Wrong type", "Value not allowed", "Missing key", "End before start",
        "Invalid TOML", "File too large", "Not UTF-8", "Unknown rule in select or ignore",
        "Unknown rule in a decision", "Required plugin missing", "Required plugin too old",
        "File exists", "Unknown format", "A plugin failed, with --strict",
        "A problem in a rule file", "Rule code already defined",
    ):  # fmt: skip
        assert needed in titles, needed
    assert sum(e.command is not None for e in ENTRIES) >= 30


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.title for e in ENTRIES])
def test_every_entry_has_example_cause_fix_and_exit_code(entry: Entry) -> None:
    assert any(line.startswith("fout: ") for line in entry.lines), "a Dutch example"
    if not entry.command or not entry.command.startswith("ADVIES_LANG="):
        assert any(line.startswith("error: ") for line in entry.lines), "an English example"
    for part in ("**Cause:**", "**Fix:**", "**Exit code:**"):
        assert f"- {part}" in entry.body, part
    code = re.search(r"\*\*Exit code:\*\* (\d+)", entry.body)
    assert code
    assert code.group(1) in ("1", "2", "3", "130")


def _setup(entry: Entry, folder: Path) -> None:
    """Write the entry's files, and what the entries without a file block need."""
    (folder / "plan.toml").write_text(VALID, encoding="utf-8")
    (folder / "plan2.toml").write_text(VALID, encoding="utf-8")
    for name, text in entry.files.items():
        (folder / name).write_text(text, encoding="utf-8")
    if entry.title == "File too large":
        (folder / "big.toml").write_text("format = 1\n" + "#" * 1_100_000, encoding="utf-8")
    if entry.title == "Not UTF-8":
        (folder / "plan.toml").write_bytes(
            'format = 1\n[project]\nname = "café"\n'.encode("latin-1")
        )
    if entry.title == "Number too long":
        number = "9" * 5000
        text = f"{VALID}\n[funding]\nduration_months = {number}\n"
        (folder / "plan.toml").write_text(text, encoding="utf-8")
    if entry.title == "Folder without rule files":
        (folder / "leeg").mkdir()
    if entry.title == "Plugin folder exists":
        (folder / "bestaat").mkdir()
        (folder / "bestaat" / "README").write_text("x", encoding="utf-8")


def _normal(line: str) -> str:
    return re.sub(r"version \d+\.\d+\.\d+", "version X", line)


@pytest.mark.parametrize(
    "entry", [e for e in ENTRIES if e.command], ids=[e.title for e in ENTRIES if e.command]
)
def test_the_catalogue_shows_the_real_output(
    entry: Entry, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = Path.cwd()  # the runner fixture works in an empty folder
    _setup(entry, folder)
    monkeypatch.syspath_prepend(str(folder))  # for --plugin MODULE
    for name in entry.files:
        if name.endswith(".py"):
            monkeypatch.delitem(sys.modules, name.removesuffix(".py"), raising=False)
    assert entry.command
    words = shlex.split(entry.command)
    env = {}
    while "=" in words[0]:
        key, _, value = words.pop(0).partition("=")
        env[key] = value
    assert words[0] == "advies"
    runs = [("", None)] if env else [("error: ", "en"), ("fout: ", "nl")]
    exit_code = int(re.search(r"\*\*Exit code:\*\* (\d+)", entry.body).group(1))  # type: ignore[union-attr]
    for prefix, lang in runs:
        args = words[1:] + (["--lang", lang] if lang else [])
        result = runner.invoke(cli, args, env=env or None)
        expected = [_normal(line) for line in entry.lines if line.startswith(prefix)]
        shown = [_normal(line) for line in result.stderr.splitlines()]
        assert shown == expected, "\n".join(shown)
        assert result.exit_code == exit_code, (result.exit_code, result.stderr)
