"""Questions that help: one per fact, never about a given fact, ranked by what they unlock."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from strategies import sparse_projects

from interventie_advies import Engine, load_project, load_rules
from interventie_advies.cli import cli
from interventie_advies.engine._questions import FIELD_QUESTIONS, field_to_fill, fields_to_fill
from interventie_advies.messages import table
from interventie_advies.project._toml import loads
from interventie_advies.report._text import TEXT_QUESTIONS
from interventie_advies.rulebook._elements import ELEMENT_IDS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
DATE = dt.date(2026, 11, 1)
ENGINE = Engine(plugins=())
ORDER = {e: i for i, e in enumerate(ELEMENT_IDS)}

# -- one question per sentence -------------------------------------------------------------

_ASKING_NL = (
    "wat|wie|hoe|welke|welk|waar|wanneer|waarom|hoeveel|hebben|heeft|is|zijn|doen|doet|kan|"
    "kunnen|staan|staat|noemt|leidt|gaat|gaan|wordt|worden|mogen|blijft|blijven|nemen"
)
_ASKING_EN = "what|who|how|which|where|when|why|does|do|is|are|has|have|can|will|did|was"
#: two questions in one sentence: ", en ..." / ", and ...", or "en/and" + a question word
JOINED = re.compile(
    rf",\s*(en|and)\s|\b(en\s+({_ASKING_NL})|and\s+({_ASKING_EN}))\b", re.IGNORECASE
)


def joined_questions(text: str) -> list[str]:
    """What makes ``text`` more than one question (empty when it is one)."""
    found = ["more than one question mark"] if text.count("?") > 1 else []
    return found + [s.strip() for s in re.findall(r"[^.!?]*\?", text) if JOINED.search(s)]


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("Welke partners doen mee, en leidt of coacht een kunstenaar het project?", True),
        ("Doen er jongeren mee en hebben hun ouders toestemming gegeven?", True),
        ("Which partners take part, and which field do they come from?", True),
        ("Wie is het? Wat doet het?", True),
        ("Leidt of coacht een professionele kunstenaar het project?", False),
        ("Hoe houden deelnemers contact, tijdens en na het project? Beschrijf dat.", False),
    ],
)
def test_the_joined_question_check_itself(text: str, joined: bool) -> None:
    assert bool(joined_questions(text)) is joined


def _question_texts() -> list[tuple[str, str]]:
    out = []
    for path in sorted((ROOT / "rules").glob("*.toml")):
        for rule in load_rules(path):
            if rule.question:
                out += [(f"{rule.code} {lang}", rule.question.get(lang)) for lang in ("nl", "en")]
    # NOTE: the plugins of this repository, read from their files here (the installed
    # copies may be elsewhere): the jeugd rule file, and the fonds rules' Python dicts
    jeugd = ROOT / "plugins/interventie-advies-jeugd/src/interventie_advies_jeugd/rules"
    for path in sorted(jeugd.glob("*.toml")):
        for raw in loads(path.read_text(encoding="utf-8"))["rule"]:
            if "question" in raw:
                out += [(f"{raw['code']} {lang}", raw["question"][lang]) for lang in ("nl", "en")]
    fonds = ROOT / "plugins/interventie-advies-fonds/src/interventie_advies_fonds/rules.py"
    for node in ast.walk(ast.parse(fonds.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and key.value == "question":
                    texts = ast.literal_eval(value)
                    out += [(f"fonds {lang}", texts[lang]) for lang in ("nl", "en")]
    for namespace in ("table_question", "field_question"):
        for key, entry in table(namespace).items():
            out += [(f"{namespace}.{key} {lang}", entry.pick(lang)) for lang in ("nl", "en")]
    return out


def test_every_question_text_is_one_question() -> None:
    texts = _question_texts()
    assert len(texts) > 150
    bad = {where: joined_questions(text) for where, text in texts if joined_questions(text)}
    assert bad == {}


def test_every_field_a_built_in_rule_waits_for_has_a_catalogue_question() -> None:
    fields = {
        name
        for path in sorted((ROOT / "rules").glob("*.toml"))
        for rule in load_rules(path)
        for need in rule.needs
        for name in fields_to_fill(field_to_fill(need))
    }
    assert fields - set(FIELD_QUESTIONS) == set()


# -- the examples --------------------------------------------------------------------------


def _given(data: Any, path: str) -> bool:
    """Whether the file's data (a plain dict) gives ``path``; through a list: every item."""
    values = [data]
    for part in path.split("."):
        name = part.removesuffix("[]")
        nxt = []
        for value in values:
            if not isinstance(value, dict) or value.get(name) is None:
                return False
            nxt += value[name] if part.endswith("[]") else [value[name]]
        values = nxt
    return True


