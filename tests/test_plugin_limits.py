"""A plugin that adds too many rules is reported broken; a slow plugin import is named."""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import subprocess
import sys
import textwrap
import threading
import types
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import DATE, make_rule

from interventie_advies import Engine, PluginError, hookimpl
from interventie_advies.cli import cli
from interventie_advies.engine._gather import MAX_RULES_PER_PLUGIN
from interventie_advies.plugins import _host as host
from interventie_advies.testing import RulesPlugin, make_engine

ROOT = Path(__file__).resolve().parents[1]
LIMITS = (ROOT / "docs" / "limits.md").read_text(encoding="utf-8")
PROJECT = {"format": 1, "project": {"name": "Grenzen"}}


def many(count: int) -> list[Any]:
    one = make_rule("MNY1")
    return [one.model_copy(update={"code": f"M{i}", "name": f"m.r{i}"}) for i in range(count)]


def test_a_million_rules_is_reported_and_the_others_still_run() -> None:
    # NOTE: one rule a million times: the count is checked before anything is looked at
    flood = RulesPlugin([make_rule("MNY01")] * 1_000_000, name="vloed")
    engine = make_engine(flood, RulesPlugin([make_rule("OK01")]), builtin=True)
    report = engine.advise(PROJECT, date=DATE)
    assert "OK01" in {f.code for f in report.findings}
    assert not any(r.plugin == "vloed" for r in engine.rules)
    assert [(e.plugin, e.message) for e in report.errors] == [
        ("vloed", "advies_rules returned 1,000,000 rules; a plugin may add at most 5,000; "
                  "all of them are left out")
    ]
    with pytest.raises(PluginError, match="plugin vloed: advies_rules returned 1,000,000"):
        Engine(plugins=[flood], builtin=False, strict=True).advise(PROJECT, date=DATE)


def test_the_rule_limit_holds_at_the_limit_and_one_over_it() -> None:
    rules = many(MAX_RULES_PER_PLUGIN + 1)
    at_limit = make_engine(RulesPlugin(rules[:-1], name="vol"))
    assert len(at_limit.rules) == MAX_RULES_PER_PLUGIN
    assert at_limit.problems == ()
    over = make_engine(RulesPlugin(rules, name="vol"))
    assert over.rules == ()
    assert [p.plugin for p in over.problems] == ["vol"]


def test_the_rule_limit_is_documented() -> None:
    row = next(line for line in LIMITS.splitlines() if "advies_rules" in line)
    assert f"{MAX_RULES_PER_PLUGIN:,}" in row


# -- a slow import ---------------------------------------------------------------------


@dataclasses.dataclass
class Dist:
    name: str
    version: str


@dataclasses.dataclass
class SlowEntryPoint:
    """An entry point whose import waits until the host has said it is slow."""

    name: str
    value: str
    dist: Dist
    said: threading.Event

    def load(self) -> object:
        assert self.said.wait(30), "the host never said which plugin is loading"
        module = types.ModuleType("traag")
        module.advies_rules = hookimpl(lambda: [make_rule("SLW01")])  # type: ignore[attr-defined]
        return module


