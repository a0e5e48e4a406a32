"""What a program writes to its terminal, timed as the bytes arrive rather than as pyte shows them.

pyte, the emulator behind ``PtyTerm``, is pure Python: it parses some 1 ms per KB, and reading the
screen back costs about 1 ms more. A frame of the reader's six panes (some 20 KB of styled cells)
costs it tens of milliseconds that the minimal app's one line does not; while it parses, the
program's next bytes wait in the pty, and on a machine of two cores it takes a core from the program
it measures. A terminal people use parses that frame in well under a millisecond.

So ``Arrivals`` first only reads: each chunk as it comes, stamped with the time it arrived, until
the bytes hold what is waited for and the output has then been quiet a moment. ``until(test)``
replays the chunks on the screen afterwards, one by one, and answers with the time the chunk that
made ``test`` true had arrived: the moment a terminal had every byte it needed to show it.
"""

from __future__ import annotations

import os
import re
import select
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cpu_watch import CpuWatch  # noqa: E402 - beside this module
from tests.support.ptyterm import PtyTerm  # noqa: E402 - the repository's root is on the path first

ESCAPES = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
"""Escape sequences (styles, cursor moves): what is left of a frame is its characters."""


class Arrivals:
    """The output of ``term``'s program, read until it holds ``words`` (escape sequences aside) and
    has then been quiet for ``quiet`` seconds; then replayed by ``until``."""

    def __init__(self, term: PtyTerm, words: str, quiet: float = 0.25, timeout: float = 120) -> None:
        self.term = term
        self.chunks: list[tuple[float, bytes]] = []
        self._fed = 0
        self._read(words.encode(), quiet, timeout)

    def _read(self, words: bytes, quiet: float, timeout: float) -> None:
        fd, started = self.term.fd, self.term.started
        deadline = time.perf_counter() + timeout
        text, found = b"", False
        while time.perf_counter() < deadline:
            if not select.select([fd], [], [], quiet if found else 0.05)[0]:
                if found:
                    return
                continue
            try:
                data = os.read(fd, 65536)
            except OSError:  # EIO: the program closed the pty
                data = b""
            if not data:
                break
            self.chunks.append((time.perf_counter() - started, data))
            if not found:
                text += ESCAPES.sub(b"", data)  # a sequence cut in two hides nothing waited for here
                found = words in text
        if not found:
            raise TimeoutError(f"{words!r} not written after {timeout}s")

    def until(self, test: Callable[[str], bool]) -> float:
        """Seconds from the program's start until the bytes that make ``test`` (of the screen's text)
        true had arrived; the screen is replayed as far as that."""
        while not test(self.term.text()):
            if self._fed == len(self.chunks):
                raise TimeoutError(f"not shown by the bytes read:\n{self.term.text()}")
            data = self.chunks[self._fed][1]
            self._fed += 1
            self.term.raw += data
            self.term.stream.feed(data)
        return self.chunks[self._fed - 1][0] if self._fed else 0.0

    def until_text(self, needle: str) -> float:
        """``until`` the screen shows ``needle``."""
        return self.until(lambda text: needle in text)

    def rest(self) -> None:
        """Every chunk read, on the screen (``term`` is then read as before)."""
        self.until(lambda _text: self._fed == len(self.chunks))


def shown_then_idle(term: PtyTerm, words: str, *shown: Callable[[str], bool]) -> list[float]:
    """Seconds from the program's start until the bytes that made each of the tests ``shown`` (of
    the screen's text) true had arrived, the output read until it held ``words``; and, last, until
    the program last used CPU before 0.5 s without, looking from the last of them on (``CpuWatch``,
    watching from now)."""
    watch = CpuWatch(term)
    try:
        arrivals = Arrivals(term, words, timeout=120)
        times = [arrivals.until(test) for test in shown]
        arrivals.rest()
        return [*times, watch.idle_after(times[-1])]
    finally:
        watch.stop()
