"""A bracketed paste reaches the reader whole and in order, whatever it holds (ESC included) and
however the terminal's bytes are cut into reads."""

from __future__ import annotations

import pytest
from textual import events
from textual._xterm_parser import XTermParser

from briefing_tui.terminal_input import PASTE_END, PASTE_START, WholePastes

PASTED = "A\x1b[31mB\x1b]0;title\x07C\x1b"


def received(parser: XTermParser, *reads: str) -> list[object]:
    out: list[object] = []
    for data in reads:
        out.extend(parser.feed(data))
    return out


def test_textual_own_parser_splits_a_paste_holding_esc() -> None:
    """Why ``WholePastes`` exists: Textual 8.2.8 sends what follows an ESC as keys, before the paste."""
    got = received(XTermParser(), PASTE_START + "A\x1b[31mB" + PASTE_END)
    assert [e.text for e in got if isinstance(e, events.Paste)] != ["A\x1b[31mB"]


OPENED = 1 + len(PASTE_START)  # where the paste starts in the stream below


@pytest.mark.parametrize("cut", [1, OPENED, OPENED + 2, OPENED + len(PASTED), OPENED + len(PASTED) + 3])
def test_a_paste_holding_esc_arrives_whole_in_one_event(cut: int) -> None:
    """Cut anywhere from the start marker on: in the paste, at its end, inside its end marker."""
    stream = "x" + PASTE_START + PASTED + PASTE_END + "y"
    got = received(WholePastes(), stream[:cut], stream[cut:])
    assert [(type(e).__name__, getattr(e, "text", getattr(e, "character", None))) for e in got] == [
        ("Key", "x"),
        ("Paste", PASTED),
        ("Key", "y"),
    ]


def test_keys_and_sequences_outside_a_paste_are_textual_own() -> None:
    got = received(WholePastes(), "a\x1b[A")
    assert [e.key for e in got if isinstance(e, events.Key)] == ["a", "up"]
