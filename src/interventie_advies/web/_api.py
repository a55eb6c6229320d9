"""The JSON API ``/api/v1`` (docs/web.md): projects, their versions, reports and members.

No advice logic lives here: a report is the package's ``Engine.advise`` rendered as
``json``, the same text ``advies run --format json`` writes. Callers sign in with
``Authorization: Bearer TOKEN``; a project the caller may not read answers 404, the same
as one that does not exist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from .._errors import AdviesError, ProjectError
from ..messages._i18n import t
from . import _store
from ._calls import Bearer, in_thread
from ._db import Key, Programme, ProjectRow, User, Version, storable
from ._errors import ApiError
from ._toml_out import to_toml

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..project._model import Project

__all__ = ["router"]

router = APIRouter(prefix="/api/v1", tags=["api"])
#: the name a project sent to the API has in its problems
_FILE = "project.toml"


class ProjectIn(BaseModel):
    """A project: its TOML text, or the project file as JSON (dates as ``YYYY-MM-DD``)."""

    toml: str | None = None
    project: dict[str, Any] | None = None


class NewProject(ProjectIn):
    """A new project, optionally in a programme, with a comment for version 1."""

    programme: Key | None = None
    comment: str = Field("", max_length=2000)


class Save(ProjectIn):
    """A new version of a project, based on version ``base_version``."""

    base_version: Key
    comment: str = Field("", max_length=2000)


class NewMember(BaseModel):
    """A user to add to a project, with their role."""

    email: str = Field(max_length=320)
    role: str = Field(pattern="^(editor|viewer)$")


def _text_of(request: Request, body: ProjectIn) -> tuple[str, Project]:
    """The project's TOML text, checked as ``advies check`` checks a file."""
    engine = request.app.state.engine
    if (body.toml is None) == (body.project is None):
        raise ApiError(
            400,
            t(
                nl='geef het project als "toml" of als "project", niet allebei of geen van beide',
                en='give the project as "toml" or as "project", not both or neither',
            ),
        )
    try:
        if body.toml is not None:
            _utf8(body.toml)
            return body.toml, engine.check(text=body.toml, file=_FILE)
        assert body.project is not None
        validated = engine.check(body.project, file=_FILE)
        text = to_toml(body.project, validated)
        _utf8(text)
        return text, engine.check(text=text, file=_FILE)
    except ProjectError as exc:
        raise ApiError.of_problems(exc) from None
    except ValueError as exc:
        raise ApiError(422, str(exc)) from None


def _no_nul(path: str) -> ApiError:
    """U+0000, which PostgreSQL's text cannot hold (SQLite's can): refused on both."""
    message = t(
        nl="het teken U+0000 kan niet worden opgeslagen; laat het weg",
        en="the character U+0000 cannot be stored; leave it out",
    )
    return ApiError(422, errors=[{"path": path, "message": message}])


def _stored_name(project: Project) -> Project:
    """Refuse a name every database cannot hold (it is copied for listings)."""
    if not storable(project.project.name):
        raise _no_nul("project.name")
    return project


def _stored_comment(comment: str) -> str:
    if not storable(comment):
        raise _no_nul("comment")
    return comment


