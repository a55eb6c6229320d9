"""The built-in plugin: the rules in the top-level ``rules/`` folder, one file per element.

It is registered through the same ``advies_rules`` hook as any third-party plugin. The
rules are shipped validated and compiled (``_builtin_data``, written from the rule files by
``python -m interventie_advies.plugins._generate``); a checksum of the rule files tells
when one was edited after that, and then the files themselves are loaded.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from ..hookspecs import hookimpl

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


def checksum(paths: Sequence[Path]) -> str:
    """A CRC-32 of the rule files' names, sizes and bytes, in their order.

    NOTE: it tells a rule file edited after ``_builtin_data`` was written (in a source
    checkout or an editable install) from the files it was written from. It guards
    against no one (whoever can change the files can change the package's code), so a CRC
    does: 2 M instructions where SHA-256 takes 9 M, and importing ``hashlib`` 11 M.
    """
    crc = 0
    for path in paths:
        data = path.read_bytes()
        crc = zlib.crc32(f"{path.name}\0{len(data)}\0".encode(), crc)
        crc = zlib.crc32(data, crc)
    return f"{crc:08x}"


def builtin_rules(folder: Path) -> list[Rule]:
    """The built-in rules: as shipped, or loaded from ``folder`` when its files differ.

    Without rule files in ``folder`` (none installed), the shipped rules hold.
    """
    from ..rulebook._rebuild import Builder
    from . import _builtin_data

    paths = rule_files(folder)
    # NOTE: loaded in every process, never from a cache folder: see docs/performance.md
    if paths and checksum(paths) != _builtin_data.CRC32:
        return load_rule_files(paths)
    return _builtin_data.build(Builder())


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