def _check(report: Any, data: dict[str, Any]) -> None:
    seen: dict[str, str] = {}
    for q in report.questions:
        for name in q.missing:
            assert name not in seen, f"{name} asked twice: {seen.get(name)!r} and {q.question!r}"
            seen[name] = q.question
            if not name.startswith("facts."):
                assert not _given(data, name), f"{name} is given but asked: {q.question!r}"
    keys = [(-q.unlocks, ORDER.get(q.element, 99), q.code) for q in report.questions]
    assert keys == sorted(keys)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_examples_ask_each_missing_field_once_and_never_a_given_one(
    example: Path, lang: str
) -> None:
    engine = Engine()  # with the installed plugins, as `advies run` does
    report = engine.advise(example, date=DATE, lang=lang)
    data = load_project(example).model_dump(mode="python", exclude_none=True)
    _check(report, data)
    result = CliRunner().invoke(
        cli, ["run", str(example), "--date", DATE.isoformat(), "--lang", lang]
    )
    assert result.exit_code == 0, result.output
    shown = re.findall(r"^  (\d+)\. ", result.output, flags=re.MULTILINE)
    assert len(shown) == min(TEXT_QUESTIONS, len(report.questions))
    more = len(report.questions) - TEXT_QUESTIONS
    if more <= 0:
        assert "HTML" not in result.output
    elif lang == "nl":
        which = "vraag" if more == 1 else "vragen"
        assert f"Het JSON- en HTML-rapport noemen nog {more} {which}." in result.output
    else:
        which = "question" if more == 1 else "questions"
        assert f"The JSON and HTML reports list {more} other {which}." in result.output


def test_the_sketch_shows_ten_and_points_to_the_rest() -> None:
    result = CliRunner().invoke(
        cli, ["run", str(ROOT / "examples/schets.toml"), "--date", "2026-11-01", "--no-plugins"]
    )
    report = ENGINE.advise(ROOT / "examples/schets.toml", date=DATE)
    # 22: the consent and the aftercare of personal stories (CP05, CP06) wait too
    assert len(report.questions) == 22
    assert "  10. " in result.output and "  11. " not in result.output
    assert "Het JSON- en HTML-rapport noemen nog 12 vragen." in result.output
    assert report.questions[0].missing[0] == "partners"  # unlocks the most advice
    assert report.questions[0].unlocks == max(q.unlocks for q in report.questions)


# -- the two faults of issue 12 ------------------------------------------------------------


def test_a_given_professional_artist_is_never_asked_for() -> None:
    """KEY02 waits for the artist and their experience: only the experience is asked."""
    data = {
        "format": 1,
        "project": {"name": "x", "phase": "execution"},
        "art": {"forms": ["mural"], "professional_artist": True},
    }
    report = ENGINE.advise(data, date=DATE)
    asked = {name for q in report.questions for name in q.missing}
    assert "art.artist_community_experience" in asked
    assert "art.professional_artist" not in asked
    assert not any("professionele kunstenaar" in q.question for q in report.questions)
    [experience] = [q for q in report.questions if "art.artist_community_experience" in q.missing]
    assert experience.missing == ("art.artist_community_experience",)
    assert experience.question == FIELD_QUESTIONS["art.artist_community_experience"].nl
    assert experience.codes == ("KEY02",)


def test_the_barriers_are_asked_once_for_every_element_that_waits() -> None:
    data = {"format": 1, "project": {"name": "x"}, "residents": {"target_groups": ["elderly"]},
            "contact": {"group_channel": "whatsapp"}}
    report = ENGINE.advise(data, date=DATE)
    barriers = [q for q in report.questions if "residents.barriers" in q.missing]
    assert len(barriers) == 1
    [q] = barriers
    assert q.missing == ("residents.barriers",)
    assert {"CON05", "FIT03", "FIT90"} <= set(q.codes)
    assert set(q.elements) == {"contact", "fit_residents"}
    assert q.question == "Welke drempels kunnen bewoners tegenhouden om mee te doen?"


# -- ranking on synthetic projects -----------------------------------------------------------


@settings(max_examples=40, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(sparse_projects())
def test_ranking_is_deterministic_and_keeps_the_rules(data: dict[str, Any]) -> None:
    first = ENGINE.advise(data, date=DATE)
    again = Engine(plugins=()).advise(data, date=DATE)
    assert first.questions == again.questions
    project = load_project(data).model_dump(mode="python", exclude_none=True)
    _check(first, project)


def test_markdown_lists_every_question_ranked_with_the_elements_it_helps() -> None:
    report = ENGINE.advise(ROOT / "examples/schets.toml", date=DATE)
    markdown = report.render("markdown")
    lines = [line for line in markdown.splitlines() if re.match(r"\d+\. ", line)]
    questions = [line for line in lines if "(helpt bij: " in line]
    assert len(questions) == len(report.questions) == 22
    for n, (line, q) in enumerate(zip(questions, report.questions, strict=True), 1):
        assert line.startswith(f"{n}. ")
        assert all(f"`{m}`" in line for m in q.missing)
    barriers = next(line for line in questions if "`residents.barriers`" in line)
    assert "Sluit aan bij wat bewoners" in barriers
    assert "Zorg voor contact tussen bewoners" in barriers
