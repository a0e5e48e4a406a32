"""The parts of a large text's marks (``PartIndex``) answer as the whole index does, in the same
order; the whole is made a few spans at a time, or at once when asked about anything outside them."""

from __future__ import annotations

from array import array
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_tui.model.span_list import INT, PositionSpans, anchored_columns, anchored_positions
from briefing_tui.model.types import AnchorStatus, PositionSpan, Selector, Span
from briefing_tui.widgets.span_index import BUCKET, PartIndex, SpanIndex, ending_from, starting_before

LENGTH = 5 * BUCKET
SPANS = st.lists(
    st.tuples(st.integers(0, LENGTH), st.integers(0, 2 * BUCKET)).map(
        lambda p: (p[0], min(LENGTH, p[0] + p[1]))
    ),
    max_size=60,
)
QUERIES = st.lists(st.tuples(st.integers(0, LENGTH), st.integers(0, 300)), min_size=1, max_size=20)


def parted(spans: list[tuple[int, int]], head: int, tail: int) -> tuple[PartIndex[int], list[int]]:
    """The spans numbered in order, as parts ``0``–``head`` and ``tail``–the end; and how many times
    the spans of the whole were asked for."""
    numbered = [(s, e, i) for i, (s, e) in enumerate(spans)]
    asked: list[int] = []

    def every() -> list[tuple[int, int, int]]:
        asked.append(1)
        return numbered

    parts = [
        (0, head, SpanIndex(span for span in numbered if span[0] < head)),
        (tail, LENGTH + 1, SpanIndex(span for span in numbered if span[1] >= tail)),
    ]
    return PartIndex(parts, every), asked


def in_columns(spans: list[tuple[int, int]], head: int, tail: int) -> tuple[PartIndex[int], list[int]]:
    """``parted``, the whole's spans given as columns (``PartIndex.of_columns``)."""
    asked: list[int] = []

    def columns() -> tuple[array[int], array[int], list[int]]:
        asked.append(1)
        return array(INT, (s for s, _ in spans)), array(INT, (e for _, e in spans)), list(range(len(spans)))

    parts = parted(spans, head, tail)[0]._parts
    return PartIndex.of_columns(parts, columns), asked


def within(start: int, end: int, head: int, tail: int) -> bool:
    return max(end, start + 1) <= head or (tail <= start and end <= LENGTH)


@pytest.mark.parametrize("made", [parted, in_columns])
@settings(max_examples=200, deadline=None)
@given(SPANS, st.integers(0, LENGTH), st.integers(0, LENGTH), QUERIES)
def test_parts_answer_as_the_whole_index_in_the_same_order(
    made: Callable[[list[tuple[int, int]], int, int], tuple[PartIndex[int], list[int]]],
    spans: list[tuple[int, int]],
    head: int,
    tail: int,
    queries: list[tuple[int, int]],
) -> None:
    whole = SpanIndex([(s, e, i) for i, (s, e) in enumerate(spans)])
    index, asked = made(spans, head, tail)
    for start, length in queries:
        end = min(LENGTH, start + length)
        assert list(index.overlapping(start, end)) == list(whole.overlapping(start, end))
        assert index.at(start) == whole.at(start)
        assert index.completed or within(start, end, head, tail)  # whole only when asked outside
    assert len(asked) <= 1


@settings(max_examples=100, deadline=None)
@given(SPANS, st.integers(1, 7))
def test_the_whole_made_step_by_step_is_the_whole_index(spans: list[tuple[int, int]], count: int) -> None:
    index, asked = parted(spans, 10, LENGTH - 10)
    steps = 1
    while not index.step(count):
        steps += 1
    assert steps == len(spans) // count + 1 and len(asked) == 1
    whole = SpanIndex([(s, e, i) for i, (s, e) in enumerate(spans)])
    assert index.spans == whole.spans
    assert list(index.overlapping(0, LENGTH)) == list(whole.overlapping(0, LENGTH))


def test_asking_outside_the_parts_makes_the_whole_at_once() -> None:
    index, asked = parted([(0, 5), (10, 20), (5000, 5010), (LENGTH - 3, LENGTH)], 100, LENGTH - 100)
    assert [p for *_, p in index.overlapping(0, 50)] == [0, 1]
    assert [p for *_, p in index.overlapping(LENGTH - 5, LENGTH)] == [3] and not asked
    index.step(1)  # a step begun: the parts still answer within them
    assert [p for *_, p in index.overlapping(0, 50)] == [0, 1] and not index.completed
    assert [p for *_, p in index.overlapping(4990, 5001)] == [2] and index.completed and len(asked) == 1
    for ask in (len, lambda i: i.spans, lambda i: i.replace(10, 20, lambda old: old == 1, 7)):
        index, asked = parted([(0, 5), (10, 20), (5000, 5010)], 100, LENGTH - 100)
        ask(index)
        assert index.completed and len(asked) == 1
    assert [p for *_, p in index.overlapping(10, 11)] == [7]  # replaced in the whole


