"""A large file's claims kept as compressed rows, each made a ``Claim`` when it is first read.

The claims are most of a large briefing's annotations. As objects, each with its span, verdict,
references to sources and their Python ints, one takes some 760 bytes; 25,000 of them, 19 MB. Here a
claim built apart (``split_load``) is kept encoded and compressed in a block of ``BLOCK``, some 44
bytes each, beside the columns the reader needs of every claim without making it: its id, its
place in the text and whether it has one, and which claims cite each source and list each
entity. A claim is made when it is read (``table[i]``) and kept, so that the same claim is the
same object each time it is read, and what is set on it stays.

Changing the list itself (insert, delete, a slice) makes every claim and keeps them as a plain list
from then on; setting one claim (``table[i] = claim``, as an edit replaces it) keeps the rest as
they are. Pure: stdlib only.
"""

from __future__ import annotations

import marshal
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableSequence, Sequence
from typing import TYPE_CHECKING, Any, overload

from briefing_tui.model.empty_lists import NOT_YET, listed
from briefing_tui.model.span_list import INT
from briefing_tui.model.types import (
    AnchorStatus,
    Claim,
    PositionSpan,
    Rating,
    Selector,
    SourceRef,
    Span,
    Stance,
    Verdict,
)

if TYPE_CHECKING:
    from briefing_tui.model.quick_items import QuickClaim

__all__ = [
    "ClaimTable",
    "ClaimsInOrder",
    "Positions",
    "STATUS_CODES",
    "claim_of",
    "encode_group",
    "quick_row",
    "row_of",
]

STATUS_LIST = list(AnchorStatus)
STATUS_CODES = {s.value: i for i, s in enumerate(STATUS_LIST)}
"""A span's status as one byte: its place in ``AnchorStatus``."""
_ORPHAN = STATUS_CODES[AnchorStatus.ORPHAN.value]
_STATUSES = {s.value: s for s in AnchorStatus}
_STANCES = {s.value: s for s in Stance}
_RATINGS = {r.value: r for r in Rating}

Row = tuple[Any, ...]
"""A claim as plain values, in the order of its constructor's fields (``row_of``, ``claim_of``): id,
span, sources, verdict, gloss, entities, unverified, note, draft, line, column."""

# for encoding (an enum's ``.value`` is a property: a dict answers in a tenth of the time)
_STATUS_VALUES = {s: s.value for s in AnchorStatus}
_STANCE_VALUES = {s: s.value for s in Stance}
_RATING_VALUES = {r: r.value for r in Rating}
_SUPPORTS = Stance.SUPPORTS.value
_EXACT = AnchorStatus.EXACT.value


def row_of(c: Claim) -> Row:
    """The plain values of ``c`` (``claim_of`` makes it again)."""
    verdict, stances = c.verdict, _STANCE_VALUES
    return (
        c.id,
        _span_row(c.span),
        [(r.source, r.passage, stances[r.stance], r.line, r.column) for r in c.sources],
        None if verdict is None else (_RATING_VALUES[verdict.rating], verdict.explanation, verdict.reviewed,
                                      verdict.line, verdict.column),
        c.gloss, list(listed(c, "entities")), list(listed(c, "unverified")),
        c.note, c.draft, c.line, c.column,
    )  # fmt: skip


def quick_row(quick: QuickClaim, ident: str, sources: list[str], entities: list[str]) -> Row:
    """The plain values of the claim read in the usual shape (``quick_items``), its ids as the
    Builder holds them (``Builder.take_quick``): ``row_of`` of the claim the Builder makes of it."""
    said = quick.verdict
    verdict = None
    if said is not None:
        rating, explanation, reviewed, line, column = said
        verdict = (rating, explanation or "", reviewed, line, column)
    refs = [
        (s, None, _SUPPORTS, line, column)
        for s, (_, line, column) in zip(sources, quick.sources, strict=True)
    ]
    span = (True, quick.start, quick.end, _EXACT, None, quick.span_line, quick.span_column)
    return (ident, span, refs, verdict, "", entities, [], "", False, quick.line, quick.column)


