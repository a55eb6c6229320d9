"""The package's shape: no import circles between its modules, and no module over 400 lines.

How imports are counted (walking the source with ``ast``, nothing is imported):

- every ``from .x import y``, ``from . import x``, ``from .. import x``, ``import
  interventie_advies.x`` and ``from interventie_advies.x import y``, wherever it stands: at
  the top, inside a function (a lazy import is still a dependency) or under
  ``if TYPE_CHECKING:``. Type-only imports count: they never run, so they cause no import
  error, but the module still has to know the other one, and the layers the restructure
  aims at (docs/architecture, shared/style.md) are about what a module knows;
- ``from . import name`` goes to the submodule ``name`` when there is one, else to the
  package whose ``__init__`` defines ``name`` (``from . import __version__`` depends on the
  package root, which imports most of the package);
- the implicit import of a parent package (``_render`` when ``_render.text`` is imported)
  is not an edge: a package that imports its own modules is not a circle.

The xfail markers list what is wrong today; they are strict, so the test turns red (XPASS)
as soon as the last circle or oversized module is gone: then drop the marker.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "interventie_advies"
ROOT = "interventie_advies"
MAX_LINES = 400

#: the circles of today (strongly connected groups of modules), without the package prefix;
#: ``__init__`` is the package root
KNOWN_CIRCLES: list[set[str]] = []

#: modules over MAX_LINES today (other tasks split them)
KNOWN_LARGE: set[str] = set()


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path) -> set[str]:
    """The package's modules that ``name`` imports (see the module docstring)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            elif node.module and (node.module == ROOT or node.module.startswith(ROOT + ".")):
                target = node.module
            else:
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in MODULES else target)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith(ROOT + "."))
    found.discard(name)
    return {m for m in found if m in MODULES}


def circles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected groups of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[set[str]] = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        out.append(group)
    return out


def short(module: str) -> str:
    return module.removeprefix(ROOT).removeprefix(".") or "__init__"


GRAPH = {name: imports_of(name, path) for name, path in MODULES.items()}
CIRCLES = [{short(m) for m in group} for group in circles(GRAPH)]
SIZES = {short(name): len(p.read_text().splitlines()) for name, p in MODULES.items()}


def test_the_graph_sees_every_kind_of_import() -> None:
    """The walker is right about the shapes it must see, so the tests below mean something."""
    assert f"{ROOT}._values" in GRAPH[f"{ROOT}._render.text"]  # under TYPE_CHECKING
    assert f"{ROOT}._render.text" in GRAPH[f"{ROOT}._render"]  # inside a function
    assert f"{ROOT}._enums" in GRAPH[f"{ROOT}._init_fields"]  # from . import module
    assert f"{ROOT}._messages" in GRAPH[f"{ROOT}._render.portfolio_words"]  # from .. import
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [{"a", "b", "c"}]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_a_name_the_root_defines_is_a_dependency_on_the_root(tmp_path: Path) -> None:
    probe = tmp_path / "_probe.py"
    probe.write_text("from . import __version__\n", encoding="utf-8")
    assert imports_of(f"{ROOT}._probe", probe) == {ROOT}


def test_no_new_import_circles() -> None:
    """Each circle of today lies within one known circle: no module joins or starts one."""
    for group in CIRCLES:
        assert any(group <= known for known in KNOWN_CIRCLES), f"a new import circle: {group}"


def test_no_import_circles() -> None:
    assert CIRCLES == []


def test_did_you_mean_depends_on_nothing_of_the_package() -> None:
    """``suggest`` is used all over (rules, conditions, set-up, run): importing it is cheap."""
    assert GRAPH[f"{ROOT}._suggest"] == set()


def test_the_project_model_and_loader_are_split_by_idea() -> None:
    """_project and _load were 513 and 465 lines; the parts each hold one idea."""
    parts = ["_project", "_project_base", "_project_residents", "_project_partnership",
             "_project_settings", "_project_cross", "_load", "_read_toml", "_problems", "_suggest"]
    assert all(SIZES[n] <= 250 for n in parts), {n: SIZES[n] for n in parts}
    # the models do not know how a file is read or how its errors are worded
    models = {f"{ROOT}.{n}" for n in parts[:5]}
    assert all(GRAPH[m] <= {*models, f"{ROOT}._enums", f"{ROOT}._i18n"} for m in models), {
        m: GRAPH[m] for m in models
    }


def test_no_new_large_modules() -> None:
    large = {name for name, lines in SIZES.items() if lines > MAX_LINES}
    assert large <= KNOWN_LARGE, {name: SIZES[name] for name in large - KNOWN_LARGE}


def test_the_split_modules_stay_small() -> None:
    """_init and _portfolio were 784 and 774 lines; their parts have one idea each."""
    parts = [n for n in SIZES if n.startswith(("_init", "_portfolio", "_render.portfolio"))]
    assert len(parts) == 11
    assert all(SIZES[n] <= 300 for n in parts), {n: SIZES[n] for n in parts}


def test_no_module_over_400_lines() -> None:
    assert {name: n for name, n in SIZES.items() if n > MAX_LINES} == {}
