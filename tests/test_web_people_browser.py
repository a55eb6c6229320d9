"""People in a real browser (Chromium, Playwright), with JavaScript off and on.

The first administrator from the link ``advies serve`` prints; an editor invites someone
who creates an account with the link and then sees the project; that person downloads
everything held about them, deletes a project of their own and then their account.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import pytest
import webkit
from test_web_server import start_server, stop_server
from webkit import Server, named, open_tab, sign_in

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Browser, Page

#: the module's own server (a fixture)
server = webkit.server

NEW_PASSWORD = "nog een heel lang wachtwoord"


def _upload(page: Page, server: Server, tmp_path: Path, name: str) -> None:
    from playwright.sync_api import expect

    file = tmp_path / f"{len(name)}-{abs(hash(name))}.toml"
    file.write_bytes(named(name))
    page.goto(f"{server.url}/projects")
    page.set_input_files("#file", str(file))
    page.click('button:text("Uploaden")')
    expect(page.locator("h1")).to_have_text(name)


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_the_first_administrator_from_the_printed_link(
    browser: Browser, tmp_path: Path, javascript: bool
) -> None:
    from playwright.sync_api import expect

    found = start_server(tmp_path)
    try:
        link = re.search(r"http://\S+/-/start\?token=[A-Za-z0-9_-]{43}", found.out.read_text())
        assert link is not None
        with open_tab(browser, javascript) as page:
            page.goto(link.group(0))
            expect(page.locator("h1")).to_have_text("Eerste beheerder")
            page.fill("#email", "beheer@example.org")
            page.fill("#password", NEW_PASSWORD)
            page.click('button:text("Account maken")')
            expect(page.locator("h1")).to_have_text("Beheerder gemaakt")
            page.click('a:text("Log in")')
            expect(page.locator("h1")).to_have_text("Inloggen")
            sign_in(page, found, "beheer@example.org", NEW_PASSWORD)
            expect(page.locator("h1")).to_have_text("Projecten")
            assert page.url == f"{found.url}/projects"
            page.goto(link.group(0))
            expect(page.locator("h1")).to_have_text("Link werkt niet meer")
    finally:
        stop_server(found)


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_invite_join_export_delete_project_and_account(
    browser: Browser, server: Server, tmp_path: Path, javascript: bool
) -> None:
    from playwright.sync_api import expect

    shared = f"Samen maken {javascript}"
    newcomer = f"nieuw-{'js' if javascript else 'nojs'}@example.org"
    with open_tab(browser, javascript) as page:
        sign_in(page, server, "ann@example.org")
        _upload(page, server, tmp_path, shared)
        page.click('a:text("Leden")')
        expect(page.locator("h1")).to_have_text(f"Leden: {shared}")
        page.check("#role-editor")
        page.click('button:text("Maak een uitnodigingslink")')
        expect(page.locator("#new-link")).to_have_count(1)
        link = page.input_value("#new-link")
        assert link.startswith(f"{server.url}/-/invite/")
        page.reload()
        expect(page.locator("#new-link")).to_have_count(0)  # shown once

    with open_tab(browser, javascript, width=390) as page:
        page.goto(link)
        expect(page.locator("h1")).to_have_text("Uitnodiging")
        page.fill("#email", newcomer)
        page.fill("#password", NEW_PASSWORD)
        page.fill("#again", "niet hetzelfde wachtwoord")
        page.click('button:text("Maak account en doe mee")')
        expect(page.locator(".error-summary")).to_contain_text(
            "De twee wachtwoorden zijn niet hetzelfde."
        )
        assert page.input_value("#email") == newcomer  # what was typed stays
        page.fill("#password", NEW_PASSWORD)
        page.fill("#again", NEW_PASSWORD)
        page.click('button:text("Maak account en doe mee")')
        expect(page.locator("h1")).to_have_text(shared)

        # everything held about me
        page.click('footer a:text("Mijn account")')
        expect(page.locator("h1")).to_have_text("Mijn account")
        expect(page.locator("main")).to_contain_text(shared)
        with page.expect_download() as download:
            page.click('a:text("Download alles wat we over je bewaren (JSON)")')
        saved = tmp_path / "export.json"
        download.value.save_as(saved)
        data = json.loads(saved.read_text(encoding="utf-8"))
        assert data["user"]["email"] == newcomer
        assert [m["name"] for m in data["memberships"]] == [shared]

        # a project of my own, deleted
        own = f"Van mij alleen {javascript}"
        _upload(page, server, tmp_path, own)
        page.click('a:text("Project verwijderen")')
        expect(page.locator("h1")).to_have_text(f"Project verwijderen: {own}")
        page.click('button:text("Verwijder dit project")')
        expect(page.locator(".notice")).to_have_text("Het project is verwijderd.")
        expect(page.locator("main")).not_to_contain_text(own)

        # and my account
        page.goto(f"{server.url}/-/account")
        page.click('a:text("Account verwijderen")')
        expect(page.locator("h1")).to_have_text("Account verwijderen")
        expect(page.locator("#going")).to_have_count(0)  # ann edits the shared one too
        page.fill("#password", "niet mijn wachtwoord")
        page.click('button:text("Verwijder mijn account")')
        expect(page.locator(".error-summary")).to_contain_text("Het wachtwoord klopt niet.")
        page.fill("#password", NEW_PASSWORD)
        page.click('button:text("Verwijder mijn account")')
        expect(page.locator("h1")).to_have_text("Je account is verwijderd.")
        page.goto(f"{server.url}/projects")
        expect(page.locator("h1")).to_have_text("Inloggen")


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_the_privacy_page_from_the_footer(
    browser: Browser, server: Server, javascript: bool
) -> None:
    from playwright.sync_api import expect

    with open_tab(browser, javascript, width=390) as page:
        page.goto(f"{server.url}/-/login")
        page.click('footer a:text("Privacy")')
        expect(page.locator("h1")).to_have_text("Privacy")
        expect(page.locator("h2")).to_have_text(
            ["Wat we bewaren", "Waarom", "Wie het ziet", "Hoe lang", "Inzien en verwijderen"]
        )
        width = page.evaluate("document.documentElement.scrollWidth") if javascript else 390
        assert width <= 390
