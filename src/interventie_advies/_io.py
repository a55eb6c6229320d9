"""Write files atomically: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from ._errors import UsageError
from ._i18n import t

__all__ = ["atomic_write", "cannot_write", "temp_beside"]


def cannot_write(target: Path, exc: OSError) -> UsageError:
    """The error for a file that could not be written (disk full, no permission, ...)."""
    return UsageError(
        t(
            "{p}: cannot write: {r}; the file is unchanged",
            "{p}: kan niet schrijven: {r}; het bestand is niet veranderd",
            p=target,
            r=exc.strerror or exc,
        )
    )


def temp_beside(target: Path) -> tuple[int, str]:
    """A new temporary file in ``target``'s folder (so a rename onto it is atomic).

    :raises UsageError: the folder cannot be written.
    """
    folder = target.parent if str(target.parent) else Path()
    try:
        return tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageError(
            t(
                "{p}: cannot write here: {r}",
                "{p}: kan hier niet schrijven: {r}",
                p=target,
                r=exc.strerror or exc,
            )
        ) from None


def atomic_write(path: str | os.PathLike[str], text: str, *, overwrite: bool = True) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never half.

    :param overwrite: when false, an existing file is an error (nothing is written).
    :raises UsageError: the file exists and ``overwrite`` is false, or it cannot be written.
    """
    target = Path(path)
    if not overwrite and target.exists():
        raise UsageError(
            t(
                "{p}: file exists; use --force to replace it",
                "{p}: bestand bestaat al; gebruik --force om het te vervangen",
                p=target,
            )
        )
    fd, tmp = temp_beside(target)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if not overwrite and target.exists():
            raise UsageError(
                t(
                    "{p}: file exists; use --force to replace it",
                    "{p}: bestand bestaat al; gebruik --force om het te vervangen",
                    p=target,
                )
            )
        Path(tmp).replace(target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        if isinstance(exc, OSError):
            raise cannot_write(target, exc) from None
        raise
