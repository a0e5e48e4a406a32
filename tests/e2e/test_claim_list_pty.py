"""The claims list in the installed `briefing`, in a real pty at 120x40 and 80x24: 6, filter, enter."""

from __future__ import annotations

import pytest
from tests.support.seeds_pty import seeds_reader, step

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_claims_list_in_a_real_terminal(size: tuple[int, int]) -> None:
    columns, lines = size
    with seeds_reader(columns, lines) as term:
        screen = step(term, "6", "C11")  # the first claim in the text (the title)
        assert all(f"{claim} " in screen for claim in ("C3", "C13", "C1", "C2", "C4"))  # one line each
        screen = step(term, "/outdated", "filter: outdated▏  3 of 15")
        assert "C8" in screen and "C15" in screen and "C12" in screen and "C3 " not in screen
        screen = step(term, "\r\r", "Claim 10 of 15  C8")  # C8 is the tenth claim in the text
        assert "⌛ outdated" in screen
        term.send("\x1b")  # clears the filter: the whole list is back
        term.wait_quiet(0.2, timeout=2)
        assert "filter:" not in term.text()
        step(term, "]", "Claim 11 of 15")
        term.send("\x11")  # ctrl+q quits as q does
        assert term.wait_exit(5) == 0
