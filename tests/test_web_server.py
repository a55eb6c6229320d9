"""The web application as users run it: ``advies serve`` in its own process, over HTTP.

A real server on 127.0.0.1 with a free port, on each database it runs on: a temporary
data folder (a real SQLite file), and a PostgreSQL database (a throw-away cluster,
tests/pg_cluster.py; skipped with the reason where there is no PostgreSQL, never in CI);
users and tokens made with ``advies users add`` and ``advies tokens create``; every call
of the JSON API (docs/web.md) with httpx, including the refusals.
"""

from __future__ import annotations

import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest
import tomli
from click.testing import CliRunner

import interventie_advies
from interventie_advies.cli import cli

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
OPERA = (EXAMPLES / "buurtopera.toml").read_text(encoding="utf-8")
SKETCH = (EXAMPLES / "schets.toml").read_text(encoding="utf-8")


@dataclass
class Database:
    """Where a server keeps its data: SQLite in ``data``, or the PostgreSQL at ``url``."""

    data: Path
    url: str | None = None

    @property
    def kind(self) -> str:
        return "sqlite" if self.url is None else "postgresql"

    @property
    def args(self) -> list[str]:
        """How the commands name this database."""
        return ["--data", str(self.data)] if self.url is None else ["--database", self.url]

    def rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        """The rows of ``sql`` (``%s`` for a parameter) read straight from the database."""
        if self.url is not None:
            from pg_cluster import rows

            return rows(self.url, sql, *params)
        db = sqlite3.connect(self.data / "advies.sqlite3")
        try:
            return db.execute(sql.replace("%s", "?"), params).fetchall()
        finally:
            db.close()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def new_database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[[Path], Database]]:
    """The switch: every test that uses it runs on SQLite and again on PostgreSQL."""
    if request.param == "sqlite":
        yield Database
        return
    cluster = request.getfixturevalue("postgres_cluster")
    made: list[str] = []

    def make(data: Path) -> Database:
        made.append(cluster.new_database())
        return Database(data, made[-1])

    yield make
    for url in made:
        cluster.drop_database(url)


@dataclass
class Server:
    url: str
    db: Database
    out: Path
    process: subprocess.Popen[bytes]

    @property
    def data(self) -> Path:
        return self.db.data

    def client(self, token: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=60)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _advies(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def start_server(db: Database | Path, *options: str) -> Server:
    db = db if isinstance(db, Database) else Database(db)
    port = _free_port()
    out = db.data / f"server-{port}.out"
    env = {**os.environ, "ADVIES_LANG": "en"}
    with out.open("wb") as sink:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "interventie_advies",
                "serve",
                "--port",
                str(port),
                *db.args,
                *options,
            ],
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=env,
        )
    server = Server(f"http://127.0.0.1:{port}", db, out, process)
    deadline = time.monotonic() + 60  # a deadline for start-up, not a measured timing
    while True:
        assert process.poll() is None, out.read_text()
        try:
            if httpx.get(f"{server.url}/healthz", timeout=5).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, out.read_text()
        time.sleep(0.1)


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=30)
    except subprocess.TimeoutExpired:  # pragma: no cover - a stuck server
        server.process.kill()
        server.process.wait()


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, new_database: Callable[[Path], Database]
) -> Iterator[Server]:
    # NOTE: two worker processes, so every call below also shows that no state kept in one
    # process is needed by the other (the two share only the database)
    found = start_server(new_database(tmp_path_factory.mktemp("data")), "--workers", "2")
    yield found
    stop_server(found)


@dataclass
class People:
    ann: str
    bob: str
    carol: str  # an administrator
    dave: str  # a funder, once carol makes him one


@pytest.fixture(scope="module")
def people(server: Server) -> People:
    tokens = []
    for email in ("ann@example.org", "bob@example.org", "carol@example.org", "dave@example.org"):
        role = "admin" if email.startswith("carol") else "user"
        _advies("users", "add", email, "--role", role, *server.db.args)
        tokens.append(_advies("tokens", "create", email, *server.db.args).strip())
    return People(*tokens)


def test_healthz(server: Server) -> None:
    answer = httpx.get(f"{server.url}/healthz")
    assert answer.status_code == 200
    assert answer.json() == {
        "status": "ok",
        "database": "ok",
        "version": interventie_advies.__version__,
    }


