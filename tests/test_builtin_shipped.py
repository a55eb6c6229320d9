"""The built-in rules as shipped (``plugins/_builtin_data.py``) are the rule files, validated.

Issue 15, item 6: loading the twelve rule files (TOML, pydantic, evalidate, the typed
walk, ``compile``) was a third of a one-file ``advies run``; the package ships them in
their validated form instead. These tests hold the shipped module to the rule files: it
is what the generator writes from them today, every rule it builds is the validated one
(fields, fields set, private attributes, compiled conditions), and an edited rule file is
loaded from its TOML instead.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import types
from typing import TYPE_CHECKING, Any

import pytest
from fuzzing import toml_dumps

from interventie_advies import Engine, Rule, load_rules
from interventie_advies.plugins import _builtin, _builtin_data, _generate
from interventie_advies.plugins._builtin import (
    builtin_rules,
    checksum,
    load_rule_files,
    rule_files,
    rules_dir,
)
from interventie_advies.rulebook import _rules, _write
from interventie_advies.rulebook._needs import NeedPath
from interventie_advies.rulebook._rebuild import Builder

if TYPE_CHECKING:
    from pathlib import Path

PATHS = rule_files(rules_dir())
#: how the built-in rules name their files, as the engine gives them to the builder
ORIGINS = _generate.origins(PATHS)


def shipped() -> list[Rule]:
    """The built-in rules as the shipped module builds them."""
    rules: list[Rule] = _builtin_data.build(Builder(ORIGINS))
    return rules


@pytest.fixture(scope="module")
def validated() -> list[Rule]:
    return load_rule_files(PATHS)


def test_the_shipped_module_is_what_the_generator_writes(validated: list[Rule]) -> None:
    """If this fails: ``python -m interventie_advies.plugins._generate`` (rule-format.md)."""
    assert _generate.TARGET.read_text(encoding="utf-8") == _generate.source(PATHS, validated)
    assert checksum(PATHS) == _builtin_data.CRC32
    assert tuple(path.name for path in PATHS) == _builtin_data.FILES
    assert _generate.main(["--check"]) == 0


def conditional_parts(rule: Rule) -> list[Any]:
    """The parts of a rule with their own compiled condition."""
    first = [rule.applies] if rule.applies is not None else []
    return [*first, *rule.adjust, *rule.variants, *rule.extra_actions]


def assert_rebuilt(new: Rule, old: Rule) -> None:
    """``new`` is ``old`` as far as anything can tell: fields, set fields, private ones."""
    assert type(new) is Rule
    assert new == old
    assert repr(new) == repr(old)
    assert list(new.__dict__) == list(old.__dict__)
    assert new.model_fields_set == old.model_fields_set
    assert new.model_dump() == old.model_dump()
    assert new.model_dump(exclude_unset=True) == old.model_dump(exclude_unset=True)
    assert new.__pydantic_private__ == old.__pydantic_private__
    assert new.__pydantic_extra__ is old.__pydantic_extra__ is None
    assert new.code_object == old.code_object
    assert isinstance(new.code_object, types.CodeType)
    assert isinstance(old.code_object, types.CodeType)
    assert new.code_object.co_filename == old.code_object.co_filename
    assert new.need_paths == old.need_paths
    assert all(type(path) is NeedPath for path in new.need_paths)
    assert new._facts_read == old._facts_read
    assert new._unchecked == old._unchecked
    assert new.extension_problems({}) == old.extension_problems({})
    new_parts, old_parts = conditional_parts(new), conditional_parts(old)
    assert len(new_parts) == len(old_parts)
    for new_part, old_part in zip(new_parts, old_parts, strict=True):
        assert type(new_part) is type(old_part)
        assert new_part.__pydantic_private__ == old_part.__pydantic_private__
        assert new_part.code_object == old_part.code_object
        assert new_part.code_object.co_filename == old_part.code_object.co_filename
        assert new_part.need_paths == old_part.need_paths
        assert new_part.model_fields_set == old_part.model_fields_set
    for name in ("title", "message", "why", "question", "actions", "source"):
        new_text, old_text = getattr(new, name), getattr(old, name)
        assert type(new_text) is type(old_text)
        if old_text is not None and not isinstance(old_text, str):
            assert new_text.model_fields_set == old_text.model_fields_set
            assert new_text.__pydantic_private__ == old_text.__pydantic_private__
    for new_example, old_example in zip(new.examples, old.examples, strict=True):
        assert new_example.model_fields_set == old_example.model_fields_set
        assert new_example.project == old_example.project
    assert _generate.same(new, old)


def test_every_shipped_rule_is_the_validated_rule(validated: list[Rule]) -> None:
    rebuilt = shipped()
    assert [rule.code for rule in rebuilt] == [rule.code for rule in validated]
    for new, old in zip(rebuilt, validated, strict=True):
        assert_rebuilt(new, old)


def test_rebuilt_models_share_no_mutable_default() -> None:
    one, two = shipped(), shipped()
    lists = [
        (a.needs, b.needs)
        for x, y in zip(one, two, strict=True)
        for a, b in zip(x.adjust, y.adjust, strict=True)
    ]
    assert lists
    assert all(a is not b for a, b in lists)


def test_the_engine_uses_the_shipped_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """No rule file is parsed or validated when the files are those it was written from."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a built-in rule file was loaded")

    monkeypatch.setattr(_rules, "load_rules", refuse)
    monkeypatch.setattr(Rule, "model_validate", refuse)
    rules = Engine(plugins=()).rules
    assert len(rules) == len(shipped()) > 70


