"""Checks that need the engine's catalogue: required plugins, extension tables, decisions.

:func:`phase_warnings` checks one thing more on every run: that the phase fits the dates.

``advies check`` (:meth:`Engine.check`) and every run call :func:`project_problems`, so a
file that passes one passes the other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._errors import Problem, UsageError
from ..messages._i18n import error_language, t

if TYPE_CHECKING:
    import datetime as dt

    from ..project._model import Project, ProjectInfo
    from ._setup import Setup

__all__ = [
    "ABSENT",
    "decision_problems",
    "extension_problems",
    "phase_warnings",
    "project_problems",
    "requirement_problems",
]


class _AbsentTable:
    """An extension table the project file does not have: every field reads as None."""

    def __getattr__(self, name: str) -> None:
        if name.startswith("__"):
            raise AttributeError(name)
        return None


ABSENT = _AbsentTable()


def project_problems(
    setup: Setup, project: Project, file: str | None
) -> tuple[list[Problem], list[str], dict[str, Any]]:
    """Everything beyond :func:`load_project` that a project must pass to be advised on.

    :returns: the problems (required plugins, then extension tables, then decisions), the
        warnings for the report, and the validated model of each extension table.
    """
    values: dict[str, Any] = {}
    problems = requirement_problems(setup, project, file)
    more, warnings = extension_problems(setup, project, file, values)
    problems += more
    problems += decision_problems(setup, project, file)
    return problems, warnings, values


def extension_problems(
    setup: Setup, project: Project, file: str | None, values: dict[str, Any] | None = None
) -> tuple[list[Problem], list[str]]:
    """Validate ``[extensions.NAME]`` tables; return problems and warnings.

    :param values: filled with the validated model of each extension table.
    """
    tables = project.extensions
    if not tables:
        return [], []
    from pydantic import ValidationError

    from ..project._problems import problems_from_validation

    known = setup.extensions
    problems: list[Problem] = []
    warnings: list[str] = []
    for name in sorted(tables):
        if name not in known:
            warnings.append(
                f"[extensions.{name}] is for a plugin that is not installed; it was not checked"
            )
            continue
        try:
            validated = known[name][1].model_validate(tables[name])
        except ValidationError as exc:
            problems += problems_from_validation(
                exc, file or "<project>", known[name][1], f"extensions.{name}"
            )
        else:
            if values is not None:
                values[name] = validated
    return problems, warnings


def requirement_problems(setup: Setup, project: Project, file: str | None) -> list[Problem]:
    """``[advies] require_plugins`` entries that no loaded plugin satisfies."""
    wanted = project.advies.require_plugins if project.advies else None
    if not wanted:
        return []
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    loaded = {
        canonicalize_name(info.distribution or info.name): info.version
        for info in setup.plugins
        if info.loaded
    }
    problems = []
    for i, text in enumerate(wanted):
        requirement = Requirement(text)
        version = loaded.get(canonicalize_name(requirement.name))
        path = f"advies.require_plugins[{i}]"
        if version is None:
            problems.append(
                Problem(
                    file or "<project>",
                    path,
                    t(
                        nl="dit bestand heeft plugin {n} nodig, maar die is niet geïnstalleerd "
                        "of laadt niet; installeer hem met: pip install '{x}'",
                        en="this file needs plugin {n}, which is not installed or did not load; "
                        "install it with: pip install '{x}'",
                        n=requirement.name,
                        x=text,
                    ),
                )
            )
        elif requirement.specifier and not requirement.specifier.contains(
            version, prereleases=True
        ):
            problems.append(
                Problem(
                    file or "<project>",
                    path,
                    t(
                        nl="dit bestand heeft {x} nodig, maar versie {v} is geïnstalleerd; "
                        "werk bij met: pip install --upgrade '{x}'",
                        en="this file needs {x}, but version {v} is installed; "
                        "upgrade with: pip install --upgrade '{x}'",
                        x=text,
                        v=version,
                    ),
                )
            )
    return problems


def decision_problems(setup: Setup, project: Project, file: str | None) -> list[Problem]:
    """Decisions that name no known rule (with a did-you-mean)."""
    problems = []
    for i, decision in enumerate(project.decisions or ()):
        try:
            setup.find_rule(decision.rule)
        except UsageError as exc:
            problems.append(Problem(file or "<project>", f"decisions[{i}].rule", str(exc)))
    return problems


#: a project whose start is at least this many months past is no longer being prepared
PHASE_START_MONTHS = 2


def phase_warnings(info: ProjectInfo, today: dt.date, lang: str) -> list[str]:
    """Warnings for a ``[project] phase`` that does not fit its dates on ``today``.

    The phase weighs every finding (docs/prioritisation.md), so a phase that was not
    updated gives advice for the wrong moment: the report says so, in ``lang``; the run
    goes on with the phase the file gives.
    """
    from ..messages import word
    from ..project._facts import months_between

    phase, start, end = info.phase, info.start, info.end
    if phase is None:
        return []
    # NOTE: which date the phase does not fit, decided before anything is said: most
    # phases fit, and entering the error language costs more than these checks
    if end is not None and today > end and phase in ("idea", "preparation", "execution"):
        which = "ended"
    elif (
        start is not None
        and phase in ("idea", "preparation")
        and months_between(start, today) >= PHASE_START_MONTHS
    ):
        which = "began"
    elif start is not None and today < start and phase in ("closing", "continuation"):
        which = "begins"
    else:
        return []
    with error_language(lang):
        if which == "ended":
            assert end is not None  # as checked above
            clause = t(
                nl="het project is volgens [project] end al op {d} gestopt",
                en="by [project] end the project already ended on {d}",
                d=end.isoformat(),
            )
        elif which == "began":
            assert start is not None
            clause = t(
                nl="het project is volgens [project] start al op {d} begonnen",
                en="by [project] start the project already began on {d}",
                d=start.isoformat(),
            )
        else:
            assert start is not None
            clause = t(
                nl="het project begint volgens [project] start pas op {d}",
                en="by [project] start the project only begins on {d}",
                d=start.isoformat(),
            )
        return [
            t(
                nl="de fase is '{p}', maar {c}; klopt de fase nog? "
                "Het advies gaat uit van de fase.",
                en="the phase is '{p}', but {c}; is the phase still right? "
                "The advice depends on it.",
                p=word(phase, lang),
                c=clause,
            )
        ]
