"""The engine: rules (gathered through pluggy) → findings, questions, strengths, errors.

An Engine loads plugins and compiles rules once, on first use, into an immutable
catalogue (:class:`~interventie_advies.engine._setup.Setup`), and can then advise on any number
of projects, from any number of threads: all state of one project lives in its run.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._collector import kept
from .._errors import ProjectError, shown_name
from ..plugins._host import CallLog, PluginHost, PluginInfo, PluginProblem
from ..project._load import load_project
from ._checks import project_problems
from ._evaluate import Evaluator, prepare
from ._gather import gather_rules
from ._plan import Planned, plan
from ._run import Run
from ._setup import PluginRenderer, Setup, gather_extensions, gather_renderers

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from pydantic import BaseModel

    from ..project._model import Project
    from ..report._report import Report
    from ..rulebook._rules import Rule
    from ._fixed import Fixed

__all__ = ["Engine", "PluginRenderer", "advise"]


class Engine:
    """Reusable advice engine: loads plugins and compiles rules once.

    One engine may be shared between threads: it builds its catalogue once, under a
    lock, and keeps nothing of a project after advising on it.

    :param plugins: plugin objects to use instead of the installed ones (``None``: the
        installed entry points of group ``interventie_advies``; ``()``: built-in rules only).
    :param rules: extra rule files (``--rules``).
    :param modules: import paths of extra plugin modules (``--plugin``).
    :param disabled: plugin names not to load (also ``ADVIES_DISABLE_PLUGINS``).
    :param strict: raise :class:`PluginError` when a plugin or rule fails.
    :param builtin: include the built-in rules (default); plugin test harnesses turn it off.
    :param profile: keep the time spent per rule and per plugin hook (``timings``).
    """

    def __init__(
        self,
        *,
        plugins: Sequence[object] | None = None,
        rules: Iterable[str | os.PathLike[str]] = (),
        modules: Sequence[str] = (),
        disabled: Iterable[str] = (),
        strict: bool = False,
        builtin: bool = True,
        profile: bool = False,
    ) -> None:
        self._plugin_arg = plugins
        self._builtin = builtin
        self._rule_files = tuple(Path(p) for p in rules)
        self._modules = tuple(modules)
        self._disabled = tuple(disabled)
        self.strict = strict
        self._setup: Setup | None = None
        self._setup_lock = threading.Lock()
        # NOTE: the caches below are only read and written whole (dict get and set), so
        # threads that race on them at worst build an equal value twice
        self._evaluators: dict[tuple[int, ...] | None, Evaluator] = {}
        #: the fields of findings but their facts (rank, reasons, texts) by rule, adjustment
        #: and what they read of a project (see Run.fire)
        self.rankings: dict[tuple[Any, ...], Fixed] = {}
        self._stats_lock = threading.Lock()
        self._timings: dict[tuple[str, str], float] | None = {} if profile else None
        self._projects = 0

    @property
    def settings(self) -> dict[str, Any]:
        """The arguments this engine was built with (to build an equal one elsewhere)."""
        return {
            "plugins": self._plugin_arg,
            "rules": self._rule_files,
            "modules": self._modules,
            "disabled": self._disabled,
            "strict": self.strict,
            "builtin": self._builtin,
            "profile": self._timings is not None,
        }

    # -- the catalogue, built once ---------------------------------------------------

    @property
    def setup(self) -> Setup:
        """The catalogue: plugins, rules, plan, extensions, renderers (built on first use)."""
        setup = self._setup
        if setup is None:
            with self._setup_lock:
                setup = self._setup
                if setup is None:
                    # NOTE: the catalogue is thousands of objects made at once and kept
                    # (rules, their parts, the plan): in the console script, the collector
                    # is paused meanwhile and they are frozen (see _collector)
                    with kept():
                        setup = self._setup = self._build()
        return setup

    def _build(self) -> Setup:
        from .._version import version
        from ..plugins import _builtin

        __version__ = version()

        builtin = (_builtin, __version__) if self._builtin else None
        host = PluginHost(self._plugin_arg, self._modules, self._disabled, builtin)
        log = CallLog(host.versions, timed=True)
        extensions = gather_extensions(host, log)
        rules = gather_rules(host, log, extensions, self._rule_files)
        renderers = gather_renderers(host, log)
        return Setup.make(
            host,
            rules,
            plan(rules),
            extensions,
            renderers,
            (*host.problems, *log.problems),
            {**host.timings, **log.timings},
            __version__,
        )

    @property
    def host(self) -> PluginHost:
        """The plugin host."""
        return self.setup.host

    @property
    def plugins(self) -> list[PluginInfo]:
        """Every plugin the engine tried to load, with its failure if it failed."""
        return self.setup.plugins

    @property
    def rules(self) -> tuple[Rule, ...]:
        """All rules, compiled, in evaluation order (built-in first)."""
        return self.setup.rules

    @property
    def extensions(self) -> Mapping[str, tuple[str, type[BaseModel]]]:
        """Extension NAME → (plugin, model) registered through advies_project_extensions."""
        return self.setup.extensions

    @property
    def renderers(self) -> Mapping[str, Any]:
        """Output formats added by plugins (format NAME → renderer)."""
        return self.setup.renderers

    @property
    def plan(self) -> tuple[Planned, ...]:
        """The rules compiled into the execution plan."""
        return self.setup.plan

    @property
    def problems(self) -> tuple[PluginProblem, ...]:
        """What went wrong while loading plugins and gathering rules, formats, extensions."""
        return self.setup.problems

    @property
    def tool_info(self) -> dict[str, Any]:
        """The report's ``tool`` part (the same for every project of this engine)."""
        return self.setup.tool

    def element_layout(self, lang: str) -> tuple[dict[str, str], dict[str, str]]:
        """Element titles in report order and the element of each rule."""
        return self.setup.layouts[lang]

    def find_rule(self, token: str) -> Rule:
        """The rule with this code or name; UsageError with a did-you-mean otherwise."""
        return self.setup.find_rule(token)

    def evaluator(self, active: tuple[Planned, ...]) -> Evaluator:
        """The evaluator running ``active`` (a selection of the plan), built once."""
        whole = self.plan
        key: tuple[int, ...] | None = None  # the whole plan
        if active is not whole:
            index = {id(p): i for i, p in enumerate(whole)}
            key = tuple(index[id(p)] for p in active)
        found = self._evaluators.get(key)
        if found is None:
            found = prepare(active)
            if len(self._evaluators) >= 64:  # many select/ignore combinations: keep it bounded
                self._evaluators.clear()
            self._evaluators[key] = found
        return found

    # -- what profiling counts ----------------------------------------------------------

    @property
    def timings(self) -> dict[tuple[str, str], float] | None:
        """With ``profile``: seconds per (plugin, rule code or hook), over all projects.

        The time spent building the catalogue (imports, ``advies_rules``, ...) is in
        ``setup.timings``, kept with or without ``profile``.
        """
        if self._timings is None:
            return None
        with self._stats_lock:
            return dict(self._timings)

    @property
    def profiling(self) -> bool:
        """True when this engine keeps timings (``profile``)."""
        return self._timings is not None

    @property
    def projects(self) -> int:
        """How many projects this engine advised on (or tried to)."""
        return self._projects

    def note_run(self, timings: Mapping[tuple[str, str], float]) -> None:
        """Count one run and add its timings (called by each run when it ends)."""
        with self._stats_lock:
            self._projects += 1
            if self._timings is not None:
                for key, seconds in timings.items():
                    self._timings[key] = self._timings.get(key, 0.0) + seconds

    # -- advising ----------------------------------------------------------------------

    def check(
        self, source: Any = None, *, text: str | None = None, file: str | None = None
    ) -> Project:
        """Load and fully validate a project, as ``advies check`` does.

        Beyond :func:`load_project`: required plugins, ``[extensions.NAME]`` tables
        against the models plugins register, and ``[[decisions]]`` naming rules that
        exist; ``advise`` checks the same, in the same way. ``source`` and ``text`` are as
        for :func:`load_project`.

        :raises ProjectError: with every problem found.
        """
        file = _file_name(source, file)
        project = load_project(source, text=text, file=file)
        problems, _, _ = project_problems(self.setup, project, file)
        if problems:
            raise ProjectError(problems)
        return project

    def advise(
        self,
        project: Project | str | os.PathLike[str] | Mapping[str, Any] | None = None,
        *,
        text: str | None = None,
        lang: str | None = None,
        date: dt.date | str | None = None,
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        file: str | None = None,
    ) -> Report:
        """Advise on one project (safe to call from several threads at once).

        :param project: a Project, the path of a project file, or a dict.
        :param text: TOML text, instead of ``project`` (a string is always a path).
        :param lang: ``nl`` or ``en``; default: the file's ``[advies] language``, else
            ``ADVIES_LANG``, else ``nl``.
        :param date: the evaluation date, or ISO text such as ``"2026-11-01"`` (default:
            today).
        :param select: only rules matching these codes, names, element ids or plugins.
        :param ignore: leave out rules matching these.
        :raises ProjectError: the project is invalid.
        :raises UsageError: select/ignore or a decision names an unknown rule.
        :raises PluginError: with ``strict``, when a plugin or rule failed.
        """
        if date is not None and type(date) is not dt.date:  # ISO text, or a mistake
            from ..project._input import evaluation_date

            date = evaluation_date(date)
        file = _file_name(project, file)
        proj = load_project(project, text=text, file=file)
        return Run(self, proj, file, lang, date, select, ignore).report()


def _file_name(source: object, file: str | None) -> str | None:
    """The name a report and its errors give a project: a path as shown safely."""
    if file is None and isinstance(source, (str, os.PathLike)):
        return shown_name(source)
    return file


def advise(
    project: Project | str | os.PathLike[str] | Mapping[str, Any] | None = None,
    *,
    text: str | None = None,
    lang: str | None = None,
    date: dt.date | str | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    plugins: Sequence[object] | None = None,
    rules: Iterable[str | os.PathLike[str]] = (),
    strict: bool = False,
) -> Report:
    """Advise on one project in one call (builds a fresh :class:`Engine`).

    For many projects, build one ``Engine`` and call ``engine.advise`` for each.
    ``project`` and ``text`` are as for :meth:`Engine.advise`.
    """
    engine = Engine(plugins=plugins, rules=rules, strict=strict)
    return engine.advise(project, text=text, lang=lang, date=date, select=select, ignore=ignore)