class Said(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.said = threading.Event()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
        self.said.set()


@pytest.fixture
def slow_plugin(monkeypatch: pytest.MonkeyPatch) -> Said:
    said = Said()
    logger = logging.getLogger(host.LOGGER)
    logger.addHandler(said)
    monkeypatch.setattr(host, "SLOW_IMPORT_SECONDS", 0.01)
    point = SlowEntryPoint("traag", "traag.plugin", Dist("advies-traag", "0.3"), said.said)
    monkeypatch.setattr(host, "_entry_points", lambda: [point])
    monkeypatch.delenv("ADVIES_DISABLE_PLUGINS", raising=False)
    yield said
    logger.removeHandler(said)


def test_a_slow_import_is_named_while_it_loads_and_when_it_is_done(slow_plugin: Said) -> None:
    engine = Engine(builtin=False)
    assert [r.code for r in engine.rules] == ["SLW01"]
    assert len(slow_plugin.messages) == 2
    assert slow_plugin.messages[0] == (
        "still loading plugin traag (advies-traag) after 0.01 s; "
        "ADVIES_DISABLE_PLUGINS=traag leaves it out"
    )
    assert re.fullmatch(r"plugin traag took \d+\.\d s to load", slow_plugin.messages[1])
    assert engine.setup.timings[("traag", "import")] >= 0.01


def test_the_slow_import_line_is_in_dutch_for_a_dutch_command(slow_plugin: Said) -> None:
    result = CliRunner().invoke(cli, ["plugins", "--lang", "nl"])
    assert result.exit_code == 0, result.output
    assert slow_plugin.messages[0] == (
        "plugin traag (advies-traag) laadt na 0.01 s nog steeds; "
        "met ADVIES_DISABLE_PLUGINS=traag blijft hij weg"
    )


def test_profile_shows_the_import_of_each_plugin(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "advies_los.py").write_text(
        "from interventie_advies import hookimpl\n\n"
        "@hookimpl\ndef advies_renderers():\n    return {}\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    project = tmp_path / "p.toml"
    project.write_text('format = 1\n[project]\nname = "x"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", str(project), "--no-plugins", "--plugin",
                                      "advies_los", "--profile", "--lang", "en"])
    assert result.exit_code == 0, result.output
    setup = result.stderr.split("set-up, once: plugin imports and hooks (ms):\n")[1]
    assert re.search(r"^  import +advies_los +\d+\.\d\d$", setup, re.MULTILINE)
    assert re.search(r"^  advies_rules +interventie-advies +\d+\.\d\d$", setup, re.MULTILINE)


SLOW_MODULE = """
import threading

# NOTE: wait until the host's timer has said that this import is slow
for timer in threading.enumerate():
    if isinstance(timer, threading.Timer):
        timer.finished.wait(30)

from interventie_advies import hookimpl

@hookimpl
def advies_renderers():
    return {}
"""

RUN_CLI = """
import sys
from interventie_advies.plugins import _host
from interventie_advies.cli import cli

_host.SLOW_IMPORT_SECONDS = 0.01
cli(["plugins", "--no-plugins", "--plugin", "advies_traag", "--format", "json", "--lang", "en"])
"""


def test_without_logging_set_up_the_slow_import_line_goes_to_stderr(tmp_path: Path) -> None:
    (tmp_path / "advies_traag.py").write_text(textwrap.dedent(SLOW_MODULE), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", RUN_CLI], capture_output=True, text=True, timeout=120,
        cwd=tmp_path, env={"PYTHONPATH": f"{tmp_path}{':'}{ROOT / 'src'}", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert [p["name"] for p in json.loads(result.stdout)] == ["interventie-advies",
                                                              "advies_traag"]
    lines = result.stderr.splitlines()
    assert lines[0] == ("still loading plugin advies_traag after 0.01 s; "
                        "ADVIES_DISABLE_PLUGINS=advies_traag leaves it out")
    assert re.fullmatch(r"plugin advies_traag took \d+\.\d s to load", lines[1])
    assert len(lines) == 2


RULE = """
[[rule]]
code = "{code}"
name = "file.{name}"
element = "contact"
kind = "recommendation"
priority = "low"
when = 'project.name != ""'
title = {{ nl = "Titel", en = "Title" }}
message = {{ nl = "Bericht", en = "Message" }}
why = {{ nl = "Waarom", en = "Why" }}

[[rule.examples]]
fires = true
project = {{}}
"""


def test_rules_files_together_are_bounded_too(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("interventie_advies.engine._gather.MAX_RULES_PER_PLUGIN", 3)
    folder = tmp_path / "regels"
    folder.mkdir()
    for i, codes in enumerate((["FIL01", "FIL02"], ["FIL03", "FIL04"])):
        text = "".join(RULE.format(code=c, name=c.lower()) for c in codes)
        (folder / f"{i}.toml").write_text(text, encoding="utf-8")
    project = tmp_path / "p.toml"
    project.write_text('format = 1\n[project]\nname = "x"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", str(project), "--no-plugins", "--rules",
                                      str(folder), "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr == (f"error: {folder / '1.toml'}: the rule files hold 4 rules or "
                             "more; at most 3 may come from --rules\n")
    one = CliRunner().invoke(cli, ["run", str(project), "--no-plugins", "--rules",
                                   str(folder / "0.toml"), "--format", "json"])
    assert one.exit_code == 0, one.output
    assert {"FIL01", "FIL02"} <= {f["code"] for f in json.loads(one.stdout)["findings"]}
