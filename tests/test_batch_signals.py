"""SIGTERM and Ctrl-C during a batch: workers stopped, no temporary file, old output kept.

These run the real command in a real process (signals, worker processes and temporary
files are the point) over a few thousand synthetic project files, and send the signal
once the temporary output file and both workers exist.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from interventie_advies.commands._signals import Stopped, stop_on_signals

ROOT = Path(__file__).resolve().parents[1]
FILES = 3000
#: generous: the machine may be shared; the tests never measure how long anything takes
DEADLINE = 120.0
#: how long a worker may take to disappear after the command ended
GRACE = 10.0

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import synthetic
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    folder = tmp_path_factory.mktemp("synthetisch")
    for i, text in enumerate(synthetic.projects(FILES)):
        (folder / f"p{i:05d}.toml").write_text(text, encoding="utf-8")
    return folder


def children_of(pid: int) -> list[int]:
    """The pids whose parent is ``pid`` (read from /proc: no extra package needed)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue  # ended meanwhile
            # the command name (field 2) may hold spaces: the fields after it are safe
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has stopped


def start(args: list[str], cwd: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    # NOTE: a command started in the background by a shell without job control (as CI may
    # start pytest) inherits SIGINT ignored, and an ignored SIGINT rightly stays ignored in
    # the batch (test_an_ignored_signal_stays_ignored). Started from a terminal it is not:
    # a Python handler here becomes SIG_DFL in the child, as it would be there.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "interventie_advies", *args],
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # its own process group, like a job started in a terminal
        )
    finally:
        signal.signal(signal.SIGINT, previous)


def wait_for(condition: object, proc: subprocess.Popen[str], what: str) -> None:
    end = time.monotonic() + DEADLINE
    while not condition():  # type: ignore[operator]
        if proc.poll() is not None:
            pytest.fail(f"the batch ended before {what}: {proc.stderr.read()}")  # type: ignore[union-attr]
        if time.monotonic() > end:
            os.killpg(proc.pid, signal.SIGKILL)
            pytest.fail(f"no {what} within {DEADLINE} s")
        time.sleep(0.01)


def stop_a_batch(
    many: Path,
    tmp_path: Path,
    signum: int,
    *,
    group: bool,
    output: str | None = "alle.json",
    command: str = "run",
) -> tuple[int, str, list[int]]:
    """Start a batch with two workers, signal it mid-way; the exit code, stderr, workers."""
    old = "de rapporten van gisteren\n"
    args = [command, str(many), "-j", "2", "--format", "json", "--date", "2026-11-01"]
    if output is not None:
        (tmp_path / output).write_text(old, encoding="utf-8")
        args += ["-o", output]
    proc = start([*args, "--lang", "en"], tmp_path)
    workers: list[int] = []

    def running() -> bool:
        workers[:] = children_of(proc.pid)
        # (a portfolio writes its file at the end, in one go)
        temporary = output is None or command != "run" or any(tmp_path.glob(f".{output}.*.tmp"))
        return len(workers) >= 2 and temporary

    wait_for(running, proc, "two workers and a temporary file")
    if group:
        os.killpg(proc.pid, signum)  # what Ctrl-C in a terminal does
    else:
        os.kill(proc.pid, signum)  # what `kill PID`, systemd or a container stop does
    try:
        try:
            # NOTE: a worker left running keeps the output pipes open: this then times out
            _, stderr = proc.communicate(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            stderr = "(the output pipes stayed open)"
        end = time.monotonic() + GRACE  # a worker orphaned and killed is reaped by init
        while any(alive(w) for w in workers) and time.monotonic() < end:
            time.sleep(0.05)
        left = [w for w in workers if alive(w)]
    finally:
        with contextlib.suppress(ProcessLookupError):  # leave nothing running behind
            os.killpg(proc.pid, signal.SIGKILL)
    if output is not None:
        kept = (tmp_path / output).read_text(encoding="utf-8")
        if kept != old:  # not `assert ==`: a whole batch's report makes a diff of 300 MB
            pytest.fail(f"{output} was replaced: {len(kept)} characters, {kept[:80]!r}…")
    assert sorted(p.name for p in tmp_path.iterdir()) == ([output] if output else [])
    return proc.returncode, stderr, left


def test_sigterm_stops_the_workers_and_keeps_the_old_output(many: Path, tmp_path: Path) -> None:
    code, stderr, left = stop_a_batch(many, tmp_path, signal.SIGTERM, group=False)
    assert left == []
    assert code == 143
    assert stderr == "Stopped (SIGTERM); alle.json is unchanged.\n"


def test_sigterm_to_the_whole_group(many: Path, tmp_path: Path) -> None:
    code, stderr, left = stop_a_batch(many, tmp_path, signal.SIGTERM, group=True)
    assert left == []
    assert code == 143
    assert stderr == "Stopped (SIGTERM); alle.json is unchanged.\n"


def test_ctrl_c_stops_without_a_traceback(many: Path, tmp_path: Path) -> None:
    code, stderr, left = stop_a_batch(many, tmp_path, signal.SIGINT, group=True)
    assert left == []
    assert code == 130
    assert stderr == "Stopped (SIGINT); alle.json is unchanged.\n"


def test_sigterm_while_streaming_to_stdout(many: Path, tmp_path: Path) -> None:
    code, stderr, left = stop_a_batch(many, tmp_path, signal.SIGTERM, group=False, output=None)
    assert left == []
    assert code == 143
    assert stderr == "Stopped (SIGTERM).\n"


def test_sigterm_stops_a_portfolio_too(many: Path, tmp_path: Path) -> None:
    code, stderr, left = stop_a_batch(
        many, tmp_path, signal.SIGTERM, group=False, command="portfolio"
    )
    assert left == []
    assert code == 143
    assert stderr == "Stopped (SIGTERM); alle.json is unchanged.\n"


def test_signals_become_stopped_inside_the_block_only() -> None:
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(Stopped) as raised, stop_on_signals():
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # the handler runs before this ends; never reached in practice
    assert (raised.value.name, raised.value.exit_code) == ("SIGTERM", 143)
    assert isinstance(raised.value, KeyboardInterrupt)  # `except Exception` lets it through
    assert signal.getsignal(signal.SIGTERM) == before


def test_an_ignored_signal_stays_ignored() -> None:
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with stop_on_signals():
            assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN
            assert signal.getsignal(signal.SIGTERM) != signal.SIG_DFL
        assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux only")
def test_workers_end_when_the_main_process_is_killed(many: Path, tmp_path: Path) -> None:
    """SIGKILL allows no clean-up in the main process; its workers must still end."""
    proc = start(["run", str(many), "-j", "2", "--format", "jsonl"], tmp_path)
    workers: list[int] = []

    def running() -> bool:
        workers[:] = children_of(proc.pid)
        return len(workers) >= 2

    wait_for(running, proc, "two workers")
    os.kill(proc.pid, signal.SIGKILL)
    try:
        proc.communicate(timeout=DEADLINE)
        end = time.monotonic() + GRACE
        while any(alive(w) for w in workers) and time.monotonic() < end:
            time.sleep(0.05)
        assert [w for w in workers if alive(w)] == []
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
