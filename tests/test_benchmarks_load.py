"""The load test's counting and its report (``benchmarks/load.py``), without a server."""

from __future__ import annotations

import asyncio
import concurrent.futures
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import pytest

from interventie_advies import Engine

if TYPE_CHECKING:
    from collections.abc import Coroutine
    from types import ModuleType

T = TypeVar("T")

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def load() -> ModuleType:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import load

        return load
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


def test_projects_are_the_examples_with_a_number_in_the_name(load: ModuleType) -> None:
    engine = Engine(plugins=())
    count = len(load.setup.EXAMPLES)
    names = [engine.check(text=load.setup.project_text(n)).project.name for n in range(count + 1)]
    assert names[0] == "Atelier op Wielen 0"  # examples/buurtatelier.toml, the first
    assert names[count] == f"Atelier op Wielen {count}"
    assert len(set(names)) == count + 1


def test_figures_per_kind(load: ModuleType) -> None:
    record = load.Record
    records = [
        *(record("read", 200, s / 1000) for s in range(1, 21)),  # 1..20 ms
        record("read", 500, 5.0),
        record("read", 0, 120.0),  # no answer
        record("save", 200, 0.010),
        record("save", 409, 0.002, conflict_expected=True),
        record("report", 409, 0.003),  # a 409 where none is expected is an error
    ]
    figures = load.summarise(records, seconds=2.0)
    assert figures["read"] == {
        "requests": 22,
        "per_s": 11.0,
        "median_ms": 10.5,
        "p95_ms": 19.0,
        "errors": 2,
        "conflicts": 0,
    }
    assert figures["save"] == {
        "requests": 2,
        "per_s": 1.0,
        "median_ms": 10.0,
        "p95_ms": 10.0,
        "errors": 0,
        "conflicts": 1,
    }
    assert figures["report"]["errors"] == 1
    assert figures["report"]["median_ms"] is None


def test_requests_per_second_up_to_the_last_answer(load: ModuleType) -> None:
    records = [load.Record("portfolio", 200, 4.0, ended=t) for t in (4.0, 8.0, 12.5)]
    assert load.summarise(records, seconds=10.0)["portfolio"]["per_s"] == 0.2  # 3 / 12.5


def test_settled_figures_leave_out_the_first_seconds(load: ModuleType) -> None:
    record = load.Record
    burst = [record("save", 200, 0.300, ended=t / 10) for t in range(1, 51)]  # 0.1-5.0 s
    later = [record("save", 200, 0.020, ended=6.0 + t) for t in range(20)]  # 6-25 s
    kept = load.settled([*burst, *later], 6.0)
    assert [r.ended for r in kept] == [float(t) for t in range(1, 20)]  # 6.0 is not after 6
    assert {r.seconds for r in kept} == {0.020}
    whole = load.summarise([*burst, *later], seconds=25.0)["save"]
    rest = load.summarise(kept, seconds=19.0)["save"]
    assert (whole["p95_ms"], rest["p95_ms"]) == (300.0, 20.0)
    assert rest["requests"] == 19
    assert rest["per_s"] == 1.0  # 19 answers over the 19 s after the first 6


def test_every_save_is_counted(load: ModuleType) -> None:
    assert load.missing_saves({1: 4, 2: 1}, {1: 3, 2: 0}) == {}
    assert load.missing_saves({1: 3, 2: 5}, {1: 3, 2: 4, 3: 0}) == {
        1: "3 versions, 3 saves",
        3: "0 versions, 0 saves",
    }


def test_markdown_table(load: ModuleType) -> None:
    figures = load.summarise([load.Record("portfolio", 503, 1.0)], seconds=4.0)
    assert load.markdown(figures).splitlines() == [
        "| request | requests/s | median ms | p95 ms | errors | 409s |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        "| portfolio | 0.2 | — | — | 1 | 0 |",
    ]


