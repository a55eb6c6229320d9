"""How many requests a worker of ``advies serve`` works on at once (``--threads``).

A request's work runs in a thread of the event loop's pool (``_calls.in_thread``, and
FastAPI's own for the pages). anyio's pool lets 40 threads run at once; but a worker's
work is Python under one interpreter lock, so 40 threads do no more work per second than
4. They finish each request later: a burst of 25 saves shares the lock 25 ways, and
nearly every save ends when the last one does (about 100 ms), where with 4 at a time the
first ends after a few milliseconds and the rest follow in turn. Someone who saves and
then asks for the new advice waits for two such bursts. In the load test
(``benchmarks/load.py``, docs/performance.md) a save and its new advice took
roughly half as long at the 95th percentile with 4 threads as with 40.

More threads help only where requests wait on something other than this process (a
slow database, a lock held by another instance); a worker's requests beyond the limit
wait in line, on the event loop, for a thread.

A programme's portfolio (its page, CSV, JSON and refresh) is the one kind of request
that may take a thread for long: the first read of a 1,000-project programme in a worker
parses a thousand stored summaries (0.5-1.7 s in the load test). Three funders opening
it held three of the four threads, and the team members' saves waited behind them for up
to half a second. So a worker works on one portfolio at a time (:func:`portfolio_turn`,
waited for on the event loop, holding no thread): the others' saves keep the other
threads, and the next funder reads what the first one parsed.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Annotated, Any

import anyio
import anyio.to_thread
from anyio.lowlevel import RunVar
from fastapi import Depends

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from fastapi import FastAPI

__all__ = ["PORTFOLIOS", "THREADS", "THREADS_ENV", "PortfolioTurn", "install", "portfolio_turn"]

#: threads per worker that work on requests at once, unless ``--threads`` says otherwise
THREADS = 4
#: the environment variable ``advies serve`` passes ``--threads`` to its workers in
THREADS_ENV = "ADVIES_THREADS"
#: portfolios a worker works on at once (the page, CSV, JSON, refresh)
PORTFOLIOS = 1

#: the event loop's turns for portfolios (anyio keeps its thread limit the same way)
_PORTFOLIO_TURNS: RunVar[anyio.Semaphore] = RunVar("advies_portfolio_turns")


def install(app: FastAPI, threads: int) -> None:
    """Let ``app``'s event loop run at most ``threads`` requests' work at once.

    NOTE: anyio's limit is the event loop's, not the app's: only ``advies serve``'s own
    app sets it, in the worker's loop, when the app starts (the limit exists only then).
    """
    if threads < 1:
        raise ValueError(f"threads must be at least 1, not {threads}")
    inner = app.router.lifespan_context

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[Any]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        async with inner(app) as state:
            yield state

    app.router.lifespan_context = lifespan


async def portfolio_turn() -> AsyncIterator[None]:
    """Wait for this worker's turn to work on a portfolio, and hold it while it is done.

    A FastAPI dependency, :data:`PortfolioTurn`: declared before the dependencies that
    take a thread, so that a request waiting for its turn holds none.
    """
    try:
        turns = _PORTFOLIO_TURNS.get()
    except LookupError:
        turns = anyio.Semaphore(PORTFOLIOS)
        _PORTFOLIO_TURNS.set(turns)
    async with turns:
        yield


#: a parameter of an endpoint that works on a portfolio: it waits for the worker's turn
PortfolioTurn = Annotated[None, Depends(portfolio_turn)]
