"""Programmes, funders and the portfolio in the browser's pages, over HTTP, on both databases.

A real ``advies serve`` (SQLite, then PostgreSQL); the pages' forms posted with httpx as
a browser without JavaScript posts them. The portfolio's numbers are checked against
``advies portfolio`` on the same files and date (its JSON, its CSV in both dialects),
with and without filters, on the day of the save and on other days; and the stored
summaries against a change of rules (their fingerprint).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from click.testing import CliRunner
from test_web_server import (  # noqa: F401  # new_database is a fixture
    Database,
    Server,
    new_database,
    start_server,
    stop_server,
)
from webkit import PASSWORD, PEOPLE, signed_client

from interventie_advies import Engine
from interventie_advies.cli import cli

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FILES = sorted(EXAMPLES.glob("*.toml"))
TODAY = dt.date.today()
OTHER_DAY = "2027-06-01"


def _advies(*args: str, stdin: str | None = None) -> str:
    result = CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    # NOTE: the bytes, since click's ``output`` turns the CSV's CRLF line ends into LF
    return result.stdout_bytes.decode("utf-8")


def _execute(db: Database, sql: str) -> None:
    """Change the database behind the server's back (a statement without results)."""
    if db.url is not None:
        db.rows(sql)
        return
    connection = sqlite3.connect(db.data / "advies.sqlite3")
    try:
        connection.execute(sql)
        connection.commit()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory,
    new_database: Callable[[Path], Database],  # noqa: F811
) -> Iterator[Server]:
    # NOTE: no background refresher here, so that a summary made stale stays stale until
    # the refresh button; test_the_background_thread_refreshes starts one with it
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ADVIES_SUMMARY_SECONDS", "0")
        found = start_server(new_database(tmp_path_factory.mktemp("data")))
    for email in PEOPLE:
        role = "admin" if email.startswith("carol") else "user"
        _advies(
            "users",
            "add",
            email,
            "--role",
            role,
            "--password-stdin",
            *found.db.args,
            stdin=PASSWORD + "\n",
        )
    yield found
    stop_server(found)


def _token(server: Server, email: str) -> str:
    return _advies("tokens", "create", email, *server.db.args).strip()


@pytest.fixture(scope="module")
def programme(server: Server, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Carol's programme with Dave as funder, and every example submitted to it by Ann.

    Also: each example copied under a name that sorts as its path in the web does, so
    that ``advies portfolio`` on the copies orders ties as the web does.
    """
    carol, csrf = signed_client(server, "carol@example.org")
    made = carol.post("/programmes", data={"csrf": csrf, "name": "Buurtbudget"})
    assert made.status_code == 303, made.text
    pid = int(re.fullmatch(r"/programmes/(\d+)/funders\?made=1", made.headers["location"])[1])
    added = carol.post(
        f"/programmes/{pid}/funders", data={"csrf": csrf, "email": "dave@example.org"}
    )
    assert added.status_code == 303
    copies = tmp_path_factory.mktemp("copies")
    ids: dict[Path, int] = {}
    with server.client(_token(server, "ann@example.org")) as ann:
        for file in FILES:
            body = {"toml": file.read_text(encoding="utf-8"), "programme": pid}
            answer = ann.post("/api/v1/projects", json=body)
            assert answer.status_code == 201, (file, answer.text)
            copy = copies / f"_api_v1_projects_{answer.json()['id']}.toml"
            copy.write_bytes(file.read_bytes())
            ids[copy] = answer.json()["id"]
    return {"id": pid, "files": ids, "carol": carol, "csrf": csrf}


def _cli(programme: dict[str, Any], *args: str, only: list[Path] | None = None) -> str:
    """``advies portfolio`` on the copies, each file's name written as its web path."""
    files = only if only is not None else list(programme["files"])
    out = _advies("portfolio", *map(str, files), "--lang", "nl", *args)
    for copy, project in programme["files"].items():
        out = out.replace(str(copy), f"/api/v1/projects/{project}")
    return out


def _ids_in_matrix(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'<th scope="row"><a href="/projects/(\d+)">', html)]


