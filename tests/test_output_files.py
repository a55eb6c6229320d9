"""Writing output files: mode, umask, symlinks, folders, broken input, and any file name.

Issue 11: output files lost their mode (0644 became 0600) and a symlinked output became a
plain file (item 16); ``-o out.json`` with a broken input emptied the old file; ``-o dir/``
that cannot be created ended in a traceback (item 10); a file name that is not UTF-8 made
``-o`` crash with UnicodeEncodeError and ``--format jsonl`` write invalid UTF-8 (item 7).
"""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from conftest import DATE_TEXT, EXAMPLES, MINIMAL

from interventie_advies._io import atomic_write
from interventie_advies.cli import cli

if TYPE_CHECKING:
    from collections.abc import Iterator

    from click.testing import CliRunner, Result

RUN = ["run", "--date", DATE_TEXT, "--no-plugins"]
SCHETS = str(EXAMPLES / "schets.toml")
OLD = b"old report\n"
#: a byte that is not UTF-8: Python keeps it in a str as the lone surrogate U+DCFF
FF = os.fsdecode(b"\xff")
posix_names = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="file names are bytes only on Linux and BSD"
)


def invoke(runner: CliRunner, *args: object) -> Result:
    return runner.invoke(cli, [*RUN, *map(str, args)])


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def umask() -> Iterator[Any]:
    """Set the process umask inside a test; the old one comes back afterwards."""
    old = os.umask(0o022)
    try:
        yield os.umask
    finally:
        os.umask(old)


# -- modes and symlinks (item 16) ------------------------------------------------------------


