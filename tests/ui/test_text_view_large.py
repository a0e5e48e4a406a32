"""A large text while it is still wrapping: End answers at once from an estimate, and the lines keep
their place on screen when the real numbering is known; the text's keys act while the screen is busy."""

from __future__ import annotations

import asyncio
import random
import time
from pathlib import Path

import pytest
from textual import events
from textual.widget import Widget

from briefing_tui.app import BriefingApp
from briefing_tui.model import Collection, Document
from briefing_tui.widgets import text_lines, text_wrap
from briefing_tui.widgets.text_view import TextView

WORDS = "le la les des sécurité coopération l’État retrait accord « » – été États-Unis Niamey".split()  # noqa: SIM905


def prose(chars: int) -> str:
    rng = random.Random(7)
    paragraphs, size = [], 0
    while size < chars:
        paragraph = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 200)))
        paragraphs.append(paragraph)
        size += len(paragraph) + 1
    return "\n".join(paragraphs)


def shown(view: TextView) -> list[str]:
    return [view.render_line(y).text for y in range(view.scrollable_content_region.height)]


def assert_contiguous(view: TextView) -> None:
    """The visible lines follow each other in the text: only a space or a newline between two."""
    y = int(view.scroll_offset.y)
    lines = [view._line(n) for n in range(y, y + view.scrollable_content_region.height)]
    present = [line for line in lines if line is not None]
    for (_, end), (start, _) in zip(present, present[1:], strict=False):
        assert view.text[end:start] in ("", " ", "\n"), (end, start)


async def wait_until(pilot, condition, timeout: float = 30.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.02)


