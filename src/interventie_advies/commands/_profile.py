"""``advies run --profile``: where the time goes, per plugin and per rule, and in set-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..messages._i18n import t

if TYPE_CHECKING:
    from ..engine._engine import Engine

__all__ = ["profile_table"]


def profile_table(engine: Engine, top: int = 15) -> str:
    """The time per plugin (its rules and hooks), the slowest rules, and the set-up, as text.

    The set-up (importing plugins, gathering rules, formats and extensions) happens once
    per engine; the rest adds up over all projects.
    """
    timings = engine.timings or {}
    projects = max(engine.projects, 1)
    per_plugin: dict[str, float] = {}
    for (plugin, _), seconds in timings.items():
        per_plugin[plugin] = per_plugin.get(plugin, 0.0) + seconds
    total = sum(per_plugin.values()) or 1e-12
    lines = [
        t(
            nl="profiel: {n} project(en), {ms:.1f} ms in regels en plugin-hooks",
            en="profile: {n} project(s), {ms:.1f} ms in rules and plugin hooks",
            n=engine.projects,
            ms=total * 1000,
        )
    ]
    width = max((len(p) for p in per_plugin), default=6)
    lines.append(f"  {'plugin':<{width}}  {'ms':>9}  {t(nl='deel', en='share'):>5}")
    for plugin, seconds in sorted(per_plugin.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"  {plugin:<{width}}  {seconds * 1000:9.2f}  {seconds / total:5.0%}")
    lines.append(
        t(
            nl="traagste regels en hooks (ms in totaal, per project):",
            en="slowest rules and hooks (ms in all, per project):",
        )
    )
    ranked = sorted(timings.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    for (plugin, what), seconds in ranked:
        lines.append(
            f"  {what:<22} {plugin:<{width}}  {seconds * 1000:8.2f}  "
            f"{seconds * 1000 / projects:8.3f}"
        )
    setup = sorted(engine.setup.timings.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    lines.append(
        t(
            nl="opbouw, één keer: plugins importeren en hun hooks (ms):",
            en="set-up, once: plugin imports and hooks (ms):",
        )
    )
    for (plugin, what), seconds in setup:
        lines.append(f"  {what:<26} {plugin:<{width}}  {seconds * 1000:8.2f}")
    return "\n".join(lines) + "\n"
