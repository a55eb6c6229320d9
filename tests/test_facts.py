"""derive_facts and months_between: the derived facts conditions read as facts.NAME."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from interventie_advies import load_project
from interventie_advies.project._facts import Dated, Facts, derive_facts, months_between

D = dt.date
TODAY = D(2026, 6, 1)


def facts_of(today: dt.date = TODAY, **tables: Any) -> Facts:
    info = tables.pop("project", {})
    data = {"format": 1, "project": {"name": "x", **info}, **tables}
    return derive_facts(load_project(data), today)


# -- months_between ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (D(2026, 1, 1), D(2026, 1, 1), 0),
        (D(2026, 1, 1), D(2026, 2, 1), 1),
        (D(2026, 1, 15), D(2026, 2, 14), 0),  # one day short of a month
        (D(2026, 1, 15), D(2026, 2, 15), 1),
        (D(2026, 1, 31), D(2026, 2, 28), 0),  # day-of-month: 28 < 31
        (D(2026, 1, 31), D(2026, 3, 31), 2),
        (D(2026, 1, 31), D(2026, 3, 30), 1),
        (D(2026, 2, 1), D(2027, 2, 1), 12),
        (D(2026, 2, 1), D(2027, 1, 31), 11),
        (D(2025, 12, 31), D(2026, 1, 1), 0),  # across a year, one day
        (D(2026, 6, 1), D(2026, 9, 30), 3),
        (D(2026, 6, 1), D(2026, 3, 1), -3),  # negative
        (D(2026, 6, 15), D(2026, 3, 20), -2),  # negative, whole months toward zero
        (D(2026, 6, 15), D(2026, 3, 15), -3),
        (D(2026, 6, 1), D(2026, 5, 31), 0),
        (D(2027, 1, 1), D(2026, 1, 1), -12),
    ],
)
def test_months_between(start: dt.date, end: dt.date, months: int) -> None:
    assert months_between(start, end) == months


@pytest.mark.parametrize(
    ("start", "end"),
    [(D(2026, 1, 15), D(2026, 4, 10)), (D(2026, 1, 31), D(2026, 2, 28)),
     (D(2024, 2, 29), D(2025, 2, 28)), (D(2026, 3, 1), D(2026, 3, 1))],
)
def test_months_between_is_antisymmetric(start: dt.date, end: dt.date) -> None:
    assert months_between(end, start) == -months_between(start, end)


# -- funding_end and months_left -------------------------------------------------------------


def test_nothing_known_means_none() -> None:
    facts = facts_of()
    assert facts.today == TODAY
    assert facts.funding_end is None
    assert facts.funding_start is None
    assert facts.months_left is None
    assert facts.funding_months is None
    assert facts.project_months is None
    assert facts.partner_domains is None
    assert facts.partner_names is None
    assert facts.partner_count is None
    assert facts.key_person_count is None
    assert facts.has_structural_funding is None
    assert facts.has_in_kind_funding is None
    assert facts.funding_total_eur is None


def test_funding_end_is_the_latest_source_end() -> None:
    facts = facts_of(
        project={"end": D(2026, 12, 31)},
        funding={"sources": [{"name": "A", "end": D(2026, 9, 30)},
                             {"name": "B", "end": D(2026, 11, 30)},
                             {"name": "C"}]},
    )
    assert facts.funding_end == D(2026, 11, 30)  # the sources win over project.end
    assert facts.months_left == 5


def test_funding_end_falls_back_to_project_end() -> None:
    facts = facts_of(project={"end": D(2026, 8, 31)},
                     funding={"sources": [{"name": "A", "kind": "project"}]})
    assert facts.funding_end == D(2026, 8, 31)
    assert facts.months_left == 2


def test_months_left_uses_the_evaluation_date() -> None:
    end = {"end": D(2026, 12, 1)}
    assert facts_of(D(2026, 6, 1), project=end).months_left == 6
    assert facts_of(D(2026, 9, 2), project=end).months_left == 2
    assert facts_of(D(2026, 12, 1), project=end).months_left == 0
    assert facts_of(D(2027, 3, 1), project=end).months_left == -3  # past the end


# -- funding_months ------------------------------------------------------------------------


def test_funding_months_from_duration() -> None:
    facts = facts_of(funding={"duration_months": 10,
                              "sources": [{"start": D(2026, 1, 1), "end": D(2028, 1, 1)}]})
    assert facts.funding_months == 10  # the stated duration wins over the sources' dates


def test_zero_duration_is_a_value() -> None:
    facts = facts_of(funding={"duration_months": 0,
                              "sources": [{"start": D(2026, 1, 1), "end": D(2027, 1, 1)}]})
    assert facts.funding_months == 0


def test_funding_months_from_source_dates() -> None:
    facts = facts_of(funding={"sources": [
        {"name": "A", "start": D(2026, 3, 1), "end": D(2026, 8, 31)},
        {"name": "B", "start": D(2026, 1, 1), "end": D(2026, 12, 31)},
    ]})
    assert facts.funding_start == D(2026, 1, 1)
    assert facts.funding_end == D(2026, 12, 31)
    assert facts.funding_months == 11  # 1 Jan → 31 Dec: 11 whole months


def test_funding_months_from_earliest_start_to_latest_end() -> None:
    facts = facts_of(funding={"sources": [
        {"start": D(2026, 1, 1), "end": D(2026, 6, 1)},
        {"start": D(2026, 4, 1), "end": D(2027, 1, 1)},
    ]})
    assert facts.funding_months == 12


def test_funding_months_needs_a_start_and_an_end() -> None:
    assert facts_of(funding={"sources": [{"end": D(2026, 12, 31)}]}).funding_months is None
    assert facts_of(funding={"sources": [{"start": D(2026, 1, 1)}]}).funding_months is None
    # project dates are not funding dates
    facts = facts_of(project={"start": D(2026, 1, 1), "end": D(2026, 12, 31)},
                     funding={"sources": [{"name": "A"}]})
    assert facts.funding_months is None
    assert facts.project_months == 11


# -- partners, key persons, kinds of funding --------------------------------------------------


def test_partner_facts() -> None:
    facts = facts_of(partners=[{"name": "Welzijn", "domain": "social"},
                               {"name": "Bieb", "domain": "cultural"},
                               {"name": "Museum", "domain": "cultural"}])
    assert facts.partner_domains == {"social", "cultural"}
    assert facts.partner_names == {"Welzijn", "Bieb", "Museum"}
    assert facts.partner_count == 3


def test_no_partners_listed_means_none_but_an_empty_list_is_known() -> None:
    assert facts_of().partner_domains is None
    assert facts_of().partner_names is None
    facts = facts_of(partners=[])
    assert facts.partner_domains == set()
    assert facts.partner_names == set()
    assert facts.partner_count == 0


def test_key_person_count() -> None:
    assert facts_of(key_persons=[{"name": "Fatima"}, {"name": "Henk"}]).key_person_count == 2
    assert facts_of(key_persons=[]).key_person_count == 0


@pytest.mark.parametrize(
    ("funding", "structural", "in_kind"),
    [
        ({}, None, None),
        ({"duration_months": 12}, None, None),
        ({"sources": []}, False, False),
        ({"sources": [{"kind": "project"}]}, False, False),
        ({"sources": [{"name": "no kind"}]}, False, False),
        ({"sources": [{"kind": "project"}, {"kind": "structural"}]}, True, False),
        ({"sources": [{"kind": "in_kind"}]}, False, True),
    ],
)
def test_has_structural_and_in_kind_funding(funding: dict[str, Any], structural: bool | None,
                                            in_kind: bool | None) -> None:
    facts = facts_of(funding=funding)
    assert facts.has_structural_funding is structural
    assert facts.has_in_kind_funding is in_kind


def test_funding_total() -> None:
    facts = facts_of(funding={"sources": [{"amount_eur": 1000}, {"amount_eur": 2500.5},
                                          {"name": "no amount"}]})
    assert facts.funding_total_eur == 3500.5


# -- the Facts object ------------------------------------------------------------------------


def test_unknown_fact_reads_none_but_dunders_raise() -> None:
    facts = facts_of()
    assert facts.some_plugin_fact is None
    with pytest.raises(AttributeError):
        _ = facts.__wrapped__


def test_as_dict_lists_every_builtin_fact() -> None:
    assert set(facts_of().as_dict()) == set(Facts.annotations())


# -- issue 12: key persons who leave, money that ends early -------------------------------


def test_leavers_within_six_months_without_a_successor_are_named_with_the_date() -> None:
    people = [
        {"name": "Mila", "leaves": dt.date(2026, 7, 1), "holds": ["group_channel"]},
        {"name": "Ahmed", "leaves": dt.date(2026, 8, 1), "successor": "Fatima"},
        {"name": "Henk", "leaves": dt.date(2026, 12, 1)},  # six months or more away
        {"name": "Gerda", "leaves": dt.date(2026, 5, 1)},  # already gone
        {"name": "Sanne", "holds": ["planning"]},
    ]
    f = facts_of(dt.date(2026, 6, 1), key_persons=people)
    assert f.leaving_soon == {"Mila", "Ahmed"}
    assert f.leaving_unreplaced == {Dated("Mila", dt.date(2026, 7, 1))}
    assert f.sole_holders == {"Mila"}
    assert facts_of(key_persons=[{"name": "Sanne"}]).leaving_unreplaced == set()
    none = facts_of()
    assert (none.leaving_soon, none.leaving_unreplaced, none.sole_holders) == (None, None, None)


def test_the_share_of_money_that_ends_three_months_early_names_its_sources() -> None:
    funding = {"sources": [
        {"name": "Fonds", "amount_eur": 30000.0, "end": dt.date(2026, 12, 31)},
        {"name": "Gemeente", "amount_eur": 12000.0, "end": dt.date(2027, 6, 30)},
        {"name": "Buurt", "amount_eur": 500.0, "end": dt.date(2027, 4, 30)},  # two months
    ]}
    f = facts_of(project={"name": "x", "end": dt.date(2027, 6, 30)}, funding=funding)
    assert f.funding_first_end == dt.date(2026, 12, 31)
    assert f.funding_early_share == 71  # 30000 of 42500
    assert f.funding_early_sources == {"Fonds"}
    # without the project's end nothing ends "early"
    g = facts_of(funding=funding)
    assert (g.funding_early_share, g.funding_early_sources) == (None, None)
    assert g.funding_first_end == dt.date(2026, 12, 31)
