"""What the loader checks beyond YAML: references, ids, dates, spans and their anchoring."""

from __future__ import annotations

import pytest
from tests.unit.model.support import HEAD, TEXT, errors, load, problems

from briefing_tui.model import AnchorStatus, Rating, Stance

# TEXT: "Niger" at offsets 3 and 31; the text is on line 6 of the file, from column 3.


def entity(mention: str) -> str:
    return (
        HEAD + f"entities:\n  - id: n\n    name: Niger\n    type: place\n    mentions:\n      - {mention}\n"
    )


def test_a_full_annotation_loads_with_its_values() -> None:
    doc = load(
        HEAD
        + """entities:
  - {id: n, name: Niger, type: place, wikidata: Q1032, mentions: [{quote: Niger, suffix: " et"}]}
  - {id: us, name: États-Unis, type: place, wikidata: not-found, unverified: true}
events:
  - {id: e, label: Réponse, date: 2024-04-29/2024-05-03, mentions: [[28, 36]], sources: [s], entities: [n]}
claims:
  - id: c
    span: {quote: "Le Niger répond."}
    sources: [s, {source: s, passage: "in Niger", stance: contradicts}]
    verdict: {rating: partly-supported, explanation: Why, reviewed: 2026-11-27}
sources:
  - {id: s, title: Statement, date: 2024-04-24, url: "https://example.org/s", mirrors: ["https://m.example"]}
"""
    )
    assert doc.problems == []
    n, us = doc.entities
    assert (n.mentions[0].start, n.mentions[0].end, n.wikidata) == (3, 8, "Q1032")
    assert (us.wikidata, us.wikidata_status, us.unverified) == (None, "not-found", ["*"])
    event = doc.events[0]
    assert (event.date.lower, event.date.upper, event.entities) == ("2024-04-29", "2024-05-03", ["n"])
    claim = doc.claims[0]
    assert doc.text[claim.span.start : claim.span.end] == "Le Niger répond."
    assert claim.verdict is not None and claim.verdict.rating is Rating.PARTLY_SUPPORTED
    assert claim.verdict.reviewed == "2026-11-27"
    assert [(r.source, r.passage, r.stance) for r in claim.sources] == [
        ("s", None, Stance.SUPPORTS),
        ("s", "in Niger", Stance.CONTRADICTS),
    ]
    assert doc.sources[0].mirrors == ["https://m.example"]


def test_dangling_references_are_errors() -> None:
    source = (
        HEAD
        + "claims:\n  - {id: c, span: [3, 8], sources: [S-x], entities: [ghost]}\nsources:\n  - {id: S-y}\n"
    )
    assert errors(source) == [
        "8:37: error: unknown source 'S-x'",
        "8:54: error: unknown entity 'ghost'",
    ]


def test_a_reference_to_an_id_of_another_kind_is_dangling_wherever_that_id_is() -> None:
    """The entity n is built before the event that cites it as a source, the claim c after it."""
    source = HEAD + (
        "entities:\n  - {id: n, name: Niger, type: place}\n"
        "events:\n  - {id: v, label: V, date: '2024', sources: [n, c], entities: [n, s]}\n"
        "claims:\n  - {id: c, span: [3, 8], sources: [s, n], entities: [n]}\n"
        "sources:\n  - {id: s}\n"
    )
    assert errors(source) == [
        "10:47: error: unknown source 'n'",
        "10:50: error: unknown source 'c'",
        "10:68: error: unknown entity 's'",
        "12:40: error: unknown source 'n'",
    ]


def test_a_dangling_source_suggests_the_close_id() -> None:
    from briefing_tui.model import LoadError, load_bytes

    source = HEAD + "claims:\n  - {id: c, span: [3, 8], sources: [S-stat]}\nsources:\n  - {id: S-state}\n"
    with pytest.raises(LoadError) as info:
        load_bytes(source.encode(), "f.yaml")
    assert info.value.problems[0].hint == "did you mean 'S-state'?"


def test_duplicate_ids_are_errors() -> None:
    source = HEAD + "claims:\n  - {id: x, span: [3, 8]}\nsources:\n  - {id: x}\n"
    assert errors(source) == ["10:10: error: duplicate id 'x' (first used at 8:10)"]