@pytest.mark.parametrize("kept", [0o644, 0o640, 0o664])
def test_a_replaced_file_keeps_its_mode(
    runner: CliRunner, tmp_path: Path, umask: Any, kept: int
) -> None:
    umask(0o077)  # the mode kept is the old file's, not the umask's
    out = tmp_path / "rapport.json"
    out.write_bytes(OLD)
    out.chmod(kept)
    result = invoke(runner, SCHETS, "--format", "json", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert mode(out) == kept
    assert json.loads(out.read_text(encoding="utf-8"))["project"]["file"] == SCHETS


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_a_new_file_follows_the_umask(
    runner: CliRunner, tmp_path: Path, umask: Any, mask: int, expected: int
) -> None:
    umask(mask)
    out = tmp_path / "nieuw.txt"
    assert invoke(runner, SCHETS, "-o", out).exit_code == 0
    assert mode(out) == expected
    folder = tmp_path / "rapporten"
    assert invoke(runner, SCHETS, SCHETS, "-o", f"{folder}/").exit_code == 0
    assert mode(folder / "schets.txt") == expected
    atomic_write(tmp_path / "api.txt", "x")
    assert mode(tmp_path / "api.txt") == expected


def test_set_id_bits_are_not_copied(tmp_path: Path) -> None:
    out = tmp_path / "x.txt"
    out.write_bytes(OLD)
    out.chmod(0o4755)
    atomic_write(out, "new")
    assert mode(out) == 0o755


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_writing_to_a_symlink_writes_through_to_its_target(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "echt" / "rapport.txt"
    target.parent.mkdir()
    target.write_bytes(OLD)
    target.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    chain = tmp_path / "chain.txt"
    chain.symlink_to(link)
    assert invoke(runner, SCHETS, "-o", chain).exit_code == 0
    assert link.is_symlink() and chain.is_symlink()
    assert target.read_text(encoding="utf-8").startswith("Advies voor:")
    assert mode(target) == 0o640
    assert leftovers(tmp_path) == leftovers(target.parent) == []


# -- devices and pipes: written to in place, never replaced ---------------------------------


NULL = Path(os.devnull)


@pytest.mark.skipif(not NULL.exists(), reason="no null device")
def test_output_to_the_null_device_leaves_it_a_device(runner: CliRunner) -> None:
    # NOTE: a rename onto /dev/null made it a regular file for every process on the
    # machine when run as root (and failed as anyone else)
    before = NULL.stat()
    opera = EXAMPLES / "buurtopera.toml"
    result = invoke(runner, SCHETS, opera, "--format", "jsonl", "-o", NULL)
    assert result.exit_code == 0, result.output
    after = NULL.stat()
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    atomic_write(NULL, "niets")
    assert NULL.stat().st_ino == before.st_ino


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_output_to_a_named_pipe_is_written_through_it(runner: CliRunner, tmp_path: Path) -> None:
    import threading

    pipe = tmp_path / "uit.fifo"
    os.mkfifo(pipe)
    read: list[bytes] = []
    # NOTE: a daemon, so that a failing write (nothing opens the pipe) cannot hang pytest
    reader = threading.Thread(target=lambda: read.append(pipe.read_bytes()), daemon=True)
    reader.start()
    result = invoke(runner, SCHETS, "--format", "json", "-o", pipe)
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert read, "nothing came through the pipe"
    assert json.loads(read[0])["project"]["name"] == json.loads(
        invoke(runner, SCHETS, "--format", "json").output
    )["project"]["name"]
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_a_symlink_to_a_missing_file_creates_that_file(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to("nog-niet.txt")
    atomic_write(link, "inhoud")
    assert link.is_symlink()
    assert (tmp_path / "nog-niet.txt").read_text(encoding="utf-8") == "inhoud"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_a_symlink_loop_is_a_clean_error(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    result = invoke(runner, SCHETS, "-o", tmp_path / "a", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {tmp_path / 'a'}: cannot write: the symlink points to itself (a loop)\n"
    )


# -- broken input keeps the old output -------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "markdown", "html"])
def test_a_broken_input_leaves_the_old_output_untouched(
    runner: CliRunner, tmp_path: Path, fmt: str
) -> None:
    broken = tmp_path / "kapot.toml"
    broken.write_text("format = 1\n[project\n", encoding="utf-8")
    out = tmp_path / "rapport.out"
    out.write_bytes(OLD)
    result = invoke(runner, broken, "--format", fmt, "-o", out)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"fout: {broken}:2:")
    assert out.read_bytes() == OLD
    result = invoke(runner, broken, broken, "--format", fmt, "-o", out)
    assert result.exit_code == 2
    assert out.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_a_broken_input_among_good_ones_still_writes_the_good_reports(
    runner: CliRunner, tmp_path: Path
) -> None:
    broken = tmp_path / "kapot.toml"
    broken.write_text("format = 1\n[project\n", encoding="utf-8")
    out = tmp_path / "rapport.json"
    out.write_bytes(OLD)
    result = invoke(runner, broken, SCHETS, "--format", "json", "-o", out)
    assert result.exit_code == 2
    [report] = json.loads(out.read_text(encoding="utf-8"))
    assert report["project"]["file"] == SCHETS


# -- folders that cannot be made (item 10) ---------------------------------------------------


@pytest.mark.parametrize("where", ["{f}/", "{f}/sub/", "{f}/sub/deeper/"])
def test_a_file_in_the_way_of_the_output_folder_is_a_clean_error(
    runner: CliRunner, tmp_path: Path, where: str
) -> None:
    in_the_way = tmp_path / "bestand"
    in_the_way.write_bytes(OLD)
    output = where.format(f=in_the_way)
    result = invoke(runner, SCHETS, SCHETS, "-o", output, "--lang", "en")
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr == (
        f"error: {output.rstrip('/')}: cannot create the folder: a file is in the way\n"
    )
    assert in_the_way.read_bytes() == OLD


def test_a_sub_folder_of_a_report_that_cannot_be_made_is_a_clean_error(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Reports keep the folders of their projects; a file named like such a folder is in the way."""
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "a.toml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "in" / "sub" / "b.toml").write_text(MINIMAL, encoding="utf-8")
    out = tmp_path / "uit"
    out.mkdir()
    (out / "sub").write_bytes(OLD)
    result = invoke(runner, tmp_path / "in", "-o", f"{out}/", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {out / 'sub'}: cannot create the folder: a file is in the way\n"
    )


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root is not stopped by folder permissions (see the test below)",
)
def test_a_folder_without_write_permission_is_a_clean_error(
    runner: CliRunner, tmp_path: Path
) -> None:  # pragma: no cover - runs where the suite does not run as root
    locked = tmp_path / "dicht"
    locked.mkdir(mode=0o555)
    try:
        result = invoke(runner, SCHETS, SCHETS, "-o", f"{locked}/sub/", "--lang", "en")
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 2
    assert result.stderr == f"error: {locked}/sub: cannot create the folder: Permission denied\n"


def test_a_permission_error_is_reported_with_its_reason(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root no folder is locked, so the refusal is simulated where ``mkdir`` is called."""

    def refuse(self: Path, *args: Any, **kwargs: Any) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    result = invoke(runner, SCHETS, SCHETS, "-o", f"{tmp_path}/nieuw/", "--lang", "nl")
    assert result.exit_code == 2
    assert result.stderr == (
        f"fout: {tmp_path}/nieuw: kan de map niet maken: Permission denied\n"
    )


def test_one_project_to_a_folder_writes_into_the_folder(runner: CliRunner, tmp_path: Path) -> None:
    """``-o reports/`` with one project wrote a file called ``reports``."""
    result = invoke(runner, SCHETS, "-o", f"{tmp_path}/rapporten/")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "rapporten" / "schets.txt").is_file()
    existing = tmp_path / "bestaand"
    existing.mkdir()
    assert invoke(runner, SCHETS, "-o", existing).exit_code == 0
    assert (existing / "schets.txt").is_file()


# -- file names that are not UTF-8 (item 7) --------------------------------------------------


@pytest.fixture
def odd_project(tmp_path: Path) -> Path:
    path = tmp_path / f"na{FF}me.toml"
    try:
        path.write_text(MINIMAL, encoding="utf-8")
    except (UnicodeEncodeError, OSError):  # pragma: no cover - a file system that refuses it
        pytest.skip("this file system does not take names that are not UTF-8")
    return path


@posix_names
@pytest.mark.parametrize("fmt", ["json", "jsonl", "text", "markdown", "html"])
def test_a_name_that_is_not_utf8_is_written_with_escapes(
    runner: CliRunner, tmp_path: Path, odd_project: Path, fmt: str
) -> None:
    out = tmp_path / f"rapport{FF}.{fmt}"
    result = invoke(runner, odd_project, "--format", fmt, "-o", out)
    assert result.exit_code == 0, result.stderr
    shown = f"{tmp_path}/na\\xffme.toml"
    text = out.read_bytes().decode("utf-8")  # valid UTF-8
    if fmt in ("json", "jsonl"):
        assert json.loads(text)["project"]["file"] == shown
    assert FF not in text


@posix_names
def test_jsonl_to_stdout_is_always_utf8(odd_project: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    for lang_env in (
        {"LC_ALL": "C.UTF-8"},
        {"LC_ALL": "C"},
        {"PYTHONUTF8": "1"},
        {"PYTHONIOENCODING": "latin-1"},  # JSON is UTF-8 whatever the locale says
    ):
        done = subprocess.run(
            [sys.executable, "-m", "interventie_advies", *RUN, "--format", "jsonl",
             os.fsencode(odd_project), SCHETS],
            capture_output=True, env={**env, **lang_env}, timeout=60, check=False,
        )
        assert done.returncode == 0, done.stderr
        lines = done.stdout.decode("utf-8").splitlines()
        assert [json.loads(line)["project"]["file"] for line in lines] == [
            f"{tmp_path}/na\\xffme.toml",
            SCHETS,
        ]


@posix_names
def test_names_that_are_not_utf8_in_folders_messages_and_check(
    runner: CliRunner, tmp_path: Path, odd_project: Path
) -> None:
    folder = tmp_path / f"uit{FF}"
    other = tmp_path / "ander.toml"
    other.write_text(MINIMAL, encoding="utf-8")
    result = invoke(runner, odd_project, other, "-o", f"{folder}/")
    assert result.exit_code == 0, result.stderr
    # the report has the same bytes in its name as the project file
    assert sorted(p.name for p in folder.iterdir()) == ["ander.txt", f"na{FF}me.txt"]
    result = runner.invoke(cli, ["check", str(odd_project), "--no-plugins"])
    assert result.stdout_bytes.decode("utf-8") == f"ok: {tmp_path}/na\\xffme.toml\n"
    result = invoke(runner, SCHETS, "-o", tmp_path / f"geen{FF}map" / "x.txt", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr_bytes.decode("utf-8") == (
        f"error: {tmp_path}/geen\\xffmap/x.txt: cannot write here: No such file or directory\n"
    )
    odd_project.write_text("format = 1\n[project\n", encoding="utf-8")
    result = runner.invoke(cli, ["check", str(odd_project), "--no-plugins", "--lang", "en"])
    assert result.stderr_bytes.decode("utf-8").startswith(f"error: {tmp_path}/na\\xffme.toml:2:")


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o027, 0o640)])
def test_every_command_that_writes_a_file_follows_the_umask(
    runner: CliRunner, tmp_path: Path, umask: Any, mask: int, expected: int
) -> None:
    """Issue 13, item 8: portfolio, diff and init as well as run; none makes a 0600 file."""
    umask(mask)
    written = {
        "portfolio.csv": ["portfolio", SCHETS, "--date", DATE_TEXT, "--no-plugins"],
        "voortgang.md": ["diff", SCHETS, SCHETS, "--date", DATE_TEXT, "--no-plugins"],
    }
    for name, args in written.items():
        result = runner.invoke(cli, [*args, "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.stderr
        assert mode(tmp_path / name) == expected, name
    answers = "\n".join(["Project", "overslaan", *["overslaan"] * 13]) + "\n"
    init = runner.invoke(cli, ["init", str(tmp_path / "plan.toml")], input=answers)
    assert init.exit_code == 0, init.stderr
    assert mode(tmp_path / "plan.toml") == expected
    assert leftovers(tmp_path) == []
