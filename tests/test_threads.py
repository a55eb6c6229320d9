"""One Engine shared by threads: built once, and each report carries only its own errors."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from conftest import DATE, make_rule

from interventie_advies import Engine, Finding, hookimpl

THREADS = 8
PROJECTS = 240
BROKEN = "P013"  # the project the plugin fails on


class Overlap:
    """Holds the broken project's run open until other projects have finished theirs.

    So the broken run has already failed in ``advies_facts`` while other reports are
    built: the moment a shared list of problems would leak into them.
    """

    def __init__(self, others: int = THREADS) -> None:
        self.others = others
        self.lock = threading.Lock()
        self.waiting = threading.Event()
        self.done = threading.Event()

    def hold(self) -> None:
        self.waiting.set()
        self.done.wait(30)

    def finished_one(self) -> None:
        with self.lock:
            if self.waiting.is_set():
                self.others -= 1
                if self.others <= 0:
                    self.done.set()


class Flaky:
    """A plugin whose facts, ranking and rule fail on one project only, and that counts."""

    __name__ = "wankel"
    __version__ = "0.1"

    def __init__(self, overlap: Overlap | None = None) -> None:
        self.overlap = overlap
        self.gathered = 0

    @hookimpl
    def advies_rules(self) -> list[Any]:
        self.gathered += 1

        def breaks_on_one(ctx: Any) -> bool:
            if ctx.project.name == BROKEN:
                if self.overlap is not None:
                    self.overlap.hold()
                raise ValueError(f"rule breaks on {ctx.project.name}")
            return True

        return [make_rule("WNK01", when=breaks_on_one)]

    @hookimpl
    def advies_facts(self, project: Any) -> dict[str, Any]:
        if project.project.name == BROKEN:
            raise RuntimeError(f"facts break on {project.project.name}")
        return {"wankel_length": len(project.project.name)}

    @hookimpl
    def advies_prioritise(self, findings: tuple[Finding, ...], project: Any) -> Any:
        if project.project.name == BROKEN:
            raise KeyError(project.project.name)
        return None


def projects() -> list[dict[str, Any]]:
    # NOTE: several shapes, so that the threads take different paths through the rules
    shapes: list[dict[str, Any]] = [
        {},
        {"contact": {"group_channel": "none", "continues_after_project": False}},
        {"project": {"phase": "closing"}},
        {"residents": {"needs": ["loneliness"], "expected_participants": 30}},
    ]
    out = []
    for i in range(PROJECTS):
        shape = shapes[i % len(shapes)]
        info = {"name": f"P{i:03d}", **shape.get("project", {})}
        out.append({"format": 1, **shape, "project": info})
    return out


def advise_all(engine: Engine, threads: int, overlap: Overlap | None = None) -> list[str]:
    def one(data: dict[str, Any]) -> str:
        text = engine.advise(data, date=DATE, lang="en").to_json()
        if overlap is not None and data["project"]["name"] != BROKEN:
            overlap.finished_one()
        return text

    if threads == 1:
        return [one(p) for p in projects()]
    with ThreadPoolExecutor(threads) as pool:
        return list(pool.map(one, projects()))


def test_threads_sharing_an_engine_give_the_reports_of_a_serial_run() -> None:
    serial = advise_all(Engine(plugins=[Flaky()]), 1)
    overlap = Overlap()
    shared = Engine(plugins=[Flaky(overlap)])
    assert advise_all(shared, THREADS, overlap) == serial
    assert overlap.done.is_set()  # other reports were built while the broken one was open
    broken = [i for i, text in enumerate(serial) if '"errors": []' not in text]
    assert broken == [13]  # only P013's report has errors: the facts, the rule, the ranking
    assert serial[13].count('"plugin": "wankel"') == 3
    assert shared.projects == PROJECTS


def test_threads_that_start_together_build_the_catalogue_once() -> None:
    barrier = threading.Barrier(THREADS)
    plugin = Flaky()
    engine = Engine(plugins=[plugin])

    def first_use(i: int) -> int:
        barrier.wait()  # all threads ask for the rules at the same moment
        return len(engine.advise({"format": 1, "project": {"name": f"T{i}"}}, date=DATE).errors)

    with ThreadPoolExecutor(THREADS) as pool:
        errors = list(pool.map(first_use, range(THREADS)))
    assert errors == [0] * THREADS
    assert plugin.gathered == 1


def test_timings_of_threads_add_up() -> None:
    engine = Engine(plugins=[Flaky()], profile=True)
    advise_all(engine, THREADS)
    timings = engine.timings or {}
    assert engine.projects == PROJECTS
    assert ("wankel", "WNK01") in timings
    assert ("wankel", "advies_facts") in timings
    assert engine.setup.timings[("wankel", "advies_rules")] > 0
