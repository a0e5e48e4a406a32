"""Checking in the reader: the keys that edit annotations, and the sessions that keep the edits.

``Checking`` belongs to the main screen (one per screen). A document gets a checking session
(``edit.session.Session``) at its first edit; every edit, undo and redo goes through it, and the
panes paint what changed (``ReaderState.edited``, ``ReaderPanes.edited``). Saving, the file
changing on disk (told by the live reload) and quitting with unsaved edits are here too. The edits
themselves are the pure package ``briefing_tui.edit``; the dialogs are in ``checking_dialogs``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from briefing_tui.display import display_path, sanitize
from briefing_tui.edit import journal, ops
from briefing_tui.edit.history import Revision
from briefing_tui.edit.session import ConflictError, SaveError, Session
from briefing_tui.model.types import Claim, Document, LoadError
from briefing_tui.screens.journal_keeper import JournalKeeper
from briefing_tui.screens.notes_layer import NotesLayer, notes_only_for
from briefing_tui.screens.session_opening import SessionOpening, needs_session
from briefing_tui.words import plural

if TYPE_CHECKING:
    from textual.app import App

    from briefing_tui.model.places import Place
    from briefing_tui.reader_state import ReaderState
    from briefing_tui.widgets.reader_panes import ReaderPanes

KINDS = ("claim", "entity", "event", "source")


class Reader(Protocol):
    """What checking asks of the main screen."""

    state: ReaderState
    panes: ReaderPanes

    @property
    def app(self) -> App[Any]: ...
    @property
    def notes_only(self) -> bool: ...
    def notify(self, message: str, *, title: str = ..., severity: Any = ..., timeout: float | None = ...,
               markup: bool = ...) -> None: ...  # fmt: skip
    def refresh_bindings(self) -> None: ...
    def jump_to(self, place: Place, *, record: bool = True) -> None: ...
    def focus_pane(self, name: str) -> None: ...
    def show_document(self, doc: Document) -> None: ...
    def file_moved(self, old: Path, new: Path) -> None: ...


class Checking:
    """The checking sessions of one reader screen, by file, and the actions of the editing keys."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.sessions: dict[Path, Session] = {}
        self.journals = JournalKeeper(lambda: reader.app, self.sessions)
        """Keeps each session's unsaved edits in the journal once the screen has been drawn."""
        self._overwrite: set[Path] = set()
        """Files deleted or broken on disk that the person was told ctrl+s writes again."""
        self.opening = SessionOpening(self)
        self.layer = NotesLayer(self)

    # sessions -------------------------------------------------------------------------------------

    def session(self, doc: Document | None = None, *, create: bool = True) -> Session | None:
        """The session of ``doc`` (the document shown), made at its first edit; None when its file
        no longer loads (said in a notification)."""
        doc = doc or self.reader.state.doc
        path = Path(doc.path)
        session = self.sessions.get(path)
        if session is None and create:
            try:
                session = self.adopt(Session.for_document(doc, notes_only=notes_only_for(self, doc)))
            except LoadError as exc:
                self.refused(path, exc)
        return session

    def adopt(self, session: Session) -> Session:
        """``session`` is the one of its file from now on (its unsaved edits kept in the journal)."""
        session.on_change.append(self.journals.later)
        self.sessions[session.path] = session
        self.layer.adopted(session)
        return session

    def refused(self, path: Path, exc: LoadError) -> None:
        problem = exc.problems[0] if exc.problems else None
        said = sanitize(problem.message) if problem is not None else "it does not load"
        self.say(f"{display_path(path)} cannot be edited: {said}", error=True)

    @property
    def modified(self) -> list[Session]:
        """The sessions with unsaved edits (quitting asks)."""
        return [s for s in self.sessions.values() if s.modified]

    def can(self, action: str) -> bool | None:
        """For ``check_action`` (save, undo, redo; ``ReaderState.can`` answers the others): True, or
        None (shown, disabled)."""
        session = self.sessions.get(Path(self.reader.state.doc.path))
        match action:
            case "save":  # always on, so that the footer is not drawn again at each edit
                return True
            case "undo":
                return (session is not None and session.history.can_undo) or None
            case "redo":
                return (session is not None and session.history.can_redo) or None
        return True

    # edits ----------------------------------------------------------------------------------------

    def edit(self, make: Callable[[Document], Revision]) -> Revision | None:
        """Make an edit on the document shown: ``make(doc)`` gives the revision (an ``EditError``
        is said, nothing changes). The revision made, or None."""
        session = self.session()
        if session is None:
            return None
        try:
            revision = session.apply(make(session.doc))
        except ops.EditError as exc:
            self.say(str(exc), error=True)
            return None
        self._paint(session, revision)
        self.say(revision.label)
        return revision

    def undo(self, redo: bool = False) -> None:
        session = self.session(create=False)
        revision = (session.redo() if redo else session.undo()) if session is not None else None
        if session is None or revision is None:
            self.reader.app.bell()
            return
        self._paint(session, revision)
        state, back = self.reader.state, [s.id for s in revision.steps if s.kind == "claim"]
        if state.claim_id is None and (claim := next(filter(None, map(state.nav.claim, back)), None)):
            self.reader.jump_to(state.nav.location_of(claim))  # a claim brought back is current again
        self.say(("redo " if redo else "undo ") + revision.label)

    def redo(self) -> None:
        self.undo(redo=True)

    def _paint(self, session: Session, revision: Revision) -> None:
        state = self.reader.state
        if session.doc is not state.doc:  # edits of a document not shown paint when it is opened
            self.reader.refresh_bindings()
            return
        changed = [(s.kind, session.current(s.kind, s.id)) for s in revision.steps if s.kind in KINDS]
        rebuilt = state.edited(changed)
        claims = [obj for _, obj in changed if isinstance(obj, Claim)]
        self.reader.panes.edited(rebuilt, claims)
        self.reader.refresh_bindings()

    # what the keys do -----------------------------------------------------------------------------

    @needs_session
    def rate(self) -> None:
        """Rate the current claim in a dialog (the scale, an explanation; reviewed today)."""
        from briefing_tui.screens.checking_dialogs import RatingDialog  # deferred: only when asked

        claim = self.reader.state.current_claim()
        if claim is None:
            self.reader.app.bell()
            return
        claim_id = claim.id

        def rated(answer: tuple[str, str] | None) -> None:
            if answer is not None:
                rating, explanation = answer
                self.edit(lambda doc: ops.rate_claim(doc, claim_id, rating, explanation))

        self.reader.app.push_screen(RatingDialog(claim), rated)

    @needs_session
    def remove_verdict(self) -> None:
        claim = self.reader.state.current_claim()
        if claim is None or claim.verdict is None:
            self.reader.app.bell()
            return
        claim_id = claim.id
        self.edit(lambda doc: ops.remove_verdict(doc, claim_id))

    def annotation(self, chosen: tuple[str, str] | None = None) -> tuple[str, str, Any] | None:
        state = self.reader.state
        target = chosen or state.annotated()
        if target is None:
            self.reader.app.bell()
            return None
        kind, ident = target
        found = self.find(kind, ident)
        return (kind, ident, found) if found is not None else None

    @needs_session
    def note(self) -> None:
        """Write the note of what the claim pane shows (a claim, an entity, an event, a source)."""
        from briefing_tui.screens.checking_dialogs import NoteDialog  # deferred: only when asked

        target = self.annotation()
        if target is None:
            return
        kind, ident, obj = target

        def written(note: str | None) -> None:
            if note is not None and note != obj.note:
                self.edit(lambda doc: ops.set_note(doc, kind, ident, note))  # type: ignore[arg-type]

        named = getattr(obj, "name", "") or getattr(obj, "label", "") or getattr(obj, "title", "")
        title = f"Note on {kind} {ident}" + (f": {named}" if named else "")
        self.reader.app.push_screen(NoteDialog(title, obj.note), written)

    @needs_session
    def toggle_verified(self) -> None:
        """Mark what the claim pane shows verified (when it is unverified) or unverified."""
        target = self.annotation()
        if target is not None:
            kind, ident, obj = target
            verified = bool(obj.unverified)
            self.edit(lambda doc: ops.set_verified(doc, kind, ident, verified))  # type: ignore[arg-type]

    @needs_session
    def remove(self, mention: bool) -> None:
        """``delete`` and ``M``: what the person points at is removed (screens/removal.py)."""
        from briefing_tui.screens import removal  # deferred: only when asked

        removal.remove(self, mention)

    # several dialogs in a row (screens/checking_forms.py) -----------------------------------------

    @needs_session
    def select(self) -> None:
        """``v``: a passage chosen by keyboard, made a claim, a mention or a new entity."""
        from briefing_tui.screens import checking_forms  # deferred: only when asked

        checking_forms.select(self)

    @needs_session
    def attach_source(self) -> None:
        """``a``: a source attached to the current claim (the document's, or a new one)."""
        from briefing_tui.screens import checking_forms  # deferred: only when asked

        checking_forms.attach_source(self)

    @needs_session
    def bookmark(self) -> None:
        """``B``: bookmark the passage that stands out (screens/bookmarks.py), a label asked."""
        from briefing_tui.screens import bookmarks  # deferred: only when asked

        bookmarks.bookmark_here(self)

    @needs_session
    def list_bookmarks(self) -> None:
        """``'``: the document's bookmarks, to go to one or remove it."""
        from briefing_tui.screens import bookmarks  # deferred: only when asked

        bookmarks.list_bookmarks(self)

    # drafts (``draft: true``, proposed by ``briefing annotate``): screens/draft_review.py ----------

    def next_draft(self) -> None:
        from briefing_tui.screens import draft_review  # deferred: only when asked

        draft_review.next_draft(self)

    @needs_session
    def review_draft(self, accept: bool | None) -> None:
        from briefing_tui.screens import draft_review  # deferred: only when asked

        if accept is None:
            draft_review.review_all(self)
        else:
            draft_review.review_draft(self, accept)

    def find(self, kind: str, ident: str) -> Any:
        nav = self.reader.state.nav
        find = {"claim": nav.claim, "entity": nav.entity, "event": nav.event, "source": nav.source}[kind]
        return find(ident)

    # saving and the disk --------------------------------------------------------------------------

    def save(self, then: Callable[[], None] | None = None) -> bool:
        """Save the document shown (ctrl+s); a conflict with the file on disk opens the choice.
        ``then`` runs once it is saved. False when nothing was written."""
        session = self.session(create=False)
        if session is None or not session.modified:
            self.say("Nothing to save")
            if then is not None:
                then()
            return False
        return self.save_session(session, then)

    def save_session(self, session: Session, then: Callable[[], None] | None = None) -> bool:
        """Save ``session`` (ctrl+s asked, or a choice made); what stops it opens its choice."""
        try:
            written = session.save(overwrite=session.path in self._overwrite)
        except ConflictError:
            self.show_conflicts(session, then, saving=True)
            return False
        except SaveError as exc:
            if exc.code in ("deleted", "unwritable"):
                self.say(f"Not saved: {exc}. The edits are kept.", error=True)
                from briefing_tui.screens.checking_forms import save_elsewhere  # deferred: only when asked

                save_elsewhere(self, session, then)
            else:
                self.say(f"Not saved: {exc}. The edits are kept; ctrl+s tries again.", error=True)
            return False
        self._overwrite.discard(session.path)
        name = display_path(session.path.name)
        linked = written is not None and written.through_link
        where = f" (through a link, into {display_path(written.path)})" if linked and written else ""
        if session.notes_only:  # the sidecar was written (or removed, the layer empty), never the file
            where = f": your notes, beside it ({name} is not changed)"
        self.say(f"Saved {name}{where}")
        self.reader.refresh_bindings()
        if then is not None:
            then()
        return True

    def moved(self, session: Session, old: Path) -> None:
        """``session`` was saved elsewhere (its file ``old`` deleted or not writable): it follows
        its new file, and so does the reader's watch on the files."""
        self.sessions.pop(old, None)
        self.sessions[session.path] = session
        self.reader.file_moved(old, session.path)

    def save_all(self, then: Callable[[], None]) -> None:
        """Save every session with unsaved edits, then ``then`` (quitting); stops at the first that
        cannot be saved (its message says why)."""
        left = self.modified
        if not left:
            then()
            return
        self.save_session(left[0], lambda: self.save_all(then))

    def show_conflicts(
        self, session: Session, then: Callable[[], None] | None = None, *, saving: bool = False
    ) -> None:
        """The same annotations changed here and in the file: each is shown side by side to choose
        (screens/conflicts.py); with ``saving`` (a save found them), the last choice saves."""
        from briefing_tui.screens import conflicts  # deferred: only when there are some

        conflicts.show_conflicts(self, session, then, saving=saving)

    def paint_all(self, session: Session) -> None:
        """Every annotation of ``session`` may have changed (a merge, a conflict settled)."""
        if session.doc is self.reader.state.doc:
            self.reader.state.edited([], moved=True)
            self.reader.panes.edited(True, [])
        self.reader.refresh_bindings()

    def file_changed(self, path: Path) -> bool:
        """The live reload saw ``path`` change. With a session on it, the session takes it in (the
        others' edits merged, conflicts shown, our own save ignored): True. False: no session, the
        live reload reloads the file as usual."""
        session = self.sessions.get(path)
        if session is None:
            return False
        found = session.check_disk()
        name = display_path(path.name)
        match found.state:
            case "merged":
                self.paint_all(session)
                self.say(
                    f"{name} changed on disk: {plural(found.merged, 'annotation')} taken in, your edits kept"
                )
            case "conflicts":
                self.paint_all(session)
                self.show_conflicts(session)
            case "deleted":
                self._overwrite.add(path)
                from briefing_tui.screens.checking_forms import offer_elsewhere  # deferred: rare

                offer_elsewhere(self, session)
            case "invalid":
                self._overwrite.add(path)
                self.say(f"{name} on disk no longer loads: your edits are kept; ctrl+s overwrites it",
                          error=True)  # fmt: skip
        return True

    # unsaved edits of a session that ended without saving (the journal) ---------------------------

    def offer_restore(self) -> None:
        """At start: unsaved edits kept in the journal for a file of this collection are offered
        back (restore, discard, or decide later)."""
        from briefing_tui.screens import checking_forms  # deferred: only when the journal holds some

        checking_forms.offer_restore(self)

    def forget_unsaved(self) -> None:
        """Quitting without saving: the journal of each session with unsaved edits goes too."""
        for session in self.modified:
            journal.journal_file(session.path).unlink(missing_ok=True)

    def say(self, message: str, *, error: bool = False) -> None:
        self.reader.notify(sanitize(message), title="Checking", severity="error" if error else "information",
                           timeout=6 if error else 3, markup=False)  # fmt: skip
