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
    'jeugd.toml',
)
#: the checksum of their names, sizes and bytes (``rulebook._shipped.checksum``)
CRC32 = '1b9c82d4'
#: what they were validated with
SETTINGS = {
    'plugin': '',
    'facts': (
        'jeugd_project',
        'jeugd_minors',
        'jeugd_under_16',
        'jeugd_school_or_youth_partner',
        'jeugd_partner_stays',
        'jeugd_parental_consent',
        'jeugd_peer_leaders',
        'jeugd_channel_adult_moderator',
        'jeugd_channel_agreements',
        'jeugd_activity_times',
        'jeugd_vog_checked',
        'jeugd_transport_home',
    ),
    'elements': (),
    'extensions': {
        'jeugd': 'interventie_advies_jeugd.models.JeugdModel',
    },
}


def build(b: Any) -> list[Any]:
    """The rules, rebuilt as they were validated."""
    return [
        b.model('Rule',
            code='JGD01',
            name='jeugd.school_or_youth_partner',
            element='key_persons',
            kind='recommendation',
            theme='resident_link',
            priority='high',
            when='facts.jeugd_school_or_youth_partner is False',
            needs=(
                'facts.jeugd_project',
                'facts.jeugd_school_or_youth_partner',
            ),
            phases=(
                'idea',
                'preparation',
            ),
            effort='medium',
            serves_needs=(
                'participation',
                'talent_development',
                'social_cohesion',
            ),
            evidence='practice',
            source="Movisie, 'Kunst vergroot leefbaarheid van kwetsbare wijken' (factsheet), www.movisie.nl/kunst (tip: werk samen met wie de bewoners kent); Nederlands Jeugdinstituut (NJi), 'Wat is jeugdparticipatie?', https://www.nji.nl/ervaringskennis/wat-is-jeugdparticipatie",
            title=b.model('LocalText',
                nl='Werk samen met een school of het jongerenwerk',
                en='Work with a school or youth work',
            ),
            message=b.model('LocalText',
                nl='Het project is voor jongeren of kinderen, maar er doet geen school of jongerenwerk mee. Vraag een school, het jongerenwerk of het kinderwerk in de buurt om partner te worden.',
                en="The project is for young people or children, but no school or youth work takes part. Ask a school, youth work or children's work in the neighbourhood to become a partner.",
            ),
            why=b.model('LocalText',
                nl='Movisie raadt aan samen te werken met wie de bewoners al kent. Bij jongeren zijn dat vaak leraren en jongerenwerkers. Zij hebben het vertrouwen van de jongeren, weten wat er speelt en kennen de ouders. Via hen bereik je ook jongeren die niet vanzelf komen.',
                en="Movisie advises working with people who already know the residents. For young people, these are often teachers and youth workers. They have the young people's trust, know what is going on and know the parents. Through them you also reach young people who would not come on their own.",
            ),
            question=b.model('LocalText',
                nl='Werkt er een school of jongerenwerk mee als partner? Voeg voor elke partner een [[partners]] toe, met domain en role.',
                en='Is a school or youth work among the partners? Add a [[partners]] table for each partner, with domain and role.',
            ),
            actions=b.model('LocalList',
                nl=[
                    'Vraag het jongerenwerk of een school in de buurt wie de jongeren het best kent.',
                    'Nodig een jongerenwerker of leraar uit bij de eerste bijeenkomsten, zodat de jongeren een bekend gezicht zien.',
                    'Spreek af wat de partner doet: jongeren werven, begeleiden, een lokaal geven of contact houden met ouders.',
                    'Doet een sociale partner al jongerenwerk? Zet dat dan in role, zodat het advies het weet.',
                ],
                en=[
                    'Ask youth work or a school in the neighbourhood who knows the young people best.',
                    'Invite a youth worker or teacher to the first sessions, so the young people see a familiar face.',
                    'Agree what the partner does: recruiting young people, supporting them, providing a room or keeping in touch with parents.',
                    'Does a social partner already do youth work? Then say so in its role, so the advice knows.',
                ],
            ),
            applies=b.model('Guard',
                when='facts.jeugd_project',
                needs=[
                    'facts.jeugd_project',
                ],
                _private={
                    '_needs': (
                        b.need('facts.jeugd_project', (('facts', False), ('jeugd_project', False))),
                    ),
                    '_code': b.condition('facts.jeugd_project'),
                },
            ),
            examples=(
                b.model('Example',
                    fires=True,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'partners': [
                            {
                                'name': 'Theater De Kei',
                                'domain': 'cultural',
                            },
                            {
                                'name': 'Welzijn Oost',
                                'domain': 'social',
                                'role': 'opbouwwerk voor volwassenen',
                            },
                        ],
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'target_groups': [
                                'children',
                            ],
                        },
                        'partners': [
                            {
                                'name': 'Basisschool De Regenboog',
                                'domain': 'education',
                            },
                        ],
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'partners': [
                            {
                                'name': 'Welzijn Oost',
                                'domain': 'social',
                                'role': 'jongerenwerk en kinderwerk',
                            },
                        ],
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'target_groups': [
                                'elderly',
                            ],
                        },
                        'partners': [
                            {
                                'name': 'Theater De Kei',
                                'domain': 'cultural',
                            },
                        ],
                    },
                ),
                b.model('Example',
                    asks=True,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                    },
                ),
            ),
            origin=b.origins[0],
            _private={
                '_code': b.condition('facts.jeugd_school_or_youth_partner is False'),
                '_needs': (
                    b.need('facts.jeugd_project', (('facts', False), ('jeugd_project', False))),
                    b.need('facts.jeugd_school_or_youth_partner', (('facts', False), ('jeugd_school_or_youth_partner', False))),
                ),
                '_facts_read': (
                    'jeugd_activity_times',
                    'jeugd_channel_adult_moderator',
                    'jeugd_channel_agreements',
                    'jeugd_minors',
                    'jeugd_parental_consent',
                    'jeugd_partner_stays',
                    'jeugd_peer_leaders',
                    'jeugd_project',
                    'jeugd_school_or_youth_partner',
                    'jeugd_transport_home',
                    'jeugd_under_16',
                    'jeugd_vog_checked',
                ),
            },
        ),
        b.model('Rule',
            code='JGD02',
            name='jeugd.parental_consent',
            element='fit_residents',
            kind='recommendation',
            priority='medium',
            when='facts.jeugd_minors is True and facts.jeugd_parental_consent is False',
            needs=(
                'facts.jeugd_project',
                'facts.jeugd_minors',
                'facts.jeugd_parental_consent',
            ),
            phases=(
                'preparation',
                'execution',
            ),
            effort='low',
            serves_needs=(
                'safety',
                'participation',
            ),
            evidence='expert',
            source='Autoriteit Persoonsgegevens, toestemming van ouders voor kinderen onder de 16 jaar (AVG artikel 8; Uitvoeringswet AVG artikel 5), www.autoriteitpersoonsgegevens.nl',
            title=b.model('LocalText',
                nl='Vraag ouders om toestemming',
                en='Ask parents for consent',
            ),
            message=b.model('LocalText',
                nl="Er doen jongeren onder de 18 mee, maar de toestemming van hun ouders of verzorgers is nog niet geregeld. Vraag die op papier: voor meedoen, voor foto's en film, en voor het bewaren van telefoonnummers.",
                en='Young people under 18 take part, but consent from their parents or carers is not arranged yet. Ask for it in writing: for taking part, for photos and film, and for keeping phone numbers.',
            ),
            why=b.model('LocalText',
                nl="Heb je toestemming nodig voor foto's, film of telefoonnummers? Bij kinderen onder de 16 moet een ouder die toestemming geven. Dat staat in de privacywet (AVG). Bij 16 en 17 jaar is dat geen plicht, maar ouders willen wel weten waar hun kind is. Als ouders het project kennen en vertrouwen, blijven jongeren makkelijker komen.",
                en='Do you need consent for photos, film or phone numbers? For children under 16, a parent must give it; that is the Dutch rule under the GDPR (AVG). At 16 and 17 this is not required, but parents do want to know where their child is. When parents know and trust the project, young people keep coming more easily.',
            ),
            question=b.model('LocalText',
                nl='Hebben de ouders van jongeren onder de 18 toestemming gegeven? Vul bij [extensions.jeugd] min_age en max_age (of minors) en parental_consent in.',
                en='Have the parents of young people under 18 given consent? Fill in min_age and max_age (or minors) and parental_consent under [extensions.jeugd].',
            ),
            actions=b.model('LocalList',
                nl=[
                    'Maak één kort toestemmingsformulier in eenvoudige taal, zo nodig ook in de talen die de ouders spreken.',
                    "Laat ouders apart kiezen: meedoen, foto's en film binnen de groep, en foto's en film in het openbaar.",
                    'Bewaar de formulieren op één veilige plek en spreek af wie ze mag inzien.',
                    'Vertel ouders bij een kennismaking wat jullie gaan doen, bijvoorbeeld via de school of het jongerenwerk.',
                ],
                en=[
                    'Make one short consent form in plain language, if needed also in the languages the parents speak.',
                    'Let parents choose separately: taking part, photos and film within the group, and photos and film in public.',
                    'Keep the forms in one safe place and agree who may see them.',
                    'Tell parents what you are going to do at an introduction, for example through the school or youth work.',
                ],
            ),
            applies=b.model('Guard',
                when='facts.jeugd_project and facts.jeugd_minors is not False',
                needs=[
                    'facts.jeugd_project',
                ],
                _private={
                    '_needs': (
                        b.need('facts.jeugd_project', (('facts', False), ('jeugd_project', False))),
                    ),
                    '_code': b.condition('facts.jeugd_project and facts.jeugd_minors is not False'),
                },
            ),
            adjust=(
                b.model('Adjustment',
                    when='facts.jeugd_under_16',
                    needs=[
                        'facts.jeugd_under_16',
                    ],
                    priority='high',
                    reason=b.model('LocalText',
                        nl="verhoogd: er doen kinderen onder de 16 mee; voor hun foto's en gegevens moet een ouder toestemming geven (AVG)",
                        en='raised: children under 16 take part; a parent must consent to the use of their photos and data (GDPR, AVG)',
                    ),
                    _private={
                        '_needs': (
                            b.need('facts.jeugd_under_16', (('facts', False), ('jeugd_under_16', False))),
                        ),
                        '_code': b.condition('facts.jeugd_under_16'),
                    },
                ),
                b.model('Adjustment',
                    when='any(f in ("film", "photography", "digital") for f in art.forms)',
                    needs=[
                        'art.forms',
                    ],
                    priority='high',
                    reason=b.model('LocalText',
                        nl='verhoogd: het project maakt beelden van jongeren',
                        en='raised: the project makes images of young people',
                    ),
                    _private={
                        '_needs': (
                            b.need('art.forms', (('art', False), ('forms', False))),
                        ),
                        '_code': b.condition('any(f in ("film", "photography", "digital") for f in art.forms)', 'JGD02', ()),
                    },
                ),
            ),
            examples=(
                b.model('Example',
                    fires=True,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'extensions': {
                            'jeugd': {
                                'min_age': 16,
                                'max_age': 17,
                                'parental_consent': False,
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=True,
                    project={
                        'residents': {
                            'target_groups': [
                                'children',
                            ],
                        },
                        'art': {
                            'forms': [
                                'film',
                            ],
                        },
                        'extensions': {
                            'jeugd': {
                                'parental_consent': False,
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'extensions': {
                            'jeugd': {
                                'min_age': 12,
                                'max_age': 16,
                                'parental_consent': True,
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'extensions': {
                            'jeugd': {
                                'min_age': 18,
                                'max_age': 23,
                            },
                        },
                    },
                ),
                b.model('Example',
                    asks=True,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                    },
                ),
            ),
            origin=b.origins[0],
            _private={
                '_code': b.condition('facts.jeugd_minors is True and facts.jeugd_parental_consent is False'),
                '_needs': (
                    b.need('facts.jeugd_project', (('facts', False), ('jeugd_project', False))),
                    b.need('facts.jeugd_minors', (('facts', False), ('jeugd_minors', False))),
                    b.need('facts.jeugd_parental_consent', (('facts', False), ('jeugd_parental_consent', False))),
                ),
                '_facts_read': (
                    'jeugd_activity_times',
                    'jeugd_channel_adult_moderator',
                    'jeugd_channel_agreements',
                    'jeugd_minors',
                    'jeugd_parental_consent',
                    'jeugd_partner_stays',
                    'jeugd_peer_leaders',
                    'jeugd_project',
                    'jeugd_school_or_youth_partner',
                    'jeugd_transport_home',
                    'jeugd_under_16',
                    'jeugd_vog_checked',
                ),
            },
        ),
        b.model('Rule',
            code='JGD03',
            name='jeugd.peer_leaders',
            element='key_persons',
            kind='recommendation',
            priority='medium',
            when='facts.jeugd_peer_leaders is False',
            needs=(
                'facts.jeugd_project',
                'facts.jeugd_peer_leaders',
            ),
            phases=(
                'preparation',
                'execution',
            ),
            effort='medium',
            serves_needs=(
                'participation',
                'talent_development',
                'pride',
            ),
            evidence='research',
            source="Manders, W., Metz, J. en Sonneveld, J. (2017), 'Literatuuronderzoek peer-to-peer in het jongerenwerk', Hogeschool van Amsterdam, lectoraat Youth Spot; Hart, R. (1992), 'Children's participation: from tokenism to citizenship', UNICEF, Innocenti Essays nr. 4",
            title=b.model('LocalText',
                nl='Laat jongeren meeleiden',
                en='Let young people help lead',
            ),
            message=b.model('LocalText',
                nl='Geef een paar jongeren een rol als jongerenleider. Ze helpen bij de workshops, halen leeftijdsgenoten erbij en denken mee over keuzes. Geef ze begeleiding en iets terug, zoals een certificaat.',
                en='Give a few young people a role as peer leaders. They help run the workshops, bring in others their age and help make choices. Give them support and something in return, such as a certificate.',
            ),
            why=b.model('LocalText',
                nl='Jongeren luisteren vaak beter naar leeftijdsgenoten dan naar volwassenen. Daarom werkt het jongerenwerk veel met peers: jongeren die andere jongeren begeleiden. Op de participatieladder van de Amerikaanse onderzoeker Roger Hart is meedoen nog geen meebeslissen. Jongerenleiders kunnen het project bovendien voortzetten als de professionals weggaan.',
                en='Young people often listen to their peers more than to adults. That is why youth work often works with peers: young people who guide other young people. On the ladder of participation of the American researcher Roger Hart, taking part is not yet having a say. Peer leaders can also carry the project on when the professionals leave.',
            ),
            question=b.model('LocalText',
                nl='Helpen jongeren zelf mee met leiden, als jongerenleider? Vul peer_leaders in bij [extensions.jeugd].',
                en='Do young people help lead, as peer leaders? Fill in peer_leaders under [extensions.jeugd].',
            ),
            actions=b.model('LocalList',
                nl=[
                    'Vraag jongeren die vaak komen of ze een taak willen, zoals de opwarming leiden of nieuwe deelnemers welkom heten.',
                    'Plan een vast moment waarop een professional de jongerenleiders begeleidt.',
                    'Geef iets terug: een certificaat, een referentie voor school of werk, of een kleine vergoeding.',
                ],
                en=[
                    'Ask young people who come often whether they want a task, such as leading the warm-up or welcoming newcomers.',
                    'Plan a regular moment when a professional coaches the peer leaders.',
                    'Give something back: a certificate, a reference for school or work, or a small fee.',
                ],
            ),
            applies=b.model('Guard',
                when='facts.jeugd_project',
                needs=[
                    'facts.jeugd_project',
                ],
                _private={
                    '_needs': (
                        b.need('facts.jeugd_project', (('facts', False), ('jeugd_project', False))),
                    ),
                    '_code': b.condition('facts.jeugd_project'),
                },
            ),
            examples=(
                b.model('Example',
                    fires=True,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'extensions': {
                            'jeugd': {
                                'peer_leaders': False,
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=True,
                    project={
                        'residents': {
                            'target_groups': [
                                'all_residents',
                            ],
                        },
                        'extensions': {
                            'jeugd': {
                                'min_age': 14,
                                'peer_leaders': False,
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'extensions': {
                            'jeugd': {
                                'peer_leaders': True,
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'target_groups': [
                                'elderly',
                            ],
                        },
                    },
                ),
                b.model('Example',
                    asks=True,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                    },
                ),
            ),
            origin=b.origins[0],
            _private={
                '_code': b.condition('facts.jeugd_peer_leaders is False'),
                '_needs': (
                    b.need('facts.jeugd_project', (('facts', False), ('jeugd_project', False))),
                    b.need('facts.jeugd_peer_leaders', (('facts', False), ('jeugd_peer_leaders', False))),
                ),
                '_facts_read': (
                    'jeugd_activity_times',
                    'jeugd_channel_adult_moderator',
                    'jeugd_channel_agreements',
                    'jeugd_minors',
                    'jeugd_parental_consent',
                    'jeugd_partner_stays',
                    'jeugd_peer_leaders',
                    'jeugd_project',
                    'jeugd_school_or_youth_partner',
                    'jeugd_transport_home',
                    'jeugd_under_16',
                    'jeugd_vog_checked',
                ),
            },
        ),
        b.model('Rule',
            code='JGD04',
            name='jeugd.free_time',
            element='fit_residents',
            kind='recommendation',
            priority='medium',
            when='all(t == "school_hours" for t in facts.jeugd_activity_times)',
            needs=(
                'facts.jeugd_project',
                'facts.jeugd_activity_times',
            ),
            phases=(
                'idea',
                'preparation',
            ),
            effort='medium',
            serves_needs=(
                'participation',
                'talent_development',
                'social_cohesion',
            ),
            evidence='expert',
            source=b.model('LocalSource',
                nl="Movisie, 'Kunst vergroot leefbaarheid van kwetsbare wijken' (factsheet), www.movisie.nl/kunst (sluit aan bij behoeften en mogelijkheden van bewoners); ervaring van het team van interventie-advies of the interventie-advies-jeugd authors",
                en="Movisie, 'Kunst vergroot leefbaarheid van kwetsbare wijken' (factsheet), www.movisie.nl/kunst (sluit aan bij behoeften en mogelijkheden van bewoners); expert opinion of the interventie-advies-jeugd authors",
            ),
            title=b.model('LocalText',
                nl='Plan ook activiteiten in de vrije tijd van jongeren',
                en="Plan activities in young people's free time too",
            ),
            message=b.model('LocalText',
                nl='Alle activiteiten zijn onder schooltijd. Plan ook momenten na school, in het weekend of in de schoolvakanties, zodat jongeren zelf kunnen kiezen om te komen.',
                en='All activities take place during school hours. Also plan sessions after school, at weekends or in the school holidays, so that young people can choose to come themselves.',
            ),
            why=b.model('LocalText',
                nl='Onder schooltijd doen leerlingen mee omdat de school het regelt. Dat is een goed begin, maar het stopt als de lessen stoppen. In hun vrije tijd komen jongeren omdat ze het zelf willen. Zo groeit contact dat blijft, ook na het project.',
                en='During school hours, pupils take part because the school arranges it. That is a good start, but it stops when the lessons stop. In their free time, young people come because they want to. That is how contact grows that lasts, also after the project.',
            ),
            question=b.model('LocalText',
                nl="Wanneer zijn de activiteiten: onder schooltijd, na school, 's avonds, in het weekend of in de vakantie? Vul activity_times in bij [extensions.jeugd].",
                en='When do the activities take place: during school hours, after school, in the evening, at weekends or in the holidays? Fill in activity_times under [extensions.jeugd].',
            ),
            actions=b.model('LocalList',
                nl=[
                    'Vraag de jongeren zelf welke dagen en tijden hen uitkomen.',
                    'Houd rekening met toetsweken, sport en bijbaantjes.',
                    'Plan iets in de zomervakantie, want dan valt voor veel jongeren de structuur weg.',
                    'Spreek met de school af dat leerlingen na de les in de buurt verder kunnen.',
                ],
                en=[
                    'Ask the young people which days and times suit them.',
                    'Take exam weeks, sports and part-time jobs into account.',
                    'Plan something in the summer holidays, when many young people lose their daily structure.',
                    'Agree with the school that pupils can carry on in the neighbourhood after lessons.',
                ],
            ),
            applies=b.model('Guard',
                when='facts.jeugd_project',
                needs=[
                    'facts.jeugd_project',
                ],
                _private={
                    '_needs': (
                        b.need('facts.jeugd_project', (('facts', False), ('jeugd_project', False))),
                    ),
                    '_code': b.condition('facts.jeugd_project'),
                },
            ),
            examples=(
                b.model('Example',
                    fires=True,
                    project={
                        'residents': {
                            'target_groups': [
                                'children',
                            ],
                        },
                        'extensions': {
                            'jeugd': {
                                'activity_times': [
                                    'school_hours',
                                ],
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'target_groups': [
                                'children',
                            ],
                        },
                        'extensions': {
                            'jeugd': {
                                'activity_times': [
                                    'school_hours',
                                    'after_school',
                                ],
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'extensions': {
                            'jeugd': {
                                'activity_times': [
                                    'weekends',
                                    'school_holidays',
                                ],
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'target_groups': [
                                'elderly',
                                'lonely_people',
                            ],
                        },
                    },
                ),
                b.model('Example',
                    asks=True,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'extensions': {
                            'jeugd': {
                                'peer_leaders': True,
                            },
                        },
                    },
                ),
            ),
            origin=b.origins[0],
            _private={
                '_code': b.condition('all(t == "school_hours" for t in facts.jeugd_activity_times)', 'JGD04', ()),
                '_needs': (
                    b.need('facts.jeugd_project', (('facts', False), ('jeugd_project', False))),
                    b.need('facts.jeugd_activity_times', (('facts', False), ('jeugd_activity_times', False))),
                ),
                '_facts_read': (
                    'jeugd_activity_times',
                    'jeugd_channel_adult_moderator',
                    'jeugd_channel_agreements',
                    'jeugd_minors',
                    'jeugd_parental_consent',
                    'jeugd_partner_stays',
                    'jeugd_peer_leaders',
                    'jeugd_project',
                    'jeugd_school_or_youth_partner',
                    'jeugd_transport_home',
                    'jeugd_under_16',
                    'jeugd_vog_checked',
                ),
            },
        ),
        b.model('Rule',
            code='JGD05',
            name='jeugd.safe_group_channel',
            element='contact',
            kind='recommendation',
            priority='medium',
            when='facts.jeugd_channel_adult_moderator is False or facts.jeugd_channel_agreements is False',
            needs=(
                'facts.jeugd_project',
                'contact.group_channel',
                'facts.jeugd_channel_adult_moderator',
                'facts.jeugd_channel_agreements',
            ),
            phases=(
                'preparation',
                'execution',
            ),
            effort='low',
            serves_needs=(
                'safety',
                'social_cohesion',
            ),
            evidence='expert',
            source=b.model('LocalSource',
                nl="Autoriteit Persoonsgegevens, toestemming van ouders voor kinderen onder de 16 jaar (AVG artikel 8; Uitvoeringswet AVG artikel 5), www.autoriteitpersoonsgegevens.nl; Movisie, 'Kunst vergroot leefbaarheid van kwetsbare wijken' (factsheet), www.movisie.nl/kunst; ervaring van het team van interventie-advies of the interventie-advies-jeugd authors",
                en="Autoriteit Persoonsgegevens, toestemming van ouders voor kinderen onder de 16 jaar (AVG artikel 8; Uitvoeringswet AVG artikel 5), www.autoriteitpersoonsgegevens.nl; Movisie, 'Kunst vergroot leefbaarheid van kwetsbare wijken' (factsheet), www.movisie.nl/kunst; expert opinion of the interventie-advies-jeugd authors",
            ),
            title=b.model('LocalText',
                nl='Maak het groepskanaal van de jongeren veilig',
                en="Make the young people's group channel safe",
            ),
            message=b.model('LocalText',
                nl="Zorg dat een volwassene van een partner in het groepskanaal zit en het beheert. Maak samen met de jongeren afspraken over hoe je met elkaar omgaat. Spreek ook af dat niemand foto's of telefoonnummers doorstuurt zonder toestemming.",
                en='Make sure an adult from a partner organisation is in the group channel and moderates it. Agree with the young people how you treat each other. Also agree that nobody passes on photos or phone numbers without consent.',
            ),
            why=b.model('LocalText',
                nl="In een groepskanaal zien deelnemers elkaars telefoonnummer en foto's. Zonder afspraken en zonder een volwassene die meekijkt, kunnen pesten of het doorsturen van beelden ongemerkt gebeuren. Voor kinderen onder de 16 vraagt de AVG vaak toestemming van een ouder. Veel apps hebben ook een minimumleeftijd.",
                en="In a group channel, members see each other's phone numbers and photos. Without agreements and without an adult who keeps an eye on it, bullying or the forwarding of images can go unnoticed. For children under 16, the GDPR (AVG) often requires a parent's consent. Many apps also have a minimum age.",
            ),
            question=b.model('LocalText',
                nl="Welke volwassene beheert het groepskanaal van de jongeren, met afspraken over omgang, foto's en privacy? Vul channel_adult_moderator en channel_agreements in bij [extensions.jeugd].",
                en="Which adult moderates the young people's group channel, with agreements on behaviour, photos and privacy? Fill in channel_adult_moderator and channel_agreements under [extensions.jeugd].",
            ),
            actions=b.model('LocalList',
                nl=[
                    'Laat een professional van het jongerenwerk of de school het groepskanaal beheren, met een tweede volwassene als vervanger.',
                    'Maak met de jongeren vijf korte huisregels en zet ze bovenaan in het kanaal.',
                    'Kijk wat de minimumleeftijd van de app is. Kies voor jonge kinderen een kanaal via de ouders.',
                    'Spreek af wat de beheerder doet bij pesten of bij beelden die niet gedeeld mogen worden.',
                ],
                en=[
                    'Let a professional from youth work or the school moderate the group channel, with a second adult as backup.',
                    'Write five short house rules with the young people and pin them at the top of the channel.',
                    "Check the app's minimum age. For young children, choose a channel through the parents.",
                    'Agree what the moderator does about bullying or images that must not be shared.',
                ],
            ),
            applies=b.model('Guard',
                when='facts.jeugd_project and (contact.group_channel is None or contact.group_channel in ("whatsapp", "signal", "facebook", "other"))',
                needs=[
                    'facts.jeugd_project',
                ],
                _private={
                    '_needs': (
                        b.need('facts.jeugd_project', (('facts', False), ('jeugd_project', False))),
                    ),
                    '_code': b.condition('facts.jeugd_project and (contact.group_channel is None or contact.group_channel in ("whatsapp", "signal", "facebook", "other"))'),
                },
            ),
            adjust=(
                b.model('Adjustment',
                    when='facts.jeugd_minors',
                    needs=[
                        'facts.jeugd_minors',
                    ],
                    priority='high',
                    reason=b.model('LocalText',
                        nl='verhoogd: er doen minderjarigen mee',
                        en='raised: minors take part',
                    ),
                    _private={
                        '_needs': (
                            b.need('facts.jeugd_minors', (('facts', False), ('jeugd_minors', False))),
                        ),
                        '_code': b.condition('facts.jeugd_minors'),
                    },
                ),
            ),
            examples=(
                b.model('Example',
                    fires=True,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'contact': {
                            'group_channel': 'whatsapp',
                        },
                        'extensions': {
                            'jeugd': {
                                'channel_adult_moderator': False,
                                'channel_agreements': True,
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=True,
                    project={
                        'residents': {
                            'target_groups': [
                                'children',
                            ],
                        },
                        'contact': {
                            'group_channel': 'other',
                        },
                        'extensions': {
                            'jeugd': {
                                'channel_adult_moderator': True,
                                'channel_agreements': False,
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'contact': {
                            'group_channel': 'signal',
                        },
                        'extensions': {
                            'jeugd': {
                                'channel_adult_moderator': True,
                                'channel_agreements': True,
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'contact': {
                            'group_channel': 'newsletter',
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'target_groups': [
                                'elderly',
                            ],
                        },
                        'contact': {
                            'group_channel': 'whatsapp',
                        },
                    },
                ),
                b.model('Example',
                    asks=True,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'contact': {
                            'group_channel': 'whatsapp',
                        },
                    },
                ),
            ),
            origin=b.origins[0],
            _private={
                '_code': b.condition('facts.jeugd_channel_adult_moderator is False or facts.jeugd_channel_agreements is False'),
                '_needs': (
                    b.need('facts.jeugd_project', (('facts', False), ('jeugd_project', False))),
                    b.need('contact.group_channel', (('contact', False), ('group_channel', False))),
                    b.need('facts.jeugd_channel_adult_moderator', (('facts', False), ('jeugd_channel_adult_moderator', False))),
                    b.need('facts.jeugd_channel_agreements', (('facts', False), ('jeugd_channel_agreements', False))),
                ),
                '_facts_read': (
                    'jeugd_activity_times',
                    'jeugd_channel_adult_moderator',
                    'jeugd_channel_agreements',
                    'jeugd_minors',
                    'jeugd_parental_consent',
                    'jeugd_partner_stays',
                    'jeugd_peer_leaders',
                    'jeugd_project',
                    'jeugd_school_or_youth_partner',
                    'jeugd_transport_home',
                    'jeugd_under_16',
                    'jeugd_vog_checked',
                ),
            },
        ),
        b.model('Rule',
            code='JGD06',
            name='jeugd.vog',
            element='all_layers',
            kind='recommendation',
            priority='medium',
            when='facts.jeugd_vog_checked is False',
            needs=(
                'facts.jeugd_project',
                'facts.jeugd_vog_checked',
            ),
            phases=(
                'idea',
                'preparation',
            ),
            effort='low',
            serves_needs=(
                'safety',
            ),
            evidence='practice',
            source='Justis, Verklaring Omtrent het Gedrag (VOG), www.justis.nl; Regeling Gratis VOG voor vrijwilligers die werken met minderjarigen of mensen met een verstandelijke beperking, www.gratisvog.nl',
            title=b.model('LocalText',
                nl='Vraag een VOG van iedereen die met de jongeren werkt',
                en='Ask everyone who works with the young people for a VOG',
            ),
            message=b.model('LocalText',
                nl='Vraag van alle volwassenen die met de jongeren werken een Verklaring Omtrent het Gedrag (VOG). Dat zijn de professionals, de vrijwilligers en de kunstenaar. Spreek met de leiding van elke partner af wie dat regelt.',
                en='Ask every adult who works with the young people for a certificate of conduct (VOG, Verklaring Omtrent het Gedrag). That means the professionals, the volunteers and the artist. Agree with the management of each partner who arranges it.',
            ),
            why=b.model('LocalText',
                nl='Met een VOG laat Justis zien dat iemands verleden geen bezwaar is voor werk met kinderen en jongeren. Ouders en scholen verwachten dat. Met meer partners denkt iedereen snel dat een ander het regelt. De kunstenaar en vrijwilligers werken vaak bij geen van de partners. Vrijwilligersorganisaties kunnen via de Regeling Gratis VOG onder voorwaarden gratis een VOG aanvragen.',
                en="With a VOG, Justis shows that a person's past is no obstacle to working with children and young people. Parents and schools expect it. With several partners, everyone easily assumes someone else arranges it. The artist and volunteers often work for none of the partners. Volunteer organisations can, under conditions, get VOGs for free through the Regeling Gratis VOG.",
            ),
            question=b.model('LocalText',
                nl='Hebben alle volwassenen die met de jongeren werken een VOG? Vul vog_checked in bij [extensions.jeugd].',
                en='Do all adults who work with the young people have a VOG? Fill in vog_checked under [extensions.jeugd].',
            ),
            actions=b.model('LocalList',
                nl=[
                    'Maak een lijst van alle volwassenen die met de jongeren werken, ook de kunstenaar en de vrijwilligers.',
                    'Vraag bij Justis een VOG aan voor wie er nog geen heeft. Kijk of jullie de Regeling Gratis VOG kunnen gebruiken.',
                    'Leg ook een gedragscode vast en kies een vertrouwenspersoon bij wie jongeren terechtkunnen.',
                ],
                en=[
                    'List every adult who works with the young people, including the artist and the volunteers.',
                    'Apply to Justis for a VOG for everyone who has none yet. Check whether you can use the Regeling Gratis VOG.',
                    'Also agree on a code of conduct and choose a confidential adviser the young people can turn to.',
                ],
            ),
            applies=b.model('Guard',
                when='facts.jeugd_project',
                needs=[
                    'facts.jeugd_project',
                ],
                _private={
                    '_needs': (
                        b.need('facts.jeugd_project', (('facts', False), ('jeugd_project', False))),
                    ),
                    '_code': b.condition('facts.jeugd_project'),
                },
            ),
            adjust=(
                b.model('Adjustment',
                    when='facts.jeugd_minors',
                    needs=[
                        'facts.jeugd_minors',
                    ],
                    priority='high',
                    reason=b.model('LocalText',
                        nl='verhoogd: er doen minderjarigen mee',
                        en='raised: minors take part',
                    ),
                    _private={
                        '_needs': (
                            b.need('facts.jeugd_minors', (('facts', False), ('jeugd_minors', False))),
                        ),
                        '_code': b.condition('facts.jeugd_minors'),
                    },
                ),
            ),
            examples=(
                b.model('Example',
                    fires=True,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'extensions': {
                            'jeugd': {
                                'vog_checked': False,
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=True,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'extensions': {
                            'jeugd': {
                                'min_age': 10,
                                'max_age': 14,
                                'vog_checked': False,
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'target_groups': [
                                'children',
                            ],
                        },
                        'extensions': {
                            'jeugd': {
                                'vog_checked': True,
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'target_groups': [
                                'newcomers',
                            ],
                        },
                    },
                ),
                b.model('Example',
                    asks=True,
                    project={
                        'residents': {
                            'target_groups': [
                                'children',
                            ],
                        },
                    },
                ),
            ),
            origin=b.origins[0],
            _private={
                '_code': b.condition('facts.jeugd_vog_checked is False'),
                '_needs': (
                    b.need('facts.jeugd_project', (('facts', False), ('jeugd_project', False))),
                    b.need('facts.jeugd_vog_checked', (('facts', False), ('jeugd_vog_checked', False))),
                ),
                '_facts_read': (
                    'jeugd_activity_times',
                    'jeugd_channel_adult_moderator',
                    'jeugd_channel_agreements',
                    'jeugd_minors',
                    'jeugd_parental_consent',
                    'jeugd_partner_stays',
                    'jeugd_peer_leaders',
                    'jeugd_project',
                    'jeugd_school_or_youth_partner',
                    'jeugd_transport_home',
                    'jeugd_under_16',
                    'jeugd_vog_checked',
                ),
            },
        ),
        b.model('Rule',
            code='JGD07',
            name='jeugd.transport_home',
            element='meeting_place',
            kind='recommendation',
            priority='medium',
            when='facts.jeugd_transport_home is False',
            needs=(
                'facts.jeugd_project',
                'facts.jeugd_activity_times',
                'facts.jeugd_transport_home',
            ),
            phases=(
                'preparation',
                'execution',
            ),
            effort='low',
            serves_needs=(
                'safety',
                'participation',
            ),
            evidence='expert',
            source="Expert opinion of the interventie-advies-jeugd authors, building on Movisie, 'Kunst vergroot leefbaarheid van kwetsbare wijken' (factsheet), www.movisie.nl/kunst (een fysieke ontmoetingsplek in de buurt)",
            title=b.model('LocalText',
                nl='Regel dat jongeren na een avondactiviteit veilig thuiskomen',
                en='Make sure young people get home safely after evening activities',
            ),
            message=b.model('LocalText',
                nl='Er zijn activiteiten in de avond, maar het is niet geregeld hoe de jongeren thuiskomen. Spreek een vaste eindtijd af. Regel dat ze samen naar huis gaan, worden opgehaald of een lift krijgen.',
                en='There are evening activities, but nothing is arranged for how the young people get home. Agree on a fixed end time. Arrange that they go home together, are picked up or get a lift.',
            ),
            why=b.model('LocalText',
                nl="Ouders laten hun kind 's avonds pas gaan als ze weten hoe het thuiskomt. Zonder afspraak mogen sommige jongeren niet komen, vooral de jongsten. Een goede regeling maakt de ontmoetingsplek voor iedereen bereikbaar.",
                en='Parents only let their child go out in the evening when they know how it gets home. Without an arrangement some young people are not allowed to come, especially the youngest. A good arrangement makes the meeting place within reach for everyone.',
            ),
            question=b.model('LocalText',
                nl='Hoe komen de jongeren na een activiteit in de avond veilig thuis? Vul activity_times en transport_home in bij [extensions.jeugd].',
                en='How do the young people get home safely after an evening activity? Fill in activity_times and transport_home under [extensions.jeugd].',
            ),
            actions=b.model('LocalList',
                nl=[
                    'Stop op een vaste tijd en laat de ouders die tijd weten.',
                    'Laat jongeren die dezelfde kant op moeten samen naar huis gaan.',
                    'Vraag ouders of vrijwilligers om een rooster voor ophalen of een lift.',
                    'Blijf na afloop tot iedereen weg is of is opgehaald.',
                ],
                en=[
                    'Finish at a fixed time and tell the parents what it is.',
                    'Let young people who go the same way walk home together.',
                    'Ask parents or volunteers for a rota for picking up or giving lifts.',
                    'Stay afterwards until everyone has left or been picked up.',
                ],
            ),
            applies=b.model('Guard',
                when='facts.jeugd_project and facts.jeugd_minors is not False and (facts.jeugd_activity_times is None or "evenings" in facts.jeugd_activity_times)',
                needs=[
                    'facts.jeugd_project',
                ],
                _private={
                    '_needs': (
                        b.need('facts.jeugd_project', (('facts', False), ('jeugd_project', False))),
                    ),
                    '_code': b.condition('facts.jeugd_project and facts.jeugd_minors is not False and (facts.jeugd_activity_times is None or "evenings" in facts.jeugd_activity_times)'),
                },
            ),
            adjust=(
                b.model('Adjustment',
                    when='facts.jeugd_under_16',
                    needs=[
                        'facts.jeugd_under_16',
                    ],
                    priority='high',
                    reason=b.model('LocalText',
                        nl='verhoogd: er doen kinderen onder de 16 mee',
                        en='raised: children under 16 take part',
                    ),
                    _private={
                        '_needs': (
                            b.need('facts.jeugd_under_16', (('facts', False), ('jeugd_under_16', False))),
                        ),
                        '_code': b.condition('facts.jeugd_under_16'),
                    },
                ),
                b.model('Adjustment',
                    when='meeting_place.in_neighbourhood is False',
                    needs=[
                        'meeting_place.in_neighbourhood',
                    ],
                    priority='high',
                    reason=b.model('LocalText',
                        nl='verhoogd: de ontmoetingsplek ligt buiten de buurt, dus de weg naar huis is langer',
                        en='raised: the meeting place is outside the neighbourhood, so the way home is longer',
                    ),
                    _private={
                        '_needs': (
                            b.need('meeting_place.in_neighbourhood', (('meeting_place', False), ('in_neighbourhood', False))),
                        ),
                        '_code': b.condition('meeting_place.in_neighbourhood is False'),
                    },
                ),
            ),
            examples=(
                b.model('Example',
                    fires=True,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'extensions': {
                            'jeugd': {
                                'min_age': 12,
                                'max_age': 17,
                                'activity_times': [
                                    'after_school',
                                    'evenings',
                                ],
                                'transport_home': False,
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'extensions': {
                            'jeugd': {
                                'min_age': 12,
                                'activity_times': [
                                    'evenings',
                                ],
                                'transport_home': True,
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'extensions': {
                            'jeugd': {
                                'min_age': 12,
                                'activity_times': [
                                    'after_school',
                                ],
                                'transport_home': False,
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'extensions': {
                            'jeugd': {
                                'min_age': 18,
                                'activity_times': [
                                    'evenings',
                                ],
                                'transport_home': False,
                            },
                        },
                    },
                ),
                b.model('Example',
                    asks=True,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                    },
                ),
                b.model('Example',
                    asks=True,
                    project={
                        'residents': {
                            'target_groups': [
                                'children',
                            ],
                        },
                        'extensions': {
                            'jeugd': {
                                'activity_times': [
                                    'evenings',
                                ],
                            },
                        },
                    },
                ),
            ),
            origin=b.origins[0],
            _private={
                '_code': b.condition('facts.jeugd_transport_home is False'),
                '_needs': (
                    b.need('facts.jeugd_project', (('facts', False), ('jeugd_project', False))),
                    b.need('facts.jeugd_activity_times', (('facts', False), ('jeugd_activity_times', False))),
                    b.need('facts.jeugd_transport_home', (('facts', False), ('jeugd_transport_home', False))),
                ),
                '_facts_read': (
                    'jeugd_activity_times',
                    'jeugd_channel_adult_moderator',
                    'jeugd_channel_agreements',
                    'jeugd_minors',
                    'jeugd_parental_consent',
                    'jeugd_partner_stays',
                    'jeugd_peer_leaders',
                    'jeugd_project',
                    'jeugd_school_or_youth_partner',
                    'jeugd_transport_home',
                    'jeugd_under_16',
                    'jeugd_vog_checked',
                ),
            },
        ),
        b.model('Rule',
            code='JGD08',
            name='jeugd.partner_after_project',
            element='sustainability',
            kind='warning',
            priority='medium',
            when='facts.jeugd_partner_stays is False',
            needs=(
                'facts.jeugd_project',
                'facts.jeugd_partner_stays',
            ),
            phases=(
                'execution',
                'closing',
                'continuation',
            ),
            effort='medium',
            serves_needs=(
                'participation',
                'social_cohesion',
                'talent_development',
            ),
            evidence='expert',
            source=b.model('LocalSource',
                nl="Movisie, 'Kunst vergroot leefbaarheid van kwetsbare wijken' (factsheet), www.movisie.nl/kunst (over wat blijft na het project); ervaring van het team van interventie-advies of the interventie-advies-jeugd authors",
                en="Movisie, 'Kunst vergroot leefbaarheid van kwetsbare wijken' (factsheet), www.movisie.nl/kunst (about what remains after the project); expert opinion of the interventie-advies-jeugd authors",
            ),
            title=b.model('LocalText',
                nl='Zorg dat de jongeren na het project ergens terechtkunnen',
                en='Make sure the young people have somewhere to go after the project',
            ),
            message=b.model('LocalText',
                nl='De school of het jongerenwerk stopt als het project klaar is. Spreek met een van hen af dat ze het aanspreekpunt blijven voor de jongeren, en dat er een vervolg komt.',
                en='The school or youth work stops when the project ends. Agree with one of them that they remain the contact point for the young people, and that there is a next step.',
            ),
            why=b.model('LocalText',
                nl='In een project bouwen jongeren een band op met volwassenen die ze vertrouwen. Als die band na het project verdwijnt, verdwijnt het effect vaak ook. Movisie waarschuwt dat de goede effecten van korte projecten weer wegzakken als niemand ermee doorgaat.',
                en='In a project, young people build a bond with adults they trust. When that bond disappears after the project, the effect often goes with it. Movisie warns that the good effects of short projects fade again when nobody carries on.',
            ),
            question=b.model('LocalText',
                nl='Blijft de school of het jongerenwerk na het project betrokken bij de jongeren? Vul committed_after_project in bij die partners in [[partners]].',
                en='Will the school or youth work stay involved with the young people after the project? Fill in committed_after_project for those partners in [[partners]].',
            ),
            actions=b.model('LocalList',
                nl=[
                    'Vraag het jongerenwerk om de groep na het project op te nemen in het gewone aanbod.',
                    'Plan samen met de school een vervolg, zoals een nieuwe workshop of een plek in de naschoolse activiteiten.',
                    'Stel de jongeren vóór het einde voor aan de professional die blijft.',
                ],
                en=[
                    'Ask youth work to take the group into its regular programme after the project.',
                    'Plan a next step with the school, such as a new workshop or a place in the after-school activities.',
                    'Introduce the young people to the professional who stays, before the end.',
                ],
            ),
            applies=b.model('Guard',
                when='facts.jeugd_project and facts.jeugd_school_or_youth_partner is not False',
                needs=[
                    'facts.jeugd_project',
                ],
                _private={
                    '_needs': (
                        b.need('facts.jeugd_project', (('facts', False), ('jeugd_project', False))),
                    ),
                    '_code': b.condition('facts.jeugd_project and facts.jeugd_school_or_youth_partner is not False'),
                },
            ),
            adjust=(
                b.model('Adjustment',
                    when='project.phase in ("closing", "continuation")',
                    needs=[
                        'project.phase',
                    ],
                    priority='high',
                    reason=b.model('LocalText',
                        nl='verhoogd: het project is in de afronding of de voortzetting',
                        en='raised: the project is closing or in its continuation',
                    ),
                    _private={
                        '_needs': (
                            b.need('project.phase', (('project', False), ('phase', False))),
                        ),
                        '_code': b.condition('project.phase in ("closing", "continuation")'),
                    },
                ),
            ),
            examples=(
                b.model('Example',
                    fires=True,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'partners': [
                            {
                                'name': 'Jongerenwerk Oost',
                                'domain': 'social',
                                'role': 'jongerenwerk',
                                'committed_after_project': False,
                            },
                        ],
                    },
                ),
                b.model('Example',
                    fires=True,
                    project={
                        'project': {
                            'phase': 'closing',
                        },
                        'residents': {
                            'target_groups': [
                                'children',
                            ],
                        },
                        'partners': [
                            {
                                'name': 'Basisschool De Regenboog',
                                'domain': 'education',
                                'committed_after_project': False,
                            },
                            {
                                'name': 'Theater De Kei',
                                'domain': 'cultural',
                                'committed_after_project': True,
                            },
                        ],
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'partners': [
                            {
                                'name': 'Jongerenwerk Oost',
                                'domain': 'social',
                                'role': 'jongerenwerk',
                                'committed_after_project': True,
                            },
                            {
                                'name': 'Het Lyceum',
                                'domain': 'education',
                                'committed_after_project': False,
                            },
                        ],
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'partners': [
                            {
                                'name': 'Theater De Kei',
                                'domain': 'cultural',
                                'committed_after_project': False,
                            },
                        ],
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'target_groups': [
                                'elderly',
                            ],
                        },
                        'partners': [
                            {
                                'name': 'Welzijn Oost',
                                'domain': 'social',
                                'role': 'jeugdwerk',
                                'committed_after_project': False,
                            },
                        ],
                    },
                ),
                b.model('Example',
                    asks=True,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'partners': [
                            {
                                'name': 'Het Lyceum',
                                'domain': 'education',
                            },
                        ],
                    },
                ),
            ),
            origin=b.origins[0],
            _private={
                '_code': b.condition('facts.jeugd_partner_stays is False'),
                '_needs': (
                    b.need('facts.jeugd_project', (('facts', False), ('jeugd_project', False))),
                    b.need('facts.jeugd_partner_stays', (('facts', False), ('jeugd_partner_stays', False))),
                ),
                '_facts_read': (
                    'jeugd_activity_times',
                    'jeugd_channel_adult_moderator',
                    'jeugd_channel_agreements',
                    'jeugd_minors',
                    'jeugd_parental_consent',
                    'jeugd_partner_stays',
                    'jeugd_peer_leaders',
                    'jeugd_project',
                    'jeugd_school_or_youth_partner',
                    'jeugd_transport_home',
                    'jeugd_under_16',
                    'jeugd_vog_checked',
                ),
            },
        ),
        b.model('Rule',
            code='JGD90',
            name='jeugd.trusted_and_youth_led',
            element='key_persons',
            kind='strength',
            when='facts.jeugd_school_or_youth_partner is True and facts.jeugd_peer_leaders is True',
            needs=(
                'facts.jeugd_project',
                'facts.jeugd_school_or_youth_partner',
                'facts.jeugd_peer_leaders',
            ),
            evidence='practice',
            source="Movisie, 'Kunst vergroot leefbaarheid van kwetsbare wijken' (factsheet), www.movisie.nl/kunst; Manders, W., Metz, J. en Sonneveld, J. (2017), 'Literatuuronderzoek peer-to-peer in het jongerenwerk', Hogeschool van Amsterdam, lectoraat Youth Spot",
            title=b.model('LocalText',
                nl='Jongeren worden bereikt via mensen die ze vertrouwen',
                en='Young people are reached through people they trust',
            ),
            message=b.model('LocalText',
                nl='Een school of het jongerenwerk doet mee, en jongeren helpen zelf mee met leiden. Zo bereiken jullie jongeren via leraren, jongerenwerkers en leeftijdsgenoten. Houd dit vast.',
                en='A school or youth work takes part, and young people help lead. So you reach young people through teachers, youth workers and their peers. Keep it up.',
            ),
            why=b.model('LocalText',
                nl='Volwassenen die de jongeren kennen en leeftijdsgenoten die meeleiden, zijn samen de beste weg naar jongeren die niet vanzelf komen.',
                en='Adults who know the young people and peers who help lead are, together, the best way to reach young people who would not come on their own.',
            ),
            question=b.model('LocalText',
                nl='Leiden jongeren zelf mee, samen met een school of jongerenwerk? Vul [[partners]] en peer_leaders bij [extensions.jeugd] in.',
                en='Do young people help lead, together with a school or youth work? Fill in [[partners]] and peer_leaders under [extensions.jeugd].',
            ),
            applies=b.model('Guard',
                when='facts.jeugd_project',
                needs=[
                    'facts.jeugd_project',
                ],
                _private={
                    '_needs': (
                        b.need('facts.jeugd_project', (('facts', False), ('jeugd_project', False))),
                    ),
                    '_code': b.condition('facts.jeugd_project'),
                },
            ),
            examples=(
                b.model('Example',
                    fires=True,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'partners': [
                            {
                                'name': 'Jongerenwerk Oost',
                                'domain': 'social',
                                'role': 'jongerenwerk',
                            },
                        ],
                        'extensions': {
                            'jeugd': {
                                'peer_leaders': True,
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'partners': [
                            {
                                'name': 'Jongerenwerk Oost',
                                'domain': 'social',
                                'role': 'jongerenwerk',
                            },
                        ],
                        'extensions': {
                            'jeugd': {
                                'peer_leaders': False,
                            },
                        },
                    },
                ),
                b.model('Example',
                    fires=False,
                    project={
                        'residents': {
                            'target_groups': [
                                'elderly',
                            ],
                        },
                        'partners': [
                            {
                                'name': 'Het Lyceum',
                                'domain': 'education',
                            },
                        ],
                    },
                ),
                b.model('Example',
                    asks=True,
                    project={
                        'residents': {
                            'target_groups': [
                                'youth',
                            ],
                        },
                        'partners': [
                            {
                                'name': 'Het Lyceum',
                                'domain': 'education',
                            },
                        ],
                    },
                ),
            ),
            origin=b.origins[0],
            _private={
                '_code': b.condition('facts.jeugd_school_or_youth_partner is True and facts.jeugd_peer_leaders is True'),
                '_needs': (
                    b.need('facts.jeugd_project', (('facts', False), ('jeugd_project', False))),
                    b.need('facts.jeugd_school_or_youth_partner', (('facts', False), ('jeugd_school_or_youth_partner', False))),
                    b.need('facts.jeugd_peer_leaders', (('facts', False), ('jeugd_peer_leaders', False))),
                ),
                '_facts_read': (
                    'jeugd_activity_times',
                    'jeugd_channel_adult_moderator',
                    'jeugd_channel_agreements',
                    'jeugd_minors',
                    'jeugd_parental_consent',
                    'jeugd_partner_stays',
                    'jeugd_peer_leaders',
                    'jeugd_project',
                    'jeugd_school_or_youth_partner',
                    'jeugd_transport_home',
                    'jeugd_under_16',
                    'jeugd_vog_checked',
                ),
            },
        ),
    ]
