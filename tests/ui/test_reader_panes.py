"""Entities, timeline, mouse, several documents, the error view and small terminals."""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import cast

import pytest
from tests.support.checks import present
from tests.ui.reader_support import SEEDS, collection_app, drawn, main_screen, seed_app, until
from textual.css.styles import RulesMap
from textual.visual import RenderOptions

from briefing_tui.app import BriefingApp
from briefing_tui.files import load_paths
from briefing_tui.screens.errors import ErrorScreen, ErrorsText
from briefing_tui.screens.main import MainScreen
from briefing_tui.widgets.detail_pane import DetailLinks, DetailPane
from briefing_tui.widgets.document_list import DocumentList, OneLine
from briefing_tui.widgets.entity_list import EntityList
from briefing_tui.widgets.steady_list import RowVisual
from briefing_tui.widgets.text_view import TextView
from briefing_tui.widgets.timeline_list import TimelineList

SIZE = (120, 40)


def body(screen: MainScreen) -> str:
    return screen.query_one(DetailPane).body_text


async def test_slash_filters_entities_and_enter_selects_one() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press("3", "slash", *"fitz", "enter")
        entities = screen.query_one(EntityList)
        assert entities.filter_text == "fitz"
        ids = [entities.get_option_at_index(i).id for i in range(entities.option_count)]
        assert [i for i in ids if i] == ["fitzgibbon"]
        await pilot.press("enter")
        assert screen.entity_id == "fitzgibbon" and screen.pane == "entities"
        assert "Kathleen FitzGibbon" in body(screen) and "Claims involving it" in body(screen)
        await pilot.press("backspace", "backspace", "backspace", "backspace")
        assert entities.filter_text == ""


async def test_a_backspace_read_with_the_letters_around_it_erases_in_their_order() -> None:
    from textual import events

    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press("3", "slash")
        entities = screen.query_one(EntityList)
        typed = [("k", "k"), ("x", "x"), ("backspace", None), ("e", "e"), ("n", "n"), ("enter", "\r")]
        for key, char in typed:
            pilot.app.post_message(events.Key(key, char))  # all read before any is handled
        await until(pilot, lambda: not entities.typing, what="enter did not keep the filter")
        await pilot.pause()  # a backspace still on its way would erase the filter kept
        assert entities.filter_text == "ken"
        ids = [entities.get_option_at_index(i).id for i in range(entities.option_count)]
        assert [i for i in ids if i] == ["ekman"]


async def test_selected_entity_lights_claims_and_events_and_steps_through_mentions() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press("3", "slash", *"niger", "enter", "enter")
        assert screen.entity_id == "niger"
        mentions = screen.state.nav.mentions("niger")
        assert screen.state.span == mentions[0]
        await pilot.press("greater_than_sign")
        assert screen.state.span == mentions[1]
        await pilot.press("less_than_sign", "less_than_sign")
        assert screen.state.span == mentions[-1]
        lit_claims = screen.text_view._lit_claims
        assert lit_claims and lit_claims == {c.id for c in screen.state.nav.entity_claims("niger")}
        timeline = screen.query_one(TimelineList)
        prompts = [str(timeline.get_option_at_index(i).prompt) for i in range(timeline.option_count)]
        assert any(p.startswith("●") for p in prompts)
        await pilot.press("escape")  # clears the filter first
        await pilot.press("1", "escape")
        assert screen.entity_id is None


async def test_timeline_background_event_shows_its_sources() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press("4")
        timeline = screen.query_one(TimelineList)
        coup = timeline.get_option_index("coup-2023")
        timeline.highlighted = coup
        await pilot.press("enter")
        assert screen.detail == ("event", "coup-2023")
        assert "background" in body(screen) and "26 Jul 2023" in body(screen)
        assert "Sources (1)" in body(screen)
        assert screen.pane == "timeline"


async def test_timeline_event_in_the_text_jumps_to_its_mention() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press("4")
        timeline = screen.query_one(TimelineList)
        first = next(e for e in screen.state.nav.timeline() if not e.background)  # the first in the text
        timeline.highlighted = timeline.get_option_index(first.id)
        await pilot.press("enter")
        event_id = screen.detail[1]
        event = present(screen.state.nav.event(event_id))
        assert not event.background
        assert screen.state.span == (event.mentions[0].start, event.mentions[0].end)
        assert "in the text" in body(screen)


