"""advies run --profile: time per plugin and per rule, so a slow plugin is visible."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from click.testing import CliRunner
from conftest import make_rule

from interventie_advies import hookimpl
from interventie_advies.cli import cli
from interventie_advies.testing import make_engine

EXAMPLES = str(Path(__file__).resolve().parents[1] / "examples")


def test_profile_names_plugins_and_rules() -> None:
    result = CliRunner().invoke(cli, ["run", EXAMPLES, "--no-plugins", "--date", "2026-11-01",
                                      "--format", "jsonl", "--profile", "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("\n") == 9  # the reports are unchanged
    assert "profile: 9 project(s)" in result.stderr
    assert "interventie-advies" in result.stderr
    assert "CON01" in result.stderr


def test_a_slow_plugin_shows_up_first() -> None:
    class Slow:
        __name__ = "traag"

        @hookimpl
        def advies_rules(self) -> list:
            def sleepy(ctx: object) -> bool:
                time.sleep(0.02)
                return False

            return [make_rule("SLW01", when=sleepy)]

    engine = make_engine(Slow(), builtin=True)
    profiled = type(engine)(**{**engine.settings, "profile": True})
    for _ in range(2):
        profiled.advise({"format": 1, "project": {"name": "x"}}, date=dt.date(2026, 1, 1))
    assert profiled.projects == 2
    timings = profiled.timings or {}
    slowest = max(timings, key=timings.__getitem__)
    assert slowest == ("traag", "SLW01")
    assert timings[slowest] >= 0.04
    assert make_engine().timings is None  # no profiling unless asked
