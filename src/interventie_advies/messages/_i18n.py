"""Which language: the one resolver, and the language of error messages.

:func:`resolve_language` decides every language the package uses (reports, `advies init`,
the portfolio, the CLI's own messages): the explicit choice, else the project file's
``[advies] language``, else ``ADVIES_LANG``, else Dutch.

Validation and usage errors are written where they arise, in both languages side by side;
:func:`t` picks one. The CLI sets the language once per command (``--lang``, else
``ADVIES_LANG``, else Dutch); code that calls the API gets English unless it asks with
:func:`error_language`.
"""

from __future__ import annotations

import contextlib
import os
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "LANGUAGES",
    "LANG_ENV",
    "Language",
    "click_language",
    "current_error_language",
    "error_language",
    "resolve_language",
    "say",
    "t",
]

#: the environment variable that chooses the language when nothing else does
LANG_ENV = "ADVIES_LANG"
#: the languages of reports, messages and the CLI (also ``[advies] language``)
Language = Literal["nl", "en"]
LANGUAGES: tuple[str, ...] = get_args(Language)
#: the gettext catalogues of the words of ``click`` (locale/nl/LC_MESSAGES/*.po, .mo)
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
GETTEXT_DOMAIN = "interventie_advies"

_LANGUAGE: ContextVar[str] = ContextVar("interventie_advies_error_language", default="en")


def t(*, nl: str, en: str, **params: Any) -> str:
    """The message in the current error language, with ``params`` filled in.

    Write both languages where the message is used, Dutch first: ``t(nl="...", en="...")``.
    """
    text = nl if _LANGUAGE.get() == "nl" else en
    return text.format(**params) if params else text


def say(key: str, /, **params: Any) -> str:
    """The catalogue entry ``key`` (see ``_messages``) in the current error language."""
    from . import text

    return text(key, _LANGUAGE.get(), **params)


def current_error_language() -> str:
    """The language errors are written in here (``nl`` or ``en``)."""
    return _LANGUAGE.get()


@contextlib.contextmanager
def error_language(lang: str) -> Iterator[None]:
    """Write validation and usage errors in ``lang`` (``nl`` or ``en``) inside the block."""
    token = _LANGUAGE.set("nl" if lang == "nl" else "en")
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def resolve_language(choice: str | None = None, file_language: str | None = None) -> str:
    """The language to use: ``choice``, else ``file_language``, else ``ADVIES_LANG``, else ``nl``.

    ``choice`` is what the caller asked for (``--lang``, the API's ``lang=``);
    ``file_language`` is the project file's ``[advies] language``. An empty value counts as
    not given.

    :raises UsageError: the language decided on is not ``nl`` or ``en``.
    """
    chosen = choice or file_language or os.environ.get(LANG_ENV) or "nl"
    if chosen not in LANGUAGES:
        from .._errors import UsageError

        raise UsageError(
            t(
                nl="onbekende taal {x!r}; kies nl of en",
                en="unknown language {x!r}; use nl or en",
                x=chosen,
            )
        )
    return chosen


@contextlib.contextmanager
def click_language(lang: str) -> Iterator[None]:
    """Let click's own words ("Usage:", "No such option") come in ``lang`` inside the block.

    click asks ``gettext.gettext``, whose catalogue is the default domain's and whose
    language comes from the ``LANGUAGE`` environment variable (GNU gettext's own order).
    Only a program may set those, so the CLI does it when it starts, never an import; both
    are put back afterwards.
    """
    import gettext

    old_domain, old_env = gettext.textdomain(), os.environ.get("LANGUAGE")
    gettext.bindtextdomain(GETTEXT_DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(GETTEXT_DOMAIN)
    os.environ["LANGUAGE"] = lang
    try:
        yield
    finally:
        gettext.textdomain(old_domain)
        if old_env is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = old_env
