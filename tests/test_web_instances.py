"""Two ``advies serve`` instances on two ports against one PostgreSQL database.

As several machines behind a load balancer would run: they start together (the
migrations run once, under a lock), share nothing but the database, and every save made
through either is there, in order; a save based on a version the other instance has
since replaced gets 409 from it (issue 15, item 4).
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from conftest import head_revision
from test_web_server import SKETCH, Database, Server, _advies, start_server, stop_server

if TYPE_CHECKING:
    from collections.abc import Iterator




@pytest.fixture(scope="module")
def instances(
    postgres_cluster: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Server, Server]]:
    url = postgres_cluster.new_database()
    dbs = [Database(tmp_path_factory.mktemp(f"instance{n}"), url) for n in (1, 2)]
    started: list[Server] = []
    try:
        # both at once on the empty database: each migrates at start
        with ThreadPoolExecutor(2) as pool:
            for found in pool.map(start_server, dbs):
                started.append(found)
        yield started[0], started[1]
    finally:
        for found in started:
            stop_server(found)
        postgres_cluster.drop_database(url)


@pytest.fixture(scope="module")
def token(instances: tuple[Server, Server]) -> str:
    args = instances[0].db.args
    _advies("users", "add", "ann@example.org", *args)
    return _advies("tokens", "create", "ann@example.org", *args).strip()


def _text(n: int) -> str:
    return SKETCH + f"\n# save {n}\n"


def test_both_instances_started_on_one_schema(instances: tuple[Server, Server]) -> None:
    one = instances[0].db
    assert one.rows("SELECT version_num FROM alembic_version") == [(head_revision(),)]
    for found in instances:
        assert found.process.poll() is None
        assert "Traceback" not in found.out.read_text()


def test_saves_through_both_are_all_there(instances: tuple[Server, Server], token: str) -> None:
    a, b = instances
    with a.client(token) as first, b.client(token) as second:
        pid = first.post("/api/v1/projects", json={"toml": _text(1)}).json()["id"]
        for n in range(2, 12):  # alternately through the one and the other
            through = first if n % 2 else second
            saved = through.put(
                f"/api/v1/projects/{pid}", json={"toml": _text(n), "base_version": n - 1}
            )
            assert (saved.status_code, saved.json()) == (200, {"version": n})
        seen = [c.get(f"/api/v1/projects/{pid}/versions").json() for c in (first, second)]
        texts = [
            first.get(f"/api/v1/projects/{pid}/versions/{n}").json()["toml"] for n in range(1, 12)
        ]
    assert seen[0] == seen[1]
    assert [v["version"] for v in seen[0]] == list(range(11, 0, -1))
    assert texts == [_text(n) for n in range(1, 12)]
    stored = a.db.rows("SELECT number, toml FROM versions WHERE project_id = %s", pid)
    assert sorted(stored) == [(n, _text(n)) for n in range(1, 12)]


def test_a_stale_save_gets_409_from_the_other_instance(
    instances: tuple[Server, Server], token: str
) -> None:
    a, b = instances
    with a.client(token) as first, b.client(token) as second:
        pid = first.post("/api/v1/projects", json={"toml": _text(1)}).json()["id"]
        won = first.put(f"/api/v1/projects/{pid}", json={"toml": _text(2), "base_version": 1})
        stale = second.put(f"/api/v1/projects/{pid}", json={"toml": _text(3), "base_version": 1})
        latest = second.get(f"/api/v1/projects/{pid}").json()
    assert (won.status_code, won.json()) == (200, {"version": 2})
    assert stale.status_code == 409
    assert stale.json()["errors"][0]["message"].startswith(
        "the project has since been saved as version 2"
    )
    assert (latest["version"], latest["toml"]) == (2, _text(2))  # nothing lost


def test_saves_at_once_through_both_one_wins(instances: tuple[Server, Server], token: str) -> None:
    a, b = instances
    with a.client(token) as client:
        pid = client.post("/api/v1/projects", json={"toml": _text(0)}).json()["id"]

    def save(n: int) -> int:
        with (a if n % 2 else b).client(token) as own:
            answer = own.put(f"/api/v1/projects/{pid}", json={"toml": _text(n), "base_version": 1})
        return answer.status_code

    with ThreadPoolExecutor(8) as pool:
        codes = sorted(pool.map(save, range(8)))
    assert codes == [200] + [409] * 7
    assert a.db.rows("SELECT count(*) FROM versions WHERE project_id = %s", pid) == [(2,)]


def test_the_instances_share_no_data_folder(instances: tuple[Server, Server]) -> None:
    data: list[Path] = [found.data for found in instances]
    assert data[0] != data[1]
    assert not any((folder / "advies.sqlite3").exists() for folder in data)


def test_migrations_started_at_once_run_once(postgres_cluster: Any) -> None:
    """Instances started together each migrate at start: a lock lets one do it."""
    url = postgres_cluster.new_database()
    env = {**os.environ, "ADVIES_LANG": "en"}
    command = [sys.executable, "-m", "interventie_advies", "db", "upgrade", "--database", url]
    try:
        running = [
            subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
            for _ in range(4)
        ]
        outputs = [p.communicate(timeout=120)[0].decode() for p in running]
        assert [p.returncode for p in running] == [0] * 4, outputs
        assert outputs == ["The database is up to date.\n"] * 4
        versions = Database(Path(), url).rows("SELECT version_num FROM alembic_version")
        assert versions == [(head_revision(),)]
    finally:
        postgres_cluster.drop_database(url)
