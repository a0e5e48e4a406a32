"""Passages chosen by keyboard: a word, extended or shrunk by words and sentences."""

from __future__ import annotations

import pytest

from briefing_tui.model import passages
from briefing_tui.model.passages import next_sentence, next_word, previous_sentence, previous_word, word_at

TEXT = "Les États-Unis retirent leurs troupes. L’aide reste « ordonnée » ! Fin\nNouveau paragraphe."


def said(span: tuple[int, int]) -> str:
    return TEXT[span[0] : span[1]]


@pytest.mark.parametrize(
    ("at", "word"),
    [(0, "Les"), (5, "États-Unis"), (3, "États-Unis"), (39, "L’aide"), (len(TEXT), "paragraphe")],
)
def test_word_at_takes_the_whole_word_with_its_hyphens_and_apostrophes(at: int, word: str) -> None:
    assert said(word_at(TEXT, at)) == word


def test_words_extend_and_shrink_one_at_a_time() -> None:
    span = word_at(TEXT, 0)
    span = next_word(TEXT, *span)
    assert said(span) == "Les États-Unis"
    span = next_word(TEXT, *span)
    assert said(span) == "Les États-Unis retirent"
    assert said(previous_word(TEXT, *span)) == "Les États-Unis"
    assert said(previous_word(TEXT, *word_at(TEXT, 0))) == "Les"


def test_sentences_extend_to_their_end_marks_and_closing_quotes_and_stop_at_a_new_line() -> None:
    span = next_sentence(TEXT, *word_at(TEXT, 0))
    assert said(span) == "Les États-Unis retirent leurs troupes."
    span = next_sentence(TEXT, *span)
    assert said(span).endswith("« ordonnée » !")
    span = next_sentence(TEXT, *span)
    assert said(span).endswith("Fin")
    assert said(previous_sentence(TEXT, *span)).endswith("« ordonnée » !")
    assert said(previous_sentence(TEXT, *word_at(TEXT, 0))) == "Les"


def test_a_text_without_words_gives_an_empty_passage() -> None:
    assert word_at("  ...  ", 2) == (2, 2)


def test_sentences_are_every_sentence_without_the_spaces_around_it() -> None:
    text = "Title\n\n  He said: “Yes.” Then left!  And a line without a mark\nend"
    found = [text[a:b] for a, b in passages.sentences(text)]
    assert found == ["Title", "He said: “Yes.”", "Then left!", "And a line without a mark", "end"]
    assert passages.sentences("") == [] and passages.sentences(" \n ") == []
