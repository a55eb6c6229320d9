"""The commands that read project files besides ``run``: ``check``, ``diff`` and ``portfolio``."""

from __future__ import annotations

import functools
import sys
from typing import TYPE_CHECKING

import click

from .._errors import AdviesError, ProjectError, RuleError, UsageError, shown_name
from .._io import atomic_write
from .._safe_text import terminal_safe, visible
from ..commands._batch import collect_paths
from ..commands._signals import Stopped, stop_on_signals
from ..commands._suffix import format_for
from ..messages._i18n import resolve_language, t
from ._errors import handle_errors, print_error, report_error
from ._help import Command
from ._options import (
    date_option,
    engine_options,
    format_option,
    jobs_option,
    lang_option,
    output_option,
)
from ._run import print_stopped, progress

if TYPE_CHECKING:
    import datetime as dt

    from ..engine._engine import Engine

__all__ = ["check", "diff", "portfolio"]


@click.command(
    cls=Command,
    epilog="""\b
Examples:
  advies diff plan-maart.toml plan-juni.toml
  advies diff rapport-maart.json plan-juni.toml --format markdown --output voortgang.md""",
)
@click.argument("old", type=click.Path(exists=True, dir_okay=False))
@click.argument("new", type=click.Path(exists=True, dir_okay=False))
@format_option(
    ["text", "markdown", "json"],
    help="text, markdown or json (default: from the extension of --output, else text).",
    by_output=True,
)
@output_option()
@lang_option()
@date_option("Evaluation date for project files (default: today).")
@engine_options
@handle_errors
def diff(
    old: str,
    new: str,
    fmt: str | None,
    output: str | None,
    lang: str | None,
    date: dt.datetime | None,
    engine: Engine,
) -> None:
    """Show progress between two versions: project files or JSON reports."""
    day = date.date() if date else None
    from ..commands._diff import FORMATS, diff_reports, load_side

    fmt = format_for(fmt, output, FORMATS)
    found = diff_reports(
        load_side(engine, old, lang=lang, date=day), load_side(engine, new, lang=lang, date=day)
    )
    text = found.render(fmt)
    if output:
        atomic_write(output, text)
        for warning in found.warnings:  # also where it is seen now, not only in the file
            click.echo(terminal_safe(warning), err=True)
    else:
        click.echo(text, nl=False)


@click.command(cls=Command, epilog="Example:\n\n  advies check examples/*.toml")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@lang_option()
@engine_options
@handle_errors
def check(paths: tuple[str, ...], lang: str | None, engine: Engine) -> None:
    """Validate project files only; list every problem with its TOML path."""
    unreadable: list[AdviesError] = []
    bad = 0
    for path in collect_paths(paths, on_error=functools.partial(report_error, unreadable)):
        try:
            engine.check(path)
        except (ProjectError, RuleError) as exc:
            bad += 1
            print_error(exc)
        else:
            click.echo(f"ok: {visible(shown_name(path))}")  # one line, whatever the name holds
    if bad or unreadable:
        sys.exit(2)


@click.command(
    cls=Command,
    epilog="""\b
Examples:
  advies portfolio projecten/
  advies portfolio projecten/ --format csv --csv-dialect nl --output portfolio.csv
  advies portfolio projecten/ --format html --output portfolio.html --date 2026-11-01""",
)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@format_option(
    ["text", "csv", "json", "html"],
    help="text, csv, json or html (default: from the extension of --output, else text).",
    by_output=True,
)
@click.option(
    "--csv-dialect",
    type=click.Choice(["default", "nl"]),
    default=None,
    help="CSV only. nl: semicolons and a UTF-8 byte order mark, for Excel with Dutch "
    "settings (default: default).",
)
@output_option()
@lang_option("Language of the whole portfolio (default: ADVIES_LANG, else nl).")
@date_option()
@jobs_option("Worker processes (default: all cores from 100 files on, else 1).")
@engine_options
@handle_errors
def portfolio(
    paths: tuple[str, ...],
    fmt: str | None,
    csv_dialect: str | None,
    output: str | None,
    lang: str | None,
    date: dt.datetime | None,
    jobs: int | None,
    engine: Engine,
) -> None:
    """Summarise many projects: elements per project, common gaps, urgent projects first."""
    from ..commands._portfolio import FORMATS, run_portfolio

    fmt = format_for(fmt, output, FORMATS)
    if csv_dialect is not None and fmt != "csv":
        raise UsageError(
            t(
                nl="--csv-dialect geldt alleen voor CSV; gebruik --format csv of -o NAAM.csv",
                en="--csv-dialect applies to CSV only; use --format csv or -o NAME.csv",
            )
        )

    try:
        with stop_on_signals():  # as for `run`: workers stopped, nothing half written
            code = run_portfolio(
                engine,
                paths,
                fmt=fmt,
                csv_dialect=csv_dialect or "default",
                output=output,
                lang=resolve_language(lang),
                date=date.date() if date else None,
                jobs=jobs,
                on_error=print_error,
                progress=progress,
            )
    except Stopped as stop:
        print_stopped(stop, output)
        sys.exit(stop.exit_code)
    if code:
        sys.exit(code)
