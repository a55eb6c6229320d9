"""An unreadable sub-folder in a batch is reported like an unreadable file, never skipped."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from interventie_advies import ProjectError
from interventie_advies.commands._batch import collect_paths

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"

#: root reads every folder whatever its mode; without these two capabilities it does not
DROP_DAC = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]


@cache
def unprivileged() -> list[str]:
    """The prefix that runs a command for which ``chmod 000`` really denies reading."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("root, and no setpriv to drop the capability to read any folder")
    probe = subprocess.run(
        [*DROP_DAC, sys.executable, "-c", "pass"], capture_output=True, check=False
    )
    if probe.returncode != 0:
        pytest.skip(f"setpriv cannot drop capabilities here: {probe.stderr!r}")
    return DROP_DAC


def advies(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [*unprivileged(), sys.executable, "-m", "interventie_advies", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )


@pytest.fixture
def batch(tmp_path: Path) -> tuple[Path, Path]:
    """Two readable project files and a sub-folder (with a project file) nobody may list."""
    folder = tmp_path / "projecten"
    locked = folder / "b_dicht"
    locked.mkdir(parents=True)
    shutil.copy(ROOT / "examples" / "schets.toml", folder / "a.toml")
    shutil.copy(ROOT / "examples" / "schets.toml", locked / "verborgen.toml")
    shutil.copy(ROOT / "examples" / "generatiekoor.toml", folder / "c.toml")
    locked.chmod(0)
    # the case is real only if the command we run truly cannot list the folder
    probe = subprocess.run(
        [*unprivileged(), sys.executable, "-c", f"import os; os.listdir({str(locked)!r})"],
        capture_output=True,
        check=False,
    )
    assert probe.returncode == 1
    assert b"PermissionError" in probe.stderr
    yield folder, locked
    locked.chmod(0o755)  # so pytest can clean up


def test_run_reports_the_folder_and_advises_the_rest(batch: tuple[Path, Path]) -> None:
    folder, locked = batch
    result = advies("run", folder, "--format", "jsonl", "--date", "2026-11-01", "--lang", "en")
    assert result.returncode == 2
    assert result.stderr == f"error: {locked}: cannot read folder: Permission denied\n"
    assert len(result.stdout.splitlines()) == 2
    assert all(json.loads(line)["project"] for line in result.stdout.splitlines())


def test_run_in_dutch_with_workers(batch: tuple[Path, Path]) -> None:
    folder, locked = batch
    result = advies("run", folder, "--format", "jsonl", "--date", "2026-11-01", "-j", "2")
    assert result.returncode == 2
    assert result.stderr == f"fout: {locked}: kan de map niet lezen: Permission denied\n"
    assert len(result.stdout.splitlines()) == 2


def test_check_reports_the_folder(batch: tuple[Path, Path]) -> None:
    folder, locked = batch
    result = advies("check", folder, "--lang", "en")
    assert result.returncode == 2
    assert result.stderr == f"error: {locked}: cannot read folder: Permission denied\n"
    assert result.stdout == f"ok: {folder / 'a.toml'}\nok: {folder / 'c.toml'}\n"


def test_portfolio_lists_the_folder_as_not_read(batch: tuple[Path, Path]) -> None:
    folder, locked = batch
    result = advies("portfolio", folder, "--format", "json", "--date", "2026-11-01", "--lang", "en")
    assert result.returncode == 2
    assert result.stderr == f"error: {locked}: cannot read folder: Permission denied\n"
    summary = json.loads(result.stdout)
    assert [e["file"] for e in summary["errors"]] == [str(locked)]


def test_a_batch_of_only_unreadable_folders_replaces_no_output(
    batch: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, locked = batch
    (folder / "a.toml").unlink()
    (folder / "c.toml").unlink()
    out = tmp_path / "alle.json"
    out.write_text("old reports\n", encoding="utf-8")
    result = advies("run", folder, "--format", "json", "-o", out, "--lang", "en")
    assert result.returncode == 2
    assert result.stderr == f"error: {locked}: cannot read folder: Permission denied\n"
    assert out.read_text(encoding="utf-8") == "old reports\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alle.json", "projecten"]


def test_the_api_raises_unless_told_where_errors_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulated (``os.scandir`` fails for one folder): the API's two ways to report it."""
    (tmp_path / "dicht").mkdir()
    (tmp_path / "a.toml").write_text("", encoding="utf-8")
    real = os.scandir

    def scandir(path: str) -> object:
        if Path(path).name == "dicht":
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(ProjectError) as raised:
        collect_paths([tmp_path])
    assert str(raised.value) == f"{tmp_path / 'dicht'}: cannot read folder: Permission denied"
    seen: list[ProjectError] = []
    assert collect_paths([tmp_path], on_error=seen.append) == [str(tmp_path / "a.toml")]
    assert [str(e) for e in seen] == [str(raised.value)]
