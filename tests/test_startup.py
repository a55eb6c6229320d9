"""Start-up: the rules are loaded in every process; no cache folder is read or written.

Issue 11, items 1 and 9: a rule cache (pickle) and a compiled plan (marshal) read from a
folder another local user could write ran that user's code; a user without a home folder
crashed in the cache. Both caches are gone (docs/performance.md gives the figures).
"""

from __future__ import annotations

import json
import os
import pwd
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from interventie_advies.cli import cli

if TYPE_CHECKING:
    from click.testing import CliRunner

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "buurtopera.toml"

#: runs ``advies run`` in this process and writes the modules it imported to stderr
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


def _listing(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() if p.is_file() else b""
        for p in sorted(folder.rglob("*"))
    }


def test_no_cache_folder_is_read_or_written(tmp_path: Path) -> None:
    """Two runs with a cache folder set (as the old cache used) leave it as it was."""
    chosen, xdg = tmp_path / "chosen", tmp_path / "xdg"
    for folder in (chosen, xdg / "interventie-advies"):
        folder.mkdir(parents=True)
        (folder / "rules-0123456789abcdef0123456789abcdef.pickle").write_bytes(b"\x80\x04N.")
        (folder / "plan-link.marshal").symlink_to(tmp_path / "elsewhere")
    before = _listing(tmp_path)
    env = {**os.environ, "ADVIES_CACHE_DIR": str(chosen), "XDG_CACHE_HOME": str(xdg)}
    env.pop("ADVIES_NO_CACHE", None)
    command = [sys.executable, "-c", RUN_PROBE, str(EXAMPLE)]
    for _ in range(2):
        done = subprocess.run(
            command, capture_output=True, text=True, check=True, timeout=120, env=env
        )
        assert "Advies voor" in done.stdout or "Advice for" in done.stdout
    assert _listing(tmp_path) == before
    loaded = set(json.loads(done.stderr))
    # a one-file run needs no process pool, pickle or strptime
    assert not {"concurrent.futures", "multiprocessing", "pickle", "_strptime"} & loaded


