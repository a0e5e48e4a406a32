"""The reader's first look: the text first, in the reader's layout, then the reader in its place.

The first look tells the app it is on screen when its status line is first painted; these tests
hold that back (``held``) to look at it, press keys meanwhile, and then let the reader come.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from rich.style import Style
from tests.support.seed_copies import seed_copies
from tests.ui.reader_support import SEEDS, drawn, reader_ready, until
from textual.app import App
from textual.geometry import Region
from textual.screen import Screen

from briefing_tui.app import BriefingApp
from briefing_tui.model import outline
from briefing_tui.screens import errors, first_look
from briefing_tui.screens import preview as preview_module
from briefing_tui.screens.first_look import FirstLook
from briefing_tui.screens.preview import PreviewHeader, PreviewScreen
from briefing_tui.startup import ReadBeside
from briefing_tui.widgets.document_list import DocumentList
from briefing_tui.widgets.status_line import StatusLine
from briefing_tui.widgets.text_view import TextView

if TYPE_CHECKING:
    from textual.pilot import Pilot

TITLE = "Les enjeux du retrait des troupes américaines du Niger"


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first look does not say it is on screen: it stays until the test says so."""
    monkeypatch.setattr(first_look._PaintedStatus, "_painted", True)


async def first_look_list(pilot: Pilot) -> tuple[FirstLook, DocumentList]:
    """The first look, once its documents list shows its five rows."""
    look = await first_look_up(pilot)
    listed = look.query_one("#documents", DocumentList)
    await until(pilot, lambda: listed.size.height == 5, what="the first look lists no documents")
    await pilot.pause()
    return look, listed


async def first_look_up(pilot: Pilot) -> FirstLook:
    await until(pilot, lambda: isinstance(pilot.app.screen, FirstLook), what="no first look")
    screen = pilot.app.screen
    assert isinstance(screen, FirstLook)
    status = screen.query_one(StatusLine)
    await until(pilot, lambda: "15 claims" in status.plain, what="the first look's status line is empty")
    return screen


Cells = list[list[tuple[str, Style | None]]]

LISTS = ("#entities-pane", "#timeline-pane")
"""The panes the first look leaves empty: the reader fills them."""


def cells(app: App[Any], left_out: list[Region]) -> Cells:
    """The screen as drawn, cell by cell: each character with its style as it shows (of a blank, its
    background); the cells of the ``left_out`` regions as blanks with no style."""
    rows = [
        [(char, _seen(char, segment.style)) for segment in strip for char in segment.text]
        for strip in app.screen._compositor.render_strips()
    ]
    for region in left_out:
        for y in range(region.y, region.bottom):
            rows[y][region.x : region.right] = [(" ", None)] * region.width
    return rows


def _seen(char: str, style: Style | None) -> Style | None:
    if style is None:
        return None
    if char != " " or style.reverse or style.underline or style.strike:
        return style.clear_meta_and_links()  # (meta: where a click lands in the widget's content)
    return Style(bgcolor=style.bgcolor)


async def test_the_first_look_is_the_reader_but_for_its_lists_and_footer(held: None) -> None:
    """The claim pane says what the reader's first says, and the status line where the text shows:
    nothing on screen changes when the reader comes but the entities and timeline lists it fills and
    the footer of keys it adds."""
    app = BriefingApp([SEEDS], first_look=True)
    async with app.run_test(size=(120, 40)) as pilot:
        look = await first_look_up(pilot)
        rows, before = await _look_drawn(pilot, look)
        assert TITLE in rows[1]
        assert "undated, between 24 Apr 2024 and 19 May 2024 · fr" in "\n".join(rows)
        assert "15 claims. Press ] for the first one" in rows[1]  # the claim pane
        assert not any("Person (3)" in row or "16 events by date" in row for row in rows)
        assert "15 claims: ] for the first" in rows[-2]
        assert rows[-1].strip() == ""  # the room of the reader's footer, blank until it comes
        after = await _reader_cells(pilot)
        assert after == before[:-1]
        reader_rows = drawn(app)
        assert any("Person (3)" in row for row in reader_rows)  # the lists, come with the reader
        assert "? Help" in reader_rows[-1]


