"""Where the reports of a run go: the terminal, one file, or one file per project.

Every sink writes as reports arrive, so memory stays flat however many projects there
are; files are written atomically (a temporary file in the same folder, then a rename).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

from .._errors import UsageError
from .._io import Replacement, atomic_write, cannot_write, make_folder, write_utf8_only
from ..messages._i18n import t
from ..report import FORMATS
from ._outcome import BYTE_FORMATS

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["SEPARATOR", "Sink", "common_base", "open_sink"]

SEPARATOR = "\n" + "═" * 60 + "\n\n"
SUFFIXES = FORMATS


class Sink:
    """Receives the rendered report of each project, in order.

    A report comes as text, or as the UTF-8 bytes of JSON (``Outcome.text``). Where the
    stream is a text layer over bytes that writes UTF-8 and leaves newlines alone, JSON
    goes to the bytes underneath as it is: encoding 34 KB of JSON lines again cost the
    main process of a batch more than everything else it did per file (issue 15).
    """

    def __init__(self, stream: IO[str], fmt: str, many: bool) -> None:
        self.stream = stream
        self.fmt = fmt
        self.many = many
        self.count = 0
        self.binary = _bytes_under(stream) if fmt in BYTE_FORMATS else None

    def add(self, path: Path, text: str | bytes) -> None:
        """Write the report of ``path``."""
        if self.binary is not None:
            if isinstance(text, str):
                text = text.encode("utf-8", "backslashreplace")
            self._add_bytes(self.binary, text)
            return
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        if self.fmt == "json" and self.many:
            self.stream.write("[\n" if self.count == 0 else ",\n")
            self.stream.write(text.rstrip("\n"))
        elif self.fmt in ("text", "markdown") and self.count:
            self.stream.write(SEPARATOR)
            self.stream.write(text)
        else:
            self.stream.write(text)
        self.count += 1
        self.stream.flush()

    def _add_bytes(self, binary: IO[bytes], data: bytes) -> None:
        if self.fmt == "json" and self.many:
            binary.write(b"[\n" if self.count == 0 else b",\n")
            binary.write(data.rstrip(b"\n"))
        else:
            binary.write(data)
        self.count += 1
        binary.flush()

    def close(self) -> None:
        """Finish the output (close a JSON array)."""
        if self.fmt == "json" and self.many:
            self.stream.write("\n]\n" if self.count else "[]\n")
        self.stream.flush()

    def abort(self) -> None:
        """Give up: nothing half-written is left behind."""


def _bytes_under(stream: IO[str]) -> IO[bytes] | None:
    r"""The byte stream under ``stream`` if bytes written there read as its text would.

    That is: ``stream`` writes UTF-8 and does not turn ``\n`` into ``\r\n`` (it does on
    Windows's standard output). What it holds is written out first.
    """
    binary = getattr(stream, "buffer", None)
    encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
    if binary is None or encoding != "utf8" or os.linesep != "\n":
        return None
    stream.flush()
    return binary  # type: ignore[no-any-return]


class _FileSink(Sink):
    """All reports in one file, streamed into a temporary file and renamed at the end."""

    def __init__(self, target: Path, fmt: str, many: bool) -> None:
        self.replacement = Replacement(target)
        super().__init__(self.replacement.stream, fmt, many)
        self.target = target

    def add(self, path: Path, text: str | bytes) -> None:
        try:
            super().add(path, text)
        except OSError as exc:  # the disk is full, ...: the CLI aborts the sink
            raise cannot_write(self.target, exc) from None

    def close(self) -> None:
        try:
            super().close()
        except OSError as exc:
            self.replacement.abort()
            raise cannot_write(self.target, exc) from None
        self.replacement.commit()

    def abort(self) -> None:
        self.replacement.abort()


class _FolderSink(Sink):
    """One file per project in a folder, each written atomically."""

    def __init__(self, folder: Path, fmt: str, base: str) -> None:
        super().__init__(sys.stdout, fmt, True)
        self.folder = folder
        self.base = base

    def add(self, path: Path, text: str | bytes) -> None:
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        # the same absolute form as common_base (symlinks are not followed in either)
        relative = Path(os.path.relpath(os.path.abspath(path), self.base))  # noqa: PTH100
        target = self.folder / relative.with_suffix(SUFFIXES.get(self.fmt, f".{self.fmt}"))
        make_folder(target.parent)
        atomic_write(target, text)
        self.count += 1

    def close(self) -> None:
        """Nothing to finish: every file is complete when written."""


def common_base(files: Sequence[str | Path]) -> str:
    """The folder all files share: reports are named by their path below it.

    NOTE: ``a.toml`` and ``sub/a.toml`` both exist in real portfolios; naming reports by
    stem alone would overwrite one with the other.
    """
    # NOTE: os.path on strings: no Path object per file is kept for a large batch
    return os.path.commonpath(
        [os.path.dirname(os.path.abspath(f)) for f in files]  # noqa: PTH100, PTH120
    )


def open_sink(output: str | None, fmt: str, files: Sequence[str | Path], stdout: IO[str]) -> Sink:
    """The sink for ``--output``: stdout, one file, or (for a folder) one file per project.

    A folder is an ``--output`` that ends in ``/`` (it is created) or an existing folder,
    for one project as for many.

    :raises UsageError: the folder cannot be created.
    """
    many = len(files) > 1
    target = Path(output) if output is not None else None
    if target is not None and (target.is_dir() or str(output).endswith(("/", os.sep))):
        make_folder(target)
        return _FolderSink(target, fmt, common_base(files))
    if fmt == "html" and many:
        raise UsageError(
            t(
                nl="meerdere projecten als HTML vragen om een map: --output rapporten/",
                en="several projects as HTML need a folder: --output reports/",
            )
        )
    if target is None:
        write_utf8_only(stdout, utf8=fmt in BYTE_FORMATS)
        return Sink(stdout, fmt, many)
    return _FileSink(target, fmt, many)
