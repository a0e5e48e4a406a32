"""The main screen of the reader: the panes' layout, the keys that work everywhere, and routing.

The reader's state is a plain ``ReaderState``; each pane owns its own. Any pane asks to move with
``JumpRequested(place)``; ``jump_to`` records the place left, ``go`` works the move out with the
state and has the panes (``ReaderPanes``) paint it. See docs/architecture.md.
"""

from __future__ import annotations

from functools import partialmethod
from importlib import import_module
from typing import TYPE_CHECKING, Any

from textual import events
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.widget import Widget

from briefing_tui.model.places import Place
from briefing_tui.model.types import Collection
from briefing_tui.reader_state import Move, ReaderState
from briefing_tui.screens.key_reasons import say_why_not
from briefing_tui.screens.pane_layout import PaneLayout
from briefing_tui.screens.reader_keys import (
    CHECKING_BINDINGS,
    READER_BINDINGS,
    CheckingKeys,
    KeyStates,
    reader_can,
    reader_footer,
    untyped_keys,
)
from briefing_tui.screens.styled_once import StyledOnce
from briefing_tui.widgets.messages import FocusRequested, JumpRequested
from briefing_tui.widgets.pane_bar import PaneBar, too_small
from briefing_tui.widgets.reader_panes import ReaderPanes
from briefing_tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from pathlib import Path

    from briefing_tui.model.types import Document
    from briefing_tui.screens.checking import Checking
    from briefing_tui.widgets.detail_pane import DetailPane
    from briefing_tui.widgets.text_pane import Prepared, TextPane


