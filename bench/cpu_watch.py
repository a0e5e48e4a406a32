"""When a program last used CPU, read by a thread of the bench from the program's start.

A bench that reads the program's CPU time only once it has parsed the frames it read (pyte, pure
Python, some 1 ms per KB) starts looking late: a program that had gone quiet meanwhile is seen
idle only when that parse ends, some 0.3-0.5 s after it was. ``CpuWatch`` reads the CPU time every
10 ms in a thread of its own, whatever the bench does meanwhile, and keeps each moment it grew.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.support.ptyterm import PtyTerm

__all__ = ["CpuWatch", "cpu_seconds", "quiet_from"]


def cpu_seconds(pid: int) -> float:
    """The CPU time of process ``pid`` so far (all its threads), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def quiet_from(changes: list[float], start: float, now: float, quiet: float) -> float | None:
    """The moment the program's rest began: the last time its CPU time grew before a spell of
    ``quiet`` seconds in which it did not, the spell lying after ``start`` (a wait before then, such
    as the reader waiting for a child process, is not its rest). ``changes``: the moments it grew,
    ascending; ``now``: the time they were read up to. None when no such spell has been seen yet."""
    before = [t for t in changes if t <= start]
    moments = [before[-1] if before else start, *(t for t in changes if t > start)]
    for at, (this, after) in enumerate(zip(moments, [*moments[1:], None], strict=True)):
        quiet_since = max(this, start) if at == 0 else this  # a spell before ``start`` is not looked at
        if (now if after is None else after) - quiet_since >= quiet:
            return this
    return None


class CpuWatch:
    """The moments ``term``'s program used CPU (``changes``: seconds from its start at which its CPU
    time was seen to have grown), read every ``every`` seconds from now until ``stop()``."""

    def __init__(self, term: PtyTerm, every: float = 0.01) -> None:
        self._term, self._every = term, every
        self.changes: list[float] = []
        self._seen_until = 0.0
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="cpu-watch", daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        last = None
        while not self._stopped.wait(self._every):
            try:
                cpu = cpu_seconds(self._term.pid)
            except (OSError, ValueError, IndexError):  # gone
                return
            at = time.perf_counter() - self._term.started
            if cpu != last:
                last = cpu
                self.changes.append(at)
            self._seen_until = at

    def idle_after(self, start: float, quiet: float = 0.5, timeout: float = 120) -> float:
        """Seconds from the program's start until it last used CPU before ``quiet`` seconds without,
        looking from ``start`` on (a moment it waited before then is not its rest). The terminal is
        read meanwhile, so that the program never waits to write."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            found = quiet_from(list(self.changes), start, self._seen_until, quiet)
            if found is not None:
                return found
            self._term.pump(0.05)
        raise TimeoutError(f"the program did not rest for {quiet}s within {timeout}s")

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join()
