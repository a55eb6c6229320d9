r"""What text may not reach an output raw, and how each kind of output writes it instead.

File names, project texts, rule texts and plugin texts end up in terminals, files and web
pages. A few code points in them can do harm there without being seen: they steer a
terminal (ESC, CSI, BEL), reorder what is shown (bidi controls), hide text (zero-width and
invisible format characters) or break a line where none shows (U+2028, U+2029). They are
never needed in a report, so every output writes them visibly instead:

- terminal, plain text, Markdown, HTML, CSV: as a visible escape, the way Python writes
  it (``\x1b``, ``\u202e``, ``\U000e0041``), so the reader sees that it is there;
- JSON: as a JSON escape (``\u202e``), so the file is safe to print and still holds the
  exact value.

Newline and tab stay where a format allows them (``keep``). A backslash itself is not
escaped: the visible form is for reading, not for reading back (JSON is the exact form).
"""

from __future__ import annotations

import functools
import re

__all__ = ["UNSAFE", "for_format", "json_safe", "terminal_safe", "visible"]

_C0 = "\x00-\x1f"  # C0 controls: ESC, BEL, backspace, carriage return, ... (newline, tab)
_BEYOND_C0 = (
    "\x7f-\x9f"  # DEL and the C1 controls (U+009B is a one-character CSI)
    "\u061c"  # Arabic letter mark (a bidi control)
    "\u180e"  # Mongolian vowel separator (invisible)
    "\u200b-\u200f"  # zero-width space, non-joiner, joiner; left-to-right, right-to-left mark
    "\u2028-\u202e"  # line and paragraph separators; bidi embeddings and overrides (RLO)
    "\u2060-\u206f"  # word joiner, invisible operators, bidi isolates, deprecated formats
    "\ufeff"  # zero-width no-break space (byte order mark)
    "\ufff9-\ufffb"  # interlinear annotation
    "\ud800-\udfff"  # lone surrogates: not text, and no UTF-8 output can hold them
    "\U000e0000-\U000e007f"  # tag characters: invisible copies of ASCII
)
#: the code points no output writes raw, as a regular-expression class (docs/report.md)
UNSAFE = _C0 + _BEYOND_C0

_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


@functools.lru_cache(maxsize=8)
def _pattern(keep: str) -> re.Pattern[str]:
    if not keep:
        return re.compile(f"[{UNSAFE}]")
    return re.compile(f"(?![{re.escape(keep)}])[{UNSAFE}]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def visible(text: str, *, keep: str = "") -> str:
    r"""``text`` with every unsafe code point (but those in ``keep``) as a visible escape.

    ``visible("a\x1b[31m\u202eb")`` is ``a\x1b[31m\u202eb`` written out in
    printable characters: the terminal shows the escape instead of obeying it.
    """
    return _pattern(keep).sub(_escape, text)


def terminal_safe(text: str) -> str:
    """``text`` for a terminal or a text file: newlines and tabs stay, the rest is visible."""
    return _pattern("\n\t").sub(_escape, text)


# NOTE: json.dumps escapes C0 controls itself and writes the layout's newlines raw, so
# the pattern leaves C0 alone; what it finds can only stand inside a string.
_JSON_UNSAFE = re.compile(f"[{_BEYOND_C0}]")


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # JSON writes a code point beyond the BMP as a surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_safe(text: str) -> str:
    r"""JSON text from ``json.dumps(..., ensure_ascii=False)`` with unsafe code points escaped.

    The result parses to the same values: only characters inside strings change, each
    into its ``\uXXXX`` escape.
    """
    return _JSON_UNSAFE.sub(_json_escape, text)


def for_format(text: str, fmt: str) -> str:
    """Rendered output in ``fmt`` made safe at the boundary, before it is written.

    JSON and JSON lines get JSON escapes; any other format gets visible escapes, keeping
    newlines and tabs, and for CSV also carriage returns (its line ends) and a leading
    byte order mark (Excel's sign for UTF-8).
    """
    if fmt in ("json", "jsonl"):
        return json_safe(text)
    if fmt == "csv":
        bom = "\ufeff" if text.startswith("\ufeff") else ""
        return bom + visible(text[len(bom) :], keep="\n\r\t")
    return terminal_safe(text)
