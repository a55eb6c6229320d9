"""The portfolio's stored summaries, read once per process (``_summary_items.items``)."""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import threading
import time
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, update
from test_web_after import OPERA, _call, app, migrated  # noqa: F401  # fixtures

from interventie_advies.web import _one_at_a_time, _summaries, _summary_items
from interventie_advies.web._db import Programme

if TYPE_CHECKING:
    import pytest
    from fastapi import FastAPI


def _programme_of(app: FastAPI, count: int) -> list[str]:  # noqa: F811
    """A programme with ``count`` projects, made over the API; the log of their answers."""
    with app.state.sessions() as session:
        session.add(Programme(name="Buurtbudget"))
        session.commit()
    log: list[str] = []
    for _ in range(count):
        assert _call(app, "POST", "/api/v1/projects", {"toml": OPERA, "programme": 1}, log) == 201
    return log


def _items(app: FastAPI, day: dt.date) -> list[_summary_items.Item]:  # noqa: F811
    with app.state.sessions() as session:
        return _summary_items.items(session, app.state.engine, 1, "nl", day, fresh=False)


def test_a_summary_read_again_is_the_same_item_until_it_changes(app: FastAPI) -> None:  # noqa: F811
    log = _programme_of(app, 2)
    today = dt.date.today()
    first = _items(app, today)
    again = _items(app, today)
    assert [i.project_id for i in first] == [1, 2]
    assert again[0] is first[0] and again[1] is first[1]
    # another day read: another item (its evaluation date is that day's)
    tomorrow = _items(app, today + dt.timedelta(days=1))
    assert tomorrow[0] is not first[0]
    assert tomorrow[0].entry is not None and tomorrow[0].entry.evaluated_on == str(
        today + dt.timedelta(days=1)
    )
    # a new version of project 2 with other advice (its name): a new item; project 1's kept
    renamed = OPERA.replace('name = "Buurtopera Kastanjehof"', 'name = "Opera 2"', 1)
    saved = {"toml": renamed, "base_version": 1}
    assert _call(app, "PUT", "/api/v1/projects/2", saved, log) == 200
    after = _items(app, today)
    assert after[0] is first[0]
    assert after[1].entry is not None and after[1].entry.row.name == "Opera 2"
    # a new version with the same advice: an item of its own (read once), equal to the last
    saved = {"toml": renamed + "# 3\n", "base_version": 2}
    assert _call(app, "PUT", "/api/v1/projects/2", saved, log) == 200
    third = _items(app, today)
    assert third[1] is not after[1] and third[1] == after[1]
    assert _items(app, today)[1] is third[1]
    # a summary made with other rules is marked stale, on the item it reads as
    with app.state.sessions() as session:
        session.execute(update(_summaries.Summary).values(fingerprint="old"))
        session.commit()
    stale = _items(app, today)
    assert stale[0] is not first[0] and stale[0].stale_since is not None


def test_only_the_texts_of_items_not_kept_are_read(
    app: FastAPI,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    log = _programme_of(app, 3)
    asked: list[list[int] | None] = []
    rows = _summary_items._rows

    def counted(session: Any, programme: int, column: Any, ids: list[int] | None) -> list[Any]:
        asked.append(ids)
        return rows(session, programme, column, ids)

    monkeypatch.setattr(_summary_items, "_rows", counted)
    today = dt.date.today()
    first = _items(app, today)
    assert asked == [None, [1, 2, 3]]
    asked.clear()
    assert _items(app, today) == first
    assert asked == [None]  # every item kept: no text read
    # each language its own items, from its own texts
    with app.state.sessions() as session:
        english = _summary_items.items(session, app.state.engine, 1, "en", today, fresh=False)
    assert asked == [None, None, [1, 2, 3]]
    assert english[0].entry is not None and first[0].entry is not None
    assert english[0].entry.elements != first[0].entry.elements  # the titles, in English
    # a project saved again: only its text is read
    asked.clear()
    saved = {"toml": OPERA + "# 2\n", "base_version": 1}
    assert _call(app, "PUT", "/api/v1/projects/2", saved, log) == 200
    assert _items(app, today) == first
    assert asked == [None, [2]]


def test_readers_at_once_make_a_missing_summary_once(
    app: FastAPI,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _programme_of(app, 3)
    with app.state.sessions() as session:  # saved, their jobs not run yet
        session.execute(delete(_summaries.Summary))
        session.commit()
    made: list[int] = []
    real = _summary_items.store

    def store(session: Any, engine: Any, project_id: int, version: int, **kw: Any) -> Any:
        made.append(project_id)
        time.sleep(0.2)  # long enough for the other reader to want it too
        return real(session, engine, project_id, version, **kw)

    monkeypatch.setattr(_summary_items, "store", store)
    today = dt.date.today()
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        first, second = pool.map(lambda _: _items(app, today), range(2))
    assert sorted(made) == [1, 2, 3]
    assert first == second and [i.project_id for i in first] == [1, 2, 3]
    assert all(i.entry is not None for i in first)
    assert _held() == []  # nothing left held


def _held() -> list[Any]:
    return list(_one_at_a_time._HELD)


def test_one_at_a_time_tells_who_waited() -> None:
    order: list[str] = []
    entered = threading.Event()

    def first() -> bool:
        with _one_at_a_time.one_at_a_time("k") as waited:
            entered.set()
            time.sleep(0.2)
            order.append("first done")
        return waited

    def second() -> bool:
        entered.wait(10)
        with _one_at_a_time.one_at_a_time("k") as waited:
            order.append("second in")
        return waited

    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        a, b = pool.submit(first), pool.submit(second)
        assert (a.result(), b.result()) == (False, True)
    assert order == ["first done", "second in"]
    with _one_at_a_time.one_at_a_time("other") as waited:  # another key never waits
        assert waited is False
    assert _held() == []
