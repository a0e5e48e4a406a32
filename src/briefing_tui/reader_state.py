"""The reader's state that belongs to no widget: the document shown, the current claim and entity,
the place last gone to and the jump list.

Pure (no textual): ``ReaderState.go(place)`` works out what going there means (which document, the
span that stands out, what the claim pane shows) and returns it as a ``Move`` for the screen to
paint. Tests drive it without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic

from briefing_tui.model.navigation import JumpList, Navigator
from briefing_tui.model.places import (
    ClaimPlace,
    EventPlace,
    MentionPlace,
    PassagePlace,
    Place,
    SearchPlace,
    SourcePlace,
    SourceWay,
    SpeakerPlace,
    TextPlace,
    span_of,
)
from briefing_tui.model.types import Claim, Collection, Document, Entity, Event, Source, SourceRef
from briefing_tui.record import record


@record
class ClaimShown:
    """The claim pane shows a claim of ``nav``'s document."""

    nav: Navigator
    claim: Claim


@record
class SourceShown:
    """The claim pane shows a source of ``nav``'s document (``passage``: reached in another document)."""

    nav: Navigator
    source: Source
    ref: SourceRef | None = None
    of: tuple[int, int] | None = None  # reached from a claim: which of its sources (from 1), of how many
    passage: bool = False


@record
class EntityShown:
    nav: Navigator
    entity: Entity


@record
class EventShown:
    nav: Navigator
    event: Event


Shown = ClaimShown | SourceShown | EntityShown | EventShown
"""What the claim pane shows in full."""


def shown_key(shown: Shown | None) -> tuple[str, str]:
    """``(kind, id)`` of what the claim pane shows: ``("claim", "C1")``, ``("none", "")``..."""
    match shown:
        case ClaimShown(claim=claim):
            return ("claim", claim.id)
        case SourceShown(source=source, passage=passage):
            return ("passage" if passage else "source", source.id)
        case EntityShown(entity=entity):
            return ("entity", entity.id)
        case EventShown(event=event):
            return ("event", event.id)
    return ("none", "")


@record
class Move:
    """What going to a place changes on screen.

    Attributes:
        opened: another document is shown (every pane shows it afresh first).
        span: the span that stands out, or None.
        claim_mark: the claim marked in the text's gutter, or None.
        shown: what the claim pane shows now, or None to leave it as it is.
        entity_changed: the selected entity changed (its mentions are highlighted).
        scroll_to: the text offset to bring into view, or None.
    """

    opened: bool
    span: tuple[int, int] | None
    claim_mark: str | None
    shown: Shown | None
    entity_changed: bool
    scroll_to: int | None


