"""Markdown report, for sharing with partners and funders (wikis, issue trackers, mail)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..messages import summary_line, word
from ._effects import effect_sentence, said_effects
from ._safe import escape_markdown as esc
from ._text import covered, file_keys, groups, listed, plugins_line

if TYPE_CHECKING:
    from ._items import Item
    from ._values import Finding, ReportData

__all__ = ["render_markdown"]


def _finding(lines: list[str], number: int, f: Item | Finding, lang: str) -> None:
    kind = f" ({word('warning', lang)})" if f.kind == "warning" else ""
    lines.append(f"### {number}. {esc(f.title)}{kind}")
    lines.append("")
    lines.append(f"**{word(f.priority, lang)}** · `{f.code}` · {esc(f.element)}")
    lines.append("")
    codes = covered(f)
    if len(codes) > 1:
        lines.append(f"*{word('covers', lang)}:* " + ", ".join(f"`{c}`" for c in codes))
        lines.append("")
    lines.append(esc(f.message))
    lines.append("")
    lines.append(f"*{word('why', lang)}:* {esc(f.why)}")
    lines.append("")
    if f.actions:
        lines.append(f"*{word('actions', lang)}:*")
        lines.append("")
        lines.extend(f"- {esc(a)}" for a in f.actions)
        lines.append("")
    if f.decision is not None:
        lines.append(f"*{word('decision', lang)}:* {word(f.decision.status, lang)}")
        lines.append("")
    if f.reasons:
        # the numbers of the score stay in the JSON (score_factors)
        lines.append(f"<sub>{word('why_here', lang)}: {esc(' '.join(f.reasons))}</sub>")
    if f.source:
        lines.append("")
        lines.append(f"<sub>{word('source', lang)}: {esc(f.source)}</sub>")
    lines.append("")


def render_markdown(report: ReportData) -> str:
    """Render a report as GitHub-flavoured Markdown; project text is escaped."""
    lang = report.language

    def w(key: str) -> str:
        return word(key, lang)

    lines: list[str] = []
    name = esc(str(report.project["name"]))
    phase = w(report.project.get("phase") or "unknown_phase")
    lines += [f"# {w('advice_for')}: {name}", ""]
    lines += [
        f"{w('phase')}: **{phase}** · {w('evaluated_on')} {report.evaluated_on}",
        "",
        summary_line(report.summary, lang),
        "",
        w("completeness").format(
            d=report.completeness["described"],
            n=report.completeness["needed"],
            p=report.completeness["percent"],
        ),
        "",
    ]
    if ran := plugins_line(report):
        lines += [esc(ran), ""]
    for note in report.warnings:
        lines += [f"> **{w('notes')}:** {esc(note)}", ""]
    number = 0
    for key, group in groups(listed(report)):
        if not group and key != "top":
            continue
        lines += [f"## {w(key)}", ""]
        if not group:
            lines += [w("none"), ""]
        for f in group:
            number += 1
            _finding(lines, number, f, lang)
    if report.questions:
        lines += [f"## {w('questions')}", ""]
        titles = {e.element: e.title for e in report.elements}
        # NOTE: all questions, ranked by what they unlock: a written document is read whole
        for n, q in enumerate(report.questions, 1):
            keys = file_keys(q.missing)
            fields = f"; {w('fill_in')}: " + ", ".join(f"`{m}`" for m in keys) if keys else ""
            helps = ", ".join(esc(titles.get(e, e)) for e in q.elements or (q.element,))
            lines.append(f"{n}. {esc(q.question)} ({w('helps')}: {helps}{fields})")
        lines.append("")
    if report.strengths:
        lines += [f"## {w('strengths')}", ""]
        lines += [
            f"- **{esc(st.title)}** (`{st.code}`): {esc(st.message)}" for st in report.strengths
        ]
        lines.append("")
    lines += [
        f"## {w('elements')}",
        "",
        f"| {w('element')} | {w('status')} | {w('recommendations_n')} / "
        f"{w('questions_n')} / {w('strengths_n')} | {w('described')} |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| {esc(e.title)} | {w(e.assessment)} | {e.findings} / {e.questions} / {e.strengths} "
        f"| {e.described}/{e.needed} |"
        for e in report.elements
    ]
    lines.append("")
    if report.effects:
        said = said_effects(report.effects)
        lines += [f"## {w('effects')}", "", w("effects_caution") if said else w("effects_unknown")]
        lines += [
            f"- **{esc(e.title)}:** {esc(effect_sentence(e, report.elements, lang))}" for e in said
        ]
        lines.append("")
    if report.not_followed:
        lines += [f"## {w('not_followed')}", ""]
        lines += [
            f"- `{n.code}` {esc(n.title)} ({w(n.status)}): {esc(n.reason)}"
            for n in report.not_followed
        ]
        lines.append("")
    if report.stale_decisions:
        lines += [f"## {w('stale')}", ""]
        lines += [f"- `{esc(d.rule)}` ({w(d.status)})" for d in report.stale_decisions]
        lines.append("")
    if report.errors:
        lines += [f"## {w('errors')}", ""]
        lines += [f"- {esc(e.plugin)} {esc(e.rule or '')}: {esc(e.message)}" for e in report.errors]
        lines.append("")
    return "\n".join(lines)