def test_the_start_shows_the_data_folder_and_the_address(server: Server) -> None:
    out = server.out.read_text()
    if server.db.url is None:
        assert f"Data in: {server.data.resolve()}" in out
    else:
        assert f"Database: {server.db.url}\n" in out
        assert "Data in" not in out
    assert f"Address: {server.url}" in out


def test_a_token_is_a_long_random_string_kept_only_as_its_hash(
    server: Server, people: People
) -> None:
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", people.ann)
    stored = [row[0] for row in server.db.rows("SELECT token_hash FROM api_tokens")]
    assert len(stored) == 4
    assert people.ann not in stored
    assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in stored)


@pytest.mark.parametrize("token", [None, "not-a-token"])
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/api/v1/advise"),
        ("GET", "/api/v1/projects"),
        ("POST", "/api/v1/projects"),
        ("GET", "/api/v1/projects/1"),
        ("PUT", "/api/v1/projects/1"),
        ("GET", "/api/v1/projects/1/versions"),
        ("GET", "/api/v1/projects/1/versions/1"),
        ("GET", "/api/v1/projects/1/report"),
        ("POST", "/api/v1/projects/1/members"),
    ],
)
def test_401_without_a_valid_token(
    server: Server, people: People, token: str | None, method: str, path: str
) -> None:
    with server.client(token) as client:
        answer = client.request(method, path, json={"toml": SKETCH, "base_version": 1})
    assert answer.status_code == 401
    assert answer.json() == {"errors": [{"path": "", "message": "a valid API token is needed"}]}


@pytest.mark.parametrize("token", [None, "not-a-token"])
@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/api/v1/advise", {"toml": 5}),
        ("PUT", "/api/v1/projects/x", {"toml": SKETCH, "base_version": 1}),
        ("PUT", "/api/v1/projects/1", {"toml": SKETCH}),
        ("GET", "/api/v1/programmes/x/portfolio", None),
    ],
)
def test_401_comes_before_what_is_wrong_with_the_request(
    server: Server, people: People, token: str | None, method: str, path: str, body: Any
) -> None:
    with server.client(token) as client:
        answer = client.request(method, path, json=body)
    assert answer.status_code == 401
    assert answer.json() == {"errors": [{"path": "", "message": "a valid API token is needed"}]}
    with server.client(people.ann) as client:  # a known caller learns what is wrong
        assert client.request(method, path, json=body).status_code == 400


def _cli_json(path: Path, *args: str) -> dict[str, object]:
    report = json.loads(_advies("run", str(path), "--format", "json", *args))
    assert isinstance(report, dict)
    return report


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_advise_equals_the_cli_json(server: Server, people: People, lang: str) -> None:
    with server.client(people.ann) as client:
        answer = client.post(
            "/api/v1/advise", json={"toml": OPERA}, params={"lang": lang, "date": "2026-11-01"}
        )
    assert answer.status_code == 200
    expected = _cli_json(EXAMPLES / "buurtopera.toml", "--lang", lang, "--date", "2026-11-01")
    expected["project"]["file"] = None  # type: ignore[index]  # the API has no file name
    assert answer.json() == expected


