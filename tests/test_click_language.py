"""`advies --help` and click's own messages follow the language (a gettext catalogue)."""

from __future__ import annotations

import ast
import gettext
import os
import string
from typing import TYPE_CHECKING

import pytest

from interventie_advies._cli._help import help_texts
from interventie_advies.cli import cli
from interventie_advies.messages._i18n import GETTEXT_DOMAIN, LOCALE_DIR, click_language

if TYPE_CHECKING:
    from pathlib import Path

    from click.testing import CliRunner

MESSAGES = LOCALE_DIR / "nl" / "LC_MESSAGES"


PLURALS: dict[str, str] = {}


def read_po(path: Path) -> dict[str | tuple[str, int], str]:
    """The translations of a .po file, keyed as GNUTranslations keys them (stdlib only)."""
    entries: list[dict[str, str]] = []
    current: dict[str, str] = {}
    field = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):
            current[field] += ast.literal_eval(line)
            continue
        field, _, rest = line.partition(" ")
        if field == "msgid" and "msgid" in current:
            entries.append(current)
            current = {}
        current[field] = ast.literal_eval(rest)
    entries.append(current)
    out: dict[str | tuple[str, int], str] = {}
    for entry in entries:
        if "msgid_plural" in entry:
            PLURALS[entry["msgid"]] = entry["msgid_plural"]
            for n in range(2):
                if entry[f"msgstr[{n}]"]:
                    out[(entry["msgid"], n)] = entry[f"msgstr[{n}]"]
        elif entry["msgstr"] and entry["msgid"]:
            out[entry["msgid"]] = entry["msgstr"]
    return out


PO = read_po(MESSAGES / f"{GETTEXT_DOMAIN}.po")


def test_the_compiled_catalogue_matches_the_po_file() -> None:
    """After an edit: pybabel compile -d src/interventie_advies/locale -D interventie_advies."""
    with (MESSAGES / f"{GETTEXT_DOMAIN}.mo").open("rb") as f:
        compiled = gettext.GNUTranslations(f)
    catalog = dict(compiled._catalog)  # type: ignore[attr-defined]
    catalog.pop("", None)  # the header
    assert catalog == PO


@pytest.mark.parametrize("msgid", sorted(PO, key=str), ids=str)
def test_a_translation_keeps_the_fields(msgid: str | tuple[str, int]) -> None:
    source = msgid if isinstance(msgid, str) else (msgid[0], PLURALS[msgid[0]])[msgid[1]]
    fields = {name for _, name, _, _ in string.Formatter().parse(source) if name}
    assert {name for _, name, _, _ in string.Formatter().parse(PO[msgid]) if name} == fields


def test_every_help_text_of_advies_has_dutch() -> None:
    """A changed docstring or help= needs its Dutch in the .po (then compile it)."""
    texts = set(help_texts(cli))
    assert len(texts) > 30
    assert sorted(texts - set(PO)) == []


@pytest.mark.parametrize(
    ("args", "env", "words"),
    [
        (
            ["--help"],
            {"ADVIES_LANG": "nl"},
            [
                "Gebruik: advies [OPTIES] OPDRACHT",
                "Opdrachten:",
                "Toon deze uitleg en stop.",
                "Toon de versie en stop.",
            ],
        ),
        (["--help"], {}, ["Gebruik: advies [OPTIES] OPDRACHT"]),  # Dutch by default
        (
            ["--help"],
            {"ADVIES_LANG": "en"},
            ["Usage: advies [OPTIONS] COMMAND", "Commands:", "Show this message and exit."],
        ),
        (
            ["run", "--help", "--lang", "nl"],
            {"ADVIES_LANG": "en"},
            [
                "Gebruik: advies run [OPTIES] PATHS...",
                "Opties:",
                "Laat deze regels weg.",
                "(standaard: volgens de extensie",
                "Voorbeelden:",
            ],
        ),
        (
            ["run", "--lang=en", "--help"],
            {"ADVIES_LANG": "nl"},
            [
                "Usage: advies run [OPTIONS] PATHS...",
                "Options:",
                "Leave out these rules.",
                "(default: from the extension of --output,",
                "Examples:",
            ],
        ),
    ],
)
def test_help_follows_the_language(
    runner: CliRunner, args: list[str], env: dict[str, str], words: list[str]
) -> None:
    result = runner.invoke(cli, args, env=env, prog_name="advies")
    assert result.exit_code == 0
    for word in words:
        assert word in result.stdout


def test_clicks_errors_follow_the_language(runner: CliRunner) -> None:
    dutch = runner.invoke(cli, ["run", "--nope"], env={"ADVIES_LANG": "nl"}, prog_name="advies")
    assert (dutch.exit_code, dutch.stderr) == (
        2,
        (
            "Gebruik: advies run [OPTIES] PATHS...\n"
            "Typ 'advies run --help' voor uitleg.\n\n"
            "Fout: Deze optie bestaat niet: '--nope'. Bedoel je '--ignore'?\n"
        ),
    )
    english = runner.invoke(
        cli, ["run", "--nope", "--lang", "en"], env={"ADVIES_LANG": "nl"}, prog_name="advies"
    )
    assert (english.exit_code, english.stderr) == (
        2,
        (
            "Usage: advies run [OPTIONS] PATHS...\n"
            "Try 'advies run --help' for help.\n\n"
            "Error: No such option '--nope'. Did you mean '--ignore'?\n"
        ),
    )
    missing = runner.invoke(cli, ["diff"])
    assert missing.stderr.endswith("Fout: Argument ontbreekt 'OLD'.\n")


def test_a_wrong_lang_is_reported_in_the_language_without_it(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["rules", "--lang", "fr"], env={"ADVIES_LANG": "en"})
    assert result.exit_code == 2
    assert "Error: Invalid value for '--lang': 'fr' is not one of 'nl', 'en'." in result.stderr


def test_the_version_line_stays_english_for_scripts(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"], env={"ADVIES_LANG": "nl"})
    assert result.stdout.startswith("advies, version ")


def test_the_binding_is_undone_after_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the CLI binds click's language, and only while a command runs."""
    monkeypatch.setenv("LANGUAGE", "fy")
    domain = gettext.textdomain()
    with click_language("nl"):
        assert gettext.gettext("Usage:") == "Gebruik:"
        assert os.environ["LANGUAGE"] == "nl"
    assert (gettext.textdomain(), os.environ["LANGUAGE"]) == (domain, "fy")
    assert gettext.gettext("Usage:") == "Usage:"


def test_importing_the_cli_binds_nothing() -> None:
    import subprocess
    import sys

    code = "import gettext, interventie_advies.cli; print(gettext.textdomain())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "messages\n"
