"""An API request's work in one thread: the caller, the database session and the endpoint.

FastAPI runs every plain (``def``) dependency and endpoint in a thread of its pool, one
hand-over each: the session's start, the caller's lookup, the endpoint, the session's end
and the check of the answer made four or five per API request. Each costs about 0.1 ms of
CPU (the thread is woken, then the event loop), and a burst of requests pays it four or
five times per request. So an API endpoint is ``async`` and hands its work to
:func:`in_thread`, which does all of it in a single thread: open the session, find the
caller by the token, run the work, close the session. The event loop itself never waits
for the database.

    @router.get("/projects/{project_id}")
    async def get_project(request: Request, credentials: Bearer, project_id: Key) -> ...:
        def work(session: Session, user: User) -> ...:
            ...
        return await in_thread(request, credentials, work)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, TypeVar

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from ..messages._i18n import t
from ._auth import token_hash
from ._db import ApiToken, User
from ._errors import ApiError

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.orm import Session

__all__ = ["Bearer", "caller", "in_thread", "refused"]

_R = TypeVar("_R")

_bearer = HTTPBearer(auto_error=False)
#: the ``Authorization: Bearer TOKEN`` header, read in the event loop (no database yet);
#: it also names the API's security scheme in the OpenAPI description
Bearer = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def caller(session: Session, credentials: HTTPAuthorizationCredentials | None) -> User:
    """The user whose API token was sent; 401 without one that is valid."""
    if credentials is not None:
        user = session.scalar(
            select(User)
            .join(ApiToken, ApiToken.user_id == User.id)
            .where(ApiToken.token_hash == token_hash(credentials.credentials))
        )
        if user is not None:
            return user
    raise ApiError(
        401,
        t(nl="een geldig API-token is nodig", en="a valid API token is needed"),
        headers={"WWW-Authenticate": "Bearer"},
    )


async def in_thread(
    request: Request,
    credentials: HTTPAuthorizationCredentials | None,
    work: Callable[[Session, User], _R],
) -> _R:
    """``work(session, caller)`` in one thread of the pool, the session closed after it.

    :raises ApiError: 401 when the token is missing or not valid, or what ``work`` raises.
    """
    sessions = request.app.state.sessions

    def run() -> _R:
        with sessions() as session:
            return work(session, caller(session, credentials))

    return await run_in_threadpool(run)


async def refused(request: Request) -> ApiError | None:
    """The 401 for a request without a valid token, else ``None``.

    NOTE: FastAPI checks a body and the query before it runs an ``async`` endpoint, so
    without this an unknown caller would learn what is wrong with its body (400) instead
    of being refused (401), as every call is without a valid token (docs/web.md).
    """
    credentials = await _bearer(request)

    def known(_session: Session, _user: User) -> None:
        return None

    try:
        await in_thread(request, credentials, known)
    except ApiError as exc:
        return exc
    return None
