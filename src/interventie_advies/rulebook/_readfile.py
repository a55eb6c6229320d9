"""Read a rule file that someone else wrote: a regular file, at most a limit, as UTF-8.

``--rules /dev/zero`` would fill the memory and a FIFO would block for ever, so the file
is checked before it is opened (a regular file, not too large), opened without blocking,
checked again on the opened descriptor (the path may have been swapped in between), and
read up to the limit plus one byte, so a file that grows while it is read is refused too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._io import FileTooLarge, NotRegularFile, read_limited
from ..messages._i18n import t

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["FileRefused", "read_bounded"]


class FileRefused(ValueError):
    """The file cannot be read as input; the message says why, in the error language."""


def _too_large(limit: int, size: int | None) -> str:
    found = (
        t(nl="het bestand is {s:,} bytes; ", en="file is {s:,} bytes; ", s=size)
        if size is not None
        else t(nl="het bestand groeide tijdens het lezen; ", en="file grew while it was read; ")
    )
    return found + t(
        nl="een regelbestand mag hoogstens {m:,} bytes zijn (1 MiB)",
        en="rule files may be at most {m:,} bytes (1 MiB)",
        m=limit,
    )


def read_bounded(path: Path, limit: int) -> str:
    """The UTF-8 text of ``path``, a regular file of at most ``limit`` bytes.

    The reading itself is :func:`~interventie_advies._io.read_limited`, as for project
    files; this gives its refusals the words of a rule file.

    :raises FileRefused: not a regular file, too large, not readable, or not UTF-8.
    """
    try:
        data = read_limited(path, limit)
    except NotRegularFile as exc:
        raise FileRefused(
            t(
                nl="geen gewoon bestand maar {k}; een regelbestand moet een gewoon bestand zijn",
                en="not a regular file but {k}; a rule file must be a regular file",
                k=exc.kind,
            )
        ) from None
    except FileTooLarge as exc:
        raise FileRefused(_too_large(limit, exc.size)) from None
    except OSError as exc:
        raise FileRefused(
            t(
                nl="kan het bestand niet lezen: {r}",
                en="cannot read file: {r}",
                r=exc.strerror or exc,
            )
        ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileRefused(
            t(
                nl="het bestand is geen UTF-8-tekst (byte {b}); sla het op als UTF-8",
                en="file is not UTF-8 text (byte {b}); save it as UTF-8",
                b=exc.start,
            )
        ) from None
