"""The README's sample output is what the command gives (issue 13, item 9).

It showed counts and a score the tool no longer gave. Regenerate with
``python tests/readme_sample.py`` (see that module).
"""

from __future__ import annotations

import subprocess
import sys

import readme_sample


def test_the_readme_has_a_sample() -> None:
    found = readme_sample.samples(readme_sample.README.read_text(encoding="utf-8"))
    assert [command for command, _ in found] == [
        "advies run examples/muurschildering.toml --date 2026-05-01 --no-plugins"
    ]


def test_every_sample_is_the_output_of_its_command() -> None:
    for command, shown in readme_sample.samples(readme_sample.README.read_text(encoding="utf-8")):
        made = readme_sample.abridged(readme_sample.output_of(command))
        assert shown == made, f"run: python tests/readme_sample.py ({command})"


def test_a_stale_sample_is_found_and_made_again() -> None:
    text = readme_sample.README.read_text(encoding="utf-8")
    stale = text.replace("8 aanbevelingen · 12", "9 aanbevelingen · 3")
    assert stale != text
    assert readme_sample.regenerate(stale) == text


def test_the_sample_keeps_the_head_and_the_element_overview() -> None:
    [(command, shown)] = readme_sample.samples(readme_sample.README.read_text(encoding="utf-8"))
    full = readme_sample.output_of(command)
    lines = shown.splitlines()
    assert lines[0] == "Advies voor: Kleur op de Lindeflat"
    assert lines.count("...") == 2
    assert all(line in full.splitlines() for line in lines if line != "...")
    overview = lines[lines.index("Overzicht per element") + 2 : -1]
    assert len(overview) == 12  # every element


def test_the_check_command_says_whether_the_readme_is_current() -> None:
    result = subprocess.run(
        [sys.executable, str(readme_sample.ROOT / "tests" / "readme_sample.py"), "--check"],
        capture_output=True, text=True, check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
