"""One thread at a time per key: a summary is made once in a process, not once per reader.

Under load a new version's summary is wanted by several threads of a worker at once: each
funder's portfolio request that finds it missing, and the save's own job after its answer.
Each made it (about 4.5 ms of CPU); five portfolios opened together after a burst of 50
saves made the same 50 summaries five times over (issue 15). With :func:`one_at_a_time`
around the making, the others wait for the first, then read what it stored. (Two worker
processes may still both make one; that is rare, and harmless: writing is an upsert.)
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Hashable, Iterator

__all__ = ["one_at_a_time"]

_GUARD = threading.Lock()
#: each key in use: its lock, and how many threads hold it or wait for it
_HELD: dict[Hashable, tuple[threading.Lock, list[int]]] = {}


@contextlib.contextmanager
def one_at_a_time(key: Hashable) -> Iterator[bool]:
    """Hold the lock of ``key`` in the block; whether another thread held it first.

    A key no thread uses takes no room.
    """
    with _GUARD:
        lock, users = _HELD.setdefault(key, (threading.Lock(), [0]))
        users[0] += 1
    try:
        waited = not lock.acquire(blocking=False)
        if waited:
            lock.acquire()
        try:
            yield waited
        finally:
            lock.release()
    finally:
        with _GUARD:
            users[0] -= 1
            if users[0] == 0:
                del _HELD[key]
