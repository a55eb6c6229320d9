"""Rules shipped validated: built from a module written from the rule files, while it fits.

A plugin (and the built-in one) can ship its rule files validated and compiled, as a
Python module in its package written by ``python -m interventie_advies.ship``
(docs/plugins.md). :func:`shipped_rules` builds the rules from that module when it was
written by this format of the package (``_rebuild.format_id``), from the same files (a
CRC-32 of their names, sizes and bytes) and with the same settings (plugin, facts,
elements, extension models); otherwise it loads the files with ``load_rules``, as a
plugin without the module does, with the same errors.

NOTE: the module is part of the plugin's package, as trusted as its ``.py`` files; nothing
is read from a cache folder (issue 11).
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import os
    import types
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from pydantic import BaseModel

    from ._rules import Rule

__all__ = ["checksum", "load_shipped", "settings", "shipped_rules"]


def checksum(paths: Sequence[Path]) -> str:
    """A CRC-32 of the rule files' names, sizes and bytes, in their order.

    NOTE: it tells a rule file edited after the module was written from the files it was
    written from. It guards against no one (whoever can change the files can change the
    package's code), so a CRC does: 2 M instructions where SHA-256 takes 9 M, and
    importing ``hashlib`` 11 M.
    """
    crc = 0
    for path in paths:
        data = path.read_bytes()
        crc = zlib.crc32(f"{path.name}\0{len(data)}\0".encode(), crc)
        crc = zlib.crc32(data, crc)
    return f"{crc:08x}"


def settings(
    plugin: str,
    facts: Iterable[str],
    elements: Iterable[str],
    extensions: Mapping[str, type[BaseModel]] | None,
) -> dict[str, Any]:
    """What rule files are validated with, as a written module records it (plain values).

    An extension model is named by its module and qualified name: a module written with
    other models (or none) is not used.
    """
    return {
        "plugin": plugin,
        "facts": tuple(facts),
        "elements": tuple(elements),
        "extensions": None
        if extensions is None
        else {name: f"{m.__module__}.{m.__qualname__}" for name, m in sorted(extensions.items())},
    }


def shipped_rules(
    module: types.ModuleType,
    files: Sequence[str | os.PathLike[str]],
    *,
    plugin: str = "",
    facts: Iterable[str] = (),
    elements: Iterable[str] = (),
    extensions: Mapping[str, type[BaseModel]] | None = None,
    load: Callable[[], Iterable[Rule]] | None = None,
) -> list[Rule]:
    """The rules of ``files``, from ``module`` while it was written from them as they are.

    ``module`` is the plugin's own module written by ``python -m interventie_advies.ship``
    from ``files`` with the same settings (docs/plugins.md). It is used when it was written
    for this version's format, from files with the same names and bytes, with the same
    ``plugin``, ``facts``, ``elements`` and ``extensions``; otherwise (a rule file edited,
    another version of interventie-advies) each file is loaded with :func:`load_rules`, in
    order, with the same arguments and errors. Either way the rules are the same.

    Rules built in Python are shipped the same way: ``load`` is the function that builds
    and validates them (``ship --python``), ``files`` the Python files they are made from
    (their source, and the models they are checked against); ``load()`` is called instead
    of the module when those differ. Their ``when`` functions are found by their names.

    :param module: the written module (imported by the plugin).
    :param files: the rule files, in the order they were written.
    :param plugin: the plugin name recorded on each rule (set by the engine if empty).
    :param facts: names of plugin facts the conditions may read.
    :param elements: element ids a plugin adds, beside the built-in twelve.
    :param extensions: extension models conditions may read (see :func:`load_rules`).
    :param load: for rules built in Python, the function that builds them validated.
    :raises RuleError: when a file is loaded and is not valid.
    """
    paths = [Path(file) for file in files]
    given = settings(plugin, facts, elements, extensions)
    if load is not None:
        return load_shipped(module, paths, (), given, extensions, load)
    return load_shipped(module, paths, [str(file) for file in files], given, extensions)


def load_shipped(
    module: types.ModuleType,
    paths: Sequence[Path],
    origins: Sequence[str],
    given: Mapping[str, Any],
    extensions: Mapping[str, type[BaseModel]] | None,
    load: Callable[[], Iterable[Rule]] | None = None,
) -> list[Rule]:
    """Build the rules of ``module``, or load ``paths`` (see :func:`shipped_rules`).

    :param origins: how the rules name each file (``load_rules``'s ``origin``).
    :param given: the :func:`settings` to validate with; ``extensions`` their models.
    :param load: builds the rules instead of loading ``paths`` (rules built in Python).
    """
    if _fits(module, paths, given):
        from ._rebuild import Builder

        rules: list[Rule] = module.build(Builder(origins))
        return rules
    if load is not None:
        return list(load())
    from ._rules import load_rules

    rules = []
    for path, origin in zip(paths, origins, strict=True):
        rules += load_rules(
            path,
            plugin=given["plugin"],
            facts=given["facts"],
            elements=given["elements"],
            origin=origin,
            extensions=extensions,
        )
    return rules


def _fits(module: types.ModuleType, paths: Sequence[Path], given: Mapping[str, Any]) -> bool:
    """Whether ``module`` was written in this format, with ``given``, from ``paths`` as they are."""
    from ._rebuild import format_id

    # NOTE: the format first: a module written for another one is never read further
    if getattr(module, "FORMAT", None) != format_id():
        return False
    if getattr(module, "SETTINGS", None) != given:
        return False
    if getattr(module, "FILES", None) != tuple(path.name for path in paths):
        return False
    try:
        crc = checksum(paths)
    except OSError:
        return False  # NOTE: load_rules says what is wrong with the file, as without it
    return crc == getattr(module, "CRC32", None)