def test_a_user_without_a_home_folder_can_run(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 9: HOME unset and a uid without a passwd entry (Path.home() fails)."""
    for name in ("HOME", "XDG_CACHE_HOME", "ADVIES_CACHE_DIR", "ADVIES_NO_CACHE"):
        monkeypatch.delenv(name, raising=False)

    def no_entry(uid: int) -> pwd.struct_passwd:
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    def no_home(cls: type[Path]) -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(pwd, "getpwuid", no_entry)
    monkeypatch.setattr(Path, "home", classmethod(no_home))
    done = runner.invoke(
        cli, ["run", str(EXAMPLE), "--date", "2026-06-01", "--no-plugins", "--format", "json"]
    )
    assert done.exit_code == 0, done.output
    assert json.loads(done.output)["findings"]


def test_a_one_file_run_imports_only_what_it_needs() -> None:
    """No process pool, pickler or strptime for one file.

    The rules are checked in every process now, so evalidate is imported.
    """
    command = [sys.executable, "-c", RUN_PROBE, str(EXAMPLE)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)
    assert "Advies voor" in done.stdout or "Advice for" in done.stdout
    loaded = set(json.loads(done.stderr))
    assert "interventie_advies.cli" in loaded  # the probe saw the run's imports
    unneeded = {"concurrent.futures", "multiprocessing", "pickle", "_strptime"} & loaded
    assert not unneeded
    # issue 15: nor the other commands' modules, or did-you-mean (the probe imports json)
    others = {f"interventie_advies._cli.{m}" for m in ("_catalogue", "_create", "_files", "_web")}
    assert not (others | {"difflib"}) & loaded
    # nor the JSON writer's module for a report in text
    assert "interventie_advies.report._json" not in loaded


#: imports the package (or the console script's module) and writes the modules it imported
IMPORT_PROBE = textwrap.dedent("""
    import importlib, json, sys
    before = set(sys.modules)
    importlib.import_module(sys.argv[1])
    sys.stderr.write(json.dumps(sorted(set(sys.modules) - before)))
""")


@pytest.mark.parametrize("module", ["interventie_advies", "interventie_advies.cli"])
def test_importing_does_not_look_for_plugins(module: str) -> None:
    """importlib.metadata (74 M instructions) waits until plugins are looked up (issue 15)."""
    command = [sys.executable, "-c", IMPORT_PROBE, module]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)
    loaded = set(json.loads(done.stderr))
    assert module in loaded
    assert "importlib.metadata" not in loaded
    assert "interventie_advies._cli._files" not in loaded


def test_commands_looked_up_later_are_the_same(runner: CliRunner) -> None:
    """Each command's module is imported when it is looked up: names, order and help kept."""
    assert list(cli.commands) == [
        "run", "diff", "check", "rules", "explain", "plugins", "init", "portfolio", "plugin",
        "schema", "serve", "db", "users", "tokens",
    ]  # fmt: skip
    assert all(cli.commands[name].name == name for name in cli.commands)
    # NOTE: made in English as at import, whatever the language they are looked up in
    done = runner.invoke(cli, ["diff", "--lang", "nl", "--help"])
    assert done.exit_code == 0, done.output
    assert "Schrijf naar FILE" in done.output
    assert "-o, --output FILE " in done.output
    assert "--rules PATH " in done.output


#: advises through the API, then through the console script's ``main``, and writes how
#: many objects the garbage collector had frozen after each
FREEZE_PROBE = textwrap.dedent("""
    import gc, sys
    from interventie_advies import Engine
    from interventie_advies.cli import main
    Engine(plugins=()).advise(sys.argv[1], date="2026-06-01")
    after_api = gc.get_freeze_count()
    sys.argv = ["advies", "run", sys.argv[1], "--date", "2026-06-01", "--no-plugins"]
    try:
        main()
    except SystemExit as exc:
        code = exc.code
    sys.stderr.write(f"{after_api} {gc.get_freeze_count() > 0} {code}")
""")


def test_only_the_console_script_freezes_objects_for_its_exit() -> None:
    """``main`` leaves the exit's last collection nothing to walk; the API freezes nothing."""
    command = [sys.executable, "-c", FREEZE_PROBE, str(EXAMPLE)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)
    assert done.stderr == "0 True 0"
    assert "Buurtopera" in done.stdout  # the report was written before the freeze


#: imports the package and the console script's module with the collector on or off, and
#: writes whether it is on afterwards and how many objects are frozen
GC_PROBE = textwrap.dedent("""
    import gc, sys
    if sys.argv[1] == "off":
        gc.disable()
    if sys.argv[1] == "frozen":
        kept = [[] for _ in range(100)]
        gc.freeze()
    import interventie_advies.cli
    if sys.argv[1] == "frozen":  # still frozen: not among the objects the collector sees
        sys.stderr.write(f"{gc.isenabled()} {not any(o is kept for o in gc.get_objects())}")
    else:
        sys.stderr.write(f"{gc.isenabled()} {gc.get_freeze_count()}")
""")


@pytest.mark.parametrize(
    ("before", "after"), [("on", "True 0"), ("off", "False 0"), ("frozen", "True True")]
)
def test_importing_pauses_the_collector_and_leaves_it_as_it_was(before: str, after: str) -> None:
    """The imports pause the collector (issue 15) but never freeze a library user's objects."""
    command = [sys.executable, "-c", GC_PROBE, before]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)
    assert done.stderr == after


#: imports the console script's module with the collector on and writes how many objects
#: the largest collection during the import walked, against how many there are afterwards
YOUNG_PROBE = textwrap.dedent("""
    import gc, sys
    walked = [0]
    def count(phase, info):
        if phase == "start":
            young = sum(len(gc.get_objects(g)) for g in range(info["generation"] + 1))
            walked.append(young)
    gc.callbacks.append(count)
    import interventie_advies.cli
    gc.callbacks.remove(count)
    seen = any(o is interventie_advies.Engine for o in gc.get_objects(2))
    sys.stderr.write(f"{max(walked)} {len(gc.get_objects())} {seen}")
""")


def test_the_imports_objects_are_not_walked_again_as_young() -> None:
    """After the paused imports their objects are in the oldest generation (issue 15).

    Otherwise the first allocation after the pause starts a young collection that walks
    every object the imports made (most of them), then an older one. They
    are not frozen: a full collection still sees them.
    """
    command = [sys.executable, "-c", YOUNG_PROBE]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)
    largest, objects, seen = done.stderr.split()
    assert int(largest) < int(objects) // 4
    assert seen == "True"
