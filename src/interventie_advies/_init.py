"""``advies init``: ask about a project in the terminal and write a commented project file.

The questions follow the pydantic models of ``_project.py``: one part per table in the order
of ``TABLES`` (the order of docs/project-file.md), one question per field in the order of the
model, and the kind of question (yes/no, a choice, a number, a date, text) follows the field's
type. Only the wording lives in ``_labels.py``.

"Don't know" leaves the fact out of the file: unknown is not false, and the advice asks about
it later. The written file shows each fact left open as a commented-out line (``# key = ?``).
Nothing is written until every question is answered; Ctrl-C (or input that ends early) leaves
no file behind and exits with code 130.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import shlex
import textwrap
import types
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar, Union, get_args, get_origin

import annotated_types
import click
from pydantic import BaseModel

from . import _enums
from ._errors import UsageError
from ._io import atomic_write
from ._labels import (
    NO_ANSWERS,
    SKIP_ANSWERS,
    UNKNOWN_ANSWERS,
    YES_ANSWERS,
    choice_label,
    has_init_text,
    init_text,
)
from ._load import load_project
from ._project import FORMAT_VERSION, TABLES

if TYPE_CHECKING:
    from pydantic.fields import FieldInfo

__all__ = ["EXIT_STOPPED", "init_project", "render_project", "toml_string"]

#: exit code after Ctrl-C or input that ends early (128 + SIGINT, as shells do)
EXIT_STOPPED = 130

_ENUM_NAMES: dict[Any, str] = {
    value: name for name, value in vars(_enums).items() if get_origin(value) is Literal
}

#: a question is pointless when another answer in the same table has this value
#: ("TABLE.*": every other question of the table); the fact is then left out without a hint
_MOOT_WHEN: dict[str, tuple[str, object]] = {
    "residents.barriers_addressed": ("barriers", []),
    "art.artist_community_experience": ("professional_artist", False),
    "contact.channel_moderator": ("group_channel", "none"),
    "meeting_place.*": ("available", False),
    "end_product.*": ("planned", False),
    "collaboration.differences_addressed": ("differences", []),
    "knowledge.sources": ("research_used", False),
    "knowledge.evaluation_method": ("evaluation_planned", False),
}
#: list questions whose choices are the answers to another list question in the same table
_CHOSEN_FROM = {
    "residents.barriers_addressed": "barriers",
    "collaboration.differences_addressed": "differences",
}
#: list questions that accept 0 ("none of these": an empty list)
_MAY_BE_EMPTY = {
    "residents.barriers",
    "residents.barriers_addressed",
    "collaboration.differences",
    "collaboration.differences_addressed",
    "vision.endorsed_by_partners",
}
#: asked after the partners are known, chosen from their names
_ENDORSED = "vision.endorsed_by_partners"
#: text answers that must differ between the items of a list of tables
_UNIQUE = {"partners.name"}

#: the width of comment lines in the written file
_WIDTH = 100
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


# --- fields, derived from the models -------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class _Field:
    """One question: what the model says about a field."""

    path: str
    name: str
    kind: str  # str, bool, int, float, date, choice, choices, str_list, table_list
    required: bool
    choices: tuple[str, ...] = ()
    enum: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    model: type[BaseModel] | None = None
    description: str | None = None


def _field(path: str, name: str, info: FieldInfo) -> _Field:
    annotation: Any = info.annotation
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        annotation = args[0] if len(args) == 1 else annotation
    is_list = get_origin(annotation) is list
    inner: Any = get_args(annotation)[0] if is_list else annotation
    limits: dict[str, Any] = {}
    for meta in info.metadata:
        if isinstance(meta, annotated_types.Ge):
            limits["minimum"] = meta.ge
        elif isinstance(meta, annotated_types.Le):
            limits["maximum"] = meta.le
        elif isinstance(meta, annotated_types.MinLen):
            limits["min_length"] = meta.min_length
        elif isinstance(meta, annotated_types.MaxLen):
            limits["max_length"] = meta.max_length
    common: dict[str, Any] = {
        "path": f"{path}.{name}",
        "name": name,
        "required": info.is_required(),
        "description": info.description,
        **limits,
    }
    if get_origin(inner) is Literal:
        kind = "choices" if is_list else "choice"
        return _Field(kind=kind, choices=get_args(inner), enum=_ENUM_NAMES.get(inner), **common)
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return _Field(kind="table_list", model=inner, **common)
    kinds: dict[Any, str] = {bool: "bool", int: "int", float: "float", dt.date: "date", str: "str"}
    if inner not in kinds or (is_list and inner is not str):
        raise TypeError(f"advies init cannot ask for {path}.{name} ({info.annotation})")
    return _Field(kind="str_list" if is_list else kinds[inner], **common)


def _fields(path: str, model: type[BaseModel]) -> list[_Field]:
    return [_field(path, name, info) for name, info in model.model_fields.items()]


# --- answers ---------------------------------------------------------------------------------


@dataclasses.dataclass
class _Filled:
    """The answers for one table, or for one item of a list of tables."""

    path: str
    model: type[BaseModel]
    #: field name -> value; a list of tables holds a list of _Filled
    values: dict[str, Any] = dataclasses.field(default_factory=dict)
    #: fields not asked because another answer made them pointless
    moot: set[str] = dataclasses.field(default_factory=set)
    skipped: bool = False
    #: the items given before this one, for a list of tables
    siblings: list[_Filled] = dataclasses.field(default_factory=list)

    def data(self) -> dict[str, Any]:
        """The answers as the dict the model validates."""
        return {
            key: [item.data() for item in value] if _is_items(value) else value
            for key, value in self.values.items()
        }

    def has_facts(self) -> bool:
        return bool(self.values)


def _is_items(value: object) -> bool:
    return isinstance(value, list) and bool(value) and isinstance(value[0], _Filled)


class _SkipPart(Exception):
    """The user asked to skip the rest of this part."""


class _Invalid(Exception):
    """An answer that cannot be used; the message is the hint to show."""


_UNKNOWN: Any = object()
_N = TypeVar("_N", int, float)


def _read(prompt: str) -> str:
    """Read one answer (tests replace this to simulate Ctrl-C)."""
    answer: str = click.prompt(prompt, default="", show_default=False, prompt_suffix=" ")
    return answer


def _heading(text: str) -> None:
    """A bold line, plain when NO_COLOR is set (click drops styles when not a terminal)."""
    click.secho(text, bold=not os.environ.get("NO_COLOR"))


def _normalise(answer: str) -> str:
    text = " ".join(answer.split()).casefold().replace("’", "'")
    return text.rstrip(".!")


# --- the dialogue ------------------------------------------------------------------------------


class _Session:
    """Asks the questions, part by part, and collects the answers."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def t(self, key: str, **params: object) -> str:
        return init_text(key, self.lang, **params)

    def run(self) -> dict[str, Any]:
        click.echo(self.t("welcome"))
        filled: dict[str, Any] = {}
        for i, (name, (model, is_list)) in enumerate(TABLES.items(), 1):
            click.echo()
            _heading(f"{self.t('part', i=i, n=len(TABLES))}. {_intro(name, model, self.lang)}")
            if name != "project":
                click.echo(self.t("skip_hint"))
            if is_list:
                items: list[_Filled] = []
                filled[name] = items
                try:
                    self.ask_items(name, model, items)
                except _SkipPart:
                    click.echo(self.t("skipped"))
            else:
                table = _Filled(name, model)
                filled[name] = table
                try:
                    self.fill(table)
                except _SkipPart:
                    table.skipped = True
                    click.echo(self.t("skipped"))
            if name == "partners":
                self.ask_endorsements(filled)
        return filled

    def fill(self, table: _Filled) -> None:
        """Ask every field of ``table``; raises _SkipPart when the user skips."""
        for field in _fields(table.path, table.model):
            if field.path == _ENDORSED:
                continue
            if _is_moot(table, field.name):
                table.moot.add(field.name)
                continue
            if field.kind == "table_list":
                assert field.model is not None
                items: list[_Filled] = []
                try:
                    self.ask_items(field.path, field.model, items)
                finally:
                    if items:
                        table.values[field.name] = items
                continue
            value = self.ask(field, table)
            if value is not _UNKNOWN:
                table.values[field.name] = value

    def ask_items(self, path: str, model: type[BaseModel], items: list[_Filled]) -> None:
        """Ask "add one?" and the fields of each item until the answer is no."""
        while self.ask_more(f"{'more' if items else 'add'}.{path}"):
            what = self.t(f"item.{path}") if has_init_text(f"item.{path}") else path
            _heading(f"{what} {len(items) + 1}")
            item = _Filled(path, model, siblings=items)
            try:
                self.fill(item)
            except _SkipPart:
                missing = _missing_required(item)
                if missing is None:
                    items.append(item)
                else:
                    question = self.question(missing)
                    click.echo(self.t("item_dropped", what=what.lower(), question=question))
                raise
            items.append(item)

    def ask_more(self, key: str) -> bool:
        """A yes/no question that ends a loop; "don't know" and skip mean no."""
        text = self.t(key) if has_init_text(key) else key
        while True:
            answer = _normalise(_read(f"{text} [{self.t('yes_no_loop')}]"))
            if answer in YES_ANSWERS:
                return True
            if answer in NO_ANSWERS or answer in UNKNOWN_ANSWERS:
                return False
            if answer in SKIP_ANSWERS:
                raise _SkipPart
            click.echo(f"  {self.t('hint.yes_no_loop')}")

    def ask_endorsements(self, filled: dict[str, Any]) -> None:
        """Which partners endorse the shared goal: asked once the partners are known."""
        vision = filled.get("vision")
        partners = filled.get("partners") or []
        if not isinstance(vision, _Filled) or vision.skipped or not partners:
            return
        field = next(f for f in _fields("vision", vision.model) if f.path == _ENDORSED)
        names = tuple(item.values["name"] for item in partners)
        click.echo()
        try:
            value = self.ask(dataclasses.replace(field, kind="choices", choices=names), vision)
        except _SkipPart:
            return
        if value is not _UNKNOWN:
            vision.values[field.name] = value

    def question(self, field: _Field) -> str:
        key = f"q.{field.path}"
        if has_init_text(key):
            return self.t(key)
        text = field.description or field.name.replace("_", " ")
        return f"{text[:1].upper()}{text[1:]}?"

    def ask(self, field: _Field, table: _Filled) -> Any:
        """Ask one field until the answer is usable; _UNKNOWN for "don't know"."""
        question = self.question(field)
        choices: tuple[str, ...] = ()
        if field.kind in ("choice", "choices"):
            choices = _choices_for(field, table)
            click.echo(question)
            allow_none = field.kind == "choices" and field.path in _MAY_BE_EMPTY
            if allow_none:
                click.echo(f"  0. {self.t('choose_none')}")
            for i, value in enumerate(choices, 1):
                shown = value if field.path == _ENDORSED else _shown(value, field.enum, self.lang)
                click.echo(f"  {i}. {shown}")
            prompt = self.t("choose_one" if field.kind == "choice" else "choose_many") + ":"
        elif field.kind == "bool":
            prompt = f"{question} [{self.t('yes_no')}]"
        elif field.kind == "date":
            prompt = f"{question} ({self.t('date_form')})"
        elif field.kind == "int":
            prompt = f"{question} ({self.t('whole_number')})"
        elif field.kind == "float":
            prompt = f"{question} ({self.t('euro')})"
        elif field.kind == "str_list":
            click.echo(f"{question} {self.t('list_items')}")
            return self.ask_list(field)
        else:
            prompt = question
        while True:
            raw = _read(prompt)
            answer = _normalise(raw)
            if answer in SKIP_ANSWERS:
                if table.path == "project" and field.required:
                    click.echo(f"  {self.t('hint.no_skip_project')}")
                    continue
                raise _SkipPart
            if answer in UNKNOWN_ANSWERS:
                if field.required:
                    click.echo(f"  {self.t('hint.required')}")
                    continue
                return _UNKNOWN
            try:
                return self.parse(field, raw.strip(), table, choices)
            except _Invalid as exc:
                click.echo(f"  {exc}")

    def ask_list(self, field: _Field) -> Any:
        """Texts one per line; an empty line ends the list."""
        items: list[str] = []
        while True:
            raw = _read("  -")
            answer = _normalise(raw)
            if answer in SKIP_ANSWERS:
                raise _SkipPart
            if answer in UNKNOWN_ANSWERS:
                return items or _UNKNOWN
            try:
                items.append(self.parse_text(raw.strip()))
            except _Invalid as exc:
                click.echo(f"  {exc}")
            if field.max_length is not None and len(items) >= field.max_length:
                return items

    def parse(self, field: _Field, raw: str, table: _Filled, choices: tuple[str, ...]) -> Any:
        """Turn an answer into the value the model expects; _Invalid with a hint if not."""
        kind = field.kind
        if kind == "bool":
            answer = _normalise(raw)
            if answer in YES_ANSWERS:
                return True
            if answer in NO_ANSWERS:
                return False
            raise _Invalid(self.t("hint.yes_no"))
        if kind == "int":
            return self.parse_int(field, raw)
        if kind == "float":
            return self.parse_amount(field, raw)
        if kind == "date":
            value = self.parse_date(raw)
            start = table.values.get("start")
            if field.name == "end" and isinstance(start, dt.date) and value < start:
                raise _Invalid(self.t("hint.end_before_start", start=start.isoformat()))
            return value
        if kind == "choice":
            return self.parse_choice(field, raw, choices)
        if kind == "choices":
            return self.parse_choices(field, raw, choices)
        text = self.parse_text(raw, field.max_length)
        if field.path in _UNIQUE and any(s.values.get(field.name) == text for s in table.siblings):
            raise _Invalid(self.t("hint.unique"))
        return text

    def parse_text(self, raw: str, max_length: int | None = None) -> str:
        if _CONTROL.search(raw):
            raise _Invalid(self.t("hint.bad_text"))
        try:
            raw.encode("utf-8")
        except UnicodeEncodeError:
            raise _Invalid(self.t("hint.bad_text")) from None
        if max_length is not None and len(raw) > max_length:
            raise _Invalid(self.t("hint.too_long", n=max_length))
        return raw

    def parse_int(self, field: _Field, raw: str) -> int:
        text = raw.replace(" ", "")
        if not re.fullmatch(r"[+-]?\d+", text):
            raise _Invalid(self.t("hint.whole_number"))
        if len(text) > 15:
            raise _Invalid(self.t("hint.at_most", n=_number(field.maximum or 10**15)))
        return self.bounded(field, int(text))

    def parse_amount(self, field: _Field, raw: str) -> int | float:
        text = raw.replace("€", "").replace(" ", "")
        if not re.fullmatch(r"\d{1,15}(?:[.,]\d{1,2})?", text):
            raise _Invalid(self.t("hint.euro"))
        value = float(text.replace(",", "."))
        number = int(value) if value.is_integer() else value
        return self.bounded(field, number)

    def bounded(self, field: _Field, value: _N) -> _N:
        if field.minimum is not None and value < field.minimum:
            raise _Invalid(self.t("hint.at_least", n=_number(field.minimum)))
        if field.maximum is not None and value > field.maximum:
            raise _Invalid(self.t("hint.at_most", n=_number(field.maximum)))
        return value

    def parse_date(self, raw: str) -> dt.date:
        text = raw.replace(" ", "")
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                return dt.date.fromisoformat(text)
            dutch = re.fullmatch(r"(\d{1,2})[-/](\d{1,2})[-/](\d{4})", text)
            if dutch and self.lang == "nl":
                day, month, year = (int(part) for part in dutch.groups())
                return dt.date(year, month, day)
        except ValueError:
            pass
        raise _Invalid(self.t("hint.date"))

    def parse_choice(self, field: _Field, raw: str, choices: tuple[str, ...]) -> str:
        value = self.resolve(field, raw.strip(), choices)
        if value is None:
            raise _Invalid(self.t("hint.choice"))
        return value

    def parse_choices(self, field: _Field, raw: str, choices: tuple[str, ...]) -> list[str]:
        hint = self.t("hint.choices")
        if raw.strip() == "0":
            if field.path in _MAY_BE_EMPTY:
                return []
            raise _Invalid(hint)
        tokens = [part.strip() for part in re.split(r"[,;]", raw) if part.strip()]
        if len(tokens) == 1 and re.fullmatch(r"\d+(?:\s+\d+)+", tokens[0]):
            tokens = tokens[0].split()
        values: list[str] = []
        for token in tokens:
            value = self.resolve(field, token, choices)
            if value is None:
                raise _Invalid(hint)
            if value not in values:
                values.append(value)
        if not values or (field.min_length is not None and len(values) < field.min_length):
            raise _Invalid(hint)
        return values

    def resolve(self, field: _Field, token: str, choices: tuple[str, ...]) -> str | None:
        """A number from the list, a value, or a label in either language."""
        if token.isdigit():
            index = int(token)
            return choices[index - 1] if 1 <= index <= len(choices) else None
        wanted = _normalise(token)
        for value in choices:
            names = {value, value.replace("_", " ")}
            if field.path != _ENDORSED:
                names |= {choice_label(value, lang, field.enum) for lang in ("nl", "en")}
            if wanted in {_normalise(name) for name in names}:
                return value
        return None


