"""The language of error messages: English for the API, the user's language in the CLI.

Validation and usage errors are written where they arise, in both languages side by side;
:func:`t` picks one. The CLI sets the language once per command (``--lang``, else
``ADVIES_LANG``, else Dutch); code that calls the API gets English unless it asks with
:func:`error_language`.
"""

from __future__ import annotations

import contextlib
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["current_error_language", "error_language", "say", "t"]

_LANGUAGE: ContextVar[str] = ContextVar("interventie_advies_error_language", default="en")


def t(*old: str, nl: str | None = None, en: str | None = None, **params: Any) -> str:
    """The message in the current error language, with ``params`` filled in.

    Write both languages where the message is used, Dutch first: ``t(nl="...", en="...")``.
    NOTE: the old positional form ``t(en, nl)`` is accepted until every call site is
    converted (``convert_t.py``); it goes in the commit that converts them.
    """
    if old:
        if len(old) != 2 or nl is not None or en is not None:
            raise TypeError("t() takes nl= and en= (or the old positional en, nl)")
        en, nl = old
    if nl is None or en is None:
        raise TypeError("t() needs both nl= and en=")
    text = nl if _LANGUAGE.get() == "nl" else en
    return text.format(**params) if params else text


def say(key: str, /, **params: Any) -> str:
    """The catalogue entry ``key`` (see ``_messages``) in the current error language."""
    from ._messages import text

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
