"""Programmes in the JSON API: made by admins, read by their funders (the portfolio).

A funder reads every project submitted to the programme (report, history, portfolio) and
writes none; who may see a project is decided in ``_store.role_of``.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field
from sqlalchemy import select

from .._errors import AdviesError, ProjectError
from ..commands._portfolio import render_portfolio
from ..messages._i18n import resolve_language, t
from ..report._portfolio import Portfolio
from . import _store
from ._api import DB, Caller  # noqa: TC001  # FastAPI reads the annotations at run time
from ._db import Funder, Key, Programme, User, Version
from ._errors import ApiError

__all__ = ["router"]

router = APIRouter(prefix="/api/v1", tags=["programmes"])


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
def create_programme(session: DB, user: Caller, body: NewProgramme) -> dict[str, int]:
    """A new programme (admins only)."""
    _admin(user)
    programme = Programme(name=body.name)
    session.add(programme)
    session.commit()
    return {"id": programme.id}


@router.post("/programmes/{programme_id}/funders", status_code=201)
def add_funder(
    session: DB, user: Caller, programme_id: Key, body: NewFunder
) -> dict[str, str | int]:
    """Make a user a funder of the programme (admins only)."""
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


@router.get("/programmes/{programme_id}/portfolio")
def portfolio(
    request: Request,
    session: DB,
    user: Caller,
    programme_id: Key,
    lang: str | None = None,
    date: str | None = None,
) -> Response:
    """The portfolio JSON of the programme's projects (its funders and admins)."""
    funds = session.scalar(
        select(Funder.id).where(Funder.programme_id == programme_id, Funder.user_id == user.id)
    )
    if session.get(Programme, programme_id) is None or (funds is None and user.role != "admin"):
        raise _no_programme()
    language = resolve_language(lang)
    result = Portfolio(lang=language)
    engine = request.app.state.engine
    for row in _store.in_programme(session, programme_id):
        text = session.scalar(
            select(Version.toml).where(Version.project_id == row.id, Version.number == row.version)
        )
        path = f"/api/v1/projects/{row.id}"
        try:
            report = engine.advise(text=text, lang=language, date=date, file=path)
        except ProjectError as exc:  # saved before a plugin's rules changed, say
            result.add_error(path, exc)
            continue
        except AdviesError as exc:
            raise ApiError(400, str(exc)) from None
        result.add_report(report, file=path)
    return Response(render_portfolio(result, "json"), media_type="application/json")
