"""Limits: every maximum of a project file is enforced with a clear message, and documented.

The limits are read from the models (pydantic ``Field`` constraints), so a new limit is
tested and must be documented in docs/limits.md without touching this file. Each one is
broken by one (one character, one item, one unit too many) and must give one problem that
names the TOML path, the limit and the value found, in English and in Dutch; the value at
the limit is accepted.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, get_args

import annotated_types as at
import pytest
from pydantic import BaseModel

from interventie_advies import ProjectError, error_language, load_project
from interventie_advies.project._model import Project
from interventie_advies.project._problems import MAX_PROBLEMS, _unwrap
from interventie_advies.project._read_toml import MAX_DEPTH, MAX_FILE_BYTES, MAX_KEY_PARTS
from interventie_advies.rulebook import _budget, _rule_parts
from interventie_advies.rulebook import _conditions as conditions
from interventie_advies.rulebook._rules import LocalList, LocalText, Pack, Rule

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "limits.md").read_text(encoding="utf-8")

#: the least a table item needs to be valid, for the list tables
MINIMAL: dict[str, dict[str, Any]] = {
    "activities": {"name": "a"},
    "partners": {"name": "p", "domain": "social"},
    "key_persons": {"name": "k"},
    "decisions": {"rule": "CON01", "status": "accepted"},
    "sources": {},
}


def constraints(model: type[BaseModel] = Project, prefix: str = "") -> list[tuple[str, Any, Any]]:
    """``(path, field annotation, constraint)`` for every limit of the model, recursively.

    A path ends in ``[]`` when the limit is on a list's items (``partners[].strengths[]``).
    """
    found = []
    for name, field in model.model_fields.items():
        path = f"{prefix}.{name}" if prefix else name
        is_list = "list[" in str(field.annotation)
        for item in field.metadata:
            if isinstance(item, (at.MaxLen, at.MinLen, at.Ge, at.Le, at.Gt, at.Lt)):
                found.append((path, field.annotation, item))
        if is_list:  # limits on each item of a list of texts
            inner = get_args(next(a for a in get_args(field.annotation) if a is not type(None)))
            for meta in getattr(inner[0], "__metadata__", ()):
                for item in getattr(meta, "metadata", [meta]):
                    if isinstance(item, at.MaxLen):
                        found.append((f"{path}[]", str, item))
        inner_model = _unwrap(field.annotation)
        if isinstance(inner_model, type) and issubclass(inner_model, BaseModel):
            found += constraints(inner_model, path + ("[]" if is_list else ""))
    return found


LIMITS = constraints()
IDS = [f"{path}-{type(c).__name__}" for path, _, c in LIMITS]


def _value(annotation: Any) -> Any:
    """One valid value for a list of this annotation's items."""
    text = str(annotation)
    item = _unwrap(annotation)
    if isinstance(item, type) and issubclass(item, BaseModel):
        return None  # a table: filled from MINIMAL
    args = get_args(item)
    if args and all(isinstance(a, str) for a in args):  # a Literal enum
        return args[0]
    return "x" if "str" in text else 1


def build(path: str, value: Any) -> dict[str, Any]:
    """A valid project with ``value`` at ``path`` (``a[].b`` puts it in the first item)."""
    data: dict[str, Any] = {"format": 1, "project": {"name": "Grenzen"}}
    parts = path.split(".")
    current = data
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        key = part.removesuffix("[]")
        if last:
            current[key] = [value] if part.endswith("[]") else value
        elif part.endswith("[]"):
            item = dict(MINIMAL.get(key, {}))
            current.setdefault(key, [item])
            current = current[key][0]
        else:
            current = current.setdefault(key, {})
    return data


