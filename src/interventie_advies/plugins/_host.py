"""The plugin host: registers plugins with pluggy once, then calls their hooks per plugin.

Every call goes through pluggy's own hook calling (a subset hook caller per plugin), so
pluggy's order (``tryfirst``, ``trylast``, the plugin registered last first), argument
passing and tracing hold. The host calls one plugin at a time so that a plugin that
raises or breaks a contract is reported and the others still run.

The host does not change once built: what goes wrong while a hook is called goes into
the caller's :class:`CallLog`, which belongs to one engine set-up or one run.
"""

from __future__ import annotations

import contextvars
import functools
import importlib
import os
import threading
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, NamedTuple

import pluggy

from .. import hookspecs
from .._version import name_and_version
from ..messages._i18n import t

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
    from importlib.metadata import EntryPoint

__all__ = ["BUILTIN", "SLOW_IMPORT_SECONDS", "CallLog", "PluginHost", "PluginInfo", "PluginProblem"]

BUILTIN = "interventie-advies"
DISABLE_ENV = "ADVIES_DISABLE_PLUGINS"
#: a plugin import taking longer than this is named on the log (stderr by default)
SLOW_IMPORT_SECONDS = 5.0

LOGGER = "interventie_advies.plugins"


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


class _Found(NamedTuple):
    """A plugin found (and imported) but not registered yet; ``plugin`` is None on error."""

    plugin: object
    name: str
    version: str
    distribution: str | None
    error: str | None = None


class CallLog:
    """What went wrong, and how long it took, while calling hooks for one set-up or run.

    Never shared between threads: each run makes its own.

    :param versions: plugin name → version, to name the version in each problem.
    :param timed: keep the seconds spent per (plugin, hook).
    """

    # NOTE: a plain class, not a dataclass (as PluginHost): defining a dataclass costs
    # every start-up about 4 M instructions, and a log is never compared or shown

    __slots__ = ("problems", "timed", "timings", "versions")

    def __init__(self, versions: Mapping[str, str], timed: bool = False) -> None:
        self.versions = versions
        self.timed = timed
        self.problems: list[PluginProblem] = []
        self.timings: dict[tuple[str, str], float] = {}

    def report(self, plugin: str, message: str, rule: str | None = None) -> None:
        """Record a plugin failure (shown in reports and by ``advies plugins``)."""
        self.problems.append(PluginProblem(plugin, message, rule, self.versions.get(plugin, "")))

    def add_time(self, plugin: str, what: str, seconds: float) -> None:
        """Add ``seconds`` to the time of ``what`` (a hook or rule code) of ``plugin``."""
        key = (plugin, what)
        self.timings[key] = self.timings.get(key, 0.0) + seconds


