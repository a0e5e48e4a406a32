"""What a person types or pastes into an input is saved as written, character for character, and
reads back the same from the file; only what the input shows goes through the display boundary."""

from __future__ import annotations

from pathlib import Path

from tests.ui.checking_support import SIZE, app_on, empty_note_on_first_claim, new_source_form, reader
from tests.ui.reader_support import drawn, until
from textual import events

from briefing_tui.display import BIDI_STAND_IN, sanitize
from briefing_tui.model import load_document
from briefing_tui.screens.checking_dialogs import (
    ChoiceDialog,
    RatingDialog,
    SafeTextArea,
    SourceForm,
)
from briefing_tui.screens.main import MainScreen
from briefing_tui.widgets.safe_input import FormInput

EMOJI = "😀🇫🇷 👩\u200d👩\u200d👧"
HOSTILE = "seen \x1b[31mred\u202ebackwards\u202c\u2028next\x85\u200b\U0001f600"
"""ESC, a bidi override and its end, a line separator, NEL, a zero-width space, an astral emoji."""


async def test_a_note_keeps_the_emoji_and_controls_pasted_and_shows_stand_ins(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        area = await empty_note_on_first_claim(pilot)
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


async def test_a_new_source_keeps_a_pasted_override_and_shows_its_stand_in(seed: Path) -> None:
    title, publisher = "Le communiqué \u202eFPA\u202c " + EMOJI, "A\x1b[31mB\u200bC"
    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await new_source_form(pilot)
        fields = list(pilot.app.screen.query(FormInput))
        fields[0].post_message(events.Paste(title))
        await until(pilot, lambda: fields[0].value != "", what="the title pasted")
        assert fields[0].value == title
        await until(pilot, lambda: any(sanitize(title) in line for line in drawn(pilot.app)), what="drawn")
        await pilot.press("tab")
        fields[1].post_message(events.Paste(publisher + "\nsecond line"))
        await until(pilot, lambda: fields[1].value != "", what="the publisher pasted")
        assert fields[1].value == publisher  # one line: what follows the first new line is left
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog))
        await pilot.press("enter")  # supports
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        source_id = screen.state.doc.sources[-1].id
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not screen.checking.modified, what="saved")
    source = next(s for s in load_document(seed).sources if s.id == source_id)
    assert (source.title, source.publisher) == (title, publisher)


async def test_a_character_that_cannot_be_saved_is_refused_and_said(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket", "a")
        await until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog))
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(pilot.app.screen, SourceForm))
        form = pilot.app.screen
        form.query_one("#source-title", FormInput).value = "half \ud800 a pair"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "not valid Unicode" in str(form.query_one("#source-problem").render()))
        assert pilot.app.screen is form  # the form stays open, the title as typed


async def test_a_key_that_is_a_format_character_is_taken_by_every_input(seed: Path) -> None:
    typed = [
        ("zero_width_joiner", "\u200d"),
        ("right_to_left_override", "\u202e"),
        ("\U0001fae8", "\U0001fae8"),
    ]
    async with app_on(seed).run_test(size=SIZE) as pilot:
        area = await empty_note_on_first_claim(pilot)
        for key, char in typed:
            pilot.app.post_message(events.Key(key, char))
        await until(pilot, lambda: len(area.text) == 3, what="the keys typed")
        assert area.text == "\u200d\u202e\U0001fae8"
        await pilot.press("escape", "escape")  # the second drops what was typed
        await pilot.press("a")
        await until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog))
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(pilot.app.screen, SourceForm))
        title = pilot.app.screen.query_one("#source-title", FormInput)
        for key, char in typed:
            pilot.app.post_message(events.Key(key, char))
        await until(pilot, lambda: len(title.value) == 3, what="the keys typed")
        assert title.value == "\u200d\u202e\U0001fae8"
