"""load_rules: a valid rule file loads; every broken one is a RuleError naming file and code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from interventie_advies import AdviesError, Rule, RuleError, load_rules
from interventie_advies.project._read_toml import MAX_FILE_BYTES
from interventie_advies.rulebook import _readfile
from interventie_advies.rulebook._elements import ELEMENT_IDS

Writer = Callable[..., Path]

RULES_DIR = Path(__file__).resolve().parents[1] / "rules"
RULE_FILES = sorted(RULES_DIR.glob("*.toml"))

TEXTS = """\
title = { nl = "Titel", en = "Title" }
message = { nl = "Bericht", en = "Message" }
why = { nl = "Waarom", en = "Why" }
"""
QUESTION = 'question = { nl = "Vraag?", en = "Question?" }\n'


def rule(code: str = "TST01", *, name: str | None = None, element: str = "contact",
         kind: str = "recommendation", priority: str | None = "high",
         when: str = "contact.informal_moments is False",
         needs: list[str] | None = None, texts: str = TEXTS, question: str | None = QUESTION,
         extra: str = "", examples: str = "") -> str:
    """The TOML of one rule; ``None`` leaves a key out."""
    lines = ["[[rule]]", f"code = {json.dumps(code)}",
             f"name = {json.dumps(name or 'test.' + code.lower())}",
             f"element = {json.dumps(element)}", f"kind = {json.dumps(kind)}"]
    if priority is not None:
        lines.append(f"priority = {json.dumps(priority)}")
    lines.append(f"when = {json.dumps(when)}")
    needs = ["contact.informal_moments"] if needs is None else needs
    lines.append(f"needs = {json.dumps(needs)}")
    body = "\n".join(lines) + "\n" + extra + texts + (question or "")
    return body + examples


EXAMPLES = """\
[[rule.examples]]
fires = true
project = { contact = { informal_moments = false } }

[[rule.examples]]
fires = false
project = { contact = { informal_moments = true } }

