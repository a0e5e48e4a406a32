"""Memory freed by a large load is given back to the system (``memory.give_back_freed``), or kept
for the next blocks by a command that ends when done (``memory.reuse_freed``)."""

from __future__ import annotations

import subprocess
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


FAULTS = """
import resource, sys
from briefing_tui import memory
if sys.argv[1] == "reuse" and not memory.reuse_freed():
    print("not glibc"); raise SystemExit
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for size in range(1, 17):
    block = b"x" * (size << 20)  # 1 MB, then 2, ... 16: every page written
    del block
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _faults(mode: str) -> int:
    out = subprocess.run([sys.executable, "-c", FAULTS, mode], capture_output=True, text=True, check=True)
    if out.stdout.strip() == "not glibc":
        pytest.skip("not glibc: blocks are left as the C library serves them")
    return int(out.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt, on Linux")
def test_large_blocks_freed_are_reused_without_new_pages() -> None:
    # blocks of 1 MB, 2 MB ... 16 MB one after the other, as a text's copies grow: fresh pages for
    # each (136 MB: 34,816 faults), or each block on the pages of the one before (16 MB: 4,096)
    fresh, reused = _faults("plain"), _faults("reuse")
    assert fresh > 30_000, fresh
    assert reused < 8_000, reused
