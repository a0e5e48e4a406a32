"""What a person pastes into any input of the installed `briefing` never reaches the terminal raw.

Each input (the search bar `/`, the command palette `ctrl+p`, the search of every document `F`, a
list's filter `3 /`, the path to open `O`, a bookmark's label `B`, a note `c`, a rating's
explanation `r`) gets, by bracketed paste, a C1 CSI (`a` U+009B `2J`: a real terminal would clear
the screen), an `ESC ] 0;…BEL` title and a right-to-left override. None of their bytes may be in
what the program writes; the input shows the display boundary's stand-ins instead.
"""

from __future__ import annotations

import pytest
from tests.support.seeds_pty import seeds_reader

from briefing_tui.display import sanitize

pytestmark = pytest.mark.e2e

PASTES = ["a\u009b2J", "b\x1b]0;PWNED\x07", "c\u202eevil"]
FORBIDDEN = [b"\xc2\x9b", b"\x1b]0;", b"PWNED\x07", "\u202e".encode()]
# the keys that open each input, sent one step at a time (each waits for the screen to settle)
INPUTS = {"search": ["/"], "palette": ["\x10"], "every document": ["F"], "entities filter": ["3/"],
          "path to open": ["O"], "bookmark label": ["]", "B"], "note": ["]", "c"],
          "rating's explanation": ["]", "r", "\t"]}  # fmt: skip


TYPED = {"bookmark label", "note", "rating's explanation"}
"""The inputs whose text counts as unsaved work: quitting asks about it."""


def paste(text: str) -> bytes:
    return b"\x1b[200~" + text.encode() + b"\x1b[201~"


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
@pytest.mark.parametrize("where", list(INPUTS))
def test_pasted_controls_never_reach_the_terminal(where: str, size: tuple[int, int]) -> None:
    columns, lines = size
    with seeds_reader(columns, lines) as term:
        for keys in INPUTS[where]:
            term.send(keys)
            term.wait_quiet(0.3, timeout=3)
        before = len(term.raw)
        for text in PASTES:
            term.send(paste(text))
            term.wait_quiet(0.2, timeout=3)
        written = bytes(term.raw[before:])
        for sequence in FORBIDDEN:
            assert sequence not in written, f"{sequence!r} reached the terminal from the {where} input"
        shown = term.text()
        assert sanitize("\u202e") in shown or sanitize("\u009b") in shown, shown
        term.send("\x11")  # ctrl+q
        if where in TYPED:  # what was typed there is asked about first: dropped
            term.wait_for("Quit without saving", timeout=5)
            term.send("d")
        assert term.wait_exit(5) == 0
