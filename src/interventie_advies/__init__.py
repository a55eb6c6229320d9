"""interventie-advies: advice for community arts projects with a social aim.

Describe a project in a TOML file; the engine runs rules for each of the twelve elements
(Movisie's five working elements, five collaboration principles and two tips) and
returns prioritised advice, sustainability warnings, strengths and questions.
"""

from __future__ import annotations

from ._collector import paused as _paused

# NOTE: the collector is paused while the package's modules are imported (see _collector)
with _paused():
    from ._errors import (
        AdviesError,
        PluginError,
        Problem,
        ProjectError,
        RuleConflictError,
        RuleError,
        UsageError,
    )
    from .engine._engine import Engine, advise
    from .hookspecs import hookimpl
    from .messages._i18n import error_language
    from .plugins._host import PluginInfo
    from .project._load import load_project
    from .project._model import Project
    from .report._report import Report
    from .report._values import Finding, Question, Strength
    from .rulebook._rules import Rule, load_rules
    from .rulebook._shipped import shipped_rules

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
    "shipped_rules",
]


def __getattr__(name: str) -> str:
    # NOTE: ``__version__`` is read from the installed metadata on first use, so the
    # version lives only in pyproject.toml and importing the package costs nothing for it
    if name == "__version__":
        from ._version import version

        return version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
