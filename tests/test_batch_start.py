"""How batch workers start: forked with the main process's engine, or afresh with its settings."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from interventie_advies import Engine
from interventie_advies.cli import cli
from interventie_advies.commands import _workers

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "projecten"
    target.mkdir()
    for example in sorted((ROOT / "examples").glob("*.toml")):
        shutil.copy(example, target / example.name)
    return target


def start_methods(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the start method of every pool made."""
    chosen: list[str] = []
    real = _workers._start_method

    def record(*args: object) -> object:
        context, first = real(*args)  # type: ignore[arg-type]
        chosen.append(context.get_start_method())
        assert isinstance(first, Engine) == (chosen[-1] == "fork")
        return context, first

    monkeypatch.setattr(_workers, "_start_method", record)
    return chosen


@pytest.mark.parametrize("threads", [1, 2])
def test_workers_fork_only_with_no_other_thread_and_write_the_same(
    folder: Path, monkeypatch: pytest.MonkeyPatch, threads: int
) -> None:
    runner = CliRunner()
    base = ["run", str(folder), "--date", "2026-11-01", "--format", "jsonl", "--no-plugins"]
    one = runner.invoke(cli, [*base, "--jobs", "1"])
    chosen = start_methods(monkeypatch)
    monkeypatch.setattr(threading, "active_count", lambda: threads)
    two = runner.invoke(cli, [*base, "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0, two.stderr
    assert one.stdout_bytes == two.stdout_bytes
    linux = _workers.sys.platform.startswith("linux")
    assert chosen == ["fork" if linux and threads == 1 else "spawn"]
