"""Every key of the reader on the seed briefing: current claim, focused pane, what the claim pane shows."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.ui.reader_support import main_screen, palette_settled, run_palette_command, seed_app, until
from textual.command import CommandPalette

from briefing_tui.screens.help import HelpScreen
from briefing_tui.screens.main import MainScreen
from briefing_tui.widgets.detail_pane import DetailPane
from briefing_tui.widgets.status_line import StatusLine

SIZE = (120, 40)


def body(screen: MainScreen) -> str:
    return screen.query_one(DetailPane).body_text


async def test_opens_on_the_text_pane_with_no_claim() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        assert isinstance(screen, MainScreen)
        assert screen.pane == "text" and screen.claim_id is None
        assert "15 claims" in body(screen)


async def test_next_claim_goes_in_reading_order_and_claim_pane_follows() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press("right_square_bracket")
        assert screen.claim_id == "C11"
        assert "Claim 1 of 15" in body(screen) and "opinion" in body(screen)
        await pilot.press("right_square_bracket")
        assert screen.claim_id == "C3"
        assert "Claim 2 of 15" in body(screen) and "supported" in body(screen)
        await pilot.press("right_square_bracket")  # the meetings, inside which C1 and C2 start
        assert screen.claim_id == "C13"
        assert "Claim 3 of 15" in body(screen) and "partly supported" in body(screen)
        assert screen.pane == "text"


async def test_previous_claim_from_nothing_is_the_last_and_wraps() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press("left_square_bracket")
        assert screen.claim_id == "C12"
        assert "outdated" in body(screen)
        await pilot.press("right_square_bracket")
        assert screen.claim_id == "C11"


async def test_next_claim_scrolls_the_text_to_it() -> None:
    async with seed_app().run_test(size=(80, 24)) as pilot:
        screen = main_screen(pilot)
        for _ in range(12):
            await pilot.press("left_square_bracket")
            if screen.claim_id == "C10":
                break
        claim = screen.doc.claim("C10")
        view = screen.text_view
        first, last = view.visible_range()
        assert first <= claim.span.start <= last


async def test_claim_keys_work_from_every_pane() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press("3")
        assert screen.pane == "entities"
        await pilot.press("right_square_bracket")
        assert screen.claim_id == "C11" and screen.pane == "entities"
        await pilot.press("4", "right_square_bracket")
        assert screen.claim_id == "C3" and screen.pane == "timeline"


async def test_s_goes_to_the_source_entry_and_repeating_cycles() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press(*["right_square_bracket"] * 4)
        assert screen.claim_id == "C1"
        await pilot.press("s")
        assert screen.detail == ("source", "S-state-0424")
        assert "On the Withdrawal of U.S. Troops from Niger" in body(screen)
        assert "U.S. Department of State" in body(screen)
        assert screen.pane == "claim"
        await pilot.press("s")
        assert screen.detail == ("source", "S-fitzgibbon")
        await pilot.press("s")
        assert screen.detail == ("source", "S-state-0424")
        assert screen.claim_id == "C1"


async def test_enter_on_a_claim_in_the_text_goes_to_its_source() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "enter")
        assert screen.detail == ("source", "S-ryder-0423")


async def test_s_without_sources_stays_put() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press("right_square_bracket", "s")  # C11 has no source
        assert screen.claim_id == "C11" and screen.detail == ("claim", "C11")


async def test_from_a_source_go_to_a_claim_citing_it() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press("left_square_bracket", "s")  # C12 -> S-africom-end
        assert screen.detail == ("source", "S-africom-end")
        assert "Cited by 2 claim" in body(screen)  # C14 and C12
        await pilot.press("enter")  # the first in reading order
        assert screen.claim_id == "C14" and screen.detail == ("claim", "C14")


def _opening(opened: list[str]) -> Callable[[str], bool]:
    """A stand-in for the browser that keeps the addresses it is asked to open."""

    def open_url(url: str) -> bool:
        opened.append(url)
        return True

    return open_url


async def test_o_opens_the_address_in_the_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr("briefing_tui.screens.opener.graphical_open", _opening(opened))
    async with seed_app().run_test(size=SIZE) as pilot:
        await pilot.press(*["right_square_bracket"] * 4, "s", "o")  # C1 -> S-state-0424
        await until(pilot, lambda: opened)  # opened from a thread
        assert opened == ["https://www.state.gov/on-the-withdrawal-of-u-s-troops-from-niger/"]


async def test_o_opens_a_copy_when_the_original_was_not_found(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr("briefing_tui.screens.opener.graphical_open", _opening(opened))
    async with seed_app().run_test(size=SIZE) as pilot:
        await pilot.press("left_square_bracket", "s")  # C12 -> S-africom-end, known by its copy only
        assert "Address: original not found (unverified)" in body(main_screen(pilot))
        await pilot.press("o")
        await until(pilot, lambda: opened)  # opened from a thread
        assert opened == ["https://allafrica.com/stories/202409160276.html"]


async def test_o_does_nothing_without_an_address(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr("briefing_tui.screens.opener.graphical_open", _opening(opened))
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press("right_square_bracket")  # C11: no source
        assert screen.claim_id == "C11" and not screen.check_action("open_url", ())  # the footer: no o
        await pilot.press("o")
        assert opened == [] and "Opening" not in screen.query_one(StatusLine).plain  # never started


@pytest.mark.parametrize(("back", "forward"), [("ctrl+o", "alt+right"), ("alt+left", "alt+right")])
async def test_jump_list_back_and_forward(back: str, forward: str) -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket", "s")
        assert screen.detail == ("source", "S-state-0424")
        await pilot.press(back)
        assert screen.detail == ("claim", "C13") and screen.claim_id == "C13"
        await pilot.press(back)
        assert screen.claim_id == "C3"
        await pilot.press(forward)
        assert screen.claim_id == "C13"
        await pilot.press(forward)
        assert screen.detail == ("source", "S-state-0424")


@pytest.mark.parametrize(
    ("keys", "pane"),
    [
        (["tab"], "claim"),
        (["tab", "tab"], "entities"),
        (["tab", "tab", "tab"], "timeline"),
        (["tab", "tab", "tab", "tab"], "text"),
        (["shift+tab"], "timeline"),
        (["2"], "claim"),
        (["3"], "entities"),
        (["4"], "timeline"),
        (["4", "1"], "text"),
    ],
)
async def test_pane_keys(keys: list[str], pane: str) -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press(*keys)
        assert screen.pane == pane
        assert pilot.app.focused is not None
        assert pilot.app.focused.has_class("pane") or any(
            a.has_class("pane") for a in pilot.app.focused.ancestors
        )


@pytest.mark.parametrize(
    ("keys", "where"),
    [
        (["j"], 1),
        (["j", "j", "k"], 1),
        (["space"], "page"),
        (["G"], "end"),
        (["G", "g"], 0),
        (["G", "b"], "end-page"),
    ],
)
async def test_text_scroll_keys(keys: list[str], where: object) -> None:
    async with seed_app().run_test(size=(80, 24)) as pilot:
        view = main_screen(pilot).text_view
        await pilot.press(*keys)
        height = view.scrollable_content_region.height
        expected_at: dict[object, object] = {
            "page": height - 1,
            "end": view.max_scroll_y,
            "end-page": view.max_scroll_y - (height - 1),
        }
        expected = expected_at.get(where, where)
        assert view.max_scroll_y > height  # the seed is longer than the pane at 80x24
        assert view.scroll_offset.y == expected


async def test_question_mark_shows_help_generated_from_bindings() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen)
        text = help_screen.text.plain
        for expected in (
            "Everywhere",
            "Next claim",
            "Source",
            "Back",
            "Text pane",
            "Page down",
            "Entities pane",
        ):
            assert expected in text
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, MainScreen)


async def test_q_quits() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await until(pilot, lambda: app._exit, what="q did not quit")


async def test_palette_go_to_claim_runs_the_same_jump() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        assert isinstance(screen, MainScreen)
        await run_palette_command(pilot, "Go to claim")
        assert isinstance(pilot.app.screen, CommandPalette)  # the claims to choose from
        await pilot.press(*"C7")
        await palette_settled(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: pilot.app.screen_stack[-1] is screen, what="the palette stayed open")
        assert screen.claim_id == "C7"


async def test_palette_lists_every_action() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        from briefing_tui.palette import ReaderCommands

        screen = main_screen(pilot)
        titles = [title for title, _, _ in ReaderCommands(screen).commands(screen)]
        for expected in (
            "Go to claim…",
            "Go to entity…",
            "Go to event…",
            "Go to source…",
            "Next claim",
            "Back",
        ):
            assert expected in titles


async def test_palette_names_keys_as_the_footer_does() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        from briefing_tui.palette import ReaderCommands

        screen = main_screen(pilot)
        helps = {title: help for title, _, help in ReaderCommands(screen).commands(screen)}
        assert helps["Back"] == "key: ^o / alt+←"
        assert helps["Next claim"] == "key: ]"
        assert not any("ctrl+" in h or "," in h for h in helps.values())


async def test_footer_is_truthful_about_what_can_run() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        assert screen.check_action("go_source", ()) is None  # no claim yet: shown disabled
        assert screen.check_action("back", ()) is None
        assert screen.check_action("mention", (1,)) is None
        assert screen.check_action("errors", ()) is False  # nothing failed: hidden
        await pilot.press("right_square_bracket")
        assert screen.check_action("go_source", ()) is None  # C11 has no source
        await pilot.press("right_square_bracket")
        assert screen.check_action("go_source", ()) is True
        assert screen.check_action("back", ()) is True
        assert screen.check_action("open_url", ()) is True
