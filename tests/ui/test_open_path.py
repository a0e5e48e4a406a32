"""O opens another file or folder from inside the reader, its path completed from the file system."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from tests.support.seed_copies import SEED, seed_copies
from tests.ui.reader_support import COLLECTION, SEEDS, drawn, main_screen, seed_app, until
from tests.unit.search.cache_support import settle
from textual.pilot import Pilot
from textual.widgets import Input

from briefing_tui.screens.main import MainScreen
from briefing_tui.screens.open_path import OpenPathScreen, candidates, complete_path
from briefing_tui.search.fold_cache import cache_folder
from briefing_tui.widgets.status_line import StatusLine


def test_a_path_is_completed_from_its_folder(tmp_path) -> None:
    (tmp_path / "briefings").mkdir()
    (tmp_path / "brief.yaml").write_text("x")
    (tmp_path / ".hidden").write_text("x")
    assert complete_path(f"{tmp_path}/brief.") == f"{tmp_path}/brief.yaml"
    assert complete_path(f"{tmp_path}/briefi") == f"{tmp_path}/briefings/"
    assert complete_path(f"{tmp_path}/b") == f"{tmp_path}/brief"  # what both names share, as a shell does
    assert complete_path(f"{tmp_path}/brief") is None  # two ways on: listed below the path
    assert candidates(f"{tmp_path}/brief") == ["brief.yaml", "briefings/"]
    assert complete_path(f"{tmp_path}/.h") == f"{tmp_path}/.hidden"
    assert complete_path(f"{tmp_path}/zzz") is None
    assert complete_path(f"{tmp_path}/nofolder/x") is None


async def type_in_open(pilot: Pilot, path: str) -> None:
    """``O``, then ``path`` in its field."""
    await pilot.press("O")
    await until(pilot, lambda: isinstance(pilot.app.screen, OpenPathScreen))
    pilot.app.screen.query_one("#open-input", Input).value = path


async def test_O_opens_another_file_with_tab_completion(tmp_path) -> None:
    shutil.copy(COLLECTION / "a-main.yaml", tmp_path / "a-main.yaml")
    shutil.copy(COLLECTION / "b-statement.yaml", tmp_path / "b-statement.yaml")
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await type_in_open(pilot, f"{tmp_path}/a-m")
        await until(
            pilot, lambda: app.screen.query_one("#open-input", Input)._suggestion.endswith("a-main.yaml")
        )
        await pilot.press("tab", "enter")
        await until(pilot, lambda: isinstance(app.screen, MainScreen) and app.screen._panes_ready)
        assert main_screen(pilot).doc.title == "Talks in Niamey"
        await until(pilot, lambda: "Opened" in app.screen.query_one(StatusLine).plain)  # its sibling too


async def test_O_on_something_that_is_no_briefing_says_so_and_stays(tmp_path) -> None:
    bad = tmp_path / "notes.yaml"
    bad.write_text("just: [a, list\n")
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        reader = main_screen(pilot)
        await pilot.press("O")
        await until(pilot, lambda: isinstance(app.screen, OpenPathScreen))
        app.screen.query_one("#open-input", Input).value = str(bad)
        await pilot.press("enter")
        line = reader.query_one(StatusLine)
        await until(pilot, lambda: "Nothing opened" in line.plain, what=line.plain)
        assert app.screen is reader and reader.doc.title
        assert str(SEEDS)  # the seed is still shown


async def test_a_file_name_suggested_is_drawn_through_the_display_boundary(tmp_path, monkeypatch) -> None:
    name = "evil\x1b[31m\nname.yaml"  # a file name may hold ESC and a new line
    shutil.copy(COLLECTION / "a-main.yaml", tmp_path / name)
    monkeypatch.chdir(tmp_path)  # a short path: the whole name fits in the field
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("O")
        await until(pilot, lambda: isinstance(app.screen, OpenPathScreen))
        field = app.screen.query_one("#open-input", Input)
        field.value = "ev"
        await until(pilot, lambda: field._suggestion.endswith("name.yaml"), what="no suggestion")
        drawn = "".join(segment.text for segment in field.render_line(0))
        assert "evil␛[31m␊name.yaml" in drawn and "\x1b" not in drawn and "\n" not in drawn
        await pilot.press("tab")  # accepted: the name itself, not its stand-ins
        assert field.value == name
        drawn = "".join(segment.text for segment in field.render_line(0))
        assert "evil␛[31m␊name.yaml" in drawn and "\x1b" not in drawn and "\n" not in drawn
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MainScreen) and app.screen._panes_ready)
        assert main_screen(pilot).doc.title == "Talks in Niamey"


async def test_several_names_going_on_from_the_path_are_listed_below_it(tmp_path) -> None:
    (tmp_path / "many").mkdir()
    (tmp_path / "mix").mkdir()
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await type_in_open(pilot, f"{tmp_path}/m")
        await until(
            pilot, lambda: any("many/ mix/" in line for line in drawn(app)), what="the choices not listed"
        )
        app.screen.query_one("#open-input", Input).value = f"{tmp_path}/mi"
        await until(
            pilot, lambda: any("tab completes" in line for line in drawn(app)), what="the help not back"
        )


def _copies(folder: Path, count: int) -> list[str]:
    """``count`` copies of the seed in ``folder``, written a minute ago (settled: the cache keeps
    them); their ids."""
    folder.mkdir()
    for path in seed_copies(folder, count):
        settle(path, 60)
    seed_id = re.search(r"^id: (.*)$", SEED, flags=re.M).group(1)  # type: ignore[union-attr]
    return [f"c{i}-{seed_id}" for i in range(count)]


@pytest.mark.parametrize("cached", [True, False])
async def test_O_on_a_folder_lists_its_files_each_read_whole_when_opened(tmp_path, cached: bool) -> None:
    """As at start: a folder of a thousand briefings is listed by their titles, not read whole."""
    ids = _copies(tmp_path / "folder", 3)
    app = seed_app()
    app.cached = cached  # as ``briefing --no-cache`` starts it when False
    async with app.run_test(size=(120, 40)) as pilot:
        await type_in_open(pilot, str(tmp_path / "folder"))
        await pilot.press("enter")
        await until(
            pilot,
            lambda: isinstance(app.screen, MainScreen) and app.screen.collection.documents[0].id == ids[0],
        )
        collection = main_screen(pilot).collection
        assert [d.id for d in collection.documents] == ids
        assert set(collection.outlines) == set(ids[1:])  # listed, not read: the first is the one shown
        assert main_screen(pilot).doc.title == "Copie 00"
        kept = [p for p in cache_folder().glob("*") if p.is_file()] if cache_folder().exists() else []
        assert bool(kept) is cached  # the outlines kept for the next time, unless --no-cache
