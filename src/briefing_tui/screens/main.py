"""The main screen of the reader: the panes' layout, the keys that work everywhere, and routing.

The reader's state (document, claim, entity, the place gone to last, the jump list) is a plain
``ReaderState``; each pane owns its own. Any pane asks to move with ``JumpRequested(place)``;
``jump_to`` records the place left in the jump list, ``go`` works the move out with the state and
has the panes (``ReaderPanes``) paint it. See docs/architecture.md.
"""

from __future__ import annotations

from functools import partialmethod
from importlib import import_module
from time import monotonic
from typing import TYPE_CHECKING, Any

from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget

from briefing_tui.display import sanitize
from briefing_tui.model.places import PassagePlace, Place, SourcePlace, SpeakerPlace
from briefing_tui.model.types import Collection
from briefing_tui.reader_state import ReaderState
from briefing_tui.screens.reader_keys import (
    CHECKING_BINDINGS,
    READER_BINDINGS,
    binding_states,
    reader_footer,
    typed_key,
    typing_in,
)
from briefing_tui.widgets.messages import JumpRequested
from briefing_tui.widgets.pane_bar import PaneBar
from briefing_tui.widgets.reader_panes import ReaderPanes
from briefing_tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from pathlib import Path

    from briefing_tui.model.types import Document
    from briefing_tui.screens.checking import Checking
    from briefing_tui.widgets.detail_pane import DetailPane
    from briefing_tui.widgets.text_pane import TextPane


SESSION_ACTIONS = frozenset(("undo", "redo", "save"))
"""Checking actions that need a session (the others: ``ReaderState.can``)."""