class PluginHost:
    """Registers the built-in plugin and third-party plugins, and calls their hooks safely.

    Plugins are asked in this order, which pluggy keeps because they are registered in
    the reverse order (pluggy asks the plugin registered last first): the built-in
    plugin, then installed plugins by entry-point name (or ``plugins`` as given), then
    ``modules`` as given. ``tryfirst``/``trylast`` move an implementation as in pluggy.

    :param plugins: plugin objects to register instead of the installed entry points
        (``None``: load installed entry points of group ``interventie_advies``).
    :param modules: import paths of plugin modules to load as well (``--plugin``).
    :param disabled: entry-point or distribution names not to load.
    :param builtin: the built-in plugin (the engine's ``_builtin`` module) and the
        version of interventie-advies, or ``None`` (only in test harnesses).
    """

    # NOTE: a plain class, not a dataclass: one engine has one host, and defining a
    # dataclass costs every start-up about 1 ms.

    def __init__(
        self,
        plugins: Sequence[object] | None = None,
        modules: Sequence[str] = (),
        disabled: Iterable[str] = (),
        builtin: tuple[object, str] | None = None,
    ) -> None:
        self.plugins = plugins
        self.modules = modules
        self.disabled = disabled
        self.builtin = builtin
        self.infos: dict[str, PluginInfo] = {}
        #: plugin name → version (read by every CallLog)
        self.versions: dict[str, str] = {}
        self.manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
        self.manager.add_hookspecs(hookspecs)
        self._log = CallLog(self.versions, timed=True)
        self._register_all()
        #: problems found while loading and registering plugins
        self.problems: tuple[PluginProblem, ...] = tuple(self._log.problems)
        #: seconds each plugin took to import, as (plugin, "import")
        self.timings: Mapping[tuple[str, str], float] = dict(self._log.timings)
        self._callers = {name: self._callers_of(name) for name in hookspecs.HOOKS}

    def __repr__(self) -> str:
        return f"PluginHost(plugins={list(self.infos)!r})"

    # -- loading and registering, once ------------------------------------------------

    def _register_all(self) -> None:
        found: list[_Found] = []
        if self.builtin is not None:
            found.append(_Found(self.builtin[0], BUILTIN, self.builtin[1], BUILTIN))
        disabled = {d.strip() for d in self.disabled if d.strip()}
        disabled |= {d.strip() for d in os.environ.get(DISABLE_ENV, "").split(",") if d.strip()}
        if self.plugins is None:
            for ep in _entry_points():
                dist, version = (None, "") if ep.dist is None else name_and_version(ep.dist)
                if ep.name in disabled or (dist and dist in disabled):
                    continue
                found.append(self._load(ep.load, ep.name, version, dist))
        else:
            for plugin in self.plugins:
                name = _name_of(plugin)
                found.append(_Found(plugin, name, str(getattr(plugin, "__version__", "")), None))
        for module in self.modules:
            load = functools.partial(importlib.import_module, module)
            found.append(self._load(load, module, "", None))
        named = []
        for i, (plugin, name, version, dist, error) in enumerate(found):
            if name in self.infos or (name == BUILTIN and (i > 0 or self.builtin is None)):
                name = f"{name}#{i}"
            self.infos[name] = PluginInfo(name, version, dist, (), error)
            self.versions[name] = version
            named.append((plugin, name))
        # NOTE: pluggy asks the plugin registered last first; registering in reverse
        # makes it ask them in the order above (built-in rules first, codes kept).
        for plugin, name in reversed(named):
            if self.infos[name].error is None:
                self._register(plugin, name)
        for name, info in self.infos.items():
            if info.error is not None:
                self._log.report(name, info.error)

    def _load(
        self, load: Callable[[], object], name: str, version: str, dist: str | None
    ) -> _Found:
        start = time.perf_counter()
        # NOTE: a timer thread, because an import that hangs never returns to say so
        timer = threading.Timer(
            SLOW_IMPORT_SECONDS, contextvars.copy_context().run, (_still_loading, name, dist)
        )
        timer.daemon = True
        timer.start()
        try:
            plugin = load()
        except Exception as exc:  # a broken plugin must not stop the others
            reason = f"cannot be imported: {type(exc).__name__}: {exc}"
            return _Found(None, name, version, dist, reason)
        finally:
            timer.cancel()
            seconds = time.perf_counter() - start
            self._log.add_time(name, "import", seconds)
            if seconds >= SLOW_IMPORT_SECONDS:
                _warn(
                    t(
                        nl="plugin {n} had {s:.1f} s nodig om te laden",
                        en="plugin {n} took {s:.1f} s to load",
                        n=name,
                        s=seconds,
                    )
                )
        return _Found(plugin, name, version, dist)

    def _register(self, plugin: object, name: str) -> None:
        try:
            hash(plugin)
        except TypeError:
            # NOTE: pluggy's subset hook callers keep plugins in a set
            self._fail(
                name,
                "cannot be used: a plugin object must be hashable "
                f"({type(plugin).__name__} is not)",
            )
            return
        try:
            self.manager.register(plugin, name=name)
        except Exception as exc:  # pluggy validates signatures against the specs
            self._fail(name, f"does not fit the hooks: {exc}")
            return
        callers = self.manager.get_hookcallers(plugin) or ()
        wrappers = sorted(
            c.name
            for c in callers
            for impl in c.get_hookimpls()
            if impl.plugin is plugin and (impl.wrapper or impl.hookwrapper)
        )
        if wrappers:
            self.manager.unregister(plugin)
            self._fail(
                name,
                f"hook {', '.join(wrappers)}: wrapper implementations (wrapper=True or "
                "hookwrapper=True) are not supported; each plugin is called on its own, "
                "so there is no call to wrap: use a plain @hookimpl",
            )
            return
        hooks = tuple(sorted(c.name for c in callers))
        self.infos[name] = replace(self.infos[name], hooks=hooks)

    def _fail(self, name: str, reason: str) -> None:
        self.infos[name] = replace(self.infos[name], hooks=(), error=reason)

    def _callers_of(self, hook: str) -> tuple[tuple[str, Any], ...]:
        """(plugin name, a pluggy hook caller for that plugin alone), in pluggy's order."""
        caller = getattr(self.manager.hook, hook)
        impls = caller.get_hookimpls()
        # NOTE: pluggy calls its implementation list from the end (see HookCaller)
        order = list(dict.fromkeys(impl.plugin for impl in reversed(impls)))
        return tuple(
            (
                self.manager.get_name(plugin) or "?",
                self.manager.subset_hook_caller(hook, [p for p in order if p is not plugin]),
            )
            for plugin in order
        )

    # -- calling, any number of times, from any thread ---------------------------------

    def version(self, name: str) -> str:
        """The version of plugin ``name`` ('' when unknown)."""
        return self.versions.get(name, "")

    def implements(self, hook: str) -> bool:
        """True when some plugin implements ``hook``."""
        return bool(self._callers[hook])

    def call_each(self, hook: str, log: CallLog, **kwargs: Any) -> Iterator[tuple[str, Any]]:
        """Call every plugin's implementation of ``hook`` in pluggy's order.

        Yields ``(plugin name, result)`` for each result that is not ``None`` (as in
        pluggy, ``None`` means nothing to add). A failing implementation is recorded in
        ``log`` and skipped.
        """
        for plugin, caller in self._callers[hook]:
            ok, results = self._call(plugin, caller, hook, log, kwargs)
            if ok:
                for result in results:
                    yield plugin, result

    def first_result(self, hook: str, log: CallLog, **kwargs: Any) -> tuple[str, Any] | None:
        """Ask plugins in pluggy's order until one answers (a ``firstresult`` hook)."""
        for plugin, caller in self._callers[hook]:
            ok, result = self._call(plugin, caller, hook, log, kwargs)
            if ok and result is not None:
                return plugin, result
        return None

    def _call(
        self, plugin: str, caller: Any, hook: str, log: CallLog, kwargs: dict[str, Any]
    ) -> tuple[bool, Any]:
        start = time.perf_counter()
        try:
            return True, caller(**kwargs)
        except Exception as exc:  # a plugin's failure is reported, never raised
            log.report(plugin, f"hook {hook} raised {type(exc).__name__}: {exc}")
            return False, None
        finally:
            if log.timed:
                log.add_time(plugin, hook, time.perf_counter() - start)


