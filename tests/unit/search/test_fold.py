"""Folding: what a French reader expects to match, and offsets that map back to the original."""

from __future__ import annotations

import importlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_tui.search.fold import build, fold, fold_char


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("États-Unis", "etats-unis"),
        ("l’engagement", "l'engagement"),
        ("« Niger »", '" niger "'),
        ("“quoted”", '"quoted"'),
        ("cœur Œuvre", "coeur oeuvre"),
        ("Ærø straße", "aero strasse"),
        ("a\u00a0b\u202fc\u2009d", "a b c d"),
        ("2023–2024 — fin ‑ x", "2023-2024 - fin - x"),
        ("ＡＢＣ１", "abc1"),
        ("ﬁnale", "finale"),
        ("e\u0301te\u0301", "ete"),
        ("soft\u00adhyphen", "softhyphen"),
        ("plain ascii", "plain ascii"),
    ],
)
def test_fold_matches_what_a_reader_expects(original: str, expected: str) -> None:
    assert fold(original) == expected


def test_keep_case_folds_accents_but_keeps_capitals() -> None:
    assert fold("États-Unis Œ", keep_case=True) == "Etats-Unis OE"


def test_fold_char_of_a_combining_mark_is_empty() -> None:
    assert fold_char("\u0301") == ""


def test_one_for_one_text_has_no_records() -> None:
    folded = build("La situation entre les États-Unis et le Niger")
    assert folded.identity
    assert folded.span(3, 12) == (3, 12)


def test_expansion_maps_back_to_the_ligature() -> None:
    text = "un cœur"
    folded = build(text).expanded()
    assert folded.text == "un coeur"
    start = folded.text.index("coeur")
    assert folded.span(start, start + 5) == (3, 7)


def test_span_inside_a_ligature_is_refused() -> None:
    folded = build("œuvre").expanded()
    assert folded.span(1, 3) is None  # "eu": starts in the middle of œ
    assert folded.span(0, 2) == (0, 1)


def test_an_expansion_is_one_stand_in_character_in_the_copy() -> None:
    folded = build("un cœur, une Œuvre, straße")
    assert len(folded.text) == len("un cœur, une Œuvre, straße")
    assert not folded.records
    oe, ss = folded.standins["oe"], folded.standins["ss"]
    assert folded.text == f"un c{oe}ur, une {oe}uvre, stra{ss}e"
    assert folded.text.isascii() is False and all(ord(c) < 256 for c in folded.text)


def test_a_reserved_character_of_the_text_gets_a_stand_in_too() -> None:
    folded = build("œ a\x80b \x81")  # œ takes the first stand-in, U+0080
    assert folded.standins == {"oe": "\x80", "\x80": "\x81", "\x81": "\x82"}
    assert folded.text == "\x80 a\x81b \x82"
    assert folded.expanded().text == "oe a\x80b \x81"


def test_a_reserved_character_stands_for_itself_when_it_is_free() -> None:
    folded = build("a\x85b\ue000 œ")
    assert folded.standins == {"\x85": "\x85", "\ue000": "\ue000", "oe": "\x80"}
    assert folded.text == "a\x85b\ue000 \x80"


def test_more_expansions_than_control_codes_use_the_private_use_area() -> None:
    text = "".join(chr(0x80 + i) for i in range(32)) + "œß"
    folded = build(text)
    assert sorted(folded.standins.values())[-2:] == ["\ue000", "\ue001"]
    assert folded.expanded().text == fold(text) == text[:32] + "oess"


def test_span_includes_trailing_combining_marks() -> None:
    text = "cafe\u0301 noir"
    folded = build(text)
    assert folded.text == "cafe noir"
    assert folded.span(0, 4) == (0, 5)


def test_building_checks_between_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    fold_module = importlib.import_module("briefing_tui.search.fold")

    monkeypatch.setattr(fold_module, "CHUNK", 10)
    calls: list[int] = []
    folded = build("é’œ" * 20, check=lambda: calls.append(1))
    assert len(calls) == 6
    assert folded.expanded().text == "e'oe" * 20


text_chars = st.sampled_from(
    list("aeiouyAEIOU tnslrçÇéÉèêëàâîïôûùüÿœŒæÆß’‘«»“”\u00a0\u202f–—-'\"\n")
    + ["\u0301", "\u0308", "ﬁ", "İ", "Ω", "ø", "ＡB", "½", "…", "\u200b", "\x85", "\ue000", "\U00100000"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(text_chars, max_size=60).map("".join))
def test_folded_copy_equals_the_fold_of_each_character(text: str) -> None:
    folded = build(text)
    assert folded.expanded().text == "".join(fold_char(c) for c in text)
    kept = [c for c in text if fold_char(c)]  # one character of the copy for each of these
    assert len(folded.text) == len(kept)
    meaning = {s: m for m, s in folded.standins.items()}
    assert [meaning.get(c, c) for c in folded.text] == [fold_char(c) for c in kept]


@settings(max_examples=300, deadline=None)
@given(st.lists(text_chars, max_size=60).map("".join), st.data())
def test_every_aligned_folded_span_maps_to_an_original_span_with_that_fold(text: str, data) -> None:
    folded = build(text).expanded()
    n = len(folded.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    span = folded.span(start, end)
    if span is None:
        return
    a, b = span
    assert 0 <= a <= b <= len(text)
    assert fold(text[a:b]) == folded.text[start:end]


@settings(max_examples=400, deadline=None)
@given(st.lists(text_chars, max_size=40).map("".join), st.data())
def test_batch_spans_agree_with_span(text: str, data) -> None:
    folded = build(text).expanded()
    points = sorted(data.draw(st.lists(st.integers(0, len(folded.text)), max_size=16)))
    pairs = [(a, b) for a, b in zip(points[0::2], points[1::2], strict=False) if a < b]
    expected = [s for s in (folded.span(a, b) for a, b in pairs) if s is not None]
    assert folded.spans(pairs) == expected
