"""An unexpected error: a plain 500 for the caller, and a log line without the request's data.

NOTE: the usual traceback of a failing request can hold project text and names (a
database error shows the statement's parameters); the log gets the error's type and where
it was raised, and the caller the API's error shape.
"""

from __future__ import annotations

import json
import logging
import traceback
from typing import TYPE_CHECKING

from ..messages._i18n import t

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["InternalErrors"]

_LOG = logging.getLogger("interventie_advies.web")


class InternalErrors:
    """ASGI middleware: answer 500 for an unexpected error and log it without its data."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception as exc:
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            _LOG.error(
                "%s at %s:%s (%s %s)",
                type(exc).__name__,
                frame.filename,
                frame.lineno,
                scope.get("method"),
                scope.get("path"),
            )
            if started:
                return
            message = t(
                nl="er ging iets mis op de server; er is niets opgeslagen",
                en="something went wrong on the server; nothing was saved",
            )
            body = json.dumps({"errors": [{"path": "", "message": message}]}).encode()
            await send(
                {
                    "type": "http.response.start",
                    "status": 500,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
