"""Nothing lost: every file the tool writes is written atomically, and only when asked.

Each writer (``atomic_write``; ``advies run --output FILE`` for one project and for several;
the folder sink of ``--output DIR/``; ``advies init``; ``advies diff --output``) is made to
fail half-way: the disk fills up while writing (``write`` raises), ``fsync`` fails, the
rename fails, or Ctrl-C arrives. Every time the old file is byte-identical afterwards, no
temporary file is left in the folder, and the CLI ends with one clean error line.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from interventie_advies import UsageError
from interventie_advies._io import atomic_write
from interventie_advies.cli import cli
from interventie_advies.commands import _output as output_module

if TYPE_CHECKING:
    from collections.abc import Callable

    from click.testing import CliRunner, Result

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = [
    str(ROOT / "examples" / name)
    for name in ("buurtopera.toml", "schets.toml", "muurschildering.toml")
]
DAY = ["--date", "2026-11-01", "--no-plugins"]
OLD = "oude inhoud\n\x00 en bytes die \xe9 blijven\n"


def disk_full(*_: Any) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def interrupted(*_: Any) -> None:
    raise KeyboardInterrupt


def leftovers(folder: Path) -> list[str]:
    """Temporary files in ``folder`` (and below)."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if ".tmp" in p.name)


def old_file(path: Path) -> bytes:
    path.write_bytes(OLD.encode("utf-8", "surrogateescape"))
    return path.read_bytes()


class FailingStream:
    """A text stream that writes ``budget`` characters, then fails like a full disk.

    Its ``buffer`` (the bytes underneath, where JSON is written) spends the same budget.
    """

    def __init__(self, stream: Any, budget: int, left: list[int] | None = None) -> None:
        self.stream = stream
        self.left = [budget] if left is None else left

    def write(self, text: Any) -> int:
        if len(text) > self.left[0]:
            self.stream.write(text[: self.left[0]])  # half of it reaches the file
            self.left[0] = 0
            disk_full()
        self.left[0] -= len(text)
        return int(self.stream.write(text))

    @property
    def buffer(self) -> FailingStream:
        return FailingStream(self.stream.buffer, 0, self.left)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)

    def __enter__(self) -> FailingStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stream.close()


def fail_writes_after(monkeypatch: pytest.MonkeyPatch, module: Any, budget: int) -> None:
    """Make files opened with ``module.os.fdopen`` fail after ``budget`` characters."""
    real = os.fdopen

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> FailingStream:
        return FailingStream(real(fd, *args, **kwargs), budget)

    monkeypatch.setattr(module.os, "fdopen", fdopen)


def assert_clean_failure(result: Result) -> None:
    """Exit 2 and one ``fout:`` line per problem; never a traceback."""
    assert result.exit_code == 2, (result.exit_code, result.stderr, result.exception)
    lines = result.stderr.splitlines()
    assert lines
    assert all(line.startswith("fout: ") for line in lines), lines
    assert "Traceback" not in result.stderr


# -- atomic_write ------------------------------------------------------------------------------


def test_atomic_write_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    atomic_write(target, "een\n")
    assert target.read_text(encoding="utf-8") == "een\n"
    atomic_write(target, "twee\n")
    assert target.read_text(encoding="utf-8") == "twee\n"
    assert leftovers(tmp_path) == []


def test_atomic_write_does_not_replace_unless_asked(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    before = old_file(target)
    with pytest.raises(UsageError, match="file exists; use --force"):
        atomic_write(target, "nieuw", overwrite=False)
    assert target.read_bytes() == before
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("where", "failure"),
    [
        ("write", disk_full),
        ("fsync", disk_full),
        ("replace", disk_full),
        ("fsync", interrupted),
        ("replace", interrupted),
    ],
)
def test_atomic_write_failing_half_way_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, failure: Callable[..., None]
) -> None:
    import interventie_advies._io as io_module

    target = tmp_path / "rapport.json"
    before = old_file(target)
    if where == "write":
        fail_writes_after(monkeypatch, io_module, 10)
    elif where == "fsync":
        monkeypatch.setattr(io_module.os, "fsync", failure)
    else:
        monkeypatch.setattr(Path, "replace", failure)
    expected = KeyboardInterrupt if failure is interrupted else UsageError
    with pytest.raises(expected) as info:
        atomic_write(target, "x" * 100_000)
    if expected is UsageError:
        assert "No space left on device" in str(info.value)
        assert str(target) in str(info.value)
    assert target.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_atomic_write_into_a_missing_folder_is_a_clean_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot write here"):
        atomic_write(tmp_path / "bestaat-niet" / "a.txt", "x")


# -- advies run --output FILE ------------------------------------------------------------------


