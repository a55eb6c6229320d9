"""A cache of compiled rules, so that ``advies`` does not parse and check them every time.

Parsing, validating and compiling the built-in rule files takes longer than advising on a
project. The result is kept in the user's cache folder, like Python keeps bytecode in
``__pycache__``: keyed by a hash of the rule files, the code that checks them and the
Python version, so any change makes a new entry. The cache is an optimisation only: a
missing, broken or untrusted file is ignored and the rules are loaded as usual.

``ADVIES_CACHE_DIR`` chooses the folder; ``ADVIES_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import stat
import sys
import types
from pathlib import Path
from typing import TYPE_CHECKING, Any

# NOTE: a cache hit only needs the C unpickler: importing the pickle module (for writing)
# costs every start-up about 1.5 ms. pickle.loads is this same function.
try:
    from _pickle import loads as _loads
except ImportError:  # pragma: no cover - Python implementations without the C module
    from pickle import loads as _loads

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from ._rules import Rule

__all__ = [
    "CACHE_ENV",
    "NO_CACHE_ENV",
    "cache_dir",
    "cache_key",
    "load",
    "load_code",
    "store",
    "store_code",
]

CACHE_ENV = "ADVIES_CACHE_DIR"
NO_CACHE_ENV = "ADVIES_NO_CACHE"
#: the modules whose code decides what a loaded rule looks like
_CHECKING_MODULES = (
    "_rules",
    "_rule_parts",
    "_conditions",
    "_condition_check",
    "_condition_scope",
    "_needs",
    "_budget",
    "_project",
    "_project_base",
    "_project_residents",
    "_project_partnership",
    "_project_settings",
    "_facts",
    "_enums",
    "_elements",
)


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is off."""
    if os.environ.get(NO_CACHE_ENV, "") not in ("", "0"):
        return None
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "interventie-advies"


def cache_key(files: Iterable[Path], salt: str = "") -> str:
    """A hash of the files' names and contents, the checking code and the Python version."""
    from . import __version__

    digest = hashlib.sha256()
    digest.update(f"{__version__}|{sys.version}|{salt}".encode())
    here = Path(__file__).parent
    for name in _CHECKING_MODULES:
        digest.update((here / f"{name}.py").read_bytes())
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def _reduce_code(code: types.CodeType) -> tuple[Any, tuple[bytes]]:
    return marshal.loads, (marshal.dumps(code),)


def _dumps(rules: list[Rule]) -> bytes:
    import copyreg
    import io
    import pickle

    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    # NOTE: compiled conditions are code objects, which pickle cannot write; marshal can
    # (as for .pyc files). The table is local to this pickler, not registered globally.
    pickler.dispatch_table = {**copyreg.dispatch_table, types.CodeType: _reduce_code}
    pickler.dump(rules)
    return buffer.getvalue()


def _trusted(path: Path) -> bool:
    """Only a file this user owns and nobody else can write is read."""
    try:
        info = path.stat()
    except OSError:
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    return not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read(name: str, decode: Callable[[bytes], Any]) -> Any:
    """The decoded entry ``name``, or None (not there, broken, untrusted, cache off)."""
    folder = cache_dir()
    if folder is None:
        return None
    path = folder / name
    if not _trusted(path):
        return None
    try:
        return decode(path.read_bytes())
    except Exception:  # a broken cache entry is ignored, never fatal
        return None


def load(key: str) -> list[Rule] | None:
    """The cached rules for ``key``, or None (not there, broken, untrusted, cache off)."""
    rules = _read(f"rules-{key}.pickle", _loads)
    return rules if isinstance(rules, list) else None


def store(key: str, rules: list[Rule]) -> None:
    """Keep ``rules`` under ``key`` (silently skipped when the folder is not writable)."""
    if cache_dir() is None:
        return
    import pickle

    with contextlib.suppress(pickle.PicklingError, TypeError, AttributeError):
        _write(f"rules-{key}.pickle", _dumps(rules))


def _write(name: str, data: bytes) -> None:
    """Write entry ``name`` atomically, private to this user; errors are ignored."""
    folder = cache_dir()
    if folder is None:
        return
    import tempfile

    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=".advies-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            Path(tmp).replace(folder / name)
        finally:
            with contextlib.suppress(OSError):
                Path(tmp).unlink()


def load_code(key: str) -> types.CodeType | None:
    """A cached code object (the engine's compiled plan), or None."""
    code = _read(f"plan-{key}.marshal", marshal.loads)
    return code if isinstance(code, types.CodeType) else None


def store_code(key: str, code: types.CodeType) -> None:
    """Keep a code object under ``key`` (silently skipped when that is not possible)."""
    _write(f"plan-{key}.marshal", marshal.dumps(code))
