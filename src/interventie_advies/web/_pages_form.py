"""The form pages: the task list, and one page per table of the project file.

No advice logic and no second model of a project: the pages are walked from the pydantic
model (``_form_model``), the posted fields become the table's TOML values
(``_form_values``), the table is put into the latest version's text with tomlkit, and the
whole text is checked by the package's loader (``Engine.check``, as an upload is) before
it is saved as a new version.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from .._errors import AdviesError, Problem, ProjectError
from ..messages import text
from ..messages._i18n import error_language
from . import _drafts, _store
from ._access import editable, version_of
from ._form_model import Section, find, intro, sections, title
from ._form_values import apply, data_of, section_data, state_of_data, state_of_form, status
from ._form_view import build, change, differences, field_id, place
from ._pages import DB, PageError, Visitor, check_csrf, language, page, redirect, signed_in

if TYPE_CHECKING:
    from ._db import ProjectRow, User

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

#: the index of an item at the end of a path: ``vision.endorsed_by_partners[1]``
_LAST_INDEX = re.compile(r"\[\d+\]$")
#: what the new-project page asks: the least the loader needs, and the phase
NEW_FIELDS = ("name", "phase")


async def _posted(request: Request) -> list[tuple[str, str]]:
    """The posted form's text fields, in order (a page of many entries has many fields)."""
    async with request.form(max_files=0, max_fields=20_000) as form:
        return [(k, v) for k, v in form.multi_items() if isinstance(v, str)]


Posted = Annotated[list[tuple[str, str]], Depends(_posted)]


def _last(posted: list[tuple[str, str]], name: str) -> str:
    return next((v for k, v in reversed(posted) if k == name), "")


def _sections(request: Request) -> list[Section]:
    return sections(request.app.state.engine.extensions)


def _section(request: Request, slug: str) -> tuple[Section, list[Section]]:
    found = _sections(request)
    section = find(found, slug)
    if section is None:
        raise PageError(404, "not_found_text")
    return section, found


def _check(request: Request, source: str) -> tuple[Any, list[Problem]]:
    """The project the text holds, or the loader's problems (in the page's language)."""
    lang = language(request)
    with error_language(lang):
        try:
            return request.app.state.engine.check(text=source, file="project.toml"), []
        except ProjectError as exc:
            return None, list(exc.problems)
        except (AdviesError, ValueError) as exc:
            return None, [Problem(file="project.toml", path="", message=str(exc))]


def _expired(
    request: Request, session: DB, visit: Any, where: str, posted: list[tuple[str, str]], kept: Any
) -> User | Response:
    """The signed-in user; without one, keep what was typed and send them to sign in."""
    if visit.user is not None:
        return visit.user  # type: ignore[no-any-return]
    token = _drafts.for_expired(request, session, where, _last(posted, "csrf"), kept)
    if token is None:
        return signed_in(request, visit)  # raises SignIn: back to the page, nothing kept
    session.commit()
    back = quote(f"{where}?draft={token}", safe="/")
    return redirect(f"/-/login?next={back}&expired=1")


def _anchor(section: Section, action: str) -> str:
    """The id of the list an "add one" or "remove" button changed."""
    parts = [p for p in action.partition(":")[2].split(".") if p]
    if action.startswith("remove:") and parts:
        parts.pop()
    return "-".join(["f", section.key.replace(".", "-"), *parts])


def _render(
    request: Request,
    visit: Any,
    section: Section,
    state: Any,
    status_code: int = 200,
    problems: list[Problem] | None = None,
    **context: Any,
) -> Response:
    lang = language(request)
    items = build(section, state, lang)
    if context.get("row") is None:  # the new-project page asks only a few fields
        items = [i for i in items if i.id.rpartition("-")[2] in NEW_FIELDS]
    row = context.get("row")
    lines = place(items, problems or [], lambda path: _elsewhere(request, row, path))
    context.setdefault("title", title(section, lang))
    context.setdefault("intro", intro(section, lang))
    return page(
        request,
        visit,
        "form_page.html",
        status_code,
        items=items,
        problems=lines,
        **context,
    )


def _elsewhere(request: Request, row: ProjectRow | None, path: str) -> str:
    """The page and field of a problem in another table; nothing when it has no page."""
    head = path.split(".")[0].split("[")[0]
    if head == "extensions":
        head = ".".join(path.split(".")[:2])
    found = find(_sections(request), head.replace(".", "-")) if row is not None else None
    if found is None or row is None:
        return ""
    # NOTE: an item of a list of values (``sources[1]``) is in the list's one input
    whole = _LAST_INDEX.sub("", path)
    return f"{_where(row, found)}#{field_id(whole)}"