[[rule.examples]]
asks = true
project = { }
"""


@pytest.fixture
def write(tmp_path: Path) -> Writer:
    def write_file(*rules: str, head: str = "", filename: str = "regels.toml") -> Path:
        path = tmp_path / filename
        path.write_text(head + "\n".join(rules), encoding="utf-8")
        return path

    return write_file


def refused(path: Path, code: str = "TST01") -> RuleError:
    with pytest.raises(RuleError) as info:
        load_rules(path)
    error = info.value
    text = str(error)
    assert str(path) in text, text
    assert code in text, text
    assert all(p.file == str(path) for p in error.problems)
    return error


def one_problem(path: Path, code: str = "TST01") -> str:
    """Load, expect one problem naming ``path`` and ``code``; return its 'path: message'."""
    error = refused(path, code)
    assert len(error.problems) == 1, [str(p) for p in error.problems]
    problem = error.problems[0]
    assert code in problem.path
    return f"{problem.path}: {problem.message}"


# -- a valid file ----------------------------------------------------------------------


def test_valid_rule_file_loads(write: Writer) -> None:
    head = '[pack]\nname = "test-pack"\nsource = "Pack source, 2026"\n\n'
    path = write(rule(examples=EXAMPLES),
                 rule("TST90", kind="strength", priority=None,
                      when="contact.informal_moments is True"),
                 head=head)
    rules = load_rules(path)
    assert [r.code for r in rules] == ["TST01", "TST90"]
    first = rules[0]
    assert isinstance(first, Rule)
    assert first.name == "test.tst01"
    assert first.element == "contact"
    assert first.priority == "high"
    assert first.source == "Pack source, 2026"  # the pack's default source
    assert first.origin == str(path)
    assert first.title.get("nl") == "Titel"
    assert first.title.get("en") == "Title"
    assert [n.text for n in first.need_paths] == ["contact.informal_moments"]
    assert first.code_object is not None
    assert [(e.fires, e.asks) for e in first.examples] == [(True, None), (False, None),
                                                           (None, True)]
    assert rules[1].kind == "strength"
    assert rules[1].priority is None


def test_plugin_and_origin_are_recorded(write: Writer) -> None:
    path = write(rule())
    (loaded,) = load_rules(path, plugin="mijn-plugin", origin="rules/x.toml")
    assert loaded.plugin == "mijn-plugin"
    assert loaded.origin == "rules/x.toml"


def test_own_source_wins_over_pack_source(write: Writer) -> None:
    path = write(rule(extra='source = "Eigen bron"\n'), head='[pack]\nname = "p"\nsource = "P"\n')
    assert load_rules(path)[0].source == "Eigen bron"


def test_rule_error_is_an_advies_error(write: Writer) -> None:
    with pytest.raises(AdviesError):
        load_rules(write(rule(element="nope")))


# -- field paths -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("condition", "where"),
    [
        ("partners[0].knows_resident", "partners[0]"),
        ("any(p.knows_resident for p in partners)", "p"),
    ],
)
def test_typo_in_condition_path(write: Writer, condition: str, where: str) -> None:
    problem = one_problem(write(rule(when=condition, needs=["partners"])))
    assert problem.startswith("rule[0] (TST01).when: ")
    assert f"{where} has no field 'knows_resident'" in problem
    assert f"did you mean {where}.knows_residents?" in problem


def test_typo_in_a_table_name(write: Writer) -> None:
    problem = one_problem(write(rule(when="contct.informal_moments is False")))
    assert "unknown name 'contct'; did you mean 'contact'?" in problem


def test_typo_in_a_fact(write: Writer) -> None:
    problem = one_problem(write(rule(when="facts.months_lft < 3")))
    assert "did you mean facts.months_left?" in problem


def test_attribute_of_a_list(write: Writer) -> None:
    problem = one_problem(write(rule(when="partners.knows_residents")))
    assert "partners is a list" in problem
    assert "any(x.knows_residents for x in partners)" in problem


@pytest.mark.parametrize(
    ("need", "hint"),
    [
        ("partners[].knows_resident", "'knows_residents'"),
        ("contact.informal_moment", "'informal_moments'"),
        ("contct.informal_moments", "'contact'"),
    ],
)
def test_typo_in_needs(write: Writer, need: str, hint: str) -> None:
    problem = one_problem(write(rule(needs=[need])))
    assert problem.startswith("rule[0] (TST01).needs: ")
    assert f"needs path {need!r}" in problem
    assert f"did you mean {hint}?" in problem


def test_typo_in_a_text_placeholder(write: Writer) -> None:
    texts = TEXTS.replace('en = "Message"', 'en = "Message about {contact.group_chanel}"')
    problem = one_problem(write(rule(texts=texts)))
    assert problem.startswith("rule[0] (TST01).message: placeholder {contact.group_chanel}")
    assert "'group_channel'" in problem


# -- forbidden constructs ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("condition", "words"),
    [
        ("__import__('os')", "only these functions can be called"),
        ("project.__class__", "no field '__class__'"),
        ("open('x')", "only these functions can be called"),
        ('"a" * 10**9', "the operator * is not allowed"),
        ("lambda: 1", "'Lambda' is not allowed"),
        ("(lambda: True)()", "only these functions can be called"),
        ('f"{project.name}" == "x"', "'JoinedStr' is not allowed"),
        ("(project := 1)", "'NamedExpr' is not allowed"),
        ("(x := 1)", "unknown name 'x'"),
        ("partners[0:1]", "only indexing with a constant whole number"),
        ("max(1, 2, key=len)", "keyword arguments are not allowed"),
    ],
    ids=["import", "dunder", "open", "big-string", "lambda", "lambda-call", "f-string",
         "walrus", "walrus-new-name", "slice", "keyword-args"],
)
def test_forbidden_construct(write: Writer, condition: str, words: str) -> None:
    problem = one_problem(write(rule(when=condition)))
    assert problem.startswith("rule[0] (TST01).when: ")
    assert words in problem


def test_syntax_error_in_condition(write: Writer) -> None:
    problem = one_problem(write(rule(when="contact.informal_moments is")))
    assert "syntax error" in problem


# -- the rule contract -------------------------------------------------------------------


def test_missing_translation(write: Writer) -> None:
    texts = TEXTS.replace('title = { nl = "Titel", en = "Title" }', 'title = { nl = "Titel" }')
    problem = one_problem(write(rule(texts=texts)))
    assert problem == "rule[0] (TST01).title.en: this key is required but missing"


def test_empty_translation(write: Writer) -> None:
    texts = TEXTS.replace('en = "Why"', 'en = ""')
    problem = one_problem(write(rule(texts=texts)))
    assert problem.startswith("rule[0] (TST01).why.en: ")


def test_missing_translation_of_a_question(write: Writer) -> None:
    problem = one_problem(write(rule(question='question = { en = "Question?" }\n')))
    assert problem == "rule[0] (TST01).question.nl: this key is required but missing"


def test_missing_translation_of_actions(write: Writer) -> None:
    problem = one_problem(write(rule(extra='actions = { nl = ["Doe iets"] }\n')))
    assert problem == "rule[0] (TST01).actions.en: this key is required but missing"


def test_strength_with_priority(write: Writer) -> None:
    problem = one_problem(write(rule(kind="strength", priority="high")))
    assert problem == "rule[0] (TST01): a strength has no priority"


@pytest.mark.parametrize("kind", ["recommendation", "warning"])
def test_advice_without_priority(write: Writer, kind: str) -> None:
    problem = one_problem(write(rule(kind=kind, priority=None)))
    assert problem == f"rule[0] (TST01): priority is required for a {kind}"


def test_needs_without_question(write: Writer) -> None:
    problem = one_problem(write(rule(question=None)))
    assert problem.startswith("rule[0] (TST01): question is required when needs is not empty")


def test_no_needs_no_question_is_fine(write: Writer) -> None:
    (loaded,) = load_rules(write(rule(needs=[], question=None, when="True")))
    assert loaded.question is None
    assert loaded.need_paths == ()


def test_unknown_element(write: Writer) -> None:
    problem = one_problem(write(rule(element="contct")))
    assert problem == "rule[0] (TST01).element: unknown element 'contct'; did you mean 'contact'?"


def test_plugin_element_is_accepted_when_declared(write: Writer) -> None:
    path = write(rule(element="youth_work"))
    with pytest.raises(RuleError):
        load_rules(path)
    assert load_rules(path, elements=["youth_work"])[0].element == "youth_work"


def test_duplicate_code_in_one_file(write: Writer) -> None:
    problem = one_problem(write(rule(), rule(name="test.other")))
    assert problem == "rule[1] (TST01): rule code 'TST01' is already used by rule[0]"


@pytest.mark.parametrize(
    "example",
    [
        "[[rule.examples]]\nproject = { }\n",
        "[[rule.examples]]\nfires = true\nasks = true\nproject = { }\n",
    ],
    ids=["neither", "both"],
)
def test_example_needs_fires_or_asks(write: Writer, example: str) -> None:
    problem = one_problem(write(rule(examples=example)))
    assert problem == ("rule[0] (TST01).examples[0]: an example needs exactly one of "
                       "'fires' or 'asks'")


def test_unknown_key_in_a_rule(write: Writer) -> None:
    problem = one_problem(write(rule(extra='prority = "low"\n')))
    assert problem.startswith("rule[0] (TST01).prority: unknown key; did you mean 'priority'?")


def test_unknown_key_in_an_example(write: Writer) -> None:
    example = "[[rule.examples]]\nfires = true\nprojcet = { }\n"
    problem = one_problem(write(rule(examples=example)))
    assert problem.startswith("rule[0] (TST01).examples[0].projcet: unknown key")


def test_bad_code_and_name_patterns(write: Writer) -> None:
    error = refused(write(rule("TST01", name="Not Dotted")), "TST01")
    assert [p.path for p in error.problems] == ["rule[0] (TST01).name"]


def test_unknown_top_level_key(write: Writer) -> None:
    with pytest.raises(RuleError) as info:
        load_rules(write(rule(), head='rules = "x"\n'))
    assert [p.path for p in info.value.problems] == ["rules"]


def test_all_problems_of_a_file_at_once(write: Writer) -> None:
    texts = TEXTS.replace('title = { nl = "Titel", en = "Title" }', 'title = { nl = "Titel" }')
    path = write(
        rule("TST01", element="contct", needs=["contact.informal_moment"], texts=texts,
             extra='prority = "low"\n'),
        rule("TST02", kind="strength", priority="low"),
        rule("TST03", when="open('x')"),
        rule("TST04"),
        rule("TST04", name="test.again"),
    )
    with pytest.raises(RuleError) as info:
        load_rules(path)
    found = [(p.path, p.message.split(";")[0].split(":")[0]) for p in info.value.problems]
    assert found == [
        ("rule[0] (TST01).element", "unknown element 'contct'"),
        ("rule[0] (TST01).needs", "needs path 'contact.informal_moment'"),
        ("rule[0] (TST01).title.en", "this key is required but missing"),
        ("rule[0] (TST01).prority", "unknown key"),
        ("rule[1] (TST02)", "a strength has no priority"),
        ("rule[2] (TST03).when", "only these functions can be called"),
        ("rule[4] (TST04)", "rule code 'TST04' is already used by rule[3]"),
    ]
    assert all(p.file == str(path) for p in info.value.problems)


# -- reading -----------------------------------------------------------------------------


def test_missing_rule_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"
    with pytest.raises(RuleError) as info:
        load_rules(path)
    assert info.value.problems[0].file == str(path)
    assert info.value.problems[0].message == "cannot read file: No such file or directory"


def test_a_rule_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    with pytest.raises(RuleError) as info:
        load_rules(path)
    assert [str(p) for p in info.value.problems] == [
        f"{path}: file is 1,048,577 bytes; rule files may be at most 1,048,576 bytes (1 MiB)"
    ]
    path.write_bytes(b"#" * MAX_FILE_BYTES)  # at the limit: read (and no rules in it)
    assert load_rules(path) == []


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda tmp: Path("/dev/zero"), "a device"),
        (lambda tmp: Path("/dev/null"), "a device"),
        (lambda tmp: tmp, "a folder"),
        (lambda tmp: (os.mkfifo(tmp / "fifo.toml"), tmp / "fifo.toml")[1], "a named pipe (FIFO)"),
    ],
    ids=["dev-zero", "dev-null", "folder", "fifo"],
)
def test_a_rule_file_that_is_not_a_regular_file_is_refused(
    tmp_path: Path, make: Callable[[Path], Path], kind: str
) -> None:
    """No MemoryError on /dev/zero, no hang on a FIFO that nobody writes to."""
    path = make(tmp_path)
    with pytest.raises(RuleError) as info:
        load_rules(path)
    assert [str(p) for p in info.value.problems] == [
        f"{path}: not a regular file but {kind}; a rule file must be a regular file"
    ]


def test_a_rule_file_that_grows_while_it_is_read_is_cut_at_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "growing.toml"
    path.write_bytes(b"#" * 5000)
    real_fstat = os.fstat

    def small_fstat(fd: int) -> os.stat_result:
        """The size it had when it was opened: 10 bytes (it grew later)."""
        told = list(real_fstat(fd))
        told[6] = 10  # st_size
        return os.stat_result(told)

    monkeypatch.setattr(os, "fstat", small_fstat)
    read: list[int] = []
    real_read = os.read

    def counting_read(fd: int, n: int) -> bytes:
        data = real_read(fd, n)
        read.append(len(data))
        return data

    monkeypatch.setattr(os, "read", counting_read)
    with pytest.raises(_readfile.FileRefused, match="file grew while it was read"):
        _readfile.read_bounded(path, 1000)
    assert sum(read) == 1001  # the limit plus one byte, never the whole file


def test_a_rule_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes("# caf\u00e9\n".encode("latin-1"))
    with pytest.raises(RuleError) as info:
        load_rules(path)
    assert [p.message for p in info.value.problems] == [
        "file is not UTF-8 text (byte 5); save it as UTF-8"
    ]


def test_the_cli_refuses_special_rule_files_without_hanging(tmp_path: Path) -> None:
    """A real process, as a user would run it: /dev/zero and a FIFO as --rules."""
    fifo = tmp_path / "rules.fifo"
    os.mkfifo(fifo)
    example = Path(__file__).resolve().parents[1] / "examples" / "schets.toml"
    for rules, kind in (("/dev/zero", "a device"), (str(fifo), "a named pipe (FIFO)")):
        result = subprocess.run(
            [sys.executable, "-m", "interventie_advies", "run", str(example), "--no-plugins",
             "--rules", rules, "--lang", "en"],
            capture_output=True, text=True, timeout=120, check=False,
        )
        assert result.returncode == 2, result.stderr
        assert result.stderr == (
            f"error: {rules}: not a regular file but {kind}; a rule file must be a regular file\n"
        )


def test_invalid_toml_in_rule_file(write: Writer) -> None:
    path = write(head="[[rule]\ncode = 1\n")
    with pytest.raises(RuleError) as info:
        load_rules(path)
    (problem,) = info.value.problems
    assert problem.file == str(path)
    assert problem.line == 1
    assert problem.message.startswith("invalid TOML")


# -- the shipped rules ---------------------------------------------------------------------


def all_shipped_rules() -> list[tuple[Path, Rule]]:
    return [(path, r) for path in RULE_FILES for r in load_rules(path)]


def test_there_is_a_rule_file_per_element() -> None:
    assert sorted(p.stem for p in RULE_FILES) == sorted(ELEMENT_IDS)


@pytest.mark.parametrize("path", RULE_FILES, ids=[p.stem for p in RULE_FILES])
def test_shipped_rule_file_loads(path: Path) -> None:
    rules = load_rules(path)
    assert rules, f"{path.name} has no rules"
    # one file per element: every rule in it belongs to that element
    assert {r.element for r in rules} == {path.stem}


def test_shipped_rules_cover_all_twelve_elements() -> None:
    elements = {r.element for _, r in all_shipped_rules()}
    assert elements == set(ELEMENT_IDS)
    assert len(ELEMENT_IDS) == 12


def test_shipped_codes_and_names_are_unique() -> None:
    rules = [r for _, r in all_shipped_rules()]
    codes = Counter(r.code for r in rules)
    names = Counter(r.name for r in rules)
    assert [c for c, n in codes.items() if n > 1] == []
    assert [c for c, n in names.items() if n > 1] == []


def test_every_shipped_rule_has_a_firing_and_a_silent_example() -> None:
    missing = [
        f"{path.name}:{r.code}" for path, r in all_shipped_rules()
        if not (any(e.fires is True for e in r.examples)
                and any(e.fires is False for e in r.examples))
    ]
    assert missing == []


def test_every_shipped_advice_rule_has_firing_and_silent_examples() -> None:
    advice = [r for _, r in all_shipped_rules() if r.kind in ("recommendation", "warning")]
    assert advice
    for r in advice:
        fires = [e.fires for e in r.examples]
        assert True in fires, f"{r.code} has no fires = true example"
        assert False in fires, f"{r.code} has no fires = false example"


def test_every_shipped_rule_with_needs_asks_in_both_languages() -> None:
    with_needs = [r for _, r in all_shipped_rules() if r.needs]
    assert with_needs
    for r in with_needs:
        assert r.question is not None, r.code
        assert r.question.nl.strip(), r.code
        assert r.question.en.strip(), r.code
        assert any(e.asks is True for e in r.examples), f"{r.code} has no asks = true example"


def test_shipped_strengths_have_no_priority_and_advice_has_one() -> None:
    for _, r in all_shipped_rules():
        if r.kind == "strength":
            assert r.priority is None, r.code
        else:
            assert r.priority in ("high", "medium", "low"), r.code
