"""Read TOML with tomli.

NOTE: tomli is the project the standard library's ``tomllib`` was taken from; from
Python 3.11 on it publishes wheels compiled with mypyc, which parse a project file about
three times faster than ``tomllib`` (pure Python). Both give the same data and errors; on
Python 3.10 tomli is pure Python, as before. See docs/performance.md.
"""

from __future__ import annotations

import tomli

__all__ = ["TOMLDecodeError", "loads"]

TOMLDecodeError = tomli.TOMLDecodeError
loads = tomli.loads
