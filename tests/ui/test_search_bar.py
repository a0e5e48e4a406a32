"""The incremental search bar on the seed: highlights as you type, counter, n/N with wrap, history."""

from __future__ import annotations

import pytest
from tests.ui.reader_support import drawn, main_screen, run_palette_command, search_settled, seed_app, until

from briefing_tui.model.places import SearchPlace
from briefing_tui.screens.main import MainScreen
from briefing_tui.widgets.search_bar import SearchBar

SIZE = (120, 40)


async def type_query(pilot, text: str) -> None:
    await pilot.press("slash")
    for char in text:
        await pilot.press(char if char not in "-'" else {"-": "minus", "'": "apostrophe"}[char])
    await search_settled(pilot)


async def test_slash_opens_the_bar_and_typing_highlights_every_match() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        assert isinstance(screen, MainScreen)
        bar = screen.text_pane.bar
        assert not bar.is_open
        await type_query(pilot, "etats-unis")
        assert bar.is_open and bar.input.has_focus
        text = screen.doc.text
        found = [text[a:b] for a, b in screen.search_matches]
        assert len(found) >= 5 and set(found) == {"États-Unis"}
        assert bar.status_text.startswith(f"1/{len(found)}")


async def test_the_bar_is_mounted_when_first_opened_not_with_the_reader() -> None:
    """The reader's first frame has no search bar (its input was some 50 ms of that frame): the first
    ``/`` mounts it, gives it the keys, and it shows what it was told before it was mounted."""
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        assert isinstance(screen, MainScreen)
        await pilot.pause()
        assert not screen.query(SearchBar) and screen.text_pane.search.has_search is False
        assert "search the text" not in "\n".join(drawn(pilot.app))
        await type_query(pilot, "niamey")
        bar = screen.query_one(SearchBar)
        assert bar is screen.text_pane.bar_made and bar.is_open and bar.input.has_focus
        assert bar.input.value == "niamey" and bar.status_text.startswith("1/3")
        await until(pilot, lambda: "1/3" in "\n".join(drawn(pilot.app)), what="the counter not drawn")
        assert "^T exact" in "\n".join(drawn(pilot.app))


async def test_enter_keeps_matches_and_n_steps_with_the_counter() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        bar = screen.text_pane.bar
        await type_query(pilot, "niamey")
        total = len(screen.search_matches)
        assert total == 3
        await pilot.press("enter")
        assert screen.text_view.has_focus and bar.is_open
        await pilot.press("n")
        assert screen.text_pane.search.index == 1 and bar.status_text.startswith("2/3")
        await pilot.press("N")
        assert screen.text_pane.search.index == 0 and bar.status_text.startswith("1/3")


async def test_n_wraps_with_a_notice() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        bar = screen.text_pane.bar
        await type_query(pilot, "niamey")
        await pilot.press("enter", "n", "n", "n")
        assert screen.text_pane.search.index == 0
        assert "wrapped to the top" in bar.status_text
        await pilot.press("N")
        assert screen.text_pane.search.index == 2
        assert "wrapped to the bottom" in bar.status_text


async def test_each_step_goes_into_the_jump_list() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await type_query(pilot, "niamey")
        await pilot.press("enter", "n")
        here = screen.here()
        assert isinstance(here, SearchPlace) and screen.doc.text[here.start : here.end] == "Niamey"
        await pilot.press("ctrl+o")
        assert screen.here().start < here.start


async def test_escape_closes_and_clears_the_highlights() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        bar = screen.text_pane.bar
        await type_query(pilot, "niger")
        assert screen.search_matches
        await pilot.press("escape")
        assert not bar.is_open and screen.search_matches == []
        assert screen.text_view.has_focus


async def test_bad_regex_is_a_message_in_the_bar() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        bar = screen.text_pane.bar
        await pilot.press("slash", "ctrl+r", "left_parenthesis")
        await search_settled(pilot)
        assert "bad regular expression" in bar.status_text
        assert bar.flags["regex"]


