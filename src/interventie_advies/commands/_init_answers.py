"""``advies init``: typed answers turned into the values the project model accepts.

Numbers, amounts, dates (ISO, or Dutch day-month-year in Dutch), yes/no, and choices by
number, value or label in either language; an answer that cannot be used raises
:class:`Invalid` with the hint to show.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any, TypeVar

from ..messages import NO_ANSWERS, YES_ANSWERS, choice_label, init_text
from ._init_fields import CONTROL, ENDORSED

if TYPE_CHECKING:
    from ._init_fields import Field, Filled

__all__ = ["MAY_BE_EMPTY", "Answers", "Invalid", "normalise"]

#: list questions that accept 0 ("none of these": an empty list)
MAY_BE_EMPTY = {
    "residents.barriers",
    "residents.barriers_addressed",
    "collaboration.differences",
    "collaboration.differences_addressed",
    "vision.endorsed_by_partners",
}
#: text answers that must differ between the items of a list of tables
_UNIQUE = {"partners.name"}


class Invalid(Exception):
    """An answer that cannot be used; the message is the hint to show."""


_N = TypeVar("_N", int, float)


def normalise(answer: str) -> str:
    """An answer without case, extra spaces, curly quotes or a final full stop."""
    text = " ".join(answer.split()).casefold().replace("’", "'")
    return text.rstrip(".!")


class Answers:
    """Reads answers in one language (the dialogue asks, this checks)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def t(self, key: str, **params: object) -> str:
        """The dialogue's text ``key`` in this language."""
        return init_text(key, self.lang, **params)

    def parse(self, field: Field, raw: str, table: Filled, choices: tuple[str, ...]) -> Any:
        """Turn an answer into the value the model expects; Invalid with a hint if not."""
        kind = field.kind
        if kind == "bool":
            answer = normalise(raw)
            if answer in YES_ANSWERS:
                return True
            if answer in NO_ANSWERS:
                return False
            raise Invalid(self.t("hint.yes_no"))
        if kind == "int":
            return self.parse_int(field, raw)
        if kind == "float":
            return self.parse_amount(field, raw)
        if kind == "date":
            value = self.parse_date(raw)
            start = table.values.get("start")
            if field.name == "end" and isinstance(start, dt.date) and value < start:
                raise Invalid(self.t("hint.end_before_start", start=start.isoformat()))
            return value
        if kind == "choice":
            return self.parse_choice(field, raw, choices)
        if kind == "choices":
            return self.parse_choices(field, raw, choices)
        text = self.parse_text(raw, field.max_length)
        if field.path in _UNIQUE and any(s.values.get(field.name) == text for s in table.siblings):
            raise Invalid(self.t("hint.unique"))
        return text

    def parse_text(self, raw: str, max_length: int | None = None) -> str:
        if CONTROL.search(raw):
            raise Invalid(self.t("hint.bad_text"))
        try:
            raw.encode("utf-8")
        except UnicodeEncodeError:
            raise Invalid(self.t("hint.bad_text")) from None
        if max_length is not None and len(raw) > max_length:
            raise Invalid(self.t("hint.too_long", n=max_length))
        return raw

    def parse_int(self, field: Field, raw: str) -> int:
        text = raw.replace(" ", "")
        if not re.fullmatch(r"[+-]?\d+", text):
            raise Invalid(self.t("hint.whole_number"))
        if len(text) > 15:
            raise Invalid(self.t("hint.at_most", n=_number(field.maximum or 10**15)))
        return self.bounded(field, int(text))

    def parse_amount(self, field: Field, raw: str) -> int | float:
        text = raw.replace("€", "").replace(" ", "")
        if not re.fullmatch(r"\d{1,15}(?:[.,]\d{1,2})?", text):
            raise Invalid(self.t("hint.euro"))
        value = float(text.replace(",", "."))
        number = int(value) if value.is_integer() else value
        return self.bounded(field, number)

    def bounded(self, field: Field, value: _N) -> _N:
        if field.minimum is not None and value < field.minimum:
            raise Invalid(self.t("hint.at_least", n=_number(field.minimum)))
        if field.maximum is not None and value > field.maximum:
            raise Invalid(self.t("hint.at_most", n=_number(field.maximum)))
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
        raise Invalid(self.t("hint.date"))

    def parse_choice(self, field: Field, raw: str, choices: tuple[str, ...]) -> str:
        value = self.resolve(field, raw.strip(), choices)
        if value is None:
            raise Invalid(self.t("hint.choice"))
        return value

    def parse_choices(self, field: Field, raw: str, choices: tuple[str, ...]) -> list[str]:
        hint = self.t("hint.choices")
        if raw.strip() == "0":
            if field.path in MAY_BE_EMPTY:
                return []
            raise Invalid(hint)
        tokens = [part.strip() for part in re.split(r"[,;]", raw) if part.strip()]
        if len(tokens) == 1 and re.fullmatch(r"\d+(?:\s+\d+)+", tokens[0]):
            tokens = tokens[0].split()
        values: list[str] = []
        for token in tokens:
            value = self.resolve(field, token, choices)
            if value is None:
                raise Invalid(hint)
            if value not in values:
                values.append(value)
        if not values or (field.min_length is not None and len(values) < field.min_length):
            raise Invalid(hint)
        return values

    def resolve(self, field: Field, token: str, choices: tuple[str, ...]) -> str | None:
        """A number from the list, a value, or a label in either language."""
        if token.isdigit():
            index = int(token)
            return choices[index - 1] if 1 <= index <= len(choices) else None
        wanted = normalise(token)
        for value in choices:
            names = {value, value.replace("_", " ")}
            if field.path != ENDORSED:
                names |= {choice_label(value, lang, field.enum) for lang in ("nl", "en")}
            if wanted in {normalise(name) for name in names}:
                return value
        return None


def _number(value: float) -> str:
    return f"{value:g}" if value < 10**15 else str(int(value))
