"""The load test's counting and its report (``benchmarks/load.py``), without a server."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

from interventie_advies import Engine

if TYPE_CHECKING:
    from types import ModuleType

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


def test_a_page_is_opened_signed_in_with_its_place_filled_in(load: ModuleType) -> None:
    asked: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        asked.append(f"{request.headers.get('cookie')} {request.url.path}")
        return httpx.Response(200)

    async def open_both() -> None:
        mock = httpx.MockTransport(answer)
        async with (
            httpx.AsyncClient(base_url="http://x", transport=mock) as api,
            httpx.AsyncClient(base_url="http://x", transport=mock, cookies={"s": "1"}) as pages,
        ):
            who = load.Person(api, pages, project=7, programme=3)
            for path in ("/programmes/{programme}", "/projects/{project}/history"):
                assert (await load.page(path)(who)).status_code == 200

    asyncio.run(open_both())
    assert asked == ["s=1 /programmes/3", "s=1 /projects/7/history"]
