"""How a command reports problems: one line each on stderr, and the exit code of the error."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from .._errors import AdviesError, UsageError
from .._safe_text import terminal_safe
from ..messages._i18n import error_language, resolve_language, t

__all__ = ["errors_in", "handle_errors", "print_error", "report_error"]

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(f: F) -> F:
    """Catch AdviesError once: one problem per line on stderr, and its exit code.

    Validation and usage errors are written in the command's ``--lang`` (else
    ``ADVIES_LANG``, else Dutch).
    """

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = click.get_current_context().find_root().params.get("debug", False)
        with error_language(errors_in(kwargs.get("lang"))):
            try:
                return f(*args, **kwargs)
            except AdviesError as exc:
                if debug:
                    raise
                print_error(exc)
                sys.exit(exc.exit_code)

    return wrapper  # type: ignore[return-value]


def report_error(failed: list[AdviesError], exc: AdviesError) -> None:
    """Print ``exc`` and add it to ``failed`` (the run goes on; the exit code says it)."""
    print_error(exc)
    failed.append(exc)


def print_error(exc: AdviesError) -> None:
    """Write ``exc`` on stderr, one line per problem it holds."""
    prefix = t(nl="fout", en="error")
    problems = getattr(exc, "problems", None)
    if problems:
        for problem in problems:
            click.echo(f"{prefix}: {terminal_safe(str(problem))}", err=True)
    else:
        click.echo(f"{prefix}: {terminal_safe(str(exc))}", err=True)


def errors_in(lang: str | None) -> str:
    """The language of the command's errors; Dutch when ADVIES_LANG itself is the error."""
    try:
        return resolve_language(lang)
    except UsageError:
        return "nl"
