"""The reader's screen and its first look are styled once as they are built: each widget's styles
are worked out when it mounts, not again when its screen is first shown nor when a class it is
built with is added after it mounts (``screens/styled_once.py``, the footer's keys, the text pane
in front)."""

from __future__ import annotations

import threading
from collections import Counter
from functools import partial
from pathlib import Path

import pytest
from tests.ui.reader_support import SEEDS, drawn, footer_labels, reader_ready, until
from textual import events
from textual._compositor import Compositor
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.geometry import Region
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets._footer import FooterKey

from briefing_tui import files
from briefing_tui.app import BriefingApp
from briefing_tui.screens import first_look
from briefing_tui.screens.first_look import FirstLook
from briefing_tui.screens.main import MainScreen
from briefing_tui.screens.preview import PREVIEW_FROM, PreviewScreen
from briefing_tui.widgets.status_line import StatusLine


@pytest.fixture
def styled(monkeypatch: pytest.MonkeyPatch) -> Counter[int]:
    """How many times each widget (by its id()) is styled from now on."""
    count: Counter[int] = Counter()
    apply = Stylesheet.apply

    def counted(self: Stylesheet, node: object, *args: object, **kwargs: object) -> None:
        if isinstance(node, Widget):
            count[id(node)] += 1
        apply(self, node, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Stylesheet, "apply", counted)
    return count


def _twice(count: Counter[int], widgets: list[DOMNode], focused: Widget | None) -> list[str]:
    """The widgets not styled once; the one that took the focus once mounted, styled again then
    (``:focus``), styled twice."""
    return [
        f"{type(w).__name__}#{w.id} x{count[id(w)]}"
        for w in widgets
        if count[id(w)] != (2 if w is focused else 1)
    ]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_reader_styles_each_of_its_widgets_once_as_it_is_built(
    styled: Counter[int], size: tuple[int, int]
) -> None:
    """At 80x24 too: the screen is made narrow (one pane at a time) in its compose, before its panes
    come (it alone is styled again then), not once they are all styled."""
    app = BriefingApp([SEEDS])
    async with app.run_test(size=size) as pilot:
        screen = await reader_ready(pilot)
        await until(pilot, lambda: bool(screen.query(FooterKey)), what="no keys in the footer")
        await pilot.pause()
        narrow = size == (80, 24)
        widgets = list(screen.walk_children(with_self=not narrow))
        assert len(widgets) > 20 and len(screen.query(FooterKey)) > 5
        assert screen.focused is not None and _twice(styled, widgets, screen.focused) == []
        assert isinstance(app.screen, MainScreen) and screen.has_class("-narrow") == narrow
        assert styled[id(screen)] == (2 if narrow else 1)


