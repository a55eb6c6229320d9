"""``advies serve --workers N``: N uvicorn servers, each accepting on a socket of its own.

uvicorn's own ``--workers`` hands one listening socket to every worker, and asyncio
accepts all the connections that wait on it at once. So a burst of new connections
(fifty people opening the app after a meeting, or a reverse proxy opening its kept
connections) goes mostly to the worker that woke first, and stays there for as long as
the connections are kept open: in the load test (``benchmarks/load.py``) one of two
workers held 45 of the 60 connections, and did three quarters of the work. Here each
worker binds a socket of its own to the address with ``SO_REUSEPORT``, and Linux spreads
new connections over those sockets by a hash of each connection's addresses.

That is Linux's behaviour only (on macOS and the BSDs the last socket bound gets every
connection; Windows has no ``SO_REUSEPORT``): elsewhere, with one worker, or with port 0
(each socket would get a port of its own), uvicorn's own supervisor runs the workers.

The supervisor here does what uvicorn's does: it starts the workers (spawned, so that
each builds its own app from the environment, as uvicorn's are), starts another when one
dies, and on SIGINT or SIGTERM asks each worker to stop (SIGTERM: uvicorn finishes the
requests under way) and waits for them. A worker that does not start (its app failed,
the address is taken) stops them all, with uvicorn's exit code for it (3).
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import socket
import sys
import threading
import time
from multiprocessing.connection import wait
from typing import TYPE_CHECKING, Any

import uvicorn

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess
    from types import FrameType

__all__ = ["STARTUP_FAILURE", "serve", "spreads"]

#: uvicorn's exit code for a server that did not start
STARTUP_FAILURE = 3
#: seconds the workers get to finish the requests under way once asked to stop
STOP_WAIT = 30.0

_log = logging.getLogger("uvicorn.error")


def spreads(host: str, port: int, workers: int) -> bool:
    """Whether the workers get sockets of their own (else uvicorn's supervisor runs them)."""
    return (
        workers > 1
        and port != 0
        and sys.platform.startswith("linux")
        and hasattr(socket, "SO_REUSEPORT")
    )


def serve(options: dict[str, Any], workers: int) -> None:
    """Serve with ``workers`` processes; ``options`` are ``uvicorn.Config``'s keywords.

    The app must be an import string (each worker imports it); ``host`` and ``port`` are
    required. Returns when the server has stopped; exits with :data:`STARTUP_FAILURE`
    when a worker did not start.
    """
    if not spreads(options["host"], options["port"], workers):
        uvicorn.run(**options, workers=workers)
        return
    # NOTE: a Config checks the options and sets up uvicorn's logging, here as in a worker
    uvicorn.Config(**options)
    code = _Supervisor(options, workers).run()
    if code:
        sys.exit(code)


def _listening(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # NOTE: Linux lets only sockets of the same user share the port this way
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def _worker(options: dict[str, Any]) -> None:
    """One worker: a uvicorn server on a socket of its own (run in a spawned process)."""
    try:
        sock = _listening(options["host"], options["port"])
    except OSError as exc:
        _log.error("cannot listen on %s:%s: %s", options["host"], options["port"], exc)
        sys.exit(STARTUP_FAILURE)
    server = uvicorn.Server(uvicorn.Config(**options))
    try:
        server.run(sockets=[sock])
    except SystemExit:  # uvicorn exits so when the app cannot be imported or made
        if server.started:
            raise
    if not server.started:
        sys.exit(STARTUP_FAILURE)


class _Supervisor:
    """Starts the workers, starts another for one that dies, stops them all on a signal."""

    def __init__(self, options: dict[str, Any], workers: int) -> None:
        self.options = options
        self.workers = workers
        self.context = multiprocessing.get_context("spawn")
        self.stopping = threading.Event()

    def run(self) -> int:
        """Until SIGINT or SIGTERM, or a worker that does not start; the exit code."""
        handlers = {n: signal.signal(n, self._stop) for n in (signal.SIGINT, signal.SIGTERM)}
        processes: list[BaseProcess] = []
        code = 0
        try:
            processes += [self._start() for _ in range(self.workers)]
            while not self.stopping.is_set():
                wait([p.sentinel for p in processes], timeout=0.5)
                for index, process in enumerate(processes):
                    if process.is_alive() or self.stopping.is_set():
                        continue
                    if process.exitcode == STARTUP_FAILURE:
                        _log.error("a worker did not start: stopping the server")
                        code = STARTUP_FAILURE
                        self.stopping.set()
                        break
                    _log.warning(
                        "worker %s stopped (exit code %s): starting another",
                        process.pid,
                        process.exitcode,
                    )
                    processes[index] = self._start()
        finally:
            _stop_all(processes)
            for number, handler in handlers.items():
                signal.signal(number, handler)
        return code

    def _start(self) -> BaseProcess:
        process = self.context.Process(target=_worker, args=(self.options,), daemon=False)
        process.start()
        return process

    def _stop(self, number: int, frame: FrameType | None) -> None:
        self.stopping.set()


def _stop_all(processes: list[BaseProcess]) -> None:
    for process in processes:
        if process.is_alive():
            process.terminate()  # SIGTERM: uvicorn's graceful stop
    deadline = time.monotonic() + STOP_WAIT
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join()
