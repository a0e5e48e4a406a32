"""A bucketed index of spans over a text, to find the spans that overlap a line quickly.

Pure (no textual): a 10 MB text with 100,000 spans answers an overlap query by looking at one or two
buckets instead of every span.
"""

from __future__ import annotations

import time
from array import array
from collections.abc import Callable, Iterable, Iterator, MutableSequence
from itertools import compress, islice, repeat
from operator import ge, gt, lt
from typing import Generic, TypeVar

from briefing_tui.model.span_list import INT

T = TypeVar("T")

Columns = tuple["array[int]", "array[int]", MutableSequence[T]]
"""Spans as three columns: their starts, their ends and their payloads (``PartIndex.of_columns``)."""

BUCKET = 4096
SHIFT = BUCKET.bit_length() - 1  # offset >> SHIFT is offset // BUCKET


class SpanIndex(Generic[T]):
    """Spans ``(start, end, payload)`` found by overlap with a range of offsets.

    Offsets are kept in arrays of machine integers rather than as tuples of Python ints: a large
    document's 100,000 spans take a few MB instead of some 15.
    """

    def __init__(self, spans: Iterable[tuple[int, int, T]] = ()) -> None:
        self._starts = array(INT)
        self._ends = array(INT)
        self._payloads: MutableSequence[T] = []
        self._buckets: dict[int, array[int]] = {}
        SpanIndex.extend(self, spans)  # (not a subclass's: its own state is not made yet)

    def extend(self, spans: Iterable[tuple[int, int, T]]) -> None:
        """Add ``spans`` after those added (one that does not start at 0 or later and end after it
        starts is left out)."""
        starts, ends, payloads = self._starts, self._ends, self._payloads

        def kept() -> Iterator[tuple[int, int]]:
            for start, end, payload in spans:
                if 0 <= start <= end:
                    starts.append(start)
                    ends.append(end)
                    payloads.append(payload)
                    yield start, end

        _bucketed(self._buckets, len(starts), kept())

    @classmethod
    def over(cls, starts: array[int], ends: array[int], payloads: MutableSequence[T]) -> SpanIndex[T]:
        """The spans ``(starts[i], ends[i], payloads[i])``, each payload read only when its span is
        found (a table's claims: made when read, ``model.claim_table``). Every span must start at 0
        or later and end where it starts or after; ``payloads`` may hold more, after them. Spans
        are not added to such an index (``add``, ``extend``)."""
        index: SpanIndex[T] = SpanIndex()
        index._starts, index._ends, index._payloads = array(INT, starts), array(INT, ends), payloads
        _bucketed(index._buckets, 0, zip(starts, ends, strict=True))
        return index

    @classmethod
    def from_columns(cls, columns: Columns[T]) -> SpanIndex[T]:
        """The spans of ``columns`` (taken as they are, not copied), in their order, indexed at once
        (``PartIndex.of_columns``: a slice at a time); a span that ``extend`` would leave out is left
        out."""
        index: SpanIndex[T] = SpanIndex()
        index._starts, index._ends, index._payloads = _valid(*columns)
        _bucketed(index._buckets, 0, zip(index._starts, index._ends, strict=True))
        return index

    def __len__(self) -> int:
        return len(self._starts)

    @property
    def spans(self) -> list[tuple[int, int, T]]:
        """Every span, in the order added."""
        return list(zip(self._starts, self._ends, self._payloads, strict=False))  # (``over``: may hold more)

    def add(self, start: int, end: int, payload: T) -> None:
        if start < 0 or end < start:
            return
        index = len(self._payloads)
        self._starts.append(start)
        self._ends.append(end)
        self._payloads.append(payload)
        last = max(start, end - 1)
        for bucket in range(start // BUCKET, last // BUCKET + 1):
            self._buckets.setdefault(bucket, array(INT)).append(index)

    def replace(self, start: int, end: int, match: Callable[[T], bool], payload: T) -> bool:
        """Give the span ``(start, end)`` whose payload ``match``es a new payload (one bucket looked
        at); False when there is no such span."""
        for i in self._buckets.get(start // BUCKET, ()):
            if self._starts[i] == start and self._ends[i] == end and match(self._payloads[i]):
                self._payloads[i] = payload
                return True
        return False

    def overlapping(self, start: int, end: int) -> Iterator[tuple[int, int, T]]:
        """Spans that share at least one offset with ``[start, end)`` (a zero-length span at
        ``start`` counts when the range is empty), each once, in the order they were added."""
        last = max(start, end - 1)
        first_bucket, last_bucket = start // BUCKET, last // BUCKET
        if first_bucket == last_bucket:
            hits: Iterable[int] = self._buckets.get(first_bucket, ())
        else:
            found: set[int] = set()
            for bucket in range(first_bucket, last_bucket + 1):
                found.update(self._buckets.get(bucket, ()))
            hits = sorted(found)
        starts, ends, payloads = self._starts, self._ends, self._payloads
        for i in hits:
            s, e = starts[i], ends[i]
            if s < end and e > start or (s == e == start):
                yield s, e, payloads[i]

    def at(self, offset: int) -> list[tuple[int, int, T]]:
        """Spans holding ``offset``, the shortest first."""
        found = [(s, e, p) for s, e, p in self.overlapping(offset, offset + 1) if s <= offset < e]
        found.sort(key=lambda span: span[1] - span[0])
        return found


def starting_before(columns: Columns[T], bound: int) -> Iterator[tuple[int, int, T]]:
    """The spans of ``columns`` that start before ``bound``, in their order (chosen without a loop in
    Python)."""
    starts, ends, payloads = columns
    return compress(zip(starts, ends, payloads, strict=True), map(lt, starts, repeat(bound)))


def ending_from(columns: Columns[T], bound: int) -> Iterator[tuple[int, int, T]]:
    """The spans of ``columns`` that end at ``bound`` or after it, in their order."""
    starts, ends, payloads = columns
    return compress(zip(starts, ends, payloads, strict=True), map(ge, ends, repeat(bound)))


def _valid(starts: array[int], ends: array[int], payloads: MutableSequence[T]) -> Columns[T]:
    """The columns of spans, without those that do not start at 0 or later and end after they start."""
    if (not starts or min(starts) >= 0) and not any(map(gt, starts, ends)):
        return starts, ends, payloads
    keep = [0 <= start <= end for start, end in zip(starts, ends, strict=True)]
    return (
        array(INT, compress(starts, keep)),
        array(INT, compress(ends, keep)),
        list(compress(payloads, keep)),
    )


def _bucketed(buckets: dict[int, array[int]], index: int, spans: Iterable[tuple[int, int]]) -> None:
    """Put each span ``(start, end)`` of ``spans``, numbered from ``index`` on, in the buckets it
    overlaps (nearly always one)."""
    get = buckets.get
    for start, end in spans:
        first, last = start >> SHIFT, (end - 1) >> SHIFT
        if last <= first:  # (a quarter faster than a loop over one bucket)
            bucket = get(first)
            if bucket is None:
                buckets[first] = array(INT, (index,))
            else:
                bucket.append(index)
        else:
            for b in range(first, last + 1):
                bucket = get(b)
                if bucket is None:
                    buckets[b] = array(INT, (index,))
                else:
                    bucket.append(index)
        index += 1


class PartIndex(SpanIndex[T]):
    """Parts of an index, standing in for the whole index while it is made a few spans at a time
    (``step``), or at once when asked about anything outside the parts (``complete``).

    Each part ``(low, high, index)`` holds every span of the whole that can overlap a range within
    ``low``–``high`` (and maybe more), in the order of the whole: within a part it answers as the
    whole index does. A large text's first and last screens are drawn from such parts, indexed in a
    fraction of the time the whole takes; the whole is made while the reader waits for keys.
    """

    def __init__(
        self,
        parts: list[tuple[int, int, SpanIndex[T]]],
        spans: Callable[[], Iterable[tuple[int, int, T]]] | None,
    ) -> None:
        super().__init__()
        self._parts = parts
        self._spans: Callable[[], Iterable[tuple[int, int, T]]] | None = spans
        self._rest: Iterator[tuple[int, int, T]] | None = None
        self._columns: Callable[[], Columns[T]] | None = None
        self._placed: int | None = None  # (columns) how many spans are in their buckets
        self._completed = False

    @classmethod
    def of_columns(
        cls, parts: list[tuple[int, int, SpanIndex[T]]], columns: Callable[[], Columns[T]]
    ) -> PartIndex[T]:
        """The parts of the whole index whose spans are ``columns()``: their starts, their ends and
        their payloads, in order (read at the first step, at once: each step then puts ``count`` of
        them in their buckets). A span that does not start at 0 or later and end after it starts
        is left out, as ``extend`` leaves it."""
        index: PartIndex[T] = cls(parts, None)  # no spans: the columns stand for them
        index._columns = columns
        return index

    @property
    def completed(self) -> bool:
        """Whether the whole index is made: this index is then the whole."""
        return self._completed

    def step(self, count: int = 2048) -> bool:
        """Add the next ``count`` spans to the whole index; True once it is made."""
        if self._completed:
            return True
        if self._columns is not None:
            self._starts, self._ends, self._payloads = _valid(*self._columns())
            self._columns, self._placed = None, 0
        if self._placed is not None:
            placed, end = self._placed, min(self._placed + count, len(self._starts))
            _bucketed(
                self._buckets, placed, zip(self._starts[placed:end], self._ends[placed:end], strict=True)
            )
            self._placed = end
            done = end == len(self._starts)
        else:
            if self._rest is None:
                assert self._spans is not None
                self._rest, self._spans = iter(self._spans()), None
            spans = list(islice(self._rest, count))
            super().extend(spans)
            done = len(spans) < count  # the spans are all in
        if done:  # this is the whole
            self._completed, self._rest, self._placed, self._parts = True, None, None, []
        return self._completed

    def step_within(
        self, seconds: float, count: int = 512, clock: Callable[[], float] = time.perf_counter
    ) -> bool:
        """``step`` again and again, ``count`` spans at a time, until the whole index is made or
        ``seconds`` are spent (at least one step); True once it is made."""
        deadline = clock() + seconds
        while not self.step(count):
            if clock() >= deadline:
                return False
        return True

    def complete(self) -> SpanIndex[T]:
        """The whole index (this one), made now if it is not yet."""
        while not self.step(1 << 30):
            pass
        return self

    def __len__(self) -> int:
        self.complete()
        return super().__len__()

    @property
    def spans(self) -> list[tuple[int, int, T]]:
        self.complete()
        return super().spans

    def add(self, start: int, end: int, payload: T) -> None:
        self.complete()
        super().add(start, end, payload)

    def extend(self, spans: Iterable[tuple[int, int, T]]) -> None:
        self.complete()
        super().extend(spans)

    def replace(self, start: int, end: int, match: Callable[[T], bool], payload: T) -> bool:
        self.complete()
        return super().replace(start, end, match, payload)

    def overlapping(self, start: int, end: int) -> Iterator[tuple[int, int, T]]:
        if not self._completed:
            for low, high, part in self._parts:
                if low <= start and max(end, start + 1) <= high:  # every span that can overlap is there
                    return part.overlapping(start, end)
            self.complete()
        return super().overlapping(start, end)
