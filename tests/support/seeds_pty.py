"""The installed ``briefing`` on the bundled seeds in a real pty, and a key step that waits for the screen."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.support.ptyterm import PtyTerm

BRIEFING = Path(sys.executable).parent / "briefing"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@contextmanager
def seeds_reader(columns: int, lines: int) -> Iterator[PtyTerm]:
    """``briefing seeds/`` in a pty of ``columns`` x ``lines``, once its first screen has settled."""
    with PtyTerm([str(BRIEFING), str(SEEDS)], columns=columns, lines=lines) as term:
        term.wait_for("Niger", timeout=15)
        term.wait_quiet(0.3, timeout=5)
        yield term


def step(term: PtyTerm, keys: str, needle: str) -> str:
    """Send ``keys``, wait for ``needle`` and for the screen to settle; the screen's text."""
    term.send(keys)
    term.wait_for(needle, timeout=10)
    term.wait_quiet(0.1, timeout=2)
    return term.text()
