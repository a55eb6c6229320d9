"""interventie-advies: advice for community arts projects with a social aim.

Describe a project in a TOML file; the engine runs rules for each of the twelve elements
(Movisie's five working elements, five collaboration principles and two tips) and
returns prioritised advice, sustainability warnings, strengths and questions.
"""

from __future__ import annotations

import functools

from ._engine import Engine, advise
from ._errors import (
    AdviesError,
    PluginError,
    Problem,
    ProjectError,
    RuleConflictError,
    RuleError,
    UsageError,
)
from ._host import PluginInfo
from ._i18n import error_language
from ._load import load_project
from ._project import Project
from ._report import Finding, Question, Report, Strength
from ._rules import Rule, load_rules
from .hookspecs import hookimpl

__all__ = [
    "AdviesError",
    "Engine",
    "Finding",
    "PluginError",
    "PluginInfo",
    "Problem",
    "Project",
    "ProjectError",
    "Question",
    "Report",
    "Rule",
    "RuleConflictError",
    "RuleError",
    "Strength",
    "UsageError",
    "__version__",
    "advise",
    "error_language",
    "hookimpl",
    "load_project",
    "load_rules",
]

#: the distribution whose metadata holds the version (pyproject.toml's ``name``)
DISTRIBUTION = "interventie-advies"


@functools.cache
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


def __getattr__(name: str) -> str:
    # NOTE: ``__version__`` is read from the installed metadata on first use, so the
    # version lives only in pyproject.toml and importing the package costs nothing for it
    if name == "__version__":
        return _version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
