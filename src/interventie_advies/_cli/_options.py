"""The options several ``advies`` commands share, as reusable decorators (one place each).

A command takes what it needs: ``@lang_option()``, ``@output_option()``, ``@date_option()``,
``@jobs_option(...)``, ``@format_option([...])`` and ``@engine_options``. The help texts are
English; ``_cli._help`` shows them in Dutch through the catalogue in ``locale/``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..engine._engine import Engine
from ..messages._i18n import LANGUAGES

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Sequence

__all__ = [
    "Date",
    "date_option",
    "engine_options",
    "format_option",
    "jobs_option",
    "lang_option",
    "output_option",
]

F = TypeVar("F", bound="Callable[..., Any]")


class Date(click.DateTime):
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


_LANG_HELP = "Output language (default: the file's [advies] language, else ADVIES_LANG, else nl)."


def lang_option(help: str = _LANG_HELP) -> Callable[[F], F]:
    """``--lang nl|en``; unset, ``_i18n.resolve_language`` decides."""
    return click.option("--lang", type=click.Choice(LANGUAGES), default=None, help=help)


def output_option(
    help: str = "Write to FILE (atomically).", *, folder: bool = False
) -> Callable[[F], F]:
    """``--output``/``-o``: a file, or (``folder``) a file or a folder."""
    path = click.Path() if folder else click.Path(dir_okay=False)
    return click.option("--output", "-o", type=path, default=None, help=help)


def date_option(
    help: str = "Evaluation date YYYY-MM-DD (default: today).",
) -> Callable[[F], F]:
    """``--date YYYY-MM-DD``, read by :class:`Date`."""
    return click.option("--date", type=Date(), default=None, help=help)


def jobs_option(help: str) -> Callable[[F], F]:
    """``--jobs``/``-j``: worker processes, at least 1; unset, the command decides."""
    return click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help=help)


def format_option(
    choices: Sequence[str] | None, help: str | None = None, *, by_output: bool = False
) -> Callable[[F], F]:
    """``--format`` (as ``fmt``), default ``text``; ``choices=None`` for any name (plugins').

    :param by_output: the command has ``--output``: unset, ``fmt`` is ``None`` and the
        command takes the format from the output file's extension (``commands._suffix``).
    """
    kind = click.Choice(list(choices)) if choices is not None else None
    if by_output:
        return click.option("--format", "fmt", type=kind, default=None, help=help)
    return click.option("--format", "fmt", type=kind, default="text", show_default=True, help=help)


def engine_options(f: Callable[..., Any]) -> Callable[..., Any]:
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
