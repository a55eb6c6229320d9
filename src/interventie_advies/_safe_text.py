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

__all__ = ["UNSAFE", "for_format", "json_safe", "json_safe_utf8", "terminal_safe", "visible"]

#: the code points no output writes raw, as ranges (docs/report.md lists them too)
UNSAFE: tuple[tuple[int, int], ...] = (
    (0x0000, 0x001F),  # C0 controls: ESC, BEL, backspace, carriage return, newline, tab
    (0x007F, 0x009F),  # DEL and the C1 controls (U+009B is a one-character CSI)
    (0x061C, 0x061C),  # Arabic letter mark (a bidi control)
    (0x180E, 0x180E),  # Mongolian vowel separator (invisible)
    (0x200B, 0x200F),  # zero-width space, non-joiner, joiner; left-to-right, right-to-left mark
    (0x2028, 0x202E),  # line and paragraph separators; bidi embeddings and overrides (RLO)
    (0x2060, 0x206F),  # word joiner, invisible operators, bidi isolates, deprecated formats
    (0xFEFF, 0xFEFF),  # zero-width no-break space (byte order mark)
    (0xFFF9, 0xFFFB),  # interlinear annotation
    (0xD800, 0xDFFF),  # lone surrogates: not text, and no UTF-8 output can hold them
    (0xE0000, 0xE007F),  # tag characters: invisible copies of ASCII
)

_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


@functools.lru_cache(maxsize=8)
def _pattern(keep: str) -> re.Pattern[str]:
    """One character class of the unsafe code points but those in ``keep``.

    NOTE: the class itself leaves ``keep`` out (no look-ahead): a report of 16,000
    characters is then scanned in well under a millisecond.
    """
    kept = sorted({ord(c) for c in keep})
    parts: list[str] = []
    for first, last in UNSAFE:
        start = first
        for code in (k for k in kept if first <= k <= last):
            if start < code:
                parts.append(f"\\U{start:08x}-\\U{code - 1:08x}")
            start = code + 1
        if start <= last:
            parts.append(f"\\U{start:08x}-\\U{last:08x}")
    return re.compile(f"[{''.join(parts)}]")


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


def _json_unsafe() -> re.Pattern[str]:
    """The code points JSON output escapes (compiled on first use: text needs none of it).

    NOTE: json.dumps escapes C0 controls itself and writes the layout's newlines raw, so
    the pattern leaves C0 alone; what it finds can only stand inside a string.
    """
    return _pattern(_C0)


_C0 = "".join(map(chr, range(0x20)))


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # JSON writes a code point beyond the BMP as a surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


@functools.cache
def _json_unsafe_utf8() -> re.Pattern[bytes]:
    """The UTF-8 bytes of every code point :func:`_json_unsafe` finds (compiled on first use).

    Lone surrogates as Python's "surrogatepass" writes them; tests/test_safe_text.py checks
    the two agree on all of them.
    """
    return re.compile(
        rb"\x7f"  # DEL
        rb"|\xc2[\x80-\x9f]"  # C1 controls
        rb"|\xd8\x9c"  # U+061C
        rb"|\xe1\xa0\x8e"  # U+180E
        rb"|\xe2\x80[\x8b-\x8f\xa8-\xae]"  # U+200B-U+200F, U+2028-U+202E
        rb"|\xe2\x81[\xa0-\xaf]"  # U+2060-U+206F
        rb"|\xef\xbb\xbf"  # U+FEFF
        rb"|\xef\xbf[\xb9-\xbb]"  # U+FFF9-U+FFFB
        rb"|\xed[\xa0-\xbf]"  # U+D800-U+DFFF
        rb"|\xf3\xa0[\x80\x81]"  # U+E0000-U+E007F
    )


#: the first bytes of those UTF-8 sequences
_LEAD_BYTES = tuple(bytes([b]) for b in b"\x7f\xc2\xd8\xe1\xe2\xed\xef\xf3")


def _json_unsafe_in(text: str) -> bool:
    """Whether ``text`` has a code point :func:`_json_unsafe` finds.

    NOTE: almost no report has one, and the character class costs ~70 instructions a
    character (50 KB of JSON: 4 M, a third of what advising costs; issue 15). Here the
    text is encoded once and each first byte found with ``bytes.find`` (memchr); the
    pattern then runs only where one stands.
    """
    return _json_unsafe_in_utf8(text.encode("utf-8", "surrogatepass"))


def _json_unsafe_in_utf8(data: bytes) -> bool:
    """Whether ``data`` (text encoded with ``surrogatepass``) has an unsafe code point."""
    for lead in _LEAD_BYTES:
        at = data.find(lead)
        while at != -1:
            if _json_unsafe_utf8().match(data, at):
                return True
            at = data.find(lead, at + 1)
    return False


def json_safe(text: str) -> str:
    r"""JSON text from ``json.dumps(..., ensure_ascii=False)`` with unsafe code points escaped.

    The result parses to the same values: only characters inside strings change, each
    into its ``\uXXXX`` escape.
    """
    if not _json_unsafe_in(text):
        return text
    return _json_unsafe().sub(_json_escape, text)


def json_safe_utf8(text: str) -> bytes:
    """``json_safe(text)`` encoded as UTF-8, the text encoded only once when nothing is unsafe.

    NOTE: the check encodes the text anyway (see :func:`_json_unsafe_in`); a batch writes
    those bytes as they are instead of encoding the text a second time (issue 15).
    """
    data = text.encode("utf-8", "surrogatepass")
    if not _json_unsafe_in_utf8(data):
        return data
    return _json_unsafe().sub(_json_escape, text).encode("utf-8")


def for_format(text: str, fmt: str) -> str:
    """Rendered output in ``fmt`` made safe at the boundary, before it is written.

    JSON and JSON lines get JSON escapes; text, Markdown and HTML visible escapes, keeping
    newlines and tabs. CSV and a plugin's formats also keep carriage returns (CSV's line
    ends) and a leading byte order mark (Excel's sign for UTF-8).
    """
    if fmt in ("json", "jsonl"):
        return json_safe(text)
    if fmt in ("text", "markdown", "html"):
        return terminal_safe(text)
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    return bom + visible(text[len(bom) :], keep="\n\r\t")
