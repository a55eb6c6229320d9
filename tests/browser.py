"""A small DevTools client for Debian's Chromium, over ``--remote-debugging-pipe``.

The browser tests need what the command line of Chromium cannot give: a viewport narrower
than a desktop window (headless Chromium keeps a window at least 500 px wide), computed
sizes read from the page, and a PDF. Playwright would drive the same protocol, but it is not
a dependency of the project and must not download a browser of its own; the protocol over a
pipe needs nothing but the ``chromium`` that ``.ci/run`` installs. Page scripts are switched
off (``Emulation.setScriptExecutionDisabled``): the report must work without JavaScript, and
the measurements run as DevTools evaluations, which that switch does not stop.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import subprocess
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["Browser"]

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--remote-debugging-pipe"]


class Browser:
    """One headless Chromium with one page; use as a context manager."""

    def __init__(self, chromium: str, profile: Path, timeout: float = 60) -> None:
        self.timeout = timeout
        to_browser, self._write = os.pipe()
        self._read, from_browser = os.pipe()

        def fds() -> None:  # the protocol's pipe is fd 3 (commands) and fd 4 (answers)
            # moved out of the way first: either end may already be fd 3 or 4
            high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_browser, from_browser)]
            for target, fd in zip((3, 4), high, strict=True):
                os.dup2(fd, target)  # inheritable, unlike the ends os.pipe() made
                os.close(fd)

        self._process = subprocess.Popen(
            [chromium, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            close_fds=False, preexec_fn=fds,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "HOME": str(profile)},
        )
        os.close(to_browser)
        os.close(from_browser)
        self._buffer = b""
        self._id = 0
        self._events: list[dict[str, Any]] = []
        targets = self._call("Target.getTargets")["targetInfos"]
        page = next(t["targetId"] for t in targets if t["type"] == "page")
        self._session = self._call("Target.attachToTarget", targetId=page, flatten=True)[
            "sessionId"]
        self.send("Page.enable")
        self.send("Emulation.setScriptExecutionDisabled", value=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """End the browser (the one this object started)."""
        os.close(self._write)
        os.close(self._read)
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=10)

    # -- the protocol --------------------------------------------------------------------------

    def _message(self) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._read], [], [], left)[0]:
                raise TimeoutError(f"chromium did not answer within {self.timeout} s")
            chunk = os.read(self._read, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        message: dict[str, Any] = json.loads(raw)
        return message

    def _call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self._id += 1
        command: dict[str, Any] = {"id": self._id, "method": method, "params": params}
        if session:
            command["sessionId"] = session
        os.write(self._write, json.dumps(command).encode() + b"\0")
        while True:
            message = self._message()
            if message.get("id") == self._id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message["result"]
                return result
            self._events.append(message)

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one command to the page and return its result."""
        return self._call(method, self._session, **params)

    def _wait_for(self, event: str) -> None:
        while True:
            for i, message in enumerate(self._events):
                if message.get("method") == event:
                    del self._events[: i + 1]
                    return
            self._events.append(self._message())

    # -- what the tests use ----------------------------------------------------------------

    def open(self, page: Path, width: int, height: int = 900) -> None:
        """Show ``page`` in a viewport ``width`` CSS pixels wide (a phone's when narrow)."""
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=width < 600)
        self._events.clear()
        self.send("Page.navigate", url=page.as_uri())
        self._wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (DevTools runs it, not the page)."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression!r}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def pdf(self) -> bytes:
        """The page printed to PDF as Chromium prints it (its @page size, no header or footer)."""
        data = self.send("Page.printToPDF", preferCSSPageSize=True, printBackground=True,
                         displayHeaderFooter=False)["data"]
        return base64.b64decode(data)
