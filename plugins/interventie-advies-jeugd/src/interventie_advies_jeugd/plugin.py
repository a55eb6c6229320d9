"""The hooks of the jeugd plugin: rules, the ``[extensions.jeugd]`` model and ``jeugd_*`` facts.

Registered through the entry point ``[project.entry-points.interventie_advies] jeugd``; the
engine imports this module only when it builds its plugin list, so importing must stay
cheap: the rule file is read in :func:`advies_rules`, never at import time.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Protocol

from pydantic import ValidationError

import interventie_advies
from interventie_advies import hookimpl, load_rules

# NOTE: re-exported so that the module itself carries a version: the engine reads
# ``plugin.__version__`` when the module is registered directly (make_engine(plugin)),
# and the distribution's version when it comes through the entry point.
from . import __version__
from .models import ADULT_AGE, JeugdModel

if TYPE_CHECKING:
    from collections.abc import Mapping

    from pydantic import BaseModel

    from interventie_advies import Project, Rule

__all__ = [
    "EXTENSION",
    "FACTS",
    "RULES_FILE",
    "YOUTH_WORDS",
    "__version__",
    "advies_facts",
    "advies_project_extensions",
    "advies_rules",
    "jeugd_facts",
]

#: the NAME of the ``[extensions.NAME]`` table this plugin validates
EXTENSION: Final = "jeugd"

#: the rule file, shipped inside the package so that a wheel carries it
RULES_FILE: Final = Path(__file__).parent / "rules" / "jeugd.toml"

#: every fact :func:`advies_facts` returns; passed to ``load_rules`` so that conditions may
#: read them and a typo in a rule is a load error (a test keeps this, the hook and the list
#: in the rule file's header equal)
FACTS: Final = (
    "jeugd_project",
    "jeugd_minors",
    "jeugd_under_16",
    "jeugd_school_or_youth_partner",
    "jeugd_partner_stays",
    "jeugd_parental_consent",
    "jeugd_peer_leaders",
    "jeugd_channel_adult_moderator",
    "jeugd_channel_agreements",
    "jeugd_activity_times",
    "jeugd_vog_checked",
    "jeugd_transport_home",
)

#: target groups that make a project a youth project
YOUTH_GROUPS: Final = frozenset({"youth", "children"})

#: words that mark a social partner as youth work when its name, role or strengths use them
#: (lowercase substrings: "jongeren" also matches "jongerenwerk" and "jongerencentrum")
YOUTH_WORDS: Final = ("jongeren", "jeugd", "kinder", "youth", "children")

#: the age under which the AVG needs consent of parents (Uitvoeringswet AVG, artikel 5)
AVG_CONSENT_AGE: Final = 16


class _Partner(Protocol):
    """What these facts read of a ``[[partners]]`` entry.

    A protocol instead of the core's partner model, which lives in a private module:
    a plugin should lean only on the public API.
    """

    @property
    def name(self) -> str: ...
    @property
    def domain(self) -> str: ...
    @property
    def role(self) -> str | None: ...
    @property
    def strengths(self) -> list[str] | None: ...
    @property
    def committed_after_project(self) -> bool | None: ...


@hookimpl
def advies_rules() -> list[Rule]:
    """Return the rules of ``rules/jeugd.toml``, compiled against the jeugd facts.

    The extension model is passed so that conditions may also read
    ``extensions.jeugd.FIELD``; the rules here read the ``jeugd_*`` facts instead, because
    a fact can combine the table with the rest of the project (ages and target groups).
    """
    # NOTE: the facts are passed here rather than in the file's [pack] facts, which
    # interventie-advies 0.1.0 cannot read from TOML (it wants a tuple, TOML gives a list).
    extensions: dict[str, type[BaseModel]] = {EXTENSION: JeugdModel}
    if not hasattr(interventie_advies, "shipped_rules"):
        # NOTE: a version of interventie-advies before shipped rules reads the file itself
        return load_rules(RULES_FILE, facts=FACTS, extensions=extensions)
    # NOTE: the rules as validated when the package was built (_rules_data, written by
    # python -m interventie_advies.ship: see the README); the file itself when it was
    # edited since, or for a version of interventie-advies that cannot build them
    from . import _rules_data

    return interventie_advies.shipped_rules(
        _rules_data, [RULES_FILE], facts=FACTS, extensions=extensions
    )


@hookimpl
def advies_project_extensions() -> dict[str, type[BaseModel]]:
    """Register :class:`JeugdModel` for ``[extensions.jeugd]``."""
    return {EXTENSION: JeugdModel}


@hookimpl
def advies_facts(project: Project) -> dict[str, Any]:
    """Derive the ``jeugd_*`` facts (see :func:`jeugd_facts`).

    The hook leaves out the ``facts`` argument of the specification: pluggy passes only
    the arguments an implementation names, and these facts need only the project.
    """
    return jeugd_facts(project)


def jeugd_facts(project: Project) -> dict[str, Any]:
    """The ``jeugd_*`` facts of ``project``; ``None`` means unknown (the rules then ask).

    - ``jeugd_project``: the target groups include youth or children, or the file has an
      ``[extensions.jeugd]`` table. Never ``None``: it decides whether the rules apply.
    - ``jeugd_minors``: participants under 18 take part (from ``minors``, the ages, or the
      children target group).
    - ``jeugd_under_16``: participants under 16 take part (the AVG consent age).
    - ``jeugd_school_or_youth_partner``: a partner from education, or a social partner
      whose name, role or strengths mention young people (:data:`YOUTH_WORDS`); ``None``
      when the file lists no partners.
    - ``jeugd_partner_stays``: such a partner stays involved after the project.
    - the other facts repeat a field of the table, so that conditions read one namespace.
    """
    table = _table(project)
    groups: frozenset[str] = frozenset(
        project.residents.target_groups or () if project.residents else ()
    )
    known = table if table is not None else JeugdModel()
    return {
        "jeugd_project": bool(groups & YOUTH_GROUPS) or table is not None,
        "jeugd_minors": _minors(known, groups),
        "jeugd_under_16": _under_16(known, groups),
        "jeugd_school_or_youth_partner": _school_or_youth_partner(project),
        "jeugd_partner_stays": _partner_stays(project),
        "jeugd_parental_consent": known.parental_consent,
        "jeugd_peer_leaders": known.peer_leaders,
        "jeugd_channel_adult_moderator": known.channel_adult_moderator,
        "jeugd_channel_agreements": known.channel_agreements,
        "jeugd_activity_times": list(known.activity_times) if known.activity_times else None,
        "jeugd_vog_checked": known.vog_checked,
        "jeugd_transport_home": known.transport_home,
    }


def _table(project: Project) -> JeugdModel | None:
    """The validated ``[extensions.jeugd]`` table, or None when the file has none."""
    raw: Mapping[str, Any] | None = (project.extensions or {}).get(EXTENSION)
    if raw is None:
        return None
    try:
        return JeugdModel.model_validate(raw)
    except ValidationError:
        # NOTE: the engine validates the table before it asks for facts and stops on an
        # error, so this only happens when the hook is called on its own; then the table
        # says nothing we can trust, but it is there (jeugd_project stays True).
        return JeugdModel()


def _minors(table: JeugdModel, groups: frozenset[str]) -> bool | None:
    """Whether participants under 18 take part; None when the file does not say."""
    if table.minors is not None:
        return table.minors
    if table.min_age is not None:
        return table.min_age < ADULT_AGE
    if table.max_age is not None and table.max_age < ADULT_AGE:
        return True
    # children are minors by definition; "youth" in the Netherlands runs to about 23
    return True if "children" in groups else None


def _under_16(table: JeugdModel, groups: frozenset[str]) -> bool | None:
    """Whether participants under 16 take part; None when the file does not say."""
    if table.min_age is not None:
        return table.min_age < AVG_CONSENT_AGE
    if table.max_age is not None and table.max_age < AVG_CONSENT_AGE:
        return True
    if "children" in groups:
        return True
    return False if _minors(table, groups) is False else None


def _is_school_or_youth_partner(partner: _Partner) -> bool:
    """A partner from education, or a social partner that works with young people."""
    if partner.domain == "education":
        return True
    if partner.domain != "social":
        return False
    # NOTE: kept deliberately simple and documented in the README: a word match on what
    # the file says about the partner, not a judgement of the organisation.
    said = " ".join([partner.name, partner.role or "", *(partner.strengths or ())]).lower()
    return any(word in said for word in YOUTH_WORDS)


def _school_or_youth_partner(project: Project) -> bool | None:
    """Whether a school or youth-work partner takes part; None when no partners are listed."""
    if project.partners is None:
        return None
    return any(_is_school_or_youth_partner(p) for p in project.partners)


def _partner_stays(project: Project) -> bool | None:
    """Whether a school or youth-work partner stays involved after the project.

    True when one of them says so; False when all of them say they will not; None when
    there is no such partner or not all of them have said.
    """
    youth = [p for p in project.partners or () if _is_school_or_youth_partner(p)]
    if any(p.committed_after_project is True for p in youth):
        return True
    if youth and all(p.committed_after_project is False for p in youth):
        return False
    return None
