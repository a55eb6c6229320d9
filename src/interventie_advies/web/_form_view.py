"""What a form page shows: its widgets, built from the model, a state and the problems.

Every input has the id ``f-`` + its TOML path with ``.`` as ``-``, entries of a list of
tables numbered from 1 as in error messages (``f-partners-2-domain``,
``f-funding-sources-1-end``); a list of tables is a group with the id of its path without
a number (``f-partners``, ``f-funding-sources``), so links to a field or a list land there.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Any

from ..messages import has_init_text, has_text, init_text, text
from ._form_model import fields, hint, label, option_label
from ._form_values import COUNT, NONE

if TYPE_CHECKING:
    from collections.abc import Callable

    from pydantic import BaseModel

    from .._errors import Problem
    from ..commands._init_fields import Field
    from ._form_model import Section

__all__ = [
    "Entry",
    "Group",
    "Widget",
    "build",
    "change",
    "differences",
    "field_id",
    "flat",
    "place",
]

_INDEX = re.compile(r"\[(\d+)\]")


@dataclasses.dataclass
class Widget:
    """One field: its input's id and name, words, value, choices and problem."""

    id: str
    name: str
    kind: str  # str, text, int, float, date, bool, choice, choices, str_list
    label: str
    hint: str
    value: Any  # the state: text, or the ticked values of a list of choices
    options: list[tuple[str, str]]
    required: bool
    error: str = ""


@dataclasses.dataclass
class Entry:
    """One entry of a list of tables."""

    id: str
    title: str
    remove: str  # the value of its remove button
    items: list[Widget | Group]


@dataclasses.dataclass
class Group:
    """A list of tables: its entries and the names of its count and add button."""

    id: str
    title: str
    count_name: str
    add: str
    what: str
    entries: list[Entry]


def _kind(field: Field, value: Any) -> str:
    if field.kind == "str" and ((field.max_length or 0) > 500 or "\n" in str(value or "")):
        return "text"  # NOTE: a few sentences: a text area, where line breaks are kept
    return field.kind


def _widget(field: Field, wid: str, name: str, value: Any, lang: str) -> Widget:
    options: list[tuple[str, str]] = []
    if field.kind in ("choice", "choices"):
        options = [(v, option_label(field, v, lang)) for v in field.choices]
    elif field.kind == "bool":
        options = [("true", text("web.form_yes", lang)), ("false", text("web.form_no", lang))]
    if field.kind in ("bool", "choice"):
        options.append(("", text("web.form_unknown", lang)))
    if field.kind == "choices":
        options.append((NONE, text("web.form_none", lang)))
    empty: Any = [] if field.kind == "choices" else ""
    return Widget(
        id=wid,
        name=name,
        kind=_kind(field, value),
        label=label(field, lang),
        hint=hint(field, lang),
        value=empty if value is None else value,
        options=options,
        required=field.required,
    )


def _what(path: str, lang: str) -> str:
    key = f"item.{path}"
    return init_text(key, lang) if has_init_text(key) else text("web.form_item", lang)


def _table(
    path: str, model: type[BaseModel], state: Any, wid: str, name: str, lang: str
) -> list[Widget | Group]:
    state = state if isinstance(state, dict) else {}
    items: list[Widget | Group] = []
    for field in fields(path, model):
        fid, fname = f"{wid}-{field.name}", f"{name}{field.name}"
        if field.kind == "table_list":
            assert field.model is not None
            found = _group(field.path, field.model, state.get(field.name), fid, fname, lang)
            key = f"web.form_table_{field.path}"
            found.title = text(key, lang) if has_text(key) else found.title
            items.append(found)
        else:
            items.append(_widget(field, fid, fname, state.get(field.name), lang))
    return items


def _group(path: str, model: type[BaseModel], state: Any, gid: str, name: str, lang: str) -> Group:
    what = _what(path, lang)
    dot = f"{name}." if name else ""
    entries = [
        Entry(
            id=f"{gid}-{i}",
            title=text("web.form_entry", lang, what=what, n=i),
            remove=f"remove:{dot}{i}",
            items=_table(path, model, item, f"{gid}-{i}", f"{dot}{i}.", lang),
        )
        for i, item in enumerate(state if isinstance(state, list) else [], 1)
    ]
    return Group(gid, what, f"{dot}{COUNT}", f"add:{name}", what, entries)


