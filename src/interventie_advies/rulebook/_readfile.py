"""Read a rule file that someone else wrote: a regular file, at most a limit, as UTF-8.

``--rules /dev/zero`` would fill the memory and a FIFO would block for ever, so the file
is checked before it is opened (a regular file, not too large), opened without blocking,
checked again on the opened descriptor (the path may have been swapped in between), and
read up to the limit plus one byte, so a file that grows while it is read is refused too.
"""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING

from ..messages._i18n import t

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["FileRefused", "read_bounded"]

_CHUNK = 64 * 1024


class FileRefused(ValueError):
    """The file cannot be read as input; the message says why, in the error language."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return t(nl="een map", en="a folder")
    if stat.S_ISFIFO(mode):
        return t(nl="een FIFO", en="a FIFO")
    if stat.S_ISSOCK(mode):
        return t(nl="een socket", en="a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return t(nl="een apparaat", en="a device")
    return t(nl="geen gewoon bestand", en="not a regular file")


def _check(info: os.stat_result, limit: int) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise FileRefused(
            t(
                nl="geen gewoon bestand ({k}); geef een bestand",
                en="not a regular file ({k}); give a file",
                k=_kind(info.st_mode),
            )
        )
    if info.st_size > limit:
        raise FileRefused(_too_large(limit, info.st_size))


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


def _read(fd: int, limit: int) -> tuple[list[bytes], int]:
    """At most ``limit`` + 1 bytes of the open file ``fd``, checked again once opened."""
    _check(os.fstat(fd), limit)  # the file opened is the file checked
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return chunks, size


def read_bounded(path: Path, limit: int) -> str:
    """The UTF-8 text of ``path``, a regular file of at most ``limit`` bytes.

    :raises FileRefused: not a regular file, too large, not readable, or not UTF-8.
    """
    try:
        _check(path.stat(), limit)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(path, flags)
        try:
            chunks, size = _read(fd, limit)
        finally:
            os.close(fd)
    except OSError as exc:
        raise FileRefused(
            t(
                nl="kan het bestand niet lezen: {r}",
                en="cannot read file: {r}",
                r=exc.strerror or exc,
            )
        ) from None
    if size > limit:  # it grew after it was checked
        raise FileRefused(_too_large(limit, None))
    data = b"".join(chunks)
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
