"""The editing keys that go through several dialogs in a row: a passage of the text chosen by
keyboard and made a claim, a mention or a new entity (``v``), and a source attached to the current
claim with its stance (``a``), each ending in one edit made by ``Checking.edit``; and, at start,
the unsaved edits kept in the journal offered back; a file that cannot be written saved under
another path; quitting with unsaved edits.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_tui.display import display_path
from briefing_tui.edit import journal, ops
from briefing_tui.edit.history import Revision
from briefing_tui.edit.session import SaveError, Session
from briefing_tui.model.types import Document, LoadError
from briefing_tui.screens.checking_dialogs import ChoiceDialog, Dialog, QuitDialog, SourceForm
from briefing_tui.screens.line_dialogs import PathDialog, fresh_path, taken
from briefing_tui.screens.notes_layer import notes_only_for, refuses_file_edits
from briefing_tui.screens.selection_bar import SelectionBar
from briefing_tui.words import plural

if TYPE_CHECKING:
    from briefing_tui.screens.checking import Checking


def select(checking: Checking) -> None:
    """Choose a passage of the text by keyboard (from the current span, else the top of the
    pane), then make it a claim, a mention of an entity or a new entity."""
    state, view = checking.reader.state, checking.reader.panes.view
    start = state.span[0] if state.span is not None else view.top_offset
    layer_only = refuses_file_edits(checking, but=" (B bookmarks the passage chosen)")
    if checking.session(create=False) is None:
        return
    checking.reader.focus_pane("text")  # the passage is chosen in the text: in view, at 80x24 too
    bar = SelectionBar(view, state.doc.text, start, layer_only=layer_only)
    checking.reader.app.push_screen(bar, partial(_selected, checking))


def _selected(checking: Checking, chosen: tuple[str, int, int] | None) -> None:
    if chosen is None:
        return
    what, start, end = chosen
    app, nav = checking.reader.app, checking.reader.state.nav
    if what == "claim":
        made = checking.edit(lambda doc: ops.make_claim(doc, start, end))
        nav = checking.reader.state.nav  # built again with the new claim
        claim = nav.claim(made.steps[0].id) if made else None
        if claim is not None:
            checking.reader.jump_to(checking.reader.state.nav.location_of(claim))
    elif what == "mention":
        entities = [(e.id, f"{e.name} ({e.type})") for e in nav.doc.entities]

        def mention(entity_id: str | None) -> None:
            if entity_id is not None:
                checking.edit(lambda doc: ops.add_mention(doc, entity_id, start, end))

        app.push_screen(ChoiceDialog("A mention of which entity?", entities), mention)
    elif what == "bookmark":
        from briefing_tui.screens.bookmarks import ask_label  # deferred: only when asked

        ask_label(checking, start, end)
    else:
        types = [(t, t) for t in ops.ENTITY_TYPES]

        def entity(kind: str | None) -> None:
            if kind is not None:
                checking.edit(lambda doc: ops.make_entity(doc, start, end, kind))

        app.push_screen(ChoiceDialog("A new entity of which type?", types), entity)


def attach_source(checking: Checking) -> None:
    """Attach a source to the current claim: one of the document's (a list filtered by typing),
    a new one (a form) or a passage of another open document (``source_passage``), then its
    stance."""
    claim = checking.reader.state.current_claim()
    if claim is None:
        checking.reader.app.bell()
        return
    if refuses_file_edits(checking):
        return
    claim_id = claim.id
    cited = {r.source for r in claim.sources}
    from briefing_tui.screens import source_passage  # deferred: it imports this module

    others = [("\0passage", "A passage of another open document…")] if source_passage.others(checking) else []
    sources = [("\0new", "A new source…"), *others] + [
        (s.id, " · ".join(x for x in (s.id, s.title, s.publisher, str(s.date or "")) if x))
        for s in checking.reader.state.doc.sources
        if s.id not in cited
    ]

    def chosen(source_id: str | None) -> None:
        if source_id == "\0new":
            _new_source(checking, claim_id)
        elif source_id == "\0passage":
            source_passage.attach_passage(checking, claim_id)
        elif source_id is not None:
            choose_stance(
                checking, lambda doc, stance: ops.attach_source(doc, "claim", claim_id, source_id, stance)
            )

    checking.reader.app.push_screen(
        ChoiceDialog(f"A source for claim {claim_id}", sources, filtered=True), chosen
    )


def _new_source(checking: Checking, claim_id: str) -> None:
    def filled(values: dict[str, str] | None) -> None:
        if values is not None:
            title, publisher, day, url = (values[k] for k in ("title", "publisher", "date", "url"))
            choose_stance(checking, lambda doc, stance: ops.attach_new_source(
                doc, "claim", claim_id, title, publisher, day, url, stance
            ), holding="the new source waiting for its stance")  # fmt: skip

    checking.reader.app.push_screen(SourceForm(), filled)


def choose_stance(
    checking: Checking, make: Callable[[Document, str], Revision], *, holding: str = ""
) -> None:
    """Ask the stance of a source attached to a claim, then ``make`` the edit; ``holding``: what
    the question holds until answered (a new source typed), for the quit question to name."""

    def chosen(stance: str | None) -> None:
        if stance is not None:
            checking.edit(lambda doc: make(doc, stance))

    stances = [("supports", "supports"), ("contradicts", "contradicts"), ("context", "context")]
    question = ChoiceDialog("Its stance towards the claim", stances, holding=holding)
    checking.reader.app.push_screen(question, chosen)


def offer_restore(checking: Checking, offered: frozenset[Path] = frozenset()) -> None:
    """At start: unsaved edits kept in the journal for a file of this collection (the reader
    stopped before they were saved) are offered back: restore, discard, or decide at the next start
    (the entry is set aside, so that the edits made meanwhile do not replace it). Each entry is
    offered once (``offered``): what a restore keeps for the next start is not offered again."""
    documents = {Path(d.path).absolute(): d for d in checking.reader.state.collection.documents}
    open_now = {journal.journal_file(s.path) for s in checking.sessions.values()}  # restored already
    entries = [e for e in journal.pending() if e.path.absolute() in documents and e.count
               and e.journal not in open_now | offered]  # fmt: skip
    if not entries:
        return
    entry = entries[0]

    def chosen(what: str | None) -> None:
        kept = None
        if what == "discard":
            journal.discard(entry)
        elif what == "restore":
            kept = _restore(checking, entry, documents[entry.path.absolute()])
        else:  # escape too: this entry and the others not asked yet wait for the next start
            for left in entries:
                journal.set_aside(left)
        if what in ("discard", "restore") and len(entries) > 1:
            offer_restore(checking, offered | {entry.journal} | ({kept.journal} if kept else set()))

    name = display_path(entry.path.name)
    changed = "" if entry.same_file else "; the file changed since: they are merged as on a reload"
    were = "was" if entry.count == 1 else "were"
    title = f"{plural(entry.count, 'unsaved edit')} of {name} {were} kept ({entry.saved}){changed}"
    them = "it" if entry.count == 1 else "them"
    options = [("restore", f"Restore {them} (u undoes the restore)"), ("discard", f"Discard {them}"),
               ("later", "Decide at the next start")]  # fmt: skip
    checking.reader.app.push_screen(ChoiceDialog(title, options), chosen)


def _restore(checking: Checking, entry: journal.Pending, shown: Document) -> journal.Pending | None:
    """Make the edits of ``entry`` again: in a new session on its file, or in the one open on it
    (another entry of the same file restored first). The entry that keeps the edits a notes-only
    session cannot make, for the next start (said, with how to restore them), or None."""
    open_now = checking.sessions.get(Path(shown.path))
    try:
        session, skipped, kept = journal.restore(
            entry, notes_only=notes_only_for(checking, shown), into=open_now
        )
    except LoadError:
        checking.say(f"{display_path(entry.path.name)} no longer loads: the edits stay kept", error=True)
        return None
    if open_now is not None:
        checking.paint_all(session)
    else:
        documents = checking.reader.state.collection.documents
        documents[documents.index(shown)] = session.doc
        checking.adopt(session)
        if checking.reader.state.doc is shown:
            checking.reader.show_document(session.doc)
    for said in skipped:
        checking.say(f"Not restored: {said}", error=True)
    name = display_path(entry.path.name)
    if kept is None or kept.count < entry.count:  # else none of them could be made here
        checking.say(f"Restored the unsaved {'edit' if entry.count == 1 else 'edits'} of {name}")
    if kept is not None:
        checking.say(f"{plural(kept.count, 'edit')} only {name} itself can hold (new annotations, removals, "
                     f"changes beyond notes, ratings and marks) stay kept, offered again at each start: they "
                     f"are restored once it opens for writing (without --notes-only, not read-only, no notes "
                     f"kept beside it)", error=True)  # fmt: skip
    if session.conflicts:
        changed_too = plural(len(session.conflicts), "of them", "of them")  # "1 of them", "1,200 of them"
        checking.say(f"{changed_too} changed in the file since: ctrl+s shows both sides")
    checking.reader.refresh_bindings()
    return kept


def ask_before_quit(checking: Checking) -> bool:
    """Quitting with unsaved edits, or text typed in the dialog shown and not yet done: ask whether
    to save them (the dialog done first, as its ctrl+s does), discard them or stay (True: asked)."""
    app = checking.reader.app
    if isinstance(app.screen, QuitDialog):  # asked already: the question is answered there
        return True
    dialog = app.screen if isinstance(app.screen, Dialog) else None
    typed = dialog.typed() if dialog is not None else None
    modified = checking.modified
    if not modified and typed is None:
        return False

    beneath = app.screen_stack[-2] if dialog is not None else None

    def done() -> None:  # the dialog's answer acted on: another question may follow (a stance)
        if app.screen is not beneath:
            checking.say("Answer this, then quit again: nothing is saved yet", error=True)
            return
        checking.save_all(app.exit)

    def answered(choice: str | None) -> None:
        if choice == "save" and dialog is not None and typed is not None:
            dialog.done_then(done)
        elif choice == "save":
            checking.save_all(app.exit)
        elif choice == "discard":
            checking.forget_unsaved()
            app.exit()

    app.push_screen(QuitDialog([s.path.name for s in modified], typed), answered)
    return True


def save_elsewhere(
    checking: Checking, session: Session, then: Callable[[], None] | None = None, *, conflicts: bool = False
) -> None:
    """Offer to save the session's version under another path (its file was deleted or cannot
    be written; or, with ``conflicts``, the file changed on disk and the person keeps the file as
    it is: every conflict is settled with their version, in the new file only); the session
    follows the new file. The path offered is a new name beside the file (``NAME.mine.yaml``);
    the file itself, or any other already there, is refused: nothing is written over."""

    old = session.path

    def typed(path: str | None) -> None:
        if path is None:
            checking.say("The edits are kept, unsaved; ctrl+s asks again", error=True)
            return
        if problem := taken(Path(path).expanduser(), old):  # made there since the dialog looked
            checking.say(f"Not saved: {problem}", error=True)
            return
        kept = dict(session.conflicts) if conflicts else {}
        for kind, ident in kept:
            for said in session.resolve(kind, ident, "mine"):  # type: ignore[arg-type]
                checking.say(said)
        try:
            written = session.save_as(Path(path).expanduser())
        except SaveError as exc:
            session.conflicts.update(kept)  # still to settle with the file where it was
            checking.say(f"Not saved: {exc}", error=True)
            return
        checking.moved(session, old)
        checking.paint_all(session)
        checking.say(f"Saved as {display_path(written.path)}")
        checking.reader.refresh_bindings()
        if then is not None:
            then()

    name = display_path(session.path.name)
    title = (
        f"Save your version of {name} elsewhere ({name} stays as it is on disk)"
        if conflicts
        else f"{name} cannot be written where it was"
    )
    checking.reader.app.push_screen(PathDialog(title, str(fresh_path(old)), old), typed)


def offer_elsewhere(checking: Checking, session: Session) -> None:
    """The file was deleted under the session (seen by the live reload): the edits are kept, and
    the person chooses to save them elsewhere, to write the file again, or to decide later."""
    if any(isinstance(s, ChoiceDialog | PathDialog) for s in checking.reader.app.screen_stack):
        checking.say(f"{display_path(session.path.name)} was deleted: your edits are kept", error=True)
        return
    name = display_path(session.path.name)

    def chosen(what: str | None) -> None:
        if what == "elsewhere":
            save_elsewhere(checking, session)
        elif what == "here":
            checking.save_session(session)
        else:
            checking.say(f"{name} was deleted: your edits are kept; ctrl+s writes it again", error=True)

    options = [("elsewhere", "Save them elsewhere…"), ("here", "Write the file again where it was"),
               ("later", "Decide later (ctrl+s writes it again)")]  # fmt: skip
    checking.reader.app.push_screen(ChoiceDialog(f"{name} was deleted; your edits are kept", options), chosen)
