"""The load test's HTTP client: one keep-alive connection per person, plain asyncio streams.

The load client shares the machine's cores with the server it measures, so each request
must cost it as little CPU as can be: a request is written as bytes on the person's own
connection and the answer read by its ``Content-Length`` (or its chunks), with no
connection pool, cookie jar, URL model or header classes in between (httpx's
``AsyncClient`` took about three times the CPU per request). Only HTTP/1.1 to
``127.0.0.1``, as ``advies serve`` answers it; a connection the server closed is opened
again on the next request, and a request that finds its kept connection closed by the
server (idle longer than uvicorn's 5-s keep-alive) is sent again, once, on a new one.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from dataclasses import dataclass
from typing import Any

__all__ = ["Answer", "Client", "TransportError"]

#: what goes wrong when no (whole) answer comes: the socket, an early end, a wrong head,
#: the time (``asyncio.TimeoutError`` is not the built-in one before Python 3.11)
_NO_ANSWER = (OSError, EOFError, ValueError, asyncio.LimitOverrunError, asyncio.TimeoutError)


class TransportError(Exception):
    """No answer: the connection failed, closed early, or the time ran out."""


@dataclass(frozen=True)
class Answer:
    """A response: its status, its headers (names in lower case) and its body."""

    status_code: int
    headers: dict[str, str]
    content: bytes

    def json(self) -> Any:
        """The body as JSON."""
        return json.loads(self.content)


class Client:
    """A person's connection to ``host:port``, sending ``headers`` with each request."""

    def __init__(
        self, host: str, port: int, headers: dict[str, str] | None = None, timeout: float = 120
    ) -> None:
        self.host = host
        self.port = port
        self.timeout = timeout
        # NOTE: the headers every request sends, written once
        fixed = {"Host": f"{host}:{port}", **(headers or {})}
        self._fixed = "".join(f"{k}: {v}\r\n" for k, v in fixed.items()).encode("latin-1")
        self._streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def get(self, path: str) -> Answer:
        """``GET path``."""
        return await self.request("GET", path)

    async def put(self, path: str, json_body: Any) -> Answer:
        """``PUT path`` with ``json_body`` as JSON."""
        return await self.request("PUT", path, json.dumps(json_body).encode("utf-8"))

    async def request(self, method: str, path: str, body: bytes | None = None) -> Answer:
        """Send one request and read its answer; :class:`TransportError` when none came."""
        head = f"{method} {path} HTTP/1.1\r\n".encode("latin-1") + self._fixed
        if body is not None:
            head += b"Content-Type: application/json\r\nContent-Length: %d\r\n" % len(body)
        try:
            exchange = self._exchange(head + b"\r\n" + (body or b""))
            return await asyncio.wait_for(exchange, self.timeout)
        except _NO_ANSWER as exc:
            await self.aclose()  # NOTE: half a response may be left on it: a new one next
            raise TransportError(f"{method} {path}: {exc!r}") from exc

    async def _exchange(self, data: bytes) -> Answer:
        kept = self._streams is not None
        if self._streams is None:
            self._streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self._streams
        writer.write(data)
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except (asyncio.IncompleteReadError, ConnectionResetError) as exc:
            if kept and not getattr(exc, "partial", b""):
                # NOTE: the server closed the kept connection while it was idle (uvicorn
                # after 5 s) before this request reached it: sent again on a new one, once,
                # as browsers and httpx do
                await self.aclose()
                return await self._exchange(data)
            raise EOFError("the connection closed before an answer") from exc
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {}
        for line in lines[1:]:
            if line:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
        if headers.get("transfer-encoding", "").lower() == "chunked":
            content = await _chunks(reader)
        else:
            content = await reader.readexactly(int(headers.get("content-length", "0")))
        if headers.get("connection", "").lower() == "close":
            await self.aclose()
        return Answer(status, headers, content)

    async def aclose(self) -> None:
        """Close the connection (a later request opens a new one)."""
        if self._streams is not None:
            writer = self._streams[1]
            self._streams = None
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()


async def _chunks(reader: asyncio.StreamReader) -> bytes:
    """A chunked body (RFC 9112, section 7.1), its trailers read and dropped."""
    parts = []
    while True:
        size = int((await reader.readuntil(b"\r\n")).split(b";", 1)[0], 16)
        if size == 0:
            while (await reader.readuntil(b"\r\n")) != b"\r\n":
                pass
            return b"".join(parts)
        parts.append(await reader.readexactly(size))
        await reader.readexactly(2)
