"""The built-in plugin: the rules in the top-level ``rules/`` folder, one file per element.

It is registered through the same ``advies_rules`` hook as any third-party plugin. The
rules are shipped validated and compiled (``_builtin_data``, written from the rule files by
``python -m interventie_advies.plugins._generate``), as any plugin can ship its own
(``rulebook._shipped``); a checksum of the rule files tells when one was edited after
that, and then the files themselves are loaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..hookspecs import hookimpl
from ..rulebook._shipped import checksum

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..rulebook._rules import Rule

__all__ = [
    "advies_rules",
    "builtin_rules",
    "checksum",
    "load_rule_files",
    "rule_files",
    "rules_dir",
]


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


def rule_files(folder: Path) -> list[Path]:
    """The rule files in ``folder``: element order first, then any other file by name."""
    from ..rulebook._elements import ELEMENT_IDS

    files = {path.stem: path for path in folder.glob("*.toml")}
    # NOTE: element order first (elements.md), then any other file by name, so the
    # order of evaluation never depends on the file system.
    return [files.pop(e) for e in ELEMENT_IDS if e in files] + [files[k] for k in sorted(files)]


def builtin_rules(folder: Path) -> list[Rule]:
    """The built-in rules: as shipped, or loaded from ``folder`` when its files differ.

    Without rule files in ``folder`` (none installed), the shipped rules hold.
    """
    from ..rulebook._rebuild import Builder
    from ..rulebook._shipped import load_shipped, settings
    from . import _builtin_data
    from ._host import BUILTIN

    paths = rule_files(folder)
    origins = [f"rules/{path.name}" for path in paths]
    if not paths:
        return _builtin_data.build(Builder([f"rules/{name}" for name in _builtin_data.FILES]))
    # NOTE: loaded in every process, never from a cache folder: see docs/performance.md
    return load_shipped(_builtin_data, paths, origins, settings(BUILTIN, (), (), None), None)


def load_rule_files(paths: Sequence[Path]) -> list[Rule]:
    """Load and validate the built-in rule files ``paths``, in this order."""
    from ..rulebook._rules import load_rules
    from ._host import BUILTIN

    rules: list[Rule] = []
    for path in paths:
        rules.extend(load_rules(path, plugin=BUILTIN, origin=f"rules/{path.name}"))
    return rules


@hookimpl
def advies_rules() -> list[Rule]:
    """Return the built-in rules, in element order and file order."""
    return builtin_rules(rules_dir())
