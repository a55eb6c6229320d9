"""Test harness for rule authors and plugin authors (public).

Run a rule file's own examples as pytest cases::

    import pytest
    from interventie_advies.testing import example_cases, run_example

    @pytest.mark.parametrize("case", example_cases("src/my_plugin/rules/jeugd.toml"))
    def test_rule_examples(case):
        run_example(case).check()

Build an engine with only some plugins and assert on what it says::

    from interventie_advies.testing import make_engine, assert_fires
    report = make_engine(my_plugin).advise(project, date=DATE)
    assert_fires(report, "JGD01")

Or from the shell: ``python -m interventie_advies.testing rules/contact.toml``.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._errors import AdviesError
from .engine._engine import Engine
from .hookspecs import hookimpl
from .rulebook._rules import Example, Rule, load_rules

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from .report._report import Report

__all__ = [
    "DEFAULT_DATE",
    "ExampleCase",
    "ExampleResult",
    "RulesPlugin",
    "assert_asks",
    "assert_fires",
    "assert_silent",
    "example_cases",
    "example_project",
    "make_engine",
    "run_example",
]

#: the evaluation date of an example that gives none
DEFAULT_DATE = dt.date(2026, 6, 1)


class RulesPlugin:
    """A plugin that contributes the given rules (for tests and harnesses)."""

    def __init__(self, rules: Sequence[Rule], name: str = "rules-under-test") -> None:
        self.rules = list(rules)
        self.__name__ = name

    @hookimpl
    def advies_rules(self) -> list[Rule]:
        """Return the rules under test."""
        return self.rules


def make_engine(
    *plugins: object, rules: Iterable[str | os.PathLike[str]] = (), builtin: bool = False
) -> Engine:
    """An engine with only ``plugins`` (and rule files), without installed entry points.

    :param builtin: also include the built-in rules.
    """
    return Engine(plugins=list(plugins), rules=rules, builtin=builtin)


def example_project(example: Example) -> dict[str, Any]:
    """The full project of an example: ``format = 1`` and a project name are added."""
    data = dict(example.project)
    info = dict(data.get("project") or {})
    info.setdefault("name", "Voorbeeld")
    data["project"] = info
    data.setdefault("format", 1)
    return data


@dataclass(frozen=True)
class ExampleCase:
    """One example of one rule, ready to run."""

    rule: Rule
    index: int
    example: Example
    plugins: tuple[object, ...] = ()
    provided: bool = False  # the rule comes from one of ``plugins`` itself

    @property
    def id(self) -> str:
        """A readable pytest id, e.g. ``CON01-2-asks``."""
        what = (
            "fires"
            if self.example.fires
            else "silent"
            if self.example.fires is False
            else ("asks" if self.example.asks else "no-question")
        )
        return f"{self.rule.code}-{self.index}-{what}"


@dataclass(frozen=True)
class ExampleResult:
    """What the engine did with one example."""

    case: ExampleCase
    report: Report | None
    error: str | None = None
    #: the same example in English, when it checks texts (``text_contains``)
    english: Report | None = None

    @property
    def fired(self) -> bool:
        """The rule gave a finding or a strength."""
        code = self.case.rule.code
        return self.report is not None and (
            any(f.code == code for f in self.report.findings)
            or any(n.code == code for n in self.report.not_followed)
            or any(s.code == code for s in self.report.strengths)
        )

    @property
    def asked(self) -> bool:
        """The rule asked a question because a fact it needs is absent."""
        code = self.case.rule.code
        return self.report is not None and any(code in q.codes for q in self.report.questions)

    def problem(self) -> str | None:
        """Why the example failed, or None when it passed."""
        ex, code = self.case.example, self.case.rule.code
        origin = f"{self.case.rule.origin} " if self.case.rule.origin else ""
        where = f"{origin}{code} example {self.case.index}"
        if self.error is not None:
            return f"{where}: {self.error}"
        # errors of this rule, and failures of the plugins it runs with
        errors = [e for e in self.report.errors if e.rule in (code, None)] if self.report else []
        if errors:
            return f"{where}: the condition raised: {errors[0].message}"
        if ex.fires is True and not self.fired:
            why = " (it asked a question instead: a needed fact is absent)" if self.asked else ""
            return f"{where}: expected the rule to fire, it did not{why}"
        if ex.fires is False and (self.fired or self.asked):
            return f"{where}: expected no finding and no question, got " + (
                "a finding" if self.fired else "a question"
            )
        if ex.asks is True and not self.asked:
            return f"{where}: expected a question, got " + (
                "a finding" if self.fired else "nothing"
            )
        if ex.asks is False and self.asked:
            return f"{where}: expected no question, got one"
        return self._text_problem(where)

    def _text_problem(self, where: str) -> str | None:
        """Whether the finding used the expected variant and shows the expected text."""
        ex, code = self.case.example, self.case.rule.code
        found = [f for r in (self.report, self.english) if r for f in r.findings if f.code == code]
        if not found:
            return None
        if ex.variant is not None and (found[0].variant or 0) != ex.variant:
            used = found[0].variant or 0
            return f"{where}: expected variant {ex.variant}, the finding used variant {used}"
        texts = [t for f in found for t in (f.title, f.message, f.why, *f.actions)]
        if ex.text_contains is not None and not any(ex.text_contains in t for t in texts):
            return f"{where}: no text of the finding contains {ex.text_contains!r}"
        return None

    def check(self) -> None:
        """Fail (AssertionError) with a readable reason when the example did not pass."""
        problem = self.problem()
        if problem is not None:
            raise AssertionError(problem)


def example_cases(
    source: str | os.PathLike[str] | Sequence[Rule] | object, *plugins: object
) -> list[ExampleCase]:
    """Every example of every rule, in order, ready for ``pytest.mark.parametrize``.

    :param source: a rule file, a list of rules, or a plugin (module or object with an
        ``advies_rules`` hook): then its own rules are used and the plugin itself is
        registered when the examples run, with its extensions, facts and renderers.
    :param plugins: further plugins the rules depend on (e.g. one that provides facts).
        For a rule file, the extension models these plugins register are what its
        conditions may read as ``extensions.NAME``.
    """
    if isinstance(source, (str, os.PathLike)):
        rules = load_rules(source, extensions=_extensions_of(plugins))
        provided = False
    elif callable(getattr(source, "advies_rules", None)):
        rules = list(source.advies_rules())  # type: ignore[attr-defined]
        plugins = (source, *plugins)
        provided = True
    else:
        rules = list(source)  # type: ignore[call-overload]
        provided = False
    return [
        ExampleCase(rule, i, ex, tuple(plugins), provided)
        for rule in rules
        for i, ex in enumerate(rule.examples)
    ]


def _extensions_of(plugins: Iterable[object]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for plugin in plugins:
        hook = getattr(plugin, "advies_project_extensions", None)
        if callable(hook):
            found.update(hook())
    return found


_ENGINES: dict[tuple[int, ...], Engine] = {}


def run_example(case: ExampleCase) -> ExampleResult:
    """Run one example with an engine that has only the rule's own plugins.

    Only the rule under test is selected, so other rules of the same plugin stay quiet.
    """
    key = (id(case.rule) if not case.provided else 0, *map(id, case.plugins))
    engine = _ENGINES.get(key)
    if engine is None:
        extra = () if case.provided else (RulesPlugin([case.rule]),)
        engine = make_engine(*extra, *case.plugins)
        _ENGINES[key] = engine
    date = case.example.date or DEFAULT_DATE
    try:
        report = engine.advise(example_project(case.example), date=date, select=[case.rule.code])
        english = None
        if case.example.text_contains is not None:
            english = engine.advise(
                example_project(case.example), lang="en", date=date, select=[case.rule.code]
            )
    except AdviesError as exc:
        return ExampleResult(case, None, f"the example project is not valid: {exc}")
    return ExampleResult(case, report, english=english)


def _codes(report: Report) -> set[str]:
    return {f.code for f in report.findings} | {s.code for s in report.strengths}


def assert_fires(report: Report, code: str) -> None:
    """Assert that rule ``code`` gave a finding or strength."""
    assert code in _codes(report), f"{code} did not fire; fired: {sorted(_codes(report))}"


def assert_silent(report: Report, code: str) -> None:
    """Assert that rule ``code`` gave no finding, strength or question."""
    assert code not in _codes(report), f"{code} fired"
    asked = {c for q in report.questions for c in q.codes}
    assert code not in asked, f"{code} asked a question"


def assert_asks(report: Report, code: str, missing: Iterable[str] | None = None) -> None:
    """Assert that rule ``code`` asked a question (about ``missing`` fields, if given)."""
    for q in report.questions:
        if code in q.codes:
            if missing is not None:
                assert set(missing) <= set(q.missing), f"{code} asked about {q.missing}"
            return
    raise AssertionError(f"{code} asked no question")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the examples of the given rule files; print failures; return an exit code."""
    paths = list(sys.argv[1:] if argv is None else argv)
    if not paths:
        print("usage: python -m interventie_advies.testing RULEFILE...", file=sys.stderr)
        return 2
    failed = total = 0
    for path in paths:
        try:
            cases = example_cases(Path(path))
        except AdviesError as exc:
            print(exc, file=sys.stderr)
            failed += 1
            continue
        for case in cases:
            total += 1
            problem = run_example(case).problem()
            if problem:
                failed += 1
                print(f"FAIL {problem}")
    print(f"{total - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
