"""The form's values: posted fields ↔ TOML values, and one table edited in the TOML text.

A page's *state* is what its inputs hold, as text: per field a string (a choice, a date,
``true``/``false``/``""`` for yes/no/don't know, one line per item of a list of text), a
list of strings (the ticked boxes of a list of choices), or a list of states (the entries
of a list of tables). Input names are the field's path inside the page's table, entries
numbered from 1: ``name``, ``sources.2.end``, and on a list-of-tables page ``2.domain``;
``_count`` (``sources._count``) says how many entries the page has.

An empty input and "weet niet" leave the fact out: absent is not "no". Text that is no
number or date is kept as text, so the package's loader names the mistake in the CLI's
words. The table is put into the TOML text with tomlkit, key by key: a value that did
not change is not touched, so comments and every other table stay byte for byte.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import tomlkit
from tomlkit.items import AoT, Table

from ._form_model import fields

if TYPE_CHECKING:
    from pydantic import BaseModel

    from ..commands._init_fields import Field
    from ._form_model import Section

__all__ = ["NONE", "apply", "data_of", "section_data", "state_of_data", "state_of_form", "status"]

#: the value of the "none of these" box of a list of choices: an empty list, not unknown
NONE = "__none__"
#: the hidden input that says how many entries a list of tables has
COUNT = "_count"


# --- TOML values → state ----------------------------------------------------------------


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, int, float)):
        return value.isoformat() if isinstance(value, dt.date) else repr(value)
    return str(value)


def _table_state(path: str, model: type[BaseModel], data: Any) -> dict[str, Any]:
    data = data if isinstance(data, dict) else {}
    state: dict[str, Any] = {}
    for field in fields(path, model):
        value = data.get(field.name)
        if field.kind == "table_list":
            assert field.model is not None
            items = value if isinstance(value, list) else []
            state[field.name] = [_table_state(field.path, field.model, v) for v in items]
        elif value is None:
            state[field.name] = [] if field.kind == "choices" else ""
        elif field.kind == "choices":
            state[field.name] = [str(v) for v in value] if value else [NONE]
        elif field.kind == "str_list":
            state[field.name] = "\n".join(str(v) for v in value)
        else:
            state[field.name] = _shown(value)
    return state


def state_of_data(section: Section, data: Any) -> Any:
    """The state of the page ``section`` for the table's ``data`` (as TOML loads it)."""
    if section.repeated:
        items = data if isinstance(data, list) else []
        return [_table_state(section.key, section.model, v) for v in items]
    return _table_state(section.key, section.model, data)


# --- posted fields → state --------------------------------------------------------------


def _count(pairs: dict[str, list[str]], name: str) -> int:
    found = (pairs.get(name) or ["0"])[-1]
    return min(int(found), 500) if found.isdigit() else 0


def _form_table(
    path: str, model: type[BaseModel], pairs: dict[str, list[str]], prefix: str
) -> dict[str, Any]:
    state: dict[str, Any] = {}
    for field in fields(path, model):
        name = prefix + field.name
        if field.kind == "table_list":
            assert field.model is not None
            n = _count(pairs, f"{name}.{COUNT}")
            state[field.name] = [
                _form_table(field.path, field.model, pairs, f"{name}.{i}.") for i in range(1, n + 1)
            ]
        elif field.kind == "choices":
            state[field.name] = list(pairs.get(name, []))
        else:
            state[field.name] = (pairs.get(name) or [""])[-1]
    return state


def state_of_form(section: Section, posted: list[tuple[str, str]]) -> Any:
    """The state of the page ``section`` from its posted fields."""
    pairs: dict[str, list[str]] = {}
    for key, value in posted:
        pairs.setdefault(key, []).append(value)
    if section.repeated:
        n = _count(pairs, COUNT)
        return [_form_table(section.key, section.model, pairs, f"{i}.") for i in range(1, n + 1)]
    return _form_table(section.key, section.model, pairs, "")


# --- state → TOML values ----------------------------------------------------------------


def _number(raw: str, whole: bool) -> Any:
    text = raw.strip()
    if not whole and text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")  # NOTE: a Dutch decimal comma: 12,50
    try:
        return int(text)
    except ValueError:
        pass
    if not whole:
        try:
            return float(text)
        except ValueError:
            pass
    return raw  # kept as typed: the loader says what is wrong with it