def test_the_spans_chosen_by_a_bound_are_those_of_the_columns_in_their_order() -> None:
    positions = PositionSpans()
    for start in (40, 3, 900, 12, 99):
        positions.add(start, start + 4, 1, 1)
    starts, ends = anchored_columns(positions)
    columns = (starts, ends, ["a", "b", "c", "d", "e"])
    assert list(starting_before(columns, 100)) == [(40, 44, "a"), (3, 7, "b"), (12, 16, "d"), (99, 103, "e")]
    assert list(ending_from(columns, 44)) == [(40, 44, "a"), (900, 904, "c"), (99, 103, "e")]
    spans = list(zip(starts, ends, columns[2], strict=True))
    for bound in range(0, 910, 7):
        assert list(starting_before(columns, bound)) == [s for s in spans if s[0] < bound]
        assert list(ending_from(columns, bound)) == [s for s in spans if s[1] >= bound]


def test_stepping_within_a_time_adds_spans_until_it_is_spent_and_no_longer() -> None:
    spans = [(i, i + 1) for i in range(100)]
    ticks = iter(range(0, 1000, 5))  # a clock at 0, 5, 10... ms: each step takes 5 ms

    def clock() -> float:
        return next(ticks) / 1000

    index, _ = parted(spans, 0, LENGTH)
    assert not index.step_within(0.012, 10, clock)  # steps at 0, 5 and 10 ms; 15 is past 12
    assert len(index._starts) == 30 and not index.completed
    assert not index.step_within(0, 10, clock)  # no time at all: one step still
    assert len(index._starts) == 40
    assert index.step_within(1.0, 10, clock)  # the rest, in one turn
    assert index.completed and index.spans == [(s, e, i) for i, (s, e) in enumerate(spans)]


@settings(max_examples=100, deadline=None)
@given(SPANS, st.integers(1, 7))
def test_the_whole_made_from_columns_step_by_step_is_the_whole_index(
    spans: list[tuple[int, int]], count: int
) -> None:
    whole = SpanIndex([(s, e, i) for i, (s, e) in enumerate(spans)])
    index, asked = in_columns(spans, 10, LENGTH - 10)
    steps = 1
    while not index.step(count):
        steps += 1
    assert steps == max(1, -(-len(spans) // count)) and len(asked) == 1  # read once, placed count by count
    assert index.spans == whole.spans and index._buckets == whole._buckets
    assert list(index.overlapping(0, LENGTH)) == list(whole.overlapping(0, LENGTH))


def test_columns_leave_out_the_spans_extend_leaves_out() -> None:
    spans = [(3, 9), (-1, 4), (8, 2), (5, 5), (LENGTH - 2, LENGTH)]
    index, _ = in_columns(spans, 10, LENGTH - 10)
    whole = SpanIndex([(s, e, i) for i, (s, e) in enumerate(spans)])
    assert index.spans == whole.spans == [(3, 9, 0), (5, 5, 3), (LENGTH - 2, LENGTH, 4)]
    assert list(index.overlapping(0, LENGTH)) == list(whole.overlapping(0, LENGTH))
    columns = array(INT, (s for s, _ in spans)), array(INT, (e for _, e in spans)), list(range(len(spans)))
    at_once = SpanIndex.from_columns(columns)
    assert at_once.spans == whole.spans and at_once._buckets == whole._buckets


def test_columns_of_the_positions_are_those_read() -> None:
    positions = PositionSpans()
    for start in (40, 3, 900):
        positions.add(start, start + 4, 1, 1)
    changed = PositionSpans()
    for start in (40, 3, 900):
        changed.add(start, start + 4, 1, 1)
    changed.append(Span(-1, -1, AnchorStatus.ORPHAN, Selector(exact="x")))  # now a list of spans
    listed = [
        PositionSpan(40, 44, AnchorStatus.EXACT, None, 1, 1),
        Span(-1, -1, AnchorStatus.ORPHAN, Selector(exact="x")),
        Span(5, 9, AnchorStatus.FUZZY, Selector(exact="abcd")),
    ]
    for spans in (positions, changed, listed, []):
        starts, ends = anchored_columns(spans)
        assert list(zip(starts, ends, strict=True)) == list(anchored_positions(spans))
    assert list(anchored_columns(positions)[0]) == [40, 3, 900]
