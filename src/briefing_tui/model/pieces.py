"""Reading a briefing file in pieces, so that a large one never has its whole node tree in memory.

A briefing is a mapping at the top level, and its big parts are the lists ``entities``, ``events``,
``claims`` and ``sources``. Each top-level key starts a line at column 0, and each item of such a
list starts a line ``- `` at the list's indentation. The file is cut at those lines and each piece
is composed on its own by the same libyaml parser: the top-level pieces at once, the items of the
lists a few at a time (``GROUP_ITEMS``) while the document is built, each item's nodes freed once
it is read, so that only a few items' nodes ever live at once.

This is only a way of reading, never a second set of rules. A piece is composed exactly as the
whole file would be, with the same depth (an item is composed under a one-line ``k:`` so that it
nests as deep as in the file). When the file is not in this shape, or any piece fails to compose
(a quoted scalar or a flow collection cut in two, a syntax error, an anchor, an alias, a tag,
another document, a lone carriage return…), ``Whole`` is raised and the loader reads the whole
file at once, which reports every such problem with its place. A cut inside a quoted scalar or a
flow collection always leaves one piece unterminated, and a line at column 0, or at a list's
indentation, always ends a block or plain scalar of an item: so when every piece composes, the
pieces hold the same nodes as the whole file.

Nodes keep their lines relative to their piece: top-level nodes are moved to their place in the
file, and while a list item is read ``Problems.offset`` holds the lines before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import yaml
from yaml.error import Mark

from briefing_tui.model.flow_pairs import SetAside
from briefing_tui.model.safe_yaml import (
    IMPLICIT,
    RARE_BREAKS,
    MappingNode,
    Node,
    Problems,
    ScalarNode,
    SequenceNode,
    _Parser,
    iter_nodes,
)
from briefing_tui.model.text_aside import TextAside

__all__ = ["LISTS", "LazySequence", "Whole", "compose_in_pieces"]

LISTS = frozenset(("entities", "events", "claims", "sources"))
"""The top-level lists read item by item."""
TOP_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?=[ \t\r\n]|\Z)")
_COMMENT = "(?:#[^\n\r\x85\u2028\u2029]*)?"  # up to the end of the line, as libyaml sees lines
LIST_HEAD = re.compile(rf"[A-Za-z_][A-Za-z0-9_-]*:[ \t]*{_COMMENT}\r?(?:\n|\Z)")
TOP_LINE = re.compile(r"\n(?=[^ \r\n#])")
BLANK = re.compile(rf"(?:[ \t]*{_COMMENT}\r?\n)*")
LONE_CR = re.compile(r"\r(?!\n)")
GROUP_ITEMS = 32
GROUP_CHARS = 16_384
"""List items are composed a few at a time: up to this many, or this much text, per piece. Few
enough that their nodes are still in the processor's cache when the items are built (measured on
the bench file: 3 % faster than 64 items or 32 KB; 4 items or 2 KB, more pieces, are slower)."""
MIN_BYTES = 0
"""Files shorter than this are read whole. 0: every file in the shape is read in pieces, small ones
included, so that every test of the loader goes through this path (the cost is small)."""


class Whole(Exception):  # noqa: N818 - an instruction, not a failure
    """The file cannot be read in pieces: read it whole (which reports its problems)."""


class LazySequence(SequenceNode):
    """A top-level list whose items are composed one at a time, as they are read (once): its
    ``value`` reads them all; its ``pieces`` can be read a part at a time (``Pieces.read``)."""

    def __init__(self, start_mark: Mark, pieces: Pieces) -> None:
        super().__init__(IMPLICIT, pieces.read(), start_mark, start_mark)  # type: ignore[arg-type]
        self.pieces = pieces

    def drain(self) -> None:
        """Compose the items not read (a duplicated key, a document that failed early), for their errors."""
        for _ in self.value:
            pass


def _break_counter(source: str) -> Callable[[int, int], int]:
    """Counts the line breaks between two offsets of ``source`` as libyaml counts them (CR LF is one).

    Each kind of break counted is a pass over the text: a file without the rare ones (nearly every
    file) has only its LFs counted.
    """
    count = source.count
    if not any(rare in source for rare in RARE_BREAKS):  # (a CR is never alone in a file read in pieces)
        return lambda start, end: count("\n", start, end)
    return lambda start, end: sum(count(b, start, end) for b in ("\n", *RARE_BREAKS))


STREAM_CHARS = 1 << 20
"""A top-level piece this long (a large text) is read by the parser as a stream: see ``_Range``."""


class _Range:
    """``text[start:end]`` read by the parser as a stream, a little at a time, so that a large piece
    (the text of a large file) is never copied whole, neither as a string nor as its UTF-8 bytes.

    The parser reads the same UTF-8 either way: it encodes each piece of string it reads, and a piece
    that starts with an ASCII character is read as UTF-8, as a string is (``_range``)."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.at, self.end = text, start, start, end

    def read(self, size: int = -1) -> str:
        stop = self.end if size < 0 else min(self.end, self.at + size)
        chunk = self.text[self.at : stop]
        self.at = stop
        return chunk

    def holds(self, char: str) -> bool:
        return self.text.find(char, self.start, self.end) >= 0