def over_the_limit(path: str, annotation: Any, limit: Any) -> tuple[Any, str]:
    """A value just past ``limit`` and the number the message must name."""
    key = path.removesuffix("[]").rsplit(".", 1)[-1]
    if isinstance(limit, at.MaxLen):
        n = limit.max_length + 1
        if path.endswith("[]") or "list[" not in str(annotation):
            return "x" * n, str(limit.max_length)
        item = _unwrap(annotation)
        if isinstance(item, type) and issubclass(item, BaseModel):  # a list of tables
            unique = [{**MINIMAL[key], "name": f"n{i}"} for i in range(n)]
            plain = [dict(MINIMAL[key]) for _ in range(n)]
            return (unique if "name" in MINIMAL[key] else plain), str(limit.max_length)
        return [_value(annotation)] * n, str(limit.max_length)
    if isinstance(limit, at.MinLen):
        return ("" if "list[" not in str(annotation) else []), (
            "empty" if "list[" not in str(annotation) else str(limit.min_length)
        )
    if isinstance(limit, at.Le):
        over = limit.le * 2 if isinstance(limit.le, float) else limit.le + 1
        return over, str(limit.le)
    if isinstance(limit, at.Ge):
        return limit.ge - 1, str(limit.ge)
    if isinstance(limit, at.Gt):  # pragma: no cover - none today
        return limit.gt, str(limit.gt)
    raise AssertionError(limit)  # pragma: no cover


def toml_path(path: str) -> str:
    return path.replace("[]", "[0]")


@pytest.mark.parametrize(("path", "annotation", "limit"), LIMITS, ids=IDS)
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_each_limit_gives_one_clear_problem(
    path: str, annotation: Any, limit: Any, lang: str
) -> None:
    value, number = over_the_limit(path, annotation, limit)
    data = build(path, value)
    if path == "vision.endorsed_by_partners":  # endorsements name listed partners
        data["partners"] = [{"name": "x", "domain": "social"}]
    with error_language(lang), pytest.raises(ProjectError) as info:
        load_project(data)
    problems = [p for p in info.value.problems if p.path == toml_path(path)]
    assert len(problems) == 1, [str(p) for p in info.value.problems]
    message = problems[0].message
    if number == "empty":
        assert ("must not be empty" if lang == "en" else "mag niet leeg zijn") in message
    else:
        assert f" {number}" in message, message
    words = {"en": ("at most", "at least", "found"), "nl": ("hoogstens", "minstens", "gevonden")}
    assert any(w in message for w in words[lang]) or number == "empty", message


@pytest.mark.parametrize(("path", "annotation", "limit"), LIMITS, ids=IDS)
def test_each_limit_is_documented(path: str, annotation: Any, limit: Any) -> None:
    row = next((line for line in DOC.splitlines() if f"`{path}`" in line), None)
    assert row is not None, f"docs/limits.md has no row for `{path}`"
    number = {
        at.MaxLen: lambda c: c.max_length,
        at.MinLen: lambda c: c.min_length,
        at.Le: lambda c: c.le,
        at.Ge: lambda c: c.ge,
        at.Gt: lambda c: c.gt,
        at.Lt: lambda c: c.lt,
    }[type(limit)](limit)
    if isinstance(limit, at.MinLen) and number == 1 and "list[" not in str(annotation):
        assert "not empty" in row, row
        return
    shown = f"{number:,}" if not isinstance(number, float) else f"{number:,.0f}"
    assert shown in row or str(number) in row, (row, number)


def test_values_at_the_limit_are_accepted() -> None:
    project = load_project(
        build("project.name", "x" * 500)
        | {
            "activities": [{"name": f"a{i}", "sessions": 100_000} for i in range(500)],
            "residents": {"expected_participants": 10_000_000, "needs": ["loneliness"] * 50},
            "funding": {"duration_months": 1200, "sources": [{"amount_eur": 1e12}]},
            "partners": [
                {"name": f"p{i}", "domain": "social", "strengths": ["s" * 500]} for i in range(500)
            ],
            "vision": {"endorsed_by_partners": [f"p{i}" for i in range(500)]},
        }
    )
    assert len(project.activities or ()) == 500


# -- limits of the whole file ------------------------------------------------------------------


