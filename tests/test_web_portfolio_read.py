"""The portfolio's stored summaries, read once per process (``_summaries.items``)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import update
from test_web_after import OPERA, _call, app, migrated  # noqa: F401  # fixtures

from interventie_advies.web import _summaries
from interventie_advies.web._db import Programme

if TYPE_CHECKING:
    from fastapi import FastAPI


def _items(app: FastAPI, day: dt.date) -> list[_summaries.Item]:  # noqa: F811
    with app.state.sessions() as session:
        return _summaries.items(session, app.state.engine, 1, "nl", day, fresh=False)


def test_a_summary_read_again_is_the_same_item_until_it_changes(app: FastAPI) -> None:  # noqa: F811
    with app.state.sessions() as session:
        session.add(Programme(name="Buurtbudget"))
        session.commit()
    log: list[str] = []
    for _ in range(2):
        assert _call(app, "POST", "/api/v1/projects", {"toml": OPERA, "programme": 1}, log) == 201
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
    # a version whose stored summary is the same text gives the same item (it is the same)
    saved = {"toml": renamed + "# 3\n", "base_version": 2}
    assert _call(app, "PUT", "/api/v1/projects/2", saved, log) == 200
    assert _items(app, today)[1] is after[1]
    # a summary made with other rules is marked stale, on the item it reads as
    with app.state.sessions() as session:
        session.execute(update(_summaries.Summary).values(fingerprint="old"))
        session.commit()
    stale = _items(app, today)
    assert stale[0] is not first[0] and stale[0].stale_since is not None
