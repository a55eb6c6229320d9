"""The HTML report: structure, accessibility, escaping, print CSS, the CLI, and a real browser."""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import re
import shutil
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

import pytest
from conftest import BROWSER_TIMEOUT, DATE, EXAMPLE_FILES, EXAMPLES

from interventie_advies import Engine, Report
from interventie_advies.cli import cli
from interventie_advies.report._html import TEMPLATES, render_html, split_sources

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from click.testing import CliRunner
    from playwright.sync_api import Browser, Page

IDS = [p.stem for p in EXAMPLE_FILES]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
EVIL = '<script>alert(1)</script> & "quotes"'
SECTIONS = ["at-a-glance", "elements", "top-advice", "effects", "questions", "strengths",
            "not-followed", "sources"]
STATUS_WORDS = {"nl": {"in_order": "op orde",
                       "in_order_with_attention": "op orde, met aandachtspunt",
                       "weak": "zwak", "missing": "ontbreekt",
                       "not_described": "nog niet beschreven"},
                "en": {"in_order": "in order",
                       "in_order_with_attention": "in order, with a point of attention",
                       "weak": "weak", "missing": "missing", "not_described": "not yet described"}}


class Page(HTMLParser):
    """What the tests look at: tags, headings, text; checks tag balance."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.headings: list[tuple[int, str]] = []
        self.text: list[str] = []
        self.problems: list[str] = []
        self._stack: list[str] = []
        self._heading: tuple[int, list[str]] | None = None
        self.feed(text)
        self.close()
        if self._stack:
            self.problems.append(f"unclosed: {self._stack}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        if tag in VOID:
            return
        self._stack.append(tag)
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = (int(tag[1]), [])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self._stack or self._stack[-1] != tag:
            self.problems.append(f"</{tag}> does not close {self._stack[-1:]}")
            return
        self._stack.pop()
        if self._heading is not None and tag == f"h{self._heading[0]}":
            level, parts = self._heading
            self.headings.append((level, " ".join("".join(parts).split())))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if "style" in self._stack:
            return
        self.text.append(data)
        if self._heading is not None:
            self._heading[1].append(data)

    def all_text(self) -> str:
        return " ".join("".join(self.text).split())

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags
                if t == tag and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())]

    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.tags if "id" in a}


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(plugins=())


def advise(engine: Engine, name: str, lang: str = "nl") -> Report:
    return engine.advise(EXAMPLES / f"{name}.toml", lang=lang, date=DATE)


# -- structure and accessibility ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_page_parses_and_has_the_language(engine: Engine, lang: str) -> None:
    html = render_html(advise(engine, "buurtopera", lang))
    assert html.startswith("<!DOCTYPE html>\n")
    page = Page(html)
    assert page.problems == []
    assert page.tags[0] == ("html", {"lang": lang})
    assert page.find("meta", charset="utf-8")
    assert page.find("meta", name="viewport")
    title = "Advies voor" if lang == "nl" else "Advice for"
    assert page.headings[0] == (1, f"{title}: Buurtopera Kastanjehof")


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=IDS)
def test_headings_are_in_order(engine: Engine, path: Path) -> None:
    page = Page(render_html(engine.advise(path, date=DATE)))
    levels = [level for level, _ in page.headings]
    assert levels[0] == 1
    assert levels.count(1) == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, page.headings
    assert all(text for _, text in page.headings)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_section_is_there(engine: Engine, lang: str) -> None:
    report = advise(engine, "buurtopera", lang)
    page = Page(render_html(report))
    assert set(SECTIONS) <= page.ids()
    h2 = [text for level, text in page.headings if level == 2]
    # the buurtopera's ten findings make five items (one per theme): no further advice
    assert len(report.items) == 5
    expected = {
        "nl": ["Belangrijkste advies in het kort", "Overzicht per element",
               "Belangrijkste advies", "Waaraan het project kan bijdragen",
               "Vragen om te beantwoorden", "Sterke punten", "Bewust niet gevolgd", "Bronnen"],
        "en": ["Top advice at a glance", "Element overview", "Top advice",
               "What the project can contribute to", "Questions to answer", "Strengths",
               "Consciously not followed", "Sources"],
    }[lang]
    assert h2 == expected
    # every section is labelled by its heading
    for section in page.find("section"):
        if "aria-labelledby" in section:
            assert section["aria-labelledby"] in page.ids()


def test_top_advice_holds_the_first_five_items(engine: Engine) -> None:
    report = advise(engine, "buurtopera")
    page = Page(render_html(report))
    h3 = [text for level, text in page.headings if level == 3]
    numbered = [f"{i}. {f.title}" for i, f in enumerate(report.items, 1)]
    assert h3[: len(numbered)] == numbered
    text = page.all_text()
    assert "omvat: AL03, KEY03, AL04" in " ".join(text.split())
    for f in report.items[:5]:
        band = dict(high="hoog", medium="gemiddeld", low="laag")[f.priority]
        assert f"Prioriteit: {band}" in text
        assert " ".join(f.message.split()) in text
        assert " ".join(f.why.split()) in text
        for action in f.actions:
            assert " ".join(action.split()) in text
        assert f.code in text


def test_the_summary_shows_counts_and_completeness(engine: Engine) -> None:
    report = advise(engine, "jongerenfilm")
    text = Page(render_html(report)).all_text()
    c = report.completeness
    assert f"Beschreven: {c['described']} van de {c['needed']} gegevens" in text
    assert f"{report.summary['warnings']} waarschuwing" in text
    assert "Fase: afronding" in text
    assert "beoordeeld op 2026-06-01" in text


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", ["buurtopera", "muurschildering"])
def test_the_element_overview_shows_one_thing_per_channel(
    engine: Engine, lang: str, name: str
) -> None:
    # issue 13 item 11: a bar's length once showed the facts described while its colour
    # showed the status, so a nearly full red bar read as "almost done". Now the status is a
    # badge (icon, word, colour) and "described" a grey measure with its own number.
    report = advise(engine, name, lang)
    html = render_html(report)
    page = Page(html)
    assert not page.find("svg", role="img")  # no picture of bars: the overview is a table
    rows = [a for t, a in page.tags if t == "tr" and "data-element" in a]
    assert [r["data-element"] for r in rows] == [e.element for e in report.elements]
    table = html.split('<table class="elements">', 1)[1].split("</table>", 1)[0]
    for (status, cells), e in zip(
        re.findall(r'<tr class="status-(\w+)"[^>]*>(.*?)</tr>', table, re.S), report.elements,
        strict=True,
    ):
        assert status == e.assessment
        badge = re.search(r'<span class="status-badge st-(\w+)">(.*?)</span>', cells, re.S)
        assert badge and badge[1] == e.assessment
        assert re.sub(r"<[^>]+>", "", badge[2]).strip() == STATUS_WORDS[lang][e.assessment]
        measure = re.search(r'<svg class="described"[^>]*aria-hidden="true".*?</svg>', cells,
                            re.S)
        assert measure, cells
        # the measure's fill is the share described, and it never takes a status colour
        fill = re.search(r'class="fill"', measure[0])
        assert bool(fill) == (e.described > 0)
        assert "st-" not in measure[0] and "status" not in measure[0]
    # the legend names every status badge and says what the grey measure is
    legend = html.split('<p class="legend"', 1)[1].split("</p>", 1)[0]
    for key, words in STATUS_WORDS[lang].items():
        assert f'st-{key}">' in legend and words in legend
    assert {"nl": "grijze balk: hoeveel gegevens het bestand geeft (los van het oordeel)",
            "en": "grey bar: how many facts the file gives (apart from the assessment)"}[
        lang] in " ".join(re.sub(r"<[^>]+>", " ", legend).split())
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    assert re.search(r"\.described \.fill\s*{\s*fill:\s*var\(--measure\)", css)


def test_the_element_table_is_the_text_equivalent(engine: Engine) -> None:
    report = advise(engine, "jongerenfilm")
    html = render_html(report)
    table = html.split('<table class="elements">', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr class=\"status-(\w+)\"[^>]*>(.*?)</tr>", table, re.S)
    assert len(rows) == 12
    assert table.count('<th scope="col"') == 6
    for (status, row), e in zip(rows, report.elements, strict=True):
        row = re.sub(r"<svg .*?</svg>", "", row, flags=re.S)  # the icons are aria-hidden
        cells = [" ".join(re.sub(r"<[^>]+>", " ", c).split())
                 for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        assert status == e.assessment
        assert cells == [e.title, STATUS_WORDS["nl"][e.assessment], str(e.findings),
                         str(e.questions), str(e.strengths), f"{e.described} van {e.needed}"]


def test_colour_is_never_the_only_signal(engine: Engine) -> None:
    html = render_html(advise(engine, "buurtopera"))
    page = Page(html)
    # priority: a word in every badge; status: a word next to every icon
    for badge in re.findall(r'<span class="badge prio prio-(\w+)">(.*?)</span>', html, re.S):
        word = {"high": "hoog", "medium": "gemiddeld", "low": "laag"}[badge[0]]
        assert f"Prioriteit: {word}" in badge[1]
    cells = re.findall(r'<td class="status"[^>]*>(.*?)</td>', html, re.S)
    assert len(cells) == 12
    assert all(re.search(r"(op orde|met aandachtspunt|zwak|ontbreekt|nog niet beschreven)"
                         r"\s*</span>\s*$", c) for c in cells)
    # the decorative icons are hidden from screen readers
    small = [a for t, a in page.tags if t == "svg" and a.get("role") != "img"]
    assert small and all(a.get("aria-hidden") == "true" for a in small)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_text_colours_have_enough_contrast() -> None:
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    root = css.split(":root {", 1)[1].split("}", 1)[0]
    colours = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6});", root))
    pairs = [(fg, bg) for fg, bgs in re.findall(r"--([\w-]+):\s*#\w+;\s*/\* on ([^*]+)\*/", root)
             for bg in re.findall(r"--([\w-]+)", bgs)]
    assert len(pairs) >= 15
    for fg, bg in pairs:
        light, dark = sorted([_luminance(colours[fg]), _luminance(colours[bg])], reverse=True)
        ratio = (light + 0.05) / (dark + 0.05)
        assert ratio >= 4.5, f"--{fg} on --{bg}: {ratio:.2f}"


def test_print_css_is_for_a4_and_keeps_things_whole(engine: Engine) -> None:
    html = render_html(advise(engine, "buurtopera"))
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert re.search(r"@page\s*{[^}]*size:\s*A4", style)
    printing = style.split("@media print", 1)[1]
    assert re.search(r"\.card,[^{]*\btr\b[^{]*{[^}]*break-inside:\s*avoid", printing)
    assert re.search(r"thead\s*{\s*display:\s*table-header-group", printing)
    assert re.search(r"\.toc\s*{\s*display:\s*none", printing)
    assert re.search(r"\.report-head\s*{[^}]*background:\s*none", printing)
    # issue 13 item 12: the summary fills page one, the details start on page two, and a
    # long card may break across pages (a short one is kept whole)
    assert re.search(r"#top-advice\s*{[^}]*break-before:\s*page", printing)
    assert re.search(r"\.card\.long\s*{[^}]*break-inside:\s*auto", printing)


def test_long_cards_may_break_short_ones_not(engine: Engine) -> None:
    # a card of more than 600 characters of text fills about a quarter of an A4 page or more
    report = advise(engine, "buurtopera")
    html = render_html(report)
    classes = re.findall(r'<article class="card prio-\w+( long)?" id="advies-(\d+)"', html)
    assert len(classes) == len(report.items)
    for (long, number), item in zip(classes, report.items, strict=True):
        size = sum(len(t) for t in (item.message, item.why, *item.actions, *item.reasons))
        assert bool(long) == (size > 600), (number, size)
    assert [bool(long) for long, _ in classes] == [True, True, True, True, False]


def test_the_page_is_self_contained(engine: Engine) -> None:
    html = render_html(advise(engine, "buurtopera"))
    page = Page(html)
    tags = {t for t, _ in page.tags}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "base"}
    assert len(page.find("style")) == 1
    assert not any(k.startswith("on") or k == "src" for _, a in page.tags for k in a)
    assert "@import" not in html
    assert all(u.startswith("#") for u in re.findall(r"url\(([^)]*)\)", html))
    for _, a in page.tags:
        href = a.get("href")
        if href is not None:
            assert href.startswith(("#", "https://", "http://")), href
            if href.startswith("#"):
                assert href[1:] in page.ids(), href


def test_sources_are_listed_once_and_referenced(engine: Engine) -> None:
    report = advise(engine, "buurtopera")
    html = render_html(report)
    page = Page(html)
    items = re.findall(r'<li id="bron-(\d+)" value="\d+">(.*?)</li>', html, re.S)
    texts = [" ".join(re.sub(r"<[^>]+>", "", t).split()) for _, t in items]
    assert [int(n) for n, _ in items] == list(range(1, len(items) + 1))
    assert len(texts) == len(set(texts))
    expected = {s for f in report.findings for s in split_sources(f.source or "")}
    assert {t.replace("&amp;", "&").replace("&#39;", "'") for t in texts} == expected
    refs = {a["href"] for a in page.find("a") if a["href"].startswith("#bron-")}
    assert refs == {f"#bron-{n}" for n, _ in items}
    links = [a["href"] for a in page.find("a") if a["href"].startswith("http")]
    assert links and all(" " not in u and not u.endswith((",", ".", ";")) for u in links)


def test_split_sources_keeps_brackets_together() -> None:
    text = ("Expert opinion; Opera Zuid, 'BOM' (project pages; cancelled), https://x.nl/a; "
            "Movisie, 'Kunst'")
    assert split_sources(text) == [
        "Expert opinion",
        "Opera Zuid, 'BOM' (project pages; cancelled), https://x.nl/a",
        "Movisie, 'Kunst'",
    ]
    assert split_sources("") == []


def test_all_questions_are_listed_ranked_with_their_fields(engine: Engine) -> None:
    report = engine.advise(EXAMPLES / "schets.toml", date=DATE)
    assert len(report.questions) > 10  # the HTML shows them all, the text ten
    html = render_html(report)
    page = Page(html)
    text = page.all_text()
    places = [text.index(" ".join(q.question.split())) for q in report.questions]
    assert places == sorted(places)  # in the ranked order
    for q in report.questions:
        for field in q.missing:
            assert f"<code>{field}</code>" in html
    assert "Geen advies voor dit project." in text


def test_not_followed_shows_the_reason_and_who(engine: Engine) -> None:
    report = advise(engine, "buurtopera")
    assert report.not_followed
    text = Page(render_html(report)).all_text()
    for n in report.not_followed:
        assert f"Reden: {' '.join(n.reason.split())}" in text
        assert n.by is not None and n.by in text
        assert n.title in text


def test_the_output_is_deterministic(engine: Engine) -> None:
    assert render_html(advise(engine, "buurtopera")) == render_html(advise(engine, "buurtopera"))


def test_report_render_html(engine: Engine) -> None:
    report = advise(engine, "generatiekoor", "en")
    assert report.render("html") == render_html(report)


# -- escaping --------------------------------------------------------------------------------


def _evil_project() -> dict[str, Any]:
    data = tomllib.loads((EXAMPLES / "buurtopera.toml").read_text(encoding="utf-8"))
    data["project"]["name"] = EVIL
    data["project"]["description"] = f"Beschrijving {EVIL}"
    for activity in data["activities"]:
        activity["name"] = f"{EVIL} {activity['name']}"
    for partner in data["partners"]:
        partner["name"] = f"{EVIL} {partner['name']}"
    data["vision"]["endorsed_by_partners"] = [p["name"] for p in data["partners"]]
    data["decisions"][0]["reason"] = f"Reden {EVIL}\u202e omgedraaid\x1b[31m rood"
    data["decisions"][0]["by"] = f"<b>{EVIL}</b>"
    return data


def test_project_text_is_escaped(engine: Engine) -> None:
    report = engine.advise(_evil_project(), date=DATE)
    # text from rules and plugins too: a finding title, an error, a note, a stale decision
    first = dataclasses.replace(report.findings[0], title=f"<img src=x onerror=alert(2)> {EVIL}")
    report = dataclasses.replace(
        report,
        findings=(first, *report.findings[1:]),
        items=(dataclasses.replace(report.items[0], title=first.title), *report.items[1:]),
        errors=(*report.errors, dataclasses.replace(_error(), message=EVIL)),
        warnings=(EVIL,),
        stale_decisions=(*report.stale_decisions, _stale(f"<i>{EVIL}</i>")),
    )
    html = render_html(report)
    page = Page(html)
    assert page.problems == []
    tags = {t for t, _ in page.tags}
    assert not tags & {"script", "img", "b", "i"}
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quotes&#34;" in html
    assert page.headings[0] == (1, f"Advies voor: {EVIL}")
    assert page.find("title")
    text = page.all_text()
    assert text.count(EVIL) >= 6
    assert "<img src=x onerror=alert(2)>" in text
    assert "\u202e" not in html and "\x1b" not in html
    assert f"Reden {EVIL}\\u202e omgedraaid\\x1b[31m rood" in text  # written out, visible


def _error() -> Any:
    from interventie_advies.report._values import ErrorEntry

    return ErrorEntry(plugin="kapot", rule="X01", message="", version="1.0")


def _stale(rule: str) -> Any:
    from interventie_advies.report._values import StaleDecision

    return StaleDecision(rule=rule, status="accepted")


# -- the command line --------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=IDS)
def test_advies_run_writes_an_html_file(runner: CliRunner, path: Path, tmp_path: Path) -> None:
    out = tmp_path / f"{path.stem}.html"
    result = runner.invoke(cli, ["run", "--no-plugins", "--date", DATE.isoformat(), "--format",
                                 "html", "--output", str(out), str(path)])
    assert result.exit_code == 0, result.output + result.stderr
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    page = Page(html)
    assert page.problems == []
    name = tomllib.loads(path.read_text(encoding="utf-8"))["project"]["name"]
    assert page.headings[0][1].endswith(name)
    assert len(page.find("td", class_="status", **{"data-label": "Status"})) == 12


def test_importing_the_package_does_not_import_jinja2() -> None:
    code = ("import sys, interventie_advies; import interventie_advies.report; "
            "print('jinja2' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, timeout=60)
    assert result.stdout.strip() == "False"


# -- a real browser: Debian's Chromium, driven by Playwright -----------------------------------
#
# Playwright (the test extra) drives the chromium on PATH through ``executable_path``: no
# browser is downloaded (``playwright install`` is never run), .ci/run installs Debian's.
# One browser for the whole session (the ``browser`` fixture of conftest.py, shared with
# test_web_browser.py), a fresh context (viewport, JavaScript on or off) per test.

def _poppler() -> str:
    found = shutil.which("pdftotext")
    if not found:
        pytest.skip("pdftotext (poppler-utils) is not installed here: .ci/run installs it "
                    "together with chromium")
    return found


@contextlib.contextmanager
def _tab(browser: Browser, width: int, height: int = 900, *,
         javascript: bool = False) -> Iterator[Page]:
    """A page in a fresh context ``width`` CSS pixels wide (a phone's when narrow).

    Scripts are off unless asked for: the report must work without JavaScript.
    ``page.evaluate`` still measures, as Playwright runs it apart from the page's scripts.
    """
    context = browser.new_context(java_script_enabled=javascript, is_mobile=width < 600,
                                  viewport={"width": width, "height": height})
    context.set_default_timeout(BROWSER_TIMEOUT * 1000)
    try:
        yield context.new_page()
    finally:
        context.close()


def _open(page: Page, path: Path) -> None:
    response = page.goto(path.as_uri())  # waits for the load event
    assert response is not None and response.ok, path


def _pages(pdf: Path) -> int:
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo:
        info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True,
                              timeout=60).stdout
        found = re.search(r"^Pages:\s+(\d+)", info, re.M)
        assert found, info
        return int(found.group(1))
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf.read_bytes()))


def _pdf_text(pdf: Path, page: int | None = None) -> str:
    # -raw: in the order Chromium wrote it, so a title wrapped in a table cell stays whole
    pages = ["-f", str(page), "-l", str(page)] if page else []
    text = subprocess.run([_poppler(), "-raw", "-enc", "UTF-8", *pages, str(pdf), "-"],
                          capture_output=True, check=True, timeout=60).stdout.decode("utf-8")
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _page_texts(pdf: Path) -> list[str]:
    return [_pdf_text(pdf, n) for n in range(1, _pages(pdf) + 1)]


def _print(page: Page, html: Path, pdf: Path) -> None:
    """Print ``html`` to ``pdf`` as Chromium prints it: A4, backgrounds, no header or footer."""
    _open(page, html)
    pdf.write_bytes(page.pdf(format="A4", print_background=True))
    assert pdf.read_bytes().startswith(b"%PDF")


def _write(report: Report, path: Path) -> Path:
    path.write_text(render_html(report), encoding="utf-8")
    return path


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=IDS)
def test_chromium_prints_the_report(engine: Engine, path: Path, tmp_path: Path,
                                    browser: Browser) -> None:
    _poppler()
    report = engine.advise(path, date=DATE)
    html = _write(report, tmp_path / "report.html")
    pdf = tmp_path / "report.pdf"
    with _tab(browser, 1280, 2000) as page:
        _print(page, html, pdf)
        png = page.screenshot()  # the window, 1,280 by 2,000 px
    pages, text = _pages(pdf), _pdf_text(pdf)
    print(f"{path.name}: {pages} pages")
    assert pages >= 2
    assert " ".join(report.project["name"].split()) in text
    assert "Overzicht per element" in text
    assert "Belangrijkste advies" in text
    if report.items:
        assert " ".join(report.items[0].title.split()) in text
    else:
        assert "Geen advies voor dit project." in text
    for e in report.elements:
        assert e.title in text

    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert int.from_bytes(png[16:20], "big") == 1280
    assert len(png) > 50_000  # a blank page is a few kB


def test_chromium_shows_a_script_name_as_text(engine: Engine, tmp_path: Path,
                                              browser: Browser) -> None:
    # JavaScript on: the <script> in the project's name is text, it does not run
    _poppler()
    report = engine.advise(_evil_project(), lang="en", date=DATE)
    html = _write(report, tmp_path / "report.html")
    pdf = tmp_path / "report.pdf"
    with _tab(browser, 1280, javascript=True) as page:
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        _print(page, html, pdf)
        assert page.evaluate("document.scripts.length") == 0
        assert page.evaluate("document.querySelector('h1').textContent").endswith(EVIL)
    assert dialogs == []
    assert _pages(pdf) >= 2
    text = _pdf_text(pdf)
    assert f"Advice for: {EVIL}" in text
    assert "Element overview" in text


#: every text of the element overview and its legend, with its computed size in CSS pixels
OVERVIEW_FONTS = """[...document.querySelectorAll('#elements *')]
  .filter(e => e.getClientRects().length && [...e.childNodes].some(
    n => n.nodeType === 3 && n.textContent.trim()))
  .map(e => parseFloat(getComputedStyle(e).fontSize))"""
WIDTHS = "[window.innerWidth, document.documentElement.scrollWidth]"
#: where every element is and how its text looks, to compare one page with another
LAYOUT = """[...document.querySelectorAll('body *')].map(e => {
  const r = e.getBoundingClientRect(), s = getComputedStyle(e);
  return [e.tagName, r.x, r.y, r.width, r.height, s.display, s.fontSize, s.color,
          s.backgroundColor]; })"""


@pytest.fixture
def pages(engine: Engine, tmp_path: Path, runner: CliRunner) -> list[Path]:
    """Every example's HTML report, and the portfolio of them all (last)."""
    folder = tmp_path
    found = [_write(engine.advise(path, date=DATE), folder / f"{path.stem}.html")
             for path in EXAMPLE_FILES]
    portfolio = folder / "portfolio.html"
    result = runner.invoke(cli, ["portfolio", "--no-plugins", "--date", DATE.isoformat(),
                                 "--format", "html", "--output", str(portfolio), str(EXAMPLES)])
    assert result.exit_code == 0, result.output + result.stderr
    return [*found, portfolio]


@pytest.mark.parametrize("width", [390, 1280])
def test_chromium_fits_a_phone_and_a_laptop(pages: list[Path], width: int,
                                            browser: Browser) -> None:
    # issue 13 item 10: at 390 px the element table was 727 px wide and the chart's text
    # about 5 px; the portfolio's matrix stretched the page to 1,409 px even at 1,280 px.
    *reports, portfolio = pages
    with _tab(browser, width) as page:
        for path in pages:
            _open(page, path)
            inner, scroll = page.evaluate(WIDTHS)
            assert inner == width, path.name  # the phone's viewport, not a zoomed-out page
            assert scroll <= inner, f"{path.name} at {width} px is {scroll} px wide"
            if path is not portfolio:
                fonts = page.evaluate(OVERVIEW_FONTS)
                assert len(fonts) >= 12 * 6, path.name
                assert min(fonts) >= 11, f"{path.name}: text of {min(fonts)} px at {width} px"
        _open(page, portfolio)
        box = page.evaluate("""(() => { const s = document.querySelector('#matrix .scroll');
          const name = s.querySelector('tbody th[scope=row]');
          return [s.scrollWidth, s.clientWidth, getComputedStyle(name).position]; })()""")
        if width == 1280:  # twelve elements fit a laptop: the matrix does not scroll
            assert box[0] <= box[1], box
        else:  # on a phone it scrolls in its own box, the project's name kept in view
            assert box[0] > box[1] and box[2] == "sticky", box
        if width == 390:  # the element table is one block per element, each value labelled
            _open(page, reports[0])
            shown = page.evaluate("""[...document.querySelectorAll('table.elements td')]
              .map(td => [getComputedStyle(td).display,
                          getComputedStyle(td, '::before').content])""")
            assert len(shown) == 12 * 5
            assert all(display in ("flex", "block") and label.strip('"')
                       for display, label in shown), shown


@pytest.mark.parametrize("width", [390, 1280])
def test_chromium_shows_the_same_with_javascript_on(pages: list[Path], width: int,
                                                    browser: Browser) -> None:
    # the report and the portfolio are static HTML: scripts on or off, the same page
    seen: dict[bool, list[tuple[Any, bytes]]] = {}
    for javascript in (False, True):
        with _tab(browser, width, javascript=javascript) as page:
            seen[javascript] = []
            for path in pages:
                _open(page, path)
                assert page.evaluate("document.scripts.length") == 0, path.name
                # every element's box and look; the picture of the first screen as well
                seen[javascript].append((page.evaluate(LAYOUT), page.screenshot()))
    for path, off, on in zip(pages, seen[False], seen[True], strict=True):
        assert len(off[0]) > 100, path.name
        assert off[0] == on[0], f"{path.name} at {width} px: the layout differs with JavaScript"
        assert off[1] == on[1], f"{path.name} at {width} px: the picture differs with JavaScript"


#: A4 pages of the mural's report at most (Chromium's own PDF: 10 before issue 13, 9 after)
MURAL_PAGES = 9


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=IDS)
def test_chromium_prints_the_summary_on_page_one(engine: Engine, path: Path, tmp_path: Path,
                                                 browser: Browser) -> None:
    # issue 13 item 12: a summary page first (top advice, element overview), details after
    _poppler()
    report = engine.advise(path, date=DATE)
    html = _write(report, tmp_path / "report.html")
    pdf = tmp_path / "report.pdf"
    with _tab(browser, 1280) as page:
        _print(page, html, pdf)
    texts = _page_texts(pdf)
    print(f"{path.name}: {len(texts)} pages")
    first = texts[0]
    assert "Belangrijkste advies in het kort" in first
    assert "Overzicht per element" in first
    for item in report.items[:5]:
        assert " ".join(item.title.split()) in first
    for e in report.elements:
        assert e.title in first, f"{e.title} is not on page one"
    # the details start on page two: the cards' "what you can do" lists are not on page one
    assert "Wat kun je doen" not in first
    if report.items:
        # the page number ("2 / 6", from @page) comes first in the PDF's text
        assert re.sub(r"^\d+ / \d+ ", "", texts[1]).startswith("Belangrijkste advies 1. ")
    if path.stem == "muurschildering":
        assert len(texts) <= MURAL_PAGES


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=IDS)
def test_reports_for_people_give_the_plain_reason_not_the_score(
    engine: Engine, path: Path, lang: str
) -> None:
    # issue 13 item 13: "Score 7.0312 · ×1.25 …" is jargon for a social worker. The text,
    # Markdown and HTML reports say why an item is where it is in words ("Waarom hier"); the
    # numbers stay in the JSON (score, score_factors).
    report = engine.advise(path, lang=lang, date=DATE)
    data = report.to_dict()
    factors = [x for f in data["findings"] for x in f["score_factors"]]
    assert all(isinstance(f["score"], float) for f in data["findings"])
    label = {"nl": "Waarom hier", "en": "Why here"}[lang]
    for fmt in ("text", "markdown", "html"):
        out = report.render(fmt)
        plain = " ".join(re.sub(r"<[^>]+>", " ", out).replace("&#39;", "'").split())
        assert not re.search(r"\bscore\b", plain, re.I), fmt
        assert "×" not in plain, fmt
        for factor in factors:
            assert " ".join(factor.split()) not in plain, (fmt, factor)
        for item in report.items:
            if item.reasons:
                assert label in plain, fmt
                assert " ".join(item.reasons[0].split()) in plain, (fmt, item.code)
