"""The browser pages in a real browser: Debian's Chromium, driven by Playwright.

A real ``advies serve`` on 127.0.0.1 with a temporary data folder (the fixture of
test_web_server.py); people made with ``advies users add --password-stdin``. Each flow runs
with JavaScript off and on; the refusals (CSRF, other people's projects, rate limits) are
checked over plain HTTP too, as an attacker would send them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest
import webkit
from click.testing import CliRunner
from test_web_server import start_server, stop_server
from webkit import (
    ERROR_SUMMARY,
    PASSWORD,
    Server,
    csrf_of,
    named,
    open_tab,
    sign_in,
    signed_client,
    upload_file,
)

from interventie_advies.cli import cli

if TYPE_CHECKING:
    from playwright.sync_api import Browser

#: the module's own server (webkit's fixture)
server = webkit.server


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_sign_in_wrong_password_and_sign_out(
    browser: Browser,
    server: Server,
    javascript: bool,
) -> None:
    with open_tab(browser, javascript) as page:
        page.goto(f"{server.url}/projects")
        assert page.url == f"{server.url}/-/login?next=/projects"
        sign_in(page, server, "dave@example.org", "not the password")
        assert page.locator(".error-summary").inner_text().splitlines()[-1] == (
            "Het e-mailadres of het wachtwoord klopt niet."
        )
        assert page.input_value('input[name="email"]') == "dave@example.org"
        sign_in(page, server, "dave@example.org")
        assert page.url == f"{server.url}/projects"
        assert page.locator("h1").inner_text() == "Projecten"
        cookie = next(c for c in page.context.cookies() if c["name"] == "advies_session")
        assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
        page.click('button:text("Uitloggen")')
        assert page.url == f"{server.url}/-/login"
        page.goto(f"{server.url}/projects")
        assert page.url.startswith(f"{server.url}/-/login")


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_upload_advice_download_history_restore(
    browser: Browser,
    server: Server,
    javascript: bool,
    tmp_path: Path,
) -> None:
    from playwright.sync_api import expect

    name = f"Buurtverhalen {javascript}"
    good = tmp_path / "project.toml"
    good.write_bytes(named(name).replace(b"\n", b"\r\n"))  # CRLF: kept byte for byte
    broken = tmp_path / "kapot.toml"
    broken.write_bytes(named(name).replace(b'phase = "', b'phase = 3 #"', 1))
    with open_tab(browser, javascript) as page:
        sign_in(page, server, "ann@example.org")
        page.set_input_files("#file", str(good))
        page.click('button:text("Uploaden")')
        assert re.fullmatch(rf"{server.url}/projects/\d+\?saved=1", page.url)
        project = page.url.split("?")[0]
        assert page.locator("h1").inner_text() == name
        assert page.locator("[role=status]").inner_text() == "Opgeslagen als versie 1."
        advice = page.frame_locator("iframe")
        assert name in advice.locator("h1").first.inner_text()
        with page.expect_download() as download:
            page.click("text=Projectbestand (TOML)")
        assert Path(download.value.path()).read_bytes() == good.read_bytes()
        with page.expect_download() as download:
            page.click("text=Rapport (JSON)")
        assert b'"schema_version": 1' in Path(download.value.path()).read_bytes()

        page.set_input_files("#file", str(broken))
        page.click('button:text("Uploaden")')
        summary = page.locator(".error-summary")
        assert summary.locator("h2").inner_text() == ERROR_SUMMARY
        assert re.search(r"regel \d+, project\.phase: ", summary.inner_text()), summary.inner_text()
        page.goto(project)
        assert page.locator("main p").nth(0).inner_text().startswith("Versie 1 ")  # not saved

        page.set_input_files("#file", str(good))
        page.fill("#comment", "tweede keer")
        page.click('button:text("Uploaden")')
        assert page.locator("[role=status]").inner_text() == "Opgeslagen als versie 2."
        page.click("text=Geschiedenis")
        rows = page.locator("tbody tr")
        # NOTE: count() does not wait for the page the click opens; expect() does
        expect(rows).to_have_count(2)
        assert "ann@example.org" in rows.nth(0).inner_text()
        assert "tweede keer" in rows.nth(0).inner_text()
        page.click('button:text("Toon verschil")')
        assert page.locator("pre").inner_text().startswith(f"Voortgang: {name}")
        page.click('button:text("Zet terug als nieuwe versie (1)")')
        assert page.locator("[role=status]").inner_text() == (
            "Teruggezet: versie 1 is nu versie 3."
        )
        page.click("text=Geschiedenis")
        expect(page.locator("tbody tr")).to_have_count(3)
        assert "Versie 1 teruggezet" in page.locator("tbody tr").nth(0).inner_text()


def test_expired_session_signs_in_and_goes_back(browser: Browser, server: Server) -> None:
    with open_tab(browser, False) as page:
        page.context.add_cookies(
            [{"name": "advies_session", "value": "eyJ1IjoxfQ.old.signature", "url": server.url}]
        )
        page.goto(f"{server.url}/projects?x=1")
        assert page.locator("[role=status]").inner_text().startswith("Je sessie is verlopen.")
        page.fill('input[name="email"]', "ann@example.org")
        page.fill('input[name="password"]', PASSWORD)
        page.click('button:text("Inloggen")')
        assert page.url == f"{server.url}/projects?x=1"


def test_csrf_missing_or_wrong_is_refused(server: Server) -> None:
    client, csrf = signed_client(server, "bob@example.org")
    made = upload_file(client, csrf, named("Van Bob"))
    assert made.status_code == 303
    project = made.headers["location"].split("?")[0]
    files = {"file": ("p.toml", named("Anders"), "application/toml")}
    for token in ({}, {"csrf": "x" * 64}, {"csrf": ""}):
        for url in ("/projects", project):
            answer = client.post(url, data={**token, "base_version": "1"}, files=files)
            assert answer.status_code == 403, url
            assert "Er is niets opgeslagen." in answer.text
        answer = client.post(f"{project}/restore", data={**token, "version": "1"})
        assert answer.status_code == 403
        assert client.post("/-/logout", data=token).status_code == 403
    assert "Versie 1 " in client.get(project).text  # nothing saved
    assert [row["name"] for row in _listed(client)] == ["Van Bob"]
    # the sign-in form needs its token too (no sign-in forged from another site)
    fresh = httpx.Client(base_url=server.url)
    answer = fresh.post("/-/login", data={"email": "bob@example.org", "password": PASSWORD})
    assert answer.status_code == 403


def _listed(client: httpx.Client) -> list[dict[str, str]]:
    html = client.get("/projects").text
    return [{"name": n} for n in re.findall(r'<td><a href="/projects/\d+">(.*?)</a>', html)]


def test_another_users_project_is_404_on_every_page(server: Server) -> None:
    owner, csrf = signed_client(server, "carol@example.org")
    made = upload_file(owner, csrf, named("Van Carol"))
    project = made.headers["location"].split("?")[0]
    other, other_csrf = signed_client(server, "dave@example.org")
    missing = "/projects/999999"
    for base in (project, missing):
        for suffix in ("", "/project.toml", "/report.json", "/report.html", "/history"):
            answer = other.get(base + suffix)
            assert answer.status_code == 404, base + suffix
            assert "Deze pagina bestaat niet, of je mag hem niet zien." in answer.text
            assert "Van Carol" not in answer.text
        assert upload_file(other, other_csrf, named("Weg"), base).status_code == 404
        restore = {"csrf": other_csrf, "version": "1", "base_version": "1"}
        assert other.post(f"{base}/restore", data=restore).status_code == 404
    assert owner.get(project).status_code == 200
    assert "Versie 1 " in owner.get(project).text


def test_a_script_in_the_name_is_text(browser: Browser, server: Server, tmp_path: Path) -> None:
    name = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    hostile = tmp_path / "hostile.toml"
    hostile.write_bytes(named(name))
    with open_tab(browser, True) as page:
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        sign_in(page, server, "bob@example.org")
        page.set_input_files("#file", str(hostile))
        page.click('button:text("Uploaden")')
        assert page.locator("h1").inner_text() == name
        page.click("text=Geschiedenis")
        assert page.locator("h1").inner_text() == f"Geschiedenis: {name}"
        page.goto(f"{server.url}/projects")
        assert page.locator(f'td a:text-is("{name}")').count() == 1
        assert dialogs == []
        assert page.locator("main script, main img").count() == 0


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_fits_a_phone_and_has_lang(
    browser: Browser,
    server: Server,
    lang: str,
) -> None:
    with open_tab(browser, False, width=390) as page:
        page.goto(f"{server.url}/-/login?lang={lang}")
        page.fill('input[name="email"]', "bob@example.org")
        page.fill('input[name="password"]', PASSWORD)
        page.click("main button")
        page.goto(f"{server.url}/projects")
        project = page.locator("td a").first.get_attribute("href")
        paths = [
            "/-/login",
            "/projects",
            project,
            f"{project}/history?a=1&b=1",
            "/projects/999999",
        ]
        for path in paths:
            page.goto(f"{server.url}{path}")
            assert page.locator("html").get_attribute("lang") == lang, path
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, (path, width)
        assert page.locator("header a").nth(1).inner_text() == (
            "English" if lang == "nl" else "Nederlands"
        )


def test_too_large_binary_or_stale_saves_nothing(server: Server) -> None:
    client, csrf = signed_client(server, "ann@example.org")
    made = upload_file(client, csrf, named("Groot"))
    project = made.headers["location"].split("?")[0]
    padded = named("Groot") + b"#" * (1024 * 1024 + 1 - len(named("Groot")))
    assert len(padded) == 1024 * 1024 + 1
    for body, message in (
        (padded, "Het bestand is groter dan 1 MiB."),
        (b"\xff\xfe\x00binary", "Het bestand is geen tekst in UTF-8"),
    ):
        answer = upload_file(client, csrf, body, project)
        assert answer.status_code == 422
        assert message in answer.text and ERROR_SUMMARY in answer.text
    # a form far past the limit is refused before it is read: a page, not the API's JSON
    huge = upload_file(client, csrf, b"#" * (2 * 1024 * 1024), project)
    assert huge.status_code == 413
    assert huge.headers["content-type"] == "text/html; charset=utf-8"
    assert "Het bestand is groter dan 1 MiB. Er is niets opgeslagen." in huge.text
    saved = upload_file(client, csrf, named("Groot"), project)  # based on version 1: now 2
    assert saved.headers["location"].endswith("?saved=2")
    stale = upload_file(client, csrf, named("Te laat"), project)  # also based on version 1
    assert stale.status_code == 409
    assert "Iemand anders heeft het project intussen opgeslagen (nu versie 2)." in stale.text
    assert "Versie 2 " in client.get(project).text
    assert client.get(f"{project}/project.toml").content == named("Groot")


def test_a_viewer_reads_but_cannot_upload_or_restore(server: Server) -> None:
    owner, csrf = signed_client(server, "carol@example.org")
    made = upload_file(owner, csrf, named("Gedeeld"))
    project = made.headers["location"].split("?")[0]
    token = CliRunner().invoke(
        cli, ["tokens", "create", "carol@example.org", "--data", str(server.data)]
    )
    assert token.exit_code == 0, token.output
    api = httpx.post(
        f"{server.url}/api/v1{project}/members",
        json={"email": "dave@example.org", "role": "viewer"},
        headers={"Authorization": f"Bearer {token.output.strip()}"},
    )
    assert api.status_code == 201, api.text
    viewer, viewer_csrf = signed_client(server, "dave@example.org")
    page = viewer.get(project)
    assert page.status_code == 200 and 'enctype="multipart/form-data"' not in page.text
    assert "Zet terug" not in viewer.get(f"{project}/history").text
    refused = upload_file(viewer, viewer_csrf, named("Niet van mij"), project)
    assert refused.status_code == 403
    assert "Alleen redacteuren van dit project mogen dit." in refused.text
    restore = {"csrf": viewer_csrf, "version": "1", "base_version": "1"}
    assert viewer.post(f"{project}/restore", data=restore).status_code == 403
    assert viewer.get(f"{project}/project.toml").content == named("Gedeeld")


# NOTE: the last test on the shared server: it blocks sign-in from 127.0.0.1 for 15 minutes
def test_sign_in_is_rate_limited(server: Server) -> None:
    client = httpx.Client(base_url=server.url, timeout=60)
    csrf = csrf_of(client.get("/-/login").text)

    def attempt(email: str, password: str) -> httpx.Response:
        return client.post(
            "/-/login", data={"email": email, "password": password, "csrf": csrf, "next": "/"}
        )

    for _ in range(5):
        assert attempt("dave@example.org", "wrong").status_code == 401
    refused = attempt("dave@example.org", PASSWORD)  # even the right password, for now
    assert refused.status_code == 429
    assert "Te veel mislukte pogingen." in refused.text
    # per address: twenty failures from one address (the tests before this one made some),
    # on any accounts, block it; then even an account without failures cannot sign in
    answers = [attempt(f"niemand{n}@example.org", "wrong").status_code for n in range(20)]
    assert answers.count(401) < 15 and answers[-1] == 429, answers
    assert attempt("ann@example.org", PASSWORD).status_code == 429


def test_the_cookie_is_secure_under_an_https_base_url(tmp_path: Path) -> None:
    found = start_server(tmp_path, "--base-url", "https://advies.example.org")
    try:
        result = CliRunner().invoke(
            cli,
            ["users", "add", "erin@example.org", "--password-stdin", "--data", str(tmp_path)],
            input=PASSWORD + "\n",
        )
        assert result.exit_code == 0, result.output
        client = httpx.Client(base_url=found.url, timeout=60)
        first = client.get("/-/login")
        assert "; secure" in first.headers["set-cookie"].lower()
        # NOTE: a client sends no Secure cookie over plain http, so it goes by hand here
        session = first.headers["set-cookie"].split(";")[0]
        answer = httpx.post(
            f"{found.url}/-/login",
            data={"email": "erin@example.org", "password": PASSWORD, "csrf": csrf_of(first.text)},
            headers={"Cookie": session},
        )
        assert answer.status_code == 303
        cookie = answer.headers["set-cookie"].lower()
        assert "; secure" in cookie and "; httponly" in cookie and "samesite=lax" in cookie
    finally:
        stop_server(found)
