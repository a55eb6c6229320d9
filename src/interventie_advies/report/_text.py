"""Plain-text report for the terminal: top advice first, then the rest, grouped."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from .._safe_text import visible
from ..messages import summary_line, word
from ._effects import effect_sentence, said_effects
from ._safe import terminal_safe

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ._items import Item
    from ._values import Finding, ReportData

__all__ = [
    "TEXT_QUESTIONS",
    "TOP",
    "covered",
    "file_keys",
    "groups",
    "listed",
    "plugins_line",
    "render_text",
]

TOP = 5
#: the text report shows at most this many questions (JSON and HTML show all)
TEXT_QUESTIONS = 10
WIDTH = 88
_COLORS = {
    "high": "31",
    "medium": "33",
    "low": "36",
    "head": "1",
    "dim": "2",
    "in_order": "32",
    "in_order_with_attention": "32",
    "weak": "33",
    "missing": "31",
    "not_described": "2",
}


class _Out:
    def __init__(self, lang: str, color: bool) -> None:
        self.lang = lang
        self.color = color
        self.lines: list[str] = []

    def paint(self, text: str, key: str) -> str:
        text = terminal_safe(text)  # score factors and element titles may come from plugins
        return f"\x1b[{_COLORS[key]}m{text}\x1b[0m" if self.color and key in _COLORS else text

    def w(self, key: str) -> str:
        return word(key, self.lang)

    def line(self, text: str = "") -> None:
        self.lines.append(text)

    def para(self, text: str, indent: str) -> None:
        wrapped = textwrap.wrap(terminal_safe(text), WIDTH - len(indent)) or [""]
        self.lines.extend(indent + part for part in wrapped)

    def heading(self, text: str) -> None:
        self.line()
        self.line(self.paint(text, "head"))
        self.line(self.paint("─" * len(text), "dim"))


def _finding(out: _Out, number: int, f: Item | Finding, titles: dict[str, str]) -> None:
    tag = out.paint(f"[{out.w(f.priority).upper()}]", f.priority)
    kind = f" {out.w(f.kind)}" if f.kind == "warning" else ""
    out.line(f"{number:>2}. {tag}{kind} {terminal_safe(f.title)}")
    element = titles.get(f.element, f.element)
    out.line(out.paint(f"    {f.code} · {element}", "dim"))
    codes = covered(f)
    if len(codes) > 1:
        out.line(out.paint(f"    {out.w('covers')}: {', '.join(codes)}", "dim"))
    out.para(f.message, "    ")
    out.para(f"{out.w('why')}: {f.why}", "    ")
    if f.actions:
        out.line(f"    {out.w('actions')}:")
        for action in f.actions:
            wrapped = textwrap.wrap(terminal_safe(action), WIDTH - 8) or [""]
            out.line(f"      - {wrapped[0]}")
            out.lines.extend(f"        {rest}" for rest in wrapped[1:])
    if f.decision is not None:
        out.line(f"    {out.w('decision')}: {out.w(f.decision.status)}")
    if f.reasons:
        # the numbers of the score stay in the JSON (score_factors)
        out.para(f"{out.w('why_here')}: {' '.join(f.reasons)}", "    ")


def listed(report: ReportData) -> Sequence[Item | Finding]:
    """What the report lists: its items (one per theme), or its findings if it has none.

    NOTE: a report the engine made always has its items; one built by hand (a plugin, a
    test) may give findings only, and they are then shown one by one.
    """
    return report.items if report.items or not report.findings else report.findings


def covered(f: Item | Finding) -> tuple[str, ...]:
    """The codes an item covers (a lone finding covers only itself)."""
    return getattr(f, "codes", (f.code,))


def groups(findings: Sequence[Item | Finding]) -> list[tuple[str, list[Item | Finding]]]:
    """Top advice first, then the rest, in the report's order.

    NOTE: one group for the rest, so that the place of an item always agrees with its
    band (warnings first let a medium warning stand above a high recommendation).
    """
    return [("top", list(findings[:TOP])), ("other", list(findings[TOP:]))]


def file_keys(missing: Sequence[str]) -> list[str]:
    """The keys a person writes in the file, of the fields a question asks for.

    NOTE: a derived fact (``facts.jeugd_activity_times``) is the engine's name, not a key
    of the file; its question already says which keys to fill in, so it is left out here
    (the JSON report keeps every name in ``missing``).
    """
    return [m for m in missing if not m.startswith("facts.")]


def plugins_line(report: ReportData) -> str:
    """``Plugins: fonds 1.0.0, jeugd 1.0.0``; empty when only the built-in rules ran.

    NOTE: the same command gives other advice once a plugin is installed; a report read
    on paper must say which ran, as the HTML footer and the JSON ``tool`` do.
    """
    ran = [
        f"{p.get('name', '')} {p.get('version', '')}".strip()
        for p in report.tool.get("plugins", ())
    ]
    if not ran:
        return ""
    label = word("plugins", report.language)
    return f"{label[:1].upper()}{label[1:]}: {', '.join(ran)}"


def render_text(report: ReportData, *, color: bool = False) -> str:
    """Render a report as text; ANSI colour only when ``color`` is true."""
    lang = report.language
    out = _Out(lang, color)
    project = report.project
    phase = out.w(project.get("phase") or "unknown_phase")
    out.line(out.paint(f"{out.w('advice_for')}: {terminal_safe(project['name'])}", "head"))
    out.line(f"{out.w('phase')}: {phase} · {out.w('evaluated_on')} {report.evaluated_on}")
    out.line(summary_line(report.summary, lang))
    c = report.completeness
    out.line(out.w("completeness").format(d=c["described"], n=c["needed"], p=c["percent"]))
    if ran := plugins_line(report):
        out.para(ran, "")
    for note in report.warnings:
        out.para(f"{out.w('notes')}: {note}", "")

    titles = {e.element: e.title for e in report.elements}
    findings = list(listed(report))
    number = 0
    for key, group in groups(findings):
        if not group and key != "top":
            continue
        out.heading(out.w(key))
        if not group:
            out.line(out.w("none"))
        for f in group:
            number += 1
            _finding(out, number, f, titles)
            out.line()

    if report.questions:
        # NOTE: the questions come ranked by what they unlock; a reader acts on the first
        # few, so the text shows ten and says where the rest are
        out.heading(out.w("questions"))
        for number, q in enumerate(report.questions[:TEXT_QUESTIONS], 1):
            out.para(f"{number}. {q.question}", "  ")
            helps = ", ".join(titles.get(e, e) for e in q.elements or (q.element,))
            out.para(f"{out.w('helps')}: {terminal_safe(helps)}", "     ")
            keys = file_keys(q.missing)
            if keys:
                shown = ", ".join(keys[:4]) + (f" (+{len(keys) - 4})" if len(keys) > 4 else "")
                out.line(out.paint(f"     {out.w('fill_in')}: {shown}", "dim"))
        more = len(report.questions) - TEXT_QUESTIONS
        if more > 0:
            which = out.w("questions_1" if more == 1 else "questions_n")
            out.para(out.w("more_questions").format(n=more, questions=which), "  ")

    if report.strengths:
        out.heading(out.w("strengths"))
        for st in report.strengths:
            out.para(f"+ {st.title} ({st.code})", "  ")
            out.para(st.message, "    ")

    out.heading(out.w("elements"))
    width = max(len(e.title) for e in report.elements)
    label_w = max(len(out.w(e.assessment)) for e in report.elements)
    for e in report.elements:
        status = out.paint(f"{out.w(e.assessment):<{label_w}}", e.assessment)
        counts = f"{e.findings} / {e.questions} / {e.strengths}"
        facts = f"{e.described}/{e.needed} {out.w('described')}"
        title = terminal_safe(e.title)  # a plugin's element id may stand in for a title
        out.line(f"  {title:<{width}}  {status}  {out.paint(f'{counts:<12} {facts}', 'dim')}")

    if report.effects:
        out.heading(out.w("effects"))
        said = said_effects(report.effects)
        if not said:
            out.para(out.w("effects_unknown"), "  ")
        else:
            out.para(out.w("effects_caution"), "  ")
        for eff in said:
            out.line()
            out.line(f"  {terminal_safe(eff.title)}")
            out.para(effect_sentence(eff, report.elements, lang), "    ")

    if report.not_followed:
        out.heading(out.w("not_followed"))
        for n in report.not_followed:
            out.para(f"- {n.code} {n.title} ({out.w(n.status)}): {n.reason}", "  ")
    if report.stale_decisions:
        out.heading(out.w("stale"))
        for d in report.stale_decisions:
            out.line(f"  - {terminal_safe(d.rule)} ({out.w(d.status)})")
    if report.errors:
        out.heading(out.w("errors"))
        for err in report.errors:
            where = " ".join(x for x in (err.plugin, err.version, err.rule) if x)
            out.para(f"! {where}: {err.message}", "  ")
    # NOTE: every text above went through terminal_safe or paint; this last pass catches
    # one that did not, and keeps ESC only for the colour codes paint itself writes
    return visible("\n".join(out.lines) + "\n", keep="\n\t\x1b" if color else "\n\t")
