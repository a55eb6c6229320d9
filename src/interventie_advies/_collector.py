"""The garbage collector paused while the package's modules are imported.

Importing the package makes tens of thousands of objects (classes, models, rules' parts),
none of them garbage. Each collection in between would walk them all again, so the
collector is paused while they are made (issue 15).
"""

from __future__ import annotations

import contextlib
import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["freeze_for_good", "kept", "paused", "settle_server"]

#: whether the console script owns the process and has frozen its objects (see
#: :func:`freeze_for_good`); an API user's process is never marked so
_owned = False


def freeze_for_good() -> None:
    """Freeze every object now, and what each later pause makes: the console script's call.

    NOTE: only ``cli.main`` calls this: the process is its own and ends after one command,
    so what is kept till the end (modules, models, the engine's catalogue) is frozen and
    never walked again; an API user's objects are never frozen.
    """
    global _owned  # NOTE: one switch for the process, set by its owner
    _owned = True
    gc.freeze()


def settle_server() -> None:
    """Collect once, then freeze every object: a server worker's call once its app is built.

    NOTE: a worker of ``advies serve`` is its own process and keeps what it built at
    start (modules, models, the rule catalogue, the app: about 120,000 objects) until it
    ends. Left in the collector's oldest generation, every full collection walks them
    again, and a worker does a full collection every few seconds under load: 65-85 ms
    each on the load test's machine, during which no request of that worker moves
    (``benchmarks/load.py``). Frozen, a full collection walks only what requests made
    since. The collection first frees what start-up left as garbage, so none of it is
    kept for good. Only the server's factory calls this, never the API.
    """
    gc.collect()
    freeze_for_good()


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Pause the collector while the block runs; afterwards it is as it was before.

    NOTE: when the collector comes back on, every object made during the pause is still
    counted as young: the first allocation after it would walk them all (a young
    collection of the whole import, then an older one: 22 M instructions of a run). So
    they are moved straight to the oldest generation, where they would end up anyway:
    ``freeze`` then ``unfreeze`` moves every tracked object there without walking any of
    them. Nothing stays frozen, a later full collection still looks at everything, and
    it is skipped when the caller froze objects of its own (``unfreeze`` would thaw them)
    or had the collector off. In the console script (:func:`freeze_for_good`) they are
    frozen instead.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            if _owned:
                gc.freeze()
            elif not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()


@contextlib.contextmanager
def kept() -> Iterator[None]:
    """Around what makes objects kept till the process ends: frozen in the console script.

    NOTE: in an API user's process nothing is done: moving every object to the oldest
    generation there (as :func:`paused` does) would also keep the user's garbage until a
    full collection.
    """
    if not _owned:
        yield
        return
    with paused():
        yield
