"""The format an output file's name asks for: ``-o rapport.html`` means HTML.

A command with ``--output`` and ``--format`` takes the format from the file's extension when
``--format`` is not given, and refuses a name that contradicts the format asked for
(``--format json -o rapport.html``): a file whose name promises one thing and holds another
is opened by the wrong program, or sent to a funder as plain text.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from .._errors import UsageError, cut
from ..messages._i18n import t

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = ["DOCUMENT_SUFFIXES", "format_for", "suffix_formats"]

#: names that say more than one extension for the same format
_ALIASES = {".htm": "html", ".markdown": "markdown", ".text": "text"}
#: extensions of document formats no command writes: with ``--format`` they contradict it
#: (``--format csv -o x.xlsx`` would give Excel a CSV file it refuses to open)
DOCUMENT_SUFFIXES = frozenset(
    {
        ".csv", ".doc", ".docx", ".htm", ".html", ".json", ".jsonl", ".md", ".markdown",
        ".ods", ".odt", ".pdf", ".rtf", ".tsv", ".txt", ".xls", ".xlsx", ".xml", ".yaml",
        ".yml",
    }
)  # fmt: skip


def suffix_formats(formats: Mapping[str, str], extra: Iterable[str] = ()) -> dict[str, str]:
    """Each extension a command knows, with its format.

    :param formats: the command's formats, each with the extension of its files.
    :param extra: formats a plugin adds; their files end in ``.NAME``.
    """
    known = {suffix: name for name, suffix in formats.items()}
    for name in extra:
        known.setdefault(f".{name.lower()}", name)
    for suffix, name in _ALIASES.items():
        if name in formats:
            known.setdefault(suffix, name)
    return known


def format_for(
    fmt: str | None,
    output: str | os.PathLike[str] | None,
    formats: Mapping[str, str],
    extra: Iterable[str] = (),
    *,
    default: str = "text",
) -> str:
    """The format to write: ``fmt`` if given, else the one ``output``'s extension names.

    An output that is a folder (ends in ``/`` or exists as one) or has no extension says
    nothing: then ``fmt``, else ``default``.

    :param formats: the command's formats, each with the extension of its files.
    :param extra: formats a plugin adds (extension ``.NAME``).
    :raises UsageError: ``fmt`` and the extension contradict each other, or (without
        ``fmt``) the extension names no format of the command.
    """
    suffix = _suffix(output)
    if not suffix:
        return fmt if fmt is not None else default
    known = suffix_formats(formats, extra)
    named = known.get(suffix)
    if fmt is None:
        if named is not None:
            return named
        raise UsageError(
            t(
                nl="{p}: bij de extensie {s} hoort geen formaat; gebruik een van deze "
                "extensies of kies --format: {k}",
                en="{p}: the extension {s} names no format; use one of these extensions "
                "or choose --format: {k}",
                p=cut(os.fspath(output or ""), middle=True),
                s=cut(suffix),
                k=_listing(known),
            )
        )
    if named is None and suffix not in DOCUMENT_SUFFIXES:
        return fmt  # rapport.log, uitvoer.out: a name of the user's own, no promise made
    if named != fmt:
        raise UsageError(
            t(
                nl="--format {f} past niet bij {p}: een {s}-bestand is geen {f}; "
                "laat --format weg of noem het bestand *{e}",
                en="--format {f} does not match {p}: a {s} file is not {f}; "
                "leave out --format or name the file *{e}",
                f=fmt,
                p=cut(os.fspath(output or ""), middle=True),
                s=cut(suffix),
                e=formats.get(fmt, f".{fmt}"),
            )
        )
    return fmt


def _suffix(output: str | os.PathLike[str] | None) -> str:
    """The extension of ``output`` in lower case; empty for none, a folder or no name."""
    if output is None:
        return ""
    text = os.fspath(output)
    if text.endswith(("/", os.sep)) or Path(text).is_dir():
        return ""
    return Path(text).suffix.lower()


def _listing(known: Mapping[str, str]) -> str:
    by_format: dict[str, list[str]] = {}
    for suffix, name in known.items():
        by_format.setdefault(name, []).append(suffix)
    return ", ".join(f"{name} ({' '.join(s)})" for name, s in by_format.items())
