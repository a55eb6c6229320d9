"""The summaries kept up to date: the app's engine for every save, and a background thread.

Every database session of the app carries the advice engine (``Session.info``), so that
``_store``'s saves keep their summary (``_summaries.record``), made after the answer once
the save has committed (``_after``). A thread, started with the
app and stopped with it, makes again the summaries that are stale (other rules), missing
(saved before this table existed) or past their days, in batches, at start and then every
``ADVIES_SUMMARY_SECONDS`` seconds (default 300; ``0``: no thread). Every worker and
instance runs one: the writes are idempotent upserts, so two that refresh the same
summary at once both write the same thing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import logging
import os
import threading
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, select

from . import _summaries
from ._db import ProjectRow, Version
from ._summaries import Summary

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from fastapi import FastAPI
    from sqlalchemy.orm import Session, sessionmaker

    from ..engine._engine import Engine

__all__ = ["INTERVAL_ENV", "Refresher", "install", "refresh"]

#: the environment variable with the seconds between two rounds (0: no background thread)
INTERVAL_ENV = "ADVIES_SUMMARY_SECONDS"
#: summaries made per transaction
BATCH = 50

_log = logging.getLogger(__name__)


class Refresher:
    """A daemon thread that refreshes summaries in batches until none is left, then waits."""

    def __init__(self, sessions: sessionmaker[Session], engine: Engine, interval: float) -> None:
        self.sessions = sessions
        self.engine = engine
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="advies-summaries", daemon=True)

    def start(self) -> None:
        """Start the thread."""
        self._thread.start()

    def stop(self) -> None:
        """Ask the thread to stop after its batch, and wait for it."""
        self._stop.set()
        self._thread.join(timeout=30)

    def round(self) -> int:
        """Refresh batch after batch until none is left (or asked to stop); how many."""
        done = 0
        while not self._stop.is_set():
            with self.sessions() as session:
                made = refresh(session, self.engine, limit=BATCH)
            done += made
            if made < BATCH:
                break
        return done

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.round()
            except Exception as exc:  # the database is away for a moment: try next round
                # NOTE: the type only; a database error's text can hold a project's text
                _log.warning("summaries not refreshed: %s", type(exc).__name__)
            self._stop.wait(self.interval)


def refresh(
    session: Session, engine: Engine, *, programme: int | None = None, limit: int = 50
) -> int:
    """Make again up to ``limit`` summaries that are stale, missing or past their days.

    :returns: how many were made (0: none left).
    """
    today = dt.date.today()
    query = (
        select(ProjectRow.id, ProjectRow.version, Version.toml)
        .join(
            Version,
            (Version.project_id == ProjectRow.id) & (Version.number == ProjectRow.version),
        )
        .outerjoin(
            Summary,
            (Summary.project_id == ProjectRow.id) & (Summary.version == ProjectRow.version),
        )
        .where(
            (Summary.id.is_(None))
            | (Summary.fingerprint != _summaries.fingerprint(engine))
            | (Summary.valid_until < today)
            | (Summary.evaluated_on > today)
        )
        .order_by(ProjectRow.id)
        .limit(limit)
    )
    if programme is not None:
        query = query.where(ProjectRow.programme == programme)
    found = session.execute(query).tuples().all()
    for project_id, version, text in found:
        _summaries.store(session, engine, project_id, version, text=text)
    session.commit()
    return len(found)


def install(app: FastAPI) -> None:
    """Give the app's sessions its engine, and run a :class:`Refresher` while it runs."""
    sessions = app.state.sessions
    sessions.configure(info={_summaries.ENGINE_KEY: app.state.engine})
    # NOTE: a save's summary is made after the answer, and only once its version is there
    event.listen(sessions, "after_commit", functools.partial(_summaries.committed, sessions))
    event.listen(sessions, "after_rollback", _summaries.forget)
    interval = float(os.environ.get(INTERVAL_ENV, "300") or 0)
    inner = app.router.lifespan_context

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[Any]:
        refresher = None
        if interval > 0:
            refresher = Refresher(app.state.sessions, app.state.engine, interval)
            refresher.start()
        try:
            async with inner(app) as state:
                yield state
        finally:
            if refresher is not None:
                refresher.stop()

    app.router.lifespan_context = lifespan
