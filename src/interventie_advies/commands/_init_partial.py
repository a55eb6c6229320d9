"""``advies init`` stopped half-way (Ctrl-C): offer to keep the answers given so far.

Typing twenty answers and losing them all to one Ctrl-C is the worst first hour a tool can
give. What was answered is written as a valid, commented project file, marked as not
finished, and never over an existing file: ``advies init --force plan.toml`` stopped
half-way keeps the old ``plan.toml`` and writes ``plan.onvolledig.toml`` beside it.
"""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING, Any

import click

from .._errors import AdviesError
from .._io import atomic_write
from ..messages import YES_ANSWERS, init_text
from ..project._load import load_project
from ._init_answers import normalise
from ._init_toml import comment_safe, render_with_counts

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

__all__ = ["PARTIAL_SUFFIX", "offer_partial", "partial_target"]

#: the part of the name that marks a file as not finished, per language
PARTIAL_SUFFIX = {"nl": "onvolledig", "en": "partial"}


def partial_target(path: Path, lang: str) -> Path:
    """Where the answers go: ``path`` itself, or beside it when a file is there."""
    if not path.exists():
        return path
    return path.with_name(f"{path.stem}.{PARTIAL_SUFFIX[lang]}{path.suffix or '.toml'}")


def partial_text(filled: dict[str, Any], lang: str, path: Path) -> str | None:
    """The file for the answers so far, or ``None`` when they do not make a valid file.

    NOTE: the project's name is required; before it is answered there is nothing to keep.
    """
    if not filled:
        return None
    shown = shlex.quote(comment_safe(str(path)))
    text = render_with_counts(filled, lang, shown)[0]
    note = "".join(
        f"# {line}".rstrip() + "\n" for line in init_text("file.partial", lang).split("\n")
    )
    text = f"{note}#\n{text}"
    try:
        load_project(text=text, file=str(path))
    except AdviesError:
        return None
    return text


def offer_partial(
    filled: dict[str, Any], path: Path, lang: str, read: Callable[[str], str]
) -> Path | None:
    """Ask whether to keep the answers; write them if so, and return where.

    Any way out of the question (no, Enter, Ctrl-C again, input that ends) keeps nothing.
    A file that appears at the target in the meantime is never replaced.
    """
    target = partial_target(path, lang)
    text = partial_text(filled, lang, target)
    if text is None:
        return None
    shown = shlex.quote(comment_safe(str(target)))
    if target.exists():
        click.echo(init_text("keep_exists", lang, file=shown), err=True)
        return None
    try:
        answer = normalise(
            read(
                f"{init_text('keep_partial', lang, file=shown)} [{init_text('yes_no_loop', lang)}]"
            )
        )
    except (click.Abort, KeyboardInterrupt, EOFError):
        return None
    if answer not in YES_ANSWERS:
        return None
    try:
        atomic_write(target, text, overwrite=False)
    except AdviesError as exc:
        click.echo(str(exc), err=True)
        return None
    return target
