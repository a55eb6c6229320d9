"""A programme's stored summaries as the portfolio's items, each read once per process.

``_summaries`` keeps each saved version's summary; :func:`items` reads a programme's
latest ones as :class:`Item` values (an entry, or the failure), making again those that
do not hold on the day asked (or, when asked, those made with other rules).

An item is kept (:data:`_READ`) by what its summary is made of: the database, the project,
its version, the rules' fingerprint, when it was made (to the microsecond), the days it
holds; its stale mark, the day read and the language. A summary is advice on one version's
text (which never changes) by those rules on its first day, written at that moment, so the
same key is the same text. A request reads those columns first, then the texts (a few KB
each) of only the projects whose item is not kept: a portfolio of 1,000 projects fetched
and hashed all 1,000 texts on every request, of which only those saved since are new.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..report._portfolio import Entry, FailedFile
from ._db import ProjectRow, Version
from ._summaries import Summary, fingerprint, making, path_of, store, summarise

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.orm import Session

    from ..engine._engine import Engine

__all__ = ["READ_KEPT", "Item", "items"]

#: the items read, by what their summary is made of, the stale mark, the day and language
# NOTE: per process; emptied when full
_READ: dict[tuple[Any, ...], Item] = {}
#: how many items :data:`_READ` keeps (a 1,000-project programme in both languages: 2,000)
READ_KEPT = 10_000
#: at most this many projects' texts asked for by their ids in one statement
_IDS_AT_ONCE = 500


@dataclass(frozen=True)
class Item:
    """One project of a portfolio: its entry (or failure), and whether it is stale."""

    project_id: int
    entry: Entry | None
    failed: FailedFile | None
    #: made with other rules than the running ones: when it was made (else None)
    stale_since: dt.datetime | None


def _item(project_id: int, data: dict[str, Any], day: dt.date, stale: dt.datetime | None) -> Item:
    path = path_of(project_id)
    if "error" in data:
        failed = FailedFile(path, data["error"], data["problems"], data["exit_code"])
        return Item(project_id, None, failed, stale)
    entry = Entry.from_data(data, file=path, evaluated_on=day.isoformat())
    return Item(project_id, entry, None, stale)


def _rows(session: Session, programme: int, column: Any, ids: list[int] | None) -> list[Any]:
    """The projects' latest versions and their summaries (``column``: its text, or none)."""
    statement = (
        select(
            ProjectRow.id,
            ProjectRow.version,
            Summary.fingerprint,
            Summary.made,
            Summary.evaluated_on,
            Summary.valid_until,
            column,
        )
        .outerjoin(
            Summary,
            (Summary.project_id == ProjectRow.id) & (Summary.version == ProjectRow.version),
        )
        .where(ProjectRow.programme == programme)
    )
    if ids is not None:
        statement = statement.where(ProjectRow.id.in_(ids))
    return list(session.execute(statement.order_by(ProjectRow.id)))


def items(
    session: Session, engine: Engine, programme: int, lang: str, day: dt.date, *, fresh: bool
) -> list[Item]:
    """The programme's projects (latest versions, in the order they were made) on ``day``.

    A summary that does not hold on ``day`` is made again now (kept when ``day`` is
    today); one made with other rules too when ``fresh``, else it is returned stale.

    :raises AdviesError: advice on a project failed (not as an invalid project).
    """
    current = fingerprint(engine)
    column = Summary.data_en if lang == "en" else Summary.data_nl
    # NOTE: all rows first: making a summary on the way commits, which ends the cursor
    rows = _rows(session, programme, Summary.id, None)
    where = session.get_bind().engine.url.render_as_string()
    known: dict[int, Item] = {}
    wanted: list[int] = []
    for row in rows:
        if _read(row, day, current, fresh):
            item = _READ.get((*_key(row, current), day, lang, where))
            if item is None:
                wanted.append(row[0])
            else:
                known[row[0]] = item
    texts: dict[int, Any] = {}
    for start in range(0, len(wanted), _IDS_AT_ONCE):
        # NOTE: read again with the text: a summary saved in between comes with its own
        for row in _rows(session, programme, column, wanted[start : start + _IDS_AT_ONCE]):
            texts[row[0]] = row
    found: list[Item] = []
    gone = set(wanted) - texts.keys()  # no longer in the programme
    for row in rows:
        project_id = row[0]
        if project_id in known:
            found.append(known[project_id])
        elif project_id in gone:
            continue
        elif project_id in texts and _read(texts[project_id], day, current, fresh):
            found.append(_parsed(texts[project_id], (day, lang, where), current))
        else:
            version = texts.get(project_id, row)[1]

            def stored(project_id: int = project_id, version: int = version) -> Item | None:
                again = _rows(session, programme, column, [project_id])
                if again and again[0][1] == version and _read(again[0], day, current, fresh):
                    return _parsed(again[0], (day, lang, where), current)
                return None

            found.append(_made(session, engine, project_id, version, day, lang, stored))
    return found


def _parsed(row: Any, read: tuple[dt.date, str, str], current: str) -> Item:
    """The item of a row read with its text (``read``: the day, language, database), kept."""
    key = (*_key(row, current), *read)
    item = _item(row[0], json.loads(row[6]), read[0], key[6])
    if len(_READ) >= READ_KEPT:
        _READ.clear()
    _READ[key] = item
    return item


def _read(row: Any, day: dt.date, current: str, fresh: bool) -> bool:
    """Whether the row's stored summary is read (else it is made again)."""
    made_by, first, last = row[2], row[4], row[5]
    return made_by is not None and first <= day <= last and not (fresh and made_by != current)


def _key(row: Any, current: str) -> tuple[Any, ...]:
    """What an item is made of (but the day read): its summary's columns, its stale mark."""
    project_id, version, made_by, made, first, last = row[:6]
    stale = made if made_by != current else None
    return (project_id, version, made_by, made, first, last, stale)


def _made(
    session: Session,
    engine: Engine,
    project_id: int,
    version: int,
    day: dt.date,
    lang: str,
    stored: Callable[[], Item | None],
) -> Item:
    """The item of a summary made now (kept when ``day`` is today).

    ``stored`` reads it when another thread of this process made it meanwhile.
    """

    def text() -> str:
        found = session.scalar(
            select(Version.toml).where(Version.project_id == project_id, Version.number == version)
        )
        return found or ""

    if day != dt.date.today():  # another day's advice is not kept: only this language
        data = summarise(engine, path_of(project_id), day, text=text(), languages=(lang,))[0]
        return _item(project_id, data[lang], day, None)
    with making(project_id, version) as waited:
        if waited:
            session.commit()  # a new transaction, in which SQLite shows what was committed
            item = stored()
            if item is not None:
                return item  # made by the thread before: its text is not needed
        data = store(session, engine, project_id, version, text=text())
        session.commit()
    return _item(project_id, data[lang], day, None)
