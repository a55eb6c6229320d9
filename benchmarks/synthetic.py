"""Seeded synthetic project files for the benchmarks: valid, covering every table.

About a third are sparse (a sketch with a few tables), the rest fuller, so the engine meets
both questions and findings. The same seed always gives the same files.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any, get_args

from interventie_advies.project import _enums as enums

__all__ = ["project_text", "projects"]


def _pick(rng: random.Random, literal: Any, k: int | None = None) -> Any:
    values = list(get_args(literal))
    if k is None:
        return rng.choice(values)
    return rng.sample(values, min(k, len(values)))


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value)  # a JSON string is a valid TOML basic string


def _table(name: str, values: dict[str, Any], array: bool = False) -> str:
    head = f"[[{name}]]" if array else f"[{name}]"
    return head + "\n" + "".join(f"{k} = {_toml(v)}\n" for k, v in values.items()) + "\n"


def project_text(seed: int) -> str:
    """One valid project file (TOML text) for ``seed``."""
    rng = random.Random(seed)
    full = rng.random() > 0.33
    maybe = (lambda: rng.random() < 0.85) if full else (lambda: rng.random() < 0.25)
    yes = lambda: rng.random() < 0.6  # noqa: E731
    start = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(0, 300))
    end = start + dt.timedelta(days=rng.randrange(90, 900))
    project = _table("project", {
        "name": f"Project {seed} in de Buurt", "neighbourhood": f"Wijk {seed % 97}",
        "municipality": "Voorbeeldstad", "phase": _pick(rng, enums.Phase),
        "start": start, "end": end})
    parts = ["format = 1\n\n" + project]
    if maybe():
        parts.append(_table("residents", {
            "needs": _pick(rng, enums.Need, rng.randint(1, 3)),
            "needs_identified_with_residents": yes(),
            "target_groups": _pick(rng, enums.TargetGroup, rng.randint(1, 3)),
            "expected_participants": rng.randint(5, 200),
            "barriers": (barriers := _pick(rng, enums.Barrier, rng.randint(0, 3))),
            "barriers_addressed": barriers[: rng.randint(0, len(barriers))],
            "co_design": _pick(rng, enums.CoDesign)}))
    if maybe():
        parts.append(_table("art", {
            "forms": _pick(rng, enums.ArtForm, rng.randint(1, 2)), "low_threshold": yes(),
            "chosen_with_residents": yes(), "professional_artist": yes(),
            "artist_community_experience": yes(), "uses_residents_stories": yes(),
            "the_other_as_muse": yes(), "mixes_groups": yes()}))
    place = f"Buurthuis {seed % 13}"
    if maybe():
        for i in range(rng.randint(1, 3)):
            parts.append(_table("activities", {
                "name": f"Activiteit {i}", "kind": _pick(rng, enums.ActivityKind),
                "frequency": _pick(rng, enums.Frequency), "sessions": rng.randint(1, 40),
                "location": place if yes() else "Elders", "informal_moment_after": yes()},
                array=True))
    if maybe():
        parts.append(_table("contact", {
            "informal_moments": yes(), "group_channel": _pick(rng, enums.GroupChannel),
            "channel_moderator": "Fatima", "continues_after_project": yes()}))
    if maybe():
        parts.append(_table("meeting_place", {
            "available": yes(), "name": place, "kind": _pick(rng, enums.PlaceKind),
            "in_neighbourhood": yes(), "accessible": yes(), "open_outside_activities": yes(),
            "available_after_project": yes()}))
    if maybe():
        parts.append(_table("end_product", {
            "planned": yes(), "kind": _pick(rng, enums.ProductKind),
            "date": end - dt.timedelta(days=rng.randrange(0, 60)),
            "residents_invite_others": yes(), "celebration": yes(),
            "residents_contribute": yes()}))
    names = [f"Partner {i}" for i in range(rng.randint(0, 4))] if maybe() else []
    if names:
        parts.append(_table("vision", {
            "shared_goal": "Samen de buurt mooier maken", "written_down": yes(),
            "endorsed_by_partners": names[: rng.randint(0, len(names))],
            "residents_recognise": yes(), "social_and_artistic_goals": yes()}))
    for name in names:
        parts.append(_table("partners", {
            "name": name, "domain": _pick(rng, enums.Domain),
            "strengths": ["netwerk", "ervaring"][: rng.randint(0, 2)],
            "contribution": _pick(rng, enums.Contribution, rng.randint(1, 3)),
            "levels_involved": _pick(rng, enums.Level, rng.randint(1, 3)),
            "knows_residents": yes(), "committed_after_project": yes()}, array=True))
    if maybe():
        differences = _pick(rng, enums.Difference, rng.randint(0, 3))
        parts.append(_table("collaboration", {
            "agreements_written": yes(), "regular_meetings": _pick(rng, enums.MeetingFrequency),
            "strengths_discussed": yes(), "shared_budget": yes(), "differences": differences,
            "differences_addressed": differences[: rng.randint(0, len(differences))],
            "management_support": yes(), "professionals_have_room": yes()}))
    if maybe():
        parts.append(_table("funding", {
            "duration_months": rng.randint(3, 36), "follow_up_secured": yes()}))
        for i in range(rng.randint(1, 3)):
            parts.append(_table("funding.sources", {
                "name": f"Bron {i}", "kind": _pick(rng, enums.FundingKind),
                "amount_eur": rng.randint(1_000, 80_000), "start": start, "end": end},
                array=True))
    if maybe():
        parts.append(_table("continuation", {
            "plan": "Bewoners gaan door", "considered_from_start": yes(), "owner": "Buurtgroep",
            "residents_take_over": yes(), "partnerships_continue": yes(),
            "structural_funding_sought": yes()}))
    if maybe():
        parts.append(_table("knowledge", {
            "research_used": yes(), "practice_exchange": yes(), "evaluation_planned": yes(),
            "evaluation_method": _pick(rng, enums.EvaluationMethod, rng.randint(1, 3)),
            "learning_sessions": yes()}))
    if maybe():
        for i in range(rng.randint(1, 2)):
            parts.append(_table("key_persons", {
                "name": f"Sleutelpersoon {i}", "knows_residents": yes(),
                "from_neighbourhood": yes(), "has_backup": yes()}, array=True))
    return "".join(parts)


def projects(count: int, seed: int = 20261130) -> list[str]:
    """``count`` project files, reproducible from ``seed``."""
    return [project_text(seed * 100_000 + i) for i in range(count)]
