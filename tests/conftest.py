"""Shared fixtures: a CLI runner, a fixed date, project files and small engines."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from click.testing import CliRunner

from interventie_advies import Engine, Rule

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from playwright.sync_api import Browser

#: the evaluation date every test uses (a report must not depend on "today")
DATE = dt.date(2026, 6, 1)
DATE_TEXT = DATE.isoformat()

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.toml"))

#: the twelve element ids, in the order of elements.md
ELEMENT_IDS = [
    "contact",
    "joint_product",
    "fit_residents",
    "meeting_place",
    "connecting_power",
    "shared_vision",
    "mutual_strengths",
    "all_layers",
    "remove_barriers",
    "sustainability",
    "knowledge_use",
    "key_persons",
]

ANSI = re.compile(r"\x1b\[")

MINIMAL = 'format = 1\n\n[project]\nname = "Klein project"\n'


def project_text(name: str = "Klein project", body: str = "") -> str:
    """A project file: ``format = 1``, a ``[project]`` with ``name``, then ``body``."""
    return f"format = 1\n\n[project]\nname = {json.dumps(name)}\n{body}"


def one_rule_file(extra: str = "") -> str:
    """A rule file with one valid rule (TST01, a high contact warning) and ``extra`` keys."""
    return f"""\
[[rule]]
code = "TST01"
name = "test.tst01"
element = "contact"
kind = "warning"
priority = "high"
{extra}
when = "contact.informal_moments is False"
needs = ["contact.informal_moments"]
title = {{ nl = "Titel", en = "Title" }}
message = {{ nl = "Bericht", en = "Message" }}
why = {{ nl = "Waarom", en = "Why" }}
question = {{ nl = "Vraag?", en = "Question?" }}
actions = {{ nl = ["Doe het"], en = ["Do it"] }}
"""


@pytest.fixture
def runner(tmp_path_factory: pytest.TempPathFactory,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    """A click CliRunner whose tests run in an empty folder; stderr is kept apart.

    The folder is a fresh temporary one (``isolated_filesystem`` is deprecated in click
    8.5); use absolute paths for the examples.
    """
    try:
        cli_runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]  # click < 8.2
    except TypeError:
        cli_runner = CliRunner()  # click >= 8.2 always keeps stderr apart
    monkeypatch.chdir(tmp_path_factory.mktemp("cli"))
    monkeypatch.delenv("ADVIES_LANG", raising=False)
    monkeypatch.delenv("ADVIES_DISABLE_PLUGINS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield cli_runner


@pytest.fixture
def write_project(tmp_path: Path) -> Callable[..., Path]:
    """Write a project file to ``tmp_path`` and return its path.

    ``write_project("a.toml", body)`` writes ``format = 1``, a project name and ``body``;
    pass ``raw=...`` to write the text as given.
    """

    def write(filename: str = "project.toml", body: str = "", *, name: str = "Klein project",
              raw: str | None = None) -> Path:
        path = tmp_path / filename
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(raw if raw is not None else project_text(name, body), encoding="utf-8")
        return path

    return write


@pytest.fixture
def builtin_engine() -> Engine:
    """An engine with the built-in rules only (no installed plugins)."""
    return Engine(plugins=())


def texts(text: str) -> dict[str, str]:
    """A LocalText-like table with the same text in Dutch and English."""
    return {"nl": f"{text} (nl)", "en": f"{text} (en)"}


def make_rule(code: str, *, when: Any = True, element: str = "contact",
              kind: str = "recommendation", priority: str | None = "medium",
              needs: tuple[str, ...] = (), question: str | None = None,
              **extra: Any) -> Rule:
    """A small Python rule; ``when`` may be a callable or a condition text.

    A constant ``when`` becomes a callable returning it.
    """
    if isinstance(when, bool):
        value = when
        when = lambda ctx: value  # noqa: E731
    data: dict[str, Any] = {
        "code": code,
        "name": extra.pop("name", f"test.{code.lower()}"),
        "element": element,
        "kind": kind,
        "when": when,
        "needs": needs,
        "title": texts(f"title {code}"),
        "message": texts(f"message {code}"),
        "why": texts(f"why {code}"),
    }
    if kind != "strength":
        data["priority"] = priority
    if needs:
        data["question"] = texts(question or f"question {code}")
    data.update(extra)
    return Rule(**data)


# -- a real browser: Debian's Chromium, driven by Playwright (test_html, test_web_browser) --
#
# One browser for the whole session: Playwright's sync API allows one at a time.

#: as root Chromium needs --no-sandbox; the machine may have no network, so nothing in the
#: background may try to reach one
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
BROWSER_TIMEOUT = 120  # seconds: a busy machine may start Chromium slowly


def _chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("Chromium is not installed here: neither 'chromium' nor 'chromium-browser' is "
                "on PATH (.ci/run installs Debian's chromium when it runs as root; installing "
                "it failed or was not possible)")



@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, started once by Playwright (never a browser Playwright downloads)."""
    chromium = _chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        pytest.skip(f"Playwright is not importable ({error}): it comes with the test extra "
                    "(pip install -r requirements-test.txt); it drives the chromium on PATH")
    with sync_playwright() as playwright:
        found = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS,
                                           timeout=BROWSER_TIMEOUT * 1000)
        try:
            yield found
        finally:
            found.close()


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Any]:
    """A PostgreSQL server for the whole run (tests/pg_cluster.py), or a skip with the reason.

    ``ADVIES_REQUIRE_POSTGRES=1`` turns the skip into a failure (CI never skips).
    """
    import contextlib

    from pg_cluster import Unavailable, cluster, unavailable

    with contextlib.ExitStack() as stack:
        try:
            found = stack.enter_context(cluster())
        except Unavailable as exc:
            unavailable(str(exc))
        yield found


def head_revision() -> str:
    """The newest schema revision, from the migrations the package ships (web tests)."""
    from alembic.script import ScriptDirectory  # NOTE: here, so the plain tests need no web

    import interventie_advies

    folder = Path(interventie_advies.__file__).parent / "web" / "migrations"
    head = ScriptDirectory(str(folder)).get_current_head()
    assert head is not None
    return head