def _span_row(s: Span) -> tuple[Any, ...]:
    positional = isinstance(s, PositionSpan)
    sel = s.kept_selector if isinstance(s, PositionSpan) else s.selector
    kept = None if sel is None else (sel.exact, sel.prefix, sel.suffix, sel.start, sel.end)
    return (positional, s.start, s.end, _STATUS_VALUES[s.status], kept, s.line, s.column)


def claim_of(row: Row, cited: dict[str, str]) -> Claim:
    """The Claim of ``row``; each cited source's id is held once (``cited``), however many cite it."""
    ident, span, sources, verdict, gloss, entities, unverified, note, draft, line, column = row
    stances, one = _STANCES, cited.setdefault
    return Claim(  # positionally, in the order of its fields: a third faster than by name
        ident,
        _span_of(*span),
        [SourceRef(one(s, s), p, stances[stance], ln, co) for s, p, stance, ln, co in sources],
        None if verdict is None else Verdict(_RATINGS[verdict[0]], *verdict[1:]),
        gloss,
        entities or NOT_YET,  # an empty list is made when first read (``empty_lists``)
        unverified or NOT_YET,
        note,
        draft,
        line,
        column,
    )


def _span_of(
    positional: bool, start: int, end: int, status: str, kept: tuple[Any, ...] | None, line: int, column: int
) -> Span:
    selector = None if kept is None else Selector(*kept)
    if positional:
        return PositionSpan(start, end, _STATUSES[status], selector, line, column)
    return Span(start, end, _STATUSES[status], selector or Selector(), line, column)


BLOCK = 100
"""Claims compressed together: one is made by decoding its block (0.2 ms; 3.4 ms for a block of a
thousand), at some 44 bytes a claim (40 in blocks of a thousand)."""


Places = dict[str, list[int]]
"""The claims (their places in a group) that cite each source, or list each entity."""


def encode_group(rows: list[Row]) -> tuple[list[str], bytes, bytes, bytes, list[bytes], Places, Places]:
    """``rows`` as a group of the table: their ids, starts, ends and statuses as bytes, the rows
    themselves compressed, ``BLOCK`` at a time, and the claims that cite each source and list each
    entity (``ClaimTable.add_group`` takes it)."""
    spans = [row[1] for row in rows]
    cites: Places = {}
    lists: Places = {}
    cited, listed = cites.setdefault, lists.setdefault
    for at, row in enumerate(rows):  # (25,000 claims: some 30 ms less than with no one source apart)
        refs, entities = row[2], row[5]
        if len(refs) == 1:  # (most claims)
            cited(refs[0][0], []).append(at)
        elif refs:
            for source in dict.fromkeys([ref[0] for ref in refs]):  # (a source cited twice: once)
                cited(source, []).append(at)
        if entities:
            for entity in dict.fromkeys(entities):
                listed(entity, []).append(at)
    return (
        [row[0] for row in rows],
        array(INT, [s[1] for s in spans]).tobytes(),
        array(INT, [s[2] for s in spans]).tobytes(),
        bytes(STATUS_CODES[s[3]] for s in spans),
        [zlib.compress(marshal.dumps(rows[at : at + BLOCK]), 1) for at in range(0, len(rows), BLOCK)],
        cites,
        lists,
    )


def _shifted(kept: dict[str, array[int]], places: Mapping[str, Sequence[int]], offset: int) -> None:
    """Add to ``kept``'s claims (their indexes) for each key those ``places`` holds, ``offset`` after
    theirs (without a generator, nor an array made for a key kept already: a third of a group's take)."""
    shift, get = offset.__add__, kept.get
    for key, indexes in places.items():
        column = get(key)
        if column is None:
            kept[key] = column = array(INT)
        column.extend(map(shift, indexes) if offset else indexes)


