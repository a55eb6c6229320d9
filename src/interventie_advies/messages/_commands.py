"""Words of ``advies explain``, ``advies plugins`` and ``advies plugin new``."""

from __future__ import annotations

from ._entry import Entry

__all__ = ["EXPLAIN", "PLUGINS", "SCAFFOLD", "TABLES"]

#: the labels of ``advies explain``: one language per run (issue 13)
EXPLAIN: dict[str, Entry] = {
    "name": Entry(nl="naam", en="name"),
    "element": Entry(nl="element", en="element"),
    "kind": Entry(nl="soort", en="kind"),
    "priority": Entry(nl="prioriteit", en="priority"),
    "effort": Entry(nl="moeite", en="effort"),
    "phases": Entry(nl="fasen", en="phases"),
    "serves_needs": Entry(nl="helpt bij", en="serves needs"),
    "theme": Entry(nl="thema", en="theme"),
    "with": Entry(nl="met", en="with"),
    "plugin": Entry(nl="plugin", en="plugin"),
    "message": Entry(nl="advies", en="message"),
    "why": Entry(nl="waarom", en="why"),
    "actions": Entry(nl="wat kun je doen", en="actions"),
    "condition": Entry(nl="voorwaarde", en="condition"),
    "needs": Entry(nl="gebruikt", en="needs"),
    "question": Entry(nl="vraag", en="question"),
    "applies": Entry(nl="geldt als", en="applies when"),
    "adjust": Entry(nl="prioriteit {p} als {when} ({reason})", en="{p} when {when} ({reason})"),
    "adjust_label": Entry(nl="bijstellen", en="adjust"),
    "evidence": Entry(nl="onderbouwing", en="evidence"),
    "source": Entry(nl="bron", en="source"),
    "examples": Entry(nl="voorbeelden", en="examples"),
    "fires": Entry(nl="geeft advies", en="fires"),
    "asks": Entry(nl="stelt de vraag", en="asks"),
    # NOTE: the English is what a rule file's example says (fires = true), as Python prints it
    "yes": Entry(nl="ja", en="True"),
    "no": Entry(nl="nee", en="False"),
    "date": Entry(nl="datum", en="date"),
    "variant": Entry(nl="variant {k}", en="variant {k}"),
    "only_when": Entry(nl="alleen als `{when}`", en="only when `{when}`"),
}

#: ``advies plugins``: the state of each plugin and what it gave
PLUGINS: dict[str, Entry] = {
    "ok": Entry(nl="ok", en="ok"),
    "failed": Entry(nl="MISLUKT", en="FAILED"),
    # loaded, but a hook failed (a broken rule file, a rule code taken): not "ok"
    "errors": Entry(nl="FOUTEN", en="ERRORS"),
    "rules_1": Entry(nl="1 regel", en="1 rule"),
    "rules_n": Entry(nl="{n} regels", en="{n} rules"),
    "hooks": Entry(nl="hooks", en="hooks"),
}

#: what ``advies plugin new`` prints
SCAFFOLD: dict[str, Entry] = {
    "wrote": Entry(nl="Geschreven: {folder}", en="Wrote {folder}"),
    "next": Entry(
        nl=(
            "Installeer en test de plugin met de Python waarin interventie-advies staat:\n"
            "  cd {folder}\n"
            '  {python} -m pip install -e ".[test]"\n'
            "  {python} -m pytest"
        ),
        en=(
            "Install and test the plugin with the Python that has interventie-advies:\n"
            "  cd {folder}\n"
            '  {python} -m pip install -e ".[test]"\n'
            "  {python} -m pytest"
        ),
    ),
}

#: the namespaces this module holds (see __init__.py)
TABLES: dict[str, dict[str, Entry]] = {
    "explain": EXPLAIN,
    "plugins": PLUGINS,
    "scaffold": SCAFFOLD,
}
