"""Shared set-up of the reader's Pilot tests: the app on the seed or on the reader fixture collection."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefing_tui.app import BriefingApp
from briefing_tui.files import load_paths

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import App
    from textual.pilot import Pilot

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
COLLECTION = ROOT / "tests" / "fixtures" / "reader" / "collection"


def seed_app() -> BriefingApp:
    return BriefingApp([SEEDS], collection=load_paths([SEEDS]))


def collection_app() -> BriefingApp:
    return BriefingApp([COLLECTION], collection=load_paths([COLLECTION]))


async def run_palette_command(pilot: Pilot, words: str, settle: float | None = None) -> None:
    """Open the command palette, type ``words`` and choose the first command offered.

    ``settle`` is the pause after choosing it (None: until the app has processed its messages).
    """
    await pilot.press("ctrl+p")
    await pilot.pause()
    for char in words:
        await pilot.press(char if char != " " else "space")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause(settle)


async def until(pilot: Pilot, condition: Callable[[], object], seconds: float = 5.0, what: str = "") -> None:
    """Wait until ``condition()`` is true, letting the app run; fail after ``seconds``."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(what or "the reader did not get there in time")


def drawn(app: App[object]) -> list[str]:
    """The screen as the terminal has it: what each widget last drew (their line caches included)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]
