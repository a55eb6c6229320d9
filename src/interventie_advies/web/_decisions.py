"""A team's decision on a piece of advice, written into the TOML text as ``[[decisions]]``.

Pure functions on text: the web layer parses the form and saves the result as a new
version. The document is edited with tomlkit, so that everything outside the one entry
written (comments, layout, line ends, the order of tables) stays byte for byte as the
team wrote it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, get_args

import tomlkit
from tomlkit.items import AoT, Array, InlineTable, Table

from ..project._enums import DecisionStatus

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

__all__ = ["STATUSES", "needs_reason", "set_decision"]

#: the statuses a decision may have, in the order a form offers them
STATUSES: tuple[str, ...] = get_args(DecisionStatus)


def needs_reason(status: str) -> bool:
    """Whether a decision with ``status`` must say why (it moves advice out of the list)."""
    return status in ("rejected", "not_applicable")


def set_decision(
    source: str,
    code: str,
    status: str,
    reason: str | None,
    date: dt.date,
    code_of: Callable[[str], str | None],
) -> str:
    """``source`` with the decision on rule ``code`` written: its last entry replaced, or one added.

    :param code_of: the code of the rule an entry names (by code or name), ``None`` for
        one that names no rule; a file may name a rule either way.

    NOTE: the entry keeps the ``rule`` as the file wrote it, and loses ``by``: that named
    whoever decided before, not this decision (the web app writes no names into a file).
    """
    doc = tomlkit.parse(source)
    values: dict[str, object] = {"status": status, "reason": reason or None, "date": date}
    found = doc.get("decisions")
    if isinstance(found, (AoT, Array)):
        for index in reversed(range(len(found))):
            entry = found[index]
            if isinstance(entry, (Table, InlineTable)) and code_of(str(entry.get("rule"))) == code:
                _update(entry, values)
                return _line_ends(source, tomlkit.dumps(doc))
        if isinstance(found, Array):
            new_inline = tomlkit.inline_table()
            new_inline.update(_fresh(code, values))
            found.append(new_inline)
            return _line_ends(source, tomlkit.dumps(doc))
        table = _table(code, values)
        # NOTE: a blank line between entries, as between the ones the file has
        if len(found) and found[-1].as_string().endswith("\n\n"):
            table.add(tomlkit.nl())
        else:
            table.trivia.indent = "\n"
        found.append(table)
        return _line_ends(source, tomlkit.dumps(doc))
    tables = tomlkit.aot()
    tables.append(_table(code, values))
    doc.append("decisions", tables)
    return _line_ends(source, tomlkit.dumps(doc))


def _fresh(code: str, values: dict[str, object]) -> dict[str, object]:
    return {"rule": code} | {k: v for k, v in values.items() if v is not None}


def _table(code: str, values: dict[str, object]) -> Table:
    table = tomlkit.table()
    for key, value in _fresh(code, values).items():
        table.add(key, value)
    return table


def _update(entry: Table | InlineTable, values: dict[str, object]) -> None:
    """Set the keys of one entry in place; what follows its last key stays after it."""
    # NOTE: tomlkit counts the blank lines and comments after a table's last key (before
    # the next table) as that table's; a key added would land after them, so they are
    # taken off while the keys change and put back after
    body = entry.value.body
    keyed = [i for i, (key, _) in enumerate(body) if key is not None]
    trailing = [item for _, item in body[keyed[-1] + 1 :]] if keyed else []
    if keyed and isinstance(entry, Table):
        del body[keyed[-1] + 1 :]
    else:
        trailing = []
    for key, value in values.items():
        if value is not None:
            entry[key] = value
        elif key in entry:
            del entry[key]
    if "by" in entry:
        del entry["by"]
    for item in trailing:
        entry.value.append(None, item)


def _line_ends(source: str, written: str) -> str:
    """Lines tomlkit added end as the file's own do (a file in CRLF stays in CRLF)."""
    if "\r\n" in source and "\n" not in source.replace("\r\n", ""):
        return re.sub(r"(?<!\r)\n", "\r\n", written)
    return written
