"""Read input files with a bound, and write output files atomically.

Reading: only regular files, and at most a limit plus one byte, so a device (``/dev/zero``),
a named pipe (FIFO) or a huge file costs no more than a normal one and never hangs.

Writing: a temporary file in the same folder, then a rename, so readers see the old file
or the new one, never half of it. The new file keeps the mode (and, where allowed, the
owner) of the file it replaces; a new file follows the umask. Writing to a symlink writes
to the file it points to, as the shell's ``>`` does; the symlink stays.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path
from typing import IO

from ._errors import MAX_SHOWN_NAME, UsageError, cut, shown_name
from .messages._i18n import t

__all__ = [
    "FileTooLarge",
    "NotRegularFile",
    "Replacement",
    "atomic_write",
    "cannot_write",
    "make_folder",
    "read_limited",
    "shown_path",
    "write_utf8_only",
]

_O_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_NOCTTY = getattr(os, "O_NOCTTY", 0)
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def shown_path(path: str | os.PathLike[str]) -> str:
    """A path as messages show it: valid UTF-8, and cut in the middle when very long."""
    return cut(shown_name(path), MAX_SHOWN_NAME, middle=True)


# -- reading ---------------------------------------------------------------------------


class NotRegularFile(Exception):
    """Raised by :func:`read_limited` for a folder, device, named pipe or socket.

    ``kind`` says what it is instead, in the current error language (``a named pipe``).
    """

    def __init__(self, mode: int) -> None:
        self.mode = mode
        if stat.S_ISDIR(mode):
            self.kind = t(nl="een map", en="a folder")
        elif stat.S_ISFIFO(mode):
            self.kind = t(nl="een pijp (FIFO)", en="a named pipe (FIFO)")
        elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
            self.kind = t(nl="een apparaat", en="a device")
        elif stat.S_ISSOCK(mode):
            self.kind = t(nl="een socket", en="a socket")
        else:  # pragma: no cover - door files, whiteouts: other systems
            self.kind = t(nl="een speciaal bestand", en="a special file")
        super().__init__(self.kind)


class FileTooLarge(Exception):
    """Raised by :func:`read_limited` for a file over the limit.

    ``size`` is its size in bytes where the system tells it (else ``None``).
    """

    def __init__(self, size: int | None) -> None:
        self.size = size
        super().__init__(size)


def read_limited(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file at ``path``, when it has at most ``limit`` of them.

    NOTE: the path is checked before it is opened, so a device or a named pipe is never
    opened (opening a pipe waits for a writer; opening a device can act on it); it is
    opened without waiting and checked again, in case it was swapped in between; and at
    most ``limit + 1`` bytes are read, whatever the size the system reports (files in
    ``/proc`` report 0).

    :raises NotRegularFile: the path is a folder, device, named pipe or socket.
    :raises FileTooLarge: the file has more than ``limit`` bytes.
    :raises OSError: the file cannot be read (missing, no permission, ...).
    """
    if not stat.S_ISREG(mode := os.stat(path).st_mode):  # noqa: PTH116 - no Path per file
        raise NotRegularFile(mode)
    fd = os.open(path, os.O_RDONLY | _O_NONBLOCK | _O_NOCTTY | _O_CLOEXEC | _O_BINARY)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(info.st_mode)
        if info.st_size > limit:
            raise FileTooLarge(info.st_size)
        chunks: list[bytes] = []
        left = limit + 1
        # NOTE: the size told, plus one byte to see the end: a read of the whole limit
        # would allocate 1 MiB for every small file
        want = info.st_size + 1 if info.st_size else 65536
        while left > 0:
            asked = min(left, want)
            chunk = os.read(fd, asked)
            chunks.append(chunk)
            left -= len(chunk)
            if not chunk or (info.st_size and len(chunk) < asked):
                break  # NOTE: a file with a size reads short only at its end; /proc files don't
            want = 65536
    finally:
        os.close(fd)
    if left <= 0:  # the file grew, or its size was not told
        raise FileTooLarge(None)
    return b"".join(chunks)


# -- writing ---------------------------------------------------------------------------


