"""The package's version, read from the installed metadata on first use.

The version lives only in pyproject.toml. Modules that need it import this module, not
the package root, so that nothing depends on the root that imports everything.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.metadata import Distribution

__all__ = ["DISTRIBUTION", "name_and_version", "version"]

#: the distribution whose metadata holds the version (pyproject.toml's ``name``)
DISTRIBUTION = "interventie-advies"


@functools.cache
def version() -> str:
    """The installed version of interventie-advies (``0+unknown`` from a bare source tree)."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        return name_and_version(distribution(DISTRIBUTION))[1]
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


def name_and_version(dist: Distribution) -> tuple[str, str]:
    """``dist.name`` and ``dist.version``, read from the METADATA file's first lines.

    NOTE: ``Distribution.name`` and ``.version`` each parse the whole file with the email
    package (its headers and the README after them: 24 KB for this package) and import
    ``email.parser``: 10 M instructions of every ``advies run``, for two lines among the
    first few. The headers end at the first empty line; a header is found and its value
    read as the email package does (the first one whose name matches, case-insensitive,
    blanks after the colon dropped). A header folded over several lines, or missing, is
    left to the email package.
    """
    read = getattr(dist, "read_text", None)  # NOTE: a stand-in (tests) may have no files
    headers = _headers(read("METADATA")) if read is not None else {}
    name, version = headers.get("name"), headers.get("version")
    return (
        dist.name if name is None else name,
        dist.version if version is None else version,
    )


def _headers(metadata: str | None) -> dict[str, str | None]:
    """The first value of each header of a METADATA text, by lower-case name.

    None for a header folded over several lines (the caller asks the email package).
    """
    found: dict[str, str | None] = {}
    lines = (metadata or "").partition("\n\n")[0].splitlines()
    for i, line in enumerate(lines):
        name, colon, value = line.partition(":")
        key = name.lower()
        if not colon or key in found or line[:1] in (" ", "\t"):
            continue
        folded = i + 1 < len(lines) and lines[i + 1][:1] in (" ", "\t")
        found[key] = None if folded else value.lstrip(" \t")
    return found
