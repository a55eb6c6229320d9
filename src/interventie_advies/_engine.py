"""The engine: rules (gathered through pluggy) → findings, questions, strengths, errors.

An Engine loads plugins and compiles rules once, on first use, and can then advise on
any number of projects.
"""

from __future__ import annotations

import datetime as dt
import os
import types
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ._conditions import ALLOWED_FUNCTIONS, NeedPath
from ._elements import ELEMENTS
from ._errors import PluginError, Problem, ProjectError, RuleConflictError, UsageError
from ._facts import Facts, derive_facts
from ._host import BUILTIN, PluginHost, PluginInfo
from ._i18n import t
from ._load import load_project, suggest
from ._prioritise import adjusted_factor, order, rank
from ._project import EMPTY_TABLES, TABLES, Project
from ._questions import QuestionBook, absent_tables, field_to_fill
from ._report import (
    Decision,
    ErrorEntry,
    Finding,
    NotFollowed,
    Report,
    StaleDecision,
    Strength,
)
from ._rules import Rule, fill_placeholders, load_rules
from ._status import effect_profile, element_statuses

__all__ = ["Engine", "advise"]

LANG_ENV = "ADVIES_LANG"
_PRIORITY_RANK = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True)
class _Selection:
    select: tuple[str, ...]
    ignore: tuple[str, ...]


