"""The navigation graph of a document: claim order, sources, entity links and the jump list.

Pure: stdlib only. The reader asks this module where to go; it never decides what to show.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Container, Mapping, MutableSequence, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, TypeVar

from briefing_tui.model.empty_lists import listed
from briefing_tui.model.places import (
    ClaimPlace,
    EventPlace,
    MentionPlace,
    PassagePlace,
    Place,
    SourcePlace,
    SourceWay,
    SpeakerPlace,
)
from briefing_tui.model.quotes import find_quote
from briefing_tui.model.span_list import INT, anchored_positions
from briefing_tui.model.types import Claim, Entity, Event, Selector, Source
from briefing_tui.record import record

if TYPE_CHECKING:
    from briefing_tui.model.claim_table import ClaimsInOrder
    from briefing_tui.model.types import Collection, Document


class JumpList:
    """Back and forward over jumps, like vim's jump list (ctrl+o / ctrl+i).

    ``record(here)`` is called with the place being left on every jump; ``back(here)`` returns the
    previous place (remembering ``here`` so that ``forward()`` can return to it).
    """

    def __init__(self, limit: int = 200) -> None:
        self._items: list[Place] = []
        self._index = 0
        self._limit = limit

    def __len__(self) -> int:
        return len(self._items)

    @property
    def can_back(self) -> bool:
        return self._index > 0

    @property
    def can_forward(self) -> bool:
        return self._index + 1 < len(self._items)

    def record(self, here: Place) -> None:
        """Remember ``here`` before jumping away from it; forward history is dropped."""
        del self._items[self._index :]
        if not self._items or self._items[-1] != here:
            self._items.append(here)
        if len(self._items) > self._limit:
            del self._items[0 : len(self._items) - self._limit]
        self._index = len(self._items)

    def back(self, here: Place) -> Place | None:
        """The place before ``here``, or None at the start of the list."""
        if self._index == 0:
            return None
        if self._index == len(self._items):
            if self._items[-1] == here:
                if self._index == 1:
                    return None
                self._index -= 1
            else:
                self._items.append(here)
        self._index -= 1
        return self._items[self._index]

    def forward(self) -> Place | None:
        """The place after the current one, or None at the end of the list."""
        if self._index + 1 >= len(self._items):
            return None
        self._index += 1
        return self._items[self._index]


@record
class SourceTarget:
    """Where ``s`` goes for one source of a claim: ``place`` is a passage in another document of the
    collection, the mention of a speaker of this text, or the source's own entry (title, address...).
    ``passage`` is the passage the claim quotes from the source, if any.
    """

    place: SourceWay
    passage: str | None


def resolve_selector(text: str, selector: Selector | None) -> tuple[int, int] | None:
    """Find a selector in ``text``: its position when it holds, else its quote (with context).

    Returns ``(start, end)`` or None when nothing matches.
    """
    if selector is None:
        return None
    exact = selector.exact
    start, end = selector.start, selector.end
    positioned = start is not None and end is not None and 0 <= start <= end <= len(text)
    if positioned and (exact is None or text[start:end] == exact):  # type: ignore[index]
        return start, end  # type: ignore[return-value]
    if not exact:
        return None
    found = find_quote(text, exact, selector.prefix, selector.suffix)
    return (found[0], found[0] + len(exact)) if found else None


def reading_order(claims: Sequence[Claim]) -> MutableSequence[Claim]:
    """``claims`` in reading order (by start, the longer of two at one place first); orphans (no
    place in the text) come last. A table's (``claim_table``) are put in order by their columns,
    none of them made."""
    if not isinstance(claims, list):
        # deferred: only a large file's claims are a table; the reader on any other imports none of it
        from briefing_tui.model.claim_table import ClaimsInOrder, ClaimTable

        if isinstance(claims, ClaimTable) and claims.columns:  # their indexes, by the columns
            starts, ends = claims.starts.__getitem__, claims.ends.__getitem__
            return ClaimsInOrder(
                claims, array(INT, _in_order(range(len(claims)), claims.anchored, starts, ends))
            )
    return _in_order(claims, _ANCHORED, _START, _END)


T = TypeVar("T")
_START, _END, _ANCHORED = attrgetter("span.start"), attrgetter("span.end"), attrgetter("span.anchored")


def _in_order(
    items: Sequence[T], anchored: Callable[[T], bool], start: Callable[[T], int], end: Callable[[T], int]
) -> list[T]:
    """``items`` (claims, or a table's indexes of them) in reading order, ``anchored``, ``start``
    and ``end`` read of each: by start, the longer of two at one place first; orphans last."""
    placed = [item for item in items if anchored(item)]
    orphans = [item for item in items if not anchored(item)] if len(placed) < len(items) else []
    # Two stable sorts by keys read in C, the second one deciding: by start, and at one start by
    # end, longest first (at one place, in the order written). A key made in Python, the pair
    # (start, -end), takes twice as long (20 ms for 25,000 claims).
    placed.sort(key=end, reverse=True)
    placed.sort(key=start)
    return placed + orphans


class Navigator:
    """Links between the parts of one document, computed once when the document is opened."""

    def __init__(self, doc: Document, collection: Collection | None = None) -> None:
        self.doc = doc
        self.collection = collection
        self.claims = reading_order(doc.claims)
        """Claims in reading order; orphans (no place in the text) come last."""
        claims = self.claims
        self.in_order: ClaimsInOrder | None = None
        """The claims in reading order when they are a table's (``claim_table``): what reads every
        claim reads its columns instead."""
        self._claim_index: Mapping[str, int]  # a claim's place in reading order, by id
        if not isinstance(claims, list):  # a table's, read off its columns: no claim made
            from briefing_tui.model.claim_table import ClaimsInOrder, Positions  # deferred: as above

            assert isinstance(claims, ClaimsInOrder)
            self.in_order, self._claim_index = claims, Positions(claims)
        else:
            self._claim_index = {c.id: i for i, c in enumerate(claims)}
        self._events = {e.id: e for e in doc.events}
        self._sources = {s.id: s for s in doc.sources}
        self._entities = {e.id: e for e in doc.entities}
        self._timeline: list[Event] | None = None

    def replaced(self, kind: str, after: Claim | Entity | Event | Source) -> bool:
        """Take in an annotation replaced by an edit that left its place (span, mentions) alone: True
        when done in place (a dict entry and a list slot, whatever the document's size), False when
        its place changed and the navigator must be built again."""
        if kind == "claim":
            claim = self.claim(after.id)
            if not isinstance(after, Claim) or claim is None or _place(claim) != _place(after):
                return False
            self.claims[self._claim_index[after.id]] = after
            return True
        table: dict[str, dict[str, object]] = {
            "entity": self._entities,  # type: ignore[dict-item]
            "event": self._events,  # type: ignore[dict-item]
            "source": self._sources,  # type: ignore[dict-item]
        }
        items = table.get(kind)
        before = items.get(after.id) if items is not None else None
        if items is None or before is None or _place(before) != _place(after):
            return False
        items[after.id] = after
        if isinstance(after, Event):  # its date may have changed
            self._timeline = None
        return True

    # claims ---------------------------------------------------------------------------------

    def claim(self, claim_id: str | None) -> Claim | None:
        """The claim with this id (a dict lookup: documents hold up to 100,000 annotations)."""
        index = self._claim_index.get(claim_id or "")
        return None if index is None else self.claims[index]

    def next_claim(self, current: str | None, step: int = 1) -> Claim | None:
        """The claim after (``step`` 1) or before (``step`` -1) ``current``; wraps around.

        With no current claim, ``]`` gives the first claim and ``[`` the last.
        """
        if not self.claims:
            return None
        index = self._claim_index.get(current or "", None)
        if index is None:
            return self.claims[0] if step > 0 else self.claims[-1]
        return self.claims[(index + step) % len(self.claims)]

    @property
    def claim_ids(self) -> Container[str]:
        """The ids of the claims (what ``in`` asks of it is a dict lookup; nothing is copied)."""
        return self._claim_index.keys()

    def claim_position(self, claim_id: str | None) -> int | None:
        """The 0-based place of a claim in reading order."""
        return self._claim_index.get(claim_id or "")

    # sources --------------------------------------------------------------------------------

    def source(self, source_id: str) -> Source | None:
        return self._sources.get(source_id)

    def source_targets(self, claim: Claim | Event) -> list[SourceTarget]:
        """Where each source of a claim (or event) leads, in the order they are listed."""
        claim_id = claim.id if isinstance(claim, Claim) else ""
        return [
            SourceTarget(self._source_way(ref.source, ref.passage, claim_id), ref.passage)
            for ref in claim.sources
        ]

    def _source_way(self, source_id: str, passage: str | None, claim_id: str) -> SourceWay:
        doc_id = self.doc.id
        source = self._sources.get(source_id)
        if source is not None and source.document and self.collection is not None:
            other = self.collection.document(source.document)
            if other is not None:
                found = resolve_selector(other.text, source.span)
                if found is None and passage:  # no passage selector: the claim's quoted passage
                    found = resolve_selector(other.text, Selector(exact=passage))
                start, end = found if found else (0, 0)
                return PassagePlace(other.id, source_id, doc_id, start, end, claim_id)
        if source is not None and source.entity:
            entity = self._entities.get(source.entity)
            mention = next((m for m in entity.mentions if m.anchored), None) if entity else None
            if mention is not None:
                return SpeakerPlace(doc_id, source_id, mention.start, mention.end, claim_id)
        return SourcePlace(doc_id, source_id, claim_id)

    def location_of(self, item: Claim | Entity | Event | Source, at: tuple[int, int] | None = None) -> Place:
        """The place of a claim, an entity (its mention ``at``, else its first), an event (its first
        mention) or a source (its entry) of this document."""
        doc_id = self.doc.id
        if isinstance(item, Claim):
            return ClaimPlace(doc_id, item.id, item.span.start, item.span.end)
        if isinstance(item, Entity):
            spans = self.mentions(item.id)
            start, end = at or (spans[0] if spans else (-1, -1))
            return MentionPlace(doc_id, item.id, start, end)
        if isinstance(item, Event):
            mention = next((m for m in item.mentions if m.anchored), None)
            start, end = (mention.start, mention.end) if mention else (-1, -1)
            return EventPlace(doc_id, item.id, start, end)
        return SourcePlace(doc_id, item.id)

    def citing_claims(self, source_id: str) -> list[Claim]:
        """Claims that cite a source, in reading order."""
        if self.in_order is not None:
            return self.in_order.citing(source_id)
        return [c for c in self.claims if any(r.source == source_id for r in c.sources)]

    # entities -------------------------------------------------------------------------------

    def entity(self, entity_id: str | None) -> Entity | None:
        return self._entities.get(entity_id or "")

    def mentions(self, entity_id: str | None) -> list[tuple[int, int]]:
        """The anchored mentions of an entity, in text order."""
        entity = self._entities.get(entity_id or "")
        if entity is None:
            return []
        return sorted(set(anchored_positions(entity.mentions)))

    def next_mention(self, entity_id: str | None, offset: int, step: int = 1) -> tuple[int, int] | None:
        """The mention after (or before, ``step`` -1) the one starting at ``offset``; wraps around."""
        spans = self.mentions(entity_id)
        if not spans:
            return None
        starts = [s for s, _ in spans]
        if step > 0:
            i = bisect_right(starts, offset)
            return spans[i % len(spans)]
        i = bisect_left(starts, offset) - 1
        return spans[i % len(spans)]

    def entity_claims(self, entity_id: str) -> list[Claim]:
        """Claims involving an entity: listed in the claim, or a mention inside the claim's span."""
        mentions = self.mentions(entity_id)
        claims = self.in_order
        if claims is not None:  # the claims' places read off the table's columns
            return claims.involving(entity_id, mentions)
        out = []
        for claim in self.claims:
            if entity_id in listed(claim, "entities") or (
                claim.span.anchored
                and any(claim.span.start <= s and e <= claim.span.end for s, e in mentions)
            ):
                out.append(claim)
        return out

    def entity_events(self, entity_id: str) -> list[Event]:
        """Events involving an entity: listed in the event, or mentioned where the entity is."""
        mentions = self.mentions(entity_id)
        out = []
        for event in self.timeline():
            spans = [(m.start, m.end) for m in event.mentions if m.anchored]
            if entity_id in listed(event, "entities") or any(
                s <= ms and me <= e for s, e in spans for ms, me in mentions
            ):
                out.append(event)
        return out

    def entities_by_type(self) -> dict[str, list[Entity]]:
        """Entities grouped by type (known types first), each group sorted by mention count then name."""
        order = ["person", "organisation", "place", "date", "event", "other"]
        groups: dict[str, list[Entity]] = {}
        for entity in self.doc.entities:
            groups.setdefault(entity.type, []).append(entity)
        for members in groups.values():
            members.sort(key=lambda e: (-len(e.mentions), e.name.casefold()))
        known = [t for t in order if t in groups]
        custom = sorted(t for t in groups if t not in order)
        return {t: groups[t] for t in known + custom}

    # events ---------------------------------------------------------------------------------

    def timeline(self) -> list[Event]:
        """Events sorted by their date bounds (then label): sorted once (the list is shared: read it,
        do not change it), again after an event is replaced."""
        if self._timeline is None:
            self._timeline = sorted(self.doc.events, key=lambda e: (*e.date.sort_key, e.label))
        return self._timeline

    def event(self, event_id: str | None) -> Event | None:
        return self._events.get(event_id or "")


def _place(item: object) -> object:
    """What puts an annotation in the text: a claim's span, mentions of entities and events."""
    if isinstance(item, Claim):
        return (item.span.start, item.span.end)
    if isinstance(item, Entity | Event):
        return [(m.start, m.end) for m in item.mentions]
    return None
