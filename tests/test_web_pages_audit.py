"""Every page, found by crawling, checked by axe-core, at phone width and without JavaScript.

For each person (signed out, editor, viewer, funder, administrator) the crawler of
webcrawl.py finds every page they can reach; each page is opened in Chromium with
JavaScript on and checked with axe-core (WCAG 2.0 and 2.1, A and AA: no ``serious`` or
``critical`` violation, also in the report's frame) and for what axe does not check (an
invalid field described by its error, an error summary's links leading to fields, a
visible focus on what the Tab key reaches), has ``lang`` ``nl`` or ``en``, has
no horizontal scroll at 390 × 800 (nor in its frame), and shows the same main heading with
JavaScript off. The error pages (404, 403, 409, 413, the upload's error summary, a wrong
password) are opened deliberately and checked the same way; a page shown in answer to a
POST is served to the browser as it came (``page.route``), so it is checked as it is.

axe-core is the npm package pinned in tests/js/package.json (``npm ci`` there, as .ci/run
does), read from ``ADVIES_AXE_JS`` or tests/js/node_modules; without it these tests skip,
unless ``ADVIES_REQUIRE_AXE=1`` (CI), where that is a failure.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from conftest import BROWSER_TIMEOUT
from test_web_server import start_server, stop_server
from webcrawl import (
    EDITOR,
    FUNDER,
    PERSONS,
    SIGNED_OUT,
    VIEWER,
    Site,
    build_site,
    client_of,
    crawl,
)
from webkit import EXAMPLES, PASSWORD, csrf_of, upload_file

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser, BrowserContext, Frame, Page

AXE = Path(__file__).parent / "js" / "node_modules" / "axe-core" / "axe.min.js"
#: the rules axe runs: WCAG 2.0 and 2.1, levels A and AA
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = {"width": 390, "height": 800}

#: the house rules axe does not know: an invalid field is described (aria-describedby, to
#: text that exists), and each link of an error summary leads to a field on the page
_FIELDS = """() => {
  const found = [];
  for (const field of document.querySelectorAll('[aria-invalid="true"]')) {
    const ids = (field.getAttribute("aria-describedby") || "").split(/\\s+/).filter(Boolean);
    const told = ids.map((id) => document.getElementById(id));
    if (!ids.length || told.some((el) => !el || !el.textContent.trim())) {
      found.push(`invalid field #${field.id} has no aria-describedby to its error`);
    }
  }
  for (const link of document.querySelectorAll('.error-summary a[href^="#"]')) {
    if (!document.getElementById(link.getAttribute("href").slice(1))) {
      found.push(`error summary link ${link.getAttribute("href")} leads to no field`);
    }
  }
  return found;
}"""

_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags},
                                          resultTypes: ["violations"]});
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target)}));
}"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    path = Path(os.environ.get("ADVIES_AXE_JS") or AXE)
    if not path.is_file():
        reason = (
            f"axe-core is not installed: {path} is missing (cd tests/js && npm ci, "
            "or ADVIES_AXE_JS=path/to/axe.min.js)"
        )
        if os.environ.get("ADVIES_REQUIRE_AXE") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    server = start_server(tmp_path_factory.mktemp("data"))
    try:
        yield build_site(server)
    finally:
        stop_server(server)


class Audit:
    """Three tabs of one person: desktop with JavaScript, phone width, JavaScript off."""

    def __init__(self, browser: Browser, axe: str, cookies: list[Any]) -> None:
        self.axe = axe
        self.problems: list[str] = []
        self._contexts: list[BrowserContext] = []
        self.desktop = self._tab(browser, cookies, javascript=True, phone=False)
        self.phone = self._tab(browser, cookies, javascript=True, phone=True)
        self.plain = self._tab(browser, cookies, javascript=False, phone=False)

    def _tab(self, browser: Browser, cookies: list[Any], javascript: bool, phone: bool) -> Page:
        context = browser.new_context(
            java_script_enabled=javascript,
            viewport=PHONE if phone else {"width": 1200, "height": 800},
            is_mobile=phone,
        )
        context.set_default_timeout(BROWSER_TIMEOUT * 1000)
        context.add_cookies(cookies)
        self._contexts.append(context)
        return context.new_page()

    def close(self) -> None:
        for context in self._contexts:
            context.close()

    def check(self, url: str, html: str | None = None, status: int = 200) -> None:
        """Audit the page at ``url`` (or ``html`` served as if from there)."""
        if html is not None:
            for tab in (self.desktop, self.phone, self.plain):
                tab.route(
                    url,
                    lambda route: route.fulfill(
                        status=status, body=html, content_type="text/html; charset=utf-8"
                    ),
                )
        self._axe(url)
        self._phone(url)
        self._heading(url)
        if html is not None:
            for tab in (self.desktop, self.phone, self.plain):
                tab.unroute(url)

    def _axe(self, url: str) -> None:
        self.desktop.goto(url)
        lang = self.desktop.locator("html").get_attribute("lang")
        if lang not in ("nl", "en"):
            self.problems.append(f"{url}: <html lang={lang!r}>, not nl or en")
        # NOTE: evaluate() runs the script as the browser's devtools do, so the page's
        # Content-Security-Policy (no inline scripts; none at all in the report's frame)
        # stays as it is for the audit; axe needs its script in every frame it looks into
        for frame in self.desktop.frames:
            frame.evaluate(self.axe)
        for found in self.desktop.evaluate(_RUN, TAGS):
            self.problems.append(
                f"{url}: axe {found['id']} ({found['impact']}) at {found['targets']}"
            )
        self.problems += [f"{url}: {found}" for found in self.desktop.evaluate(_FIELDS)]
        self._focus(url)

    def _focus(self, url: str) -> None:
        """Tab through the page: every element that takes the focus shows it."""
        for _ in range(MAX_TABS):
            self.desktop.keyboard.press("Tab")
            found = self.desktop.evaluate(_FOCUS)
            if found is None:
                return
            problem = f"{url}: no visible focus on {found['what']}"
            if not found["shown"] and problem not in self.problems:
                self.problems.append(problem)

    def _phone(self, url: str) -> None:
        self.phone.goto(url)
        for frame in self.phone.frames:
            width = _scroll_width(frame)
            if width > PHONE["width"]:
                where = url if frame == self.phone.main_frame else f"{url} (frame {frame.url})"
                self.problems.append(f"{where}: {width} px wide at 390 px, scrolls sideways")

    def _heading(self, url: str) -> None:
        self.plain.goto(url)
        with_js = self.desktop.locator("h1").all_inner_texts()
        without = self.plain.locator("h1").all_inner_texts()
        if len(with_js) != 1 or with_js != without:
            self.problems.append(
                f"{url}: main heading {with_js} with JavaScript, {without} without"
            )


#: how an element shows it has the keyboard's focus: an outline, or nothing (its tag and id)
_FOCUS = """() => {
  let el = document.activeElement;
  while (el && el.contentDocument && el.contentDocument.activeElement) {
    el = el.contentDocument.activeElement;  // the focus is inside the report's frame
  }
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  // NOTE: "auto" is the browser's own focus ring (two colours, always visible)
  const shown = style.outlineStyle === "auto" ||
    (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2);
  return {shown, what: `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} ${
    (el.textContent || el.getAttribute("name") || "").trim().slice(0, 40)}`};
}"""
#: at most this many Tab presses per page (the report's frame has many links)
MAX_TABS = 25


def _scroll_width(frame: Frame) -> int:
    return int(frame.evaluate("document.documentElement.scrollWidth"))


@pytest.fixture
def audit(browser: Browser, axe_source: str) -> Iterator[Any]:
    made: list[Audit] = []

    def start(cookies: list[Any]) -> Audit:
        made.append(Audit(browser, axe_source, cookies))
        return made[-1]

    yield start
    for found in made:
        found.close()


def _cookies(site: Site, client: httpx.Client) -> list[Any]:
    return [{"name": c.name, "value": c.value or "", "url": site.url} for c in client.cookies.jar]


#: every person in Dutch (the default); the signed-out visitor and the editor in English too
WALKS = [(p, "nl") for p in PERSONS] + [(SIGNED_OUT, "en"), (EDITOR, "en")]


@pytest.mark.parametrize(("person", "lang"), WALKS)
def test_every_page_passes_the_audit(site: Site, audit: Any, person: str, lang: str) -> None:
    with client_of(site, person) as client:
        client.cookies.set("advies_lang", lang)
        found = crawl(site, client)
        tabs = audit(_cookies(site, client))
    expected = {"/-/login"} if person == SIGNED_OUT else {"/projects", "/-/login"}
    assert expected <= set(found.pages), found.pages
    if person in (EDITOR, VIEWER, FUNDER):  # the readers reach the full example's history
        assert f"/projects/{site.full}/history" in found.pages, found.pages
    for path in found.pages:
        tabs.check(site.url + path)
    assert tabs.problems == [], "\n".join(tabs.problems)


def test_the_error_pages_pass_the_audit(site: Site, audit: Any, tmp_path: Path) -> None:
    with client_of(site, VIEWER) as viewer, client_of(site, EDITOR) as editor:
        tabs = audit(_cookies(site, editor))
        csrf = csrf_of(editor.get("/projects").text)
        project = f"{site.url}/projects/{site.sketch}"
        tabs.check(f"{site.url}/projects/999999")  # 404
        tabs.check(f"{site.url}/nergens")  # no page at all
        viewer_csrf = csrf_of(viewer.get("/projects").text)
        refused = upload_file(viewer, viewer_csrf, b"", f"/projects/{site.full}")
        assert refused.status_code == 403, refused.text
        tabs.check(f"{site.url}/projects/{site.full}", refused.text, 403)
        forged = upload_file(editor, "x" * 64, b"", f"/projects/{site.sketch}")
        assert forged.status_code == 403, forged.text
        tabs.check(project, forged.text, 403)
        # NOTE: the sketch is at version 2; a save based on version 1 comes too late
        stale = upload_file(editor, csrf, (EXAMPLES / "schets.toml").read_bytes(), project)
        assert stale.status_code == 409, stale.text
        tabs.check(project, stale.text, 409)
        huge = upload_file(editor, csrf, b"#" * (2 * 1024 * 1024), project)
        assert huge.status_code == 413, huge.text
        tabs.check(project, huge.text, 413)
    # the upload's error summary, made in the browser itself
    broken = tmp_path / "kapot.toml"
    broken.write_bytes(
        (EXAMPLES / "schets.toml").read_bytes().replace(b'phase = "', b"phase = 3 #")
    )
    tabs.desktop.goto(f"{site.url}/projects")
    tabs.desktop.set_input_files("#file", str(broken))
    tabs.desktop.click("main button[type=submit]")
    summary = tabs.desktop.locator(".error-summary")
    summary.wait_for()
    tabs.check(f"{site.url}/projects", tabs.desktop.content(), 422)
    # a form's error: a wrong password
    with httpx.Client(base_url=site.url, timeout=60) as stranger:
        token = csrf_of(stranger.get("/-/login").text)
        wrong = stranger.post(
            "/-/login", data={"email": EDITOR, "password": PASSWORD + "x", "csrf": token}
        )
        assert wrong.status_code == 401, wrong.text
    tabs.check(f"{site.url}/-/login", wrong.text, 401)
    assert tabs.problems == [], "\n".join(tabs.problems)


def test_the_audit_finds_what_it_looks_for(site: Site, audit: Any) -> None:
    # NOTE: a page with every fault the audit checks, so that a check that never fails
    # (axe not running, a frame not looked into) fails here
    bad = (
        '<!doctype html><html lang="xx"><head><title>x</title></head><body>'
        '<img src="/nothing.png"><div style="width:2000px">breed</div>'
        '<div class="error-summary"><a href="#weg">fout</a></div>'
        '<label for="q">Vraag</label><input id="q" aria-invalid="true">'
        '<button style="outline: none">knop</button>'
        "<noscript><h1>zonder</h1></noscript></body></html>"
    )
    tabs = audit([])
    tabs.check(f"{site.url}/audit-self-test", bad)
    found = "\n".join(tabs.problems)
    assert "axe image-alt (critical)" in found, found
    assert "<html lang='xx'>, not nl or en" in found, found
    assert "px wide at 390 px, scrolls sideways" in found, found
    assert "main heading [] with JavaScript, ['zonder'] without" in found, found
    assert "invalid field #q has no aria-describedby to its error" in found, found
    assert "error summary link #weg leads to no field" in found, found
    assert "no visible focus on button knop" in found, found
