"""The built-in plugin: the rules in the top-level ``rules/`` folder, one file per element.

It is registered through the same ``advies_rules`` hook as any third-party plugin.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..hookspecs import hookimpl

if TYPE_CHECKING:
    from ..rulebook._rules import Rule

__all__ = ["advies_rules", "rules_dir"]


def rules_dir() -> Path:
    """The folder with the built-in rule files.

    An installed wheel carries them inside the package; an editable install or a source
    checkout reads them from the repository's ``rules/``.
    """
    # NOTE: the package folder itself (this module is in its plugins/), as
    # importlib.resources.files() would give for an installed package, without importing
    # importlib.resources (~3 ms of start-up)
    here = Path(__file__).resolve().parents[1]
    packaged = here / "rules"
    if packaged.is_dir():
        return packaged
    return here.parents[1] / "rules"


@hookimpl
def advies_rules() -> list[Rule]:
    """Return the built-in rules, in element order and file order."""
    from ..rulebook._elements import ELEMENT_IDS
    from ..rulebook._rules import load_rules
    from ._host import BUILTIN

    folder = rules_dir()
    files = {path.stem: path for path in folder.glob("*.toml")}
    # NOTE: element order first (elements.md), then any other file by name, so the
    # order of evaluation never depends on the file system.
    ordered = [files.pop(e) for e in ELEMENT_IDS if e in files] + [files[k] for k in sorted(files)]
    # NOTE: loaded in every process, never from a cache folder: see docs/performance.md
    rules: list[Rule] = []
    for path in ordered:
        rules.extend(load_rules(path, plugin=BUILTIN, origin=f"rules/{path.name}"))
    return rules
