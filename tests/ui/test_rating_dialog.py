"""The rating dialog's list stops at its ends, as every list does: down from the last rating stays
on it, up from the first stays on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.ui.checking_support import app_on, reader
from tests.ui.reader_support import until
from textual.widgets import OptionList

from briefing_tui.model.types import RATINGS, Rating
from briefing_tui.screens.checking_dialogs import ChoiceDialog, RatingDialog
from briefing_tui.screens.main import MainScreen


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_the_ratings_stop_at_their_ends(seed: Path, size: tuple[int, int]) -> None:
    async with app_on(seed).run_test(size=size) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket", "r")  # C11, rated "opinion": the last rating
        await until(pilot, lambda: isinstance(pilot.app.screen, RatingDialog))
        ratings = pilot.app.screen.query_one("#check-ratings", OptionList)
        last = len(RATINGS) - 1
        assert ratings.highlighted == last == list(RATINGS).index(Rating.OPINION)
        for _ in range(5):
            await pilot.press("down")
            assert ratings.highlighted == last
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        claim = screen.state.current_claim()
        assert claim is not None and claim.verdict is not None and claim.verdict.rating is Rating.OPINION
        await pilot.press("r")
        await until(pilot, lambda: isinstance(pilot.app.screen, RatingDialog))
        ratings = pilot.app.screen.query_one("#check-ratings", OptionList)
        await pilot.press(*["up"] * last)
        assert ratings.highlighted == 0
        await pilot.press("up", "up")  # from the first, up stays there
        assert ratings.highlighted == 0


async def test_a_choice_list_stops_at_its_ends(seed: Path) -> None:
    async with app_on(seed).run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: bool(reader(pilot).state.nav.doc.claims))
        await pilot.app.push_screen(ChoiceDialog("Choose", [(str(n), f"option {n}") for n in range(3)]))
        await until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog))
        choices = pilot.app.screen.query_one("#check-choices", OptionList)
        await until(pilot, lambda: choices.has_focus)
        await pilot.press("down")  # the first highlighted
        await pilot.press("down", "down", "down", "down")
        assert choices.highlighted == 2
        await pilot.press("up", "up", "up", "up")
        assert choices.highlighted == 0
