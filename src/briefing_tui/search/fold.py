"""Folding: accent-, case- and typography-insensitive copies of a text, with offsets back to it.

A folded copy is built once per text and searched with ``str.find``. Each original character folds
to zero, one or more characters (``é`` -> ``e``, ``’`` -> ``'``, ``œ`` -> ``oe``, a combining accent
-> nothing). The copy keeps ONE character for each original character that folds to one or more:
a character that folds to several (``œ``) is written as a stand-in, a reserved code point that
means its letters (``oe``) in this copy only. Offsets in the copy are then offsets in the original,
except after the rare characters that fold to nothing (:class:`Folded` keeps one record for each).
A word without any stand-in's letters (most words) is searched in this copy as it is, and its
matches need no mapping back. :meth:`Folded.expanded` gives the copy with the letters spelt out
(``c<oe>ur`` -> ``coeur``), with records, for patterns and for words such as ``coeur``.

The fast path works on bytes: ``encode("cp1252", "replace")`` then ``bytes.translate`` folds a
megabyte in about 4 ms (most of it the encoding), and the rare characters outside Windows-1252 (or
that expand) are patched in one by one. Building runs in chunks of about 1 MB so a caller can
cancel between them.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from functools import lru_cache

Pair = tuple[int, int]
# Code points stand-ins are taken from, in this order: C1 controls (a copy of Latin-1 text stays
# one byte per character), the private use area of the first plane (two bytes), then plane 16.
_RESERVED = ((0x80, 0xA0), (0xE000, 0xF900), (0x100000, 0x110000))
CHUNK = 1 << 20  # characters per chunk: a cancellation point about every millisecond or two

_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u02bc\u02bb\u2032\u2035\u0060\u00b4\u2039\u203a\uff07"
_DOUBLE_QUOTES = "\u00ab\u00bb\u201c\u201d\u201e\u201f\u2033\u2036\u301d\u301e\uff02"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d"
_SPACES = "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000\u1680"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"  # soft hyphen, zero-width characters
_LETTERS = {
    "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i", "ħ": "h", "Ħ": "H",
    "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ẞ": "SS", "þ": "th", "Þ": "TH",
}  # fmt: skip

SPECIAL: dict[str, str] = {
    **{c: "'" for c in _SINGLE_QUOTES},
    **{c: '"' for c in _DOUBLE_QUOTES},
    **{c: "-" for c in _DASHES},
    **{c: " " for c in _SPACES},
    **{c: "" for c in _INVISIBLE},
    **_LETTERS,
}
"""Typography and letters that Unicode decomposition alone does not fold as a French reader expects."""


@lru_cache(maxsize=8192)
def fold_char(char: str, keep_case: bool = False) -> str:
    """The folded form of one character: no accents, plain quotes/dashes/spaces, ligatures spelt out.

    Args:
        char: one character.
        keep_case: keep upper case (for a case-sensitive search).
    """
    special = SPECIAL.get(char)
    if special is not None:
        return special if keep_case else special.lower()
    decomposed = unicodedata.normalize("NFKD", char)
    if decomposed != char or unicodedata.combining(char):
        decomposed = "".join(SPECIAL.get(c, c) for c in decomposed if not unicodedata.combining(c))
    if not keep_case:
        decomposed = decomposed.lower()
        if len(decomposed) > 1:  # lower() may add a combining mark (İ): drop it
            decomposed = "".join(c for c in decomposed if not unicodedata.combining(c))
    return decomposed


def fold(text: str, keep_case: bool = False) -> str:
    """The folded form of a whole string, spelt out (for queries and short texts)."""
    copy = build(text, keep_case)
    if not copy.standins:
        return copy.text
    return copy.text.translate({ord(s): m for m, s in copy.standins.items()})


@lru_cache(maxsize=1)
def _tables() -> tuple[bytes, bytes, bytes]:
    """Byte tables for the fast path over Windows-1252 bytes, and the bytes that must be patched.

    Windows-1252 is Latin-1 plus the typography of French text (’ “ ” – — … œ), so most text
    encodes one byte per character; whatever does not encode becomes ``?`` and is patched in.
    """
    tables = []
    specials = bytearray()
    for keep_case in (False, True):
        table = bytearray(range(256))
        for code in range(256):
            try:
                char = bytes([code]).decode(_CODEC)
            except UnicodeDecodeError:
                continue  # never produced by encoding
            folded = fold_char(char, keep_case)
            if len(folded) == 1 and ord(folded) < 256 and not reserved(folded):
                table[code] = ord(folded)
            elif code not in specials:
                specials.append(code)
        tables.append(bytes(table))
    return tables[0], tables[1], bytes(specials)


_CODEC = "cp1252"  # built on first use: importing the package stays cheap


def reserved(char: str) -> bool:
    """Whether ``char`` is a code point stand-ins are taken from: in a folded copy it is a stand-in."""
    code = ord(char)
    return any(low <= code < high for low, high in _RESERVED)


class _StandIns(dict[str, str]):
    """The stand-ins of one copy: what a character folds to -> the one character written for it."""

    def __init__(self) -> None:
        super().__init__()
        self._taken: set[str] = set()
        self._free = (chr(c) for low, high in _RESERVED for c in range(low, high))

    def __missing__(self, meaning: str) -> str:
        if len(meaning) == 1 and meaning not in self._taken:
            char = meaning  # a reserved character of the text stands for itself while it can
        else:
            char = next(c for c in self._free if c not in self._taken)
        self._taken.add(char)
        self[meaning] = char
        return char


def _patch_positions(chunk: str, encoded: bytes, special_bytes: bytes) -> list[int]:
    """Positions of the characters the byte tables cannot fold (each a ``bytes.find``: fast)."""
    positions: list[int] = []
    find = encoded.find
    for byte in special_bytes:
        i = find(byte)
        while i >= 0:
            positions.append(i)
            i = find(byte, i + 1)
    i = find(b"?")
    while i >= 0:  # an unencodable character, or a real question mark
        if chunk[i] != "?":
            positions.append(i)
        i = find(b"?", i + 1)
    positions.sort()
    return positions


class Folded:
    """A folded copy of a text and the map from its offsets back to the original.

    ``records`` holds one ``(folded_start, original_index, folded_length)`` for each original
    character that did not fold to exactly one character of ``text``, in order. ``standins`` maps
    the letters of an expansion (``"oe"``) to the one character standing for them in ``text``;
    when it is empty, ``text`` is spelt out. A copy from :func:`build` has stand-ins, so its only
    records are characters folded to nothing (``folded_length`` 0).

    A plain class with slots rather than a dataclass: ``dataclasses`` costs the command line some
    10 ms to import. Two copies are equal when their text, length, records and stand-ins are.
    """

    __slots__ = ("_expanded", "_starts", "length", "records", "standins", "text")

    def __init__(
        self,
        text: str,
        length: int,  # length of the original
        records: list[tuple[int, int, int]] | None = None,
        standins: dict[str, str] | None = None,
    ) -> None:
        self.text = text
        self.length = length
        self.records: list[tuple[int, int, int]] = [] if records is None else records
        self.standins: dict[str, str] = {} if standins is None else standins
        self._starts = [r[0] for r in self.records]
        self._expanded: Folded | None = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Folded):
            return NotImplemented
        return (self.text, self.length, self.records, self.standins) == (
            other.text,
            other.length,
            other.records,
            other.standins,
        )

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass it was

    def __repr__(self) -> str:
        fields = f"text={self.text!r}, length={self.length}, records={self.records!r}"
        return f"Folded({fields}, standins={self.standins!r})"

    def expanded(self) -> Folded:
        """This copy with every stand-in spelt out (``c<oe>ur`` -> ``coeur``), with its own records.

        Built once, on first use: only patterns (regular expressions, whole words) need it.
        """
        if not self.standins:
            return self
        if self._expanded is None:
            self._expanded = _expand(self)
        return self._expanded

    def may_cut(self, needle: str) -> bool:
        """Whether a match of ``needle`` could start or end inside an expanded character here.

        False means every occurrence of ``needle`` in :attr:`text` maps back whole, so counting
        them needs no mapping at all.
        """
        expansions = {self.text[q : q + k] for q, _p, k in self.records if k >= 2}
        for expansion in expansions:
            for i in range(1, len(expansion)):
                if needle.startswith(expansion[i:]) or needle.endswith(expansion[:i]):
                    return True
        return False

    @property
    def identity(self) -> bool:
        return not self.records

    def to_original(self, offset: int) -> int:
        """The original offset of folded ``offset`` (the first character it comes from)."""
        if not self.records:
            return offset
        i = bisect_right(self._starts, offset) - 1
        if i < 0:
            return offset
        q, p, k = self.records[i]
        return p if offset < q + k else offset + (p + 1) - (q + k)

    def aligned(self, offset: int) -> bool:
        """False when ``offset`` falls inside the expansion of one original character (``o|e`` of ``œ``)."""
        if not self.records:
            return True
        i = bisect_right(self._starts, offset) - 1
        if i < 0:
            return True
        q, _p, k = self.records[i]
        return offset == q or offset >= q + k

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The original span of folded ``[start, end)``, or None when it cuts an original character."""
        if not self.records:
            return start, end
        if not (self.aligned(start) and self.aligned(end)):
            return None
        return self.to_original(start), (self.to_original(end) if end < len(self.text) else self.length)

    def spans(self, folded_spans: Iterable[Pair], limit: int | None = None) -> list[Pair]:
        """:meth:`span` of many sorted, non-overlapping spans at once, dropping those that cut a character.

        Between two records the shift from folded to original offsets is constant, so each run of
        spans there shifts in one list comprehension; only spans touching a record go one by one.
        """
        spans = list(folded_spans)
        if not self.records:
            return spans[:limit] if limit is not None else spans
        size = len(self.text)
        tail = spans.pop() if spans and spans[-1][1] >= size else None
        firsts = [start for start, _ in spans]
        out: list[Pair] = []
        i, n, delta = 0, len(spans), 0
        for q, p, k in [*self.records, (size + 1, 0, 0)]:
            hi = bisect_left(firsts, q, i)
            block = spans[i:hi]
            straddler = None
            if block and (block[-1][1] > q or (block[-1][1] == q and k == 0)):
                straddler = block.pop()
            out.extend([(a + delta, b + delta) for a, b in block] if delta else block)
            i = hi
            if straddler is not None:
                self._append(out, straddler)
            while i < n and firsts[i] < q + k:  # starts inside this character's expansion
                self._append(out, spans[i])
                i += 1
            delta = p + 1 - q - k
        if tail is not None:
            self._append(out, tail)
        return out[:limit] if limit is not None else out

    def _append(self, out: list[Pair], folded_span: Pair) -> None:
        mapped = self.span(*folded_span)
        if mapped is not None:
            out.append(mapped)


