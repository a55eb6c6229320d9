"""The API's errors: ``{"errors": [{"path", "message"}]}`` with their HTTP status."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from fastapi import FastAPI, Request

    from .._errors import ProjectError

__all__ = ["ApiError", "install"]


class ApiError(Exception):
    """An answer with an error status and the problems to list."""

    def __init__(
        self,
        status: int,
        message: str = "",
        *,
        errors: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(status, message)
        self.status = status
        self.errors = errors if errors is not None else [{"path": "", "message": message}]
        self.headers = headers

    @classmethod
    def of_problems(cls, exc: ProjectError) -> ApiError:
        """422 with the loader's problems: their TOML path and message."""
        return cls(422, errors=[{"path": p.path, "message": p.message} for p in exc.problems])


def _answer(status: int, errors: list[dict[str, str]], headers: Any = None) -> JSONResponse:
    return JSONResponse({"errors": errors}, status_code=status, headers=headers)


def install(
    app: FastAPI, refused: Callable[[Request], Awaitable[ApiError | None]] | None = None
) -> None:
    """Answer every error of ``app`` in the API's shape.

    :param refused: the 401 of an API request without a valid token (else ``None``), given
        before anything else found wrong with the request (``_calls.refused``).
    """

    async def api_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return _answer(exc.status, exc.errors, exc.headers)

    async def bad_request(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        if refused is not None and request.url.path.startswith("/api/"):
            unknown = await refused(request)
            if unknown is not None:  # 401 before 400, whatever the body holds
                return _answer(unknown.status, unknown.errors, unknown.headers)
        errors = [
            {
                "path": ".".join(str(p) for p in e.get("loc", ())[1:]),
                "message": str(e.get("msg", "")),
            }
            for e in exc.errors()
        ]
        return _answer(400, errors)

    async def http_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        return _answer(exc.status_code, [{"path": "", "message": str(exc.detail)}], exc.headers)

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(RequestValidationError, bad_request)
    app.add_exception_handler(HTTPException, http_error)