async def test_timeline_dates_are_humanized_and_marked() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        timeline = pilot.app.screen.query_one(TimelineList)

        def prompts() -> list[str]:
            return [str(timeline.get_option_at_index(i).prompt) for i in range(timeline.option_count)]

        # the lists fill in just after the first paint: wait for it, never for a fixed time
        await until(pilot, lambda: "July 2023" in "\n".join(prompts()), what="the timeline did not fill")
        shown = prompts()
        text = "\n".join(shown)
        assert "July 2023" in text and "29 Apr –\n3 May 2024" in text  # broken after its dash
        assert "Campbell's planned visit" in text  # one day on or after 25 Apr 2024 (EDTF level 2)
        # one chronology: the events by date, those of the text marked ▸, the others not
        assert shown[0] == "16 events by date · ▸ 5 in the text"
        events = [e for e in main_screen(pilot).state.nav.timeline()]
        assert [p[1] for p in shown[1:]] == ["▸" if not e.background else " " for e in events]
        assert sorted(events, key=lambda e: e.date.sort_key) == events


async def test_a_range_in_the_timeline_breaks_after_its_dash() -> None:
    from rich.console import Console

    from briefing_tui.widgets.timeline_list import date_cell

    console = Console(width=12)
    for width in (10, 12):
        lines = date_cell("29 Apr – 3 May 2024", width, bold=False).wrap(console, width)
        assert [line.plain.strip() for line in lines] == ["29 Apr –", "3 May 2024"]
    assert date_cell("July 2023", 12, bold=False).plain == "July 2023"


async def test_clicking_a_mention_selects_it_and_a_claim_selects_the_claim() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        view = screen.query_one(TextView)
        niamey = screen.state.nav.mentions("niamey")[0]
        y = view.line_of(niamey[0]) - int(view.scroll_offset.y)
        x = 2 + (niamey[0] - view._starts[view.line_of(niamey[0])])
        await pilot.click(TextView, offset=(x + 1, y))
        assert screen.entity_id == "niamey" and screen.state.span == niamey
        claim = screen.doc.claim("C4")
        start = claim.span.start + 2  # inside the claim, outside any mention
        y = view.line_of(start) - int(view.scroll_offset.y)
        x = 2 + (start - view._starts[view.line_of(start)])
        await pilot.click(TextView, offset=(x, y))
        assert screen.claim_id == "C4"


async def test_error_view_lists_file_line_col_and_the_rest_works() -> None:
    async with collection_app().run_test(size=SIZE) as pilot:
        errors = pilot.app.screen
        assert isinstance(errors, ErrorScreen)
        text = errors.query_one(ErrorsText).plain
        assert re.search(r"c-broken\.yaml:\d+:\d+: error: ", text)
        await pilot.press("escape")
        screen = main_screen(pilot)
        assert isinstance(screen, MainScreen) and screen.doc.id == "main"
        await pilot.press("e")
        assert isinstance(pilot.app.screen, ErrorScreen)


async def test_s_cycles_passage_in_another_document_speaker_and_entry() -> None:
    async with collection_app().run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        screen = main_screen(pilot)
        await pilot.press("right_square_bracket")
        assert screen.claim_id == "K1"
        await pilot.press("s")  # a passage of the document "statement"
        assert screen.doc.id == "statement"
        assert screen.doc.text[slice(*present(screen.state.span))] == "orderly and responsible withdrawal"
        assert "The statement" in body(screen)
        await pilot.press("ctrl+o")
        assert screen.doc.id == "main" and screen.claim_id == "K1"
        await pilot.press("s")  # back at K1, s goes on: the speaker, the second source
        assert screen.detail == ("source", "S-speaker")
        assert screen.doc.text[slice(*present(screen.state.span))] == "Kathleen FitzGibbon"
        await pilot.press("s")
        assert screen.detail == ("source", "S-web") and "“orderly and responsible”" in body(screen)
        await pilot.press("s")  # and round again
        assert screen.doc.id == "statement"


