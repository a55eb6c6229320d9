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

__all__ = ["current_error_language", "error_language", "t"]

_LANGUAGE: ContextVar[str] = ContextVar("interventie_advies_error_language", default="en")


def t(en: str, nl: str, /, **params: Any) -> str:
    """The message in the current error language, with ``params`` filled in."""
    text = nl if _LANGUAGE.get() == "nl" else en
    return text.format(**params) if params else text


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
