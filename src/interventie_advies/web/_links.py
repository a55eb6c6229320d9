"""Where a question of the advice is answered: the form page and field of its first path.

The convention is fixed, shared with the form pages that carry the anchors: the section
is the path's first name (before ``.`` or ``[``), for a plugin's table ``extensions-NAME``;
the anchor is ``f-`` and the path up to its first ``[]``, with ``.`` written as ``-``.
"""

from __future__ import annotations

import re

__all__ = ["field_link"]


def field_link(project_id: int, path: str) -> str:
    """The address of the form field that answers ``path`` (its form page and anchor).

    >>> field_link(3, "funding.sources[].end")
    '/projects/3/edit/funding#f-funding-sources'
    """
    section = re.split(r"[.\[]", path, maxsplit=1)[0]
    if section == "extensions":  # NOTE: a plugin's table has its own page: extensions-NAME
        section = "-".join(re.split(r"[.\[]", path, maxsplit=2)[:2])
    anchor = path.split("[", 1)[0].replace(".", "-")
    return f"/projects/{project_id}/edit/{section}#f-{anchor}"
