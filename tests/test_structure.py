"""The package's shape: layers, no import circles, and no module over 400 lines.

How imports are counted (walking the source with ``ast``, nothing is imported):

- every ``from .x import y``, ``from . import x``, ``from .. import x``, ``import
  interventie_advies.x`` and ``from interventie_advies.x import y``, wherever it stands: at
  the top, inside a function (a lazy import is still a dependency) or under
  ``if TYPE_CHECKING:``. Type-only imports count: they never run, so they cause no import
  error, but the module still has to know the other one, and the layers the restructure
  aims at (docs/architecture.md) are about what a module knows;
- ``from . import name`` goes to the submodule ``name`` when there is one, else to the
  package whose ``__init__`` defines ``name`` (``from . import __version__`` depends on the
  package root, which imports most of the package);
- the implicit import of a parent package (``report`` when ``report._text`` is imported)
  is not an edge: a package that imports its own modules is not a circle.

The layers (lowest first) are listed in ``LAYERS`` and drawn in docs/architecture.md: a
module may import from its own layer and the ones below, never from one above.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "interventie_advies"
ROOT = "interventie_advies"
MAX_LINES = 400


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
    assert f"{ROOT}.report._values" in GRAPH[f"{ROOT}.report._text"]  # under TYPE_CHECKING
    assert f"{ROOT}.report._text" in GRAPH[f"{ROOT}.report"]  # inside a function
    assert f"{ROOT}.project._enums" in GRAPH[f"{ROOT}.commands._init_fields"]  # from .x import y
    assert f"{ROOT}.plugins._builtin" in GRAPH[f"{ROOT}.engine._engine"]  # from .. import module
    assert f"{ROOT}.messages" in GRAPH[f"{ROOT}.report._portfolio_words"]  # a package
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [{"a", "b", "c"}]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_a_name_the_root_defines_is_a_dependency_on_the_root(tmp_path: Path) -> None:
    probe = tmp_path / "_probe.py"
    probe.write_text("from . import __version__\n", encoding="utf-8")
    assert imports_of(f"{ROOT}._probe", probe) == {ROOT}


def test_no_import_circles() -> None:
    assert CIRCLES == []


#: generated data, not code to read (plugins/_generate.py writes it from rules/)
GENERATED = {"plugins._builtin_data"}


def test_no_module_over_400_lines() -> None:
    sizes = {name: lines for name, lines in SIZES.items() if name not in GENERATED}
    assert {name: lines for name, lines in sizes.items() if lines > MAX_LINES} == {}


#: the layers, lowest first; a module may use its own layer and those below it, never one
#: above (docs/architecture.md). Modules of the package root not listed are in the top layer.
LAYERS = [
    # words and the language, and small helpers every layer uses
    {"messages", "_errors", "_safe_text", "_suggest", "_version", "_io", "_collector"},
    {"project"},
    {"rulebook"},
    {"report"},
    {"plugins", "hookspecs"},
    {"engine"},
    {"commands", "testing", "ship"},
    # the web application (the [web] extra): the CLI's serve/db/users/tokens start it
    {"web"},
    {"_cli", "cli", "__main__", "__init__"},
]


def layer(module: str) -> int:
    """The layer of a module: that of its top-level part below the package."""
    top = short(module).split(".")[0]
    for rank, names in enumerate(LAYERS):
        if top in names:
            return rank
    raise AssertionError(f"{module} is in no layer: add it to LAYERS and docs/architecture.md")


def test_every_module_has_a_layer() -> None:
    assert all(isinstance(layer(m), int) for m in GRAPH)


def upward(graph: dict[str, set[str]]) -> list[str]:
    """Every import in ``graph`` that points to a higher layer, as ``module -> module``."""
    return sorted(
        f"{short(m)} -> {short(d)}"
        for m, deps in graph.items()
        for d in deps
        if layer(d) > layer(m)
    )


def test_dependencies_point_down() -> None:
    """The CLI and commands use the engine and report; the engine uses rules and projects."""
    assert upward(GRAPH) == []


def test_the_layers_can_fail() -> None:
    """A made-up upward import is seen: the project model reading the engine."""
    graph = {**GRAPH, f"{ROOT}.project._model": {f"{ROOT}.engine._run"}}
    assert upward(graph) == ["project._model -> engine._run"]


def test_did_you_mean_depends_on_nothing_of_the_package() -> None:
    """``suggest`` is used all over (rules, conditions, set-up, run): importing it is cheap."""
    assert GRAPH[f"{ROOT}._suggest"] == set()


def test_the_project_model_and_loader_are_split_by_idea() -> None:
    """_project and _load were 513 and 465 lines; the parts each hold one idea."""
    parts = [
        f"project.{n}"
        for n in (
            "_model",
            "_base",
            "_residents",
            "_partnership",
            "_settings",
            "_cross",
            "_load",
            "_read_toml",
            "_problems",
        )
    ]
    assert all(SIZES[n] <= 250 for n in parts), {n: SIZES[n] for n in parts}
    # the models do not know how a file is read or how its errors are worded
    models = {f"{ROOT}.{n}" for n in parts[:5]}
    allowed = {*models, f"{ROOT}.project._enums", f"{ROOT}.messages._i18n", f"{ROOT}.messages"}
    assert all(GRAPH[m] <= allowed for m in models), {m: GRAPH[m] for m in models}


def test_the_split_modules_stay_small() -> None:
    """_init and _portfolio were 784 and 774 lines; their parts have one idea each."""
    parts = [
        n
        for n in SIZES
        if n.startswith(("commands._init", "commands._portfolio", "report._portfolio"))
    ]
    # + _init_partial (issue 13: Ctrl-C keeps the answers), _portfolio_json (issue 15: the
    # indented JSON written faster)
    assert len(parts) == 13
    assert all(SIZES[n] <= 300 for n in parts), {n: SIZES[n] for n in parts}


def test_no_module_needs_tomllib_unguarded() -> None:
    # Python 3.10 has no tomllib: the package and its tests read TOML with tomli, or try
    # tomllib first inside a guard (an unguarded import broke the 3.10 suite in CI once)
    here = Path(__file__).resolve().parent
    files = [*here.glob("*.py"), *(here.parent / "src").rglob("*.py"),
             *(here.parent / "benchmarks").glob("*.py")]
    bare = [f.name for f in files
            if re.search(r"^(import tomllib|from tomllib import)", f.read_text("utf-8"), re.M)]
    assert bare == []