@pytest.fixture
def paused_wrapping(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Background wrapping waits while the list holds True (the text stays half wrapped meanwhile)."""
    paused = [True]
    schedule = TextView._schedule_wrap

    def maybe(view: TextView) -> None:
        if paused[0]:
            return
        schedule(view)

    monkeypatch.setattr(TextView, "_schedule_wrap", maybe)
    return paused


async def resume(pilot, view: TextView, paused: list[bool]) -> None:  # noqa: ANN001
    paused[0] = False
    view._schedule_wrap()
    await wait_until(pilot, lambda: view.wrapping_done)


def reader(text: str) -> BriefingApp:
    doc = Document(path=Path("large.yaml"), id="large", title="Large", language="fr", text=text)
    return BriefingApp([Path("large.yaml")], collection=Collection(documents=[doc]))


async def text_pane(pilot) -> TextView:  # noqa: ANN001
    view = pilot.app.screen.query_one(TextView)
    await wait_until(pilot, lambda: view.line_count > 0)
    return view


async def test_end_while_wrapping_shows_the_end_at_once_and_nothing_moves_when_done(
    paused_wrapping: list[bool],
) -> None:
    text = prose(1_500_000)
    async with reader(text).run_test(size=(100, 30)) as pilot:
        view = await text_pane(pilot)
        assert not view.wrapping_done
        await pilot.press("G")
        assert view._tail is not None and not view.wrapping_done  # an estimate, not a full wrap
        assert view.visible_range()[1] == len(text)
        before, top = shown(view), view.top_offset
        assert_contiguous(view)
        await pilot.press("b", "b", "b")  # up from the end, still wrapping: wrapped backwards
        assert not view.wrapping_done
        assert_contiguous(view)
        up, up_top = shown(view), view.top_offset
        assert up_top < top
        await resume(pilot, view, paused_wrapping)
        assert view._tail is None
        assert shown(view) == up and view.top_offset == up_top  # the same lines, at the same place
        await pilot.press("G")
        assert shown(view) == before and view.top_offset == top
        pairs = list(zip(view._starts, view._ends, strict=True))
        assert pairs == sorted(pairs) and pairs[-1][1] == len(text)
        assert view.virtual_size.height == view.line_count


async def test_the_lines_are_those_of_a_wrap_from_the_start(paused_wrapping: list[bool]) -> None:
    text = prose(300_000)
    async with reader(text).run_test(size=(100, 30)) as pilot:
        view = await text_pane(pilot)
        await pilot.press("G", "b", "b")
        await resume(pilot, view, paused_wrapping)
        width = view._wrap_width
        expected: list[tuple[int, int]] = []
        pos = 0
        for paragraph in text.split("\n"):
            expected += text_lines.wrap_paragraph(paragraph, pos, width)
            pos += len(paragraph) + 1
        assert list(zip(view._starts, view._ends, strict=True)) == expected


async def test_the_end_and_the_scrollbar_are_corrected_without_moving_the_text_or_laying_out_the_screen(
    paused_wrapping: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """G while wrapping: the last words at the bottom, the scroll area's height an estimate. As the rest
    wraps, the height becomes the real number of lines, the pane stays at 100 % with the same lines on
    screen, and no step of it lays the screen out again (only the scrollbar is drawn again)."""
    text = prose(1_500_000)
    async with reader(text).run_test(size=(100, 30)) as pilot:
        view = await text_pane(pilot)
        await pilot.press("G")
        assert not view.wrapping_done and view.visible_range()[1] == len(text)
        assert view.scroll_offset.y == view.max_scroll_y > 0
        before, top, estimate = shown(view), view.top_offset, view.virtual_size.height
        layouts: list[bool] = []
        refresh = Widget.refresh

        def counted(widget: Widget, *regions: object, **options: bool) -> Widget:
            if widget is view:
                layouts.append(bool(options.get("layout")))
            return refresh(widget, *regions, **options)  # type: ignore[arg-type]

        monkeypatch.setattr(Widget, "refresh", counted)
        await resume(pilot, view, paused_wrapping)
        assert view.virtual_size.height == view.line_count != estimate  # the estimate was corrected
        assert layouts and not any(layouts)  # the pane was drawn again, the screen never laid out
        assert view.scroll_offset.y == view.max_scroll_y  # still at the end: 100 %
        assert shown(view) == before and view.top_offset == top


async def test_the_text_moves_at_once_while_the_screen_is_busy(paused_wrapping: list[bool]) -> None:
    """The text's moves are run by the app as soon as it reads the key, not once the key has passed
    through the screen's queue: G shows the end while the screen is still busy (as it is while the
    reader fills its lists)."""
    text = prose(300_000)
    async with reader(text).run_test(size=(100, 30)) as pilot:
        view = await text_pane(pilot)
        assert pilot.app.focused is view
        screen, gate = pilot.app.screen, asyncio.Event()

        async def busy() -> None:
            await gate.wait()

        screen.call_later(busy)
        try:
            pilot.app.post_message(events.Key("G", "G"))
            deadline = time.monotonic() + 5  # polled without the pilot, which waits for the screen
            while view.visible_range()[1] != len(text):
                assert time.monotonic() < deadline, "G did not act while the screen was busy"
                await asyncio.sleep(0.02)
            assert not view.wrapping_done
        finally:
            gate.set()


async def test_a_place_near_the_end_is_reached_from_the_end_while_wrapping(
    paused_wrapping: list[bool],
) -> None:
    """A place far ahead of the wrapping and nearer the end (a claim, a match) is shown without
    wrapping the text up to it: the end is wrapped back to its paragraph, numbered from the estimate;
    when the rest is wrapped, the same lines stay at the same place."""
    text = prose(1_500_000)
    target = text.index(" ", len(text) - 200_000)
    async with reader(text).run_test(size=(100, 30)) as pilot:
        view = await text_pane(pilot)
        wrapped = view._wrap_pos
        view.scroll_to_offset(target)
        assert view._wrap_pos == wrapped and view._tail is not None  # the head was not wrapped on
        assert view._tail.start <= target < view._tail.start + 250_000
        start, end = view.visible_range()
        assert start <= target <= end
        assert_contiguous(view)
        before, top = shown(view), view.top_offset
        await resume(pilot, view, paused_wrapping)
        assert view._tail is None
        assert shown(view) == before and view.top_offset == top


async def test_the_lines_are_those_of_a_wrap_from_the_start_after_places_reached_from_the_end(
    paused_wrapping: list[bool],
) -> None:
    text = prose(600_000)
    async with reader(text).run_test(size=(100, 30)) as pilot:
        view = await text_pane(pilot)
        view.scroll_to_offset(int(len(text) * 0.9))
        assert view._tail is not None
        view.scroll_to_offset(int(len(text) * 0.7))  # further back: the end's lines grow back to it
        assert view._tail.start <= int(len(text) * 0.7)
        await pilot.press("b", "G")
        await resume(pilot, view, paused_wrapping)
        pos, expected = 0, []
        for paragraph in text.split("\n"):
            expected += text_lines.wrap_paragraph(paragraph, pos, view._wrap_width)
            pos += len(paragraph) + 1
        assert list(zip(view._starts, view._ends, strict=True)) == expected
        assert view.virtual_size.height == view.line_count


async def test_a_text_wrapped_anew_wraps_in_short_slices_until_its_frame_is_drawn(
    paused_wrapping: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    async with reader(prose(1_500_000)).run_test(size=(100, 30)) as pilot:
        view = await text_pane(pilot)
        assert view.wrap_slice == text_wrap.WRAP_SLICE > text_wrap.LOADING_SLICE
        now = [0.0]

        def clock() -> float:  # each step of wrapping takes a millisecond
            return now[0]

        steps = [0]
        wrap_chars = TextView._wrap_chars

        def step(self: TextView, budget: int) -> None:
            steps[0] += 1
            now[0] += 0.001
            wrap_chars(self, budget)

        monkeypatch.setattr(text_wrap.time, "perf_counter", clock)
        monkeypatch.setattr(TextView, "_wrap_chars", step)

        def one_slice() -> int:
            steps[0] = 0
            view._wrap_tick()
            return steps[0]

        assert view._drawn and one_slice() == 12  # drawn: slices of WRAP_SLICE
        view._rewrap(keep_top=True)  # (as a resize or a new text does)
        assert not view._drawn and one_slice() == 4  # not drawn since: slices of LOADING_SLICE
        view.refresh()
        await wait_until(pilot, lambda: view._drawn)
        assert one_slice() == 12