async def test_fuzzy_claim_shows_its_anchor_status() -> None:
    async with collection_app().run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        screen = main_screen(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        assert screen.claim_id == "K4"
        assert "anchor fuzzy" in body(screen)
        await pilot.press("left_square_bracket")
        assert screen.claim_id == "K2" and "anchor" not in body(screen)


async def test_no_color_keeps_mention_styles_apart(monkeypatch) -> None:
    from briefing_tui.widgets.looks import Looks

    monkeypatch.setenv("NO_COLOR", "1")
    app = seed_app()
    assert app.no_color  # Textual then paints in monochrome
    async with app.run_test(size=SIZE) as pilot:  # every pane drawn in monochrome, none crashes
        await pilot.press("right_square_bracket", "right_square_bracket", "s", "3", "enter", "4", "enter")
        await pilot.press("question_mark", "escape", "ctrl+p", "escape")
        assert main_screen(pilot).claim_id == "C3"
        looks = Looks(main_screen(pilot).text_view)  # the stylesheet's looks, as the text pane reads them
        kinds = ["person", "organisation", "place", "date", "event", "other"]
        attributes = {(s.bold, s.italic, s.underline) for s in map(looks.entity, kinds)}
    assert len(attributes) == len(kinds)  # told apart by attributes alone, colour aside


async def test_orphan_claim_shows_its_anchor_status() -> None:
    async with collection_app().run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        screen = main_screen(pilot)
        await pilot.press("left_square_bracket")
        assert screen.claim_id == "K3"
        assert "orphan" in body(screen)


async def test_document_list_switches_documents() -> None:
    async with collection_app().run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        screen = main_screen(pilot)
        await pilot.press("5")
        assert screen.pane == "documents"
        await pilot.press("down", "enter")
        assert screen.doc.id == "statement"
        await pilot.press("ctrl+o")
        assert screen.doc.id == "main"


async def test_each_document_takes_one_line_a_long_title_ending_in_an_ellipsis() -> None:
    async with collection_app().run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        screen = main_screen(pilot)
        documents = screen.query_one(DocumentList)
        long = "A title far too long for the documents pane " * 4
        docs = screen.collection.documents
        documents.set_documents([replace(docs[0], title=long), *docs[1:]], docs[0].id)
        await pilot.press("5")
        await until(pilot, lambda: documents.virtual_size.height == len(docs), what="not one line each")
        first = documents.render_line(0).text.rstrip()
        assert first.endswith("…") and first.startswith("▶ A title far too long")
        assert len(first) <= documents.size.width
        assert docs[1].title in documents.render_line(1).text


async def test_the_list_holds_each_title_and_makes_a_line_only_when_it_is_drawn() -> None:
    async with collection_app().run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        screen = main_screen(pilot)
        documents = screen.query_one(DocumentList)
        docs = screen.collection.documents
        many = [replace(docs[i % len(docs)], id=f"doc-{i}", title=f"Titre {i}") for i in range(200)]
        documents.set_documents(many, "doc-0")
        await pilot.press("5")
        await until(pilot, lambda: documents.virtual_size.height == len(many), what="not one line each")
        assert [option.prompt for option in documents.options[:2]] == ["Titre 0", "Titre 1"]
        lines = [documents._get_visual(option) for option in documents.options]
        drawn = [i for i, line in enumerate(lines) if isinstance(line, OneLine) and line.made]
        assert 0 < len(drawn) <= documents.size.height and drawn[0] == 0
        assert documents.render_line(0).text.startswith("▶ Titre 0")
        assert documents.render_line(1).text.startswith("  Titre 1")


async def test_the_document_list_moves_with_the_keys_of_every_list() -> None:
    async with collection_app().run_test(size=(120, 40)) as pilot:
        await pilot.press("escape")  # the failed file's errors: back to the reader
        screen = main_screen(pilot)
        documents = screen.query_one(DocumentList)
        await pilot.press("5")
        assert screen.pane == "documents" and documents.highlighted == 0
        await pilot.press("j")
        assert documents.highlighted == 1
        await pilot.press("k")
        assert documents.highlighted == 0
        await pilot.press("G")
        assert documents.highlighted == 1  # the last document (the failed files' line is not one)
        await pilot.press("g")
        assert documents.highlighted == 0
        await pilot.press("j", "enter")
        await until(pilot, lambda: screen.doc.id == "statement", what="j then enter did not open the second")


async def test_the_document_list_filters_with_slash_as_every_list_does() -> None:
    async with collection_app().run_test(size=(120, 40)) as pilot:
        await pilot.press("escape")  # the failed file's errors: back to the reader
        screen = main_screen(pilot)
        documents = screen.query_one(DocumentList)
        docs = screen.collection.documents
        await pilot.press("5", "slash", *"statement")  # the second document's title or id
        assert documents.typing and not screen.text_pane.bar.display  # not the text's search
        listed = [option.id for option in documents.options if option.id is not None]
        assert listed == [f"doc:{docs[1].id}"]
        await pilot.press("enter", "enter")  # keeps the filter, then opens the one left
        await until(pilot, lambda: screen.doc.id == docs[1].id, what="the document was not opened")
        await pilot.press("5", "slash", *"zzz")
        assert any("no document matches" in str(option.prompt) for option in documents.options)
        await pilot.press("escape")  # clears it: every document again
        assert [option.id for option in documents.options if option.id is not None] == [
            f"doc:{doc.id}" for doc in docs
        ]


async def test_five_does_nothing_with_one_document() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press("5")
        assert screen.pane == "text"


async def test_small_terminal_shows_one_pane_at_a_time_and_reaches_all() -> None:
    async with seed_app().run_test(size=(80, 24)) as pilot:
        screen = main_screen(pilot)
        assert screen.narrow
        for key, pane in (("2", "claim"), ("3", "entities"), ("4", "timeline"), ("1", "text")):
            await pilot.press(key)
            assert screen.pane == pane
            shown = [name for name in ("text", "claim", "entities", "timeline")
                     if screen.query_one(f"#{name}-pane").display]  # fmt: skip
            assert shown == [pane]
            region = screen.query_one(f"#{pane}-pane").region
            assert region.width == 80 and region.height >= 18


async def test_wide_terminal_shows_every_pane() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        assert not screen.narrow
        for name in ("text", "claim", "entities", "timeline"):
            region = screen.query_one(f"#{name}-pane").region
            assert region.width >= 40 and region.height >= 7, name  # the status line takes a row


def _drawn(timeline: TimelineList) -> str:
    return "\n".join(timeline.render_line(y).text for y in range(timeline.size.height))


async def test_timeline_first_paint_measures_rows_at_the_width_they_are_drawn() -> None:
    # The timeline overflows its pane: its scrollbar comes once the rows are listed and narrows
    # them, so a row measured before must be measured again (the second event wraps on 3 lines).
    async with seed_app().run_test(size=SIZE) as pilot:
        timeline = main_screen(pilot).query_one(TimelineList)
        await until(pilot, lambda: timeline.option_count > 3 and timeline.show_vertical_scrollbar)
        assert "detained" in _drawn(timeline)
        heights = timeline._heights
        assert sum(heights.values()) == timeline.virtual_size.height
        width = timeline.scrollable_content_region.width
        for index in range(timeline.option_count):  # each row as many lines as it draws at this width
            option = timeline.get_option_at_index(index)
            drawn = timeline._get_visual(option).get_height(cast(RulesMap, timeline.styles), width)
            assert heights[index] == drawn, (index, str(option.prompt))


async def test_short_lists_fill_with_the_text_and_long_ones_just_after(monkeypatch) -> None:  # noqa: ANN001
    from briefing_tui.widgets import reader_panes

    seen: list[bool] = []  # whether the lists were filled when the panes were, in the same frame
    mounted = MainScreen._panes_mounted

    def noted(screen: MainScreen) -> None:
        seen.append(screen.panes.lists_filled_for is screen.state.doc)
        mounted(screen)

    monkeypatch.setattr(MainScreen, "_panes_mounted", noted)
    for at_once in (reader_panes.LISTS_AT_ONCE, 0):
        monkeypatch.setattr(reader_panes, "LISTS_AT_ONCE", at_once)
        async with seed_app().run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen), what="no reader")
            screen = cast(MainScreen, pilot.app.screen)
            await until(pilot, lambda: screen.panes.lists_filled_for is screen.state.doc, what="not filled")  # noqa: B023
            assert screen.query_one(EntityList).option_count > 10
            assert screen.query_one(TimelineList).option_count > 5
    assert seen == [True, False]