def test_a_project_round_trip_and_its_versions(server: Server, people: People) -> None:
    with server.client(people.ann) as client:
        made = client.post("/api/v1/projects", json={"toml": OPERA, "comment": "eerste"})
        assert made.status_code == 201
        pid = made.json()["id"]
        assert made.json() == {"id": pid, "version": 1}
        got = client.get(f"/api/v1/projects/{pid}").json()
        assert got["toml"].encode() == OPERA.encode()  # byte-identical
        assert {k: got[k] for k in ("id", "name", "version", "programme")} == {
            "id": pid,
            "name": "Buurtopera Kastanjehof",
            "version": 1,
            "programme": None,
        }
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", got["updated"])

        changed = OPERA.replace('phase = "execution"', 'phase = "closing"')
        assert changed != OPERA
        saved = client.put(
            f"/api/v1/projects/{pid}",
            json={"toml": changed, "base_version": 1, "comment": "afronding"},
        )
        assert (saved.status_code, saved.json()) == (200, {"version": 2})

        stale = client.put(f"/api/v1/projects/{pid}", json={"toml": OPERA, "base_version": 1})
        assert stale.status_code == 409
        assert stale.json()["errors"][0]["message"].startswith(
            "the project has since been saved as version 2"
        )
        assert client.get(f"/api/v1/projects/{pid}").json()["toml"] == changed  # not lost

        history = client.get(f"/api/v1/projects/{pid}/versions").json()
        assert [(v["version"], v["author"], v["comment"]) for v in history] == [
            (2, "ann@example.org", "afronding"),
            (1, "ann@example.org", "eerste"),
        ]
        first = client.get(f"/api/v1/projects/{pid}/versions/1").json()
        assert (first["version"], first["toml"]) == (1, OPERA)
        assert client.get(f"/api/v1/projects/{pid}/versions/3").status_code == 404

        listed = [p for p in client.get("/api/v1/projects").json() if p["id"] == pid]
        assert [(p["name"], p["phase"], p["version"]) for p in listed] == [
            ("Buurtopera Kastanjehof", "closing", 2)
        ]

        report = client.get(
            f"/api/v1/projects/{pid}/report", params={"lang": "en", "date": "2026-11-01"}
        )
        advised = client.post(
            "/api/v1/advise", json={"toml": changed}, params={"lang": "en", "date": "2026-11-01"}
        )
        assert report.status_code == 200
        assert report.content == advised.content
        assert report.json()["project"]["phase"] == "closing"


def test_a_project_given_as_json_is_stored_as_toml(server: Server, people: People) -> None:
    data = tomli.loads(OPERA)
    as_json = json.loads(json.dumps(data, default=str))  # dates as "YYYY-MM-DD"
    with server.client(people.ann) as client:
        made = client.post("/api/v1/projects", json={"project": as_json})
        assert made.status_code == 201
        text = client.get(f"/api/v1/projects/{made.json()['id']}").json()["toml"]
    assert tomli.loads(text) == data  # dates are TOML dates again


def test_another_users_project_is_404_like_one_that_does_not_exist(
    server: Server, people: People
) -> None:
    with server.client(people.ann) as ann, server.client(people.bob) as bob:
        pid = ann.post("/api/v1/projects", json={"toml": SKETCH}).json()["id"]
        assert pid not in [p["id"] for p in bob.get("/api/v1/projects").json()]
        for project in (pid, 99999):
            calls = [
                bob.get(f"/api/v1/projects/{project}"),
                bob.put(f"/api/v1/projects/{project}", json={"toml": SKETCH, "base_version": 1}),
                bob.get(f"/api/v1/projects/{project}/versions"),
                bob.get(f"/api/v1/projects/{project}/versions/1"),
                bob.get(f"/api/v1/projects/{project}/report"),
                bob.post(
                    f"/api/v1/projects/{project}/members",
                    json={"email": "bob@example.org", "role": "editor"},
                ),
            ]
            assert [c.status_code for c in calls] == [404] * 6
            assert {c.text for c in calls} == {
                '{"errors":[{"path":"","message":"there is no such project"}]}'
            }
        assert ann.get(f"/api/v1/projects/{pid}/versions").json()[0]["version"] == 1  # unchanged


def test_members_editors_only(server: Server, people: People) -> None:
    with server.client(people.ann) as ann, server.client(people.bob) as bob:
        pid = ann.post("/api/v1/projects", json={"toml": SKETCH}).json()["id"]
        added = ann.post(
            f"/api/v1/projects/{pid}/members", json={"email": "bob@example.org", "role": "viewer"}
        )
        assert added.status_code == 201
        assert bob.get(f"/api/v1/projects/{pid}").json()["toml"] == SKETCH
        refused = [
            bob.put(f"/api/v1/projects/{pid}", json={"toml": SKETCH, "base_version": 1}),
            bob.post(
                f"/api/v1/projects/{pid}/members",
                json={"email": "bob@example.org", "role": "editor"},
            ),
        ]
        assert [r.status_code for r in refused] == [403, 403]
        assert (
            ann.post(
                f"/api/v1/projects/{pid}/members",
                json={"email": "nobody@example.org", "role": "viewer"},
            ).status_code
            == 404
        )
        promoted = ann.post(
            f"/api/v1/projects/{pid}/members", json={"email": "bob@example.org", "role": "editor"}
        )
        assert promoted.status_code == 201
        saved = bob.put(f"/api/v1/projects/{pid}", json={"toml": SKETCH, "base_version": 1})
        assert saved.json() == {"version": 2}


