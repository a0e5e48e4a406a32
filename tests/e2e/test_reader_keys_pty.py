"""The reader's keys in the installed `briefing`, in a real pty at 120x40 and 80x24: q from a list,
the status line, y (the only OSC the reader sends, on the key only), help opened and closed, O, and
s through every source of a claim of a collection."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from tests.support.ptyterm import PtyTerm
from tests.support.seeds_pty import seeds_reader, step

pytestmark = pytest.mark.e2e
SIZES = [(120, 40), (80, 24)]
IDS = ["120x40", "80x24"]
BRIEFING = Path(sys.executable).parent / "briefing"
COLLECTION = Path(__file__).resolve().parents[1] / "fixtures" / "reader" / "collection"


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_q_quits_from_a_list_and_the_status_line_follows(size: tuple[int, int]) -> None:
    with seeds_reader(*size) as term:
        step(term, "]]", "claim 2 of 15 ✔ supported")  # the status line, at every size
        step(term, "3", "Person")
        term.send("q")
        assert term.wait_exit(5) == 0


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_y_copies_through_osc_52_only_when_pressed(size: tuple[int, int]) -> None:
    with seeds_reader(*size) as term:
        step(term, "]]", "claim 2 of 15")
        assert b"\x1b]52;" not in term.raw
        step(term, "y", "Copied the claim's quote")
        assert term.raw.count(b"\x1b]52;") == 1
        term.send("\x11")
        assert term.wait_exit(5) == 0


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_help_opens_with_h_and_f1_and_closes_with_q_and_escape(size: tuple[int, int]) -> None:
    with seeds_reader(*size) as term:
        step(term, "h", "Keys of the reader")
        term.send("q")
        term.wait_quiet(0.3, timeout=3)
        assert "Keys of the reader" not in term.text() and term.wait_exit(0.1) is None  # still running
        step(term, "\x1bOP", "Keys of the reader")  # F1
        term.send("\x1b")
        term.wait_quiet(0.3, timeout=3)
        assert "Keys of the reader" not in term.text()
        step(term, "O", "Open a file or folder")
        term.send("\x1b")
        term.wait_quiet(0.3, timeout=3)
        term.send("q")
        assert term.wait_exit(5) == 0


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_s_goes_through_every_source_wherever_it_is(size: tuple[int, int]) -> None:
    columns, lines = size
    with PtyTerm([str(BRIEFING), str(COLLECTION)], columns=columns, lines=lines) as term:
        term.wait_for("c-broken", timeout=15)  # the error view first (over the reader)
        term.wait_for("Back to reading", timeout=10)
        term.send("\x1b")
        term.wait_gone("Back to reading", timeout=10)  # the error view closed
        term.wait_for("Talks in Niamey", timeout=10)
        step(term, "]", "claim 1 of 4")
        # a passage of the other document (its title on the status line), the speaker in the text
        # (its entry in the claim pane when the panes show together), the entry of a web page
        step(term, "s", "On the withdrawal")
        speaker = "Remarks of the ambassador" if columns >= 100 else "Talks in Niamey"
        step(term, "s", speaker)
        step(term, "s", "Press statement on the web")
        step(term, "S", speaker)
        assert "claim 1 of 4" in term.text()
        term.send("q")
        assert term.wait_exit(5) == 0
