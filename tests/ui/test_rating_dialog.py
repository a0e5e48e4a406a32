"""The rating dialog's list stops at its ends, as every list does: down from the last rating stays
on it, up from the first stays on it. Every rating is in view when the dialog has room for them
all (80x24 has), else the list shows its scrollbar and keeps the highlighted rating in view."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from tests.support.checks import present
from tests.ui.checking_support import app_on, reader
from tests.ui.reader_support import drawn, until
from tests.ui.test_contrast import contrast
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import OptionList

from briefing_tui.model.types import RATINGS, Rating
from briefing_tui.screens.checking_dialogs import ChoiceDialog, RatingDialog, SafeTextArea
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


def max_contrast(pilot: Pilot[Any], bar: Region) -> float:
    """The contrast between the colours a scrollbar is drawn with (its thumb and its track)."""
    seen: set[tuple[int, int, int]] = set()
    strips = pilot.app.screen._compositor.render_strips()
    for y in range(bar.y, bar.bottom):
        for segment in strips[y].crop(bar.x, bar.right):
            style = segment.style
            if style is not None and style.bgcolor is not None and style.color is not None:
                ink = style.color if style.reverse else style.bgcolor
                seen.add((ink.get_truecolor().red, ink.get_truecolor().green, ink.get_truecolor().blue))
    return max((contrast(a, b) for a in seen for b in seen), default=1.0)


def labels_drawn(pilot: Pilot[Any]) -> list[str]:
    lines = drawn(pilot.app)
    return [
        info.label for info in RATINGS.values() if any(f"{info.glyph} {info.label}" in line for line in lines)
    ]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_every_rating_is_in_view_when_the_dialog_has_room(seed: Path, size: tuple[int, int]) -> None:
    async with app_on(seed).run_test(size=size) as pilot:
        await pilot.press("right_square_bracket", "r")  # C11, rated "opinion": the last rating
        await until(pilot, lambda: isinstance(pilot.app.screen, RatingDialog))
        every = [info.label for info in RATINGS.values()]
        await until(pilot, lambda: labels_drawn(pilot) == every, what=f"only {labels_drawn(pilot)} in view")
        area = pilot.app.screen.query_one(SafeTextArea)
        assert area.scrollable_content_region.height >= 3  # and the explanation keeps its lines


async def test_ratings_that_do_not_fit_show_a_scrollbar_and_the_one_highlighted(seed: Path) -> None:
    async with app_on(seed).run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: bool(reader(pilot).state.nav.doc.claims))
        claim = present(reader(pilot).state.nav.claim("C11"))
        await pilot.app.push_screen(RatingDialog(replace(claim, gloss="A claim said at length " * 12)))
        await until(pilot, lambda: isinstance(pilot.app.screen, RatingDialog))
        ratings = pilot.app.screen.query_one("#check-ratings", OptionList)
        await until(pilot, lambda: "❝ opinion" in "\n".join(drawn(pilot.app)), what="opinion not in view")
        if len(labels_drawn(pilot)) == len(RATINGS):
            return  # they all fit
        assert ratings.show_vertical_scrollbar
        assert max_contrast(pilot, ratings.vertical_scrollbar.region) >= 3, "the scrollbar's thumb unseen"
        await pilot.press(*["up"] * 8)
        await until(pilot, lambda: "✔ supported" in "\n".join(drawn(pilot.app)), what="supported not in view")
