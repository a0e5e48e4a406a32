"""Memory freed by a large load is given back to the system (``memory.give_back_freed``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from briefing_tui.memory import give_back_freed


def _resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim, on Linux")
def test_the_holes_left_between_blocks_still_held_are_given_back() -> None:
    # blocks of the C heap (not Python's small-object arenas), one in sixteen kept: the free ones
    # between them cannot shrink the heap from its top, only be handed back page by page
    blocks = [bytearray(16384) for _ in range(6000)]  # some 94 MB, each block touched
    kept = blocks[::16]
    del blocks
    before = _resident_mb()
    if not give_back_freed():
        pytest.skip("not glibc: nothing to give back with")
    after = _resident_mb()
    assert before - after > 40, (before, after)
    assert len(kept) == 375  # still held
