"""The reader's answers to the panes' messages: a click or a choice in a pane becomes a jump (a mixin).

The text pane (a claim or a mention clicked), the entity, timeline and claim lists, the claim pane's
links and the document list post small messages; the main screen, which owns the place and the
jump list, takes them in here and goes there through ``jump_to``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from briefing_tui.model.navigation import Location

if TYPE_CHECKING:
    from textual.screen import Screen

    from briefing_tui.model.navigation import Navigator
    from briefing_tui.model.types import Claim, Collection, Document
    from briefing_tui.widgets.claim_list import ClaimList
    from briefing_tui.widgets.detail_pane import DetailPane
    from briefing_tui.widgets.document_list import DocumentList
    from briefing_tui.widgets.entity_list import EntityList
    from briefing_tui.widgets.text_view import TextView
    from briefing_tui.widgets.timeline_list import TimelineList

    _ScreenBase = Screen[None]
else:
    _ScreenBase = object


class PaneMessages(_ScreenBase):
    """Mixed into ``MainScreen``: the handlers of the messages the panes post."""

    # provided by the screen
    collection: Collection
    doc: Document
    nav: Navigator
    detail: tuple[str, str]
    _here: Location
    jump_to: Callable[..., None]
    open_document: Callable[..., None]
    current_claim: Callable[[], Claim | None]
    _claim_location: Callable[[Claim], Location]
    _go_source_index: Callable[[Claim, int], None]

    def on_text_view_span_clicked(self, message: TextView.SpanClicked) -> None:
        if message.kind == "mention":
            self.jump_to(Location(self.doc.id, message.start, message.end, "mention", message.ref))
        else:
            claim = self.nav.claim(message.ref)
            if claim is not None:
                self.jump_to(self._claim_location(claim))

    def on_entity_list_entity_chosen(self, message: EntityList.EntityChosen) -> None:
        spans = self.nav.mentions(message.entity_id)
        start, end = spans[0] if spans else (-1, -1)
        self.jump_to(Location(self.doc.id, start, end, "mention", message.entity_id))

    def on_timeline_list_event_chosen(self, message: TimelineList.EventChosen) -> None:
        event = self.nav.event(message.event_id)
        if event is None:
            return
        mention = next((m for m in event.mentions if m.anchored), None)
        start, end = (mention.start, mention.end) if mention else (-1, -1)
        self.jump_to(Location(self.doc.id, start, end, "event", event.id))

    def on_claim_list_claim_chosen(self, message: ClaimList.ClaimChosen) -> None:
        claim = self.nav.claim(message.claim_id)
        if claim is not None:
            self.jump_to(self._claim_location(claim))

    def on_detail_pane_link_chosen(self, message: DetailPane.LinkChosen) -> None:
        if message.kind == "claim":
            claim = self.nav.claim(message.ref)
            if claim is None and self.detail[0] == "passage":  # a claim of the citing document
                origin = self.collection.document(self._here.via)
                claim = origin.claim(message.ref) if origin else None
                if claim is not None and origin is not None:
                    self.jump_to(Location(origin.id, claim.span.start, claim.span.end, "claim", claim.id))
                return
            if claim is not None:
                self.jump_to(self._claim_location(claim))
        elif message.kind == "source":
            claim = self.current_claim()
            if self.detail[0] == "claim" and claim is not None:
                self._go_source_index(claim, message.index)
            else:
                self.jump_to(Location(self.doc.id, -1, -1, "source", message.ref))

    def on_document_list_document_chosen(self, message: DocumentList.DocumentChosen) -> None:
        if message.doc_id != self.doc.id:
            self.open_document(message.doc_id)
