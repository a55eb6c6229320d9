"""``advies init``: ask about a project in the terminal and write a commented project file.

The questions follow the pydantic models (``_project*.py``): one part per table in the order
of ``TABLES`` (the order of docs/project-file.md), one question per field in the order of the
model, and the kind of question (yes/no, a choice, a number, a date, text) follows the field's
type. Only the wording lives in ``_messages/``.

"Don't know" leaves the fact out of the file: unknown is not false, and the advice asks about
it later. The written file shows each fact left open as a commented-out line (``# key = ?``).
Nothing is written until every question is answered; Ctrl-C (or input that ends early) leaves
no file behind and exits with code 130.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .._errors import UsageError
from .._io import atomic_write
from ..messages import init_text
from ..project._load import load_project
from ._init_dialogue import Session
from ._init_toml import comment_safe, project_data, render_project, render_with_counts, toml_string

if TYPE_CHECKING:
    import os

__all__ = ["EXIT_STOPPED", "init_project", "render_project", "toml_string"]

#: exit code after Ctrl-C or input that ends early (128 + SIGINT, as shells do)
EXIT_STOPPED = 130


def _check_target(path: Path, lang: str, force: bool) -> None:
    """Refuse at once, before any question, what could not be written at the end."""
    shown = str(path)
    if path.is_dir():
        raise UsageError(init_text("is_folder", lang, file=shown))
    if path.exists() and not force:
        raise UsageError(init_text("exists", lang, file=shown))
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise UsageError(init_text("no_folder", lang, folder=str(folder)))


def init_project(
    file: str | os.PathLike[str] = "project.toml", *, lang: str = "nl", force: bool = False
) -> Path:
    """Ask about a project in the terminal and write a commented project file to ``file``.

    The file is checked with :func:`load_project` before it is written, and written
    atomically. An existing file is replaced only with ``force``.

    :raises UsageError: ``file`` exists (without ``force``), is a folder, or its folder is
        missing; raised before the first question.
    :raises click.exceptions.Exit: with :data:`EXIT_STOPPED` after Ctrl-C or when the input
        ends before the last question; nothing is written then.
    """
    lang = "en" if lang == "en" else "nl"
    path = Path(file)
    _check_target(path, lang, force)
    shown = shlex.quote(comment_safe(str(file)))
    try:
        filled = Session(lang).run()
        text, known, still_open = render_with_counts(filled, lang, shown)
        written = load_project(text=text, file=str(path))
        if written != load_project(project_data(filled), file=str(path)):  # pragma: no cover
            raise UsageError(f"{path}: the file would not hold the answers given (a bug)")
        atomic_write(path, text, overwrite=force)
    except (click.Abort, KeyboardInterrupt, EOFError):
        click.echo(err=True)
        click.echo(init_text("stopped", lang), err=True)
        raise click.exceptions.Exit(EXIT_STOPPED) from None
    click.echo()
    click.echo(init_text("written", lang, file=shown))
    click.echo(init_text("counts", lang, known=known, open=still_open))
    click.echo(init_text("next", lang, file=shown))
    return path
