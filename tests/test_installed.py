"""The installed command, run as a real process (the CliRunner tests cover the rest)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from conftest import DATE_TEXT, EXAMPLES, ROOT

from interventie_advies import __version__
from interventie_advies.commands._schema import ReportSchema


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("ADVIES_LANG", "ADVIES_DISABLE_PLUGINS", "NO_COLOR")}
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def test_installed_advies_run_gives_json() -> None:
    found = shutil.which("advies")
    command = [found] if found else [sys.executable, "-m", "interventie_advies"]
    example = EXAMPLES / "generatiekoor.toml"
    result = subprocess.run(
        [*command, "run", str(example), "--date", DATE_TEXT, "--format", "json"],
        capture_output=True, text=True, encoding="utf-8", timeout=120, cwd=ROOT,
        env=_environment(),
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    data = json.loads(result.stdout)
    ReportSchema.model_validate(data)
    assert data["project"]["file"] == str(example)
    assert data["evaluated_on"] == DATE_TEXT
    assert data["tool"] == {**data["tool"], "name": "interventie-advies", "version": __version__}
    assert len(data["elements"]) == 12


def test_python_dash_m() -> None:
    version = subprocess.run([sys.executable, "-m", "interventie_advies", "--version"],
                             capture_output=True, text=True, timeout=60, env=_environment())
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip().endswith(__version__)
    helped = subprocess.run([sys.executable, "-m", "interventie_advies", "--help"],
                            capture_output=True, text=True, timeout=60, env=_environment())
    assert helped.returncode == 0
    assert "run" in helped.stdout
    assert "Traceback" not in helped.stderr
