"""Hook specifications for interventie-advies plugins.

A plugin is a module or object with functions marked ``@hookimpl``, registered under the
entry-point group ``interventie_advies`` (the same string as the pluggy project name)::

    [project.entry-points.interventie_advies]
    jeugd = "interventie_advies_jeugd.plugin"

Every hook is prefixed ``advies_``. An implementation may leave out arguments it does
not use (pluggy passes only the ones it names).

Hooks are called through pluggy, one plugin at a time (so one that raises is reported
and the others still run), in pluggy's order: the built-in plugin, then installed plugins
by entry-point name, then ``--plugin`` modules; ``@hookimpl(tryfirst=True)`` and
``trylast=True`` move an implementation to the front or the back. Where two plugins
claim the same rule code, extension, fact or format name, the first in that order keeps
it. As in pluggy, ``None`` means nothing to add. Wrappers (``wrapper=True``,
``hookwrapper=True``) are refused for every hook, with the plugin reported as failed:
with one call per plugin there is no single call to wrap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from pydantic import BaseModel

    from .project._model import Project
    from .report._values import Finding
    from .rulebook._rules import Rule

__all__ = [
    "HOOKS",
    "PROJECT_NAME",
    "advies_facts",
    "advies_prioritise",
    "advies_project_extensions",
    "advies_renderers",
    "advies_rules",
    "hookimpl",
    "hookspec",
]

PROJECT_NAME = "interventie_advies"

#: Marker for hook specifications (used by this module).
hookspec = pluggy.HookspecMarker(PROJECT_NAME)
#: Marker for hook implementations: decorate plugin functions with ``@hookimpl``.
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)

#: the names of the hooks below
HOOKS = (
    "advies_facts",
    "advies_prioritise",
    "advies_project_extensions",
    "advies_renderers",
    "advies_rules",
)


@hookspec
def advies_rules() -> Sequence[Rule]:  # type: ignore[empty-body]
    """Contribute rules to the engine.

    Called once per :class:`~interventie_advies.Engine`, when it first needs its rules
    (never at import time). The built-in rules come through this same hook. Return rules
    from :func:`~interventie_advies.load_rules` (rule files shipped in the plugin
    package) or :class:`~interventie_advies.Rule` objects built in Python.

    A rule code must be unique across all plugins; a collision is an error naming both
    sources, and the rule of the plugin asked first stays (the built-in rules always
    do). Rules whose ``plugin`` is empty get the plugin's name. A plugin may add at most
    5,000 rules; one that returns more is reported and none of its rules are used.

    :returns: a list of :class:`~interventie_advies.Rule`.

    Results are collected from every plugin.
    """


@hookspec
def advies_project_extensions() -> Mapping[str, type[BaseModel]]:  # type: ignore[empty-body]
    """Register models for ``[extensions.NAME]`` tables of the project file.

    Called once per engine, before the first project is validated. Each model validates
    the table of its NAME like the rest of the file: errors name ``extensions.NAME.field``.
    A NAME claimed by two plugins is reported as a plugin failure of the second.

    :returns: a mapping of extension NAME to a pydantic model class.

    Results are collected from every plugin.
    """


@hookspec
def advies_facts(project: Project, facts: Mapping[str, Any]) -> Mapping[str, Any]:  # type: ignore[empty-body]
    """Derive extra facts that conditions read as ``facts.NAME``.

    Called once for every project the engine advises on, after validation and after
    the built-in facts are computed, possibly from several threads at once (keep no
    state of one project for the next). A fact that cannot be derived should be ``None``
    (unknown, so rules that need it ask a question). Rules that read a plugin fact declare
    it in ``facts`` (rule or ``[pack]``) so its path is checked when the rule is loaded.

    :param project: the validated project.
    :param facts: the built-in facts computed so far (read only).
    :returns: a mapping of fact NAME to value; names must not replace built-in facts.

    Results are collected from every plugin and merged.
    """


@hookspec(firstresult=True)
def advies_prioritise(
    findings: Sequence[Finding], project: Project, lang: str
) -> Sequence[Finding] | None:
    """Replace the prioritisation of findings.

    Called once per advised project with the findings that fired (recommendations and
    warnings, strengths and questions excluded), each already scored by the built-in
    prioritiser, possibly from several threads at once. Return them in the order to
    show, with ``score`` and ``score_factors`` set as you see fit
    (``dataclasses.replace``), or ``None`` to leave the order to the next
    implementation. The result must be a permutation of ``findings``; anything else is
    reported as a plugin failure and the built-in order is used.

    :param findings: the scored findings, in the built-in order.
    :param project: the validated project.
    :param lang: the report's language (``nl`` or ``en``), for the ``score_factors`` lines
        the plugin adds (implementations may leave it out).
    :returns: the findings in their new order, or ``None``.

    The first non-``None`` result wins (``firstresult``), in pluggy's order: a
    ``tryfirst`` implementation is asked before the others.
    """


@hookspec
def advies_renderers() -> Mapping[str, Any]:  # type: ignore[empty-body]
    """Add output formats for ``advies run --format NAME`` and ``Report.render(NAME)``.

    Called once per engine, when it is first used (with the rules and extensions). A
    renderer is a callable
    ``renderer(report: Report) -> str``. Built-in format names cannot be replaced; a
    name two plugins give goes to the first in pluggy's order (``tryfirst`` first).

    :returns: a mapping of format NAME to renderer.

    Results are collected from every plugin.
    """
