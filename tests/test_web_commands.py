"""The web commands without a server: the extra stays out of the plain CLI.

And ``advies db``, ``users`` and ``tokens`` with their refusals (CliRunner).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import warnings
from typing import TYPE_CHECKING, Any

import pytest
from click.testing import CliRunner
from conftest import head_revision

from interventie_advies.cli import cli

if TYPE_CHECKING:
    from pathlib import Path



WEB_MODULES = ("fastapi", "starlette", "uvicorn", "sqlalchemy", "alembic", "argon2")


def _python(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_the_cli_and_the_api_do_not_import_the_web_extra() -> None:
    done = _python(
        "import sys, interventie_advies, interventie_advies.cli\n"
        f"print(sorted(m for m in {WEB_MODULES!r} if m in sys.modules))"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("missing", "args"),
    [
        ("sqlalchemy", ["db", "upgrade"]),
        ("fastapi", ["serve"]),
        ("argon2", ["users", "add", "a@example.org"]),
    ],
)
def test_without_the_extra_the_command_says_what_to_install(
    tmp_path: Path, missing: str, args: list[str]
) -> None:
    done = _python(
        f"import sys; sys.modules[{missing!r}] = None\n"
        "from interventie_advies.cli import main\n"
        f"sys.argv = ['advies', *{args!r}, '--data', {str(tmp_path)!r}]\n"
        "main()",
        {"ADVIES_LANG": "nl"},
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr == (
        f"fout: de webtoepassing heeft extra pakketten nodig ({missing} ontbreekt): "
        "installeer interventie-advies[web], "
        "bijvoorbeeld met pip install 'interventie-advies[web]'\n"
    )


def _run(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin, env={"ADVIES_LANG": "en"})
    return result.exit_code, result.output


def test_db_upgrade_makes_the_schema(tmp_path: Path) -> None:
    assert _run("db", "upgrade", "--data", str(tmp_path)) == (0, "The database is up to date.\n")
    db = sqlite3.connect(tmp_path / "advies.sqlite3")
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    version = db.execute("SELECT version_num FROM alembic_version").fetchall()
    mode = db.execute("PRAGMA journal_mode").fetchone()
    db.close()
    assert tables >= {
        *("users", "api_tokens", "projects", "versions", "members", "start_tokens"),
        *("programmes", "funders", "web_secrets", "login_failures"),
    }
    assert version == [(head_revision(),)]
    assert mode == ("wal",)
    assert _run("db", "upgrade", "--data", str(tmp_path))[0] == 0  # again: nothing to do


def test_users_add_with_a_password_from_stdin(tmp_path: Path) -> None:
    data = ["--data", str(tmp_path)]
    added = _run(
        "users",
        "add",
        "Ann@Example.org",
        "--role",
        "admin",
        "--password-stdin",
        *data,
        stdin="geheim wachtwoord\n",
    )
    assert added == (0, "User added: Ann@Example.org\n")
    db = sqlite3.connect(tmp_path / "advies.sqlite3")
    rows = db.execute("SELECT email, role, password_hash FROM users").fetchall()
    db.close()
    assert [(e, r) for e, r, _ in rows] == [("ann@example.org", "admin")]
    assert rows[0][2].startswith("$argon2id$")
    assert "geheim" not in rows[0][2]
    again = _run("users", "add", "ann@example.org", *data)
    assert again == (2, "error: there already is a user ann@example.org\n")
    empty = _run("users", "add", "bob@example.org", "--password-stdin", *data, stdin="\n")
    assert empty == (2, "error: no password on stdin\n")


def test_tokens_create_for_an_unknown_user(tmp_path: Path) -> None:
    assert _run("tokens", "create", "nobody@example.org", "--data", str(tmp_path)) == (
        2,
        "error: there is no user nobody@example.org; add one first with advies users add\n",
    )


def test_db_backup_of_postgresql_says_to_use_pg_dump(tmp_path: Path) -> None:
    done = _run(
        "db", "backup", str(tmp_path / "copy"), "--database", "postgresql+psycopg://host/advies"
    )
    assert done == (2, "error: advies db backup only copies SQLite; for PostgreSQL use pg_dump\n")
    assert not (tmp_path / "copy").exists()


def test_the_data_folder_defaults_to_the_users_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert _run("db", "upgrade")[0] == 0
    assert (tmp_path / "interventie-advies" / "advies.sqlite3").is_file()


def test_healthz_says_when_the_database_does_not_answer(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        # NOTE: starlette's TestClient warns that it prefers httpx2; httpx is what we have
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from interventie_advies import __version__
    from interventie_advies.web._app import create_app

    missing = tmp_path / "no such folder" / "advies.sqlite3"
    with TestClient(create_app(f"sqlite:///{missing}")) as client:
        answer = client.get("/healthz")
    assert answer.status_code == 503
    assert answer.json() == {"status": "error", "database": "error", "version": __version__}


def test_sqlite_waits_for_another_writer(tmp_path: Path) -> None:
    from interventie_advies.web._db import BUSY_TIMEOUT_MS, make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with engine.connect() as connection:
        pragmas = [
            connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "busy_timeout", "foreign_keys")
        ]
    engine.dispose()
    assert pragmas == ["wal", BUSY_TIMEOUT_MS, 1]


def test_an_older_database_is_upgraded_with_its_data(tmp_path: Path) -> None:
    from interventie_advies.web import _admin

    url = _admin.database_url(str(tmp_path), None)
    _admin.upgrade(url, "0001")  # as the first release left it
    db = sqlite3.connect(tmp_path / "advies.sqlite3")
    db.execute(
        "INSERT INTO users (email, role, created) VALUES ('ann@example.org', 'user', '2026-01-01')"
    )
    db.commit()
    assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    db.close()
    assert _run("db", "upgrade", "--data", str(tmp_path))[0] == 0
    db = sqlite3.connect(tmp_path / "advies.sqlite3")
    assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [(head_revision(),)]
    assert db.execute("SELECT email FROM users").fetchall() == [("ann@example.org",)]
    assert db.execute("SELECT count(*) FROM programmes").fetchone() == (0,)
    db.close()


def test_database_problems_are_one_clear_line(tmp_path: Path) -> None:
    no_db = _run("db", "backup", str(tmp_path / "copy"), "--data", str(tmp_path))
    assert no_db == (2, f"error: there is no database yet at {tmp_path / 'advies.sqlite3'}\n")
    assert _run("db", "upgrade", "--data", str(tmp_path))[0] == 0
    target = tmp_path / "no folder" / "copy"
    assert _run("db", "backup", str(target), "--data", str(tmp_path)) == (
        2,
        f"error: cannot write a copy to {target}: unable to open database file\n",
    )
    assert _run("db", "upgrade", "--database", "not a url") == (
        2,
        "error: not a url is not a database URL; for example postgresql+psycopg://host/name\n",
    )
    missing = tmp_path / "no folder" / "x.db"
    assert _run("db", "upgrade", "--database", f"sqlite:///{missing}") == (
        2,
        f"error: cannot use the database sqlite:///{missing}: unable to open database file\n",
    )
    blocked = tmp_path / "a file"
    blocked.write_text("", encoding="utf-8")
    code, output = _run("users", "add", "a@example.org", "--data", str(blocked / "data"))
    assert (code, output.split(":")[:2]) == (
        2,
        ["error", " cannot make the data folder " + str(blocked / "data")],
    )


def test_a_missing_driver_names_the_extra_and_hides_the_password() -> None:
    code, output = _run(
        "db", "upgrade", "--database", "postgresql+nosuchdriver://ann:geheim@localhost/advies"
    )
    assert code == 2
    assert output.startswith(
        "error: the driver for postgresql+nosuchdriver://ann:***@localhost/advies is missing ("
    )
    assert output.endswith("); for PostgreSQL: install interventie-advies[postgres]\n")
    assert "geheim" not in output


def test_an_unexpected_error_is_a_500_and_its_data_stays_out_of_the_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from interventie_advies.web._app import create_app

    app = create_app(f"sqlite:///{tmp_path / 'x.sqlite3'}")

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("Mila Jansen, Buurtopera")

    with TestClient(app, raise_server_exceptions=False) as client:
        answer = client.get("/boom", params={"lang": "nl"})
    assert answer.status_code == 500
    assert answer.json() == {
        "errors": [{"path": "", "message": "er ging iets mis op de server; er is niets opgeslagen"}]
    }
    logged = [r.getMessage() for r in caplog.records if r.name == "interventie_advies.web"]
    assert len(logged) == 1
    assert logged[0].startswith("RuntimeError at ")
    assert logged[0].endswith(" (GET /boom)")
    assert "Mila" not in caplog.text
    assert "Buurtopera" not in caplog.text


@pytest.mark.parametrize("email", ["ann", "ann@", "ann@example", "a b@example.org", "a@b@c.nl"])
def test_users_add_wants_an_email_address(tmp_path: Path, email: str) -> None:
    assert _run("users", "add", email, "--data", str(tmp_path)) == (
        2,
        f"error: {email} is not an e-mail address (such as name@example.org)\n",
    )
    assert not (tmp_path / "advies.sqlite3").exists()  # nothing made for a typo


def test_serve_wants_a_base_url_with_its_scheme(tmp_path: Path) -> None:
    assert _run("serve", "--base-url", "advies.example.org", "--data", str(tmp_path)) == (
        2,
        "error: --base-url starts with http:// or https://, not like this: advies.example.org\n",
    )


def test_db_upgrade_and_users_on_postgresql(postgres_cluster: Any) -> None:
    from pg_cluster import rows

    from interventie_advies.web import _admin

    url = postgres_cluster.new_database()
    try:
        _admin.upgrade(url, "0001")  # as the first release left it
        rows(url, "INSERT INTO users (email, role, created) VALUES (%s, 'user', now())", "a@b.nl")
        assert _run("db", "upgrade", "--database", url) == (0, "The database is up to date.\n")
        tables = rows(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        assert {t for (t,) in tables} >= {
            *("users", "api_tokens", "projects", "versions", "members", "start_tokens"),
            *("programmes", "funders", "alembic_version", "web_secrets", "login_failures"),
        }
        assert rows(url, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
        assert rows(url, "SELECT email FROM users") == [("a@b.nl",)]  # kept
        assert _run("users", "add", "Ann@Example.org", "--database", url) == (
            0,
            "User added: Ann@Example.org\n",
        )
        again = _run("users", "add", "ann@EXAMPLE.org", "--database", url)
        assert again == (2, "error: there already is a user ann@EXAMPLE.org\n")
        code, token = _run("tokens", "create", "ANN@example.org", "--database", url)
        assert code == 0
        assert len(token.strip()) == 43
        assert rows(url, "SELECT count(*) FROM api_tokens") == [(1,)]
    finally:
        postgres_cluster.drop_database(url)
