"""Words of `advies portfolio` (the shared report words are in _report.py)."""

from __future__ import annotations

from ._entry import Entry

__all__ = ["PORTFOLIO", "TABLES"]


#: words of the portfolio in every format
PORTFOLIO: dict[str, Entry] = {
    "title": Entry(nl="Portfolio", en="Portfolio"),
    "projects_1": Entry(nl="project", en="project"),
    "projects_n": Entry(nl="projecten", en="projects"),
    "failed": Entry(nl="niet gelezen", en="could not be read"),
    "urgent": Entry(nl="urgent", en="urgent"),
    "matrix": Entry(nl="Elementen per project", en="Elements per project"),
    "project": Entry(nl="project", en="project"),
    "legend": Entry(nl="Legenda", en="Legend"),
    "not_evaluated": Entry(nl="niet beoordeeld", en="not evaluated"),
    "urgent_mark": Entry(
        nl="waarschuwing over wat blijft na het project, en het geld stopt binnen {m} maanden",
        en="a sustainability warning and funding ends within {m} months",
    ),
    "elements_n": Entry(nl="elementen", en="elements"),
    "common_missing": Entry(
        nl="Elementen die het vaakst ontbreken", en="Elements most often missing"
    ),
    "common_warnings": Entry(
        nl="Waarschuwingen die het vaakst voorkomen", en="Most common warnings"
    ),
    "urgent_heading": Entry(
        nl="Eerst aandacht: wat blijft na het project, en het geld stopt binnen {m} maanden",
        en="First attention: sustainability, and funding ends within {m} months",
    ),
    "per_project": Entry(nl="Per project", en="Per project"),
    "errors": Entry(
        nl="Bestanden die niet gelezen konden worden", en="Files that could not be read"
    ),
    "of_n": Entry(nl="{k} van {n}", en="{k} of {n}"),
    "projects_col": Entry(nl="projecten", en="projects"),
    "file": Entry(nl="bestand", en="file"),
    "name": Entry(nl="naam", en="name"),
    "code": Entry(nl="code", en="code"),
    "months_left": Entry(nl="maanden over", en="months left"),
    "sus_codes": Entry(nl="waarschuwingen over wat blijft", en="sustainability warnings"),
    "high_n": Entry(nl="hoge prioriteit", en="high priority"),
    "completeness_pct": Entry(nl="beschreven (%)", en="described (%)"),
    "error": Entry(nl="fout", en="error"),
    "yes": Entry(nl="ja", en="yes"),
    "no": Entry(nl="nee", en="no"),
    "more": Entry(nl="… en nog {n}", en="… and {n} more"),
    "months_1": Entry(nl="nog 1 maand", en="1 month left"),
    "months_n": Entry(nl="nog {n} maanden", en="{n} months left"),
    "months_0": Entry(nl="minder dan een maand", en="less than a month left"),
    "months_ended": Entry(nl="financiering gestopt", en="funding has ended"),
    "months_unknown": Entry(nl="binnen {m} maanden", en="within {m} months"),
    "short_cols": Entry(
        nl="aanb waarsch vragen sterk hoog beschr", en="recs warn quest str high descr"
    ),
    "short_key": Entry(
        nl=(
            "aanb = aanbevelingen, waarsch = waarschuwingen, sterk = sterke punten, hoog "
            "= advies met hoge prioriteit, beschr = beschreven gegevens"
        ),
        en=(
            "recs = recommendations, warn = warnings, quest = questions, str = "
            "strengths, high = high-priority advice, descr = facts described"
        ),
    ),
    "made_with": Entry(nl="Gemaakt met", en="Made with"),
    "no_missing": Entry(nl="Geen project mist een element.", en="No project misses an element."),
    "no_warnings": Entry(nl="Geen waarschuwingen.", en="No warnings."),
    "no_urgent": Entry(nl="Geen urgente projecten.", en="No urgent projects."),
    "no_projects": Entry(nl="Geen projecten.", en="No projects."),
    "contents": Entry(nl="Inhoud", en="Contents"),
    "element": Entry(nl="element", en="element"),
    "warning_title": Entry(nl="waarschuwing", en="warning"),
    "status_col": Entry(nl="status", en="status"),
}


#: the namespaces this module holds (see __init__.py)
TABLES: dict[str, dict[str, Entry]] = {
    "portfolio": PORTFOLIO,
}
