"""Advise on many project files: collect paths, advise one by one, keep going on errors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ._errors import AdviesError, Problem, ProjectError, UsageError

if TYPE_CHECKING:
    import datetime as dt
    import os
    from collections.abc import Iterable, Iterator, Sequence

    from ._engine import Engine
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
                raise UsageError(f"{path}: folder has no *.toml project files")
            found.extend(files)
        elif path.exists():
            found.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder")
    return found


def advise_paths(
    engine: Engine,
    paths: Sequence[Path],
    *,
    lang: str | None = None,
    date: dt.date | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> Iterator[Outcome]:
    """Yield one Outcome per file, in order; a broken file never stops the rest."""
    select, ignore = tuple(select), tuple(ignore)
    for path in paths:
        try:
            report = engine.advise(path, lang=lang, date=date, select=select, ignore=ignore)
        except UsageError:
            raise  # the same for every file: stop at once
        except AdviesError as exc:
            yield Outcome(path, error=exc)
        except RecursionError:
            yield Outcome(path, error=ProjectError([Problem(str(path), "", "nested too deeply")]))
        else:
            yield Outcome(path, report=report)
