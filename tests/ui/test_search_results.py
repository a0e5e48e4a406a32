"""The results screen across documents, and the filter mode (&) of the text pane."""

from __future__ import annotations

import time

from tests.ui.reader_support import (
    COLLECTION,
    SEEDS,
    main_screen,
    results_settled,
    search_settled,
    seed_app,
    until,
)
from textual.widgets import Input

from briefing_tui.app import BriefingApp
from briefing_tui.files import load_paths
from briefing_tui.model.places import SearchPlace
from briefing_tui.screens.main import MainScreen
from briefing_tui.screens.search_results import SearchResultsScreen
from briefing_tui.widgets.hit_list import HitList

SIZE = (120, 40)


def three_documents() -> BriefingApp:
    paths = [COLLECTION / "a-main.yaml", COLLECTION / "b-statement.yaml", SEEDS]
    return BriefingApp(paths, collection=load_paths(paths))


async def filter_mark(pilot, shown: bool) -> None:
    """Wait until the search bar shows the "& filter" mark (``shown``) or no longer shows it."""
    bar = pilot.app.screen.text_pane.bar
    await until(pilot, lambda: ("& filter" in bar.status_text) == shown, what=f"& filter shown: {not shown}")


async def open_results(pilot, text: str) -> SearchResultsScreen:
    await pilot.press("F")
    screen = pilot.app.screen
    assert isinstance(screen, SearchResultsScreen)
    for char in text:
        await pilot.press(char if char != " " else "space")
    return await results_settled(pilot)


async def test_results_list_every_hit_with_document_and_position() -> None:
    async with three_documents().run_test(size=SIZE) as pilot:
        results = await open_results(pilot, "withdrawal")
        hits = results.query_one(HitList).hits
        assert len({h.document.id for h in hits}) == 2
        assert "hits in 2 of 3 documents" in results.status
        first = results.query_one(HitList).line_text(0).plain
        assert hits[0].document.id in first and f"{hits[0].line}:{hits[0].column}" in first
        assert "withdrawal" in first


async def test_every_hits_text_starts_in_one_column_whatever_its_positions_width() -> None:
    async with three_documents().run_test(size=SIZE) as pilot:
        results = await open_results(pilot, "withdrawal")
        hit_list = results.query_one(HitList)
        first = hit_list.hits[0]
        far = first._replace(line=29039, column=471)  # as deep in a 10 MB text
        hit_list.set_hits([first, far])
        rows = [hit_list.line_text(n).plain for n in range(2)]
        where = [row.index(f"{hit.line}:{hit.column}") for row, hit in zip(rows, (first, far), strict=True)]
        assert where[0] == where[1]
        text_at = where[1] + len("29039:471") + 1  # the widest position, then a space
        assert rows[1][text_at - 1] == " " and rows[0][text_at - 1] == " "
        assert rows[0][text_at:] == rows[1][text_at:]  # the same match and context, from one column


async def test_choosing_a_hit_opens_its_document_at_the_hit() -> None:
    async with three_documents().run_test(size=SIZE) as pilot:
        main = main_screen(pilot)
        assert isinstance(main, MainScreen)
        results = await open_results(pilot, "niamey")
        hit_list = results.query_one(HitList)
        target = next(h for h in hit_list.hits if h.document.id != main.doc.id)
        await pilot.press("down")
        assert hit_list.has_focus
        while hit_list.current is not target:
            await pilot.press("down")
        await pilot.press("enter")
        await until(pilot, lambda: pilot.app.screen is main, what="the results screen stayed")
        await search_settled(pilot)
        assert main.doc.id == target.document.id
        assert isinstance(main.here(), SearchPlace) and main.here().start == target.start
        assert main.text_pane.bar.input.value == "niamey"
        assert main.search_matches[main.text_pane.search.index] == (target.start, target.end)


async def test_escape_goes_back_without_moving() -> None:
    async with three_documents().run_test(size=SIZE) as pilot:
        main = main_screen(pilot)
        doc = main.doc.id
        await open_results(pilot, "niger")
        await pilot.press("escape")
        assert pilot.app.screen is main and main.doc.id == doc


async def test_results_screen_starts_from_the_bar_query_and_reports_bad_regex() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        await pilot.press("slash", "n", "i", "g", "enter")
        await search_settled(pilot)
        await pilot.press("F")
        results = await results_settled(pilot)
        assert results.query_one(HitList).hits
        await pilot.press("ctrl+r", "left_parenthesis")
        await results_settled(pilot)
        assert "bad regular expression" in results.status


async def test_the_status_is_drawn_through_the_display_boundary() -> None:
    # It says the search's errors, whose messages come from the regular expression library and
    # may quote the query one day: nothing in them reaches the terminal raw.
    async with seed_app().run_test(size=SIZE) as pilot:
        await pilot.press("F")
        results = await results_settled(pilot)
        results._show_status("bad regular expression: \x1b]0;owned\x07 at position 2", "bold red")
        await pilot.pause()
        drawn = "".join(s.text for y in range(2) for s in results.query_one("#results-status").render_line(y))
        assert "bad regular expression: ␛]0;owned␇" in drawn and "\x1b" not in drawn and "\x07" not in drawn


