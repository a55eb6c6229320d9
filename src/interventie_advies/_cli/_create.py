"""The commands that write new files: ``init`` (a project file) and ``plugin new``."""

from __future__ import annotations

import shlex
import sys

import click

from .._safe_text import visible
from ..messages import text
from ..messages._i18n import resolve_language
from ._errors import handle_errors
from ._help import Command, Group
from ._options import lang_option

__all__ = ["init", "plugin"]


@click.command(
    cls=Command,
    epilog="""\b
Examples:
  advies init
  advies init plan.toml --lang en
  advies init project.toml --force""",
)
@click.argument("file", default="project.toml", type=click.Path(dir_okay=False))
@lang_option("Language of the questions and the file's comments (default: ADVIES_LANG, else nl).")
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
@handle_errors
def init(file: str, lang: str | None, force: bool) -> None:
    """Ask questions about a project and write a commented project file (default project.toml).

    Answer ? or press Enter when you don't know: the fact is left out and the advice asks
    about it later. Ctrl-C stops (exit code 130) and offers to keep the answers given so far.
    """
    from ..commands._init import init_project

    init_project(file, lang=resolve_language(lang), force=force)


@click.group(cls=Group)
def plugin() -> None:
    """Tools for plugin authors."""


@plugin.command(
    name="new",
    epilog="""\b
Example:
  advies plugin new regio-oost
  cd interventie-advies-regio-oost && python -m pip install -e ".[test]" && python -m pytest""",
)
@click.argument("name")
@click.argument("folder", required=False, type=click.Path(file_okay=False))
@click.option("--prefix", default=None, help="Code prefix of its rules (default: from NAME).")
@lang_option()
@handle_errors
def plugin_new(name: str, folder: str | None, prefix: str | None, lang: str | None) -> None:
    """Write a working plugin package: pyproject, entry point, rules, a test, README."""
    from ..commands._scaffold import new_plugin

    written = new_plugin(name, folder, prefix=prefix)
    lang = resolve_language(lang)
    click.echo(text("scaffold.wrote", lang, folder=visible(str(written))))
    # NOTE: the Python that runs advies, which has interventie-advies: the plugin's
    # dependency resolves there without the package index (plain `python` may be another)
    click.echo(
        text(
            "scaffold.next",
            lang,
            folder=visible(shlex.quote(str(written))),
            python=visible(shlex.quote(sys.executable or "python")),
        )
    )
