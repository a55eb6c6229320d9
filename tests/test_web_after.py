"""Work after the answer (``web/_after.py``): a save's summary is made once it is answered."""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as dt
import json
import logging
import shutil
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from click.testing import CliRunner
from sqlalchemy import select, update

from interventie_advies.cli import cli
from interventie_advies.web import _after, _store, _summaries
from interventie_advies.web._app import create_app
from interventie_advies.web._db import User

if TYPE_CHECKING:
    from fastapi import FastAPI

ROOT = Path(__file__).resolve().parents[1]
OPERA = (ROOT / "examples" / "buurtopera.toml").read_text(encoding="utf-8")
EMAIL = "ann@example.org"


def _advies(*args: str) -> str:
    done = CliRunner().invoke(cli, list(args), env={"ADVIES_LANG": "en"})
    assert done.exit_code == 0, done.output
    return done.output.strip()


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A database with its tables and a user, and the user's token (copied by each test)."""
    data = tmp_path_factory.mktemp("migrated")
    _advies("db", "upgrade", "--data", str(data))
    _advies("users", "add", EMAIL, "--data", str(data))
    return data, _advies("tokens", "create", EMAIL, "--data", str(data))


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, migrated: tuple[Path, str]) -> FastAPI:
    monkeypatch.setenv("ADVIES_SUMMARY_SECONDS", "0")  # no background refresher
    for file in migrated[0].glob("advies.sqlite3*"):
        shutil.copyfile(file, tmp_path / file.name)
    made = create_app(f"sqlite:///{tmp_path / 'advies.sqlite3'}")
    made.state.token = migrated[1]
    return made


def _call(app: FastAPI, method: str, path: str, body: Any, log: list[str]) -> int:
    """One request straight to the ASGI app; ``log`` gets each part of the answer sent."""
    data = json.dumps(body).encode()
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", b"127.0.0.1"),
            (b"authorization", f"Bearer {app.state.token}".encode()),
            (b"content-type", b"application/json"),
            (b"content-length", str(len(data)).encode()),
        ],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    status: list[int] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": data, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            status.append(message["status"])
        elif not message.get("more_body", False):
            log.append("answered")

    # NOTE: in a thread of its own: a browser test may have left an event loop running
    # in this one (Playwright's sync API)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, app(scope, receive, send)).result()
    assert app.state.backlog.wait(30)
    return status[0]


def _summaries_of(app: FastAPI) -> list[tuple[int, int]]:
    with app.state.sessions() as session:
        rows = session.execute(select(_summaries.Summary.project_id, _summaries.Summary.version))
        return [(p, v) for p, v in rows.all()]


def _logged_stores(monkeypatch: pytest.MonkeyPatch, log: list[str]) -> None:
    real = _summaries.store

    def store(session: Any, engine: Any, project_id: int, version: int, **kw: Any) -> Any:
        log.append(f"summary of {project_id} v{version}")
        return real(session, engine, project_id, version, **kw)

    monkeypatch.setattr(_summaries, "store", store)