async def test_results_fill_quickly_for_a_thousand_documents() -> None:
    from pathlib import Path

    from briefing_tui.model.types import Collection, Document

    paragraph = "La sécurité des États-Unis et du Niger, " + "puis un long passage sans le mot. " * 60
    text = ((paragraph + "\n") * 30)[:10_000]
    docs = [Document(Path(f"d{i}.yaml"), f"d{i}", f"D{i}", "fr", text) for i in range(1000)]
    app = BriefingApp([], collection=Collection(docs))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("F")
        results = pilot.app.screen
        assert isinstance(results, SearchResultsScreen)
        start = time.perf_counter()
        results.query_one("#results-input", Input).value = "securite"
        await until(pilot, lambda: not results.searching, seconds=30)
        elapsed = time.perf_counter() - start
        assert len(results.query_one(HitList).hits) == 1000 * text.count("sécurité")
        print(f"1,000 documents: results filled in {elapsed * 1000:.0f} ms")


async def test_filter_mode_shows_only_matching_paragraphs_and_leaves_cleanly() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        main = main_screen(pilot)
        view = main.text_view
        lines_before = view.line_count
        await pilot.press("slash", "n", "i", "a", "m", "e", "y", "enter")
        await search_settled(pilot)
        await pilot.press("ampersand")
        await filter_mark(pilot, True)
        assert view.line_count < lines_before
        shown = "".join(view.text[view._starts[i] : view._ends[i]] for i in range(view.line_count))
        assert "Niamey" in shown
        for i in range(view.line_count):  # every paragraph shown holds a match
            start = view._starts[i]
            if start == view._ends[i]:
                assert i > 0 and view._starts[i - 1] != view._ends[i - 1]  # one blank line between
                continue
            paragraph_start = view.text.rfind("\n", 0, start) + 1
            paragraph_end = view.text.find("\n", start)
            paragraph = view.text[paragraph_start : paragraph_end if paragraph_end >= 0 else None]
            assert "Niamey" in paragraph
        await pilot.press("ampersand")
        await filter_mark(pilot, False)
        assert view.line_count == lines_before


async def test_escape_leaves_filter_mode() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        main = main_screen(pilot)
        view = main.text_view
        lines_before = view.line_count
        await pilot.press("slash", "n", "i", "a", "m", "e", "y")
        await search_settled(pilot)
        await pilot.press("enter", "ampersand", "slash", "escape")
        await until(pilot, lambda: not main.text_pane.bar.is_open, what="the bar stayed open")
        assert view.line_count == lines_before
        assert main.search_matches == []


async def test_filter_without_a_search_says_so() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        main = main_screen(pilot)
        bar = main.text_pane.bar
        await pilot.press("ampersand")
        await until(pilot, lambda: "search for something first" in bar.status_text, what="& said nothing")


async def test_escape_in_the_text_leaves_filter_then_clears_then_clears_the_entity() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        main = main_screen(pilot)
        view = main.text_view
        lines_before = view.line_count
        await pilot.press("slash", "n", "i", "a", "m", "e", "y")
        await search_settled(pilot)
        await pilot.press("enter", "ampersand")
        await filter_mark(pilot, True)
        assert view.line_count < lines_before
        await pilot.press("escape")
        await filter_mark(pilot, False)
        assert view.line_count == lines_before and main.search_matches
        await pilot.press("escape")
        await until(pilot, lambda: not main.text_pane.bar.is_open, what="the bar stayed open")
        assert main.search_matches == []
        main.select_entity("niger")
        await pilot.press("escape")
        assert main.entity_id is None


async def test_a_bad_regex_is_located_in_the_query_and_the_previous_hits_are_cleared() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        results = await open_results(pilot, "niger")
        assert results.query_one(HitList).hits
        await pilot.press("ctrl+g", "ctrl+r", "left_parenthesis")
        await results_settled(pilot)
        assert results.status == "bad regular expression: missing ) at position 6"
        assert results.query_one(HitList).hits == [] and results.hits == []


async def test_with_one_document_the_title_placeholder_and_prompt_all_say_the_document() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        await pilot.press("F")
        results = await results_settled(pilot)
        title = str(results.query_one("#results-title").render())
        assert title == "Search the document"
        assert results.query_one(Input).placeholder == "search the document"
        assert results.status.startswith("type to search the document")
    async with three_documents().run_test(size=SIZE) as pilot:
        await pilot.press("F")
        results = await results_settled(pilot)
        assert str(results.query_one("#results-title").render()) == "Search all 3 documents"
        assert results.query_one(Input).placeholder == "search every document"
        assert results.status.startswith("type to search every document")


async def test_ctrl_o_back_to_a_hit_shows_it_where_choosing_it_did() -> None:
    """The hit chosen is centred in the text as the search bar leaves it room, the first time as
    when ctrl+o comes back to it."""
    async with seed_app().run_test(size=SIZE) as pilot:
        main = main_screen(pilot)
        view = main.text_view
        height = view.size.height  # the search bar closed
        await open_results(pilot, "campbell")
        await pilot.press("down", "enter")
        await until(pilot, lambda: pilot.app.screen is main, what="the results screen stayed")
        await search_settled(pilot)
        await until(pilot, lambda: view.size.height < height, what="the search bar took no room")
        await pilot.pause()  # (the Resize that it sent the text handled)
        chosen = view.scroll_offset.y
        await pilot.press("]")  # away to the first claim
        await until(pilot, lambda: view.scroll_offset.y != chosen, what="] did not move the text")
        await pilot.press("ctrl+o")
        await until(pilot, lambda: isinstance(main.here(), SearchPlace), what="ctrl+o did not go back")
        await pilot.pause()
        assert view.scroll_offset.y == chosen
