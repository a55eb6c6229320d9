"""Plugins ship their rules validated: ``shipped_rules`` and ``python -m interventie_advies.ship``.

Issue 15, item 6: the two example plugins validated their rules on every start-up (the
jeugd rule file through ``load_rules``, fonds's Python rules through ``Rule``), and the
first of them built pydantic's validator for ``Rule``. They now ship them as the built-in
plugin does. These tests hold each shipped module to what the generator writes from the
plugin's files, compare every rule built both ways, and check that anything else (a file
edited, removed or added; another format; other settings) loads the files instead.
"""

from __future__ import annotations

import shutil
import types
from pathlib import Path
from typing import Any

import pytest
from interventie_advies_fonds import _rules_data as fonds_data
from interventie_advies_fonds import rules as fonds
from interventie_advies_jeugd import _rules_data as jeugd_data
from interventie_advies_jeugd import plugin as jeugd
from interventie_advies_jeugd.models import JeugdModel

import interventie_advies
from interventie_advies import Rule, RuleError, load_rules, ship, shipped_rules
from interventie_advies.rulebook import _rebuild, _rules, _shipped, _write

EXTENSIONS: dict[str, Any] = {jeugd.EXTENSION: JeugdModel}


def jeugd_source(*files: Path | str) -> str:
    """The jeugd module as the generator writes it (the README's command)."""
    return ship.source(files or [jeugd.RULES_FILE], facts=jeugd.FACTS, extensions=EXTENSIONS)


def module_of(text: str) -> types.ModuleType:
    """A written module, imported from its text."""
    module = types.ModuleType("probe")
    exec(compile(text, "probe", "exec"), module.__dict__)
    return module


def assert_same(new: list[Rule], old: list[Rule]) -> None:
    """Every rule equal, with the same fields set, private attributes and compiled code."""
    assert [rule.code for rule in new] == [rule.code for rule in old]
    assert new
    for one, two in zip(new, old, strict=True):
        assert type(one) is Rule
        assert one == two
        assert repr(one) == repr(two)
        assert one.model_fields_set == two.model_fields_set
        assert one.model_dump() == two.model_dump()
        assert one.__pydantic_private__ == two.__pydantic_private__
        assert one.code_object == two.code_object
        assert one.need_paths == two.need_paths
        assert one.when is two.when or one.when == two.when
        assert _write.same(one, two)


# -- the committed modules ----------------------------------------------------------------


def test_the_jeugd_module_is_what_the_generator_writes() -> None:
    """If this fails: the command in plugins/interventie-advies-jeugd/README.md."""
    text = jeugd_source()
    assert text == (jeugd.RULES_FILE.parent.parent / "_rules_data.py").read_text("utf-8")
    args = [str(jeugd.RULES_FILE), "-o", jeugd_data.__file__, "--facts", *jeugd.FACTS]
    extension = "jeugd=interventie_advies_jeugd.models:JeugdModel"
    assert ship.main([*args, "--extension", extension, "--check"]) == 0
    assert ship.main([*args, "--check"]) == 1  # without the extension model: another text


def test_the_fonds_module_is_what_the_generator_writes() -> None:
    """If this fails: the command in plugins/interventie-advies-fonds/README.md."""
    text = ship.source(fonds.SOURCES, load=fonds.validated_rules)
    assert text == fonds.SOURCES[0].with_name("_rules_data.py").read_text("utf-8")
    args = [*map(str, fonds.SOURCES), "-o", fonds_data.__file__, "--check"]
    assert ship.main([*args, "--python", "interventie_advies_fonds.rules:validated_rules"]) == 0


def test_the_jeugd_rules_are_shipped_as_validated(monkeypatch: pytest.MonkeyPatch) -> None:
    validated = load_rules(jeugd.RULES_FILE, facts=jeugd.FACTS, extensions=EXTENSIONS)
    refuse(monkeypatch)
    assert_same(jeugd.advies_rules(), validated)


def test_the_fonds_rules_are_shipped_as_validated(monkeypatch: pytest.MonkeyPatch) -> None:
    validated = list(fonds.validated_rules())
    refuse(monkeypatch)
    shipped = list(fonds.fonds_rules.__wrapped__())
    assert_same(shipped, validated)
    assert all(callable(rule.when) for rule in shipped[:3])
    assert shipped[0].when is validated[0].when


