"""Live reload in the reader: poll the open files, reload a changed one, keep the reader's place.

``LiveReload(screen).start()`` is called by the main screen once it is mounted. Every
``POLL_INTERVAL`` seconds a timer asks the pure ``reload.Watcher`` what changed (a few ``stat``
calls); changed files are loaded in a thread worker and the results applied on the UI thread:

- a good new version replaces the document; when it is the one on screen, the same claim (or
  source, entity, event) stays current and the same text stays at the top of the pane;
- a broken new version, or a deleted file, keeps the last good version on screen, adds the errors
  (or the notice) to the error view (``e``) and says so in a notification;
- a file that failed before and now loads replaces its errors with the document.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from briefing_tui import reload as pure
from briefing_tui.display import display_path
from briefing_tui.model.places import ClaimPlace, Place, TextPlace
from briefing_tui.widgets.from_thread import call_back

if TYPE_CHECKING:
    from textual.screen import Screen

    from briefing_tui.model.types import Document
    from briefing_tui.reader_state import ReaderState
    from briefing_tui.screens.reader_keys import CheckingKeys
    from briefing_tui.widgets.text_view import TextView


class Reader(Protocol):
    """What live reload asks of the reader screen: its public methods only."""

    state: ReaderState

    @property
    def text_view(self) -> TextView: ...
    def here(self) -> Place: ...
    def go(self, place: Place) -> object: ...
    def show_document(self, doc: Document) -> None: ...
    def select_entity(self, entity_id: str | None) -> None: ...
    def documents_changed(self) -> None: ...
    @property
    def editing(self) -> CheckingKeys: ...


POLL_INTERVAL = pure.POLL_INTERVAL
SETTLE = pure.SETTLE


class LiveReload:
    """Watches the files of ``screen.collection`` (documents and files that failed) for the main screen."""

    def __init__(self, screen: Screen[None], reader: Reader) -> None:
        self.screen = screen  # its timers, workers and notifications
        self.reader = reader  # the same screen: what it shows
        self.collection = reader.state.collection
        paths = [doc.path for doc in self.collection.documents] + [Path(p) for p in self.collection.failed]
        self.watcher = pure.Watcher([p for p in paths if _regular(p)], settle=SETTLE)
        self.busy = False
        self.stopped = False

    def start(self) -> None:
        self.timer = self.screen.set_interval(POLL_INTERVAL, self.poll, name="live-reload")

    def stop(self) -> None:
        """No more polling (the reader shows other files); a reload still loading is set aside."""
        self.stopped = True
        if getattr(self, "timer", None) is not None:
            self.timer.stop()

    def poll(self) -> None:
        if self.busy:  # a reload is still loading: its files are polled again next time
            return
        # A file being checked is taken in by its session (others' edits merged, its own save seen
        # as such), never loaded again here: that would drop the unsaved edits.
        changes = [c for c in self.watcher.poll() if not self.reader.editing.file_changed(c.path)]
        if changes:
            self.busy = True
            self.screen.run_worker(lambda: self._load(changes), thread=True, group="live-reload")

    def _load(self, changes: list[pure.FileChange]) -> None:
        # In a worker thread: loading a big file must not freeze the screen.
        results = [pure.reload_file(change.path, change.change) for change in changes]
        call_back(self.screen, self.apply_all, results)  # set aside if the reader stopped meanwhile

    def moved(self, old: Path, new: Path) -> None:
        """A file of the collection was saved elsewhere and its document follows it: watch the new
        file, not the old one (deleted, or written by others: no longer the document's)."""
        self.watcher.move(old, new)

    def apply_all(self, results: list[pure.ReloadResult]) -> None:
        self.busy = False
        if self.stopped:  # the reader beneath shows no longer these files: nothing to say of them
            return
        for result in results:
            self.apply(result)
        self.screen.refresh_bindings()

    def apply(self, result: pure.ReloadResult) -> None:
        """Show the outcome of one reload (on the UI thread)."""
        screen, collection = self.screen, self.collection
        key = self._failed_key(result.path)
        name = display_path(result.path.name or str(result.path))
        if result.outcome is pure.Outcome.RELOADED and result.document is not None:
            collection.failed.pop(key, None)
            self._replace(result.path, result.document)
            screen.notify(f"{name}: {result.notice}", title="Reloaded", markup=False, timeout=3)
            return
        collection.failed[key] = result.problems
        message = f"{name}: {result.notice}. Press e for details."
        if result.outcome is pure.Outcome.DELETED:
            screen.notify(message, severity="warning", markup=False)
        else:
            screen.notify(message, severity="error", markup=False)
        self.reader.documents_changed()

    def _failed_key(self, path: Path) -> str:
        for key in self.collection.failed:
            if Path(key) == path:
                return key
        return str(path)

    def _replace(self, path: Path, new: Document) -> None:
        screen, documents = self.reader, self.collection.documents
        index = next((i for i, d in enumerate(documents) if d.path == path), None)
        if index is None:  # a file that failed before: it joins the collection
            documents.append(new)
            self.reader.documents_changed()
            return
        old = documents[index]
        documents[index] = new
        state = screen.state
        if old is not state.doc:
            self.reader.documents_changed()
            return
        view = screen.text_view
        here, entity_id = screen.here(), state.entity_id
        place = pure.carry_place(old, new, pure.Place(state.claim_id, view.top_offset))
        screen.show_document(new)
        if not isinstance(here, TextPlace) and here.doc_id == old.id:
            start = pure.map_offset(old.text, new.text, here.start) if here.start >= 0 else -1
            end = pure.map_offset(old.text, new.text, here.end) if here.end >= 0 else -1
            if isinstance(here, ClaimPlace):
                claim = new.claim(place.claim_id) if place.claim_id else None
                if claim is not None:
                    start, end = claim.span.start, claim.span.end
                here = replace(here, claim_id=place.claim_id or here.claim_id)
            screen.go(replace(here, doc_id=new.id, start=start, end=end))
        if entity_id and new.entity(entity_id) is not None and state.entity_id != entity_id:
            screen.select_entity(entity_id)  # the selected entity's mentions stay highlighted
        view.scroll_to_offset(place.top_offset, center=False)


def _regular(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False
