"""What ``_safe_text`` escapes, how each output shows it, and what it leaves alone."""

from __future__ import annotations

import json
import re

import pytest

from interventie_advies._safe_text import for_format, json_safe, terminal_safe, visible

#: the code points the issue names, and the rest of the list in docs/report.md
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069]")


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[2J", r"\x1b[2J"),
        ("\x07", r"\x07"),
        ("\x00", r"\x00"),
        ("\r", r"\r"),
        ("\x7f", r"\x7f"),
        ("\x85", r"\x85"),
        ("\x9b", r"\x9b"),
        ("\u061c", r"\u061c"),
        ("\u200b\u200c\u200d\u200e\u200f", r"\u200b\u200c\u200d\u200e\u200f"),
        ("\u2028\u2029", r"\u2028\u2029"),
        ("\u202a\u202b\u202c\u202d\u202e", r"\u202a\u202b\u202c\u202d\u202e"),
        ("\u2060\u2066\u2067\u2068\u2069", r"\u2060\u2066\u2067\u2068\u2069"),
        ("\ufeff", r"\ufeff"),
        ("\ud800", r"\ud800"),
        ("\U000e0041", r"\U000e0041"),
    ],
)
def test_what_is_unsafe_and_how_it_shows(raw: str, shown: str) -> None:
    assert visible(f"a{raw}b") == f"a{shown}b"
    assert terminal_safe(f"a{raw}\n\tb") == f"a{shown}\n\tb"
    as_json = json_safe(json.dumps({raw: raw}, ensure_ascii=False))
    assert not RAW.search(as_json)
    as_json.encode("utf-8")  # no lone surrogate left: any UTF-8 output can hold it
    assert json.loads(as_json) == {raw: raw}


@pytest.mark.parametrize(
    "text", ["Zoë en Ümit", "👩🎨", "½ · – — “” ’", "\u00a0", "שלום", "a\\x1b"]
)
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert visible(text) == terminal_safe(text) == text
    assert json_safe(json.dumps(text, ensure_ascii=False)) == json.dumps(text, ensure_ascii=False)


def test_newline_and_tab_are_kept_only_where_asked() -> None:
    assert visible("a\nb\tc") == r"a\nb\tc"
    assert visible("a\nb\tc", keep="\n") == "a\nb\\tc"
    assert for_format("\ufeffa;b\r\n\x9b\r\n", "csv") == "\ufeffa;b\r\n\\x9b\r\n"
    assert for_format("x\ufeff\r\n", "html") == "x\\ufeff\\r\n"
    assert for_format("\ufeffx\ufeff\r\n\x1b", "xml") == "\ufeffx\\ufeff\r\n\\x1b"  # a plugin's


def test_the_quick_json_check_finds_every_unsafe_code_point_and_no_other() -> None:
    """json_safe's check on UTF-8 bytes agrees with the character class on every code point."""
    from interventie_advies._safe_text import _json_unsafe, _json_unsafe_in

    disagree = [
        code
        for code in range(0x110000)
        if _json_unsafe_in(chr(code)) != bool(_json_unsafe().search(chr(code)))
    ]
    assert disagree == []
    assert json_safe("ok \u202e é ’ \x85") == "ok \\u202e é ’ \\u0085"
    assert json_safe("héél gewoon ’tekst’ →") == "héél gewoon ’tekst’ →"


def test_importing_compiles_no_pattern() -> None:
    """The patterns are compiled on first use: a report in text needs no JSON's (issue 15)."""
    import subprocess
    import sys

    code = (
        "import interventie_advies._safe_text as s; "
        "print(s._pattern.cache_info().currsize, s._json_unsafe_utf8.cache_info().currsize)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "0 0\n"
