"""Find the project files of a batch: folders expanded, unreadable folders reported."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from .._errors import Problem, ProjectError, UsageError
from ..messages._i18n import t

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

__all__ = ["collect_paths", "unreadable_folder"]


def _toml_files(folder: str, on_error: Callable[[OSError], object]) -> Iterator[str]:
    """Every ``*.toml`` file below ``folder``, as text (no Path object per file)."""
    for root, _, names in os.walk(folder, onerror=on_error):
        for name in names:
            if name.endswith(".toml"):
                full = os.path.join(root, name)  # noqa: PTH118 - strings on purpose, see below
                if os.path.isfile(full):  # noqa: PTH113
                    yield full


def unreadable_folder(folder: str | os.PathLike[str], exc: OSError) -> ProjectError:
    """The error for a folder whose files cannot be listed (as for a file that cannot be read)."""
    reason = exc.strerror or str(exc)
    return ProjectError(
        [
            Problem(
                str(folder),
                "",
                t(nl="kan de map niet lezen: {r}", en="cannot read folder: {r}", r=reason),
            )
        ]
    )


def _folder_files(
    folder: str, on_error: Callable[[ProjectError], object] | None
) -> tuple[list[str], bool]:
    """The sorted ``*.toml`` files below ``folder``, and whether a folder in it was unreadable."""
    unreadable = False

    def failed(exc: OSError) -> None:
        nonlocal unreadable
        error = unreadable_folder(exc.filename or folder, exc)
        if on_error is None:
            raise error
        unreadable = True
        on_error(error)

    return sorted(_toml_files(folder, failed)), unreadable


def collect_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    on_error: Callable[[ProjectError], object] | None = None,
) -> list[str]:
    """Expand folders to their ``*.toml`` files (recursively, sorted); keep files as given.

    NOTE: plain strings, not Path objects: a national portfolio lists tens of thousands of
    files, and a Path costs three times the memory of its string.

    :param on_error: called with the error of each folder (or sub-folder) that cannot be
        read, and the collection goes on; without it, such a folder raises that error.
        A folder is never skipped silently.
    :raises UsageError: a path does not exist, or a folder holds no project files.
    :raises ProjectError: a folder cannot be read and ``on_error`` is not given.
    """
    found: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files, unreadable = _folder_files(str(raw), on_error)
            if not files and not unreadable:
                raise UsageError(
                    t(
                        nl="{p}: map bevat geen projectbestanden (*.toml)",
                        en="{p}: folder has no *.toml project files",
                        p=path,
                    )
                )
            found.extend(files)
        elif path.exists():
            found.append(str(raw))
        else:
            raise UsageError(
                t(nl="{p}: bestand of map bestaat niet", en="{p}: no such file or folder", p=path)
            )
    return found