def copy_rules(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(rules_dir(), folder)
    return folder


def test_an_edited_rule_file_is_loaded_from_its_toml(tmp_path: Path) -> None:
    folder = copy_rules(tmp_path)
    contact = folder / "contact.toml"
    text = contact.read_text(encoding="utf-8")
    old = "Plan een informeel moment na elke activiteit"
    assert text.count(old) == 1
    contact.write_text(text.replace(old, "Plan een praatje na elke activiteit"), encoding="utf-8")
    rules = builtin_rules(folder)
    assert rules[0].code == "CON01"
    assert rules[0].title.nl == "Plan een praatje na elke activiteit"
    assert [r.code for r in rules] == [r.code for r in load_rule_files(rule_files(folder))]


def test_a_removed_or_added_rule_file_is_seen(tmp_path: Path, validated: list[Rule]) -> None:
    folder = copy_rules(tmp_path)
    (folder / "key_persons.toml").unlink()
    rules = builtin_rules(folder)
    assert not any(rule.element == "key_persons" for rule in rules)
    assert len(rules) < len(validated)
    shutil.copy(rules_dir() / "key_persons.toml", folder)
    (folder / "extra.toml").write_text("", encoding="utf-8")
    assert checksum(rule_files(folder)) != _builtin_data.CRC32
    assert [r.code for r in builtin_rules(folder)] == [r.code for r in validated]


def test_unchanged_rule_files_give_the_shipped_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, validated: list[Rule]
) -> None:
    folder = copy_rules(tmp_path)
    monkeypatch.setattr(_builtin, "load_rule_files", None)  # would fail if called
    for new, old in zip(builtin_rules(folder), validated, strict=True):
        assert new == old
    # no rule files at all (none installed): the shipped rules hold
    assert builtin_rules(tmp_path / "nothing") == validated


# -- any rule file, written and rebuilt -------------------------------------------------------

