"""Entities, events and claims written in the one shape generated files write them, read without
the YAML parser.

A generated briefing writes each item of these lists the same way, a line to a key, each value on
its line, the keys in the order the format's writer puts them (``formats/yaml_writer``)::

    - id: C1                                   - id: V1                  - id: E1
      span: [2218711, 2218853]                   label: "Le retrait"       name: "Niamey"
      entities: [E4]                             date: "2024-09-15"        type: place
      sources: [S357, S12]                       mentions: [[3, 8]]        mentions: [[3, 8], [40, 45]]
      verdict: {rating: outdated, explanation: "…", reviewed: 2026-01-01}
                                                 entities: [E1]
                                                 sources: [S2]

(``entities`` may also follow ``sources``; the lists and the verdict may be left out.) Values are
plain words (letters, digits and ``_ . -``, not starting with ``.`` or ``-``), or text in double
quotes with no backslash, no line break, and only characters libyaml reads as they are; positions
are plain decimal numbers. An item in this shape, whole, is valid YAML, and what the parser and
the Builder would make of it is known: ``read_piece`` reads it from a piece's bytes
(``pieces.Pieces.quick``), and the Builder makes the annotation of what it read (``build_quick``),
its ids declared and referred to at their places, as when it reads the nodes.

Only an item the Builder would read without a problem is read here: positions within the text,
valid ids, no null word, no source cited twice, a known rating, a real day of review, a date that
is EDTF, text that is not blank. Anything else, or anything unusual at all (another key, another
order, a comment, a blank line, other spacing, a tab, a CR, a rare line break in the piece), and
the item is left to the parser, which reads it as before and says every problem. The items left
are composed a run at a time, so that a quoted scalar or a flow collection cut at an item line still
leaves its run unterminated (``pieces``: the file is then read whole).

``tests/unit/model/test_quick_items.py`` reads every file of the tests, a generated one and
thousands of changed ones both ways, and compares the documents or the problems.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from itertools import accumulate
from typing import NamedTuple

from briefing_tui.model.build_verdict import RATINGS_BY_VALUE, _iso_day
from briefing_tui.model.dates import parse_edtf
from briefing_tui.model.fields import NULLS
from briefing_tui.model.types import EdtfDate

__all__ = ["KINDS", "QuickClaim", "QuickEntity", "QuickEvent", "Ref", "read_piece"]

Ref = tuple[str, int, int]
"""An id referred to: the id, its line and column."""
Said = tuple[str, str | None, str | None]
"""A verdict's rating, explanation and day of review, as written (unquoted)."""


class QuickClaim(NamedTuple):
    """What a claim in the usual shape says, with the places the Builder gives its parts."""

    line: int
    column: int
    ident: str
    id_column: int
    start: int
    end: int
    span_line: int
    span_column: int
    sources: list[Ref]
    entities: list[Ref]
    verdict: tuple[str, str | None, str | None, int, int] | None
    """Rating, explanation, day of review, line and column."""


class QuickEvent(NamedTuple):
    """What an event in the usual shape says (its mentions as ``PositionSpans`` holds them)."""

    line: int
    column: int
    ident: str
    id_column: int
    label: str
    date: EdtfDate
    mentions: list[int]
    sources: list[Ref]
    entities: list[Ref]


class QuickEntity(NamedTuple):
    """What an entity in the usual shape says (its mentions as ``PositionSpans`` holds them)."""

    line: int
    column: int
    ident: str
    id_column: int
    name: str
    type: str
    mentions: list[int]


Quick = QuickClaim | QuickEvent | QuickEntity

