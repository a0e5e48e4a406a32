"""A bucketed index of spans over a text, to find the spans that overlap a line quickly.

Pure (no textual): a 10 MB text with 100,000 spans answers an overlap query by looking at one or two
buckets instead of every span.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")

BUCKET = 4096
SHIFT = BUCKET.bit_length() - 1  # offset >> SHIFT is offset // BUCKET
INT = "i" if array("i").itemsize >= 4 else "l"
"""Offsets and indexes fit in 32 bits: a text is at most 64 MiB (the largest file read)."""


class SpanIndex(Generic[T]):
    """Spans ``(start, end, payload)`` found by overlap with a range of offsets.

    Offsets are kept in arrays of machine integers rather than as tuples of Python ints: a large
    document's 100,000 spans take a few MB instead of some 15.
    """

    def __init__(self, spans: Iterable[tuple[int, int, T]] = ()) -> None:
        self._starts = array(INT)
        self._ends = array(INT)
        self._payloads: list[T] = []
        self._buckets: dict[int, array[int]] = {}
        starts, ends, payloads = self._starts, self._ends, self._payloads
        buckets = self._buckets
        get = buckets.get
        index = 0
        for start, end, payload in spans:
            if not 0 <= start <= end:
                continue
            starts.append(start)
            ends.append(end)
            payloads.append(payload)
            first, last = start >> SHIFT, (end - 1) >> SHIFT
            for b in (first,) if last <= first else range(first, last + 1):  # nearly always one
                bucket = get(b)
                if bucket is None:
                    buckets[b] = array(INT, (index,))
                else:
                    bucket.append(index)
            index += 1

    def __len__(self) -> int:
        return len(self._payloads)

    @property
    def spans(self) -> list[tuple[int, int, T]]:
        """Every span, in the order added."""
        return list(zip(self._starts, self._ends, self._payloads, strict=True))

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


class PartIndex(SpanIndex[T]):
    """The spans of an index that start before ``bound``, standing in for the whole index until asked
    about anything past ``bound``: the whole index is then made (``whole``), and answers from then on.

    Within ``bound`` it answers as the whole index does: the spans given must be those of the whole
    that start before ``bound``, in the same order. A large text's first screens are drawn from such
    a part, indexed in a fraction of the time; the whole is made just after (``complete``).
    """

    def __init__(
        self, spans: Iterable[tuple[int, int, T]], bound: int, whole: Callable[[], SpanIndex[T]]
    ) -> None:
        super().__init__(spans)
        self._bound = bound
        self._make_whole: Callable[[], SpanIndex[T]] | None = whole
        self._whole: SpanIndex[T] | None = None

    def complete(self) -> SpanIndex[T]:
        """The whole index, made now if it is not yet."""
        if self._whole is None:
            assert self._make_whole is not None
            self._whole, self._make_whole = self._make_whole(), None
        return self._whole

    @property
    def completed(self) -> bool:
        return self._whole is not None

    def __len__(self) -> int:
        return len(self.complete())

    @property
    def spans(self) -> list[tuple[int, int, T]]:
        return self.complete().spans

    def add(self, start: int, end: int, payload: T) -> None:
        self.complete().add(start, end, payload)

    def replace(self, start: int, end: int, match: Callable[[T], bool], payload: T) -> bool:
        return self.complete().replace(start, end, match, payload)

    def overlapping(self, start: int, end: int) -> Iterator[tuple[int, int, T]]:
        if self._whole is None and max(end, start + 1) <= self._bound:  # every span that can overlap is here
            return super().overlapping(start, end)
        return self.complete().overlapping(start, end)
