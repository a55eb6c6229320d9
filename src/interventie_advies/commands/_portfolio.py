"""``advies portfolio``: advise on many projects and sum them up (docs/portfolio.md).

For funders and municipalities. The portfolio streams over :func:`advise_paths`, keeping
one :class:`ProjectRow` per project (``_portfolio_rows``), and renders as text (a
projects × elements matrix with a legend), CSV (one row per project; ``nl`` dialect for
Excel with Dutch settings), JSON (deterministic) and HTML (one self-contained page, Jinja2
imported only then); the renderers are in ``_render/portfolio_*``.
"""

from __future__ import annotations

import contextlib
from types import MappingProxyType
from typing import TYPE_CHECKING

from .._errors import ProjectError, UsageError
from .._io import atomic_write
from .._safe_text import for_format
from ..messages._i18n import t
from ..report._portfolio import (
    SUSTAINABILITY_TAG,
    URGENT_MONTHS,
    Entry,
    FailedFile,
    Portfolio,
    ProjectRow,
)
from ..report._portfolio_csv import CSV_DIALECTS
from ._batch import advise_paths, collect_paths, default_jobs

if TYPE_CHECKING:
    import datetime as dt
    import os
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
    from contextlib import AbstractContextManager
    from pathlib import Path

    from .._errors import AdviesError
    from ..engine._engine import Engine
    from ._batch import Outcome

    Progress = Callable[[Iterator[Outcome], int], AbstractContextManager[Iterable[Outcome]]]

__all__ = [
    "CSV_DIALECTS",
    "FORMATS",
    "SUSTAINABILITY_TAG",
    "URGENT_MONTHS",
    "FailedFile",
    "Portfolio",
    "ProjectRow",
    "build_portfolio",
    "render_portfolio",
    "run_portfolio",
]

#: the portfolio's formats, each with the extension of its files
FORMATS: Mapping[str, str] = MappingProxyType(
    {"text": ".txt", "csv": ".csv", "json": ".json", "html": ".html"}
)


def render_portfolio(
    portfolio: Portfolio, fmt: str = "text", *, csv_dialect: str = "default"
) -> str:
    """The portfolio as ``text``, ``csv``, ``json`` or ``html``."""
    if fmt == "text":
        from ..report._portfolio_text import render_portfolio_text

        return render_portfolio_text(portfolio)
    if fmt == "csv":
        from ..report._portfolio_csv import render_portfolio_csv

        return render_portfolio_csv(portfolio, csv_dialect)
    if fmt == "json":
        return portfolio.to_json() + "\n"
    if fmt == "html":
        from ..report._portfolio_html import render_portfolio_html

        return render_portfolio_html(portfolio)
    raise ValueError(f"unknown portfolio format {fmt!r}; known: {', '.join(FORMATS)}")


def build_portfolio(
    engine: Engine,
    paths: Sequence[str | Path],
    *,
    lang: str = "nl",
    date: dt.date | None = None,
    jobs: int = 1,
    on_error: Callable[[AdviesError], object] | None = None,
    progress: Progress | None = None,
) -> Portfolio:
    """Advise on ``paths`` one by one and keep only a row per project.

    Every report is asked in the same ``lang`` so that titles and words agree.

    :param on_error: called with the error of each file that fails (the run goes on).
    :param progress: wraps the outcomes, e.g. in a progress bar: ``progress(outcomes, count)``
        returns a context manager that gives the outcomes back.
    """
    portfolio = Portfolio(lang=lang)
    # NOTE: each report is reduced to its entry where it is made: with workers only the
    # entry crosses back (sending 10,000 whole reports cost the main process 1.9 s of CPU,
    # and two workers were 1.26x as fast as one process)
    outcomes = advise_paths(engine, paths, lang=lang, date=date, jobs=jobs, keep=Entry.from_report)
    wrapped = progress(outcomes, len(paths)) if progress else contextlib.nullcontext(outcomes)
    # closing: an error or Ctrl-C here stops the workers now, not when Python collects it
    with contextlib.closing(outcomes), wrapped as items:
        for outcome in items:
            portfolio.add(outcome)
            if outcome.error is not None and on_error is not None:
                on_error(outcome.error)
    return portfolio


def run_portfolio(
    engine: Engine,
    paths: Iterable[str | os.PathLike[str]],
    *,
    fmt: str = "text",
    csv_dialect: str = "default",
    output: str | os.PathLike[str] | None = None,
    lang: str = "nl",
    date: dt.date | None = None,
    jobs: int | None = None,
    on_error: Callable[[AdviesError], object] | None = None,
    progress: Progress | None = None,
) -> int:
    """What ``advies portfolio`` does: build, render, write; return the exit code.

    :param jobs: worker processes (default: as ``advies run``, all cores from 100 files on).
    :raises UsageError: a path does not exist, or the output cannot be written.
    """
    import click

    if fmt not in FORMATS:
        raise UsageError(
            t(
                nl="onbekend formaat {f!r}; bekende formaten: {k}",
                en="unknown format {f!r}; known formats: {k}",
                f=fmt,
                k=", ".join(FORMATS),
            )
        )
    unreadable: list[ProjectError] = []

    def folder_failed(error: ProjectError) -> None:
        unreadable.append(error)
        if on_error is not None:
            on_error(error)

    files = collect_paths(paths, on_error=folder_failed)
    portfolio = build_portfolio(
        engine,
        files,
        lang=lang,
        date=date,
        jobs=jobs if jobs is not None else default_jobs(len(files)),
        on_error=on_error,
        progress=progress,
    )
    for error in unreadable:  # listed like a file that could not be read
        portfolio.add_error(error.problems[0].file, error)
    # NOTE: the renderers escape what they write; this is the last check before output
    text = for_format(render_portfolio(portfolio, fmt, csv_dialect=csv_dialect), fmt)
    if output is not None:
        atomic_write(output, text)
    elif fmt == "text":
        click.echo(text, nl=False)
    else:  # bytes, so the byte order mark and every character arrive as UTF-8
        click.echo(text.encode("utf-8"), nl=False)
    return portfolio.exit_code