def _still_loading(name: str, dist: str | None) -> None:
    where = f" ({dist})" if dist and dist != name else ""
    _warn(
        t(
            nl="plugin {n}{w} laadt na {s:g} s nog steeds; "
            "met ADVIES_DISABLE_PLUGINS={n} blijft hij weg",
            en="still loading plugin {n}{w} after {s:g} s; ADVIES_DISABLE_PLUGINS={n} leaves it "
            "out",
            n=name,
            w=where,
            s=SLOW_IMPORT_SECONDS,
        )
    )


def _warn(message: str) -> None:
    # NOTE: imported here: logging costs start-up time and is needed only when slow
    import logging

    logging.getLogger(LOGGER).warning(message)


def _entry_points() -> list[EntryPoint]:
    # NOTE: imported here: importlib.metadata (with email, zipfile, csv) is 74 M
    # instructions, and importing the package must not pay for it before plugins are
    # looked up (pydantic imports it too, but only when it builds its first validator)
    from importlib.metadata import entry_points

    # NOTE: sorted so that the order plugins are installed in never changes the output.
    return sorted(entry_points(group=hookspecs.PROJECT_NAME), key=lambda ep: (ep.name, ep.value))


def _name_of(plugin: object) -> str:
    name = getattr(plugin, "__name__", None) or getattr(plugin, "name", None)
    return str(name) if name else type(plugin).__name__
