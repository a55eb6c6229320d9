"""The fixed vocabularies of project file format 1 (lowercase English snake_case)."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    from collections.abc import Mapping

Phase = Literal["idea", "preparation", "execution", "closing", "continuation"]
Need = Literal[
    "loneliness",
    "social_cohesion",
    "safety",
    "pride",
    "participation",
    "health_wellbeing",
    "language",
    "talent_development",
    "intercultural_contact",
    "intergenerational_contact",
    "public_space",
    "other",
]
HowIdentified = Literal[
    "conversations",
    "kitchen_table",
    "survey",
    "neighbourhood_analysis",
    "key_persons",
    "earlier_project",
    "other",
]
TargetGroup = Literal[
    "elderly",
    "youth",
    "children",
    "families",
    "newcomers",
    "people_with_disability",
    "low_income",
    "people_with_mental_illness",
    "lonely_people",
    "all_residents",
    "other",
]
Barrier = Literal[
    "language",
    "cost",
    "mobility",
    "time",
    "distrust",
    "shame",
    "no_art_experience",
    "digital",
    "childcare",
    "other",
]
CoDesign = Literal["none", "consulted", "co_design", "resident_led"]
ArtForm = Literal[
    "music",
    "opera",
    "theatre",
    "dance",
    "visual_art",
    "mural",
    "photography",
    "film",
    "literature",
    "storytelling",
    "crafts",
    "design",
    "digital",
    "circus",
    "festival",
    "mixed",
    "other",
]
ActivityKind = Literal[
    "workshop",
    "rehearsal",
    "meeting",
    "walk_in",
    "performance",
    "exhibition",
    "excursion",
    "other",
]
Frequency = Literal["once", "weekly", "biweekly", "monthly", "irregular"]
GroupChannel = Literal[
    "whatsapp", "signal", "email_list", "facebook", "newsletter", "other", "none"
]
PlaceKind = Literal[
    "community_centre",
    "library",
    "school",
    "church",
    "cafe",
    "studio",
    "public_space",
    "residents_home",
    "other",
]
ProductKind = Literal[
    "performance",
    "exhibition",
    "screening",
    "publication",
    "artwork_in_public_space",
    "festival",
    "other",
]
Domain = Literal[
    "social",
    "cultural",
    "housing",
    "municipality",
    "education",
    "health",
    "business",
    "residents_organisation",
    "knowledge",
    "other",
]
Contribution = Literal[
    "staff", "money", "location", "network", "expertise", "materials", "communication"
]
Level = Literal["management", "professional", "volunteer"]
MeetingFrequency = Literal["weekly", "biweekly", "monthly", "quarterly", "irregular", "none"]
Difference = Literal[
    "working_method", "language", "perspective", "funding", "policy", "timelines", "other"
]
FundingKind = Literal[
    "project", "structural", "fund", "crowdfunding", "in_kind", "sponsor", "other"
]
EvaluationMethod = Literal[
    "interviews",
    "survey",
    "observation",
    "participant_stories",
    "photo_video",
    "reflection_sessions",
    "other",
]
#: what a key person alone holds (``key_persons[].holds``)
Holding = Literal["contacts", "group_channel", "planning", "money", "keys", "artistic_lead"]
DecisionStatus = Literal["accepted", "in_progress", "done", "rejected", "not_applicable"]

Kind = Literal["recommendation", "warning", "strength"]
Priority = Literal["high", "medium", "low"]
Effort = Literal["low", "medium", "high"]
Evidence = Literal["research", "practice", "expert"]

PHASES: tuple[str, ...] = get_args(Phase)
NEEDS: tuple[str, ...] = get_args(Need)
PRIORITIES: tuple[str, ...] = get_args(Priority)
#: the one priority map: how much a priority weighs, high above medium above low (for
#: ``--fail-on``, sorting, and the HTML meter)
PRIORITY_RANK: Mapping[str, int] = MappingProxyType(
    {p: len(PRIORITIES) - i for i, p in enumerate(PRIORITIES)}
)