class Ids(Sequence[str]):
    """Claims' ids joined in one string, each read and found by its place: 25,000 ids as strings of
    their own, in a list, took 2 MB. An id holds no line break (``fields.ID_RE``)."""

    __slots__ = ("_joined", "_starts")

    def __init__(self) -> None:
        self._joined = "\n"  # each id followed by a line break
        self._starts = array(INT)  # where each id starts in it

    def extend(self, ids: list[str] | Ids) -> None:
        if isinstance(ids, Ids):  # its string and places as they are, after these
            shift = len(self._joined) - 1
            self._starts.extend(map(shift.__add__, ids._starts) if shift else ids._starts)
            self._joined += ids._joined[1:]
            return
        if any("\n" in ident for ident in ids):
            raise ValueError("an id with a line break")
        starts, at = self._starts, len(self._joined)
        for ident in ids:
            starts.append(at)
            at += len(ident) + 1
        self._joined += "".join(ident + "\n" for ident in ids)

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        start = self._starts[index]
        return self._joined[start : self._joined.index("\n", start)]

    def index(self, ident: Any, start: int = 0, stop: int | None = None) -> int:
        """The place of ``ident`` (the first, from ``start``); ValueError when it is not there."""
        if not isinstance(ident, str) or "\n" in ident or not ident:
            raise ValueError(ident)
        joined, starts = self._joined, self._starts
        found = joined.find(f"\n{ident}\n", starts[start] - 1 if start < len(starts) else len(joined))
        place = bisect_right(starts, found + 1) - 1  # (every line break but the last starts an id)
        if found < 0 or (stop is not None and place >= stop):
            raise ValueError(ident)
        return place

    def __iter__(self) -> Iterator[str]:
        """Every id, in order: the string split once, not read an id at a time."""
        return iter(self._joined[1:-1].split("\n") if self._starts else ())

    def __contains__(self, ident: object) -> bool:
        try:
            self.index(ident)
        except ValueError:
            return False
        return True


