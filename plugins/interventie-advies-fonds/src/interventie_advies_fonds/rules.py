"""The fund's rules (codes ``FND``), built as Python :class:`~interventie_advies.Rule` objects.

Python rules follow the same contract as rule files: both languages of every text, a
question when ``needs`` is not empty, ``needs`` paths checked against the project model,
and examples that run as tests. Three rules use a Python callable as ``when`` (arithmetic
the condition language deliberately leaves out: it has no ``*`` or ``/``); FND04 shows that
a Python rule can still use a plain condition text.

Every rule is guarded by ``facts.fonds_opted_in`` (``[rule.applies]``): without an
``[extensions.fonds]`` table the rules neither fire nor ask, so installing the plugin does
not change the advice for projects that do not apply to a fund.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import interventie_advies
from interventie_advies import Rule

from .models import (
    EXTENSION,
    FondsTable,
    cost_above_maximum,
    reach_below_target,
    share_above_maximum,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["FACTS", "SOURCES", "RuleContext", "fonds_rules", "validated_rules"]

#: the facts this plugin adds (see plugin.advies_facts); prefixed with the plugin's name so
#: they cannot clash with the engine's facts or another plugin's
FACTS = (
    "fonds_opted_in",
    "fonds_cost_per_participant_eur",
    "fonds_max_cost_per_participant_eur",
    "fonds_share_percent",
    "fonds_max_share_percent",
)

# NOTE: passed as the validation context, so that the `needs` paths, the guard condition
# and the {placeholders} that read extensions.fonds.* or facts.fonds_* are checked against
# FondsTable and FACTS when the rules are built: a typo fails here, not in a user's report.
_CONTEXT: Mapping[str, Any] = {"facts": FACTS, "extensions": {EXTENSION: FondsTable}}

# NOTE: no URL that we have not read. The first two pages were read when the rules were
# written; "expert" marks what is our own judgement.
# NOTE: each source in Dutch and English: a Dutch report shows a Dutch source line
_FCP_FAQ = {
    "nl": "Fonds voor Cultuurparticipatie, 'Veelgestelde vragen' (wie mag aanvragen en onder "
    "welke voorwaarden verschilt per regeling), https://cultuurparticipatie.nl/veelgestelde-vragen",
    "en": "Fonds voor Cultuurparticipatie, 'Veelgestelde vragen' (who can apply and on what "
    "conditions differs per scheme), https://cultuurparticipatie.nl/veelgestelde-vragen",
}
_FCP_SHARE_URL = "https://www.immaterieelerfgoed.nl/nl/page/14318/nieuwe-subsidie-van-fonds-voor-cultuurparticipatie"
_FCP_SHARE = {
    "nl": "Kenniscentrum Immaterieel Erfgoed Nederland, 'Nieuwe Subsidie van Fonds voor "
    "Cultuurparticipatie' (regeling Erfgoed Maken, 2022: tot 100%, 80% of 50% van de totale "
    f"projectkosten, per categorie), {_FCP_SHARE_URL}",
    "en": "Kenniscentrum Immaterieel Erfgoed Nederland, 'Nieuwe Subsidie van Fonds voor "
    "Cultuurparticipatie' (scheme Erfgoed Maken, 2022: up to 100%, 80% or 50% of the total "
    f"project costs, by category), {_FCP_SHARE_URL}",
}
_FCP_REACH_URL = "https://panteia.nl/onderzoeken/evaluatie-regeling-cultuurparticipatie-2009-2012/"
_FCP_REACH = {
    "nl": "Research voor Beleid (Panteia) voor het Fonds voor Cultuurparticipatie, 'Evaluatie "
    "Regeling Cultuurparticipatie 2009-2012' (doel van de regeling: meer mensen in contact "
    f"met kunst en cultuur), {_FCP_REACH_URL}",
    "en": "Research voor Beleid (Panteia) for the Fonds voor Cultuurparticipatie, 'Evaluatie "
    "Regeling Cultuurparticipatie 2009-2012' (aim of the scheme: more people in contact with "
    f"arts and culture), {_FCP_REACH_URL}",
}
_MOVISIE = (
    "Movisie, 'Kunst vergroot leefbaarheid van kwetsbare wijken' (factsheet), www.movisie.nl/kunst"
)

#: the guard every rule shares: only for projects with an [extensions.fonds] table.
#: The fact is never None (see plugin.advies_facts), so the guard never turns into a question.
_OPTED_IN = {"when": "facts.fonds_opted_in", "needs": ["facts.fonds_opted_in"]}


class RuleContext(Protocol):
    """What a ``when`` callable receives: the project's tables, ``facts`` and ``extensions``.

    The engine passes an object with one attribute per top-level table (an absent table
    reads as a table whose fields are all ``None``), ``facts`` and ``extensions``.
    Attributes are typed ``Any`` because the engine's table models are not public API.
    """

    @property
    def residents(self) -> Any:
        """``[residents]``."""

    @property
    def facts(self) -> Any:
        """The derived facts, e.g. ``facts.funding_total_eur``."""

    @property
    def extensions(self) -> Any:
        """``extensions.fonds``: the validated :class:`FondsTable` when the file has one."""


def _table(ctx: RuleContext) -> FondsTable | None:
    # NOTE: without the table, extensions.fonds is a stand-in whose fields read as None;
    # the guard keeps us from getting here then, but a `when` must never raise on it.
    value = getattr(ctx.extensions, EXTENSION, None)
    return value if isinstance(value, FondsTable) else None


def _cost_above_maximum(ctx: RuleContext) -> bool:
    """FND01: the budget per expected participant is above the fund's maximum."""
    table = _table(ctx)
    if table is None:
        return False
    above = cost_above_maximum(
        ctx.facts.funding_total_eur, ctx.residents.expected_participants, table.max_cost()
    )
    return above is True  # None (unknown) is not "above": the engine asks instead


