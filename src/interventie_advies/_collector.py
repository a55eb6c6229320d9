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

__all__ = ["paused"]


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
    or had the collector off.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()