async def test_the_first_look_styles_each_of_its_widgets_once(
    styled: Counter[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(first_look._PaintedStatus, "_painted", True)  # it stays: the reader never comes
    app = BriefingApp([SEEDS], first_look=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, FirstLook), what="no first look")
        screen = app.screen
        status = screen.query_one(StatusLine)
        await until(pilot, lambda: "15 claims" in status.plain, what="the first look's status line is empty")
        await pilot.pause()
        widgets = list(screen.walk_children(with_self=True))
        assert len(widgets) > 8
        assert screen.focused is None  # nothing takes a key there: each is kept for the reader
        assert _twice(styled, widgets, None) == []


@pytest.fixture
def resumed(monkeypatch: pytest.MonkeyPatch) -> Counter[int]:
    """How many times Textual's own resume of each screen (by its id()) runs from now on."""
    count: Counter[int] = Counter()
    resume = Screen._on_screen_resume

    def counted(self: Screen[object], event: events.ScreenResume) -> None:
        count[id(self)] += 1
        resume(self, event)

    monkeypatch.setattr(Screen, "_on_screen_resume", counted)
    return count


@pytest.fixture
def drawn_whole(monkeypatch: pytest.MonkeyPatch) -> Counter[int]:
    """How many times each screen (its compositor, by the id() of the screen) is drawn whole."""
    count: Counter[int] = Counter()
    whole = Compositor.render_full_update

    def counted(self: Compositor, *args: object, **kwargs: object) -> object:
        count[id(self.root)] += 1
        return whole(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Compositor, "render_full_update", counted)
    return count


async def test_the_reader_shown_is_resumed_once_and_drawn_whole_once(
    resumed: Counter[int], drawn_whole: Counter[int]
) -> None:
    """Shown, a screen is laid out and drawn whole; it is not drawn whole a second time just after,
    with nothing changed (its resume ran twice, each asking for the whole screen again)."""
    app = BriefingApp([SEEDS])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await reader_ready(pilot)
        await until(pilot, lambda: bool(screen.query(FooterKey)), what="no keys in the footer")
        await pilot.pause()
        assert (resumed[id(screen)], drawn_whole[id(screen)]) == (1, 1)
        await pilot.resize_terminal(100, 30)  # a new size: drawn whole again, as it must be
        await until(pilot, lambda: drawn_whole[id(screen)] > 1, what="not drawn again at a new size")
        text = screen.query_one("#text")
        assert text.size.width > 0 and screen.size == (100, 30)


async def test_the_reader_shown_does_not_draw_again_what_its_first_frame_drew(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Its widgets, sized and filled by its first layout, were drawn by it: the header, which does
    not change, is not drawn again as the screen settles (its lists' scroll bars coming)."""
    redrawn: list[Region] = []
    partial = Compositor.render_partial_update

    def noted(self: Compositor) -> object:
        if isinstance(self.root, MainScreen):
            redrawn.extend(self._dirty_regions)
        return partial(self)

    monkeypatch.setattr(Compositor, "render_partial_update", noted)
    app = BriefingApp([SEEDS])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await reader_ready(pilot)
        await until(pilot, lambda: bool(screen.query(FooterKey)), what="no keys in the footer")
        await pilot.pause()
        header = screen.query_one("#doc-header").region
        assert header and "Les enjeux" in screen.query_one("#doc-header").render_line(0).text
        assert [region for region in redrawn if region.overlaps(header)] == []


async def test_the_first_look_beneath_the_reader_has_nothing_drawn_again_on_it() -> None:
    """The first look stays beneath the reader, which hides it whole: what its widgets still ask
    to draw once the reader is up (Textual passes a screen's drawing up to the screen above it) is
    not drawn again on the reader's screen."""
    app = BriefingApp([SEEDS], first_look=True)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await reader_ready(pilot)
        beneath = app.screen_stack[-2]
        assert isinstance(beneath, FirstLook) and beneath in app._background_screens
        await until(pilot, lambda: bool(screen.query(FooterKey)), what="no keys in the footer")
        await pilot.pause()
        header = beneath.query_one("#doc-header").region
        beneath._compositor._dirty_regions.add(header)  # as its header asks to be drawn again
        assert not screen._repaint_required and not screen._repaint_regions
        beneath._compositor_refresh()
        assert not screen._repaint_required and not screen._repaint_regions
        assert not beneath._compositor._dirty_regions  # nor is it kept for later


async def test_a_large_files_preview_is_styled_once_and_drawn_whole_once(
    styled: Counter[int], resumed: Counter[int], drawn_whole: Counter[int], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The preview of a large file shows while the file loads (the loader competes with it for the
    interpreter): its widgets are styled once, and its resume draws it whole once (the loading
    screen it replaces has Textual draw it whole once more)."""
    release = threading.Event()
    load_paths = files.load_paths

    def held(*args: object, **kwargs: object) -> object:
        release.wait(10)
        return load_paths(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(files, "load_paths", held)
    path = tmp_path / "large.yaml"
    path.write_text(next(SEEDS.glob("*.yaml")).read_text(encoding="utf-8") + "#" * PREVIEW_FROM + "\n")
    app = BriefingApp([path])
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, PreviewScreen), what="no preview")
            screen = app.screen
            await until(pilot, lambda: bool(screen.query(FooterKey)), what="no keys in the footer")
            await pilot.pause()
            widgets = list(screen.walk_children(with_self=True))
            assert len(widgets) > 4 and _twice(styled, widgets, screen.focused) == []
            assert (resumed[id(screen)], drawn_whole[id(screen)]) == (1, 2)
            release.set()
            await reader_ready(pilot)
    finally:
        release.set()


async def test_a_pane_switched_is_laid_out_once_and_not_drawn_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pane key moves the focus and changes the footer's keys: the screen is laid out once (the
    footer's keys kept and measured again, not built again: built, they were laid out twice, once
    removed and once mounted; each key measured asked for a second layout) and only what changed is
    drawn (Textual drew the whole screen at every move of the focus)."""
    layouts: list[Screen[object]] = []
    whole: list[Compositor] = []
    lay_out, full = Screen._refresh_layout, Compositor.render_full_update

    def laid_out(self: Screen[object], *args: object, **kwargs: object) -> None:
        layouts.append(self)
        lay_out(self, *args, **kwargs)  # type: ignore[arg-type]

    def drawn_whole(self: Compositor, *args: object, **kwargs: object) -> object:
        whole.append(self)
        return full(self, *args, **kwargs)  # type: ignore[arg-type]

    app = BriefingApp([SEEDS])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await reader_ready(pilot)
        await until(pilot, lambda: bool(screen.query(FooterKey)), what="no keys in the footer")
        panes = (("3", "/ Filter"), ("1", "/ Search"))  # a key, and a key its pane's footer shows
        for key, shown in panes:  # each pane built once first
            await pilot.press(key)
            await until(pilot, partial(footer_laid_out, app, shown), what=" ".join(footer_labels(screen)))
        await pilot.pause()
        monkeypatch.setattr(Screen, "_refresh_layout", laid_out)
        monkeypatch.setattr(Compositor, "render_full_update", drawn_whole)
        for key, shown in panes:
            layouts.clear()
            await pilot.press(key)
            await until(pilot, partial(footer_laid_out, app, shown), what=" ".join(footer_labels(screen)))
            await pilot.pause()
            assert len(layouts) == 1 and whole == [], (key, len(layouts), len(whole))


def footer_laid_out(app: BriefingApp, shown: str) -> bool:
    """The footer shows ``shown``, its keys drawn each in its own width, side by side (the palette's
    docked apart, last)."""
    *keys, palette = footer_labels(app.screen)
    row = " ".join(keys)
    return palette == "^p palette" and shown in row and drawn(app)[-1].startswith(row)
