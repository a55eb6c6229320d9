"""One broken file never stops a batch: every other report is written, the broken one named."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import signal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from interventie_advies import Engine, UsageError
from interventie_advies.cli import cli
from interventie_advies.commands import _workers
from interventie_advies.commands._batch import Outcome, advise_paths

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
DAY = ["--date", "2026-11-01"]

#: patches made here reach the workers only when they are forked from this process
needs_fork = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="workers must inherit the patch"
)


def folder_with(tmp_path: Path, broken_name: str, broken_text: str) -> Path:
    """The examples, one of them in a sub-folder, and one broken file between them."""
    folder = tmp_path / "projecten"
    (folder / "sub").mkdir(parents=True)
    for example in EXAMPLES:
        shutil.copy(example, folder / example.name)
    shutil.copy(ROOT / "examples" / "schets.toml", folder / "sub" / "nog_een.toml")
    (folder / broken_name).write_text(broken_text, encoding="utf-8")
    return folder


GOOD = len(EXAMPLES) + 1
#: a TOML integer past Python's 4,300-digit limit for int(): a ValueError in the parser
HUGE = 'format = 1\n[project]\nname = "x"\nbudget = ' + "9" * 5000 + "\n"


def names_in(output: str, fmt: str) -> list[str]:
    if fmt == "json":
        return [r["project"]["name"] for r in json.loads(output)]
    return [json.loads(line)["project"]["name"] for line in output.splitlines()]


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_huge_integer_does_not_stop_the_stream(tmp_path: Path, jobs: str, fmt: str) -> None:
    folder = folder_with(tmp_path, "m_huge.toml", HUGE)
    result = CliRunner().invoke(
        cli, ["run", str(folder), *DAY, "--format", fmt, "-j", jobs, "--lang", "en"]
    )
    assert result.exit_code == 2, result.output
    assert len(names_in(result.stdout, fmt)) == GOOD
    assert result.stderr.startswith(f"error: {folder / 'm_huge.toml'}:")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_huge_integer_does_not_stop_a_json_array_file(tmp_path: Path, jobs: str) -> None:
    folder = folder_with(tmp_path, "m_huge.toml", HUGE)
    out = tmp_path / "all.json"
    result = CliRunner().invoke(
        cli, ["run", str(folder), *DAY, "--format", "json", "-j", jobs, "-o", str(out)]
    )
    assert result.exit_code == 2, result.output
    assert len(names_in(out.read_text(encoding="utf-8"), "json")) == GOOD
    assert f"{folder / 'm_huge.toml'}:" in result.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_huge_integer_does_not_stop_a_folder_of_reports(tmp_path: Path, jobs: str) -> None:
    folder = folder_with(tmp_path, "m_huge.toml", HUGE)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["run", str(folder), *DAY, "--format", "json", "-j", jobs, "-o", f"{out}/"]
    )
    assert result.exit_code == 2, result.output
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*.json"))
    assert written == sorted([*(p.stem + ".json" for p in EXAMPLES), "sub/nog_een.json"])
    assert f"{folder / 'm_huge.toml'}:" in result.stderr


def failing_on(name: str, exc: BaseException | None = None) -> Any:
    """``Engine.advise``, but failing (or killing its process) for files called ``name``."""
    real = Engine.advise

    def advise(self: Engine, project: Any, **options: Any) -> Any:
        if Path(str(project)).name == name:
            if exc is None:
                os.kill(os.getpid(), signal.SIGKILL)
            raise exc  # type: ignore[misc]
        return real(self, project, **options)

    return advise


@pytest.mark.parametrize("jobs", [1, pytest.param(2, marks=needs_fork)])
def test_any_exception_becomes_that_files_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """Whatever one project raises is its error entry, never the end of the batch."""
    folder = folder_with(tmp_path, "m_bug.toml", 'format = 1\n[project]\nname = "x"\n')
    monkeypatch.setattr(Engine, "advise", failing_on("m_bug.toml", KeyError("boom " * 100)))
    files = sorted(str(p) for p in folder.rglob("*.toml"))
    outcomes = list(advise_paths(Engine(plugins=()), files, jobs=jobs, fmt="json"))
    assert [str(o.path) for o in outcomes] == files  # every file, in order
    broken = [o for o in outcomes if o.error is not None]
    assert [o.path.name for o in broken] == ["m_bug.toml"]
    message = str(broken[0].error)
    assert message.startswith(f"{folder / 'm_bug.toml'}: unexpected error (KeyError: 'boom boom")
    assert message.endswith("...); this is a bug in advies, please report it")
    assert len(message) < 400  # the exception's text is cut
    assert all(o.text for o in outcomes if o.error is None)


@needs_fork
def test_a_file_that_kills_its_worker_is_reported_and_the_rest_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = folder_with(tmp_path, "m_kill.toml", 'format = 1\n[project]\nname = "x"\n')
    monkeypatch.setattr(Engine, "advise", failing_on("m_kill.toml"))
    files = sorted(str(p) for p in folder.rglob("*.toml"))
    outcomes = list(advise_paths(Engine(plugins=()), files, jobs=2, fmt="jsonl"))
    assert [str(o.path) for o in outcomes] == files
    assert [o.path.name for o in outcomes if o.error is not None] == ["m_kill.toml"]
    killed = next(o.error for o in outcomes if o.error is not None)
    assert "the worker process advising this file stopped unexpectedly" in str(killed)
    assert sum(1 for o in outcomes if o.text) == GOOD


def test_an_error_that_cannot_travel_still_reaches_the_parent() -> None:
    """A plugin's own AdviesError that pickle cannot rebuild arrives as its message."""
    from interventie_advies import AdviesError
    from interventie_advies.commands._workers import portable

    class OwnError(AdviesError):
        def __init__(self, a: str, b: str) -> None:
            super().__init__(f"{a} and {b}")

    error = portable(Path("a.toml"), OwnError("this", "that"))
    assert str(error) == "a.toml: this and that"


