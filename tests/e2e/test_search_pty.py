"""Search in the installed `briefing`, in a real pty at 120x40 and 80x24: /, n, &, escape, F."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from tests.support.ptyterm import PtyTerm

pytestmark = pytest.mark.e2e
BRIEFING = Path(sys.executable).parent / "briefing"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _step(term: PtyTerm, keys: str, needle: str) -> str:
    term.send(keys)
    term.wait_for(needle, timeout=10)
    term.wait_quiet(0.1, timeout=2)
    return term.text()


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_search_keys_in_a_real_terminal(size: tuple[int, int]) -> None:
    columns, lines = size
    with PtyTerm([str(BRIEFING), str(SEEDS)], columns=columns, lines=lines) as term:
        term.wait_for("Niger", timeout=15)
        term.wait_quiet(0.3, timeout=5)
        _step(term, "/", "^T exact")
        _step(term, "etats-unis", "1/6")
        term.send("\r")
        term.wait_quiet(0.2, timeout=2)
        _step(term, "n", "2/6")
        _step(term, "N", "1/6")
        _step(term, "N", "wrapped to the bottom")
        screen = _step(term, "&", "& filter")
        assert "Dans ce contexte" not in screen  # a paragraph without a match is hidden
        term.send("\x1b")  # leaves the filter
        term.wait_quiet(0.3, timeout=2)
        assert "& filter" not in term.text()
        screen = _step(term, "F", "6 hits")
        assert "niger-us-withdrawal" in screen
        term.send("\x1b")
        term.wait_quiet(0.3, timeout=2)
        term.send("\x1b")  # clears the search
        term.wait_quiet(0.3, timeout=2)
        assert "^T exact" not in term.text()
        term.send("q")
        assert term.wait_exit(5) == 0
        assert b"\x1b]52" not in term.raw


def test_keys_typed_right_after_enter_act_on_the_text() -> None:
    with PtyTerm([str(BRIEFING), str(SEEDS)], columns=120, lines=40) as term:
        term.wait_for("Niger", timeout=15)
        term.wait_quiet(0.3, timeout=5)
        _step(term, "/", "^T exact")
        screen = _step(term, "etats-unis\rnn", "3/6")  # one burst, as a paste or a fast typist
        assert "etats-unisnn" not in screen
        term.send("q")
        assert term.wait_exit(5) == 0
