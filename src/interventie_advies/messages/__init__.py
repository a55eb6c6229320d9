"""The one catalogue of Dutch and English words: labels, headings, titles, questions.

Every table of words lives here, shared by the CLI, the reports and the web pages; each
entry carries both languages side by side (:class:`Entry`). A key is ``namespace.name``;
the namespaces, and the module that holds each:

- ``word``: words every report renderer shares, and enum values (``_report.py``)
- ``html``, ``diff``: words only the HTML report, or ``advies diff``, needs (``_report.py``)
- ``score``, ``effort``: the factors of a score (``_report.py``)
- ``reason``: why an item is where it is, in plain words (``_report.py``)
- ``theme``: titles of the themes, the root causes rules share (``_themes.py``)
- ``choice``: labels of enum values in project files (``_choices.py``)
- ``init``: the questions and dialogue of ``advies init`` (``_init_questions.py``,
  ``_init_dialogue.py``)
- ``portfolio``: words of ``advies portfolio`` (``_portfolio.py``)
- ``element``, ``effect``: titles of the twelve elements and three effects (``_project.py``)
- ``table_question``: the question for a table a project file leaves out (``_project.py``)
- ``field_question``: the question for each field rules wait for (``_fields.py``)
- ``field_help``: what each key of a project file holds, for the JSON Schema
  (``_field_help.py``, ``_field_help_partners.py``)
- ``type``, ``limit``, ``pattern``: what a value should be, in validation errors
  (``_project.py``)
- ``explain``, ``plugins``, ``scaffold``: the labels of ``advies explain``, ``advies
  plugins`` and what ``advies plugin new`` prints (``_commands.py``)
- ``toml``: the TOML parser's reasons for a syntax error, in plain words (``_project.py``)
- ``web``: labels, headings and buttons of the web pages (``_web.py``)

Sentences written where they are used (error messages, mostly) are not tables: they go
through ``t(nl=..., en=...)`` of ``_i18n.py``. A namespace's module is imported on first
use, so the questions of ``advies init`` cost nothing to ``advies run``.
"""

from __future__ import annotations

import functools
import importlib
from types import MappingProxyType
from typing import TYPE_CHECKING

from ._entry import Entry

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "NAMESPACES",
    "NO_ANSWERS",
    "SKIP_ANSWERS",
    "UNKNOWN_ANSWERS",
    "YES_ANSWERS",
    "Entry",
    "choice_label",
    "counted",
    "entry",
    "has_init_text",
    "has_text",
    "init_text",
    "label",
    "summary_line",
    "table",
    "text",
    "word",
]

#: each namespace and the modules (in this package) that hold its entries
NAMESPACES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "word": ("_report",),
        "html": ("_report",),
        "diff": ("_report",),
        "score": ("_report",),
        "reason": ("_report",),
        "effort": ("_report",),
        "theme": ("_themes",),
        "choice": ("_choices",),
        "init": ("_init_questions", "_init_later", "_init_dialogue"),
        "portfolio": ("_portfolio",),
        "element": ("_project",),
        "effect": ("_project",),
        "table_question": ("_project",),
        "field_question": ("_fields",),
        "field_help": ("_field_help", "_field_help_partners"),
        "type": ("_project",),
        "limit": ("_project",),
        "pattern": ("_project",),
        "explain": ("_commands",),
        "plugins": ("_commands",),
        "scaffold": ("_commands",),
        "toml": ("_project",),
        "web": ("_web", "_web_advice", "_web_form", "_web_funders", "_web_people", "_web_errors"),
    }
)

#: answers that mean "don't know" (the fact is left out), "skip the rest of this part",
#: yes and no; accepted in either language
UNKNOWN_ANSWERS = frozenset(
    {"", "?", "weet niet", "weet ik niet", "onbekend", "don't know", "dont know", "unknown"}
)
SKIP_ANSWERS = frozenset({"overslaan", "sla over", "sla dit deel over", "skip", "skip this part"})
YES_ANSWERS = frozenset({"j", "ja", "y", "yes", "true"})
NO_ANSWERS = frozenset({"n", "nee", "no", "false"})


@functools.cache
def table(namespace: str) -> Mapping[str, Entry]:
    """Every entry of ``namespace``, by name (read-only); ``KeyError`` for an unknown one."""
    merged: dict[str, Entry] = {}
    for module in NAMESPACES[namespace]:
        merged.update(importlib.import_module(f"{__name__}.{module}").TABLES[namespace])
    return MappingProxyType(merged)


def entry(key: str) -> Entry | None:
    """The entry ``namespace.name``, or ``None`` when the namespace has no such name."""
    namespace, _, name = key.partition(".")
    return table(namespace).get(name)


def has_text(key: str) -> bool:
    """Whether the catalogue has an entry ``namespace.name``."""
    return entry(key) is not None


def text(key: str, lang: str, /, **params: object) -> str:
    """The entry ``namespace.name`` in ``lang`` (``nl`` or ``en``), ``params`` filled in.

    An unknown key is a ``KeyError``: every key the package uses is in the catalogue (a
    test checks that).
    """
    found = entry(key)
    if found is None:
        raise KeyError(key)
    chosen = found.pick(lang)
    return chosen.format(**params) if params else chosen


# --- the lookups the renderers and `advies init` use --------------------------------------


@functools.lru_cache(maxsize=4096)  # renderers ask for the same few words over and over
def word(key: str, lang: str) -> str:
    """The report word ``key`` in ``lang``; the key itself when unknown (a plugin's value)."""
    found = table("word").get(key)
    return key if found is None else found.pick(lang)


label = word


def counted(n: int, key: str, lang: str) -> str:
    """``n`` with the singular or plural word, e.g. ``1 vraag`` or ``3 vragen``."""
    return f"{n} {word(f'{key}_1' if n == 1 else f'{key}_n', lang)}"


def summary_line(summary: Mapping[str, object], lang: str) -> str:
    """The counts of a report in one line."""
    parts = [
        counted(int(summary[key]), key, lang)  # type: ignore[call-overload]
        for key in ("recommendations", "warnings", "questions", "strengths")
    ]
    return " · ".join(parts)


def choice_label(value: str, lang: str, enum: str | None = None) -> str:
    """The label of the enum value ``value`` (of the enum called ``enum``) in ``lang``.

    ``Enum.value`` first where a value means different things in different enums, then
    the plain value, then the report word, then the value itself.
    """
    choices = table("choice")
    found = (choices.get(f"{enum}.{value}") if enum else None) or choices.get(value)
    return word(value, lang) if found is None else found.pick(lang)


def init_text(key: str, lang: str, **params: object) -> str:
    """The text ``key`` of `advies init` in ``lang``, with ``params`` filled in."""
    return text(f"init.{key}", lang, **params)


def has_init_text(key: str) -> bool:
    """Whether `advies init` has a text for ``key``."""
    return key in table("init")
