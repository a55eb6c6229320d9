"""The engine: rules (gathered through pluggy) → findings, questions, strengths, errors.

An Engine loads plugins and compiles rules once, on first use, and can then advise on
any number of projects.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ._checks import decision_problems, extension_problems, requirement_problems
from ._errors import PluginError, ProjectError, RuleConflictError, UsageError
from ._evaluate import Evaluator, prepare
from ._host import PluginHost, PluginInfo
from ._i18n import t
from ._load import load_project, suggest
from ._plan import Planned, plan
from ._rules import Rule, load_rules
from ._run import Run, tool_info
from ._status import element_layout

if TYPE_CHECKING:
    import datetime as dt

    from ._project import Project
    from ._report import Report

__all__ = ["Engine", "PluginRenderer", "advise"]


class Engine:
    """Reusable advice engine: loads plugins and compiles rules once.

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
        self._host: PluginHost | None = None
        self._rules: tuple[Rule, ...] | None = None
        self._extensions: dict[str, tuple[str, type[BaseModel]]] | None = None
        self._renderers: dict[str, Any] | None = None
        self._plan: tuple[Planned, ...] | None = None
        self._evaluators: dict[tuple[int, ...] | None, Evaluator] = {}
        self._layouts: dict[str, tuple[dict[str, str], dict[str, str]]] = {}
        #: rankings of findings by rule, priority and what the ranking reads of a project
        self.rankings: dict[tuple[Any, ...], tuple[str, float, tuple[str, ...]]] = {}
        self._tool: dict[str, Any] | None = None
        self._index: dict[str, Rule] | None = None
        #: with ``profile``: seconds spent per (plugin, rule code or hook), over all projects
        self.timings: dict[tuple[str, str], float] | None = {} if profile else None
        self.projects = 0

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
            "profile": self.timings is not None,
        }

    # -- set-up, done once and cached ------------------------------------------------

    @property
    def host(self) -> PluginHost:
        """The plugin host (built on first use)."""
        if self._host is None:
            self._host = PluginHost(self._plugin_arg, self._modules, self._disabled, self._builtin)
        return self._host

    @property
    def plugins(self) -> list[PluginInfo]:
        """Every plugin the engine tried to load, with its failure if it failed."""
        return list(self.host.infos.values())

    @property
    def rules(self) -> tuple[Rule, ...]:
        """All rules, compiled, in evaluation order (built-in first)."""
        if self._rules is None:
            self._rules = self._gather_rules()
        return self._rules

    def _gather_rules(self) -> tuple[Rule, ...]:
        host = self.host
        by_code: dict[str, Rule] = {}
        gathered: list[Rule] = []
        for plugin, result in host.call_each("advies_rules"):
            if not isinstance(result, (list, tuple)) or not all(
                isinstance(r, Rule) for r in result
            ):
                host.report(
                    plugin,
                    f"advies_rules must return a list of Rule objects, got {type(result).__name__}",
                )
                continue
            for rule in result:
                if not rule.plugin:
                    rule = rule.model_copy(update={"plugin": plugin})
                if rule.code in by_code:
                    first = by_code[rule.code]
                    host.report(
                        plugin,
                        f"rule code {rule.code} is already defined by {_where(first)}; "
                        f"the rule from {_where(rule)} is left out",
                        rule.code,
                    )
                    continue
                by_code[rule.code] = rule
                gathered.append(rule)
        for path in _rule_paths(self._rule_files):
            for rule in load_rules(path, plugin=f"file:{path.name}"):
                if rule.code in by_code:
                    raise RuleConflictError(rule.code, _where(by_code[rule.code]), str(path))
                by_code[rule.code] = rule
                gathered.append(rule)
        return tuple(gathered)

    @property
    def extensions(self) -> dict[str, tuple[str, type[BaseModel]]]:
        """Extension NAME → (plugin, model) registered through advies_project_extensions."""
        if self._extensions is None:
            found: dict[str, tuple[str, type[BaseModel]]] = {}
            for plugin, result in self.host.call_each("advies_project_extensions"):
                if not isinstance(result, Mapping):
                    self.host.report(plugin, "advies_project_extensions must return a dict")
                    continue
                for name, model in result.items():
                    if not (isinstance(model, type) and issubclass(model, BaseModel)):
                        self.host.report(plugin, f"extension {name!r} is not a pydantic model")
                    elif name in found:
                        self.host.report(
                            plugin,
                            f"extension name {name!r} is already taken by plugin "
                            f"{found[name][0]}; this one is left out",
                        )
                    else:
                        found[name] = (plugin, model)
            self._extensions = found
        return self._extensions

    @property
    def renderers(self) -> dict[str, Any]:
        """Output formats added by plugins (format NAME → renderer)."""
        if self._renderers is None:
            from ._render import BUILTIN_FORMATS

            found: dict[str, Any] = {}
            for plugin, result in self.host.call_each("advies_renderers"):
                if not isinstance(result, Mapping):
                    self.host.report(plugin, "advies_renderers must return a dict")
                    continue
                for name, renderer in result.items():
                    if name in BUILTIN_FORMATS or name in found or not callable(renderer):
                        self.host.report(
                            plugin,
                            f"renderer {name!r} is left out (taken, built in, or not callable)",
                        )
                    else:
                        found[name] = PluginRenderer(
                            plugin, self.host.version(plugin), name, renderer
                        )
            self._renderers = found
        return self._renderers

    @property
    def plan(self) -> tuple[Planned, ...]:
        """The rules compiled into the execution plan (built once)."""
        if self._plan is None:
            self._plan = plan(self.rules)
        return self._plan

    def element_layout(self, lang: str) -> tuple[dict[str, str], dict[str, str]]:
        """Element titles in report order and the element of each rule (built once)."""
        found = self._layouts.get(lang)
        if found is None:
            found = self._layouts[lang] = element_layout(self.rules, lang)
        return found

    def evaluator(self, active: tuple[Planned, ...]) -> Evaluator:
        """The evaluator running ``active`` (a selection of the plan), built once."""
        key: tuple[int, ...] | None = None  # the whole plan
        if active is not self.plan:
            index = {id(p): i for i, p in enumerate(self.plan)}
            key = tuple(index[id(p)] for p in active)
        found = self._evaluators.get(key)
        if found is None:
            found = prepare(active)
            if len(self._evaluators) >= 64:  # many select/ignore combinations: keep it bounded
                self._evaluators.clear()
            self._evaluators[key] = found
        return found

    @property
    def tool_info(self) -> dict[str, Any]:
        """The report's ``tool`` part (the same for every project of this engine)."""
        if self._tool is None:
            self._tool = tool_info(self)
        return self._tool

    def find_rule(self, token: str) -> Rule:
        """The rule with this code or name; UsageError with a did-you-mean otherwise."""
        if self._index is None:
            self._index = {key: r for r in self.rules for key in (r.code, r.name)}
        rule = self._index.get(token) or self._index.get(token.upper())
        if rule is not None:
            return rule
        hint = suggest(token, self._index)
        raise UsageError(
            t("unknown rule {x!r}", "onbekende regel {x!r}", x=token)
            + (t("; did you mean {h!r}?", "; bedoel je {h!r}?", h=hint) if hint else "")
        )

    # -- advising ----------------------------------------------------------------------

    def check(self, source: Any, *, file: str | None = None) -> Project:
        """Load and fully validate a project, as ``advies check`` does.

        Beyond :func:`load_project`: ``[extensions.NAME]`` tables against the models
        plugins register, and ``[[decisions]]`` naming rules that exist.

        :raises ProjectError: with every problem found.
        """
        if file is None and isinstance(source, (os.PathLike, str)) and "\n" not in str(source):
            file = str(source)
        project = load_project(source, file=file)
        problems = requirement_problems(self, project, file)
        problems += extension_problems(self, project, file)[0]
        problems += decision_problems(self, project, file)
        if problems:
            raise ProjectError(problems)
        return project

    def advise(
        self,
        project: Project | str | os.PathLike[str] | Mapping[str, Any],
        *,
        lang: str | None = None,
        date: dt.date | None = None,
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        file: str | None = None,
    ) -> Report:
        """Advise on one project.

        :param project: a Project, a path, TOML text or a dict.
        :param lang: ``nl`` or ``en``; default: the file's ``[advies] language``, else
            ``ADVIES_LANG``, else ``nl``.
        :param date: the evaluation date (default: today).
        :param select: only rules matching these codes, names, element ids or plugins.
        :param ignore: leave out rules matching these.
        :raises ProjectError: the project is invalid.
        :raises UsageError: select/ignore or a decision names an unknown rule.
        :raises PluginError: with ``strict``, when a plugin or rule failed.
        """
        if (
            isinstance(project, (str, os.PathLike))
            and file is None
            and not (isinstance(project, str) and "\n" in project)
        ):
            file = str(project)
        proj = load_project(project, file=file)
        return Run(self, proj, file, lang, date, select, ignore).report()


