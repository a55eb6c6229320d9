"""Advise on many project files: collect paths, advise one by one, keep going on errors."""

from __future__ import annotations

import itertools
import os
from collections import deque
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._engine import Engine
from ._enums import PRIORITY_RANK
from ._errors import AdviesError, Problem, ProjectError, UsageError
from ._i18n import current_error_language, error_language, t
from ._render import FORMATS

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Iterator, Sequence
    from concurrent.futures import Future

    from ._report import Report

__all__ = ["Outcome", "advise_paths", "collect_paths"]


@dataclass(frozen=True)
class Outcome:
    """The result for one file: a report, or the error that stopped it."""

    path: Path
    report: Report | None = None
    error: AdviesError | None = None
    text: str | None = None  # the report rendered, when a format was asked for
    worst: int = 0  # highest priority among the findings: 3 high, 2 medium, 1 low, 0 none


def _toml_files(folder: str) -> Iterator[str]:
    """Every ``*.toml`` file below ``folder``, as text (no Path object per file)."""
    for root, _, names in os.walk(folder):
        for name in names:
            if name.endswith(".toml"):
                full = os.path.join(root, name)  # noqa: PTH118 - strings on purpose, see below
                if os.path.isfile(full):  # noqa: PTH113
                    yield full


def collect_paths(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Expand folders to their ``*.toml`` files (recursively, sorted); keep files as given.

    NOTE: plain strings, not Path objects: a national portfolio lists tens of thousands of
    files, and a Path costs three times the memory of its string.

    :raises UsageError: a path does not exist, or a folder holds no project files.
    """
    found: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(_toml_files(str(raw)))
            if not files:
                raise UsageError(
                    t(
                        nl="{p}: map bevat geen projectbestanden (*.toml)",
                        en="{p}: folder has no *.toml project files",
                        p=path,
                    )
                )
            found.extend(files)
        elif path.exists():
            found.append(str(raw))
        else:
            raise UsageError(
                t(nl="{p}: bestand of map bestaat niet", en="{p}: no such file or folder", p=path)
            )
    return found


_WORKER: dict[str, Any] = {}
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
    _WORKER["engine"] = Engine(**settings)
    _WORKER["options"] = options
    _WORKER["work"] = work


def _advise_one(name: str | Path) -> Outcome:
    path = Path(name)
    work = _WORKER["work"]
    with error_language(work["error_language"]):
        outcome = _advise(_WORKER["engine"], path, work["fmt"], work["color"], **_WORKER["options"])
    if outcome.report is not None:
        # NOTE: only the text crosses back when a format was asked for; plugin renderers
        # stay in the parent (they may not travel between processes)
        outcome = replace(
            outcome, report=None if work["fmt"] else replace(outcome.report, renderers={})
        )
    return outcome


def _advise(
    engine: Engine, name: str | Path, fmt: str | None, color: bool, **options: Any
) -> Outcome:
    path = Path(name)
    try:
        report = engine.advise(path, **options)
        text = render_as(report, fmt, color=color) if fmt else None
        worst = max((PRIORITY_RANK[f.priority] for f in report.findings), default=0)
        return Outcome(path, report=report, text=text, worst=worst)
    except UsageError:
        raise  # the same for every file: stop at once
    except AdviesError as exc:
        return Outcome(path, error=exc)
    except RecursionError:
        return Outcome(
            path,
            error=ProjectError(
                [Problem(str(path), "", t(nl="te diep genest", en="nested too deeply"))]
            ),
        )


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
) -> Iterator[Outcome]:
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
    # a plugin's format is rendered here, where its renderer lives
    fmt_in_worker = None if fmt is not None and fmt not in FORMATS else fmt
    work = {"fmt": fmt_in_worker, "color": color, "error_language": current_error_language()}
    renderers = engine.renderers
    # NOTE: imported here: the process pool costs a one-file run ~10 ms of start-up
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(
        jobs, initializer=_start_worker, initargs=(settings, options, work)
    ) as pool:
        pending: deque[Future[Outcome]] = deque()
        queue = iter(paths)
        for path in itertools.islice(queue, jobs * WINDOW_PER_JOB):
            pending.append(pool.submit(_advise_one, path))
        while pending:
            outcome = pending.popleft().result()
            for path in itertools.islice(queue, 1):
                pending.append(pool.submit(_advise_one, path))
            if outcome.report is not None:
                report = replace(outcome.report, renderers=renderers)
                text = render_as(report, fmt, color=color) if fmt else None
                outcome = replace(outcome, report=report, text=text)
            yield outcome
