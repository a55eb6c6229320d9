"""Advise on many project files: collect paths, advise one by one, keep going on errors."""

from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._engine import Engine
from ._errors import AdviesError, Problem, ProjectError, UsageError
from ._i18n import t

if TYPE_CHECKING:
    import datetime as dt
    import os
    from collections.abc import Iterable, Iterator, Sequence

    from ._report import Report

__all__ = ["Outcome", "advise_paths", "collect_paths"]


@dataclass(frozen=True)
class Outcome:
    """The result for one file: a report, or the error that stopped it."""

    path: Path
    report: Report | None = None
    error: AdviesError | None = None


def collect_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Expand folders to their ``*.toml`` files (recursively, sorted); keep files as given.

    :raises UsageError: a path does not exist, or a folder holds no project files.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*.toml") if p.is_file())
            if not files:
                raise UsageError(
                    t(
                        "{p}: folder has no *.toml project files",
                        "{p}: map bevat geen projectbestanden (*.toml)",
                        p=path,
                    )
                )
            found.extend(files)
        elif path.exists():
            found.append(path)
        else:
            raise UsageError(
                t("{p}: no such file or folder", "{p}: bestand of map bestaat niet", p=path)
            )
    return found


_WORKER: dict[str, Any] = {}


def _start_worker(settings: dict[str, Any], options: dict[str, Any]) -> None:
    _WORKER["engine"] = Engine(**settings)
    _WORKER["options"] = options


def _advise_one(path: Path) -> Outcome:
    outcome = _advise(_WORKER["engine"], path, **_WORKER["options"])
    if outcome.report is not None:
        # NOTE: plugin renderers stay in the parent; they are re-attached there
        outcome = Outcome(path, report=replace(outcome.report, renderers={}))
    return outcome


def _advise(engine: Engine, path: Path, **options: Any) -> Outcome:
    try:
        return Outcome(path, report=engine.advise(path, **options))
    except UsageError:
        raise  # the same for every file: stop at once
    except AdviesError as exc:
        return Outcome(path, error=exc)
    except RecursionError:
        return Outcome(
            path,
            error=ProjectError([Problem(str(path), "", t("nested too deeply", "te diep genest"))]),
        )


def advise_paths(
    engine: Engine,
    paths: Sequence[Path],
    *,
    lang: str | None = None,
    date: dt.date | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    jobs: int = 1,
) -> Iterator[Outcome]:
    """Yield one Outcome per file, in input order; a broken file never stops the rest.

    :param jobs: worker processes; more than 1 uses a process pool in which every worker
        builds an engine with the same settings (results still come in input order).
        Plugin objects that cannot be sent to another process mean one process is used.
    """
    options = {"lang": lang, "date": date, "select": tuple(select), "ignore": tuple(ignore)}
    settings = engine.settings
    if jobs > 1 and len(paths) > 1:
        try:
            pickle.dumps(settings)
        except Exception:  # plugin objects that cannot travel: stay in this process
            jobs = 1
    if jobs <= 1 or len(paths) < 2:
        for path in paths:
            yield _advise(engine, path, **options)
        return
    renderers = engine.renderers
    chunk = max(1, min(64, len(paths) // (jobs * 4)))
    with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(settings, options)) as pool:
        for outcome in pool.map(_advise_one, paths, chunksize=chunk):
            if outcome.report is not None and renderers:
                outcome = Outcome(outcome.path, report=replace(outcome.report, renderers=renderers))
            yield outcome
