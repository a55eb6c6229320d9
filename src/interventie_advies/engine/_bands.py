"""Keep high scarce, order by band, and say in plain words why an item is where it is.

See docs/prioritisation.md: the score's numbers stay in ``score_factors`` (JSON and
``advies explain``); the reports show the plain ``reasons``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..messages import table, word
from ..report._values import build
from ._prioritise import (
    WEIGHTS,
    Weights,
    _say,
    _short,
    _sustainability,
    order,
    raises,
)
from ._themes import KEEP_IN_TOP

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

    from ..report._values import Finding

__all__ = ["NEAR_MONTHS", "high_limit", "hold_bands", "near_end", "plain_reasons"]

_REASON = table("reason")


def _plain(key: str, lang: str, **values: object) -> str:
    text = _REASON[key].pick(lang)
    return text.format(**values) if values else text


def _money(months_left: int, lang: str) -> str:
    """When the money stops, as a clause."""
    if months_left < 0:
        return _plain("money_gone", lang)
    if months_left == 0:
        return _plain("money_now", lang)
    if months_left == 1:
        return _plain("money_1", lang)
    return _plain("money_n", lang, n=months_left)


def _sentence(clause: str) -> str:
    return f"{clause[:1].upper()}{clause[1:]}."


def _adjusted(reason: str) -> str:
    """A rule's adjustment reason ("verhoogd: …") as a sentence."""
    reason = reason.strip()
    return reason if reason.endswith((".", "!", "?")) else _sentence(reason)


def plain_reasons(
    *,
    base: str,
    priority: str,
    adjustment: str | None,
    kind: str,
    element: str,
    phases: Collection[str],
    serves_needs: Collection[str],
    effort: str | None,
    phase: str | None,
    needs: Collection[str],
    months_left: int | None,
    funding_months: int | None,
    lang: str = "nl",
    weights: Weights = WEIGHTS,
) -> tuple[str, ...]:
    """Why a finding is where it is, in plain sentences without the score's numbers.

    :param base: the rule's own priority.
    :param priority: the rule's priority, or the one an adjustment set.
    :param adjustment: the reason of the adjustment that set ``priority``, if one did.
    """
    out: list[str] = []
    if adjustment:
        out.append(_adjusted(adjustment))
    _, raised = raises(
        priority,
        base=base,
        kind=kind,
        element=element,
        months_left=months_left,
        funding_months=funding_months,
        weights=weights,
    )
    by = {key for key, _ in raised}
    short = _plain("short", lang, m=weights.short_months)
    money = _money(months_left, lang) if months_left is not None else ""
    if "short" in by:
        out.append(_plain("raised", lang, x=short))
    if "urgent" in by:
        out.append(_plain("raised", lang, x=money))
    elif kind == "warning" and months_left is not None and months_left <= 6:
        out.append(_sentence(money))
    if "short" not in by and _sustainability(kind, element) and _short(funding_months, weights):
        out.append(_sentence(short))
    if phase is not None and phase in phases:
        out.append(_plain("phase", lang, x=word(phase, lang)))
    served = sorted(set(serves_needs).intersection(needs)) if serves_needs and needs else ()
    if served:
        out.append(_plain("need", lang, x=", ".join(word(n, lang) for n in served)))
    if effort == "low":
        out.append(_plain("quick", lang))
    if not out:
        out.append(_plain(f"base_{base}", lang))
    return tuple(out)


#: the reasons name ``months_left`` for a warning only up to here (the urgent raise, or
#: the money clause of a warning within six months: see :func:`plain_reasons`)
NEAR_MONTHS = max(6, WEIGHTS.urgent_months)


def near_end(months_left: int | None) -> bool:
    """Whether a warning's reasons can name ``months_left`` (so it must be in a cache key)."""
    return months_left is not None and months_left <= NEAR_MONTHS


def _unraised(reason: str, lang: str) -> str:
    """A context's raise that high's scarcity undid: only the fact remains a reason."""
    head, _, tail = _REASON["raised"].pick(lang).partition("{x}")
    if reason.startswith(head) and reason.endswith(tail):
        return _sentence(reason[len(head) : len(reason) - len(tail)])
    return reason


def high_limit(count: int, weights: Weights = WEIGHTS) -> int:
    """How many of ``count`` findings may be high: a third, at least one, at most eight."""
    return min(weights.high_most, max(1, count // weights.high_share))


def hold_bands(
    findings: Sequence[Finding],
    lang: str,
    *,
    aside: Collection[str] = (),
    weights: Weights = WEIGHTS,
) -> list[Finding]:
    """Keep high for the strongest cases, then order by band, score and code.

    When more findings are high than :func:`high_limit` allows, high stays with the
    findings whose own rule priority is high (by score, then code), then with the raised
    ones; the others are shown as medium, with the reason (a context's raise they lose is
    told as a plain fact).

    :param aside: codes of findings the team set aside (rejected, not applicable): they
        leave the report, so they neither count nor take a high place.
    """
    shown = [f for f in findings if f.code not in aside]
    high = [f for f in shown if f.priority == "high"]
    limit = high_limit(len(shown), weights)
    if len(high) <= limit:
        return order(findings)
    # NOTE: a finding tagged keep_in_top keeps high first: its item must reach the top
    # five (_themes)
    high.sort(
        key=lambda f: (f.base_priority != "high", KEEP_IN_TOP not in f.tags, -f.score, f.code)
    )
    # NOTE: the high places go to root causes, not to findings: a theme's first finding
    # leads its item; the theme's other findings come after every other root cause, so
    # five findings about money for afterwards do not push out a different gap
    lead: dict[str, str] = {}
    for f in high:
        if f.theme is not None:
            lead.setdefault(f.theme, f.code)
    high.sort(key=lambda f: f.theme is not None and lead[f.theme] != f.code)
    held = {f.code for f in high[limit:]}
    factor = _say("held", lang, p=word("medium", lang), n=limit)
    result = []
    for f in findings:
        if f.code in held:
            values = dict(vars(f))
            values["priority"] = "medium"
            values["score_factors"] = (factor, *f.score_factors)
            if f.theme is not None and lead[f.theme] not in held | {f.code}:
                reason = _plain("held_theme", lang, code=lead[f.theme])
            else:
                reason = _plain("held", lang)
            values["reasons"] = (reason, *(_unraised(r, lang) for r in f.reasons))
            f = build(type(f), values)
        result.append(f)
    return order(result)
