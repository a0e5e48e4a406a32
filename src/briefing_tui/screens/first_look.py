"""The reader's first frame: the document's header and text, in the reader's own layout, drawn before
the reader's screen is built.

The reader's screen imports and lays out a good deal (its panes, search, the checking keys). The
person came for the text: this screen shows it first, with the same panes, marks and status line,
the claim pane saying what the reader's first says, the entities and timeline panes still empty,
and a collection's list of documents (what one who opens a folder came for). The reader takes its
place once it is built. A key pressed meanwhile is kept and acted on by the reader (``pressed``);
only the app's own keys (quit) act at once.

Drawing the reader's entities and timeline lists here too, in a frame after the first, was
measured: every pane showed up to 90 ms sooner, but the reader itself, which answers the keys,
came 25–136 ms later (their frame, and the lists built twice), so they come with the reader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.message import Message
from textual.widgets import Static

from briefing_tui.model.types import Collection, Document
from briefing_tui.screens.beneath import Beneath
from briefing_tui.screens.styled_once import StyledOnce
from briefing_tui.startup import FIRST_ROWS, Opening
from briefing_tui.widgets.doc_header import DocHeader
from briefing_tui.widgets.labels import no_claim_shown
from briefing_tui.widgets.looks import Looks
from briefing_tui.widgets.pane_bar import PaneBar, pane_names, pane_title, too_small
from briefing_tui.widgets.status_line import Status, StatusLine
from briefing_tui.widgets.text_view import TextView
from briefing_tui.widgets.text_wrap import LOADING_SLICE

if TYPE_CHECKING:
    from briefing_tui.widgets.document_list import FirstRows

SIDE_PANES = ["documents", "claim", "entities", "timeline"]  # top to bottom, as the reader has them


class FirstLook(Beneath, StyledOnce):
    """The ``opening`` of the first document, as the reader will show it, until it does."""

    AUTO_FOCUS = None  # the keys are kept for the reader, none acts here

    class Shown(Message):
        """The first look is on screen: time to build the reader."""

    def __init__(
        self,
        opening: Opening,
        collection: Collection | None = None,
        *,
        rows: tuple[list[Document], int] | None = None,
    ) -> None:
        super().__init__()
        self.opening = opening
        if collection is not None:
            rows = (collection.documents, len(collection.documents))
        self._rows = rows
        """The documents listed as the reader lists them (a collection's, or the first of a folder's),
        and how many the list has."""
        self._failed = len(collection.failed) if collection is not None else 0
        self._listed: FirstRows | None = None
        self.pressed: list[events.Key] = []
        """The keys pressed while this screen showed, for the reader to act on."""
        self._status = _PaintedStatus(self._status_of)
        self._laid_out = Size(0, 0)
        self.shown = False
        """On screen whole: from then on it stays as it is until the reader covers it."""

    def _status_of(self, message: str) -> Status:
        views = self.query(TextView) if self.is_attached else None
        percent = views.first().percent() if views else 0  # 100 when the whole text shows, as the reader says
        return Status(self.opening.title, percent, None, self.opening.claim_count, "", "", message)

    def compose(self) -> ComposeResult:
        yield PaneBar(id="pane-bar")
        with Horizontal(id="body"):
            with Vertical(id="text-pane", classes="pane -active") as text_pane:
                text_pane.border_title = pane_title("text")
                yield DocHeader(id="doc-header")
                view = TextView(id="text")
                view.can_focus = False  # its keys (j, space…) are kept for the reader too
                view.wrap_slice = LOADING_SLICE
                yield view
            with Vertical(id="side"):
                for name in SIDE_PANES:
                    if name in pane_names(self.opening.documents):
                        with Vertical(id=f"{name}-pane", classes="pane") as pane:
                            pane.border_title = pane_title(name)
                            if name == "documents":  # as tall as the reader's list will be
                                pane.styles.height = min(self.opening.documents, FIRST_ROWS) + 2
                                if self._rows is not None:
                                    self._listed = _document_list()
                                    yield self._listed
                            elif name == "claim":  # what the reader's says before a claim is shown
                                yield Static(no_claim_shown(self.opening.claim_count), id="claim-said")
        yield self._status
        yield Static(id="footer-room")  # where the reader's footer of keys comes: blank until it does

    def on_mount(self) -> None:
        self._lay_out(self.app.size)
        self._laid_out = self.app.size
        opening, view = self.opening, self.query_one(TextView)
        self.query_one(DocHeader).show_lines(opening.title, opening.meta, Looks(view))
        view.set_document(opening.text, opening.mentions, opening.claims)
        self._status.refresh_status()
        if self._listed is not None and self._rows is not None:  # the reader's list, as it shows it
            documents, whole = self._rows
            self._listed.set_documents(documents, documents[0].id, self._failed, whole)

    def painted(self) -> None:
        """The first frame is on screen: the reader is built. Its status line says how far down the
        text shows once the text is wrapped (``say_where``)."""
        self.say_where()
        self.app.post_message(FirstLook.Shown())

    def say_where(self) -> None:
        """The status line says how far down the text shows, now that it is wrapped (100 % when it
        shows whole, as the reader says; the first frame comes before the text is wrapped)."""
        self._status.refresh_status()

    def on_resize(self, event: events.Resize) -> None:
        if event.size == self._laid_out:  # the terminal's size said again at start: nothing moves
            event.prevent_default()  # nor is the screen laid out and painted again
            return
        self._laid_out = event.size
        self._lay_out(event.size)

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        # Once shown, the layouts its widgets still ask for (their sizes settling after its first
        # layout, which drew them as they are) would lay it out again while the reader is built,
        # and the reader's screen lays the screens under it out as it is shown; only a new size of
        # the terminal is laid out.
        if self.shown and (size is None or size == self.outer_size):
            return
        super()._refresh_layout(size, scroll)

    def _lay_out(self, size: Size) -> None:
        """As the reader lays out its panes: side by side, or the text pane alone when small."""
        narrow = too_small(size)
        self.set_class(narrow, "-narrow")
        self.query_one("#side").display = not narrow
        self.query_one(PaneBar).show_panes(pane_names(self.opening.documents), "text", narrow)

    def on_key(self, event: events.Key) -> None:
        self.pressed.append(event)
        event.stop()
        event.prevent_default()


class _PaintedStatus(StatusLine):
    """The status line, saying when it is first painted: the first look is then on screen (it is
    painted with the frame it is in, which is written before the next message is handled):
    ``FirstLook.painted`` follows."""

    _painted = False

    def render(self) -> Text:
        if not self._painted:
            self._painted = True
            if isinstance(self.screen, FirstLook):
                self.screen.shown = True
                self.screen.call_next(self.screen.painted)
        return super().render()


def _document_list() -> FirstRows:
    # deferred: imported for a collection of several documents only
    from briefing_tui.widgets.document_list import FirstRows

    listed = FirstRows(FIRST_ROWS, id="documents")
    listed.can_focus = False  # the keys are kept for the reader
    return listed
