"""Issue 12, "Done when": no shown text contradicts the file or the moment.

Every example (``examples/*.toml``, so new examples are covered too) is advised on at
several dates (before the start, mid-way, the last month, after the end) and in every
phase (the file's own, and the same file with ``project.phase`` set to each phase), in
Dutch and English. The text report and the texts of the JSON report (findings, items,
questions, strengths) are scanned for:

- phase-bound phrases out of their phase (``PHASE_BOUND``);
- things the file says do not exist (``ABSENT``);
- placeholders left unfilled (``{`` and ``?`` in a rule's text).
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import TYPE_CHECKING, Any

import pytest
import tomli  # the parser the package uses, on every Python (3.10 has no tomllib)
from conftest import EXAMPLE_FILES

from interventie_advies import Engine
from interventie_advies.project._enums import PHASES

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

#: phrases bound to a moment, and the phases in which they may be shown
PHASE_BOUND: dict[str, tuple[str, ...]] = {
    "vóór de start": ("idea", "preparation"),
    "voor de start": ("idea", "preparation"),
    "before the start": ("idea", "preparation"),
    "eerste workshop": ("idea", "preparation"),
    "first workshop": ("idea", "preparation"),
    "laatste weken": ("execution", "closing"),
    "last weeks": ("execution", "closing"),
    "laatste bijeenkomst": ("preparation", "execution"),
    "last session": ("preparation", "execution"),
    "vóór het maken": ("idea", "preparation", "execution"),
    "before you make it": ("idea", "preparation", "execution"),
}

#: phrases about an event still to come: wrong once the project's end date has passed
BEFORE_THE_END: tuple[str, ...] = ("vóór het evenement", "before the event")

Project = dict[str, Any]


def _has_domain(project: Project, domain: str) -> bool:
    return any(p.get("domain") == domain for p in project.get("partners") or ())


def _one_off(project: Project) -> bool:
    """A one-off event, or every activity happens once: there is no "last session"."""
    if project["project"].get("one_off") is True:
        return True
    activities = project.get("activities") or ()
    return bool(activities) and all(a.get("frequency") == "once" for a in activities)


#: things a text may only name when the file does not say they are absent: (the words
#: that name the project's own thing, whether the file says it lacks it). Indefinite
#: words ("een woningcorporatie", "a meeting place") suggest one and are fine.
ABSENT: tuple[tuple[tuple[str, ...], Callable[[Project], bool]], ...] = (
    (
        ("de ontmoetingsplek", "jullie ontmoetingsplek", "the meeting place", "your meeting place"),
        lambda p: (p.get("meeting_place") or {}).get("available") is False,
    ),
    (
        ("het groepskanaal", "de groepsapp", "the group channel", "the group app"),
        lambda p: (p.get("contact") or {}).get("group_channel") in (None, "none"),
    ),
    (
        ("de woningcorporatie", "the housing corporation", "the housing association"),
        lambda p: not _has_domain(p, "housing"),
    ),
    (
        ("voorstelling",),
        lambda p: (p.get("end_product") or {}).get("kind") not in (None, "performance"),
    ),
    (
        ("wekelijks", "weekly", "elke week", "every week"),
        lambda p: not any(
            a.get("frequency") == "weekly" for a in p.get("activities") or ()
        ),
    ),
)

#: rules whose advice is to create the absent thing may name it
ABOUT_THE_ABSENCE: dict[str, frozenset[str]] = {
    "de ontmoetingsplek": frozenset({"MP01"}),
    "the meeting place": frozenset({"MP01"}),
    "het groepskanaal": frozenset({"CON02"}),
    "the group channel": frozenset({"CON02"}),
}


def _dates(project: Project) -> list[dt.date]:
    """Before the start, mid-way, the last month, after the end (when known), and 2026-06-01."""
    info = project["project"]
    start, end = info.get("start"), info.get("end")
    # NOTE: and the date the catalogue tests and the docs use, where dated rules such as a
    # key person who leaves next month fire
    usual = dt.date(2026, 6, 1)
    if start is None or end is None:
        return [usual]
    middle = start + (end - start) / 2
    return sorted({start - dt.timedelta(days=60), middle, end - dt.timedelta(days=20),
                   end + dt.timedelta(days=60), usual})


def _variants(path: Path) -> Iterator[tuple[str, Project]]:
    """The file as it is, with each phase, and without a meeting place and group channel."""
    project = tomli.loads(path.read_text(encoding="utf-8"))
    yield f"{path.stem}:{project['project'].get('phase')}", project
    for phase in PHASES:
        changed = copy.deepcopy(project)
        changed["project"]["phase"] = phase
        yield f"{path.stem}:{phase}", changed
    bare = copy.deepcopy(project)
    bare["meeting_place"] = {"available": False}
    bare["contact"] = {**bare.get("contact", {}), "group_channel": "none"}
    bare["contact"].pop("channel_moderator", None)
    for person in bare.get("key_persons", ()):  # nobody holds a channel there is not
        if "holds" in person:
            person["holds"] = [h for h in person["holds"] if h != "group_channel"]
    yield f"{path.stem}:bare", bare


Shown = tuple[frozenset[str], str]  # the codes a text comes from, and the text


def _rule_texts(data: dict[str, Any]) -> Iterator[Shown]:
    """Every text of the JSON report that comes from a rule, with the rule's code(s)."""
    for part in ("findings", "items", "strengths"):
        for entry in data[part]:
            codes = frozenset(entry.get("codes") or (entry["code"],))
            for text in (entry["title"], entry["message"], entry.get("why", ""),
                         *entry.get("actions", ())):
                yield codes, text
    for question in data["questions"]:
        yield frozenset(question["codes"]), question["question"]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _text_report(rendered: str, texts: list[Shown]) -> Shown:
    """The text report in one line, without the texts of rules excused for the absence."""
    flat = _flat(rendered)
    excused = set().union(*ABOUT_THE_ABSENCE.values())
    for codes, text in texts:
        if codes <= excused:
            flat = flat.replace(_flat(text), "")
    return frozenset(), flat


