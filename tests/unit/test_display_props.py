"""Properties of the display boundary over arbitrary strings (hypothesis)."""

from __future__ import annotations

import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from wcwidth import wcwidth

from briefing_tui.addresses import display_url, link_target, name_warnings
from briefing_tui.display import (
    BIDI_CONTROLS,
    MAX_MARKS,
    display_path,
    sanitize,
    unsafe_codepoints,
)

# Every code point, surrogates included, weighted towards the dangerous neighbourhoods.
_any_char = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())
_hostile_char = st.sampled_from(
    list("\x1b\x07\x9b\x9d\x9c\x00\x7f\r\n\t\u200b\u200c\u200d\u2060\ufeff\u202e\u2066\u2069\u2028\u2029")
    + list("\ufe0f\U000e0100\U000e0067\U000e007f\U0001f3f4\u0301\u0316\u20e3\ud800\udfff👩中[]\\a ی")
)
_text = st.text(st.one_of(_any_char, _hostile_char), max_size=80)
_always_replaced = frozenset(unsafe_codepoints()) - {0x0A}


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me")


@settings(max_examples=400)
@given(_text, st.booleans())
@example("\x1b]52;c;aGk=\x07", False)
@example("😀" + "\U000e0100" * 20, True)
def test_sanitize_is_one_for_one(value: str, multiline: bool) -> None:
    assert len(sanitize(value, multiline=multiline)) == len(value)


@settings(max_examples=400)
@given(_text, st.booleans())
def test_sanitize_is_idempotent(value: str, multiline: bool) -> None:
    once = sanitize(value, multiline=multiline)
    assert sanitize(once, multiline=multiline) == once


@settings(max_examples=400)
@given(_text, st.booleans())
def test_no_control_bidi_or_surrogate_survives(value: str, multiline: bool) -> None:
    shown = sanitize(value, multiline=multiline)
    for char in shown:
        code = ord(char)
        assert code == 0x0A and multiline or code not in _always_replaced
        assert not (code < 0x20 and code != 0x0A) and not (0x7F <= code < 0xA0)
        assert code not in BIDI_CONTROLS and not 0xD800 <= code < 0xE000
        assert code not in (0x2028, 0x2029)


@settings(max_examples=400)
@given(_text)
def test_at_most_max_marks_on_one_character(value: str) -> None:
    run = 0
    for char in sanitize(value):
        run = run + 1 if _is_mark(char) else 0
        assert run <= MAX_MARKS


@settings(max_examples=400)
@given(_text)
def test_characters_that_are_kept_are_unchanged(value: str) -> None:
    # One for one: each position holds either the original character or a stand-in.
    shown = sanitize(value)
    for before, after in zip(value, shown, strict=True):
        regional = 0x1F1E6 <= ord(before) <= 0x1F1FF and after == chr(ord("A") + ord(before) - 0x1F1E6)
        assert after == before or not after.isascii() or after == " " or regional


@settings(max_examples=300)
@given(st.text(st.one_of(_any_char, _hostile_char, st.sampled_from("/:@.%?#")), max_size=60))
def test_display_url_never_raises_and_shows_no_control(tail: str) -> None:
    for url in (tail, "https://" + tail, "http://example.com/" + tail):
        shown = display_url(url)
        assert all(ord(c) >= 0x20 and not 0x7F <= ord(c) < 0xA0 for c in shown.text)
        assert all(ord(c) >= 0x20 and not 0x7F <= ord(c) < 0xA0 for c in shown.host)
        assert not (shown.openable and shown.warnings)


@settings(max_examples=300)
@given(st.text(_any_char, max_size=40))
def test_display_path_is_printable(name: str) -> None:
    shown = display_path(name)
    assert shown.isprintable()
    assert "\x1b" not in shown


_wide_alphabet = st.sampled_from(
    list("中文日本語한국어각ａＦ👩👨👧💻🔥❤☺🏳🌈😀🏴1aéبکक्षക്")
    + ["\u200d", "\u200c", "\ufe0f", "\ufe0e", "\u20e3", "\u0301"]
    + [chr(c) for c in range(0x1F3FB, 0x1F400)]
    + ["\U0001f1f3", "\U0001f1ea", "\U000e0067", "\U000e007f"]
)


@settings(max_examples=400)
@given(st.text(_wide_alphabet, max_size=30))
@example("👩\u200d👩\u200d👧 🇳🇪 ❤\ufe0f 👩🏽")
def test_sanitized_text_has_the_same_width_per_character_and_per_grapheme(value: str) -> None:
    # Rich (and so Textual) measures graphemes; many terminals (and pyte) add up characters.
    # When the two agree, every terminal draws the line where the layout expects it.
    shown = sanitize(value)
    assert cell_len(shown) == sum(max(wcwidth(c), 0) for c in shown)


@settings(max_examples=300)
@given(st.text(st.one_of(_any_char, _hostile_char), max_size=40))
def test_name_warnings_never_raise_and_quote_nothing_unsafe(name: str) -> None:
    for warning in name_warnings(name):
        assert not any(ord(c) in _always_replaced for c in warning)


@settings(max_examples=300)
@given(st.text(st.one_of(_any_char, _hostile_char, st.sampled_from("/:@.%?#()<>\"' ")), max_size=60))
def test_link_target_is_printable_ascii_without_quotes_or_brackets(tail: str) -> None:
    for url in ("https://example.com/" + tail, "http://" + tail, tail):
        target = link_target(url)
        if target is not None:
            assert target.isascii() and target.isprintable()
            assert not any(c in target for c in "\"'<> ()\\")
            assert target.startswith(("http://", "https://"))
