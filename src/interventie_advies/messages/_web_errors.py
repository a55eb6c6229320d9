"""Words of the web pages' own error pages: a request the server cannot read."""

from __future__ import annotations

from ._entry import Entry

__all__ = ["TABLES", "WEB_ERRORS"]

#: what a page says when its request is not one the server can read
WEB_ERRORS: dict[str, Entry] = {
    "bad_request": Entry(
        nl="De server kan dit verzoek niet lezen. Er is niets opgeslagen. "
        "Ga terug, laad de pagina opnieuw en probeer het nog eens.",
        en="The server cannot read this request. Nothing was saved. "
        "Go back, reload the page and try again.",
    ),
}

TABLES = {"web": WEB_ERRORS}
