"""A chunk's rendered reports handed from a worker to the main process through a file.

A worker's results go back through the process pool's pipe, which holds 64 KB: a chunk
of 32 reports in JSON lines is about 1.1 MB, so the worker stopped after each chunk until
the main process had read it all, a pipe-full at a time (0.3-0.4 s of each worker's 5 s
on 10,000 files: docs/performance.md). Written to a file instead, the bytes wait for the
main process without holding the worker up, and only the small rest of the results goes
through the pipe. Each report is written as soon as it is made.

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
    import io
    from collections.abc import Iterable, Iterator

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


def spool(outcomes: Iterable[Outcome], folder: str | None) -> Sent:
    """In a worker: write the bytes of ``outcomes`` to one new file in ``folder``.

    Each report's bytes are written as soon as its outcome comes, and then dropped, so a
    worker never holds a chunk's reports (about 1.1 MB in JSON lines) at once. NOTE: held,
    their blocks of ~34 KB lay between the blocks the next reports were built in, and the
    lists that build a report could no longer grow in place: copying them cost 0.06 M
    instructions a file, a third of a worker's work beyond advising (docs/performance.md).

    When the file cannot be made, or a write fails (a full disk), those bytes and the rest
    go through the pipe as before: the batch is only slower. A report written only in part
    is not counted in the file, and nothing after it is ever read.
    """
    if folder is None:
        return Sent(list(outcomes))
    name = os.path.join(folder, f"{os.getpid()}-{next(_count)}")  # noqa: PTH118
    sent: list[Outcome] = []
    sizes: list[int] = []
    try:
        # NOTE: unbuffered, so that a failed write is this report's, not an earlier one's
        file = open(name, "xb", buffering=0)  # noqa: PTH123, SIM115 - a plain name, as the pipe's
    except OSError:
        return Sent(list(outcomes))
    try:
        with file:
            for outcome in outcomes:
                text = outcome.text
                if isinstance(text, bytes) and not file.closed:
                    try:
                        _write_all(file, text)
                    except OSError:
                        file.close()  # this report and the rest through the pipe
                    else:
                        sent.append(replace(outcome, text=None))
                        sizes.append(len(text))
                        continue
                sent.append(outcome)
                sizes.append(-1)
    except BaseException:  # the chunk failed as a whole (see _workers): nothing to read
        _remove(name)
        raise
    if all(size < 0 for size in sizes):
        _remove(name)
        return Sent(sent)
    return Sent(sent, name, tuple(sizes))


def _write_all(file: io.FileIO, data: bytes) -> None:
    """Write all of ``data`` to an unbuffered ``file`` (a write may take only part of it)."""
    view = memoryview(data)
    while view:
        written = file.write(view)
        if not written:  # None (would block) or 0: it takes no more
            raise OSError(f"{file.name}: could not be written in full")
        view = view[written:]


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
    _remove(sent.file)  # read in full (a file left is removed with its folder)
    return read


def _remove(name: str) -> None:
    with contextlib.suppress(OSError):
        os.remove(name)  # noqa: PTH107 - a plain name, as in spool


def _lost(outcome: Outcome, exc: OSError) -> Outcome:
    return Outcome(outcome.path, error=unexpected(outcome.path, exc))
