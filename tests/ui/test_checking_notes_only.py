"""``briefing --notes-only``: the file is never written; ratings, notes and marks go to the sidecar
beside it at ``ctrl+s``, and are shown again at the next open, with or without the flag."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tests.support.checks import present
from tests.ui.checking_support import BASE, SEED, SIZE, rate, reader
from tests.ui.reader_support import until
from textual.notifications import Notification

from briefing_tui.app import BriefingApp
from briefing_tui.cli import main
from briefing_tui.edit import ops
from briefing_tui.edit.session import Session
from briefing_tui.edit.sidecar import sidecar_items, sidecar_path
from briefing_tui.files import load_paths
from briefing_tui.model.places import TextPlace
from briefing_tui.model.types import Rating
from briefing_tui.screens.main import MainScreen
from briefing_tui.screens.selection_bar import SelectionBar
from briefing_tui.widgets.detail_pane import DetailPane


def app_on(path: Path, *, notes_only: bool = False) -> BriefingApp:
    return BriefingApp([path], collection=load_paths([path]), notes_only=notes_only)


def said(app: Any) -> list[str]:
    notices: list[Notification] = list(app._notifications)
    return [n.message for n in notices]


async def test_notes_only_rates_into_the_sidecar_and_the_rating_shows_at_the_next_open(seed: Path) -> None:
    async with app_on(seed, notes_only=True).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        notice = f"Notes only: {seed.name} is not changed; your notes go to {seed.name}.notes.jsonld"
        await until(pilot, lambda: notice in said(pilot.app), what="the mode said")
        await pilot.press("right_square_bracket")
        await rate(pilot, Rating.MISLEADING, "Not what the text says")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not screen.checking.modified, what="saved")
        assert said(pilot.app).count(notice) == 1  # once, not again at the first edit
    assert seed.read_bytes() == SEED.read_bytes()
    items = {item["id"]: item for item in sidecar_items(seed)}
    assert set(items) == {f"{BASE}:rating:claim:C11"}
    assert [b["value"] for b in items[f"{BASE}:rating:claim:C11"]["body"]] == [
        "misleading",
        "Not what the text says",
    ]

    # opened again without the flag: the rating is the person's layer, shown before any key
    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        claim = lambda: present(screen.state.nav.claim("C11"))  # noqa: E731
        await until(pilot, lambda: present(claim().verdict).rating is Rating.MISLEADING, what="the layer")
        await pilot.press("right_square_bracket")
        assert screen.claim_id == "C11"
        await until(pilot, lambda: "misleading" in screen.query_one(DetailPane).body_text)
        assert not screen.checking.modified  # what the sidecar holds is saved, not an edit
        await pilot.press("x", "ctrl+s")  # the notes stay beside the file: it is still not written
        await until(pilot, lambda: not screen.checking.modified, what="saved again")
    assert seed.read_bytes() == SEED.read_bytes()
    assert {item["id"] for item in sidecar_items(seed)} == {
        f"{BASE}:rating:claim:C11",
        f"{BASE}:verified:claim:C11",
    }


async def test_a_document_opened_later_shows_the_notes_kept_beside_it(tmp_path: Path) -> None:
    shutil.copyfile(SEED, tmp_path / "a-first.yaml")
    other = tmp_path / "b-other.yaml"
    text = SEED.read_text(encoding="utf-8").replace("\nid: niger-us-withdrawal\n", "\nid: other\n", 1)
    other.write_text(text, encoding="utf-8")
    kept = Session.open(other, notes_only=True)
    kept.apply(ops.rate_claim(kept.doc, "C11", Rating.MISLEADING, "Kept beside"))
    kept.save()
    async with BriefingApp([tmp_path], collection=load_paths([tmp_path])).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        assert screen.doc.id == "niger-us-withdrawal"
        assert present(screen.state.nav.claim("C11")).verdict != present(kept.doc.claim("C11")).verdict
        screen.jump_to(TextPlace("other", 0, 0))
        claim = lambda: present(screen.state.nav.claim("C11"))  # noqa: E731
        await until(pilot, lambda: present(claim().verdict).rating is Rating.MISLEADING, what="the layer")
        notice = f"Notes only: {other.name} is not changed; your notes go to {other.name}.notes.jsonld"
        await until(pilot, lambda: notice in said(pilot.app), what="the mode said")
        assert not screen.checking.modified
    assert other.read_text(encoding="utf-8") == text


async def test_without_the_flag_a_writable_file_is_written_and_no_mode_is_said(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket", "x", "ctrl+s")
        await until(pilot, lambda: not screen.checking.modified, what="saved")
        assert not any(m.startswith("Notes only") for m in said(pilot.app))
    assert seed.read_bytes() != SEED.read_bytes()
    assert not sidecar_path(seed).exists()


def test_the_command_line_takes_notes_only_and_says_so_in_its_help(
    seed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    made: list[bool] = []
    monkeypatch.setattr(BriefingApp, "run", lambda self, *a, **k: made.append(self.notes_only))
    assert main(["--notes-only", str(seed)]) == 0
    assert main([str(seed)]) == 0
    assert made == [True, False]
    assert main(["--help"]) == 0
    assert "--notes-only" in capsys.readouterr().out
    assert main(["open", "--help"]) == 0
    assert "--notes-only" in capsys.readouterr().out


def test_the_reader_looks_for_the_sidecar_without_importing_the_editing_core() -> None:
    code = (
        "import sys\n"
        "import briefing_tui.screens.main\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('briefing_tui.edit.'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "briefing_tui.edit.sidecar_name"


def refusals(app: Any) -> list[str]:
    return [m for m in said(app) if m.startswith("Not here: this file is kept as it is")]


async def test_keys_whose_edits_only_the_file_can_hold_are_refused_before_any_dialog(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8").replace("  - id: C12\n", "  - id: C12\n    draft: true\n", 1)
    seed.write_text(text, encoding="utf-8")
    async with app_on(seed, notes_only=True).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket", "a")  # attach a source: refused at the key
        await until(pilot, lambda: len(refusals(pilot.app)) == 1, what="a refused")
        assert isinstance(pilot.app.screen, MainScreen)
        await pilot.press("D")  # on to the draft: all its drafts reviewed at once, refused at the key
        await until(pilot, lambda: screen.state.annotated() == ("claim", "C12"), what="the draft")
        await pilot.press("T")
        await until(pilot, lambda: len(refusals(pilot.app)) == 2, what="T refused")
        assert isinstance(pilot.app.screen, MainScreen)
        await pilot.press("v")  # a passage: only a bookmark can be made of it
        await until(pilot, lambda: isinstance(pilot.app.screen, SelectionBar), what="the bar")
        bar = pilot.app.screen
        assert bar.check_action("make", ("claim",)) is False and bar.check_action("make", ("bookmark",))
        assert any(m.endswith("(B bookmarks the passage chosen)") for m in refusals(pilot.app))
        await pilot.press("B")
        await until(pilot, lambda: pilot.app.screen is not bar, what="on to the label")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen), what="closed")
        assert not screen.checking.modified
