"""Element assessments and effects a funder can read right (issue 12, item 4).

The table of assessments per example was checked by reading each report: the findings by
band, the strengths and the facts described behind every cell (docs/report.md explains
the rules). It holds for the built-in rules on 2026-11-01.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from interventie_advies import Engine, Report
from interventie_advies.cli import cli
from interventie_advies.engine._status import V1_STATUS, assess, contribution
from interventie_advies.messages import text as catalogue

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
DATE = dt.date(2026, 11, 1)

# in_order, in_order_with_attention, weak, missing, not_described
OK, ATT, WEAK, MISS, ND = "in_order", "in_order_with_attention", "weak", "missing", "not_described"

def title(key: str, lang: str = "nl") -> str:
    """An element's or effect's title from the catalogue (its wording may change)."""
    return catalogue(key, lang)


ORDER = ["contact", "joint_product", "fit_residents", "meeting_place", "connecting_power",
         "shared_vision", "mutual_strengths", "all_layers", "remove_barriers", "sustainability",
         "knowledge_use", "key_persons"]

#: what an advisor reads in each report (columns in the order of ORDER)
EXPECTED = {
    # strong art, place and vision; contact may end with the project (CON04), the
    # management of the partner stays away (AL03, AL04), nothing arranged for afterwards,
    # a key person without a successor (KEY03)
    "buurtopera": [WEAK, OK, OK, OK, OK, OK, OK, MISS, WEAK, MISS, OK, WEAK],
    # the well-prepared choir: only the bridge between the fields is open (RB01)
    "generatiekoor": [OK, OK, OK, OK, OK, OK, OK, OK, WEAK, OK, OK, OK],
    # a good film whose premiere falls after the money stops (JP04 beside JP90); it leaves
    # out [vision], [collaboration] and [knowledge]: those are not described, not "partial".
    # JP04 is about the closing phase too (issue 12), so of the two high places it takes
    # one: sustainability keeps one high warning (SUS06) and is weak, not missing
    "jongerenfilm": [OK, ATT, OK, OK, OK, ND, OK, ND, ND, WEAK, ND, WEAK],
    # continuation organised, but residents have little say and groups stay apart; with
    # high kept for the strongest gaps (contact, fit, connecting power) the end product,
    # vision and barriers are weak, not missing
    "kunstnetwerk": [MISS, WEAK, MISS, WEAK, MISS, WEAK, ATT, OK, WEAK, OK, ATT, OK],
    # the mural: a joint product with a strength and a maintenance warning is in order
    # with a point of attention, no longer "ontbreekt"; nothing arranged for afterwards is
    # the one gap; vision, barriers and knowledge are open points (medium), so weak
    "muurschildering": [WEAK, ATT, OK, WEAK, ATT, WEAK, OK, WEAK, WEAK, MISS, WEAK, WEAK],
    # a first sketch: nothing can be judged yet
    "schets": [ND] * 12,
}


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(plugins=())


def advise(engine: Engine, data: Any, lang: str = "nl") -> Report:
    return engine.advise(data, date=DATE, lang=lang)


def assessments(report: Report) -> dict[str, str]:
    return {e.element: e.assessment for e in report.elements}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_example_reads_as_an_advisor_would(engine: Engine, name: str) -> None:
    report = advise(engine, ROOT / "examples" / f"{name}.toml")
    assert assessments(report) == dict(zip(ORDER, EXPECTED[name], strict=True))
    # version-1 readers see the same judgement in the four old values
    assert [e.status for e in report.elements] == [V1_STATUS[a] for a in EXPECTED[name]]


def test_the_murals_joint_product_is_not_missing(engine: Engine) -> None:
    """All facts known, a strength, one high warning: a point of attention, not a gap."""
    report = advise(engine, ROOT / "examples" / "muurschildering.toml")
    joint = next(e for e in report.elements if e.element == "joint_product")
    assert (joint.described, joint.needed, joint.strengths) == (8, 8, 1)
    assert [(f.code, f.priority) for f in report.findings if f.element == "joint_product"] == [
        ("JP05", "high")]
    assert (joint.assessment, joint.status) == ("in_order_with_attention", "covered")


@pytest.mark.parametrize(
    "extra",
    [
        pytest.param({}, id="only-a-name"),
        # about 5% of the facts the rules read: still nothing to judge
        pytest.param({"art": {"forms": ["theatre"], "professional_artist": True}},
                     id="five-percent"),
    ],
)
def test_a_sparse_file_is_not_described_and_says_nothing_about_effects(
    engine: Engine, extra: dict[str, Any]
) -> None:
    data = {"format": 1, "project": {"name": "Alleen een naam"}, **extra}
    report = advise(engine, data)
    assert report.completeness["percent"] <= 5
    assert set(assessments(report).values()) == {"not_described"}
    assert {e.status for e in report.elements} == {"unknown"}
    assert {e.contribution for e in report.effects} == {"unknown"}
    assert all(e.attention == () for e in report.effects)
    for fmt in ("text", "markdown", "html"):
        out = report.render(fmt)
        assert "Er is nog te weinig beschreven om te zeggen waaraan het project kan" in out
        assert "kan hieraan" not in out and title("effect.social_contact") not in out
        assert out.count("nog niet beschreven") >= 12


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
@pytest.mark.parametrize("date", ["2026-03-01", "2026-06-01", "2026-11-01", "2027-06-01"])
def test_never_not_described_when_all_facts_are_known(
    engine: Engine, path: Path, date: str
) -> None:
    report = engine.advise(path, date=dt.date.fromisoformat(date))
    for e in report.elements:
        if e.needed and e.described == e.needed:
            assert e.assessment != "not_described", e.element
        if e.strengths or e.findings:
            assert e.assessment != "not_described", e.element


@pytest.mark.parametrize(
    ("strengths", "high", "medium", "low", "known", "expected"),
    [
        (0, (), 0, 0, (0, 0), ND),
        (0, (), 0, 0, (1, 3), ND),  # a third known, nothing fired: too little to judge
        (0, (), 0, 0, (3, 6), OK),  # half known and the checks found nothing
        (0, (), 0, 0, (7, 7), OK),
        (1, (), 0, 0, (0, 8), OK),  # a strength is evidence, however little else is known
        (1, (), 0, 1, (8, 8), ATT),
        (1, (), 2, 0, (8, 8), ATT),
        (1, ("warning",), 0, 0, (8, 8), ATT),
        (1, ("recommendation",), 0, 0, (8, 8), WEAK),
        (1, ("warning", "warning"), 0, 0, (8, 8), WEAK),
        (0, (), 0, 1, (1, 8), ATT),
        (0, (), 1, 0, (8, 8), WEAK),
        (0, ("warning",), 0, 0, (8, 8), WEAK),
        (0, ("recommendation",), 0, 0, (8, 8), MISS),
        (0, ("warning", "warning"), 0, 0, (8, 8), MISS),
    ],
)
def test_the_decision_table(
    strengths: int, high: tuple[str, ...], medium: int, low: int, known: tuple[int, int],
    expected: str,
) -> None:
    assert assess(strengths, high, medium, low, *known) == expected


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ([OK, OK, OK], "can_contribute"),
        ([OK, ATT, ND], "can_contribute"),  # two of three judged: enough to say something
        ([OK, WEAK, OK], "can_contribute_if"),
        ([MISS, ATT], "can_contribute_if"),
        ([MISS, WEAK, MISS], "little_yet"),
        ([OK, ND, ND], "unknown"),  # one of three judged: say nothing
        ([OK, ND], "unknown"),
        ([ND, ND, ND], "unknown"),
    ],
)
def test_what_a_project_can_contribute_to(parts: list[str], expected: str) -> None:
    assert contribution(parts) == expected


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_effects_are_never_predicted(engine: Engine, lang: str, fmt: str) -> None:
    """The research's caution in every format; no 'sterk' or 'redelijk' effect levels."""
    caution = {"nl": "Dit is geen voorspelling. Volgens onderzoek zijn deze effecten",
               "en": "This is not a prediction. Research finds these effects"}[lang]
    for path in EXAMPLES:
        if path.stem == "schets":
            continue
        out = " ".join(advise(engine, path, lang).render(fmt).split())
        assert caution in out, path.stem
        for claim in ("sterk</td>", ": sterk", "| sterk |", "redelijk", ": strong", "moderate"):
            assert claim not in out, (path.stem, claim)