def _range(source: str, start: int, end: int) -> str | _Range:
    """The piece ``source[start:end]``: a ``_Range`` when it is long, starts with ASCII and holds no ``&``
    nor ``*`` (the anchors are looked for in a copy), else the string."""
    if end - start < STREAM_CHARS or not source[start].isascii():
        return source[start:end]
    piece = _Range(source, start, end)
    return source[start:end] if piece.holds("&") or piece.holds("*") else piece


def _holds(text: str | bytes | _Range, char: str) -> bool:
    if isinstance(text, _Range):
        return text.holds(char)
    return (char if isinstance(text, str) else char.encode()) in text  # type: ignore[operator]


def _has_anchors(text: str | bytes | _Range) -> bool:
    if not _holds(text, "&") and not _holds(text, "*"):
        return False
    assert not isinstance(text, _Range)  # a range holds neither (``_range``)
    try:
        for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if getattr(event, "anchor", None) is not None:
                return True
    except yaml.YAMLError:
        return True
    return False


def _has_tags(root: Node) -> bool:
    return any(node.tag is not IMPLICIT for node in iter_nodes(root))


def _compose(text: str | bytes | _Range) -> MappingNode:
    """One piece, which must be a mapping; any problem at all means the file is read whole.

    A piece in bytes is UTF-8 (the parser reads a ``str`` as its UTF-8 bytes too).
    """
    if _has_anchors(text):
        raise Whole
    parser = _Parser(text)
    try:
        root = parser.get_single_node()
    except (yaml.YAMLError, ValueError, TypeError, UnicodeError, RecursionError, MemoryError):
        raise Whole from None
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()
    if not isinstance(root, MappingNode) or (_holds(text, "!") and _has_tags(root)):
        raise Whole
    return root


def _take_text(piece: MappingNode, aside: TextAside, at: int) -> int:
    """Give the placeholder's node in ``piece`` (its key at the piece's line ``at``) the text set
    aside and the end it has in the file; the lines the placeholder does not have are returned."""
    found = [v for k, v in piece.value if k.start_mark.line == at and getattr(k, "value", None) == "text"]
    node = found[0] if len(found) == 1 else None
    if not isinstance(node, ScalarNode) or (node.value, node.style) != ("-", "|"):
        raise Whole  # pragma: no cover - the placeholder is what ``set_text_aside`` wrote
    end = node.end_mark
    node.value = aside.value
    node.end_mark = Mark(end.name, end.index, end.line + aside.lines_out, end.column, None, 0)
    return aside.lines_out


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and not node.style and node.value == ""


