"""What crosses back from the workers: reports' bytes through a private file, or what is kept."""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from interventie_advies import Engine, Report, UsageError
from interventie_advies.commands import _spool
from interventie_advies.commands._batch import advise_paths
from interventie_advies.commands._outcome import Outcome
from interventie_advies.report._rows import Entry

if TYPE_CHECKING:
    import io
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parents[1]


def outcomes() -> list[Outcome]:
    return [
        Outcome(Path("a.toml"), text=b'{"a": 1}\n', worst=3),
        Outcome(Path("b.toml"), text="text, not bytes\n"),
        Outcome(Path("c.toml"), error=UsageError("kapot")),
        Outcome(Path("d.toml"), text=b"\xc3\xa9\n"),
    ]


def test_bytes_go_through_a_file_and_come_back_the_same(tmp_path: Path) -> None:
    sent = _spool.spool(outcomes(), str(tmp_path))
    assert sent.file is not None
    assert Path(sent.file).parent == tmp_path
    assert Path(sent.file).read_bytes() == b'{"a": 1}\n\xc3\xa9\n'
    assert sent.sizes == (9, -1, -1, 3)
    assert [o.text for o in sent.outcomes] == [None, "text, not bytes\n", None, None]
    back = _spool.unspool(sent)
    assert [(o.path, o.text, o.worst) for o in back] == [
        (o.path, o.text, o.worst) for o in outcomes()
    ]
    assert str(back[2].error) == "kapot"
    assert list(tmp_path.iterdir()) == []  # read once, then removed


def test_without_a_folder_or_bytes_nothing_is_written(tmp_path: Path) -> None:
    given = outcomes()
    assert _spool.spool(given, None) == _spool.Sent(given)
    texts = [Outcome(Path("b.toml"), text="text\n"), Outcome(Path("c.toml"))]
    assert _spool.spool(texts, str(tmp_path)) == _spool.Sent(texts)
    assert list(tmp_path.iterdir()) == []


def test_a_file_that_cannot_be_written_sends_the_bytes_as_before(tmp_path: Path) -> None:
    given = outcomes()
    sent = _spool.spool(given, str(tmp_path / "gone"))
    assert sent == _spool.Sent(given)
    assert _spool.unspool(sent) == given


def test_a_file_that_cannot_be_read_is_an_error_for_its_reports_only(tmp_path: Path) -> None:
    sent = _spool.spool(outcomes(), str(tmp_path))
    assert sent.file is not None
    Path(sent.file).unlink()
    back = _spool.unspool(sent)
    assert [o.text for o in back] == [None, "text, not bytes\n", None, None]
    assert [type(o.error).__name__ for o in back] == [
        "ProjectError",
        "NoneType",
        "UsageError",
        "ProjectError",
    ]
    assert "(FileNotFoundError: " in str(back[0].error)
    assert str(back[0].error).startswith("a.toml: ")
    assert str(back[2].error) == "kapot"


def test_each_report_is_written_as_soon_as_it_comes(tmp_path: Path) -> None:
    # a chunk's reports are never all held at once in the worker (docs/performance.md)
    on_disk: list[list[int]] = []

    def made() -> Iterator[Outcome]:
        yield Outcome(Path("a.toml"), text=b"aaa\n")
        on_disk.append([p.stat().st_size for p in tmp_path.iterdir()])
        yield Outcome(Path("b.toml"), text="text\n")
        yield Outcome(Path("c.toml"), text=b"cc\n")
        on_disk.append([p.stat().st_size for p in tmp_path.iterdir()])

    sent = _spool.spool(made(), str(tmp_path))
    assert on_disk == [[4], [7]]
    assert sent.sizes == (4, -1, 3)
    assert [o.text for o in _spool.unspool(sent)] == [b"aaa\n", "text\n", b"cc\n"]


def test_a_write_failing_part_way_sends_that_report_and_the_rest_through_the_pipe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_all = _spool._write_all
    calls = 0

    def full_disk(file: io.FileIO, data: bytes) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:  # half of the second report fits, then the disk is full
            file.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")
        write_all(file, data)

    monkeypatch.setattr(_spool, "_write_all", full_disk)
    given = [Outcome(Path(f"{n}.toml"), text=f'{{"n": {n}}}\n'.encode()) for n in range(4)]
    sent = _spool.spool(given, str(tmp_path))
    assert calls == 2  # nothing more is tried on that file
    assert sent.sizes == (9, -1, -1, -1)
    assert [o.text for o in sent.outcomes] == [None, *(o.text for o in given[1:])]
    assert sent.file is not None
    assert Path(sent.file).read_bytes() == b'{"n": 0}\n{"n"'  # the half is never read
    assert _spool.unspool(sent) == given
    assert list(tmp_path.iterdir()) == []


