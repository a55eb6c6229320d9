"""JSON reaches a sink as UTF-8 bytes; what it writes is the same as for the text."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from interventie_advies.commands._output import Sink

REPORTS = ['{"a": "é \\u202e"}\n', '{"b": "’"}\n']


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
@pytest.mark.parametrize("many", [False, True])
def test_bytes_and_text_write_the_same(fmt: str, many: bool) -> None:
    written = []
    for as_bytes in (False, True):
        for layer in ("text over bytes", "text only"):
            raw = io.BytesIO()
            stream = (
                io.TextIOWrapper(raw, encoding="utf-8", newline="")
                if layer == "text over bytes"
                else io.StringIO()
            )
            sink = Sink(stream, fmt, many)
            assert (sink.binary is not None) == (layer == "text over bytes")
            for text in REPORTS:
                sink.add(Path("p.toml"), text.encode() if as_bytes else text)
            sink.close()
            out = raw.getvalue() if layer == "text over bytes" else stream.getvalue().encode()
            written.append(out)
    assert len(set(written)) == 1
    assert written[0].startswith(b"[\n" if fmt == "json" and many else b'{"a"')


def test_text_formats_stay_text() -> None:
    stream = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
    sink = Sink(stream, "text", True)
    assert sink.binary is None
    sink.add(Path("p.toml"), b"caf\xc3\xa9\n")
    sink.close()
    assert stream.buffer.getvalue() == b"caf\xe9\n"  # type: ignore[attr-defined]


def test_a_stream_that_is_not_utf8_gets_text() -> None:
    assert Sink(io.TextIOWrapper(io.BytesIO(), encoding="latin-1"), "jsonl", True).binary is None
