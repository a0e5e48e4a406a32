"""toolong, the log viewer built on Textual, run on the same large file: the anchor the reader's aims
on the 10 MB briefing were set against.

When the aims were set, toolong showed the 10 MB file in 567 ms and came to rest in 0.78 s, on a
machine where the minimal app first painted in 181 ms; the aims, every pane filled within 1 s and
idle within 2 s, were 1.76x and 2.56x toolong then. This machine's speed swings by more than two
times from one day to the next, so the scripts time toolong in the same turns as the reader and
print each figure as a ratio to it, beside the ratio its aim had.

toolong pins a Textual of its own (0.58), so it runs from a virtual environment of its own:
``python3.11 -m venv /tmp/toolong && /tmp/toolong/bin/pip install toolong==1.5.0``, then
``--toolong /tmp/toolong/bin/tl`` (or with ``tl`` on the PATH, found there).

Figures only: nothing here asserts on time.
"""

from __future__ import annotations

import shutil
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from arrivals import shown_then_idle  # noqa: E402  # beside this script
from tests.support.ptyterm import PtyTerm  # noqa: E402

TOOLONG_THEN = {"every pane filled": 0.567, "idle": 0.78}
"""toolong on the 10 MB file when the aims were set: its view of the file, and at rest (seconds)."""
AIMS = {"every pane filled": 1.0, "idle": 2.0}
"""The reader's aims on the 10 MB briefing, in seconds, on the machine of ``TOOLONG_THEN``."""
HOW_TO_INSTALL = "python3.11 -m venv /tmp/toolong && /tmp/toolong/bin/pip install toolong==1.5.0"


def find_toolong(given: str | None) -> str | None:
    """The toolong command to run: ``given`` (a path), else ``tl`` on the PATH, else None."""
    if given:
        found = shutil.which(given)
        if found is None:
            raise SystemExit(f"--toolong {given}: no such program; install it with: {HOW_TO_INSTALL}")
        return found
    return shutil.which("tl")


def toolong_times(tl: str, path: Path, last_line: str) -> tuple[float, float]:
    """Seconds from toolong's start until the bytes showing the file's last line had reached the
    terminal (it opens on the file's end once it has found every line), and until it last used CPU
    before 0.5 s without (``CpuWatch``): toolong's two figures, timed as the reader's are."""
    needle = last_line[:60]
    with PtyTerm([tl, str(path)], columns=120, lines=40, cwd=str(ROOT)) as term:
        shown, idle = shown_then_idle(term, needle, lambda text: needle in text)
        term.send("q")
        term.wait_exit(10)
    return shown, idle


def against_toolong(figure: str, reader: list[float], toolong: list[float]) -> str:
    """The reader's ``figure`` (``"every pane filled"`` or ``"idle"``) as a ratio to toolong's,
    run by run (the two timed in the same turn), beside the ratio its aim had when it was set."""
    ratios = [mine / theirs for mine, theirs in zip(reader, toolong, strict=True)]
    ratio, aim = statistics.median(ratios), AIMS[figure] / TOOLONG_THEN[figure]
    verdict = "within it" if ratio <= aim else "over it"
    return (
        f"{ratio:4.2f}x toolong's {statistics.median(toolong) * 1000:,.0f} ms (median of the runs' ratios;"
        f" the aim of {AIMS[figure]:g} s was {aim:4.2f}x toolong's {TOOLONG_THEN[figure] * 1000:,.0f} ms"
        f" when set: {verdict})"
    )
