"""The ``advies`` command: parses options and calls the API, nothing more."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ._batch import Outcome, advise_paths, collect_paths, default_jobs
from ._cli_help import Group
from ._cli_options import (
    date_option,
    engine_options,
    format_option,
    jobs_option,
    lang_option,
    output_option,
)
from ._engine import Engine
from ._enums import LANGUAGES, PRIORITY_RANK
from ._errors import AdviesError, ProjectError, RuleError, UsageError, cut, shown_name
from ._i18n import click_language, error_language, resolve_language, t
from ._io import atomic_write
from ._output import _FileSink, open_sink
from ._render import FORMATS
from ._safe_text import json_safe, terminal_safe, visible
from ._signals import Stopped, stop_on_signals

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["main"]

F = TypeVar("F", bound=Callable[..., Any])
FAIL_RANK = {**PRIORITY_RANK, "never": 99}


class _Advies(Group):
    """The ``advies`` group: click's own words follow the language of the command."""

    def main(self, args: Sequence[str] | None = None, *a: Any, **kw: Any) -> Any:
        """Bind click's words to ``--lang`` (else ``ADVIES_LANG``, else Dutch), then run."""
        argv = list(sys.argv[1:] if args is None else args)
        with click_language(_error_language(_asked_language(argv))):
            return super().main(argv, *a, **kw)


def _asked_language(args: Sequence[str]) -> str | None:
    """The value of ``--lang`` among ``args``, read before click parses them."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        else:
            continue
        # NOTE: a wrong value is click's to report (in the language decided without it)
        return value if value in LANGUAGES else None
    return None


def _errors(f: F) -> F:
    """Catch AdviesError once: one problem per line on stderr, and its exit code.

    Validation and usage errors are written in the command's ``--lang`` (else
    ``ADVIES_LANG``, else Dutch).
    """

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = click.get_current_context().find_root().params.get("debug", False)
        with error_language(_error_language(kwargs.get("lang"))):
            try:
                return f(*args, **kwargs)
            except AdviesError as exc:
                if debug:
                    raise
                _print_error(exc)
                sys.exit(exc.exit_code)

    return wrapper  # type: ignore[return-value]


def _report_error(failed: list[AdviesError], exc: AdviesError) -> None:
    """Print ``exc`` and add it to ``failed`` (the run goes on; the exit code says it)."""
    _print_error(exc)
    failed.append(exc)


def _print_error(exc: AdviesError) -> None:
    prefix = t(nl="fout", en="error")
    problems = getattr(exc, "problems", None)
    if problems:
        for problem in problems:
            click.echo(f"{prefix}: {terminal_safe(str(problem))}", err=True)
    else:
        click.echo(f"{prefix}: {terminal_safe(str(exc))}", err=True)


def _color(output: str | None) -> bool:
    if output is not None or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


@click.group(cls=_Advies, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="interventie-advies", prog_name="advies")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
def cli(debug: bool) -> None:
    """Advice for community arts projects with a social aim (culturele interventies)."""


@cli.command(
    epilog="""\b
Examples:
  advies run examples/buurtopera.toml
  advies run examples/ --format json --output reports/
  advies run plan.toml --lang en --date 2026-09-01 --fail-on high"""
)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@format_option(
    None, help="text, json, jsonl (one report per line), markdown, html, or a format a plugin adds."
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
@_errors
def run(
    paths: tuple[str, ...],
    fmt: str,
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
    files = collect_paths(paths, on_error=functools.partial(_report_error, failed))
    if profile:
        engine, jobs = Engine(**{**engine.settings, "profile": True}), 1
    formats = {*FORMATS, *engine.renderers}
    if fmt not in formats:
        raise UsageError(
            t(
                nl="onbekend formaat {f!r}; bekende formaten: {k}",
                en="unknown format {f!r}; known formats: {k}",
                f=cut(fmt),
                k=", ".join(sorted(formats)),
            )
        )
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
                with contextlib.closing(outcomes), _progress(outcomes, len(files)) as bar:
                    for outcome in bar:
                        if outcome.error is not None:
                            _report_error(failed, outcome.error)
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
        _print_stopped(stop, output if isinstance(sink, _FileSink) else None)
        sys.exit(stop.exit_code)
    if profile:
        from ._profile import profile_table

        click.echo(terminal_safe(profile_table(engine)), err=True, nl=False)
    if failed:
        sys.exit(max(e.exit_code for e in failed))
    if worst >= FAIL_RANK[fail_on]:
        sys.exit(1)


def _print_stopped(stop: Stopped, unchanged: str | None) -> None:
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


def _progress(items: Iterable[Outcome], count: int) -> Any:
    """A progress bar on stderr, only for people watching a terminal and several files."""
    if count < 2 or not sys.stderr.isatty():
        return contextlib.nullcontext(items)
    return click.progressbar(
        items, length=count, file=sys.stderr, label=t(nl="advies", en="advising"), show_pos=True
    )


@cli.command(
    epilog="""\b
