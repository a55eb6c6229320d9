"""The commands that show what the engine knows: ``rules``, ``explain``, ``plugins``, ``schema``."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from .._safe_text import json_safe
from ..messages._i18n import resolve_language
from ._errors import handle_errors
from ._help import Command
from ._options import engine_options, format_option, lang_option

if TYPE_CHECKING:
    from ..engine._engine import Engine

__all__ = ["explain", "plugins", "rules_command", "schema"]


@click.command(cls=Command, name="rules")
@click.option("--element", default=None, help="Only rules of this element id.")
@format_option(["text", "json", "markdown"])
@lang_option()
@engine_options
@handle_errors
def rules_command(
    element: str | None,
    fmt: str,
    lang: str | None,
    engine: Engine,
) -> None:
    """List rules: code, name, element, kind, priority and plugin."""
    from ..commands._catalogue import list_rules

    click.echo(list_rules(engine, element=element, fmt=fmt, lang=resolve_language(lang)), nl=False)


@click.command(cls=Command)
@click.argument("rule")
@lang_option()
@engine_options
@handle_errors
def explain(
    rule: str,
    lang: str | None,
    engine: Engine,
) -> None:
    """Show one rule in full: texts, condition, needs, source and examples."""
    from ..commands._catalogue import explain_rule

    click.echo(explain_rule(engine, rule, lang=resolve_language(lang)), nl=False)


@click.command(cls=Command)
@format_option(["text", "json"])
@lang_option()
@engine_options
@handle_errors
def plugins(fmt: str, lang: str | None, engine: Engine) -> None:
    """List plugins with version and rule count, and plugins that failed with why."""
    from ..commands._catalogue import plugin_table

    text, failed = plugin_table(engine, fmt=fmt, lang=resolve_language(lang))
    click.echo(text, nl=False)
    if failed and engine.strict:
        sys.exit(3)


@click.command(cls=Command)
@click.argument("what", type=click.Choice(["project", "report", "rules"]), default="project")
@handle_errors
def schema(what: str) -> None:
    """Print the JSON Schema of project files, reports or rule files."""
    import json

    from ..commands._schema import schema_of

    click.echo(json_safe(json.dumps(schema_of(what), indent=2, ensure_ascii=False)))
