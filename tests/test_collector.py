"""The collector paused while the imports and an engine's catalogue make their objects."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap

import pytest

from interventie_advies import Engine, _collector, hookimpl
from interventie_advies._collector import paused


@pytest.fixture
def collecting() -> object:
    """The collector on during the test, and as it was afterwards."""
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@pytest.mark.usefixtures("collecting")
def test_paused_turns_it_off_then_on_and_moves_the_objects_to_the_oldest_generation() -> None:
    with paused():
        assert not gc.isenabled()
        made = [[] for _ in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    assert any(o is made for o in gc.get_objects(2))


@pytest.mark.usefixtures("collecting")
def test_paused_leaves_it_off_when_it_was_off() -> None:
    gc.disable()
    with paused():
        made = [[] for _ in range(1000)]
    assert not gc.isenabled()
    assert not any(o is made for o in gc.get_objects(2))


@pytest.mark.usefixtures("collecting")
def test_paused_thaws_nothing_the_caller_froze() -> None:
    kept = [[] for _ in range(10)]
    gc.freeze()
    try:
        with paused():
            pass
        assert gc.isenabled()
        assert not any(o is kept for o in gc.get_objects())  # still frozen
    finally:
        gc.unfreeze()


@pytest.mark.usefixtures("collecting")
def test_paused_turns_it_on_again_after_an_error() -> None:
    with pytest.raises(ValueError, match="x"), paused():
        raise ValueError("x")
    assert gc.isenabled()


class _Probe:
    """A plugin whose rules hook notes whether the collector is on."""

    def __init__(self) -> None:
        self.seen: list[bool] = []

    @hookimpl
    def advies_rules(self) -> list[object]:
        self.seen.append(gc.isenabled())
        return []


@pytest.mark.usefixtures("collecting")
def test_an_api_users_engine_leaves_the_collector_alone() -> None:
    probe = _Probe()
    assert Engine(plugins=[probe]).rules
    assert probe.seen == [True]
    assert gc.get_freeze_count() == 0


@pytest.mark.usefixtures("collecting")
def test_the_console_scripts_engine_freezes_its_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    """In the console script (``freeze_for_good``) the catalogue is built paused, then frozen."""
    monkeypatch.setattr(_collector, "_owned", True)
    probe = _Probe()
    try:
        engine = Engine(plugins=[probe])
        assert engine.rules
        assert probe.seen == [False]
        assert gc.isenabled()
        assert not any(o is engine.rules for o in gc.get_objects())  # frozen
    finally:
        gc.unfreeze()


#: builds the app as ``advies serve``'s workers do (``app_from_env``), with garbage in a
#: cycle made before and the collector off (so only an explicit collection frees it), and
#: writes how many objects are frozen and whether the garbage is gone; then as an API
#: user builds it (``create_app``) in a fresh process: nothing frozen
SERVER_PROBE = textwrap.dedent("""
    import gc, os, sys, weakref
    gc.disable()
    from interventie_advies.web import _app
    class Cycle:
        pass
    garbage = Cycle()
    garbage.me = garbage
    gone = weakref.ref(garbage)
    del garbage
    if sys.argv[1] == "serve":
        os.environ[_app.DATABASE_ENV] = "sqlite://"
        _app.app_from_env()
    else:
        _app.create_app("sqlite://")
    sys.stderr.write(f"{gc.get_freeze_count() > 10_000} {gone() is None}")
""")


@pytest.mark.parametrize(("how", "after"), [("serve", "True True"), ("api", "False False")])
def test_a_server_worker_collects_once_then_freezes_what_it_built(how: str, after: str) -> None:
    """Its full collections under load walk only what requests made (``settle_server``)."""
    command = [sys.executable, "-c", SERVER_PROBE, how]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)
    assert done.stderr == after
