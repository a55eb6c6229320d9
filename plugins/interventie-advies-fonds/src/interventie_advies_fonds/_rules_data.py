"""Rules validated and compiled: generated from the rule files; do not edit.

Written by ``python -m interventie_advies.ship`` (docs/plugins.md).
``interventie_advies.shipped_rules`` uses it while FORMAT is the package's own and the rule files' checksum is CRC32.
"""

# ruff: noqa: E501
# fmt: off

from __future__ import annotations

from typing import Any

__all__ = ["CRC32", "FILES", "FORMAT", "SETTINGS", "build"]

#: the format of the calls below (``rulebook._rebuild.format_id``)
FORMAT = '2.0d6bea51'
#: the rule files, in their order
FILES = (
    'rules.py',
    'models.py',
)
#: the checksum of their names, sizes and bytes (``rulebook._shipped.checksum``)
CRC32 = '41411b1f'
#: what they were validated with
SETTINGS = {
    'plugin': '',
    'facts': (),
    'elements': (),
    'extensions': None,
}


def build(b: Any) -> list[Any]:
    """The rules, rebuilt as they were validated."""
    return [
        b.model('Rule',
            code='FND01',
            name='fonds.cost_per_participant_above_maximum',
            element='sustainability',
            kind='warning',
            priority='medium',
            facts=(
                'fonds_opted_in',
                'fonds_cost_per_participant_eur',
                'fonds_max_cost_per_participant_eur',
                'fonds_share_percent',
                'fonds_max_share_percent',
            ),
            when=b.function('interventie_advies_fonds.rules', '_cost_above_maximum'),
            needs=(
                'facts.funding_total_eur',
                'residents.expected_participants',
            ),
            phases=(
                'idea',
                'preparation',
            ),
            effort='medium',
            evidence='expert',
            source=b.model('LocalSource',
                nl="Ervaring van het team van interventie-advies-fonds; naar schatting hoogstens €1.000 per verwachte deelnemer als het fonds zelf geen grens noemt. Fonds voor Cultuurparticipatie, 'Veelgestelde vragen' (wie mag aanvragen en onder welke voorwaarden verschilt per regeling), https://cultuurparticipatie.nl/veelgestelde-vragen",
                en="Expert judgement (interventie-advies-fonds); default maximum €1,000 per expected participant when the fund gives none. Fonds voor Cultuurparticipatie, 'Veelgestelde vragen' (who can apply and on what conditions differs per scheme), https://cultuurparticipatie.nl/veelgestelde-vragen",
            ),
            title=b.model('LocalText',
                nl='Het project kost veel geld per deelnemer',
                en='The project costs a lot per participant',
            ),
            message=b.model('LocalText',
                nl='De begroting is ongeveer €{facts.fonds_cost_per_participant_eur} per verwachte deelnemer. De grens is €{facts.fonds_max_cost_per_participant_eur}: die van het fonds, of anders onze schatting. Bereik meer bewoners, maak het plan goedkoper, of leg in de aanvraag uit waarom het meer kost.',
                en="The budget comes to about €{facts.fonds_cost_per_participant_eur} per expected participant. The limit is €{facts.fonds_max_cost_per_participant_eur}: the fund's own, or else our estimate. Reach more residents, make the plan cheaper, or explain in the application why it costs more.",
            ),
            why=b.model('LocalText',
                nl='Een fonds wil dat zijn geld veel bewoners bereikt. Is het bedrag per deelnemer hoog, dan vraagt het fonds waarom. Soms is een hoog bedrag terecht, bijvoorbeeld voor een kleine groep die lang en intensief samenwerkt. Zeg dat dan zelf in de aanvraag.',
                en='A fund wants its money to reach many residents. When the amount per participant is high, the fund will ask why. Sometimes a high amount is right, for example for a small group that works together closely for a long time. Then say so yourself in the application.',
            ),
            question=b.model('LocalText',
                nl='Wat kost het project per deelnemer? Vul residents.expected_participants in en de bedragen onder [[funding.sources]].',
                en='What does the project cost per participant? Fill in residents.expected_participants and the amounts under [[funding.sources]].',
            ),
            actions=b.model('LocalList',
                nl=[
                    'Vraag sleutelpersonen en partners om meer bewoners uit te nodigen.',
                    'Kijk welke kosten lager kunnen, zonder dat de kunst minder goed wordt.',
                    'Leg in de aanvraag uit wat jullie aanpak per deelnemer oplevert.',
                ],
                en=[
                    'Ask key persons and partners to invite more residents.',
                    'Look for costs that can come down without making the art worse.',
                    'Explain in the application what your approach brings each participant.',
                ],
            ),
            applies=b.model('Guard',
                when='facts.fonds_opted_in',
                needs=[
                    'facts.fonds_opted_in',
                ],
                _private={
                    '_needs': (
                        b.need('facts.fonds_opted_in', (('facts', False), ('fonds_opted_in', False))),
                    ),
                    '_code': b.condition('facts.fonds_opted_in'),
                },
            ),
            examples=(
                b.model('Example',
                    fires=True,
                    project={
                        'residents': {
                            'expected_participants': 10,
                        },
                        'funding': {
                            'sources': [
                                {
                                    'name': 'Bron 1',
                                    'kind': 'fund',
                                    'amount_eur': 20000,
                                },
                            ],
                        },
                        'extensions': {
                            'fonds': {},
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'expected_participants': 100,
                        },
                        'funding': {
                            'sources': [
                                {
                                    'name': 'Bron 1',
                                    'kind': 'fund',
                                    'amount_eur': 20000,
                                },
                            ],
                        },
                        'extensions': {
                            'fonds': {},
                        },
                    },
                ),
                b.model('Example',
                    fires=True,
                    project={
                        'residents': {
                            'expected_participants': 100,
                        },
                        'funding': {
                            'sources': [
                                {
                                    'name': 'Bron 1',
                                    'kind': 'fund',
                                    'amount_eur': 20000,
                                },
                            ],
                        },
                        'extensions': {
                            'fonds': {
                                'max_cost_per_participant_eur': 150,
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=True,
                    project={
                        'residents': {
                            'expected_participants': 0,
                        },
                        'funding': {
                            'sources': [
                                {
                                    'name': 'Bron 1',
                                    'kind': 'project',
                                    'amount_eur': 500,
                                },
                            ],
                        },
                        'extensions': {
                            'fonds': {},
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'expected_participants': 10,
                        },
                        'funding': {
                            'sources': [
                                {
                                    'name': 'Bron 1',
                                    'kind': 'fund',
                                    'amount_eur': 20000,
                                },
                            ],
                        },
                    },
                ),
                b.model('Example',
                    asks=True,
                    project={
                        'residents': {
                            'needs': [
                                'loneliness',
                            ],
                        },
                        'funding': {
                            'sources': [
                                {
                                    'name': 'Bron 1',
                                    'kind': 'fund',
                                    'amount_eur': 1,
                                },
                            ],
                        },
                        'extensions': {
                            'fonds': {},
                        },
                    },
                ),
                b.model('Example',
                    asks=True,
                    project={
                        'residents': {
                            'expected_participants': 10,
                        },
                        'extensions': {
                            'fonds': {},
                        },
                    },
                ),
            ),
            origin='interventie_advies_fonds.rules',
            _private={
                '_needs': (
                    b.need('facts.funding_total_eur', (('facts', False), ('funding_total_eur', False))),
                    b.need('residents.expected_participants', (('residents', False), ('expected_participants', False))),
                ),
                '_facts_read': (
                    'fonds_cost_per_participant_eur',
                    'fonds_max_cost_per_participant_eur',
                    'fonds_max_share_percent',
                    'fonds_opted_in',
                    'fonds_share_percent',
                ),
            },
        ),
        b.model('Rule',
            code='FND02',
            name='fonds.request_share_above_maximum',
            element='sustainability',
            kind='warning',
            priority='high',
            facts=(
                'fonds_opted_in',
                'fonds_cost_per_participant_eur',
                'fonds_max_cost_per_participant_eur',
                'fonds_share_percent',
                'fonds_max_share_percent',
            ),
            when=b.function('interventie_advies_fonds.rules', '_share_above_maximum'),
            needs=(
                'extensions.fonds.requested_amount_eur',
                'facts.funding_total_eur',
            ),
            phases=(
                'idea',
                'preparation',
            ),
            effort='medium',
            evidence='practice',
            source=b.model('LocalSource',
                nl="Kenniscentrum Immaterieel Erfgoed Nederland, 'Nieuwe Subsidie van Fonds voor Cultuurparticipatie' (regeling Erfgoed Maken, 2022: tot 100%, 80% of 50% van de totale projectkosten, per categorie), https://www.immaterieelerfgoed.nl/nl/page/14318/nieuwe-subsidie-van-fonds-voor-cultuurparticipatie",
                en="Kenniscentrum Immaterieel Erfgoed Nederland, 'Nieuwe Subsidie van Fonds voor Cultuurparticipatie' (scheme Erfgoed Maken, 2022: up to 100%, 80% or 50% of the total project costs, by category), https://www.immaterieelerfgoed.nl/nl/page/14318/nieuwe-subsidie-van-fonds-voor-cultuurparticipatie",
            ),
            title=b.model('LocalText',
                nl='Je vraagt het fonds om bijna de hele begroting',
                en='You ask the fund for almost the whole budget',
            ),
            message=b.model('LocalText',
                nl='Je vraagt het fonds om {facts.fonds_share_percent}% van de begroting. Het fonds betaalt hoogstens {facts.fonds_max_share_percent}%. Zoek ook geld bij andere financiers, of laat partners bijdragen in geld, tijd of ruimte.',
                en='You ask the fund for {facts.fonds_share_percent}% of the budget. The fund pays at most {facts.fonds_max_share_percent}%. Look for money from other funders as well, or let partners contribute money, time or space.',
            ),
            why=b.model('LocalText',
                nl='Veel fondsen betalen maar een deel van de kosten. Het Fonds voor Cultuurparticipatie betaalde in de regeling Erfgoed Maken bijvoorbeeld hoogstens 80% van projecten tot €25.000, en 50% van grotere projecten. Met meer financiers staat het project ook sterker: stopt er één, dan valt niet alles weg.',
                en='Many funds pay only part of the costs. In its scheme Erfgoed Maken, for example, the Fonds voor Cultuurparticipatie paid at most 80% of projects up to €25,000, and 50% of larger ones. Several funders also make a project stronger: when one stops, not everything falls away.',
            ),
            question=b.model('LocalText',
                nl='Welk deel van de totale begroting vraag je aan bij het fonds? Vul extensions.fonds.requested_amount_eur in en de bedragen onder [[funding.sources]].',
                en='What share of the total budget do you ask from the fund? Fill in extensions.fonds.requested_amount_eur and the amounts under [[funding.sources]].',
            ),
            actions=b.model('LocalList',
                nl=[
                    'Vraag de gemeente, een woningcorporatie of een ander fonds om een deel van het geld.',
                    'Zet wat partners geven in de begroting, zoals een ruimte of uren van professionals (kind = "in_kind").',
                    'Zet ook het bedrag dat je bij het fonds aanvraagt onder [[funding.sources]].',
                ],
                en=[
                    'Ask the municipality, a housing association or another fund for part of the money.',
                    'Put what partners give in the budget, such as a room or hours of professionals (kind = "in_kind").',
                    'List the amount you ask from the fund under [[funding.sources]] as well.',
                ],
            ),
            applies=b.model('Guard',
                when='facts.fonds_opted_in',
                needs=[
                    'facts.fonds_opted_in',
                ],
                _private={
                    '_needs': (
                        b.need('facts.fonds_opted_in', (('facts', False), ('fonds_opted_in', False))),
                    ),
                    '_code': b.condition('facts.fonds_opted_in'),
                },
            ),
            examples=(
                b.model('Example',
                    fires=True,
                    project={
                        'funding': {
                            'sources': [
                                {
                                    'name': 'Bron 1',
                                    'kind': 'fund',
                                    'amount_eur': 24000,
                                },
                                {
                                    'name': 'Bron 2',
                                    'kind': 'project',
                                    'amount_eur': 1000,
                                },
                            ],
                        },
                        'extensions': {
                            'fonds': {
                                'requested_amount_eur': 24000,
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'funding': {
                            'sources': [
                                {
                                    'name': 'Bron 1',
                                    'kind': 'fund',
                                    'amount_eur': 24000,
                                },
                                {
                                    'name': 'Bron 2',
                                    'kind': 'project',
                                    'amount_eur': 16000,
                                },
                            ],
                        },
                        'extensions': {
                            'fonds': {
                                'requested_amount_eur': 24000,
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=True,
                    project={
                        'funding': {
                            'sources': [
                                {
                                    'name': 'Bron 1',
                                    'kind': 'fund',
                                    'amount_eur': 24000,
                                },
                                {
                                    'name': 'Bron 2',
                                    'kind': 'project',
                                    'amount_eur': 16000,
                                },
                            ],
                        },
                        'extensions': {
                            'fonds': {
                                'requested_amount_eur': 24000,
                                'max_share_percent': 50,
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'funding': {
                            'sources': [
                                {
                                    'name': 'Bron 1',
                                    'kind': 'fund',
                                    'amount_eur': 24000,
                                },
                                {
                                    'name': 'Bron 2',
                                    'kind': 'project',
                                    'amount_eur': 1000,
                                },
                            ],
                        },
                    },
                ),
                b.model('Example',
                    asks=True,
                    project={
                        'funding': {
                            'sources': [
                                {
                                    'name': 'Bron 1',
                                    'kind': 'fund',
                                    'amount_eur': 24000,
                                },
                            ],
                        },
                        'extensions': {
                            'fonds': {},
                        },
                    },
                ),
            ),
            origin='interventie_advies_fonds.rules',
            _private={
                '_needs': (
                    b.need('extensions.fonds.requested_amount_eur', (('extensions', False), ('fonds', False), ('requested_amount_eur', False))),
                    b.need('facts.funding_total_eur', (('facts', False), ('funding_total_eur', False))),
                ),
                '_facts_read': (
                    'fonds_cost_per_participant_eur',
                    'fonds_max_cost_per_participant_eur',
                    'fonds_max_share_percent',
                    'fonds_opted_in',
                    'fonds_share_percent',
                ),
            },
        ),
        b.model('Rule',
            code='FND03',
            name='fonds.reach_below_target',
            element='fit_residents',
            kind='warning',
            priority='medium',
            facts=(
                'fonds_opted_in',
                'fonds_cost_per_participant_eur',
                'fonds_max_cost_per_participant_eur',
                'fonds_share_percent',
                'fonds_max_share_percent',
            ),
            when=b.function('interventie_advies_fonds.rules', '_reach_below_target'),
            needs=(
                'residents.expected_participants',
            ),
            phases=(
                'idea',
                'preparation',
                'execution',
            ),
            effort='medium',
            serves_needs=(
                'participation',
                'social_cohesion',
            ),
            evidence='practice',
            source=b.model('LocalSource',
                nl="Research voor Beleid (Panteia) voor het Fonds voor Cultuurparticipatie, 'Evaluatie Regeling Cultuurparticipatie 2009-2012' (doel van de regeling: meer mensen in contact met kunst en cultuur), https://panteia.nl/onderzoeken/evaluatie-regeling-cultuurparticipatie-2009-2012/; Movisie, 'Kunst vergroot leefbaarheid van kwetsbare wijken' (factsheet), www.movisie.nl/kunst",
                en="Research voor Beleid (Panteia) for the Fonds voor Cultuurparticipatie, 'Evaluatie Regeling Cultuurparticipatie 2009-2012' (aim of the scheme: more people in contact with arts and culture), https://panteia.nl/onderzoeken/evaluatie-regeling-cultuurparticipatie-2009-2012/; Movisie, 'Kunst vergroot leefbaarheid van kwetsbare wijken' (factsheet), www.movisie.nl/kunst",
            ),
            title=b.model('LocalText',
                nl='Je verwacht minder deelnemers dan het fonds wil bereiken',
                en='You expect fewer participants than the fund wants to reach',
            ),
            message=b.model('LocalText',
                nl='Jullie verwachten {residents.expected_participants} deelnemers. Het fonds wil er {extensions.fonds.reach_target} bereiken. Maak een plan om meer bewoners te bereiken, of spreek met het fonds een ander doel af.',
                en='You expect {residents.expected_participants} participants. The fund wants to reach {extensions.fonds.reach_target}. Make a plan to reach more residents, or agree another target with the fund.',
            ),
            why=b.model('LocalText',
                nl='Fondsen kijken naar hoeveel mensen een project bereikt. Een regeling van het Fonds voor Cultuurparticipatie had bijvoorbeeld als doel dat meer mensen met kunst en cultuur in aanraking komen. Beloof je meer dan je verwacht, dan moet je dat later uitleggen. Bewoners bereik je vooral via mensen die ze al kennen.',
                en='Funds look at how many people a project reaches. One scheme of the Fonds voor Cultuurparticipatie, for example, aimed to bring more people into contact with arts and culture. If you promise more than you expect, you will have to explain it later. You reach residents mainly through people they already know.',
            ),
            question=b.model('LocalText',
                nl='Hoeveel bewoners verwachten jullie dat meedoen? Het fonds wil er {extensions.fonds.reach_target} bereiken. Vul residents.expected_participants in.',
                en='How many residents do you expect to take part? The fund wants to reach {extensions.fonds.reach_target}. Fill in residents.expected_participants.',
            ),
            actions=b.model('LocalList',
                nl=[
                    'Vraag sleutelpersonen om bewoners persoonlijk uit te nodigen.',
                    'Haal drempels weg, zoals kosten, taal of een plek die ver weg is.',
                    'Is het doel niet haalbaar? Spreek met het fonds een doel af dat bij jullie groep past.',
                ],
                en=[
                    'Ask key persons to invite residents personally.',
                    'Remove barriers such as cost, language or a place that is far away.',
                    'Is the target out of reach? Agree a target with the fund that fits your group.',
                ],
            ),
            applies=b.model('Guard',
                when='facts.fonds_opted_in and extensions.fonds.reach_target is not None',
                needs=[
                    'facts.fonds_opted_in',
                ],
                _private={
                    '_needs': (
                        b.need('facts.fonds_opted_in', (('facts', False), ('fonds_opted_in', False))),
                    ),
                    '_code': b.condition('facts.fonds_opted_in and extensions.fonds.reach_target is not None'),
                },
            ),
            examples=(
                b.model('Example',
                    fires=True,
                    project={
                        'residents': {
                            'expected_participants': 40,
                        },
                        'extensions': {
                            'fonds': {
                                'reach_target': 60,
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'expected_participants': 60,
                        },
                        'extensions': {
                            'fonds': {
                                'reach_target': 60,
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'expected_participants': 40,
                        },
                        'extensions': {
                            'fonds': {},
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'needs': [
                                'participation',
                            ],
                        },
                        'extensions': {
                            'fonds': {},
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'expected_participants': 40,
                        },
                    },
                ),
                b.model('Example',
                    asks=True,
                    project={
                        'residents': {
                            'needs': [
                                'pride',
                            ],
                        },
                        'extensions': {
                            'fonds': {
                                'reach_target': 60,
                            },
                        },
                    },
                ),
                b.model('Example',
                    asks=True,
                    project={
                        'extensions': {
                            'fonds': {
                                'reach_target': 60,
                            },
                        },
                    },
                ),
            ),
            origin='interventie_advies_fonds.rules',
            _private={
                '_needs': (
                    b.need('residents.expected_participants', (('residents', False), ('expected_participants', False))),
                ),
                '_facts_read': (
                    'fonds_cost_per_participant_eur',
                    'fonds_max_cost_per_participant_eur',
                    'fonds_max_share_percent',
                    'fonds_opted_in',
                    'fonds_share_percent',
                ),
            },
        ),
        b.model('Rule',
            code='FND04',
            name='fonds.application_not_in_funding_plan',
            element='sustainability',
            kind='recommendation',
            priority='low',
            facts=(
                'fonds_opted_in',
                'fonds_cost_per_participant_eur',
                'fonds_max_cost_per_participant_eur',
                'fonds_share_percent',
                'fonds_max_share_percent',
            ),
            when='not any(s.kind == "fund" for s in funding.sources)',
            needs=(
                'funding.sources[].kind',
            ),
            phases=(
                'idea',
                'preparation',
            ),
            effort='low',
            evidence='expert',
            source=b.model('LocalSource',
                nl="Ervaring van het team van interventie-advies-fonds: een fonds leest de aanvraag naast de hele begroting en hoe die betaald wordt. Fonds voor Cultuurparticipatie, 'Veelgestelde vragen' (wie mag aanvragen en onder welke voorwaarden verschilt per regeling), https://cultuurparticipatie.nl/veelgestelde-vragen",
                en="Expert judgement (interventie-advies-fonds): a fund reads the application against the whole budget and how it is paid for. Fonds voor Cultuurparticipatie, 'Veelgestelde vragen' (who can apply and on what conditions differs per scheme), https://cultuurparticipatie.nl/veelgestelde-vragen",
            ),
            title=b.model('LocalText',
                nl='Zet de aanvraag bij het fonds in de begroting',
                en='Put the fund application in the funding plan',
            ),
            message=b.model('LocalText',
                nl='Onder [[funding.sources]] staat geen fonds. Voeg de aanvraag toe, met kind = "fund" en het bedrag dat je vraagt. Dan klopt de begroting, en kan dit advies het deel van het fonds uitrekenen.',
                en='No fund is listed under [[funding.sources]]. Add the application, with kind = "fund" and the amount you ask for. Then the funding plan is complete, and this advice can work out the fund\'s share.',
            ),
            why=b.model('LocalText',
                nl='Een fonds wil zien hoe het hele project betaald wordt: wat het fonds betaalt en wat anderen betalen. Staat de aanvraag er niet in, dan lijkt het project al betaald. Of het totaal klopt niet.',
                en='A fund wants to see how the whole project is paid for: what the fund pays and what others pay. When the application is missing, the project looks paid for already. Or the total is wrong.',
            ),
            question=b.model('LocalText',
                nl='Hoe wordt het project betaald? Geef bij elke bron onder [[funding.sources]] aan wat voor geld het is (kind).',
                en='How is the project paid for? Give the kind of every source under [[funding.sources]].',
            ),
            actions=b.model('LocalList',
                nl=[
                    'Voeg een [[funding.sources]] toe met de naam van het fonds, kind = "fund" en amount_eur.',
                    'Kijk of alle bronnen samen de kosten in de begroting betalen.',
                ],
                en=[
                    'Add a [[funding.sources]] entry with the fund\'s name, kind = "fund" and amount_eur.',
                    'Check that all sources together pay for the costs in the budget.',
                ],
            ),
            applies=b.model('Guard',
                when='facts.fonds_opted_in',
                needs=[
                    'facts.fonds_opted_in',
                ],
                _private={
                    '_needs': (
                        b.need('facts.fonds_opted_in', (('facts', False), ('fonds_opted_in', False))),
                    ),
                    '_code': b.condition('facts.fonds_opted_in'),
                },
            ),
            examples=(
                b.model('Example',
                    fires=True,
                    project={
                        'funding': {
                            'sources': [
                                {
                                    'name': 'Bron 1',
                                    'kind': 'project',
                                    'amount_eur': 18000,
                                },
                            ],
                        },
                        'extensions': {
                            'fonds': {},
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'funding': {
                            'sources': [
                                {
                                    'name': 'Bron 1',
                                    'kind': 'project',
                                    'amount_eur': 18000,
                                },
                                {
                                    'name': 'Bron 2',
                                    'kind': 'fund',
                                    'amount_eur': 9000,
                                },
                            ],
                        },
                        'extensions': {
                            'fonds': {},
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'funding': {
                            'sources': [
                                {
                                    'name': 'Bron 1',
                                    'kind': 'project',
                                    'amount_eur': 18000,
                                },
                            ],
                        },
                    },
                ),
                b.model('Example',
                    asks=True,
                    project={
                        'funding': {
                            'sources': [
                                {
                                    'name': 'Gemeente',
                                },
                            ],
                        },
                        'extensions': {
                            'fonds': {},
                        },
                    },
                ),
            ),
            origin='interventie_advies_fonds.rules',
            _private={
                '_code': b.condition('not any(s.kind == "fund" for s in funding.sources)', 'FND04', ()),
                '_needs': (
                    b.need('funding.sources[].kind', (('funding', False), ('sources', True), ('kind', False))),
                ),
                '_facts_read': (
                    'fonds_cost_per_participant_eur',
                    'fonds_max_cost_per_participant_eur',
                    'fonds_max_share_percent',
                    'fonds_opted_in',
                    'fonds_share_percent',
                ),
            },
        ),
    ]