def _left_out(screen: Screen[Any]) -> list[Region]:
    return [screen.query_one(pane).region for pane in LISTS if screen.query(pane)]


async def _look_drawn(pilot: Pilot, look: FirstLook) -> tuple[list[str], Cells]:
    """The first look's rows and cells, its status line saying where the text shows."""
    look.say_where()
    await _said_where(pilot, look.query_one(StatusLine), look.query_one(TextView))
    await pilot.pause()
    return drawn(pilot.app), cells(pilot.app, _left_out(look))


async def _reader_cells(pilot: Pilot) -> Cells:
    """The reader, come after the first look: its cells but those of its footer and lists."""
    pilot.app.post_message(FirstLook.Shown())
    screen = await reader_ready(pilot)
    await _said_where(pilot, screen.status_line, screen.text_view)
    await pilot.pause()
    return cells(pilot.app, _left_out(screen))[:-1]


async def _said_where(pilot: Pilot, status: StatusLine, view: TextView) -> None:
    """Wait until ``status`` says how far down ``view`` shows the text (it says so once wrapped)."""
    await until(pilot, lambda: f"│ {view.percent()}%  │" in status.plain, what=f"not said: {status.plain!r}")


@pytest.mark.parametrize("name", ["nothing annotated", "a collection of three"])
async def test_the_first_look_of_other_documents_is_the_reader_too(
    tmp_path: Path, held: None, name: str
) -> None:
    """A document with no annotation (the claim pane's word for none; its text shows whole, 100 %),
    and a collection (its list of documents above the other side panes)."""
    if name == "nothing annotated":
        path = tmp_path / "bare.yaml"
        path.write_text("format: 1\nid: bare\ntitle: Bare\nlanguage: en\ntext: A text alone.\n", "utf-8")
    else:
        path = tmp_path / "three"
        path.mkdir()
        seed_copies(path, 3)
    app = BriefingApp([path], first_look=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, FirstLook), what="no first look")
        look = app.screen
        assert isinstance(look, FirstLook)
        await until(pilot, lambda: look.query_one(StatusLine).plain != "", what="no status line")
        if name == "a collection of three":
            listed = look.query_one("#documents", DocumentList)
            await until(pilot, lambda: listed.size.height == 3, what="the first look lists no documents")
        rows, before = await _look_drawn(pilot, look)
        shown = "\n".join(rows)
        if name == "nothing annotated":
            assert "This document has no claims." in shown and "│ 100%  │" in shown
        else:
            assert "Documents" in shown and "15 claims. Press ]" in shown
        assert await _reader_cells(pilot) == before[:-1]


async def test_keys_pressed_during_the_first_look_are_acted_on_in_order(held: None) -> None:
    app = BriefingApp([SEEDS], first_look=True)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await first_look_up(pilot)
        await pilot.press("]", "]", "]", "[")
        assert [key.key for key in screen.pressed] == ["right_square_bracket"] * 3 + ["left_square_bracket"]
        assert isinstance(app.screen, FirstLook)  # nothing acted yet
        app.post_message(FirstLook.Shown())
        reader = await reader_ready(pilot)
        await until(
            pilot, lambda: "claim 2 of 15" in reader.status_line.plain, what="the keys were not acted on"
        )