def test_bad_ids_are_errors() -> None:
    assert errors(HEAD + "sources:\n  - {id: 'a b'}\n") == ["8:10: error: source id 'a b' is not a valid id"]


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2024-13", "event date: bad EDTF date: '2024-13': month 13 does not exist (01 to 12)"),
        ("yesterday", "event date: bad EDTF date: 'yesterday' is not an EDTF date"),
        (
            "2024-05/2024-04",
            "event date: bad EDTF date: '2024-05/2024-04' ends before it starts (2024-04 is before 2024-05)",
        ),
    ],
)
def test_bad_edtf_dates_are_errors(date: str, message: str) -> None:
    source = HEAD + f"events:\n  - {{id: e, label: E, date: {date}}}\n"
    assert errors(source) == [f"8:29: error: {message}"]


def test_a_bad_source_date_is_an_error() -> None:
    assert errors(HEAD + "sources:\n  - {id: s, date: 2024-02-30}\n") == [
        "8:19: error: source 's' date: bad EDTF date: '2024-02-30': February 2024 has no day 30"
    ]


def test_a_reversed_span_is_an_error() -> None:
    assert errors(entity("[8, 3]")) == ["12:9: error: span ends before it starts (start 8 > end 3)"]


def test_a_span_out_of_range_is_an_error() -> None:
    assert errors(entity("{start: 40, end: 4000}")) == [
        f"12:9: error: span 40–4000 is outside the text (0–{len(TEXT)})"
    ]


def test_a_span_out_of_range_with_a_quote_falls_back_to_the_quote() -> None:
    doc = load(entity("{exact: répond, start: 400, end: 406}"))
    span = doc.entities[0].mentions[0]
    assert (span.start, span.status) == (37, AnchorStatus.EXACT)
    assert problems(entity("{exact: répond, start: 400, end: 406}")) == [
        f"12:9: warning: span 400–406 is outside the text (0–{len(TEXT)}); the quote was searched instead"
    ]


def test_a_negative_offset_is_an_error() -> None:
    assert errors(entity("[-1, 3]")) == [
        "12:10: error: a mention of entity 'n' start must be a whole number ≥ 0, found -1"
    ]


def test_a_position_that_disagrees_with_its_quote_is_a_warning_and_the_quote_wins() -> None:
    source = entity("{exact: répond, start: 0, end: 6}")
    assert problems(source) == [
        '12:9: warning: position 0–6 holds "Le Nig", not the quote "répond"; the quote was found at 6:40'
    ]
    span = load(source).entities[0].mentions[0]
    assert (span.start, span.end, span.status) == (37, 43, AnchorStatus.EXACT)


def test_a_position_chooses_among_several_occurrences() -> None:
    source = entity("{exact: Niger, start: 30, end: 35}")
    span = load(source).entities[0].mentions[0]
    assert (span.start, span.status) == (31, AnchorStatus.EXACT)
    assert problems(source) == [
        '12:9: warning: position 30–35 holds " Nige", not the quote "Niger"; '
        "took the nearest of its 2 occurrences, at 6:34"
    ]


def test_an_ambiguous_quote_says_where_the_occurrences_are() -> None:
    source = entity("{quote: Niger}")
    assert problems(source) == [
        '12:9: warning: quote "Niger" occurs 2 times (at 6:6, 6:34); the first was taken'
    ]
    span = load(source).entities[0].mentions[0]
    assert (span.start, span.status) == (3, AnchorStatus.AMBIGUOUS)


def test_an_ambiguous_quote_in_a_quoted_text_gives_offsets() -> None:
    source = entity("{quote: Niger}").replace(f"text: |-\n  {TEXT}", f'text: "{TEXT}"')
    assert problems(source) == [
        '11:9: warning: quote "Niger" occurs 2 times (at offset 3, offset 31); the first was taken'
    ]


@pytest.mark.parametrize(
    ("selector", "start"), [("{quote: Niger, suffix: ' et'}", 3), ("{quote: Niger, suffix: ' r'}", 31)]
)
def test_prefix_and_suffix_choose_among_occurrences(selector: str, start: int) -> None:
    doc = load(entity(selector))
    span = doc.entities[0].mentions[0]
    assert (span.start, span.status, doc.problems) == (start, AnchorStatus.EXACT, [])


def test_a_quote_with_a_small_change_is_found_approximately() -> None:
    source = entity("{quote: 'Le Niger repond.'}")
    span = load(source).entities[0].mentions[0]
    assert span.status is AnchorStatus.FUZZY
    assert TEXT[span.start : span.end] == "Le Niger répond."
    assert problems(source) == [
        '12:9: warning: quote "Le Niger repond." is not in the text exactly; the closest match (94 %) '
        'is "Le Niger répond." at 6:31'
    ]


