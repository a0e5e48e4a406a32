"""The pty harness reads a screen a frame is half-way through writing (the e2e tests and the bench
read it between any two writes)."""

from __future__ import annotations

import sys

from tests.support.ptyterm import PtyTerm


def test_a_wide_character_half_written_over_reads_as_a_space() -> None:
    # "⌛" takes two cells; "a" then written over its first half leaves the second one empty, which
    # pyte's own ``display`` fails on (IndexError).
    program = "import sys; sys.stdout.write('⌛\\x1b[1Ga\\x1b[4G|end'); sys.stdout.flush()"
    with PtyTerm([sys.executable, "-c", program], columns=20, lines=2) as term:
        term.wait_for("|end")
        assert term.rows()[0].startswith("a  |end")  # the empty half, then a blank never written
        assert term.text().splitlines()[0] == term.rows()[0]
        assert term.wait_exit(5) == 0
