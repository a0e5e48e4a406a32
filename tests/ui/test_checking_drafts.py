"""Reviewing every draft of one type at once (``T``): a choice that says how many, one edit that
``u`` undoes, and what is left said afterwards."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from tests.ui.checking_support import SEED, SIZE, reader, said
from tests.ui.reader_support import until
from textual.pilot import Pilot
from textual.widgets import OptionList

from briefing_tui.app import BriefingApp
from briefing_tui.files import load_paths
from briefing_tui.model import load_document
from briefing_tui.screens.checking_dialogs import ChoiceDialog
from briefing_tui.screens.main import MainScreen

CLAIMS = ("C12", "C13", "C14")


@pytest.fixture
def drafted(tmp_path: Path) -> Path:
    """The seed with three drafted claims and one drafted entity, as ``briefing annotate`` drafts."""
    path = tmp_path / SEED.name
    shutil.copyfile(SEED, path)
    text = path.read_text(encoding="utf-8")
    for ident in CLAIMS:
        text = text.replace(f"  - id: {ident}\n", f"  - id: {ident}\n    draft: true\n", 1)
    first_entity = load_document(path).entities[0].id
    text = text.replace(f"  - id: {first_entity}\n", f"  - id: {first_entity}\n    draft: true\n", 1)
    path.write_text(text, encoding="utf-8")
    return path


def claim_drafts(screen: MainScreen) -> list[str]:
    return [c.id for c in screen.state.nav.claims if c.draft]


async def on_a_claim_draft(pilot: Pilot[Any]) -> MainScreen:
    screen = reader(pilot)
    while screen.state.annotated() is None or screen.state.annotated()[0] != "claim":  # type: ignore[index]
        await pilot.press("D")
    return screen


async def choose_all(pilot: Pilot[Any], option: str) -> ChoiceDialog:
    await pilot.press("T")
    await until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="the choice")
    dialog = pilot.app.screen
    assert isinstance(dialog, ChoiceDialog)
    await until(pilot, lambda: bool(dialog.query(OptionList)), what="the choices drawn")
    choices = dialog.query_one(OptionList)
    ids = [choices.get_option_at_index(i).id for i in range(choices.option_count)]
    while choices.highlighted != ids.index(option):
        await pilot.press("down")
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
    return dialog


async def test_T_accepts_every_claim_draft_after_saying_how_many_and_says_what_is_left(drafted: Path) -> None:
    async with BriefingApp([drafted], collection=load_paths([drafted])).run_test(size=SIZE) as pilot:
        screen = await on_a_claim_draft(pilot)
        assert sorted(claim_drafts(screen)) == list(CLAIMS)
        dialog = await choose_all(pilot, "accept")
        assert "All 3 drafted claims" in dialog.title_text
        assert claim_drafts(screen) == []
        assert all(screen.state.nav.claim(i) is not None for i in CLAIMS)  # accepted: they stay
        assert any("1 draft left: 1 entity" in m for m in said(pilot))
        await pilot.press("u")  # one edit: the three are drafts again
        assert sorted(claim_drafts(screen)) == list(CLAIMS)
        await pilot.press("U", "ctrl+s")
        saved = lambda: drafted.read_text(encoding="utf-8").count("draft: true") == 1  # noqa: E731
        await until(pilot, saved, what="saved")
    doc = load_document(drafted)
    assert [c.id for c in doc.claims if c.draft] == [] and sum(e.draft for e in doc.entities) == 1


async def test_T_rejects_every_claim_draft_and_leaves_the_entity_draft(drafted: Path) -> None:
    async with BriefingApp([drafted], collection=load_paths([drafted])).run_test(size=SIZE) as pilot:
        screen = await on_a_claim_draft(pilot)
        claims = len(screen.state.nav.claims)
        await choose_all(pilot, "reject")
        assert all(screen.state.nav.claim(i) is None for i in CLAIMS)
        assert len(screen.state.nav.claims) == claims - 3
        assert sum(e.draft for e in screen.state.nav.doc.entities) == 1


async def test_T_cancelled_changes_nothing_and_off_a_draft_is_disabled(drafted: Path) -> None:
    async with BriefingApp([drafted], collection=load_paths([drafted])).run_test(size=SIZE) as pilot:
        screen = await on_a_claim_draft(pilot)
        await choose_all(pilot, "cancel")
        assert sorted(claim_drafts(screen)) == list(CLAIMS)
        assert screen.check_action("check", ("review_draft", None)) is True
        await pilot.press("right_square_bracket")  # C11: not a draft
        while screen.state.current_claim().draft:  # type: ignore[union-attr]
            await pilot.press("right_square_bracket")
        assert screen.check_action("check", ("review_draft", None)) is None


async def test_T_is_in_help_and_in_the_palette_under_the_same_name(drafted: Path) -> None:
    from briefing_tui.palette import ReaderCommands
    from briefing_tui.screens.help import HelpScreen

    async with BriefingApp([drafted], collection=load_paths([drafted])).run_test(size=SIZE) as pilot:
        screen = await on_a_claim_draft(pilot)
        helps = {title: help for title, _, help in ReaderCommands(screen).commands(screen)}
        assert helps["All drafts of this type"] == "key: T"
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen), what="help")
        lines = pilot.app.screen.text.plain.splitlines()  # type: ignore[attr-defined]
        assert any(line.split() == ["T", "All", "drafts", "of", "this", "type"] for line in lines)


async def test_drafts_of_a_file_that_is_not_a_briefing_say_how_to_review_them(drafted: Path) -> None:
    collection = load_paths([drafted])
    article = drafted.with_suffix(".txt")  # as an article opened directly, drafted and shown unsaved
    article.write_text(collection.documents[0].text, encoding="utf-8")
    collection.documents[0].path = article
    async with BriefingApp([article], collection=collection).run_test(size=SIZE) as pilot:
        await pilot.press("D")
        await until(pilot, lambda: any("Draft " in m for m in said(pilot)), what="D said nothing")
        notice = next(m for m in said(pilot) if "Draft " in m)
        assert "A accepts" not in notice and "A, X and T cannot act here" in notice, notice
        assert "briefing annotate FILE -o OUT.yaml" in notice
        await pilot.press("A")
        await until(pilot, lambda: any("this file is not a briefing" in m for m in said(pilot)[1:]))
        assert not any("read-only, or notes only" in m for m in said(pilot))