class ReaderState:
    """The document shown and where the reader is in it (see the module's docstring)."""

    def __init__(self, collection: Collection) -> None:
        self.collection = collection
        self.doc: Document = collection.documents[0]
        self.nav = Navigator(self.doc, collection)
        self.jumps = JumpList()
        self.claim_id: str | None = None
        self.entity_id: str | None = None
        self.span: tuple[int, int] | None = None
        """The span that stands out (the current claim, mention, match...)."""
        self.shown: Shown | None = None
        self.last: Place = TextPlace(self.doc.id, 0, 0)
        """The place last gone to."""
        self.unopened: Document | None = None
        """The document last asked for that failed to load when it was opened (its problems are in
        ``collection.failed``)."""
        self.opens_at = 0
        """The offset of the first document's text shown at the top at start (where its preview was
        read to)."""
        self.opens_at_end = False
        """Whether the first document opens at its text's end (``G`` pressed on its preview)."""
        self.keys_meanwhile: list[tuple[str, str | None]] = []
        """Keys pressed on the preview, ``(key, character)``, for the reader to act on once up."""
        self.went_round: tuple[int, str, float] | None = None
        """The last ``]`` / ``[`` that went round past the end: its step, the claim it reached and when."""
        self._shown_count: tuple[Navigator, object, int] | None = None
        """``claims_shown``'s last count, with the navigator and the matches it counted for."""
        self.on_show: list[Callable[[Document], None]] = []
        """Called with each document shown after the first (checking puts the person's layer on it)."""

    @property
    def detail(self) -> tuple[str, str]:
        """``(kind, id)`` of what the claim pane shows (see ``shown_key``)."""
        return shown_key(self.shown)

    def can(self, action: str, parameters: tuple[object, ...] = ()) -> bool | None:
        """Whether one of the reader's actions can run now: True, None (it shows, disabled) or False
        (it is hidden: no failed file to show, no second document to list)."""
        match action:
            case "next_claim":
                return bool(self.nav.claims) or None
            case "go_source":
                cited = self.cited_claim()
                return (cited is not None and bool(cited[1].sources)) or None
            case "back":
                return self.jumps.can_back or None
            case "leave_source":  # escape: hidden otherwise, for escape's other meanings to be tried
                return self.citing_place() is not None
            case "forward":
                return self.jumps.can_forward or None
            case "mention":
                return bool(self.entity_id) or None
            case "errors":
                return bool(self.collection.failed)
            case "pane" if parameters == ("documents",):
                return len(self.collection.documents) > 1
            case "rate" | "attach_source":
                return self.current_claim() is not None or None
            case "remove_verdict":
                claim = self.current_claim()
                return (claim is not None and claim.verdict is not None) or None
            case "note" | "toggle_verified" | "remove":
                return self.annotated() is not None or None
            case "review_draft":
                return self._shows_draft() or None
        return True

    def next_claim(self, step: int, shown: Callable[[int], bool] | None = None) -> Place | None:
        """The claim after (``step`` 1) or before (-1) the current one, wrapping; None without claims.

        ``shown(offset)``: whether the text at ``offset`` is shown (the ``&`` filter hides the other
        paragraphs): only the claims that start there are stepped through (None when none does)."""
        claim = self.nav.next_claim(self.claim_id, step)
        if shown is not None:
            claims = self.nav.claims
            for _ in range(len(claims)):
                if claim is None or (claim.span.anchored and shown(claim.span.start)):
                    break
                claim = self.nav.next_claim(claim.id, step)
            else:
                claim = None
        if claim is None:
            return None
        before, after = self.nav.claim_position(self.claim_id), self.nav.claim_position(claim.id)
        if before is not None and after is not None and (after - before) * step <= 0:  # past the end
            self.went_round = (step, claim.id, monotonic())
        return self.nav.location_of(claim)

    def claims_shown(self, shown: Callable[[int], bool], matches: object) -> int:
        """How many claims start in the text ``shown`` (see ``next_claim``): with ``&`` on, the status
        line asks at each refresh, so the count is kept until the navigator (made anew when the
        claims change) or ``matches`` (the search's, a new object at each search) is another."""
        kept = self._shown_count
        if kept is not None and kept[0] is self.nav and kept[1] is matches:
            return kept[2]
        in_order = self.nav.in_order
        if in_order is not None:  # read off the table's columns, no claim made
            count = in_order.starting_where(shown)
        else:
            count = sum(claim.span.anchored and shown(claim.span.start) for claim in self.nav.claims)
        self._shown_count = (self.nav, matches, count)
        return count

    def next_mention(self, step: int) -> Place | None:
        """The selected entity's mention after (or before) the current span, wrapping."""
        entity = self.nav.entity(self.entity_id)
        if entity is None:
            return None
        span = self.nav.next_mention(entity.id, self.span[0] if self.span else -1, step)
        return self.nav.location_of(entity, span) if span is not None else None

    def round_said(self, seconds: float = 4.0) -> str:
        """That ``]`` / ``[`` went round to the first or last claim, for ``seconds`` while on it."""
        went = self.went_round
        if went is None or went[1] != self.claim_id or monotonic() - went[2] > seconds:
            return ""
        return "] went round to the first claim" if went[0] > 0 else "[ went round to the last claim"

    def mention_position(self) -> tuple[str, int, int] | None:
        """The selected entity's name, which of its mentions stands out and of how many (``>`` /
        ``<`` step through them); None when none does."""
        entity = self.nav.entity(self.entity_id) if self.entity_id else None
        spans = self.nav.mentions(entity.id) if entity is not None else []
        if entity is None or self.span not in spans:
            return None
        return entity.name, spans.index(self.span) + 1, len(spans)

    def current_claim(self) -> Claim | None:
        return self.nav.claim(self.claim_id) if self.claim_id else None

    def cited_claim(self) -> tuple[Navigator, Claim] | None:
        """The claim whose sources ``s`` goes through, with the navigator of its document: the current
        claim, or, when one of its sources led into another document, the claim that cites it there."""
        claim = self.current_claim()
        if claim is not None:
            return self.nav, claim
        citing = self._citing() if isinstance(self.last, PassagePlace) else None
        return None if citing is None else (Navigator(citing[0], self.collection), citing[1])

    def citing_place(self) -> ClaimPlace | None:
        """The claim that the source shown was reached from (``s``, or its link in the claim pane), in
        whichever document; None when what is shown is not a source reached from a claim."""
        citing = self._citing()
        if citing is None:
            return None
        doc, claim = citing
        return ClaimPlace(doc.id, claim.id, claim.span.start, claim.span.end)

    def _citing(self) -> tuple[Document, Claim] | None:
        """The document and the claim the place last gone to, a source, was reached from."""
        last = self.last
        if not isinstance(last, SourceWay) or not last.claim_id:
            return None
        doc = self.collection.document(last.via if isinstance(last, PassagePlace) else last.doc_id)
        claim = doc.claim(last.claim_id) if doc is not None else None
        return None if doc is None or claim is None else (doc, claim)

    def here(self, top: int) -> Place:
        """Where the reader is: the place last gone to, or the text at ``top`` (the offset at the top of
        the text pane) when that place was a bare offset or in another document."""
        if self.last.doc_id == self.doc.id and not isinstance(self.last, TextPlace):
            return self.last
        return TextPlace(self.doc.id, top, top)

    def open(self, doc_id: str) -> bool | None:
        """Show the document ``doc_id``: True when it is another one (every place in it starts
        afresh), False when it is already shown, None when the collection has no such document."""
        doc = self.collection.document(doc_id)
        if doc is None:
            return None
        if doc is self.doc:
            return False
        # deferred: the reading of files is imported when an outline is first opened, not at start
        from briefing_tui.model.outline import complete

        whole = complete(self.collection, doc)  # a large collection reads a document when it is opened
        if whole is None:  # it failed to load: ``collection.failed`` says why
            self.unopened = doc
            return None
        self.show(whole)
        return True

    def show(self, doc: Document) -> None:
        """Show ``doc`` (a new document, or a new version of the one shown) with nothing current."""
        self.doc = doc
        self.nav = Navigator(doc, self.collection)
        self.claim_id = self.entity_id = self.span = self.shown = None
        for callback in self.on_show:
            callback(doc)

    def select_entity(self, entity_id: str | None) -> None:
        self.entity_id = entity_id

    def go(self, place: Place) -> Move | None:
        """Go to ``place`` (without recording it in the jump list); None when its document is missing."""
        opened = self.open(place.doc_id)
        if opened is None:
            return None
        self.last = place
        nav, span = self.nav, span_of(place)
        shown: Shown | None = None
        entity_before = self.entity_id
        mark = False
        match place:
            case ClaimPlace(claim_id=claim_id):
                claim = nav.claim(claim_id)
                if claim is not None:
                    self.claim_id = claim.id
                    span = (claim.span.start, claim.span.end) if claim.span.anchored else None
                    shown = ClaimShown(nav, claim)
                mark = True
            case (
                SourcePlace(source_id=source_id, claim_id=claim_id)
                | SpeakerPlace(source_id=source_id, claim_id=claim_id)
            ):
                claim = nav.claim(claim_id) if claim_id else None
                if claim is not None:
                    self.claim_id = claim.id
                    if span is None and claim.span.anchored:
                        span = (claim.span.start, claim.span.end)
                source = nav.source(source_id)
                if source is not None:
                    shown = SourceShown(nav, source, *_cited(claim, source_id))
                mark = True
            case PassagePlace(source_id=source_id, claim_id=claim_id, via=via):
                self.claim_id = None
                origin = self.collection.document(via)
                if origin is not None:
                    origin_nav = Navigator(origin, self.collection)
                    source = origin_nav.source(source_id)
                    if source is not None:
                        claim = origin.claim(claim_id) if claim_id else None
                        shown = SourceShown(origin_nav, source, *_cited(claim, source_id), passage=True)
            case MentionPlace(entity_id=entity_id):
                entity = nav.entity(entity_id)
                if entity is not None:
                    self.entity_id = entity.id
                    shown = EntityShown(nav, entity)
            case EventPlace(event_id=event_id):
                event = nav.event(event_id)
                if event is not None:
                    shown = EventShown(nav, event)
            case TextPlace() | SearchPlace():
                pass
        if shown is not None:
            self.shown = shown
        self.span = span
        scroll = span[0] if span is not None else None
        if scroll is None and isinstance(place, TextPlace) and place.start >= 0:
            scroll = place.start
        claim_mark = self.claim_id if mark else None
        return Move(opened, span, claim_mark, shown, self.entity_id != entity_before, scroll)

    # checking ---------------------------------------------------------------------------------

    def annotated(self) -> tuple[str, str] | None:
        """``(kind, id)`` of the annotation a note or a verification mark goes to: what the claim
        pane shows in this document (a claim, an entity, an event, a source); None for nothing or
        a passage of another document."""
        kind, ident = self.detail
        return (kind, ident) if kind in ("claim", "entity", "event", "source") else None

    def _shows_draft(self) -> bool:
        match self.shown:
            case ClaimShown(claim=item) | EntityShown(entity=item) | EventShown(event=item):
                return item.draft and self.shown.nav.doc is self.doc
            case SourceShown(source=item, passage=False):
                return item.draft and self.shown.nav.doc is self.doc
        return False

    def edited(self, changed: list[tuple[str, object]], *, moved: bool = False) -> bool:
        """An edit replaced the annotations ``[(kind, new object or None)]`` of the document shown.
        The navigator takes them in place when none moved in the text (False); else it is built
        again (True: the text's marks and the lists must be drawn again; ``moved`` asks for it, as
        after a merge with the file on disk). What the claim pane shows becomes its new version, or
        the current claim when it was removed."""
        rebuilt = moved
        for kind, after in changed:
            if after is None or not self.nav.replaced(kind, after):  # type: ignore[arg-type]
                rebuilt = True
        if rebuilt:
            self.nav = Navigator(self.doc, self.collection)
        self.shown = self._shown_again(self.shown)
        if self.claim_id and self.nav.claim(self.claim_id) is None:
            self.claim_id = None
        if self.shown is None and (claim := self.current_claim()) is not None:  # what it showed is gone
            self.shown = ClaimShown(self.nav, claim)  # the current claim is shown again, as the status says
        if self.entity_id and self.nav.entity(self.entity_id) is None:
            self.entity_id = None
        return rebuilt

    def _shown_again(self, shown: Shown | None) -> Shown | None:
        nav = self.nav
        match shown:
            case ClaimShown(claim=claim) if shown.nav.doc is self.doc:
                new_claim = nav.claim(claim.id)
                return ClaimShown(nav, new_claim) if new_claim is not None else None
            case SourceShown(source=source, passage=False) if shown.nav.doc is self.doc:
                new_source = nav.source(source.id)
                if new_source is None:
                    return None
                return SourceShown(nav, new_source, *_cited(self.current_claim(), source.id))
            case EntityShown(entity=entity) if shown.nav.doc is self.doc:
                new_entity = nav.entity(entity.id)
                return EntityShown(nav, new_entity) if new_entity is not None else None
            case EventShown(event=event) if shown.nav.doc is self.doc:
                new_event = nav.event(event.id)
                return EventShown(nav, new_event) if new_event is not None else None
        return shown


def _cited(claim: Claim | None, source_id: str) -> tuple[SourceRef | None, tuple[int, int] | None]:
    """How ``claim`` cites ``source_id``, and which of its sources it is, of how many (None: it does not)."""
    at = next((i for i, r in enumerate(claim.sources) if r.source == source_id), None) if claim else None
    return (None, None) if claim is None or at is None else (claim.sources[at], (at + 1, len(claim.sources)))
