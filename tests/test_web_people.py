"""People over HTTP: invite links, members, the account, deleting, privacy, the proxy's address.

A real ``advies serve`` on each database it runs on (SQLite, and PostgreSQL: the
``new_database`` switch of test_web_server.py), people made with ``advies users add``;
what the pages store is read straight from the database, to see that a deleted thing is
really gone and that an invite link is kept only as its hash.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from typing import TYPE_CHECKING

import httpx
import pytest
import test_web_server
from click.testing import CliRunner
from test_web_server import (
    Database,
    Server,
    start_server,
    stop_server,
)
from webkit import PASSWORD, PEOPLE, csrf_of, named, upload_file

from interventie_advies.cli import cli

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

#: the switch: every test on the module's server runs on SQLite and again on PostgreSQL
new_database = test_web_server.new_database
#: the words of the page for a link that does not work, in Dutch (the default)
GONE = "Deze uitnodiging is al gebruikt, verlopen of bestaat niet."
LINK = re.compile(r'id="new-link" type="text" readonly value="([^"]+)"')


def _advies(*args: str, given: str | None = None) -> str:
    result = CliRunner().invoke(cli, list(args), input=given)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory,
    new_database: Callable[[Path], Database],
) -> Iterator[Server]:
    found = start_server(new_database(tmp_path_factory.mktemp("data")), "--workers", "2")
    for email in PEOPLE:
        role = "admin" if email.startswith("carol") else "user"
        _advies(
            "users", "add", email, "--role", role, "--password-stdin", *found.db.args,
            given=PASSWORD + "\n",
        )  # fmt: skip
    yield found
    stop_server(found)


def _write(db: Database, sql: str, *params: object) -> None:
    """Change the database straight (``%s`` for a parameter), as the server cannot."""
    if db.url is not None:
        db.rows(sql, *params)  # PostgreSQL's helper commits
        return
    connection = sqlite3.connect(db.data / "advies.sqlite3")
    try:
        connection.execute(sql.replace("%s", "?"), params)
        connection.commit()
    finally:
        connection.close()


def _client(server: Server, email: str | None = None) -> tuple[httpx.Client, str]:
    """A client (signed in as ``email``, if given) and its CSRF token."""
    client = httpx.Client(base_url=server.url, timeout=60)
    token = csrf_of(client.get("/-/login").text)
    if email is None:
        return client, token
    answer = client.post(
        "/-/login", data={"email": email, "password": PASSWORD, "csrf": token, "next": "/"}
    )
    assert answer.status_code == 303, answer.text
    return client, csrf_of(client.get("/projects").text)


def _project(client: httpx.Client, csrf: str, name: str) -> int:
    answer = upload_file(client, csrf, named(name))
    assert answer.status_code == 303, answer.text
    found = re.fullmatch(r"/projects/(\d+)\?saved=1", answer.headers["location"])
    assert found
    return int(found.group(1))


def _invite(client: httpx.Client, csrf: str, project: int, role: str) -> str:
    """Make an invite link on the members page; the link the page shows (once)."""
    made = client.post(f"/projects/{project}/members/invite", data={"csrf": csrf, "role": role})
    assert made.status_code == 303
    assert made.headers["location"] == f"/projects/{project}/members"
    shown = client.get(made.headers["location"])
    found = LINK.search(shown.text)
    assert found, shown.text
    again = client.get(made.headers["location"])
    assert LINK.search(again.text) is None  # shown once: a reload no longer has it
    return found.group(1)


def test_an_invite_link_makes_an_account_joins_once_and_is_kept_as_its_hash(
    server: Server,
) -> None:
    ann, ann_csrf = _client(server, "ann@example.org")
    project = _project(ann, ann_csrf, "Uitgenodigd")
    link = _invite(ann, ann_csrf, project, "viewer")
    assert link.startswith(f"{server.url}/-/invite/")
    token = link.rsplit("/", 1)[1]
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", token)
    stored = server.db.rows(
        "SELECT token_hash, kind, target, role, used FROM invites WHERE target = %s", project
    )
    assert [(k, t, r, u) for _, k, t, r, u in stored] == [("project", project, "viewer", None)]
    assert token not in stored[0][0] and re.fullmatch(r"[0-9a-f]{64}", stored[0][0])

    erin, csrf = _client(server)
    form = erin.get(f"/-/invite/{token}")
    assert form.status_code == 200
    assert "Uitgenodigd" in form.text and 'href="/-/login?next=/-/invite/' in form.text
    fields = {"csrf": csrf, "email": "erin@example.org", "password": PASSWORD}
    differs = erin.post(f"/-/invite/{token}/account", data={**fields, "again": "iets anders!!"})
    assert differs.status_code == 422
    assert "De twee wachtwoorden zijn niet hetzelfde." in differs.text
    assert 'value="erin@example.org"' in differs.text  # what was typed stays
    assert 'aria-describedby="again-error"' in differs.text and 'href="#again"' in differs.text
    taken = erin.post(
        f"/-/invite/{token}/account", data={**fields, "email": "bob@example.org", "again": PASSWORD}
    )
    assert taken.status_code == 422 and "Er is al een account met dit e-mailadres" in taken.text
    made = erin.post(f"/-/invite/{token}/account", data={**fields, "again": PASSWORD})
    assert made.status_code == 303 and made.headers["location"] == f"/projects/{project}"
    assert erin.get(f"/projects/{project}").status_code == 200  # signed in, and a viewer
    assert server.db.rows(
        "SELECT u.email, m.role FROM members m JOIN users u ON u.id = m.user_id "
        "WHERE m.project_id = %s ORDER BY u.email",
        project,
    ) == [("ann@example.org", "editor"), ("erin@example.org", "viewer")]
    assert server.db.rows("SELECT password_hash FROM users WHERE email = 'erin@example.org'")[0][
        0
    ].startswith("$argon2id$")

    # used, unknown and expired links: one page, the same words, 404
    used = httpx.get(link)
    unknown = httpx.get(f"{server.url}/-/invite/{'x' * 43}")
    other = _invite(ann, ann_csrf, project, "editor").rsplit("/", 1)[1]
    past = dt.datetime(2020, 1, 1)
    _write(server.db, "UPDATE invites SET expires = %s WHERE used IS NULL", past)
    expired = httpx.get(f"{server.url}/-/invite/{other}")
    for answer in (used, unknown, expired):
        assert answer.status_code == 404
        assert GONE in answer.text
    assert used.text == unknown.text == expired.text
    again = erin.post(f"/-/invite/{token}", data={"csrf": csrf_of(erin.get("/projects").text)})
    assert again.status_code == 404 and GONE in again.text


def test_a_signed_in_user_joins_with_a_button_and_the_last_editor_stays(server: Server) -> None:
    ann, ann_csrf = _client(server, "ann@example.org")
    project = _project(ann, ann_csrf, "Met knop")
    token = _invite(ann, ann_csrf, project, "editor").rsplit("/", 1)[1]
    bob, bob_csrf = _client(server, "bob@example.org")
    assert bob.get(f"/projects/{project}").status_code == 404  # not yet
    page = bob.get(f"/-/invite/{token}")
    assert f'action="/-/invite/{token}"' in page.text and "Doe mee" in page.text
    assert bob.post(f"/-/invite/{token}", data={"csrf": "wrong"}).status_code == 403
    joined = bob.post(f"/-/invite/{token}", data={"csrf": bob_csrf})
    assert joined.status_code == 303 and joined.headers["location"] == f"/projects/{project}"
    members = bob.get(f"/projects/{project}/members").text
    assert "ann@example.org" in members and "bob@example.org" in members

    ids = dict(
        server.db.rows(
            "SELECT u.email, m.id FROM members m JOIN users u ON u.id = m.user_id "
            "WHERE m.project_id = %s",
            project,
        )
    )
    removed = bob.post(
        f"/projects/{project}/members/remove",
        data={"csrf": bob_csrf, "member": str(ids["ann@example.org"])},
    )
    assert removed.status_code == 303
    assert "Het lid is verwijderd." in bob.get(removed.headers["location"]).text
    last = bob.post(
        f"/projects/{project}/members/remove",
        data={"csrf": bob_csrf, "member": str(ids["bob@example.org"])},
    )
    assert last.status_code == 409
    assert "De laatste redacteur kan niet weg." in last.text
    assert ann.get(f"/projects/{project}").status_code == 404  # ann is no longer a member
    # a viewer may not invite or remove
    viewer_token = _invite(bob, bob_csrf, project, "viewer").rsplit("/", 1)[1]
    carol, carol_csrf = _client(server, "carol@example.org")
    assert carol.post(f"/-/invite/{viewer_token}", data={"csrf": carol_csrf}).status_code == 303
    refused = carol.post(
        f"/projects/{project}/members/invite", data={"csrf": carol_csrf, "role": "editor"}
    )
    assert refused.status_code == 403
    assert "Verwijder" not in carol.get(f"/projects/{project}/members").text


def test_a_programme_invite_lets_a_team_submit_a_project_to_it(server: Server) -> None:
    token = _advies("tokens", "create", "carol@example.org", *server.db.args).strip()
    with server.client(token) as api:
        programme = api.post("/api/v1/programmes", json={"name": "Buurtbudget"}).json()["id"]
    carol, carol_csrf = _client(server, "carol@example.org")
    dave, dave_csrf = _client(server, "dave@example.org")
    assert dave.get(f"/programmes/{programme}/invites").status_code == 404  # not a funder
    made = carol.post(f"/programmes/{programme}/invites", data={"csrf": carol_csrf})
    assert made.status_code == 303
    link = LINK.search(carol.get(made.headers["location"]).text)
    assert link
    invite = link.group(1).rsplit("/", 1)[1]
    assert "Buurtbudget" in dave.get(f"/-/invite/{invite}").text
    # before joining, the programme field is refused
    files = {"file": ("project.toml", named("Ingediend"), "application/toml")}
    sneaky = dave.post(
        "/projects", data={"csrf": dave_csrf, "programme": str(programme)}, files=files
    )
    assert sneaky.status_code == 403
    joined = dave.post(f"/-/invite/{invite}", data={"csrf": dave_csrf})
    assert joined.headers["location"] == f"/projects?programme={programme}"
    form = dave.get(joined.headers["location"]).text
    assert f'<input type="hidden" name="programme" value="{programme}">' in form
    assert "Buurtbudget" in form
    saved = dave.post(
        "/projects", data={"csrf": dave_csrf, "programme": str(programme)}, files=files
    )
    assert saved.status_code == 303
    assert server.db.rows("SELECT programme FROM projects WHERE name = 'Ingediend'") == [
        (programme,)
    ]
    assert "Ingediend" not in carol.get("/projects").text  # an admin, not a funder
    listed = carol.get(f"/programmes/{programme}/invites").text
    assert "nog niet" not in listed  # the one link is used


def test_deleting_a_project_deletes_it_for_real(server: Server) -> None:
    ann, csrf = _client(server, "ann@example.org")
    project = _project(ann, csrf, "Weg ermee")
    upload_file(ann, csrf, named("Weg ermee"), to=f"/projects/{project}")
    token = _invite(ann, csrf, project, "viewer").rsplit("/", 1)[1]
    bob, bob_csrf = _client(server, "bob@example.org")
    bob.post(f"/-/invite/{token}", data={"csrf": bob_csrf})
    assert bob.get(f"/projects/{project}/delete").status_code == 403  # a viewer
    assert bob.post(f"/projects/{project}/delete", data={"csrf": bob_csrf}).status_code == 403
    # what was typed into one of its pages (a draft, kept by the "add" button)
    added = ann.post(
        f"/projects/{project}/edit/partners",
        data={"csrf": csrf, "base_version": "2", "action": "add:"},
    )
    assert added.status_code == 303 and "draft=" in added.headers["location"]
    assert server.db.rows(
        "SELECT count(*) FROM drafts WHERE page LIKE %s", f"/projects/{project}/%"
    ) == [(1,)]
    confirm = ann.get(f"/projects/{project}/delete")
    assert "alle 2 versies" in confirm.text
    assert ann.post(f"/projects/{project}/delete", data={"csrf": "wrong"}).status_code == 403
    done = ann.post(f"/projects/{project}/delete", data={"csrf": csrf})
    assert done.headers["location"] == "/projects?deleted=1"
    assert "Het project is verwijderd." in ann.get(done.headers["location"]).text
    assert ann.get(f"/projects/{project}").status_code == 404
    for table, column in (
        ("projects", "id"),
        ("versions", "project_id"),
        ("members", "project_id"),
        ("summaries", "project_id"),
    ):
        assert server.db.rows(f"SELECT count(*) FROM {table} WHERE {column} = %s", project) == [
            (0,)
        ]
    assert server.db.rows(
        "SELECT count(*) FROM invites WHERE kind = 'project' AND target = %s", project
    ) == [(0,)]
    assert server.db.rows(
        "SELECT count(*) FROM drafts WHERE page LIKE %s", f"/projects/{project}/%"
    ) == [(0,)]
    if server.db.url is None:  # the text is not left in the file's free pages either
        db = (server.data / "advies.sqlite3").read_bytes()
        assert b"Weg ermee" not in db


def test_export_then_delete_the_account(server: Server) -> None:
    _advies(
        "users", "add", "fay@example.org", "--password-stdin", *server.db.args,
        given=PASSWORD + "\n",
    )  # fmt: skip
    _advies("tokens", "create", "fay@example.org", *server.db.args)
    fay, csrf = _client(server, "fay@example.org")
    own = _project(fay, csrf, "Alleen van Fay")
    ann, ann_csrf = _client(server, "ann@example.org")
    shared = _project(ann, ann_csrf, "Gedeeld met Fay")
    token = _invite(ann, ann_csrf, shared, "editor").rsplit("/", 1)[1]
    fay.post(f"/-/invite/{token}", data={"csrf": csrf})
    assert (
        upload_file(fay, csrf, named("Gedeeld met Fay"), to=f"/projects/{shared}").status_code
        == 303
    )
    _invite(fay, csrf, own, "viewer")
    kept = fay.post(
        f"/projects/{own}/edit/partners", data={"csrf": csrf, "base_version": "1", "action": "add:"}
    )
    assert kept.status_code == 303
    page = fay.get("/-/account").text
    assert "fay@example.org" in page and "Alleen van Fay" in page and "Gedeeld met Fay" in page

    export = fay.get("/-/account/export")
    assert export.headers["content-disposition"] == 'attachment; filename="mijn-gegevens.json"'
    data = export.json()
    assert set(data) == {
        "exported", "user", "memberships", "funder_of", "api_tokens", "versions",
        "invites_made", "invites_accepted", "drafts",
    }  # fmt: skip
    assert [d["page"] for d in data["drafts"]] == [f"/projects/{own}/edit/partners"]
    assert data["user"]["email"] == "fay@example.org" and "password_hash" not in data["user"]
    assert "$argon2" not in export.text
    assert [(m["project"], m["role"]) for m in data["memberships"]] == [
        (own, "editor"),
        (shared, "editor"),
    ]
    assert len(data["api_tokens"]) == 1 and set(data["api_tokens"][0]) == {"created"}
    assert [(v["project"], v["version"]) for v in data["versions"]] == [(own, 1), (shared, 2)]
    assert data["versions"][0]["toml"] == named("Alleen van Fay").decode()
    assert [i["kind"] for i in data["invites_made"]] == ["project"]
    assert [i["target"] for i in data["invites_accepted"]] == [shared]

    warning = fay.get("/-/account/delete").text
    assert "Alleen van Fay" in warning and "Gedeeld met Fay" not in warning
    # a failed sign-in under the address, to see it go with the account
    other, other_csrf = _client(server)
    other.post("/-/login", data={"email": "fay@example.org", "password": "no", "csrf": other_csrf})
    wrong = fay.post("/-/account/delete", data={"csrf": csrf, "password": "not it"})
    assert wrong.status_code == 403 and "Het wachtwoord klopt niet." in wrong.text
    done = fay.post("/-/account/delete", data={"csrf": csrf, "password": PASSWORD})
    assert done.headers["location"] == "/-/account/deleted"
    assert "Je account is verwijderd." in fay.get("/-/account/deleted").text
    assert fay.get("/projects").status_code == 303  # signed out

    assert server.db.rows("SELECT count(*) FROM users WHERE email = 'fay@example.org'") == [(0,)]
    assert server.db.rows("SELECT count(*) FROM projects WHERE id = %s", own) == [(0,)]
    assert server.db.rows("SELECT count(*) FROM versions WHERE project_id = %s", own) == [(0,)]
    assert server.db.rows("SELECT count(*) FROM invites WHERE target = %s", own) == [(0,)]
    assert server.db.rows(
        "SELECT count(*) FROM login_failures WHERE key = 'email:fay@example.org'"
    ) == [(0,)]
    assert server.db.rows(
        "SELECT number, author_id FROM versions WHERE project_id = %s ORDER BY number", shared
    )[1] == (2, None)
    assert len(server.db.rows("SELECT id FROM api_tokens")) == 1  # carol's, made above
    history = ann.get(f"/projects/{shared}/history").text
    assert "verwijderde gebruiker" in history and "fay@example.org" not in history
    token = _advies("tokens", "create", "ann@example.org", *server.db.args).strip()
    with server.client(token) as api:
        versions = api.get(f"/api/v1/projects/{shared}/versions").json()
    assert [(v["version"], v["author"]) for v in versions] == [(2, None), (1, "ann@example.org")]


def test_privacy_page_needs_no_sign_in_and_is_in_every_footer(server: Server) -> None:
    nl = httpx.get(f"{server.url}/-/privacy")
    assert nl.status_code == 200 and "<h2>Wat we bewaren</h2>" in nl.text
    en = httpx.get(f"{server.url}/-/privacy?lang=en")
    assert "<h2>What we keep</h2>" in en.text and '<html lang="en">' in en.text
    login = httpx.get(f"{server.url}/-/login").text
    assert '<footer><a href="/-/privacy">Privacy</a></footer>' in login
    ann, _ = _client(server, "ann@example.org")
    assert '<a href="/-/account">Mijn account</a>' in ann.get("/projects").text


# NOTE: the last test on the module's server: it reads everything the server wrote
def test_the_log_holds_no_names_and_no_project_text(server: Server) -> None:
    written = server.out.read_text()
    for email in (*PEOPLE, "erin@example.org", "fay@example.org"):
        assert email not in written
    for name in ("Uitgenodigd", "Weg ermee", "Alleen van Fay", "Buurtbudget", "Rivierenbuurt"):
        assert name not in written
    assert "/-/invite/" not in written  # no request lines, so no invite tokens


def _failures(found: Server, forwarded: str, count: int) -> list[int]:
    client, csrf = _client(found)
    return [
        client.post(
            "/-/login",
            data={"email": f"niemand{n}@example.org", "password": "wrong", "csrf": csrf},
            headers={"X-Forwarded-For": forwarded},
        ).status_code
        for n in range(count)
    ]


@pytest.mark.parametrize("trusted", [True, False], ids=["proxy-trusted", "header-ignored"])
def test_the_sign_in_limit_counts_the_forwarded_address_of_a_trusted_proxy(
    tmp_path: Path, trusted: bool
) -> None:
    options = ["--forwarded-allow-ips", "127.0.0.1"] if trusted else []
    found = start_server(tmp_path, *options)
    try:
        assert _failures(found, "203.0.113.7", 20) == [401] * 20
        assert _failures(found, "203.0.113.7", 1) == [429]
        # another client behind the proxy: counted on its own only when the proxy is trusted
        assert _failures(found, "198.51.100.2", 1) == [401 if trusted else 429]
    finally:
        stop_server(found)


def test_serve_help_names_the_option() -> None:
    shown = _advies("serve", "--help")
    assert "--forwarded-allow-ips IPS" in shown
    assert json.dumps("X-Forwarded-For")[1:-1] in shown


def test_a_deleted_project_leaves_no_text_in_sqlite_free_pages(tmp_path: Path) -> None:
    """Even where SQLite's own default keeps deleted bytes (secure_delete off)."""
    from sqlalchemy import event

    from interventie_advies.engine._engine import Engine
    from interventie_advies.web import _admin, _db, _forget, _store

    url = f"sqlite:///{tmp_path / 'advies.sqlite3'}"
    _admin.upgrade(url)
    engine = _db.make_engine(url)
    event.listen(
        engine, "connect", lambda connection, _: connection.execute("PRAGMA secure_delete=OFF")
    )
    made = _db.sessions(engine)
    text = named("Geheim project").decode() + "\n# " + "lang " * 2000 + "\n"
    with made.begin() as session:
        user = _db.User(email="gil@example.org", role="user")
        session.add(user)
        session.flush()
        project = Engine().check(text=text, file="project.toml")
        project_id = _store.create(session, user, text, project, "", None).id
    _forget.wipe_free_pages(engine)
    assert b"Geheim project" in (tmp_path / "advies.sqlite3").read_bytes()
    with made.begin() as session:
        _forget.delete_project(session, project_id)
    _forget.wipe_free_pages(engine)
    assert b"Geheim project" not in (tmp_path / "advies.sqlite3").read_bytes()
    assert (tmp_path / "advies.sqlite3-wal").stat().st_size == 0
    engine.dispose()
