"""Programmes in the JSON API: made by admins, read by their funders (the portfolio).

A funder reads every project submitted to the programme (report, history, portfolio) and
writes none; who may see a project is decided in ``_store.role_of``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field
from sqlalchemy import select

from .._errors import AdviesError
from ..messages._i18n import resolve_language, t
from ..project._input import evaluation_date
from ..report._portfolio import Portfolio
from . import _summary_items
from ._calls import Bearer, in_thread
from ._db import Funder, Key, Programme, User
from ._errors import ApiError
from ._threads import PortfolioTurn  # noqa: TC001  # FastAPI reads the annotations

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..report._portfolio_json import Kept

__all__ = ["router"]

router = APIRouter(prefix="/api/v1", tags=["programmes"])
#: each project's text in the portfolio JSON, kept by its row (``Portfolio.to_json``)
# NOTE: the rows of stored summaries are the same objects from one request to the next
# (``_summary_items`` keeps them), so a portfolio writes only the rows saved since the
# last one: 1,000 rows took about 20 ms of CPU to write, their texts joined take 1 ms
_TEXTS: Kept = {}


class NewProgramme(BaseModel):
    """A programme's name."""

    name: str = Field(min_length=1, max_length=500)


class NewFunder(BaseModel):
    """The user who becomes a funder of the programme."""

    email: str = Field(max_length=320)


def _admin(user: User) -> None:
    if user.role != "admin":
        raise ApiError(
            403, t(nl="alleen beheerders mogen dit", en="only administrators may do this")
        )


def _no_programme() -> ApiError:
    return ApiError(404, t(nl="dit programma bestaat niet", en="there is no such programme"))


@router.post("/programmes", status_code=201)
async def create_programme(
    request: Request, credentials: Bearer, body: NewProgramme
) -> dict[str, int]:
    """A new programme (admins only)."""

    def work(session: Session, user: User) -> dict[str, int]:
        _admin(user)
        programme = Programme(name=body.name)
        session.add(programme)
        session.commit()
        return {"id": programme.id}

    return await in_thread(request, credentials, work)


@router.post("/programmes/{programme_id}/funders", status_code=201)
async def add_funder(
    request: Request, credentials: Bearer, programme_id: Key, body: NewFunder
) -> dict[str, str | int]:
    """Make a user a funder of the programme (admins only)."""

    def work(session: Session, user: User) -> dict[str, str | int]:
        _admin(user)
        if session.get(Programme, programme_id) is None:
            raise _no_programme()
        other = session.scalar(select(User).where(User.email == body.email.lower()))
        if other is None:
            raise ApiError(
                404,
                t(nl="er is geen gebruiker met dit adres", en="there is no user with this address"),
            )
        known = session.scalar(
            select(Funder).where(Funder.programme_id == programme_id, Funder.user_id == other.id)
        )
        if known is None:
            session.add(Funder(programme_id=programme_id, user_id=other.id))
            session.commit()
        return {"programme": programme_id, "email": other.email}

    return await in_thread(request, credentials, work)


@router.get("/programmes/{programme_id}/portfolio")
async def portfolio(
    request: Request,
    credentials: Bearer,
    _turn: PortfolioTurn,
    programme_id: Key,
    lang: str | None = None,
    date: str | None = None,
) -> Response:
    """The portfolio JSON of the programme's projects (its funders and admins)."""

    def work(session: Session, user: User) -> Response:
        return _portfolio(request, session, user, programme_id, lang, date)

    return await in_thread(request, credentials, work)


def _portfolio(
    request: Request,
    session: Session,
    user: User,
    programme_id: int,
    lang: str | None,
    date: str | None,
) -> Response:
    funds = session.scalar(
        select(Funder.id).where(Funder.programme_id == programme_id, Funder.user_id == user.id)
    )
    if session.get(Programme, programme_id) is None or (funds is None and user.role != "admin"):
        raise _no_programme()
    language = resolve_language(lang)
    try:
        day = (evaluation_date(date) if date else None) or dt.date.today()
    except AdviesError as exc:
        raise ApiError(400, str(exc)) from None
    result = Portfolio(lang=language)
    engine = request.app.state.engine
    # NOTE: stored summaries, made again where they are stale, so that the answer is
    # what ``advies portfolio`` gives on the same files and date
    for item in _summary_items.items(session, engine, programme_id, language, day, fresh=True):
        if item.entry is not None:
            result.add_entry(item.entry)
        elif item.failed is not None:
            result.failed.append(item.failed)
    # NOTE: the text of ``render_portfolio(result, "json")`` (what ``advies portfolio``
    # writes), with the rows' texts kept
    text = result.to_json(kept=_TEXTS) + "\n"
    return Response(text, media_type="application/json")