class ClaimTable(MutableSequence[Claim]):
    """Claims as a list of them reads, most of them kept encoded until read (see the module)."""

    __slots__ = (
        "_list",
        "_made",
        "_blocks",
        "_block_at",
        "ids",
        "starts",
        "ends",
        "_status",
        "_cited",
        "_last",
        "_cites",
        "_lists",
    )

    def __init__(self, claims: Iterable[Claim] = ()) -> None:
        """A table whose first claims are ``claims``, made already."""
        made = list(claims)
        self._list: list[Claim] | None = None  # every claim, once the list itself changed
        self._made: list[Claim | None] = list(made)
        self._blocks: list[bytes] = []
        self._block_at: list[int] = []  # the index of each block's first claim
        self.ids = Ids()
        """Each claim's id, in the table's order."""
        self.starts = array(INT, [c.span.start for c in made])
        self.ends = array(INT, [c.span.end for c in made])
        self._status = bytearray(STATUS_CODES[c.span.status.value] for c in made)
        self.ids.extend([c.id for c in made])
        self._cited: dict[str, str] = {}
        self._last: tuple[int, list[Row]] | None = None  # the block decoded last, and its rows
        self._cites: dict[str, array[int]] = {}  # the claims that cite each source, by index
        self._lists: dict[str, array[int]] = {}  # the claims that list each entity
        for index, claim in enumerate(made):
            self._note(index, claim, 1)

    @classmethod
    def after(cls, head: Iterable[Claim], rest: ClaimTable) -> ClaimTable:
        """The claims ``head``, made already, then those of ``rest`` (its blocks shared, none made)."""
        table = cls(head)
        if rest._list is not None:
            table.extend(rest._list)
            return table
        offset = len(table._made)
        table._blocks = rest._blocks
        table._block_at = [at + offset for at in rest._block_at]
        table._made.extend(rest._made)
        table.ids.extend(rest.ids)
        table.starts.extend(rest.starts)
        table.ends.extend(rest.ends)
        table._status.extend(rest._status)
        table._cited = rest._cited
        for kept, theirs in ((table._cites, rest._cites), (table._lists, rest._lists)):
            _shifted(kept, theirs, offset)
        return table

    def add_group(
        self,
        ids: list[str],
        starts: bytes,
        ends: bytes,
        status: bytes,
        blocks: list[bytes],
        cites: Places,
        lists: Places,
    ) -> None:
        """Add a group ``encode_group`` made, after the claims there are."""
        if self._list is not None:
            raise ValueError("the table is a plain list: add claims to it instead")
        if len(blocks) != -(-len(ids) // BLOCK):
            raise ValueError("a group whose blocks do not hold its claims")
        at = len(self._made)
        self._block_at += range(at, at + len(ids), BLOCK)
        self._blocks += blocks
        self._made.extend([None] * len(ids))
        self.ids.extend(ids)
        self.starts.frombytes(starts)
        self.ends.frombytes(ends)
        self._status.extend(status)
        if not len(self.ids) == len(self.starts) == len(self.ends) == len(self._status) == len(self._made):
            raise ValueError("a group whose columns are not of one length")
        for kept, places in ((self._cites, cites), (self._lists, lists)):
            _shifted(kept, places, at)

    def _note(self, index: int, claim: Claim, step: int) -> None:
        """Note (``step`` 1) or forget (-1) the sources that claim ``index`` cites and the entities
        it lists."""
        for kept, keys in (
            (self._cites, dict.fromkeys(r.source for r in claim.sources)),
            (self._lists, dict.fromkeys(listed(claim, "entities"))),
        ):
            for key in keys:
                if step > 0:
                    kept.setdefault(key, array(INT)).append(index)
                elif index in kept.get(key, ()):
                    kept[key].remove(index)

    def citing(self, source_id: str) -> Sequence[int]:
        """The indexes of the claims that cite ``source_id`` (read off the table, none made)."""
        return self._cites.get(source_id, ())

    def listing(self, entity_id: str) -> Sequence[int]:
        """The indexes of the claims that list ``entity_id`` among their entities."""
        return self._lists.get(entity_id, ())

    @property
    def columns(self) -> bool:
        """Whether ``ids``, ``starts``, ``ends`` and ``anchored`` answer for every claim (until the
        list itself changes)."""
        return self._list is None

    def anchored(self, index: int) -> bool:
        """Whether claim ``index`` has a place in the text, read from its columns."""
        return self._status[index] != _ORPHAN and self.starts[index] >= 0

    def made(self, index: int) -> Claim | None:
        """Claim ``index`` when it is made already, else None (nothing is made)."""
        return self._list[index] if self._list is not None else self._made[index]

    def _block(self, g: int) -> list[Row]:
        last = self._last
        if last is not None and last[0] == g:
            return last[1]
        rows: list[Row] = marshal.loads(zlib.decompress(self._blocks[g]))  # our own child's, never a file's
        self._last = (g, rows)
        return rows

    def make_all(self) -> None:
        """Make every claim not made yet, decoding each block once (``peek``): for what reads every
        claim in another order than the table's (the navigator's reading order), which would decode
        a block for each claim it reads (25,000 times a block of a hundred, 4 s, on the 10 MB bench
        file)."""
        made = self._made
        if self._list is not None or None not in made:
            return
        for index, claim in enumerate(self.peek(0, len(made))):
            made[index] = claim

    def peek(self, start: int, stop: int) -> Iterator[Claim]:
        """Claims ``start`` to ``stop`` in the table's order, each read once and not kept: those not
        made yet are made from their rows, each block decoded once (a filter's haystacks)."""
        if self._list is not None:
            yield from self._list[start:stop]
            return
        made, at, cited = self._made, self._block_at, self._cited
        rows: list[Row] = []
        g = first = end = -1  # the block decoded, where it starts and ends
        for index in range(start, stop):
            claim = made[index]
            if claim is None:
                if not first <= index < end:
                    g = bisect_right(at, index) - 1
                    first, end = at[g], at[g + 1] if g + 1 < len(at) else len(made)
                    rows = marshal.loads(zlib.decompress(self._blocks[g]))  # our own child's
                claim = claim_of(rows[index - first], cited)
            yield claim

    def _make(self, index: int) -> Claim:
        g = bisect_right(self._block_at, index) - 1
        claim = claim_of(self._block(g)[index - self._block_at[g]], self._cited)
        self._made[index] = claim
        return claim

    def _plain(self) -> list[Claim]:
        if self._list is None:
            self._list = list(self)
            self._made, self._blocks, self._block_at, self._last = [], [], [], None
            self._cites, self._lists = {}, {}
            self.ids, self.starts, self.ends, self._status = Ids(), array(INT), array(INT), bytearray()
        return self._list

    def __len__(self) -> int:
        return len(self._list) if self._list is not None else len(self._made)

    def __iter__(self) -> Iterator[Claim]:
        if self._list is not None:
            yield from self._list
            return
        for index in range(len(self._made)):
            yield self[index]

    @overload
    def __getitem__(self, index: int) -> Claim: ...
    @overload
    def __getitem__(self, index: slice) -> list[Claim]: ...
    def __getitem__(self, index: int | slice) -> Claim | list[Claim]:
        if self._list is not None:
            return self._list[index]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._made)))]
        claim = self._made[index]  # (raises IndexError as a list does)
        if claim is None:
            claim = self._make(index if index >= 0 else index + len(self._made))
        return claim

    @overload
    def __setitem__(self, index: int, value: Claim) -> None: ...
    @overload
    def __setitem__(self, index: slice, value: Iterable[Claim]) -> None: ...
    def __setitem__(self, index: int | slice, value: Claim | Iterable[Claim]) -> None:
        if self._list is not None or isinstance(index, slice) or not isinstance(value, Claim):
            self._plain()[index] = value  # type: ignore[index,assignment]
            return
        at = index if index >= 0 else index + len(self._made)
        if value.id != self.ids[at]:  # (raises IndexError as a list does)
            self._plain()[index] = value  # another id: not the same claim changed, rare enough
            return
        self._note(at, self[at], -1)
        self._made[index] = value
        self._note(at, value, 1)
        self.starts[at], self.ends[at] = value.span.start, value.span.end
        self._status[at] = STATUS_CODES[value.span.status.value]

    def __delitem__(self, index: int | slice) -> None:
        del self._plain()[index]

    def insert(self, index: int, value: Claim) -> None:
        self._plain().insert(index, value)

    def index_of(self, ident: str) -> int:
        """The place of the claim ``ident``, or -1 (its column read, nothing made)."""
        if self._list is not None:
            return next((i for i, c in enumerate(self._list) if c.id == ident), -1)
        try:
            return self.ids.index(ident)
        except ValueError:
            return -1

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ClaimTable | list):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=False))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # as a list: changeable

    def __repr__(self) -> str:
        return repr(list(self))

    def __reduce__(self) -> tuple[Callable[..., ClaimTable], tuple[list[Claim]]]:
        return ClaimTable, (list(self),)  # pickled (a child's answer, a test) as the claims it holds