def _is_moot(table: _Filled, name: str) -> bool:
    for key in (f"{table.path}.{name}", f"{table.path}.*"):
        rule = _MOOT_WHEN.get(key)
        if rule is None or rule[0] == name or rule[0] not in table.values:
            continue
        found = table.values[rule[0]]
        if type(found) is type(rule[1]) and found == rule[1]:
            return True
    return False


def _choices_for(field: _Field, table: _Filled) -> tuple[str, ...]:
    source = _CHOSEN_FROM.get(field.path)
    chosen = table.values.get(source) if source else None
    if isinstance(chosen, list) and chosen:
        return tuple(value for value in field.choices if value in chosen)
    return field.choices


def _missing_required(item: _Filled) -> _Field | None:
    for field in _fields(item.path, item.model):
        if field.required and field.name not in item.values:
            return field
    return None


def _shown(value: str, enum: str | None, lang: str) -> str:
    label = choice_label(value, lang, enum)
    return label if label == value.replace("_", " ") else f"{label} ({value})"


def _number(value: float) -> str:
    return f"{value:g}" if value < 10**15 else str(int(value))


def _intro(path: str, model: type[BaseModel], lang: str) -> str:
    key = f"intro.{path}"
    return init_text(key, lang) if has_init_text(key) else (model.__doc__ or path).strip()