async def test_a_pane_that_never_mounts_stops_the_reader_with_an_error(monkeypatch) -> None:
    from briefing_tui.widgets import reader_panes

    # a pane the screen would wait for that never comes: waiting must end, with an error that says so
    monkeypatch.setattr(reader_panes, "FOCUS_TARGETS", {**reader_panes.FOCUS_TARGETS, "never": "#never"})
    monkeypatch.setattr(reader_panes, "MOUNT_WAITS", 3)
    app = seed_app()
    with pytest.raises(RuntimeError, match="did not mount in 3 frames"):
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: not app.is_running, what="the reader went on waiting for its panes")
    assert app.crash_log is not None and "did not mount" in app.crash_log.read_text()


async def test_a_problem_wrapped_in_the_error_view_stays_under_its_file() -> None:
    tmp_path = Path(tempfile.mkdtemp(prefix="e"))  # a short name: the file's line does not wrap
    seed = next(SEEDS.glob("*.yaml"))
    for name in ("copy1.yaml", "copy2.yaml"):
        (tmp_path / name).write_bytes(seed.read_bytes())
    app = BriefingApp([tmp_path], collection=load_paths([tmp_path]))
    try:
        await _problem_under_its_file(app, tmp_path)
    finally:
        shutil.rmtree(tmp_path)


