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

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["SEPARATOR", "Sink", "common_base", "open_sink"]

SEPARATOR = "\n" + "═" * 60 + "\n\n"
SUFFIXES = FORMATS


class Sink:
    """Receives the rendered report of each project, in order."""

    def __init__(self, stream: IO[str], fmt: str, many: bool) -> None:
        self.stream = stream
        self.fmt = fmt
        self.many = many
        self.count = 0

    def add(self, path: Path, text: str) -> None:
        """Write the report of ``path``."""
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

    def close(self) -> None:
        """Finish the output (close a JSON array)."""
        if self.fmt == "json" and self.many:
            self.stream.write("\n]\n" if self.count else "[]\n")
        self.stream.flush()

    def abort(self) -> None:
        """Give up: nothing half-written is left behind."""


class _FileSink(Sink):
    """All reports in one file, streamed into a temporary file and renamed at the end."""

    def __init__(self, target: Path, fmt: str, many: bool) -> None:
        self.replacement = Replacement(target)
        super().__init__(self.replacement.stream, fmt, many)
        self.target = target

    def add(self, path: Path, text: str) -> None:
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

    def add(self, path: Path, text: str) -> None:
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
        write_utf8_only(stdout, utf8=fmt in ("json", "jsonl"))
        return Sink(stdout, fmt, many)
    return _FileSink(target, fmt, many)
