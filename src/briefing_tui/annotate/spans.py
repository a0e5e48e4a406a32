"""Span look-ups in logarithmic time: a 1 MB article holds tens of thousands of mentions."""

from __future__ import annotations

import bisect


def within(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``spans`` (sorted by start) that lie inside ``start:end``."""
    i = bisect.bisect_left(spans, (start, -1))
    out = []
    while i < len(spans) and spans[i][0] < end:
        if spans[i][1] <= end:
            out.append(spans[i])
        i += 1
    return out


class Taken:
    """Non-overlapping spans already claimed; ``free`` and ``take`` in O(log n)."""

    def __init__(self, spans: list[tuple[int, int]] | None = None) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans or []):
            if self.free(start, end):
                self.take(start, end)

    def free(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # spans that start before ``end``
        return i == 0 or self.ends[i - 1] <= start

    def take(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