WORD = r"[A-Za-z0-9_][A-Za-z0-9_.-]*"
QUOTED = r'"[^"\\\n]*"'
VALUE = f"({WORD}|{QUOTED})"
IDS = rf"\[((?:{WORD}(?:, {WORD})*)?)\]"
NUMBER = r"(?:0|[1-9][0-9]{0,14})"
PAIRS = rf"(\[(?:\[{NUMBER}, {NUMBER}\](?:, \[{NUMBER}, {NUMBER}\])*)?\])"
DIGITS = re.compile("[0-9]+")
UNREAD = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")
"""A character libyaml does not read as itself in a quoted scalar, counts as a line break, or
refuses: not for this reader. Every character but U+0020–U+007E, U+00A0–U+D7FF, U+E000–U+FEFE,
U+FF00–U+FFFD and U+10000–U+10FFFF, written as the few it is: the class of the many others takes
the regular expression compiler some 9 ms, at each start that reads a briefing."""
RARE = (b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9")
"""The line breaks libyaml counts besides LF (NEL, LS, PS), in UTF-8: a piece holding one is left
to the parser (its lines are counted as libyaml counts them)."""
KEPT = 4096
"""The most dates and verdicts remembered by what is written (a generated file repeats them)."""


def _shape(kind: str, indent: int) -> re.Pattern[str]:
    """The pattern of an item of the list ``kind`` indented by ``indent``, up to the next item."""
    pad = " " * indent
    key = pad + "  "
    refs = f"(?:{key}entities: {IDS}\n)?(?:{key}sources: {IDS}\n)?(?:{key}entities: {IDS}\n)?"
    if kind == "claims":
        verdict = f"rating: {VALUE}(?:, explanation: {VALUE})?(?:, reviewed: {VALUE})?"
        body = f"{key}span: \\[({NUMBER}), ({NUMBER})\\]\n{refs}(?:{key}verdict: \\{{{verdict}\\}}\n)?"
    elif kind == "events":
        body = f"{key}label: {VALUE}\n{key}date: {VALUE}\n{key}mentions: {PAIRS}\n{refs}"
    else:
        body = f"{key}name: {VALUE}\n{key}type: {VALUE}\n{key}mentions: {PAIRS}\n"
    return re.compile(f"{pad}- id: ({WORD})\n{body}(?={pad}-(?:[ \\t\\r\\n]|\\Z)|\\Z)")


def read_piece(
    kind: str, piece: bytes, line: int, indent: int, length: int
) -> list[Quick | tuple[int, bytes]] | None:
    """The items of ``piece`` (a few items of the list ``kind``, indented by ``indent``, ``line``
    lines before it in the file, in a document whose text is ``length`` long) in order: each read
    here, and the runs of items left to the parser, each as the lines before it and its bytes. None
    when none is read here (the piece is composed as it is)."""
    if any(rare in piece for rare in RARE):
        return None
    key = (kind, indent)
    shape = _SHAPES.get(key)
    if shape is None:
        shape = _SHAPES[key] = (
            _shape(kind, indent),
            re.compile(f"\\n(?={' ' * indent}-(?:[ \\t\\r\\n]|\\Z))"),
        )
    text = piece.decode()
    out: list[Quick | tuple[int, bytes]] = []
    match, item, count = shape[0].match, shape[1].search, text.count
    read, column = READERS[kind], indent + 3  # the item's, at its first key (1-based)
    at, end, lines = 0, len(text), line
    left = -1  # where the run of items left to the parser began (-1: none)
    left_lines = 0
    quick = False
    while at < end:
        m = match(text, at)
        made = None if m is None else read(m, lines + 1, column, length)
        if m is None or made is None:
            if left < 0:
                left, left_lines = at, lines
            cut = item(text, at)
            after = end if cut is None else cut.end()
        else:
            if left >= 0:
                out.append((left_lines, text[left:at].encode()))
                left = -1
            out.append(made)
            quick = True
            after = m.end()
        lines += count("\n", at, after)
        at = after
    if not quick:
        return None
    if left >= 0:
        out.append((left_lines, text[left:end].encode()))
    return out


_SHAPES: dict[tuple[str, int], tuple[re.Pattern[str], re.Pattern[str]]] = {}


def _claim(m: re.Match[str], line: int, column: int, length: int) -> QuickClaim | None:
    """The claim ``m`` matched (at ``line``:``column``), as the Builder reads it without a problem;
    None when it would have one to say."""
    ident, start, end, before, cited, after, rating, explanation, reviewed = m.groups()
    first, stop = int(start), int(end)
    if ident in NULLS or stop > length or first > stop:
        return None
    refs = _refs(before, cited, after, line + 2, column)
    if refs is None:
        return None
    sources, entities, at = refs
    verdict = None
    if rating is not None:
        said = _said(rating, explanation, reviewed)
        if said is None:
            return None
        verdict = (*said, at, column + 9)
    span_column = column + 6
    return QuickClaim(
        line, column, ident, column + 4, first, stop, line + 1, span_column, sources, entities, verdict
    )


def _event(m: re.Match[str], line: int, column: int, length: int) -> QuickEvent | None:
    ident, label, date, mentions, before, cited, after = m.groups()
    label, date = _text(label), _text(date)
    if ident in NULLS or label is None or date is None:
        return None
    when = _date(date)
    fields = _positions(mentions, line + 3, column + 10, length)
    refs = _refs(before, cited, after, line + 4, column)
    if when is None or fields is None or refs is None:
        return None
    return QuickEvent(line, column, ident, column + 4, label, when, fields, refs[0], refs[1])


def _entity(m: re.Match[str], line: int, column: int, length: int) -> QuickEntity | None:
    ident, name, kind, mentions = m.groups()
    name, kind = _text(name), _text(kind)
    if ident in NULLS or name is None or kind is None:
        return None
    fields = _positions(mentions, line + 3, column + 10, length)
    if fields is None:
        return None
    return QuickEntity(line, column, ident, column + 4, name, kind, fields)


READERS: dict[str, Callable[[re.Match[str], int, int, int], Quick | None]] = {
    "claims": _claim,
    "events": _event,
    "entities": _entity,
}
KINDS = frozenset(READERS)
"""The lists read so."""


def _text(value: str) -> str | None:
    """A value as text (unquoted), read without a problem where text that is not blank is asked for;
    None otherwise."""
    text = _plain(value)
    return text if text is not None and text.strip() else None


def _plain(value: str) -> str | None:
    """A value unquoted, None when it is a null word or holds a character not read as itself."""
    if value[:1] == '"':
        value = value[1:-1]
    return None if value in NULLS or UNREAD.search(value) else value


def _refs(
    before: str | None, cited: str | None, after: str | None, line: int, column: int
) -> tuple[list[Ref], list[Ref], int] | None:
    """The sources and the entities of an item (its lists ``entities`` before or after its
    ``sources``), from ``line``, and the line after them; None when they are not read so."""
    if before is not None and after is not None:
        return None  # entities twice
    entities: list[Ref] | None = []
    sources: list[Ref] | None = []
    if before is not None:
        entities = _ids(before, line, column + 10)
        line += 1
    if cited is not None:
        sources = _ids(cited, line, column + 9)
        line += 1
        if sources is not None and len({ref[0] for ref in sources}) < len(sources):
            return None  # a source cited twice: the Builder warns
    if after is not None:
        entities = _ids(after, line, column + 10)
        line += 1
    if entities is None or sources is None:
        return None
    return sources, entities, line


def _ids(written: str, line: int, column: int) -> list[Ref] | None:
    """The ids of the list written ``[a, b]`` (its ``[`` at ``column``), at their places; None when
    one is a null word."""
    out = []
    column += 1
    if written:
        for ident in written.split(", "):
            if ident in NULLS:
                return None
            out.append((ident, line, column))
            column += len(ident) + 2
    return out


def _positions(written: str, line: int, column: int, length: int) -> list[int] | None:
    """Start, end, line and column of each position of ``[[S, E], ...]`` (at ``column``), as
    ``PositionSpans`` holds them; None when one is not within the text."""
    found = DIGITS.findall(written)
    values = list(map(int, found))
    starts, ends = values[0::2], values[1::2]
    if not ends:
        return []
    if max(ends) > length or any(map(operator.gt, starts, ends)):
        return None
    # each pair's "[" one after the other: "[S, E], " is six characters more than its digits (written
    # without a leading zero: as many as the number has)
    widths = list(map(len, found))
    steps = map(operator.add, widths[0::2], widths[1::2])
    columns = list(accumulate((6 + step for step in steps), initial=column + 1))
    count = len(ends)
    out = [line] * (4 * count)
    out[0::4], out[1::4], out[3::4] = starts, ends, columns[:count]
    return out


_DATES: dict[str, EdtfDate | None] = {}
_VERDICTS: dict[tuple[str, str | None, str | None], Said | None] = {}


def _date(written: str) -> EdtfDate | None:
    """The EDTF date written, None when it is not one (the Builder says why)."""
    if written in _DATES:
        return _DATES[written]
    try:
        date: EdtfDate | None = parse_edtf(written)
    except ValueError:
        date = None
    if len(_DATES) < KEPT:
        _DATES[written] = date
    return date


def _said(rating: str, explanation: str | None, reviewed: str | None) -> Said | None:
    """A verdict's values as the Builder reads them without a problem (a known rating, a real day
    of review, no null word), unquoted; None otherwise."""
    written = (rating, explanation, reviewed)
    if written in _VERDICTS:
        return _VERDICTS[written]
    said = _unquoted(written)
    if said is not None and (
        said[0] not in RATINGS_BY_VALUE or (said[2] is not None and not _iso_day(said[2]))
    ):
        said = None
    if len(_VERDICTS) < KEPT:
        _VERDICTS[written] = said
    return said


def _unquoted(written: tuple[str, str | None, str | None]) -> Said | None:
    out: list[str | None] = []
    for value in written:
        plain = None if value is None else _plain(value)
        if value is not None and plain is None:
            return None
        out.append(plain)
    rating, explanation, reviewed = out
    return None if rating is None else (rating, explanation, reviewed)
