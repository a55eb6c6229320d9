"""Indented JSON for the portfolio: the text of ``json.dumps(..., indent=N)``, written faster.

``json.dumps(value, ensure_ascii=False, indent=2)`` gives :meth:`Portfolio.to_json` its
text. Python's encoder is written in C only when it does not indent; when it indents, it
is pure Python, a generator per container and a ``yield`` per token: about 30 ms of CPU
for a portfolio of 1,000 projects, most of a funder's request in the web application.
:func:`dumps` writes the same text for the shapes a portfolio has (dicts with ``str``
keys, lists, tuples, ``str``, ``int``, ``float``, ``bool`` and ``None``) in a plain loop,
each string escaped by the encoder's own C function; anything else, it hands to
``json.dumps`` itself. :class:`Written` lets a caller keep each project's text from one
call to the next (the web application's rows are the same objects between requests).

A report's indented JSON (``advies run --format json``, the web's report) is written here
too, with ``default`` for the values json has no type for (dates, sets).

The texts are equal by construction and checked against ``json.dumps`` on random values
(``tests/test_portfolio_json.py``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["Kept", "Written", "dumps"]

#: each object's text kept between calls: by ``id``, with the object itself (so that the
#: ``id`` stays its own while kept), what else its text depends on, and the text
Kept = dict[int, tuple[object, object, str, str]]
#: json's ``default``: the JSON data for a value json has no type for
Default = Callable[[Any], Any]
#: how many texts a :data:`Kept` holds before it is emptied (as many as the web's items of
#: stored summaries, ``_summary_items.READ_KEPT``: a 1,000-project programme in two languages
#: and the rows replaced since, at about 1.3 KB each)
KEPT_MAX = 10_000

_FLOAT_WORDS = {float("inf"): "Infinity", float("-inf"): "-Infinity"}


def _float(value: float) -> str:
    # NOTE: as json's encoder: repr, and NaN/Infinity where JSON has no number for it
    if value != value:
        return "NaN"
    return _FLOAT_WORDS.get(value) or float.__repr__(value)


class Written:
    """A list whose items are written by ``write`` and kept in ``kept`` by item and ``key``.

    ``write(item)`` gives the item as plain JSON data; :func:`dumps` writes it, or takes
    the text it wrote for the same item object, the same ``key`` and the same indentation
    from ``kept``.
    """

    def __init__(
        self,
        items: Sequence[Any],
        write: Callable[[Any], Any],
        key: object,
        kept: Kept | None = None,
    ) -> None:
        self.items = items
        self.write = write
        self.key = key
        self.kept = kept

    def texts(self, newline: str, indent: str) -> list[str]:
        """Each item's text at the depth ``newline`` ends with."""
        kept = self.kept
        out: list[str] = []
        for item in self.items:
            found = kept.get(id(item)) if kept is not None else None
            if (
                found is not None
                and found[0] is item
                and found[2] == newline
                and (found[1] is self.key or found[1] == self.key)
            ):
                out.append(found[3])
                continue
            parts: list[str] = []
            _write(self.write(item), newline, indent, parts, None)
            text = "".join(parts)
            if kept is not None:
                if len(kept) >= KEPT_MAX:
                    kept.clear()
                kept[id(item)] = (item, self.key, newline, text)
            out.append(text)
        return out


def dumps(value: Any, indent: int = 2, default: Default | None = None) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=indent, default=default)``.

    :class:`Written` lists too.
    """
    out: list[str] = []
    _write(value, "\n", " " * indent, out, default)
    return "".join(out)


def _write(value: Any, newline: str, indent: str, out: list[str], default: Default | None) -> None:
    """Append ``value``'s text to ``out``; ``newline`` starts a line at its depth."""
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
    elif kind is dict:
        _write_dict(value, newline, indent, out, default)
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + indent
        separator = "[" + inner
        for item in value:
            if type(item) is str:
                out.append(separator + encode_basestring(item))
            else:
                out.append(separator)
                _write(item, inner, indent, out, default)
            separator = "," + inner
        out.append(newline + "]")
    elif kind is Written:
        texts = value.texts(newline + indent, indent)
        if not texts:
            out.append("[]")
            return
        inner = newline + indent
        out.append("[" + inner + ("," + inner).join(texts) + newline + "]")
    else:
        out.append(_scalar(value, newline, indent, default))


def _scalar(value: Any, newline: str, indent: str, default: Default | None) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    kind = type(value)
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        return _float(value)
    return _other(value, newline, indent, default)


def _other(value: Any, newline: str, indent: str, default: Default | None) -> str:
    """Any other value (a subclass, an object only ``default`` writes) as json writes it."""
    # NOTE: a newline in json's text is one of the indentation's (in strings it is
    # escaped), so it starts the lines at this depth
    text = json.dumps(value, ensure_ascii=False, indent=indent, default=default)
    return text.replace("\n", newline)


def _write_dict(
    value: dict[Any, Any], newline: str, indent: str, out: list[str], default: Default | None
) -> None:
    if not value:
        out.append("{}")
        return
    if any(type(key) is not str for key in value):  # json's own text for other keys
        out.append(_other(value, newline, indent, default))
        return
    inner = newline + indent
    separator = "{" + inner
    for key, item in value.items():
        kind = type(item)
        # NOTE: the usual values inline: a call per value is most of the cost
        if kind is str:
            out.append(separator + encode_basestring(key) + ": " + encode_basestring(item))
        elif item is None:
            out.append(separator + encode_basestring(key) + ": null")
        elif kind is int:
            out.append(separator + encode_basestring(key) + ": " + int.__repr__(item))
        else:
            out.append(separator + encode_basestring(key) + ": ")
            _write(item, inner, indent, out, default)
        separator = "," + inner
    out.append(newline + "}")
