"""A project given as JSON (``{"project": {...}}``) written as TOML text.

The project file is the canonical form: the API stores TOML text, so JSON input is turned
into TOML once, here. Strings are written with the same escaping as ``advies init``'s
writer; a string the validated project reads as a date is written as a TOML date, so the
stored file looks as a person would write it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from pydantic import BaseModel

from ..commands._init_toml import toml_string
from ..messages._i18n import t

__all__ = ["to_toml"]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _key(name: str) -> str:
    return name if _BARE_KEY.fullmatch(name) else toml_string(name)


def _value(value: Any, model: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
        return repr(value)
    if isinstance(value, str):
        if isinstance(model, dt.date) and model.isoformat() == value:
            return value  # a TOML date
        return toml_string(value)
    if isinstance(value, list):
        items = [
            _value(v, model[i] if isinstance(model, list) and i < len(model) else None)
            for i, v in enumerate(value)
        ]
        return "[" + ", ".join(items) + "]"
    if isinstance(value, dict):
        return (
            "{"
            + ", ".join(f"{_key(k)} = {_value(v, _part(model, k))}" for k, v in value.items())
            + "}"
        )
    if value is None:
        raise ValueError(
            t(
                nl="null kan niet in TOML; laat de sleutel weg als het niet bekend is",
                en="null has no TOML form: leave the key out",
            )
        )
    raise ValueError(f"cannot write {type(value).__name__} to TOML")


def _part(model: Any, key: str) -> Any:
    """The validated value for ``key`` of ``model`` (a pydantic model or a dict), if any."""
    if isinstance(model, BaseModel):
        return getattr(model, key, None)
    if isinstance(model, dict):
        return model.get(key)
    return None


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _table(lines: list[str], path: list[str], data: dict[str, Any], model: Any) -> None:
    """Write the keys of one table, then its sub-tables and lists of tables."""
    later: list[tuple[str, Any]] = []
    for key, value in data.items():
        if value is None:
            continue  # "weet niet": an absent fact, not a value
        if isinstance(value, dict) or _is_table_list(value):
            later.append((key, value))
        else:
            lines.append(f"{_key(key)} = {_value(value, _part(model, key))}")
    for key, value in later:
        sub = [*path, _key(key)]
        part = _part(model, key)
        if isinstance(value, dict):
            lines += ["", f"[{'.'.join(sub)}]"]
            _table(lines, sub, value, part)
        else:
            for i, item in enumerate(value):
                lines += ["", f"[[{'.'.join(sub)}]]"]
                item_model = part[i] if isinstance(part, list) and i < len(part) else None
                _table(lines, sub, item, item_model)


def to_toml(data: dict[str, Any], validated: BaseModel | None = None) -> str:
    """``data`` (a project file as JSON) as TOML text.

    :param validated: the project validated from ``data``: its dates say which strings
        are dates.
    :raises ValueError: a value TOML cannot hold (``null`` inside a list, a lone surrogate).
    """
    lines: list[str] = []
    _table(lines, [], data, validated)
    return "\n".join(lines).lstrip("\n") + "\n"
