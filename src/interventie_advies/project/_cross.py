"""Checks that span tables of a project file, on a Project or on raw data."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..messages._i18n import t
from ._model import Project

__all__ = ["cross_field_problems"]


def cross_field_problems(project: Project | Mapping[str, Any]) -> list[tuple[str, str, object]]:
    """Checks that span tables: unique partner names, endorsements, reasons of decisions.

    Works on a validated Project and, defensively, on raw data that failed validation
    elsewhere (so that all problems of a file are reported at once). Returns
    ``(path, message, value)`` triples; empty when all is well.
    """
    names: list[object]
    decisions: list[tuple[object, object]]
    if isinstance(project, Project):
        names = [p.name for p in project.partners or ()]
        endorsed = project.vision.endorsed_by_partners if project.vision else None
        decisions = [(d.status, d.reason) for d in project.decisions or ()]
    else:
        names = [p.get("name") for p in _items(project.get("partners"))]
        vision = project.get("vision")
        endorsed = vision.get("endorsed_by_partners") if isinstance(vision, Mapping) else None
        decisions = [(d.get("status"), d.get("reason")) for d in _items(project.get("decisions"))]
    problems: list[tuple[str, str, object]] = []
    seen: dict[str, None] = {}  # NOTE: in file order: a set's order changes between runs
    for i, name in enumerate(names):
        if not isinstance(name, str):
            continue
        if name in seen:
            problems.append(
                (
                    f"partners[{i}].name",
                    t(
                        nl="namen van partners moeten uniek zijn; deze staat er twee keer",
                        en="partner names must be unique; this one is listed twice",
                    ),
                    name,
                )
            )
        seen[name] = None
    if isinstance(endorsed, list):
        listed = ", ".join(repr(n) for n in seen) or t(nl="geen", en="none")
        for i, name in enumerate(endorsed):
            if isinstance(name, str) and name not in seen:
                problems.append(
                    (
                        f"vision.endorsed_by_partners[{i}]",
                        t(
                            nl="noemt een partner die niet bij [[partners]] staat (wel genoemd: "
                            "{x})",
                            en="names a partner that is not listed in [[partners]] (listed: {x})",
                            x=listed,
                        ),
                        name,
                    )
                )
    for i, (status, reason) in enumerate(decisions):
        if status in ("rejected", "not_applicable") and reason is None:
            problems.append(
                (
                    f"decisions[{i}].reason",
                    t(
                        nl="een reden is verplicht bij status {s!r}; zeg in een paar woorden "
                        "waarom",
                        en="a reason is required when status is {s!r}; say why in a few words",
                        s=status,
                    ),
                    None,
                )
            )
    return problems


def _items(value: object) -> list[Mapping[str, Any]]:
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []
