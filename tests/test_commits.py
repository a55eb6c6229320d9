"""Reports written to a folder are put in place by a few threads at once (``_commits``)."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from click.testing import CliRunner

from interventie_advies import UsageError
from interventie_advies.cli import cli
from interventie_advies.commands import _commits
from interventie_advies.commands._commits import Commits

if TYPE_CHECKING:
    from interventie_advies._io import Replacement

ROOT = Path(__file__).resolve().parents[1]


class Held:
    """A file to put in place that waits until it is let go, counting who waits at once."""

    running = 0
    most = 0
    lock = threading.Lock()

    def __init__(self, go: threading.Event, fails: bool = False) -> None:
        self.go = go
        self.fails = fails
        self.done = False
        self.over = threading.Event()

    def commit(self) -> None:
        with Held.lock:
            Held.running += 1
            Held.most = max(Held.most, Held.running)
        try:
            assert self.go.wait(10)
            if self.fails:
                raise UsageError("schijf vol")
            self.done = True
        finally:
            with Held.lock:
                Held.running -= 1
            self.over.set()


def held(go: threading.Event, fails: bool = False) -> Replacement:
    made: Any = Held(go, fails)
    return made  # type: ignore[no-any-return]


@pytest.fixture(autouse=True)
def _fresh() -> None:
    Held.running = Held.most = 0


def test_files_are_put_in_place_by_several_threads_at_once() -> None:
    go = threading.Event()
    commits = Commits()
    files = [held(go) for _ in range(6)]
    for file in files:
        commits.add(file)  # none waits: six are fewer than may wait
    for _ in range(100):
        if Held.running == _commits.THREADS:
            break
        threading.Event().wait(0.05)
    assert Held.running == _commits.THREADS == 4
    go.set()
    commits.finish()
    assert all(f.done for f in files)  # type: ignore[attr-defined]
    assert Held.most == 4


def test_a_file_that_cannot_be_put_in_place_is_raised_and_the_others_still_are() -> None:
    go = threading.Event()
    commits = Commits()
    files = [held(go), held(go, fails=True), held(go)]
    for file in files:
        commits.add(file)
    go.set()
    with pytest.raises(UsageError, match="schijf vol"):
        commits.finish()
    assert [f.done for f in files] == [True, False, True]  # type: ignore[attr-defined]


def test_the_next_file_raises_what_failed_before_it() -> None:
    go = threading.Event()
    commits = Commits()
    failing = held(go, fails=True)
    commits.add(failing)
    go.set()
    assert failing.over.wait(10)  # type: ignore[attr-defined]
    for _ in range(200):  # NOTE: the future is done just after the commit returns
        if commits._waiting[0].done():
            break
        threading.Event().wait(0.01)
    with pytest.raises(UsageError, match="schijf vol"):
        commits.add(held(go))
    commits.finish()


def test_stopping_waits_for_the_files_and_raises_nothing() -> None:
    go = threading.Event()
    commits = Commits()
    files = [held(go, fails=True), held(go)]
    for file in files:
        commits.add(file)
    go.set()
    commits.stop()
    assert [f.done for f in files] == [False, True]  # type: ignore[attr-defined]
    commits.stop()  # twice: nothing left


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_folder_of_reports_is_whole(tmp_path: Path, jobs: str) -> None:
    """120 projects to a folder: each report complete, no temporary file left."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(120):
        shutil.copy(ROOT / "examples" / "schets.toml", folder / f"p{i:03d}.toml")
    out = tmp_path / "rapporten"
    args = ["run", str(folder), "--date", "2026-06-01", "--format", "json", "-o", f"{out}/"]
    result = CliRunner().invoke(cli, [*args, "--jobs", jobs])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"p{i:03d}.json" for i in range(120)]
    for path in out.iterdir():
        assert json.loads(path.read_bytes())["project"]["file"].endswith(
            path.with_suffix(".toml").name
        )