def _move(root: Node, lines: int) -> None:
    """Give every node of a top-level piece its line in the file."""
    if not lines:
        return
    for node in iter_nodes(root):
        for name in ("start_mark", "end_mark"):
            mark = getattr(node, name)
            setattr(node, name, Mark(mark.name, mark.index, mark.line + lines, mark.column, None, 0))


def _items(
    source: str, start: int, end: int, line: int, problems: Problems, breaks: Callable[[int, int], int]
) -> Pieces | None:
    """The items of a block list held in ``source[start:end]`` (``line`` lines before ``start``)."""
    blank = BLANK.match(source, start, end)
    first = blank.end() if blank else start
    indent = 0
    while first + indent < end and source[first + indent] == " ":
        indent += 1
    after = first + indent + 1
    if first + indent >= end or source[first + indent] != "-":
        return None
    if after < end and source[after] not in " \t\r\n":
        return None
    item = re.compile(r"\n(?= {%d}-(?:[ \t\r\n]|\Z))" % indent)  # noqa: UP031 - a pattern
    cuts = [start]
    count = 0
    for match in item.finditer(source, first, end):
        count += 1
        if count >= GROUP_ITEMS or match.end() - cuts[-1] >= GROUP_CHARS:
            cuts.append(match.end())
            count = 0
    cuts.append(end)
    # Each piece kept as its UTF-8 bytes (what the parser reads), with its line breaks: the items
    # are read without the file's text, which can be freed while the document is built.
    bounds = list(zip(cuts, cuts[1:], strict=False))
    try:
        chunks: list[bytes | None] = [source[a:b].encode("utf-8") for a, b in bounds]
    except UnicodeError:  # a lone surrogate (never in a decoded file): the parser refuses it too
        raise Whole from None
    return Pieces(chunks, [breaks(a, b) for a, b in bounds], line, problems, indent)


class Pieces:
    """A list's items, a few to a piece (its UTF-8 bytes and line breaks), each piece composed when
    read and freed then. ``read`` goes on from the first piece not read yet; ``skip`` passes pieces
    whose items are read elsewhere (``split_load``)."""

    def __init__(
        self, chunks: list[bytes | None], breaks: list[int], line: int, problems: Problems, indent: int = 0
    ) -> None:
        self.chunks, self.breaks, self.line, self.problems = chunks, breaks, line, problems
        self.indent = indent
        """Of the list's items (the spaces before their ``-``)."""
        self.next = 0
        """The first piece not read."""
        self.quick: Quick | None = None
        """Reads the items of a piece in the usual shape without the parser (``quick_items``), given
        the piece, the lines before it and the items' indent: those items, in order, between the
        runs of others (their lines before them and their bytes), or None for none."""

    def __len__(self) -> int:
        return len(self.chunks)

    def skip(self, stop: int | None = None) -> None:
        """Pass the pieces up to ``stop`` (all: None) unread."""
        stop = len(self.chunks) if stop is None else stop
        while self.next < stop:
            self.chunks[self.next] = None
            self.line += self.breaks[self.next]
            self.next += 1

    def read(self, stop: int | None = None) -> Iterator[Node]:
        """The items of the pieces up to ``stop`` (all: None), from the first not read."""
        chunks, problems = self.chunks, self.problems
        try:
            while self.next < (len(chunks) if stop is None else stop):
                at = self.next
                piece = chunks[at]
                assert piece is not None
                chunks[at] = None  # freed once composed
                parts = None if self.quick is None else self.quick(piece, self.line, self.indent)
                items = _items_of(piece) if parts is None else None
                del piece
                problems.offset = self.line - 1  # the piece starts with one line of its own
                self.line += self.breaks[at]
                self.next += 1
                if parts is not None:
                    yield from _parts(parts, problems)
                    continue
                assert items is not None
                for index in range(len(items)):
                    node = items[index]
                    items[index] = None  # freed once read
                    yield node
                    del node
        finally:
            problems.offset = 0


Quick = Callable[[bytes, int, int], "list[Any] | None"]
"""``Pieces.quick``."""