def test_a_file_over_one_mib_is_refused_with_its_size(tmp_path: Path) -> None:
    head = 'format = 1\n[project]\nname = "x"\n'
    path = tmp_path / "groot.toml"
    path.write_text(head + "#" * (MAX_FILE_BYTES - len(head)) + "\n", encoding="utf-8")
    with pytest.raises(ProjectError) as info:
        load_project(path)
    assert str(info.value) == (
        f"{path}: file is 1,048,577 bytes; project files may be at most 1,048,576 bytes (1 MiB)"
    )
    path.write_text(head + "#" * (MAX_FILE_BYTES - len(head) - 1) + "\n", encoding="utf-8")
    assert load_project(path).project.name == "x"  # exactly 1 MiB is fine
    with pytest.raises(ProjectError, match="text is larger than 1 MiB"):
        load_project(text=head + "#" * MAX_FILE_BYTES)


def test_nesting_and_dotted_keys_are_limited() -> None:
    deep = {"format": 1, "project": {"name": "x"}, "extensions": {}}
    node = deep["extensions"]
    for _ in range(MAX_DEPTH):
        node["a"] = {}
        node = node["a"]
    with pytest.raises(ProjectError, match=f"at most {MAX_DEPTH} levels"):
        load_project(deep)
    with pytest.raises(ProjectError, match="nested too deeply"):
        load_project(text="a" + ".a" * MAX_KEY_PARTS + " = 1\n")


@pytest.mark.parametrize("extra", [0, 1])
def test_nesting_in_toml_text_is_limited_at_the_documented_depth(extra: int) -> None:
    # extensions.x.v = [[...]]: extensions, x, v and the arrays, MAX_DEPTH levels in all
    arrays = MAX_DEPTH - 2 + extra
    text = (
        'format = 1\n[project]\nname = "x"\n[extensions.x]\nv = '
        + "[" * arrays
        + "1"
        + "]" * arrays
        + "\n"
    )
    if extra:
        with pytest.raises(ProjectError, match=f"at most {MAX_DEPTH} levels"):
            load_project(text=text)
    else:
        assert load_project(text=text).extensions is not None


def test_deep_nesting_under_an_unknown_key_is_reported_as_such() -> None:
    text = 'format = 1\n[project]\nname = "x"\nextra = ' + "[" * 40 + "]" * 40 + "\n"
    with pytest.raises(ProjectError) as info:
        load_project(text=text)
    assert [p.message for p in info.value.problems] == [
        f"nested too deeply: at most {MAX_DEPTH} levels of tables, lists and dotted keys"
    ]


def test_the_number_of_problems_shown_is_limited() -> None:
    data = {"format": 1, "project": {"name": "x", **{f"k{i}": 1 for i in range(MAX_PROBLEMS * 3)}}}
    with pytest.raises(ProjectError) as info:
        load_project(data)
    assert len(info.value.problems) == MAX_PROBLEMS + 1
    assert info.value.problems[-1].message == (
        f"{MAX_PROBLEMS * 2:,} more problems not shown; fix the {MAX_PROBLEMS} above first"
    )


# -- limits of rule files and conditions (documented in docs/limits.md too) --------------------


def max_length(model: type[BaseModel], field: str) -> int:
    return next(
        m.max_length for m in model.model_fields[field].metadata if isinstance(m, at.MaxLen)
    )


RULE_LIMITS = {
    "condition length": conditions.MAX_LENGTH,
    "condition depth": conditions.MAX_DEPTH,
    "for clauses": conditions.MAX_GENERATORS,
    "nested for clauses": conditions.MAX_NESTED_LOOPS,
    "rule text": max_length(LocalText, "nl"),
    "actions": max_length(LocalList, "nl"),
    "rule name": max_length(Rule, "name"),
    "rule source": _rule_parts.MAX_SOURCE,
    "pack name": max_length(Pack, "name"),
    "rule file size": MAX_FILE_BYTES,
    "steps of one condition": _budget.MAX_STEPS,
    "steps of one run": _budget.MAX_RUN_STEPS,
}


@pytest.mark.parametrize("what", sorted(RULE_LIMITS))
def test_rule_file_limits_are_documented(what: str) -> None:
    number = RULE_LIMITS[what]
    assert re.search(rf"\b{number:,}\b|\b{number}\b", DOC), (what, number)
