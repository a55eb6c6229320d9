"""Make the README's pictures of the web application: ``python docs/screenshots.py``.

Starts ``advies serve`` on a free local port with a temporary data folder, adds a user,
uploads ``examples/buurtopera.toml`` and takes two pictures in Debian's Chromium
(Playwright with ``executable_path``): the project page with its advice, and a page of the
form. They are written to ``docs/images/``. Needs the ``[web]`` extra and Playwright.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "images"
EMAIL = "anna@example.org"
PASSWORD = "een heel lang wachtwoord"


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _advies(*args: str, given: str = "") -> None:
    subprocess.run([sys.executable, "-m", "interventie_advies", *args], input=given,
                   text=True, check=True, capture_output=True)  # fmt: skip


def main() -> None:
    """Start a server, fill it, and take the pictures."""
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as data:
        _advies("users", "add", EMAIL, "--password-stdin", "--data", data, given=PASSWORD)
        port = _port()
        url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "-m", "interventie_advies", "serve", "--data", data,
             "--port", str(port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    if time.monotonic() > deadline:
                        raise
                time.sleep(0.2)
            _pictures(url)
        finally:
            server.terminate()
            server.wait(timeout=30)


def _pictures(url: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("ADVIES_CHROMIUM", "/usr/bin/chromium"),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.goto(f"{url}/-/login")
        page.fill('input[name="email"]', EMAIL)
        page.fill('input[name="password"]', PASSWORD)
        page.click('button[type="submit"]')
        page.wait_for_url(re.compile(r".*/projects$"))
        page.set_input_files('input[name="file"]', str(ROOT / "examples" / "buurtopera.toml"))
        page.locator('form:has(input[name="file"]) button[type="submit"]').click()
        page.wait_for_url(re.compile(r".*/projects/\d+(\?.*)?$"))
        project = re.sub(r"\?.*$", "", page.url)
        page.wait_for_timeout(500)  # NOTE: the report's frame, so that it shows in the picture
        page.screenshot(path=str(OUT / "web-project.png"))
        page.goto(f"{project}/edit/residents")
        page.screenshot(path=str(OUT / "web-form.png"))
        browser.close()


if __name__ == "__main__":
    main()
