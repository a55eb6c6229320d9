"""``advies init``: the dialogue in the terminal, part by part, that collects the answers.

"Don't know" leaves a fact out (unknown is not false); "skip" leaves the rest of a part out.
Every answer is checked as it is given, with a hint when it cannot be used.
"""

from __future__ import annotations

import dataclasses
import os
from typing import TYPE_CHECKING, Any

import click

from ..messages import (
    NO_ANSWERS,
    SKIP_ANSWERS,
    UNKNOWN_ANSWERS,
    YES_ANSWERS,
    choice_label,
    has_init_text,
)
from ..project._model import TABLES
from ._init_answers import MAY_BE_EMPTY, Answers, Invalid, normalise
from ._init_fields import ENDORSED, Field, Filled, fields_of, intro, missing_required

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["Session"]

#: a question is pointless when another answer in the same table has this value
#: ("TABLE.*": every other question of the table); the fact is then left out without a hint
_MOOT_WHEN: dict[str, tuple[str, object]] = {
    "residents.barriers_addressed": ("barriers", []),
    "art.artist_community_experience": ("professional_artist", False),
    "art.stories_consent": ("uses_residents_stories", False),
    "art.stories_aftercare": ("uses_residents_stories", False),
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


class _SkipPart(Exception):
    """The user asked to skip the rest of this part."""


_UNKNOWN: Any = object()


def _read(prompt: str) -> str:
    """Read one answer (tests replace this to simulate Ctrl-C)."""
    answer: str = click.prompt(prompt, default="", show_default=False, prompt_suffix=" ")
    return answer


def _heading(text: str) -> None:
    """A bold line, plain when NO_COLOR is set (click drops styles when not a terminal)."""
    click.secho(text, bold=not os.environ.get("NO_COLOR"))


class Session(Answers):
    """Asks the questions, part by part, and collects the answers.

    ``filled`` holds the answers given so far, also when the dialogue is stopped half-way
    (Ctrl-C): ``advies init`` then offers to keep them.
    """

    def __init__(self, lang: str) -> None:
        super().__init__(lang)
        self.filled: dict[str, Any] = {}

    def run(self) -> dict[str, Any]:
        click.echo(self.t("welcome"))
        filled = self.filled
        for i, (name, (model, is_list)) in enumerate(TABLES.items(), 1):
            click.echo()
            _heading(f"{self.t('part', i=i, n=len(TABLES))}. {intro(name, model, self.lang)}")
            if name != "project":
                click.echo(self.t("skip_hint"))
            if is_list:
                items: list[Filled] = []
                filled[name] = items
                try:
                    self.ask_items(name, model, items)
                except _SkipPart:
                    click.echo(self.t("skipped"))
            else:
                table = Filled(name, model)
                filled[name] = table
                try:
                    self.fill(table)
                except _SkipPart:
                    table.skipped = True
                    click.echo(self.t("skipped"))
            if name == "partners":
                self.ask_endorsements(filled)
        return filled

    def fill(self, table: Filled) -> None:
        """Ask every field of ``table``; raises _SkipPart when the user skips."""
        for field in fields_of(table.path, table.model):
            if field.path == ENDORSED:
                continue
            if _is_moot(table, field.name):
                table.moot.add(field.name)
                continue
            if field.kind == "table_list":
                assert field.model is not None
                items: list[Filled] = []
                try:
                    self.ask_items(field.path, field.model, items)
                finally:
                    if items:
                        table.values[field.name] = items
                continue
            value = self.ask(field, table)
            if value is not _UNKNOWN:
                table.values[field.name] = value

    def ask_items(self, path: str, model: type[BaseModel], items: list[Filled]) -> None:
        """Ask "add one?" and the fields of each item until the answer is no."""
        while self.ask_more(f"{'more' if items else 'add'}.{path}"):
            what = self.t(f"item.{path}") if has_init_text(f"item.{path}") else path
            _heading(f"{what} {len(items) + 1}")
            item = Filled(path, model, siblings=items)
            try:
                self.fill(item)
            except _SkipPart:
                missing = missing_required(item)
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
            answer = normalise(_read(f"{text} [{self.t('yes_no_loop')}]"))
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
        if not isinstance(vision, Filled) or vision.skipped or not partners:
            return
        field = next(f for f in fields_of("vision", vision.model) if f.path == ENDORSED)
        names = tuple(item.values["name"] for item in partners)
        click.echo()
        try:
            value = self.ask(dataclasses.replace(field, kind="choices", choices=names), vision)
        except _SkipPart:
            return
        if value is not _UNKNOWN:
            vision.values[field.name] = value

    def question(self, field: Field) -> str:
        key = f"q.{field.path}"
        if has_init_text(key):
            return self.t(key)
        text = field.description or field.name.replace("_", " ")
        return f"{text[:1].upper()}{text[1:]}?"

    def ask(self, field: Field, table: Filled) -> Any:
        """Ask one field until the answer is usable; _UNKNOWN for "don't know"."""
        question = self.question(field)
        choices: tuple[str, ...] = ()
        if field.kind in ("choice", "choices"):
            choices = _choices_for(field, table)
            click.echo(question)
            allow_none = field.kind == "choices" and field.path in MAY_BE_EMPTY
            if allow_none:
                click.echo(f"  0. {self.t('choose_none')}")
            for i, value in enumerate(choices, 1):
                shown = value if field.path == ENDORSED else _shown(value, field.enum, self.lang)
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
            answer = normalise(raw)
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
            except Invalid as exc:
                click.echo(f"  {exc}")

    def ask_list(self, field: Field) -> Any:
        """Texts one per line; an empty line ends the list."""
        items: list[str] = []
        while True:
            raw = _read("  -")
            answer = normalise(raw)
            if answer in SKIP_ANSWERS:
                raise _SkipPart
            if answer in UNKNOWN_ANSWERS:
                return items or _UNKNOWN
            try:
                items.append(self.parse_text(raw.strip()))
            except Invalid as exc:
                click.echo(f"  {exc}")
            if field.max_length is not None and len(items) >= field.max_length:
                return items


def _is_moot(table: Filled, name: str) -> bool:
    for key in (f"{table.path}.{name}", f"{table.path}.*"):
        rule = _MOOT_WHEN.get(key)
        if rule is None or rule[0] == name or rule[0] not in table.values:
            continue
        found = table.values[rule[0]]
        if type(found) is type(rule[1]) and found == rule[1]:
            return True
    return False


def _choices_for(field: Field, table: Filled) -> tuple[str, ...]:
    source = _CHOSEN_FROM.get(field.path)
    chosen = table.values.get(source) if source else None
    if isinstance(chosen, list) and chosen:
        return tuple(value for value in field.choices if value in chosen)
    return field.choices


def _shown(value: str, enum: str | None, lang: str) -> str:
    label = choice_label(value, lang, enum)
    return label if label == value.replace("_", " ") else f"{label} ({value})"
