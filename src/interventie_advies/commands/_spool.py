"""A chunk's rendered reports handed from a worker to the main process through a file.

A worker's results go back through the process pool's pipe, which holds 64 KB: a chunk
of 32 reports in JSON lines is about 1.1 MB, so the worker stopped after each chunk until
the main process had read it all, a pipe-full at a time (0.3-0.4 s of each worker's 5 s
on 10,000 files: docs/performance.md). Written to a file instead, the bytes wait for the
main process without holding the worker up, and only the small rest of the results goes
through the pipe.

The folder is the main process's own (``tempfile.TemporaryDirectory``: readable by its
user only) and is removed with everything in it when the batch ends; what is read from it
is report text, never code or pickles. Only bytes (JSON, JSON lines) go this way: the
other formats are text, and stay in the result (and need no folder).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import tempfile
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from ._outcome import Outcome, unexpected

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["Sent", "spool", "spool_folder", "unspool"]

_count = itertools.count(1)


class Sent(NamedTuple):
    """What a worker sends back for a chunk: the outcomes, and where their bytes wait."""

    outcomes: list[Outcome]
    #: the file with the bytes of the outcomes whose ``size`` is not -1, one after the other
    file: str | None = None
    #: per outcome, the length of its bytes in ``file``; -1: its text (if any) is its own
    sizes: tuple[int, ...] = ()


@contextlib.contextmanager
def spool_folder(wanted: bool) -> Iterator[str | None]:
    """The folder the workers write to while the batch runs (None when not ``wanted``).

    It is removed with what is left in it (the files of chunks whose results never came,
    when a worker died) once the block ends, after the workers are gone.
    """
    if not wanted:
        yield None
        return
    try:
        # NOTE: a worker killed while writing may hold its file open (Windows cannot
        # remove it then): a folder left in the temporary folder is better than a traceback
        made = tempfile.TemporaryDirectory(prefix="advies-", ignore_cleanup_errors=True)
    except OSError:  # no usable temporary folder (TMPDIR gone, read-only): the pipe then
        yield None
        return
    with made as folder:
        yield folder


def spool(outcomes: list[Outcome], folder: str | None) -> Sent:
    """In a worker: write the bytes of ``outcomes`` to one new file in ``folder``.

    When the file cannot be written (a full disk), the bytes go through the pipe as
    before: the batch is only slower.
    """
    if folder is None:
        return Sent(outcomes)
    parts = [o.text if isinstance(o.text, bytes) else None for o in outcomes]
    if not any(parts):
        return Sent(outcomes)
    name = os.path.join(folder, f"{os.getpid()}-{next(_count)}")  # noqa: PTH118
    try:
        with open(name, "xb") as file:  # noqa: PTH123 - a plain name, as the pipe's
            file.writelines(p for p in parts if p is not None)
    except OSError:
        with contextlib.suppress(OSError):
            os.remove(name)  # noqa: PTH107 - what was written of it
        return Sent(outcomes)
    rest = [o if p is None else replace(o, text=None) for o, p in zip(outcomes, parts, strict=True)]
    return Sent(rest, name, tuple(-1 if p is None else len(p) for p in parts))


def unspool(sent: Sent) -> list[Outcome]:
    """In the main process: the outcomes of ``sent`` with their bytes read back.

    The file is removed once read. If it cannot be read, each of its reports is that
    file's error (as any unexpected failure of one file is), and the batch goes on.
    """
    if sent.file is None:
        return sent.outcomes
    pairs = list(zip(sent.outcomes, sent.sizes, strict=True))
    read = []
    try:
        # NOTE: each report read on its own, not the file at once and then cut: cutting
        # copies every byte a second time (341 MB for 10,000 files)
        with open(sent.file, "rb") as file:  # noqa: PTH123 - a plain name, as in spool
            for outcome, size in pairs:
                if size < 0:
                    read.append(outcome)
                    continue
                text = file.read(size)
                if len(text) != size:  # never written in full
                    raise OSError(f"{sent.file}: shorter than its reports")
                read.append(replace(outcome, text=text))
    except OSError as exc:
        return [o if size < 0 else _lost(o, exc) for o, size in pairs]
    with contextlib.suppress(OSError):  # read in full: a file left is removed with its folder
        os.remove(sent.file)  # noqa: PTH107
    return read


def _lost(outcome: Outcome, exc: OSError) -> Outcome:
    return Outcome(outcome.path, error=unexpected(outcome.path, exc))
