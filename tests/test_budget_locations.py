"""The budget's rewrite places its new nodes as ``ast.fix_missing_locations`` would (issue 15).

The rewrite gives each node it makes the location of its nearest parsed ancestor instead
of walking the whole tree afterwards; the code objects' line tables depend on it.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

import pytest

from interventie_advies import Engine
from interventie_advies.rulebook import _rebuild
from interventie_advies.rulebook._budget import BUDGET, instrument, under_budget

if TYPE_CHECKING:
    from collections.abc import Collection

#: conditions whose rewrite makes nested calls: sums of sums, sums in loops, sizes
HAND_MADE = [
    "any(x + y + z > 1 for x in a for y in b + c)",
    "len([x for x in a] + [y for y in b]) > len(c + d + e)",
    "all(f(x + y, x - y) in s for x in a for y in a if x + 1 < y * 2)",
    "[1 for x in a if (x + (y + (z + w))) in b] == []",
    "sum(1 for x in a if x in b + c or -1 + x > 2) > 0",
    "any(\n  x\n  + y\n  in z\n  for x in a\n  for y in b)",
]


def _loop_conditions() -> list[str]:
    """The texts of every shipped condition with loops (built-in and the plugins')."""
    texts: list[str] = []
    compile_ = _rebuild._compile

    def noted(text: str, rule: str, sized: tuple[int, ...] | None) -> object:
        if sized is not None:
            texts.append(text)
        return compile_(text, rule, sized)

    _rebuild._compile = noted  # type: ignore[assignment]
    try:
        assert Engine().rules
    finally:
        _rebuild._compile = compile_
    return sorted(set(texts))


def _as_fix_missing_locations_places(text: str, sized_all: bool) -> tuple[str, str]:
    tree = ast.parse(text.strip(), "<condition>", "eval")
    parsed = list(ast.walk(tree))  # NOTE: kept alive, so that their ids stay theirs
    ids = {id(node) for node in parsed}
    sized: Collection[int] = (
        {id(n) for n in parsed if isinstance(n, ast.Compare)} if sized_all else ()
    )
    body = instrument(tree.body, sized)
    placed = ast.dump(body, include_attributes=True)
    for node in ast.walk(body):
        if id(node) not in ids:
            for name in ("lineno", "col_offset", "end_lineno", "end_col_offset"):
                if hasattr(node, name):
                    delattr(node, name)
    body = ast.fix_missing_locations(body)
    return placed, ast.dump(body, include_attributes=True)


@pytest.mark.parametrize("sized_all", [False, True])
def test_every_new_node_is_placed_as_fix_missing_locations_places_it(sized_all: bool) -> None:
    texts = _loop_conditions()
    assert len(texts) >= 20  # the built-in rules have about 30
    for text in [*texts, *HAND_MADE]:
        placed, fixed = _as_fix_missing_locations_places(text, sized_all)
        assert placed == fixed, text


def test_the_budgets_start_is_placed_as_before() -> None:
    """``under_budget``'s call: where ``body`` stands, as copy_location and the fix put it."""
    for text in [*HAND_MADE, "any(x for x in a)"]:
        body = instrument(ast.parse(text, "<condition>", "eval").body)
        start = under_budget(body, "regel").body
        assert isinstance(start, ast.BoolOp)
        func = ast.Attribute(ast.Name(BUDGET, ast.Load()), "start", ast.Load())
        before = ast.Call(func, [ast.Constant("regel")], [])
        before = ast.fix_missing_locations(ast.copy_location(before, body))
        assert ast.dump(start.values[0], include_attributes=True) == ast.dump(
            before, include_attributes=True
        )
