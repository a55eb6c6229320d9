"""The help of ``advies`` in the command's language: click's classes, read through gettext.

click writes its own words ("Usage:", "Options") through ``gettext``; the texts of our
commands and options (docstrings, ``help=``, epilogs) are plain strings. These classes
look each of them up in the same catalogue (``locale/nl/LC_MESSAGES``) at the moment the
help is shown, so ``advies --help`` is Dutch when the language is (``_i18n.click_language``
binds it). A text without a translation is shown as it is.
"""

from __future__ import annotations

import gettext
import inspect
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["Command", "Group", "help_texts"]


def _translated(text: str) -> str:
    """``text`` (a docstring or help string) in the bound language, as click would show it."""
    cleaned = inspect.cleandoc(text)
    found = gettext.gettext(cleaned)
    return text if found == cleaned else found


def _translated_lines(text: str) -> str:
    """An epilog: each line looked up on its own ("Examples:"), the command lines kept."""
    return "\n".join(gettext.gettext(line) if line else line for line in text.split("\n"))


#: the text of click's ``--help`` option (a message of click's own, translated in the .po)
_HELP = "Show this message and exit."


class _Text:
    """An attribute click sets in ``__init__`` and reads when it writes the help."""

    def __init__(self, translate: Any = _translated) -> None:
        self.translate = translate

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = f"_raw_{name}"

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        raw = obj.__dict__.get(self.name) if obj is not None else None
        return self.translate(raw) if isinstance(raw, str) and raw else raw

    def __set__(self, obj: object, value: Any) -> None:
        obj.__dict__[self.name] = value


class _HelpTexts:
    """What click shows of a command, read through gettext."""

    help = _Text()
    short_help = _Text()
    epilog = _Text(_translated_lines)
    options_metavar = _Text(gettext.gettext)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """The ``--help`` option, its text in the language bound now."""
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            # NOTE: click keeps the option it made first, with the text of that moment
            option.help = gettext.gettext(_HELP)
        return option  # type: ignore[no-any-return]

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The options, each help text translated (click's ``[default: ...]`` stays after)."""
        params = [p for p in self.get_params(ctx) if getattr(p, "help", None)]  # type: ignore[attr-defined]
        raw = [p.help for p in params]
        # NOTE: click builds each option's help line itself (with its "[default: ...]"), so
        # the text is swapped for its translation while the section is written, then put back
        for param in params:
            param.help = _translated(param.help)
        try:
            super().format_options(ctx, formatter)  # type: ignore[misc]
        finally:
            for param, text in zip(params, raw, strict=True):
                param.help = text


class Command(_HelpTexts, click.Command):
    """A command whose help follows the language."""


class Group(_HelpTexts, click.Group):
    """A group whose help, and whose commands' help, follow the language."""

    command_class = Command
    group_class = type  # sub-groups are of this class too
    subcommand_metavar = _Text(gettext.gettext)


def help_texts(group: click.Group) -> Iterator[str]:
    """Every text of ``group``'s help that a catalogue should translate (for the tests)."""
    yield from (group.options_metavar or "", group.subcommand_metavar or "")
    for command in (group, *group.commands.values()):
        raw = command.__dict__
        for name in ("_raw_help", "_raw_short_help"):
            if raw.get(name):
                yield inspect.cleandoc(raw[name])
        for line in (raw.get("_raw_epilog") or "").split("\n"):
            if line.rstrip(":") != line:
                yield line
        for param in command.params:
            own = getattr(param, "help", None)
            if own:
                yield inspect.cleandoc(own)
        if isinstance(command, click.Group) and command is not group:
            yield from help_texts(command)
