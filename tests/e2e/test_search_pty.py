"""Search in the installed `briefing`, in a real pty at 120x40 and 80x24: /, n, &, escape, F."""

from __future__ import annotations

import pytest
from tests.support.seeds_pty import seeds_reader, step

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_search_keys_in_a_real_terminal(size: tuple[int, int]) -> None:
    columns, lines = size
    with seeds_reader(columns, lines) as term:
        step(term, "/", "^T exact")
        step(term, "etats-unis", "1/6")
        term.send("\r")
        term.wait_quiet(0.2, timeout=2)
        step(term, "n", "2/6")
        step(term, "N", "1/6")
        step(term, "N", "wrapped to the bottom")
        screen = step(term, "&", "& filter")
        assert "Dans ce contexte" not in screen  # a paragraph without a match is hidden
        term.send("\x1b")  # leaves the filter
        term.wait_quiet(0.3, timeout=2)
        assert "& filter" not in term.text()
        screen = step(term, "F", "6 hits")
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
    with seeds_reader(120, 40) as term:
        step(term, "/", "^T exact")
        screen = step(term, "etats-unis\rnn", "3/6")  # one burst, as a paste or a fast typist
        assert "etats-unisnn" not in screen
        term.send("q")
        assert term.wait_exit(5) == 0
