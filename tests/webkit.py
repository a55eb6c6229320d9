"""What the browser and page tests share: a server with people, tabs, sign-in, forms.

A real ``advies serve`` on 127.0.0.1 with a temporary data folder (``start_server`` of
test_web_server.py); people made with ``advies users add --password-stdin``. A test module
uses the ``server`` fixture by importing it (``from webkit import server``), so that each
module starts its own server.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest
from click.testing import CliRunner
from conftest import BROWSER_TIMEOUT
from test_web_server import Server, start_server, stop_server

from interventie_advies.cli import cli

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser, Page

__all__ = [
    "ERROR_SUMMARY",
    "EXAMPLES",
    "NAME",
    "PASSWORD",
    "PEOPLE",
    "SKETCH",
    "Server",
    "csrf_of",
    "named",
    "open_tab",
    "server",
    "sign_in",
    "signed_client",
    "upload_file",
]

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SKETCH = (EXAMPLES / "schets.toml").read_bytes()
NAME = b'name = "Verhalen uit de Rivierenbuurt"'
PASSWORD = "een heel lang wachtwoord"
PEOPLE = ("ann@example.org", "bob@example.org", "carol@example.org", "dave@example.org")
#: the pages' words in Dutch (the default)
ERROR_SUMMARY = "Er is een probleem"


def named(name: str) -> bytes:
    """The sketch example with another project name (CRLF kept where the file has it)."""
    assert NAME in SKETCH
    return SKETCH.replace(NAME, f"name = {name!r}".replace("'", '"').encode())


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    found = start_server(tmp_path_factory.mktemp("data"), "--workers", "2")
    for email in PEOPLE:
        result = CliRunner().invoke(
            cli,
            ["users", "add", email, "--password-stdin", "--data", str(found.data)],
            input=PASSWORD + "\n",
        )
        assert result.exit_code == 0, result.output
    yield found
    stop_server(found)


@contextlib.contextmanager
def open_tab(browser: Browser, javascript: bool, width: int = 1000) -> Iterator[Page]:
    context = browser.new_context(
        java_script_enabled=javascript,
        viewport={"width": width, "height": 800},
        accept_downloads=True,
        is_mobile=width < 600,
    )
    context.set_default_timeout(BROWSER_TIMEOUT * 1000)
    try:
        yield context.new_page()
    finally:
        context.close()


def sign_in(page: Page, server: Server, email: str, password: str = PASSWORD) -> None:
    page.goto(f"{server.url}/-/login")
    page.fill('input[name="email"]', email)
    page.fill('input[name="password"]', password)
    page.click('button:text("Inloggen")')


def signed_client(server: Server, email: str) -> tuple[httpx.Client, str]:
    """A signed-in HTTP client and its CSRF token."""
    client = httpx.Client(base_url=server.url, timeout=60)
    token = csrf_of(client.get("/-/login").text)
    answer = client.post(
        "/-/login", data={"email": email, "password": PASSWORD, "csrf": token, "next": "/"}
    )
    assert answer.status_code == 303, answer.text
    return client, csrf_of(client.get("/projects").text)


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, html
    return found.group(1)


def upload_file(
    client: httpx.Client, csrf: str, body: bytes, to: str = "/projects"
) -> httpx.Response:
    files = {"file": ("project.toml", body, "application/toml")}
    return client.post(to, data={"csrf": csrf, "comment": "", "base_version": "1"}, files=files)