def refuse(monkeypatch: pytest.MonkeyPatch) -> None:
    """No rule is validated nor any rule file loaded from here on."""

    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("a rule was validated")

    monkeypatch.setattr(_rules, "load_rules", refused)
    monkeypatch.setattr(interventie_advies, "load_rules", refused)
    monkeypatch.setattr(jeugd, "load_rules", refused)
    monkeypatch.setattr(Rule, "model_validate", refused)


def test_the_plugins_without_shipped_rules_load_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """A version of interventie-advies before ``shipped_rules``: the plugins validate."""
    monkeypatch.delattr(interventie_advies, "shipped_rules")
    assert_same(
        jeugd.advies_rules(),
        load_rules(jeugd.RULES_FILE, facts=jeugd.FACTS, extensions=EXTENSIONS),
    )
    assert_same(list(fonds.fonds_rules.__wrapped__()), list(fonds.validated_rules()))


# -- when the module does not fit, the files --------------------------------------------------


@pytest.fixture
def copied(tmp_path: Path) -> tuple[Path, types.ModuleType]:
    """A copy of the jeugd rule file and the module written from it."""
    path = tmp_path / "jeugd.toml"
    shutil.copy(jeugd.RULES_FILE, path)
    return path, module_of(jeugd_source(path))


def load(module: types.ModuleType, *files: Path) -> list[Rule]:
    return shipped_rules(module, files, facts=jeugd.FACTS, extensions=EXTENSIONS)


def validate(*files: Path) -> list[Rule]:
    rules: list[Rule] = []
    for path in files:
        rules += load_rules(path, facts=jeugd.FACTS, extensions=EXTENSIONS)
    return rules


def test_rules_name_their_file_where_it_is(copied: tuple[Path, types.ModuleType]) -> None:
    """The origin is the path given, as ``load_rules`` gives it, wherever it is installed."""
    path, module = copied
    assert load(module, path)[0].origin == str(path)
    assert load(module, path) == validate(path)
    moved = path.with_name("moved")
    moved.mkdir()
    moved = shutil.copy(path, moved / "jeugd.toml")
    assert [rule.origin for rule in load(module, moved)] == [str(moved)] * len(validate(path))


def test_an_edited_file_is_loaded_from_its_toml(
    copied: tuple[Path, types.ModuleType], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, module = copied
    text = path.read_text("utf-8")
    old = 'code = "JGD01"'
    assert text.count(old) == 1
    path.write_text(text.replace(old, 'code = "JGD99"'), "utf-8")
    rules = load(module, path)
    assert rules[0].code == "JGD99"
    assert_same(rules, validate(path))


def test_a_removed_file_gives_the_error_of_load_rules(
    copied: tuple[Path, types.ModuleType],
) -> None:
    path, module = copied
    path.unlink()
    with pytest.raises(RuleError) as shipped:
        load(module, path)
    with pytest.raises(RuleError) as loaded:
        validate(path)
    assert str(shipped.value) == str(loaded.value)
    assert shipped.value.problems == loaded.value.problems


def test_an_added_file_is_loaded_with_the_others(copied: tuple[Path, types.ModuleType]) -> None:
    path, module = copied
    extra = path.with_name("extra.toml")
    extra.write_text(path.read_text("utf-8").replace('code = "JGD', 'code = "XTR'), "utf-8")
    rules = load(module, path, extra)
    assert len(rules) == 2 * len(load(module, path))
    assert_same(rules, validate(path, extra))


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("FORMAT", "1.00000000"),  # written by a version whose calls or models differ
        ("FORMAT", None),  # written before modules recorded one
        ("SETTINGS", {**jeugd_data.SETTINGS, "facts": ()}),  # with other facts
        ("FILES", ("other.toml",)),
        ("CRC32", "00000000"),
    ],
)
def test_a_module_that_does_not_fit_is_not_built(
    copied: tuple[Path, types.ModuleType], name: str, value: object
) -> None:
    path, module = copied
    if value is None:
        delattr(module, name)
    else:
        setattr(module, name, value)

    def never(builder: object) -> list[Rule]:
        raise AssertionError("a module that does not fit was built")

    module.build = never
    assert_same(load(module, path), validate(path))


