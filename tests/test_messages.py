"""The message catalogue (``_messages``) and ``t``: every table in one place, both languages."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from interventie_advies import messages as _messages
from interventie_advies.messages._i18n import error_language, say, t

SRC = Path(_messages.__file__).resolve().parent.parent


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


ENTRIES = [
    (f"{ns}.{name}", e) for ns in _messages.NAMESPACES for name, e in _messages.table(ns).items()
]


@pytest.mark.parametrize(("key", "entry"), ENTRIES, ids=[k for k, _ in ENTRIES])
def test_every_entry_has_both_languages_with_the_same_fields(
    key: str, entry: _messages.Entry
) -> None:
    assert entry.nl.strip() and entry.en.strip(), key
    assert _fields(entry.nl) == _fields(entry.en), key


def _is_pair_table(node: ast.expr | None) -> bool:
    """A dict literal whose values are all pairs of string literals: an old (nl, en) table."""
    if not isinstance(node, ast.Dict) or len(node.values) < 2:
        return False
    return all(
        isinstance(v, ast.Tuple)
        and len(v.elts) == 2
        and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in v.elts)
        for v in node.values
    )


def test_no_table_of_words_outside_the_catalogue() -> None:
    """Every (nl, en) table lives in _messages; code keeps only sentences, through t()."""
    tables = []
    for path in sorted(SRC.rglob("*.py")):
        if "messages" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and _is_pair_table(node.value):
                tables.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert tables == []


def test_text_picks_the_language_and_fills_in() -> None:
    assert _messages.text("init.part", "nl", i=2, n=5) == "Deel 2 van 5"
    assert _messages.text("init.part", "en", i=2, n=5) == "Part 2 of 5"
    assert _messages.text("element.contact", "nl") == "Zorg voor contact tussen bewoners"
    assert _messages.text("element.contact", "en") == "Bring residents into contact"


def test_an_unknown_key_is_an_error_but_an_unknown_word_is_the_word() -> None:
    with pytest.raises(KeyError, match=r"word\.no_such_word"):
        _messages.text("word.no_such_word", "nl")
    with pytest.raises(KeyError, match="no_such_namespace"):
        _messages.text("no_such_namespace.x", "nl")
    assert _messages.word("a_plugin_value", "nl") == "a_plugin_value"
    assert not _messages.has_text("word.no_such_word")


def test_choice_labels_fall_back_from_enum_to_value_to_word() -> None:
    barrier = _messages.choice_label("digital", "nl", "Barrier")
    assert barrier == "digitaal (geen computer of internet)"
    assert _messages.choice_label("digital", "nl", "ArtForm") == "digitale kunst"
    assert _messages.choice_label("elderly", "en") == "older people"
    assert _messages.choice_label("preparation", "nl", "Phase") == "voorbereiding"
    assert _messages.choice_label("no_such_value", "en") == "no_such_value"


def test_entries_are_read_only() -> None:
    with pytest.raises(TypeError):
        _messages.table("word")["top"] = _messages.Entry("x", "y")  # type: ignore[index]


def test_t_takes_dutch_and_english_by_keyword() -> None:
    assert t(nl="hallo {x}", en="hello {x}", x=1) == "hello 1"
    with error_language("nl"):
        assert t(nl="hallo {x}", en="hello {x}", x=1) == "hallo 1"
    with pytest.raises(TypeError):
        t(nl="alleen Nederlands")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        t("english first", "Nederlands daarna")  # type: ignore[misc]  # the old order is gone


def test_say_reads_the_catalogue_in_the_error_language() -> None:
    assert say("limit.greater_than_equal", ge=1) == "must be at least 1"
    with error_language("nl"):
        assert say("limit.greater_than_equal", ge=1) == "moet minstens 1 zijn"


def _literal_keys() -> list[tuple[str, str]]:
    """Every literal key the package passes to the catalogue's lookups."""
    calls = {"text": "", "say": "", "word": "word.", "init_text": "init.", "has_init_text": "init."}
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in calls
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.append((path.name, calls[node.func.id] + node.args[0].value))
    return found


def test_every_literal_key_the_package_uses_is_in_the_catalogue() -> None:
    keys = _literal_keys()
    assert len(keys) > 10
    assert [(f, k) for f, k in keys if not _messages.has_text(k)] == []


def test_importing_the_catalogue_loads_only_the_tables_used(tmp_path: Path) -> None:
    """The tables of `advies init` and the portfolio cost nothing to `advies run`."""
    import subprocess
    import sys

    code = (
        "import sys, interventie_advies.cli, interventie_advies.messages as m;"
        "m.word('top', 'nl');"
        "print(sorted(n for n in sys.modules if n.startswith('interventie_advies.messages.')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    ).stdout
    loaded = out.strip()
    assert "messages._report" in loaded
    assert "_init_" not in loaded and "_choices" not in loaded and "_portfolio" not in loaded