def _share_above_maximum(ctx: RuleContext) -> bool:
    """FND02: the fund is asked for more than its maximum share of the total budget."""
    table = _table(ctx)
    if table is None:
        return False
    above = share_above_maximum(
        table.requested_amount_eur, ctx.facts.funding_total_eur, table.max_share()
    )
    return above is True


def _reach_below_target(ctx: RuleContext) -> bool:
    """FND03: fewer participants are expected than the fund wants to reach."""
    table = _table(ctx)
    if table is None:
        return False
    return reach_below_target(ctx.residents.expected_participants, table.reach_target) is True


def _opted_in(fonds: Mapping[str, Any] | None = None, **tables: Any) -> dict[str, Any]:
    """An example project that has an [extensions.fonds] table (``fonds``, default empty)."""
    return {**tables, "extensions": {EXTENSION: dict(fonds or {})}}


def _sources(*amounts: tuple[str, float]) -> dict[str, Any]:
    """``[funding]`` with one source per (kind, amount) pair, for the examples."""
    return {
        "sources": [
            {"name": f"Bron {i}", "kind": kind, "amount_eur": amount}
            for i, (kind, amount) in enumerate(amounts, start=1)
        ]
    }


_FND01: dict[str, Any] = {
    "code": "FND01",
    "name": "fonds.cost_per_participant_above_maximum",
    "element": "sustainability",
    "kind": "warning",
    "priority": "medium",
    "when": _cost_above_maximum,
    "needs": ("facts.funding_total_eur", "residents.expected_participants"),
    "phases": ("idea", "preparation"),
    "effort": "medium",
    "evidence": "expert",
    "source": {
        "nl": "Ervaring van het team van interventie-advies-fonds; naar schatting hoogstens "
        "€1.000 per verwachte deelnemer als het fonds zelf geen grens noemt. " + _FCP_FAQ["nl"],
        "en": "Expert judgement (interventie-advies-fonds); default maximum €1,000 per "
        "expected participant when the fund gives none. " + _FCP_FAQ["en"],
    },
    "title": {
        "nl": "Het project kost veel geld per deelnemer",
        "en": "The project costs a lot per participant",
    },
    "message": {
        "nl": "De begroting is ongeveer €{facts.fonds_cost_per_participant_eur} per "
        "verwachte deelnemer. De grens is €{facts.fonds_max_cost_per_participant_eur}: die "
        "van het fonds, of anders onze schatting. Bereik meer bewoners, maak het plan "
        "goedkoper, of leg in de aanvraag uit waarom het meer kost.",
        "en": "The budget comes to about €{facts.fonds_cost_per_participant_eur} per "
        "expected participant. The limit is €{facts.fonds_max_cost_per_participant_eur}: the "
        "fund's own, or else our estimate. Reach more residents, make the plan "
        "cheaper, or explain in the application why it costs more.",
    },
    "why": {
        "nl": "Een fonds wil dat zijn geld veel bewoners bereikt. Is het bedrag per deelnemer "
        "hoog, dan vraagt het fonds waarom. Soms is een hoog bedrag terecht, bijvoorbeeld "
        "voor een kleine groep die lang en intensief samenwerkt. Zeg dat dan zelf in de "
        "aanvraag.",
        "en": "A fund wants its money to reach many residents. When the amount per "
        "participant is high, the fund will ask why. Sometimes a high amount is right, for "
        "example for a small group that works together closely for a long time. Then say so "
        "yourself in the application.",
    },
    "question": {
        "nl": "Wat kost het project per deelnemer? Vul residents.expected_participants in en "
        "de bedragen onder [[funding.sources]].",
        "en": "What does the project cost per participant? Fill in "
        "residents.expected_participants and the amounts under [[funding.sources]].",
    },
    "actions": {
        "nl": [
            "Vraag sleutelpersonen en partners om meer bewoners uit te nodigen.",
            "Kijk welke kosten lager kunnen, zonder dat de kunst minder goed wordt.",
            "Leg in de aanvraag uit wat jullie aanpak per deelnemer oplevert.",
        ],
        "en": [
            "Ask key persons and partners to invite more residents.",
            "Look for costs that can come down without making the art worse.",
            "Explain in the application what your approach brings each participant.",
        ],
    },
    "examples": (
        # €20,000 for 10 participants: €2,000 each, above the default of €1,000
        {
            "fires": True,
            "project": _opted_in(
                residents={"expected_participants": 10}, funding=_sources(("fund", 20000))
            ),
        },
        # €200 each: below the default
        {
            "fires": False,
            "project": _opted_in(
                residents={"expected_participants": 100}, funding=_sources(("fund", 20000))
            ),
        },
        # the fund's own maximum of €150 replaces the default
        {
            "fires": True,
            "project": _opted_in(
                {"max_cost_per_participant_eur": 150},
                residents={"expected_participants": 100},
                funding=_sources(("fund", 20000)),
            ),
        },
        # money for nobody is above any maximum
        {
            "fires": True,
            "project": _opted_in(
                residents={"expected_participants": 0}, funding=_sources(("project", 500))
            ),
        },
        # without [extensions.fonds] the rule is silent, even when the figures are high
        {
            "fires": False,
            "project": {
                "residents": {"expected_participants": 10},
                "funding": _sources(("fund", 20000)),
            },
        },
        # reach not described: ask, do not guess
        {
            "asks": True,
            "project": _opted_in(
                residents={"needs": ["loneliness"]}, funding=_sources(("fund", 1))
            ),
        },
        {"asks": True, "project": _opted_in(residents={"expected_participants": 10})},
    ),
}

