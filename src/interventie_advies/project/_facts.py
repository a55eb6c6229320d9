"""Derived facts that conditions read as ``facts.NAME``.

A fact is ``None`` when it cannot be derived from the project: unknown is not false.

Each fact declares, next to its type, the fields of the project file it is derived from
(:class:`From`): the questions for a missing fact ask for exactly those fields, and the
table of the first one is the table the fact belongs to (see ``_questions``). A test keeps
the declarations and :func:`derive_facts` in step.
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - Facts.annotations() resolves these at run time
import functools
import typing
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

from ._enums import Barrier, Difference, Frequency  # noqa: TC001 - resolved at run time

if TYPE_CHECKING:
    from ._model import Project

__all__ = [
    "EARLY_MONTHS",
    "LEAVING_MONTHS",
    "URGENT_MONTHS",
    "Dated",
    "Facts",
    "From",
    "derive_facts",
    "fact_sources",
    "months_between",
]

#: funding that ends within this many months (``facts.months_left``) is urgent: the
#: prioritiser raises warnings, the portfolio puts the project first
URGENT_MONTHS = 3
#: a key person who leaves within this many months is leaving soon (``facts.leaving_soon``)
LEAVING_MONTHS = 6
#: a funding source that ends at least this many months before the project ends, ends early
#: (``facts.funding_early_share``)
EARLY_MONTHS = 3


class Dated(NamedTuple):
    """A person's name with a date (a leaver's last day), shown as "Mila (1 juli 2026)"."""

    name: str
    date: dt.date


class From:
    """The fields of the project file a derived fact is derived from, most telling first."""

    # NOTE: a plain class, not a dataclass: defining a dataclass costs every start-up
    # about 4 M instructions, and a From is only read (``fields``), never compared

    __slots__ = ("fields",)

    def __init__(self, *fields: str) -> None:
        self.fields: tuple[str, ...] = fields

    def __repr__(self) -> str:
        return f"From{self.fields!r}"


_END = "funding.sources[].end"


class Facts:
    """The derived facts of one project on one evaluation date."""

    today: Annotated[dt.date, From()]  # the evaluation date: always known
    # NOTE: funding ends at the last end of a source, or else when the project ends
    funding_end: Annotated[dt.date | None, From(_END, "project.end")]
    funding_start: Annotated[dt.date | None, From("funding.sources[].start")]
    months_left: Annotated[int | None, From(_END, "project.end")]
    funding_months: Annotated[
        int | None, From("funding.duration_months", "funding.sources[].start", _END)
    ]
    project_months: Annotated[int | None, From("project.end", "project.start")]
    partner_domains: Annotated[set[str] | None, From("partners[].domain")]
    partner_names: Annotated[set[str] | None, From("partners[].name")]
    partner_count: Annotated[int | None, From("partners")]
    key_person_count: Annotated[int | None, From("key_persons")]
    has_structural_funding: Annotated[bool | None, From("funding.sources[].kind")]
    has_in_kind_funding: Annotated[bool | None, From("funding.sources[].kind")]
    funding_total_eur: Annotated[float | None, From("funding.sources[].amount_eur")]
    # -- issue 12: people who leave, money that ends early ------------------------------
    # NOTE: a key person without ``leaves`` is not known to leave: the date is an addition
    # a file gives when it is known, so it is never asked for person by person
    leaving_soon: Annotated[set[str] | None, From("key_persons")]
    leaving_unreplaced: Annotated[set[Dated] | None, From("key_persons")]
    sole_holders: Annotated[set[str] | None, From("key_persons")]
    funding_first_end: Annotated[dt.date | None, From(_END)]
    funding_early_share: Annotated[
        int | None, From(_END, "funding.sources[].amount_eur", "project.end")
    ]
    funding_early_sources: Annotated[
        set[str] | None, From(_END, "funding.sources[].name", "project.end")
    ]
    # -- for the texts of rules (docs/rule-format.md#placeholders) -------------------------
    # the barriers / differences the plan does not deal with yet, in the file's order
    open_barriers: Annotated[
        list[Barrier] | None, From("residents.barriers", "residents.barriers_addressed")
    ]
    open_differences: Annotated[
        list[Difference] | None,
        From("collaboration.differences", "collaboration.differences_addressed"),
    ]
    # the most common frequency of the activities (the first one on a tie)
    main_frequency: Annotated[Frequency | None, From("activities[].frequency")]
    # the name of the first partner in housing / social work (None: there is none)
    housing_partner: Annotated[str | None, From("partners[].domain", "partners[].name")]
    social_partner: Annotated[str | None, From("partners[].domain", "partners[].name")]

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

    @classmethod
    @functools.cache
    def sources(cls) -> dict[str, tuple[str, ...]]:
        """Map each built-in fact to the fields it is derived from (see :class:`From`)."""
        hints = typing.get_type_hints(cls, include_extras=True)
        return {
            name: next(m.fields for m in getattr(hint, "__metadata__", ()) if isinstance(m, From))
            for name, hint in hints.items()
        }

    def as_dict(self) -> dict[str, Any]:
        """All facts with their values."""
        return dict(self.__dict__)


def fact_sources(path: str) -> tuple[str, ...] | None:
    """The fields ``facts.NAME`` is derived from; None for another path or a plugin's fact."""
    if not path.startswith("facts."):
        return None
    return Facts.sources().get(path[6:])


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
        **_concept_facts(project, today),
        **_text_facts(project),
    )


