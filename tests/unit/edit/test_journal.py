"""The journal of unsaved edits: the mode its edits were made in, entries left for the next start
beside the edits made after them, an entry restored over a file changed since (a conflict, never
written over unasked), and what becomes of an entry when its session is saved elsewhere."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.support.checks import present
from tests.unit.edit.support import SEED

from briefing_tui.crash import unsaved_kept
from briefing_tui.edit import journal, ops
from briefing_tui.edit.session import ConflictError, Session
from briefing_tui.edit.sidecar import sidecar_path
from briefing_tui.model import load_document
from briefing_tui.model.types import Claim


@pytest.fixture
def path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    target = tmp_path / "seed.yaml"
    shutil.copyfile(SEED, target)
    return target


def test_edits_saved_elsewhere_leave_nothing_kept_for_the_file_they_left(path: Path) -> None:
    session = Session.open(path)
    journal.attach(session)
    session.apply(ops.set_note(session.doc, "claim", "C1", "Mine."))
    assert [e.path for e in journal.pending()] == [path.absolute()]
    session.save_as(path.with_name("mine.yaml"))
    assert journal.pending() == []
    session.apply(ops.set_note(session.doc, "claim", "C2", "Mine too."))  # kept for the new file
    assert [e.path for e in journal.pending()] == [path.with_name("mine.yaml").absolute()]


def test_edits_made_notes_only_are_restored_notes_only(path: Path) -> None:
    session = Session.open(path, notes_only=True)
    journal.attach(session)
    session.apply(ops.set_note(session.doc, "claim", "C1", "Beside."))
    [entry] = journal.pending()
    assert entry.notes_only
    restored, skipped, _ = journal.restore(entry)  # asked without notes-only: the entry says so
    assert skipped == [] and restored.notes_only
    before = path.read_bytes()
    restored.save()
    assert path.read_bytes() == before and sidecar_path(path).is_file()
    assert journal.pending() == []


def test_an_entry_left_for_the_next_start_outlives_the_edits_made_after_it(path: Path) -> None:
    first = Session.open(path)
    journal.attach(first)
    first.apply(ops.set_note(first.doc, "claim", "C1", "Edit A."))
    [entry] = journal.pending()
    aside = journal.set_aside(entry)  # decided at the next start
    assert aside.journal != entry.journal and unsaved_kept([path])
    second = Session.open(path)
    journal.attach(second)
    second.apply(ops.set_note(second.doc, "claim", "C2", "Edit B."))
    assert len(journal.pending()) == 2
    second.save()
    assert [e.journal for e in journal.pending()] == [aside.journal]
    restored, skipped, _ = journal.restore(journal.pending()[0])
    assert skipped == [] and present(restored.doc.claim("C1")).note == "Edit A."
    assert [e.journal for e in journal.pending()] == [journal.journal_file(path)]  # moved, not copied
    restored.save()
    assert journal.pending() == [] and not unsaved_kept([path])


def test_two_entries_of_one_file_are_restored_into_one_session(path: Path) -> None:
    first = Session.open(path)
    journal.attach(first)
    first.apply(ops.set_note(first.doc, "claim", "C1", "Edit A."))
    journal.set_aside(journal.pending()[0])
    second = Session.open(path)
    journal.attach(second)
    second.apply(ops.set_note(second.doc, "claim", "C2", "Edit B."))
    own, aside = sorted(journal.pending(), key=lambda e: e.journal != journal.journal_file(path))
    restored, _, _ = journal.restore(own)
    again, skipped, _ = journal.restore(aside, into=restored)
    assert again is restored and skipped == []
    assert [present(restored.doc.claim(c)).note for c in ("C1", "C2")] == ["Edit A.", "Edit B."]
    [left] = journal.pending()
    assert left.journal == journal.journal_file(path) and left.count == 2


def test_an_annotation_changed_in_the_file_since_is_a_conflict_once_restored(path: Path) -> None:
    mine = Session.open(path)
    journal.attach(mine)
    mine.apply(ops.set_note(mine.doc, "claim", "C1", "Mine."))
    mine.apply(ops.set_note(mine.doc, "claim", "C2", "Mine too."))
    theirs = Session.open(path)  # someone else, meanwhile, on C1 only
    theirs.apply(ops.set_note(theirs.doc, "claim", "C1", "Theirs."))
    theirs.save()
    on_disk = path.read_bytes()
    [entry] = journal.pending()
    restored, skipped, _ = journal.restore(entry)
    assert skipped == [] and list(restored.conflicts) == [("claim", "C1")]
    [conflict] = restored.pending_conflicts()
    assert isinstance(conflict.theirs, Claim) and isinstance(conflict.mine, Claim)
    assert (conflict.theirs.note, conflict.mine.note) == ("Theirs.", "Mine.")
    with pytest.raises(ConflictError):
        restored.save()
    assert path.read_bytes() == on_disk  # never written over unasked
    [kept] = journal.pending()  # kept with the base the edit was made on: a stop now loses nothing
    again, _, _ = journal.restore(kept)
    assert list(again.conflicts) == [("claim", "C1")]
    restored.resolve("claim", "C1", "theirs")
    restored.save()
    assert [present(load_document(path).claim(c)).note for c in ("C1", "C2")] == ["Theirs.", "Mine too."]


def test_edits_a_notes_only_session_cannot_hold_stay_kept_for_a_session_that_writes_the_file(
    path: Path,
) -> None:
    session = Session.open(path)
    journal.attach(session)
    session.apply(ops.set_note(session.doc, "claim", "C1", "A note."))
    made = session.apply(ops.make_claim(session.doc, 0, 5)).steps[0].id
    session.apply(ops.remove_annotation(session.doc, "claim", "C3"))
    session.add_bookmark(0, 5, "b")
    [entry] = journal.pending()
    restored, skipped, kept = journal.restore(entry, notes_only=True)
    assert skipped == [] and restored.notes_only
    assert present(restored.doc.claim("C1")).note == "A note." and len(restored.bookmarks) == 1
    assert restored.doc.claim(made) is None and restored.doc.claim("C3") is not None
    assert kept is not None and kept.count == 2 and not kept.notes_only
    restored.save()  # the note and the bookmark beside the file; the rest still kept
    assert [e.journal for e in journal.pending()] == [kept.journal]
    again, skipped, none = journal.restore(journal.pending()[0])
    assert skipped == [] and none is None and not again.notes_only
    assert again.doc.claim(made) is not None and again.doc.claim("C3") is None
    again.save()
    assert journal.pending() == []
    saved = load_document(path)
    assert saved.claim(made) is not None and saved.claim("C3") is None


def test_an_entry_with_nothing_a_notes_only_session_can_hold_is_left_whole_for_the_next_start(
    path: Path,
) -> None:
    session = Session.open(path)
    journal.attach(session)
    session.apply(ops.remove_annotation(session.doc, "claim", "C3"))
    [entry] = journal.pending()
    restored, skipped, kept = journal.restore(entry, notes_only=True)
    assert skipped == [] and not restored.modified and restored.doc.claim("C3") is not None
    assert kept is not None and kept.journal != journal.journal_file(path)  # set aside: a new edit spares it
    restored.apply(ops.set_note(restored.doc, "claim", "C1", "Beside."))
    assert kept.journal in [e.journal for e in journal.pending()]
    again, _, _ = journal.restore(kept)
    assert again.doc.claim("C3") is None
