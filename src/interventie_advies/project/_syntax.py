"""TOML syntax errors in plain words: the line, its text and how to write it instead.

The parser (tomli) says where it stopped, in English ("Invalid value"). People make a few
mistakes over and over: a date as they write it in a letter (``11-01-2027``), ``ja`` or
``True`` for a boolean, the ``?`` that ``advies init`` leaves for an unknown answer, text
without quotes. Those get their fix, with the line rewritten; any other error gets the
parser's reason in the error language.
"""

from __future__ import annotations

import datetime as dt
import re

from .._errors import cut
from ..messages import UNKNOWN_ANSWERS
from ..messages._i18n import say, t

__all__ = ["syntax_message"]

#: the shown text of a line is cut to this many characters
_SHOWN = 80

_KEY_VALUE = re.compile(r"\s*(?P<key>[A-Za-z0-9_.\"' -]+?)\s*=\s*(?P<value>[^#]*?)\s*(?:#.*)?")
_NUMERIC_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_ISO_LIKE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "january", "jan"),
            ("februari", "february", "feb"),
            ("maart", "march", "mrt", "mar"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("augustus", "august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WORD_DATE = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})")
_TRUE = frozenset({"ja", "j", "yes", "y", "waar", "true", "wel"})
_FALSE = frozenset({"nee", "n", "no", "niet waar", "onwaar", "false", "niet"})
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")
#: the parser's reasons that mean: the value itself is written wrongly
_IN_THE_VALUE = ("Invalid value", "Expected newline or end of document after a statement")
_BARE_WORDS = re.compile(r"[^\W\d][\w .'&()/-]*", re.UNICODE)

#: the parser's reasons (tomli's wording, the start of it) → the catalogue's plain words
_REASONS = {
    "Cannot overwrite a value": "toml.overwrite",
    "Cannot declare": "toml.table_twice",
    "Invalid statement": "toml.statement",
    "Invalid value": "toml.value",
    "Expected newline or end of document after a statement": "toml.after_value",
    "Unterminated string": "toml.unterminated",
    "Unclosed array": "toml.unclosed_array",
    "Expected ']' at the end of a table declaration": "toml.table_bracket",
    "Expected ']]' at the end of an array declaration": "toml.array_bracket",
    "Illegal character": "toml.illegal_character",
    "Expected '=' after a key in a key/value pair": "toml.equals",
}


def _date_of(value: str) -> tuple[bool, dt.date | None]:
    """Whether ``value`` is written as a date, and which date (None: no real date)."""
    numeric = _NUMERIC_DATE.fullmatch(value)
    iso = _ISO_LIKE.fullmatch(value)
    words = _WORD_DATE.fullmatch(value)
    try:
        if numeric:  # NOTE: day first, as the Dutch write it
            return True, dt.date(int(numeric[3]), int(numeric[2]), int(numeric[1]))
        if iso:
            return True, dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        if words and words[2].casefold() in _MONTHS:
            return True, dt.date(int(words[3]), _MONTHS[words[2].casefold()], int(words[1]))
    except ValueError:
        return True, None
    return False, None


def _fix(key: str, value: str) -> str | None:
    """How to write the value of ``key`` instead, or None when it is no known mistake."""
    is_date, day = _date_of(value)
    if is_date:
        if day is None:
            return t(
                nl="{v} is geen bestaande datum; schrijf een datum als jaar-maand-dag, zoals "
                "2027-01-11",
                en="{v} is not a real date; write a date as year-month-day, such as 2027-01-11",
                v=value,
            )
        return t(
            nl="schrijf een datum als jaar-maand-dag: {k} = {d}",
            en="write a date as year-month-day: {k} = {d}",
            k=key,
            d=day.isoformat(),
        )
    folded = value.casefold()
    if folded in _TRUE or folded in _FALSE:
        return t(
            nl="schrijf true of false, in kleine letters en zonder aanhalingstekens: {k} = {b}",
            en="write true or false, in lower case and without quotes: {k} = {b}",
            k=key,
            b="true" if folded in _TRUE else "false",
        )
    if value.startswith("?") and value[1:].strip().startswith("("):
        # NOTE: a line of `advies init`'s file with its "# " taken off: `key = ?  (hint)`
        return t(
            nl="vul op de plaats van het ? een waarde in {h}; weet je het (nog) niet, laat de "
            "regel dan weg of zet er een # voor",
            en="replace the ? with a value {h}; if you don't know (yet), leave the line out or "
            "put a # in front of it",
            h=value[1:].strip(),
        )
    if folded in UNKNOWN_ANSWERS or set(folded) == {"?"}:
        return t(
            nl="{v!r} is geen waarde; weet je het (nog) niet, laat de regel dan weg of zet er "
            "een # voor",
            en="{v!r} is not a value; if you don't know (yet), leave the line out or put a # "
            "in front of it",
            v=value,
        )
    if _DECIMAL_COMMA.fullmatch(value):
        return t(
            nl="schrijf een getal met een punt in plaats van een komma: {k} = {n}",
            en="write a number with a point instead of a comma: {k} = {n}",
            k=key,
            n=value.replace(",", "."),
        )
    if _BARE_WORDS.fullmatch(value):
        return _quote(key, f'"{value}"')
    if value.startswith("[") and value.endswith("]"):
        items = [item.strip() for item in value[1:-1].split(",") if item.strip()]
        if items and all(_BARE_WORDS.fullmatch(i) or i.startswith('"') for i in items):
            quoted = ", ".join(i if i.startswith('"') else f'"{i}"' for i in items)
            return _quote(key, f"[{quoted}]")
    return None


def _quote(key: str, fixed: str) -> str:
    return t(
        nl="zet tekst tussen aanhalingstekens: {k} = {f}",
        en="put text in quotes: {k} = {f}",
        k=key,
        f=fixed,
    )


def _reason(parser: str, *, alone: bool = True) -> str:
    """The parser's reason in plain words; as it is (``alone``: after "invalid TOML: ")."""
    for known, key in _REASONS.items():
        if parser.startswith(known):
            return say(key)
    if not alone:
        return cut(parser, 200)
    return t(nl="ongeldige TOML: {m}", en="invalid TOML: {m}", m=cut(parser, 200))


def syntax_message(text: str, line: int | None, parser: str) -> str:
    """The message for a TOML syntax error the parser found at ``line`` (from 1)."""
    lines = text.split("\n")  # NOTE: TOML ends lines at \n only (not at \u2028, \x0c)
    if line is None or not 0 < line <= len(lines) or not lines[line - 1].strip():
        return _reason(parser)
    written = lines[line - 1].strip()
    match = _KEY_VALUE.fullmatch(written)
    fix = None
    if match and match["value"] and parser.startswith(_IN_THE_VALUE):
        fix = _fix(match["key"], match["value"])
    return t(
        nl="ongeldige TOML op regel {n} ({s}): {f}",
        en="invalid TOML on line {n} ({s}): {f}",
        n=line,
        s=cut(written, _SHOWN),
        f=fix or _reason(parser, alone=False),
    )
