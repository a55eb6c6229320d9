"""``advies init``: the answers written as a commented project file (TOML).

Each fact left open is a commented-out line (``# key = ?``) with a hint at what it holds;
a table nobody filled in is shown commented out, so users see what it can hold.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import TYPE_CHECKING, Any

from .._safe_text import visible
from ..messages import choice_label, init_text
from ..project._model import FORMAT_VERSION, TABLES
from ._init_fields import ENDORSED, Field, Filled, fields_of, intro

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["comment_safe", "project_data", "render_project", "render_with_counts", "toml_string"]

#: the width of comment lines in the written file
_WIDTH = 100
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string: quotes, backslashes and control characters escaped.

    :raises ValueError: for a lone surrogate, which TOML (UTF-8) cannot hold.
    """
    out = ['"']
    for char in text:
        code = ord(char)
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        elif 0xD800 <= code <= 0xDFFF:
            raise ValueError(f"cannot write the lone surrogate U+{code:04X} to TOML")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("cannot write an infinite or NaN amount")
        text = repr(value)
        return text if any(c in text for c in ".en") else f"{text}.0"
    if isinstance(value, dt.datetime):
        raise TypeError("project files hold dates, not date-times")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def comment_safe(text: str) -> str:
    """Text that may stand in a TOML comment and on a terminal: unsafe characters written out."""
    return visible(text)


class _Writer:
    """Renders the answers as a commented TOML file."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.lines: list[str] = []
        self.known = 0
        self.open = 0

    def t(self, key: str, **params: object) -> str:
        return init_text(key, self.lang, **params)

    def comment(self, text: str) -> None:
        for line in text.splitlines():
            self.lines.append(f"# {line}".rstrip())

    def table(self, header: str, filled: Filled) -> None:
        self.lines.append(header)
        nested: list[Field] = []
        for field in fields_of(filled.path, filled.model):
            if field.kind == "table_list":
                nested.append(field)
            elif field.name in filled.values:
                self.value(field, filled.values[field.name])
            elif field.name not in filled.moot:
                self.hint(field, self.t("file.unknown"))
        for field in nested:
            assert field.model is not None
            items = filled.values.get(field.name) or []
            for item in items:
                self.lines.append("")
                self.table(f"[[{field.path}]]", item)
            if not items and field.name not in filled.moot:
                self.lines.append("")
                self.template(field.path, field.model, is_list=True)

    def value(self, field: Field, value: object) -> None:
        line = f"{field.name} = {_toml_value(value)}"
        if field.kind in ("choice", "choices") and field.path != ENDORSED:
            values = value if isinstance(value, list) else [value]
            labels = [choice_label(str(v), self.lang, field.enum) for v in values]
            if labels and labels != [str(v).replace("_", " ") for v in values]:
                line += f"  # {', '.join(labels)}"
        self.lines.append(line)
        self.known += 1

    def hint(self, field: Field, prefix: str | None = None) -> None:
        parts = [prefix] if prefix else []
        if field.required:
            parts.append(self.t("file.required"))
        parts.append(self.type_hint(field))
        line = f"# {field.name} = ?  ({'; '.join(parts)})"
        if len(line) > _WIDTH:
            self.lines += textwrap.wrap(
                line,
                width=_WIDTH,
                subsequent_indent="#     ",
                break_long_words=False,
                break_on_hyphens=False,
            )
        else:
            self.lines.append(line)
        self.open += 1

    def type_hint(self, field: Field) -> str:
        if field.path == ENDORSED:
            return self.t("file.partner_names")
        if field.kind == "choice":
            return f"{self.t('file.one_of')}: {', '.join(field.choices)}"
        if field.kind == "choices":
            return f"{self.t('file.list_of')}: {', '.join(field.choices)}"
        if field.kind == "str_list":
            return self.t("file.str_list")
        return self.t(f"file.{field.kind}")

    def template(self, path: str, model: type[BaseModel], *, is_list: bool) -> None:
        """A table nobody filled in, commented out, so users see what it can hold."""
        self.comment(intro(path, model, self.lang))
        self.comment(self.t("file.empty"))
        self.lines.append(f"# [[{path}]]" if is_list else f"# [{path}]")
        nested: list[Field] = []
        for field in fields_of(path, model):
            if field.kind == "table_list":
                nested.append(field)
            else:
                self.hint(field)
        for field in nested:
            assert field.model is not None
            self.lines.append("#")
            self.lines.append(f"# [[{field.path}]]")
            for sub in fields_of(field.path, field.model):
                self.hint(sub)


def render_project(filled: dict[str, Any], lang: str, file: str = "project.toml") -> str:
    """The project file for the answers in ``filled`` (as collected by the dialogue)."""
    return render_with_counts(filled, lang, file)[0]


def render_with_counts(filled: dict[str, Any], lang: str, file: str) -> tuple[str, int, int]:
    """The project file, the number of facts it gives and the number left open."""
    writer = _Writer(lang)
    writer.comment(init_text("file.header", lang, file=comment_safe(file)))
    writer.lines += ["", f"format = {FORMAT_VERSION}"]
    for name, (model, is_list) in TABLES.items():
        writer.lines.append("")
        entry = filled.get(name)
        if is_list:
            items = entry if isinstance(entry, list) else []
            if items:
                writer.comment(intro(name, model, lang))
                for i, item in enumerate(items):
                    if i:
                        writer.lines.append("")
                    writer.table(f"[[{name}]]", item)
            else:
                writer.template(name, model, is_list=True)
        elif isinstance(entry, Filled) and entry.has_facts():
            writer.comment(intro(name, model, lang))
            writer.table(f"[{name}]", entry)
        else:
            writer.template(name, model, is_list=False)
    return "\n".join(writer.lines) + "\n", writer.known, writer.open


def project_data(filled: dict[str, Any]) -> dict[str, Any]:
    """The answers as the data of a project file (what the written file must hold)."""
    data: dict[str, Any] = {"format": FORMAT_VERSION}
    for name, entry in filled.items():
        if isinstance(entry, list) and entry:
            data[name] = [item.data() for item in entry]
        elif isinstance(entry, Filled) and entry.has_facts():
            data[name] = entry.data()
    return data