class Engine:
    """Reusable advice engine: loads plugins and compiles rules once.

    :param plugins: plugin objects to use instead of the installed ones (``None``: the
        installed entry points of group ``interventie_advies``; ``()``: built-in rules only).
    :param rules: extra rule files (``--rules``).
    :param modules: import paths of extra plugin modules (``--plugin``).
    :param disabled: plugin names not to load (also ``ADVIES_DISABLE_PLUGINS``).
    :param strict: raise :class:`PluginError` when a plugin or rule fails.
    :param builtin: include the built-in rules (default); plugin test harnesses turn it off.
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

    def find_rule(self, token: str) -> Rule:
        """The rule with this code or name; UsageError with a did-you-mean otherwise."""
        for rule in self.rules:
            if token in (rule.code, rule.name) or token.upper() == rule.code:
                return rule
        hint = suggest(token, [r.code for r in self.rules] + [r.name for r in self.rules])
        raise UsageError(
            t("unknown rule {x!r}", "onbekende regel {x!r}", x=token)
            + t("; did you mean {h!r}?", "; bedoel je {h!r}?", h=hint)
            if hint
            else ""
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
        return _Run(self, proj, file, lang, date, select, ignore).report()


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


class _AbsentTable:
    """An extension table the project file does not have: every field reads as None."""

    def __getattr__(self, name: str) -> None:
        if name.startswith("__"):
            raise AttributeError(name)
        return None


_ABSENT = _AbsentTable()


def extension_problems(
    engine: Engine, project: Project, file: str | None, values: dict[str, Any] | None = None
) -> tuple[list[Problem], list[str]]:
    """Validate ``[extensions.NAME]`` tables; return problems and warnings.

    :param values: filled with the validated model of each extension table.
    """
    from pydantic import ValidationError

    from ._load import problems_from_validation

    tables = project.extensions or {}
    known = engine.extensions
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


def requirement_problems(engine: Engine, project: Project, file: str | None) -> list[Problem]:
    """``[advies] require_plugins`` entries that no loaded plugin satisfies."""
    wanted = project.advies.require_plugins if project.advies else None
    if not wanted:
        return []
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    loaded = {
        canonicalize_name(info.distribution or info.name): info.version
        for info in engine.plugins
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
                        "this file needs plugin {n}, which is not installed or did not load; "
                        "install it with: pip install '{x}'",
                        "dit bestand heeft plugin {n} nodig, maar die is niet geïnstalleerd "
                        "of laadt niet; installeer hem met: pip install '{x}'",
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
                        "this file needs {x}, but version {v} is installed; "
                        "upgrade with: pip install --upgrade '{x}'",
                        "dit bestand heeft {x} nodig, maar versie {v} is geïnstalleerd; "
                        "werk bij met: pip install --upgrade '{x}'",
                        x=text,
                        v=version,
                    ),
                )
            )
    return problems


def decision_problems(engine: Engine, project: Project, file: str | None) -> list[Problem]:
    """Decisions that name no known rule (with a did-you-mean)."""
    problems = []
    for i, decision in enumerate(project.decisions or ()):
        try:
            engine.find_rule(decision.rule)
        except UsageError as exc:
            problems.append(Problem(file or "<project>", f"decisions[{i}].rule", str(exc)))
    return problems


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


def _language(lang: str | None, project: Project) -> str:
    chosen = lang or (project.advies.language if project.advies else None)
    chosen = chosen or os.environ.get(LANG_ENV) or "nl"
    if chosen not in ("nl", "en"):
        raise UsageError(
            t(
                "unknown language {x!r}; use nl or en",
                "onbekende taal {x!r}; kies nl of en",
                x=chosen,
            )
        )
    return chosen


def _jsonable(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True)
    return value


def _value_of(need: NeedPath, namespace: Mapping[str, Any]) -> Any:
    values: list[Any] = [namespace]
    listed = False
    first = True
    for name, through in need.steps:
        nxt: list[Any] = []
        for value in values:
            item = value.get(name) if first else getattr(value, name, None)
            if through:
                nxt.extend(item or ())
            else:
                nxt.append(item)
        values = nxt
        listed = listed or through
        first = False
    return _jsonable(values if listed else values[0])


class _Run:
    """One evaluation of one project (kept small: state lives only for one advise call)."""

    def __init__(
        self,
        engine: Engine,
        project: Project,
        file: str | None,
        lang: str | None,
        date: dt.date | None,
        select: Iterable[str],
        ignore: Iterable[str],
    ) -> None:
        self.engine = engine
        self.project = project
        self.file = file
        self.lang = _language(lang, project)
        self.today = date or dt.date.today()
        settings = project.advies
        # the caller's select replaces the file's; ignores add up
        self.select = tuple(select) or (tuple(settings.select or ()) if settings else ())
        self.ignore = tuple(ignore) + (tuple(settings.ignore or ()) if settings else ())
        self.errors: list[ErrorEntry] = []
        self.warnings: list[str] = []
        self.extension_values: dict[str, Any] = {}

    def namespace(self, facts: Facts) -> dict[str, Any]:
        project = self.project
        ns: dict[str, Any] = {"__builtins__": {}, **ALLOWED_FUNCTIONS, "facts": facts}
        for name, (_, is_list) in TABLES.items():
            value = getattr(project, name)
            ns[name] = value if value is not None or is_list else EMPTY_TABLES[name]
        ns["extensions"] = types.SimpleNamespace(
            **{name: self.extension_values.get(name, _ABSENT) for name in self.engine.extensions}
        )
        return ns

    def facts(self) -> Facts:
        facts = derive_facts(self.project, self.today)
        builtin = facts.as_dict()
        for plugin, result in self.engine.host.call_each(
            "advies_facts", project=self.project, facts=types.MappingProxyType(builtin)
        ):
            if not isinstance(result, Mapping):
                self.engine.host.report(plugin, "advies_facts must return a dict")
                continue
            for name, value in result.items():
                if name in builtin:
                    self.engine.host.report(plugin, f"fact {name!r} is built in; left out")
                else:
                    setattr(facts, name, value)
        return facts

    def check_extensions(self) -> None:
        problems = requirement_problems(self.engine, self.project, self.file)
        more, self.warnings = extension_problems(
            self.engine, self.project, self.file, self.extension_values
        )
        problems += more
        if problems:
            raise ProjectError(problems)

    def selected(self, rules: Sequence[Rule]) -> list[Rule]:
        def tokens_known(tokens: Iterable[str], what: str) -> None:
            vocabulary = {t for r in rules for t in (r.code, r.name, r.element, r.plugin)}
            vocabulary |= {e.id for e in ELEMENTS}
            for token in tokens:
                if token not in vocabulary and token.upper() not in vocabulary:
                    hint = suggest(token, vocabulary)
                    raise UsageError(
                        t(
                            "{w}: {x!r} matches no rule, element or plugin",
                            "{w}: {x!r} past bij geen regel, element of plugin",
                            w=what,
                            x=token,
                        )
                        + t("; did you mean {h!r}?", "; bedoel je {h!r}?", h=hint)
                        if hint
                        else ""
                    )

        tokens_known(self.select, "select")
        tokens_known(self.ignore, "ignore")

        def matches(rule: Rule, tokens: Iterable[str]) -> bool:
            keys = {rule.code, rule.name, rule.element, rule.plugin}
            return any(t in keys or t.upper() == rule.code for t in tokens)

        return [
            r
            for r in rules
            if (not self.select or matches(r, self.select)) and not matches(r, self.ignore)
        ]

    def fail(self, rule: Rule, message: str) -> None:
        """Record that ``rule`` failed on this project (the run goes on)."""
        version = self.engine.host.version(rule.plugin)
        self.errors.append(ErrorEntry(rule.plugin, rule.code, message, version))

    def evaluate(self, rule: Rule, ns: dict[str, Any]) -> bool | None:
        try:
            if rule.code_object is not None:
                return bool(eval(rule.code_object, ns))  # compiled, whitelisted condition
            return bool(rule.when(types.SimpleNamespace(**ns)))  # type: ignore[operator]
        except Exception as exc:
            self.fail(rule, f"{type(exc).__name__}: {exc}")
            return None

    def applies(self, rule: Rule, ns: dict[str, Any]) -> bool:
        """False when the rule's guard is known to be false (then it neither fires nor asks)."""
        guard = rule.applies
        if guard is None or any(n.absent(ns) for n in guard.need_paths):
            return True
        try:
            return bool(eval(guard.code_object, ns))
        except Exception as exc:
            self.fail(rule, f"applies failed: {type(exc).__name__}: {exc}")
            return False

    def priority_of(self, rule: Rule, ns: dict[str, Any]) -> tuple[str, str | None]:
        assert rule.priority is not None
        for adj in rule.adjust:
            if any(n.absent(ns) for n in adj.need_paths):
                continue
            try:
                hit = bool(eval(adj.code_object, ns))
            except Exception as exc:
                self.fail(rule, f"adjustment failed: {type(exc).__name__}: {exc}")
                continue
            if hit:
                return adj.priority, adj.reason.get(self.lang)
        return rule.priority, None

    def report(self) -> Report:
        engine, _lang, _project = self.engine, self.lang, self.project
        # set-up (cached on the engine) first, so that its problems belong to every report
        rules = engine.rules
        _ = engine.extensions, engine.renderers
        setup_problems = len(engine.host.problems)
        try:
            return self._report(rules)
        finally:
            # NOTE: problems raised while advising on this project belong to this report
            # only; the next project in a batch starts clean.
            del engine.host.problems[setup_problems:]

    def _report(self, rules: tuple[Rule, ...]) -> Report:
        engine, lang, project = self.engine, self.lang, self.project
        self.check_extensions()
        facts = self.facts()
        ns = self.namespace(facts)
        active = self.selected(rules)
        phase = project.project.phase
        needs = project.residents.needs or () if project.residents else ()

        findings: list[Finding] = []
        strengths: list[Strength] = []
        book = QuestionBook(lang, absent_tables(project, TABLES))
        described: dict[str, dict[str, bool]] = {}
        for rule in active:
            if not self.applies(rule, ns):
                continue
            missing = tuple(n.text for n in rule.need_paths if n.absent(ns))
            known = described.setdefault(rule.element, {})
            for need in rule.need_paths:
                field = field_to_fill(need.text)
                known[field] = known.get(field, True) and need.text not in missing
            if missing:
                question = rule.question.get(lang) if rule.question else ""
                book.ask(
                    rule.code,
                    rule.element,
                    rule.priority or "low",
                    missing,
                    fill_placeholders(question, ns),
                )
                continue
            if not self.evaluate(rule, ns):
                continue
            title = fill_placeholders(rule.title.get(lang), ns)
            message = fill_placeholders(rule.message.get(lang), ns)
            if rule.kind == "strength":
                strengths.append(
                    Strength(rule.code, rule.name, rule.element, title, message, rule.plugin)
                )
                continue
            priority, reason = self.priority_of(rule, ns)
            priority, value, factors = rank(
                priority,
                kind=rule.kind,
                element=rule.element,
                phases=rule.phases,
                serves_needs=rule.serves_needs,
                effort=rule.effort,
                phase=phase,
                needs=needs,
                months_left=facts.months_left,
                funding_months=facts.funding_months,
                lang=lang,
            )
            if reason:
                factors = (adjusted_factor(priority, reason, lang), *factors)
            findings.append(
                Finding(
                    code=rule.code,
                    name=rule.name,
                    element=rule.element,
                    kind=rule.kind,
                    priority=priority,
                    score=value,
                    score_factors=factors,
                    title=title,
                    message=message,
                    why=fill_placeholders(rule.why.get(lang), ns),
                    actions=tuple(rule.actions.get(lang)) if rule.actions else (),
                    evidence=rule.evidence,
                    source=rule.source,
                    facts={n.text: _value_of(n, ns) for n in rule.need_paths},
                    plugin=rule.plugin,
                    base_priority=rule.priority or priority,
                    phases=rule.phases,
                    effort=rule.effort,
                    serves_needs=rule.serves_needs,
                )
            )

        findings = self.prioritise(order(findings))
        findings, not_followed, stale = self.apply_decisions(findings, active)
        ordered_questions = book.questions(_ELEMENT_INDEX)
        strengths.sort(key=lambda s: (_ELEMENT_INDEX.get(s.element, 99), s.code))
        elements = element_statuses(findings, ordered_questions, strengths, rules, lang, described)
        for problem in engine.host.problems:
            entry = ErrorEntry(problem.plugin, problem.rule, problem.message, problem.version)
            if entry not in self.errors:
                self.errors.append(entry)
        if engine.strict and self.errors:
            first = self.errors[0]
            raise PluginError(first.plugin, first.version, first.message)
        from . import __version__

        return Report(
            tool={
                "name": "interventie-advies",
                "version": __version__,
                "plugins": [
                    {"name": p.name, "version": p.version}
                    for p in engine.plugins
                    if p.loaded and p.name != BUILTIN
                ],
            },
            project={"name": project.project.name, "file": self.file, "phase": phase},
            language=lang,
            evaluated_on=self.today.isoformat(),
            findings=tuple(findings),
            strengths=tuple(strengths),
            questions=tuple(ordered_questions),
            elements=elements,
            not_followed=tuple(not_followed),
            stale_decisions=tuple(stale),
            effects=effect_profile(elements, lang),
            errors=tuple(self.errors),
            warnings=tuple(self.warnings),
            renderers=engine.renderers,
        )

    def prioritise(self, findings: list[Finding]) -> list[Finding]:
        answer = self.engine.host.first_result(
            "advies_prioritise", findings=tuple(findings), project=self.project
        )
        if answer is None:
            return findings
        plugin, result = answer
        if plugin == BUILTIN:  # pragma: no cover - the built-in plugin has no prioritiser
            return findings
        try:
            result = list(result)
        except TypeError:
            result = []
        if not _is_permutation(result, findings):
            self.engine.host.report(
                plugin,
                "advies_prioritise must return the same findings in a new order; "
                "the built-in order is used",
            )
            return findings
        return result

    def apply_decisions(
        self, findings: list[Finding], active: Sequence[Rule]
    ) -> tuple[list[Finding], list[NotFollowed], list[StaleDecision]]:
        decisions = self.project.decisions or []
        if not decisions:
            return findings, [], []
        problems = decision_problems(self.engine, self.project, self.file)
        if problems:
            raise ProjectError(problems)
        by_code = {self.engine.find_rule(d.rule).code: (i, d) for i, d in enumerate(decisions)}
        kept: list[Finding] = []
        not_followed: list[NotFollowed] = []
        fired = {f.code for f in findings}
        for finding in findings:
            entry = by_code.get(finding.code)
            if entry is None:
                kept.append(finding)
                continue
            d = entry[1]
            date = d.date.isoformat() if d.date else None
            if d.status in ("rejected", "not_applicable"):
                not_followed.append(
                    NotFollowed(
                        finding.code,
                        d.status,
                        d.reason or "",
                        finding.title,
                        finding.element,
                        d.by,
                        date,
                    )
                )
            else:
                kept.append(_with_decision(finding, Decision(d.status, d.reason, date, d.by)))
        # a decision about a strength or a rule left out by select/ignore is not stale
        selected = {r.code for r in active if r.kind != "strength"}
        stale = [
            StaleDecision(decisions[i].rule, d.status)
            for code, (i, d) in sorted(by_code.items(), key=lambda kv: kv[1][0])
            if code in selected and code not in fired
        ]
        return kept, not_followed, stale


def _with_decision(finding: Finding, decision: Decision) -> Finding:
    from dataclasses import replace

    return replace(finding, decision=decision)


def _is_permutation(result: Sequence[Any], findings: Sequence[Finding]) -> bool:
    return all(isinstance(f, Finding) for f in result) and sorted(f.code for f in result) == sorted(
        f.code for f in findings
    )


_ELEMENT_INDEX = {e.id: i for i, e in enumerate(ELEMENTS)}


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
