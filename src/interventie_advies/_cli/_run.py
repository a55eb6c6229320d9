"""``advies run``: advice on project files, with its progress bar and its stop messages."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from typing import TYPE_CHECKING, Any

import click

from .._errors import AdviesError, UsageError, cut, shown_name
from .._safe_text import terminal_safe, visible
from ..commands._batch import Outcome, advise_paths, collect_paths, default_jobs
from ..commands._output import _FileSink, open_sink
from ..commands._signals import Stopped, stop_on_signals
from ..commands._suffix import format_for
from ..engine._engine import Engine
from ..messages._i18n import t
from ..project._enums import PRIORITY_RANK
from ..report import FORMATS
from ._errors import handle_errors, report_error
from ._help import Command
from ._options import (
    date_option,
    engine_options,
    format_option,
    jobs_option,
    lang_option,
    output_option,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

__all__ = ["FAIL_RANK", "print_stopped", "progress", "run"]

FAIL_RANK = {**PRIORITY_RANK, "never": 99}


def _color(output: str | None) -> bool:
    if output is not None or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


@click.command(
    cls=Command,
    epilog="""\b
Examples:
  advies run examples/buurtopera.toml
  advies run examples/ --format json --output reports/
  advies run plan.toml --lang en --date 2026-09-01 --fail-on high""",
)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@format_option(
    None,
    help="text, json, jsonl (one report per line), markdown, html, or a format a plugin adds "
    "(default: from the extension of --output, else text).",
    by_output=True,
)
@output_option(
    "Write to FILE (atomically); for several projects a folder or one JSON array.", folder=True
)
@lang_option()
@date_option()
@click.option("--select", multiple=True, help="Only these rules: code, name, element or plugin.")
@click.option("--ignore", multiple=True, help="Leave out these rules.")
@jobs_option(
    "Worker processes (default: all cores from 100 files on, else 1); output keeps its order."
)
@click.option(
    "--profile",
    is_flag=True,
    help="Show on stderr the time spent per plugin and per rule (runs in one process).",
)
@click.option(
    "--fail-on",
    type=click.Choice(list(FAIL_RANK)),
    default="never",
    show_default=True,
    help="Exit 1 when advice of this priority or higher remains.",
)
@engine_options
@handle_errors
def run(
    paths: tuple[str, ...],
    fmt: str | None,
    output: str | None,
    lang: str | None,
    date: dt.datetime | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    jobs: int | None,
    profile: bool,
    fail_on: str,
    engine: Engine,
) -> None:
    """Advise on project files or folders of them."""
    failed: list[AdviesError] = []
    files = collect_paths(paths, on_error=functools.partial(report_error, failed))
    if profile:
        engine, jobs = Engine(**{**engine.settings, "profile": True}), 1
    formats = {*FORMATS, *engine.renderers}
    if fmt is not None and fmt not in formats:
        raise UsageError(
            t(
                nl="onbekend formaat {f!r}; bekende formaten: {k}",
                en="unknown format {f!r}; known formats: {k}",
                f=cut(fmt),
                k=", ".join(sorted(formats)),
            )
        )
    fmt = format_for(fmt, output, FORMATS, engine.renderers)
    if not files:  # every folder given was unreadable: nothing to write, nothing replaced
        sys.exit(max(e.exit_code for e in failed))
    color = _color(output)
    worst = 0
    try:
        # NOTE: Ctrl-C and SIGTERM stop the workers and remove the temporary file (the
        # clean-up below), then exit 130 / 143 with one line; see _signals
        with stop_on_signals():
            sink = open_sink(output, fmt, files, sys.stdout)
            outcomes = advise_paths(
                engine,
                files,
                lang=lang,
                date=date.date() if date else None,
                select=select,
                ignore=ignore,
                jobs=jobs if jobs is not None else default_jobs(len(files)),
                fmt=fmt,
                color=color,
            )
            try:
                with contextlib.closing(outcomes), progress(outcomes, len(files)) as bar:
                    for outcome in bar:
                        if outcome.error is not None:
                            report_error(failed, outcome.error)
                            continue
                        worst = max(worst, outcome.worst)
                        sink.add(outcome.path, outcome.text or "")
                if failed and not sink.count and output is not None:
                    sink.abort()  # no report at all: the old output file stays as it was
                else:
                    sink.close()
            except BaseException:
                sink.abort()
                raise
    except Stopped as stop:
        print_stopped(stop, output if isinstance(sink, _FileSink) else None)
        sys.exit(stop.exit_code)
    if profile:
        from ..commands._profile import profile_table

        click.echo(terminal_safe(profile_table(engine)), err=True, nl=False)
    if failed:
        sys.exit(max(e.exit_code for e in failed))
    if worst >= FAIL_RANK[fail_on]:
        sys.exit(1)


def print_stopped(stop: Stopped, unchanged: str | None) -> None:
    """Say on stderr that ``stop`` ended the command, and that ``unchanged`` was kept."""
    if unchanged is None:
        click.echo(t(nl="Gestopt ({s}).", en="Stopped ({s}).", s=stop.name), err=True)
    else:
        click.echo(
            t(
                nl="Gestopt ({s}); {p} is niet veranderd.",
                en="Stopped ({s}); {p} is unchanged.",
                s=stop.name,
                p=visible(shown_name(unchanged)),
            ),
            err=True,
        )


def progress(items: Iterable[Outcome], count: int) -> Any:
    """A progress bar on stderr, only for people watching a terminal and several files."""
    if count < 2 or not sys.stderr.isatty():
        return contextlib.nullcontext(items)
    return click.progressbar(
        items, length=count, file=sys.stderr, label=t(nl="advies", en="advising"), show_pos=True
    )