async def _problem_under_its_file(app: BriefingApp, tmp_path: Path) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(pilot.app.screen, ErrorScreen), what="no error view")
        await pilot.pause()
        rows = [row.rstrip() for row in drawn(pilot.app)]
        heading = next(i for i, row in enumerate(rows) if row.endswith(str(tmp_path / "copy2.yaml")))
        margin = len(rows[heading]) - len(rows[heading].lstrip())
        problem = rows[heading + 1 : rows.index("", heading)]
        assert "copy2.yaml:11:5:" in "".join(row.strip() for row in problem), rows
        assert problem[-1].strip() == "hint: give each document of a collection its own id"
        # the problem, its continuation and its hint indented below the file, never at its column
        assert len(problem) >= 3 and all(len(row) - len(row.lstrip()) >= margin + 2 for row in problem), rows


async def test_a_list_keeps_its_rows_measured_at_a_new_height_and_measures_them_at_a_new_width(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A row's height and drawing hang on the list's width only: a resize that keeps it (the first
    # layout's, a taller terminal) keeps them; one that changes it measures the rows again.
    measured: list[int] = []
    height = RowVisual.get_height

    def counted(self: RowVisual, rules: RulesMap, width: int) -> int:
        measured.append(width)
        return height(self, rules, width)

    monkeypatch.setattr(RowVisual, "get_height", counted)
    async with seed_app().run_test(size=SIZE) as pilot:
        timeline = main_screen(pilot).query_one(TimelineList)
        await until(pilot, lambda: timeline.option_count > 3 and timeline.show_vertical_scrollbar)
        await pilot.pause()
        width = timeline.scrollable_content_region.width
        measured.clear()
        await pilot.resize_terminal(SIZE[0], SIZE[1] + 6)
        await until(pilot, lambda: timeline.size.height > 10, what="the timeline did not grow")
        await pilot.pause()
        assert "detained" in _drawn(timeline)
        assert timeline.scrollable_content_region.width == width and measured == []
        await pilot.resize_terminal(SIZE[0] + 30, SIZE[1] + 6)
        await until(pilot, lambda: timeline.scrollable_content_region.width != width, what="no new width")
        await pilot.pause()
        new_width = timeline.scrollable_content_region.width
        heights = timeline._heights
        assert "detained" in _drawn(timeline) and len(measured) >= timeline.option_count
        for index in range(timeline.option_count):  # each row as many lines as it draws at this width
            option = timeline.get_option_at_index(index)
            drawn = timeline._get_visual(option).get_height(cast(RulesMap, timeline.styles), new_width)
            assert heights[index] == drawn, (index, str(option.prompt))


async def test_the_claim_pane_s_links_are_measured_without_being_drawn() -> None:
    """A source's claims (and a claim's sources) are links of the claim pane, set each time it shows
    something: each counts its wrapped lines (``RowVisual``), as the lists' rows do, and takes the
    lines it draws."""
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press("left_square_bracket", "s")  # C12 -> S-africom-end, cited by C14 and C12
        links = screen.query_one(DetailLinks)
        await until(pilot, lambda: "Cited by" in body(screen) and links.option_count > 0)
        rules = cast(RulesMap, links.styles)
        width = links.scrollable_content_region.width
        for index in range(links.option_count):
            visual = links._get_visual(links.get_option_at_index(index))
            assert isinstance(visual, RowVisual)
            assert visual.get_height(rules, width) == len(
                visual.render_strips(width, None, links.visual_style, _options(links))
            )


def _options(widget: DetailLinks) -> RenderOptions:
    return RenderOptions(widget._get_style, cast(RulesMap, widget.styles), None, None)