def _value(field: Field, raw: Any) -> Any:
    """The TOML value of one field's state; ``None`` when the fact is left out."""
    if field.kind == "choices":
        chosen = [v for v in raw if v != NONE]
        return chosen if chosen or NONE in raw else None
    if not isinstance(raw, str):
        return None
    raw = raw.replace("\r\n", "\n")
    if not raw.strip():
        return None
    if field.kind == "bool":
        return {"true": True, "false": False}.get(raw)
    if field.kind in ("int", "float"):
        return _number(raw, field.kind == "int")
    if field.kind == "date":
        try:
            return dt.date.fromisoformat(raw.strip())
        except ValueError:
            return raw
    if field.kind == "str_list":
        return [line for line in raw.split("\n") if line.strip()] or None
    return raw


def _table_data(path: str, model: type[BaseModel], state: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for field in fields(path, model):
        raw = state.get(field.name)
        if field.kind == "table_list":
            assert field.model is not None
            items = [_table_data(field.path, field.model, s) for s in raw or []]
            value: Any = items or None
        else:
            value = _value(field, raw)
        if value is not None:
            data[field.name] = value
    return data


def data_of(section: Section, state: Any) -> Any:
    """The table (or list of tables) to write for the state; ``None``: leave it out."""
    if section.repeated:
        return [_table_data(section.key, section.model, s) for s in state] or None
    return _table_data(section.key, section.model, state)


# --- the TOML text ----------------------------------------------------------------------


def _same(old: Any, new: Any, field: Field) -> bool:
    old = old.unwrap() if hasattr(old, "unwrap") else old
    if field.kind == "choices" and isinstance(old, list) and isinstance(new, list):
        return sorted(map(str, old)) == sorted(map(str, new))  # only the order differs
    return bool(old == new) and isinstance(old, bool) == isinstance(new, bool)


def _update(table: Any, path: str, model: type[BaseModel], data: dict[str, Any]) -> None:
    for field in fields(path, model):
        new = data.get(field.name)
        if field.kind == "table_list":
            assert field.model is not None
            _set_list(table, field.name, field.path, field.model, new)
        elif new is None:
            if field.name in table:
                del table[field.name]
        elif field.name not in table or not _same(table[field.name], new, field):
            table[field.name] = new


def _new_table(path: str, model: type[BaseModel], data: dict[str, Any], gap: bool) -> Table:
    table = tomlkit.table()
    _update(table, path, model, data)
    if gap:  # NOTE: an entry added to a list of tables: a blank line before what follows
        table.add(tomlkit.nl())
    return table


def _set_list(
    parent: Any, key: str, path: str, model: type[BaseModel], items: list[dict[str, Any]] | None
) -> None:
    if not items:
        if key in parent:
            del parent[key]
        return
    found = parent.get(key)
    if not isinstance(found, AoT):  # absent, or written inline: made anew
        parent[key] = tomlkit.aot()
        found = parent[key]
    for i, item in enumerate(items):
        if i < len(found):
            _update(found[i], path, model, item)
        else:
            found.append(_new_table(path, model, item, gap=True))
    while len(found) > len(items):
        del found[len(found) - 1]


def apply(source: str, section: Section, data: Any) -> str:
    """``source`` with the table of ``section`` replaced by ``data``, the rest as written."""
    doc = tomlkit.parse(source)
    parent: Any = doc
    key = section.key
    if key.startswith("extensions."):
        key = key.partition(".")[2]
        if "extensions" not in doc:
            if not data:
                return source
            doc["extensions"] = tomlkit.table(is_super_table=True)
        parent = doc["extensions"]
    if section.repeated:
        _set_list(parent, key, section.key, section.model, data)
    elif key in parent:
        _update(parent[key], section.key, section.model, data)
    elif data:
        parent[key] = _new_table(section.key, section.model, data, gap=False)
    return tomlkit.dumps(doc)


def section_data(source: str, section: Section) -> Any:
    """The table of ``section`` in the TOML text (``None`` when the file has none)."""
    found: Any = tomlkit.parse(source).unwrap()
    for part in section.key.split("."):
        found = found.get(part) if isinstance(found, dict) else None
    return found


def _filled(path: str, model: type[BaseModel], data: dict[str, Any]) -> tuple[int, int]:
    given = sum(1 for f in fields(path, model) if f.name in data)
    return given, len(model.model_fields)


def status(section: Section, data: Any) -> str:
    """``not_started``, ``incomplete`` or ``complete``: which fields the table has."""
    items = (data if isinstance(data, list) else []) if section.repeated else [data]
    counts = [_filled(section.key, section.model, d) for d in items if isinstance(d, dict)]
    if not counts or sum(given for given, _ in counts) == 0:
        return "not_started"
    return "complete" if all(given == total for given, total in counts) else "incomplete"
