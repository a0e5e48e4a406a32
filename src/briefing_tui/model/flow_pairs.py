"""Lists of compact positions on one line, read by a pattern rather than composed into nodes.

Generated files write an entity's mentions as one flow list of compact positions on one line,
``mentions: [[120, 125], [480, 485]]`` (docs/format.md). Composed, each position is three nodes: the
100,000 annotations of a large file make some 300,000, nearly a third of the time it takes to read.

Here, in a piece of a list (``pieces.Pieces``) about to be composed, each line of that exact shape has
its list set aside: replaced by a double-quoted scalar as long (nothing else on the line or after it
moves), its positions read from the line. Once the piece is composed, each scalar put there must be
found where it was put, as the value of the ``mentions`` key of an item; it is then replaced by a
``FlowPairs`` node, which holds the positions. When any is not found so (a line inside a block or
quoted scalar that only looks like one), the piece is composed again as written: this is a faster
way of reading, never other rules.

The builder (``build_spans``) takes the positions from a ``FlowPairs`` when every one lies within the
text, as it would from the nodes; else it asks for the nodes (``FlowPairs.nodes``), made as the
parser would have made them, with their places, and reads them as written.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from itertools import accumulate

from yaml.error import Mark

from briefing_tui.model.safe_yaml import IMPLICIT, RARE_BREAKS, MappingNode, Node, ScalarNode, SequenceNode

_NUMBER = rb"(?:0|[1-9][0-9]{0,14})"  # plain decimal, as ``build_spans._pair`` reads it
_PAIR = rb"\[%s, %s\]" % (_NUMBER, _NUMBER)
LINE = re.compile(rb"^( +mentions: )(\[%s(?:, %s)*\])[ \t]*\r?$" % (_PAIR, _PAIR), re.MULTILINE)
"""A line ``mentions: [[S, E], ...]``: the key indented, its list alone on the line."""
NUMBERS = re.compile(rb"[0-9]+")
RARE_BREAK_BYTES = tuple(b.encode() for b in RARE_BREAKS)
"""The line breaks libyaml counts besides LF, in UTF-8: a piece holding one is composed as written."""


@dataclass(frozen=True, slots=True)
class _Aside:
    """A list set aside: its numbers as written, and where it is on its line."""

    column: int  # the 0-based column of the list's ``[``
    width: int  # its characters, as those of the scalar put in its place
    values: list[int]  # the start and end of each position in turn (written in plain decimal)


class SetAside:
    """A piece of a list with its lines of compact positions set aside (``of``), and how to find them
    in the nodes composed from ``text`` (``take_in``)."""

    def __init__(self, text: bytes, lists: dict[tuple[int, int], _Aside]) -> None:
        self.text = text
        self.lists = lists  # by the line (0-based, in ``text``) and column of the scalar put there

    @classmethod
    def of(cls, piece: bytes, lines_before: int = 0) -> SetAside | None:
        """``piece`` with its lists of compact positions set aside; None when it has none (or holds
        a rare line break). ``lines_before``: lines put before the piece when it is composed."""
        if b"mentions: [[" not in piece:
            return None
        matches = list(LINE.finditer(piece))
        if not matches or any(rare in piece for rare in RARE_BREAK_BYTES):
            return None
        out, lists = bytearray(), {}
        done = line = 0
        for match in matches:
            start, end = match.span(2)
            line += piece.count(b"\n", done, start)
            column = start - match.start()  # the line's start is ASCII: bytes are characters
            aside = _read(match.group(2), column)
            if aside is None:  # a position ending before it starts: read as written, and reported
                continue
            out += piece[done:start]
            out += b'"' + b"~" * (end - start - 2) + b'"'
            done = end
            lists[(lines_before + line, column)] = aside
        if not lists:
            return None
        out += piece[done:]
        return cls(bytes(out), lists)

    def take_in(self, items: list[Node]) -> bool:
        """Replace each scalar put in place of a list, in ``items`` (the piece's list items), by its
        ``FlowPairs``; False when any is not where it was put (compose the piece as written)."""
        lists, found = self.lists, 0
        for item in items:
            if type(item) is not MappingNode:
                continue
            pairs = item.value
            for index, (key, value) in enumerate(pairs):
                if type(key) is not ScalarNode or key.value != "mentions" or key.style:
                    continue
                if type(value) is not ScalarNode or value.style != '"':
                    continue
                mark = value.start_mark
                aside = lists.get((mark.line, mark.column))
                if aside is None or value.end_mark.column - mark.column != aside.width:
                    continue
                pairs[index] = (key, FlowPairs(value, aside))
                found += 1
        return found == len(lists)


def _read(written: bytes, column: int) -> _Aside | None:
    values = list(map(int, NUMBERS.findall(written)))
    if any(map(operator.gt, values[0::2], values[1::2])):
        return None
    return _Aside(column, len(written), values)


class FlowPairs(SequenceNode):
    """A list of compact positions read from its line (``SetAside``), in the place of its nodes;
    ``value`` makes the nodes (``nodes``) when anything reads it as a list."""

    def __init__(self, scalar: ScalarNode, aside: _Aside) -> None:  # noqa: D107
        # (not SequenceNode's ``__init__``: the nodes are made only when asked for)
        self.tag = IMPLICIT  # type: ignore[assignment]
        self.start_mark, self.end_mark = scalar.start_mark, scalar.end_mark
        self.flow_style = True
        self.aside = aside
        self._nodes: list[Node] | None = None

    @property
    def value(self) -> list[Node]:  # type: ignore[override]
        if self._nodes is None:
            self._nodes = self._make()
        return self._nodes

    def fields(self, length: int, line: int) -> list[int] | None:
        """Start, end, line and column (1-based, in the file) of each position, as ``PositionSpans``
        holds them, the list being on ``line`` of the file (``Problems.at``); None when a position
        ends past ``length`` (read the nodes instead)."""
        values = self.aside.values
        if max(values[1::2]) > length:
            return None
        count = len(values) // 2
        out = [0] * (4 * count)
        out[0::4], out[1::4] = values[0::2], values[1::2]
        out[2::4] = [line] * count
        out[3::4] = [column + 1 for column in self._columns()]
        return out

    def nodes(self) -> SequenceNode:
        """The list as the parser makes it from the line as written."""
        return SequenceNode(IMPLICIT, self.value, self.start_mark, self.end_mark, flow_style=True)  # type: ignore[arg-type]

    def _columns(self) -> list[int]:
        """The 0-based column of each position's ``[``: ``[[S, E], [S, E]]``, one after the other
        (each ``[S, E], `` six characters more than its digits, the numbers written as ``str`` says)."""
        digits = list(map(len, map(str, self.aside.values)))
        before = list(accumulate(map(operator.add, digits[0::2], digits[1::2])))  # digits up to each
        first = self.aside.column + 1
        return [first, *map(operator.add, before[:-1], range(first + 6, first + 6 * len(before), 6))]

    def _make(self) -> list[Node]:
        start = self.start_mark
        first = start.column

        def mark(column: int) -> Mark:
            return Mark(start.name, start.index + column - first, start.line, column, None, 0)

        values = self.aside.values
        made: list[Node] = []
        for at, column in enumerate(self._columns()):
            a, b = str(values[2 * at]), str(values[2 * at + 1])
            b_at = column + 3 + len(a)
            items: list[Node] = [
                ScalarNode(IMPLICIT, a, mark(column + 1), mark(column + 1 + len(a))),  # type: ignore[arg-type]
                ScalarNode(IMPLICIT, b, mark(b_at), mark(b_at + len(b))),  # type: ignore[arg-type]
            ]
            end = mark(b_at + len(b) + 1)
            made.append(SequenceNode(IMPLICIT, items, mark(column), end, flow_style=True))  # type: ignore[arg-type]
        return made
