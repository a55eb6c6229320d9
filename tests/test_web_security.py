"""The security test list: what an attacker sends, over plain HTTP and in a real browser.

The pages and forms are found by the crawler of webcrawl.py, so a page added later is
covered without naming it here: another user's project answers 404 on every address the
project's pages name; every POST form refuses a missing or foreign CSRF token; a session
known before sign-in, or ended by sign-out, is worth nothing; a script in every text of a
project is shown as text; uploads at and past 1 MiB, compressed and binary bodies are
answered with a clear message and save nothing; sign-in is rate-limited.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import re
import zipfile
from typing import TYPE_CHECKING, Any

import httpx
import pytest
import tomli
from click.testing import CliRunner
from test_web_server import start_server, stop_server
from webcrawl import (
    ADMIN,
    EDITOR,
    FUNDER,
    PERSONS,
    SIGNED_OUT,
    STRANGER,
    VIEWER,
    Form,
    Site,
    build_site,
    client_of,
    crawl,
)
from webkit import ERROR_SUMMARY, EXAMPLES, PASSWORD, csrf_of, open_tab, sign_in, upload_file

from interventie_advies.cli import cli

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from playwright.sync_api import Browser

MISSING = 999999
MIB = 1024 * 1024
SKETCH = (EXAMPLES / "schets.toml").read_bytes()
#: what an attacker writes into every text of a project
HOSTILE = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    server = start_server(tmp_path_factory.mktemp("data"))
    try:
        made = build_site(server)
        for email in (STRANGER, VIEWER, FUNDER):
            token = CliRunner().invoke(cli, ["tokens", "create", email, *server.db.args])
            assert token.exit_code == 0, token.output
            made.tokens[email] = token.output.strip()
        yield made
    finally:
        stop_server(server)


def _versions(site: Site) -> dict[int, int]:
    """How many versions each project has (read by its editor over the API)."""
    with site.server.client(site.tokens[EDITOR]) as api:
        return {
            p["id"]: len(api.get(f"/api/v1/projects/{p['id']}/versions").json())
            for p in api.get("/api/v1/projects").json()
        }


def _users(site: Site) -> int:
    return int(site.server.db.rows("SELECT count(*) FROM users")[0][0])


def _forms(site: Site) -> list[tuple[str, Form]]:
    """Every POST form any person sees, once per person and address."""
    found: dict[tuple[str, str], Form] = {}
    for person in PERSONS:
        with client_of(site, person) as client:
            for form in crawl(site, client).forms:
                found.setdefault((person, form.action), form)
    return [(person, form) for (person, _), form in found.items()]


@pytest.mark.parametrize(
    ("outsider", "which"),
    [(STRANGER, "full"), (VIEWER, "sketch"), (FUNDER, "sketch")],
    ids=["stranger", "viewer-of-another", "funder-of-another-programme"],
)
def test_another_users_project_is_404_everywhere(site: Site, outsider: str, which: str) -> None:
    with client_of(site, EDITOR) as editor:
        walked = crawl(site, editor)
    pid = site.full if which == "full" else site.sketch
    own = f"/projects/{pid}"

    def of_project(url: str) -> bool:
        return url == own or url.startswith((f"{own}/", f"{own}?"))

    gets = sorted(u for u in {*walked.pages, *walked.named} if of_project(u))
    posts = {f.action: f for f in walked.forms if of_project(f.action)}
    # the project page names its downloads, history and frame; the editor sees its forms
    assert {f"{own}/project.toml", f"{own}/history", f"{own}/report.json"} <= set(gets), gets
    assert {own, f"{own}/restore"} <= set(posts), posts
    before = _versions(site)
    with client_of(site, outsider) as stranger:
        csrf = csrf_of(stranger.get("/projects").text)
        for url in gets:
            mine, missing = (
                stranger.get(url),
                stranger.get(url.replace(own, f"/projects/{MISSING}")),
            )
            assert (mine.status_code, missing.status_code) == (404, 404), url
            assert mine.text == missing.text, url
        for url, form in sorted(posts.items()):
            # NOTE: the form as the editor's page fills it, with the outsider's own token
            fields = {**form.fields, "csrf": csrf}
            files = {n: ("p.toml", SKETCH, "application/toml") for n in form.files} or None
            mine = stranger.post(url, data=fields, files=files)
            missing = stranger.post(
                url.replace(own, f"/projects/{MISSING}"), data=fields, files=files
            )
            assert (mine.status_code, missing.status_code) == (404, 404), url
            assert mine.text == missing.text, url
    with site.server.client(site.tokens[outsider]) as api:
        for suffix, method, body in (
            ("", "GET", None),
            ("", "PUT", {"toml": SKETCH.decode(), "base_version": 2}),
            ("/versions", "GET", None),
            ("/versions/1", "GET", None),
            ("/report", "GET", None),
            ("/members", "POST", {"email": STRANGER, "role": "editor"}),
        ):
            mine = api.request(method, f"/api/v1/projects/{pid}{suffix}", json=body)
            missing = api.request(method, f"/api/v1/projects/{MISSING}{suffix}", json=body)
            assert (mine.status_code, missing.status_code) == (404, 404), suffix
            assert mine.content == missing.content, suffix
    assert _versions(site) == before


def test_every_post_form_refuses_a_missing_or_foreign_csrf_token(site: Site) -> None:
    forms = _forms(site)
    actions = {form.action for _, form in forms}
    assert {"/-/login", "/-/logout", "/projects", f"/projects/{site.full}/restore"} <= actions
    before, users = _versions(site), _users(site)
    for person, form in forms:
        assert "csrf" in form.fields, (person, form)
        with client_of(site, person) as client, client_of(site, person) as other:
            client.get(form.page)  # NOTE: the session the form belongs to, as a browser has it
            foreign = csrf_of(other.get("/-/login").text)
            files = {name: ("p.toml", SKETCH, "application/toml") for name in form.files}
            for token in (None, foreign, ""):
                fields = {k: v for k, v in form.fields.items() if k != "csrf"}
                if token is not None:
                    fields["csrf"] = token
                if form.action == "/-/login":
                    fields.update(email=EDITOR, password=PASSWORD)
                answer = client.post(form.action, data=fields, files=files or None)
                assert answer.status_code == 403, (person, form.action, token, answer.text)
                assert "Er is niets opgeslagen." in answer.text, (person, form.action)
            if person != SIGNED_OUT:  # the refused sign-out signed no one out
                assert client.get("/projects").status_code == 200
    assert _versions(site) == before
    assert _users(site) == users


def _session(client: httpx.Client) -> str:
    value = client.cookies.get("advies_session")
    assert value
    return value


def _with_cookie(site: Site, cookie: str) -> httpx.Response:
    with httpx.Client(base_url=site.url, timeout=60) as replay:
        replay.cookies.set("advies_session", cookie)
        return replay.get("/projects")


def test_a_session_before_sign_in_or_after_sign_out_is_worth_nothing(site: Site) -> None:
    with httpx.Client(base_url=site.url, timeout=60) as client:
        csrf = csrf_of(client.get("/-/login").text)
        before = _session(client)
        answer = client.post(
            "/-/login", data={"email": VIEWER, "password": PASSWORD, "csrf": csrf, "next": "/"}
        )
        assert answer.status_code == 303
        signed = _session(client)
        assert signed != before
        assert _with_cookie(site, before).headers["location"].startswith("/-/login")
        assert _with_cookie(site, signed).status_code == 200
        out = client.post("/-/logout", data={"csrf": csrf_of(client.get("/projects").text)})
        assert out.status_code == 303
        assert _session(client) not in (signed, before)
        replayed = _with_cookie(site, signed)  # the cookie someone copied before sign-out
        assert replayed.status_code == 303, replayed.text
        assert replayed.headers["location"].startswith("/-/login"), replayed.headers


def _hostile(value: Any) -> Any:
    """Every string of a project file replaced by ``HOSTILE``."""
    if isinstance(value, dict):
        return {k: _hostile(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_hostile(v) for v in value]
    return HOSTILE if isinstance(value, str) else value


def _keys(path: str) -> list[Any]:
    """The keys and indexes of a TOML path (``partners[1].domain``)."""
    keys: list[Any] = []
    for part in path.split("."):
        name, *indexes = re.split(r"\[(\d+)\]", part)
        keys += [name] if name else []
        keys += [int(i) for i in indexes if i]
    return keys


def _put(data: Any, path: str, value: Any) -> None:
    *where, last = _keys(path)
    for key in where:
        data = data[key]
    data[last] = value


def _get(data: Any, path: str) -> Any:
    for key in _keys(path):
        data = data[key]
    return data


def _hostile_project(site: Site) -> int:
    """buurtopera.toml with every text it may hold set to ``HOSTILE``, saved; its id."""
    original = _hostile_dates(tomli.loads((EXAMPLES / "buurtopera.toml").read_text("utf-8")))
    project = _hostile(original)
    project["project"]["name"] = "Buurtopera " + HOSTILE
    with site.server.client(site.tokens[EDITOR]) as api:
        for _ in range(50):
            made = api.post("/api/v1/projects", json={"project": project, "comment": HOSTILE})
            if made.status_code == 201:
                return int(made.json()["id"])
            assert made.status_code == 422, made.text
            # NOTE: a value from a fixed list (a phase, a domain) cannot hold the text: the
            # loader names it, and it gets its example value back
            for error in made.json()["errors"]:
                _put(project, error["path"], _get(original, error["path"]))
    raise AssertionError(made.text)


def _hostile_dates(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _hostile_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_hostile_dates(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


#: what a page shows as text: its words, and the values of its fields
_SHOWN = """() => [document.body.innerText,
  ...Array.from(document.querySelectorAll("input, textarea"), (field) => field.value)
].join("\\n")"""


def test_a_script_in_every_text_is_shown_as_text(site: Site, browser: Browser) -> None:
    pid = _hostile_project(site)
    with client_of(site, EDITOR) as editor:
        stored = editor.get(f"/projects/{pid}/project.toml").text
        walked = crawl(site, editor)
    assert stored.count("onerror=alert(2)") >= 20, stored  # most texts hold it
    pages = [p for p in walked.pages if p == "/projects" or p.startswith(f"/projects/{pid}")]
    assert f"/projects/{pid}/history" in pages, walked.pages
    # NOTE: the crawl stops at its page limit; the form's first page is visited in any case
    pages += [f"/projects/{pid}/edit/project"] * (f"/projects/{pid}/edit/project" not in pages)
    with open_tab(browser, True) as page:
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        sign_in(page, site.server, EDITOR)
        readable: list[str] = []
        for path in pages:
            page.goto(site.url + path)
            # NOTE: the text as text: in the page, or as the value of a form's field
            shown = [frame.evaluate(_SHOWN) for frame in page.frames]
            if any(HOSTILE in text for text in shown):
                readable.append(path)
            for frame in page.frames:
                assert frame.locator("img[src=x], script:not([src])").count() == 0, path
        assert dialogs == []
    # the project page, its history and the form (the name as a field's value) show it
    expected = {f"/projects/{pid}", f"/projects/{pid}/history", f"/projects/{pid}/edit/project"}
    assert expected <= set(readable), readable


def _padded(size: int) -> bytes:
    body = SKETCH + b"\n#"
    return body + b"x" * (size - len(body))


def test_an_upload_of_1_mib_is_taken_and_one_byte_more_is_not(site: Site) -> None:
    with client_of(site, EDITOR) as editor:
        csrf = csrf_of(editor.get("/projects").text)
        before = _versions(site)
        over = upload_file(editor, csrf, _padded(MIB + 1))
        assert over.status_code == 422
        assert "Het bestand is groter dan 1 MiB." in over.text and ERROR_SUMMARY in over.text
        assert _versions(site) == before
        exact = upload_file(editor, csrf, _padded(MIB))
        assert exact.status_code == 303, exact.text
        saved = exact.headers["location"].split("?")[0]
        assert editor.get(f"{saved}/project.toml").content == _padded(MIB)


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.toml", b"\0" * (64 * MIB))
    return buffer.getvalue()


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (_zip_bomb(), "Het bestand is geen tekst in UTF-8"),
        (gzip.compress(b"#" * (64 * MIB)), "Het bestand is geen tekst in UTF-8"),
        (PNG, "Het bestand is geen tekst in UTF-8"),
        (b"\xff\xfe\xfd invalid", "Het bestand is geen tekst in UTF-8"),
        (SKETCH + b"\n\x00\x00\x00", "regel"),
    ],
    ids=["zip-bomb", "gzip-file", "png", "invalid-utf8", "nul-bytes"],
)
def test_a_binary_upload_is_a_clear_error(site: Site, body: bytes, message: str) -> None:
    before = _versions(site)
    with client_of(site, EDITOR) as editor:
        csrf = csrf_of(editor.get("/projects").text)
        answer = upload_file(editor, csrf, body)
        assert answer.status_code == 422, answer.text
        assert ERROR_SUMMARY in answer.text and message in answer.text, answer.text
    assert _versions(site) == before
    assert httpx.get(f"{site.url}/healthz").json()["status"] == "ok"


def test_a_gzip_encoded_request_is_refused(site: Site) -> None:
    before = _versions(site)
    with client_of(site, EDITOR) as editor:
        csrf = csrf_of(editor.get("/projects").text)
        form = httpx.Request(
            "POST",
            f"{site.url}/projects",
            data={"csrf": csrf, "comment": ""},
            files={"file": ("p.toml", SKETCH, "application/toml")},
        )
        body = form.read()
        bomb = gzip.compress(body + b"\0" * (64 * MIB))
        headers = {"Content-Type": form.headers["Content-Type"], "Content-Encoding": "gzip"}
        answer = editor.post("/projects", content=bomb, headers=headers)
        assert answer.status_code == 400, answer.text
        assert answer.headers["content-type"] == "text/html; charset=utf-8"
        assert "De server kan dit verzoek niet lezen. Er is niets opgeslagen." in answer.text
    assert _versions(site) == before
    assert httpx.get(f"{site.url}/healthz").json()["status"] == "ok"


def test_sign_in_is_refused_after_the_limit_even_with_the_right_password(
    tmp_path: Path,
) -> None:
    # NOTE: a server of its own: the limit blocks sign-in from 127.0.0.1 for 15 minutes
    server = start_server(tmp_path)
    try:
        result = CliRunner().invoke(
            cli,
            ["users", "add", ADMIN, "--password-stdin", "--data", str(tmp_path)],
            input=PASSWORD + "\n",
        )
        assert result.exit_code == 0, result.output
        with httpx.Client(base_url=server.url, timeout=60) as client:
            csrf = csrf_of(client.get("/-/login").text)

            def attempt(password: str) -> int:
                fields = {"email": ADMIN, "password": password, "csrf": csrf, "next": "/"}
                return client.post("/-/login", data=fields).status_code

            assert [attempt(f"fout {n}") for n in range(5)] == [401] * 5
            assert attempt(PASSWORD) == 429
            assert httpx.get(f"{server.url}/healthz").json()["status"] == "ok"
    finally:
        stop_server(server)


def test_the_funder_and_viewer_write_nothing(site: Site) -> None:
    before = _versions(site)
    for person in (VIEWER, FUNDER):
        with client_of(site, person) as client:
            csrf = csrf_of(client.get("/projects").text)
            own = f"/projects/{site.full}"
            assert upload_file(client, csrf, SKETCH, own).status_code == 403
            restore = {"csrf": csrf, "version": "1", "base_version": "2"}
            assert client.post(f"{own}/restore", data=restore).status_code == 403
    assert _versions(site) == before


def test_an_address_that_is_no_page_is_a_page_saying_so(site: Site) -> None:
    with client_of(site, EDITOR) as editor:
        missing = editor.get(f"/projects/{MISSING}")
        for url in ("/nergens", "/projects/abc", "/projects/1/nergens", "/-/logout"):
            answer = editor.get(url)
            assert answer.status_code == 404, url
            assert answer.text == missing.text, url
        csrf = csrf_of(editor.get("/projects").text)
        too_long = editor.post("/-/login", data={"csrf": csrf, "email": "a" * 400})
        assert too_long.status_code == 400
        assert "De server kan dit verzoek niet lezen." in too_long.text
    # the API keeps its JSON errors
    answer = httpx.get(f"{site.url}/api/v1/nergens")
    assert answer.status_code == 404
    assert answer.json() == {"errors": [{"path": "", "message": "Not Found"}]}
