"""The file changed on disk and the same annotation changed here: the side-by-side choice offers to
save the session's version elsewhere (the file on disk left as it is); a file that cannot be
written offers the same."""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from tests.ui.checking_support import SEED, SIZE, reader, said
from tests.ui.reader_support import drawn, until
from textual.pilot import Pilot

from briefing_tui.app import BriefingApp
from briefing_tui.files import load_paths
from briefing_tui.model import load_document
from briefing_tui.model.types import Rating
from briefing_tui.screens.checking_dialogs import ConflictDialog
from briefing_tui.screens.line_dialogs import PathDialog
from briefing_tui.screens.main import MainScreen
from briefing_tui.widgets.safe_input import FormInput


async def conflict_on_c11(pilot: Pilot[Any], seed: Path) -> MainScreen:
    """Mine: C11 without its verdict; the file's: C11 rated misleading."""
    screen = reader(pilot)
    screen.live_reload.stop()  # the test tells the change itself, once, as the live reload would
    await pilot.press("right_square_bracket", "R")
    theirs = seed.read_text(encoding="utf-8").replace("rating: opinion", "rating: misleading", 1)
    seed.write_text(theirs, "utf-8")
    assert screen.editing.file_changed(seed)
    await until(pilot, lambda: isinstance(pilot.app.screen, ConflictDialog), what="the conflict shown")
    return screen


async def test_e_in_the_conflict_saves_my_version_elsewhere_and_leaves_the_file(seed: Path) -> None:
    async with BriefingApp([seed], collection=load_paths([seed])).run_test(size=SIZE) as pilot:
        screen = await conflict_on_c11(pilot, seed)
        on_disk = seed.read_bytes()
        await pilot.press("e")
        await until(pilot, lambda: isinstance(pilot.app.screen, PathDialog), what="where to save")
        assert isinstance(pilot.app.screen, PathDialog)
        assert "stays as it is on disk" in pilot.app.screen.title_text
        elsewhere = seed.with_name("mine.yaml")
        pilot.app.screen.query_one(FormInput).value = str(elsewhere)
        await pilot.press("enter")
        await until(pilot, elsewhere.exists, what="saved elsewhere")
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        assert seed.read_bytes() == on_disk  # nothing written over the file's version
        mine = load_document(elsewhere).claim("C11")
        assert mine is not None and mine.verdict is None
        session = screen.checking.sessions[elsewhere]
        assert not session.modified and not session.pending_conflicts()
        assert seed not in screen.checking.sessions
    theirs = load_document(seed).claim("C11")
    assert theirs is not None and theirs.verdict is not None and theirs.verdict.rating is Rating.MISLEADING


async def test_save_elsewhere_offers_a_new_name_and_refuses_an_existing_file(seed: Path) -> None:
    taken = seed.with_name("niger-us-withdrawal.mine.yaml")
    taken.write_text("taken\n", "utf-8")
    async with BriefingApp([seed], collection=load_paths([seed])).run_test(size=(80, 24)) as pilot:
        await conflict_on_c11(pilot, seed)
        on_disk = seed.read_bytes()
        await pilot.press("e")
        await until(pilot, lambda: isinstance(pilot.app.screen, PathDialog), what="where to save")
        field = pilot.app.screen.query_one(FormInput)
        offered = seed.with_name("niger-us-withdrawal.mine-2.yaml")  # .mine.yaml is taken
        assert field.value == str(offered) and not offered.exists()
        for existing, reason in ((seed, "stays as it is"), (taken, "already exists")):
            field.value = str(existing)
            await pilot.press("enter")
            await until(pilot, partial(shows, pilot, reason), what=f"refused: {reason}")
            assert isinstance(pilot.app.screen, PathDialog)  # still asking, nothing written
        assert seed.read_bytes() == on_disk
        assert taken.read_text("utf-8") == "taken\n"
        field.value = str(offered)
        await pilot.press("enter")
        await until(pilot, offered.exists, what="saved under the name offered")
    assert seed.read_bytes() == on_disk


def shows(pilot: Pilot[Any], words: str) -> bool:
    return any(words in line for line in drawn(pilot.app))


async def conflict_by_save(pilot: Pilot[Any], seed: Path) -> MainScreen:
    """Mine: C11 without its verdict; the file's, found by ctrl+s: C11 rated misleading."""
    screen = reader(pilot)
    screen.live_reload.stop()  # the save finds the change, not the live reload
    await pilot.press("right_square_bracket", "R")
    seed.write_text(seed.read_text("utf-8").replace("rating: opinion", "rating: misleading", 1), "utf-8")
    await pilot.press("ctrl+s")
    await until(pilot, lambda: isinstance(pilot.app.screen, ConflictDialog), what="the conflict shown")
    return screen


