"""Batch runs: many files, in order, with worker processes, broken files reported."""

from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from click.testing import CliRunner

from interventie_advies import Engine, PluginError, Problem, ProjectError, RuleError
from interventie_advies.cli import cli
from interventie_advies.commands import _workers
from interventie_advies.commands._batch import advise_paths

if TYPE_CHECKING:
    import pytest

ROOT = Path(__file__).resolve().parents[1]


def make_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "projecten"
    (folder / "sub").mkdir(parents=True)
    for example in sorted((ROOT / "examples").glob("*.toml")):
        shutil.copy(example, folder / example.name)
    shutil.copy(ROOT / "examples" / "schets.toml", folder / "sub" / "nog_een.toml")
    (folder / "zz_kapot.toml").write_text("format = 1\n[project]\nname = 3\n", encoding="utf-8")
    return folder


def test_jobs_give_the_same_reports_in_the_same_order(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    runner = CliRunner()
    base = ["run", str(folder), "--date", "2026-11-01", "--format", "json"]
    one = runner.invoke(cli, base)
    two = runner.invoke(cli, [*base, "--jobs", "2"])
    assert one.exit_code == two.exit_code == 2  # the broken file
    assert one.stdout == two.stdout
    names = [r["project"]["name"] for r in json.loads(two.stdout)]
    assert len(names) == 10  # nine examples and one in a sub-folder; the broken one left out
    assert "zz_kapot.toml:3:1: project.name: verwacht: tekst" in two.stderr


def test_jobs_must_be_positive(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["run", str(ROOT / "examples"), "--jobs", "0"])
    assert result.exit_code == 2
    assert "--jobs" in result.output


def test_errors_survive_a_trip_to_another_process() -> None:
    problems = [Problem("a.toml", "project.name", "is missing", 3, 1)]
    for error in (ProjectError(problems), RuleError(problems), PluginError("p", "1.0", "boom")):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        assert str(copy) == str(error)
    assert pickle.loads(pickle.dumps(ProjectError(problems))).problems == problems


def test_reports_per_project_keep_sub_folders_apart(tmp_path: Path) -> None:
    """a.toml and sub/a.toml must not overwrite each other's report."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(ROOT / "examples" / "schets.toml", folder / "a.toml")
    shutil.copy(ROOT / "examples" / "generatiekoor.toml", folder / "sub" / "a.toml")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["run", str(folder), "--date", "2026-11-01", "--format", "json", "--output", f"{out}/"]
    )
    assert result.exit_code == 0, result.output
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*.json"))
    assert written == ["a.json", "sub/a.json"]
    names = {json.loads((out / w).read_text(encoding="utf-8"))["project"]["name"] for w in written}
    assert len(names) == 2


def test_files_go_in_chunks_and_the_window_bounds_what_is_in_flight(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """300 files with 2 workers: chunks of 32 (fewer at the end), at most 256 files in flight."""
    folder = tmp_path / "veel"
    folder.mkdir()
    for i in range(300):
        shutil.copy(ROOT / "examples" / "schets.toml", folder / f"p{i:03d}.toml")
    files = sorted(str(p) for p in folder.glob("*.toml"))
    sizes: list[int] = []
    done = 0
    most = 0
    submit = _workers._submit

    def counted(pool: Any, chunk: list[str | Path]) -> Any:
        nonlocal most
        sizes.append(len(chunk))
        most = max(most, sum(sizes) - done)
        return submit(pool, chunk)

    monkeypatch.setattr(_workers, "_submit", counted)
    names = []
    for outcome in advise_paths(Engine(plugins=()), files, jobs=2, fmt="jsonl"):
        done += 1
        assert outcome.error is None
        names.append(str(outcome.path))
    assert names == files
    assert sizes == [32] * 9 + [12]
    assert most == 2 * _workers.WINDOW_PER_JOB == 256