@needs_fork
def test_workers_that_cannot_start_stop_the_batch_with_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not one "worker died" per file, nor a pool started again and again: one error."""
    folder = folder_with(tmp_path, "m_goed.toml", 'format = 1\n[project]\nname = "x"\n')
    engine = Engine(plugins=())
    here = os.getpid()
    real = Engine.__init__

    def init(self: Engine, **settings: Any) -> None:
        if os.getpid() != here:
            raise OSError("no such database")
        real(self, **settings)

    monkeypatch.setattr(Engine, "__init__", init)
    # NOTE: a worker forked with the engine has nothing to build; one that starts afresh
    # (elsewhere than on Linux) builds its own: forked here, but as those are started
    monkeypatch.setattr(
        _workers, "_start_method", lambda start, _: (multiprocessing.get_context("fork"), start[0])
    )
    files = sorted(str(p) for p in folder.rglob("*.toml"))
    with pytest.raises(UsageError) as raised:
        list(advise_paths(engine, files, jobs=2))
    assert str(raised.value) == (
        "a worker process could not start: OSError: no such database; --jobs 1 runs without workers"
    )


def many_with(tmp_path: Path, broken_name: str) -> list[str]:
    """Forty copies of an example and one more file in the middle, sorted: several chunks."""
    folder = tmp_path / "veel"
    folder.mkdir()
    for i in range(40):
        shutil.copy(ROOT / "examples" / "schets.toml", folder / f"p{i:02d}.toml")
    (folder / broken_name).write_text('format = 1\n[project]\nname = "x"\n', encoding="utf-8")
    return sorted(str(p) for p in folder.glob("*.toml"))


@needs_fork
def test_a_worker_killed_within_a_chunk_costs_only_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files go to the workers five at a time here; the chunk in flight is redone file by file."""
    files = many_with(tmp_path, "p20_kill.toml")
    assert _workers._chunk_size(len(files), 2) == 5
    monkeypatch.setattr(Engine, "advise", failing_on("p20_kill.toml"))
    outcomes = list(advise_paths(Engine(plugins=()), files, jobs=2, fmt="jsonl"))
    assert [str(o.path) for o in outcomes] == files
    assert [o.path.name for o in outcomes if o.error is not None] == ["p20_kill.toml"]
    assert sum(1 for o in outcomes if o.text) == 40


@needs_fork
def test_a_result_that_cannot_travel_costs_only_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A chunk whose results cannot be sent back is redone file by file to find the one."""
    files = many_with(tmp_path, "p20_odd.toml")
    real = _workers._advise_one

    def advise_one(name: str | Path) -> Outcome:
        outcome = real(name)
        if Path(name).name == "p20_odd.toml":
            return Outcome(Path(name), text=lambda: "cannot be pickled")  # type: ignore[arg-type]
        return outcome

    monkeypatch.setattr(_workers, "_advise_one", advise_one)
    outcomes = list(advise_paths(Engine(plugins=()), files, jobs=2, fmt="jsonl"))
    assert [str(o.path) for o in outcomes] == files
    assert [o.path.name for o in outcomes if o.error is not None] == ["p20_odd.toml"]
    assert sum(1 for o in outcomes if o.text) == 40
