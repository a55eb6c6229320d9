"""The package's version, read from the installed metadata on first use.

The version lives only in pyproject.toml. Modules that need it import this module, not
the package root, so that nothing depends on the root that imports everything.
"""

from __future__ import annotations

import functools

__all__ = ["DISTRIBUTION", "version"]

#: the distribution whose metadata holds the version (pyproject.toml's ``name``)
DISTRIBUTION = "interventie-advies"


@functools.cache
def version() -> str:
    """The installed version of interventie-advies (``0+unknown`` from a bare source tree)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed(DISTRIBUTION)
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"
