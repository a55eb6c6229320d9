"""The programme pages in a browser (Chromium), with JavaScript on and off.

An administrator makes a programme and names a funder with the forms; the funder filters
the portfolio, opens a project from it and downloads the CSV; on a 390-pixel-wide phone
the portfolio is a list per project, and nothing scrolls sideways.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner
from webkit import (
    EXAMPLES,
    PASSWORD,
    Server,
    open_tab,
    server,  # noqa: F401  # the module's fixture
    sign_in,
)

from interventie_advies.cli import cli

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ADMIN = "erin@example.org"
#: examples of two phases, so that the phase filter narrows
FILES = ("buurtopera.toml", "jongerenfilm.toml", "schets.toml", "generatiekoor.toml")


def _advies(*args: str, given: str | None = None) -> str:
    result = CliRunner().invoke(cli, list(args), input=given, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def admin(server: Server) -> str:  # noqa: F811
    """An administrator on the module's server (its people are plain users)."""
    _advies(
        "users",
        "add",
        ADMIN,
        "--role",
        "admin",
        "--password-stdin",
        "--data",
        str(server.data),
        given=PASSWORD + "\n",
    )
    return ADMIN


def _submit(server: Server, programme: int) -> dict[str, str]:  # noqa: F811
    """The examples submitted to the programme by Ann; each id's phase."""
    token = _advies("tokens", "create", "ann@example.org", "--data", str(server.data)).strip()
    phases = {}
    with server.client(token) as ann:
        for name in FILES:
            text = (EXAMPLES / name).read_text(encoding="utf-8")
            made = ann.post("/api/v1/projects", json={"toml": text, "programme": programme})
            assert made.status_code == 201, made.text
            found = re.search(r'^phase = "(\w+)"', text, re.M)
            assert found
            phases[str(made.json()["id"])] = found[1]
    return phases


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_admin_names_a_funder_who_filters_opens_and_downloads(
    browser: Browser,
    server: Server,  # noqa: F811
    admin: str,
    javascript: bool,
) -> None:
    from playwright.sync_api import expect

    name = f"Buurtfonds {'js' if javascript else 'no-js'}"
    with open_tab(browser, javascript) as page:
        sign_in(page, server, admin)
        page.click('header a:text("Programma\'s")')
        expect(page.locator("h1")).to_have_text("Programma's")
        page.fill("#name", name)
        page.click('button:text("Programma maken")')
        expect(page.locator("[role=status]")).to_have_text("Het programma is gemaakt.")
        programme = int(re.findall(r"/programmes/(\d+)/funders", page.url)[0])
        page.fill("#email", "niemand@example.org")
        page.click('button:text("Toevoegen")')
        summary = page.locator(".error-summary")
        expect(summary).to_contain_text("Er is geen account met dit e-mailadres.")
        assert page.input_value("#email") == "niemand@example.org"  # what was typed stays
        assert page.get_attribute("#email", "aria-invalid") == "true"
        page.fill("#email", "dave@example.org")
        page.click('button:text("Toevoegen")')
        expect(page.locator("[role=status]")).to_have_text(
            "dave@example.org is nu financier van dit programma."
        )
        expect(page.locator("ul.funders li")).to_have_count(1)

    phases = _submit(server, programme)
    executing = sorted(i for i, p in phases.items() if p == "execution")
    assert 0 < len(executing) < len(phases)
    with open_tab(browser, javascript) as page:
        sign_in(page, server, "dave@example.org")
        page.click('header a:text("Programma\'s")')
        page.click(f"main a:text-is('{name}')")
        matrix = page.locator("table.matrix tbody tr")
        expect(matrix).to_have_count(len(phases))
        page.select_option("#f-phase", "execution")
        page.click('button:text("Toon")')
        expect(matrix).to_have_count(len(executing))
        assert "phase=execution" in page.url  # the address holds the filter
        links = matrix.locator("th a")
        shown = sorted(link.get_attribute("href").rsplit("/", 1)[1] for link in links.all())
        assert shown == executing
        with page.expect_download() as download:
            page.click('a:text("Download als CSV voor Excel met Nederlandse instellingen")')
        csv = Path(download.value.path()).read_bytes().decode("utf-8")
        assert csv.startswith("\ufeffbestand;naam;fase;")
        assert len(csv.splitlines()) == 1 + len(executing)
        first = links.first.inner_text()
        links.first.click()
        expect(page.locator("h1")).to_have_text(first)
        assert page.locator('button:text("Uploaden")').count() == 0  # a funder reads only


def test_a_phone_gets_the_list(browser: Browser, server: Server, admin: str) -> None:  # noqa: F811
    from playwright.sync_api import expect

    token = _advies("tokens", "create", admin, "--data", str(server.data)).strip()
    with server.client(token) as api:
        programme = api.post("/api/v1/programmes", json={"name": "Telefoon"}).json()["id"]
    _submit(server, programme)
    with open_tab(browser, False, width=390) as page:
        sign_in(page, server, admin)
        page.goto(f"{server.url}/programmes/{programme}")
        expect(page.locator("ul.cards")).to_be_visible()
        expect(page.locator("table.matrix")).to_be_hidden()
        cards = page.locator("ul.cards > li")
        expect(cards).to_have_count(len(FILES))
        assert "op orde:" in cards.first.inner_text().lower()
        for path in ("/programmes", f"/programmes/{programme}", f"/programmes/{programme}/funders"):
            page.goto(f"{server.url}{path}")
            width = page.evaluate("document.documentElement.scrollWidth")
            wide = page.evaluate(
                "[...document.querySelectorAll('main *')]"
                ".filter(e => e.getBoundingClientRect().right > 390)"
                ".slice(0, 5).map(e => e.outerHTML.slice(0, 120))"
            )
            assert width <= 390, (path, width, wide)
