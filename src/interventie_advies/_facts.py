"""Derived facts that conditions read as ``facts.NAME``.

A fact is ``None`` when it cannot be derived from the project: unknown is not false.
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - Facts.annotations() resolves these at run time
import functools
import typing
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._project import Project

__all__ = ["Facts", "derive_facts", "months_between"]


class Facts:
    """The derived facts of one project on one evaluation date."""

    today: dt.date
    funding_end: dt.date | None
    funding_start: dt.date | None
    months_left: int | None
    funding_months: int | None
    project_months: int | None
    partner_domains: set[str] | None
    partner_names: set[str] | None
    partner_count: int | None
    key_person_count: int | None
    has_structural_funding: bool | None
    has_in_kind_funding: bool | None
    funding_total_eur: float | None

    def __init__(self, **values: Any) -> None:
        self.__dict__.update(values)

    def __getattr__(self, name: str) -> Any:
        # NOTE: a plugin fact that a plugin did not provide for this project reads as None
        # (not described), never as an AttributeError inside a condition.
        if name.startswith("__"):
            raise AttributeError(name)
        return None

    @classmethod
    @functools.cache
    def annotations(cls) -> dict[str, Any]:
        """Map each built-in fact to its type."""
        return typing.get_type_hints(cls)

    def as_dict(self) -> dict[str, Any]:
        """All facts with their values."""
        return dict(self.__dict__)


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end`` (negative when ``end`` is earlier)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if months > 0 and end.day < start.day:
        months -= 1
    elif months < 0 and end.day > start.day:
        months += 1
    return months


def derive_facts(project: Project, today: dt.date) -> Facts:
    """Compute the built-in facts of ``project`` as seen on ``today``."""
    info = project.project
    funding = project.funding
    sources = funding.sources if funding is not None else None
    ends = [s.end for s in sources or () if s.end is not None]
    starts = [s.start for s in sources or () if s.start is not None]
    funding_end = max(ends) if ends else info.end
    funding_start = min(starts) if starts else None

    funding_months: int | None = funding.duration_months if funding is not None else None
    if funding_months is None and funding_start is not None and ends:
        funding_months = max(0, months_between(funding_start, max(ends)))

    project_months = months_between(info.start, info.end) if info.start and info.end else None
    partners = project.partners
    kinds = {s.kind for s in sources or () if s.kind is not None}
    amounts = [s.amount_eur for s in sources or () if s.amount_eur is not None]
    return Facts(
        today=today,
        funding_end=funding_end,
        funding_start=funding_start,
        months_left=months_between(today, funding_end) if funding_end else None,
        funding_months=funding_months,
        project_months=project_months,
        partner_domains={p.domain for p in partners} if partners is not None else None,
        partner_names={p.name for p in partners} if partners is not None else None,
        partner_count=len(partners) if partners is not None else None,
        key_person_count=len(project.key_persons) if project.key_persons is not None else None,
        has_structural_funding=("structural" in kinds) if sources is not None else None,
        has_in_kind_funding=("in_kind" in kinds) if sources is not None else None,
        funding_total_eur=sum(amounts) if amounts else None,
    )