def test_a_save_is_answered_before_its_summary_is_made(
    app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    log: list[str] = []
    _logged_stores(monkeypatch, log)
    assert _call(app, "POST", "/api/v1/projects", {"toml": OPERA}, log) == 201
    saved = {"toml": OPERA + "# 2\n", "base_version": 1}
    assert _call(app, "PUT", "/api/v1/projects/1", saved, log) == 200
    assert log == ["answered", "summary of 1 v1", "answered", "summary of 1 v2"]
    assert _summaries_of(app) == [(1, 2)]  # the latest only, as before


def test_a_refused_save_makes_no_summary(app: FastAPI, monkeypatch: pytest.MonkeyPatch) -> None:
    log: list[str] = []
    assert _call(app, "POST", "/api/v1/projects", {"toml": OPERA}, log) == 201
    _logged_stores(monkeypatch, log)
    stale = {"toml": OPERA + "# 2\n", "base_version": 7}
    assert _call(app, "PUT", "/api/v1/projects/1", stale, log) == 409
    assert log == ["answered", "answered"]  # the new project's, and the refusal
    assert _summaries_of(app) == [(1, 1)]


def test_a_rolled_back_transaction_forgets_its_summaries(app: FastAPI) -> None:
    with app.state.sessions() as session:
        session.execute(select(1))
        session.info[_summaries.PENDING_KEY] = [(1, 1, None)]
        session.rollback()
        assert _summaries.PENDING_KEY not in session.info


def test_outside_a_request_the_summary_is_made_at_once(app: FastAPI) -> None:
    engine = app.state.engine
    with app.state.sessions() as session:
        user = session.scalars(select(User)).one()
        assert not _after.serving()
        _store.create(session, user, OPERA, engine.check(text=OPERA), "", None)
        session.commit()
    assert _summaries_of(app) == [(1, 1)]


def test_an_older_version_is_not_summarised_after_a_newer_one(app: FastAPI) -> None:
    log: list[str] = []
    assert _call(app, "POST", "/api/v1/projects", {"toml": OPERA}, log) == 201
    assert _call(app, "PUT", "/api/v1/projects/1", {"toml": OPERA, "base_version": 1}, log) == 200
    project = app.state.engine.check(text=OPERA)
    _summaries._keep(app.state.sessions, app.state.engine, 1, 1, project)  # a late job
    assert _summaries_of(app) == [(1, 2)]


def test_a_summary_made_already_is_not_made_again(
    app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A portfolio read before the job ran made the summary (same version, rules, day)."""
    log: list[str] = []
    assert _call(app, "POST", "/api/v1/projects", {"toml": OPERA}, log) == 201
    _logged_stores(monkeypatch, log)
    project = app.state.engine.check(text=OPERA)
    _summaries._keep(app.state.sessions, app.state.engine, 1, 1, project)  # a late job
    assert log == ["answered"]
    with app.state.sessions() as session:  # made with other rules: made again
        session.execute(update(_summaries.Summary).values(fingerprint="other rules"))
        session.commit()
    _summaries._keep(app.state.sessions, app.state.engine, 1, 1, project)
    assert log == ["answered", "summary of 1 v1"]
    with app.state.sessions() as session:  # made on another day: made again
        session.execute(update(_summaries.Summary).values(evaluated_on=dt.date(2026, 1, 1)))
        session.commit()
    _summaries._keep(app.state.sessions, app.state.engine, 1, 1, project)
    assert log == ["answered", "summary of 1 v1", "summary of 1 v1"]
    _summaries._keep(app.state.sessions, app.state.engine, 2, 1, project)  # no such project
    assert len(log) == 3


def test_a_job_that_fails_is_logged_and_the_answer_stands(
    app: FastAPI, caplog: pytest.LogCaptureFixture
) -> None:
    def fails() -> None:
        raise RuntimeError("Mila Jansen, Buurtopera")

    @app.put("/later")
    def queue() -> dict[str, str]:
        _after.later(fails)
        return {"ok": "yes"}

    log: list[str] = []
    with caplog.at_level(logging.WARNING):
        assert _call(app, "PUT", "/later", {}, log) == 200
    assert log == ["answered"]
    logged = [r.getMessage() for r in caplog.records if r.name == "interventie_advies.web._after"]
    assert logged == ["work after the answer not done: RuntimeError"]
    assert "Mila" not in caplog.text
    with pytest.raises(RuntimeError, match="no request is being served"):
        _after.later(fails)


# --- the backlog itself -------------------------------------------------------------------


def test_a_job_waits_while_a_request_is_served() -> None:
    backlog = _after.Backlog(patience=30)
    done = threading.Event()
    backlog.begin()  # a request that is still being served
    backlog.begin()
    backlog.end([done.set])  # another one, answered, left a job
    assert not backlog.wait(0.2)
    assert not done.is_set()
    backlog.end([])  # the first is answered too: the server is quiet
    assert backlog.wait(10)
    assert done.is_set()


def test_a_job_runs_after_its_patience_on_a_server_never_quiet() -> None:
    backlog = _after.Backlog(patience=0.3)
    done = threading.Event()
    backlog.begin()  # never quiet from here on
    backlog.begin()
    started = time.monotonic()
    backlog.end([done.set])
    assert done.wait(10)
    assert time.monotonic() - started >= 0.3
    backlog.end([])


def test_jobs_run_one_at_a_time_in_the_order_queued() -> None:
    backlog = _after.Backlog()
    ran: list[int] = []
    running: list[int] = []

    def job(number: int) -> None:
        running.append(number)
        assert len(running) == 1  # no other job at the same time
        time.sleep(0.01)
        ran.append(number)
        running.remove(number)

    for first in range(0, 20, 4):
        backlog.begin()
        backlog.end([lambda n=n: job(n) for n in range(first, first + 4)])
    assert backlog.wait(10)
    assert ran == list(range(20))


def test_beyond_the_limit_the_oldest_job_is_dropped_and_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    backlog = _after.Backlog(patience=30, limit=3)
    ran: list[int] = []
    backlog.begin()  # held: nothing runs until it ends
    backlog.begin()
    with caplog.at_level(logging.WARNING):
        backlog.end([lambda n=n: ran.append(n) for n in range(5)])
    backlog.end([])
    assert backlog.wait(10)
    assert ran == [2, 3, 4]
    logged = [r.getMessage() for r in caplog.records if r.name == "interventie_advies.web._after"]
    assert logged == ["work after the answer not done: more than 3 waiting"] * 2


def test_the_app_waits_for_its_backlog_when_it_stops(app: FastAPI) -> None:
    backlog = app.state.backlog
    done = threading.Event()

    def slow() -> None:
        time.sleep(0.3)
        done.set()

    async def run_app() -> None:
        async with app.router.lifespan_context(app):
            backlog.begin()
            backlog.end([slow])
        assert done.is_set()  # the lifespan ended only after the job

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, run_app()).result()


def test_a_job_waits_for_a_quiet_moment_after_the_last_request() -> None:
    backlog = _after.Backlog(patience=30, quiet=0.3)
    done = threading.Event()
    backlog.begin()
    answered = time.monotonic()
    backlog.end([done.set])  # nothing served from here on, but the rest of a burst may come
    assert not done.wait(0.1)
    assert done.wait(10)
    assert time.monotonic() - answered >= 0.3
