"""One rule for the keys in every pane: q quits, s goes to the source, j/k move, g/G go to the ends;
a list's filter starts with / and ends with enter or escape; help opens with ?, h or F1."""

from __future__ import annotations

import pytest
from tests.ui.reader_support import collection_app, main_screen, seed_app, until

from briefing_tui.model.places import PassagePlace, Place, SourcePlace, SpeakerPlace
from briefing_tui.screens.help import HelpScreen
from briefing_tui.screens.main import MainScreen
from briefing_tui.screens.reader_keys import typed_key
from briefing_tui.widgets.claim_list import ClaimList
from briefing_tui.widgets.entity_list import EntityList
from briefing_tui.widgets.timeline_list import TimelineList

SIZES = [(120, 40), (80, 24)]
LISTS = [("3", EntityList), ("4", TimelineList), ("6", ClaimList)]


SOURCE_PLACES = (PassagePlace, SpeakerPlace, SourcePlace)


def source_id(place: Place | None) -> str:
    """The source a place of a claim's source stands for (the place must be one)."""
    assert isinstance(place, SOURCE_PLACES), place
    return place.source_id


def footer_keys(screen: MainScreen) -> set[str]:
    return set(screen.active_bindings)


@pytest.mark.parametrize(("key", "kind"), LISTS, ids=["entities", "timeline", "claims"])
async def test_q_quits_from_every_list(key: str, kind: type) -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(key)
        await until(pilot, lambda: isinstance(app.focused, kind))
        await pilot.press("q")
        await until(pilot, lambda: app.return_code is not None)
    assert app.return_code == 0


@pytest.mark.parametrize(("key", "kind"), LISTS, ids=["entities", "timeline", "claims"])
async def test_the_keys_reach_every_row_of_a_long_list_through_its_window(
    key: str, kind: type[EntityList | TimelineList | ClaimList], monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_tui.widgets import claim_list, entity_list, timeline_list

    for module in (entity_list, claim_list, timeline_list):
        monkeypatch.setattr(module, "LIMIT", 2)  # rows at once (per type of entity): the seed has more
    async with seed_app().run_test(size=(120, 40)) as pilot:
        screen = main_screen(pilot)
        await pilot.press(key)
        listing = screen.query_one(kind)
        await until(pilot, lambda: listing.has_focus)
        nav = screen.state.nav
        if kind is EntityList:  # type after type
            order = [e.id for members in nav.entities_by_type().values() for e in members]
        else:
            order = [item.id for item in (nav.claims if kind is ClaimList else nav.timeline())]

        def highlighted() -> str | None:
            option = listing.highlighted_option
            return None if option is None else option.id

        def rows() -> list[str]:
            return [option.id for option in listing._options if option.id is not None]

        await pilot.press("G")  # the last of them all, not the window's last row
        assert highlighted() == order[-1] and rows()[-2:] == order[-2:]
        await until(pilot, lambda: listing.scroll_y == listing.max_scroll_y, what="the end is not shown")
        await pilot.press("g")
        assert highlighted() == order[0] and rows()[:2] == order[:2]
        await until(pilot, lambda: listing.scroll_y == 0, what="the top is not shown")  # its heading
        for step in range(1, 7):  # past the window's last row: the window moves, the highlight goes on
            await pilot.press("j")
            assert highlighted() == order[step]
        for step in range(5, -1, -1):
            await pilot.press("k")
            assert highlighted() == order[step]
        for _ in order:  # page after page, to the end
            if highlighted() == order[-1]:
                break
            await pilot.press("pagedown")
        assert highlighted() == order[-1]
        for _ in order:
            if highlighted() == order[0]:
                break
            await pilot.press("pageup")
            assert highlighted() is not None  # a page ending on a heading keeps a row highlighted
        assert highlighted() == order[0]


async def test_ctrl_q_quits_while_a_filter_is_typed() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "slash", "q")
        entities = app.screen.query_one(EntityList)
        assert entities.filter_text == "q" and app.is_running
        await pilot.press("ctrl+q")
        await until(pilot, lambda: app.return_code is not None)