class MainScreen(StyledOnce):
    """The reader: ``state``, ``jump_to``, ``go``, ``here``, ``show_document``, ``select_entity``."""

    HELP_GROUP = "Everywhere"
    AUTO_FOCUS = "#text"
    COMMANDS = {lambda: import_module("briefing_tui.palette").ReaderCommands}  # noqa: RUF012 - when first opened
    BINDINGS = READER_BINDINGS + CHECKING_BINDINGS

    panes: ReaderPanes
    pane_layout: PaneLayout

    def __init__(self, collection: Collection, prepared: Prepared | None = None) -> None:
        super().__init__()
        self.state = prepared.state if prepared is not None else ReaderState(collection)
        self._prepared = prepared  # the first document's state and marks, made while it loaded
        self._panes_ready = False
        self._key_states = KeyStates()
        # made now, as a message may come before compose; the panes say what it shows
        self.status_line = StatusLine(lambda said: self.panes.status(said, with_search=self._panes_ready))
        # deferred: the live reload starts after the first frame (its files' state is taken now)
        from briefing_tui.live_reload import LiveReload

        self.live_reload = LiveReload(self, self)
        self.editing = CheckingKeys(self)

    collection = property(lambda self: self.state.collection)
    doc = property(lambda self: self.state.doc)
    claim_id = property(lambda self: self.state.claim_id)
    entity_id = property(lambda self: self.state.entity_id)
    detail = property(lambda self: self.state.detail, doc="What the claim pane shows (``shown_key``).")
    search_matches = property(lambda self: self.panes.text_pane.search.matches)

    text_view = property(lambda self: self.panes.view)  # type: ignore[assignment]
    text_pane: TextPane = property(lambda self: self.panes.text_pane)  # type: ignore[assignment]
    claim_pane: DetailPane = property(lambda self: self.panes.claim_pane)  # type: ignore[assignment]
    pane = property(lambda self: self.pane_layout.pane, doc="The pane in front (``PaneLayout``).")
    narrow = property(lambda self: self.pane_layout.narrow, doc="True when one pane shows at a time.")
    checking: Checking = property(lambda self: self.editing.checking)  # type: ignore[assignment]
    notes_only = property(lambda self: bool(getattr(self.app, "notes_only", False)),
                          doc="Started with ``--notes-only``: no file is ever written.")  # fmt: skip

    def compose(self) -> ComposeResult:
        # narrow from the start when the terminal is: the panes styled once, not again at mount
        self.set_class(too_small(self.app.size), "-narrow")
        self.panes = ReaderPanes(self.state, prepared=self._prepared, id="body")
        self.pane_layout = PaneLayout(self.panes, PaneBar(id="pane-bar"))
        yield self.pane_layout.bar
        yield self.panes
        yield self.status_line
        yield reader_footer()

    def on_mount(self) -> None:
        if self._panes_ready:
            return
        if not self.panes.mounted(also=bool(self.query("Footer"))):
            self.call_after_refresh(self.on_mount)  # switched in, nested widgets may still mount: again
            return
        self._update_layout()
        self.status_line.refresh_status()
        self.panes.start(self._panes_mounted)

    def _panes_mounted(self) -> None:
        self._panes_ready = True
        self._update_layout()
        self.live_reload.start()
        self.status_line.follow(self.text_view)
        self.editing.started_reading()

    def say(self, message: str, seconds: float = 8.0) -> None:
        """Show ``message`` on the status line for ``seconds``."""
        self.status_line.say(message, seconds)

    def notify(self, message: str, *, title: str = "", **kwargs: Any) -> None:  # type: ignore[override]
        """A notice also stays on the status line for a while (the toast goes)."""
        super().notify(message, title=title, **kwargs)
        line = " ".join(message.split())  # one line: a notice of several (an address after) whole
        self.say(f"{title}: {line}" if title else line)

    def on_resize(self) -> None:
        if self._panes_ready:
            self._update_layout()

    def _update_layout(self) -> None:
        self.set_class(self.pane_layout.fit(self.app.size), "-narrow")

    def on_descendant_focus(self, event: object) -> None:
        # not in the first frame (the text pane has the focus); the footer follows the pane
        if self._panes_ready and self.pane_layout.bring(self.panes.pane_of(self.focused) or self.pane):
            self.refresh_bindings()

    def focus_pane(self, name: str, target: Widget | None = None) -> None:
        """Bring the pane ``name`` forward and focus ``target`` in it (else its usual widget), unscrolled
        (Textual scrolls a focused widget into view: the claim pane to its links, past its top)."""
        self.refresh_bindings() if self.pane_layout.bring(name) else self.pane_layout.apply()
        self.set_focus(target or self.panes.focus_target(name), scroll_visible=False)

    def action_cycle_pane(self, step: int) -> None:
        self.focus_pane(self.pane_layout.next_pane(step))

    def action_pane(self, name: str) -> None:
        if name in self.panes.pane_names():
            self.focus_pane(name)

    def here(self) -> Place:
        """Where the reader is now (the place last gone to, or the top of the text)."""
        return self.state.here(self.text_view.top_offset if self.is_mounted else 0)

    def jump_to(self, place: Place, *, record: bool = True) -> None:
        """Go to ``place`` (of any document), recording the place left; the pane showing it comes forward."""
        if record:
            self.state.jumps.record(self.here())
        shown_before, move = self.state.detail, self.go(place)
        if move is not None and (name := self.pane_layout.pane_for(place, move, shown_before)) is not None:
            self.focus_pane(name)
        self.refresh_bindings()

    def on_jump_requested(self, message: JumpRequested) -> None:
        message.stop()
        self.jump_to(message.place)

    def on_focus_requested(self, message: FocusRequested) -> None:
        message.stop()  # its pane comes forward first: a widget in a hidden pane takes no focus
        self.focus_pane(self.panes.pane_of(message.target) or self.pane, message.target)

    def go(self, place: Place) -> Move | None:
        """Go to ``place`` as a reload does: not recorded, no pane brought forward; what changed on screen."""
        move = self.state.go(place)
        if move is None and self.state.unopened is not None:  # it failed to load when opened
            self.documents_changed()
            self.panes.show_failure(self.state, self.say)
            return None
        if move is None:
            self.notify(f"No document {place.doc_id!r} in this collection", severity="warning", markup=False)
            return None
        if move.opened:
            self.panes.show_document()
        self.panes.show_move(move)
        self.status_line.refresh_status()
        return move

    def show_document(self, doc: Document) -> None:
        """Show ``doc`` (another document, or a new version of the one shown) with nothing current."""
        self.state.show(doc)
        self.panes.show_document()
        self.status_line.refresh_status()

    def file_moved(self, old: Path, new: Path) -> None:
        """A document's file was saved elsewhere and the document follows it (``Checking.moved``)."""
        self.live_reload.moved(old, new)

    def documents_changed(self) -> None:
        """The collection's documents (or its failed files) changed: the documents pane follows."""
        self.panes.documents_changed()
        self.pane_layout.apply()

    def select_entity(self, entity_id: str | None) -> None:
        """Select an entity (None: none): its mentions and the claims and events involving it light up."""
        self.state.select_entity(entity_id)
        self.panes.entity_selected()

    def refresh_bindings(self) -> None:
        if self._key_states.changed(self):  # else the footer would be rebuilt at every jump
            super().refresh_bindings()

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys the footer shows: while an input takes what is typed, none that types."""
        return untyped_keys(self, super().active_bindings)

    def on_key(self, event: events.Key) -> None:
        say_why_not(self, event.key)  # a key of the reader that cannot act now says why

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        if action == "open_url":  # the address of what the claim pane shows
            return bool(self._panes_ready and self.claim_pane.address(self.state.current_claim())) or None
        if action == "check":  # an editing key: ``check('rate')`` asks about "rate"
            return self.editing.can(str(parameters[0]), parameters[1:])
        return reader_can(self, action, parameters)

    def action_next_claim(self, step: int) -> None:
        if (place := self.panes.next_claim(step)) is not None:
            self.jump_to(place)

    def action_back(self, forward: bool = False) -> None:
        place = self.state.jumps.forward() if forward else self.state.jumps.back(self.here())
        if place is not None:
            self.jump_to(place, record=False)
        self.refresh_bindings()

    action_forward = partialmethod(action_back, True)

    def action_leave_source(self) -> None:
        """From a source reached from a claim back to that claim (escape)."""
        place = self.state.citing_place()
        if place is None:
            raise SkipAction
        self.jump_to(place)

    def action_go_source(self, step: int = 1) -> None:
        """To the current claim's next source (``step`` -1: the one before), in whichever document."""
        cited = self.state.cited_claim()
        place = self.claim_pane.next_source(*cited, step=step) if cited is not None else None
        self.jump_to(place) if place is not None else self.app.bell()

    def action_open_url(self) -> None:
        """Open the shown source's address in the browser (in a thread; never through a shell)."""
        from briefing_tui.screens.opener import open_address  # deferred: only when asked

        url = self.claim_pane.address(self.state.current_claim())
        open_address(self, url) if url is not None else self.app.bell()

    def action_yank(self) -> None:
        """Copy what the claim pane shows (a source's address, a claim's quote, an entity's name)."""
        from briefing_tui.screens.opener import copy_shown  # deferred: only when asked

        copy_shown(self, self.claim_pane.yank() if self._panes_ready else None)

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

    def action_check(self, method: str, *args: object) -> None:
        """An editing key: ``check('rate')`` in ``CHECKING_BINDINGS`` runs ``Checking.rate()``."""
        self.editing.run(method, *args)

    def action_search(self, method: str, *args: object) -> None:
        """A search key (``search('next', 1)``): the text pane's ``TextSearch.next(1)``."""
        self.text_pane.search.came_from = self.focused  # where escape gives the focus back
        if self.narrow and self.pane != "text":  # in a small terminal the text pane comes forward
            self.action_pane("text")
        getattr(self.text_pane.search, method)(*args)

    def action_search_escape(self) -> None:
        if not self.text_pane.search.escape():
            raise SkipAction

    def action_search_all(self) -> None:
        """Search every open document; choosing a hit opens its document there."""
        self.text_pane.search_all(self.collection.documents, self.jump_to)