@pytest.mark.parametrize("asked_again", [False, True], ids=["first", "after-escape"])
async def test_m_in_a_conflict_opened_by_ctrl_s_saves(seed: Path, asked_again: bool) -> None:
    async with BriefingApp([seed], collection=load_paths([seed])).run_test(size=SIZE) as pilot:
        screen = await conflict_by_save(pilot, seed)
        if asked_again:
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
            await pilot.press("ctrl+s")
            await until(pilot, lambda: isinstance(pilot.app.screen, ConflictDialog), what="asked again")
        await pilot.press("m")
        await until(pilot, lambda: not screen.checking.modified, what="saved")
        assert said(pilot)[-1] == "Saved niger-us-withdrawal.yaml"
    claim = load_document(seed).claim("C11")
    assert claim is not None and claim.verdict is None


async def test_m_in_a_conflict_seen_by_the_live_reload_settles_it_and_says_ctrl_s_saves(seed: Path) -> None:
    async with BriefingApp([seed], collection=load_paths([seed])).run_test(size=SIZE) as pilot:
        screen = await conflict_on_c11(pilot, seed)
        await pilot.press("m")
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        assert not screen.checking.sessions[seed].pending_conflicts() and screen.checking.modified
        assert "ctrl+s saves" in said(pilot)[-1]


async def test_escape_from_save_elsewhere_leaves_the_conflict_open(seed: Path) -> None:
    async with BriefingApp([seed], collection=load_paths([seed])).run_test(size=SIZE) as pilot:
        screen = await conflict_on_c11(pilot, seed)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(pilot.app.screen, PathDialog), what="where to save")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        assert screen.checking.sessions[seed].pending_conflicts()
        await pilot.press("ctrl+s")  # asks again
        await until(pilot, lambda: isinstance(pilot.app.screen, ConflictDialog), what="asked again")


async def test_a_save_elsewhere_that_fails_keeps_the_conflict(seed: Path) -> None:
    async with BriefingApp([seed], collection=load_paths([seed])).run_test(size=SIZE) as pilot:
        screen = await conflict_on_c11(pilot, seed)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(pilot.app.screen, PathDialog), what="where to save")
        pilot.app.screen.query_one(FormInput).value = str(seed.parent / "no-such-folder" / "x.yaml")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen), 15, "the error said")
        assert screen.checking.sessions[seed].pending_conflicts() and screen.checking.modified


async def test_a_file_made_read_only_meanwhile_offers_to_save_elsewhere(
    seed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with BriefingApp([seed], collection=load_paths([seed])).run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket", "R")
        seed.chmod(0o444)
        if os.geteuid() == 0:  # root may write a read-only file: the mode is read as a person's would be
            real = os.access
            monkeypatch.setattr(os, "access", lambda path, mode: path != seed and real(path, mode))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(pilot.app.screen, PathDialog), what="where to save")
        assert isinstance(pilot.app.screen, PathDialog)
        assert "cannot be written where it was" in pilot.app.screen.title_text
        elsewhere = seed.with_name("writable.yaml")
        pilot.app.screen.query_one(FormInput).value = str(elsewhere)
        await pilot.press("enter")
        await until(pilot, elsewhere.exists, what="saved elsewhere")
    assert seed.read_bytes() == SEED.read_bytes()
    claim = load_document(elsewhere).claim("C11")
    assert claim is not None and claim.verdict is None


async def test_a_conflict_found_twice_is_asked_once(seed: Path) -> None:
    async with BriefingApp([seed], collection=load_paths([seed])).run_test(size=SIZE) as pilot:
        screen = await conflict_on_c11(pilot, seed)
        assert screen.editing.file_changed(seed)  # the live reload's poll and a save find it again
        screen.checking.save()
        await pilot.press("m")
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen), what="one dialog only")
        assert not screen.checking.sessions[seed].pending_conflicts()


@pytest.mark.parametrize("choice", ["elsewhere", "here"])
async def test_a_file_deleted_under_the_reader_offers_to_save_elsewhere(seed: Path, choice: str) -> None:
    from textual.widgets import OptionList

    from briefing_tui.screens.checking_dialogs import ChoiceDialog

    async with BriefingApp([seed], collection=load_paths([seed])).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        screen.live_reload.stop()  # the test tells the change itself, once
        await pilot.press("right_square_bracket", "R")
        seed.unlink()
        assert screen.editing.file_changed(seed)  # as the live reload tells it
        await until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="the offer")
        assert isinstance(pilot.app.screen, ChoiceDialog)
        assert "was deleted; your edits are kept" in pilot.app.screen.title_text
        await until(pilot, lambda: bool(pilot.app.screen.query(OptionList)), what="the choices drawn")
        choices = pilot.app.screen.query_one(OptionList)
        ids = [choices.get_option_at_index(i).id for i in range(choices.option_count)]
        assert ids == ["elsewhere", "here", "later"]
        while choices.highlighted != ids.index(choice):
            await pilot.press("down")
        await pilot.press("enter")
        written = seed
        if choice == "elsewhere":
            await until(pilot, lambda: isinstance(pilot.app.screen, PathDialog), what="where to save")
            written = seed.with_name("elsewhere.yaml")
            pilot.app.screen.query_one(FormInput).value = str(written)
            await pilot.press("enter")
        await until(pilot, written.exists, what="saved")
        await until(pilot, lambda: not screen.checking.modified, what="nothing left unsaved")
    claim = load_document(written).claim("C11")
    assert claim is not None and claim.verdict is None