def write_utf8_only(stream: IO[str], *, utf8: bool = False) -> None:
    r"""Make ``stream`` write characters it cannot encode as escapes (``\udcff``).

    NOTE: a file name that is not UTF-8 (or a lone surrogate in a dict given to the API)
    would otherwise end a run with UnicodeEncodeError, or, on a stream with
    ``surrogateescape`` (Python's stdout in the C locale), write invalid UTF-8. The escape
    costs nothing when there is nothing to escape; in JSON it reads back as the same
    character.

    :param utf8: also switch the stream to UTF-8 (JSON is UTF-8 whatever the locale).
    """
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None:  # not a text file (a test's StringIO): it holds any str
        return
    if utf8 and (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
        reconfigure(encoding="utf-8", errors="backslashreplace")
    else:
        reconfigure(errors="backslashreplace")


def cannot_write(target: str | os.PathLike[str], exc: OSError) -> UsageError:
    """The error for a file that could not be written (disk full, no permission, ...)."""
    return UsageError(
        t(
            nl="{p}: kan niet schrijven: {r}; het bestand is niet veranderd",
            en="{p}: cannot write: {r}; the file is unchanged",
            p=shown_path(target),
            r=exc.strerror or exc,
        )
    )


def make_folder(folder: Path) -> None:
    """Create ``folder`` (and its parents) unless it exists.

    :raises UsageError: it cannot be created: no permission, or a file is in the way.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if isinstance(exc, FileExistsError) or exc.errno == errno.ENOTDIR:
            reason = t(nl="er staat een bestand in de weg", en="a file is in the way")
        else:
            reason = exc.strerror or str(exc)
        raise UsageError(
            t(
                nl="{p}: kan de map niet maken: {r}",
                en="{p}: cannot create the folder: {r}",
                p=shown_path(folder),
                r=reason,
            )
        ) from None


def _final(target: Path) -> Path:
    """The file a write to ``target`` replaces: through symlinks, the file they point to.

    :raises UsageError: the symlinks form a loop.
    """
    if not target.is_symlink():
        return target
    try:
        return Path(os.path.realpath(target, strict=True))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UsageError(
                t(
                    nl="{p}: kan niet schrijven: de symlink wijst naar zichzelf (een kring)",
                    en="{p}: cannot write: the symlink points to itself (a loop)",
                    p=shown_path(target),
                )
            ) from None
        return Path(os.path.realpath(target))  # points nowhere yet: create what it names


def _exists_error(target: Path) -> UsageError:
    return UsageError(
        t(
            nl="{p}: bestand bestaat al; gebruik --force om het te vervangen",
            en="{p}: file exists; use --force to replace it",
            p=shown_path(target),
        )
    )


class Replacement:
    """A new version of a file, written beside it and renamed onto it by :meth:`commit`.

    ``stream`` takes the text. Until :meth:`commit`, the old file (if any) is untouched;
    :meth:`abort` removes the temporary file.

    A target that exists and is neither a regular file nor a folder (``/dev/null``, a
    terminal, a named pipe, ``/dev/stdout``) is written to directly: it holds no old
    version to keep, and renaming a file onto it would put a regular file in its place
    (in ``/dev`` itself when run as root).

    :raises UsageError: the folder cannot be written.
    """

    #: the temporary file, or ``None`` when the target is written to directly
    tmp: Path | None
    #: takes the text
    stream: IO[str]

    def __init__(self, target: str | os.PathLike[str]) -> None:
        self.target = Path(target)
        self.final = _final(self.target)
        folder = self.final.parent
        try:
            old: os.stat_result | None = self.final.stat()
        except OSError:
            old = None
        if old is not None and _special(old.st_mode):
            self.tmp = None
            self.stream = self._open_special()
            return
        fd, self.tmp = self._create(folder)
        try:
            if old is not None and stat.S_ISREG(old.st_mode):
                _take_over(fd, old)
            self.stream = os.fdopen(
                fd, "w", encoding="utf-8", errors="backslashreplace", newline=""
            )
        except BaseException:
            os.close(fd)
            self._remove()
            raise

    def _open_special(self) -> IO[str]:
        try:
            fd = os.open(self.final, os.O_WRONLY | _O_CLOEXEC | _O_BINARY)
        except OSError as exc:
            raise cannot_write(self.target, exc) from None
        return os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="")

    def _create(self, folder: Path) -> tuple[int, Path]:
        # NOTE: mode 0o666 and not tempfile.mkstemp (0o600): the kernel applies the umask
        # to a new file, as for any other program's output; the name is cut so that it
        # stays within the 255 bytes a file name may have (60 characters of 4 bytes)
        prefix = "." + self.final.name[:60] + "."
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_NOFOLLOW | _O_CLOEXEC | _O_BINARY
        for _ in range(100):
            tmp = folder / f"{prefix}{secrets.token_hex(4)}.tmp"
            try:
                return os.open(tmp, flags, 0o666), tmp
            except FileExistsError:
                continue
            except OSError as exc:
                raise UsageError(
                    t(
                        nl="{p}: kan hier niet schrijven: {r}",
                        en="{p}: cannot write here: {r}",
                        p=shown_path(self.target),
                        r=exc.strerror or exc,
                    )
                ) from None
        raise UsageError(  # pragma: no cover - 100 random names taken
            t(
                nl="{p}: kan hier niet schrijven: geen vrije tijdelijke naam",
                en="{p}: cannot write here: no free temporary name",
                p=shown_path(self.target),
            )
        )

    def write(self, text: str) -> None:
        """Add ``text`` to the new version.

        :raises UsageError: writing failed (disk full, ...).
        """
        try:
            self.stream.write(text)
        except OSError as exc:
            raise cannot_write(self.target, exc) from None

    def commit(self, *, overwrite: bool = True) -> None:
        """Put the new version in place of the old one (atomically), and close it.

        :param overwrite: when false, a file that appeared in the meantime is an error.
        :raises UsageError: it could not be written, or exists while ``overwrite`` is false.
        """
        try:
            self.stream.flush()
            if self.tmp is None:  # a device or a pipe: nothing to sync or rename
                self.stream.close()
                return
            os.fsync(self.stream.fileno())
            self.stream.close()
            if not overwrite and self.final.exists():
                raise _exists_error(self.target)
            self.tmp.replace(self.final)
        except BaseException as exc:
            self.abort()
            if isinstance(exc, OSError):
                raise cannot_write(self.target, exc) from None
            raise

    def abort(self) -> None:
        """Give up: the old file stays as it was, the temporary file is removed."""
        with contextlib.suppress(OSError):
            self.stream.close()
        self._remove()

    def _remove(self) -> None:
        if self.tmp is not None:
            with contextlib.suppress(OSError):
                self.tmp.unlink()


def _special(mode: int) -> bool:
    """Whether a file of ``mode`` is written to in place: not a regular file, not a folder."""
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _take_over(fd: int, old: os.stat_result) -> None:
    """Give the new file the mode of the file it replaces, and its owner where allowed."""
    if hasattr(os, "fchown") and (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
        # NOTE: only root may give a file away; anyone may keep a group they belong to
        with contextlib.suppress(OSError):
            os.fchown(fd, old.st_uid, old.st_gid)
        with contextlib.suppress(OSError):
            os.fchown(fd, -1, old.st_gid)
    if hasattr(os, "fchmod"):
        # NOTE: set-user/group-ID bits are not copied: the new file is ours, not the old owner's
        os.fchmod(fd, stat.S_IMODE(old.st_mode) & ~(stat.S_ISUID | stat.S_ISGID))


def atomic_write(path: str | os.PathLike[str], text: str, *, overwrite: bool = True) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never half.

    :param overwrite: when false, an existing file is an error (nothing is written).
    :raises UsageError: the file exists and ``overwrite`` is false, or it cannot be written.
    """
    target = Path(path)
    if not overwrite and target.exists():
        raise _exists_error(target)
    replacement = Replacement(target)
    try:
        replacement.write(text)
    except BaseException:
        replacement.abort()
        raise
    replacement.commit(overwrite=overwrite)
