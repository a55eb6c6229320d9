"""Every error class survives a trip to another process (batch workers send errors back)."""

from __future__ import annotations

import pickle

import pytest

import interventie_advies  # noqa: F401 - imports every module that defines an error class
from interventie_advies._errors import (
    AdviesError,
    PluginError,
    Problem,
    ProjectError,
    RuleConflictError,
    RuleError,
    UsageError,
)

PROBLEMS = [
    Problem("a.toml", "project.name", "is missing", 3, 1),
    Problem("a.toml", "", "second problem"),
]

#: one instance of every class; the test below fails when a class is added without one
EXAMPLES: dict[type[AdviesError], AdviesError] = {
    AdviesError: AdviesError("something went wrong"),
    ProjectError: ProjectError(PROBLEMS),
    RuleError: RuleError(PROBLEMS),
    RuleConflictError: RuleConflictError("CON01", "plugin x (rules/contact.toml)", "r.toml"),
    PluginError: PluginError("kapot", "1.0", "hook advies_facts raised RuntimeError"),
    UsageError: UsageError("unknown format 'pdf'"),
}


def all_subclasses(cls: type[AdviesError]) -> set[type[AdviesError]]:
    found = {cls}
    for sub in cls.__subclasses__():
        found |= all_subclasses(sub)
    return found


def test_every_error_class_has_an_example() -> None:
    assert all_subclasses(AdviesError) == set(EXAMPLES)


@pytest.mark.parametrize("cls", sorted(EXAMPLES, key=lambda c: c.__name__))
def test_error_survives_pickling(cls: type[AdviesError]) -> None:
    error = EXAMPLES[cls]
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is cls
    assert str(copy) == str(error)
    assert copy.args == error.args
    assert vars(copy) == vars(error)
    assert copy.exit_code == error.exit_code


def test_rule_conflict_keeps_code_and_sources() -> None:
    copy = pickle.loads(pickle.dumps(EXAMPLES[RuleConflictError]))
    assert isinstance(copy, RuleConflictError)
    assert copy.code == "CON01"
    assert copy.sources == ("plugin x (rules/contact.toml)", "r.toml")
    assert copy.problems == [
        Problem("r.toml", "CON01", "rule code 'CON01' is already defined by plugin x "
                "(rules/contact.toml)")
    ]


@pytest.mark.parametrize("cls", sorted(EXAMPLES, key=lambda c: c.__name__))
def test_attributes_added_later_survive(cls: type[AdviesError]) -> None:
    error = pickle.loads(pickle.dumps(EXAMPLES[cls]))  # a fresh instance to change
    # NOTE: what add_note (Python 3.11+) stores; set directly, it works on 3.10 too
    error.__notes__ = ["while advising a.toml"]
    error.checked_by = "batch"  # type: ignore[attr-defined]
    again = pickle.loads(pickle.dumps(error))
    assert again.__notes__ == ["while advising a.toml"]
    assert again.checked_by == "batch"  # type: ignore[attr-defined]
