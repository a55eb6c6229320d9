"""``advies serve --workers N`` on Linux: each worker accepts on a socket of its own.

``web/_serve.py``: new connections are spread over the workers by the kernel
(``SO_REUSEPORT``), where uvicorn's shared socket left most of a burst with one worker; a
worker that dies is replaced, and one that cannot start stops the server. The workers and
their connections are found in ``/proc``, as ``ss -tnp`` finds them.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest
from test_web_server import Database, Server, start_server, stop_server

from interventie_advies.web import _serve

if TYPE_CHECKING:
    from collections.abc import Iterator

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"),
    reason="the workers' own sockets are Linux's SO_REUSEPORT; elsewhere uvicorn's --workers",
)

#: connections opened at once; each worker should hold at least a quarter of them
BURST = 60
#: /proc/net/tcp's states
LISTENING, OPEN = "0A", "01"


def test_the_workers_get_sockets_of_their_own_only_where_linux_spreads_them() -> None:
    assert _serve.spreads("127.0.0.1", 8000, 2)
    assert _serve.spreads("::1", 8000, 4)
    assert not _serve.spreads("127.0.0.1", 8000, 1)  # one worker: plain uvicorn
    assert not _serve.spreads("127.0.0.1", 0, 2)  # each socket would get a port of its own


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:  # gone meanwhile
                continue
            # NOTE: the command name, in parentheses, may hold spaces
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _sockets(pid: int) -> set[int]:
    """The inodes of the sockets process ``pid`` holds open (none once it has ended)."""
    inodes = set()
    try:
        fds = list(Path(f"/proc/{pid}/fd").iterdir())
    except OSError:  # gone meanwhile, as a killed worker is once its parent reaps it
        return inodes
    for fd in fds:
        try:
            target = str(fd.readlink())
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(int(target[8:-1]))
    return inodes


def _on_port(port: int) -> dict[int, str]:
    """The TCP sockets whose local port is ``port``: inode to state (0A listening, 01 open)."""
    found = {}
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port:
                found[int(fields[9])] = fields[3]
    return found


def _workers(server: Server) -> dict[int, list[str]]:
    """Each worker's pid and the states of its sockets on the server's port."""
    port = httpx.URL(server.url).port
    assert port is not None
    on_port = _on_port(port)
    held = {
        pid: sorted(on_port[inode] for inode in _sockets(pid) & on_port.keys())
        for pid in _children(server.process.pid)
    }
    # NOTE: the other child, multiprocessing's resource tracker, holds none
    return {pid: states for pid, states in held.items() if states}


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Server]:
    found = start_server(Database(tmp_path), "--workers", "2")
    # NOTE: the server answers once one worker does; the other may still be starting
    deadline = time.monotonic() + 60  # a deadline for start-up, not a measured timing
    while len(_workers(found)) < 2:
        assert time.monotonic() < deadline, found.out.read_text()
        time.sleep(0.1)
    yield found
    stop_server(found)


def _ask(sock: socket.socket) -> bytes:
    sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    answer = b""
    while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
        chunk = sock.recv(4096)
        assert chunk, answer
        answer += chunk
    return answer


def test_a_burst_of_connections_is_spread_over_the_workers(served: Server) -> None:
    workers = _workers(served)
    assert len(workers) == 2
    port = httpx.URL(served.url).port
    # NOTE: opened all at once, and each kept open after its answer (as browsers and
    # reverse proxies keep theirs)
    connections = [socket.create_connection(("127.0.0.1", port)) for _ in range(BURST)]
    try:
        for sock in connections:
            assert _ask(sock).startswith(b"HTTP/1.1 200 ")
        held = _workers(served)
    finally:
        for sock in connections:
            sock.close()
    assert sorted(held) == sorted(workers)
    assert all(states.count(LISTENING) == 1 for states in held.values())  # a socket each
    shares = sorted(states.count(OPEN) for states in held.values())
    assert sum(shares) == BURST
    # NOTE: a fair coin gives fewer than 15 of 60 once in about 30,000 runs
    assert shares[0] >= BURST // 4, shares


def test_a_worker_that_dies_is_replaced(served: Server) -> None:
    before = _workers(served)
    gone = min(before)
    os.kill(gone, signal.SIGKILL)
    deadline = time.monotonic() + 60  # a deadline for the new worker's start, not a timing
    while True:
        now = _workers(served)
        if len(now) == 2 and gone not in now:
            break
        assert time.monotonic() < deadline, served.out.read_text()
        time.sleep(0.2)
    for _ in range(20):  # whichever socket the kernel picks answers
        assert httpx.get(f"{served.url}/healthz", timeout=30).status_code == 200
    assert "stopped (exit code -9): starting another" in served.out.read_text()


def test_the_server_stops_its_workers_on_sigterm(served: Server) -> None:
    workers = set(_workers(served))
    served.process.terminate()
    assert served.process.wait(timeout=60) == 0
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)


def test_a_worker_that_cannot_start_stops_the_server(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        options = {"app": "interventie_advies.web._app:app_from_env", "factory": True}
        options |= {"host": "127.0.0.1", "port": port, "log_level": "warning"}
        before = signal.getsignal(signal.SIGTERM)
        with pytest.raises(SystemExit) as stopped:
            _serve.serve(options, 2)  # the port is taken by a socket without SO_REUSEPORT
    assert stopped.value.code == _serve.STARTUP_FAILURE
    assert signal.getsignal(signal.SIGTERM) == before  # the caller's handler is back
    err = capfd.readouterr().err
    assert f"cannot listen on 127.0.0.1:{port}" in err
    assert "a worker did not start: stopping the server" in err
