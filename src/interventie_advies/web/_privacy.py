"""``/-/privacy``: what is kept, why, who sees it, how long, and how to delete it.

No sign-in needed: the page is linked in every page's footer, the sign-in page too.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response  # noqa: TC002  # FastAPI reads the annotations

from ._pages import Visitor, page

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


@router.get("/-/privacy")
def privacy(request: Request, visit: Visitor) -> Response:
    """The privacy statement, in the page's language."""
    return page(request, visit, "privacy.html")
