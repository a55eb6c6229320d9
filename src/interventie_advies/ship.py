"""Write a plugin's rule files as a module of validated, compiled rules (docs/plugins.md).

A plugin that reads rule files in its ``advies_rules`` ships them validated, so that
starting ``advies`` does not parse and validate them every time (one command, on one
line)::

    python -m interventie_advies.ship src/PKG/rules/a.toml src/PKG/rules/b.toml
        -o src/PKG/_rules_data.py --facts FACT... --extension NAME=PKG.models:Model
    python -m interventie_advies.ship ... --check   # exit 1 if the module is out of date

Its hook then loads them with :func:`interventie_advies.shipped_rules`, with the same
files and settings. Run it again after changing a rule file, the facts or the extension
models (a test with ``--check`` tells). The files are loaded with ``load_rules`` (the same
errors), each rule written as the calls that rebuild it, and the module checked to build
the same rules, private attributes and compiled conditions included.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._errors import RuleError
from .rulebook._rules import load_rules
from .rulebook._shipped import settings
from .rulebook._write import Writer, check, module_text, write

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from pydantic import BaseModel

    from .rulebook._rules import Rule

__all__ = ["main", "source"]

_COMMAND = "python -m interventie_advies.ship"


def source(
    files: Sequence[str | Path],
    *,
    plugin: str = "",
    facts: Iterable[str] = (),
    elements: Iterable[str] = (),
    extensions: Mapping[str, type[BaseModel]] | None = None,
    load: Callable[[], Iterable[Rule]] | None = None,
) -> str:
    """The text of the module for ``files``, validated with these settings.

    The arguments are those of :func:`interventie_advies.shipped_rules`: with ``load``
    (rules built in Python), the rules it returns, for the Python ``files`` they are made
    from.

    :raises RuleError: as :func:`interventie_advies.load_rules`, for the first bad file.
    """
    facts, elements = tuple(facts), tuple(elements)
    paths = [Path(file) for file in files]
    origins: list[str] = []
    if load is not None:
        rules = list(load())
    else:
        origins = [str(file) for file in files]
        rules = []
        for path, origin in zip(paths, origins, strict=True):
            rules += load_rules(
                path,
                plugin=plugin,
                facts=facts,
                elements=elements,
                origin=origin,
                extensions=extensions,
            )
    text = module_text(
        paths,
        rules,
        Writer(origins, extensions),
        settings=settings(plugin, facts, elements, extensions),
        title="Rules validated and compiled: generated from the rule files; do not edit.",
        command=_COMMAND,
        doc="docs/plugins.md",
        user="``interventie_advies.shipped_rules``",
    )
    check(text, rules, origins, "<shipped rules>")
    return text


def _find(where: str) -> Any:
    """``module:name`` imported."""
    module, _, qualname = where.partition(":")
    if not (module and qualname):
        raise argparse.ArgumentTypeError(f"expected module:name, got {where!r}")
    found: Any = importlib.import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    return found


def _model(spec: str) -> tuple[str, type[BaseModel]]:
    """``NAME=module:Class`` as the extension NAME and its imported model."""
    name, _, where = spec.partition("=")
    if not name:
        raise argparse.ArgumentTypeError(f"expected NAME=module:Class, got {spec!r}")
    return name, _find(where)


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check``, compare) a plugin's module of shipped rules."""
    parser = argparse.ArgumentParser(
        prog="python -m interventie_advies.ship",
        description="Write rule files as a module of validated, compiled rules "
        "for interventie_advies.shipped_rules (docs/plugins.md).",
    )
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILES",
        help="the rule files, in order; with --python, the Python files the rules are made from",
    )
    parser.add_argument("-o", "--output", required=True, type=Path, help="the module to write")
    parser.add_argument("--plugin", default="", help="the plugin name recorded on each rule")
    parser.add_argument("--facts", nargs="*", default=(), help="plugin facts rules may read")
    parser.add_argument("--elements", nargs="*", default=(), help="element ids the plugin adds")
    parser.add_argument(
        "--extension",
        action="append",
        type=_model,
        metavar="NAME=MODULE:CLASS",
        help="an extension model conditions may read (repeat for more)",
    )
    parser.add_argument(
        "--python",
        type=_find,
        metavar="MODULE:FUNCTION",
        help="rules built in Python: the function that builds them validated",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if the module differs")
    args = parser.parse_args(argv)
    try:
        text = source(
            args.files,
            plugin=args.plugin,
            facts=args.facts,
            elements=args.elements,
            extensions=None if args.extension is None else dict(args.extension),
            load=args.python,
        )
    except RuleError as exc:
        print(exc, file=sys.stderr)
        return 1
    return write(args.output, text, only_check=args.check, command=_COMMAND)


if __name__ == "__main__":
    sys.exit(main())
