"""y copies what the claim pane shows (OSC 52 through Textual, on the key only) and says what; o
copies the address instead when no browser opens, and says so."""

from __future__ import annotations

import webbrowser

import pytest
from tests.support.checks import present
from tests.ui.reader_support import main_screen, seed_app, until

from briefing_tui.widgets.status_line import StatusLine


def status(app) -> str:
    return app.screen.query_one(StatusLine).plain


async def test_y_copies_the_quote_then_the_address_then_the_name() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(pilot)
        assert app.clipboard == ""
        await pilot.press("right_square_bracket", "right_square_bracket", "y")  # C3
        claim = present(screen.state.current_claim())
        assert app.clipboard == screen.doc.text[claim.span.start : claim.span.end]
        await until(pilot, lambda: "Copied the claim's quote" in status(app), what=status(app))
        await pilot.press("s", "y")  # its source: the address
        source = screen.state.nav.source(screen.detail[1])
        if source is not None and source.url:
            assert app.clipboard == source.url
            await until(pilot, lambda: "Copied the address" in status(app), what=status(app))
        await pilot.press("3", "slash", *"fitz", "enter", "enter", "y")
        assert app.clipboard == "Kathleen FitzGibbon"


async def test_y_sends_nothing_before_it_is_pressed(monkeypatch: pytest.MonkeyPatch) -> None:
    app = seed_app()
    sent: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        monkeypatch.setattr(app, "copy_to_clipboard", sent.append)
        await pilot.press("right_square_bracket", "s", "1", "j", "k")
        assert sent == []
        await pilot.press("y")
        assert len(sent) == 1


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_o_without_a_browser_says_so_and_copies_the_address(monkeypatch, size) -> None:
    def no_browser(*args, **kwargs):
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "get", no_browser)
    app = seed_app()
    async with app.run_test(size=size) as pilot:
        screen = main_screen(pilot)
        for _ in range(15):  # the first claim whose first source has an address
            await pilot.press("right_square_bracket")
            if screen.claim_pane.address(screen.state.current_claim()):
                break
        url = screen.claim_pane.address(screen.state.current_claim())
        assert url
        await pilot.press("o")
        await until(pilot, lambda: app.clipboard == url)
        await until(pilot, lambda: "No browser opened" in status(app), what=status(app))


def test_a_text_browser_is_not_started_over_the_reader(monkeypatch) -> None:
    from briefing_tui.screens import opener

    started: list[str] = []

    class Lynx(webbrowser.GenericBrowser):
        def open(self, url, new=0, autoraise=True):
            started.append(url)
            return True

    monkeypatch.setattr(webbrowser, "get", lambda *a: Lynx("lynx"))
    assert opener.graphical_open("https://example.org/") is False and started == []