def _concept_facts(project: Project, today: dt.date) -> dict[str, Any]:
    """The facts of issue 12: key persons who leave, and funding that ends early."""
    persons = project.key_persons
    leaving = [
        k
        for k in persons or ()
        if k.leaves is not None
        and k.leaves >= today
        and months_between(today, k.leaves) < LEAVING_MONTHS
    ]
    # NOTE: the date goes with the name; a text shows it in the report's language
    unreplaced = {Dated(k.name, k.leaves) for k in leaving if k.leaves and not k.successor}
    holders = {
        k.name for k in persons or () if k.holds and {"contacts", "group_channel"} & set(k.holds)
    }
    sources = project.funding.sources if project.funding is not None else None
    ends = [s.end for s in sources or () if s.end is not None]
    end = project.project.end
    dated = [s for s in sources or () if s.end is not None]
    early = [
        s
        for s in dated
        if end is not None and s.end is not None and months_between(s.end, end) >= EARLY_MONTHS
    ]
    weighed = [s for s in dated if s.amount_eur is not None]
    total = sum(s.amount_eur for s in weighed if s.amount_eur is not None)
    share: int | None = None
    if end is not None and weighed and total > 0:
        share = round(100 * sum(s.amount_eur or 0 for s in weighed if s in early) / total)
    return {
        "leaving_soon": {k.name for k in leaving} if persons is not None else None,
        "leaving_unreplaced": unreplaced if persons is not None else None,
        "sole_holders": holders if persons is not None else None,
        "funding_first_end": min(ends) if ends else None,
        "funding_early_share": share,
        "funding_early_sources": (
            {s.name or "?" for s in early} if end is not None and dated else None
        ),
    }


def _text_facts(project: Project) -> dict[str, Any]:
    """The facts rules' texts name (``open_barriers``, ``main_frequency``, …)."""
    residents, collaboration = project.residents, project.collaboration
    frequencies = [a.frequency for a in project.activities or () if a.frequency is not None]
    partners = project.partners or ()
    return {
        "open_barriers": _open(residents.barriers, residents.barriers_addressed)
        if residents is not None
        else None,
        "open_differences": _open(collaboration.differences, collaboration.differences_addressed)
        if collaboration is not None
        else None,
        "main_frequency": max(frequencies, key=frequencies.count) if frequencies else None,
        "housing_partner": next((p.name for p in partners if p.domain == "housing"), None),
        "social_partner": next((p.name for p in partners if p.domain == "social"), None),
    }


def _open(known: list[Any] | None, dealt_with: list[Any] | None) -> list[Any] | None:
    """What is in ``known`` but not in ``dealt_with`` (None when either is not described)."""
    if known is None or dealt_with is None:
        return None
    return [item for item in dict.fromkeys(known) if item not in dealt_with]
