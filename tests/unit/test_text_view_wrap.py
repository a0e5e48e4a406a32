"""The text pane's fast wrapping path: which characters it takes as they are, and that it wraps as
the general path does."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import get_character_cell_size

from briefing_tui.display import sanitize
from briefing_tui.widgets.text_wrap import PLAIN, wrap_paragraph, wrap_plain

PLAIN_CHARS = [chr(c) for c in range(0x3000) if PLAIN.fullmatch(chr(c))]


def test_the_plain_class_is_what_the_display_boundary_keeps_and_one_cell_wide() -> None:
    assert len(PLAIN_CHARS) > 1000
    for char in PLAIN_CHARS:
        assert sanitize(char) == char, hex(ord(char))
        assert get_character_cell_size(char) == 1, hex(ord(char))
        assert unicodedata.category(char)[0] not in "MC", hex(ord(char))
    assert not PLAIN.fullmatch("a\u0301")  # a combining mark: the general path
    assert not PLAIN.fullmatch("a\u200db")  # a joiner
    assert not PLAIN.fullmatch("\x1b[31m")


PLAIN_TEXT = st.text(alphabet=st.sampled_from([*PLAIN_CHARS[::7], " ", " ", " ", "é", "’"]), max_size=300)


@settings(max_examples=300, deadline=None)
@given(PLAIN_TEXT, st.integers(1, 40))
def test_a_plain_paragraph_is_kept_as_it_is_and_wrapped_as_the_general_path_wraps_it(
    text: str, width: int
) -> None:
    assert sanitize(text) == text
    starts: list[int] = []
    ends: list[int] = []
    wrap_plain("<<" + text + ">>", 2, 2 + len(text), width, starts, ends)
    assert list(zip(starts, ends, strict=True)) == wrap_paragraph(text, 2, width)
