"""Write ``_builtin_data.py``: the built-in rules, validated, as Python source.

Run it after changing a file in ``rules/`` (docs/rule-format.md)::

    python -m interventie_advies.plugins._generate          # write the module
    python -m interventie_advies.plugins._generate --check  # exit 1 if it is out of date

It loads the rule files as any rule file is loaded (parsed, validated, compiled), writes
each rule as the calls that rebuild it (``rulebook._write``, the writer plugins use through
``python -m interventie_advies.ship``), and checks that what the written module builds is
what was loaded, private attributes and compiled conditions included.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..rulebook._shipped import settings
from ..rulebook._write import Writer, check, module_text, same, write
from ._builtin import load_rule_files, rule_files, rules_dir
from ._host import BUILTIN

if TYPE_CHECKING:
    from ..rulebook._rules import Rule

__all__ = ["TARGET", "check_module", "main", "same", "source"]

#: the generated module
TARGET = Path(__file__).with_name("_builtin_data.py")


def origins(paths: list[Path]) -> list[str]:
    """How the built-in rules name their files: ``rules/NAME``, wherever they are."""
    return [f"rules/{path.name}" for path in paths]


def source(paths: list[Path], rules: list[Rule]) -> str:
    """The text of ``_builtin_data.py`` for ``rules``, loaded from ``paths``."""
    return module_text(
        paths,
        rules,
        Writer(origins(paths)),
        settings=settings(BUILTIN, (), (), None),
        title="The built-in rules, validated and compiled: generated from rules/*.toml; "
        "do not edit.",
        command="python -m interventie_advies.plugins._generate",
        doc="docs/rule-format.md",
        user="The built-in plugin (``_builtin``)",
    )


def check_module(text: str, paths: list[Path], rules: list[Rule]) -> None:
    """Build the rules from the module ``text`` and compare them with ``rules``.

    :raises ValueError: naming the first rule that differs.
    """
    check(text, rules, origins(paths), str(TARGET))


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check``, compare) ``_builtin_data.py``; return the exit status."""
    args = sys.argv[1:] if argv is None else argv
    paths = rule_files(rules_dir())
    rules = load_rule_files(paths)
    text = source(paths, rules)
    check_module(text, paths, rules)
    return write(TARGET, text, only_check="--check" in args, command=f"python -m {__name__}")


if __name__ == "__main__":
    sys.exit(main())
