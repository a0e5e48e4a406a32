"""Keeping the unsaved edits of the reader's checking sessions in the journal, in a thread.

The journal (``edit.journal``: unsaved edits kept in the state folder against a crash) hashes the
file as saved and writes with an fsync: 40 ms on the 10 MB briefing. It is written in a thread
once the edit has been drawn; both release the interpreter. Textual runs a callback "after the
refresh" on the screen on top when it is queued: a dialog opened or closed in the same moment takes
it away with it, so a timer starts the write all the same (``START_AT_LATEST``), once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_tui.edit import journal
from briefing_tui.edit.session import Session

if TYPE_CHECKING:
    from textual.app import App

START_AT_LATEST = 0.5
"""Seconds after an edit by which its journal is being written, drawn or not."""


class JournalKeeper:
    """Writes the journal of each session told (``later``) in a thread, one file at a time."""

    def __init__(self, app: Callable[[], App[Any]], sessions: dict[Path, Session]) -> None:
        self._app = app
        self._sessions = sessions
        self._due: set[Path] = set()
        self._running = False
        self._started = False
        """Whether the thread of the current round has been started (by either of its two starts)."""

    @property
    def busy(self) -> bool:
        """Whether a journal is still to be written (or being written)."""
        return self._running or bool(self._due)

    def later(self, session: Session) -> None:
        """``session`` changed: its journal is written once the edit has been drawn."""
        self._due.add(session.path)
        if not self._running:
            self._running, self._started = True, False
            app = self._app()
            app.call_after_refresh(self._start)
            app.set_timer(START_AT_LATEST, self._start)

    def _start(self) -> None:
        """Start the thread of this round, once (the second of its two starts finds it begun)."""
        if self._started or not self._running:
            return
        self._started = True
        self._app().run_worker(self._keep, thread=True, group="checking-journal")

    def _keep(self) -> None:
        try:
            while self._due:
                path = self._due.pop()
                if (session := self._sessions.get(path)) is None:
                    continue
                try:
                    journal.keep(session)
                except RuntimeError:  # an edit made meanwhile changed what was being read: again
                    self._due.add(path)
        finally:
            self._running = False
        if self._due:  # an edit came while the loop was ending
            self._app().call_from_thread(self._again)

    def _again(self) -> None:
        if self._due and not self._running:
            self._running, self._started = True, False
            self._start()
