"""The ``advies`` command: parses options and calls the API, nothing more.

The group lives here; its commands live in the ``_cli`` package, one module per kind.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import sys
from collections.abc import Iterator, MutableMapping
from typing import TYPE_CHECKING, Any, cast

from ._collector import freeze_for_good, paused

# NOTE: paused while the commands are imported, as in the package's __init__
with paused():
    import click

    from ._cli._errors import errors_in
    from ._cli._help import Group
    from ._cli._run import run
    from .messages._i18n import LANGUAGES, click_language

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["main"]


class _Commands(MutableMapping[str, click.Command]):
    """The commands of ``advies`` by name: each one's module imported when it is looked up.

    NOTE: ``advies run`` imports only its own command's module: the others (check, diff,
    portfolio, the catalogue, init, the web) cost every start-up 13 M instructions, about
    1% of a one-file run. click reads its commands through this mapping (``get_command``,
    ``list_commands``), so nothing else changes: the names and their order are the same.
    """

    def __init__(self, entries: dict[str, click.Command | tuple[str, str]]) -> None:
        #: name → the command, or (module, attribute) where it is defined until looked up
        self._entries = entries

    def __getitem__(self, name: str) -> click.Command:
        entry = self._entries[name]
        if isinstance(entry, tuple):
            module, attribute = entry
            # NOTE: click translates a few words when an option is made (a path's
            # metavar, PATH); these commands were always made at import, before any
            # language was bound, so they are made in English whatever the language of
            # the command that looks them up, and their help stays as it was
            with click_language("en"):
                defined = importlib.import_module(module, __package__)
            entry = cast("click.Command", getattr(defined, attribute))
            self._entries[name] = entry
        return entry

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._entries[name] = command

    def __delitem__(self, name: str) -> None:
        del self._entries[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


class _Advies(Group):
    """The ``advies`` group: click's own words follow the language of the command."""

    def main(self, args: Sequence[str] | None = None, *a: Any, **kw: Any) -> Any:
        """Bind click's words to ``--lang`` (else ``ADVIES_LANG``, else Dutch), then run."""
        argv = list(sys.argv[1:] if args is None else args)
        with click_language(errors_in(_asked_language(argv))):
            return super().main(argv, *a, **kw)


def _asked_language(args: Sequence[str]) -> str | None:
    """The value of ``--lang`` among ``args``, read before click parses them."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        else:
            continue
        # NOTE: a wrong value is click's to report (in the language decided without it)
        return value if value in LANGUAGES else None
    return None


@click.group(cls=_Advies, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="interventie-advies", prog_name="advies")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
def cli(debug: bool) -> None:
    """Advice for community arts projects with a social aim (culturele interventies)."""


# NOTE: in the order they were once defined here, which is the order of cli.commands
cli.commands = _Commands(
    {
        "run": run,
        "diff": ("._cli._files", "diff"),
        "check": ("._cli._files", "check"),
        "rules": ("._cli._catalogue", "rules_command"),
        "explain": ("._cli._catalogue", "explain"),
        "plugins": ("._cli._catalogue", "plugins"),
        "init": ("._cli._create", "init"),
        "portfolio": ("._cli._files", "portfolio"),
        "plugin": ("._cli._create", "plugin"),
        "schema": ("._cli._catalogue", "schema"),
        "serve": ("._cli._web", "serve"),
        "db": ("._cli._web", "db"),
        "users": ("._cli._web", "users"),
        "tokens": ("._cli._web", "tokens"),
    }
)


def main() -> None:
    """Entry point of the ``advies`` console script."""
    # NOTE: what the imports made (modules, classes, models) stays until the process ends:
    # frozen, later collections skip it instead of walking it again and again; so is the
    # engine's catalogue when it is built. Only the console script does this, never the
    # API, so a library user's objects are not touched.
    freeze_for_good()
    try:
        cli(prog_name="advies")
    except SystemExit as exc:
        # NOTE: the process ends now. Python's last garbage collection at exit walks every
        # object the run made (modules, models, rules): 45 M instructions, 3% of a one-file
        # run. Frozen objects are left to the exit's own clean-up. Only the console script
        # does this, never the API, so a library user's objects are not touched.
        gc.freeze()
        if exc.code in _STOPPED:
            # NOTE: stopped by a signal after the clean-up: end now instead of waiting at
            # exit for the process pool's thread, which waits for ever on a worker that was
            # killed half-way through sending a result (results over 16 KiB go in two writes)
            with contextlib.suppress(Exception):
                sys.stdout.flush()
                sys.stderr.flush()
            os._exit(exc.code)
        raise


#: exit codes of a command stopped by SIGINT (Ctrl-C) or SIGTERM
_STOPPED = (130, 143)
