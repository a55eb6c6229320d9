"""Advise in worker processes: a bounded window in input order, stopped at once on demand.

On Linux the workers are forked from the main process and use its engine, catalogue
loaded; elsewhere (or while other threads run) each starts afresh and builds an engine
with the main process's settings. A broken file is that file's error entry; a worker
that dies is found out by advising the files in flight again one at a time; Ctrl-C,
SIGTERM or an error in the main process kill the workers.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import sys
from collections import deque
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._errors import AdviesError, Problem, ProjectError, UsageError, cut
from ..engine._engine import Engine
from ..messages._i18n import error_language, t
from ._outcome import BYTE_FORMATS, MAX_UNEXPECTED, Outcome, advise_file, unexpected
from ._spool import Sent, spool, spool_folder, unspool

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.context import BaseContext

__all__ = ["CHUNK", "WINDOW_PER_JOB", "Start", "pooled", "portable"]

_WORKER: dict[str, Any] = {}
#: in flight per worker process (four chunks); bounds memory however many files there are
WINDOW_PER_JOB = 128
#: files sent to a worker at a time, at most (see _chunk_size)
#: NOTE: each task costs the main process about 0.35 ms of its own (a future, pickling the
#: names, waking the executor's thread, reading the results back); with 8 files a task the
#: main process took ~1 s of CPU on 10,000 files, on the cores the workers need (32: ~0.65 s)
CHUNK = 32


def _start_worker(
    engine: Engine | dict[str, Any], options: dict[str, Any], work: dict[str, Any]
) -> None:
    # NOTE: the parent stops the workers itself (Ctrl-C reaches the whole process group; a
    # worker must not print a traceback of its own), and SIGTERM kills a worker outright.
    # Both signals were blocked while the worker was started (see _submit): unblock them
    # only now that the handlers are right.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    _end_with_parent(work["parent"])
    _WORKER["options"] = options
    _WORKER["work"] = work
    if isinstance(engine, Engine):  # forked: the main process's own, its catalogue built
        _WORKER["engine"] = engine
        return
    try:
        _WORKER["engine"] = Engine(**engine)
    except Exception as exc:  # told to the parent with the first file (see _advise_one)
        # NOTE: an initializer that raises breaks the pool with no reason given, and
        # every new pool would break again
        _WORKER["failed"] = exc


def _cannot_start(exc: Exception) -> AdviesError:
    """The error that stops a batch whose workers cannot build their engine."""
    if isinstance(exc, AdviesError):
        return exc
    return UsageError(
        t(
            nl="een werkproces kon niet starten: {k}: {m}; --jobs 1 werkt zonder werkprocessen",
            en="a worker process could not start: {k}: {m}; --jobs 1 runs without workers",
            k=type(exc).__name__,
            m=cut(str(exc), MAX_UNEXPECTED),
        )
    )


_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
#: prctl(2) option: the signal this process gets when its parent ends (Linux)
_PR_SET_PDEATHSIG = 1


def _end_with_parent(parent: int) -> None:
    """Have the kernel kill this worker when the main process ``parent`` ends (Linux).

    NOTE: a main process killed with SIGKILL cannot stop its workers, and a worker waits
    for work for ever. The kernel acts at once and needs no thread polling in every
    worker; elsewhere than on Linux such workers stay (docs/scaling.md). ``parent`` is the
    pid the main process gave: if it died before this ran, ``os.getppid()`` already names
    the process that adopted this one.
    """
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no usable libc: the old behaviour
            return
    if os.getppid() != parent:
        os._exit(1)


def _advise_chunk(names: Sequence[str | Path]) -> Sent:
    """Advise on a few files in this worker: one task, one result sent back for them all.

    NOTE: a task per file cost the main process as much work as a worker spends on the
    file (submitting, pickling, the executor's thread), so on two cores two workers were
    barely faster than one (issue 15). The reports' bytes wait in a file (``_spool``).
    """
    return spool((_advise_one(name) for name in names), _WORKER["work"].get("spool"))


def _advise_one(name: str | Path) -> Outcome:
    if "failed" in _WORKER:
        with error_language(_WORKER["work"]["error_language"]):
            raise portable(Path(name), _cannot_start(_WORKER["failed"]))
    path = Path(name)
    work = _WORKER["work"]
    with error_language(work["error_language"]):
        outcome = advise_file(
            _WORKER["engine"], path, work["fmt"], work["color"], work["keep"], **_WORKER["options"]
        )
        if outcome.error is not None:
            outcome = replace(outcome, error=portable(path, outcome.error))
    if outcome.report is not None:
        # NOTE: only the text crosses back when a format was asked for; plugin renderers
        # stay in the parent (they may not travel between processes)
        outcome = replace(
            outcome, report=None if work["fmt"] else replace(outcome.report, renderers={})
        )
    return outcome


def portable(path: Path, error: AdviesError) -> AdviesError:
    """``error``, or an error with its message when it cannot travel to the parent.

    NOTE: a plugin may define its own AdviesError that pickle cannot rebuild; sent as it
    is, it would break the whole process pool instead of failing one file.
    """
    import pickle  # here: a one-file run does not need it (tests/test_startup.py)

    try:
        pickle.loads(pickle.dumps(error))  # our own bytes, just made
    except Exception:  # whatever fails, the message still travels
        return ProjectError([Problem(str(path), "", str(error))])
    return error


#: the engine's settings, the advice's options, the work's details (see advise_paths)
Start = tuple[dict[str, Any], dict[str, Any], dict[str, Any]]


def pooled(
    paths: Sequence[str | Path], jobs: int, start: Start, engine: Engine | None = None
) -> Iterator[Outcome]:
    """Advise on ``paths`` in ``jobs`` worker processes; yield the outcomes in input order.

    Files go to the workers a few at a time (:data:`CHUNK`). A worker that dies (killed,
    out of memory, a crash in C code) breaks the pool: the files in flight are then advised
    again one at a time in a new pool, so the file that kills a worker is found, reported,
    and the rest go on. Whatever ends the run early (an error, Ctrl-C, SIGTERM, the caller
    closing this generator) stops the workers at once.

    :param engine: the engine ``start`` describes, for workers forked from this process.
    """
    with spool_folder(start[2].get("fmt") in BYTE_FORMATS) as folder:
        if folder is not None:  # where the workers leave the reports' bytes
            start = (start[0], start[1], {**start[2], "spool": folder})
        yield from _pooled(paths, jobs, start, engine)


def _pooled(
    paths: Sequence[str | Path], jobs: int, start: Start, engine: Engine | None
) -> Iterator[Outcome]:
    # NOTE: imported here: the process pool costs a one-file run ~10 ms of start-up
    from concurrent.futures.process import BrokenProcessPool

    size = _chunk_size(len(paths), jobs)
    todo = iter(paths)
    again: deque[str | Path] = deque()  # in flight when a worker died: one at a time
    pending: deque[tuple[list[str | Path], Future[Sent]]] = deque()
    in_flight = 0
    pool = _new_pool(jobs, start, engine)
    try:
        while True:
            window = 1 if again else jobs * WINDOW_PER_JOB
            while in_flight < window:
                chunk = [again.popleft()] if again else list(itertools.islice(todo, size))
                if not chunk:
                    break
                pending.append((chunk, _submit(pool, chunk)))
                in_flight += len(chunk)
            if not pending:
                break
            chunk, future = pending.popleft()
            in_flight -= len(chunk)
            try:
                outcomes = unspool(future.result())
            except BrokenProcessPool:
                _stop(pool)
                pool = _new_pool(jobs, start, engine)
                if not pending and len(chunk) == 1:  # alone in flight: it killed its worker
                    yield Outcome(Path(chunk[0]), error=_worker_died(chunk[0]))
                    continue
                again.extend([*chunk, *(p for c, _ in pending for p in c)])
                pending.clear()
                in_flight = 0
                continue
            except AdviesError:
                raise  # raised, not returned: the same for every file, so stop at once
            except Exception as exc:  # e.g. a result that would not pickle
                if len(chunk) > 1:  # find the file: its chunk again, one file at a time
                    again.extendleft(reversed(chunk))
                    pending_again = [p for c, _ in pending for p in c]
                    for _, waiting in pending:
                        waiting.cancel()
                    again.extend(pending_again)
                    pending.clear()
                    in_flight = 0
                    continue
                outcomes = [Outcome(Path(chunk[0]), error=unexpected(chunk[0], exc))]
            yield from outcomes
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown()


def _chunk_size(count: int, jobs: int) -> int:
    """Files per task: :data:`CHUNK`, or fewer when there are too few to keep every worker busy."""
    return max(1, min(CHUNK, count // (jobs * 4)))


def _new_pool(jobs: int, start: Start, engine: Engine | None) -> ProcessPoolExecutor:
    from concurrent.futures import ProcessPoolExecutor

    context, first = _start_method(start, engine)
    return ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_start_worker, initargs=(first, *start[1:])
    )


def _start_method(start: Start, engine: Engine | None) -> tuple[BaseContext, Any]:
    """How workers start, and what they get to advise with: an engine, or its settings.

    NOTE: a forked worker has the main process's engine with its catalogue loaded (the
    catalogue is what a worker spent ~0.3 s building, in every worker: issue 15), and
    nothing is pickled to start it. Forking is only safe with no other thread running (a
    lock held by one stays held in the child for ever; Python 3.12 warns), and only on
    Linux (macOS's system libraries break in a forked child): elsewhere workers start
    afresh, as Python 3.14 does by default.
    """
    import multiprocessing
    import threading

    if engine is not None and sys.platform.startswith("linux") and threading.active_count() == 1:
        try:
            engine.setup  # noqa: B018 - the catalogue, built here once for every worker
        except Exception:  # workers that build their own say what failed (_cannot_start)
            pass
        else:
            return multiprocessing.get_context("fork"), engine
    return multiprocessing.get_context("spawn"), start[0]


def _submit(pool: ProcessPoolExecutor, chunk: list[str | Path]) -> Future[Sent]:
    """``pool.submit``, with SIGINT and SIGTERM blocked while it may start workers.

    NOTE: a worker starts with this process's signal mask; it sets its own handlers and
    only then unblocks them (``_start_worker``), so a signal in between cannot run this
    process's handlers in a worker.
    """
    if not hasattr(signal, "pthread_sigmask"):
        return pool.submit(_advise_chunk, chunk)
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        return pool.submit(_advise_chunk, chunk)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop ``pool`` now: cancel what waits, kill the workers, and wait until they are gone."""
    # NOTE: the executor has no public way to end its workers before Python 3.14; they hold
    # nothing that needs a clean ending (they only compute and send results back)
    processes = list((getattr(pool, "_processes", None) or {}).values())
    thread = getattr(pool, "_executor_manager_thread", None)  # shutdown forgets it
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(OSError, ValueError):
            process.kill()
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AssertionError):
            process.join(_JOIN_SECONDS)
    # NOTE: the executor's thread (and its queue's) end once the workers are gone; waited
    # for, so that the next pool (after a worker died) may fork again (see _start_method)
    if thread is not None:
        thread.join(_JOIN_SECONDS)


#: how long to wait for a killed worker to be gone
_JOIN_SECONDS = 5.0


def _worker_died(path: str | Path) -> ProjectError:
    return ProjectError(
        [
            Problem(
                str(path),
                "",
                t(
                    nl="het proces dat dit bestand verwerkte, stopte onverwacht "
                    "(afgebroken, of te weinig geheugen)",
                    en="the worker process advising this file stopped unexpectedly "
                    "(killed, or out of memory)",
                ),
            )
        ]
    )
