"""Quitting while a dialog holds text typed and not yet confirmed (a note, an explanation): the
text counts as unsaved work. Quitting asks, naming it; "Save and quit" confirms the dialog first, as
its own ctrl+s would, then saves; "Quit without saving" drops it; escape stays, the text intact."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.ui.checking_support import app_on, new_source_form, reader
from tests.ui.reader_support import drawn, until
from textual.pilot import Pilot

from briefing_tui.edit.sidecar import sidecar_items
from briefing_tui.model import load_document
from briefing_tui.screens.bookmarks import LabelDialog
from briefing_tui.screens.checking_dialogs import (
    ChoiceDialog,
    NoteDialog,
    QuitDialog,
    RatingDialog,
    SafeTextArea,
    SourceForm,
)

SMALL = (80, 24)


def keys(text: str) -> list[str]:
    return [c if c != " " else "space" for c in text]


async def note_typed(pilot: Pilot[Any], text: str) -> SafeTextArea:
    """``c``: the note dialog of the current claim, ``text`` typed at the end of its note."""
    await pilot.press("c")
    await until(pilot, lambda: isinstance(pilot.app.screen, NoteDialog), what="no note dialog")
    area = pilot.app.screen.query_one(SafeTextArea)
    await pilot.press(*keys(text))
    await until(pilot, lambda: area.text.endswith(text), what="the note typed")
    return area


async def asked(pilot: Pilot[Any]) -> str:
    """Wait for the quit question; what it says."""
    await until(pilot, lambda: isinstance(pilot.app.screen, QuitDialog), what="quitting did not ask")
    await until(pilot, lambda: any("Not saved yet" in line for line in drawn(pilot.app)), what="not said")
    return " ".join(drawn(pilot.app))


async def test_a_note_being_typed_is_asked_about_and_saved_on_save_and_quit(seed: Path) -> None:
    async with app_on(seed).run_test(size=SMALL) as pilot:
        await pilot.press("right_square_bracket")
        claim_id = reader(pilot).claim_id
        await note_typed(pilot, "quick q note")
        await pilot.press("ctrl+q")
        assert "the note being typed" in await asked(pilot)
        assert pilot.app.is_running
        await pilot.press("ctrl+s")  # save and quit
        await until(pilot, lambda: not pilot.app.is_running, what="quit after saving")
    claim = load_document(seed).claim(claim_id)
    assert claim is not None and claim.note is not None and claim.note.endswith("quick q note")


async def test_save_and_quit_keeps_the_edits_made_and_the_note_being_typed(seed: Path) -> None:
    async with app_on(seed).run_test(size=SMALL) as pilot:
        await pilot.press("right_square_bracket", "R")  # a verdict removed: a real edit
        claim_id = reader(pilot).claim_id
        await until(pilot, lambda: reader(pilot).checking.modified, what="no edit")
        await note_typed(pilot, "pending note")
        await pilot.press("ctrl+q")
        said = await asked(pilot)
        assert "the note being typed" in said and seed.name in said
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not pilot.app.is_running, what="quit after saving")
    claim = load_document(seed).claim(claim_id)
    assert claim is not None and claim.verdict is None
    assert claim.note is not None and claim.note.endswith("pending note")


async def test_escape_stays_in_the_dialog_with_its_text_and_d_quits_without_it(seed: Path) -> None:
    before = seed.read_text(encoding="utf-8")
    async with app_on(seed).run_test(size=SMALL) as pilot:
        await pilot.press("right_square_bracket")
        area = await note_typed(pilot, "not kept")
        typed = area.text
        await pilot.press("ctrl+q")
        await asked(pilot)
        await pilot.press("escape")  # stay
        await until(pilot, lambda: isinstance(pilot.app.screen, NoteDialog), what="not back in the dialog")
        assert pilot.app.screen.query_one(SafeTextArea).text == typed
        await pilot.press("ctrl+q")
        await asked(pilot)
        await pilot.press("d")  # quit without saving
        await until(pilot, lambda: not pilot.app.is_running, what="quit")
    assert seed.read_text(encoding="utf-8") == before


async def test_a_dialog_left_as_it_opened_does_not_hold_quitting(seed: Path) -> None:
    async with app_on(seed).run_test(size=SMALL) as pilot:
        await pilot.press("right_square_bracket", "c")
        await until(pilot, lambda: isinstance(pilot.app.screen, NoteDialog), what="no note dialog")
        await pilot.press("ctrl+q")
        await until(pilot, lambda: not pilot.app.is_running, what="quit at once")


async def test_an_explanation_being_typed_is_saved_on_save_and_quit(seed: Path) -> None:
    async with app_on(seed).run_test(size=SMALL) as pilot:
        await pilot.press("right_square_bracket")
        claim_id = reader(pilot).claim_id
        await pilot.press("r")
        await until(pilot, lambda: isinstance(pilot.app.screen, RatingDialog), what="no rating dialog")
        await pilot.press("tab", *keys(" and more"))
        area = pilot.app.screen.query_one(SafeTextArea)
        await until(pilot, lambda: area.text.endswith(" and more"), what="the explanation typed")
        await pilot.press("ctrl+q")
        assert "the explanation being typed" in await asked(pilot)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not pilot.app.is_running, what="quit after saving")
    claim = load_document(seed).claim(claim_id)
    assert claim is not None and claim.verdict is not None
    assert claim.verdict.explanation.endswith(" and more")


async def test_a_bookmark_label_being_typed_is_asked_about_and_kept_on_save_and_quit(seed: Path) -> None:
    async with app_on(seed).run_test(size=SMALL) as pilot:
        await pilot.press("right_square_bracket", "B")
        await until(pilot, lambda: isinstance(pilot.app.screen, LabelDialog), what="the label asked")
        await pilot.press(*keys("ask the embassy"), "ctrl+q")
        assert "the bookmark label being typed" in await asked(pilot)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not pilot.app.is_running, what="quit after saving")
    assert [item["body"][0]["value"] for item in sidecar_items(seed)] == ["ask the embassy"]


async def stance_then_save_and_quit(pilot: Pilot[Any]) -> None:
    """The stance asked of a new source chosen ("supports"), then quitting, saving."""
    await pilot.press("enter")
    await until(pilot, lambda: not isinstance(pilot.app.screen, ChoiceDialog | SourceForm))
    await pilot.press("ctrl+q")
    await until(pilot, lambda: isinstance(pilot.app.screen, QuitDialog), what="quitting did not ask")
    await pilot.press("ctrl+s")
    await until(pilot, lambda: not pilot.app.is_running, what="quit after saving")


async def test_a_new_source_being_typed_is_done_and_its_stance_asked_before_quitting(seed: Path) -> None:
    before = seed.read_text(encoding="utf-8")
    async with app_on(seed).run_test(size=SMALL) as pilot:
        await new_source_form(pilot)
        await pilot.press(*keys("A communique"), "ctrl+q")
        assert "the new source being typed" in await asked(pilot)
        await pilot.press("ctrl+s")  # the form done: its stance is asked, nothing saved yet
        await until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="no stance asked")
        assert pilot.app.is_running and seed.read_text(encoding="utf-8") == before
        await stance_then_save_and_quit(pilot)
    assert any(s.title == "A communique" for s in load_document(seed).sources)


async def test_a_new_source_waiting_for_its_stance_is_not_lost_by_quitting(seed: Path) -> None:
    before = seed.read_text(encoding="utf-8")
    async with app_on(seed).run_test(size=SMALL) as pilot:
        await new_source_form(pilot)
        await pilot.press(*keys("A communique"), "ctrl+s")  # the form done: its stance asked
        await until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="no stance asked")
        await pilot.press("ctrl+q")
        assert "the new source waiting for its stance" in await asked(pilot)
        await pilot.press("ctrl+s")  # save and quit: the stance is the person's to choose
        await until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="the question went")
        assert pilot.app.is_running and seed.read_text(encoding="utf-8") == before
        await stance_then_save_and_quit(pilot)
    assert any(s.title == "A communique" for s in load_document(seed).sources)


async def test_escape_drops_typed_text_only_when_pressed_again(seed: Path) -> None:
    async with app_on(seed).run_test(size=SMALL) as pilot:
        await pilot.press("right_square_bracket", "c")
        await until(pilot, lambda: isinstance(pilot.app.screen, NoteDialog), what="no note dialog")
        await pilot.press(*keys("half a note"), "escape")
        await until(pilot, lambda: any("Escape again drops the note being typed" in n.message
                                       for n in pilot.app._notifications))  # fmt: skip
        assert isinstance(pilot.app.screen, NoteDialog)  # still there, with the text
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(pilot.app.screen, NoteDialog), what="escape again kept it")
        await pilot.press("c")  # nothing typed: one escape closes
        await until(pilot, lambda: isinstance(pilot.app.screen, NoteDialog))
        await pilot.press("escape")
        await until(
            pilot, lambda: not isinstance(pilot.app.screen, NoteDialog), what="one escape did not close"
        )
