"""Passages of a text chosen by keyboard: a word, extended by words or sentences. Pure.

Offsets are code points, ends exclusive, as spans are everywhere in the model. A word is a run of
letters, digits, apostrophes and hyphens inside a word (``l’aide``, ``États-Unis``); a sentence ends
after ``.``, ``!``, ``?`` or ``…`` (and the closing quotes or brackets right after), or at a new
line.
"""

from __future__ import annotations

import re

WORD = re.compile(r"\w+(?:[’'\-‐]\w+)*")
SENTENCE_END = re.compile(r"[.!?…]+[»”’\"')\]]*|\n")


def word_at(text: str, offset: int) -> tuple[int, int]:
    """The word holding ``offset``, else the next word after it (else the last word before it);
    ``(offset, offset)`` in a text without words."""
    offset = max(0, min(offset, len(text)))
    for match in WORD.finditer(text, max(0, offset - 200)):
        if match.end() > offset:
            return match.start(), match.end()
    before = list(WORD.finditer(text, max(0, offset - 200), offset))
    return (before[-1].start(), before[-1].end()) if before else (offset, offset)


def next_word(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` extended to the end of the next word (unchanged at the text's end)."""
    match = WORD.search(text, end)
    return (start, match.end()) if match else (start, end)


def previous_word(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` with its last word dropped; never less than its first word."""
    words = list(WORD.finditer(text, start, end))
    return (start, words[-2].end()) if len(words) >= 2 else (start, end)


def next_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` extended to the end of the sentence it ends in (or the next one, when it
    already ends a sentence)."""
    at = end
    while at < len(text) and text[at] in " \t":
        at += 1
    match = SENTENCE_END.search(text, at + 1 if at < len(text) else at)
    if match is None:
        return start, len(text)
    stop = match.start() if match.group() == "\n" else match.end()
    return start, max(end, stop)


def previous_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` shrunk to the end of the sentence before its end; never less than its
    first word."""
    last = None
    for match in SENTENCE_END.finditer(text, start, max(start, end - 1)):
        last = match
    if last is None:
        return start, word_at(text, start)[1]
    stop = last.start() if last.group() == "\n" else last.end()
    return start, max(stop, word_at(text, start)[1])


def sentences(text: str) -> list[tuple[int, int]]:
    """Every sentence of ``text`` as ``(start, end)``, without the spaces around it, in order (the
    sentences ``next_sentence`` steps over; a line without an end mark is one)."""
    found = []
    at = 0
    for match in SENTENCE_END.finditer(text):
        stop = match.start() if match.group() == "\n" else match.end()
        start, end = at, stop
        while start < end and text[start].isspace():
            start += 1
        if start < end:
            found.append((start, end))
        at = match.end()
    rest = text[at:]
    if rest.strip():
        start = at + len(rest) - len(rest.lstrip())
        found.append((start, at + len(rest.rstrip())))
    return found