async def test_toggles_word_and_exact() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await type_query(pilot, "etats")
        assert screen.search_matches
        await pilot.press("ctrl+t")
        await search_settled(pilot)
        assert screen.search_matches == []
        await pilot.press("ctrl+t", "ctrl+g")
        await search_settled(pilot)
        assert screen.search_matches
        bar = screen.text_pane.bar
        assert "^G word" in bar.status_text


async def test_smart_case() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await type_query(pilot, "Niger")
        exact_case = len(screen.search_matches)
        await pilot.press("escape")
        await type_query(pilot, "niger")
        assert len(screen.search_matches) > exact_case  # "nigériennes", "nigérien" too


async def test_up_brings_back_an_earlier_query() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        bar = screen.text_pane.bar
        await type_query(pilot, "niamey")
        await pilot.press("enter")
        await pilot.press("slash", "ctrl+u", "up")
        assert bar.input.value == "niamey"
        await pilot.press("down")
        assert bar.input.value == ""


async def test_palette_offers_the_search_actions() -> None:
    from briefing_tui.screens.search_results import SearchResultsScreen

    async with seed_app().run_test(size=SIZE) as pilot:
        await run_palette_command(pilot, "search all")
        assert isinstance(pilot.app.screen, SearchResultsScreen)


async def test_palette_next_match_with_no_search_leaves_the_bar_closed() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        await run_palette_command(pilot, "next match")
        bar = main_screen(pilot).text_pane.bar
        assert not bar.is_open  # n with no search changes nothing (the key says so: test_keys_say_why)


async def test_slash_in_a_small_terminal_brings_the_text_pane_forward() -> None:
    async with seed_app().run_test(size=(80, 24)) as pilot:
        screen = main_screen(pilot)
        await pilot.press("2")  # in a list, / filters the list; elsewhere it searches the text
        assert screen.pane == "claim"
        await pilot.press("slash")
        assert screen.pane == "text"
        bar = screen.text_pane.bar
        assert bar.is_open and bar.input.has_focus


async def test_a_pathological_regex_neither_freezes_nor_crashes() -> None:
    import time
    from pathlib import Path

    from textual import events

    from briefing_tui.app import BriefingApp
    from briefing_tui.model.types import Collection, Document

    doc = Document(Path("x.yaml"), "x", "X", "en", "x" * 20_000)
    async with BriefingApp([], collection=Collection([doc])).run_test(size=SIZE) as pilot:
        app = pilot.app
        bar = main_screen(pilot).text_pane.bar
        await pilot.press("slash", "ctrl+r")
        for char in ["left_parenthesis", "x", "plus", "x", "plus", "right_parenthesis", "plus"]:
            await pilot.press(char)
        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        app.set_interval(0.01, tick)
        app.post_message(events.Key("y", "y"))  # "(x+x+)+y" on 20,000 x: exponential backtracking
        await until(pilot, lambda: "took too long" in bar.status_text, seconds=10, what="no timeout said")
        assert gaps and max(gaps) < 0.5  # the screen kept its pace while the expression ran


async def test_slash_after_escape_starts_a_new_query_and_n_brings_back_the_last() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        bar = screen.text_pane.bar
        await type_query(pilot, "niamey")
        await pilot.press("escape")
        assert screen.search_matches == []
        await pilot.press("n")  # like vim after :noh, the last search comes back
        await search_settled(pilot)
        assert len(screen.search_matches) == 3 and bar.is_open
        await pilot.press("escape", "slash")
        assert bar.input.value == ""
        await pilot.press("up")
        assert bar.input.value == "niamey"


async def test_what_is_typed_with_the_slash_goes_into_the_query() -> None:
    """Keys read together (a fast typist, a slow terminal): the letters after / are the query's,
    not the reader's keys (the y of Niamey would copy the claim's quote)."""
    from textual import events

    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        bar = screen.text_pane.bar
        for key, char in [("slash", "/"), *((c, c) for c in "Niamey")]:
            pilot.app.post_message(events.Key(key, char))  # all read before any is handled
        await until(pilot, lambda: bar.input.value == "Niamey", what="the letters were not typed in the bar")
        await search_settled(pilot)
        assert bar.is_open and bar.input.has_focus
        assert len(screen.search_matches) == 3