def test_an_orphan_is_a_warning_and_keeps_its_status() -> None:
    source = entity("{quote: Washington}")
    assert problems(source) == [
        '12:9: warning: quote "Washington" is not in the text: the annotation is an orphan'
    ]
    span = load(source).entities[0].mentions[0]
    assert (span.start, span.end, span.status, span.anchored) == (-1, -1, AnchorStatus.ORPHAN, False)


def test_an_empty_quote_is_an_error() -> None:
    assert errors(entity("{quote: ''}")) == ["12:9: error: the quote is empty"]


def test_half_a_position_is_an_error() -> None:
    assert errors(entity("{start: 3}")) == ["12:9: error: a position needs both start and end"]


def test_a_compact_span_needs_two_numbers() -> None:
    assert errors(entity("[3, 8, 9]")) == [
        "12:9: error: a mention of entity 'n': a compact span is [start, end], found 3 items"
    ]


def test_an_unknown_rating_is_an_error_with_a_suggestion() -> None:
    from briefing_tui.model import LoadError, load_bytes

    source = HEAD + "claims:\n  - {id: c, span: [3, 8], verdict: {rating: partly}}\n"
    assert errors(source) == ["8:45: error: unknown rating 'partly'"]
    with pytest.raises(LoadError) as info:
        load_bytes(source.encode(), "f.yaml")
    assert info.value.problems[0].hint == "did you mean 'partly-supported'?"


def test_a_review_date_must_be_a_day() -> None:
    source = HEAD + "claims:\n  - {id: c, span: [3, 8], verdict: {rating: false, reviewed: 2024-13-01}}\n"
    assert errors(source) == ["8:62: error: reviewed '2024-13-01' is not a date (YYYY-MM-DD)"]


def test_a_bad_wikidata_value_is_an_error() -> None:
    assert errors(HEAD + "entities:\n  - {id: n, name: N, type: place, wikidata: Niger}\n") == [
        "8:45: error: wikidata 'Niger' is not a QID"
    ]


def test_a_source_span_needs_a_document() -> None:
    assert errors(HEAD + "sources:\n  - {id: s, span: {quote: x}}\n") == [
        "8:19: error: source 's' has a span but no document"
    ]


def test_an_address_that_is_not_http_is_a_warning() -> None:
    assert problems(HEAD + "sources:\n  - {id: s, url: 'javascript:alert(1)'}\n") == [
        "8:18: warning: url 'javascript:alert(1)' is not an http(s) address"
    ]


def test_a_document_with_errors_never_loads() -> None:
    from briefing_tui.model import LoadError

    with pytest.raises(LoadError) as info:
        load(entity("[8, 3]") + "titel: x\n")
    severities = [p.severity.value for p in info.value.problems]
    assert "error" in severities and "warning" in severities


def test_the_approximate_search_is_bounded_per_document() -> None:
    from briefing_tui.model import Selector
    from briefing_tui.model.anchoring import Anchorer

    text = "Le Niger et les États-Unis. " * 1000
    anchorer = Anchorer(text, budget=len(text) * 2)
    spans = [anchorer.anchor(Selector(exact=f"Le Nigel et les États-Unis {i}")) for i in range(5)]
    assert spans[0].status is AnchorStatus.FUZZY
    assert spans[-1].status is AnchorStatus.ORPHAN
    assert anchorer.notes[-1].message.endswith(
        "(too many stale quotes in a long text: not searched approximately): the annotation is an orphan"
    )


def test_a_very_frequent_quote_says_at_least() -> None:
    from briefing_tui.model import Selector
    from briefing_tui.model.anchoring import MAX_OCCURRENCES, Anchorer

    anchorer = Anchorer("e" * (MAX_OCCURRENCES + 50))
    span = anchorer.anchor(Selector(exact="e"))
    assert span.status is AnchorStatus.AMBIGUOUS
    assert anchorer.notes[0].message.startswith(
        f'quote "e" occurs at least {MAX_OCCURRENCES} times (at offset 0'
    )


def test_a_short_value_written_in_several_places_is_kept_once() -> None:
    doc = load(
        HEAD
        + """sources:
  - {id: s1, title: "One"}
claims:
  - {id: c1, span: [3, 8], sources: [s1], verdict: {rating: supported, explanation: checked}}
  - {id: c2, span: [31, 36], sources: [s1], verdict: {rating: supported, explanation: checked}}
"""
    )
    first, second = doc.claims
    assert first.sources[0].source == second.sources[0].source == "s1"
    assert first.sources[0].source is second.sources[0].source
    assert first.verdict is not None and second.verdict is not None
    assert first.verdict.explanation is second.verdict.explanation
