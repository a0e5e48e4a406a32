"""The index of a large text's first marks (``PartIndex``) answers as the whole index does, and the
whole is made only when asked about anything past its part, or when completed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_tui.model.span_list import PositionSpans, anchored_before, anchored_positions
from briefing_tui.model.types import AnchorStatus, PositionSpan, Selector, Span
from briefing_tui.widgets.span_index import BUCKET, PartIndex, SpanIndex

SPANS = st.lists(
    st.tuples(st.integers(0, 3 * BUCKET), st.integers(0, 2 * BUCKET)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=60,
)
QUERIES = st.lists(st.tuples(st.integers(0, 5 * BUCKET), st.integers(0, 300)), min_size=1, max_size=20)


def part_of(spans: list[tuple[int, int]], bound: int) -> tuple[PartIndex[int], list[SpanIndex[int]]]:
    """A part of the spans numbered in order, and the whole index it makes (once, in the list)."""
    numbered = [(s, e, i) for i, (s, e) in enumerate(spans)]
    made: list[SpanIndex[int]] = []

    def whole() -> SpanIndex[int]:
        made.append(SpanIndex(numbered))
        return made[-1]

    return PartIndex([span for span in numbered if span[0] < bound], bound, whole), made


@settings(max_examples=200, deadline=None)
@given(SPANS, st.integers(0, 4 * BUCKET), QUERIES)
def test_a_part_answers_as_the_whole_index_in_the_same_order(
    spans: list[tuple[int, int]], bound: int, queries: list[tuple[int, int]]
) -> None:
    whole = SpanIndex([(s, e, i) for i, (s, e) in enumerate(spans)])
    part, made = part_of(spans, bound)
    for start, length in queries:
        within = start + max(length, 1) <= bound
        assert list(part.overlapping(start, start + length)) == list(whole.overlapping(start, start + length))
        assert part.at(start) == whole.at(start)
        assert part.completed or within  # made only when asked past the part
    assert len(made) <= 1


def test_the_whole_is_made_once_when_asked_past_the_part_or_completed() -> None:
    part, made = part_of([(0, 5), (10, 20), (5000, 5010)], 100)
    assert [p for *_, p in part.overlapping(0, 50)] == [0, 1] and not made
    assert [p for *_, p in part.overlapping(4990, 5000 + 1)] == [2] and len(made) == 1
    part.complete()
    assert len(made) == 1 and len(part) == 3

    for ask in (len, lambda p: p.spans, lambda p: p.replace(10, 20, lambda old: old == 1, 7)):
        part, made = part_of([(0, 5), (10, 20), (5000, 5010)], 100)
        ask(part)
        assert len(made) == 1
    assert [p for *_, p in part.overlapping(10, 11)] == [7]  # replaced in the whole


def test_the_positions_before_a_bound_are_chosen_as_the_positions_are_read() -> None:
    positions = PositionSpans()
    for start in (40, 3, 900, 12, 99):
        positions.add(start, start + 4, 1, 1)
    assert anchored_before(positions, 100) == [(40, 44), (3, 7), (12, 16), (99, 103)]
    assert anchored_before(positions, 100) == [p for p in anchored_positions(positions) if p[0] < 100]
    listed = [
        PositionSpan(40, 44, AnchorStatus.EXACT, None, 1, 1),
        Span(-1, -1, AnchorStatus.ORPHAN, Selector(exact="x")),
        Span(5, 9, AnchorStatus.FUZZY, Selector(exact="abcd")),
    ]
    assert anchored_before(listed, 10) == [(5, 9)]
