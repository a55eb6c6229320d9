"""Gathering the rules: every plugin's through ``advies_rules``, then ``--rules`` files.

Codes are unique: a plugin's rule whose code is taken is left out and reported; a rule
file's is an error (:class:`RuleConflictError`). Both are bounded (docs/limits.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._errors import RuleConflictError, UsageError
from ..messages._i18n import t
from ..plugins._host import BUILTIN
from ..rulebook._rules import Rule, load_rules

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from pathlib import Path

    from pydantic import BaseModel

    from ..plugins._host import CallLog, PluginHost

__all__ = ["MAX_RULES_PER_PLUGIN", "gather_rules"]

#: the most rules one plugin may add through advies_rules (see docs/limits.md)
MAX_RULES_PER_PLUGIN = 5_000


def gather_rules(
    host: PluginHost,
    log: CallLog,
    extensions: Mapping[str, tuple[str, type[BaseModel]]],
    rule_files: Iterable[Path],
) -> tuple[Rule, ...]:
    """Every plugin's rules, then those of ``--rules`` files (at most 5,000 from each).

    ``extensions`` are all plugins' extensions, known before any rule is gathered.
    """
    by_code: dict[str, Rule] = {}
    gathered: list[Rule] = []
    # extension paths of rules loaded without the models are checked against them all
    models = {name: model for name, (_, model) in extensions.items()}
    found: list[tuple[str, Sequence[Rule]]] = []
    for plugin, result in host.call_each("advies_rules", log):
        if not isinstance(result, (list, tuple)):
            log.report(
                plugin,
                f"advies_rules must return a list of Rule objects, got {type(result).__name__}",
            )
        elif len(result) > MAX_RULES_PER_PLUGIN:
            log.report(
                plugin,
                f"advies_rules returned {len(result):,} rules; a plugin may add at most "
                f"{MAX_RULES_PER_PLUGIN:,}; all of them are left out",
            )
        elif not all(isinstance(r, Rule) for r in result):
            log.report(plugin, "advies_rules must return a list of Rule objects")
        else:
            found.append((plugin, result))
    # NOTE: the built-in rules come first and keep their codes, even when a plugin
    # asks to be called first (tryfirst); the others follow in pluggy's order.
    found.sort(key=lambda pair: pair[0] != BUILTIN)
    for plugin, result in found:
        for rule in result:
            if not rule.plugin:
                rule = rule.model_copy(update={"plugin": plugin})
            wrong = rule.extension_problems(models)
            if wrong:
                log.report(plugin, f"rule {rule.code}: {'; '.join(wrong)}", rule.code)
                continue
            if rule.code in by_code:
                first = by_code[rule.code]
                log.report(
                    plugin,
                    f"rule code {rule.code} is already defined by {_where(first)}; "
                    f"the rule from {_where(rule)} is left out",
                    rule.code,
                )
                continue
            by_code[rule.code] = rule
            gathered.append(rule)
    from_files = 0
    for path in _rule_paths(rule_files):
        rules = load_rules(path, plugin=f"file:{path.name}", extensions=models)
        from_files += len(rules)
        if from_files > MAX_RULES_PER_PLUGIN:
            raise UsageError(
                t(
                    nl="{p}: de regelbestanden bevatten {n:,} regels of meer; "
                    "met --rules mogen er hoogstens {m:,} komen",
                    en="{p}: the rule files hold {n:,} rules or more; "
                    "at most {m:,} may come from --rules",
                    p=path,
                    n=from_files,
                    m=MAX_RULES_PER_PLUGIN,
                )
            )
        for rule in rules:
            if rule.code in by_code:
                raise RuleConflictError(rule.code, _where(by_code[rule.code]), str(path))
            by_code[rule.code] = rule
            gathered.append(rule)
    return tuple(gathered)


def _rule_paths(paths: Iterable[Path]) -> list[Path]:
    """Rule files as given; a folder stands for all its ``*.toml`` files (sorted)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            files = sorted(path.glob("*.toml"))
            if not files:
                raise UsageError(
                    t(
                        nl="{p}: map bevat geen regelbestanden (*.toml)",
                        en="{p}: folder has no *.toml rule files",
                        p=path,
                    )
                )
            out += files
        else:
            out.append(path)
    return out


def _where(rule: Rule) -> str:
    origin = f" ({rule.origin})" if rule.origin else ""
    return f"plugin {rule.plugin or '?'}{origin}"
