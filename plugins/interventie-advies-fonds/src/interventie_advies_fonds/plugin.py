"""The hooks of interventie-advies-fonds; interventie-advies finds them through the entry point.

``[project.entry-points.interventie_advies] fonds = "interventie_advies_fonds.plugin"``.
Each hook is small and delegates to a module of its own, so that the behaviour can be read
(and tested) without pluggy.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from interventie_advies import hookimpl

# NOTE: re-exported so that an engine given this module directly (Engine(plugins=[plugin]),
# the harness) can show the version, as it does for the installed entry point.
from . import __version__
from .csv_renderer import render_csv
from .models import (
    EXTENSION,
    FondsTable,
    cost_per_participant,
    fonds_table,
    share_percent,
)
from .prioritise import prioritise
from .rules import fonds_rules

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from pydantic import BaseModel

    from interventie_advies import Finding, Project, Report, Rule

__all__ = [
    "__version__",
    "advies_facts",
    "advies_prioritise",
    "advies_project_extensions",
    "advies_renderers",
    "advies_rules",
]


@hookimpl
def advies_rules() -> list[Rule]:
    """The fund's Python rules FND01–FND04 (silent without ``[extensions.fonds]``)."""
    return list(fonds_rules())


@hookimpl
def advies_project_extensions() -> dict[str, type[BaseModel]]:
    """Validate ``[extensions.fonds]`` with :class:`~interventie_advies_fonds.models.FondsTable`."""
    return {EXTENSION: FondsTable}


@hookimpl
def advies_facts(project: Project, facts: Mapping[str, Any]) -> dict[str, Any]:
    """The ``facts.fonds_*`` the rules' guard and texts read.

    ``fonds_opted_in`` is always a bool (never None), so that the rules' guard is always
    known and never turns into a question. The other facts are ``None`` when unknown and
    are whole euros and percents for the texts users read (the rules compare the exact
    figures): the project's figure is rounded up and the fund's maximum down, so that a
    figure just above the maximum never reads as equal to it. Whole numbers also read the
    same in Dutch and English (no decimal point against decimal comma).
    """
    table = fonds_table(project)
    if table is None:
        return {
            "fonds_opted_in": False,
            "fonds_cost_per_participant_eur": None,
            "fonds_max_cost_per_participant_eur": None,
            "fonds_share_percent": None,
            "fonds_max_share_percent": None,
        }
    total = facts.get("funding_total_eur")
    participants = project.residents.expected_participants if project.residents else None
    cost = cost_per_participant(total, participants)
    share = share_percent(table.requested_amount_eur, total)
    return {
        "fonds_opted_in": True,
        "fonds_cost_per_participant_eur": None if cost is None else math.ceil(cost),
        "fonds_max_cost_per_participant_eur": math.floor(table.max_cost()),
        "fonds_share_percent": None if share is None else math.ceil(share),
        "fonds_max_share_percent": table.max_share(),
    }


@hookimpl
def advies_prioritise(findings: Sequence[Finding], project: Project) -> list[Finding] | None:
    """Rank by reach and cost per participant; ``None`` without ``[extensions.fonds]``."""
    return prioritise(findings, project)


@hookimpl
def advies_renderers() -> dict[str, Callable[[Report], str]]:
    """Add the ``csv`` format: ``advies run --format csv`` and ``Report.render("csv")``."""
    return {"csv": render_csv}
