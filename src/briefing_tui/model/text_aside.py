"""A large file's text read straight from its bytes and set aside before the rest is decoded and cut.

The text of a large briefing is most of its bytes: decoding it, cutting the file into pieces past it
and composing it with the parser took some 75 ms per 10 MB, in the reader and again in the child
that builds the claims. When the text is a plain literal block (``model.text_scan``: only a shape
that leaves no doubt about what libyaml reads), ``set_text_aside`` reads it from the bytes and puts
a two-line block in its place (``text: |-`` and one line at the text's own indentation), and
``pieces.compose_in_pieces`` gives the ``text`` node its value and its lines in the file: the nodes
are those the parser makes of the file as written, marks included (line and column; the index of
the node's end is the placeholder's). Any other shape, or a file the pieces cannot read, is read as
written. A large file's text is set aside once, by the child that builds its claims, which shares
what it found with the reader (``share``; ``decoded`` and ``aside_from``: the reader only decodes
the text).
"""

from __future__ import annotations

from codecs import getincrementaldecoder
from collections.abc import Callable
from dataclasses import dataclass

from briefing_tui.model.safe_yaml import BOM
from briefing_tui.model.text_scan import block_value, literal_parts, parts_block

__all__ = ["Found", "TextAside", "aside_from", "decoded", "set_text_aside"]


@dataclass(frozen=True, slots=True)
class TextAside:
    """The text read from a file's bytes, and where its placeholder stands in what is left."""

    value: str
    line: int  # the 0-based line of the ``text:`` key, the same in the file and in what is left
    placeholder: str  # the lines standing for the text piece
    lines_out: int  # the lines of the text piece that the placeholder does not have


Found = tuple[int, int, int, bool]
"""What ``set_text_aside`` found besides the bytes it shares, for ``aside_from``: the ``text:`` key's
line, the block's indentation, the lines the placeholder does not have, and whether the text keeps
its last line break."""


def set_text_aside(
    held: list[bytes], share: Callable[[bytes, bytes, Found], None] | None = None
) -> tuple[bytes | None, TextAside | None]:
    """The file's bytes (``held``'s one item: the list is emptied, so that, held nowhere else, they
    are freed before the text is decoded) with its text piece replaced by a placeholder, and the
    text; the bytes as they are and None when the text is not a plain literal block (or the file
    starts with a byte order mark, which decoding drops); None and None when the text is not UTF-8
    (the bytes are gone by then: the caller decodes the file as written, which says where).

    ``share``: given what is left, the text's bytes before they are decoded and the rest of what
    was found, when the text is set aside, for another process to take (``aside_from``) rather
    than read the file's bytes again."""
    data = held.pop()
    scanned = None if data.startswith(BOM) else literal_parts(data)
    if scanned is None:
        return data, None
    key_at, end, parts, clip, indent = scanned
    placeholder = _placeholder(indent)
    line, lines_out = data.count(b"\n", 0, key_at), data.count(b"\n", key_at, end) - placeholder.count(b"\n")
    rest = data[:key_at] + placeholder + data[end:]
    del data  # before the text is joined and decoded: the file's bytes and its text never live at once
    text = parts_block(parts)
    if share is not None:
        share(rest, text, (line, indent, lines_out, clip))
    block = [text]
    del text  # held by the list alone: freed once decoded
    value = block_value(block, clip)
    if value is None:
        return None, None
    return rest, TextAside(value, line, placeholder.decode("ascii"), lines_out)


def decoded(text: bytes | memoryview) -> list[str] | None:
    """The text's UTF-8 bytes (as ``set_text_aside`` shares them) decoded a slice at a time, in
    order; None when they are not UTF-8. A decode holds the interpreter: the reader's keys, read
    meanwhile by another thread, wait for one slice (some 4 ms), not for the whole text (0.04 s at
    10 MB)."""
    decoder = getincrementaldecoder("utf-8")()  # (a character cut between two slices stays whole)
    try:
        parts = [decoder.decode(text[at : at + SLICE]) for at in range(0, len(text), SLICE)]
        parts.append(decoder.decode(b"", final=True))
    except UnicodeDecodeError:
        return None
    return parts


SLICE = 1 << 20
"""Bytes of a text decoded at a time (``decoded``)."""


def aside_from(rest: bytes, text: list[str] | None, found: Found) -> tuple[bytes | None, TextAside | None]:
    """What ``set_text_aside`` gives of a file, made of what it shared of it (``share``): what is
    left, the text (``decoded``: emptied as it is joined; None when it was not UTF-8), the rest of
    what it found."""
    if text is None:
        return None, None
    line, indent, lines_out, clip = found
    value = "".join(text)
    text.clear()
    if clip:
        value += "\n"  # (in place: nothing else holds the value)
    return rest, TextAside(value, line, _placeholder(indent).decode("ascii"), lines_out)


def _placeholder(indent: int) -> bytes:
    """The lines that stand for a text indented ``indent`` spaces in what is left of the file."""
    return b"text: |-\n" + b" " * indent + b"-\n"
