"""The error tree of interventie-advies.

Every error the tool raises on purpose derives from one root, so callers (and the CLI)
can catch it once::

    AdviesError
    ├── ProjectError        a project file is unreadable or invalid (all problems at once)
    ├── RuleError           a rule file or rule object breaks the rule contract
    │   └── RuleConflictError   two rules share a code (names both sources)
    ├── PluginError         a plugin failed to load or broke a hook's contract
    └── UsageError          a request that cannot be carried out (unknown rule in select, ...)

Findings are never exceptions: they are plain values in the report.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from ._safe_text import terminal_safe, visible

__all__ = [
    "AdviesError",
    "PluginError",
    "Problem",
    "ProjectError",
    "RuleConflictError",
    "RuleError",
    "UsageError",
]


@dataclass(frozen=True)
class Problem:
    """One problem found in an input file.

    :param file: the file (or ``<text>``/``<dict>``) the problem is in.
    :param path: the TOML path, e.g. ``partners[1].domain``; empty for the whole file.
    :param message: what is wrong and what is allowed.
    :param line: the line number (from 1), where it is known.
    :param column: the column (from 1), where it is known.
    :param label: the path as people count, shown instead of ``path``: list items counted
        from 1 and named (``partners 2 (Welzijn Lindenhof).domain``); ``path`` stays
        counted from 0 for programs.
    """

    file: str
    path: str
    message: str
    line: int | None = None
    column: int | None = None
    label: str | None = None

    def __str__(self) -> str:
        where = cut(visible(shown_name(self.file)), MAX_SHOWN_NAME, middle=True)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        shown = self.label or self.path
        if shown:
            return one_line(f"{where}: {cut(shown, MAX_SHOWN_NAME, middle=True)}: {self.message}")
        return one_line(f"{where}: {self.message}")


def one_line(text: str) -> str:
    """``text`` on one line, without escape sequences or control characters.

    NOTE: file names, keys and plugin messages end up in errors; the CLI prints one line
    per problem, and a name must not be able to steer the terminal.
    """
    return terminal_safe(text.replace("\n", " "))


class AdviesError(Exception):
    """Root of every error interventie-advies raises on purpose."""

    #: exit code the CLI uses for this error
    exit_code: int = 2


class ProjectError(AdviesError):
    """Raised when a project file cannot be read or does not validate.

    ``problems`` holds every problem found, not only the first.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[Any, ...]:
        # NOTE: errors cross process boundaries in batch runs (--jobs); the state keeps
        # attributes a caller added (notes, ...)
        return (type(self), (self.problems,), vars(self))


class RuleError(AdviesError):
    """Raised when a rule file or a rule object breaks the rule contract.

    ``problems`` names the file, the rule code and what is wrong.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.problems,), vars(self))


class RuleConflictError(RuleError):
    """Raised when two rules share a code; the message names both sources."""

    def __init__(self, code: str, first: str, second: str) -> None:
        self.code = code
        self.sources = (first, second)
        super().__init__(
            [Problem(second, code, f"rule code {code!r} is already defined by {first}")]
        )

    def __reduce__(self) -> tuple[Any, ...]:
        # NOTE: its own arguments: RuleError's (the problems) would not rebuild it
        return (type(self), (self.code, *self.sources), vars(self))


class PluginError(AdviesError):
    """Raised when a plugin failed and the caller asked for strictness.

    ``plugin`` and ``version`` name the plugin; the message says why.
    """

    exit_code = 3

    def __init__(self, plugin: str, version: str, reason: str) -> None:
        self.plugin = plugin
        self.version = version
        self.reason = reason
        named = " ".join(part for part in (plugin, version) if part)
        super().__init__(one_line(f"plugin {named}: {reason}"))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.plugin, self.version, self.reason), vars(self))


class UsageError(AdviesError):
    """Raised for a request that cannot be carried out, such as an unknown rule in select."""


#: characters of a value found that a message quotes (the rest is cut: docs/limits.md)
MAX_SHOWN = 60
#: characters of a file name or TOML path in a message; long ones lose their middle
MAX_SHOWN_NAME = 200


def cut(text: str, limit: int = MAX_SHOWN, *, middle: bool = False) -> str:
    """``text``, cut to at most ``limit`` characters with ``...`` where text was left out.

    Every message that quotes something a user wrote (a value, a key, a rule name, a file
    name) passes it through here, so one long value cannot make a line of thousands of
    characters.

    :param middle: leave out the middle instead of the end (for file names and paths,
        whose end names the file).
    """
    if len(text) <= limit:
        return text
    if middle:
        head = (limit - 3) // 2
        return text[:head] + "..." + text[len(text) - (limit - 3 - head) :]
    return text[: limit - 3] + "..."


def shown_name(name: str | os.PathLike[str]) -> str:
    r"""A file name as messages and reports show it: always valid UTF-8.

    NOTE: on Linux a file name is bytes; Python keeps bytes that are not UTF-8 as lone
    surrogates (``surrogateescape``), which no UTF-8 output can hold. They are shown as
    the backslash escapes of the bytes (``na\xffme.toml``), as Python writes bytes.
    """
    text = os.fspath(name)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # a lone surrogate that is not an escaped byte
            return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text