# --- the task list ------------------------------------------------------------------------


@router.get("/projects/{project_id}/edit")
def task_list(request: Request, session: DB, visit: Visitor, project_id: int) -> Response:
    """One row per table of the project file, each not started, incomplete or complete."""
    user = signed_in(request, visit)
    row = editable(session, user, project_id)
    source = version_of(session, row.id, row.version).toml
    lang = language(request)
    tasks = [(s, title(s, lang), status(s, section_data(source, s))) for s in _sections(request)]
    saved = request.query_params.get("saved", "")
    return page(request, visit, "task_list.html", row=row, tasks=tasks, saved=saved.isdigit())


# --- one page per table -------------------------------------------------------------------


def _where(row: ProjectRow, section: Section) -> str:
    return f"/projects/{row.id}/edit/{section.slug}"


@router.get("/projects/{project_id}/edit/{slug}")
def edit_form(
    request: Request, session: DB, visit: Visitor, project_id: int, slug: str
) -> Response:
    """The page of one table, filled in from the latest version (or from a draft)."""
    user = signed_in(request, visit)
    row = editable(session, user, project_id)
    section, _ = _section(request, slug)
    token = request.query_params.get("draft", "")
    kept = _drafts.claim(session, token, user, _where(row, section)) if token else None
    session.commit()
    if kept is None:
        source = version_of(session, row.id, row.version).toml
        state = state_of_data(section, section_data(source, section))
        base = row.version
    else:
        state, base = kept["state"], kept["base"]
    notice = "" if not token else ("form_draft" if kept is not None else "form_draft_gone")
    return _render(
        request,
        visit,
        section,
        state,
        row=row,
        action=_where(row, section),
        base_version=base,
        draft=token if kept is not None else "",
        draft_notice=notice if not (kept and kept.get("quiet")) else "",
    )


@router.post("/projects/{project_id}/edit/{slug}")
def edit_save(
    request: Request, session: DB, visit: Visitor, project_id: int, slug: str, posted: Posted
) -> Response:
    """Save the table as a new version; or add or remove an entry; or show what is wrong."""
    section, all_sections = _section(request, slug)
    state = state_of_form(section, posted)
    base_text = _last(posted, "base_version")
    base = int(base_text) if base_text.isdigit() and len(base_text) < 10 else 0
    where = f"/projects/{project_id}/edit/{section.slug}"
    user = _expired(request, session, visit, where, posted, {"state": state, "base": base})
    if isinstance(user, Response):
        return user
    check_csrf(visit, _last(posted, "csrf"))
    row = editable(session, user, project_id)
    action = _last(posted, "action") or "next"
    draft = _last(posted, "draft")
    if action.startswith(("add:", "remove:")):
        # NOTE: post/redirect/get: the page's values wait in a draft, so that reload and
        # the back button show them again
        kept = {"state": change(state, action), "base": base, "quiet": True}
        token = _drafts.stash(session, user.id, where, kept)
        _drafts.drop(session, draft, user)
        session.commit()
        return redirect(f"{where}?draft={token}#{_anchor(section, action)}")
    latest = version_of(session, row.id, row.version).toml
    context = {"row": row, "action": where, "base_version": base, "draft": draft}
    if base != row.version:
        return _conflict(request, visit, section, state, latest, row.version, context)
    source = apply(latest, section, data_of(section, state))
    project, problems = _check(request, source)
    if problems:
        return _render(request, visit, section, state, 422, problems, **context)
    number = row.version
    if source != latest:
        lang = language(request)
        comment = text("web.form_comment", lang, title=title(section, lang))
        try:
            number = _store.save(session, user, row, source, project, base, comment)
        except _store.Conflict as exc:
            latest = version_of(session, row.id, exc.latest).toml
            return _conflict(request, visit, section, state, latest, exc.latest, context)
    _drafts.drop(session, draft, user)
    session.commit()
    index = all_sections.index(section)
    if action == "list" or index + 1 == len(all_sections):
        return redirect(f"/projects/{row.id}/edit?saved={number}")
    return redirect(_where(row, all_sections[index + 1]))


def _conflict(
    request: Request,
    visit: Any,
    section: Section,
    state: Any,
    latest: str,
    number: int,
    context: dict[str, Any],
) -> Response:
    """The page with the user's values and, where they differ, the newest version's."""
    lang = language(request)
    newest = build(section, state_of_data(section, section_data(latest, section)), lang)
    rows = differences(build(section, state, lang), newest)
    context = {**context, "base_version": number}
    return _render(
        request, visit, section, state, 409, conflict=number, differences=rows, **context
    )
