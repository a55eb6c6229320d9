"""At most 1 MiB of request body: 413 above, before the app reads any of it."""

from __future__ import annotations

import asyncio
import json
from typing import TYPE_CHECKING, Any

from ..messages._i18n import t
from ..project._read_toml import MAX_FILE_BYTES

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["MAX_BODY", "BodyLimit"]

#: the largest request body accepted: a project file's own limit
MAX_BODY = MAX_FILE_BYTES
#: a page's form around an uploaded file (the page checks the file's own 1 MiB itself)
FORM_ROOM = 64 * 1024
#: how much of a refused body is read and dropped before the 413, at most, and how long
DRAIN_BYTES = 32 * 1024 * 1024
DRAIN_SECONDS = 10.0


class BodyLimit:
    """ASGI middleware: read the whole body, up to ``MAX_BODY``; 413 when it is larger.

    NOTE: the declared Content-Length is checked first, and the bytes that arrive are
    counted too, so a chunked upload cannot go past the limit either. A refused body is
    read and dropped (up to :data:`DRAIN_BYTES` and :data:`DRAIN_SECONDS`) before the
    answer, as nginx's lingering close does: a client that sends its whole body before
    reading (httpx, a browser's form) would otherwise get a connection reset, not the 413.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = MAX_BODY if scope["path"].startswith("/api/") else MAX_BODY + FORM_ROOM
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _refuse(scope, receive, send, read=0, more=True)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > limit:
                await _refuse(scope, receive, send, read=size, more=message.get("more_body", False))
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        whole = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": whole, "more_body": False}

        await self.app(scope, replay, send)


async def _refuse(scope: Scope, receive: Receive, send: Send, *, read: int, more: bool) -> None:
    """Answer 413, after dropping the rest of the body (``read`` bytes read, ``more`` to come)."""
    await _drain(scope, receive, read, more)
    await _too_large(send, page=not scope["path"].startswith("/api/"))


async def _drain(scope: Scope, receive: Receive, read: int, more: bool) -> None:
    """Read and drop the rest of a refused body, ``read`` bytes of it already read."""
    if not more:
        return  # all of it read: asking for more would wait for the client to go
    if any(n == b"expect" and v.lower() == b"100-continue" for n, v in scope.get("headers", [])):
        return  # the client waits for leave to send it: the 413 tells it not to
    loop = asyncio.get_running_loop()
    end = loop.time() + DRAIN_SECONDS
    while read <= DRAIN_BYTES:
        try:
            message = await asyncio.wait_for(receive(), max(0.0, end - loop.time()))
        except asyncio.TimeoutError:  # a slow sender: answer now, whatever it costs it
            return
        if message["type"] == "http.disconnect" or not message.get("more_body", False):
            return
        read += len(message.get("body", b""))


#: the answer to a page's form that is too large: a page, in both languages (the
#: page's language is not known before the request is read)
_PAGE = (
    '<!doctype html>\n<html lang="nl">\n<head><meta charset="utf-8">'
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
    "<title>Te groot</title></head>\n<body><main><h1>Te groot</h1>\n"
    "<p>Het bestand is groter dan 1 MiB. Er is niets opgeslagen. Ga terug en kies een "
    "kleiner bestand.</p>\n"
    '<p lang="en">The file is larger than 1 MiB. Nothing was saved. Go back and choose a '
    "smaller file.</p></main></body>\n</html>\n"
)


async def _too_large(send: Send, *, page: bool = False) -> None:
    message = t(nl="het verzoek is groter dan 1 MiB", en="the request is larger than 1 MiB")
    body: Any = json.dumps({"errors": [{"path": "", "message": message}]}).encode()
    kind = b"application/json"
    if page:
        body, kind = _PAGE.encode(), b"text/html; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", kind),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
