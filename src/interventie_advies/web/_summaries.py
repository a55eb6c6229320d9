"""Stored summaries: the portfolio's row of each saved version, so portfolios need no advice.

Each save (``_store.create`` / ``_store.save``) advises once per language and keeps the
:class:`~interventie_advies.report._portfolio.Entry` of each, as JSON, in ``summaries``
(in a request: after its answer, see ``_after``),
with the *fingerprint* of the rules that made it. The portfolio is then built from the
stored entries with the same :class:`Portfolio` as ``advies portfolio``, so it gives the
same numbers without advising again.

Two things make a stored entry unusable:

- **the date**: the advice depends on the day (months left, people who leave soon). An
  entry holds from the day it was made (``evaluated_on``) up to ``valid_until``: the
  last day on which every fact, the plugins' included, is what it was that day (checked
  day by day, up to :data:`WINDOW_DAYS`). Another day is advised again, there and then.
- **the rules**: an entry made with other rules (another package version, plugin or rule
  file) is *stale*. The portfolio page shows it with its date and a note; the refresh
  button and the background thread (``_refresh``) advise again. The JSON API
  advises again at once, so that it stays what ``advies portfolio`` gives.

Writing is an idempotent upsert, so any number of workers and instances may refresh the
same summary at once. Reading a programme's summaries as the portfolio's items is in
``_summary_items``.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    delete,
    select,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Mapped, mapped_column

from .._errors import AdviesError
from ..engine._run import Run
from ..messages._i18n import error_language
from ..report._portfolio import Entry, Portfolio
from . import _after
from ._db import Base, ProjectRow
from ._one_at_a_time import one_at_a_time

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from sqlalchemy.orm import Session, sessionmaker

    from ..engine._engine import Engine
    from ..project._model import Project

__all__ = [
    "ENGINE_KEY",
    "LANGUAGES",
    "PENDING_KEY",
    "WINDOW_DAYS",
    "Summary",
    "committed",
    "fingerprint",
    "forget",
    "making",
    "path_of",
    "record",
    "store",
    "summarise",
]

#: the languages a summary keeps (the pages' and the API's)
LANGUAGES = ("nl", "en")
#: how many days ahead a summary is checked to hold (then it is made again)
WINDOW_DAYS = 62
#: where a database session finds the advice engine (``Session.info``)
ENGINE_KEY = "advice_engine"
#: where a session keeps the summaries to make once it has committed (``Session.info``)
PENDING_KEY = "summaries_pending"


class Summary(Base):
    """A saved version's portfolio entries (one per language) and what made them."""

    __tablename__ = "summaries"
    __table_args__ = (UniqueConstraint("project_id", "version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    fingerprint: Mapped[str] = mapped_column(String(64))
    made: Mapped[dt.datetime] = mapped_column(DateTime)
    evaluated_on: Mapped[dt.date] = mapped_column(Date)
    valid_until: Mapped[dt.date] = mapped_column(Date)
    #: the entry (or the failure) as JSON, in each of :data:`LANGUAGES`
    data_nl: Mapped[str] = mapped_column(Text)
    data_en: Mapped[str] = mapped_column(Text)


@functools.lru_cache(maxsize=8)
def fingerprint(engine: Engine) -> str:
    """What made the advice: the package and plugin versions and every rule, hashed."""
    rules = [
        json.dumps(r.model_dump(), sort_keys=True, default=_named, ensure_ascii=False)
        for r in engine.rules
    ]
    made_by = json.dumps([engine.tool_info, rules], sort_keys=True, default=_named)
    return hashlib.sha256(made_by.encode("utf-8")).hexdigest()


def _named(value: object) -> str:
    # NOTE: a Python rule's condition is a function: its name, never its address, so
    # that every worker and instance computes the same fingerprint
    return str(getattr(value, "__qualname__", type(value).__name__))


def _facts_on(engine: Engine, project: Project, day: dt.date) -> dict[str, Any]:
    facts = Run(engine, project, None, "nl", day, (), ()).facts().as_dict()
    facts.pop("today", None)
    return facts


def _valid_until(engine: Engine, project: Project, today: dt.date) -> dt.date:
    """The last day (at most :data:`WINDOW_DAYS` on) on which the facts are today's."""
    if any("facts.today" in r.needs for r in engine.rules):
        return today  # a rule reads the date itself: only today's advice is today's
    first = _facts_on(engine, project, today)
    day = today
    for _ in range(WINDOW_DAYS):
        after = day + dt.timedelta(days=1)
        if _facts_on(engine, project, after) != first:
            break
        day = after
    return day


def summarise(
    engine: Engine,
    file: str,
    today: dt.date,
    *,
    project: Project | None = None,
    text: str | None = None,
    languages: tuple[str, ...] = LANGUAGES,
) -> tuple[dict[str, Any], dt.date]:
    """The entry (or the failure) in each language, and the last day they hold.

    A failure is kept as the portfolio lists a file that failed. ``project`` when it is
    checked already, else its ``text``. With fewer ``languages`` (an answer that is not
    kept), the last day is not worked out: it is ``today``.
    """
    data: dict[str, Any] = {}
    for lang in languages:
        with error_language(lang):
            try:
                report = engine.advise(project, text=text, lang=lang, date=today, file=file)
            except AdviesError as exc:  # listed as a file that failed, as the CLI does
                failed = Portfolio(lang=lang).add_error(file, exc)
                data[lang] = {
                    "error": failed.error,
                    "problems": failed.problems,
                    "exit_code": failed.exit_code,
                }
                continue
        data[lang] = Entry.from_report(report, file).to_data()
    if languages != LANGUAGES:
        return data, today
    if project is None:
        try:
            project = engine.check(text=text, file=file)
        except AdviesError:
            return data, today
    return data, _valid_until(engine, project, today)


def making(project_id: int, version: int) -> AbstractContextManager[bool]:
    """One thread of this process at a time makes or checks this version's summary.

    The block gets whether another thread held it first (and may have made it meanwhile).
    """
    return one_at_a_time(("summary", project_id, version))


def path_of(project_id: int) -> str:
    """A project's name in the portfolio: its API path (as the JSON API's portfolio)."""
    return f"/api/v1/projects/{project_id}"


def _upsert(session: Session, project_id: int, version: int, values: dict[str, Any]) -> None:
    """Insert or replace the summary: idempotent, safe when others write it at once."""
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(Summary).values(project_id=project_id, version=version, **values)
    session.execute(
        statement.on_conflict_do_update(index_elements=["project_id", "version"], set_=values)
    )


def store(
    session: Session,
    engine: Engine,
    project_id: int,
    version: int,
    *,
    project: Project | None = None,
    text: str | None = None,
) -> dict[str, Any]:
    """Advise on the version today and keep its summary; the entries by language."""
    today = dt.date.today()
    data, until = summarise(engine, path_of(project_id), today, project=project, text=text)
    values = {
        "fingerprint": fingerprint(engine),
        # NOTE: to the microsecond (shown as a date only): with the version and the rules,
        # it tells one summary from another, which keys the items read (_summary_items)
        "made": dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
        "evaluated_on": today,
        "valid_until": until,
        **{f"data_{lang}": json.dumps(data[lang], ensure_ascii=False) for lang in LANGUAGES},
    }
    _upsert(session, project_id, version, values)
    # NOTE: only the latest version's summary is read; older ones would only take room
    session.execute(
        delete(Summary).where(Summary.project_id == project_id, Summary.version < version)
    )
    return data


def record(session: Session, project_id: int, version: int, project: Project) -> None:
    """Keep the summary of a version being saved (``_store``'s hook; needs the app's engine).

    While a request is served, it is made after the answer, once the transaction has
    committed (:func:`committed`); until then the portfolio makes it when it reads it.
    """
    engine = session.info.get(ENGINE_KEY)
    if engine is None:
        return
    if _after.serving():
        session.info.setdefault(PENDING_KEY, []).append((project_id, version, project))
        return
    session.flush()  # the project row exists before its summary refers to it
    store(session, engine, project_id, version, project=project)


def committed(sessions: sessionmaker[Session], session: Session) -> None:
    """After ``session`` committed: the summaries it recorded, made after the answer."""
    for project_id, version, project in session.info.pop(PENDING_KEY, ()):
        engine = session.info[ENGINE_KEY]
        _after.later(functools.partial(_keep, sessions, engine, project_id, version, project))


def forget(session: Session) -> None:
    """After ``session`` rolled back: the summaries it recorded are of no saved version."""
    session.info.pop(PENDING_KEY, None)


def _keep(
    sessions: sessionmaker[Session], engine: Engine, project_id: int, version: int, project: Project
) -> None:
    with sessions() as session, making(project_id, version):
        latest, made = session.execute(
            select(ProjectRow.version, Summary.id)
            .outerjoin(
                Summary,
                (Summary.project_id == ProjectRow.id)
                & (Summary.version == version)
                & (Summary.fingerprint == fingerprint(engine))
                & (Summary.evaluated_on == dt.date.today()),
            )
            .where(ProjectRow.id == project_id)
        ).one_or_none() or (None, None)
        # NOTE: after a later save, its own summary is the one read (and it makes it); and
        # a portfolio read before this job ran has made this one already (with these rules,
        # today): under load that was every other summary, made twice
        if latest == version and made is None:
            store(session, engine, project_id, version, project=project)
            session.commit()
