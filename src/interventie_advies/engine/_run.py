"""One evaluation of one project: the engine's plan → findings, questions, strengths, report.

The state of a run lives only for one ``advise`` call, so a rule or plugin that fails on
one project never affects the next, nor a project advised on at the same time by another
thread: the run reads the engine's immutable catalogue and keeps its own problems.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

from .._errors import PluginError, ProjectError
from ..messages._i18n import LANG_ENV, resolve_language
from ..plugins._host import CallLog
from ..project._facts import Facts, derive_facts
from ..project._model import EMPTY_TABLES, TABLES, Project
from ..report._report import Report
from ..report._values import ErrorEntry, Finding, Strength, build
from ..rulebook._budget import BUDGET, StepBudget
from ..rulebook._conditions import ALLOWED_FUNCTIONS
from ..rulebook._elements import ELEMENTS
from ..rulebook._placeholders import fill_placeholders
from ._bands import hold_bands, near_end
from ._checks import ABSENT, phase_warnings, project_problems
from ._decisions import apply_decisions, set_aside
from ._fixed import Fixed, fixed_values
from ._plan import selection
from ._prioritise import rank_context
from ._questions import QuestionBook, absent_tables, field_given
from ._status import effect_profile, element_statuses
from ._texts import chosen_texts, filled
from ._themes import items_of, lone_item

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from ..report._items import Item
    from ._evaluate import Evaluator
    from ._plan import Planned
    from ._setup import Setup

__all__ = ["LANG_ENV", "Run", "RunsRules"]

ELEMENT_INDEX = {e.id: i for i, e in enumerate(ELEMENTS)}
_TABLE_KINDS = tuple((name, is_list) for name, (_, is_list) in TABLES.items())


def language(lang: str | None, project: Project) -> str:
    """The report language: the caller's, else the file's, else ADVIES_LANG, else Dutch."""
    return resolve_language(lang, project.advies.language if project.advies else None)


class RunsRules(Protocol):
    """What a run needs of its engine (a protocol, so that this module need not import it)."""

    strict: bool
    #: rankings of findings, shared by the runs of one engine (see :meth:`Run.fire`)
    rankings: dict[tuple[Any, ...], Fixed]

    @property
    def setup(self) -> Setup:
        """The engine's immutable catalogue."""

    @property
    def profiling(self) -> bool:
        """Whether the engine keeps timings."""

    @property
    def tool_info(self) -> dict[str, Any]:
        """The report's ``tool`` part."""

    def evaluator(self, active: tuple[Planned, ...]) -> Evaluator:
        """The evaluator of a selection of the plan."""

    def note_run(self, timings: Mapping[tuple[str, str], float]) -> None:
        """Count one run and add its timings."""


