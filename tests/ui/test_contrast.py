"""Every text on screen reads at 4.5:1 or more against its background (WCAG AA), in the dark and the
light theme: the text, the panes, the lists with a highlighted row, the footer, the status line.

The colours are the ones the screen is drawn with (Textual's compositor has blended dim text and
transparent backgrounds already). Frames, scrollbars and bars (box drawing and block elements) are
not text and are left out.
"""

from __future__ import annotations

import pytest
from tests.ui.reader_support import main_screen, seed_app, until

FRAMES = range(0x2500, 0x25A0)  # box drawing and block elements


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def low_contrast(app) -> list[str]:
    found = []
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            text = "".join(c for c in segment.text if not c.isspace() and ord(c) not in FRAMES)
            style = segment.style
            if not text or style is None or style.color is None or style.bgcolor is None:
                continue
            fg, bg = tuple(style.color.get_truecolor()), tuple(style.bgcolor.get_truecolor())
            if style.reverse:
                fg, bg = bg, fg
            ratio = contrast(fg, bg)
            if ratio < 4.5:
                found.append(f"{text[:20]!r} {ratio:.2f}:1")
    return found


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_every_text_reads_at_4_5_to_1(theme: str, size: tuple[int, int]) -> None:
    app = seed_app()
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        screen = main_screen(pilot)
        checked = []
        # the text with a current claim, the claim pane's links, the entities and the timeline lists
        for keys in (["right_square_bracket", "right_square_bracket"], ["2"], ["3"], ["4"], ["1"]):
            await pilot.press(*keys)
            await until(pilot, lambda: screen.claim_id is not None)
            await pilot.wait_for_scheduled_animations()
            checked.append(low_contrast(app))
        assert checked == [[]] * len(checked)
