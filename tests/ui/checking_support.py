"""Shared set-up of the checking tests: a copy of the seed, the reader under the dialogs, what it said."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.ui.reader_support import SEEDS, until
from textual.pilot import Pilot
from textual.widgets import OptionList

from briefing_tui.app import BriefingApp
from briefing_tui.files import load_paths
from briefing_tui.model.types import RATINGS, Rating
from briefing_tui.screens.checking_dialogs import (
    ChoiceDialog,
    NoteDialog,
    RatingDialog,
    SafeTextArea,
    SourceForm,
)
from briefing_tui.screens.main import MainScreen

SIZE = (120, 40)
SEED = SEEDS / "niger-us-withdrawal.yaml"
BASE = "urn:briefing:niger-us-withdrawal"


def app_on(path: Path) -> BriefingApp:
    return BriefingApp([path], collection=load_paths([path]))


def reader(pilot: Pilot[Any]) -> MainScreen:
    """The reader's screen, under the dialog shown if there is one."""
    screen = pilot.app.screen_stack[1] if len(pilot.app.screen_stack) > 1 else pilot.app.screen
    assert isinstance(screen, MainScreen)
    return screen


def said(pilot: Pilot[Any]) -> list[str]:
    """Every notice the reader has shown."""
    return [n.message for n in pilot.app._notifications]


async def rate(pilot: Pilot[Any], rating: Rating, explanation: str) -> None:
    """``r``, the rating chosen in the list, tab to the explanation, typed, ctrl+s."""
    await pilot.press("r")
    await until(pilot, lambda: isinstance(pilot.app.screen, RatingDialog))
    ratings = pilot.app.screen.query_one(OptionList)
    target = list(RATINGS).index(rating)
    while ratings.highlighted != target:
        await pilot.press("down" if (ratings.highlighted or 0) < target else "up")
    await pilot.press("enter")  # on to the explanation
    area = pilot.app.screen.query_one(SafeTextArea)
    assert area.has_focus
    area.text = ""
    for line_no, line in enumerate(explanation.split("\n")):
        if line_no:
            await pilot.press("enter")
        await pilot.press(*[c if c != " " else "space" for c in line])
    await pilot.press("ctrl+s")
    await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))


async def empty_note_on_first_claim(pilot: Pilot[Any]) -> SafeTextArea:
    """``]`` then ``c``: the note dialog of the first claim, its text emptied, to type or paste into."""
    await pilot.press("right_square_bracket", "c")
    await until(pilot, lambda: isinstance(pilot.app.screen, NoteDialog), what="no note dialog")
    area = pilot.app.screen.query_one(SafeTextArea)
    area.text = ""
    return area


async def new_source_form(pilot: Pilot[Any]) -> None:
    """``]`` then ``a``, and "A new source…": the form of a new source for the first claim."""
    await pilot.press("right_square_bracket", "a")
    await until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="no choice of sources")
    await pilot.press("down", "enter")  # "A new source…" comes first
    await until(pilot, lambda: isinstance(pilot.app.screen, SourceForm), what="no new source form")
