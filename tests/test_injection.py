"""Safe output: text from a project file or a plugin cannot inject markup or steer a terminal.

A corpus of injection strings (HTML, Markdown links and images, autolinks, template syntax,
ANSI/OSC escape sequences, C1 controls, bidi overrides, NUL) is put in every free-text field
of a full example, and in every text a plugin contributes (rule texts, adjustment reasons,
sources, element ids, score factors of a prioritiser, failure messages). Then:

- HTML: no tag or attribute that a clean report does not have, no ``on*`` attribute, links
  only to ``#anchors`` and http(s) sources; the text shows literally.
- Markdown: no raw HTML but our ``<sub>``, no link, image or autolink syntax (checked with
  GitHub's own renderer when ``cmarkgfm`` is installed).
- Terminal: no escape sequence or control character without colour; with colour only our own
  colour codes.
- JSON keeps the texts exactly as written (it is data, not display).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

import pytest
from conftest import make_rule
from fuzzing import DATE, EXAMPLES, INJECTIONS, toml_dumps

from interventie_advies import Engine, PluginError, Problem, Report, hookimpl, load_rules
from interventie_advies.cli import cli
from interventie_advies.project._toml import loads
from interventie_advies.report._safe import escape_markdown, terminal_safe
from interventie_advies.testing import RulesPlugin, make_engine

if TYPE_CHECKING:
    from pathlib import Path

    from click.testing import CliRunner

ENGINE = Engine(plugins=())
BASE = "muurschildering.toml"

#: keys whose values are free text in a project file
FREE_TEXT = {
    "name", "neighbourhood", "municipality", "description", "role", "location",
    "channel_moderator", "follow_up", "shared_goal", "plan", "owner", "reason", "by",
    "strengths", "sources",
}  # fmt: skip

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]")
OUR_COLOURS = re.compile(r"\x1b\[[0-9;]*m")


def hostile_project(text: str) -> dict[str, Any]:
    """The base example with ``text`` (made unique) in every free-text field, and decisions."""
    data = loads(EXAMPLES[BASE])
    counter = iter(range(10_000))

    def walk(value: Any, key: str) -> Any:
        if isinstance(value, dict):
            return {k: walk(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, key) for v in value]
        if isinstance(value, str) and key in FREE_TEXT:
            return f"{text} #{next(counter)}"
        return value

    data = walk(data, "")
    data["vision"]["endorsed_by_partners"] = [p["name"] for p in data["partners"]]
    fired = [f.code for f in ENGINE.advise(loads(EXAMPLES[BASE]), date=DATE).findings]
    data["decisions"] = [
        {"rule": fired[0], "status": "rejected", "reason": f"{text} r", "by": f"{text} b"},
        {"rule": fired[1], "status": "accepted", "reason": f"{text} a", "by": f"{text} c"},
    ]
    return data


# -- checkers --------------------------------------------------------------------------------


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[tuple[str, str]] = set()
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            self.attributes.add((tag, name))
            if name in ("href", "src", "xlink:href"):
                self.hrefs.append(value or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def page(html: str) -> _Page:
    parser = _Page()
    parser.feed(html)
    parser.close()
    return parser


CLEAN_REPORT = ENGINE.advise(loads(EXAMPLES[BASE]), date=DATE)
CLEAN_PAGE = page(CLEAN_REPORT.render("html"))


def check_html(html: str, *, shown: list[str] = ()) -> None:  # type: ignore[assignment]
    found = page(html)
    assert found.tags <= CLEAN_PAGE.tags | {"a"}, found.tags - CLEAN_PAGE.tags
    assert "script" not in found.tags
    assert "iframe" not in found.tags
    assert not [a for a in found.attributes if a[1].startswith("on")]
    assert found.attributes <= CLEAN_PAGE.attributes | {("a", "href")}
    for href in found.hrefs:
        assert href.startswith(("#", "http://", "https://")), href
        assert not re.search(r"[\s\"'<>`]", href), href
    text = "".join(found.text)
    assert "\x1b" not in html
    assert not CONTROL.search(html.replace("\n", "").replace("\t", ""))
    for literal in shown:  # the text shows as text, control characters removed
        assert " ".join(terminal_safe(literal).split()) in " ".join(text.split())


#: raw HTML we write into Markdown ourselves
OUR_MARKDOWN_HTML = re.compile(r"</?sub>")


def check_markdown(md: str) -> None:
    assert "\x1b" not in md
    assert not CONTROL.search(md.replace("\n", "").replace("\t", ""))
    raw_html = [m.start() for m in re.finditer(r"(?<!\\)<", md)]
    for start in raw_html:
        assert OUR_MARKDOWN_HTML.match(md, start), md[start : start + 40]
    assert not re.search(r"(?<!\\)[\[\]]", md), "unescaped [ or ]"
    assert not re.search(r"(?<!\\)://", md), "an autolink"
    assert not re.search(r"(?i)(?<![\\\w])www\.", md), "an autolink"
    assert "&#" not in md.replace("&amp;#", "")


def check_terminal(text: str, *, color: bool) -> None:
    if color:
        text = OUR_COLOURS.sub("", text)
    assert "\x1b" not in text
    assert not CONTROL.search(text), repr(CONTROL.search(text))


def check_all(report: Report, shown: list[str] = ()) -> None:  # type: ignore[assignment]
    check_html(report.render("html"), shown=shown)
    check_markdown(report.render("markdown"))
    check_terminal(report.render("text"), color=False)
    check_terminal(report.render("text", color=True), color=True)


# -- project text ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", INJECTIONS, ids=[f"{i:02d}" for i in range(len(INJECTIONS))])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_injection_in_every_project_text_field(text: str, lang: str) -> None:
    data = hostile_project(text)
    report = ENGINE.advise(data, date=DATE, lang=lang)
    assert report.not_followed, "the rejected decision shows its reason"
    check_all(report, shown=[data["project"]["name"], data["decisions"][0]["reason"]])
    # JSON is data: every text is kept exactly as written, and what could steer a
    # terminal is written as an escape (\u202e), so the JSON is safe to print too
    assert not CONTROL.search(report.to_json().replace("\n", ""))
    back = json.loads(report.to_json())
    assert back["project"]["name"] == data["project"]["name"]
    assert back["not_followed"][0]["reason"] == data["decisions"][0]["reason"]


@pytest.mark.parametrize("text", INJECTIONS, ids=[f"{i:02d}" for i in range(len(INJECTIONS))])
def test_injection_in_placeholders_of_rule_texts(text: str) -> None:
    """Rule texts may quote the project ({project.name}); the quoted text is made safe too."""
    rule = make_rule(
        "INJ01",
        when="project.name is not None",
        title={"nl": "Over {project.name}", "en": "About {project.name}"},
        message={"nl": "{project.description}", "en": "{project.description}"},
    )
    engine = make_engine(RulesPlugin([rule]))
    data = {"format": 1, "project": {"name": text, "description": f"{text} d"}}
    report = engine.advise(data, date=DATE)
    assert report.findings[0].title.endswith(text)
    check_all(report)


#: what GitHub makes of our Markdown: no links, images or raw HTML but <sub>
GFM_TAGS = {"h1", "h2", "h3", "p", "strong", "em", "code", "ul", "ol", "li", "sub", "br", "hr"}
GFM_TAGS |= {"table", "thead", "tbody", "tr", "th", "td", "blockquote"}


def test_markdown_escapes_are_not_links_for_github() -> None:
    import cmarkgfm  # a test dependency (pyproject: test extra)

    for text in INJECTIONS:
        report = ENGINE.advise(hostile_project(text), date=DATE)
        html = cmarkgfm.github_flavored_markdown_to_html(report.render("markdown"))
        found = page(html)
        assert "a" not in found.tags, text
        assert "img" not in found.tags, text
        assert "script" not in found.tags, text
        assert found.tags <= GFM_TAGS, found.tags


@pytest.mark.parametrize(
    "text",
    ["see https://evil.example/x", "www.evil.example", "HTTP://X.Y", "ftp://a.b", "[a](b)"],
)
def test_escape_markdown_breaks_links_and_autolinks(text: str) -> None:
    escaped = escape_markdown(text)
    assert not re.search(r"(?<!\\)://", escaped)
    assert not re.search(r"(?i)(?<!\\)www\.", escaped.replace("www\\.", ""))
    assert "](" not in escaped


# -- plugin text -------------------------------------------------------------------------------


class HostilePlugin:
    """A plugin whose every text is an injection, and whose hooks fail with one."""

    __name__ = "vijandig"

    def __init__(self, text: str, tmp_path: Path) -> None:
        self.text = text
        rule = {
            "code": "EVIL01",
            "name": "evil.one",
            "element": text,  # a plugin element: its id is all the reports have as a title
            "kind": "warning",
            "priority": "low",
            "when": "True",
            "source": f"{text} https://bron.example/x javascript:alert(1)",
            "title": {"nl": text, "en": text},
            "message": {"nl": f"{text} m", "en": f"{text} m"},
            "why": {"nl": f"{text} w", "en": f"{text} w"},
            "actions": {"nl": [text], "en": [text]},
            "adjust": [{"when": "True", "priority": "high", "reason": {"nl": text, "en": text}}],
        }
        path = tmp_path / "evil.toml"
        path.write_text(toml_dumps({"rule": [rule]}), encoding="utf-8")
        self.rules = load_rules(path, elements=[text])

    @hookimpl
    def advies_rules(self) -> list[Any]:
        return self.rules

    @hookimpl
    def advies_facts(self, project: Any, facts: Any) -> Any:
        raise RuntimeError(f"{self.text} fact failure")

    @hookimpl
    def advies_prioritise(self, findings: Any, project: Any, lang: str) -> Any:
        import dataclasses

        return [dataclasses.replace(f, score_factors=(self.text, "x")) for f in findings]


@pytest.mark.parametrize("text", INJECTIONS, ids=[f"{i:02d}" for i in range(len(INJECTIONS))])
def test_injection_in_every_plugin_text(text: str, tmp_path: Path) -> None:
    engine = make_engine(HostilePlugin(text, tmp_path), builtin=True)
    report = engine.advise(loads(EXAMPLES[BASE]), date=DATE)
    assert any(f.code == "EVIL01" for f in report.findings)
    assert report.errors, "the failing hook is reported"
    assert any(text in factor for f in report.findings for factor in f.score_factors)
    check_all(report)


def test_plugin_error_and_problems_are_one_clean_line() -> None:
    error = PluginError("p\x1b[2J", "1.0", "broke:\n\x1b]0;title\x07 next line \u202eevil")
    assert "\n" not in str(error)
    assert "\x1b" not in str(error)
    assert "\u202e" not in str(error)
    assert error.reason.startswith("broke:\n")  # the data itself is kept
    problem = Problem("a\x1b[31m.toml", "x", "bad\nworse\u2028worst", line=1)
    # the file name shows what it holds, its escape written out so the terminal obeys nothing;
    # a newline in the message becomes a space, a line separator is written out like the rest
    assert str(problem) == "a\\x1b[31m.toml:1: x: bad worse\\u2028worst"


# -- through the CLI ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_cli_output_is_safe(tmp_path: Path, runner: CliRunner, fmt: str) -> None:
    path = tmp_path / "vijandig.toml"
    text = toml_dumps(hostile_project("\x1b[2J\x1b]0;x\x07<b>[a](https://e.x)"))
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(cli, ["run", str(path), "--no-plugins", "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "text":
        check_terminal(result.stdout, color=False)
    elif fmt == "markdown":
        check_markdown(result.stdout)
    else:
        check_html(result.stdout)


def test_cli_errors_about_hostile_keys_stay_on_one_line(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "sleutels.toml"
    path.write_text(
        'format = 1\n[project]\nname = "x"\n"\\u001b[2J\\nfout: nep" = 1\n"\\u202e" = 2\n',
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["check", str(path), "--no-plugins"])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 2, lines
    assert all(line.startswith(f"fout: {path}: project.") for line in lines)
    assert "\x1b" not in result.stderr
    assert '"\\u001b[2J\\nfout: nep"' in lines[0]  # the key, quoted as TOML writes it
