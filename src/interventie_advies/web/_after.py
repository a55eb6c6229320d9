"""Work done after the answer: what a request leaves to do once its response is sent.

A save keeps its version's summary for the portfolio (``_summaries.record``): about half
of a save's CPU time, which the person who saved need not wait for. While a request is
served, :func:`later` queues such a job; :class:`AfterAnswer`, an ASGI middleware, hands
the request's jobs to the app's :class:`Backlog` once the inner app is done (its whole
response sent). The backlog runs them in one thread, one at a time, in the order queued,
each once this process has served no request for :data:`QUIET` seconds, or once it has
waited :data:`PATIENCE` seconds: so a burst of saves is answered first and summarised in
the quiet after it, and a server that is never quiet still summarises every save, a
little late. A job that fails is logged and dropped, and so is the oldest job when more than
:data:`LIMIT` wait: what it would have made is made again when it is missed (the
portfolio makes a missing summary when it reads it, and the background refresher does
too). Outside a request (:func:`serving` is false) nothing is queued: the caller does the
work at once. When the app shuts down, it waits up to :data:`SHUTDOWN_WAIT` seconds for
the backlog.
"""

from __future__ import annotations

import collections
import contextlib
import contextvars
import logging
import threading
import time
from typing import TYPE_CHECKING, Any

import anyio.to_thread

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Callable

    from fastapi import FastAPI
    from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = ["AfterAnswer", "Backlog", "install", "later", "serving"]

#: seconds with no request served before a job runs: the rest of a burst comes first
QUIET = 0.05
#: seconds a job waits for such a moment before it runs anyway
PATIENCE = 2.0
#: jobs that may wait; beyond it the oldest is dropped (and made again when missed)
LIMIT = 1000
#: seconds a shutting-down app waits for the jobs still waiting
SHUTDOWN_WAIT = 10.0

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


class Backlog:
    """The jobs left by answered requests, run one at a time in a thread of their own.

    The thread is started when a job is queued and ends when none is left, so an idle
    app holds no thread.
    """

    def __init__(
        self, patience: float = PATIENCE, limit: int = LIMIT, quiet: float = QUIET
    ) -> None:
        self.patience = patience
        self.limit = limit
        self.quiet = quiet
        self._served = 0.0  # when the last request was answered (time.monotonic)
        self._changed = threading.Condition()
        self._jobs: collections.deque[tuple[float, Callable[[], None]]] = collections.deque()
        self._serving = 0
        self._running = False  # a job taken from the queue and not yet done
        self._thread: threading.Thread | None = None

    def begin(self) -> None:
        """A request is being served: jobs wait (up to their patience) until it is done."""
        with self._changed:
            self._serving += 1

    def end(self, jobs: list[Callable[[], None]]) -> None:
        """A request has been served; queue the ``jobs`` it left."""
        now = time.monotonic()
        with self._changed:
            self._serving -= 1
            self._served = now
            for job in jobs:
                if len(self._jobs) >= self.limit:
                    self._jobs.popleft()
                    _log.warning("work after the answer not done: more than %d waiting", self.limit)
                self._jobs.append((now, job))
            if self._jobs and self._thread is None:
                self._thread = threading.Thread(
                    target=self._work, name="advies-after-answer", daemon=True
                )
                self._thread.start()
            self._changed.notify_all()

    def wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds until no job waits or runs; whether none does."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._jobs and not self._running, timeout)

    def _work(self) -> None:
        while True:
            with self._changed:
                while True:
                    if not self._jobs:
                        self._thread = None
                        self._changed.notify_all()
                        return
                    queued, job = self._jobs[0]
                    now = time.monotonic()
                    overdue = queued + self.patience - now
                    calm = self._served + self.quiet - now if self._serving == 0 else overdue
                    if calm <= 0 or overdue <= 0:
                        self._jobs.popleft()
                        self._running = True
                        break
                    self._changed.wait(min(calm, overdue))
            try:
                _run(job)
            finally:
                with self._changed:
                    self._running = False
                    self._changed.notify_all()


class AfterAnswer:
    """ASGI middleware: the request's queued jobs go to the backlog once it is answered."""

    def __init__(self, app: ASGIApp, backlog: Backlog) -> None:
        self.app = app
        self.backlog = backlog

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        due: list[Callable[[], None]] = []
        token = _DUE.set(due)
        self.backlog.begin()
        try:
            await self.app(scope, receive, send)
        finally:
            _DUE.reset(token)
            # NOTE: also after an error: what was committed before it still wants its job
            self.backlog.end(due)


def install(app: FastAPI) -> None:
    """Give ``app`` a backlog (``app.state.backlog``) and the middleware that fills it.

    Shutting down waits up to :data:`SHUTDOWN_WAIT` seconds for the jobs still waiting.
    """
    backlog = Backlog()
    app.state.backlog = backlog
    app.add_middleware(AfterAnswer, backlog=backlog)
    inner = app.router.lifespan_context

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[Any]:
        try:
            async with inner(app) as state:
                yield state
        finally:
            if not await anyio.to_thread.run_sync(backlog.wait, SHUTDOWN_WAIT):
                _log.warning("work after the answer not done: the app stopped first")

    app.router.lifespan_context = lifespan


def _run(job: Callable[[], None]) -> None:
    try:
        job()
    except Exception as exc:  # e.g. the database away for a moment: made again when missed
        # NOTE: the type only; a database error's text can hold a project's text
        _log.warning("work after the answer not done: %s", type(exc).__name__)