def test_effect_lines_name_the_elements_that_need_attention(engine: Engine) -> None:
    report = advise(engine, ROOT / "examples" / "muurschildering.toml")
    text = " ".join(report.render("text").split())
    assert (f"{title('effect.social_contact')} Het project kan hieraan bijdragen als er meer "
            f"aandacht komt voor: ‘{title('element.contact')}’, "
            f"‘{title('element.meeting_place')}’.") in text
    assert (f"{title('effect.confidence')} Het project kan hieraan bijdragen; de elementen "
            "erachter zijn op orde.") in text
    network = advise(engine, ROOT / "examples" / "kunstnetwerk.toml", "en")
    md = network.render("markdown")
    assert (f"- **{title('effect.confidence', 'en')}:** The project can as yet contribute "
            "little to this. It first needs more attention for: "
            f"‘{title('element.fit_residents', 'en')}’, "
            f"‘{title('element.joint_product', 'en')}’.") in md


def test_an_element_not_described_is_named_never_counted_in_order(engine: Engine) -> None:
    """The youth film leaves out [vision]: 'in order' covers only what is described."""
    report = advise(engine, ROOT / "examples" / "jongerenfilm.toml")
    text = " ".join(report.render("text").split())
    assert (f"{title('effect.connection')} Het project kan hieraan bijdragen; wat er "
            "beschreven is, is op orde. Nog niet beschreven: "
            f"‘{title('element.shared_vision')}’.") in text
    assert (f"{title('effect.social_contact')} Het project kan hieraan bijdragen; de elementen "
            "erachter zijn op orde.") in text


