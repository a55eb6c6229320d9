"""The form in a real browser (Debian's Chromium via Playwright), JavaScript off and on.

A project made page by page: the new-project page, the task list, an invalid date and its
fix, a list of checkboxes and yes/no/don't know, the back button and reload, and partners
added and removed with the form's own buttons.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import httpx
import pytest
import webkit
from webkit import ERROR_SUMMARY, PASSWORD, Server, open_tab, sign_in

if TYPE_CHECKING:
    from playwright.sync_api import Browser

#: the module's own server (webkit's fixture)
server = webkit.server


def _toml(server: Server, email: str, project: str) -> str:
    client = httpx.Client(base_url=server.url, timeout=60)
    login = client.get("/-/login").text
    token = re.search(r'name="csrf" value="([^"]+)"', login)
    assert token is not None
    data = {"email": email, "password": PASSWORD, "csrf": token.group(1), "next": "/"}
    client.post("/-/login", data=data)
    return client.get(f"{project}/project.toml").text


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_a_project_page_by_page(browser: Browser, server: Server, javascript: bool) -> None:
    from playwright.sync_api import expect

    name = f"Buurtkoor {'js' if javascript else 'zonder js'}"
    with open_tab(browser, javascript, width=390) as page:
        sign_in(page, server, "bob@example.org")
        expect(page.locator("h1")).to_have_text("Projecten")
        page.click("text=Nieuw project")
        expect(page.locator("h1")).to_have_text("Nieuw project")
        page.fill("#f-project-name", name)
        page.select_option("#f-project-phase", "preparation")
        page.click('button:text("Project maken")')
        expect(page.locator("h1")).to_contain_text("Project invullen")
        tasks = page.url
        project = re.sub(r"^https?://[^/]+", "", tasks).removesuffix("/edit")

        # an invalid value, kept with its message; then fixed
        page.click('a:text-is("Project")')
        page.fill("#f-project-municipality", "Dijkstad")
        page.fill("#f-project-start", "2026-05-01")
        page.fill("#f-project-end", "2026-01-01")
        page.click('button:text("Opslaan en verder") >> nth=1')
        summary = page.locator(".error-summary")
        expect(summary).to_contain_text(ERROR_SUMMARY)
        expect(page.locator("#f-project-end-error")).to_contain_text("het einde (2026-01-01)")
        expect(page.locator("#f-project-municipality")).to_have_value("Dijkstad")
        expect(page.locator("#f-project-end")).to_have_value("2026-01-01")
        summary.locator('a[href="#f-project-end"]').click()
        expect(page.locator("#f-project-end")).to_be_focused()
        page.fill("#f-project-end", "2026-12-31")
        page.click('button:text("Opslaan en verder") >> nth=1')
        expect(page).to_have_url(f"{server.url}{project}/edit/residents")

        # checkboxes and yes / no / don't know
        page.check('label:text-is("eenzaamheid")')
        page.check("#f-residents-needs_identified_with_residents")
        page.click('button:text("Opslaan en verder") >> nth=1')
        expect(page).to_have_url(f"{server.url}{project}/edit/art")
        page.go_back()
        expect(page).to_have_url(f"{server.url}{project}/edit/residents")
        expect(page.locator("#f-residents-needs_identified_with_residents")).to_be_checked()
        expect(page.locator('label:text-is("eenzaamheid")')).to_be_visible()

        # partners: added, typed, reloaded, one removed, saved; the page fits the phone
        page.goto(f"{server.url}{project}/edit/partners")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.click('button:text("Partner toevoegen")')
        expect(page.locator("#f-partners-1-name")).to_be_visible()
        page.fill("#f-partners-1-name", "Welzijn Dijkstad")
        page.click('button:text("Partner toevoegen")')
        expect(page.locator("#f-partners-2-name")).to_be_visible()
        expect(page.locator("#f-partners-1-name")).to_have_value("Welzijn Dijkstad")
        page.reload()
        expect(page.locator("#f-partners-1-name")).to_have_value("Welzijn Dijkstad")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.click('button:text("Partner 2 weghalen")')
        expect(page.locator("#f-partners-2-name")).to_have_count(0)
        page.select_option("#f-partners-1-domain", "social")
        page.click('button:text("Opslaan en terug naar de lijst")')
        expect(page.locator(".notice")).to_contain_text("Opgeslagen als versie")
        expect(page.locator('a:text-is("Partners") >> xpath=../..')).to_contain_text("onvolledig")
    text = _toml(server, "bob@example.org", project)
    assert text.startswith(f'format = 1\n\n[project]\nname = "{name}"\nphase = "preparation"\n')
    assert "start = 2026-05-01\nend = 2026-12-31\n" in text
    assert 'needs = ["loneliness"]\nneeds_identified_with_residents = true\n' in text
    assert '[[partners]]\nname = "Welzijn Dijkstad"\ndomain = "social"\n' in text
    assert text.count("[[partners]]") == 1


def _shared_project(server: Server, name: str) -> str:
    """A project of carol's with dave as a second editor; its path (``/projects/N``)."""
    from click.testing import CliRunner

    from interventie_advies.cli import cli

    made = CliRunner().invoke(cli, ["tokens", "create", "carol@example.org", *server.db.args])
    assert made.exit_code == 0, made.output
    api = httpx.Client(
        base_url=f"{server.url}/api/v1",
        headers={"Authorization": f"Bearer {made.output.strip()}"},
        timeout=60,
    )
    text = f'format = 1\n\n[project]\nname = "{name}"\nphase = "preparation"\n'
    created = api.post("/projects", json={"toml": text})
    assert created.status_code == 201, created.text
    number = created.json()["id"]
    added = api.post(
        f"/projects/{number}/members", json={"email": "dave@example.org", "role": "editor"}
    )
    assert added.status_code == 201, added.text
    return f"/projects/{number}"


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_two_people_save_the_same_page_at_once(
    browser: Browser, server: Server, javascript: bool
) -> None:
    """The second save is refused, shown both values, and saves on top only when asked."""
    from playwright.sync_api import expect

    project = _shared_project(server, f"Samen {'js' if javascript else 'zonder js'}")
    with open_tab(browser, javascript) as carol, open_tab(browser, javascript) as dave:
        sign_in(carol, server, "carol@example.org")
        sign_in(dave, server, "dave@example.org")
        for page in (carol, dave):  # both open version 1 of the same page
            page.goto(f"{server.url}{project}/edit/project")
            expect(page.locator("h1")).to_have_text("Project")
        carol.fill("#f-project-neighbourhood", "Lindenhof")
        carol.click('button:text("Opslaan en verder") >> nth=1')
        expect(carol).to_have_url(f"{server.url}{project}/edit/residents")

        dave.fill("#f-project-neighbourhood", "Rivierenbuurt")
        dave.fill("#f-project-municipality", "Dijkstad")
        dave.click('button:text("Opslaan en verder") >> nth=1')
        conflict = dave.locator(".error-summary")
        expect(conflict).to_contain_text("versie 2")
        table = conflict.locator("table")
        expect(table).to_contain_text("Rivierenbuurt")  # what dave typed
        expect(table).to_contain_text("Lindenhof")  # what carol saved
        expect(dave.locator("#f-project-municipality")).to_have_value("Dijkstad")  # kept
        assert 'neighbourhood = "Lindenhof"' in _toml(server, "dave@example.org", project)

        dave.click('button:text("versie 2")')
        expect(dave).to_have_url(f"{server.url}{project}/edit/residents")
        saved = _toml(server, "dave@example.org", project)
        assert 'neighbourhood = "Rivierenbuurt"' in saved and 'municipality = "Dijkstad"' in saved