def test_admin_makes_a_programme_and_names_funders(server: Server) -> None:
    carol, csrf = signed_client(server, "carol@example.org")
    empty = carol.post("/programmes", data={"csrf": csrf, "name": "  "})
    assert empty.status_code == 422
    assert 'aria-invalid="true"' in empty.text and "Vul een naam in." in empty.text
    made = carol.post("/programmes", data={"csrf": csrf, "name": "Wijkfonds <Noord>"})
    page = carol.get(made.headers["location"])
    assert "Het programma is gemaakt." in page.text
    assert "Wijkfonds &lt;Noord&gt;" in page.text
    funders = made.headers["location"].split("?")[0]
    unknown = carol.post(funders, data={"csrf": csrf, "email": "nobody@example.org"})
    assert unknown.status_code == 422
    assert "Er is geen account met dit e-mailadres." in unknown.text
    assert 'value="nobody@example.org"' in unknown.text  # what was typed stays
    for email in ("BOB@example.org", "dave@example.org", "dave@example.org"):
        assert carol.post(funders, data={"csrf": csrf, "email": email}).status_code == 303
    listed = carol.get(funders).text
    assert listed.count("<li><span") == 2
    assert "bob@example.org" in listed and "dave@example.org" in listed
    bob_id = re.search(
        r'name="user_id" value="(\d+)">\n<button type="submit">Verwijderen'
        r'<span class="sr"> bob@example.org</span>',
        listed,
    )
    assert bob_id
    removed = carol.post(f"{funders}/remove", data={"csrf": csrf, "user_id": bob_id[1]})
    assert "bob@example.org is geen financier meer" in carol.get(removed.headers["location"]).text
    assert "bob@example.org" not in carol.get(funders).text.split("<h2>")[2]
    assert carol.post(funders, data={"email": "ann@example.org"}).status_code == 403  # no CSRF
    assert 'href="/programmes"' in carol.get("/projects").text  # the header's link


def test_who_sees_what(server: Server, programme: dict[str, Any]) -> None:
    pid = programme["id"]
    dave, dave_csrf = signed_client(server, "dave@example.org")
    bob, bob_csrf = signed_client(server, "bob@example.org")
    assert f'href="/programmes/{pid}"' in dave.get("/programmes").text
    assert 'href="/programmes"' in dave.get("/projects").text
    assert 'href="/programmes"' not in bob.get("/projects").text
    assert f'href="/programmes/{pid}"' not in bob.get("/programmes").text
    for url in (
        f"/programmes/{pid}",
        f"/programmes/{pid}/portfolio.csv",
        f"/programmes/{pid}/funders",
        "/programmes/99999",
        "/programmes/99999999999",
    ):
        assert bob.get(url).status_code == 404, url
    post = {"csrf": bob_csrf, "email": "bob@example.org"}
    assert bob.post(f"/programmes/{pid}/funders", data=post).status_code == 404
    # the funder reads the portfolio and every project in it, and writes nothing
    assert dave.get(f"/programmes/{pid}").status_code == 200
    first = next(iter(programme["files"].values()))
    assert dave.get(f"/projects/{first}").status_code == 200
    assert dave.get(f"/projects/{first}/history").status_code == 200
    assert dave.get(f"/programmes/{pid}/funders").status_code == 403
    post = {"csrf": dave_csrf, "email": "dave@example.org"}
    assert dave.post(f"/programmes/{pid}/funders", data=post).status_code == 403
    post = {"csrf": dave_csrf, "user_id": "1"}
    assert dave.post(f"/programmes/{pid}/funders/remove", data=post).status_code == 403
    assert dave.post("/programmes", data={"csrf": dave_csrf, "name": "x"}).status_code == 403


