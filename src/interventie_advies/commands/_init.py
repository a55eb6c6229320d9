"""``advies init``: ask about a project in the terminal and write a commented project file.

The questions follow the pydantic models (``_project*.py``): one part per table in the order
of ``TABLES`` (the order of docs/project-file.md), one question per field in the order of the
model, and the kind of question (yes/no, a choice, a number, a date, text) follows the field's
type. Only the wording lives in ``_messages/``.

"Don't know" leaves the fact out of the file: unknown is not false, and the advice asks about
it later. The written file shows each fact left open as a commented-out line (``# key = ?``).
Nothing is written until every question is answered. Ctrl-C offers to keep the answers
given so far (``_init_partial``: a valid file marked as not finished, never over an existing
file); otherwise, and when the input ends early, no file is left behind. Either way the exit
code is 130.
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
from . import _init_dialogue
from ._init_dialogue import Session
from ._init_partial import offer_partial
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


def _read_answer(prompt: str) -> str:
    """Read one answer as the dialogue does (looked up per call: tests replace it)."""
    return _init_dialogue._read(prompt)


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
    session = Session(lang)
    try:
        filled = session.run()
        text, known, still_open = render_with_counts(filled, lang, shown)
        written = load_project(text=text, file=str(path))
        if written != load_project(project_data(filled), file=str(path)):  # pragma: no cover
            raise UsageError(f"{path}: the file would not hold the answers given (a bug)")
        atomic_write(path, text, overwrite=force)
    except (click.Abort, KeyboardInterrupt, EOFError) as exc:
        click.echo(err=True)
        # NOTE: click turns both Ctrl-C and the end of the input into Abort; only after
        # Ctrl-C is there someone to ask (the EOFError stays as the Abort's context)
        ended = isinstance(exc, EOFError) or isinstance(exc.__context__, EOFError)
        kept = None if ended else offer_partial(session.filled, path, lang, _read_answer)
        if kept is None:
            click.echo(init_text("stopped", lang), err=True)
        else:
            click.echo(init_text("kept_partial", lang, file=shlex.quote(comment_safe(str(kept)))))
        raise click.exceptions.Exit(EXIT_STOPPED) from None
    click.echo()
    click.echo(init_text("written", lang, file=shown))
    click.echo(init_text("counts", lang, known=known, open=still_open))
    click.echo(init_text("next", lang, file=shown))
    return path
