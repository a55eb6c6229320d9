"""The ``advies`` command: parses options and calls the API, nothing more."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import __version__
from ._batch import Outcome, advise_paths, collect_paths, default_jobs
from ._engine import Engine
from ._errors import AdviesError, ProjectError, RuleError, UsageError, cut, shown_name
from ._i18n import error_language, t
from ._io import atomic_write
from ._output import _FileSink, open_sink
from ._render import BUILTIN_FORMATS
from ._safe_text import json_safe, terminal_safe, visible
from ._signals import Stopped, stop_on_signals

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["main"]

F = TypeVar("F", bound=Callable[..., Any])
FAIL_RANK = {"high": 3, "medium": 2, "low": 1, "never": 99}
_PRIORITY_RANK = {"high": 3, "medium": 2, "low": 1}


class _Date(click.DateTime):
    """``click.DateTime(["%Y-%m-%d"])``, reading the usual ``2026-06-01`` without strptime.

    NOTE: the first ``strptime`` imports ``_strptime`` and builds its locale tables (~3 ms
    of start-up). A plain ASCII date is read directly; anything else goes to strptime, so
    what is accepted and every error message stay as they were.
    """

    def __init__(self) -> None:
        super().__init__(["%Y-%m-%d"])

    def _try_to_convert_date(self, value: Any, format: str) -> dt.datetime | None:
        if (
            isinstance(value, str)
            and len(value) == 10
            and value[4] == value[7] == "-"
            and (value[:4] + value[5:7] + value[8:]).isdigit()
            and (value[:4] + value[5:7] + value[8:]).isascii()
        ):
            import datetime

            try:
                return datetime.datetime(int(value[:4]), int(value[5:7]), int(value[8:]))
            except ValueError:
                return None
        return super()._try_to_convert_date(value, format)


def _lang_option(f: F) -> F:
    return click.option(
        "--lang",
        type=click.Choice(["nl", "en"]),
        default=None,
        help="Output language (default: the file's [advies] language, else ADVIES_LANG, else nl).",
    )(f)


def _with_engine(f: Callable[..., Any]) -> Callable[..., Any]:
    """Add the plugin and rule options, and pass the Engine they describe as ``engine``."""

    @functools.wraps(f)
    def wrapper(
        *args: Any,
        rule_files: tuple[str, ...],
        no_plugins: bool,
        modules: tuple[str, ...],
        strict: bool,
        **kwargs: Any,
    ) -> Any:
        engine = Engine(
            plugins=() if no_plugins else None, rules=rule_files, modules=modules, strict=strict
        )
        return f(*args, engine=engine, **kwargs)

    options = [
        click.option(
            "--rules",
            "rule_files",
            multiple=True,
            type=click.Path(exists=True),
            help="Extra rule file, or a folder of them (repeatable).",
        ),
        click.option("--no-plugins", is_flag=True, help="Only the built-in rules."),
        click.option(
            "--plugin",
            "modules",
            multiple=True,
            metavar="MODULE",
            help="Load a plugin module by import path (repeatable).",
        ),
        click.option(
            "--strict", is_flag=True, help="A failing plugin or rule is an error (exit code 3)."
        ),
    ]
    decorated: Callable[..., Any] = wrapper
    for option in reversed(options):
        decorated = option(decorated)
    return decorated


def _errors(f: F) -> F:
    """Catch AdviesError once: one problem per line on stderr, and its exit code.

    Validation and usage errors are written in the command's ``--lang`` (else
    ``ADVIES_LANG``, else Dutch).
    """

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = click.get_current_context().find_root().params.get("debug", False)
        with error_language(kwargs.get("lang") or _env_lang()):
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
    prefix = t("error", "fout")
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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="advies")
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
@click.option(
    "--format",
    "fmt",
    default="text",
    show_default=True,
    help="text, json, jsonl (one report per line), markdown, html, or a format a plugin adds.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(),
    default=None,
    help="Write to FILE (atomically); for several projects a folder or one JSON array.",
)
@_lang_option
@click.option(
    "--date",
    type=_Date(),
    default=None,
    help="Evaluation date YYYY-MM-DD (default: today).",
)
@click.option("--select", multiple=True, help="Only these rules: code, name, element or plugin.")
@click.option("--ignore", multiple=True, help="Leave out these rules.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: all cores from 100 files on, else 1); output keeps its order.",
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
@_with_engine
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
    formats = {*BUILTIN_FORMATS, "jsonl", *engine.renderers}
    if fmt not in formats:
        raise UsageError(
            t(
                "unknown format {f!r}; known formats: {k}",
                "onbekend formaat {f!r}; bekende formaten: {k}",
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
        click.echo(t("Stopped ({s}).", "Gestopt ({s}).", s=stop.name), err=True)
    else:
        click.echo(
            t(
                "Stopped ({s}); {p} is unchanged.",
                "Gestopt ({s}); {p} is niet veranderd.",
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
        items, length=count, file=sys.stderr, label=t("advising", "advies"), show_pos=True
    )


@cli.command(
    epilog="""\b
