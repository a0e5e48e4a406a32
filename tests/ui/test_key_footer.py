"""The footer shows each key whole, in every pane, at 80x24 and 120x40: the keys that do not fit
leave it (the checking keys first), never slide under the palette's key cut off."""

from __future__ import annotations

from typing import Any

import pytest
from tests.ui.reader_support import collection_app, drawn, footer_labels, reader_ready, seed_app, until
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # not exported; Textual is pinned to one release

from briefing_tui.screens.main import MainScreen
from briefing_tui.widgets.key_footer import KeyFooter

PALETTE = "▏^p palette"

# (what is pressed, a key the footer then shows, the pane focused)
STATES = [
    ((), "/ Search", "text"),
    (("2",), "/ Search", "claim"),
    (("3",), "/ Filter", "entities"),
    (("slash",), "⏎ Keep filter", "entities"),  # the filter takes what is typed
    (("n", "enter"), "esc Clear filter", "entities"),  # a filter kept
    (("escape",), "/ Filter", "entities"),  # cleared: "esc Clear filter" leaves the footer
    (("4",), "/ Filter", "timeline"),
    (("5",), "/ Filter", "documents"),  # as every list
    (("6",), "/ Filter", "claim"),  # the claims list, in the claim pane
    (("1", "slash"), "^T Exact", "text"),  # the search bar
    ((), "⏎ Keep search", "text"),  # and how it ends
    ((), "esc Close search", "text"),
]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_every_key_on_the_footer_shows_whole(size: tuple[int, int]) -> None:
    async with collection_app().run_test(size=size) as pilot:
        await pilot.press("escape")  # past the list of files with errors
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)
        await until(pilot, lambda: screen._panes_ready, what="the side panes were not mounted")
        footer = screen.query_one(Footer)
        assert isinstance(footer, KeyFooter)
        for keys, marker, pane in STATES:
            await pilot.press(*keys)

            def shown(marker: str = marker, pane: str = pane, keys: tuple[str, ...] = keys) -> bool:
                footer_line = drawn(pilot.app)[-1]
                cleared = keys != ("escape",) or "Clear filter" not in footer_line
                return screen.pane == pane and marker in footer_line and cleared

            await until(
                pilot,
                shown,
                what=f"{marker!r} not on the footer in the {pane} pane after {keys}",
            )
            line = drawn(pilot.app)[-1].rstrip()
            labels = footer_labels(screen)
            assert labels[-1] == "^p palette"
            assert line.endswith(PALETTE), line  # nothing cut off after the palette's key
            row = " ".join(labels[:-1])
            assert line.startswith(row), line  # every other key whole, in its order
            assert line[len(row) : -len(PALETTE)].strip() == "", line
            if pane == "text" and marker == "/ Search":
                assert "? Help" in row and "q Quit" in row  # help and quit stay at any width


async def test_the_footer_fits_again_after_a_resize() -> None:
    """120x40 shows the checking keys; at 80x24 they leave (help and quit stay); back, they return."""
    async with collection_app().run_test(size=(120, 40)) as pilot:
        await pilot.press("escape")  # past the list of files with errors
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        await until(pilot, lambda: "c Note ^s Save" in drawn(pilot.app)[-1])
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: "^s Save" not in drawn(pilot.app)[-1], what="the footer kept ^s Save")
        line = drawn(pilot.app)[-1].rstrip()
        assert line.endswith(PALETTE) and "? Help q Quit" in line and "r Rate" not in line, line
        await pilot.resize_terminal(120, 40)
        await until(pilot, lambda: "c Note ^s Save" in drawn(pilot.app)[-1], what="the keys did not return")


async def test_the_footer_is_built_again_only_when_its_keys_change(monkeypatch: pytest.MonkeyPatch) -> None:
    built, asked = [], []
    compose, recompose = KeyFooter.compose, KeyFooter.recompose

    def counted_compose(self: KeyFooter) -> ComposeResult:
        built.append(1)
        return compose(self)

    async def counted_recompose(self: KeyFooter) -> None:
        asked.append(1)
        await recompose(self)

    monkeypatch.setattr(KeyFooter, "compose", counted_compose)
    monkeypatch.setattr(KeyFooter, "recompose", counted_recompose)
    async with seed_app().run_test(size=(120, 40)) as pilot:
        screen = await reader_ready(pilot)
        await until(pilot, lambda: "/ Search" in drawn(pilot.app)[-1], what="no keys on the footer")
        built_before, asked_before = len(built), len(asked)
        keys = footer_keys(screen)
        for _ in range(3):  # the screen says its keys changed; they did not
            Screen.refresh_bindings(screen)
        await until(pilot, lambda: len(asked) >= asked_before + 3, what="the footer was not asked again")
        assert len(built) == built_before
        await pilot.press("3")  # the entities list: other keys
        await until(
            pilot, lambda: "/ Filter" in drawn(pilot.app)[-1], what="the footer did not follow the focus"
        )
        assert len(built) == built_before + 1
        # as many keys as before: each widget kept, showing its new key
        assert [id(key) for key in footer_keys(screen)] == [id(key) for key in keys]
        labels = [label.strip() for label in footer_labels(screen)]
        assert " ".join(labels[:-1]) in drawn(pilot.app)[-1] and labels[0] == "/ Filter", labels


def footer_keys(screen: Screen[Any]) -> list[FooterKey]:
    return screen.query_one(KeyFooter).shown_keys()


async def test_a_footer_asked_to_build_again_after_its_screen_went_does_nothing() -> None:
    async with seed_app().run_test(size=(120, 40)) as pilot:
        screen = await reader_ready(pilot)
        footer = screen.query_one(KeyFooter)
        await footer.remove()  # as when `O` opens another collection in the reader's place
        await footer.recompose()  # a rebuild it had scheduled
        assert not footer.is_attached


async def test_the_open_dialog_shows_its_own_keys_not_the_readers() -> None:
    async with seed_app().run_test(size=(120, 40)) as pilot:
        await reader_ready(pilot)
        await pilot.press("O")
        await until(
            pilot, lambda: "Open a file or folder" in "".join(drawn(pilot.app)), what="no open dialog"
        )

        def footer() -> str:
            return drawn(pilot.app)[-1]

        await until(pilot, lambda: "⏎ Open" in footer() and "esc Cancel" in footer(), what=footer())
        assert "Next claim" not in footer() and "Quit" not in footer(), footer()
        assert "tab Complete the name" in footer()


async def test_the_keys_a_widget_binds_are_merged_once_per_class_not_at_every_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """After each key the footer asks, for each of the reader's priority keys, whether a widget
    between the focus and the screen binds it; Textual merges a class's bindings again at each
    call (1,234 times for six keys). They are merged once per class (``bound_keys``), and say the
    same."""
    from textual.dom import DOMNode

    from briefing_tui.screens.reader_keys import bound_keys
    from briefing_tui.widgets.claim_list import ClaimList
    from briefing_tui.widgets.entity_list import EntityList

    merge = DOMNode._merge_bindings.__func__  # type: ignore[attr-defined]
    merged: list[type] = []

    def counted(cls: type[DOMNode]) -> object:
        merged.append(cls)
        return merge(cls)

    async with seed_app().run_test(size=(120, 40)) as pilot:
        await reader_ready(pilot)
        await pilot.press("3", "2")
        await pilot.pause()
        monkeypatch.setattr(DOMNode, "_merge_bindings", classmethod(counted))
        await pilot.press("3", "2", "3", "2", "right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert len(merged) < 20, len(merged)
    for kind in (EntityList, ClaimList, MainScreen):
        assert bound_keys(kind) == set(merge(kind).key_to_bindings)
