"""Progress between two versions of a plan: ``advies diff OLD NEW``.

Both sides are reports in their JSON form, so a project file (advised on the spot) and a
saved JSON report compare the same way. The learning cycle a project runs — plan, act,
look back — shows as advice resolved, new, still open, re-ranked, decided on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from .._errors import Problem, ProjectError, cut
from .._io import FileTooLarge, NotRegularFile, read_limited
from .._safe_text import for_format, json_safe
from ..messages import table, word
from ..messages._i18n import t
from ..report._safe import escape_markdown, terminal_safe

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping

    from ..engine._engine import Engine

__all__ = ["FORMATS", "Diff", "diff_reports", "load_side"]

#: the formats of a diff, each with the extension of its files
FORMATS: Mapping[str, str] = MappingProxyType({"text": ".txt", "markdown": ".md", "json": ".json"})

#: a saved JSON report is read up to this size (reports are tens of kilobytes)
MAX_REPORT_BYTES = 16 * 1024 * 1024


def load_side(
    engine: Engine, path: str | Path, *, lang: str | None, date: dt.date | None
) -> dict[str, Any]:
    """A report as plain data: a JSON report as saved, or a project file advised now."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(read_limited(path, MAX_REPORT_BYTES).decode("utf-8"))
        except NotRegularFile as exc:
            raise ProjectError(
                [
                    Problem(
                        str(path),
                        "",
                        t(
                            nl="geen gewoon bestand maar {k}; een rapport moet een gewoon "
                            "bestand zijn",
                            en="not a regular file but {k}; a report must be a regular file",
                            k=exc.kind,
                        ),
                    )
                ]
            ) from None
        except FileTooLarge:
            raise ProjectError(
                [
                    Problem(
                        str(path),
                        "",
                        t(
                            nl="het bestand is groter dan 16 MiB; een rapport niet",
                            en="file is larger than 16 MiB; a report is not",
                        ),
                    )
                ]
            ) from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ProjectError(
                [
                    Problem(
                        str(path),
                        "",
                        t(
                            nl="kan het JSON-rapport niet lezen: {e}",
                            en="cannot read JSON report: {e}",
                            e=exc,
                        ),
                    )
                ]
            ) from None
        if not isinstance(data, dict) or data.get("schema_version") != 1:
            raise ProjectError(
                [
                    Problem(
                        str(path),
                        "schema_version",
                        t(
                            nl="geen rapport van interventie-advies (schema_version 1)",
                            en="not an interventie-advies report (schema_version 1)",
                        ),
                    )
                ]
            )
        return data
    return engine.advise(path, lang=lang, date=date).to_dict()


@dataclass(frozen=True)
class Change:
    """One piece of advice and how it changed."""

    code: str
    title: str
    element: str
    before: str | None = None
    after: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "code": self.code,
            "title": self.title,
            "element": self.element,
            "before": self.before,
            "after": self.after,
        }


@dataclass(frozen=True)
class Diff:
    """What changed between two reports of the same project."""

    old: dict[str, Any]
    new: dict[str, Any]
    language: str
    resolved: tuple[Change, ...] = ()
    new_advice: tuple[Change, ...] = ()
    still_open: tuple[Change, ...] = ()
    priority_changes: tuple[Change, ...] = ()
    element_changes: tuple[Change, ...] = ()
    decisions_added: tuple[Change, ...] = ()
    questions_answered: tuple[Change, ...] = ()
    strengths_gained: tuple[Change, ...] = ()
    #: what the reader must know before reading on (two different projects compared)
    warnings: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON form (deterministic)."""

        def side(data: dict[str, Any]) -> dict[str, Any]:
            return {
                "project": data["project"]["name"],
                "file": data["project"].get("file"),
                "phase": data["project"].get("phase"),
                "evaluated_on": data["evaluated_on"],
                "completeness": data.get("completeness"),
            }

        return {
            "old": side(self.old),
            "new": side(self.new),
            "language": self.language,
            "warnings": list(self.warnings),
            **{key: [c.to_dict() for c in getattr(self, key)] for key in _SECTIONS},
        }

    def to_json(self) -> str:
        """JSON text."""
        return json_safe(json.dumps(self.to_dict(), ensure_ascii=False, indent=2)) + "\n"

    def render(self, format: str) -> str:
        """Render as ``text``, ``markdown`` or ``json``."""
        if format == "json":
            return self.to_json()
        return for_format(_render(self, markdown=format == "markdown"), format)


_SECTIONS = (
    "resolved",
    "new_advice",
    "still_open",
    "priority_changes",
    "element_changes",
    "decisions_added",
    "questions_answered",
    "strengths_gained",
)


def diff_reports(old: dict[str, Any], new: dict[str, Any]) -> Diff:
    """Compare two reports (plain data); the new report's language and titles are used."""
    before = {f["code"]: f for f in old["findings"]}
    after = {f["code"]: f for f in new["findings"]}
    old_nf = {n["code"]: n for n in old.get("not_followed", [])}
    new_nf = {n["code"]: n for n in new.get("not_followed", [])}

    def change(f: dict[str, Any], b: str | None = None, a: str | None = None) -> Change:
        return Change(f["code"], f.get("title", ""), f.get("element", ""), b, a)

    resolved = [
        change(f, f["priority"]) for c, f in before.items() if c not in after and c not in new_nf
    ]
    added = [change(f, None, f["priority"]) for c, f in after.items() if c not in before]
    still = [
        change(f, before[c]["priority"], f["priority"]) for c, f in after.items() if c in before
    ]
    moved = [
        change(f, before[c]["priority"], f["priority"])
        for c, f in after.items()
        if c in before and before[c]["priority"] != f["priority"]
    ]
    before_el = {e["element"]: e for e in old["elements"]}
    elements = []
    for e in new["elements"]:
        was = before_el.get(e["element"])
        if was is None:
            continue
        # NOTE: a report saved before assessments existed has only the four statuses of
        # version 1; then both sides compare by those, never an assessment to a status
        key = "assessment" if "assessment" in e and "assessment" in was else "status"
        if was[key] != e[key]:
            elements.append(Change(e["element"], e["title"], e["element"], was[key], e[key]))
    decided = []
    for c, f in after.items():
        now = (f.get("decision") or {}).get("status")
        was = (before.get(c, {}).get("decision") or {}).get("status")
        if now and now != was:
            decided.append(change(f, was, now))
    for c, n in new_nf.items():
        if old_nf.get(c, {}).get("status") != n["status"]:
            was = (before.get(c, {}).get("decision") or {}).get("status")
            decided.append(Change(c, n.get("title", ""), n.get("element", ""), was, n["status"]))
    asked_before = {q["code"]: q for q in old.get("questions", [])}
    asked_now = {q["code"] for q in new.get("questions", [])}
    answered = [
        Change(c, q["question"], q["element"])
        for c, q in asked_before.items()
        if c not in asked_now
    ]
    old_strengths = {s["code"] for s in old.get("strengths", [])}
    gained = [
        Change(s["code"], s["title"], s["element"])
        for s in new.get("strengths", [])
        if s["code"] not in old_strengths
    ]
    language = new.get("language", "nl")
    return Diff(
        old,
        new,
        language,
        resolved=tuple(sorted(resolved, key=_key)),
        new_advice=tuple(added),  # in the new report's ranking
        still_open=tuple(still),
        priority_changes=tuple(moved),
        element_changes=tuple(elements),
        decisions_added=tuple(sorted(decided, key=_key)),
        questions_answered=tuple(sorted(answered, key=_key)),
        strengths_gained=tuple(gained),
        warnings=_other_project(old, new, language),
    )


