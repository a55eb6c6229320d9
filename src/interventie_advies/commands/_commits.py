"""Reports written to a folder, each put in place by one of a few threads.

Each report in ``--output FOLDER/`` is written atomically: a temporary file, ``fsync``,
then a rename onto its name (``_io.Replacement``). The ``fsync`` waits for the disk, about
0.75 ms a file on the machine of docs/performance.md, and one after the other that was
the most of a batch of 10,000 files: the main process waited for the disk while the
workers waited for it. A disk takes several at once about as fast as one, and Python lets
other threads run while one waits in ``fsync``, so a few threads put the files in place
while the next reports are made.

Each file is still whole or absent, and a file that cannot be put in place is the same
error as before, raised by the next :meth:`Commits.add` or by :meth:`Commits.finish`.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

    from .._io import Replacement

__all__ = ["THREADS", "Commits"]

#: files put in place at once
THREADS = 4
#: files written and waiting to be put in place, at most (then the next one waits)
_WAITING = 4 * THREADS


class Commits:
    """The files of a folder sink, put in place by :data:`THREADS` threads, in any order."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None
        self._waiting: deque[Future[None]] = deque()

    def add(self, replacement: Replacement) -> None:
        """Put ``replacement`` in place soon.

        :raises UsageError: a file added before could not be put in place.
        """
        if self._pool is None:
            # NOTE: imported and started on the first report: a run to the terminal or to
            # one file needs no threads
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(THREADS, thread_name_prefix="advies-commit")
        self._waiting.append(self._pool.submit(replacement.commit))
        while self._waiting and (len(self._waiting) > _WAITING or self._waiting[0].done()):
            self._waiting.popleft().result()

    def finish(self) -> None:
        """Wait until every file is in place.

        :raises UsageError: a file could not be put in place (the others still are).
        """
        try:
            while self._waiting:
                self._waiting.popleft().result()
        finally:
            self.stop()

    def stop(self) -> None:
        """Wait for the files being put in place, without raising; end the threads.

        NOTE: what was written in full is put in place, as when each file was written at
        once; a file that fails now is left out (its temporary file removed), as the run
        stops for another reason anyway.
        """
        for waiting in self._waiting:
            waiting.exception()  # waits; the error, if any, is not raised
        self._waiting.clear()
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
