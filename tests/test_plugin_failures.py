"""Every way a plugin can fail is reported (plugin, version, reason) and isolated.

One well-behaved plugin and one broken one are installed (as fake entry points); the
built-in advice and the good plugin's advice are still produced, and --strict turns the
failure into exit code 3.
"""

from __future__ import annotations

import dataclasses
import json
import types
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import make_rule
from pydantic import BaseModel

from interventie_advies import hookimpl, load_rules
from interventie_advies.cli import cli

EXAMPLE = str(Path(__file__).resolve().parents[1] / "examples" / "buurtopera.toml")


@dataclasses.dataclass
class Dist:
    name: str
    version: str


@dataclasses.dataclass
class EntryPoint:
    name: str
    value: str
    dist: Dist
    module: types.ModuleType | None = None
    error: Exception | None = None

    def load(self) -> object:
        if self.error is not None:
            raise self.error
        return self.module


class Jeugd(BaseModel):
    minors: bool | None = None


def module(name: str, **hooks: Any) -> types.ModuleType:
    mod = types.ModuleType(name)
    for hook, function in hooks.items():
        setattr(mod, hook, hookimpl(function))
    return mod


def good() -> types.ModuleType:
    return module(
        "goed",
        advies_rules=lambda: [make_rule("GOED01")],
        advies_project_extensions=lambda: {"jeugd": Jeugd},
    )


def boom(*_: Any) -> Any:
    raise RuntimeError("the database is down")


FAILURES: dict[str, tuple[dict[str, Any], str]] = {
    "import fails": ({"error": ImportError("No module named 'kapot'")}, "cannot be imported"),
    "hook raises": ({"module": module("kapot", advies_rules=boom)}, "the database is down"),
    "wrong type": ({"module": module("kapot", advies_rules=lambda: "CON01")},
                   "must return a list of Rule objects"),
    "duplicate code": ({"module": module("kapot", advies_rules=lambda: [make_rule("CON01")])},
                       "rule code CON01 is already defined by plugin interventie-advies"),
    "extension taken": ({"module": module("kapot",
                                          advies_project_extensions=lambda: {"jeugd": Jeugd})},
                        "extension name 'jeugd' is already taken by plugin goed"),
}


@pytest.fixture
def install(monkeypatch: pytest.MonkeyPatch) -> Any:
    def _install(**broken: Any) -> None:
        points = [
            EntryPoint("goed", "goed.plugin", Dist("advies-goed", "1.0.0"), module=good()),
            EntryPoint("kapot", "kapot.plugin", Dist("advies-kapot", "6.6.6"), **broken),
        ]
        monkeypatch.setattr("interventie_advies.plugins._host._entry_points", lambda: points)

    monkeypatch.delenv("ADVIES_DISABLE_PLUGINS", raising=False)
    return _install


@pytest.mark.parametrize("failure", list(FAILURES))
def test_a_failing_plugin_is_reported_and_the_rest_still_runs(failure: str, install: Any) -> None:
    broken, reason = FAILURES[failure]
    install(**broken)
    result = CliRunner().invoke(cli, ["run", EXAMPLE, "--date", "2026-11-01", "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    errors = [e for e in report["errors"] if e["plugin"] == "kapot"]
    assert len(errors) == 1
    assert errors[0]["version"] == "6.6.6"
    assert reason in errors[0]["message"]
    codes = {f["code"] for f in report["findings"]}
    assert "GOED01" in codes  # the good plugin still runs
    assert {"SUS02", "AL03"} <= codes  # and so do the built-in rules


@pytest.mark.parametrize("failure", list(FAILURES))
def test_strict_makes_a_failing_plugin_exit_3(failure: str, install: Any) -> None:
    broken, reason = FAILURES[failure]
    install(**broken)
    result = CliRunner().invoke(cli, ["run", EXAMPLE, "--date", "2026-11-01", "--strict"])
    assert result.exit_code == 3
    assert "fout: plugin kapot 6.6.6:" in result.stderr
    assert reason in result.stderr
    assert "Traceback" not in result.stderr


def test_a_renderer_that_raises_is_reported_with_plugin_and_version(install: Any) -> None:
    install(module=module("kapot", advies_renderers=lambda: {"csv": boom}))
    runner = CliRunner()
    failed = runner.invoke(cli, ["run", EXAMPLE, "--date", "2026-11-01", "--format", "csv"])
    assert failed.exit_code == 3
    assert failed.stderr.startswith("fout: plugin kapot 6.6.6: renderer 'csv' failed:")
    assert "the database is down" in failed.stderr
    # the other formats are unaffected
    text = runner.invoke(cli, ["run", EXAMPLE, "--date", "2026-11-01"])
    assert text.exit_code == 0 and "Belangrijkste advies" in text.stdout


def test_advies_plugins_lists_the_failure_and_strict_exits_3(install: Any) -> None:
    install(error=ImportError("No module named 'kapot'"))
    runner = CliRunner()
    listed = runner.invoke(cli, ["plugins", "--lang", "en"])
    assert listed.exit_code == 0
    assert "FAILED  kapot 6.6.6 (advies-kapot)" in listed.stdout
    assert "cannot be imported: ImportError: No module named 'kapot'" in listed.stdout
    assert "ok      goed 1.0.0 (advies-goed): 1 rule; hooks: " in listed.stdout
    assert runner.invoke(cli, ["plugins", "--strict"]).exit_code == 3


def test_a_plugin_whose_rule_file_failed_is_not_listed_ok(install: Any, tmp_path: Path) -> None:
    """Issue 13, item 14: it loaded, its rule file did not; it was listed "ok ... 0 rules"."""
    broken = tmp_path / "regels.toml"
    broken.write_text('[[rule]]\ncode = "KAP01"\n', encoding="utf-8")
    install(module=module("kapot", advies_rules=lambda: load_rules(broken)))
    runner = CliRunner()
    listed = runner.invoke(cli, ["plugins", "--lang", "en"])
    assert listed.exit_code == 0
    lines = listed.stdout.splitlines()
    [head] = [line for line in lines if "kapot" in line]
    assert head == "ERRORS  kapot 6.6.6 (advies-kapot): 0 rules; hooks: advies_rules"
    assert lines[lines.index(head) + 1] == (
        f"        ! hook advies_rules raised RuleError: {broken}: rule[0] (KAP01).name: "
        "this key is required but missing"
    )
    assert "ok      goed 1.0.0 (advies-goed): 1 rule; hooks: " in listed.stdout
    dutch = runner.invoke(cli, ["plugins"]).stdout
    assert "FOUTEN  kapot 6.6.6 (advies-kapot): 0 regels; hooks: advies_rules\n" in dutch
    data = {
        p["name"]: p for p in json.loads(runner.invoke(cli, ["plugins", "--format", "json"]).stdout)
    }
    assert (data["kapot"]["status"], data["kapot"]["rules"]) == ("loaded_with_errors", 0)
    assert data["goed"]["status"] == "loaded"
    assert runner.invoke(cli, ["plugins", "--strict"]).exit_code == 3
