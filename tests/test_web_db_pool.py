"""The web application's database connections: how many a process keeps (issue 15)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sqlalchemy import text
from sqlalchemy.pool import QueuePool

from interventie_advies.web._db import POOL_SIZE, make_engine

if TYPE_CHECKING:
    from pathlib import Path


def test_a_server_database_keeps_its_connections_up_to_the_same_ceiling() -> None:
    # NOTE: no connection is made: the engine only describes its pool
    engine = make_engine("postgresql+psycopg://advies@127.0.0.1:1/advies")
    pool = engine.pool
    assert isinstance(pool, QueuePool)
    assert pool.size() == POOL_SIZE == 15
    # SQLAlchemy's default ceiling (5 kept + 10 for a burst) stays the most at once
    assert pool._max_overflow == 0


@pytest.mark.parametrize("url", ["sqlite:///{folder}/advies.db", "sqlite+pysqlite:///{folder}/a.db"])
def test_sqlite_keeps_its_pragmas_and_the_default_pool(tmp_path: Path, url: str) -> None:
    engine = make_engine(url.format(folder=tmp_path))
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert engine.pool.size() == 5
