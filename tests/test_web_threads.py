"""``advies serve --threads N``: at most N requests of a worker worked on at once."""

from __future__ import annotations

import concurrent.futures
import inspect
import os
import threading
import time
import warnings
from typing import TYPE_CHECKING, Any

import anyio.to_thread
import pytest
from click.testing import CliRunner

from interventie_advies.cli import cli
from interventie_advies.web import _app, _serve, _threads

if TYPE_CHECKING:
    from pathlib import Path

    from fastapi import FastAPI

#: requests sent at once in the test of the limit
SENT = 6


class _AtOnce:
    """Requests that take a while, counted: how many were under way at once, at most."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now = 0
        self.most = 0

    def take(self, seconds: float) -> None:
        """Be under way for ``seconds``."""
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)
        time.sleep(seconds)
        with self.lock:
            self.now -= 1


def _client(app: FastAPI) -> Any:
    """A test client of ``app`` (its lifespan runs in a ``with`` block)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    return TestClient(app)


def _most_at_once(app: FastAPI) -> int:
    """How many of :data:`SENT` slow requests sent at once ``app`` worked on together."""
    slow = _AtOnce()
    app.get("/slow")(lambda: slow.take(0.2))
    with _client(app) as client, concurrent.futures.ThreadPoolExecutor(SENT) as pool:
        answers = list(pool.map(lambda _: client.get("/slow").status_code, range(SENT)))
    assert answers == [200] * SENT
    return slow.most


@pytest.mark.parametrize(("threads", "most"), [(1, 1), (2, 2), (None, SENT)])
def test_the_app_works_on_at_most_threads_requests_at_once(
    tmp_path: Path, threads: int | None, most: int
) -> None:
    """``None`` (an app served beside others) leaves anyio's limit of 40 as it is."""
    app = _app.create_app(f"sqlite:///{tmp_path / 'x.sqlite3'}", threads=threads)
    assert _most_at_once(app) == most


def test_the_limit_is_the_running_loops(tmp_path: Path) -> None:
    app = _app.create_app(f"sqlite:///{tmp_path / 'x.sqlite3'}", threads=3)
    with _client(app) as client:
        assert client.portal is not None
        tokens = client.portal.call(lambda: anyio.to_thread.current_default_thread_limiter())
        assert tokens.total_tokens == 3


def test_no_fewer_than_one() -> None:
    with pytest.raises(ValueError, match="threads must be at least 1, not 0"):
        _app.create_app("sqlite://", threads=0)


@pytest.mark.parametrize(
    ("given", "passed"), [((), str(_threads.THREADS)), (("--threads", "7"), "7")]
)
def test_serve_passes_threads_to_its_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: tuple[str, ...], passed: str
) -> None:
    """The workers build their app from the environment (``app_from_env``)."""
    seen: dict[str, Any] = {}

    def serve(options: dict[str, Any], workers: int) -> None:
        seen["threads"] = os.environ[_threads.THREADS_ENV]
        seen["workers"] = workers

    monkeypatch.setattr(_serve, "serve", serve)
    monkeypatch.delenv(_threads.THREADS_ENV, raising=False)
    # NOTE: serve sets the workers' variables in this process's environment
    for name in (_app.DATABASE_ENV, _app.BASE_URL_ENV, _threads.THREADS_ENV):
        monkeypatch.setenv(name, "")
    args = ["serve", "--port", "0", "--data", str(tmp_path), "--workers", "2", *given]
    result = CliRunner().invoke(cli, args, env={"ADVIES_LANG": "en"})
    assert result.exit_code == 0, result.output
    assert seen == {"threads": passed, "workers": 2}


def test_serve_wants_one_thread_at_least(tmp_path: Path) -> None:
    args = ["serve", "--threads", "0", "--data", str(tmp_path)]
    result = CliRunner().invoke(cli, args, env={"ADVIES_LANG": "en"})
    assert result.exit_code == 2
    assert "Invalid value for '--threads': 0 is not in the range x>=1." in result.output
    assert not (tmp_path / "advies.sqlite3").exists()


def test_a_worker_works_on_one_portfolio_at_a_time_and_nothing_else_waits() -> None:
    """Three slow portfolios at once run in turn; a request of another kind runs at once."""
    from fastapi import FastAPI

    app = FastAPI()
    portfolios = _AtOnce()
    ended: list[str] = []

    @app.get("/portfolio")
    def portfolio(_turn: _threads.PortfolioTurn) -> None:
        portfolios.take(0.2)
        ended.append("portfolio")

    @app.get("/save")
    def save() -> None:
        time.sleep(0.05)
        ended.append("save")

    with _client(app) as client, concurrent.futures.ThreadPoolExecutor(4) as pool:
        waiting = [pool.submit(client.get, "/portfolio") for _ in range(3)]
        time.sleep(0.05)
        assert client.get("/save").status_code == 200
        assert [w.result().status_code for w in waiting] == [200] * 3
    assert portfolios.most == 1
    assert ended.index("save") <= 1  # not behind the three portfolios


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/programmes/{programme_id}"),
        ("GET", "/programmes/{programme_id}/portfolio.csv"),
        ("POST", "/programmes/{programme_id}/refresh"),
        ("GET", "/api/v1/programmes/{programme_id}/portfolio"),
    ],
)
def test_every_portfolio_waits_for_its_turn_before_it_takes_a_thread(
    method: str, path: str
) -> None:
    """Its turn is its first dependency: one taking a thread (the session) comes after."""
    from fastapi.routing import APIRoute

    from interventie_advies.web import _pages_programmes, _programmes

    routes = [*_pages_programmes.router.routes, *_programmes.router.routes]
    (route,) = [
        r for r in routes if isinstance(r, APIRoute) and r.path == path and method in r.methods
    ]
    calls = [d.call for d in route.dependant.dependencies]
    before = calls[: calls.index(_threads.portfolio_turn)]
    # NOTE: only what runs on the event loop (the API's bearer token) may come first
    assert all(
        inspect.iscoroutinefunction(c) or inspect.iscoroutinefunction(type(c).__call__)
        for c in before
    )
