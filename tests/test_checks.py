"""advies check and advise validate a project in one way: the same problems, all at once."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import DATE, make_rule
from pydantic import BaseModel, ConfigDict

from interventie_advies import ProjectError, hookimpl
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
