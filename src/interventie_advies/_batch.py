"""Advise on many project files: collect paths, advise one by one, keep going on errors."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections import deque
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._engine import Engine
from ._errors import AdviesError, Problem, ProjectError, UsageError
from ._i18n import current_error_language, error_language, t

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
    from concurrent.futures import Future, ProcessPoolExecutor

    from ._report import Report

__all__ = ["Outcome", "advise_paths", "collect_paths", "unexpected", "unreadable_folder"]


@dataclass(frozen=True)
class Outcome:
    """The result for one file: a report, or the error that stopped it."""

    path: Path
    report: Report | None = None
    error: AdviesError | None = None
    text: str | None = None  # the report rendered, when a format was asked for
    worst: int = 0  # highest priority among the findings: 3 high, 2 medium, 1 low, 0 none


def _toml_files(folder: str, on_error: Callable[[OSError], object]) -> Iterator[str]:
    """Every ``*.toml`` file below ``folder``, as text (no Path object per file)."""
    for root, _, names in os.walk(folder, onerror=on_error):
        for name in names:
            if name.endswith(".toml"):
                full = os.path.join(root, name)  # noqa: PTH118 - strings on purpose, see below
                if os.path.isfile(full):  # noqa: PTH113
                    yield full


def unreadable_folder(folder: str | os.PathLike[str], exc: OSError) -> ProjectError:
    """The error for a folder whose files cannot be listed (as for a file that cannot be read)."""
    reason = exc.strerror or str(exc)
    return ProjectError(
        [
            Problem(
                str(folder),
                "",
                t("cannot read folder: {r}", "kan de map niet lezen: {r}", r=reason),
            )
        ]
    )


def _folder_files(
    folder: str, on_error: Callable[[ProjectError], object] | None
) -> tuple[list[str], bool]:
    """The sorted ``*.toml`` files below ``folder``, and whether a folder in it was unreadable."""
    unreadable = False

    def failed(exc: OSError) -> None:
        nonlocal unreadable
        error = unreadable_folder(exc.filename or folder, exc)
        if on_error is None:
            raise error
        unreadable = True
        on_error(error)

    return sorted(_toml_files(folder, failed)), unreadable


def collect_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    on_error: Callable[[ProjectError], object] | None = None,
) -> list[str]:
    """Expand folders to their ``*.toml`` files (recursively, sorted); keep files as given.

    NOTE: plain strings, not Path objects: a national portfolio lists tens of thousands of
    files, and a Path costs three times the memory of its string.

    :param on_error: called with the error of each folder (or sub-folder) that cannot be
        read, and the collection goes on; without it, such a folder raises that error.
        A folder is never skipped silently.
    :raises UsageError: a path does not exist, or a folder holds no project files.
    :raises ProjectError: a folder cannot be read and ``on_error`` is not given.
    """
    found: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files, unreadable = _folder_files(str(raw), on_error)
            if not files and not unreadable:
                raise UsageError(
                    t(
                        "{p}: folder has no *.toml project files",
                        "{p}: map bevat geen projectbestanden (*.toml)",
                        p=path,
                    )
                )
            found.extend(files)
        elif path.exists():
            found.append(str(raw))
        else:
            raise UsageError(
                t("{p}: no such file or folder", "{p}: bestand of map bestaat niet", p=path)
            )
    return found


_WORKER: dict[str, Any] = {}
_RANK = {"high": 3, "medium": 2, "low": 1}
#: in flight per worker process; bounds memory however many files there are
WINDOW_PER_JOB = 32


def render_as(report: Report, fmt: str, *, color: bool = False) -> str:
    """The text of ``report`` in ``fmt`` (``jsonl``: one compact line)."""
    if fmt == "json":
        return report.to_json() + "\n"
    if fmt == "jsonl":
        return report.to_json(indent=None) + "\n"
    return report.render(fmt, color=color)


def _start_worker(settings: dict[str, Any], options: dict[str, Any], work: dict[str, Any]) -> None:
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
    try:
        _WORKER["engine"] = Engine(**settings)
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
            "a worker process could not start: {k}: {m}; --jobs 1 runs without workers",
            "een werkproces kon niet starten: {k}: {m}; --jobs 1 werkt zonder werkprocessen",
            k=type(exc).__name__,
            m=_cut(str(exc)),
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


def _advise_one(name: str | Path) -> Outcome:
    if "failed" in _WORKER:
        with error_language(_WORKER["work"]["error_language"]):
            raise _portable(Path(name), _cannot_start(_WORKER["failed"]))
    path = Path(name)
    work = _WORKER["work"]
    with error_language(work["error_language"]):
        outcome = _advise(_WORKER["engine"], path, work["fmt"], work["color"], **_WORKER["options"])
        if outcome.error is not None:
            outcome = replace(outcome, error=_portable(path, outcome.error))
    if outcome.report is not None:
        # NOTE: only the text crosses back when a format was asked for; plugin renderers
        # stay in the parent (they may not travel between processes)
        outcome = replace(
            outcome, report=None if work["fmt"] else replace(outcome.report, renderers={})
        )
    return outcome


def _portable(path: Path, error: AdviesError) -> AdviesError:
    """``error``, or an error with its message when it cannot travel to the parent.

    NOTE: a plugin may define its own AdviesError that pickle cannot rebuild; sent as it
    is, it would break the whole process pool instead of failing one file.
    """
    import pickle  # here: a one-file run does not need it (tests/test_cache.py)

    try:
        pickle.loads(pickle.dumps(error))  # our own bytes, just made
    except Exception:  # whatever fails, the message still travels
        return ProjectError([Problem(str(path), "", str(error))])
    return error


#: an unexpected exception's message is cut here in a problem line
MAX_UNEXPECTED = 200


def _cut(message: str) -> str:
    return message if len(message) <= MAX_UNEXPECTED else message[: MAX_UNEXPECTED - 1] + "…"


def unexpected(path: str | Path, exc: BaseException) -> ProjectError:
    """The error entry of a file whose advice failed with an exception nobody foresaw.

    NOTE: one broken file must never stop a batch: whatever goes wrong for one project
    (a bug, a parser limit, a plugin) is reported for that file, and the others go on.
    """
    message = _cut(str(exc))
    return ProjectError(
        [
            Problem(
                str(path),
                "",
                t(
                    "unexpected error ({k}: {m}); this is a bug in advies, please report it",
                    "onverwachte fout ({k}: {m}); dit is een fout in advies, meld het alstublieft",
                    k=type(exc).__name__,
                    m=message,
                ),
            )
        ]
    )


def _advise(
    engine: Engine, name: str | Path, fmt: str | None, color: bool, **options: Any
) -> Outcome:
    path = Path(name)
    try:
        report = engine.advise(path, **options)
        text = render_as(report, fmt, color=color) if fmt else None
        worst = max((_RANK[f.priority] for f in report.findings), default=0)
        return Outcome(path, report=report, text=text, worst=worst)
    except UsageError:
        raise  # the same for every file: stop at once
    except AdviesError as exc:
        return Outcome(path, error=exc)
    except RecursionError:
        return Outcome(
            path,
            error=ProjectError([Problem(str(path), "", t("nested too deeply", "te diep genest"))]),
        )
    except Exception as exc:  # see unexpected()
        return Outcome(path, error=unexpected(path, exc))


def default_jobs(count: int) -> int:
    """Worker processes when the user did not say: all cores for many files, else one."""
    return (os.cpu_count() or 1) if count >= MANY_FILES else 1


MANY_FILES = 100


def advise_paths(
    engine: Engine,
    paths: Sequence[str | Path],
    *,
    lang: str | None = None,
    date: dt.date | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    jobs: int = 1,
    fmt: str | None = None,
    color: bool = False,
) -> Generator[Outcome, None, None]:
    """Yield one Outcome per file, in input order; a broken file never stops the rest.

    :param jobs: worker processes; more than 1 uses a process pool in which every worker
        builds an engine with the same settings (results still come in input order, and
        only a bounded number of files is in flight). Plugin objects that cannot be sent
        to another process mean one process is used.
    :param fmt: render each report in this format where it is made (``Outcome.text``);
        with workers, the report itself then stays in the worker.
    """
    options = {"lang": lang, "date": date, "select": tuple(select), "ignore": tuple(ignore)}
    settings = engine.settings
    if jobs > 1 and len(paths) > 1:
        import pickle

        try:
            pickle.dumps(settings)
        except Exception:  # plugin objects that cannot travel: stay in this process
            jobs = 1
    if jobs <= 1 or len(paths) < 2:
        for path in paths:
            yield _advise(engine, path, fmt, color, **options)
        return
    if fmt is not None and fmt not in ("text", "json", "jsonl", "markdown", "html"):
        fmt_in_worker = None  # a plugin's format: render here, where its renderer lives
    else:
        fmt_in_worker = fmt
    work = {
        "fmt": fmt_in_worker,
        "color": color,
        "error_language": current_error_language(),
        "parent": os.getpid(),
    }
    renderers = engine.renderers
    for outcome in _pooled(paths, jobs, (settings, options, work)):
        if outcome.report is not None:
            try:
                report = replace(outcome.report, renderers=renderers)
                text = render_as(report, fmt, color=color) if fmt else None
                outcome = replace(outcome, report=report, text=text)
            except AdviesError as exc:
                outcome = Outcome(outcome.path, error=exc)
            except Exception as exc:  # see unexpected()
                outcome = Outcome(outcome.path, error=unexpected(outcome.path, exc))
        yield outcome


_Start = tuple[dict[str, Any], dict[str, Any], dict[str, Any]]  # _start_worker's arguments


def _pooled(paths: Sequence[str | Path], jobs: int, start: _Start) -> Iterator[Outcome]:
    """Advise on ``paths`` in ``jobs`` worker processes; yield the outcomes in input order.

    A worker that dies (killed, out of memory, a crash in C code) breaks the pool: the files
    in flight are then advised again one at a time in a new pool, so the file that kills
    a worker is found, reported, and the rest go on. Whatever ends the run early (an
    error, Ctrl-C, SIGTERM, the caller closing this generator) stops the workers at once.
    """
    # NOTE: imported here: the process pool costs a one-file run ~10 ms of start-up
    from concurrent.futures.process import BrokenProcessPool

    todo = iter(paths)
    again: deque[str | Path] = deque()  # in flight when a worker died: one at a time
    pending: deque[tuple[str | Path, Future[Outcome]]] = deque()
    pool = _new_pool(jobs, start)
    try:
        while True:
            window = 1 if again else jobs * WINDOW_PER_JOB
            while len(pending) < window:
                path = again.popleft() if again else next(todo, None)
                if path is None:
                    break
                pending.append((path, _submit(pool, path)))
            if not pending:
                break
            path, future = pending.popleft()
            try:
                outcome = future.result()
            except BrokenProcessPool:
                _stop(pool)
                pool = _new_pool(jobs, start)
                if not pending:  # it was alone in flight: this file killed its worker
                    yield Outcome(Path(path), error=_worker_died(path))
                    continue
                again.extend([path, *(p for p, _ in pending)])
                pending.clear()
                continue
            except AdviesError:
                raise  # raised, not returned: the same for every file, so stop at once
            except Exception as exc:  # e.g. a result that would not pickle
                outcome = Outcome(Path(path), error=unexpected(path, exc))
            yield outcome
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown()


def _new_pool(jobs: int, start: _Start) -> ProcessPoolExecutor:
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=start)


def _submit(pool: ProcessPoolExecutor, path: str | Path) -> Future[Outcome]:
    """``pool.submit``, with SIGINT and SIGTERM blocked while it may start workers.

    NOTE: a worker starts with this process's signal mask; it sets its own handlers and
    only then unblocks them (``_start_worker``), so a signal in between cannot run this
    process's handlers in a worker.
    """
    if not hasattr(signal, "pthread_sigmask"):
        return pool.submit(_advise_one, path)
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        return pool.submit(_advise_one, path)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop ``pool`` now: cancel what waits, kill the workers, and wait until they are gone."""
    # NOTE: the executor has no public way to end its workers before Python 3.14; they hold
    # nothing that needs a clean ending (they only compute and send results back)
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(OSError, ValueError):
            process.kill()
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AssertionError):
            process.join(_JOIN_SECONDS)


#: how long to wait for a killed worker to be gone
_JOIN_SECONDS = 5.0


def _worker_died(path: str | Path) -> ProjectError:
    return ProjectError(
        [
            Problem(
                str(path),
                "",
                t(
                    "the worker process advising this file stopped unexpectedly "
                    "(killed, or out of memory)",
                    "het proces dat dit bestand verwerkte, stopte onverwacht "
                    "(afgebroken, of te weinig geheugen)",
                ),
            )
        ]
    )