def test_run_output_replaces_the_named_file(tmp_path: Path, runner: CliRunner) -> None:
    target = tmp_path / "rapport.json"
    old_file(target)
    result = runner.invoke(cli, ["run", EXAMPLES[0], *DAY, "--format", "json", "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("{")
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize("where", ["write", "fsync", "replace"])
def test_run_output_failing_half_way_keeps_the_old_file(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, where: str, count: int
) -> None:
    target = tmp_path / "rapport.json"
    before = old_file(target)
    if where == "write":  # the disk fills up in the middle of the second report
        fail_writes_after(monkeypatch, output_module, 30_000 if count > 1 else 500)
    elif where == "fsync":
        monkeypatch.setattr(output_module.os, "fsync", disk_full)
    else:
        monkeypatch.setattr(Path, "replace", disk_full)
    args = ["run", *EXAMPLES[:count], *DAY, "--format", "json", "-o", str(target)]
    result = runner.invoke(cli, args)
    assert_clean_failure(result)
    assert "No space left on device" in result.stderr
    assert target.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_run_output_interrupted_between_projects_keeps_the_old_file(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "rapport.json"
    before = old_file(target)
    real_add = output_module.Sink.add
    calls = []

    def add(self: Any, path: Any, text: str) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real_add(self, path, text)

    monkeypatch.setattr(output_module.Sink, "add", add)
    result = runner.invoke(cli, ["run", *EXAMPLES, *DAY, "--format", "json", "-o", str(target)])
    assert result.exit_code != 0
    assert target.read_bytes() == before
    assert leftovers(tmp_path) == []


# -- the folder sink: --output DIR/ ------------------------------------------------------------


def test_folder_output_failing_half_way_keeps_each_old_report(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import interventie_advies._io as io_module

    folder = tmp_path / "rapporten"
    folder.mkdir()
    olds = {name: old_file(folder / name) for name in ("buurtopera.json", "schets.json")}
    real_fsync = os.fsync
    calls = []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:  # the second report (schets) cannot be written
            disk_full()
        real_fsync(fd)

    monkeypatch.setattr(io_module.os, "fsync", fsync)
    args = ["run", *EXAMPLES, *DAY, "--format", "json", "-o", f"{folder}/"]
    result = runner.invoke(cli, args)
    assert_clean_failure(result)
    assert (folder / "buurtopera.json").read_bytes() != olds["buurtopera.json"]  # written
    assert (folder / "schets.json").read_bytes() == olds["schets.json"]  # kept
    assert not (folder / "muurschildering.json").exists()  # the run stopped there
    assert leftovers(tmp_path) == []


def test_folder_output_writes_one_complete_file_per_project(
    tmp_path: Path, runner: CliRunner
) -> None:
    folder = tmp_path / "rapporten"
    result = runner.invoke(cli, ["run", *EXAMPLES, *DAY, "--format", "json", "-o", f"{folder}/"])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in folder.iterdir()) == [
        "buurtopera.json",
        "muurschildering.json",
        "schets.json",
    ]
    assert leftovers(tmp_path) == []


# -- advies init and advies diff ---------------------------------------------------------------

#: a project name, then "skip" for the rest of [project] and for the thirteen other parts
INIT_ANSWERS = "\n".join(["Project", "overslaan", *["overslaan"] * 13]) + "\n"


def test_init_does_not_replace_without_force(tmp_path: Path, runner: CliRunner) -> None:
    target = Path("project.toml")
    before = old_file(target)
    result = runner.invoke(cli, ["init"], input=INIT_ANSWERS)
    assert_clean_failure(result)
    assert "--force" in result.stderr
    assert target.read_bytes() == before


@pytest.mark.parametrize("where", ["write", "fsync", "replace"])
def test_init_failing_half_way_keeps_the_old_file(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    import interventie_advies._io as io_module

    target = Path("project.toml")
    before = old_file(target)
    if where == "write":
        fail_writes_after(monkeypatch, io_module, 100)
    elif where == "fsync":
        monkeypatch.setattr(io_module.os, "fsync", disk_full)
    else:
        monkeypatch.setattr(Path, "replace", disk_full)
    result = runner.invoke(cli, ["init", "--force"], input=INIT_ANSWERS)
    assert_clean_failure(result)
    assert target.read_bytes() == before
    assert leftovers(Path()) == []


def test_init_with_force_replaces(runner: CliRunner) -> None:
    target = Path("project.toml")
    old_file(target)
    result = runner.invoke(cli, ["init", "--force"], input=INIT_ANSWERS)
    assert result.exit_code == 0, result.stderr
    assert 'name = "Project"' in target.read_text(encoding="utf-8")
    assert leftovers(Path()) == []


def test_diff_output_failing_keeps_the_old_file(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import interventie_advies._io as io_module

    target = tmp_path / "voortgang.md"
    before = old_file(target)
    monkeypatch.setattr(io_module.os, "fsync", disk_full)
    args = ["diff", EXAMPLES[1], EXAMPLES[0], *DAY, "--format", "markdown", "-o", str(target)]
    result = runner.invoke(cli, args)
    assert_clean_failure(result)
    assert target.read_bytes() == before
    assert leftovers(tmp_path) == []
