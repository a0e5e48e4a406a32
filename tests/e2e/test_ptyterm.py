"""The pseudo-terminal the end-to-end tests read programs through (``tests/support/ptyterm.py``)."""

from __future__ import annotations

import sys

from tests.support.ptyterm import PtyTerm


def test_wait_exit_reads_everything_the_program_wrote_before_it_ended() -> None:
    # More than the pty holds: the last bytes are still in it when the program has ended (as the
    # reader's last frame and the sequences that put the terminal back are).
    program = "import sys; sys.stdout.write('x' * 300000 + 'THE-END'); sys.stdout.flush()"
    with PtyTerm([sys.executable, "-c", program]) as term:
        assert term.wait_exit(30) == 0
        assert bytes(term.raw).endswith(b"THE-END")
        assert bytes(term.raw).count(b"x") == 300000