def test_a_chunk_that_fails_as_a_whole_leaves_no_file(tmp_path: Path) -> None:
    def made() -> Iterator[Outcome]:
        yield Outcome(Path("a.toml"), text=b"aaa\n")
        raise UsageError("a worker could not start")

    with pytest.raises(UsageError, match="could not start"):
        _spool.spool(made(), str(tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_a_chunk_without_bytes_leaves_no_file(tmp_path: Path) -> None:
    given = [Outcome(Path("c.toml"), error=UsageError("kapot")), Outcome(Path("d.toml"))]
    assert _spool.spool(iter(given), str(tmp_path)) == _spool.Sent(given)
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system's temporary folder for this test: an empty folder of its own."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def many(tmp_path: Path, count: int) -> list[str]:
    folder = tmp_path / "veel"
    folder.mkdir()
    for i in range(count):
        shutil.copy(ROOT / "examples" / "schets.toml", folder / f"p{i:03d}.toml")
    return sorted(str(p) for p in folder.glob("*.toml"))


def test_a_batch_with_workers_spools_and_leaves_nothing_behind(
    tmp_path: Path, temporary: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every chunk's JSON lines come through a file; the folder is gone when the run ends."""
    files = many(tmp_path, 100)
    files_seen: list[str | None] = []
    unspool = _spool.unspool

    def seen(sent: _spool.Sent) -> list[Outcome]:
        files_seen.append(sent.file)
        return unspool(sent)

    monkeypatch.setattr("interventie_advies.commands._workers.unspool", seen)
    engine = Engine(plugins=())
    with_workers = [o.text for o in advise_paths(engine, files, jobs=2, fmt="jsonl")]
    alone = [o.text for o in advise_paths(engine, files, jobs=1, fmt="jsonl")]
    assert with_workers == alone
    assert all(isinstance(text, bytes) for text in with_workers)
    assert len(files_seen) == 9  # chunks of 12 (100 files, 2 workers: 100 // 8)
    assert all(name is not None and Path(name).parent.parent == temporary for name in files_seen)
    assert list(temporary.iterdir()) == []


def test_a_batch_stopped_early_leaves_nothing_behind(tmp_path: Path, temporary: Path) -> None:
    files = many(tmp_path, 100)
    run = advise_paths(Engine(plugins=()), files, jobs=2, fmt="jsonl")
    first = next(run)
    assert first.text is not None
    assert len(list(temporary.iterdir())) == 1  # the batch's folder, while it runs
    run.close()
    assert list(temporary.iterdir()) == []


@pytest.mark.parametrize("fmt", [None, "text", "markdown"])
def test_reports_not_in_bytes_need_no_folder(
    tmp_path: Path, temporary: Path, fmt: str | None
) -> None:
    files = many(tmp_path, 20)
    run = advise_paths(Engine(plugins=()), files, jobs=2, fmt=fmt)
    first = next(run)
    assert first.report is not None if fmt is None else isinstance(first.text, str)
    assert list(temporary.iterdir()) == []
    assert sum(1 for _ in run) == 19


def test_without_a_usable_temporary_folder_the_reports_come_through_the_pipe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = many(tmp_path, 20)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no such folder"))
    with_workers = [o.text for o in advise_paths(Engine(plugins=()), files, jobs=2, fmt="jsonl")]
    alone = [o.text for o in advise_paths(Engine(plugins=()), files, jobs=1, fmt="jsonl")]
    assert with_workers == alone
    assert all(isinstance(text, bytes) for text in with_workers)


def test_keep_sends_back_what_it_makes_instead_of_the_report(tmp_path: Path) -> None:
    """The portfolio's way: only each report's entry crosses back from the workers."""
    files = many(tmp_path, 40)
    engine = Engine(plugins=())
    date = dt.date(2026, 6, 1)
    kept = list(advise_paths(engine, files, jobs=2, date=date, keep=Entry.from_report))
    assert [o.report for o in kept] == [None] * 40
    assert all(isinstance(o.kept, Entry) for o in kept)
    whole = [
        Entry.from_report(o.report, str(o.path)) for o in advise_paths(engine, files, date=date)
    ]
    assert [o.kept for o in kept] == whole
    alone = advise_paths(engine, files, jobs=1, date=date, keep=Entry.from_report)
    assert [o.kept for o in alone] == whole


def test_a_keep_that_cannot_travel_keeps_the_batch_in_one_process(tmp_path: Path) -> None:
    files = many(tmp_path, 10)
    pids = list(
        advise_paths(Engine(plugins=()), files, jobs=2, keep=lambda report, file: os.getpid())
    )
    assert {o.kept for o in pids} == {os.getpid()}


def test_a_keep_that_fails_is_that_file_s_error(tmp_path: Path) -> None:
    files = many(tmp_path, 10)
    outcomes = list(advise_paths(Engine(plugins=()), files, jobs=2, keep=_failing))
    assert all(o.kept is None and o.report is None for o in outcomes)
    assert all("ValueError: no entry" in str(o.error) for o in outcomes)


def _failing(report: Report, file: str) -> None:
    raise ValueError("no entry")