class MainScreen(Screen[None]):
    """The reader: ``state``, ``jump_to``, ``go``, ``here``, ``show_document``, ``select_entity``."""

    HELP_GROUP = "Everywhere"
    AUTO_FOCUS = "#text"
    # The palette's module (and textual.command) is imported when the palette first opens, not at start.
    COMMANDS = {lambda: import_module("briefing_tui.palette").ReaderCommands}  # noqa: RUF012
    BINDINGS = READER_BINDINGS + CHECKING_BINDINGS

    pane: reactive[str] = reactive("text", init=False, repaint=False)
    """The focused pane: text, claim, entities, timeline or documents."""
    narrow: reactive[bool] = reactive(False, init=False, repaint=False)
    """True in a small terminal: one pane at a time."""
    panes: ReaderPanes

    def __init__(self, collection: Collection) -> None:
        super().__init__()
        self.state = ReaderState(collection)
        self._panes_ready = False
        self._message, self._message_until = "", 0.0
        self._binding_signature: object = None
        # deferred: live reload starts after the first frame. The files' state is taken now, when the
        # collection was loaded, so a change made while the screen mounts is not missed.
        from briefing_tui.live_reload import LiveReload

        self.live_reload = LiveReload(self, self)
        self._checking: Checking | None = None

    # what tests and the palette read ------------------------------------------------------------

    collection = property(lambda self: self.state.collection)
    doc = property(lambda self: self.state.doc)
    claim_id = property(lambda self: self.state.claim_id)
    entity_id = property(lambda self: self.state.entity_id)
    detail = property(lambda self: self.state.detail, doc="What the claim pane shows (``shown_key``).")
    search_matches = property(lambda self: self.panes.text_pane.search.matches)

    text_view = property(lambda self: self.panes.view)  # type: ignore[assignment]
    text_pane: TextPane = property(lambda self: self.panes.text_pane)  # type: ignore[assignment]
    claim_pane: DetailPane = property(lambda self: self.panes.claim_pane)  # type: ignore[assignment]

    # layout ---------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # In a terminal the first frame holds the text pane only: the side panes (their space kept by
        # #side) and the search bar are mounted right after it (``_mount_panes``), as they cost more
        # to build and lay out than the text itself. Headless (tests, snapshots) no one waits for a
        # first frame: everything is composed at once.
        self.panes = ReaderPanes(self.state, at_once=self.app.is_headless, id="body")
        yield PaneBar(id="pane-bar")
        yield self.panes
        yield StatusLine(id="status")
        yield reader_footer()

    def on_mount(self) -> None:
        if self._panes_ready:
            return
        if not self.query("#text") or not self.query("Footer"):
            # Switched in from another screen, the nested widgets may still be mounting: try again.
            self.call_after_refresh(self.on_mount)
            return
        self._update_layout()
        self.refresh_status()
        self.panes.start(self._panes_mounted)

    def _panes_mounted(self) -> None:
        self._panes_ready = True
        self._update_layout()
        self.live_reload.start()
        self.watch(self.text_view, "scroll_y", self.refresh_status, init=False)
        # the search counts as it goes (in a worker) and the text wraps in the background: the line
        # follows them at a glance's pace, drawn again only when what it says has changed
        self.set_interval(0.25, self.refresh_status)
        self.refresh_status()
        from briefing_tui.crash import unsaved_kept  # deferred: only once the panes are mounted

        if unsaved_kept():  # the reader stopped with unsaved edits: offer them back
            self.checking.offer_restore()

    # the status line ------------------------------------------------------------------------------

    def refresh_status(self) -> None:
        """Say where the reader is on the status line (drawn again only when it changed)."""
        lines = self.query(StatusLine)
        if not lines:  # not composed yet
            return
        message = self._message if self._message_until > monotonic() else ""
        lines.first().show(self.panes.status(message, with_search=self._panes_ready))

    def say(self, message: str, seconds: float = 8.0) -> None:
        """Show ``message`` on the status line for ``seconds``."""
        self._message, self._message_until = message, monotonic() + seconds
        self.refresh_status()

    def notify(self, message: str, *, title: str = "", **kwargs: Any) -> None:  # type: ignore[override]
        """A notice also stays on the status line for a while (the toast goes)."""
        super().notify(message, title=title, **kwargs)
        first = message.split("\n", 1)[0]
        self.say(f"{title}: {first}" if title else first)

    def on_resize(self) -> None:
        if self._panes_ready:
            self._update_layout()

    def _update_layout(self) -> None:
        self.narrow = self.panes.too_small(self.app.size)
        self._apply_panes()

    def watch_narrow(self) -> None:
        self.set_class(self.narrow, "-narrow")

    def watch_pane(self) -> None:
        self._apply_panes()
        self.refresh_bindings()

    def _apply_panes(self) -> None:  # the pane bar names the panes when one shows at a time
        self.panes.lay_out(self.pane, self.narrow)
        self.query_one(PaneBar).show_panes(self.panes.pane_names(), self.pane, self.narrow)

    def on_descendant_focus(self, event: object) -> None:
        if self._panes_ready:  # not in the first frame: the text pane has the focus
            self.pane = self.panes.pane_of(self.focused) or self.pane

    def focus_pane(self, name: str, target: Widget | None = None) -> None:
        """Bring the pane ``name`` forward and focus ``target`` in it (else its usual widget)."""
        self.pane = name
        self._apply_panes()
        self.set_focus(target or self.panes.focus_target(name))

    def action_cycle_pane(self, step: int) -> None:
        names = self.panes.pane_names()
        self.focus_pane(names[(names.index(self.pane) + step) % len(names)])

    def action_pane(self, name: str) -> None:
        if name in self.panes.pane_names():
            self.focus_pane(name)

    # going places ---------------------------------------------------------------------------------

    def here(self) -> Place:
        """Where the reader is now (the place last gone to, or the top of the text)."""
        return self.state.here(self.text_view.top_offset if self.is_mounted else 0)

    def jump_to(self, place: Place, *, record: bool = True) -> None:
        """Go to ``place`` (any document of the collection), recording the place left."""
        if record:
            self.state.jumps.record(self.here())
        self.go(place)
        self.refresh_bindings()

    def on_jump_requested(self, message: JumpRequested) -> None:
        message.stop()
        self._jump_and_follow(message.place)

    def _jump_and_follow(self, place: Place) -> None:
        self.jump_to(place)
        match place:  # a claim's source: its entry is in the claim pane, the others in the text
            case SourcePlace(claim_id=claim_id) if claim_id:
                self.focus_pane("claim")
            case SpeakerPlace() | PassagePlace() if place.claim_id and self.narrow:
                self.focus_pane("text")

    def go(self, place: Place) -> None:
        """Go to ``place`` without recording it (back, forward, a reload)."""
        move = self.state.go(place)
        if move is None and self.state.unopened is not None:  # it failed to load when opened
            self.documents_changed()
            self.panes.show_failure(self.state)
            return
        if move is None:
            self.notify(f"No document {place.doc_id!r} in this collection", severity="warning", markup=False)
            return
        if move.opened:
            self.panes.show_document()
        self.panes.show_move(move)
        self.refresh_status()

    def show_document(self, doc: Document) -> None:
        """Show ``doc`` (another document, or a new version of the one shown) with nothing current."""
        self.state.show(doc)
        self.panes.show_document()
        self.refresh_status()

    def documents_changed(self) -> None:
        """The collection's documents (or its failed files) changed: the documents pane follows."""
        self.panes.documents_changed()
        self._apply_panes()

    def select_entity(self, entity_id: str | None) -> None:
        """Select an entity (None: none): its mentions and the claims and events involving it light up."""
        self.state.select_entity(entity_id)
        self.panes.entity_selected()

    # actions --------------------------------------------------------------------------------------

    def refresh_bindings(self) -> None:
        # Redraw the footer only when what the keys can do has changed (a jump in a document of
        # 100,000 annotations must not rebuild the footer every time).
        signature = binding_states(self) if self.is_mounted else None
        if signature is None or signature != self._binding_signature:
            self._binding_signature = signature
            super().refresh_bindings()

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys the footer shows: while an input (or a list's filter) takes what is typed, only
        the keys that are not characters work, and only those show."""
        active = super().active_bindings
        if not typing_in(self):
            return active
        return {key: binding for key, binding in active.items() if not typed_key(key)}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        if action == "open_url":  # the address of what the claim pane shows
            return bool(self._panes_ready and self.claim_pane.address(self.state.current_claim())) or None
        if action in SESSION_ACTIONS:  # save is always on (it says when there is nothing to save)
            return self._checking.can(action) if self._checking else (action == "save" or None)
        return self.state.can(action, parameters)

    def action_next_claim(self, step: int) -> None:
        if (place := self.state.next_claim(step)) is not None:
            self.jump_to(place)

    def action_back(self, forward: bool = False) -> None:
        place = self.state.jumps.forward() if forward else self.state.jumps.back(self.here())
        if place is not None:
            self.go(place)
        self.refresh_bindings()

    action_forward = partialmethod(action_back, True)

    def action_go_source(self, step: int = 1) -> None:
        """To the current claim's source; repeating cycles through its sources (``step`` -1: back),
        in whichever document each one is."""
        cited = self.state.cited_claim()
        place = self.claim_pane.next_source(*cited, step=step) if cited is not None else None
        self._jump_and_follow(place) if place is not None else self.app.bell()

    def action_open_url(self) -> None:
        """Open the shown source's address in the browser (in a thread; never through a shell)."""
        from briefing_tui.screens.opener import open_address  # deferred: only when asked

        url = self.claim_pane.address(self.state.current_claim())
        open_address(self, url) if url is not None else self.app.bell()

    def action_yank(self) -> None:
        """Copy what the claim pane shows (a source's address, a claim's quote, an entity's name) to
        the terminal's clipboard (OSC 52, sent on this key only), and say what was copied."""
        copied = self.claim_pane.yank() if self._panes_ready else None
        if copied is None:
            self.app.bell()
            return
        text, what = copied
        self.app.copy_to_clipboard(text)
        shown = sanitize(text if len(text) <= 60 else text[:59] + "…")
        self.notify(f"Copied {what}: {shown}", markup=False)

    def action_claims_list(self) -> None:
        """Show the list of claims above the current claim and focus it; again (in the list) hides it."""
        shown = self.claim_pane.toggle_claims_list(self.state.nav, self.claim_id)
        self.focus_pane("claim", self.claim_pane.claims_list if shown else None)

    def action_mention(self, step: int) -> None:
        if (place := self.state.next_mention(step)) is not None:
            self.jump_to(place)

    def action_clear_selection(self) -> None:
        if self.entity_id:
            self.select_entity(None)
            self.refresh_bindings()

    def action_errors(self) -> None:
        from briefing_tui.screens.errors import ErrorScreen  # deferred: only when asked

        self.app.push_screen(ErrorScreen(self.collection.failed, can_close=True))

    def action_open_path(self) -> None:
        """Ask for another file or folder to open (its path completed from the file system)."""
        from briefing_tui.screens.open_path import ask_and_open  # deferred: only when asked

        ask_and_open(self)

    def action_help(self) -> None:
        from briefing_tui.screens.help import HelpScreen  # deferred: only when asked

        self.app.push_screen(HelpScreen(self))

    # checking (screens/checking.py) ---------------------------------------------------------------

    @property
    def checking(self) -> Checking:
        """The checking sessions and the editing keys' actions, made at the first editing key."""
        if self._checking is None:
            # deferred: the edit package is imported at the first editing key, not at start
            from briefing_tui.screens.checking import Checking

            self._checking = Checking(self)
        return self._checking

    def _checking_action(self, method: str, *args: object) -> None:
        getattr(self.checking, method)(*args)

    # the editing keys (``CHECKING_BINDINGS``), each a method of ``Checking``; Textual passes a
    # binding's arguments (``remove(False)``) through the partial
    action_rate = partialmethod(_checking_action, "rate")
    action_remove_verdict = partialmethod(_checking_action, "remove_verdict")
    action_note = partialmethod(_checking_action, "note")
    action_verified = partialmethod(_checking_action, "toggle_verified")
    action_undo = partialmethod(_checking_action, "undo")
    action_redo = partialmethod(_checking_action, "undo", True)
    action_save = partialmethod(_checking_action, "save")
    action_remove = partialmethod(_checking_action, "remove")
    action_attach_source = partialmethod(_checking_action, "attach_source")
    action_select = partialmethod(_checking_action, "select")
    action_next_draft = partialmethod(_checking_action, "next_draft")
    action_review_draft = partialmethod(_checking_action, "review_draft")

    def file_changed(self, path: Path) -> bool:
        """The live reload saw ``path`` change: True when a checking session on it takes it in."""
        return self._checking is not None and self._checking.file_changed(path)

    def confirm_quit(self) -> bool:
        """Quitting: with unsaved edits, ask (True: the question is shown, the app stays for now)."""
        if self._checking is None:
            return False
        from briefing_tui.screens.checking_forms import ask_before_quit  # deferred: checking has begun

        return ask_before_quit(self._checking)

    # search (the text pane's) --------------------------------------------------------------------
    def _search_action(self, method: str, *args: object) -> None:
        if self.narrow and self.pane != "text":  # in a small terminal the text pane comes forward
            self.action_pane("text")
        getattr(self.text_pane.search, method)(*args)

    action_search_open = partialmethod(_search_action, "open")
    action_search_next = partialmethod(_search_action, "next")
    action_search_filter = partialmethod(_search_action, "toggle_filter")

    def action_search_escape(self) -> None:
        if not self.text_pane.search.escape():
            raise SkipAction

    def action_search_all(self) -> None:
        """Search every open document; choosing a hit opens its document there."""
        self.text_pane.search_all(self.collection.documents, self.jump_to)