def test_the_json_keeps_version_1_and_adds_the_new_fields(engine: Engine) -> None:
    data = advise(engine, ROOT / "examples" / "muurschildering.toml").to_dict()
    joint = next(e for e in data["elements"] if e["element"] == "joint_product")
    assert (joint["status"], joint["assessment"]) == ("covered", "in_order_with_attention")
    social = data["effects"][0]
    assert social == {
        "effect": "social_contact",
        "title": title("effect.social_contact"),
        "level": "moderate",
        "contribution": "can_contribute_if",
        "elements": {"contact": "partial", "meeting_place": "partial",
                     "joint_product": "covered"},
        "attention": ["contact", "meeting_place"],
    }


def test_the_text_report_shows_the_assessments_in_words() -> None:
    result = CliRunner().invoke(cli, ["run", str(ROOT / "examples" / "muurschildering.toml"),
                                      "--date", DATE.isoformat(), "--no-plugins"])
    assert result.exit_code == 0, result.output
    joint = re.escape(title("element.joint_product"))
    assert re.search(rf"^  {joint} +op orde, met aandachtspunt +1 / 0 / 1 +8/8 beschreven$",
                     result.stdout, re.M)
    sustainability = re.escape(title("element.sustainability"))
    assert re.search(rf"^  {sustainability} +ontbreekt +", result.stdout, re.M)
    overview = result.stdout.split("Overzicht per element", 1)[1].split("Waaraan", 1)[0]
    assert "deels" not in overview and "onbekend" not in overview


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_element_overview_fits_a_terminal_of_120_columns(engine: Engine, lang: str) -> None:
    for path in EXAMPLES:
        text = advise(engine, path, lang).render("text")
        heading = {"nl": "Overzicht per element", "en": "Element overview"}[lang]
        overview = text.split(heading, 1)[1]
        assert max(len(line) for line in overview.splitlines()) <= 120, path.stem


def test_the_report_schema_takes_new_reports_and_those_saved_before(engine: Engine) -> None:
    from interventie_advies.commands._schema import ReportSchema

    data = advise(engine, ROOT / "examples" / "muurschildering.toml").to_dict()
    ReportSchema.model_validate(data)
    for element in data["elements"]:
        del element["assessment"]
    for effect in data["effects"]:
        del effect["contribution"], effect["attention"]
    ReportSchema.model_validate(data)  # a version-1 report written before they were added
    data["elements"][0]["assessment"] = "partial"  # a version-1 status is no assessment
    with pytest.raises(ValueError, match="assessment"):
        ReportSchema.model_validate(data)