_FND02: dict[str, Any] = {
    "code": "FND02",
    "name": "fonds.request_share_above_maximum",
    "element": "sustainability",
    "kind": "warning",
    "priority": "high",
    "when": _share_above_maximum,
    "needs": ("extensions.fonds.requested_amount_eur", "facts.funding_total_eur"),
    "phases": ("idea", "preparation"),
    "effort": "medium",
    "evidence": "practice",
    "source": _FCP_SHARE,
    "title": {
        "nl": "Je vraagt het fonds om bijna de hele begroting",
        "en": "You ask the fund for almost the whole budget",
    },
    "message": {
        "nl": "Je vraagt het fonds om {facts.fonds_share_percent}% van de begroting. Het "
        "fonds betaalt hoogstens {facts.fonds_max_share_percent}%. Zoek ook geld bij andere "
        "financiers, of laat partners bijdragen in geld, tijd of ruimte.",
        "en": "You ask the fund for {facts.fonds_share_percent}% of the budget. The fund pays "
        "at most {facts.fonds_max_share_percent}%. Look for money from other funders as well, "
        "or let partners contribute money, time or space.",
    },
    "why": {
        "nl": "Veel fondsen betalen maar een deel van de kosten. Het Fonds voor "
        "Cultuurparticipatie betaalde in de regeling Erfgoed Maken bijvoorbeeld hoogstens 80% "
        "van projecten tot €25.000, en 50% van grotere projecten. Met meer financiers staat "
        "het project ook sterker: stopt er één, dan valt niet alles weg.",
        "en": "Many funds pay only part of the costs. In its scheme Erfgoed Maken, for "
        "example, the Fonds voor Cultuurparticipatie paid at most 80% of projects up to "
        "€25,000, and 50% of larger ones. Several funders also make a project stronger: when "
        "one stops, not everything falls away.",
    },
    "question": {
        "nl": "Welk deel van de totale begroting vraag je aan bij het fonds? Vul "
        "extensions.fonds.requested_amount_eur in en de bedragen onder [[funding.sources]].",
        "en": "What share of the total budget do you ask from the fund? Fill in "
        "extensions.fonds.requested_amount_eur and the amounts under [[funding.sources]].",
    },
    "actions": {
        "nl": [
            "Vraag de gemeente, een woningcorporatie of een ander fonds om een deel van het geld.",
            "Zet wat partners geven in de begroting, zoals een ruimte of uren van "
            'professionals (kind = "in_kind").',
            "Zet ook het bedrag dat je bij het fonds aanvraagt onder [[funding.sources]].",
        ],
        "en": [
            "Ask the municipality, a housing association or another fund for part of the money.",
            "Put what partners give in the budget, such as a room or hours of professionals "
            '(kind = "in_kind").',
            "List the amount you ask from the fund under [[funding.sources]] as well.",
        ],
    },
    "examples": (
        # €24,000 of €25,000: 96%
        {
            "fires": True,
            "project": _opted_in(
                {"requested_amount_eur": 24000},
                funding=_sources(("fund", 24000), ("project", 1000)),
            ),
        },
        # €24,000 of €40,000: 60%
        {
            "fires": False,
            "project": _opted_in(
                {"requested_amount_eur": 24000},
                funding=_sources(("fund", 24000), ("project", 16000)),
            ),
        },
        # the fund's own maximum of 50% replaces the default of 80%
        {
            "fires": True,
            "project": _opted_in(
                {"requested_amount_eur": 24000, "max_share_percent": 50},
                funding=_sources(("fund", 24000), ("project", 16000)),
            ),
        },
        # without [extensions.fonds] the rule is silent
        {"fires": False, "project": {"funding": _sources(("fund", 24000), ("project", 1000))}},
        # the requested amount is not given: ask
        {"asks": True, "project": _opted_in(funding=_sources(("fund", 24000)))},
    ),
}