async def test_keys_read_with_a_pane_key_go_to_that_pane() -> None:
    """ "1/Niamey" read together from the entities pane: the text pane comes forward, then / opens
    its search and the letters are the query's, not the list's filter nor the reader's keys."""
    from textual import events

    async with seed_app().run_test(size=(80, 24)) as pilot:  # one pane at a time
        screen = main_screen(pilot)
        bar = screen.text_pane.bar
        await pilot.press("3")
        await until(pilot, lambda: screen.pane == "entities", what="the entities pane did not come")
        for key, char in [("1", "1"), ("slash", "/"), *((c, c) for c in "Niamey")]:
            pilot.app.post_message(events.Key(key, char))  # all read before any is handled
        await until(pilot, lambda: bar.input.value == "Niamey", what="the letters were not typed in the bar")
        assert screen.pane == "text" and bar.input.has_focus
        await pilot.press("2")  # typed in the query, as any character
        assert bar.input.value == "Niamey2" and screen.pane == "text"
        await pilot.press("tab")  # types nothing: the next pane, from anywhere
        assert bar.input.value == "Niamey2" and screen.pane == "claim"


async def test_a_slash_typed_in_the_query_is_part_of_it() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        bar = screen.text_pane.bar
        await pilot.press("slash", "a", "slash", "b")
        await until(pilot, lambda: bar.input.value == "a/b", what="the slash was not typed in the bar")


async def test_an_edit_read_with_enter_is_made_before_the_query_is_kept() -> None:
    """ "Niameyx", backspace, enter read together: the x is erased, then the query kept. The input's
    editing keys are bindings, acted on once the key has bubbled up to the app: enter, acted on at
    once, had kept "Niameyx" (no match) and the backspace came after."""
    from textual import events

    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        bar = screen.text_pane.bar
        await type_query(pilot, "Niameyx")
        keys = [("left", None), ("x", "x"), ("right", None), ("backspace", None), ("backspace", None)]
        for key, char in [*keys, ("enter", "\r")]:
            pilot.app.post_message(events.Key(key, char))  # all read before any is handled
        await until(pilot, lambda: screen.text_view.has_focus, what="enter did not keep the query")
        await search_settled(pilot)
        assert bar.input.value == "Niamey" and bar.current_query.text == "Niamey"
        assert len(screen.search_matches) == 3 and bar.status_text.startswith("1/3")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_escape_gives_the_focus_back_to_the_pane_the_search_came_from(size: tuple[int, int]) -> None:
    async with seed_app().run_test(size=size) as pilot:
        screen = main_screen(pilot)
        await until(pilot, lambda: screen._panes_ready, what="the panes were not mounted")
        await pilot.press("2")
        await until(pilot, lambda: screen.pane == "claim", what="the claim pane not in front")
        came_from = screen.focused
        await pilot.press("slash")
        bar = screen.text_pane.bar
        await until(pilot, lambda: bar.is_open and bar.input.has_focus, what="the bar not open")
        await pilot.press("escape")
        await until(pilot, lambda: not bar.is_open, what="the bar still open")
        await until(pilot, lambda: screen.focused is came_from, what=f"the focus went to {screen.focused}")
        assert screen.pane == "claim"


async def test_a_query_closed_at_once_is_not_searched_after() -> None:
    """Keys that come in one burst (pressed again after a preview, or pasted fast): the query's last
    edit reaches the search after escape has closed the bar; it is not searched then."""
    from briefing_tui.terminal_input import press_again

    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        assert isinstance(screen, MainScreen)
        press_again(pilot.app, [("slash", "/"), ("x", "x"), ("y", "y"), ("escape", "\x1b")])
        await until(pilot, lambda: screen.text_pane.bar_made is not None, what="the bar was not made")
        bar = screen.text_pane.bar
        await until(pilot, lambda: bar.input.value == "xy" and not bar.is_open, what="not typed and closed")
        for _ in range(5):
            await pilot.pause()
        search = screen.text_pane.search
        assert search.state.query is None and not search.state.busy and search.matches == []
        assert "/xy" not in screen.status_line.render().plain