class Positions(Mapping[str, int]):
    """The place of each claim of ``claims`` in its order, by id: read off the table's column of ids
    (a dict of 25,000 ids and their places took 1.6 MB)."""

    __slots__ = ("_claims",)

    def __init__(self, claims: ClaimsInOrder) -> None:
        self._claims = claims

    def __getitem__(self, ident: str) -> int:
        place = self._claims.position(ident)
        if place is None:
            raise KeyError(ident)
        return place

    def __len__(self) -> int:
        return len(self._claims)

    def __iter__(self) -> Iterator[str]:
        ids = self._claims.table.ids
        return (ids[index] for index in self._claims.order)


class ClaimsInOrder(MutableSequence[Claim]):
    """A table's claims in the order ``order`` gives (their indexes in the table), read and set
    through it: the navigator's claims in reading order, none made until read."""

    __slots__ = ("table", "order", "_inverse", "_starts_ends")

    def __init__(self, table: ClaimTable, order: array[int]) -> None:
        self.table, self.order = table, order
        self._inverse: array[int] | None = None  # each table index's place in the order, once asked
        self._starts_ends: tuple[array[int], array[int], int] | None = None  # and the longest claim

    def starts_ends(self, count: int | None = None) -> tuple[array[int], array[int]]:
        """The starts and ends of the first ``count`` claims (all of them: None), in this order."""
        order = self.order if count is None else self.order[:count]
        starts, ends = self.table.starts, self.table.ends
        return array(INT, [starts[i] for i in order]), array(INT, [ends[i] for i in order])

    def containing(self, spans: Iterable[tuple[int, int]]) -> set[int]:
        """The places in this order of the claims with a place in the text that holds one of
        ``spans`` whole: found by bisecting the claims' starts (this order is by start), none made."""
        if self._starts_ends is None:
            count = self.anchored_count()
            starts, ends = self.starts_ends(count)
            longest = max((e - s for s, e in zip(starts, ends, strict=True)), default=0)
            self._starts_ends = (starts, ends, longest)
        starts, ends, longest = self._starts_ends
        found: set[int] = set()
        for start, end in spans:
            for place in range(bisect_left(starts, start - longest), bisect_right(starts, start)):
                if end <= ends[place]:
                    found.add(place)
        return found

    def position(self, ident: str | None) -> int | None:
        """The place in this order of the claim ``ident`` (None when it is not here), read off the
        table's column of ids; None for every claim once the table is a plain list (its order is
        then the order of claims that changed: the navigator is made again)."""
        if not self.table.columns:
            return None
        at = self.table.index_of(ident) if ident is not None else -1
        return None if at < 0 else self.places()[at]

    def places(self) -> array[int]:
        """Each of the table's claims' place in this order, by its index (made once asked)."""
        inverse = self._inverse
        if inverse is None:
            inverse = self._inverse = array(INT, bytes(array(INT).itemsize * len(self.table)))
            for place, index in enumerate(self.order):
                inverse[index] = place
        return inverse

    def starting_where(self, shown: Callable[[int], bool]) -> int:
        """How many claims have a place in the text whose start is ``shown``, read off the columns."""
        table = self.table
        anchored, starts = table.anchored, table.starts
        return sum(anchored(index) and shown(starts[index]) for index in self.order)

    def anchored_count(self) -> int:
        """How many claims have a place in the text (the first ones: orphans come last)."""
        table, order = self.table, self.order
        count = len(order)
        while count and not table.anchored(order[count - 1]):
            count -= 1
        return count

    def citing(self, source_id: str) -> list[Claim]:
        """The claims that cite ``source_id``, in this order (only they are made)."""
        places = self.places()
        return [self[place] for place in sorted(places[index] for index in self.table.citing(source_id))]

    def involving(self, entity_id: str, mentions: Iterable[tuple[int, int]]) -> list[Claim]:
        """The claims that list ``entity_id`` or hold one of its ``mentions``, in this order (only
        they are made)."""
        places = self.places()
        found = self.containing(mentions) | {places[index] for index in self.table.listing(entity_id)}
        return [self[place] for place in sorted(found)]

    def __len__(self) -> int:
        return len(self.order)

    def __iter__(self) -> Iterator[Claim]:
        table = self.table
        table.make_all()  # each read: a block decoded once, not once for each of its claims
        return (table[i] for i in self.order)

    @overload
    def __getitem__(self, index: int) -> Claim: ...
    @overload
    def __getitem__(self, index: slice) -> list[Claim]: ...
    def __getitem__(self, index: int | slice) -> Claim | list[Claim]:
        if isinstance(index, slice):
            return [self.table[i] for i in self.order[index]]
        return self.table[self.order[index]]

    @overload
    def __setitem__(self, index: int, value: Claim) -> None: ...
    @overload
    def __setitem__(self, index: slice, value: Iterable[Claim]) -> None: ...
    def __setitem__(self, index: int | slice, value: Claim | Iterable[Claim]) -> None:
        if isinstance(index, slice) or not isinstance(value, Claim):
            raise TypeError("the claims in order are set one at a time")
        self.table[self.order[index]] = value

    def __delitem__(self, index: int | slice) -> None:
        raise TypeError("the claims in order change with their table")

    def insert(self, index: int, value: Claim) -> None:
        raise TypeError("the claims in order change with their table")

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=False))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(list(self))