_FND03: dict[str, Any] = {
    "code": "FND03",
    "name": "fonds.reach_below_target",
    "element": "fit_residents",
    "kind": "warning",
    "priority": "medium",
    "when": _reach_below_target,
    "needs": ("residents.expected_participants",),
    # NOTE: the reach target is the fund's figure, not the team's: without one the rule has
    # nothing to compare with and stays silent, instead of asking the team about it.
    "applies": {
        "when": "facts.fonds_opted_in and extensions.fonds.reach_target is not None",
        "needs": ["facts.fonds_opted_in"],
    },
    "phases": ("idea", "preparation", "execution"),
    "effort": "medium",
    "serves_needs": ("participation", "social_cohesion"),
    "evidence": "practice",
    "source": {lang: f"{_FCP_REACH[lang]}; {_MOVISIE}" for lang in ("nl", "en")},
    "title": {
        "nl": "Je verwacht minder deelnemers dan het fonds wil bereiken",
        "en": "You expect fewer participants than the fund wants to reach",
    },
    "message": {
        "nl": "Jullie verwachten {residents.expected_participants} deelnemers. Het fonds wil er "
        "{extensions.fonds.reach_target} bereiken. Maak een plan om meer bewoners te bereiken, "
        "of spreek met het fonds een ander doel af.",
        "en": "You expect {residents.expected_participants} participants. The fund wants to "
        "reach {extensions.fonds.reach_target}. Make a plan to reach more residents, or agree "
        "another target with the fund.",
    },
    "why": {
        "nl": "Fondsen kijken naar hoeveel mensen een project bereikt. Een regeling van het "
        "Fonds voor Cultuurparticipatie had bijvoorbeeld als doel dat meer mensen met kunst en "
        "cultuur in aanraking komen. Beloof je meer dan je verwacht, dan moet je dat later "
        "uitleggen. Bewoners bereik je vooral via mensen die ze al kennen.",
        "en": "Funds look at how many people a project reaches. One scheme of the Fonds voor "
        "Cultuurparticipatie, for example, aimed to bring more people into contact with arts "
        "and culture. If you promise more than you expect, you will have to explain it later. "
        "You reach residents mainly through people they already know.",
    },
    "question": {
        "nl": "Hoeveel bewoners verwachten jullie dat meedoen? Het fonds wil er "
        "{extensions.fonds.reach_target} bereiken. Vul residents.expected_participants in.",
        "en": "How many residents do you expect to take part? The fund wants to reach "
        "{extensions.fonds.reach_target}. Fill in residents.expected_participants.",
    },
    "actions": {
        "nl": [
            "Vraag sleutelpersonen om bewoners persoonlijk uit te nodigen.",
            "Haal drempels weg, zoals kosten, taal of een plek die ver weg is.",
            "Is het doel niet haalbaar? Spreek met het fonds een doel af dat bij jullie groep "
            "past.",
        ],
        "en": [
            "Ask key persons to invite residents personally.",
            "Remove barriers such as cost, language or a place that is far away.",
            "Is the target out of reach? Agree a target with the fund that fits your group.",
        ],
    },
    "examples": (
        {
            "fires": True,
            "project": _opted_in({"reach_target": 60}, residents={"expected_participants": 40}),
        },
        {
            "fires": False,
            "project": _opted_in({"reach_target": 60}, residents={"expected_participants": 60}),
        },
        # no target: nothing to compare with, and nothing to ask
        {"fires": False, "project": _opted_in(residents={"expected_participants": 40})},
        {"fires": False, "project": _opted_in(residents={"needs": ["participation"]})},
        # without [extensions.fonds] the rule is silent
        {"fires": False, "project": {"residents": {"expected_participants": 40}}},
        # reach not described: ask
        {"asks": True, "project": _opted_in({"reach_target": 60}, residents={"needs": ["pride"]})},
        {"asks": True, "project": _opted_in({"reach_target": 60})},
    ),
}

