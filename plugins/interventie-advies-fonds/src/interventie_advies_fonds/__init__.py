"""interventie-advies-fonds: what a fund adds to interventie-advies.

A project opts in with an ``[extensions.fonds]`` table. The plugin then adds four Python
rules (codes ``FND``), ranks the advice by reach and cost per participant, and offers a
CSV output format (``advies run --format csv``). Projects without the table get exactly
the advice they got before the plugin was installed.
"""

from __future__ import annotations

# NOTE: keep equal to [project] version in pyproject.toml (a test checks it); the engine
# shows it when the plugin module is registered directly, without its entry point.
__version__ = "1.0.0"

__all__ = ["__version__"]
