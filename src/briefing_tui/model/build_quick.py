"""The annotations read in the usual shape (``quick_items``), made for the Builder as it makes them of
their nodes: the same objects, their ids declared and referred to at the same places, the same
strings held once."""

from __future__ import annotations

from array import array
from typing import TYPE_CHECKING

from briefing_tui.model.build_refs import CODES
from briefing_tui.model.build_spans import EXACT
from briefing_tui.model.build_verdict import RATINGS_BY_VALUE
from briefing_tui.model.empty_lists import NOT_YET
from briefing_tui.model.fields import Fields
from briefing_tui.model.quick_items import QuickClaim, QuickEntity, QuickEvent, Ref
from briefing_tui.model.span_list import PositionSpans
from briefing_tui.model.types import (
    Claim,
    Entity,
    Event,
    PositionSpan,
    SourceRef,
    Stance,
    Verdict,
)

SUPPORTS = Stance.SUPPORTS


class QuickBuilder:
    """The part of the Builder that makes what ``quick_items`` read: needs ``f``, ``ids``, ``refs``,
    ``ref_places`` and ``declare_at`` (``build_refs.FieldReader``)."""

    f: Fields
    ids: dict[str, int]
    refs: list[str]
    ref_places: array[int]

    if TYPE_CHECKING:  # (``FieldReader``'s)

        def declare_at(self, ident: str, line: int, column: int, kind: str) -> None: ...

    def quick_claim(self, quick: QuickClaim) -> Claim:
        """The claim ``Builder.claim`` makes of the nodes of one written so."""
        line, column, _, _, start, end, span_line, span_column, cited, _, said = quick
        ident, sources, entities = self.take_quick(quick)
        verdict = None
        if said is not None:
            rating, explanation, reviewed, at_line, at_column = said
            shared = self.f.shared
            verdict = Verdict(
                RATINGS_BY_VALUE[rating],
                shared(explanation) if explanation else "",
                None if reviewed is None else shared(reviewed),
                at_line,
                at_column,
            )
        refs = [SourceRef(s, None, SUPPORTS, ln, co) for s, (_, ln, co) in zip(sources, cited, strict=True)]
        span = PositionSpan(start, end, EXACT, None, span_line, span_column)
        return Claim(ident, span, refs, verdict, "", entities or NOT_YET, NOT_YET, "", False, line, column)

    def take_quick(self, quick: QuickClaim) -> tuple[str, list[str], list[str]]:
        """The ids of a claim written so declared and referred to as ``Builder.claim`` does, at their
        places: its id, its sources' and its entities', each held as ``Fields.ident`` holds it (the
        claim itself is made by ``quick_claim``, or as a row of the claims table)."""
        ident = self.f.known_id(quick.ident)
        self.declare_at(ident, quick.line, quick.id_column, "claim")
        return ident, self._refer_all("source", quick.sources), self._refer_all("entity", quick.entities)

    def quick_event(self, quick: QuickEvent) -> Event:
        """The event ``Builder.event`` makes of the nodes of one written so."""
        line, column, ident, id_column, label, when, mentions, cited, listed = quick
        ident = self.f.known_id(ident)
        self.declare_at(ident, line, id_column, "event")
        sources = self._refer_all("source", cited)
        refs = [SourceRef(s, None, SUPPORTS, ln, co) for s, (_, ln, co) in zip(sources, cited, strict=True)]
        entities = self._refer_all("entity", listed)
        spans = PositionSpans.of(mentions)
        label = self.f.shared(label)
        return Event(ident, label, when, spans, refs, entities or NOT_YET, NOT_YET, "", False, line, column)

    def quick_entity(self, quick: QuickEntity) -> Entity:
        """The entity ``Builder.entity`` makes of the nodes of one written so."""
        line, column, ident, id_column, name, kind, mentions = quick
        ident = self.f.known_id(ident)
        self.declare_at(ident, line, id_column, "entity")
        shared = self.f.shared
        spans = PositionSpans.of(mentions)
        return Entity(
            ident,
            shared(name),
            shared(kind),
            NOT_YET,
            "",
            None,
            "",
            spans,
            NOT_YET,
            "",
            None,
            False,
            line,
            column,
        )

    def _refer_all(self, kind: str, refs: list[Ref]) -> list[str]:
        """The ids ``refs`` refer to, each held as ``Fields.ident`` holds it and referred to as
        ``FieldReader.refer`` does (written out here: a large file has tens of thousands)."""
        if not refs:
            return []
        valid, known = self.f.valid_ids.get, self.f.known_id
        declared, code = self.ids.get, CODES[kind]
        kept, places = self.refs, self.ref_places
        out = []
        for ident, line, column in refs:
            ident = valid(ident) or known(ident)
            packed = declared(ident)
            if packed is None or packed & 3 != code:  # checked once every id is known
                kept.append(ident)
                places.extend((code, line, column))
            out.append(ident)
        return out