def _run(work: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(work)``, in a thread of its own.

    NOTE: a browser test may have left an event loop running in this one (Playwright's
    sync API).
    """
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, work).result()


async def _serving(answers: list[bytes], asked: list[bytes]) -> tuple[asyncio.Server, int]:
    """A server on 127.0.0.1 that answers each request with the next of ``answers``.

    ``asked`` gets each request's head; a body is read by its Content-Length. After an
    answer that says ``Connection: close`` it closes the connection.
    """

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while answers:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except asyncio.IncompleteReadError:
                break
            length = re.search(rb"Content-Length: (\d+)", head)
            body = await reader.readexactly(int(length[1])) if length else b""
            asked.append(head + body)
            answer = answers.pop(0)
            writer.write(answer)
            await writer.drain()
            if b"Connection: close" in answer:
                break
        writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1]


def test_the_client_reads_answers_on_one_connection(load: ModuleType) -> None:
    answers = [
        b'HTTP/1.1 200 OK\r\nContent-Length: 11\r\ncontent-type: x\r\n\r\n{"a": "\xc3\xa9"}',
        b"HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"3\r\nabc\r\n2;x=1\r\nde\r\n0\r\n\r\n",
        b"HTTP/1.1 409 Conflict\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
        b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhalf",  # closes before the end
    ]
    asked: list[bytes] = []

    async def talk() -> list[object]:
        server, port = await _serving(answers, asked)
        client = load.Client("127.0.0.1", port, {"Authorization": "Bearer t"}, timeout=5)
        try:
            first = await client.get("/one")
            second = await client.put("/two", {"n": 1})
            third = await client.get("/three")
            fourth = await client.get("/four")  # on a new connection
            with pytest.raises(load.TransportError):
                await client.get("/five")
        finally:
            await client.aclose()
            server.close()
        return [
            (first.status_code, first.json(), first.headers["content-type"]),
            (second.status_code, second.content),
            (third.status_code, third.content),
            (fourth.status_code, fourth.content),
        ]

    assert _run(talk()) == [
        (200, {"a": "é"}, "x"),
        (201, b"abcde"),
        (409, b""),
        (200, b"ok"),
    ]
    assert [a.split(b"\r\n")[0] for a in asked] == [
        b"GET /one HTTP/1.1",
        b"PUT /two HTTP/1.1",
        b"GET /three HTTP/1.1",
        b"GET /four HTTP/1.1",
        b"GET /five HTTP/1.1",
    ]
    assert b"\r\nAuthorization: Bearer t\r\n" in asked[0]
    assert asked[1].endswith(b'Content-Type: application/json\r\nContent-Length: 8\r\n\r\n{"n": 1}')


def test_a_kept_connection_the_server_closed_is_opened_again_once(load: ModuleType) -> None:
    asked: list[bytes] = []
    ok = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"

    async def talk() -> list[object]:
        connections = 0

        async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            nonlocal connections
            connections += 1
            if connections < 3:  # one answer, then closed as if idle too long
                asked.append(await reader.readuntil(b"\r\n\r\n"))
                writer.write(ok)
                await writer.drain()
            writer.close()  # the third: closed at once, with no answer

        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        client = load.Client("127.0.0.1", port, timeout=5)
        try:
            first = await client.get("/one")
            await asyncio.sleep(0.1)  # the server has closed it meanwhile
            second = await client.put("/two", {"n": 2})  # sent again on a new connection
            await asyncio.sleep(0.1)
            with pytest.raises(load.TransportError):  # a new connection is not tried twice
                await client.get("/three")
        finally:
            await client.aclose()
            server.close()
        return [first.status_code, second.status_code, connections]

    assert _run(talk()) == [200, 200, 3]
    assert [a.split(b"\r\n")[0] for a in asked] == [b"GET /one HTTP/1.1", b"PUT /two HTTP/1.1"]


def test_a_page_is_opened_signed_in_with_its_place_filled_in(load: ModuleType) -> None:
    ok = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
    asked: list[bytes] = []

    async def open_both() -> None:
        server, port = await _serving([ok, ok], asked)
        api = load.Client("127.0.0.1", port, {"Authorization": "Bearer t"})
        pages = load.Client("127.0.0.1", port, {"Cookie": "s=1"})
        try:
            who = load.Person(api, pages, project=7, programme=3)
            for path in ("/programmes/{programme}", "/projects/{project}/history"):
                assert (await load.page(path)(who)).status_code == 200
        finally:
            await api.aclose()
            await pages.aclose()
            server.close()

    _run(open_both())
    assert [a.split(b"\r\n")[0] for a in asked] == [
        b"GET /programmes/3 HTTP/1.1",
        b"GET /projects/7/history HTTP/1.1",
    ]
    assert all(b"\r\nCookie: s=1\r\n" in a and b"Authorization" not in a for a in asked)