def _expand(copy: Folded) -> Folded:
    """The spelt-out form of a copy with stand-ins, and its records (see :meth:`Folded.expanded`)."""
    text = copy.text
    meaning = {s: m for m, s in copy.standins.items()}
    positions: list[int] = []
    for char in meaning:
        i = text.find(char)
        while i >= 0:
            positions.append(i)
            i = text.find(char, i + 1)
    positions.sort()
    # events in original order: a deletion at copy offset q, or a stand-in at copy offset q
    events = [(p, q, 0) for q, p, _k in copy.records]
    events += [(copy.to_original(q), q, len(meaning[text[q]])) for q in positions]
    events.sort()
    pieces: list[str] = []
    records: list[tuple[int, int, int]] = []
    prev, extra = 0, 0
    for p, q, k in events:
        if k == 0:
            records.append((q + extra, p, 0))
            continue
        pieces.append(text[prev:q])
        pieces.append(meaning[text[q]])
        records.append((q + extra, p, k))
        extra += k - 1
        prev = q + 1
    pieces.append(text[prev:])
    return Folded("".join(pieces), copy.length, records)


def build(text: str, keep_case: bool = False, check: Callable[[], None] | None = None) -> Folded:
    """Fold ``text`` one character for one (stand-ins for expansions) and keep the map back to it.

    Args:
        text: the original text.
        keep_case: keep upper case (for a case-sensitive search).
        check: called between chunks of about 1 MB; raise from it to cancel.
    """
    lower, keep, special_bytes = _tables()
    table = keep if keep_case else lower
    pieces: list[str] = []
    records: list[tuple[int, int, int]] = []
    standins = _StandIns()
    out = 0
    for base in range(0, len(text), CHUNK):
        if check is not None:
            check()
        chunk = text[base : base + CHUNK]
        encoded = chunk.encode(_CODEC, "replace")
        fast = encoded.translate(table).decode("latin-1")
        prev = 0
        for i in _patch_positions(chunk, encoded, special_bytes):
            if i > prev:
                pieces.append(fast[prev:i])
                out += i - prev
            folded = fold_char(chunk[i], keep_case)
            if not folded:
                records.append((out, base + i, 0))
            else:
                if len(folded) > 1 or reserved(folded):
                    folded = standins[folded]
                pieces.append(folded)
                out += 1
            prev = i + 1
        pieces.append(fast[prev:] if prev else fast)
        out += len(chunk) - prev
    return Folded("".join(pieces), len(text), records, dict(standins))
