"""Anchoring the reader's own files: Unicode normalisation, characters cut in two, empty spans,
duplicate citations, and hints that give the values to write."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from briefing_tui.files import load_paths
from briefing_tui.model import AnchorStatus, Selector, Severity, load_bytes
from briefing_tui.model.anchoring import Anchorer

NFD = unicodedata.normalize("NFD", "Zoë Ruiz met us at the café on Monday.")
NFC = unicodedata.normalize("NFC", NFD)


def test_a_quote_in_nfc_anchors_on_a_text_in_nfd_at_the_right_place_and_says_so() -> None:
    anchorer = Anchorer(NFD)
    for quote in ("Zoë Ruiz", "the café"):
        nfc = unicodedata.normalize("NFC", quote)
        span = anchorer.anchor(Selector(exact=nfc))
        assert span.status is AnchorStatus.EXACT
        assert unicodedata.normalize("NFC", NFD[span.start : span.end]) == nfc  # offsets of the NFD text
    assert NFD[span.start] == "t"  # the highlight starts at "the café", not one character late
    assert [n.code for n in anchorer.notes] == ["span-normalisation", "span-normalisation"]


def test_a_quote_in_nfd_anchors_on_a_text_in_nfc() -> None:
    anchorer = Anchorer(NFC)
    span = anchorer.anchor(Selector(exact=unicodedata.normalize("NFD", "café")))
    assert NFC[span.start : span.end] == "café"
    assert anchorer.notes[0].severity is Severity.WARNING


def test_a_position_that_cuts_an_accent_from_its_letter_is_snapped_and_said() -> None:
    text = "Le cafe\u0301 est ouvert."  # e + combining acute
    anchorer = Anchorer(text)
    span = anchorer.anchor(Selector(start=3, end=7))  # "cafe" without its accent
    assert (span.start, span.end) == (3, 8)
    assert anchorer.notes[0].code == "span-grapheme" and "set start: 3, end: 8" in anchorer.notes[0].hint


def test_a_position_inside_an_emoji_sequence_is_snapped() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    text = f"Ma famille {family} est là."
    start = text.index(family)
    anchorer = Anchorer(text)
    span = anchorer.anchor(Selector(start=start + 2, end=start + 3))
    assert (span.start, span.end) == (start, start + len(family))


def test_an_empty_span_is_a_warning() -> None:
    anchorer = Anchorer("Le Niger et les États-Unis.")
    anchorer.anchor(Selector(start=7, end=7))
    assert [(n.severity, n.code) for n in anchorer.notes] == [(Severity.WARNING, "span-empty-range")]


def test_positions_in_utf8_bytes_get_the_values_to_write() -> None:
    text = "Les États-Unis et le Niger ont parlé à Niamey."
    quote = "Niamey"
    i = text.index(quote)
    byte = len(text[:i].encode("utf-8"))
    anchorer = Anchorer(text)
    span = anchorer.anchor(Selector(exact=quote, start=byte, end=byte + len(quote)))
    assert (span.start, span.end) == (i, i + len(quote))
    note = anchorer.notes[0]
    assert "UTF-8 byte offsets" in note.message and note.hint == f"set start: {i}, end: {i + len(quote)}"


def test_positions_past_the_end_in_utf8_bytes_get_the_values_to_write_too() -> None:
    text = "Évé éé à Niamey"
    i = text.index("Niamey")
    byte = len(text[:i].encode("utf-8"))
    anchorer = Anchorer(text)
    span = anchorer.anchor(Selector(exact="Niamey", start=byte, end=byte + 6))
    assert byte + 6 > len(text) and span.start == i
    assert anchorer.notes[-1].hint == f"set start: {i}, end: {i + 6}"
    assert "UTF-8 byte offsets" in anchorer.notes[-1].message


BRIEFING = """format: 1
id: doc
title: T
language: en
text: |-
  The minister said so.
entities: []
events: []
claims:
  - id: c1
    span: {exact: minister}
    sources: [S1, S1]
sources:
  - id: S1
    title: A statement
"""


def test_a_source_cited_twice_by_one_claim_is_reported() -> None:
    doc = load_bytes(BRIEFING.encode(), "f.yaml")
    found = [(p.line, p.severity, p.message) for p in doc.problems]
    assert (12, Severity.WARNING, "source 'S1' is cited twice by claim 'c1'") in found


def test_an_unknown_document_id_gets_the_nearest_open_one(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(BRIEFING.replace("sources: [S1, S1]", "sources: [S1]"), encoding="utf-8")
    other = BRIEFING.replace("id: doc", "id: other").replace("title: A statement", "document: dco")
    (tmp_path / "b.yaml").write_text(other.replace("sources: [S1, S1]", "sources: [S1]"), encoding="utf-8")
    collection = load_paths([tmp_path])
    other_doc = collection.document("other")  # a source into a document not open is a warning
    assert other_doc is not None and not collection.failed
    problem = next(p for p in other_doc.problems if p.code == "dangling-document")
    assert problem.hint == "did you mean 'doc'?"
