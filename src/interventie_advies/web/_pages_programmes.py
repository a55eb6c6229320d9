"""The programme pages: the list, a new programme, its funders, the portfolio and its CSV.

Administrators make programmes and name their funders; funders read their programmes'
portfolios (``_portfolio_view``: the stored summaries in ``advies portfolio``'s
:class:`Portfolio`) and write nothing (403). Anyone else gets 404 on every programme
page, as for a programme that does not exist.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from sqlalchemy import delete, select
from sqlalchemy.orm import object_session

from .._safe_text import for_format
from ..commands._portfolio import render_portfolio
from ..messages import text, word
from ..report._portfolio_words import months_text
from . import _pages, _portfolio_view, _refresh
from ._db import MAX_KEY, Funder, Programme, User, storable
from ._pages import DB, PageError, Visitor, check_csrf, language, page, redirect, signed_in
from ._portfolio_rows import RowHtml
from ._threads import PortfolioTurn  # noqa: TC001  # FastAPI reads the annotations

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


def shows_programmes(user: User) -> bool:
    """Whether the header links to the programmes: for admins and funders only."""
    if user.role == "admin":
        return True
    session = object_session(user)
    if session is None:
        return False
    found = session.scalar(select(Funder.id).where(Funder.user_id == user.id).limit(1))
    return found is not None


# NOTE: base.html asks it of the signed-in user on every page
_pages._TEMPLATES.globals["shows_programmes"] = shows_programmes

Field = Annotated[str, Form(max_length=2000)]


def _funds(session: DB, user: User, programme_id: int) -> bool:
    found = session.scalar(
        select(Funder.id).where(Funder.programme_id == programme_id, Funder.user_id == user.id)
    )
    return found is not None


def _programme(session: DB, user: User, programme_id: int) -> Programme:
    """The programme its funders and admins may see; 404 for anyone else."""
    found = session.get(Programme, programme_id) if 0 < programme_id <= MAX_KEY else None
    if found is None or (user.role != "admin" and not _funds(session, user, programme_id)):
        raise PageError(404, "not_found_text")
    return found


def _admin(session: DB, user: User, programme_id: int) -> Programme:
    found = _programme(session, user, programme_id)
    if user.role != "admin":
        raise PageError(403, "prog_admins_only")
    return found


def _listed(session: DB, user: User) -> list[Programme]:
    query = select(Programme).order_by(Programme.id)
    if user.role != "admin":
        funded = select(Funder.programme_id).where(Funder.user_id == user.id)
        query = query.where(Programme.id.in_(funded))
    return list(session.scalars(query))


@router.get("/programmes")
def programmes(request: Request, session: DB, visit: Visitor) -> Response:
    """The programmes the user funds (admins: all, and the form for a new one)."""
    user = signed_in(request, visit)
    return page(request, visit, "programmes.html", rows=_listed(session, user), name="")


@router.post("/programmes")
def new_programme(
    request: Request, session: DB, visit: Visitor, csrf: Field = "", name: Field = ""
) -> Response:
    """A new programme (admins only); a wrong name is shown with what was typed."""
    user = signed_in(request, visit)
    check_csrf(visit, csrf)
    if user.role != "admin":
        raise PageError(403, "prog_admins_only")
    clean = name.strip()
    error = "" if clean else "prog_name_needed"
    if len(clean) > 500 or not storable(clean):
        error = "prog_name_long"
    if error:
        rows = _listed(session, user)
        return page(request, visit, "programmes.html", 422, rows=rows, name=name, error=error)
    programme = Programme(name=clean)
    session.add(programme)
    session.commit()
    return redirect(f"/programmes/{programme.id}/funders?made=1")


def _funders(session: DB, programme_id: int) -> list[tuple[int, str]]:
    rows = session.execute(
        select(User.id, User.email)
        .join(Funder, Funder.user_id == User.id)
        .where(Funder.programme_id == programme_id)
        .order_by(User.email)
    )
    return [(uid, email) for uid, email in rows.tuples()]


@router.get("/programmes/{programme_id}/funders")
def funders(request: Request, session: DB, visit: Visitor, programme_id: int) -> Response:
    """The programme's funders, with forms to add and remove one (admins only)."""
    user = signed_in(request, visit)
    programme = _admin(session, user, programme_id)
    q = request.query_params
    return page(
        request,
        visit,
        "funders.html",
        programme=programme,
        funders=_funders(session, programme_id),
        made=q.get("made") == "1",
        added=q.get("added", "")[:320],
        removed=q.get("removed", "")[:320],
        email="",
    )


@router.post("/programmes/{programme_id}/funders")
def add_funder(
    request: Request,
    session: DB,
    visit: Visitor,
    programme_id: int,
    csrf: Field = "",
    email: Field = "",
) -> Response:
    """Make an existing user a funder of the programme (admins only)."""
    user = signed_in(request, visit)
    check_csrf(visit, csrf)
    programme = _admin(session, user, programme_id)
    address = email.strip().lower()
    other = session.scalar(select(User).where(User.email == address)) if address else None
    if other is None:
        return page(
            request,
            visit,
            "funders.html",
            422,
            programme=programme,
            funders=_funders(session, programme_id),
            email=email,
            error="prog_no_user" if address else "prog_email_needed",
        )
    if not _funds(session, other, programme_id):
        session.add(Funder(programme_id=programme_id, user_id=other.id))
        session.commit()
    return redirect(f"/programmes/{programme_id}/funders?" + urlencode({"added": other.email}))


