"""The options several commands share are defined once (``_cli._options``), the same everywhere."""

from __future__ import annotations

import ast
from pathlib import Path

import click
import pytest

from interventie_advies import cli as cli_module
from interventie_advies.cli import cli

#: the modules that define commands: cli.py and the _cli package, but for _options itself
COMMAND_MODULES = [
    Path(cli_module.__file__),
    *(p for p in sorted((Path(cli_module.__file__).parent / "_cli").glob("*.py"))
      if p.name != "_options.py"),
]

SHARED = {"--lang", "--output", "--date", "--jobs", "--format"}


def _commands() -> dict[str, click.Command]:
    out = {}
    for name, command in cli.commands.items():
        if isinstance(command, click.Group):
            out.update({f"{name} {n}": c for n, c in command.commands.items()})
        else:
            out[name] = command
    return out


def test_cli_defines_no_shared_option_inline() -> None:
    assert {p.name for p in COMMAND_MODULES} >= {"cli.py", "_run.py", "_files.py"}
    inline = [
        node.args[0].value
        for path in COMMAND_MODULES
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "option"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and node.args[0].value in SHARED
    ]
    assert inline == []


@pytest.mark.parametrize("option", sorted(SHARED))
def test_a_shared_option_is_the_same_in_every_command(option: str) -> None:
    found = {
        name: p
        for name, command in _commands().items()
        for p in command.params
        if isinstance(p, click.Option) and option in p.opts
    }
    assert len(found) >= 2
    # each command has its own formats; run takes any name (a plugin's); a command with
    # --output has no default format: it follows the output file's extension (issue 13)
    shapes = {
        (
            tuple(p.opts),
            p.name,
            "" if option == "--format" else p.default,
            "" if option == "--format" else type(p.type).__name__,
        )
        for p in found.values()
    }
    assert len(shapes) == 1, shapes
    if option == "--format":
        commands = _commands()
        defaults = {
            name: (p.default, any("--output" in q.opts for q in commands[name].params))
            for name, p in found.items()
        }
        assert {d for d, _ in defaults.values()} == {None, "text"}
        assert all((d is None) == by_output for d, by_output in defaults.values()), defaults
    if option == "--lang":
        assert all(list(p.type.choices) == ["nl", "en"] for p in found.values())  # type: ignore[attr-defined]