def test_413_above_1_mib(server: Server, people: People) -> None:
    body = b'{"toml": "' + b"#" * (1024 * 1024) + b'"}'
    assert len(body) > 1024 * 1024
    with server.client(people.ann) as client:
        answer = client.post(
            "/api/v1/projects", content=body, headers={"Content-Type": "application/json"}
        )
        assert answer.status_code == 413
        assert answer.json() == {
            "errors": [{"path": "", "message": "the request is larger than 1 MiB"}]
        }
        # the same limit for a body sent in chunks, without a Content-Length
        chunked = client.post(
            "/api/v1/advise",
            content=iter([body[:600_000], body[600_000:]]),
            headers={"Content-Type": "application/json"},
        )
        assert chunked.status_code == 413


def test_413_reaches_a_client_that_sends_the_whole_body_first(
    server: Server, people: People
) -> None:
    """A refused body is read and dropped before the answer, so closing cannot reset it.

    NOTE: a client such as httpx (or a browser posting a form) sends the whole body
    before it reads the answer; a server that closes with unread bytes in its socket
    makes the kernel send a reset, and the client then sees "connection reset" instead
    of the 413 (it happened now and then in CI with 2 MiB).
    """
    for size in (2, 8, 24):
        body = b"#" * (size * 1024 * 1024)
        for _ in range(5):
            with server.client(people.ann) as client:
                answer = client.post(
                    "/api/v1/projects", content=body, headers={"Content-Type": "application/json"}
                )
            assert (size, answer.status_code) == (size, 413)


def test_413_at_once_to_a_client_that_waits_to_send(server: Server) -> None:
    """``Expect: 100-continue``: the 413 comes before any of the body, not a 100 Continue."""
    host, port = server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as raw:
        raw.sendall(
            b"POST /api/v1/advise HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 52428800\r\nExpect: 100-Continue\r\n\r\n"
        )
        answer = b""
        while b"\r\n\r\n" not in answer:
            answer += raw.recv(4096)
    assert answer.startswith(b"HTTP/1.1 413 ")


def test_422_lists_the_loaders_problems_with_their_paths(
    server: Server, people: People, tmp_path: Path
) -> None:
    wrong = OPERA.replace('domain = "social"', 'domain = "sociaalish"', 1).replace(
        'phase = "execution"', 'phase = "later"'
    )
    path = tmp_path / "wrong.toml"
    path.write_text(wrong, encoding="utf-8")
    checked = CliRunner().invoke(cli, ["check", str(path)], env={"ADVIES_LANG": "en"})
    assert checked.exit_code == 2
    with server.client(people.ann) as client:
        answers = [
            client.post("/api/v1/projects", json={"toml": wrong}),
            client.post("/api/v1/advise", json={"toml": wrong}),
        ]
    for answer in answers:
        assert answer.status_code == 422
        errors = answer.json()["errors"]
        assert [e["path"] for e in errors] == ["project.phase", "partners[1].domain"]
        for error in errors:  # the CLI's own message for each
            assert error["message"] in checked.output


def test_400_for_a_body_that_is_not_a_project(server: Server, people: People) -> None:
    with server.client(people.ann) as client:
        neither = client.post("/api/v1/projects", json={})
        assert neither.status_code == 400
        assert neither.json()["errors"][0]["message"] == (
            'give the project as "toml" or as "project", not both or neither'
        )
        assert client.post("/api/v1/projects", content=b"{").status_code == 400


def test_openapi(server: Server) -> None:
    described = httpx.get(f"{server.url}/api/v1/openapi.json").json()
    assert {
        "/api/v1/advise",
        "/api/v1/projects",
        "/api/v1/projects/{project_id}",
        "/api/v1/projects/{project_id}/versions",
        "/api/v1/projects/{project_id}/versions/{number}",
        "/api/v1/projects/{project_id}/report",
        "/api/v1/projects/{project_id}/members",
    } <= set(described["paths"])