# --- writing TOML ------------------------------------------------------------------------------


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


def _comment_safe(text: str) -> str:
    """Text that may stand in a TOML comment (no control characters)."""
    return _CONTROL.sub("?", text)


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

    def table(self, header: str, filled: _Filled) -> None:
        self.lines.append(header)
        nested: list[_Field] = []
        for field in _fields(filled.path, filled.model):
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

    def value(self, field: _Field, value: object) -> None:
        line = f"{field.name} = {_toml_value(value)}"
        if field.kind in ("choice", "choices") and field.path != _ENDORSED:
            values = value if isinstance(value, list) else [value]
            labels = [choice_label(str(v), self.lang, field.enum) for v in values]
            if labels and labels != [str(v).replace("_", " ") for v in values]:
                line += f"  # {', '.join(labels)}"
        self.lines.append(line)
        self.known += 1

    def hint(self, field: _Field, prefix: str | None = None) -> None:
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

    def type_hint(self, field: _Field) -> str:
        if field.path == _ENDORSED:
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
        self.comment(_intro(path, model, self.lang))
        self.comment(self.t("file.empty"))
        self.lines.append(f"# [[{path}]]" if is_list else f"# [{path}]")
        nested: list[_Field] = []
        for field in _fields(path, model):
            if field.kind == "table_list":
                nested.append(field)
            else:
                self.hint(field)
        for field in nested:
            assert field.model is not None
            self.lines.append("#")
            self.lines.append(f"# [[{field.path}]]")
            for sub in _fields(field.path, field.model):
                self.hint(sub)


