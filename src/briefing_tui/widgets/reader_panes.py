"""The reader's panes side by side: the text pane on the left; documents, claim, entities and timeline
on the right. This container builds them (every one in the reader's first frame), lays them out for
the pane the screen says is active, and paints what a move or a new document changes in each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget

from briefing_tui.display import sanitize
from briefing_tui.model.places import Place
from briefing_tui.reader_state import EntityShown, EventShown, Move, ReaderState
from briefing_tui.terminal_input import press_again
from briefing_tui.widgets.labels import rating_label
from briefing_tui.widgets.pane_bar import PANES, pane_names, pane_title
from briefing_tui.widgets.status_line import Status
from briefing_tui.widgets.text_pane import Prepared, TextPane
from briefing_tui.widgets.text_view import TextView
from briefing_tui.words import plural

if TYPE_CHECKING:  # the side panes' modules are imported when they are built
    from briefing_tui.model.types import Claim
    from briefing_tui.widgets.detail_pane import DetailPane
    from briefing_tui.widgets.document_list import DocumentList
    from briefing_tui.widgets.entity_list import EntityList
    from briefing_tui.widgets.timeline_list import TimelineList

LISTS_AT_ONCE = 10_000
"""Entities and events of a document whose lists are filled in the frame that shows its text (the
10 MB bench file's 7,000 take some 50 ms: less than the two frames that would follow)."""
MOUNT_WAITS = 200
"""Frames the reader waits at most for its panes to mount (it takes one or two): past them, a pane
that never mounts is a defect, reported as such rather than a reader that never starts."""
FOCUS_TARGETS = {"text": "#text", "claim": "#detail-links", "entities": "#entities", "timeline": "#timeline",
                 "documents": "#documents"}  # fmt: skip


class ReaderPanes(Horizontal):
    """The panes of ``state``'s collection, every one composed at once: a key pressed once the text
    shows never waits for a pane to mount (the lists fill in the first frame, or just after it when
    long: ``LISTS_AT_ONCE``)."""

    def __init__(
        self, state: ReaderState, *, prepared: Prepared | None = None, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.state = state
        self._prepared = prepared
        self.lists_filled_for: object = None
        """The document the entities and timeline lists were last filled for."""
        self._mount_waits = 0

    def compose(self) -> ComposeResult:
        # in front at first (``PaneLayout``): marked so now, not restyled with its children once mounted
        text_pane = TextPane(prepared=self._prepared, id="text-pane", classes="pane -active")
        text_pane.border_title = pane_title("text")
        yield text_pane
        with Vertical(id="side"):
            yield from _side_panes()

    def mounted(self, *, also: bool = True) -> bool:
        """Whether every pane's widget is mounted (a side pane's list mounts after its pane does), and
        what the screen waits for ``also``. Asked once a frame until they are; an error after
        ``MOUNT_WAITS`` frames in vain."""
        if also and all(self.query(target) for target in FOCUS_TARGETS.values()):
            return True
        self._mount_waits += 1
        if self._mount_waits > MOUNT_WAITS:
            raise RuntimeError(f"the reader's panes did not mount in {MOUNT_WAITS} frames")
        return False

    def start(self, ready: Callable[[], None]) -> None:
        """Show the document where its preview was left (``state.opens_at``, or at its end), then
        ``ready()``; the keys pressed on the preview are then pressed again, in their order."""
        self.show_document()
        if self.state.opens_at_end:
            self.view.scroll_to_end()
        elif self.state.opens_at > 0:
            self.view.scroll_to_offset(self.state.opens_at, center=False)
        ready()
        keys, self.state.keys_meanwhile = self.state.keys_meanwhile, []
        press_again(self.app, keys)

    # the panes ------------------------------------------------------------------------------------

    @property
    def text_pane(self) -> TextPane:
        return self.query_one("#text-pane", TextPane)

    @property
    def view(self) -> TextView:
        return self.query_one("#text", TextView)

    @property
    def claim_pane(self) -> DetailPane:
        return cast("DetailPane", self.query_one("#claim-pane"))

    def pane_names(self) -> list[str]:
        """The panes that can show: the documents pane only for a collection of several."""
        return pane_names(len(self.state.collection.documents))

    def focus_target(self, name: str) -> Widget:
        """The widget that takes the focus when the pane ``name`` is chosen."""
        return self.query_one(FOCUS_TARGETS[name])

    def pane_of(self, widget: Widget | None) -> str | None:
        """The pane holding ``widget``."""
        for name in PANES:
            pane = self.query_one(f"#{name}-pane")
            if widget is not None and (widget is pane or pane in widget.ancestors):
                return name
        return None

    def lay_out(self, active: str, narrow: bool) -> None:
        """Mark the ``active`` pane; in a ``narrow`` terminal show it alone."""
        names = self.pane_names()
        for name in PANES:
            node = self.query_one(f"#{name}-pane")
            node.set_class(name == active, "-active")
            node.display = name in names and (not narrow or name == active)
        self.query_one("#side").display = not narrow or active != "text"
        self.text_pane.display = not narrow or active == "text"

    # painting -------------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._restyle)

    def _restyle(self, _theme: object) -> None:
        """A theme changes the looks: what was drawn with the old ones is drawn again."""
        self.text_pane.restyle()
        self.claim_pane.restyle(self.state.nav, self.state.claim_id)
        self._fill_lists(self.state.doc)
        self.documents_changed()

    def show_document(self) -> None:
        """Show the state's document in every pane, nothing current."""
        self.text_pane.show_document(self.state.nav, self._position())
        self._show_side()

    def _position(self) -> tuple[int, int] | None:
        """The document's place in the collection's list, from 1, and the list's length (None when it
        is alone, or no longer listed)."""
        documents = self.state.collection.documents
        index = next((i for i, doc in enumerate(documents) if doc is self.state.doc), None)
        return (index + 1, len(documents)) if index is not None and len(documents) > 1 else None

    def _show_side(self) -> None:
        state = self.state
        doc = state.doc
        if len(doc.entities) + len(doc.events) <= LISTS_AT_ONCE:  # in the same frame as the text
            self._fill_lists(doc)
        else:
            # Long lists cost more to lay out than the text: they fill in just after the first
            # paint, one at a time (a key pressed meanwhile is answered between the two).
            self.call_after_refresh(self._fill_lists, doc, later=True)
        self.documents_changed()
        self.claim_pane.show_document(state.nav)
        self.text_pane.search_document_shown()

    def _fill_lists(self, doc: object, *, later: bool = False) -> None:
        if doc is self.state.doc:
            cast("EntityList", self.query_one("#entities")).set_entities(self.state.nav, self.state.entity_id)
            if later:
                self.call_later(self._fill_timeline, doc)
            else:
                self._fill_timeline(doc)

    def _fill_timeline(self, doc: object) -> None:
        if doc is self.state.doc:
            self._light_events()
            self.lists_filled_for = doc

    def documents_changed(self) -> None:
        """The collection's documents (or its failed files) changed: the documents pane follows."""
        state = self.state
        documents = cast("DocumentList", self.query_one("#documents"))
        documents.set_documents(state.collection.documents, state.doc.id, len(state.collection.failed))
        self.text_pane.show_position(self._position())  # the header's "document 2 of 5" follows the list

    def show_failure(self, state: ReaderState, say: Callable[[str, float], None]) -> None:
        """The document of ``state.unopened`` failed to load when opened (it has left the list): the
        error view shows every file that failed so far, this one first; back in the reader, ``say``
        tells which document could not be opened."""
        # deferred: a screen's module is imported when the screen is first shown
        from briefing_tui.screens.errors import ErrorScreen

        doc, state.unopened = state.unopened, None
        if doc is not None:
            key, count = str(doc.path), len(state.collection.failed)
            message = f"{sanitize(doc.title or doc.id)} could not be opened and left the list"
            message += f" ({plural(count, 'file')} failed to load: press e)"
            screen = ErrorScreen(state.collection.failed, can_close=True, first=key)
            self.app.push_screen(screen, lambda _: say(message, 12))

    def next_claim(self, step: int) -> Place | None:
        """The claim ``]`` (``step`` 1) or ``[`` (-1) goes to: with ``&`` on, the next one in the
        paragraphs shown (none there: the bar says so)."""
        search = self.text_pane.search
        if not search.state.filter:
            return self.state.next_claim(step)
        place = self.state.next_claim(step, search.shows)
        if place is None:
            self.app.bell()
            search.search_bar.show_message("no claim in the paragraphs shown")
        return place

    def show_move(self, move: Move) -> None:
        """Paint what ``move`` changed (after ``show_document`` when it opened another document); a
        place that the ``&`` filter hides shows every paragraph again, saying so. The search follows:
        the place is its current match when it is one."""
        search = self.text_pane.search
        if move.scroll_to is not None:  # first: the filter going off brings the current match in view
            search.follow(move.span, move.scroll_to)
        if move.scroll_to is not None and not search.shows(move.scroll_to):
            search.filter_off("& filter off: the place was hidden")
        if move.shown is not None:
            self.claim_pane.show_item(move.shown)
        if move.entity_changed:
            self.entity_selected()
        self._bring_in_lists(move)
        claims = self.claim_pane.claims_list
        if claims is not None:  # the claims list follows ] / [ once it has been shown
            claims.set_current(self.state.claim_id)
        self.view.set_current(move.span, move.claim_mark)
        if move.scroll_to is not None:
            self.view.scroll_to_offset(move.scroll_to)

    def _bring_in_lists(self, move: Move) -> None:
        """The event or entity gone to is highlighted in its list, as when chosen there."""
        match move.shown:
            case EventShown(nav=nav, event=event) if nav is self.state.nav:
                cast("TimelineList", self.query_one("#timeline")).bring(event.id)
            case EntityShown(nav=nav, entity=entity) if nav is self.state.nav:
                cast("EntityList", self.query_one("#entities")).bring(entity.id)

    def edited(self, rebuilt: bool, claims: list[Claim]) -> None:
        """Paint an edit the state has taken in (``ReaderState.edited``): the claims' marks, or every
        mark and list when annotations moved; the claim pane shows what it showed, as it is now."""
        state = self.state
        if rebuilt:
            self.text_pane.annotations_moved(state.nav)
            self._fill_lists(state.doc)
        else:
            for claim in claims:
                self.text_pane.claim_changed(claim)
        if state.shown is not None:
            self.claim_pane.show_item(state.shown)
        else:
            self.claim_pane.show_document(state.nav)
        self.view.set_current(state.span, state.claim_id)

    def status(self, message: str, *, with_search: bool) -> Status:
        """What the status line says: the document, how far down the text, the current claim (or the
        one whose source is shown elsewhere), the search (``with_search``: once its bar is mounted)."""
        state = self.state
        cited = state.cited_claim()  # the current claim, or the one whose source is shown elsewhere
        said = None
        if cited is not None:
            nav, claim = cited
            glyph, label, rating = rating_label(claim)
            position = (nav.claim_position(claim.id) or 0) + 1
            said = (position, len(nav.claims), glyph, label, rating)
        filtered = None  # with & on: how many claims ] / [ step through
        if with_search and said is not None and self.text_pane.search.state.filter:
            finder = self.text_pane.search
            filtered = state.claims_shown(finder.shows, finder.state.starts)
        search, count = "", ""
        bar = self.text_pane.bar_made if with_search else None
        if bar is not None and (bar.is_open or self.text_pane.search.state.query is not None):
            search, count = bar.input.value, bar.count  # cleared by escape, it is no longer said
        title = state.doc.title or state.doc.id
        percent = self.view.percent()
        mention = state.mention_position()  # stepping with > and <: which mention of how many
        at = f"{mention[0]} {mention[1]:,}/{mention[2]:,}" if mention is not None else ""
        message = message or state.round_said()
        return Status(title, percent, said, len(state.nav.claims), search, count, message, filtered, at)

    def entity_selected(self) -> None:
        """Light up the selected entity's mentions, and the claims and events involving it."""
        nav, entity_id = self.state.nav, self.state.entity_id
        lit_claims = [c.id for c in nav.entity_claims(entity_id)] if entity_id else []
        self.view.set_selected(nav.mentions(entity_id) if entity_id else [], lit_claims)
        self._light_events()
        cast("EntityList", self.query_one("#entities")).set_selected(entity_id)

    def _light_events(self) -> None:
        nav, entity_id = self.state.nav, self.state.entity_id
        lit = {e.id for e in nav.entity_events(entity_id)} if entity_id else set()
        cast("TimelineList", self.query_one("#timeline")).set_events(nav, lit)


def _side_panes() -> list[Widget]:
    # deferred: the side panes' modules are imported when the reader's screen is built, not at start
    from briefing_tui.widgets.detail_pane import DetailPane
    from briefing_tui.widgets.document_list import DocumentList
    from briefing_tui.widgets.entity_list import EntityList
    from briefing_tui.widgets.timeline_list import TimelineList

    panes: list[Widget] = [
        Vertical(DocumentList(id="documents"), id="documents-pane", classes="pane"),
        DetailPane(id="claim-pane", classes="pane"),
        Vertical(EntityList(id="entities"), id="entities-pane", classes="pane"),
        Vertical(TimelineList(id="timeline"), id="timeline-pane", classes="pane"),
    ]
    for pane in panes:
        pane.border_title = pane_title(str(pane.id).removesuffix("-pane"))
    return panes