Examples:
  advies diff plan-maart.toml plan-juni.toml
  advies diff rapport-maart.json plan-juni.toml --format markdown --output voortgang.md"""
)
@click.argument("old", type=click.Path(exists=True, dir_okay=False))
@click.argument("new", type=click.Path(exists=True, dir_okay=False))
@format_option(["text", "markdown", "json"])
@output_option()
@lang_option()
@date_option("Evaluation date for project files (default: today).")
@engine_options
@_errors
def diff(
    old: str,
    new: str,
    fmt: str,
    output: str | None,
    lang: str | None,
    date: dt.datetime | None,
    engine: Engine,
) -> None:
    """Show progress between two versions: project files or JSON reports."""
    day = date.date() if date else None
    from ._diff import diff_reports, load_side

    text = diff_reports(
        load_side(engine, old, lang=lang, date=day), load_side(engine, new, lang=lang, date=day)
    ).render(fmt)
    if output:
        atomic_write(output, text)
    else:
        click.echo(text, nl=False)


@cli.command(epilog="Example:\n\n  advies check examples/*.toml")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@lang_option()
@engine_options
@_errors
def check(paths: tuple[str, ...], lang: str | None, engine: Engine) -> None:
    """Validate project files only; list every problem with its TOML path."""
    unreadable: list[AdviesError] = []
    bad = 0
    for path in collect_paths(paths, on_error=functools.partial(_report_error, unreadable)):
        try:
            engine.check(path)
        except (ProjectError, RuleError) as exc:
            bad += 1
            _print_error(exc)
        else:
            click.echo(f"ok: {visible(shown_name(path))}")  # one line, whatever the name holds
    if bad or unreadable:
        sys.exit(2)


@cli.command(name="rules")
@click.option("--element", default=None, help="Only rules of this element id.")
@format_option(["text", "json", "markdown"])
@lang_option()
@engine_options
@_errors
def rules_command(
    element: str | None,
    fmt: str,
    lang: str | None,
    engine: Engine,
) -> None:
    """List rules: code, name, element, kind, priority and plugin."""
    from ._catalogue import list_rules

    click.echo(list_rules(engine, element=element, fmt=fmt, lang=resolve_language(lang)), nl=False)


@cli.command()
@click.argument("rule")
@lang_option()
@engine_options
@_errors
def explain(
    rule: str,
    lang: str | None,
    engine: Engine,
) -> None:
    """Show one rule in full: texts, condition, needs, source and examples."""
    from ._catalogue import explain_rule

    click.echo(explain_rule(engine, rule, lang=resolve_language(lang)), nl=False)


@cli.command()
@format_option(["text", "json"])
@lang_option()
@engine_options
@_errors
def plugins(fmt: str, lang: str | None, engine: Engine) -> None:
    """List plugins with version and rule count, and plugins that failed with why."""
    from ._catalogue import plugin_table

    text, failed = plugin_table(engine, fmt=fmt)
    click.echo(text, nl=False)
    if failed and engine.strict:
        sys.exit(3)


@cli.command(
    epilog="""\b
