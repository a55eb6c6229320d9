"""`advies portfolio`: the projects × elements matrix over many files, in every format."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import gc
import io
import json
import re
import shutil
import weakref
from collections import Counter
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

import pytest
from conftest import ELEMENT_IDS, EXAMPLE_FILES, EXAMPLES, project_text

from interventie_advies import Engine, Report
from interventie_advies.cli import cli
from interventie_advies.commands import _portfolio as portfolio_module
from interventie_advies.commands._batch import collect_paths
from interventie_advies.commands._portfolio import (
    SUSTAINABILITY_TAG,
    FailedFile,
    Portfolio,
    ProjectRow,
    build_portfolio,
    render_portfolio,
)
from interventie_advies.messages import text as catalogue
from interventie_advies.messages import word

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from click.testing import CliRunner

DAY = dt.date(2026, 11, 1)
DAY_TEXT = DAY.isoformat()
FILM = "Onze Straat, Onze Film"
OPERA = "Buurtopera Kastanjehof"
EVIL = '<script>alert("x")</script> & co'
BROKEN = "format = 1\n[project]\nname = 3\n"
VOID = {"br", "meta", "link", "img", "hr", "input", "col", "wbr", "source"}


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


@pytest.fixture(scope="module")
def reports(engine: Engine) -> dict[str, Report]:
    """The single reports, keyed by file, as `advies run` makes them."""
    return {str(p): engine.advise(p, lang="nl", date=DAY) for p in collect_paths([EXAMPLES])}


@pytest.fixture(scope="module")
def folio(engine: Engine) -> Portfolio:
    return build_portfolio(engine, collect_paths([EXAMPLES]), lang="nl", date=DAY)


def copy_examples(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for example in EXAMPLE_FILES:
        shutil.copy(example, folder / example.name)
    return folder


def renamed(source: Path, name: str) -> str:
    """The text of ``source`` with another project name."""
    text = source.read_text(encoding="utf-8")
    return re.sub(r'(?m)^name = ".*"$', f"name = {json.dumps(name)}", text, count=1)


def invoke(runner: CliRunner, *args: str) -> Any:
    return runner.invoke(cli, ["portfolio", *args, "--date", DAY_TEXT], catch_exceptions=False)


# -- the matrix --------------------------------------------------------------------------------


def test_the_matrix_has_a_row_per_project_and_a_column_per_element(
    folio: Portfolio, reports: dict[str, Report]
) -> None:
    assert folio.elements == ELEMENT_IDS
    assert len(folio.rows) == len(reports) == 9
    for row in folio.rows:
        report = reports[row.file]
        assert list(row.statuses) == ELEMENT_IDS
        assert row.statuses == {e.element: e.status for e in report.elements}
        assert list(row.assessments) == ELEMENT_IDS
        assert row.assessments == {e.element: e.assessment for e in report.elements}
        assert row.name == report.project["name"]
        assert row.phase == report.project["phase"]


def test_a_row_has_the_counts_of_its_report(folio: Portfolio, reports: dict[str, Report]) -> None:
    for row in folio.rows:
        report = reports[row.file]
        summary = report.summary
        assert (row.recommendations, row.warnings, row.questions, row.strengths) == (
            summary["recommendations"],
            summary["warnings"],
            summary["questions"],
            summary["strengths"],
        )
        assert row.high == summary["by_priority"]["high"]
        assert row.completeness == report.completeness["percent"]
        expected = sorted(
            f.code
            for f in report.findings
            if f.kind == "warning"
            and SUSTAINABILITY_TAG in f.tags
        )
        assert list(row.sustainability_warnings) == expected


def test_urgent_projects_come_first(folio: Portfolio) -> None:
    rows = folio.ordered()
    by_name = {r.name: r for r in rows}
    film = by_name[FILM]
    assert film.urgent and film.months_left == 1
    # the opera has three months left: "within 3 months" as the prioritiser counts it
    assert by_name[OPERA].urgent and by_name[OPERA].months_left == 3
    assert [r.urgent for r in rows] == [True, True] + [False] * 7
    assert rows.index(film) < 2
    # the least time left comes first among the urgent ones, then the most high-priority advice
    assert [r.name for r in rows[:2]] == [film.name, OPERA]
    assert rows[2:] == sorted(rows[2:], key=lambda r: (-r.high, r.file))
    # many warnings, but funding runs on: not urgent
    assert not by_name["Kleur op de Lindeflat"].urgent
    # high is scarce: at most a third of its 21 findings (docs/prioritisation.md)
    assert by_name["Kleur op de Lindeflat"].high == 7


def test_most_common_missing_elements_and_warnings(
    folio: Portfolio, reports: dict[str, Report]
) -> None:
    missing = Counter(
        e.element for r in reports.values() for e in r.elements if e.assessment == "missing"
    )
    assert dict(folio.common_missing()) == dict(missing)
    counts = [n for _, n in folio.common_missing()]
    assert counts == sorted(counts, reverse=True)
    # the opera and the mural (the film's and the festival's are weak: tests/test_status.py),
    # as often as the art's connecting power (the atelier and the art network)
    assert folio.common_missing()[:2] == [("connecting_power", 2), ("sustainability", 2)]
    warnings = Counter(
        code
        for r in reports.values()
        for code in {f.code for f in r.findings if f.kind == "warning"}
    )
    assert dict(folio.common_warnings()) == dict(warnings)
    assert folio.common_warnings()[:3] == [("KEY03", 3), ("SUS02", 3), ("SUS09", 3)]
    titles = {f.code: f.title for r in reports.values() for f in r.findings}
    assert {c: t for c, (_, t) in folio.warning_info.items()} == {c: titles[c] for c in warnings}


# -- the urgent rule -----------------------------------------------------------------------


def _with_months(report: Report, months: int | None) -> Report:
    return dataclasses.replace(report, project={**report.project, "months_left": months})


def test_months_left_comes_from_the_report_alone(reports: dict[str, Report]) -> None:
    """Not from findings' facts or score-factor text: the report's project.months_left."""
    film = next(r for r in reports.values() if r.project["name"] == FILM)
    assert film.project["months_left"] == 1
    assert ProjectRow.from_report(film).months_left == 1
    bare = dataclasses.replace(
        film,
        findings=tuple(dataclasses.replace(f, facts={}, score_factors=()) for f in film.findings),
    )
    assert ProjectRow.from_report(bare).months_left == 1
    assert ProjectRow.from_report(bare).urgent
    # the facts and factors say nothing once the report does not know
    unknown = ProjectRow.from_report(_with_months(film, None))
    assert unknown.months_left is None and not unknown.urgent
    assert not ProjectRow.from_report(_with_months(film, 4)).urgent
    ended = ProjectRow.from_report(_with_months(film, -2))
    assert ended.months_left == -2 and ended.urgent


def test_every_project_has_its_months_left(folio: Portfolio, reports: dict[str, Report]) -> None:
    """Also projects whose rules never read facts.months_left (the CSV column is filled)."""
    months = {r.file: r.months_left for r in folio.rows}
    assert months == {f: r.project["months_left"] for f, r in reports.items()}
    # only the sketch says nothing about when the project or its funding ends
    assert [f for f, m in months.items() if m is None] == [str(EXAMPLES / "schets.toml")]


def test_the_sustainability_tag_makes_a_warning_count(reports: dict[str, Report]) -> None:
    film = next(r for r in reports.values() if r.project["name"] == FILM)
    untagged = tuple(dataclasses.replace(f, tags=()) for f in film.findings)
    row = ProjectRow.from_report(dataclasses.replace(film, findings=untagged))
    assert row.sustainability_warnings == () and not row.urgent
    # a plugin's warning of any element counts once its rule carries the tag
    first = next(f for f in film.findings if not f.tags)
    tagged = dataclasses.replace(first, kind="warning", tags=(SUSTAINABILITY_TAG,))
    row = ProjectRow.from_report(dataclasses.replace(film, findings=(*untagged, tagged)))
    assert row.sustainability_warnings == (first.code,) and row.urgent


def test_urgent_needs_a_sustainability_warning(reports: dict[str, Report]) -> None:
    film = next(r for r in reports.values() if r.project["name"] == FILM)
    others = tuple(
        f
        for f in film.findings
        if not (f.kind == "warning" and SUSTAINABILITY_TAG in f.tags)
    )
    row = ProjectRow.from_report(dataclasses.replace(film, findings=others))
    assert row.sustainability_warnings == ()
    assert not row.urgent


# -- formats -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "csv", "json", "html"])
def test_cli_gives_the_matrix_in_every_format(runner: CliRunner, fmt: str) -> None:
    result = invoke(runner, str(EXAMPLES), "--format", fmt)
    assert result.exit_code == 0, result.output + result.stderr
    out = result.stdout_bytes.decode("utf-8")
    for name in ("Buurtopera Kastanjehof", "Verhalen uit de Rivierenbuurt", "Generatiekoor"):
        assert name in out
    assert word("missing", "nl") in out or fmt == "json"


def test_text_is_a_compact_matrix_with_a_legend(runner: CliRunner) -> None:
    result = invoke(runner, str(EXAMPLES))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 120
    matrix = [line for line in lines if re.match(r"\s*\d+ [! ]  \S", line)]
    assert len(matrix) == 9
    assert matrix[0].split()[1] == "!"
    assert (
        "Legenda: + op orde  ± op orde, met aandachtspunt  ~ zwak  - ontbreekt  "
        "? nog niet beschreven  · niet beoordeeld"
    ) in result.stdout
    assert " 1  Zorg voor contact tussen bewoners" in result.stdout
    assert "12  Werk samen met wie de bewoners kent" in result.stdout
    opera = next(line for line in matrix if OPERA in line)
    assert opera.split()[-12:] == ["~", "+", "+", "+", "+", "+", "+", "-", "~", "-", "+", "~"]
    sketch = next(line for line in matrix if "Rivierenbuurt" in line)
    assert sketch.split()[-12:] == ["?"] * 12
    order = [
        "Elementen per project",
        "Elementen die het vaakst ontbreken",
        "Waarschuwingen die het vaakst voorkomen",
        "Eerst aandacht",
        "Per project",
    ]
    positions = [result.stdout.index(heading) for heading in order]
    assert positions == sorted(positions)
    assert f"2 van 9  {catalogue('element.sustainability', 'nl')}" in result.stdout
    assert "(nog 1 maand)" in result.stdout


def test_text_in_english(runner: CliRunner) -> None:
    result = invoke(runner, str(EXAMPLES), "--lang", "en")
    assert (
        "Legend: + in order  ± in order, with a point of attention  ~ weak  - missing  "
        "? not yet described"
    ) in result.stdout
    assert "Elements most often missing" in result.stdout
    assert "(1 month left)" in result.stdout


def _rows(text: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def test_csv_default_dialect(runner: CliRunner, folio: Portfolio) -> None:
    result = invoke(runner, str(EXAMPLES), "--format", "csv")
    data = result.stdout_bytes
    assert not data.startswith(b"\xef\xbb\xbf")
    rows = _rows(data.decode("utf-8"), ",")
    header, body = rows[0], rows[1:]
    assert header[:3] == ["bestand", "naam", "fase"]
    assert len(body) == 9
    assert all(len(r) == len(header) for r in body)
    film = next(r for r in body if r[1] == FILM)  # the comma in the name survives
    record = dict(zip(header, film, strict=True))
    assert record["Zorg dat het blijft"] == "zwak"
    assert record["urgent"] == "ja"
    assert record["maanden over"] == "1"
    assert record["fase"] == "afronding"
    assert record["waarschuwingen over wat blijft"].split() == [
        "JP04",
        "SUS01",
        "SUS02",
        "SUS05",
        "SUS06",
        "SUS09",
    ]
    statuses = film[3 : 3 + 12]
    row = next(r for r in folio.rows if r.name == FILM)
    assert statuses == [word(row.assessments[e], "nl") for e in ELEMENT_IDS]
    assert [r[0] for r in body] == [r.file for r in folio.ordered()]


def test_csv_nl_dialect_for_excel(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "portfolio.csv"
    result = invoke(
        runner, str(EXAMPLES), "--format", "csv", "--csv-dialect", "nl", "--output", str(target)
    )
    assert result.exit_code == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].count(";") == 3 + 12 + 10 - 1
    rows = _rows(text, ";")
    assert len(rows) == 10
    assert {r[1] for r in rows[1:]} >= {FILM, OPERA}
    assert all(len(r) == len(rows[0]) for r in rows)
    # the same to stdout: bytes with the byte order mark
    out = invoke(runner, str(EXAMPLES), "--format", "csv", "--csv-dialect", "nl")
    assert out.stdout_bytes == data


def test_csv_cells_are_never_formulas(tmp_path: Path, engine: Engine) -> None:
    path = tmp_path / "formule.toml"
    path.write_text(project_text('=HYPERLINK("http://x.invalid","klik")'), encoding="utf-8")
    folio = build_portfolio(engine, [path], lang="en", date=DAY)
    rows = _rows(render_portfolio(folio, "csv"), ",")
    assert rows[1][1] == '\'=HYPERLINK("http://x.invalid","klik")'
    assert rows[0][:3] == ["file", "name", "phase"]


def test_json_is_deterministic(runner: CliRunner) -> None:
    one = invoke(runner, str(EXAMPLES), "--format", "json")
    two = invoke(runner, str(EXAMPLES), "--format", "json", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout_bytes == two.stdout_bytes
    data = json.loads(one.stdout_bytes)
    assert data["kind"] == "portfolio" and data["evaluated_on"] == DAY_TEXT
    assert data["counts"] == {"projects": 9, "urgent": 2, "failed": 0}
    assert [e["element"] for e in data["elements"]] == ELEMENT_IDS
    assert [p["urgent"] for p in data["projects"]][:2] == [True, True]
    assert data["missing_elements"][1] == {
        "element": "sustainability",
        "title": catalogue("element.sustainability", "nl"),
        "projects": 2,
    }
    sketch = next(p for p in data["projects"] if p["name"] == "Verhalen uit de Rivierenbuurt")
    assert set(sketch["assessments"].values()) == {"not_described"}
    assert set(sketch["statuses"].values()) == {"unknown"}  # schema_version 1 readers
    assert json.dumps(data, ensure_ascii=False, indent=2) + "\n" == one.stdout_bytes.decode()


class Page(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.text: list[str] = []
        self.feed(text)
        self.close()
        if self.stack:
            self.problems.append(f"unclosed {self.stack}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_a_self_contained_accessible_page(runner: CliRunner) -> None:
    result = invoke(runner, str(EXAMPLES), "--format", "html")
    html = result.stdout_bytes.decode("utf-8")
    page = Page(html)
    assert page.problems == []
    assert page.tags[0] == ("html", {"lang": "nl"})
    names = [t for t, _ in page.tags]
    assert "script" not in names and "link" not in names and "img" not in names
    scoped = [a.get("scope") for t, a in page.tags if t == "th"]
    assert scoped.count("col") >= 14 and scoped.count("row") >= 12
    text = " ".join(page.text)
    for status in ("op orde", "op orde, met aandachtspunt", "zwak", "ontbreekt",
                   "nog niet beschreven"):
        assert status in text  # words, not only colours
    cells = [a for t, a in page.tags if t == "td" and "st" in a.get("class", "").split()]
    assert len(cells) == 9 * 12


def test_html_escapes_project_text(tmp_path: Path, engine: Engine) -> None:
    folder = copy_examples(tmp_path / "p")
    (folder / "kwaad.toml").write_text(project_text(EVIL), encoding="utf-8")
    folio = build_portfolio(engine, collect_paths([folder]), lang="en", date=DAY)
    html = render_portfolio(folio, "html")
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co" in html
    page = Page(html)
    assert page.problems == []
    assert page.tags[0] == ("html", {"lang": "en"})
    assert EVIL in " ".join(page.text)


def test_control_characters_do_not_reach_the_terminal(tmp_path: Path, engine: Engine) -> None:
    path = tmp_path / "esc.toml"
    path.write_text(project_text("Rood\x1b[31m project\u202e"), encoding="utf-8")
    text = render_portfolio(build_portfolio(engine, [path], date=DAY))
    assert "\x1b" not in text and "\u202e" not in text
    assert "Rood\\x1b[31m project\\u202e" in text  # written out, so the reader sees them


# -- broken files, many files ----------------------------------------------------------------


def test_a_broken_file_is_listed_and_the_exit_code_is_2(runner: CliRunner, tmp_path: Path) -> None:
    folder = copy_examples(tmp_path / "p")
    (folder / "zz_kapot.toml").write_text(BROKEN, encoding="utf-8")
    result = invoke(runner, str(folder))
    assert result.exit_code == 2
    assert "zz_kapot.toml:3:1: project.name" in result.stderr
    assert "Bestanden die niet gelezen konden worden" in result.stdout
    assert re.search(r"zz_kapot\.toml.*project\.name", result.stdout.split("gelezen konden")[1])
    assert "1 niet gelezen" in result.stdout
    data = json.loads(invoke(runner, str(folder), "--format", "json").stdout_bytes)
    assert data["counts"]["projects"] == 9 and data["counts"]["failed"] == 1
    assert data["errors"][0]["file"].endswith("zz_kapot.toml")
    assert "project.name" in data["errors"][0]["error"]
    rows = _rows(invoke(runner, str(folder), "--format", "csv").stdout, ",")
    assert rows[-1][0].endswith("zz_kapot.toml") and "project.name" in rows[-1][-1]
    assert len(rows[-1]) == len(rows[0])
    html = invoke(runner, str(folder), "--format", "html")
    assert html.exit_code == 2 and 'id="errors"' in html.stdout


def test_only_broken_files(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(BROKEN, encoding="utf-8")
    for fmt in ("text", "csv", "json", "html"):
        result = invoke(runner, str(tmp_path), "--format", fmt)
        assert result.exit_code == 2, fmt
    assert isinstance(
        build_portfolio(Engine(plugins=()), [tmp_path / "a.toml"]).failed[0], FailedFile
    )


def test_unknown_path_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, str(tmp_path / "nergens"))
    assert result.exit_code == 2
    assert "bestaat niet" in result.stderr


def _reachable(root: object) -> Iterator[object]:
    seen: set[int] = set()
    todo = [root]
    while todo:
        obj = todo.pop()
        if id(obj) in seen or isinstance(obj, (str, int, type)):
            continue
        seen.add(id(obj))
        yield obj
        todo.extend(gc.get_referents(obj))


def test_many_files_keep_one_small_row_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    folder = tmp_path / "veel"
    folder.mkdir()
    for i in range(300):
        source = EXAMPLE_FILES[i % len(EXAMPLE_FILES)]
        (folder / f"p{i:03d}.toml").write_text(renamed(source, f"Project {i:03d}"), "utf-8")
    alive: list[weakref.ref[Report]] = []
    most = 0
    real = portfolio_module.advise_paths

    def watched(*args: Any, **kwargs: Any) -> Iterator[Any]:
        # NOTE: each report is reduced to its entry where it is made (``keep``): watched there
        keep = kwargs["keep"]

        def watching(report: Report, file: str) -> Any:
            nonlocal most
            if len(alive) % 50 == 0:
                gc.collect()
                most = max(most, sum(r() is not None for r in alive))
            alive.append(weakref.ref(report))
            return keep(report, file)

        for outcome in real(*args, **{**kwargs, "keep": watching}):
            assert outcome.report is None
            assert outcome.kept is not None
            yield outcome
            del outcome

    monkeypatch.setattr(portfolio_module, "advise_paths", watched)
    built: list[Portfolio] = []
    real_build = portfolio_module.build_portfolio

    def keep(*args: Any, **kwargs: Any) -> Portfolio:
        built.append(real_build(*args, **kwargs))
        return built[-1]

    monkeypatch.setattr(portfolio_module, "build_portfolio", keep)
    result = invoke(runner, str(folder), "--format", "csv", "--jobs", "1")
    assert result.exit_code == 0
    assert len(_rows(result.stdout, ",")) == 301
    (folio,) = built
    gc.collect()
    assert len(alive) == len(folio.rows) == 300
    assert most <= 1  # one report at a time, never all of them
    assert all(r() is None for r in alive)
    assert all(type(r) is ProjectRow for r in folio.rows)
    assert not any(isinstance(o, Report) for o in _reachable(folio))
    assert {r.name for r in folio.rows} == {f"Project {i:03d}" for i in range(300)}
    # nine examples in turn: the first three 34 copies each, the others 33
    assert sum(r.urgent for r in folio.rows) == 34 + 33  # the opera and the film
    assert folio.common_missing()[0][1] == 34 + 33  # the opera and the mural; the atelier and
    # the art network for the connecting power
