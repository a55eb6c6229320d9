"""The app factory: FastAPI with the JSON API, ``/healthz`` and the browser pages.

``advies serve`` starts uvicorn with :func:`app_from_env` as factory, so that each worker
process builds its own app from the environment (``ADVIES_DATABASE_URL``,
``ADVIES_BASE_URL``): no state lives in one process that another needs.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import select

from .._collector import settle_server
from .._version import version
from ..engine._engine import Engine
from . import (
    _account,
    _after,
    _api,
    _invites,
    _members,
    _pages,
    _pages_advice,
    _pages_form,
    _pages_new,
    _pages_programmes,
    _pages_projects,
    _privacy,
    _programmes,
    _refresh,
    _start,
    _threads,
)
from ._calls import refused
from ._db import make_engine, sessions
from ._errors import install
from ._internal import InternalErrors
from ._language import ErrorLanguage
from ._limit import BodyLimit

__all__ = ["app_from_env", "create_app"]

#: the environment variables ``advies serve`` passes to its workers
DATABASE_ENV = "ADVIES_DATABASE_URL"
BASE_URL_ENV = "ADVIES_BASE_URL"


def create_app(
    database_url: str, base_url: str = "http://127.0.0.1:8000", *, threads: int | None = None
) -> FastAPI:
    """The application on the database at ``database_url`` (already migrated).

    ``threads``: at most so many requests worked on at once in the event loop that runs
    the app (``_threads``); ``None`` leaves the loop's limit as it is, for an app served
    beside others.
    """
    app = FastAPI(
        title="interventie-advies",
        version=version(),
        openapi_url="/api/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    db = make_engine(database_url)
    app.state.db = db
    app.state.sessions = sessions(db)
    # NOTE: one advice engine per process: it builds the rule catalogue once and is safe
    # to share between the threads that serve requests
    app.state.engine = Engine()
    app.state.base_url = base_url
    install(app, refused)
    app.include_router(_api.router)
    app.include_router(_programmes.router)
    app.include_router(_start.router)
    app.include_router(_pages.router)
    app.include_router(_pages_new.router)  # NOTE: before /projects/{id}: /projects/new
    app.include_router(_pages_form.router)
    app.include_router(_pages_projects.router)
    app.include_router(_pages_advice.router)
    # NOTE: htmx, served by the app itself (never a CDN); pages work without it
    app.mount("/static", StaticFiles(directory=Path(__file__).with_name("static")), name="static")
    for people in (_members, _invites, _account, _privacy):
        app.include_router(people.router)
    app.include_router(_pages_programmes.router)
    _pages.install(app)
    _refresh.install(app)
    if threads is not None:
        _threads.install(app, threads)

    @app.get("/healthz", tags=["health"])
    def healthz(request: Request) -> Any:
        """Whether the server and its database answer (no sign-in)."""
        try:
            with request.app.state.db.connect() as connection:
                connection.execute(select(1))
        except Exception:  # the database is down: say so, do not fail
            return JSONResponse(
                {"status": "error", "database": "error", "version": version()}, status_code=503
            )
        return {"status": "ok", "database": "ok", "version": version()}

    # NOTE: the last added is the outermost; InternalErrors sits inside them both, and
    # AfterAnswer (``_after``) inside it: its jobs report their own failures
    _after.install(app)
    app.add_middleware(InternalErrors)
    app.add_middleware(BodyLimit)
    app.add_middleware(ErrorLanguage)  # the outermost: the 413 is in it too
    return app


def app_from_env() -> FastAPI:
    """The app for ``advies serve``'s workers, from the environment."""
    threads = int(os.environ.get(_threads.THREADS_ENV, _threads.THREADS))
    app = create_app(os.environ[DATABASE_ENV], os.environ.get(BASE_URL_ENV, ""), threads=threads)
    # NOTE: build the rule catalogue (plugins, rules; about 0.3 s) before the first
    # request, not during it: /healthz answers only once it is done
    _ = app.state.engine.setup
    settle_server()
    return app