Examples:
  advies init
  advies init plan.toml --lang en
  advies init project.toml --force"""
)
@click.argument("file", default="project.toml", type=click.Path(dir_okay=False))
@lang_option("Language of the questions and the file's comments (default: ADVIES_LANG, else nl).")
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
@_errors
def init(file: str, lang: str | None, force: bool) -> None:
    """Ask questions about a project and write a commented project file (default project.toml).

    Answer ? or press Enter when you don't know: the fact is left out and the advice asks
    about it later. Ctrl-C stops without writing anything (exit code 130).
    """
    from ._init import init_project

    init_project(file, lang=resolve_language(lang), force=force)


@cli.command(
    epilog="""\b
Examples:
  advies portfolio projecten/
  advies portfolio projecten/ --format csv --csv-dialect nl --output portfolio.csv
  advies portfolio projecten/ --format html --output portfolio.html --date 2026-11-01"""
)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@format_option(["text", "csv", "json", "html"])
@click.option(
    "--csv-dialect",
    type=click.Choice(["default", "nl"]),
    default="default",
    show_default=True,
    help="nl: semicolons and a UTF-8 byte order mark, for Excel with Dutch settings.",
)
@output_option()
@lang_option("Language of the whole portfolio (default: ADVIES_LANG, else nl).")
@date_option()
@jobs_option("Worker processes (default: all cores from 100 files on, else 1).")
@engine_options
@_errors
def portfolio(
    paths: tuple[str, ...],
    fmt: str,
    csv_dialect: str,
    output: str | None,
    lang: str | None,
    date: dt.datetime | None,
    jobs: int | None,
    engine: Engine,
) -> None:
    """Summarise many projects: elements per project, common gaps, urgent projects first."""
    from ._portfolio import run_portfolio

    try:
        with stop_on_signals():  # as for `run`: workers stopped, nothing half written
            code = run_portfolio(
                engine,
                paths,
                fmt=fmt,
                csv_dialect=csv_dialect,
                output=output,
                lang=resolve_language(lang),
                date=date.date() if date else None,
                jobs=jobs,
                on_error=_print_error,
                progress=_progress,
            )
    except Stopped as stop:
        _print_stopped(stop, output)
        sys.exit(stop.exit_code)
    if code:
        sys.exit(code)


@cli.group()
def plugin() -> None:
    """Tools for plugin authors."""


@plugin.command(
    name="new",
    epilog="""\b
Example:
  advies plugin new regio-oost
  cd interventie-advies-regio-oost && python -m pip install -e .[test] && python -m pytest""",
)
@click.argument("name")
@click.argument("folder", required=False, type=click.Path(file_okay=False))
@click.option("--prefix", default=None, help="Code prefix of its rules (default: from NAME).")
@lang_option()
@_errors
def plugin_new(name: str, folder: str | None, prefix: str | None, lang: str | None) -> None:
    """Write a working plugin package: pyproject, entry point, rules, a test, README."""
    from ._scaffold import new_plugin

    written = new_plugin(name, folder, prefix=prefix)
    shown = visible(str(written))
    click.echo(f"wrote {shown}")
    click.echo(f"next: cd {shown} && python -m pip install -e .[test] && python -m pytest")


@cli.command()
@click.argument("what", type=click.Choice(["project", "report", "rules"]), default="project")
@_errors
def schema(what: str) -> None:
    """Print the JSON Schema of project files, reports or rule files."""
    from ._schema import schema_of

    click.echo(json_safe(json.dumps(schema_of(what), indent=2, ensure_ascii=False)))


def _error_language(lang: str | None) -> str:
    """The language of the command's errors; Dutch when ADVIES_LANG itself is the error."""
    try:
        return resolve_language(lang)
    except UsageError:
        return "nl"


def main() -> None:
    """Entry point of the ``advies`` console script."""
    try:
        cli(prog_name="advies")
    except SystemExit as exc:
        if exc.code in _STOPPED:
            # NOTE: stopped by a signal after the clean-up: end now instead of waiting at
            # exit for the process pool's thread, which waits for ever on a worker that was
            # killed half-way through sending a result (results over 16 KiB go in two writes)
            with contextlib.suppress(Exception):
                sys.stdout.flush()
                sys.stderr.flush()
            os._exit(exc.code)
        raise


#: exit codes of a command stopped by SIGINT (Ctrl-C) or SIGTERM
_STOPPED = (130, 143)
