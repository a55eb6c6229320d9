"""advies check and advise validate a project in one way: the same problems, all at once."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import tomli  # the parser the package uses, on every Python (3.10 has no tomllib)
from conftest import DATE, make_rule
from pydantic import BaseModel, ConfigDict

from interventie_advies import Engine, ProjectError, hookimpl
from interventie_advies.testing import RulesPlugin, make_engine


class Youth(BaseModel):
    model_config = ConfigDict(extra="forbid")

    age_from: int


class YouthPlugin:
    __name__ = "jeugd"

    @hookimpl
    def advies_project_extensions(self) -> dict[str, type[BaseModel]]:
        return {"jeugd": Youth}


BROKEN: dict[str, Any] = {
    "format": 1,
    "project": {"name": "Drie fouten"},
    "advies": {"require_plugins": ["advies-onbekend>=1"]},
    "extensions": {"jeugd": {"age_from": "twaalf"}},
    "decisions": [{"rule": "CHK02", "status": "accepted"}],
}

PATHS = ["advies.require_plugins[0]", "extensions.jeugd.age_from", "decisions[0].rule"]


def problems(error: pytest.ExceptionInfo[ProjectError]) -> list[str]:
    return [str(p) for p in error.value.problems]


def test_check_and_advise_report_the_same_problems_at_once() -> None:
    engine = make_engine(YouthPlugin(), RulesPlugin([make_rule("CHK01")]))
    with pytest.raises(ProjectError) as checked:
        engine.check(BROKEN)
    with pytest.raises(ProjectError) as advised:
        engine.advise(BROKEN, date=DATE)
    assert [p.path for p in checked.value.problems] == PATHS
    assert problems(advised) == problems(checked)
    assert "did you mean 'CHK01'?" in problems(advised)[2]


def test_a_project_that_passes_check_is_advised_on() -> None:
    engine = make_engine(YouthPlugin(), RulesPlugin([make_rule("CHK01")]))
    good = {**BROKEN, "advies": {}, "extensions": {"jeugd": {"age_from": 12}},
            "decisions": [{"rule": "CHK01", "status": "accepted"}]}
    assert engine.check(good).project.name == "Drie fouten"
    [finding] = engine.advise(good, date=DATE).findings
    assert finding.decision is not None and finding.decision.status == "accepted"


# -- the phase fits the dates (issue 12) ---------------------------------------------------


@pytest.mark.parametrize(
    ("phase", "date", "lang", "expected"),
    [
        ("preparation", "2026-06-01", "nl", []),
        ("preparation", "2026-11-01", "nl", [
            "de fase is 'voorbereiding', maar het project is volgens [project] start al op "
            "2026-09-01 begonnen; klopt de fase nog? Het advies gaat uit van de fase."]),
        ("execution", "2027-06-01", "en", [
            "the phase is 'execution', but by [project] end the project already ended on "
            "2027-05-31; is the phase still right? The advice depends on it."]),
        ("idea", "2027-06-01", "nl", [
            "de fase is 'idee', maar het project is volgens [project] end al op 2027-05-31 "
            "gestopt; klopt de fase nog? Het advies gaat uit van de fase."]),
        ("closing", "2026-06-01", "en", [
            "the phase is 'closing', but by [project] start the project only begins on "
            "2026-09-01; is the phase still right? The advice depends on it."]),
        ("execution", "2026-10-01", "nl", []),
        ("closing", "2027-05-01", "nl", []),
    ],
)
def test_a_phase_that_does_not_fit_the_dates_is_a_report_warning(
    phase: str, date: str, lang: str, expected: list[str]
) -> None:
    text = "\n".join(
        ["format = 1", "[project]", 'name = "X"', f'phase = "{phase}"', "start = 2026-09-01",
         "end = 2027-05-31", "[advies]", f'language = "{lang}"'])
    report = Engine(plugins=()).advise(tomli.loads(text), date=dt.date.fromisoformat(date))
    assert list(report.warnings) == expected