def render_project(filled: dict[str, Any], lang: str, file: str = "project.toml") -> str:
    """The project file for the answers in ``filled`` (as collected by the dialogue)."""
    return _render(filled, lang, file)[0]


def _render(filled: dict[str, Any], lang: str, file: str) -> tuple[str, int, int]:
    writer = _Writer(lang)
    writer.comment(init_text("file.header", lang, file=_comment_safe(file)))
    writer.lines += ["", f"format = {FORMAT_VERSION}"]
    for name, (model, is_list) in TABLES.items():
        writer.lines.append("")
        entry = filled.get(name)
        if is_list:
            items = entry if isinstance(entry, list) else []
            if items:
                writer.comment(_intro(name, model, lang))
                for i, item in enumerate(items):
                    if i:
                        writer.lines.append("")
                    writer.table(f"[[{name}]]", item)
            else:
                writer.template(name, model, is_list=True)
        elif isinstance(entry, _Filled) and entry.has_facts():
            writer.comment(_intro(name, model, lang))
            writer.table(f"[{name}]", entry)
        else:
            writer.template(name, model, is_list=False)
    return "\n".join(writer.lines) + "\n", writer.known, writer.open


def _data(filled: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {"format": FORMAT_VERSION}
    for name, entry in filled.items():
        if isinstance(entry, list) and entry:
            data[name] = [item.data() for item in entry]
        elif isinstance(entry, _Filled) and entry.has_facts():
            data[name] = entry.data()
    return data


# --- the command -------------------------------------------------------------------------------


def _check_target(path: Path, lang: str, force: bool) -> None:
    """Refuse at once, before any question, what could not be written at the end."""
    shown = str(path)
    if path.is_dir():
        raise UsageError(init_text("is_folder", lang, file=shown))
    if path.exists() and not force:
        raise UsageError(init_text("exists", lang, file=shown))
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise UsageError(init_text("no_folder", lang, folder=str(folder)))


def init_project(
    file: str | os.PathLike[str] = "project.toml", *, lang: str = "nl", force: bool = False
) -> Path:
    """Ask about a project in the terminal and write a commented project file to ``file``.

    The file is checked with :func:`load_project` before it is written, and written
    atomically. An existing file is replaced only with ``force``.

    :raises UsageError: ``file`` exists (without ``force``), is a folder, or its folder is
        missing; raised before the first question.
    :raises click.exceptions.Exit: with :data:`EXIT_STOPPED` after Ctrl-C or when the input
        ends before the last question; nothing is written then.
    """
    lang = "en" if lang == "en" else "nl"
    path = Path(file)
    _check_target(path, lang, force)
    shown = shlex.quote(_comment_safe(str(file)))
    try:
        filled = _Session(lang).run()
        text, known, still_open = _render(filled, lang, shown)
        written = load_project(text=text, file=str(path))
        if written != load_project(_data(filled), file=str(path)):  # pragma: no cover
            raise UsageError(f"{path}: the file would not hold the answers given (a bug)")
        atomic_write(path, text, overwrite=force)
    except (click.Abort, KeyboardInterrupt, EOFError):
        click.echo(err=True)
        click.echo(init_text("stopped", lang), err=True)
        raise click.exceptions.Exit(EXIT_STOPPED) from None
    click.echo()
    click.echo(init_text("written", lang, file=shown))
    click.echo(init_text("counts", lang, known=known, open=still_open))
    click.echo(init_text("next", lang, file=shown))
    return path
