"""The plugin host: builds the pluggy manager on request and calls plugins one by one.

NOTE: hooks are called per implementation, not through ``pm.hook.X()``, so that one
plugin that raises or breaks a contract is reported and the others still run.
"""

from __future__ import annotations

import functools
import importlib
import os
import time
from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points
from typing import TYPE_CHECKING, Any

import pluggy

from . import hookspecs
from ._errors import PluginError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

__all__ = ["BUILTIN", "PluginHost", "PluginInfo", "PluginProblem"]

BUILTIN = "interventie-advies"
DISABLE_ENV = "ADVIES_DISABLE_PLUGINS"


@dataclass(frozen=True)
class PluginInfo:
    """A plugin as the engine sees it: where it comes from and what it implements."""

    name: str
    version: str
    distribution: str | None = None
    hooks: tuple[str, ...] = ()
    error: str | None = None

    @property
    def loaded(self) -> bool:
        """True when the plugin was registered without error."""
        return self.error is None


@dataclass(frozen=True)
class PluginProblem:
    """A plugin or rule that failed while advising; shown in the report's ``errors``."""

    plugin: str
    message: str
    rule: str | None = None
    version: str = ""


class PluginHost:
    """Registers the built-in plugin and third-party plugins, and calls their hooks safely.

    :param plugins: plugin objects to register instead of the installed entry points
        (``None``: load installed entry points of group ``interventie_advies``).
    :param modules: import paths of plugin modules to load as well (``--plugin``).
    :param disabled: entry-point or distribution names not to load.
    :param builtin: register the built-in rules (off only in test harnesses).
    """

    # NOTE: a plain class, not a dataclass: one engine has one host, and defining a
    # dataclass costs every start-up about 1 ms.

    def __init__(
        self,
        plugins: Sequence[object] | None = None,
        modules: Sequence[str] = (),
        disabled: Iterable[str] = (),
        builtin: bool = True,
    ) -> None:
        self.plugins = plugins
        self.modules = modules
        self.disabled = disabled
        self.builtin = builtin
        self.infos: dict[str, PluginInfo] = {}
        self.problems: list[PluginProblem] = []
        #: seconds per (plugin, hook) when the engine profiles
        self.timings: dict[tuple[str, str], float] | None = None
        self.manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
        self.manager.add_hookspecs(hookspecs)
        self._register_all()

    def __repr__(self) -> str:
        return f"PluginHost(plugins={list(self.infos)!r})"

    def _register_all(self) -> None:
        from . import __version__, _builtin

        if self.builtin:
            self._register(_builtin, BUILTIN, __version__, BUILTIN)
        disabled = {d.strip() for d in self.disabled if d.strip()}
        disabled |= {d.strip() for d in os.environ.get(DISABLE_ENV, "").split(",") if d.strip()}
        if self.plugins is None:
            for ep in _entry_points():
                dist = ep.dist.name if ep.dist is not None else None
                version = ep.dist.version if ep.dist is not None else ""
                if ep.name in disabled or (dist and dist in disabled):
                    continue
                self._load(ep.load, ep.name, version, dist)
        else:
            for plugin in self.plugins:
                name = _name_of(plugin)
                self._register(plugin, name, str(getattr(plugin, "__version__", "")), None)
        for module in self.modules:
            self._load(functools.partial(importlib.import_module, module), module, "", None)

    def _load(self, load: Callable[[], object], name: str, version: str, dist: str | None) -> None:
        try:
            plugin = load()
        except Exception as exc:  # a broken plugin must not stop the others
            self._fail(name, version, dist, f"cannot be imported: {type(exc).__name__}: {exc}")
            return
        self._register(plugin, name, version, dist)

    def _register(self, plugin: object, name: str, version: str, dist: str | None) -> None:
        if name in self.infos:
            name = f"{name}#{len(self.infos)}"
        try:
            self.manager.register(plugin, name=name)
        except Exception as exc:  # pluggy validates signatures against the specs
            self._fail(name, version, dist, f"does not fit the hooks: {exc}")
            return
        hooks = tuple(sorted(h.name for h in self.manager.get_hookcallers(plugin) or ()))
        self.infos[name] = PluginInfo(name, version, dist, hooks)

    def _fail(self, name: str, version: str, dist: str | None, reason: str) -> None:
        self.infos[name] = PluginInfo(name, version, dist, (), reason)
        self.problems.append(PluginProblem(name, reason, version=version))

    def version(self, name: str) -> str:
        """The version of plugin ``name`` ('' when unknown)."""
        info = self.infos.get(name)
        return info.version if info else ""

    def call_each(self, hook: str, **kwargs: Any) -> Iterator[tuple[str, Any]]:
        """Call every implementation of ``hook``, yielding ``(plugin name, result)``.

        A failing implementation is recorded in ``problems`` and skipped.
        """
        caller = getattr(self.manager.hook, hook)
        # NOTE: get_hookimpls() is in registration order (built-in first); pluggy itself
        # would call the last registered first. Registration order keeps output stable.
        for impl in caller.get_hookimpls():
            ok, result = self._call(impl, hook, kwargs)
            if ok:
                yield impl.plugin_name, result

    def first_result(self, hook: str, **kwargs: Any) -> tuple[str, Any] | None:
        """Call implementations of a firstresult hook in pluggy's order until one answers.

        As in pluggy, the plugin registered last is asked first, so a third-party
        prioritiser wins over the built-in one.
        """
        caller = getattr(self.manager.hook, hook)
        for impl in reversed(caller.get_hookimpls()):
            ok, result = self._call(impl, hook, kwargs)
            if ok and result is not None:
                return impl.plugin_name, result
        return None

    def _call(self, impl: Any, hook: str, kwargs: dict[str, Any]) -> tuple[bool, Any]:
        start = time.perf_counter()
        try:
            return True, impl.function(**{name: kwargs[name] for name in impl.argnames})
        except Exception as exc:  # a plugin's failure is reported, never raised
            self.report(impl.plugin_name, f"hook {hook} raised {type(exc).__name__}: {exc}")
            return False, None
        finally:
            if self.timings is not None:
                key = (impl.plugin_name, hook)
                self.timings[key] = self.timings.get(key, 0.0) + time.perf_counter() - start

    def report(self, plugin: str, message: str, rule: str | None = None) -> None:
        """Record a plugin failure (shown in reports and by ``advies plugins``)."""
        self.problems.append(PluginProblem(plugin, message, rule, self.version(plugin)))

    def raise_if_failed(self) -> None:
        """Raise PluginError for the first recorded problem (``--strict``)."""
        if self.problems:
            first = self.problems[0]
            raise PluginError(first.plugin, first.version, first.message)


def _entry_points() -> list[EntryPoint]:
    # NOTE: sorted so that the order plugins are installed in never changes the output.
    return sorted(entry_points(group=hookspecs.PROJECT_NAME), key=lambda ep: (ep.name, ep.value))


def _name_of(plugin: object) -> str:
    name = getattr(plugin, "__name__", None) or getattr(plugin, "name", None)
    return str(name) if name else type(plugin).__name__
