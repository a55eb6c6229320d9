"""An API request does its work in one thread of the pool (``web/_calls.py``)."""

from __future__ import annotations

import asyncio
import concurrent.futures
from typing import TYPE_CHECKING, Any

import anyio.to_thread
import httpx
import pytest
from test_web_after import OPERA, _advies

from interventie_advies.web._app import create_app

if TYPE_CHECKING:
    from pathlib import Path

    from fastapi import FastAPI

ADMIN = "beheer@example.org"


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FastAPI:
    monkeypatch.setenv("ADVIES_SUMMARY_SECONDS", "0")  # no background refresher
    _advies("db", "upgrade", "--data", str(tmp_path))
    _advies("users", "add", ADMIN, "--role", "admin", "--data", str(tmp_path))
    made = create_app(f"sqlite:///{tmp_path / 'advies.sqlite3'}")
    made.state.token = _advies("tokens", "create", ADMIN, "--data", str(tmp_path))
    return made


def _hops(app: FastAPI, monkeypatch: pytest.MonkeyPatch, calls: list[tuple[str, str, Any]]) -> Any:
    """Each call's status and how many times it handed work to a thread of the pool."""
    real = anyio.to_thread.run_sync
    counted: list[int] = [0]

    async def run_sync(*args: Any, **kwargs: Any) -> Any:
        counted[0] += 1
        return await real(*args, **kwargs)

    monkeypatch.setattr(anyio.to_thread, "run_sync", run_sync)

    async def send() -> list[tuple[int, int]]:
        headers = {"Authorization": f"Bearer {app.state.token}"}
        transport = httpx.ASGITransport(app=app)
        found = []
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            for method, path, body in calls:
                counted[0] = 0
                answer = await client.request(method, path, json=body, headers=headers)
                found.append((answer.status_code, counted[0]))
        return found

    # NOTE: in a thread of its own: a browser test may have left an event loop running
    # in this one (Playwright's sync API)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        done = pool.submit(asyncio.run, send()).result()
    assert app.state.backlog.wait(30)
    return done


def test_each_api_call_hands_its_work_to_one_thread(
    app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, str, Any]] = [
        ("POST", "/api/v1/programmes", {"name": "Fonds"}),
        ("POST", "/api/v1/projects", {"toml": OPERA, "programme": 1}),
        ("GET", "/api/v1/projects", None),
        ("GET", "/api/v1/projects/1", None),
        ("PUT", "/api/v1/projects/1", {"toml": OPERA + "# 2\n", "base_version": 1}),
        ("GET", "/api/v1/projects/1/report", None),
        ("GET", "/api/v1/projects/1/versions", None),
        ("GET", "/api/v1/projects/1/versions/2", None),
        ("POST", "/api/v1/advise", {"toml": OPERA}),
        ("GET", "/api/v1/programmes/1/portfolio", None),
        ("PUT", "/api/v1/projects/1", {"toml": OPERA, "base_version": 1}),  # 409
        ("GET", "/api/v1/projects/7", None),  # 404
    ]
    assert _hops(app, monkeypatch, calls) == [
        (201, 1),
        (201, 1),
        (200, 1),
        (200, 1),
        (200, 1),
        (200, 1),
        (200, 1),
        (200, 1),
        (200, 1),
        (200, 1),
        (409, 1),
        (404, 1),
    ]
