"""A site with realistic data, and a crawler that finds its pages and forms by itself.

The audit (test_web_pages_audit.py) and the security tests (test_web_security.py) must
cover pages that other parts of the app add later, so neither lists the pages: both crawl
them. :func:`build_site` makes an administrator, an editor with two projects from
``examples/`` (the full ``buurtopera.toml`` in a programme and ``schets.toml`` uploaded
through the page, each with two versions), a viewer, a funder of the programme and a
stranger, with ``advies users add``, ``advies tokens create`` and the JSON API.
:func:`crawl` follows every same-origin GET link and GET form from the start pages, over
plain HTTP (the pages need no JavaScript), and collects every POST form it sees.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import httpx
from click.testing import CliRunner
from webkit import EXAMPLES, PASSWORD, Server, csrf_of, signed_client, upload_file

from interventie_advies.cli import cli

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "ADMIN",
    "EDITOR",
    "FUNDER",
    "PERSONS",
    "SIGNED_OUT",
    "STRANGER",
    "VIEWER",
    "Crawl",
    "Form",
    "Site",
    "build_site",
    "client_of",
    "crawl",
]

ADMIN = "admin@example.org"
EDITOR = "editor@example.org"
VIEWER = "viewer@example.org"
FUNDER = "funder@example.org"
STRANGER = "stranger@example.org"
SIGNED_OUT = "signed-out"
#: everyone the audit walks the site as
PERSONS = (SIGNED_OUT, EDITOR, VIEWER, FUNDER, ADMIN)
#: where every crawl starts, with the programme's pages (those that do not exist yet, or
#: that the person may not see, answer 404 and are left out)
STARTS = ("/projects", "/-/login", "/-/privacy", "/programmes")
#: what is a download, not a page
_DOWNLOADS = (".toml", ".json", ".csv")
MAX_PAGES = 60
MAX_VARIANTS = 3  # query-string variants of one path


@dataclass
class Site:
    """The server and what was made on it."""

    server: Server
    full: int  # the full example's project id (in the programme, two versions)
    sketch: int  # schets.toml's project id (uploaded through the page, two versions)
    programme: int
    tokens: dict[str, str]  # API tokens by e-mail address

    @property
    def url(self) -> str:
        return self.server.url


@dataclass
class Form:
    """A POST form as a page shows it: where it posts, and its fields with their values."""

    page: str
    action: str
    fields: dict[str, str]
    files: list[str]


@dataclass
class Crawl:
    """What a crawl found: the pages (path and query), and the POST forms on them."""

    pages: list[str] = field(default_factory=list)
    forms: list[Form] = field(default_factory=list)
    #: every same-origin address the pages name (downloads and frames too), not followed
    named: set[str] = field(default_factory=set)


def _advies(*args: str, stdin: str | None = None) -> str:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    assert result.exit_code == 0, result.output
    return result.output


def build_site(server: Server) -> Site:
    """The people, the programme and the projects (see the module's docstring)."""
    data = ["--data", str(server.data)]
    for email in (ADMIN, EDITOR, VIEWER, FUNDER, STRANGER):
        role = "admin" if email == ADMIN else "user"
        _advies(
            "users", "add", email, "--role", role, "--password-stdin", *data, stdin=PASSWORD + "\n"
        )
    tokens = {e: _advies("tokens", "create", e, *data).strip() for e in (ADMIN, EDITOR)}
    with server.client(tokens[ADMIN]) as admin, server.client(tokens[EDITOR]) as editor:
        made = admin.post("/api/v1/programmes", json={"name": "Buurtbudget Oost"})
        assert made.status_code == 201, made.text
        programme = int(made.json()["id"])
        funder = admin.post(f"/api/v1/programmes/{programme}/funders", json={"email": FUNDER})
        assert funder.status_code == 201, funder.text
        opera = (EXAMPLES / "buurtopera.toml").read_text(encoding="utf-8")
        made = editor.post("/api/v1/projects", json={"toml": opera, "programme": programme})
        assert made.status_code == 201, made.text
        full = int(made.json()["id"])
        again = {"toml": opera + "\n# tweede versie\n", "base_version": 1, "comment": "Bijgewerkt"}
        assert editor.put(f"/api/v1/projects/{full}", json=again).status_code == 200
        member = {"email": VIEWER, "role": "viewer"}
        assert editor.post(f"/api/v1/projects/{full}/members", json=member).status_code == 201
    with client_of(server, EDITOR) as client:
        csrf = csrf_of(client.get("/projects").text)
        uploaded = upload_file(client, csrf, (EXAMPLES / "schets.toml").read_bytes())
        assert uploaded.status_code == 303, uploaded.text
        sketch = int(uploaded.headers["location"].split("?")[0].rsplit("/", 1)[1])
        again = upload_file(
            client, csrf, (EXAMPLES / "schets.toml").read_bytes(), f"/projects/{sketch}"
        )
        assert again.status_code == 303, again.text
    return Site(server, full, sketch, programme, tokens)


@contextlib.contextmanager
def client_of(site: Site | Server, person: str) -> Iterator[httpx.Client]:
    """An HTTP client signed in as ``person`` (or signed out), closed afterwards."""
    server = site.server if isinstance(site, Site) else site
    if person == SIGNED_OUT:
        client = httpx.Client(base_url=server.url, timeout=60)
    else:
        client = signed_client(server, person)[0]
    with contextlib.closing(client):
        yield client


class _Page(HTMLParser):
    """The links, GET forms and POST forms of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.named: list[str] = []
        self.forms: list[tuple[str, str, dict[str, str], list[str]]] = []
        self._select: str | None = None
        self._first = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag in ("a", "iframe") and (found.get("href") or found.get("src")):
            self.named.append(found.get("href") or found.get("src") or "")
        if tag == "a" and "href" in found and "download" not in found:
            self.links.append(found["href"])
        elif tag == "form":
            method = found.get("method", "get").lower()
            self.forms.append((method, found.get("action", ""), {}, []))
        elif tag == "option" and self._select and self.forms:
            # NOTE: the first option, unless a later one is selected
            if self._first or "selected" in found:
                self.forms[-1][2][self._select] = found.get("value", "\0")
                self._first = False
        elif not self.forms or "name" not in found:
            return
        elif tag == "input" and found.get("type") == "file":
            self.forms[-1][3].append(found["name"])
        elif tag == "input" and found.get("type") not in ("checkbox", "radio", "submit"):
            self.forms[-1][2][found["name"]] = found.get("value", "")
        elif tag == "input" and "checked" in found:
            self.forms[-1][2][found["name"]] = found.get("value", "on")
        elif tag == "textarea":
            self.forms[-1][2][found["name"]] = ""
        elif tag == "select":
            self._select, self._first = found["name"], True
            self.forms[-1][2][found["name"]] = ""

    def handle_data(self, data: str) -> None:
        # NOTE: an <option> without a value sends its text; "\0" marks that it is still due
        if self._select and self.forms and self.forms[-1][2].get(self._select) == "\0":
            self.forms[-1][2][self._select] = data.strip()

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


def _page_path(url: str) -> str | None:
    """The path and query of a same-origin page, or None for what is not crawled."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    if (
        parts.path.startswith("/api/")
        or parts.path.endswith(_DOWNLOADS)
        or ("download", "1") in query
        or any(k == "lang" for k, _ in query)  # NOTE: the language is chosen per crawl
    ):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(site: Site, client: httpx.Client) -> Crawl:
    """Every page reachable from the start pages, at most ``MAX_PAGES``, with its forms."""
    found = Crawl()
    # NOTE: the programme's own pages too: no page links them for every person yet
    starts = (*STARTS, f"/programmes/{site.programme}", f"/programmes/{site.programme}/invites")
    queue = [s for s in starts if client.get(s).status_code != 404]
    seen: set[str] = set(queue)
    variants: Counter[str] = Counter()
    while queue and len(found.pages) < MAX_PAGES:
        path = queue.pop(0)
        answer = client.get(path, follow_redirects=True)
        if "text/html" not in answer.headers.get("content-type", ""):
            continue
        here = str(answer.url)
        if here.startswith(site.url) and answer.url.raw_path.decode() != path:
            seen.add(answer.url.raw_path.decode())  # a redirect: the page it went to
        found.pages.append(path)
        parser = _Page()
        parser.feed(answer.text)
        links = [urljoin(here, href) for href in parser.links]
        for href in parser.named:
            named = urlsplit(urljoin(here, href))
            if f"{named.scheme}://{named.netloc}" == site.url:
                found.named.add(named.path + (f"?{named.query}" if named.query else ""))
        for method, action, fields, files in parser.forms:
            target = urljoin(here, action or here)
            if method == "post":
                found.forms.append(Form(path, urlsplit(target).path, fields, files))
            else:
                links.append(target.split("?")[0] + "?" + urlencode(fields))
        for link in links:
            link = link.split("#")[0]
            target = _page_path(link) if link.startswith(site.url + "/") else None
            if target is None or target in seen:
                continue
            seen.add(target)
            bare = target.split("?")[0]
            variants[bare] += 1
            if variants[bare] <= MAX_VARIANTS:
                queue.append(target)
    return found
