"""One item per root cause: group the ranked findings by theme, then settle the top five.

docs/prioritisation.md ("One item per root cause") gives the reasoning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..messages import has_text, text
from ..report._items import Item
from ..report._values import build

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence, Set

    from ..report._values import Finding

__all__ = ["KEEP_IN_TOP", "MOST_ACTIONS", "SUSTAINABILITY_TOP", "TOP", "items_of", "lone_item"]

#: the items the text, Markdown and HTML reports put first
TOP = 5
#: items whose leading finding is tagged ``sustainability`` that the top five holds at most
#: while other high items wait
SUSTAINABILITY_TOP = 2
#: an item shows at most this many actions (the findings keep all of theirs)
MOST_ACTIONS = 6
#: the tag of a rule whose high finding is always shown in the top five (the built-in
#: KEY01: no partner who knows the residents; docs/rule-format.md#tags)
KEEP_IN_TOP = "keep_in_top"


def _item(group: Sequence[Finding], lang: str) -> Item:
    lead = group[0]
    theme = lead.theme
    codes: tuple[str, ...]
    # NOTE: a lone finding says it more precisely than its theme; the theme's title names
    # what several findings share
    if len(group) == 1:
        title, actions, codes = lead.title, dict.fromkeys(lead.actions), (lead.code,)
    else:
        key = f"theme.{theme}"
        title = text(key, lang) if theme and has_text(key) else lead.title
        actions = dict.fromkeys(a for f in group for a in f.actions)
        codes = tuple(f.code for f in group)
    return build(
        Item,
        {
            "theme": theme,
            "code": lead.code,
            "element": lead.element,
            "kind": lead.kind,
            "priority": lead.priority,
            "title": title,
            "message": lead.message,
            "why": lead.why,
            "reasons": lead.reasons,
            "actions": tuple(actions)[:MOST_ACTIONS],
            "codes": codes,
            "tags": lead.tags,
            "decision": lead.decision,
            "source": lead.source,
            "evidence": lead.evidence,
        },
    )


def lone_item(finding: Finding, lang: str) -> Item:
    """The item of a finding that shares its theme with no other finding of the report."""
    return _item((finding,), lang)


def _sustainability(item: Item) -> bool:
    return "sustainability" in item.tags


def _settle(items: list[Item], kept: Set[str]) -> list[Item]:
    """The top five: at most two sustainability items while other high ones wait.

    A sustainability item past the second moves down behind the next high item that is
    not about sustainability (so bands stay in order); then an item covering one of
    ``kept`` (high findings of rules tagged :data:`KEEP_IN_TOP`), when it is not in the
    top five, takes the fifth place.
    """
    shown: list[Item] = []
    rest = list(items)
    while rest and len(shown) < TOP:
        if _sustainability(rest[0]) and sum(map(_sustainability, shown)) >= SUSTAINABILITY_TOP:
            other = next((i for i in rest if i.priority == "high" and not _sustainability(i)), None)
            if other is not None:
                rest.remove(other)
                shown.append(other)
                continue
        shown.append(rest.pop(0))
    gap = next((i for i in rest if not kept.isdisjoint(i.codes)), None)
    if gap is not None:
        rest.remove(gap)
        rest.insert(0, shown.pop())
        shown.append(gap)
    return shown + rest


def items_of(
    findings: Sequence[Finding],
    lang: str,
    lone: Callable[[Finding], Item] | None = None,
) -> tuple[Item, ...]:
    """The report's items: one per theme (or per finding without one), in show order.

    :param findings: the findings in the report's order (band, score, code).
    :param lone: gives the item of a finding alone in its group (default:
        :func:`lone_item`); the engine keeps those it can reuse.
    """
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.theme or f"\0{f.code}", []).append(f)
    kept = {f.code for f in findings if f.priority == "high" and KEEP_IN_TOP in f.tags}
    items = [
        _item(group, lang) if len(group) > 1 or lone is None else lone(group[0])
        for group in groups.values()
    ]
    return tuple(_settle(items, kept))
