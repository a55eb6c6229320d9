"""What an Engine builds once and never changes: its plugins, rules, plan and formats.

A :class:`Setup` is the engine's catalogue. Every run reads it and none writes to it, so
one engine can advise on projects from many threads at once.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from .._errors import PluginError, UsageError, cut
from .._suggest import suggest
from ..messages._i18n import t
from ..plugins._host import BUILTIN

if TYPE_CHECKING:
    from collections.abc import Iterable

    from pydantic import BaseModel

    from ..plugins._host import CallLog, PluginHost, PluginInfo, PluginProblem
    from ..report._report import Report
    from ..rulebook._rules import Rule
    from ._plan import Planned

__all__ = ["PluginRenderer", "Setup", "gather_extensions", "gather_renderers", "tool_info"]


class PluginRenderer(NamedTuple):
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


@dataclass(frozen=True)
class Setup:
    """The catalogue of one engine, built once: read by every run, changed by none.

    :param host: the plugins, registered with pluggy.
    :param rules: all rules, in evaluation order (built-in first).
    :param plan: the rules compiled into the execution plan.
    :param extensions: extension NAME → (plugin, model), from advies_project_extensions.
    :param renderers: format NAME → renderer, from advies_renderers.
    :param problems: what went wrong while loading plugins and gathering all of the
        above; it belongs to every report of the engine.
    :param timings: seconds per (plugin, hook or ``import``) spent building it.
    :param index: rule code and rule name → rule.
    :param layouts: language → element titles in report order, and the element of each rule.
    :param tool: the report's ``tool`` part.

    Build it with :meth:`make`, which derives the last three.
    """

    host: PluginHost
    rules: tuple[Rule, ...]
    plan: tuple[Planned, ...]
    extensions: Mapping[str, tuple[str, type[BaseModel]]]
    renderers: Mapping[str, PluginRenderer]
    problems: tuple[PluginProblem, ...]
    timings: Mapping[tuple[str, str], float]
    index: Mapping[str, Rule]
    layouts: Mapping[str, tuple[dict[str, str], dict[str, str]]]
    tool: dict[str, Any]

    @classmethod
    def make(
        cls,
        host: PluginHost,
        rules: tuple[Rule, ...],
        plan: tuple[Planned, ...],
        extensions: Mapping[str, tuple[str, type[BaseModel]]],
        renderers: Mapping[str, PluginRenderer],
        problems: tuple[PluginProblem, ...],
        timings: Mapping[tuple[str, str], float],
        version: str,
    ) -> Setup:
        """The catalogue, with everything derived from the rules and plugins filled in.

        :param version: the version of interventie-advies, for the report's ``tool``.
        """
        from ._status import element_layout

        # NOTE: derived here, not on first use, so that no thread fills in anything later
        return cls(
            host,
            rules,
            plan,
            types.MappingProxyType(dict(extensions)),
            # NOTE: a plain dict: every report carries it, and reports must pickle
            dict(renderers),
            problems,
            types.MappingProxyType(dict(timings)),
            types.MappingProxyType({key: r for r in rules for key in (r.code, r.name)}),
            types.MappingProxyType({lang: element_layout(rules, lang) for lang in ("nl", "en")}),
            tool_info(host.infos.values(), version),
        )

    @property
    def plugins(self) -> list[PluginInfo]:
        """Every plugin the engine tried to load, with its failure if it failed."""
        return list(self.host.infos.values())

    def find_rule(self, token: str) -> Rule:
        """The rule with this code or name; UsageError with a did-you-mean otherwise."""
        rule = self.index.get(token) or self.index.get(token.upper())
        if rule is not None:
            return rule
        hint = suggest(token, self.index)
        raise UsageError(
            t(nl="onbekende regel {x!r}", en="unknown rule {x!r}", x=cut(token))
            + (t(nl="; bedoel je {h!r}?", en="; did you mean {h!r}?", h=hint) if hint else "")
        )


def tool_info(plugins: Iterable[PluginInfo], version: str) -> dict[str, Any]:
    """The ``tool`` part of a report: name, version and the plugins that loaded."""
    return {
        "name": "interventie-advies",
        "version": version,
        "plugins": [
            {"name": p.name, "version": p.version}
            for p in sorted(plugins, key=lambda p: p.name)
            if p.loaded and p.name != BUILTIN
        ],
    }


def gather_extensions(host: PluginHost, log: CallLog) -> dict[str, tuple[str, type[BaseModel]]]:
    """Extension NAME → (plugin, model) from advies_project_extensions; the first claim wins."""
    from pydantic import BaseModel

    found: dict[str, tuple[str, type[BaseModel]]] = {}
    for plugin, result in host.call_each("advies_project_extensions", log):
        if not isinstance(result, Mapping):
            log.report(plugin, "advies_project_extensions must return a dict")
            continue
        for name, model in result.items():
            if not (isinstance(model, type) and issubclass(model, BaseModel)):
                log.report(plugin, f"extension {name!r} is not a pydantic model")
            elif name in found:
                log.report(
                    plugin,
                    f"extension name {name!r} is already taken by plugin "
                    f"{found[name][0]}; this one is left out",
                )
            else:
                found[name] = (plugin, model)
    return found


def gather_renderers(host: PluginHost, log: CallLog) -> dict[str, PluginRenderer]:
    """Format NAME → renderer from advies_renderers; the first claim wins."""
    from ..report import BUILTIN_FORMATS

    found: dict[str, PluginRenderer] = {}
    for plugin, result in host.call_each("advies_renderers", log):
        if not isinstance(result, Mapping):
            log.report(plugin, "advies_renderers must return a dict")
            continue
        for name, renderer in result.items():
            if name in BUILTIN_FORMATS or name in found or not callable(renderer):
                log.report(
                    plugin, f"renderer {name!r} is left out (taken, built in, or not callable)"
                )
            else:
                found[name] = PluginRenderer(plugin, host.version(plugin), name, renderer)
    return found
