"""Decisions on the advice in a browser (Playwright, Debian's chromium), JavaScript on and off.

Off, the form posts and the page comes back at the piece of advice; on, htmx swaps the
decisions section in place (the page does not reload), the spoken notice says what was
saved, and the next save goes on the new version.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
import tomli
import webkit
from playwright.sync_api import expect
from webkit import EXAMPLES, open_tab, sign_in, signed_client, upload_file

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page
    from webkit import Server

OPERA = (EXAMPLES / "buurtopera.toml").read_bytes()
#: this module's own server (a fixture of webkit.py)
server = webkit.server


def _decide(page: Page, code: str, status: str, reason: str) -> None:
    # the form is folded under its piece of advice: open it as a person does
    if page.locator(f"#d-{code} details").get_attribute("open") is None:
        page.click(f"#d-{code} summary")
    page.select_option(f"#status-{code}", status)
    page.fill(f"#reason-{code}", reason)
    page.click(f"#save-{code}")


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_record_a_decision_and_see_it_in_the_report(
    browser: Browser, server: Server, javascript: bool
) -> None:
    client, csrf = signed_client(server, "ann@example.org")
    project = upload_file(client, csrf, OPERA).headers["location"].split("?")[0]
    with open_tab(browser, javascript) as page:
        sign_in(page, server, "ann@example.org")
        page.goto(f"{server.url}{project}")
        if javascript:
            page.evaluate("window.notReloaded = true")
        _decide(page, "KEY04", "not_applicable", "")
        summary = page.locator("#decisions .error-summary")
        expect(summary).to_contain_text("Een reden is nodig bij ‘niet van toepassing’.")
        expect(page.locator("#reason-KEY04-error")).to_be_visible()
        _decide(page, "KEY04", "rejected", "Past niet bij ons koor")
        announce = page.locator("#announce")
        expect(announce).to_have_text(
            "Besluit opgeslagen: KEY04 afgewezen. Het project is nu versie 2."
        )
        expect(page.locator("#decisions .error-summary")).to_have_count(0)
        frame = page.frame_locator("#report-frame")
        expect(frame.get_by_text("Past niet bij ons koor")).to_be_visible()
        expect(page.locator("#version-line")).to_contain_text("Versie 2")
        if javascript:
            assert page.evaluate("window.notReloaded") is True
            assert page.url == f"{server.url}{project}"
            expect(page.locator("#save-KEY04")).to_be_focused()
        else:
            assert page.url == f"{server.url}{project}?decided=KEY04#d-KEY04"
        # the next save goes on the version the first one made, and so does an upload
        _decide(page, "RB01", "in_progress", "")
        expect(announce).to_have_text(
            "Besluit opgeslagen: RB01 mee bezig. Het project is nu versie 3."
        )
        expect(page.locator('form[enctype] input[name="base_version"]')).to_have_value("3")
    saved = tomli.loads(client.get(f"{project}/project.toml").text)["decisions"]
    assert [(d["rule"], d["status"], d.get("reason")) for d in saved] == [
        ("RB04", "rejected", saved[0]["reason"]),
        ("KEY04", "rejected", "Past niet bij ons koor"),
        ("RB01", "in_progress", None),
    ]


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_a_question_takes_an_editor_to_its_field(
    browser: Browser, server: Server, javascript: bool
) -> None:
    client, csrf = signed_client(server, "bob@example.org")
    project = upload_file(client, csrf, webkit.SKETCH).headers["location"].split("?")[0]
    with open_tab(browser, javascript, width=390) as page:
        sign_in(page, server, "bob@example.org")
        page.goto(f"{server.url}{project}")
        link = page.locator("#questions a").first
        expect(link).to_have_attribute("href", f"{project}/edit/partners#f-partners")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_refused_htmx_save_shows_the_error_page_in_place(
    browser: Browser, server: Server
) -> None:
    """With JavaScript, a form gone stale (another session's CSRF) still says why."""
    client, csrf = signed_client(server, "carol@example.org")
    project = upload_file(client, csrf, OPERA).headers["location"].split("?")[0]
    with open_tab(browser, True) as page:
        sign_in(page, server, "carol@example.org")
        page.goto(f"{server.url}{project}")
        page.evaluate(
            "document.querySelectorAll('input[name=csrf]').forEach(i => { i.value = 'x' })"
        )
        _decide(page, "KEY04", "done", "")
        expect(page.locator("#main [role=alert]")).to_contain_text("Er is niets opgeslagen.")
    assert "KEY04" not in client.get(f"{project}/project.toml").text
