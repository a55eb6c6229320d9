"""Work done after the answer: what a request leaves to do once its response is sent.

A save keeps its version's summary for the portfolio (``_summaries.record``): about half
of a save's CPU time, which the person who saved need not wait for. While a request is
served, :func:`later` queues such a job; :class:`AfterAnswer`, an ASGI middleware, runs the
queued jobs in a thread once the inner app has sent the whole response, one after the
other. A job that fails is logged and dropped: what it would have made is made again
when it is missed (the portfolio makes a missing summary when it reads it, and the
background refresher does too). Outside a request (:func:`serving` is false) nothing is
queued: the caller does the work at once.
"""

from __future__ import annotations

import contextvars
import logging
from typing import TYPE_CHECKING

import anyio.to_thread

if TYPE_CHECKING:
    from collections.abc import Callable

    from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = ["AfterAnswer", "later", "serving"]

_log = logging.getLogger(__name__)

#: the jobs of the request being served (None outside one)
# NOTE: a list shared by reference: the endpoint's thread sees a copy of the context,
# and so the same list, and its appends are seen here
_DUE: contextvars.ContextVar[list[Callable[[], None]] | None] = contextvars.ContextVar(
    "advies_after_answer", default=None
)


def serving() -> bool:
    """Whether a request is being served (so that :func:`later` queues its jobs)."""
    return _DUE.get() is not None


def later(job: Callable[[], None]) -> None:
    """Run ``job`` after the response of the request being served has been sent."""
    due = _DUE.get()
    if due is None:
        raise RuntimeError("no request is being served: do the work now")
    due.append(job)


class AfterAnswer:
    """ASGI middleware: the request's queued jobs, in a thread, after its response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        due: list[Callable[[], None]] = []
        token = _DUE.set(due)
        try:
            await self.app(scope, receive, send)
        finally:
            _DUE.reset(token)
        # NOTE: the response's last part has been handed to the server by now, so the
        # person has their answer while these run
        for job in due:
            await anyio.to_thread.run_sync(_run, job)


def _run(job: Callable[[], None]) -> None:
    try:
        job()
    except Exception as exc:  # e.g. the database away for a moment: made again when missed
        # NOTE: the type only; a database error's text can hold a project's text
        _log.warning("work after the answer not done: %s", type(exc).__name__)
