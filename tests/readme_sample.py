"""The README's sample output, made by the command it shows (issue 13, item 9).

Each sample in README.md stands between two markers that hold its command::

    <!-- sample: advies run examples/muurschildering.toml --date 2026-05-01 --no-plugins -->
    ```text
    ...
    ```
    <!-- /sample -->

Regenerate every sample after a change to the rules or the report, and check them::

    python tests/readme_sample.py          # rewrite the samples in README.md
    python tests/readme_sample.py --check  # exit 1, naming the command, when one differs

``tests/test_readme_sample.py`` fails when a sample and the command's output differ. A
sample shows the head of the report (up to the end of the first item of advice) and the
element overview, with ``...`` where the rest was left out.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
_BLOCK = re.compile(
    r"(?P<open><!-- sample: (?P<command>[^\n]*?) -->\n)"
    r"```text\n(?P<body>.*?)```\n"
    r"(?P<close><!-- /sample -->)",
    re.S,
)
#: the heading of the element overview (the report's Dutch word; samples are Dutch)
_ELEMENTS = "Overzicht per element"


def output_of(command: str) -> str:
    """The full output of ``command`` (``advies ...``), run in the repository's folder."""
    from click.testing import CliRunner

    from interventie_advies.cli import cli

    words = shlex.split(command)
    if words[0] != "advies":
        raise ValueError(f"a sample runs advies, not {words[0]!r}")
    env = {"ADVIES_LANG": None, "ADVIES_DISABLE_PLUGINS": None, "NO_COLOR": "1"}
    old = Path.cwd()
    os.chdir(ROOT)  # the command names files relative to the repository, as the README does
    try:
        result = CliRunner().invoke(cli, words[1:], env=env, catch_exceptions=False)
    finally:
        os.chdir(old)
    if result.exit_code not in (0, 1):
        raise RuntimeError(f"{command}: exit code {result.exit_code}")
    return result.stdout


def abridged(output: str) -> str:
    """The head of a report (to the end of its first item) and its element overview."""
    lines = output.splitlines()
    first = next(i for i, line in enumerate(lines) if re.match(r" ?1\. ", line))
    end = next((i for i in range(first, len(lines)) if not lines[i].strip()), len(lines))
    start = lines.index(_ELEMENTS)
    overview = start + 2
    while overview < len(lines) and lines[overview].startswith("  "):
        overview += 1
    shown = [*lines[:end], "...", *lines[start:overview]]
    if overview < len(lines):
        shown.append("...")
    return "\n".join(shown) + "\n"


def regenerate(text: str) -> str:
    """``text`` (the README) with every sample made again by its command."""

    def again(match: re.Match[str]) -> str:
        body = abridged(output_of(match["command"]))
        return f"{match['open']}```text\n{body}```\n{match['close']}"

    return _BLOCK.sub(again, text)


def samples(text: str) -> list[tuple[str, str]]:
    """Each sample of the README: its command and the output shown."""
    return [(m["command"], m["body"]) for m in _BLOCK.finditer(text)]


def main(argv: list[str]) -> int:
    """Rewrite README.md, or with ``--check`` say which sample is out of date."""
    text = README.read_text(encoding="utf-8")
    new = regenerate(text)
    if "--check" in argv:
        pairs = zip(samples(text), samples(new), strict=True)
        stale = [cmd for (cmd, old), (_, now) in pairs if old != now]
        for command in stale:
            print(f"README.md: the sample of `{command}` is out of date", file=sys.stderr)
        return 1 if stale else 0
    if new != text:
        README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main(sys.argv[1:]))
