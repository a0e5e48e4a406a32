"""The text pane's wrapping: which characters it takes as they are (``PLAIN``, ``kept()``), and that
each of its paths wraps as the rule says, applied a character at a time."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import get_character_cell_size
from tests.support.bench_modules import bench_module

from briefing_tui.display import _suspects, kept, sanitize
from briefing_tui.widgets.text_lines import NO_LINE_END, NO_LINE_START, wrap_plain
from briefing_tui.widgets.text_wrap import PLAIN, wrap_paragraph

wrapped_char_by_char = bench_module("bench_wrap").wrapped_char_by_char
"""The rule ``wrap_paragraph`` follows, applied a character at a time (the bench's baseline)."""

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


KEPT_CHARS = [chr(c) for c in range(0x10000) if kept().fullmatch(chr(c))]


def test_the_kept_class_is_what_the_display_boundary_keeps_whatever_is_next_to_it() -> None:
    assert set(PLAIN_CHARS) < set(KEPT_CHARS)
    assert {"日", "の", "한", "，"} < set(KEPT_CHARS)
    assert {"ب", "א"} < set(PLAIN_CHARS)
    for char in KEPT_CHARS:
        assert sanitize(char) == char, hex(ord(char))
        assert _suspects().search(char) is None, hex(ord(char))  # nothing its neighbours decide
        assert unicodedata.category(char)[0] not in "MC", hex(ord(char))
    assert not kept().fullmatch("\u0628\u064e")  # an Arabic vowel mark: sanitized, then measured
    assert not kept().fullmatch("\u3164")  # the Hangul filler, which the boundary replaces


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(KEPT_CHARS[::5] + [" "]), max_size=300))
def test_a_paragraph_of_kept_characters_is_sanitized_to_itself(text: str) -> None:
    assert kept().fullmatch(text)
    assert sanitize(text) == text


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
    assert wrap_paragraph(text, 2, width) == wrapped_char_by_char(text, 2, width)  # the rule, step by step


MIXED = st.text(
    alphabet=st.sampled_from(
        [
            *"ab é’",
            *"    ",
            *"日本語のテキスト，。「」",  # two cells each; punctuation that never starts or ends a line
            "\uff21",  # a fullwidth letter
            "\U0001f600",  # an emoji, two cells
            "\u0301",  # a combining mark: no cell
            "\u0651",  # an Arabic mark: no cell
            *"النيجر",
            "\u200d",  # a joiner: no cell
            "\x07",  # a control (not sanitized here): no cell
        ]
    ),
    max_size=200,
)


@settings(max_examples=500, deadline=None)
@given(MIXED, st.integers(1, 30))
def test_a_paragraph_of_every_width_wraps_as_the_rule_says_a_character_at_a_time(
    text: str, width: int
) -> None:
    assert wrap_paragraph(text, 7, width) == wrapped_char_by_char(text, 7, width)


def test_one_wide_character_and_one_of_no_width_are_not_taken_for_two_of_one_cell() -> None:
    # as many cells as characters, yet not one each: the 2-cell character must not straddle the edge
    text = "日\u0301日\u0301"  # four cells, four characters: two of two cells, two of none
    assert wrap_paragraph(text, 0, 3) == wrapped_char_by_char(text, 0, 3) == [(0, 2), (2, 4)]


def test_a_control_character_takes_no_cell_even_in_ascii() -> None:
    text = "abc\x07d efg"
    assert wrap_paragraph(text, 0, 4) == wrapped_char_by_char(text, 0, 4)


def test_closing_punctuation_never_starts_a_line_nor_an_opening_bracket_ends_one() -> None:
    lines = lambda text, width: [text[s:e] for s, e in wrap_paragraph(text, 0, width)]  # noqa: E731
    assert lines("日本語。日本", 6) == ["日本", "語。日", "本"]  # not "。日本" on the second line
    assert lines("日本「語」です", 6) == ["日本", "「語」", "です"]  # not "日本「" then "語」で"
    assert lines("日。", 2) == ["日", "。"]  # a line keeps a character: 。 starts the next one then
    for char in NO_LINE_START | NO_LINE_END:  # two cells each: the one-cell paths never meet them
        assert get_character_cell_size(char) == 2 and kept().fullmatch(char), hex(ord(char))
