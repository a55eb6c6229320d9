"""The texts a finding shows: the rule's variant for this moment, its conditional actions.

A rule may carry ``[[rule.variants]]`` (texts for a phase or a moment) and
``[[rule.extra_actions]]`` (actions that only apply to some projects), see
docs/rule-format.md. Both are compiled once with the rule; here they run on the project's
namespace, with the run's step budget, in the order the rule gives them:

- the first variant whose ``needs`` are known and whose ``when`` holds replaces the title,
  message and actions it gives;
- each conditional action whose ``needs`` are known and whose ``when`` holds is added
  after the actions (unknown is not true: an action that may not apply is left out).

A condition that raises is recorded as the rule's error and counts as false.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..rulebook._placeholders import fill_placeholders

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._plan import Planned, TextChoice

__all__ = ["Texts", "chosen_texts", "filled"]

#: title, message, actions and the variant used (1, 2, …; None: the rule's own texts)
Texts = tuple[str, str, tuple[str, ...], int | None]


def _holds(
    choice: TextChoice, namespace: dict[str, Any], fail: Callable[[str], None], what: str
) -> bool:
    if any(absent(namespace) for absent in choice.needs):
        return False
    try:
        return bool(eval(choice.code, namespace))
    except Exception as exc:  # the rule's failure: recorded, the text is not chosen
        fail(f"{what} failed: {type(exc).__name__}: {exc}")
        return False


def chosen_texts(
    p: Planned,
    lang: str,
    namespace: dict[str, Any],
    texts: tuple[str, str, tuple[str, ...]],
    fail: Callable[[str], None],
) -> Texts:
    """The title, message and actions of ``p`` on this project, and the variant used.

    :param texts: the rule's own title, message and actions in ``lang``.
    :param fail: records a message as the rule's error on this project.
    """
    title, message, actions = texts
    used = None
    for k, variant in enumerate(p.variants, 1):
        if _holds(variant, namespace, fail, f"variant {k}"):
            new_title, new_message, new_actions = variant.texts[lang]
            title = new_title if new_title is not None else title
            message = new_message if new_message is not None else message
            actions = new_actions if new_actions is not None else actions
            used = k
            break
    extra = tuple(
        a.texts[lang][1] or ""
        for k, a in enumerate(p.extra_actions, 1)
        if _holds(a, namespace, fail, f"extra action {k}")
    )
    return title, message, actions + extra, used


def filled(
    texts: tuple[str, str, str, tuple[str, ...]], namespace: dict[str, Any], lang: str
) -> tuple[str, str, str, tuple[str, ...]]:
    """Title, message, why and actions with their placeholders filled in ``lang``."""
    title, message, why, actions = texts
    return (
        fill_placeholders(title, namespace, lang),
        fill_placeholders(message, namespace, lang),
        fill_placeholders(why, namespace, lang),
        tuple(fill_placeholders(a, namespace, lang) for a in actions),
    )
