"""The new-project page: a project from its name and phase, then the form's task list.

The least the loader needs (``format = 1`` and a ``[project]`` table with a name) and the
phase; the file is checked by the package's loader and saved as version 1.
"""

from __future__ import annotations

import tomlkit
from fastapi import APIRouter, Request
from fastapi.responses import Response

from ..messages import text
from . import _drafts, _store
from ._form_model import Section, find, title
from ._form_values import data_of, state_of_form
from ._pages import DB, Visitor, check_csrf, language, redirect, signed_in
from ._pages_form import NEW_FIELDS, Posted, _check, _expired, _last, _render, _sections

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


def _project_section(request: Request) -> Section:
    section = find(_sections(request), "project")
    assert section is not None
    return section


@router.get("/projects/new")
def new_form(request: Request, session: DB, visit: Visitor) -> Response:
    """The new-project page: the project's name and phase."""
    user = signed_in(request, visit)
    section = _project_section(request)
    state = _drafts.claim(session, request.query_params.get("draft", ""), user, "/projects/new")
    session.commit()
    lang = language(request)
    return _render(
        request,
        visit,
        section,
        state if isinstance(state, dict) else {},
        row=None,
        action="/projects/new",
        title=text("web.form_new", lang),
        intro=text("web.form_new_intro", lang),
        draft_notice="form_draft" if state is not None else "",
    )


@router.post("/projects/new")
def new_create(request: Request, session: DB, visit: Visitor, posted: Posted) -> Response:
    """Make the project (version 1) from the name and phase, then go to the task list."""
    section = _project_section(request)
    state = {k: v for k, v in state_of_form(section, posted).items() if k in NEW_FIELDS}
    user = _expired(request, session, visit, "/projects/new", posted, state)
    if isinstance(user, Response):
        return user
    check_csrf(visit, _last(posted, "csrf"))
    doc = tomlkit.document()
    doc.add("format", 1)
    doc.add(tomlkit.nl())
    doc.add("project", data_of(section, state))
    source = tomlkit.dumps(doc)
    project, problems = _check(request, source)
    if problems:
        lang = language(request)
        return _render(
            request,
            visit,
            section,
            state,
            422,
            problems,
            row=None,
            action="/projects/new",
            title=text("web.form_new", lang),
            intro=text("web.form_new_intro", lang),
        )
    lang = language(request)
    comment = text("web.form_comment", lang, title=title(section, lang))
    row = _store.create(session, user, source, project, comment, None)
    session.commit()
    return redirect(f"/projects/{row.id}/edit")
