"""Stop a run cleanly on Ctrl-C (SIGINT) or SIGTERM instead of dying half-way.

Python's default for SIGTERM ends the process at once: worker processes are left running
and temporary files stay behind. Inside :func:`stop_on_signals` both signals raise
:class:`Stopped` in the main thread instead, so ``finally`` blocks and ``except
BaseException`` clean-ups run (workers stopped, temporary files removed), and the command
exits with the conventional code 128 + the signal's number (130, 143).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator
    from types import FrameType

__all__ = ["Stopped", "stop_on_signals"]

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Stopped(KeyboardInterrupt):
    """Raised in the main thread when SIGINT or SIGTERM asks the run to stop.

    A ``KeyboardInterrupt``: ``except Exception`` (which keeps a batch going past a broken
    file) does not catch it, and code that lets Ctrl-C through lets it through too.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        #: ``SIGINT`` or ``SIGTERM``
        self.name = signal.Signals(signum).name
        #: what a shell reports for a process ended by this signal
        self.exit_code = 128 + signum

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.signum,))


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Turn SIGINT and SIGTERM into :class:`Stopped` inside the block.

    After the first signal both are ignored until the block ends, so a second Ctrl-C
    cannot cut the clean-up short (SIGKILL still ends the process). A signal that was
    ignored when the block began (``nohup``, a background job) stays ignored. Outside the
    main thread (where Python cannot set handlers) nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[signal.Signals, Any] = {}

    def stop(signum: int, frame: FrameType | None) -> None:
        for number in previous:
            signal.signal(number, signal.SIG_IGN)
        raise Stopped(signum)

    for number in SIGNALS:
        handler = signal.getsignal(number)
        if handler == signal.SIG_IGN:
            continue
        previous[number] = signal.SIG_DFL if handler is None else handler
        signal.signal(number, stop)
    try:
        yield
    finally:
        for number, old in previous.items():
            signal.signal(number, old)