async def test_a_list_s_keys_pressed_during_the_first_look_move_in_its_rows(
    tmp_path: Path, held: None
) -> None:
    """``5 j enter`` pressed before the reader comes: its documents list is filled by then, and the
    second document opens (the keys were pressed before the list had rows to move in)."""
    seed_copies(tmp_path, 3, padding=30_000)
    app = BriefingApp([tmp_path], first_look=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await first_look_up(pilot)
        await pilot.press("5", "j", "enter")
        app.post_message(FirstLook.Shown())
        reader = await reader_ready(pilot)
        await until(pilot, lambda: reader.doc.title == "Copie 01", what="the second document did not open")


async def test_a_small_terminal_shows_the_text_pane_alone_with_the_pane_bar(held: None) -> None:
    app = BriefingApp([SEEDS], first_look=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_look_up(pilot)
        assert screen.has_class("-narrow")
        assert not screen.query_one("#side").display
        await pilot.pause()
        rows = drawn(app)
        assert "1 Text" in rows[0] and "tab: next pane" in rows[0]
        assert "Claim" not in "\n".join(rows[1:])
        app.post_message(FirstLook.Shown())
        await reader_ready(pilot)


async def test_tests_and_snapshots_get_the_reader_at_once() -> None:
    app = BriefingApp([SEEDS])  # headless: no one waits for a first frame
    async with app.run_test(size=(120, 40)) as pilot:
        await reader_ready(pilot)
        assert not any(isinstance(screen, FirstLook) for screen in app.screen_stack)


async def test_a_collection_gone_before_the_reader_comes_is_said_and_ends(tmp_path: Path, held: None) -> None:
    copy = tmp_path / "seed.yaml"
    copy.write_bytes(next(SEEDS.glob("*.yaml")).read_bytes())
    app = BriefingApp([copy], first_look=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await first_look_up(pilot)
        copy.unlink()  # read beside (here: before the app), gone when the reader reads it again
        app.collection = None
        app.post_message(FirstLook.Shown())
        await until(pilot, lambda: app.return_value == 1, what="the app did not end")
    assert app.collection is not None and not app.collection.documents


@pytest.mark.skipif(not hasattr(os, "fork"), reason="reading beside needs os.fork")
async def test_a_file_changed_after_it_was_read_beside_is_reloaded(tmp_path: Path, held: None) -> None:
    copy = tmp_path / "seed.yaml"
    copy.write_bytes(next(SEEDS.glob("*.yaml")).read_bytes())
    read = ReadBeside([copy]).result()
    assert read is not None
    app = BriefingApp([copy], read=read)
    async with app.run_test(size=(120, 40)) as pilot:
        await first_look_up(pilot)
        retitled = copy.read_bytes().replace(
            b'title: "Les enjeux du retrait', b'title: "Les enjeux du rappel'
        )
        copy.write_bytes(retitled)  # while the first look shows
        app.post_message(FirstLook.Shown())
        screen = await reader_ready(pilot)
        assert screen.doc.title.startswith("Les enjeux du retrait")  # as read, until the change settles
        reloaded = "the change was not reloaded"
        await until(pilot, lambda: screen.doc.title.startswith("Les enjeux du rappel"), what=reloaded)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="reading beside needs os.fork")
async def test_a_collection_read_beside_and_unchanged_is_the_readers(held: None) -> None:
    read = ReadBeside([SEEDS]).result()
    assert read is not None
    app = BriefingApp([SEEDS], read=read)
    async with app.run_test(size=(120, 40)) as pilot:
        await first_look_up(pilot)
        app.post_message(FirstLook.Shown())
        screen = await reader_ready(pilot)
        assert screen.collection is read.collection


@pytest.mark.skipif(not hasattr(os, "fork"), reason="reading beside needs os.fork")
async def test_a_folder_of_many_files_read_beside_is_first_shown_as_the_child_saw_it(
    tmp_path: Path, held: None
) -> None:
    """Its outlines and the first look of its first document come from the child that read them:
    the list shows in the first look, as for a few files."""
    seed = next(SEEDS.glob("*.yaml")).read_text(encoding="utf-8")
    for i in range(12):
        (tmp_path / f"copy-{i:02}.yaml").write_text(
            seed.replace("id: ", f"id: c{i}-", 1) + "#" * 20_000, "utf-8"
        )
    read = ReadBeside([tmp_path]).result()
    assert read is not None and read.collection.outlines
    app = BriefingApp([tmp_path], read=read, first_look=True)
    async with app.run_test(size=(120, 40)) as pilot:
        look, listed = await first_look_list(pilot)
        assert look.opening is read.opening
        assert (
            listed.render_line(0).text.startswith("▶ copy-00.yaml · Les enjeux")
            and listed.virtual_size.height == 12
        )
        app.post_message(FirstLook.Shown())
        screen = await reader_ready(pilot)
        assert screen.collection is read.collection


def held_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[BriefingApp, threading.Event]:
    """The reader on a large generated file (1.2 MB), its annotations held until the event is set:
    its preview stays up meanwhile."""
    from briefing_tui import files

    path = tmp_path / "large.yaml"
    make = Path(__file__).resolve().parents[2] / "bench" / "make_large.py"
    subprocess.run([sys.executable, str(make), str(path), "--mb", "1.2", "--annotations", "2000"], check=True,
                   capture_output=True)  # fmt: skip
    read = threading.Event()
    load_paths = files.load_paths

    def held_load(*args: object, **kwargs: object) -> object:
        read.wait(10)  # the annotations load while the person is on the preview
        return load_paths(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(files, "load_paths", held_load)
    return BriefingApp([path]), read


async def preview_up(pilot: Pilot) -> PreviewScreen:
    await until(pilot, lambda: isinstance(pilot.app.screen, PreviewScreen), what="no preview")
    preview = pilot.app.screen
    assert isinstance(preview, PreviewScreen)
    return preview


async def test_the_reader_opens_a_large_file_where_its_preview_was_read_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, read = held_large(tmp_path, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        preview = await preview_up(pilot)
        await pilot.press("space", "space", "space")
        await until(pilot, lambda: preview.reading_at() > 0, what="the preview did not scroll")
        top = preview.reading_at()
        read.set()
        screen = await reader_ready(pilot)
        await until(
            pilot, lambda: 0 <= top - screen.text_view.top_offset < 200, what="not where it was read to"
        )


async def test_a_large_load_gives_back_what_it_freed_before_the_reader_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from briefing_tui import memory

    given: list[tuple[int, bool]] = []  # (objects frozen, the reader's screen up) at each call

    def noted() -> bool:
        given.append((gc.get_freeze_count(), reader_up()))
        return True

    monkeypatch.setattr(memory, "give_back_freed", noted)
    app, read = held_large(tmp_path, monkeypatch)

    def reader_up() -> bool:
        return any(type(screen).__name__ == "MainScreen" for screen in app.screen_stack)

    async with app.run_test(size=(120, 40)) as pilot:
        await preview_up(pilot)
        assert given == []
        read.set()
        await reader_ready(pilot)
        assert len(given) == 1
        frozen, up = given[0]
        assert frozen > 0 and not up  # once what it read is kept for good, before the reader is built


async def test_g_on_a_large_files_preview_opens_the_reader_at_the_texts_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, read = held_large(tmp_path, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        preview = await preview_up(pilot)
        await pilot.press("G")
        assert preview.to_end and "then to the text's end" in str(preview.query_one(PreviewHeader).render())
        await pilot.press("g")  # changed one's mind: back to the top, and the reader opens there
        assert not preview.to_end and preview.reading_at() == 0
        await pilot.press("end")
        read.set()
        screen = await reader_ready(pilot)
        last_words = " ".join(screen.doc.text.split()[-3:])
        await until(pilot, lambda: last_words in "\n".join(drawn(app)), what="the text's end is not shown")
        assert screen.text_view.top_offset > len(screen.doc.text) * 0.9


async def test_keys_only_the_reader_answers_are_kept_on_the_preview_and_acted_on_once_it_is_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, read = held_large(tmp_path, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        preview = await preview_up(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert [key.key for key in preview.pressed] == ["right_square_bracket", "right_square_bracket"]
        assert "(] ] kept until then)" in str(preview.query_one(PreviewHeader).render())
        await pilot.press("space")  # the preview's own: it scrolls, and is not kept
        assert len(preview.pressed) == 2
        read.set()
        screen = await reader_ready(pilot)
        second = screen.state.nav.claims[1].id  # in reading order
        await until(pilot, lambda: screen.claim_id == second, what="the keys were not acted on")
        await pilot.press("right_square_bracket")  # and the reader goes on from there
        assert screen.claim_id == screen.state.nav.claims[2].id


async def test_a_query_typed_on_the_preview_after_a_slash_is_kept_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After ``/``, the keys typed on the preview are the reader's search query, every one kept,
    letters the preview binds (``g``, ``G``, ``j``, ``q``) included; after enter, the preview's own
    keys act on it again."""
    app, read = held_large(tmp_path, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        preview = await preview_up(pilot)
        await pilot.press("slash", "M", "a", "g", "G", "j", "q", "enter")
        assert [key.key for key in preview.pressed] == ["slash", "M", "a", "g", "G", "j", "q", "enter"]
        assert not preview.to_end and app.screen is preview  # neither G nor q acted here
        await pilot.press("G")  # the query ended: the preview's own key again
        assert preview.to_end and len(preview.pressed) == 8
        read.set()
        screen = await reader_ready(pilot)
        bar = screen.text_pane.bar
        await until(pilot, lambda: bar.input.value == "MagGjq", what="the query typed is not whole")


async def test_the_terminals_size_said_again_does_not_lay_the_first_look_out_again(
    held: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual import events
    from textual.geometry import Size

    laid_out: list[Size | None] = []
    refresh_layout = FirstLook._refresh_layout

    def counted(self: FirstLook, size: Size | None = None, scroll: bool = False) -> None:
        laid_out.append(size)
        refresh_layout(self, size, scroll)

    monkeypatch.setattr(FirstLook, "_refresh_layout", counted)
    app = BriefingApp([SEEDS], first_look=True)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await first_look_up(pilot)
        laid_out.clear()
        same, other = Size(120, 40), Size(100, 30)
        for size in (same, same, other):  # one at a time: pending, a resize replaces the one before
            handled: list[bool] = []
            screen.post_message(events.Resize(size, size))
            screen.call_later(handled.append, True)  # after the resize, in the screen's queue
            await until(pilot, lambda: bool(handled), what="the resize was not handled")  # noqa: B023
        assert [size for size in laid_out if size is not None] == [other]  # None: a refresh of its own


async def test_once_shown_the_first_look_is_laid_out_again_only_at_a_new_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Its widgets still ask for layouts after it is shown whole (their sizes settling): done while
    # the reader is built, they only delayed it. The terminal's new size is still laid out.
    from textual.geometry import Size
    from textual.screen import Screen

    painted: list[bool] = []
    render = first_look._PaintedStatus.render

    def noted(self: first_look._PaintedStatus) -> object:
        painted.append(True)  # the first look is on screen (it says so as its status line is painted)
        return render(self)

    after_shown: list[Size | None] = []
    refresh_layout = Screen._refresh_layout

    def counted(self: Screen[object], size: Size | None = None, scroll: bool = False) -> None:
        if isinstance(self, FirstLook) and self.shown:
            after_shown.append(size)
        refresh_layout(self, size, scroll)

    monkeypatch.setattr(first_look._PaintedStatus, "render", noted)
    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    app = BriefingApp([SEEDS], first_look=True)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await reader_ready(pilot)
        await until(pilot, lambda: screen.status_line.plain != "", what="the reader's status line is empty")
        await pilot.pause()
        assert isinstance(app.screen_stack[0], FirstLook) and painted
        assert after_shown == []
        await pilot.resize_terminal(100, 30)
        await until(pilot, lambda: Size(100, 30) in after_shown, what="the first look kept its size")
        assert None not in after_shown


async def test_the_text_is_drawn_at_one_width_from_the_first_look_to_the_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The text's scroll bar comes once the text is measured: the room for it is kept from the first
    # frame, so the text is never wrapped again to make way for it (a jump in the terminal).
    from briefing_tui.widgets.text_view import TextView

    widths: set[int] = set()
    build_line = TextView._build_line

    def noted(self: TextView, start: int, end: int, width: int, base: object) -> object:
        widths.add(width)
        return build_line(self, start, end, width, base)  # type: ignore[arg-type]

    monkeypatch.setattr(TextView, "_build_line", noted)
    app = BriefingApp([SEEDS], first_look=True)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await reader_ready(pilot)
        text = screen.query_one(TextView)
        await until(pilot, lambda: text.max_scroll_y > 0, what="the seed's text does not scroll")
        await pilot.pause()
        assert widths == {text.scrollable_content_region.width}


async def test_keys_pressed_before_the_preview_shows_are_acted_on_by_it_and_the_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, read = held_large(tmp_path, monkeypatch)
    head_read = threading.Event()
    read_head = preview_module.read_head

    def held_head(path: Path) -> object:
        head_read.wait(10)  # the loading screen stays up meanwhile
        return read_head(path)

    monkeypatch.setattr(preview_module, "read_head", held_head)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, errors.LoadingScreen), what="no loading screen")
        await pilot.press("G", "4")  # typed right after the command: to the end, the timeline
        head_read.set()
        preview = await preview_up(pilot)
        await until(pilot, lambda: preview.to_end, what="G on the loading screen was lost")
        await until(pilot, lambda: [key.key for key in preview.pressed] == ["4"], what="4 was not kept")
        read.set()
        screen = await reader_ready(pilot)
        await until(pilot, lambda: screen.pane == "timeline", what="4 was not acted on")
        await until(
            pilot, lambda: screen.text_view.top_offset > len(screen.doc.text) * 0.9, what="not at the end"
        )


@pytest.mark.skipif(not hasattr(os, "fork"), reason="reading beside needs os.fork")
async def test_a_folder_s_first_look_lists_its_documents_as_the_reader_does(
    tmp_path: Path, held: None
) -> None:
    """One who opens a folder came for its list: the first look shows it, drawn as the reader draws
    it, so that it does not change when the reader comes."""
    seed_copies(tmp_path, 12)
    read = ReadBeside([tmp_path]).result()
    assert read is not None and len(read.collection.documents) == 12
    app = BriefingApp([tmp_path], read=read, first_look=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, FirstLook), what="no first look")
        look = app.screen
        listed = look.query_one("#documents")
        await until(pilot, lambda: listed.size.height == 5, what="the first look lists no documents")
        await pilot.pause()
        rows = [listed.render_line(y) for y in range(listed.size.height)]
        assert rows[0].text.startswith("▶ Copie 00") and rows[1].text.startswith("  Copie 01")
        assert not listed.can_focus  # the keys are kept for the reader
        app.post_message(FirstLook.Shown())
        screen = await reader_ready(pilot)
        await pilot.pause()
        reader_list = screen.query_one("#documents")
        assert reader_list is not listed and reader_list.region == listed.region
        assert [list(reader_list.render_line(y)) for y in range(5)] == [list(row) for row in rows]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="reading beside needs os.fork")
async def test_a_folder_s_first_look_shows_the_rows_said_ahead_then_the_reader_the_whole(
    tmp_path: Path, held: None
) -> None:
    """The first look lists the first rows the child said ahead, as long a list as the folder's; the
    reader then takes the child's whole answer, its list drawn as the first look's."""
    seed_copies(tmp_path, 12, padding=30_000)
    beside = ReadBeside([tmp_path])
    ahead = beside.ahead()
    assert ahead is not None
    app = BriefingApp([tmp_path], ahead=(ahead, beside), first_look=True)
    async with app.run_test(size=(120, 40)) as pilot:
        look, listed = await first_look_list(pilot)
        assert look.opening is ahead.opening
        rows = [listed.render_line(y) for y in range(5)]
        assert [row.text.split()[-1] for row in rows] == ["00", "01", "02", "03", "04"]
        assert listed.virtual_size.height == 12
        app.post_message(FirstLook.Shown())
        screen = await reader_ready(pilot)
        assert len(screen.collection.documents) == 12 and screen.collection.outlines
        await pilot.pause()
        reader_list = screen.query_one("#documents")
        assert reader_list.region == listed.region and reader_list.virtual_size == listed.virtual_size
        assert [list(reader_list.render_line(y)) for y in range(5)] == [list(row) for row in rows]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="reading beside needs os.fork")
async def test_when_the_child_fails_after_the_rows_the_reader_reads_the_folder_itself(
    tmp_path: Path, held: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_copies(tmp_path, 12, padding=30_000)

    def gone(*args: object, **kwargs: object) -> None:  # in the child, after the rows said ahead
        os._exit(3)

    whole = outline.open_outlines
    monkeypatch.setattr(outline, "open_outlines", gone)
    beside = ReadBeside([tmp_path])
    ahead = beside.ahead()
    assert ahead is not None
    monkeypatch.setattr(outline, "open_outlines", whole)  # here, the folder is read whole
    app = BriefingApp([tmp_path], ahead=(ahead, beside), first_look=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await first_look_up(pilot)
        app.post_message(FirstLook.Shown())
        screen = await reader_ready(pilot)
        assert [doc.title for doc in screen.collection.documents] == [f"Copie {i:02}" for i in range(12)]
