"""The main screen of the reader: text, claim, entities and timeline panes, and the state they share.

The screen owns the state (current document, claim, entity, focused pane) and tells the panes what to
show; the panes post small messages back. Every move that changes place goes through ``jump_to``,
which records the place left in the jump list (back: ctrl+o / alt+left, forward: alt+right).

Parts of the screen live beside it as mixins: the pane layout (``panes``), the answers to the
panes' messages (``pane_messages``), the way to a claim's sources (``source_actions``) and search
(``search_actions``). The state, the reactives and every key binding stay here.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from briefing_tui.model.navigation import JumpList, Location, Navigator
from briefing_tui.model.types import Claim, Collection, Document
from briefing_tui.screens.pane_messages import PaneMessages
from briefing_tui.screens.panes import NARROW_HEIGHT, NARROW_WIDTH, PANE_TITLES, PANES, PaneBar, PaneLayout
from briefing_tui.screens.search_actions import SearchActions
from briefing_tui.screens.source_actions import SourceActions
from briefing_tui.widgets.doc_header import DocHeader
from briefing_tui.widgets.labels import rating_label
from briefing_tui.widgets.text_view import Mark, TextView
from briefing_tui.words import plural

if TYPE_CHECKING:  # the side panes' modules are imported after the first frame
    from briefing_tui.widgets.claim_list import ClaimList
    from briefing_tui.widgets.detail_pane import DetailLinks, DetailPane
    from briefing_tui.widgets.document_list import DocumentList
    from briefing_tui.widgets.entity_list import EntityList
    from briefing_tui.widgets.timeline_list import TimelineList


def _reader_commands() -> type:
    from briefing_tui.palette import ReaderCommands

    return ReaderCommands


class MainScreen(SearchActions, PaneLayout, PaneMessages, SourceActions, Screen[None]):
    """The reader. Public API: ``jump_to``, ``open_document``, ``here``, ``text_view``, ``navigator``."""

    HELP_GROUP = "Everywhere"
    AUTO_FOCUS = "#text"
    COMMANDS = {lambda: _reader_commands()}  # noqa: RUF012 - the palette reads this class variable
    BINDINGS = [
        Binding("right_square_bracket", "next_claim(1)", "Next claim", key_display="]"),
        Binding("left_square_bracket", "next_claim(-1)", "Prev claim", key_display="["),
        Binding("s", "go_source", "Source"),
        Binding("o", "open_url", "Open address", show=False),  # the claim pane says "o: open address"
        Binding("ctrl+o,alt+left", "back", "Back"),
        Binding("alt+right,ctrl+i", "forward", "Forward", show=False),
        Binding("tab", "cycle_pane(1)", "Next pane", show=False),
        Binding("shift+tab", "cycle_pane(-1)", "Previous pane", show=False),
        Binding("1", "pane('text')", "Text pane", show=False),
        Binding("2", "pane('claim')", "Claim pane", show=False),
        Binding("3", "pane('entities')", "Entities pane", show=False),
        Binding("4", "pane('timeline')", "Timeline pane", show=False),
        Binding("5", "pane('documents')", "Documents pane", show=False),
        Binding("6", "claims_list", "Claims list", show=False),
        Binding("greater_than_sign", "mention(1)", "Next mention", key_display=">", show=False),
        Binding("less_than_sign", "mention(-1)", "Previous mention", key_display="<", show=False),
        Binding("escape", "search_escape", "Leave filter / clear search", show=False),
        Binding("escape", "clear_selection", "Clear entity", show=False),
        Binding("e", "errors", "Errors", show=False),  # the document list says so; the footer is full
        Binding("slash", "search_open", "Search", key_display="/"),
        Binding("n", "search_next(1)", "Next match", show=False),
        Binding("N", "search_next(-1)", "Previous match", show=False),
        Binding("ampersand", "search_filter", "Filter matching paragraphs", key_display="&", show=False),
        Binding("F", "search_all", "Search all documents", key_display="F", show=False),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q", "app.quit", "Quit"),
    ]

    claim_id: reactive[str | None] = reactive(None, init=False, repaint=False)
    """The current claim (of the current document)."""
    entity_id: reactive[str | None] = reactive(None, init=False, repaint=False)
    """The selected entity, whose mentions are highlighted."""
    pane: reactive[str] = reactive("text", init=False, repaint=False)
    """The focused pane: text, claim, entities, timeline or documents."""
    narrow: reactive[bool] = reactive(False, init=False, repaint=False)
    """True in a small terminal: one pane at a time."""

    def __init__(self, collection: Collection) -> None:
        super().__init__()
        self.collection = collection
        self.doc: Document = collection.documents[0]
        self.nav = Navigator(self.doc, collection)
        self.jumps = JumpList()
        self.detail: tuple[str, str] = ("none", "")
        self._here = Location(self.doc.id, 0, 0, "text")
        self._current_span: tuple[int, int] | None = None
        self._source_index: int | None = None
        self._binding_signature: object = None
        self._panes_mounted = False
        from briefing_tui.live_reload import LiveReload

        # Reloads a file changed on disk, keeping the place. The files' state is taken now, when
        # the collection was loaded, so a change made while the screen mounts is not missed.
        self.live_reload = LiveReload(self)

    # layout -----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # In a terminal the first frame holds the text pane only: the side panes (their space
        # kept by #side) and the search bar are mounted right after it (``_mount_panes``), as
        # they cost more to build and lay out than the text itself. Headless (tests, snapshots)
        # no one waits for a first frame: everything is composed at once.
        at_once = self.app.is_headless
        yield PaneBar(id="pane-bar")
        with Horizontal(id="body"):
            with Vertical(id="text-pane", classes="pane"):
                yield DocHeader(id="doc-header")
                yield TextView(id="text")
                if at_once:
                    yield _search_bar()
            with Vertical(id="side"):
                if at_once:
                    yield from self._side_panes()
        yield Footer(compact=True)

    def _side_panes(self) -> list[Widget]:
        from briefing_tui.widgets.detail_pane import DetailPane
        from briefing_tui.widgets.document_list import DocumentList
        from briefing_tui.widgets.entity_list import EntityList
        from briefing_tui.widgets.timeline_list import TimelineList

        return [
            Vertical(DocumentList(id="documents"), id="documents-pane", classes="pane"),
            DetailPane(id="claim-pane", classes="pane"),
            Vertical(EntityList(id="entities"), id="entities-pane", classes="pane"),
            Vertical(TimelineList(id="timeline"), id="timeline-pane", classes="pane"),
        ]

    def on_mount(self) -> None:
        if self._panes_mounted:
            return
        if not self.query("#text") or not self.query(Footer):
            # Switched in from another screen, the nested widgets may still be mounting: try
            # again once they are.
            self.call_after_refresh(self.on_mount)
            return
        text_pane = self.query_one("#text-pane")
        text_pane.border_title = f"1 {PANE_TITLES['text']}"
        text_pane.add_class("-active")
        width, height = self.app.size
        self.narrow = width < NARROW_WIDTH or height < NARROW_HEIGHT
        self.query_one("#side").display = not self.narrow
        self._update_pane_bar()
        self._show_text()
        if self.query("#claim-pane"):
            self._show_panes_first()
        else:
            # In the app's own loop, so that no key is handled before the panes it may need
            # exist (keys wait in the app's queue meanwhile).
            self.app.call_later(self._mount_panes)

    async def _mount_panes(self) -> None:
        if self.app.screen is self:  # after the first frame (a screen beneath another never paints)
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self.wait_for_refresh(), 1.0)
        if self._panes_mounted or not self.is_attached:
            return
        await self.query_one("#text-pane").mount(_search_bar())
        await self.query_one("#side").mount_all(self._side_panes())
        self._show_panes_first()

    def _show_panes_first(self) -> None:
        self._panes_mounted = True
        for name in PANES:
            self.query_one(f"#{name}-pane").border_title = f"{PANES.index(name) + 1} {PANE_TITLES[name]}"
        self.query_one("#documents-pane").display = len(self.collection.documents) > 1
        self._show_panes()
        self._update_layout()
        self.live_reload.start()

    def watch_claim_id(self, claim_id: str | None) -> None:
        if self.query("#claims"):  # the claims list follows ] / [ once it has been shown
            self._claim_list.set_current(claim_id)

    # public API ------------------------------------------------------------------------------

    @property
    def text_view(self) -> TextView:  # type: ignore[override]
        """The text pane's ``TextView`` (for overlays such as search matches)."""
        return self.query_one("#text", TextView)

    @property
    def navigator(self) -> Navigator:
        """The navigation graph of the current document."""
        return self.nav

    def here(self) -> Location:
        """Where the reader is now (the last place jumped to, or the top of the text)."""
        if self._here.doc_id == self.doc.id and self._here.kind != "text":
            return self._here
        top = self.text_view.top_offset if self.is_mounted else 0
        return Location(self.doc.id, top, top, "text")

    def jump_to(self, location: Location, *, record: bool = True) -> None:
        """Go to ``location`` (any document of the collection), recording the place left.

        ``location.kind`` says what to show: ``claim`` (ref: claim id), ``mention`` (ref: entity id),
        ``event`` (ref: event id), ``source`` (ref: source id; its entry), ``speaker`` (a source's
        mention in the text), ``passage`` (a source that is another document; ``via``: the citing
        document), ``search`` or ``text`` (a bare span or offset).
        """
        if record:
            self.jumps.record(self.here())
        self._go(location)
        self.refresh_bindings()

    def open_document(self, doc_id: str, offset: int | None = None, end: int | None = None) -> None:
        """Open another document of the collection, at ``offset`` when given (recorded as a jump)."""
        start = -1 if offset is None else offset
        self.jump_to(Location(doc_id, start, start if end is None else end, "text"))

    # going places ----------------------------------------------------------------------------

    def _show_document(self) -> None:
        self._show_text()
        self._show_panes()

    def _show_text(self) -> None:
        doc, nav = self.doc, self.nav
        mentions = [(m.start, m.end, e.type, e.id) for e in doc.entities for m in e.mentions if m.anchored]
        marks = []
        for claim in nav.claims:
            if claim.span.anchored:
                glyph, _label, rating = rating_label(claim)
                marks.append((claim.span.start, claim.span.end, Mark(claim.id, rating, glyph)))
        position = None
        if len(self.collection.documents) > 1:
            position = (self.collection.documents.index(doc) + 1, len(self.collection.documents))
        self.query_one(DocHeader).show(doc, position)
        self.text_view.set_document(doc.text, mentions, marks)

    def _show_panes(self) -> None:
        doc = self.doc
        # The lists cost more to lay out than the text: they fill in just after the first paint.
        self.call_after_refresh(self._fill_lists, doc)
        cast("DocumentList", self.query_one("#documents")).set_documents(
            self.collection.documents, doc.id, len(self.collection.failed)
        )
        self._current_span = None
        self._source_index = None
        self.claim_id = None
        self.entity_id = None
        self.detail = ("none", "")
        self._detail_pane.show(self._empty_detail(), [])
        if self.query("#claims"):
            self._claim_list.set_claims(self.nav, None)
        self.search_document_shown()

    def _fill_lists(self, doc: Document) -> None:
        if doc is self.doc:
            self._entity_list.set_entities(self.nav.entities_by_type(), self.entity_id)
            lit = {e.id for e in self.nav.entity_events(self.entity_id)} if self.entity_id else set()
            self._timeline_list.set_events(self.nav.timeline(), lit)

    def _empty_detail(self) -> Text:

        if not self.nav.claims:
            return Text("This document has no claims.", style="dim")
        count = plural(len(self.nav.claims), "claim")
        return Text(f"{count}. Press ] for the first one, [ for the last.", style="dim")

    def _open(self, doc_id: str) -> bool:
        doc = self.collection.document(doc_id)
        if doc is None:
            self.notify(f"No document {doc_id!r} in this collection", severity="warning", markup=False)
            return False
        if doc is not self.doc:
            complete = self.collection.complete(doc)  # a large collection reads a document when opened
            if complete is None:
                self._failed_to_open(doc)
                return False
            self.doc = doc = complete
            self.nav = Navigator(doc, self.collection)
            self._show_document()
        return True

    def _failed_to_open(self, doc: Document) -> None:
        from briefing_tui.screens.errors import ErrorScreen

        key = str(doc.path)
        cast("DocumentList", self.query_one("#documents")).set_documents(
            self.collection.documents, self.doc.id, len(self.collection.failed)
        )
        self.app.push_screen(ErrorScreen({key: self.collection.failed.get(key, [])}, can_close=True))

    def _go(self, loc: Location) -> None:
        if not self._open(loc.doc_id):
            return
        self._here = loc
        span = (loc.start, loc.end) if loc.start >= 0 else None
        kind, nav, view = loc.kind, self.nav, self.text_view
        detail = self._detail_pane
        if kind == "claim":
            claim = nav.claim(loc.ref)
            if claim is not None:
                self._set_claim(claim)
                span = (claim.span.start, claim.span.end) if claim.span.anchored else None
                detail.show_claim(nav, claim)
                self.detail = ("claim", claim.id)
        elif kind in ("source", "speaker"):
            claim = nav.claim(loc.claim) if loc.claim else None
            if claim is not None:
                self._set_claim(claim, keep_source=True)
                if span is None and claim.span.anchored:
                    span = (claim.span.start, claim.span.end)
            source = nav.source(loc.ref)
            ref = next((r for r in claim.sources if r.source == loc.ref), None) if claim else None
            if source is not None:
                detail.show_source(nav, source, ref)
            self.detail = ("source", loc.ref)
        elif kind == "passage":
            origin = self.collection.document(loc.via)
            self.claim_id = None
            if origin is not None:
                origin_nav = Navigator(origin, self.collection)
                source = origin_nav.source(loc.ref)
                claim = origin.claim(loc.claim) if loc.claim else None
                ref = next((r for r in claim.sources if r.source == loc.ref), None) if claim else None
                if source is not None:
                    detail.show_source(origin_nav, source, ref)
            self.detail = ("passage", loc.ref)
        elif kind == "mention":
            entity = nav.entity(loc.ref)
            if entity is not None:
                self._select_entity(entity.id)
                detail.show_entity(nav, entity)
                self.detail = ("entity", entity.id)
        elif kind == "event":
            event = nav.event(loc.ref)
            if event is not None:
                detail.show_event(nav, event)
                self.detail = ("event", event.id)
        self._current_span = span
        view.set_current(span, self.claim_id if kind in ("claim", "source", "speaker") else None)
        if span is not None:
            view.scroll_to_offset(span[0])
        elif kind == "text" and loc.start >= 0:
            view.scroll_to_offset(loc.start)

    def _set_claim(self, claim: Claim, keep_source: bool = False) -> None:
        if (claim.id != self.claim_id or not keep_source) and claim.id != self.claim_id:
            self._source_index = None
        self.claim_id = claim.id

    def _select_entity(self, entity_id: str | None) -> None:
        self.entity_id = entity_id
        nav = self.nav
        if entity_id is None:
            self.text_view.set_selected([])
            self._timeline_list.set_events(nav.timeline())
        else:
            lit = [c.id for c in nav.entity_claims(entity_id)]
            self.text_view.set_selected(nav.mentions(entity_id), lit)
            self._timeline_list.set_events(nav.timeline(), {e.id for e in nav.entity_events(entity_id)})
        self._entity_list.set_selected(entity_id)

    def _claim_location(self, claim: Claim) -> Location:
        return Location(self.doc.id, claim.span.start, claim.span.end, "claim", claim.id)

    def current_claim(self) -> Claim | None:
        return self.nav.claim(self.claim_id) if self.claim_id else None

    # actions ---------------------------------------------------------------------------------

    def refresh_bindings(self) -> None:
        """Redraw the footer only when what the keys can do has changed (a jump in a document of
        100,000 annotations must not rebuild the footer every time)."""
        if not self.is_mounted:
            return super().refresh_bindings()
        from textual.actions import parse

        states = []
        for binding in self._bindings:
            _, name, params = parse(binding[1].action)
            states.append(self.check_action(name, params))
        signature = (self.focused, len(self.app.screen_stack), tuple(states))
        if signature != self._binding_signature:
            self._binding_signature = signature
            super().refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        if action.startswith("search_"):
            return self.search_check_action(action)
        if action == "next_claim":
            return bool(self.nav.claims) or None
        if action == "go_source":
            claim = self.current_claim()
            return (claim is not None and bool(claim.sources)) or None
        if action == "open_url":
            return self._url() is not None or None
        if action == "back":
            return self.jumps.can_back or None
        if action == "forward":
            return self.jumps.can_forward or None
        if action == "mention":
            return bool(self.entity_id) or None
        if action == "errors":
            return bool(self.collection.failed)
        if action == "pane" and parameters and parameters[0] == "documents":
            return len(self.collection.documents) > 1
        return True

    def action_next_claim(self, step: int) -> None:
        claim = self.nav.next_claim(self.claim_id, step)
        if claim is not None:
            self.jump_to(self._claim_location(claim))

    def action_back(self) -> None:
        loc = self.jumps.back(self.here())
        if loc is not None:
            self._go(loc)
        self.refresh_bindings()

    def action_forward(self) -> None:
        loc = self.jumps.forward()
        if loc is not None:
            self._go(loc)
        self.refresh_bindings()

    def action_claims_list(self) -> None:
        """Show the list of claims above the current claim and focus it; again (in the list) hides it."""
        from briefing_tui.widgets.claim_list import ClaimList

        pane = self._detail_pane
        if not self.query("#claims"):  # built on first use: the first frame stays light
            claims = ClaimList(id="claims")
            pane.mount(claims, before=0)
            claims.set_claims(self.nav, self.claim_id)
        claims = self._claim_list
        if claims.display and claims.has_focus:
            claims.display = False
            pane.remove_class("-with-list")
            self._focus_pane("claim")
            return
        claims.display = True
        pane.add_class("-with-list")
        self.pane = "claim"
        self._apply_panes()
        self.set_focus(claims)

    def action_mention(self, step: int) -> None:
        if not self.entity_id:
            return
        start = self._current_span[0] if self._current_span else -1
        span = self.nav.next_mention(self.entity_id, start, step)
        if span is not None:
            self.jump_to(Location(self.doc.id, span[0], span[1], "mention", self.entity_id))

    def action_clear_selection(self) -> None:
        if self.entity_id:
            self._select_entity(None)
            self.refresh_bindings()

    def action_errors(self) -> None:
        from briefing_tui.screens.errors import ErrorScreen

        if self.collection.failed:
            self.app.push_screen(ErrorScreen(self.collection.failed, can_close=True))

    def action_help(self) -> None:
        from briefing_tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self))

    @property
    def detail_links(self) -> DetailLinks:
        return cast("DetailLinks", self.query_one("#detail-links"))

    @property
    def _detail_pane(self) -> DetailPane:
        return cast("DetailPane", self.query_one("#claim-pane"))

    @property
    def _entity_list(self) -> EntityList:
        return cast("EntityList", self.query_one("#entities"))

    @property
    def _timeline_list(self) -> TimelineList:
        return cast("TimelineList", self.query_one("#timeline"))

    @property
    def _claim_list(self) -> ClaimList:
        return cast("ClaimList", self.query_one("#claims"))


def _search_bar() -> Widget:
    from briefing_tui.widgets.search_bar import SearchBar

    return SearchBar(id="search-bar")