def _same_name(a: str, b: str) -> bool:
    """Whether two project names are the same, whatever the case and spacing."""
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _other_project(old: dict[str, Any], new: dict[str, Any], language: str) -> tuple[str, ...]:
    """A warning when the two reports are of differently named projects.

    NOTE: the name is what the report keeps of a project (municipality and neighbourhood
    are not in the JSON report, and a saved report must compare like its project file); a
    name changed on purpose between versions gets the warning too, which is cheap to read
    past, while comparing two projects by mistake gives a progress report that is wrong.
    """
    a, b = str(old["project"]["name"]), str(new["project"]["name"])
    if _same_name(a, b):
        return ()
    text = _HEADINGS["other_project"][0 if language == "nl" else 1]
    return (text.format(a=_quoted(a), b=_quoted(b)),)


def _quoted(name: str) -> str:
    """A project name in a sentence: quoted, escaped as in JSON, and cut when long."""
    return json_safe(json.dumps(cut(name), ensure_ascii=False))


def _key(c: Change) -> tuple[str, str]:
    return (c.element, c.code)


_HEADINGS = table("diff")
_TITLE = _HEADINGS["title"]


def _render(diff: Diff, *, markdown: bool) -> str:
    lang = diff.language
    pick = 0 if lang == "nl" else 1
    esc = escape_markdown if markdown else terminal_safe
    name = esc(str(diff.new["project"]["name"]))
    lines = [f"{'# ' if markdown else ''}{_TITLE[pick]}: {name}", ""]
    for warning in diff.warnings:
        lines += [f"> **{esc(warning)}**" if markdown else esc(warning), ""]
    lines.append(f"{diff.old['evaluated_on']} → {diff.new['evaluated_on']}")
    old_phase, new_phase = diff.old["project"].get("phase"), diff.new["project"].get("phase")
    if old_phase != new_phase:
        before, after = (word(p or "unknown_phase", lang) for p in (old_phase, new_phase))
        lines.append(f"{word('phase', lang)}: {esc(before)} → {esc(after)}")
    old_c, new_c = diff.old.get("completeness"), diff.new.get("completeness")
    if old_c and new_c:
        label = word("described", lang)
        lines.append(f"{label}: {old_c['percent']}% → {new_c['percent']}%")
    lines.append("")
    for key in _SECTIONS:
        items = getattr(diff, key)
        heading = f"{_HEADINGS[key][pick]} ({len(items)})"
        lines.append(f"## {heading}" if markdown else heading)
        if markdown:
            lines.append("")
        for c in items:
            arrow = ""
            if (c.before or c.after) and c.before != c.after:
                arrow = (
                    f" [{word(c.before, lang) if c.before else '–'} → "
                    f"{word(c.after, lang) if c.after else '–'}]"
                )
            code = (
                "" if key == "element_changes" else (f"`{c.code}` " if markdown else f"{c.code} ")
            )
            lines.append(f"- {code}{esc(c.title)}{arrow}")
        lines.append("")
    return "\n".join(lines)