@pytest.mark.parametrize(("key", "kind"), LISTS, ids=["entities", "timeline", "claims"])
async def test_a_list_filters_only_after_slash_and_letters_keep_their_meaning(
    key: str, kind: type[EntityList | TimelineList | ClaimList]
) -> None:
    async with seed_app().run_test(size=(120, 40)) as pilot:
        screen = main_screen(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", key)  # C3 has sources
        listing = screen.query_one(kind)
        await until(pilot, lambda: listing.has_focus)
        first = listing.highlighted
        await pilot.press("j")
        assert listing.highlighted != first and listing.filter_text == ""
        await pilot.press("k")
        assert listing.highlighted == first
        await pilot.press("G")
        last = listing.highlighted
        await pilot.press("g")
        assert listing.highlighted != last
        await pilot.press("slash", *"ni")
        assert listing.typing and listing.filter_text == "ni"
        assert not any(typed_key(k) for k in footer_keys(screen))  # only keys that work while typing
        assert {"enter", "escape"} <= footer_keys(screen)
        await pilot.press("enter")
        assert not listing.typing and listing.filter_text == "ni"
        assert "q" in footer_keys(screen)
        await pilot.press("slash", "escape")
        assert listing.filter_text == "" and not listing.typing
        await pilot.press("s")  # the source of the current claim, from any pane
        assert screen.detail[0] in ("source", "passage")


async def test_the_search_input_footer_shows_no_typing_keys() -> None:
    async with seed_app().run_test(size=(120, 40)) as pilot:
        screen = main_screen(pilot)
        assert "q" in footer_keys(screen) and "s" in footer_keys(screen)
        await pilot.press("slash")
        await until(pilot, lambda: screen.text_pane.bar.input.has_focus)
        assert not any(typed_key(k) for k in footer_keys(screen))


@pytest.mark.parametrize("opener", ["question_mark", "h", "f1"])
@pytest.mark.parametrize("closer", ["question_mark", "escape", "q"])
async def test_help_opens_and_closes(opener: str, closer: str) -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(opener)
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press(closer)
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        assert app.is_running and app.return_code is None


@pytest.mark.parametrize("shown", ["help", "errors"])
async def test_help_and_the_errors_scroll_with_the_texts_keys(shown: str) -> None:
    from textual.containers import VerticalScroll

    from briefing_tui.screens.errors import ErrorScreen

    app = seed_app() if shown == "help" else collection_app()  # one of its files fails
    kind = HelpScreen if shown == "help" else ErrorScreen
    async with app.run_test(size=(80, 24) if shown == "help" else (40, 8)) as pilot:
        if shown == "help":
            await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, kind), what=f"no {shown} screen")
        body = app.screen.query_one(f"#{shown}-body", VerticalScroll)
        await until(pilot, lambda: body.max_scroll_y > body.size.height, what=f"the {shown} fit")
        await pilot.press("j")
        await until(pilot, lambda: body.scroll_y == 1)
        await pilot.press("space")  # a page
        await until(pilot, lambda: body.scroll_y > 1 + body.size.height // 2)
        paged = body.scroll_y
        await pilot.press("b")
        await until(pilot, lambda: body.scroll_y < paged)
        await pilot.press("G")
        await until(pilot, lambda: body.scroll_y == body.max_scroll_y)
        await pilot.press("g")
        await until(pilot, lambda: body.scroll_y == 0)
        assert isinstance(app.screen, kind)  # none of them closes it


@pytest.mark.parametrize("size", SIZES, ids=["120x40", "80x24"])
async def test_s_cycles_through_every_source_wherever_it_is_and_S_goes_back(size: tuple[int, int]) -> None:
    async with collection_app().run_test(size=size) as pilot:
        await pilot.press("escape")  # past the list of files with errors
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        screen = main_screen(pilot)
        assert screen.doc.title == "Talks in Niamey"
        await pilot.press("right_square_bracket")
        assert screen.claim_id == "K1"
        seen = []
        for _ in range(4):
            await pilot.press("s")
            seen.append(screen.state.last)
        kinds = [type(p) for p in seen]
        assert kinds == [PassagePlace, SpeakerPlace, SourcePlace, PassagePlace]
        assert [source_id(p) for p in seen] == [
            "S-statement",
            "S-speaker",
            "S-web",
            "S-statement",
        ]
        assert screen.doc.id == "statement"
        await pilot.press("S")
        assert source_id(screen.state.last) == "S-web" and screen.doc.id == "main"
        await pilot.press("S")
        assert source_id(screen.state.last) == "S-speaker"


async def test_help_has_one_section_per_pane_each_key_once_and_the_verdicts() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        groups = help_screen._groups
        for section in ("Everywhere", "Text pane", "Claim pane", "Claims list", "Entities pane",
                        "Timeline pane", "Every list"):  # fmt: skip
            assert section in groups, section
        for section, rows in groups.items():
            keys = [k for k, _ in rows]
            assert len(keys) == len(set(keys)), f"a key twice in {section}: {keys}"
        everywhere = dict(groups["Everywhere"])
        assert everywhere["q / ^q"] == "Quit" and everywhere["? / h / f1"] == "Help"
        assert "S" in everywhere and "y" in everywhere and "O" in everywhere
        said = [d for rows in groups.values() for _, d in rows]
        assert said.count("Quit") == 1 and said.count("Help") == 1
        for section in ("Entities pane", "Timeline pane", "Claims list"):  # one document: no documents pane
            assert [k for k, _ in groups[section]] == ["⏎"]  # the keys every list has are listed once
        text = help_screen.text.plain
        assert "✔supported" in text and "⌛outdated" in text and "❝opinion" in text


SAVES = {"Save": "save", "Done": "save", "Save and quit": "save"}
"""ctrl+s saves what is being done: the reader's edits, a dialog's form, the edits as one quits."""


def test_a_control_key_means_one_thing_wherever_it_is_bound() -> None:
    """A control key reaches the screen from a text input as from a list: it must mean the same there
    (ctrl+r was Redo in the reader and Regex in the search bar; Redo is now U)."""
    import importlib
    import inspect
    import pkgutil

    from textual.binding import Binding
    from textual.dom import DOMNode

    import briefing_tui.screens
    import briefing_tui.widgets

    meanings: dict[str, set[str]] = {}
    for package in (briefing_tui.screens, briefing_tui.widgets):
        for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            module = importlib.import_module(info.name)
            for _name, cls in inspect.getmembers(module, inspect.isclass):
                if cls.__module__ != module.__name__ or not issubclass(cls, DOMNode):
                    continue
                for binding in cls.__dict__.get("BINDINGS", []):
                    binding = binding if isinstance(binding, Binding) else Binding(*binding)
                    for key in binding.key.split(","):
                        if key.strip().startswith("ctrl+"):
                            said = binding.description or binding.action
                            meanings.setdefault(key.strip(), set()).add(SAVES.get(said, said))
    assert "ctrl+r" in meanings and "ctrl+s" in meanings  # the walk found the app's bindings
    assert {key: said for key, said in meanings.items() if len(said) > 1} == {}
