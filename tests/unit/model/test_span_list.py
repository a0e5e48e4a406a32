"""Mentions written as positions are kept as integers (``PositionSpans``) and read as the spans they were."""

from __future__ import annotations

import pytest
from tests.unit.model.support import HEAD, load

from briefing_tui.model.span_list import PositionSpans
from briefing_tui.model.types import AnchorStatus, PositionSpan, Selector, Span

COMPACT = HEAD + "entities:\n  - {id: n, name: Niger, type: place, mentions: [[3, 8], [30, 35]]}\n"
MIXED = HEAD + "entities:\n  - {id: n, name: Niger, type: place, mentions: [[3, 8], Niger]}\n"


def spans() -> PositionSpans:
    kept = PositionSpans()
    kept.add(3, 8, 8, 50)
    kept.add(30, 35, 8, 59)
    return kept


def test_compact_mentions_are_kept_as_positions_and_read_as_the_spans_written() -> None:
    mentions = load(COMPACT).entities[0].mentions
    assert isinstance(mentions, PositionSpans)
    first, second = mentions
    assert first == Span(3, 8, AnchorStatus.EXACT, Selector(start=3, end=8), 8, 50)
    assert (second.start, second.end, second.line, second.column) == (30, 35, 8, 58)
    assert mentions == [first, second] and [first, second] == mentions
    assert list(mentions.positions()) == [(3, 8), (30, 35)]


def test_a_mention_written_otherwise_makes_them_a_list_in_file_order() -> None:
    mentions = load(MIXED).entities[0].mentions
    assert type(mentions) is list
    assert [(m.start, m.end) for m in mentions] == [(3, 8), (3, 8)]
    assert mentions[1].selector.exact == "Niger"


@pytest.mark.parametrize("index", [0, 1, -1, -2])
def test_an_item_read_by_index_is_the_one_at_that_place(index: int) -> None:
    kept = spans()
    assert kept[index] == list(kept)[index]
    assert kept[index] is not kept[index]  # made when read: nothing is kept but the integers


@pytest.mark.parametrize("index", [2, -3])
def test_an_index_beyond_the_spans_is_an_index_error(index: int) -> None:
    with pytest.raises(IndexError):
        spans()[index]


def test_slices_and_equality_are_a_lists() -> None:
    kept = spans()
    assert kept[1:] == [PositionSpan(30, 35, line=8, column=59)]
    assert kept != list(kept)[:1]
    assert kept != tuple(kept)  # as a list, never equal to a tuple
    assert repr(kept) == repr(list(kept))
    assert len(kept) == 2 and bool(kept) and not PositionSpans()


def test_changing_the_list_keeps_every_span_and_the_change() -> None:
    kept = spans()
    added = Span(40, 41, AnchorStatus.FUZZY, Selector(exact="x"))
    kept.append(added)
    kept.add(50, 52, 9, 3)
    del kept[0]
    assert [(s.start, s.end) for s in kept] == [(30, 35), (40, 41), (50, 52)]
    assert kept[1] is added
    kept[0] = added
    assert list(kept.positions()) == [(40, 41), (40, 41), (50, 52)]


def test_positions_leave_orphans_out_once_the_list_holds_objects() -> None:
    kept = spans()
    kept.append(Span(-1, -1, AnchorStatus.ORPHAN))
    assert list(kept.positions()) == [(3, 8), (30, 35)]


def test_spans_kept_as_positions_are_equal_when_their_positions_and_places_are() -> None:
    same, moved = spans(), spans()
    moved.add(40, 41, 9, 3)
    assert spans() == same and same != moved
    elsewhere = PositionSpans()
    elsewhere.add(3, 8, 9, 50)  # written on another line
    elsewhere.add(30, 35, 8, 59)
    assert elsewhere != same
    assert load(COMPACT) == load(COMPACT)
