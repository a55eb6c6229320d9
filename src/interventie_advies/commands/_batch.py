"""Advise on many project files: collect paths, advise one by one, keep going on errors."""

from __future__ import annotations

import os
from dataclasses import replace
from typing import TYPE_CHECKING

from .._errors import AdviesError
from ..messages._i18n import current_error_language
from ..report import FORMATS
from ._collect import collect_paths, unreadable_folder
from ._outcome import Outcome, advise_file, render_as, rendered, unexpected

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Generator, Iterable, Sequence
    from pathlib import Path

    from ..engine._engine import Engine
    from ._outcome import Keep

__all__ = [
    "Outcome",
    "advise_paths",
    "collect_paths",
    "default_jobs",
    "render_as",
    "unexpected",
    "unreadable_folder",
]


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
    keep: Keep | None = None,
) -> Generator[Outcome, None, None]:
    """Yield one Outcome per file, in input order; a broken file never stops the rest.

    :param jobs: worker processes; more than 1 uses a process pool whose workers use
        ``engine`` (forked, Linux) or build an engine with the same settings (results
        still come in input order, and only a bounded number of files is in flight).
        Plugin objects that cannot be sent to another process mean one process is used.
    :param fmt: render each report in this format where it is made (``Outcome.text``);
        with workers, the report itself then stays in the worker.
    :param keep: ``keep(report, file name)`` is called where each report is made, and its
        result is ``Outcome.kept`` instead of the report (``Outcome.report`` is None):
        with workers only that crosses back, not the report (the portfolio keeps a row
        per project). It must pickle (a module-level function, or a class's method), for
        workers that start afresh; one that does not keeps the batch in this process.
    """
    options = {"lang": lang, "date": date, "select": tuple(select), "ignore": tuple(ignore)}
    settings = engine.settings
    if jobs > 1 and len(paths) > 1:
        import pickle

        try:
            pickle.dumps((settings, keep))
        except Exception:  # plugin objects that cannot travel: stay in this process
            jobs = 1
    if jobs <= 1 or len(paths) < 2:
        for path in paths:
            yield advise_file(engine, path, fmt, color, keep, **options)
        return
    # a plugin's format is rendered here, where its renderer lives
    fmt_in_worker = None if fmt is not None and fmt not in FORMATS else fmt
    work = {
        "fmt": fmt_in_worker,
        "color": color,
        "error_language": current_error_language(),
        "parent": os.getpid(),
        "keep": keep,
    }
    renderers = engine.renderers
    # NOTE: imported here: worker processes are not needed for one file
    from ._workers import pooled

    for outcome in pooled(paths, jobs, (settings, options, work), engine):
        if outcome.report is not None:
            try:
                report = replace(outcome.report, renderers=renderers)
                text = rendered(report, fmt, color=color) if fmt else None
                outcome = replace(outcome, report=report, text=text)
            except AdviesError as exc:
                outcome = Outcome(outcome.path, error=exc)
            except Exception as exc:  # see unexpected()
                outcome = Outcome(outcome.path, error=unexpected(outcome.path, exc))
        yield outcome