def _problems(project: Project, phase: str | None, date: dt.date,
              texts: list[Shown]) -> list[str]:
    found = []
    start, end = project["project"].get("start"), project["project"].get("end")
    started = start is not None and date >= start
    for codes, line in texts:
        lowered = line.lower()
        if end is not None and date > end:
            found += [f"{phrase!r} after the end ({date}): {line}"
                      for phrase in BEFORE_THE_END if phrase in lowered]
        for phrase, phases in PHASE_BOUND.items():
            if phrase not in lowered:
                continue
            if phase is not None and phase not in phases:
                found.append(f"{phrase!r} in phase {phase}: {line}")
            elif phrase.endswith("start") and started:
                found.append(f"{phrase!r} after the start ({date}): {line}")
            elif ("bijeenkomst" in phrase or "session" in phrase) and _one_off(project):
                found.append(f"{phrase!r} for a one-off event: {line}")
        for words, lacks in ABSENT:
            hit = next((w for w in words if re.search(rf"\b{re.escape(w)}", lowered)), None)
            if hit and lacks(project) and not codes & ABOUT_THE_ABSENCE.get(hit, frozenset()):
                found.append(f"{hit!r} named but absent from the file: {line}")
        if "{" in line or re.search(r"(^|\s)\?(\s|$)|\(\?\)|: \?", line):
            found.append(f"unfilled placeholder: {line}")
    return found


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(plugins=())


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.stem for p in EXAMPLE_FILES])
def test_no_text_contradicts_the_file_or_the_moment(engine: Engine, path: Path) -> None:
    problems: set[str] = set()
    for label, project in _variants(path):
        phase = project["project"].get("phase")
        for date in _dates(project):
            for lang in ("nl", "en"):
                report = engine.advise(project, lang=lang, date=date)
                data = report.to_dict()
                texts = [(codes, text) for codes, text in _rule_texts(data) if text]
                shown = _text_report(report.render("text"), texts)
                for problem in _problems(project, phase, date, [*texts, shown]):
                    problems.add(f"{label} {date} {lang}: {problem}")
    assert not problems, "\n".join(sorted(problems))


def test_the_scan_finds_what_it_looks_for() -> None:
    """The checks themselves: each kind of problem is found on a made-up text."""
    project: Project = {
        "project": {"name": "x", "start": dt.date(2026, 1, 1)},
        "meeting_place": {"available": False},
        "end_product": {"kind": "artwork_in_public_space"},
        "activities": [{"name": "feest", "frequency": "once"}],
    }
    day = dt.date(2026, 6, 1)
    texts = [
        "Kies vóór de start een vraag.",
        "Regel de ontmoetingsplek.",
        "Vraag de woningcorporatie.",
        "Werk toe naar een voorstelling (geen muurschildering).",
        "Plan wekelijkse bijeenkomsten.",
        "Bepaal dit vóór de laatste bijeenkomst.",
        "De partner {partners.name} helpt.",
        "Los ? op.",
    ]
    found = _problems(project, "execution", day, [(frozenset({"X01"}), t) for t in texts])
    assert len(found) == len(texts)
    assert any("placeholder" in f and "{" in f for f in found)
    before = dt.date(2025, 6, 1)
    assert _problems(project, "preparation", before, [(frozenset(), "Vóór de start.")]) == []
    # MP01's advice is to find a meeting place: it may name one
    assert _problems(project, None, day, [(frozenset({"MP01"}), "Zoek de ontmoetingsplek.")]) == []