def test_other_settings_do_not_use_the_module(copied: tuple[Path, types.ModuleType]) -> None:
    """Loaded without the extension model, the rules check its paths later: as load_rules."""
    path, module = copied
    assert shipped_rules(module, [path], facts=jeugd.FACTS) == load_rules(path, facts=jeugd.FACTS)
    assert shipped_rules(module, [path], facts=jeugd.FACTS, plugin="jeugd") == load_rules(
        path, facts=jeugd.FACTS, plugin="jeugd"
    )


def test_python_rules_that_changed_are_built_again(tmp_path: Path) -> None:
    source = tmp_path / "rules.py"
    shutil.copy(fonds.SOURCES[0], source)
    module = module_of(ship.source([source], load=fonds.validated_rules))
    calls: list[int] = []

    def again() -> tuple[Rule, ...]:
        calls.append(1)
        return fonds.validated_rules()

    assert_same(shipped_rules(module, [source], load=again), list(fonds.validated_rules()))
    assert calls == []
    source.write_text(source.read_text("utf-8") + "\n", "utf-8")
    assert_same(shipped_rules(module, [source], load=again), list(fonds.validated_rules()))
    assert calls == [1]


# -- the format ----------------------------------------------------------------------------


def test_the_format_changes_with_the_models(monkeypatch: pytest.MonkeyPatch) -> None:
    """A field added to a rule model (another version of the package) is another format."""
    now = _rebuild.format_id.__wrapped__()
    assert now == _rebuild.format_id() == jeugd_data.FORMAT == fonds_data.FORMAT
    assert now.startswith(f"{_rebuild.VERSION}.")

    class Rule2(Rule):
        added: int = 0

    monkeypatch.setitem(_rebuild.CLASSES, "Rule", Rule2)
    assert _rebuild.format_id.__wrapped__() != now
    monkeypatch.setattr(_rebuild, "VERSION", _rebuild.VERSION + 1)
    monkeypatch.setitem(_rebuild.CLASSES, "Rule", Rule)
    assert _rebuild.format_id.__wrapped__() != now


def test_a_written_module_imports_nothing_of_the_package() -> None:
    """Any version can import it and read its FORMAT (and then leave it unbuilt)."""
    for module in (jeugd_data, fonds_data):
        assert module.__file__
        text = Path(module.__file__).read_text("utf-8")
        assert "import interventie_advies" not in text
        assert "from interventie_advies" not in text
        assert "from ." not in text


# -- the generator -------------------------------------------------------------------------


def test_the_generator_gives_the_error_of_load_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.toml"
    text = jeugd.RULES_FILE.read_text("utf-8")
    path.write_text(text.replace("facts.jeugd_school_or_youth_partner is False", "facts.nope"))
    with pytest.raises(RuleError) as loaded:
        validate(path)
    with pytest.raises(RuleError) as written:
        jeugd_source(path)
    assert written.value.problems == loaded.value.problems
    out = tmp_path / "_rules_data.py"
    args = [str(path), "-o", str(out), "--facts", *jeugd.FACTS]
    assert ship.main(args) == 1
    assert capsys.readouterr().err == f"{loaded.value}\n"
    assert not out.exists()


def test_the_generator_writes_and_checks(tmp_path: Path) -> None:
    path = tmp_path / "jeugd.toml"
    shutil.copy(jeugd.RULES_FILE, path)
    out = tmp_path / "_rules_data.py"
    args = [str(path), "-o", str(out), "--facts", *jeugd.FACTS]
    assert ship.main([*args, "--check"]) == 1  # not written yet
    assert ship.main(args) == 0
    assert ship.main([*args, "--check"]) == 0
    assert out.read_text("utf-8") == ship.source([path], facts=jeugd.FACTS)
    assert load_rules(path, facts=jeugd.FACTS) == shipped_rules(
        module_of(out.read_text("utf-8")), [path], facts=jeugd.FACTS
    )


def test_a_function_found_by_no_name_cannot_be_written() -> None:
    with pytest.raises(TypeError, match="not found by its name"):
        _write.Writer().value(lambda ctx: True, "")


def test_the_checksum_is_of_names_sizes_and_bytes(tmp_path: Path) -> None:
    one, two = tmp_path / "a.toml", tmp_path / "b.toml"
    one.write_bytes(b"ab")
    two.write_bytes(b"")
    first = _shipped.checksum([one, two])
    two.rename(tmp_path / "c.toml")
    assert _shipped.checksum([one, tmp_path / "c.toml"]) != first
    assert _shipped.checksum([tmp_path / "c.toml", one]) != first
