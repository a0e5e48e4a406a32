"""The journal of unsaved edits in the reader across a stop: edits made notes-only come back
notes-only, edits left for the next start outlive the edits made meanwhile, and edits saved
elsewhere are not kept for the file they left."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.support.checks import present
from tests.ui.checking_support import SEED, SIZE, reader, said
from tests.ui.reader_support import until
from textual.pilot import Pilot

from briefing_tui.app import BriefingApp
from briefing_tui.edit import journal, ops
from briefing_tui.edit.session import Session
from briefing_tui.edit.sidecar import sidecar_items
from briefing_tui.files import load_paths
from briefing_tui.model import load_document
from briefing_tui.screens.checking_dialogs import (
    ChoiceDialog,
    ConflictDialog,
    NoteDialog,
    SafeTextArea,
)
from briefing_tui.screens.line_dialogs import PathDialog
from briefing_tui.screens.main import MainScreen
from briefing_tui.widgets.safe_input import FormInput


def app_on(path: Path, *, notes_only: bool = False) -> BriefingApp:
    return BriefingApp([path], collection=load_paths([path]), notes_only=notes_only)


async def note(pilot: Pilot[Any], claim_id: str, text: str) -> None:
    """``c`` on claim ``claim_id``: the note typed, ctrl+s; once its journal holds it."""
    screen = reader(pilot)
    screen.jump_to(screen.state.nav.location_of(present(screen.state.nav.claim(claim_id))))
    await until(pilot, lambda: screen.claim_id == claim_id, what=f"{claim_id} shown")
    await pilot.press("c")
    await until(pilot, lambda: isinstance(pilot.app.screen, NoteDialog))
    pilot.app.screen.query_one(SafeTextArea).text = ""
    await pilot.press(*text)
    await pilot.press("ctrl+s")
    await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
    await until(pilot, lambda: not screen.checking.journals.busy, what="the journal written")


def stop(pilot: Pilot[Any]) -> None:
    """As if the reader were killed there: nothing saved, nothing asked, the journal left."""
    reader(pilot).checking.sessions.clear()


async def choose(pilot: Pilot[Any], choice: str) -> None:
    """The restore offered at start: ``choice`` among restore, discard, later."""
    await until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="restore offered")
    dialog = pilot.app.screen
    await pilot.press(*{"restore": [], "discard": ["down"], "later": ["down", "down"]}[choice], "enter")
    await until(pilot, lambda: pilot.app.screen is not dialog, what="answered")  # the next may follow


def kept_notes() -> list[str]:
    """The notes every journal entry holds."""
    return [c["yaml"] for e in journal.pending() for c in journal._read(e.journal)["changes"]]  # type: ignore[index]


@pytest.mark.parametrize("notes_only", [True, False], ids=["flag-again", "no-flag"])
async def test_notes_only_edits_restored_after_a_stop_go_to_the_sidecar(seed: Path, notes_only: bool) -> None:
    async with app_on(seed, notes_only=True).run_test(size=SIZE) as pilot:
        await note(pilot, "C11", "NO-crash")
        stop(pilot)
    async with app_on(seed, notes_only=notes_only).run_test(size=SIZE) as pilot:
        await choose(pilot, "restore")
        checking = reader(pilot).checking
        assert present(reader(pilot).state.nav.claim("C11")).note == "NO-crash"
        assert checking.sessions[seed].notes_only
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not checking.modified, what="saved")
    assert seed.read_bytes() == SEED.read_bytes()  # the file is never written
    assert any(b.get("value") == "NO-crash" for i in sidecar_items(seed) for b in i["body"])


async def test_edits_left_for_the_next_start_outlive_the_edits_made_meanwhile(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        await note(pilot, "C11", "EDIT-A")
        stop(pilot)
    async with app_on(seed).run_test(size=SIZE) as pilot:
        await choose(pilot, "later")
        await note(pilot, "C3", "EDIT-B")
        assert any("EDIT-A" in n for n in kept_notes()) and any("EDIT-B" in n for n in kept_notes())
        await pilot.press("ctrl+s")
        screen = reader(pilot)
        await until(pilot, lambda: not screen.checking.modified, what="saved")
        await until(pilot, lambda: not screen.checking.journals.busy, what="the journal written")
    assert present(load_document(seed).claim("C3")).note == "EDIT-B"
    assert [n for n in kept_notes() if "EDIT-" in n] == [n for n in kept_notes() if "EDIT-A" in n] != []
    async with app_on(seed).run_test(size=SIZE) as pilot:
        await choose(pilot, "restore")
        screen = reader(pilot)
        assert present(screen.state.nav.claim("C11")).note == "EDIT-A"
        assert present(screen.state.nav.claim("C3")).note == "EDIT-B"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not screen.checking.modified, what="saved")
        await until(pilot, lambda: not screen.checking.journals.busy, what="the journal written")
    assert present(load_document(seed).claim("C11")).note == "EDIT-A"
    assert journal.pending() == []


async def test_edits_saved_elsewhere_are_no_longer_kept_for_the_file_they_left(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        screen.live_reload.stop()  # the test tells the change itself, once, as the live reload would
        await note(pilot, "C11", "MINE")
        assert journal.journal_file(seed).exists()
        theirs = seed.read_text(encoding="utf-8").replace("explanation: An opinion", "explanation: THEIRS", 1)
        seed.write_text(theirs, encoding="utf-8")
        assert screen.editing.file_changed(seed)
        await until(pilot, lambda: isinstance(pilot.app.screen, ConflictDialog), what="the conflict shown")
        await pilot.press("e")
        await until(pilot, lambda: isinstance(pilot.app.screen, PathDialog), what="where to save")
        elsewhere = seed.with_name("mine.yaml")
        pilot.app.screen.query_one(FormInput).value = str(elsewhere)
        await pilot.press("enter")
        await until(pilot, elsewhere.exists, what="saved elsewhere")
        await until(pilot, lambda: not screen.checking.journals.busy, what="the journal written")
    assert seed.read_text(encoding="utf-8") == theirs
    assert present(load_document(elsewhere).claim("C11")).note == "MINE"
    assert journal.pending() == []  # nothing left to restore over the file's new version


async def test_two_stops_in_a_row_are_restored_into_one_session(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        await note(pilot, "C11", "EDIT-A")
        stop(pilot)
    async with app_on(seed).run_test(size=SIZE) as pilot:
        await choose(pilot, "later")
        await note(pilot, "C3", "EDIT-B")
        stop(pilot)
    async with app_on(seed).run_test(size=SIZE) as pilot:
        await choose(pilot, "restore")  # the newest: EDIT-B
        await choose(pilot, "restore")  # then the one left for this start: EDIT-A
        screen = reader(pilot)
        assert [present(screen.state.nav.claim(c)).note for c in ("C11", "C3")] == ["EDIT-A", "EDIT-B"]
        assert len(screen.checking.sessions) == 1
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not screen.checking.modified, what="saved")
        await until(pilot, lambda: not screen.checking.journals.busy, what="the journal written")
    assert [present(load_document(seed).claim(c)).note for c in ("C11", "C3")] == ["EDIT-A", "EDIT-B"]
    assert journal.pending() == []


async def test_edits_restored_over_a_file_changed_since_show_both_sides_at_save(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        await note(pilot, "C11", "MINE")
        stop(pilot)
    theirs = seed.read_text(encoding="utf-8").replace("explanation: An opinion", "explanation: THEIRS", 1)
    seed.write_text(theirs, encoding="utf-8")
    async with app_on(seed).run_test(size=SIZE) as pilot:
        await choose(pilot, "restore")
        screen = reader(pilot)
        assert present(screen.state.nav.claim("C11")).note == "MINE"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(pilot.app.screen, ConflictDialog), what="both sides shown")
        assert seed.read_text(encoding="utf-8") == theirs  # never written over unasked


async def test_edits_a_notes_only_session_cannot_hold_stay_kept_until_the_file_is_opened_for_writing(
    seed: Path,
) -> None:
    made = Session.open(seed)  # a stop in a session that writes the file: a note, a removal
    journal.attach(made)
    made.apply(ops.set_note(made.doc, "claim", "C11", "KEPT-NOTE"))
    made.apply(ops.remove_annotation(made.doc, "claim", "C3"))
    async with app_on(seed, notes_only=True).run_test(size=SIZE) as pilot:
        await choose(pilot, "restore")
        screen = reader(pilot)
        assert present(screen.state.nav.claim("C11")).note == "KEPT-NOTE"
        assert screen.state.nav.claim("C3") is not None
        kept = "1 edit only niger-us-withdrawal.yaml itself can hold"
        await until(pilot, lambda: any(m.startswith(kept) and "--notes-only" in m for m in said(pilot)))
        assert not any(m.startswith("Not restored") for m in said(pilot))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not screen.checking.modified, what="saved")
        await until(pilot, lambda: not screen.checking.journals.busy, what="the journal written")
    assert seed.read_bytes() == SEED.read_bytes()
    assert [e.count for e in journal.pending()] == [1]  # the removal, offered again
    async with app_on(seed).run_test(size=SIZE) as pilot:  # the notes beside it: notes-only again
        await choose(pilot, "restore")
        await until(pilot, lambda: any(m.startswith(kept) for m in said(pilot)), what="still kept")
        assert reader(pilot).state.nav.claim("C3") is not None
    [entry] = journal.pending()
    writing, skipped, none = journal.restore(entry)  # a session that writes the file
    assert skipped == [] and none is None and writing.doc.claim("C3") is None
    writing.save()
    assert load_document(seed).claim("C3") is None and journal.pending() == []
    assert any(b.get("value") == "KEPT-NOTE" for i in sidecar_items(seed) for b in i["body"])


async def test_the_restore_question_counts_one_edit_as_one(seed: Path) -> None:
    made = Session.open(seed)
    journal.attach(made)
    made.apply(ops.set_note(made.doc, "claim", "C11", "ONE"))
    async with app_on(seed).run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="restore offered")
        dialog = pilot.app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert dialog.title_text.startswith("1 unsaved edit of niger-us-withdrawal.yaml was kept")