@router.post("/programmes/{programme_id}/funders/remove")
def remove_funder(
    request: Request,
    session: DB,
    visit: Visitor,
    programme_id: int,
    csrf: Field = "",
    user_id: Field = "",
) -> Response:
    """Take a funder off the programme (admins only)."""
    user = signed_in(request, visit)
    check_csrf(visit, csrf)
    _admin(session, user, programme_id)
    other = session.get(User, int(user_id)) if user_id.isdigit() and len(user_id) < 10 else None
    if other is None:
        return redirect(f"/programmes/{programme_id}/funders")
    session.execute(
        delete(Funder).where(Funder.programme_id == programme_id, Funder.user_id == other.id)
    )
    session.commit()
    return redirect(f"/programmes/{programme_id}/funders?" + urlencode({"removed": other.email}))


def _view(request: Request, session: DB, programme_id: int) -> _portfolio_view.View:
    filters = _portfolio_view.Filters.read(request.query_params)
    return _portfolio_view.build(
        session,
        request.app.state.engine,
        programme_id,
        language(request),
        _portfolio_view.evaluation_day(request.query_params.get("date", "")),
        filters,
    )


@router.get("/programmes/{programme_id}")
def portfolio(
    request: Request, _turn: PortfolioTurn, session: DB, visit: Visitor, programme_id: int
) -> Response:
    """The portfolio: the matrix (a list on a phone), common gaps, urgent projects first."""
    user = signed_in(request, visit)
    programme = _programme(session, user, programme_id)
    lang = language(request)
    filters = _portfolio_view.Filters.read(request.query_params)
    view = _view(request, session, programme_id)
    folio = view.portfolio
    titles = request.app.state.engine.element_layout(lang)[0]
    query = filters.query()
    if "date" in request.query_params:
        query["date"] = view.day.isoformat()
    refreshed = request.query_params.get("refreshed", "")
    elements = [(e, folio.title_of(e)) for e in folio.elements]
    return page(
        request,
        visit,
        "programme.html",
        programme=programme,
        is_admin=user.role == "admin",
        view=view,
        folio=folio,
        rows=folio.ordered(),
        elements=elements,
        filters=filters,
        element_choices=list(titles.items()),
        phases=[(p, word(p, lang)) for p in _portfolio_view.PHASES],
        statuses=[(s, _portfolio_view.status_word(s, lang)) for s in _portfolio_view.STATUSES],
        html=RowHtml(lang, elements),
        months_text=lambda m: months_text(m, lang),
        oldest=min(view.stale.values()) if view.stale else None,
        csv=f"/programmes/{programme_id}/portfolio.csv?" + urlencode(query),
        csv_nl=f"/programmes/{programme_id}/portfolio.csv?" + urlencode({**query, "dialect": "nl"}),
        back=f"/programmes/{programme_id}?" + urlencode(query),
        refreshed=int(refreshed) if refreshed.isdigit() and len(refreshed) < 9 else None,
        portfolio_word=lambda key, **kw: text(f"portfolio.{key}", lang, **kw),
    )


@router.get("/programmes/{programme_id}/portfolio.csv")
def portfolio_csv(
    request: Request, _turn: PortfolioTurn, session: DB, visit: Visitor, programme_id: int
) -> Response:
    """The portfolio as CSV (as ``advies portfolio --format csv``), with the page's filters."""
    user = signed_in(request, visit)
    _programme(session, user, programme_id)
    dialect = "nl" if request.query_params.get("dialect") == "nl" else "default"
    folio = _view(request, session, programme_id).portfolio
    # NOTE: as ``advies portfolio`` writes it: the renderer, then the last check
    body = for_format(render_portfolio(folio, "csv", csv_dialect=dialect), "csv")
    headers: dict[str, Any] = {
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": f'attachment; filename="portfolio-{programme_id}.csv"',
    }
    return Response(body.encode("utf-8"), media_type="text/csv; charset=utf-8", headers=headers)


@router.post("/programmes/{programme_id}/refresh")
def refresh(
    request: Request,
    _turn: PortfolioTurn,
    session: DB,
    visit: Visitor,
    programme_id: int,
    csrf: Field = "",
    back: Field = "",
) -> Response:
    """Assess again, now, the programme's projects whose summaries are not up to date."""
    user = signed_in(request, visit)
    check_csrf(visit, csrf)
    _programme(session, user, programme_id)
    engine = request.app.state.engine
    done = 0
    while made := _refresh.refresh(session, engine, programme=programme_id):
        done += made
    own = f"/programmes/{programme_id}"
    target = back if back == own or back.startswith(own + "?") else own
    target = target.rstrip("?")
    return redirect(target + ("&" if "?" in target else "?") + f"refreshed={done}")