def build(section: Section, state: Any, lang: str) -> list[Widget | Group]:
    """The widgets of the page ``section`` holding ``state``."""
    wid = "f-" + section.key.replace(".", "-")
    if section.repeated:
        return [_group(section.key, section.model, state, wid, "", lang)]
    return _table(section.key, section.model, state, wid, "", lang)


def flat(items: list[Widget | Group]) -> list[Widget]:
    """Every widget, entries' ones included, in page order."""
    found: list[Widget] = []
    for item in items:
        if isinstance(item, Widget):
            found.append(item)
        else:
            for entry in item.entries:
                found += flat(entry.items)
    return found


def _ids(items: list[Widget | Group]) -> set[str]:
    found: set[str] = set()
    for item in items:
        found.add(item.id)
        if isinstance(item, Group):
            for entry in item.entries:
                found.add(entry.id)
                found |= _ids(entry.items)
    return found


def field_id(path: str) -> str:
    """The input id of a problem's TOML path: ``partners[1].domain`` → ``f-partners-2-domain``."""
    numbered = _INDEX.sub(lambda m: f".{int(m.group(1)) + 1}", path)
    return "f-" + numbered.replace(".", "-")


def place(
    items: list[Widget | Group], problems: list[Problem], elsewhere: Callable[[str], str]
) -> list[tuple[str, str, str]]:
    """Put each problem next to its field; the summary's (link, label, message) lines.

    A problem of a table as a whole lands on its group or entry; one in another table
    (the change broke what it says) links to that table's page, ``elsewhere(path)``.
    """
    ids = _ids(items)
    widgets = {w.id: w for w in flat(items)}
    lines: list[tuple[str, str, str]] = []
    for problem in problems:
        wid = field_id(problem.path) if problem.path else ""
        while wid and wid not in ids:
            wid = wid.rpartition("-")[0] if "-" in wid[2:] else ""
        found = widgets.get(wid)
        if found is not None and not found.error:
            found.error = problem.message
        shown = found.label if found else (problem.label or problem.path)
        link = f"#{wid}" if wid else elsewhere(problem.path)
        lines.append((link, shown, problem.message))
    return lines


def _shown(widget: Widget) -> str:
    if widget.kind in ("bool", "choice", "choices"):
        chosen = widget.value if isinstance(widget.value, list) else [widget.value]
        names = dict(widget.options)
        return ", ".join(str(names.get(v, v)) for v in chosen if v) or "—"
    return str(widget.value).strip() or "—"


def differences(
    mine: list[Widget | Group], theirs: list[Widget | Group]
) -> list[tuple[str, str, str, str]]:
    """The fields whose values differ: (id, label, my value, their value)."""
    newest = {w.id: w for w in flat(theirs)}
    rows = []
    seen = set()
    for widget in flat(mine):
        seen.add(widget.id)
        other = newest.get(widget.id)
        them = _shown(other) if other else "—"
        if _shown(widget) != them:
            rows.append((widget.id, widget.label, _shown(widget), them))
    for wid, other in newest.items():
        if wid not in seen and _shown(other) != "—":
            rows.append((wid, other.label, "—", _shown(other)))
    return rows


def change(state: Any, action: str) -> Any:
    """``state`` after an "add one" (``add:sources``) or "remove" (``remove:sources.2``)."""
    verb, _, target = action.partition(":")
    parts = [p for p in target.split(".") if p]
    if verb == "remove" and parts and parts[-1].isdigit():
        index = int(parts.pop()) - 1
    elif verb == "add":
        index = -1
    else:
        return state
    found: Any = state
    for part in parts:
        if isinstance(found, dict) and not part.isdigit():
            found = found.setdefault(part, [])
        elif isinstance(found, list) and part.isdigit() and 0 < int(part) <= len(found):
            found = found[int(part) - 1]
        else:
            return state
    if not isinstance(found, list):
        return state
    if verb == "add":
        found.append({})
    elif 0 <= index < len(found):
        del found[index]
    return state
