"""The text pane: the document's header, its text and the search bar, with the search they share.

The pane owns its ``TextView``, its ``SearchBar`` and the search (``TextSearch``); the screen tells
it which document to show (``show_document``) and what stands out, and its keys call ``search``.
A click on a mention or a claim becomes a ``JumpRequested``.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from functools import partial
from itertools import repeat, takewhile
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.worker import get_current_worker

from briefing_tui.model.navigation import Navigator
from briefing_tui.model.places import Place, SearchPlace
from briefing_tui.model.span_list import INT, anchored_columns
from briefing_tui.model.types import Claim, Collection, Document
from briefing_tui.reader_state import ReaderState
from briefing_tui.record import record
from briefing_tui.widgets.doc_header import DocHeader
from briefing_tui.widgets.from_thread import call_back
from briefing_tui.widgets.looks import Looks
from briefing_tui.widgets.messages import JumpRequested
from briefing_tui.widgets.span_index import Columns, PartIndex, SpanIndex, ending_from, starting_before
from briefing_tui.widgets.text_lines import claim_marks, each_claim_mark, marks_of
from briefing_tui.widgets.text_search import TextSearch
from briefing_tui.widgets.text_view import TextView

if TYPE_CHECKING:
    from briefing_tui.search.corpus import Hit
    from briefing_tui.search.query import Query
    from briefing_tui.widgets.search_bar import SearchBar

MARKS_AT_ONCE = 20_000
"""Mentions and claims indexed before the text shows; a document with more has them indexed in a thread."""
INDEX_PAUSE = 0.001
"""Seconds between two slices of indexing a large text's marks after its first frame: keys come first
(as ``text_wrap.WRAP_PAUSE``)."""
INDEX_SLICE = 0.012
"""Seconds of indexing per slice, a few hundred marks at a time (``INDEX_STEP``): a key waits about
this long, as for the wrapping (``text_wrap.WRAP_SLICE``)."""
INDEX_STEP = 512


class TextPane(Vertical):
    """The text pane (see the module's docstring)."""

    def __init__(
        self, *, prepared: Prepared | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._prepared = prepared  # the first document's marks, indexed while it loaded (``prepare``)
        self.doc: Document | None = None
        self.nav: Navigator | None = None
        self._position: tuple[int, int] | None = None
        self.search = TextSearch(self)
        self.bar_made: SearchBar | None = None
        """The search bar once it is made (``bar``), else None: nothing was searched yet."""

    def compose(self) -> ComposeResult:
        # The search bar, hidden until it is first used (``bar``), is neither made nor mounted with
        # the pane: its input (imported, styled, laid out, its keys bound) made the reader's first
        # frame some 25 ms later on a slow day (timed from the first look on screen).
        yield DocHeader(id="doc-header")
        yield TextView(id="text")

    @property
    def view(self) -> TextView:
        return self.query_one("#text", TextView)

    @property
    def bar(self) -> SearchBar:
        """The search bar, made and mounted now if it was not yet (it answers at once, mounted or
        not: its input and status line are made with it)."""
        if self.bar_made is None:
            from briefing_tui.widgets.search_bar import SearchBar  # deferred: when first searched

            self.bar_made = SearchBar(id="search-bar")
            self.mount(self.bar_made)
        return self.bar_made

    @property
    def text(self) -> str:
        return self.doc.text if self.doc is not None else ""

    @property
    def doc_id(self) -> str:
        return self.doc.id if self.doc is not None else ""

    def show_document(self, nav: Navigator, position: tuple[int, int] | None) -> None:
        """Show ``nav``'s document (``position``: its place in the collection, when it has several)."""
        doc = nav.doc
        self.doc, self.nav = doc, nav
        self._position = position
        self.query_one(DocHeader).show(doc, Looks(self.view), position)  # the legend of the text's looks
        prepared, self._prepared = self._prepared, None  # used once: an edit changes the document in place
        if prepared is not None and prepared.state.doc is doc:
            self.view.set_document(doc.text, [], [])
            self.view.set_marks(prepared.mentions, prepared.claims)
            self.call_after_refresh(
                self._index_whole, prepared.mentions, prepared.claims
            )  # after the first frame
            return
        if sum(len(e.mentions) for e in doc.entities) + len(nav.claims) <= MARKS_AT_ONCE:
            self.view.set_document(doc.text, *marks_of(doc, nav.claims))
            return
        # A large document's text shows at once; its marks are indexed in a thread and drawn after.
        self.view.set_document(doc.text, [], [])
        self.run_worker(partial(self._index_marks, nav), thread=True, exclusive=True, group="marks")

    def show_position(self, position: tuple[int, int] | None) -> None:
        """The document's place in the collection changed (a document left the list, or came): the
        header says the new one."""
        if position != self._position and self.doc is not None:
            self._position = position
            self.query_one(DocHeader).show(self.doc, Looks(self.view), position)

    def _index_whole(self, *indexes: SpanIndex[object]) -> None:
        """Index the whole text's marks a few at a time while the reader waits for keys, when only
        parts of them were (``PartIndex``), as long as this text is shown."""
        parted = [i for i in indexes if isinstance(i, PartIndex) and not i.completed]
        shown = self.view.marks
        if parted and all(any(i is s for s in shown) for i in parted):
            parted[0].step_within(INDEX_SLICE, INDEX_STEP)
            self.set_timer(INDEX_PAUSE, partial(self._index_whole, *parted))

    def _index_marks(self, nav: Navigator) -> None:
        mention_index, claim_index = _indexes(nav)
        if not get_current_worker().is_cancelled:
            call_back(self, self._marks_indexed, nav, mention_index, claim_index)

    def _marks_indexed(
        self, nav: Navigator, mentions: SpanIndex[tuple[str, str]], claims: SpanIndex[Claim]
    ) -> None:
        if nav is self.nav:  # still the document shown
            self.view.set_marks(mentions, claims)

    def claim_changed(self, claim: Claim) -> None:
        """A claim's verdict changed, not its place: its mark is drawn again (no other line moves)."""
        if claim.span.anchored:
            self.view.replace_mark(claim.span.start, claim.span.end, claim)

    def annotations_moved(self, nav: Navigator) -> None:
        """Annotations were added, removed or moved: the marks are laid again, the same text on top."""
        top = self.view.top_offset
        self.show_document(nav, self._position)
        self.view.scroll_to_offset(top, center=False)

    def restyle(self) -> None:
        """The theme changed: the header is drawn again with the new looks (the text redraws itself)."""
        if self.doc is not None:
            self.query_one(DocHeader).show(self.doc, Looks(self.view), self._position)

    def search_document_shown(self) -> None:
        """Search the document just shown for the same query (once the search bar is made: there
        is no query before)."""
        if self.bar_made is not None:
            self.search.document_shown()

    def on_text_view_span_clicked(self, message: TextView.SpanClicked) -> None:
        message.stop()
        nav = self.nav
        if nav is None:
            return
        if message.entity_id is not None:
            entity = nav.entity(message.entity_id)
            if entity is not None:
                self.post_message(JumpRequested(nav.location_of(entity, (message.start, message.end))))
        elif message.claim_id is not None:
            claim = nav.claim(message.claim_id)
            if claim is not None:
                self.post_message(JumpRequested(nav.location_of(claim)))

    def search_all(self, documents: list[Document], jump: Callable[[Place], None]) -> None:
        """Search ``documents``, starting with the query typed in the bar; a hit chosen is gone to
        with ``jump`` and the search resumes there."""
        from briefing_tui.screens.search_results import SearchResultsScreen  # deferred: only when asked

        bar = self.bar
        self.app.push_screen(SearchResultsScreen(documents, bar.input.value, dict(bar.flags)),
                             partial(self._hit_chosen, jump))  # fmt: skip

    def _hit_chosen(self, jump: Callable[[Place], None], result: tuple[Hit, Query] | None) -> None:
        if result is not None:  # synchronously: the search resumes in the document opened
            hit, query = result
            jump(SearchPlace(hit.document.id, hit.start, hit.end))
            self.search.resume(query, hit.start)

    def on_search_bar_changed(self, message: SearchBar.Changed) -> None:
        message.stop()
        self.search.changed(message.query)

    def on_search_bar_submitted(self, message: SearchBar.Submitted) -> None:
        message.stop()
        self.search.submitted()

    def on_search_bar_closed(self, message: SearchBar.Closed) -> None:
        message.stop()
        self.search.closed()


@record
class Prepared:
    """Made while a large file loads (in the loading thread), so that nothing of it is left for the
    screen's thread: the reader's state for the first document (its navigator, the claims in reading
    order, the events in the timeline's order) and the indexes of that document's mentions and of
    its claims' marks (a large text's: of its start and its end, the whole indexed after the first
    frame, ``PART_CHARS``)."""

    state: ReaderState
    mentions: SpanIndex[tuple[str, str]]
    claims: SpanIndex[Claim]


PART_CHARS = 1 << 18
"""How much of a large text's start, and of its end, has its marks indexed before the reader's first
frame: more than the preview holds (the reader opens where the preview was read to), a hundred
screens; the whole text's marks are indexed after that frame, a few at a time (``PartIndex``)."""


def prepare(collection: Collection) -> Prepared:
    """What the reader shows first of ``collection``, made ready (see ``Prepared``)."""
    state = ReaderState(collection)
    doc, claims = state.doc, state.nav.claims  # the marks in the navigator's order
    state.nav.timeline()  # sorted here (5,000 events: some 20 ms) rather than in the reader's first frame
    length = len(doc.text)
    if length <= 2 * PART_CHARS:
        return Prepared(state, *_indexes(state.nav))
    head, tail = PART_CHARS, length - PART_CHARS  # the first part ends, the last part starts
    columns = _mention_columns(doc)  # (read once: the parts chosen from them, the whole made of them)
    mentions = PartIndex.of_columns(
        [(0, head, SpanIndex(starting_before(columns, head))),
         (tail, length + 1, SpanIndex(ending_from(columns, tail)))],
        lambda: columns,
    )  # fmt: skip
    if state.nav.in_order is not None:  # the whole index at once, read off the table's columns
        return Prepared(state, mentions, _claim_index(state.nav))
    first = takewhile(lambda claim: claim.span.anchored and claim.span.start < head, claims)  # by place
    last = (claim for claim in claims if claim.span.end >= tail and claim.span.anchored)
    marks = PartIndex(
        [(0, head, SpanIndex(each_claim_mark(first))), (tail, length + 1, SpanIndex(each_claim_mark(last)))],
        lambda: each_claim_mark(claims),
    )
    return Prepared(state, mentions, marks)


def _indexes(nav: Navigator) -> tuple[SpanIndex[tuple[str, str]], SpanIndex[Claim]]:
    return SpanIndex.from_columns(_mention_columns(nav.doc)), _claim_index(nav)


def _claim_index(nav: Navigator) -> SpanIndex[Claim]:
    """The marks of ``nav``'s claims (in reading order) indexed: a table's (``claim_table``) read off
    its columns, each claim made when its mark is drawn."""
    claims = nav.in_order
    if claims is not None:
        return SpanIndex.over(*claims.starts_ends(claims.anchored_count()), claims)
    return SpanIndex(claim_marks(nav.claims))


def _mention_columns(doc: Document) -> Columns[tuple[str, str]]:
    """The anchored mentions of ``doc``'s entities, entity by entity, each with its entity's type and id
    (``span_index.Columns``), read off each entity's positions at once."""
    starts, ends, payloads = array(INT), array(INT), list[tuple[str, str]]()
    for entity in doc.entities:
        first, last = anchored_columns(entity.mentions)
        starts.extend(first)
        ends.extend(last)
        payloads.extend(repeat((entity.type, entity.id), len(first)))  # one per entity, shared
    return starts, ends, payloads
