"""What a person types or pastes into an input is saved as written, character for character, and
reads back the same from the file; only what the input shows goes through the display boundary."""

from __future__ import annotations

from pathlib import Path

from tests.ui.checking_support import SIZE, app_on, reader
from tests.ui.reader_support import drawn, until
from textual import events

from briefing_tui.display import BIDI_STAND_IN
from briefing_tui.model import load_document
from briefing_tui.screens.checking_dialogs import (
    NoteDialog,
    RatingDialog,
    SafeTextArea,
)
from briefing_tui.screens.main import MainScreen

EMOJI = "😀🇫🇷 👩\u200d👩\u200d👧"
HOSTILE = "seen \x1b[31mred\u202ebackwards\u202c\u2028next\x85\u200b\U0001f600"
"""ESC, a bidi override and its end, a line separator, NEL, a zero-width space, an astral emoji."""


async def test_a_note_keeps_the_emoji_and_controls_pasted_and_shows_stand_ins(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket", "c")
        await until(pilot, lambda: isinstance(pilot.app.screen, NoteDialog))
        area = pilot.app.screen.query_one(SafeTextArea)
        area.text = ""
        area.post_message(events.Paste(EMOJI + "\n" + HOSTILE))
        await until(pilot, lambda: "seen" in area.text, what="the paste arrived")
        assert area.text == EMOJI + "\n" + HOSTILE
        await until(pilot, lambda: any(BIDI_STAND_IN in line for line in drawn(pilot.app)), what="drawn")
        assert not any(c in "".join(drawn(pilot.app)) for c in "\x1b\u202e\u202c\u2028\x85\u200b")
        await pilot.press("ctrl+s")  # done
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        claim_id = screen.claim_id
        await pilot.press("ctrl+s")  # saved
        await until(pilot, lambda: not screen.checking.modified, what="saved")
    claim = load_document(seed).claim(claim_id)
    assert claim is not None and claim.note == EMOJI + "\n" + HOSTILE


async def test_an_explanation_keeps_what_is_pasted_and_typed(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket", "r")
        await until(pilot, lambda: isinstance(pilot.app.screen, RatingDialog))
        await pilot.press("tab")  # on to the explanation
        area = pilot.app.screen.query_one(SafeTextArea)
        area.text = ""
        area.post_message(events.Paste(EMOJI))
        await until(pilot, lambda: area.text == EMOJI, what="the paste arrived as pasted")
        await pilot.press("space", "a")
        assert area.text == EMOJI + " a"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        claim_id = screen.claim_id
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not screen.checking.modified, what="saved")
    claim = load_document(seed).claim(claim_id)
    assert claim is not None and claim.verdict is not None and claim.verdict.explanation == EMOJI + " a"