_FND04: dict[str, Any] = {
    "code": "FND04",
    "name": "fonds.application_not_in_funding_plan",
    "element": "sustainability",
    "kind": "recommendation",
    "priority": "low",
    # A plain condition is enough here; it is checked against the project model when the
    # rule is built, exactly as in a rule file.
    "when": 'not any(s.kind == "fund" for s in funding.sources)',
    "needs": ("funding.sources[].kind",),
    "phases": ("idea", "preparation"),
    "effort": "low",
    "evidence": "expert",
    "source": {
        "nl": "Ervaring van het team van interventie-advies-fonds: een fonds leest de aanvraag "
        "naast de hele begroting en hoe die betaald wordt. " + _FCP_FAQ["nl"],
        "en": "Expert judgement (interventie-advies-fonds): a fund reads the application "
        "against the whole budget and how it is paid for. " + _FCP_FAQ["en"],
    },
    "title": {
        "nl": "Zet de aanvraag bij het fonds in de begroting",
        "en": "Put the fund application in the funding plan",
    },
    "message": {
        "nl": "Onder [[funding.sources]] staat geen fonds. Voeg de aanvraag toe, met "
        'kind = "fund" en het bedrag dat je vraagt. Dan klopt de begroting, en kan dit '
        "advies het deel van het fonds uitrekenen.",
        "en": "No fund is listed under [[funding.sources]]. Add the application, with "
        'kind = "fund" and the amount you ask for. Then the funding plan is complete, and '
        "this advice can work out the fund's share.",
    },
    "why": {
        "nl": "Een fonds wil zien hoe het hele project betaald wordt: wat het fonds betaalt en "
        "wat anderen betalen. Staat de aanvraag er niet in, dan lijkt het project al betaald. "
        "Of het totaal klopt niet.",
        "en": "A fund wants to see how the whole project is paid for: what the fund pays and "
        "what others pay. When the application is missing, the project looks paid for "
        "already. Or the total is wrong.",
    },
    "question": {
        "nl": "Hoe wordt het project betaald? Geef bij elke bron onder [[funding.sources]] aan "
        "wat voor geld het is (kind).",
        "en": "How is the project paid for? Give the kind of every source under "
        "[[funding.sources]].",
    },
    "actions": {
        "nl": [
            'Voeg een [[funding.sources]] toe met de naam van het fonds, kind = "fund" en '
            "amount_eur.",
            "Kijk of alle bronnen samen de kosten in de begroting betalen.",
        ],
        "en": [
            'Add a [[funding.sources]] entry with the fund\'s name, kind = "fund" and amount_eur.',
            "Check that all sources together pay for the costs in the budget.",
        ],
    },
    "examples": (
        {"fires": True, "project": _opted_in(funding=_sources(("project", 18000)))},
        {
            "fires": False,
            "project": _opted_in(funding=_sources(("project", 18000), ("fund", 9000))),
        },
        {"fires": False, "project": {"funding": _sources(("project", 18000))}},
        {"asks": True, "project": _opted_in(funding={"sources": [{"name": "Gemeente"}]})},
    ),
}


#: what the rules are made from: a change to either writes ``_rules_data`` again (README)
SOURCES = (Path(__file__), Path(__file__).with_name("models.py"))


@functools.cache
def fonds_rules() -> tuple[Rule, ...]:
    """The fund's rules, validated and compiled once.

    Built on first use rather than at import: the engine imports every installed plugin
    when it starts, and only asks for rules when it needs them. As shipped (``_rules_data``,
    written by ``python -m interventie_advies.ship --python``) while :data:`SOURCES` are
    those it was written from; otherwise, or with a version of interventie-advies before
    shipped rules, validated here.
    """
    if not hasattr(interventie_advies, "shipped_rules"):
        return validated_rules()
    from . import _rules_data

    return tuple(interventie_advies.shipped_rules(_rules_data, SOURCES, load=validated_rules))


def validated_rules() -> tuple[Rule, ...]:
    """The fund's rules, validated and compiled from the definitions above."""
    return tuple(
        Rule.model_validate(
            {**data, "applies": data.get("applies", _OPTED_IN), "facts": FACTS, "origin": __name__},
            context=_CONTEXT,
        )
        for data in (_FND01, _FND02, _FND03, _FND04)
    )
