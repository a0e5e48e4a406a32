"""Start-up of the installed ``briefing`` in a real pseudo-terminal.

The first frame is the reader's first look (the text pane, the side panes empty); the reader takes
its place just after it. Keys typed before then are acted on by the reader: nothing is lost and
nothing crashes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from tests.support.ptyterm import PtyTerm

pytestmark = pytest.mark.e2e

BRIEFING = Path(sys.executable).parent / "briefing"
TITLE = "Les enjeux du retrait des troupes"


def test_keys_typed_before_the_first_frame_are_handled(tmp_path: Path) -> None:
    with PtyTerm([str(BRIEFING)], columns=120, lines=40, cwd=str(tmp_path)) as term:
        term.send("]]")  # before the program has painted anything
        term.wait_for("Claim 2 of 15", timeout=20)
        assert TITLE in term.text()
        term.send("q")
        assert term.wait_exit(10) == 0
        assert b"Traceback" not in term.raw


def test_the_side_panes_follow_the_first_frame_at_120x40(tmp_path: Path) -> None:
    with PtyTerm([str(BRIEFING)], columns=120, lines=40, cwd=str(tmp_path)) as term:
        term.wait_for(TITLE, timeout=20)
        for shown in ("1 Text", "2 Claim", "15 claims. Press ]", "3 Entities", "Person (3)", "4 Timeline"):
            term.wait_for(shown)
        assert TITLE in term.text()
        term.send("q")
        assert term.wait_exit(10) == 0


def test_a_small_terminal_shows_the_pane_bar_with_the_text(tmp_path: Path) -> None:
    with PtyTerm([str(BRIEFING)], columns=80, lines=24, cwd=str(tmp_path)) as term:
        term.wait_for(TITLE, timeout=20)
        term.wait_for("tab: next pane")
        assert "15 claims. Press ]" not in term.text()  # the claim pane is one tab away
        term.send("2")
        term.wait_for("15 claims. Press ]")
        term.send("q")
        assert term.wait_exit(10) == 0
