"""The team's decisions on advice (``[[decisions]]``), applied to a run's findings.

Advice the team rejected or found not applicable moves out of the findings into
``not_followed``; other decisions stay attached to their finding; a decision on advice
that no longer fires is listed as stale, so the team can remove or revisit it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..report._values import Decision, Finding, NotFollowed, StaleDecision

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ..project._settings import Decision as DecisionEntry
    from ..rulebook._rules import Rule
    from ._plan import Planned

__all__ = ["apply_decisions", "latest", "set_aside"]


def latest(
    decisions: Sequence[DecisionEntry] | None, find_rule: Callable[[str], Rule]
) -> dict[str, tuple[int, DecisionEntry]]:
    """Per rule code, the team's last decision on it (and its place in the file).

    NOTE: a file may hold several decisions on one rule, a history: the last one counts,
    for what leaves the advice as for what is shown with it.
    """
    return {find_rule(d.rule).code: (i, d) for i, d in enumerate(decisions or ())}


def set_aside(
    decisions: Sequence[DecisionEntry] | None, find_rule: Callable[[str], Rule]
) -> set[str]:
    """The codes the team's decisions move out of the advice (rejected, not applicable)."""
    return {
        code
        for code, (_, d) in latest(decisions, find_rule).items()
        if d.status in ("rejected", "not_applicable")
    }


def apply_decisions(
    findings: list[Finding],
    active: Sequence[Planned],
    decisions: Sequence[DecisionEntry],
    find_rule: Callable[[str], Rule],
) -> tuple[list[Finding], list[NotFollowed], list[StaleDecision]]:
    """Attach ``[[decisions]]``; move rejected advice out; list stale decisions.

    :param active: the rules that ran (a decision on a rule left out is not stale).
    :param find_rule: the rule a decision names, by code or name (the run has already
        checked that every decision names one).
    """
    if not decisions:
        return findings, [], []
    by_code = latest(decisions, find_rule)
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
            kept.append(replace(finding, decision=Decision(d.status, d.reason, date, d.by)))
    # a decision about a strength or a rule left out by select/ignore is not stale
    selected = {p.code for p in active if p.kind != "strength"}
    stale = [
        StaleDecision(decisions[i].rule, d.status)
        for code, (i, d) in sorted(by_code.items(), key=lambda kv: kv[1][0])
        if code in selected and code not in fired
    ]
    return kept, not_followed, stale