CONDITIONS = [
    "True",
    "  contact.group_channel == 'none'\n",
    "not any(a.informal_moment_after for a in activities)",
    "all(p.knows_residents is not None for p in partners)",
    "{p.domain for p in partners} == {'social', 'cultural'}",
    "len([s for p in partners if p.strengths for s in p.strengths]) > 0",
    "any(a.name == p.name for a in activities for p in partners)",
    # comparisons of lists charged by their size, texts joined, 'in' in a loop
    "any(a.strengths == b.strengths + ['y'] for a in partners for b in partners)",
    "any(facts.partner_names != facts.partner_names for a in activities for b in partners)",
    "any(p.name + '!' != p.name for p in partners)",
    "any(a.name in facts.partner_names for a in activities)",
    "sum([a.sessions or 0 for a in activities]) + 1 > 10",
    "max(len(set(facts.partner_names)) for a in activities for b in activities) > 0",
    # an invalid escape: compiled without a warning, both ways
    r"any('\d' in a.name for a in activities)",
    "facts.jeugd_minors and any(x > 1 for x in [extensions.buurt.bewoners])",
]


def other_rules() -> dict[str, Any]:
    rules = []
    for i, when in enumerate(CONDITIONS):
        loop = CONDITIONS[(i + 6) % len(CONDITIONS)]
        rules.append(
            {
                "code": f"OTH{i:02}",
                "name": f"other.rule_{i}",
                "element": "contact",
                "kind": "recommendation",
                "priority": "low",
                "when": when,
                "needs": ["activities"],
                "question": {"nl": "v", "en": "q"},
                "tags": ["a", "b"],
                "title": {"nl": "t {project.name}", "en": "t"},
                "message": {"nl": "m", "en": "m"},
                "why": {"nl": "w", "en": "w"},
                "actions": {"nl": ["a"], "en": ["a"]},
                "applies": {"when": loop, "needs": ["partners"]},
                "adjust": [
                    {
                        "when": when,
                        "priority": "high",
                        "reason": {"nl": "r", "en": "r"},
                    },
                    {
                        "when": loop,
                        "needs": ["partners"],
                        "priority": "medium",
                        "reason": {"nl": "r", "en": "r"},
                    },
                ],
                "variants": [{"when": loop, "title": {"nl": "v", "en": "v"}}],
                "extra_actions": [{"when": when, "needs": ["activities"], "nl": "x", "en": "x"}],
                "examples": [
                    {"fires": True, "project": {"project": {"start": _date(i)}}},
                    {"asks": True, "date": _date(i), "project": {}},
                ],
            }
        )
    return {
        "pack": {
            "name": "other",
            "source": {"nl": "bron", "en": "source"},
            "facts": ["jeugd_minors"],
        },
        "rule": rules,
    }


def _date(i: int) -> dt.date:
    return dt.date(2026, 1 + i % 12, 1 + i)


@pytest.mark.filterwarnings("error")
def test_any_rule_file_is_rebuilt_as_it_was_validated(tmp_path: Path) -> None:
    """Loops with sized comparisons, facts, extensions read later, dates, a pack's source."""
    path = tmp_path / "other.toml"
    path.write_text(toml_dumps(other_rules()), encoding="utf-8")
    validated = load_rules(path, plugin="other", origin="rules/other.toml")
    assert any(rule._unchecked for rule in validated)
    assert all(rule._facts_read == ("jeugd_minors",) for rule in validated)
    text = _generate.source([path], validated)
    # conditions with loops, with and without comparisons charged by their size
    assert re.search(r"b\.condition\(.*, 'OTH07', \(\d+,?( \d+,?)*\)\)", text)
    assert re.search(r"b\.condition\(.*, 'OTH03', \(\)\)", text)
    namespace: dict[str, Any] = {"__name__": "interventie_advies.plugins._probe"}
    namespace["__package__"] = "interventie_advies.plugins"
    exec(compile(text, "probe", "exec"), namespace)
    rebuilt = namespace["build"](Builder(["rules/other.toml"]))
    for new, old in zip(rebuilt, validated, strict=True):
        assert_rebuilt(new, old)
    _generate.check_module(text, [path], validated)


def test_the_generator_refuses_what_it_cannot_write() -> None:
    writer = _write.Writer()
    with pytest.raises(TypeError, match="cannot write"):
        writer.value(float("nan"), "")
    with pytest.raises(TypeError, match="cannot write"):
        writer.value({1: "a key that is no text"}, "")