@pytest.mark.parametrize("day", [TODAY.isoformat(), OTHER_DAY], ids=["today", "other-day"])
def test_the_portfolio_is_advies_portfolio(
    server: Server, programme: dict[str, Any], day: str
) -> None:
    pid = programme["id"]
    dave, _ = signed_client(server, "dave@example.org")
    with server.client(_token(server, "dave@example.org")) as api:
        answer = api.get(f"/api/v1/programmes/{pid}/portfolio", params={"date": day, "lang": "nl"})
    assert answer.status_code == 200
    assert answer.text == _cli(programme, "--format", "json", "--date", day)
    for dialect in ("default", "nl"):
        csv = dave.get(f"/programmes/{pid}/portfolio.csv", params={"date": day, "dialect": dialect})
        assert csv.headers["content-type"] == "text/csv; charset=utf-8"
        expected = _cli(programme, "--format", "csv", "--csv-dialect", dialect, "--date", day)
        assert csv.content.decode("utf-8") == expected
    expected_json = json.loads(answer.text)
    page = dave.get(f"/programmes/{pid}", params={"date": day, "lang": "nl"}).text
    ordered = [int(p["file"].rsplit("/", 1)[1]) for p in expected_json["projects"]]
    assert _ids_in_matrix(page) == ordered  # urgent first, as advies portfolio orders them
    assert f"{len(ordered)} van de {len(ordered)} projecten" in page


def _expected_ids(programme: dict[str, Any], day: str, keep: Callable[[Any], bool]) -> list[Path]:
    engine = Engine()
    return [f for f in programme["files"] if keep(engine.advise(f, date=day, lang="nl"))]


@pytest.mark.parametrize(
    ("query", "keep"),
    [
        ({"phase": "execution"}, lambda r: r.project.get("phase") == "execution"),
        (
            {"element": "key_persons", "status": "missing"},
            lambda r: any(
                e.element == "key_persons" and e.assessment == "missing" for e in r.elements
            ),
        ),
        (
            {"months": "6"},
            lambda r: r.project.get("months_left") is not None and r.project["months_left"] <= 6,
        ),
        ({"theme": "continuation"}, lambda r: any(f.theme == "continuation" for f in r.findings)),
        (
            {"phase": "execution", "months": "12"},
            lambda r: (
                r.project.get("phase") == "execution"
                and r.project.get("months_left") is not None
                and r.project["months_left"] <= 12
            ),
        ),
    ],
    ids=["phase", "element-status", "months", "theme", "two"],
)
def test_filters_narrow_it_exactly(
    server: Server, programme: dict[str, Any], query: dict[str, str], keep: Any
) -> None:
    pid = programme["id"]
    dave, _ = signed_client(server, "dave@example.org")
    day = TODAY.isoformat()
    kept = _expected_ids(programme, day, keep)
    assert 0 < len(kept) < len(programme["files"]), "a filter that narrows"
    page = dave.get(f"/programmes/{pid}", params={**query, "date": day})
    assert page.status_code == 200
    expected = json.loads(_cli(programme, "--format", "json", "--date", day, only=kept))
    assert _ids_in_matrix(page.text) == [
        int(p["file"].rsplit("/", 1)[1]) for p in expected["projects"]
    ]
    for name, value in query.items():  # the form shows the filters, the CSV link keeps them
        assert f"{name}={value}" in page.text.split("download>")[0]
    csv = dave.get(
        f"/programmes/{pid}/portfolio.csv", params={**query, "date": day, "dialect": "nl"}
    )
    assert csv.content.decode() == _cli(
        programme, "--format", "csv", "--csv-dialect", "nl", "--date", day, only=kept
    )


def test_a_wrong_filter_is_said_and_kept(server: Server, programme: dict[str, Any]) -> None:
    dave, _ = signed_client(server, "dave@example.org")
    page = dave.get(f"/programmes/{programme['id']}", params={"months": "zes", "element": "x"})
    assert page.status_code == 200
    assert 'href="#f-months">Vul een heel getal in, bijvoorbeeld 6.</a>' in page.text
    assert 'href="#f-element">Kies een element én een beoordeling, of geen van beide.' in page.text
    assert 'value="zes"' in page.text
    total = len(programme["files"])
    assert f"{total} van de {total} projecten" in page.text  # nothing filtered by mistakes


