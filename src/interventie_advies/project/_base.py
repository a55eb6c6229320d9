"""What every table model of the project file shares: strictness, limits, the date order.

Absent means "not described yet": every optional field of a table defaults to ``None``,
never to a guessed ``False`` or empty list, so the engine can ask instead of guess.

NOTE: no ``from __future__ import annotations`` in the modules of the project models
(``_project*.py``): pydantic would have to evaluate every field's annotation from its text
when the models are defined (about 1.5 ms of every start-up); written as objects, they are
simply read.
"""

import datetime as dt

from pydantic import BaseModel, ConfigDict, ValidationInfo
from pydantic_core import PydanticCustomError

from ..messages._i18n import t

__all__ = ["MAX_ITEMS", "MAX_TEXT", "end_after_start"]

# NOTE: limits keep one hostile file from costing more than a normal one by orders of
# magnitude; they are far above any real project (docs/project-file.md, "Limits").
MAX_TEXT = 10_000
MAX_ITEMS = 500


class _Table(BaseModel):
    # NOTE: validators are built on first use: validating a Project builds one validator
    # for the whole file at once, instead of one per table at import and then the
    # Project's again (~5 ms of start-up); a table validated on its own builds its own.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


def end_after_start(end: dt.date | None, info: ValidationInfo) -> dt.date | None:
    """Refuse an ``end`` before the ``start`` of the same table (a field validator)."""
    start = info.data.get("start")
    if end is not None and start is not None and end < start:
        raise PydanticCustomError(
            "date_order",
            t(
                nl="het einde ({e}) ligt vóór het begin ({s}); de einddatum moet op of na de "
                "begindatum liggen",
                en="end ({e}) is before start ({s}); the end date must be on or after the start",
                e=end.isoformat(),
                s=start.isoformat(),
            ),
        )
    return end
