"""A briefing's ``text`` read straight from the file's bytes, when it is a plain literal block.

The text of a large briefing is a literal block (``text: |-``, then every line indented), and
composing it with the parser takes some 0.15 s per 10 MB. ``literal_text`` reads such a block
itself, only when its shape leaves no doubt about what libyaml would read: a top-level
``text: |`` or ``text: |-`` line, one indentation set by the first line, every other line either
empty or indented at least as much with something on it, no carriage return, and no character
that libyaml refuses or reads as a line break or a mark (controls, NEL, LS, PS, byte order marks,
U+FFFE and U+FFFF). Anything else (comments inside the block, lines of spaces, tabs in the
indentation, ``|+``, an explicit indentation) answers None, and the parser reads the block.
``tests/unit/model/test_text_scan.py`` compares it with the parser on generated blocks.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

__all__ = [
    "LiteralParts",
    "LiteralText",
    "block_value",
    "literal_parts",
    "literal_text",
    "parts_block",
    "parts_value",
]

_HEAD = re.compile(rb"text: \|(-?)\n( +)(?=[^ \t\n\r])")
_C1 = re.compile(rb"\xc2[\x80-\x9f]")  # C1 controls and NEL
_BREAKS = re.compile(rb"\xe2\x80[\xa8\xa9]")  # LS and PS
_MARKS = re.compile(rb"\xef(?:\xbb\xbf|\xbf[\xbe\xbf])")  # a byte order mark, U+FFFE and U+FFFF
_CONTROLS = bytes(b if b in (9, 10) or 32 <= b < 127 or b >= 128 else 0 for b in range(256))


@lru_cache(maxsize=8)
def _line_out(indent: int) -> re.Pattern[bytes]:
    """A line break followed by a line that is neither empty nor indented ``indent`` spaces with text."""
    return re.compile(rb"\n(?!\n| {%d} *[^ \n])" % indent)


class LiteralText(NamedTuple):
    """A top-level ``text`` read from a file's bytes: the bytes ``data[start:end]`` are its piece (up
    to the next top-level line or comment), ``value`` what libyaml reads of it, and ``indent`` the
    block's indentation."""

    start: int
    end: int
    value: str
    indent: int


class LiteralParts(NamedTuple):
    """``LiteralText`` before its value is decoded: the value's UTF-8 bytes in ``parts`` (each a
    megabyte or so) that ``parts_value`` joins and decodes, without the file's bytes."""

    start: int
    end: int
    parts: list[bytes]
    clip: bool  # ``|`` (not ``|-``) with blank lines after the text: the last line break stays
    indent: int


def literal_text(data: bytes) -> LiteralText | None:
    """The top-level ``text`` of ``data`` (``LiteralText``); None when not plainly in shape."""
    found = literal_parts(data)
    if found is None:
        return None
    value = parts_value(found.parts, found.clip)
    return None if value is None else LiteralText(found.start, found.end, value, found.indent)


def parts_value(parts: list[bytes], clip: bool) -> str | None:
    """The text that ``literal_parts`` found, decoded (``parts`` is emptied as it is joined); None
    when it is not UTF-8."""
    return block_value([parts_block(parts)], clip)


def parts_block(parts: list[bytes]) -> bytes:
    """The lines ``literal_parts`` found, joined (``parts`` is emptied): the text's UTF-8 bytes."""
    block = b"\n".join(parts)
    parts.clear()
    return block


def block_value(held: list[bytes], clip: bool) -> str | None:
    """The text whose bytes ``parts_block`` joined (``held``'s one item: the list is emptied, so
    that, held nowhere else, they are freed once decoded); None when they are not UTF-8."""
    try:
        value = str(held.pop(), "utf-8")
    except UnicodeDecodeError:
        return None
    if clip:
        value += "\n"  # (in place: nothing else holds the value)
    return value


def literal_parts(data: bytes) -> LiteralParts | None:
    """The top-level ``text`` of ``data`` (``LiteralParts``); None when not plainly in shape."""
    key_at = data.find(b"\ntext: |") + 1
    if key_at == 0:
        return None
    head = _HEAD.match(data, key_at)
    if head is None:
        return None
    start = head.start(2)
    indent = len(head.group(2))
    out = _line_out(indent).search(data, start)
    end = len(data) if out is None else out.start() + 1
    if end < len(data) and (data[end] in b" \t\n\r" or data[end] >= 0x80):
        # a less indented line, a line of blanks, or a line that may start with a line break of
        # YAML's own (NEL, LS, PS) or a byte order mark: the parser knows what it means
        return None
    stop = end
    while stop > start and data[stop - 1] == 10:  # the blank lines after the last line of text
        stop -= 1
    parts = []  # the block a megabyte at a time, cut at line breaks: never held whole, nor line by line
    at = start
    while at < stop:
        cut = data.find(b"\n", min(at + _CHUNK, stop), stop)
        cut = stop if cut < 0 else cut
        part = _lines_of(data[at:cut], indent)
        if part is None:
            return None
        parts.append(part)
        at = cut + 1
    clip = not head.group(1) and stop < end  # clip: the last line break stays
    return LiteralParts(key_at, end, parts, clip, indent)


_CHUNK = 1 << 20


def _lines_of(chunk: bytes, indent: int) -> bytes | None:
    """Whole lines of a block, each without its indentation (every line is empty or has it, as
    ``_line_out`` checked); None when they hold a byte the parser would read otherwise. A character's
    bytes are never cut apart: a chunk ends at a line break."""
    if b"\r" in chunk or b"\0" in chunk.translate(_CONTROLS) or _C1.search(chunk) or _BREAKS.search(chunk):
        return None
    if b"\xef" in chunk and _MARKS.search(chunk):
        return None
    return b"\n".join([line[indent:] for line in chunk.split(b"\n")])