def test_a_summary_holds_until_the_facts_change(server: Server, programme: dict[str, Any]) -> None:
    """On a summary's last day it is used; the day after, the page advises again; both right."""
    until = server.db.rows("SELECT MIN(valid_until) FROM summaries")[0][0]
    last = until if isinstance(until, dt.date) else dt.date.fromisoformat(until)
    dave, _ = signed_client(server, "dave@example.org")
    for day in (last, last + dt.timedelta(days=1)):
        csv = dave.get(f"/programmes/{programme['id']}/portfolio.csv", params={"date": str(day)})
        assert csv.text == _cli(programme, "--format", "csv", "--date", str(day))


def test_stale_summaries_are_marked_and_refreshed(
    server: Server, programme: dict[str, Any]
) -> None:
    pid = programme["id"]
    first = next(iter(programme["files"].values()))
    _execute(server.db, f"UPDATE summaries SET fingerprint = 'old' WHERE project_id = {first}")
    dave, csrf = signed_client(server, "dave@example.org")
    page = dave.get(f"/programmes/{pid}").text
    made = server.db.rows(f"SELECT made FROM summaries WHERE project_id = {first}")[0][0]
    day = str(made)[:10]
    assert f"1 projecten zijn beoordeeld met eerdere regels (het eerst op {day})" in page
    # the mark, in the matrix and in the list for phones
    assert page.count(f"beoordeeld met eerdere regels op {day}") == 2
    refreshed = dave.post(
        f"/programmes/{pid}/refresh",
        data={"csrf": csrf, "back": f"/programmes/{pid}?phase=execution"},
    )
    assert refreshed.status_code == 303
    assert refreshed.headers["location"] == f"/programmes/{pid}?phase=execution&refreshed=1"
    after = dave.get(refreshed.headers["location"]).text
    assert "1 projecten zijn opnieuw beoordeeld." in after
    assert "eerdere regels" not in after
    assert server.db.rows("SELECT COUNT(*) FROM summaries WHERE fingerprint = 'old'") == [(0,)]
    _execute(server.db, f"UPDATE summaries SET fingerprint = 'old' WHERE project_id = {first}")
    # the API never answers with stale numbers: it advises again (and keeps it)
    with server.client(_token(server, "dave@example.org")) as api:
        answer = api.get(f"/api/v1/programmes/{pid}/portfolio", params={"lang": "nl"})
    assert answer.text == _cli(programme, "--format", "json", "--date", TODAY.isoformat())
    assert server.db.rows("SELECT COUNT(*) FROM summaries WHERE fingerprint = 'old'") == [(0,)]


def test_a_missing_summary_is_made_when_read(server: Server, programme: dict[str, Any]) -> None:
    """A version saved before summaries were kept: the page advises on it, and keeps it."""
    first = next(iter(programme["files"].values()))
    _execute(server.db, f"DELETE FROM summaries WHERE project_id = {first}")
    dave, _ = signed_client(server, "dave@example.org")
    day = TODAY.isoformat()
    csv = dave.get(f"/programmes/{programme['id']}/portfolio.csv", params={"date": day})
    assert csv.text == _cli(programme, "--format", "csv", "--date", day)
    kept = f"SELECT COUNT(*) FROM summaries WHERE project_id = {first}"
    assert server.db.rows(kept) == [(1,)]


def test_the_background_thread_refreshes(
    tmp_path_factory: pytest.TempPathFactory, server: Server, programme: dict[str, Any]
) -> None:
    """A second instance on the same database, with the thread on, refreshes what is stale."""
    _execute(server.db, "UPDATE summaries SET fingerprint = 'old'")
    _execute(
        server.db, f"DELETE FROM summaries WHERE project_id = {max(programme['files'].values())}"
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ADVIES_SUMMARY_SECONDS", "0.2")
        other = start_server(server.db)
    try:
        deadline = dt.datetime.now() + dt.timedelta(seconds=60)  # a deadline, not a timing
        while server.db.rows("SELECT COUNT(*) FROM summaries WHERE fingerprint <> 'old'") != [
            (len(programme["files"]),)
        ]:
            assert dt.datetime.now() < deadline
            time.sleep(0.1)
    finally:
        stop_server(other)
