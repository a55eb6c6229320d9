"""The language of the API's error messages: ``?lang=``, else Accept-Language, else English.

English is the API's default, as for the Python API (``error_language``); a report's own
language follows ``lang`` as ``--lang`` does, in ``Engine.advise``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import parse_qs

from ..messages._i18n import error_language

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = ["ErrorLanguage", "asked_language"]


def asked_language(query: bytes, accept: bytes | None) -> str:
    """``nl`` or ``en`` from the query string's ``lang``, else the Accept-Language header."""
    asked = parse_qs(query.decode("latin-1")).get("lang", [""])[-1]
    if asked in ("nl", "en"):
        return asked
    first = (accept or b"").decode("latin-1").split(",")[0].strip().lower()
    return "nl" if first.startswith("nl") else "en"


class ErrorLanguage:
    """ASGI middleware: errors written during a request are in the language it asks for.

    NOTE: the language is a context variable; the threads that run the (synchronous)
    routes get a copy of the request's context, so they see it too.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers", []))
        lang = asked_language(scope.get("query_string", b""), headers.get(b"accept-language"))
        with error_language(lang):
            await self.app(scope, receive, send)
