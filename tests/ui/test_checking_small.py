"""Every checking dialog fits a terminal of 80x24: its border whole above the footer, its content
scrolling inside when it must, and a mistake said where the person is looking."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from tests.ui.checking_support import app_on, reader
from tests.ui.reader_support import drawn, until
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget

from briefing_tui.edit.merge import Conflict
from briefing_tui.screens.checking_dialogs import (
    ChoiceDialog,
    ConflictDialog,
    NoteDialog,
    QuitDialog,
    RatingDialog,
    SafeTextArea,
    SourceForm,
)
from briefing_tui.screens.line_dialogs import PathDialog
from briefing_tui.widgets.safe_input import FormInput

SMALL = (80, 24)
LONG = "A long explanation. " * 20


def whole(pilot: Pilot[Any]) -> bool:
    """The dialog's box is drawn whole: its four corners on screen, above the footer."""
    box = pilot.app.screen.query_one("#check-dialog").region
    lines = drawn(pilot.app)
    width, height = SMALL
    if box.x < 0 or box.y < 0 or box.right > width or box.bottom > height - 1:
        return False
    top, bottom = lines[box.y], lines[box.bottom - 1]
    return (
        top[box.x] == "╭"
        and top[box.right - 1] == "╮"
        and bottom[box.x] == "╰"
        and bottom[box.right - 1] == "╯"
    )


def shows(pilot: Pilot[Any], words: str) -> bool:
    return any(words in line for line in drawn(pilot.app))


def visible(widget: Widget) -> bool:
    """``widget`` is drawn whole inside the dialog's box (not scrolled or cut off)."""
    box = widget.screen.query_one("#check-dialog").region
    shown = widget.region
    return bool(shown.height) and shown.y >= box.y and shown.bottom <= box.bottom


def dialogs(pilot: Pilot[Any]) -> dict[str, Screen[Any]]:
    nav = reader(pilot).state.nav
    claim = nav.claim("C11")
    assert claim is not None
    conflict = Conflict("claim", "C11", claim, claim, claim)
    return {
        "rating": RatingDialog(replace(claim, gloss="A claim said at length " * 12)),
        "note": NoteDialog("A note on claim C11: " + "long words " * 20, LONG),
        "conflict": ConflictDialog(conflict, nav.doc.text, 2),
        "quit": QuitDialog(["niger-us-withdrawal.yaml"]),
        "choice": ChoiceDialog("Choose " * 30, [(str(n), f"option {n}") for n in range(40)], filtered=True),
        "source": SourceForm(),
        "path": PathDialog("Save elsewhere " * 12, "/tmp/x.mine.yaml", Path("/tmp/x.yaml")),
    }


@pytest.mark.parametrize("which", ["rating", "note", "conflict", "quit", "choice", "source", "path"])
async def test_every_dialog_fits_80x24_with_its_border_whole(seed: Path, which: str) -> None:
    async with app_on(seed).run_test(size=SMALL) as pilot:
        await until(pilot, lambda: bool(reader(pilot).state.nav.doc.claims))
        await pilot.app.push_screen(dialogs(pilot)[which])
        await until(pilot, lambda: whole(pilot), what=f"the {which} dialog drawn whole at 80x24")


async def test_the_rating_dialog_at_80x24_shows_several_lines_of_the_explanation(seed: Path) -> None:
    async with app_on(seed).run_test(size=SMALL) as pilot:
        await until(pilot, lambda: bool(reader(pilot).state.nav.doc.claims))
        await pilot.press("right_square_bracket", "r")
        await until(pilot, lambda: isinstance(pilot.app.screen, RatingDialog))
        area = pilot.app.screen.query_one(SafeTextArea)
        area.text = "\n".join(f"line {n}" for n in range(1, 9))
        await until(pilot, lambda: area.scrollable_content_region.height >= 3, what="three lines or more")
        assert visible(area) and whole(pilot)


async def test_a_mistake_in_the_new_source_form_is_seen_at_80x24(seed: Path) -> None:
    async with app_on(seed).run_test(size=SMALL) as pilot:
        await until(pilot, lambda: bool(reader(pilot).state.nav.doc.claims))
        await pilot.app.push_screen(SourceForm())
        await until(pilot, lambda: isinstance(pilot.app.screen, SourceForm))
        pilot.app.screen.query_one("#source-title", FormInput).value = "A title"
        pilot.app.screen.query_one("#source-url", FormInput).value = "ftp://x"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: shows(pilot, "not a web address"), what="the mistake drawn")
        assert isinstance(pilot.app.screen, SourceForm) and whole(pilot)
        assert visible(pilot.app.screen.query_one("#source-url", FormInput))
