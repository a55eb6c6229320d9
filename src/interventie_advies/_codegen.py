"""The source of the plan function: one block per rule, only control flow and indices.

Every name in the generated code is the generator's own (see ``_splice`` for the names a
condition may not use); rule files contribute nothing but the placeholders ``_C{i}`` and
``_G{i}`` for conditions put in line, and indices into tuples of constants.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._plan import Planned

__all__ = [
    "Source",
    "ask",
    "completeness",
    "condition",
    "guard",
    "path_names",
    "path_shapes",
]


class Source:
    """Lines of generated code with indentation."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.depth = 0

    def __call__(self, line: str) -> None:
        self.lines.append("    " * self.depth + line)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def completeness(
    src: Source,
    rules: tuple[Planned, ...],
    needs: list[list[tuple[int, int, int]]],
    fields: dict[tuple[str, str], int],
    elements: list[str],
) -> None:
    """Count per element the fields its applying rules read, and those the file describes.

    A field is read when a rule that applies (no guard, or a guard that held: ``ok{i}``)
    needs it, and described when none of the paths those rules read it through is absent.
    Only guarded rules make "read" depend on the project, so the rest is folded in here.
    """
    touching: dict[int, list[tuple[int | None, int]]] = {}
    for i, own in enumerate(needs):
        guard = i if rules[i].guard is not None else None
        for j, k, _ in own:
            touching.setdefault(k, []).append((guard, j))
    src("counts = {}")
    for e, element in enumerate(elements):
        always = 0
        read: list[str] = []
        described: list[str] = []
        for (of, _), k in fields.items():
            if of != element:
                continue
            plain = sorted({j for g, j in touching[k] if g is None})
            guarded = [(g, j) for g, j in touching[k] if g is not None]
            known = [f"not (a{' or a'.join(map(str, plain))})"] if plain else []
            known += [f"(not ok{g} or not a{j})" for g, j in guarded]
            if plain:
                always += 1
                described.append(f"({' and '.join(known)})")
            else:
                applies = " or ".join(f"ok{g}" for g, _ in guarded)
                read.append(f"({applies})")
                described.append(f"(({applies}) and {' and '.join(known)})")
        src(f"t = {' + '.join([str(always), *read])}")
        src("if t:")
        src(f"    counts[e{e}] = (0 + {' + '.join(described)}, t)")


def path_shapes(steps: list[tuple[tuple[str, bool], ...]]) -> list[tuple[bool, ...]]:
    return [tuple(through for _, through in path) for path in steps]


def path_names(steps: list[tuple[tuple[str, bool], ...]]) -> list[tuple[str, ...]]:
    return [tuple(name for name, _ in path) for path in steps]


def ask(
    src: Source,
    i: int,
    needs: list[tuple[int, int, int]],
    tables: list[tuple[int | None, bool]],
) -> None:
    """A rule waiting for facts asks for those that are absent; else its condition runs.

    What it waits for in a table the file leaves out goes to that table's question
    (``l{x}``), the rest to the rule's own (``asked``). ``tables`` gives per need the index
    of its table (None: no question of its own) and whether the path reads that table
    itself (then the fact is absent with it) rather than a fact derived from it.
    """
    src(f"if {' or '.join(f'a{j}' for j, _, _ in needs)}:")
    src.depth += 1
    src("m = []")
    for (j, _, q), (x, direct) in zip(needs, tables, strict=True):
        if x is None:
            src(f"if a{j}:")
            src(f"    m.append(q{q})")
        elif direct:
            src(f"if w{x}x:")
            src(f"    l{x}.append(({i}, {q}))")
            src(f"elif a{j}:")
            src(f"    m.append(q{q})")
        else:
            src(f"if a{j}:")
            src(f"    if w{x}x:")
            src(f"        l{x}.append(({i}, {q}))")
            src("    else:")
            src(f"        m.append(q{q})")
    src("if m:")
    src(f"    asked.append(({i}, m))")
    src.depth -= 1
    src("else:")
    src.depth += 1


def guard(src: Source, i: int, absent: list[int], test: str) -> None:
    """``[rule.applies]``: skip the rule when its facts are known and the guard is false."""
    if absent:
        src(f"ok{i} = True")
        src(f"if not ({' or '.join(f'a{j}' for j in absent)}):")
        src.depth += 1
    src("try:")
    src(f"    ok{i} = True if {test} else False")
    src("except Exception as e:")
    src(f"    fail({i}, 'applies failed: ', e)")
    src(f"    ok{i} = False")
    if absent:
        src.depth -= 1
    src(f"if ok{i}:")
    src.depth += 1


def condition(src: Source, i: int, test: str, adjust: list[tuple[str, list[int], bool]]) -> None:
    """The rule's condition; a rule that raises is recorded and stays silent.

    ``adjust`` lists the rule's priority adjustments (``[[rule.adjust]]``): the test, the
    needs (absent indices; an adjustment whose facts are absent is skipped) and whether a
    hit sets the priority. The first hit is kept in ``adjusted``; one that raises is
    recorded and the next is tried.
    """
    if not adjust:
        src("try:")
        src(f"    if {test}:")
        src(f"        fired.append({i})")
        src("except Exception as e:")
        src(f"    fail({i}, '', e)")
        return
    src("try:")
    src(f"    hit = True if {test} else False")
    src("except Exception as e:")
    src(f"    fail({i}, '', e)")
    src("    hit = False")
    src("if hit:")
    src.depth += 1
    src(f"fired.append({i})")
    src("adj = None")
    for k, (check, absent, sets) in enumerate(adjust):
        known = [f"not ({' or '.join(f'a{j}' for j in absent)})"] if absent else []
        when = " and ".join((["adj is None"] if k else []) + known)
        if when:
            src(f"if {when}:")
            src.depth += 1
        src("try:")
        src(f"    if {check}:")
        src(f"        adj = {k}" if sets else "        pass")
        src("except Exception as e:")
        src(f"    fail({i}, 'adjustment failed: ', e)")
        if when:
            src.depth -= 1
    src("if adj is not None:")
    src(f"    adjusted[{i}] = adj")
    src.depth -= 1
