"""A key that cannot act says why on the status line (what to do instead), and help lists only the
keys that apply to the documents opened, as the palette does."""

from __future__ import annotations

import pytest
from tests.ui.reader_support import collection_app, reader_ready, run_palette_command, seed_app, until

from briefing_tui.screens.errors import ErrorScreen
from briefing_tui.screens.help import HelpScreen
from briefing_tui.screens.main import MainScreen
from briefing_tui.words import plural

# (keys pressed first, the key that cannot act, what the status line then says)
REFUSED = [
    ((), "s", "No claim here: go to a claim (]), then s"),
    ((), "S", "No claim here: go to a claim (]), then S"),
    ((), "enter", "No claim here: go to a claim (]), then enter"),
    ((), "y", "Nothing to copy"),
    ((), "o", "No address shown"),
    ((), "r", "No claim here: go to a claim (]), then r"),
    ((), "c", "Nothing here to note"),
    ((), "5", "One document open"),
    ((), "e", "Every file opened without errors"),
    ((), "n", "No search: / searches the text"),
    (("3",), "N", "No search: / searches the text"),  # from a list: the focus stays there
    (("right_square_bracket",), "s", "has no source"),  # pressed until a claim with no source
    (("right_square_bracket",), "o", "has no source: no address to open"),
]


@pytest.mark.parametrize(
    ("before", "key", "said"), REFUSED, ids=[f"{k}-{i}" for i, (_, k, _) in enumerate(REFUSED)]
)
async def test_a_key_that_cannot_act_says_why(before: tuple[str, ...], key: str, said: str) -> None:
    async with seed_app().run_test(size=(120, 40)) as pilot:
        screen = await reader_ready(pilot)
        if before == ("3",):
            await pilot.press("3")
        for _ in screen.state.nav.claims if before == ("right_square_bracket",) else ():
            await pilot.press(*before)
            claim = screen.state.current_claim()
            if claim is not None and not claim.sources:
                said = f"Claim {claim.id} {said}"
                break
        focused, current = screen.focused, screen.claim_id
        await pilot.press(key)
        await until(pilot, lambda: said in screen.status_line.message, what=f"{key} said nothing")
        assert screen.focused is focused and screen.claim_id == current  # nothing else changed


async def test_help_leaves_out_what_the_documents_opened_do_not_have() -> None:
    app = seed_app()  # one document, no failed file
    async with app.run_test(size=(120, 40)) as pilot:
        await reader_ready(pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert isinstance(app.screen, HelpScreen)
        groups = app.screen._groups
        everywhere = dict(groups["Everywhere"])
        assert "5" not in everywhere and "e" not in everywhere and "4" in everywhere
        assert "Documents pane" not in groups


async def test_why_a_key_could_not_act_goes_once_the_reader_moves_on() -> None:
    async with seed_app().run_test(size=(120, 40)) as pilot:
        screen = await reader_ready(pilot)
        for _ in screen.state.nav.claims:  # to a claim with no source
            await pilot.press("right_square_bracket")
            claim = screen.state.current_claim()
            if claim is not None and not claim.sources:
                break
        await pilot.press("s")
        await until(pilot, lambda: "has no source" in screen.status_line.plain, what="s said nothing")
        await pilot.press("right_square_bracket")
        await until(
            pilot, lambda: "has no source" not in screen.status_line.plain, what="the refusal stayed after ]"
        )
        assert screen.status_line.message == ""


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_notice_stands_above_the_status_line_not_over_it(size: tuple[int, int]) -> None:
    from textual.widgets._toast import Toast  # deferred: Textual's own notice, only here

    async with seed_app().run_test(size=size, notifications=True) as pilot:
        screen = await reader_ready(pilot)
        screen.notify("a notice", title="Checking")
        await until(pilot, lambda: bool(pilot.app.screen.query(Toast)), what="no notice shown")

        def above() -> bool:  # once laid out: its first region can come before its rack's place
            toast = pilot.app.screen.query_one(Toast).region
            return toast.height > 0 and toast.bottom <= screen.status_line.region.y

        await until(pilot, above, what="the notice stands over the status line")
        await until(pilot, lambda: "a notice" in screen.status_line.plain)  # said there too, whole


async def test_a_palette_command_that_cannot_act_says_why_as_its_key_does() -> None:
    async with seed_app().run_test(size=(120, 40)) as pilot:
        screen = await reader_ready(pilot)
        await run_palette_command(pilot, "All drafts of this type")
        said = lambda: "No draft shown" in screen.status_line.message  # noqa: E731
        await until(pilot, said, what="the command said nothing")


async def test_the_files_that_could_not_be_opened_are_still_said_once_their_list_is_closed() -> None:
    app = collection_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ErrorScreen), what="no list of errors")
        failed = len(app.collection.failed) if app.collection is not None else 0
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        screen = app.screen
        assert isinstance(screen, MainScreen) and failed > 0
        said = f"{plural(failed, 'file')} could not be opened: e shows why"
        await until(pilot, lambda: said in screen.status_line.plain, what=screen.status_line.plain)


async def test_a_notice_of_two_lines_is_said_whole_on_the_status_line() -> None:
    async with seed_app().run_test(size=(120, 40)) as pilot:
        screen = await reader_ready(pilot)
        screen.notify("No browser opened: address copied,\nhttps://example.org/a")
        await until(pilot, lambda: "address copied, https://example.org/a" in screen.status_line.plain)


async def test_next_claim_past_the_last_says_it_went_round() -> None:
    async with seed_app().run_test(size=(120, 40)) as pilot:
        screen = await reader_ready(pilot)
        await pilot.press("left_square_bracket")  # to the last claim: no claim before it, nothing said
        last = screen.state.nav.claims[-1].id
        await until(pilot, lambda: screen.claim_id == last)
        assert "went round" not in screen.status_line.plain
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: "] went round to the first claim" in screen.status_line.plain)
        await pilot.press("right_square_bracket")  # on: no longer said
        await until(pilot, lambda: "went round" not in screen.status_line.plain)
        await pilot.press("left_square_bracket", "left_square_bracket")
        await until(pilot, lambda: "[ went round to the last claim" in screen.status_line.plain)
