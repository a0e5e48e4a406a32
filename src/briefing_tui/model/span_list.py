"""Mentions written as positions, kept as machine integers: a list of spans made when read.

A generated file writes its mentions as ``[start, end]`` by the hundred thousand. As ``PositionSpan``
objects, each with its four Python ints and its place in a list, one takes some 200 bytes; here it
takes 16 (four integers in an array), and a span is made when it is read. Pure: stdlib only.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, MutableSequence
from typing import overload

from briefing_tui.model.types import AnchorStatus, PositionSpan, Span

__all__ = ["INT", "PositionSpans", "anchored_columns", "anchored_positions"]

INT = "i" if array("i").itemsize >= 4 else "l"
"""The typecode of arrays of offsets, lines, columns and indexes: 32-bit integers, which they fit (a
file is at most 64 MiB, ``file_bytes.MAX_BYTES``)."""
_EXACT = AnchorStatus.EXACT


class PositionSpans(MutableSequence[Span]):
    """Exact spans of a text written as their positions, as a list of them reads.

    Each span read is a new ``PositionSpan`` equal to the one added: nothing changes a span of a
    loaded document in place (an edit replaces the list). Changing the list itself (append, remove,
    assign an item) turns it into a list of the spans, which it then is.
    """

    __slots__ = ("_fields", "_spans")

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self._fields = array(INT)  # start, end, line, column of each span in turn
        made = list(spans)
        self._spans: list[Span] | None = made or None  # the spans as objects, once the list is changed

    @classmethod
    def of(cls, fields: list[int]) -> PositionSpans:
        """The spans whose start, end, line and column are each four of ``fields`` in turn."""
        spans = cls.__new__(cls)  # (not ``__init__``: its own empty array and list are not needed)
        spans._fields = array(INT, fields)
        spans._spans = None
        return spans

    def add(self, start: int, end: int, line: int, column: int) -> None:
        """Add the exact span ``[start, end]`` written at ``line``:``column`` of its file."""
        if self._spans is not None:
            self._spans.append(PositionSpan(start, end, _EXACT, None, line, column))
        else:
            self._fields.extend((start, end, line, column))

    def positions(self) -> Iterator[tuple[int, int]]:
        """``(start, end)`` of each anchored span, in order, without making the spans."""
        if self._spans is not None:
            yield from ((s.start, s.end) for s in self._spans if s.anchored)
            return
        fields = self._fields
        yield from zip(fields[0::4], fields[1::4], strict=True)

    def _made(self) -> list[Span]:
        if self._spans is None:
            self._spans = list(self)
            self._fields = array(INT)
        return self._spans

    def __len__(self) -> int:
        return len(self._spans) if self._spans is not None else len(self._fields) // 4

    def __iter__(self) -> Iterator[Span]:
        if self._spans is not None:
            yield from self._spans
            return
        fields = self._fields
        for at in range(0, len(fields), 4):
            yield PositionSpan(fields[at], fields[at + 1], _EXACT, None, fields[at + 2], fields[at + 3])

    @overload
    def __getitem__(self, index: int) -> Span: ...
    @overload
    def __getitem__(self, index: slice) -> list[Span]: ...
    def __getitem__(self, index: int | slice) -> Span | list[Span]:
        if self._spans is not None:
            return self._spans[index]
        if isinstance(index, slice):
            return list(self)[index]
        count = len(self._fields) // 4
        at = index + count if index < 0 else index
        if not 0 <= at < count:
            raise IndexError("list index out of range")
        f = self._fields
        return PositionSpan(f[4 * at], f[4 * at + 1], _EXACT, None, f[4 * at + 2], f[4 * at + 3])

    @overload
    def __setitem__(self, index: int, value: Span) -> None: ...
    @overload
    def __setitem__(self, index: slice, value: Iterable[Span]) -> None: ...
    def __setitem__(self, index: int | slice, value: Span | Iterable[Span]) -> None:
        self._made()[index] = value  # type: ignore[index,assignment]

    def __delitem__(self, index: int | slice) -> None:
        del self._made()[index]

    def insert(self, index: int, value: Span) -> None:
        self._made().insert(index, value)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PositionSpans) and self._spans is None and other._spans is None:
            return self._fields == other._fields  # the same positions: the same spans
        if isinstance(other, PositionSpans | list):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=False))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # as a list: changeable

    def __repr__(self) -> str:
        return repr(list(self))


def anchored_positions(spans: Iterable[Span]) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each anchored span of ``spans``, read as integers when they are kept so."""
    if isinstance(spans, PositionSpans):
        return spans.positions()
    return ((s.start, s.end) for s in spans if s.anchored)


def anchored_columns(spans: Iterable[Span]) -> tuple[array[int], array[int]]:
    """``anchored_positions`` as two arrays, their starts and their ends (positions kept as integers
    are read off without a loop in Python)."""
    if isinstance(spans, PositionSpans) and spans._spans is None:
        fields = spans._fields
        return fields[0::4], fields[1::4]
    positions = list(anchored_positions(spans))
    return array(INT, (start for start, _ in positions)), array(INT, (end for _, end in positions))