def test_db_backup_while_running_gives_a_readable_copy(
    server: Server, people: People, tmp_path: Path
) -> None:
    with server.client(people.ann) as client:
        pid = client.post("/api/v1/projects", json={"toml": SKETCH}).json()["id"]
    copy = tmp_path / "backup.sqlite3"
    if server.db.url is not None:
        _the_backup_of_postgresql_is_pg_dumps(server.db.url, copy, pid)
        return
    _advies("db", "backup", str(copy), "--data", str(server.data))
    db = sqlite3.connect(copy)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    stored = db.execute("SELECT toml FROM versions WHERE project_id = ?", (pid,)).fetchall()
    db.close()
    assert stored == [(SKETCH,)]
    again = CliRunner().invoke(cli, ["db", "backup", str(copy), "--data", str(server.data)])
    assert again.exit_code == 2  # an existing file is never overwritten


def _the_backup_of_postgresql_is_pg_dumps(url: str, copy: Path, pid: int) -> None:
    refused = CliRunner().invoke(
        cli, ["db", "backup", str(copy), "--database", url], env={"ADVIES_LANG": "en"}
    )
    assert (refused.exit_code, refused.output) == (
        2,
        "error: advies db backup only copies SQLite; for PostgreSQL use pg_dump\n",
    )
    assert not copy.exists()
    # the command docs/web.md gives, while the server runs
    from pg_cluster import pg_dump, plain_url

    dump = pg_dump()
    if dump is None:
        return  # a server given by ADVIES_TEST_POSTGRES, without its tools here
    done = subprocess.run(
        [str(dump), "--format=custom", "--file", str(copy), "--dbname", plain_url(url)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    listed = subprocess.run(
        [str(dump.parent / "pg_restore"), "--list", str(copy)], capture_output=True, text=True
    )
    assert "TABLE DATA public versions" in listed.stdout
    plain = subprocess.run(
        [str(dump), "--data-only", "--table=versions", "--dbname", plain_url(url)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert f"{pid}\t1\t" in plain.stdout  # the project's first version is in it


def test_the_first_administrator_link_works_once(
    tmp_path: Path, new_database: Callable[[Path], Database]
) -> None:
    found = start_server(new_database(tmp_path))
    try:
        link = re.search(r"http://\S+/-/start\?token=([A-Za-z0-9_-]{43})", found.out.read_text())
        assert link is not None
        with found.client() as client:
            form = client.get(link.group(0))
            assert form.status_code == 200
            assert '<form method="post" action="/-/start">' in form.text
            fields = {"token": link.group(1), "email": "admin@example.org"}
            short = client.post("/-/start", data={**fields, "password": "kort"})
            assert short.status_code == 422
            assert 'value="admin@example.org"' in short.text  # what was typed stays
            made = client.post("/-/start", data={**fields, "password": "een lang wachtwoord"})
            assert made.status_code == 201
            assert client.get(link.group(0)).status_code == 404  # single use
            again = client.post("/-/start", data={**fields, "password": "een lang wachtwoord"})
            assert again.status_code == 404
        users = found.db.rows("SELECT email, role, password_hash FROM users")
        assert [(e, r) for e, r, _ in users] == [("admin@example.org", "admin")]
        assert users[0][2].startswith("$argon2id$")
    finally:
        stop_server(found)


def test_of_many_saves_on_the_same_version_one_wins_and_the_others_are_told(
    server: Server, people: People
) -> None:
    with server.client(people.ann) as client:
        pid = client.post("/api/v1/projects", json={"toml": SKETCH}).json()["id"]

    def save(n: int) -> int:
        text = SKETCH + f"\n# save {n}\n"
        with server.client(people.ann) as own:
            answer = own.put(f"/api/v1/projects/{pid}", json={"toml": text, "base_version": 1})
        return answer.status_code

    with ThreadPoolExecutor(8) as pool:
        codes = sorted(pool.map(save, range(8)))
    assert codes == [200] + [409] * 7
    with server.client(people.ann) as client:
        versions = client.get(f"/api/v1/projects/{pid}/versions").json()
    assert [v["version"] for v in versions] == [2, 1]


def test_errors_in_the_language_asked_for(server: Server, people: People) -> None:
    wrong = SKETCH.replace('phase = "idea"', 'phase = "later"')
    assert wrong != SKETCH
    with server.client(people.ann) as client:
        dutch = client.post("/api/v1/advise", params={"lang": "nl"}, json={"toml": wrong})
        header = client.post(
            "/api/v1/advise", headers={"Accept-Language": "nl-NL,nl;q=0.9"}, json={"toml": wrong}
        )
        english = client.post("/api/v1/advise", json={"toml": wrong})
    nl_message = dutch.json()["errors"][0]["message"]
    assert nl_message.startswith("'later' (tekst) is niet toegestaan")
    assert header.json() == dutch.json()
    assert english.json()["errors"][0]["message"].startswith("'later' (text) is not allowed")
    with server.client() as anonymous:
        refused = anonymous.get("/api/v1/projects", params={"lang": "nl"})
    assert refused.json() == {"errors": [{"path": "", "message": "een geldig API-token is nodig"}]}


def test_422_for_a_project_given_as_json(server: Server, people: People) -> None:
    with server.client(people.ann) as client:
        wrong = client.post(
            "/api/v1/projects",
            json={"project": {"format": 1, "project": {"name": "x", "phase": "later"}}},
        )
        empty_name = client.post(
            "/api/v1/advise", json={"project": {"format": 1, "project": {"name": ""}}}
        )
    assert wrong.status_code == 422
    assert [e["path"] for e in wrong.json()["errors"]] == ["project.phase"]
    assert empty_name.status_code == 422
    assert [e["path"] for e in empty_name.json()["errors"]] == ["project.name"]


def test_programmes_funders_and_the_portfolio(server: Server, people: People) -> None:
    with (
        server.client(people.ann) as ann,
        server.client(people.bob) as bob,
        server.client(people.carol) as carol,
        server.client(people.dave) as dave,
    ):
        assert ann.post("/api/v1/programmes", json={"name": "Buurtbudget"}).status_code == 403
        made = carol.post("/api/v1/programmes", json={"name": "Buurtbudget"})
        assert made.status_code == 201
        programme = made.json()["id"]
        assert made.json() == {"id": programme}
        funders = f"/api/v1/programmes/{programme}/funders"
        assert ann.post(funders, json={"email": "dave@example.org"}).status_code == 403
        assert carol.post(funders, json={"email": "nobody@example.org"}).status_code == 404
        missing = "/api/v1/programmes/99999/funders"
        assert carol.post(missing, json={"email": "dave@example.org"}).status_code == 404
        assert carol.post(funders, json={"email": "dave@example.org"}).status_code == 201

        wrong = ann.post("/api/v1/projects", json={"toml": OPERA, "programme": 99999})
        assert wrong.status_code == 404
        submitted = ann.post("/api/v1/projects", json={"toml": OPERA, "programme": programme})
        pid = submitted.json()["id"]
        own = ann.post("/api/v1/projects", json={"toml": SKETCH}).json()["id"]

        # the funder reads every project of the programme, and only those; writes none
        assert [p["id"] for p in dave.get("/api/v1/projects").json()] == [pid]
        assert dave.get(f"/api/v1/projects/{pid}").json()["programme"] == programme
        assert dave.get(f"/api/v1/projects/{pid}/versions").status_code == 200
        assert dave.get(f"/api/v1/projects/{pid}/report").status_code == 200
        assert dave.get(f"/api/v1/projects/{own}").status_code == 404
        saved = dave.put(f"/api/v1/projects/{pid}", json={"toml": OPERA, "base_version": 1})
        assert saved.status_code == 403
        member = {"email": "dave@example.org", "role": "editor"}
        assert dave.post(f"/api/v1/projects/{pid}/members", json=member).status_code == 403

        portfolio = f"/api/v1/programmes/{programme}/portfolio"
        asked = {"lang": "en", "date": "2026-11-01"}
        assert bob.get(portfolio, params=asked).status_code == 404  # neither funder nor admin
        assert bob.get(f"/api/v1/projects/{pid}").status_code == 404
        answer = dave.get(portfolio, params=asked)
        assert answer.status_code == 200
        assert carol.get(portfolio, params=asked).content == answer.content
    expected = json.loads(
        _advies(
            "portfolio",
            str(EXAMPLES / "buurtopera.toml"),
            "--format",
            "json",
            "--lang",
            "en",
            "--date",
            "2026-11-01",
        )
    )
    for row in expected["projects"]:
        row["file"] = f"/api/v1/projects/{pid}"  # a project in the web has no file
    assert answer.json() == expected


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            b'{"toml": "format = 1\\n[project]\\nname = \\"a\\"\\n# \\ud800\\n"}',
            "line 4 holds a character that cannot be UTF-8 (U+D800)",
        ),
        (
            b'{"project": {"format": 1, "project": {"name": "a"}, "extensions": '
            b'{"x": {"y": [1, null]}}}}',
            "null has no TOML form: leave the key out",
        ),
    ],
)
def test_a_text_that_cannot_be_stored_is_422_not_500(
    server: Server, people: People, body: bytes, message: str
) -> None:
    with server.client(people.ann) as client:
        answer = client.post(
            "/api/v1/projects", content=body, headers={"Content-Type": "application/json"}
        )
    assert (answer.status_code, answer.json()) == (
        422,
        {"errors": [{"path": "", "message": message}]},
    )


def test_a_second_server_on_the_same_port_says_so(server: Server, tmp_path: Path) -> None:
    port = server.url.rsplit(":", 1)[1]
    result = CliRunner().invoke(
        cli, ["serve", "--port", port, "--data", str(tmp_path)], env={"ADVIES_LANG": "en"}
    )
    assert result.exit_code == 2
    assert result.output == (
        f"error: cannot listen on 127.0.0.1:{port} (Address already in use); "
        "choose another port with --port\n"
    )
    assert not (tmp_path / "advies.sqlite3").exists()  # nothing made, no link printed


def test_no_names_or_project_text_in_the_server_output(server: Server) -> None:
    """Run last in this module: the server has seen every call above."""
    out = server.out.read_text()
    for secret in ("ann@example.org", "bob@example.org", "Buurtopera", "Rivierenbuurt"):
        assert secret not in out
    assert "Traceback" not in out


def test_numbers_beyond_the_databases_integers_are_no_500(server: Server, people: People) -> None:
    """PostgreSQL's integer stops at 2**31 - 1 where SQLite's goes on: the same answers."""
    huge = 2**31
    with server.client(people.ann) as ann, server.client(people.carol) as carol:
        pid = ann.post("/api/v1/projects", json={"toml": SKETCH}).json()["id"]
        calls = [
            ann.get(f"/api/v1/projects/{huge}"),
            ann.get(f"/api/v1/projects/{2**70}/versions"),
            ann.get(f"/api/v1/projects/{pid}/versions/{huge}"),
            ann.post("/api/v1/projects", json={"toml": SKETCH, "programme": huge}),
            carol.post(f"/api/v1/programmes/{huge}/funders", json={"email": "dave@example.org"}),
            carol.get(f"/api/v1/programmes/{huge}/portfolio"),
        ]
        stale = ann.put(f"/api/v1/projects/{pid}", json={"toml": SKETCH, "base_version": huge})
        versions = ann.get(f"/api/v1/projects/{pid}/versions").json()
    assert [c.status_code for c in calls] == [404] * 6
    assert stale.status_code == 409
    assert [v["version"] for v in versions] == [1]


def test_a_nul_character_is_refused_alike_on_every_database(server: Server, people: People) -> None:
    """PostgreSQL's text cannot hold U+0000 where SQLite's can: 422 on both, not a 500."""
    message = "the character U+0000 cannot be stored; leave it out"
    named = {"format": 1, "project": {"name": "a\u0000b"}}
    with server.client(people.ann) as client:
        pid = client.post("/api/v1/projects", json={"toml": SKETCH}).json()["id"]
        answers = [
            client.post("/api/v1/projects", json={"project": named}),
            client.post("/api/v1/projects", json={"toml": SKETCH, "comment": "x\u0000"}),
            client.put(f"/api/v1/projects/{pid}", json={"project": named, "base_version": 1}),
            client.put(
                f"/api/v1/projects/{pid}",
                json={"toml": SKETCH, "base_version": 1, "comment": "\u0000"},
            ),
        ]
        advised = client.post("/api/v1/advise", json={"project": named})  # nothing stored
        versions = client.get(f"/api/v1/projects/{pid}/versions").json()
    assert [(a.status_code, a.json()["errors"]) for a in answers] == [
        (422, [{"path": path, "message": message}])
        for path in ("project.name", "comment", "project.name", "comment")
    ]
    assert advised.status_code == 200
    assert [v["version"] for v in versions] == [1]