class Run:
    """One evaluation of one project."""

    def __init__(
        self,
        engine: RunsRules,
        project: Project,
        file: str | None,
        lang: str | None,
        date: dt.date | None,
        select: Iterable[str],
        ignore: Iterable[str],
    ) -> None:
        self.engine = engine
        self.setup = setup = engine.setup
        #: the problems of plugins while advising on this project, and their timings
        self.log = CallLog(setup.host.versions, timed=engine.profiling)
        self.project = project
        self.file = file
        self.lang = language(lang, project)
        self.today = date or dt.date.today()
        settings = project.advies
        # the caller's select replaces the file's; ignores add up
        self.select = tuple(select) or (tuple(settings.select or ()) if settings else ())
        self.ignore = tuple(ignore) + (tuple(settings.ignore or ()) if settings else ())
        self.errors: list[ErrorEntry] = []
        self.warnings: list[str] = []
        self.extension_values: dict[str, Any] = {}

    # -- set-up of the run -----------------------------------------------------------

    def namespace(self, facts: Facts) -> dict[str, Any]:
        """What conditions read: the tables (absent ones empty), facts and extensions."""
        project = self.project
        ns: dict[str, Any] = {"__builtins__": {}, **ALLOWED_FUNCTIONS, "facts": facts}
        ns[BUDGET] = StepBudget()  # conditions with loops count their steps (one per run)
        for name, is_list in _TABLE_KINDS:
            value = getattr(project, name)
            ns[name] = value if value is not None or is_list else EMPTY_TABLES[name]
        extensions = self.setup.extensions
        if extensions:
            ns["extensions"] = types.SimpleNamespace(
                **{name: self.extension_values.get(name, ABSENT) for name in extensions}
            )
        else:
            ns["extensions"] = types.SimpleNamespace()
        return ns

    def facts(self) -> Facts:
        """The built-in facts, and those plugins add through ``advies_facts``."""
        facts = derive_facts(self.project, self.today)
        host, log = self.setup.host, self.log
        if not host.implements("advies_facts"):
            return facts
        builtin = facts.as_dict()
        given: dict[str, str] = {}
        for plugin, result in host.call_each(
            "advies_facts", log, project=self.project, facts=types.MappingProxyType(builtin)
        ):
            if not isinstance(result, Mapping):
                log.report(plugin, "advies_facts must return a dict")
                continue
            for name, value in result.items():
                if name in builtin:
                    log.report(plugin, f"fact {name!r} is built in; left out")
                elif name in given:
                    log.report(
                        plugin, f"fact {name!r} is already given by plugin {given[name]}; left out"
                    )
                else:
                    given[name] = plugin
                    setattr(facts, name, value)
        return facts

    def check(self) -> None:
        """Required plugins, ``[extensions.NAME]`` tables and decisions, as ``check`` does.

        Keeps the validated extension tables and the warnings for the report.
        """
        problems, self.warnings, self.extension_values = project_problems(
            self.setup, self.project, self.file
        )
        if problems:
            raise ProjectError(problems)

    # -- one rule --------------------------------------------------------------------

    def question_of(self, p: Planned) -> str:
        """The rule's own question, in the report's language."""
        question = p.rule.question
        return fill_placeholders(question.get(self.lang), self.ns, self.lang) if question else ""

    def fail(self, p: Planned, message: str) -> None:
        """Record that a rule failed on this project (the run goes on)."""
        plugin = p.rule.plugin
        self.errors.append(ErrorEntry(plugin, p.code, message, self.setup.host.version(plugin)))

    def failed(self, active: Sequence[Planned], index: int, what: str, exc: BaseException) -> None:
        """A rule's condition or guard raised on this project: reported, never raised."""
        self.fail(active[index], f"{what}{type(exc).__name__}: {exc}")

    # -- the whole run ---------------------------------------------------------------

    def report(self) -> Report:
        """Advise: evaluate every selected rule and build the report."""
        try:
            return self._report(self.setup.plan)
        finally:
            self.engine.note_run(self.log.timings)

    def _report(self, planned: tuple[Planned, ...]) -> Report:
        engine, lang, project = self.engine, self.lang, self.project
        self.check()
        self.warnings += phase_warnings(project.project, self.today, lang)
        facts = self.facts()
        ns = self.namespace(facts)
        active = selection(planned, self.select, self.ignore)
        phase = project.project.phase
        needs = project.residents.needs or () if project.residents else ()

        self.ns = ns
        self.context = rank_context(phase, needs, facts.months_left, facts.funding_months)
        self.months = facts.months_left, facts.funding_months
        self.near = near_end(facts.months_left)
        self.rankings = engine.rankings
        self.findings: list[Finding] = []
        #: the findings built from their rule's fixed fields alone, by id (see :meth:`lone`)
        self.plain: dict[int, tuple[Finding, Fixed]] = {}
        self.strengths: list[Strength] = []
        evaluator = engine.evaluator(active)
        timings = self.log.timings if self.log.timed else None
        per_rule = [0.0] * len(active) if timings is not None else None
        absent = absent_tables(project, TABLES)
        outcome = evaluator(ns, functools.partial(self.failed, active), absent, per_rule)
        if timings is not None and per_rule is not None:
            for p, seconds in zip(active, per_rule, strict=True):
                key = (p.rule.plugin, p.code)
                timings[key] = timings.get(key, 0.0) + seconds
        book = QuestionBook(lang, functools.partial(field_given, project), ELEMENT_INDEX)
        book.ask_tables(outcome.whole, evaluator)
        book.ask_all(outcome.asked, active, self.question_of)
        adjusted = outcome.adjusted
        for i in outcome.fired:
            self.fire(active[i], adjusted.get(i))
        findings, strengths = self.findings, self.strengths
        described = outcome.completeness

        findings = self.prioritise(
            hold_bands(findings, lang, aside=set_aside(project.decisions, self.setup.find_rule))
        )
        findings, not_followed, stale = apply_decisions(
            findings, active, self.project.decisions or [], self.setup.find_rule
        )
        questions = book.questions()
        items = items_of(findings, lang, self.lone)
        strengths.sort(key=lambda s: (ELEMENT_INDEX.get(s.element, 99), s.code))
        elements = element_statuses(
            findings, questions, strengths, self.setup.layouts[lang], described
        )
        # NOTE: the catalogue's problems belong to every report; the run's to this one only
        for problem in (*self.setup.problems, *self.log.problems):
            entry = ErrorEntry(problem.plugin, problem.rule, problem.message, problem.version)
            if entry not in self.errors:
                self.errors.append(entry)
        # NOTE: by plugin, not by the order plugins were given in: the same report either way
        self.errors.sort(key=lambda e: (e.plugin, e.rule is not None, e.rule or "", e.message))
        if engine.strict and self.errors:
            first = self.errors[0]
            raise PluginError(first.plugin, first.version, first.message)
        return build(
            Report,
            {
                "tool": engine.tool_info,
                "project": {
                    "name": project.project.name,
                    "file": self.file,
                    "phase": phase,
                    "months_left": facts.months_left,
                },
                "language": lang,
                "evaluated_on": self.today.isoformat(),
                "findings": tuple(findings),
                "items": items,
                "strengths": tuple(strengths),
                "questions": questions,
                "elements": elements,
                "not_followed": tuple(not_followed),
                "stale_decisions": tuple(stale),
                "effects": effect_profile(elements, lang),
                "errors": tuple(self.errors),
                "warnings": tuple(self.warnings),
                "renderers": self.setup.renderers,
            },
        )

    def fire(self, p: Planned, adjustment: int | None = None) -> None:
        """A rule whose condition holds: a strength or a finding.

        :param adjustment: which of the rule's ``[[rule.adjust]]`` applied, if one did.
        """
        ns = self.ns
        lang = self.lang
        if p.kind == "strength":
            title, message, _, _, _ = self.texts(p)
            self.strengths.append(
                build(
                    Strength,
                    {
                        "code": p.code,
                        "name": p.finding["name"],
                        "element": p.element,
                        "title": title,
                        "message": message,
                        "plugin": p.finding["plugin"],
                    },
                )
            )
            return
        kind, _, phases, serves_needs, _ = p.ranking
        phase, needs, band, short = self.context
        # NOTE: rule_context, written out: most rules serve no need and most projects'
        # phases are none of a rule's phases (a call per finding cost more than this)
        hit = phase if phase is not None and phase in phases else None
        served = (
            tuple(sorted(set(serves_needs).intersection(needs))) if serves_needs and needs else ()
        )
        # NOTE: the reasons name months_left only for warnings near the end (see near_end)
        near = self.months[0] if kind == "warning" and self.near else None
        # NOTE: cached on the engine by exactly what they depend on (see rule_context): every
        # field but the facts, so that a finding costs a copy and a few stores; the texts of
        # a rule with variants or placeholders are the project's own, set below
        key = (adjustment, id(p), hit, served, band, short, near, lang)
        entry = self.rankings.get(key)
        if entry is None:
            if len(self.rankings) >= 16384:
                self.rankings.clear()
            fixed = p.finding.copy()
            fixed.update(fixed_values(p, adjustment, (hit, served, band, short), near, lang))
            fixed["title"], fixed["message"], fixed["why"], fixed["actions"] = p.texts[lang]
            fixed["variant"] = None
            entry = self.rankings[key] = Fixed(fixed)
        values = entry.values.copy()
        own = p.varies or p.placeholders
        if own:
            texts = self.texts(p)
            values["title"], values["message"], values["why"], values["actions"] = texts[:4]
            values["variant"] = texts[4]
        values["facts"] = {n.text: n.value(ns) for n in p.needs}
        finding = build(Finding, values)
        self.findings.append(finding)
        if not own:
            self.plain[id(finding)] = (finding, entry)

    def lone(self, finding: Finding) -> Item:
        """The item of a finding alone in its group: kept with its rule's fixed fields.

        A finding as ``fire`` built it from those fields alone (its texts are the rule's,
        the bands and decisions did not replace it) always gives the same item.
        """
        known = self.plain.get(id(finding))
        if known is None or known[0] is not finding:
            return lone_item(finding, self.lang)
        entry = known[1]
        item = entry.item
        if item is None:
            item = entry.item = lone_item(finding, self.lang)
        return item

    def texts(self, p: Planned) -> tuple[str, str, str, tuple[str, ...], int | None]:
        """The title, message, why and actions of ``p`` on this project, and its variant."""
        lang = self.lang
        title, message, why, actions = p.texts[lang]
        variant = None
        if p.varies:
            title, message, actions, variant = chosen_texts(
                p, lang, self.ns, (title, message, actions), functools.partial(self.fail, p)
            )
        if p.placeholders:
            title, message, why, actions = filled((title, message, why, actions), self.ns, lang)
        return title, message, why, actions, variant

    def prioritise(self, findings: list[Finding]) -> list[Finding]:
        """Let a plugin replace the order; keep ours when its answer is not a permutation."""
        host = self.setup.host
        if not host.implements("advies_prioritise"):
            return findings
        answer = host.first_result(
            "advies_prioritise",
            self.log,
            findings=tuple(findings),
            project=self.project,
            lang=self.lang,
        )
        if answer is None:
            return findings
        plugin, result = answer
        try:
            result = list(result)
        except TypeError:
            result = []
        if not _is_permutation(result, findings):
            self.log.report(
                plugin,
                "advies_prioritise must return the same findings in a new order; "
                "the built-in order is used",
            )
            return findings
        return result


def _is_permutation(result: Sequence[Any], findings: Sequence[Finding]) -> bool:
    return all(isinstance(f, Finding) for f in result) and sorted(f.code for f in result) == sorted(
        f.code for f in findings
    )
