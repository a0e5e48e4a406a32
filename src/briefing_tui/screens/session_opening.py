"""Opening a checking session without stopping the reader.

A session reads its file again and loads it through the hardened loader (``Session.read_for``):
a few milliseconds for the seed, two seconds and more for a 10 MB briefing. For a large file the
first editing key starts that in a thread and returns at once; a notice says the file is being
opened, and the key acts when the session is ready (``needs_session`` on ``Checking``'s editing
actions). Small files open at once, as before.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from briefing_tui.display import display_path
from briefing_tui.edit.session import Session
from briefing_tui.model.loader import YAML_SUFFIXES
from briefing_tui.model.types import Document, LoadError
from briefing_tui.screens.notes_layer import notes_only_for
from briefing_tui.widgets.from_thread import call_back

if TYPE_CHECKING:
    from briefing_tui.screens.checking import Checking

IN_THREAD_BYTES = 256 * 1024
"""From this size on, a file is opened for editing in a thread (about 50 ms of loading)."""

Action = TypeVar("Action", bound=Callable[..., None])


def needs_session(action: Action) -> Action:
    """An editing action of ``Checking`` that runs once the shown document's session is open (at
    once when it is, or small; else when the thread opening it is done)."""

    @functools.wraps(action)
    def run(checking: Checking, *args: Any) -> None:
        if checking.opening.ready(lambda: run(checking, *args)):
            action(checking, *args)

    return run  # type: ignore[return-value]


class SessionOpening:
    """The sessions being opened in a thread, and the key waiting for each."""

    def __init__(self, checking: Checking) -> None:
        self.checking = checking
        self.waiting: dict[Path, Callable[[], None]] = {}
        """The last editing key pressed while its document was being opened, by file."""

    def ready(self, retry: Callable[[], None]) -> bool:
        """True when the shown document's session is open, or opens at once (a small file; then
        ``Checking.session`` makes it). Else the opening starts in a thread (once), ``retry`` is
        kept to run when it is done, and False."""
        doc = self.checking.reader.state.doc
        path = Path(doc.path)
        if path in self.checking.sessions or not self._large(path):
            return True
        starting = path not in self.waiting
        self.waiting[path] = retry
        if starting:
            self.checking.say(f"Opening {display_path(path.name)} for editing: the key acts when it is ready")
            # A description given: the default one is the repr of the call, the whole document.
            self.checking.reader.app.run_worker(functools.partial(self._open, doc), thread=True,
                group="checking-open", description=f"open {path.name}")  # fmt: skip
        return False

    @staticmethod
    def _large(path: Path) -> bool:
        if path.suffix.lower() not in YAML_SUFFIXES:
            return False
        try:
            return path.stat().st_size >= IN_THREAD_BYTES
        except OSError:
            return False  # Checking.session says why it cannot be opened

    def _open(self, doc: Document) -> None:
        """In a thread: the slow half of the session; the reader's thread ends it (``_opened``)."""
        try:
            read: Session | LoadError = Session.read_for(doc, notes_only=notes_only_for(self.checking, doc))
        except LoadError as exc:
            read = exc
        call_back(self.checking.reader.app, self._opened, doc, read)  # set aside if the reader stopped

    def _opened(self, doc: Document, read: Session | LoadError) -> None:
        path = Path(doc.path)
        retry = self.waiting.pop(path, None)
        checking = self.checking
        if isinstance(read, LoadError):
            checking.refused(path, read)
            return
        if path not in checking.sessions:
            if not any(d is doc for d in checking.reader.state.collection.documents):  # reloaded: again
                if retry is not None and checking.reader.state.doc.path == doc.path:
                    retry()
                return
            checking.adopt(read.adopt(doc))
        if retry is None:
            return
        if checking.reader.state.doc is doc:
            retry()
        else:
            checking.say(f"{display_path(path.name)} is ready for editing")