@dataclass(frozen=True)
class PluginRenderer:
    """A plugin's output format; a failure becomes a PluginError naming the plugin."""

    plugin: str
    version: str
    name: str
    function: Any

    def __call__(self, report: Report) -> str:
        """Render ``report``; raise PluginError when the plugin fails."""
        try:
            text = self.function(report)
        except Exception as exc:  # the plugin's failure, reported as such
            raise PluginError(
                self.plugin,
                self.version,
                f"renderer {self.name!r} failed: {type(exc).__name__}: {exc}",
            ) from exc
        if not isinstance(text, str):
            raise PluginError(
                self.plugin,
                self.version,
                f"renderer {self.name!r} returned {type(text).__name__}, not text",
            )
        return text


def _rule_paths(paths: Iterable[Path]) -> list[Path]:
    """Rule files as given; a folder stands for all its ``*.toml`` files (sorted)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            files = sorted(path.glob("*.toml"))
            if not files:
                raise UsageError(
                    t(
                        "{p}: folder has no *.toml rule files",
                        "{p}: map bevat geen regelbestanden (*.toml)",
                        p=path,
                    )
                )
            out += files
        else:
            out.append(path)
    return out


def _where(rule: Rule) -> str:
    origin = f" ({rule.origin})" if rule.origin else ""
    return f"plugin {rule.plugin or '?'}{origin}"


def advise(
    project: Project | str | os.PathLike[str] | Mapping[str, Any],
    *,
    lang: str | None = None,
    date: dt.date | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    plugins: Sequence[object] | None = None,
    rules: Iterable[str | os.PathLike[str]] = (),
    strict: bool = False,
) -> Report:
    """Advise on one project in one call (builds a fresh :class:`Engine`).

    For many projects, build one ``Engine`` and call ``engine.advise`` for each.
    """
    engine = Engine(plugins=plugins, rules=rules, strict=strict)
    return engine.advise(project, lang=lang, date=date, select=select, ignore=ignore)