def _parts(parts: list[Any], problems: Problems) -> Iterator[Any]:
    """The items a piece's ``parts`` hold: those read already, and the nodes of each run of others,
    composed as a piece is (``problems.offset`` set for it while its nodes are read)."""
    for index, part in enumerate(parts):
        parts[index] = None
        if type(part) is not tuple:
            yield part
            continue
        lines, run = part
        problems.offset = lines - 1
        yield from _items_of(run)
        del run, part


def _items_of(piece: bytes) -> list[Any]:
    """The items of a piece of a list, its lists of compact positions read aside (``flow_pairs``)."""
    aside = SetAside.of(piece, lines_before=1)
    if aside is not None:
        try:
            items = _list_of(_compose(b"k:\n" + aside.text))
        except Whole:  # perhaps for the lists set aside: composed as written below, which tells
            items = None
        if items is not None and aside.take_in(items):
            return items
    items = _list_of(_compose(b"k:\n" + piece))
    if items is None:
        raise Whole
    return items


def _list_of(root: MappingNode) -> list[Any] | None:
    """The items of ``k:`` followed by a piece of a list, or None when it is not that."""
    pairs = root.value
    value = pairs[0][1] if len(pairs) == 1 else None
    return value.value if isinstance(value, SequenceNode) and value.value else None


def compose_in_pieces(
    source: str, problems: Problems, aside: TextAside | None = None
) -> tuple[MappingNode, Callable[[], None]]:
    """The root of the file with its lists read lazily, and a function that reads what was left.
    ``aside``: the text read from the file's bytes, ``source`` holding its placeholder (``text_aside``).

    Raises ``Whole`` when the file must be read at once instead (at any time until the function
    returned has run).
    """
    if len(source) < MIN_BYTES or ("\r" in source and LONE_CR.search(source)):
        raise Whole
    starts = [0] if source[:1] not in ("", " ", "\r", "\n", "#") else []
    starts += [m.end() for m in TOP_LINE.finditer(source)]
    if not starts or BLANK.match(source, 0, starts[0]).end() != starts[0]:  # type: ignore[union-attr]
        raise Whole  # no key at column 0, or something before the first one
    breaks = _break_counter(source)
    pairs: list[tuple[Node, Node]] = []
    lazy: list[LazySequence] = []
    line = 0  # lines before the piece
    bounds = [*starts, len(source)]
    root_mark: Mark | None = None
    for key_at, b in zip(bounds, bounds[1:], strict=False):
        a = 0 if key_at == starts[0] else key_at  # the first piece holds what comes before its key
        match = TOP_KEY.match(source, key_at)
        if match is None:
            raise Whole
        head = LIST_HEAD.match(source, key_at, b) if match.group(1) in LISTS else None
        items, extra = None, 0
        if head is not None:
            lines_to_items = line + breaks(a, head.end())
            items = _items(source, head.end(), b, lines_to_items, problems, breaks)
        if items is None:
            piece = _compose(_range(source, a, b))
            if aside is not None and match.group(1) == "text" and line <= aside.line < line + breaks(a, b):
                extra = _take_text(piece, aside, aside.line - line)  # the lines it stands for
                aside = None
            _move(piece, line)
            pairs.extend(piece.value)
        else:
            assert head is not None
            piece = _compose(_range(source, a, head.end()))
            if len(piece.value) != 1 or not _is_null(piece.value[0][1]):
                raise Whole
            _move(piece, line)
            key = piece.value[0][0]
            node = LazySequence(key.start_mark, items)
            lazy.append(node)
            pairs.append((key, node))
        if root_mark is None and pairs:
            root_mark = pairs[0][0].start_mark
        line += breaks(a, b) + extra
    if root_mark is None or aside is not None:  # (a text set aside and not found: read as written)
        raise Whole
    root = MappingNode(IMPLICIT, pairs, root_mark, root_mark)  # type: ignore[arg-type]

    def drain() -> None:
        for node in lazy:
            node.drain()

    return root, drain
