"""The status line: document, position in the text, the current claim with its verdict, the search and
its count, and messages, at every size."""

from __future__ import annotations

import pytest
from tests.ui.reader_support import COLLECTION, main_screen, seed_app, until

from briefing_tui.app import BriefingApp
from briefing_tui.files import load_paths
from briefing_tui.widgets.status_line import StatusLine

SIZES = [(120, 40), (80, 24)]


def status(app: BriefingApp) -> str:
    return app.screen.query_one(StatusLine).plain


@pytest.mark.parametrize("size", SIZES, ids=["120x40", "80x24"])
async def test_the_status_line_says_document_position_claim_verdict_and_search(size) -> None:
    app = seed_app()
    async with app.run_test(size=size) as pilot:
        screen = main_screen(pilot)
        title = screen.doc.title
        await until(pilot, lambda: title[:10] in status(app) and "│ 0%" in status(app), what=status(app))
        line = screen.query_one(StatusLine)
        assert line.region.height == 1 and line.region.y < size[1] - 1  # above the footer
        await pilot.press("right_square_bracket", "right_square_bracket")
        claim = screen.state.current_claim()
        await until(pilot, lambda: "claim 2 of 15 ✔ supported" in status(app), what=status(app))
        assert claim is not None and claim.id == "C3"
        await pilot.press("1", "G")  # the end of the text
        await until(pilot, lambda: "│ 100%" in status(app), what=status(app))
        await pilot.press("slash", *"niamey", "enter")
        await until(pilot, lambda: "/niamey " in status(app) and "/" in status(app).split("/niamey ")[1],
                    what=status(app))  # fmt: skip
        await pilot.press("escape")  # the search cleared: no longer said
        await until(pilot, lambda: "/niamey" not in status(app), what=status(app))
        await pilot.press("n")  # brought back
        await until(pilot, lambda: "/niamey " in status(app), what=status(app))


async def test_a_message_stays_on_the_status_line() -> None:
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        main_screen(pilot).say("Copied the address")
        await until(pilot, lambda: status(app).startswith("Copied the address"))


async def test_the_sibling_notice_is_on_the_status_line() -> None:
    path = COLLECTION / "a-main.yaml"
    app = BriefingApp([path], collection=load_paths([path], siblings=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: any("Opened" in s.query_one(StatusLine).plain
                                       for s in app.screen_stack if s.query(StatusLine)))  # fmt: skip
