"""Snapshots of the reader on the seed (fixed size, dark theme, no clock, no cursor blink)."""

from __future__ import annotations

from tests.ui.reader_support import reader_ready, reader_settled, seed_app, until
from textual.color import Color
from textual.pilot import Pilot


async def _settle(pilot: Pilot) -> None:
    await reader_settled(pilot)


def test_main_screen_120x40(snap_compare) -> None:
    """All four panes: the text with verdict glyphs in the gutter and styled mentions, the date
    line "undated, between 24 Apr 2024 and 19 May 2024 · fr", the legend, the claim pane inviting ] ,
    entities grouped by type with counts, the timeline split in two."""
    assert snap_compare(seed_app(), terminal_size=(120, 40), run_before=_settle)


def test_main_screen_80x24(snap_compare) -> None:
    """A small terminal: the pane bar on top, the text pane alone, the title on one line, the footer."""
    assert snap_compare(seed_app(), terminal_size=(80, 24), run_before=_settle)


def test_claim_with_its_sources(snap_compare) -> None:
    """The fourth claim (C1, supported) stands out in the text; the claim pane shows its verdict,
    explanation and its two sources with publisher, date and address."""
    assert snap_compare(
        seed_app(), press=["right_square_bracket"] * 4, terminal_size=(120, 40), run_before=_settle
    )


def test_source_entry(snap_compare) -> None:
    """After ] ] ] s (C13, the meetings): the claim pane shows the State Department statement, its
    address marked unverified, its two mirrors, and the claims citing it."""
    assert snap_compare(
        seed_app(), press=["right_square_bracket"] * 3 + ["s"], terminal_size=(120, 40), run_before=_settle
    )


def test_help_screen(snap_compare) -> None:
    """The help screen lists the keys grouped: Everywhere, Text pane, Entities pane, lists."""
    assert snap_compare(seed_app(), press=["question_mark"], terminal_size=(120, 40), run_before=_settle)


async def _light(pilot: Pilot) -> None:
    screen = await reader_ready(pilot)
    pilot.app.theme = "textual-light"  # as ctrl+p → "Theme" → textual-light does
    surface = Color.parse(pilot.app.current_theme.surface or "")
    await until(pilot, lambda: screen.text_view.styles.background == surface, what="the text stayed dark")
    await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
    await until(pilot, lambda: screen.claim_id == "C13", what="the third claim is not C13")
    await reader_settled(pilot)


def test_main_screen_light_theme(snap_compare) -> None:
    """The light theme: dark inks on a light page, the third claim (C13, partly supported) standing
    out, mentions in their darker colours with their attributes (bold, italic, underline)."""
    assert snap_compare(seed_app(), terminal_size=(120, 40), run_before=_light)
