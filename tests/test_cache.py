"""The cache of compiled built-in rules: the same rules, faster; never trusted blindly."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from interventie_advies import Engine, _builtin, _cache

DATE = dt.date(2026, 11, 1)
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "buurtopera.toml"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(_cache.CACHE_ENV, str(folder))
    monkeypatch.delenv(_cache.NO_CACHE_ENV, raising=False)
    return folder


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("rules-*.pickle")) if folder.exists() else []


def test_the_second_engine_reads_the_cache_and_advises_the_same(cache: Path) -> None:
    first = Engine(plugins=())
    fresh = first.advise(EXAMPLE, date=DATE).to_json()
    assert len(entries(cache)) == 1
    cached_rules = _builtin.advies_rules()
    assert [r.model_dump() for r in cached_rules] == [r.model_dump() for r in first.rules]
    assert [r.code_object for r in cached_rules] == [r.code_object for r in first.rules]
    assert Engine(plugins=()).advise(EXAMPLE, date=DATE).to_json() == fresh


def test_a_broken_entry_is_ignored_and_replaced(cache: Path) -> None:
    assert Engine(plugins=()).rules
    [entry] = entries(cache)
    entry.write_bytes(b"not a pickle")
    assert len(Engine(plugins=()).rules) > 50
    assert entry.read_bytes() != b"not a pickle"


def test_an_entry_others_can_write_is_not_trusted(cache: Path) -> None:
    assert Engine(plugins=()).rules
    [entry] = entries(cache)
    entry.write_bytes(b"\x80\x04N.")  # a valid pickle of None
    entry.chmod(0o666)
    assert _cache.load(entry.stem.removeprefix("rules-")) is None
    entry.chmod(0o600)
    assert _cache.load(entry.stem.removeprefix("rules-")) is None  # not a list: ignored


def test_changing_a_rule_file_changes_the_key(tmp_path: Path) -> None:
    rules = tmp_path / "x.toml"
    rules.write_text("[pack]\nname = 'x'\n", encoding="utf-8")
    before = _cache.cache_key([rules])
    rules.write_text("[pack]\nname = 'y'\n", encoding="utf-8")
    assert _cache.cache_key([rules]) != before


def test_the_cache_can_be_turned_off(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(_cache.NO_CACHE_ENV, "1")
    assert len(Engine(plugins=()).rules) > 50
    assert entries(cache) == []


def test_an_unwritable_folder_is_not_an_error(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(_cache.CACHE_ENV, str(blocker / "cache"))  # a folder inside a file
    assert len(Engine(plugins=()).rules) > 50


#: what a one-file `advies run` with a warm cache leaves out of its start-up
RUN_PROBE = textwrap.dedent("""
    import json, sys
    from interventie_advies.cli import main
    sys.argv = ["advies", "run", sys.argv[1], "--date", "2026-06-01", "--no-plugins"]
    try:
        main()
    except SystemExit:
        pass
    sys.stderr.write(json.dumps(sorted(sys.modules)))
""")


def test_a_cached_one_file_run_imports_only_what_it_needs(cache: Path) -> None:
    """No process pool, rule compiler, pickler or strptime when the cache hits."""
    env = {**os.environ, _cache.CACHE_ENV: str(cache)}
    command = [sys.executable, "-c", RUN_PROBE, str(EXAMPLE)]
    subprocess.run(command, capture_output=True, check=True, timeout=120, env=env)  # fills
    assert len(entries(cache)) == 1
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120,
                          env=env)
    assert "Advies voor" in done.stdout or "Advice for" in done.stdout
    loaded = set(json.loads(done.stderr))
    unneeded = {"concurrent.futures", "multiprocessing", "pickle", "evalidate", "_strptime"}
    unneeded &= loaded
    assert not unneeded