def _utf8(text: str) -> None:
    """Refuse a lone surrogate (JSON can send one): a file, and the database, hold UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        line = text.count("\n", 0, exc.start) + 1
        raise ApiError(
            422,
            t(
                nl="regel {n} heeft een teken dat geen UTF-8 kan zijn (U+{c:04X})",
                en="line {n} holds a character that cannot be UTF-8 (U+{c:04X})",
                n=line,
                c=ord(text[exc.start]),
            ),
        ) from None


def _report(request: Request, text: str, lang: str | None, date: str | None) -> Response:
    try:
        report = request.app.state.engine.advise(text=text, lang=lang, date=date)
    except ProjectError as exc:
        raise ApiError.of_problems(exc) from None
    except AdviesError as exc:
        raise ApiError(400, str(exc)) from None
    return Response(report.render("json"), media_type="application/json")


def _project(
    session: Session, user: User, project_id: Key, *, latest: bool = False
) -> tuple[ProjectRow, str, Version | None]:
    """The project, the caller's role on it and (``latest``) its latest version.

    404 when the caller may not read it, the same as when it is not there.
    """
    found = _store.reading(session, user, project_id, latest=latest)
    if found is None:
        raise ApiError(404, t(nl="dit project bestaat niet", en="there is no such project"))
    return found


def _latest(session: Session, user: User, project_id: Key) -> tuple[ProjectRow, Version]:
    """The project and its latest version (404s as :func:`_project` and :func:`_version`)."""
    row, _, version = _project(session, user, project_id, latest=True)
    if version is None:
        raise _no_version()
    return row, version


def _editor(session: Session, user: User, project_id: Key) -> ProjectRow:
    row, role, _ = _project(session, user, project_id)
    if role != "editor":
        raise ApiError(403, t(nl="alleen redacteuren mogen dit", en="only editors may do this"))
    return row


def _no_version() -> ApiError:
    return ApiError(404, t(nl="deze versie bestaat niet", en="there is no such version"))


def _version(session: Session, project_id: Key, number: int) -> Version:
    found = session.scalar(
        select(Version).where(Version.project_id == project_id, Version.number == number)
    )
    if found is None:
        raise _no_version()
    return found


def _shown(row: ProjectRow, version: Version) -> dict[str, Any]:
    return {
        "id": row.id,
        "name": row.name,
        "toml": version.toml,
        "version": version.number,
        "updated": version.created.isoformat() + "Z",
        "programme": row.programme,
    }


# NOTE: each endpoint is ``async`` and does its work in one thread (``_calls``)


@router.post("/advise")
async def advise(
    request: Request,
    credentials: Bearer,
    body: ProjectIn,
    lang: str | None = None,
    date: str | None = None,
) -> Response:
    """The report JSON on a project, as ``advies run --format json`` gives it."""

    def work(_session: Session, _user: User) -> Response:
        text, _ = _text_of(request, body)
        return _report(request, text, lang, date)

    return await in_thread(request, credentials, work)


@router.get("/projects")
async def list_projects(request: Request, credentials: Bearer) -> list[dict[str, Any]]:
    """The projects the caller may read."""

    def work(session: Session, user: User) -> list[dict[str, Any]]:
        return [
            {
                "id": row.id,
                "name": row.name,
                "phase": row.phase,
                "programme": row.programme,
                "version": row.version,
                "updated": row.updated.isoformat() + "Z",
            }
            for row in _store.readable(session, user)
        ]

    return await in_thread(request, credentials, work)


@router.post("/projects", status_code=201)
async def create_project(request: Request, credentials: Bearer, body: NewProject) -> dict[str, int]:
    """A new project; the caller becomes its editor."""

    def work(session: Session, user: User) -> dict[str, int]:
        if body.programme is not None and session.get(Programme, body.programme) is None:
            raise ApiError(404, t(nl="dit programma bestaat niet", en="there is no such programme"))
        text, project = _text_of(request, body)
        comment = _stored_comment(body.comment)
        _stored_name(project)
        row = _store.create(session, user, text, project, comment, body.programme)
        session.commit()
        return {"id": row.id, "version": 1}

    return await in_thread(request, credentials, work)


@router.get("/projects/{project_id}")
async def get_project(request: Request, credentials: Bearer, project_id: Key) -> dict[str, Any]:
    """The latest version of a project."""

    def work(session: Session, user: User) -> dict[str, Any]:
        return _shown(*_latest(session, user, project_id))

    return await in_thread(request, credentials, work)


@router.put("/projects/{project_id}")
async def save_project(
    request: Request, credentials: Bearer, project_id: Key, body: Save
) -> dict[str, int]:
    """Save a new version; 409 when ``base_version`` is not the latest."""

    def work(session: Session, user: User) -> dict[str, int]:
        row = _editor(session, user, project_id)
        text, project = _text_of(request, body)
        comment = _stored_comment(body.comment)
        _stored_name(project)
        try:
            number = _store.save(session, user, row, text, project, body.base_version, comment)
            session.commit()
        except (_store.Conflict, IntegrityError) as exc:
            session.rollback()
            latest = exc.latest if isinstance(exc, _store.Conflict) else body.base_version + 1
            raise ApiError(
                409,
                t(
                    nl="het project is intussen opgeslagen als versie {n}; "
                    "haal die op en sla je wijziging daarop opnieuw op",
                    en="the project has since been saved as version {n}; "
                    "fetch it and save your change on top of it",
                    n=latest,
                ),
            ) from None
        return {"version": number}

    return await in_thread(request, credentials, work)


@router.get("/projects/{project_id}/versions")
async def list_versions(
    request: Request, credentials: Bearer, project_id: Key
) -> list[dict[str, Any]]:
    """The project's versions, newest first."""

    def work(session: Session, user: User) -> list[dict[str, Any]]:
        row, _, _ = _project(session, user, project_id)
        return [
            {
                "version": v.number,
                "author": email,
                "created": v.created.isoformat() + "Z",
                "comment": v.comment,
            }
            for v, email in _store.versions(session, row.id)
        ]

    return await in_thread(request, credentials, work)


@router.get("/projects/{project_id}/versions/{number}")
async def get_version(
    request: Request, credentials: Bearer, project_id: Key, number: Key
) -> dict[str, Any]:
    """One version of a project, as ``GET /projects/{id}`` shows the latest."""

    def work(session: Session, user: User) -> dict[str, Any]:
        row, _, _ = _project(session, user, project_id)
        return _shown(row, _version(session, row.id, number))

    return await in_thread(request, credentials, work)


@router.get("/projects/{project_id}/report")
async def project_report(
    request: Request,
    credentials: Bearer,
    project_id: Key,
    lang: str | None = None,
    date: str | None = None,
) -> Response:
    """The report JSON of the latest version."""

    def work(session: Session, user: User) -> Response:
        _, version = _latest(session, user, project_id)
        return _report(request, version.toml, lang, date)

    return await in_thread(request, credentials, work)


@router.post("/projects/{project_id}/members", status_code=201)
async def add_member(
    request: Request, credentials: Bearer, project_id: Key, body: NewMember
) -> dict[str, str]:
    """Add a user to the project as editor or viewer (editors only)."""

    def work(session: Session, user: User) -> dict[str, str]:
        _editor(session, user, project_id)
        other = session.scalar(select(User).where(User.email == body.email.lower()))
        if other is None:
            raise ApiError(
                404,
                t(nl="er is geen gebruiker met dit adres", en="there is no user with this address"),
            )
        _store.add_member(session, project_id, other, body.role)
        session.commit()
        return {"email": other.email, "role": body.role}

    return await in_thread(request, credentials, work)
