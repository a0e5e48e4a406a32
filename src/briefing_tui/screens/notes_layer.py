"""The person's own layer in the reader: ``briefing --notes-only``, and the sidecar shown at open.

A file the person cannot change (read-only, an import) or does not want to change (the reader
started with ``--notes-only``: ``BriefingApp.notes_only``) gets a notes-only checking session: the
file is never written; notes, ratings, verification marks and bookmarks go to the sidecar beside it
(``edit/sidecar.py``) at ``ctrl+s``. A file whose sidecar holds notes opens notes-only again, with
or without the flag, so that they show as the person's layer and stay where they were kept.

When a document shown has a sidecar, its session is opened as soon as it is shown (at start, or
later: ``CheckingKeys.document_shown``), so that the layer is on screen before any key (in a thread
for a large file, as for an editing key).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefing_tui.display import display_path
from briefing_tui.edit.sidecar import (
    FOREIGN_ONLY,
    LAYER_ONLY,
    holds_notes,
    kept_reason,
    sidecar_path,
    writable,
)
from briefing_tui.model.loader import YAML_SUFFIXES

if TYPE_CHECKING:
    from briefing_tui.edit.session import Session
    from briefing_tui.model.types import Document
    from briefing_tui.screens.checking import Checking


def notes_only_for(checking: Checking, doc: Document) -> bool:
    """Whether the session of ``doc`` is notes-only whatever its file allows: ``--notes-only``, or
    notes kept beside the file (read in a thread for a large file, so this may run there)."""
    if checking.reader.notes_only:
        return True
    return holds_notes(Path(doc.path), doc.id)


def refuses_file_edits(checking: Checking, *, but: str = "") -> bool:
    """Whether the shown document's session is notes-only: then a key whose edits only the file can
    hold (a new source, a claim, drafts reviewed all at once) is refused when pressed, before any
    dialog, so that nothing is chosen or typed in vain (said, with ``but``: what the key still does)."""
    session = checking.session()
    if session is None or not session.notes_only:
        return session is None  # the file no longer loads: said by ``session``
    checking.say(f"Not here: {kept_reason(session.foreign)}{but}", error=True)
    return True


def file_edits_refused(checking: Checking, doc: Document) -> str | None:
    """Why the file of ``doc`` takes no edit beyond notes, ratings, marks and bookmarks (None: it
    does), known without opening its session (which may take seconds)."""
    path = Path(doc.path)
    session = checking.sessions.get(path)
    if session is not None:
        return kept_reason(session.foreign) if session.notes_only else None
    if path.suffix.lower() not in YAML_SUFFIXES:
        return FOREIGN_ONLY
    return LAYER_ONLY if notes_only_for(checking, doc) or not writable(path) else None


def mode_notice(path: Path) -> str:
    """What the reader says once of a notes-only file."""
    name = display_path(path.name)
    return f"Notes only: {name} is not changed; your notes go to {display_path(sidecar_path(path).name)}"


class NotesLayer:
    """Says the notes-only mode once per file, and opens the session of a document with a sidecar."""

    def __init__(self, checking: Checking) -> None:
        self.checking = checking
        self.told: set[Path] = set()

    def adopted(self, session: Session) -> None:
        """A session was made: a notes-only one (not an import: those are said to be) is said once."""
        if session.notes_only and not session.foreign:
            self.tell(session.path)
        if session.layer_problems:
            self.checking.say("; ".join(session.layer_problems), error=True)

    def tell(self, path: Path) -> None:
        if path in self.told:
            return
        self.told.add(path)
        self.checking.reader.notify(mode_notice(path), title="Checking", timeout=8, markup=False)

    def start(self) -> None:
        """A document is shown (the panes have painted it): ``--notes-only`` is said, and its layer
        is put on screen when it has a sidecar."""
        checking = self.checking
        doc = checking.reader.state.doc
        path = Path(doc.path)
        if checking.reader.notes_only:
            self.tell(path)
        if path in checking.sessions or not sidecar_path(path).is_file():
            return

        def shown() -> None:
            session = checking.session(create=True)
            if session is not None:
                checking.paint_all(session)

        if checking.opening.ready(shown):
            shown()