Examples:
  advies diff plan-maart.toml plan-juni.toml
  advies diff rapport-maart.json plan-juni.toml --format markdown --output voortgang.md"""
)
@click.argument("old", type=click.Path(exists=True, dir_okay=False))
@click.argument("new", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write to FILE (atomically).",
)
@_lang_option
@click.option(
    "--date",
    type=_Date(),
    default=None,
    help="Evaluation date for project files (default: today).",
)
@_with_engine
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
@_lang_option
@_with_engine
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
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
)
@_lang_option
@_with_engine
@_errors
def rules_command(
    element: str | None,
    fmt: str,
    lang: str | None,
    engine: Engine,
) -> None:
    """List rules: code, name, element, kind, priority and plugin."""
    from ._catalogue import list_rules

    click.echo(list_rules(engine, element=element, fmt=fmt, lang=lang or _env_lang()), nl=False)


@cli.command()
@click.argument("rule")
@_lang_option
@_with_engine
@_errors
def explain(
    rule: str,
    lang: str | None,
    engine: Engine,
) -> None:
    """Show one rule in full: texts, condition, needs, source and examples."""
    from ._catalogue import explain_rule

    click.echo(explain_rule(engine, rule, lang=lang or _env_lang()), nl=False)


@cli.command()
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@_lang_option
@_with_engine
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
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default=None,
    help="Language of the questions and the file's comments (default: ADVIES_LANG, else nl).",
)
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
@_errors
def init(file: str, lang: str | None, force: bool) -> None:
    """Ask questions about a project and write a commented project file (default project.toml).

    Answer ? or press Enter when you don't know: the fact is left out and the advice asks
    about it later. Ctrl-C stops without writing anything (exit code 130).
    """
    from ._init import init_project

    init_project(file, lang=lang or _env_lang(), force=force)


@cli.command(
    epilog="""\b
Examples:
  advies portfolio projecten/
  advies portfolio projecten/ --format csv --csv-dialect nl --output portfolio.csv
  advies portfolio projecten/ --format html --output portfolio.html --date 2026-11-01"""
)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "csv", "json", "html"]),
    default="text",
    show_default=True,
)
@click.option(
    "--csv-dialect",
    type=click.Choice(["default", "nl"]),
    default="default",
    show_default=True,
    help="nl: semicolons and a UTF-8 byte order mark, for Excel with Dutch settings.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write to FILE (atomically).",
)
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default=None,
    help="Language of the whole portfolio (default: ADVIES_LANG, else nl).",
)
@click.option(
    "--date",
    type=_Date(),
    default=None,
    help="Evaluation date YYYY-MM-DD (default: today).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: all cores from 100 files on, else 1).",
)
@_with_engine
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
                lang=lang or _env_lang(),
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
@_lang_option
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


def _env_lang() -> str:
    lang = os.environ.get("ADVIES_LANG", "nl")
    return lang if lang in ("nl", "en") else "nl"


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
