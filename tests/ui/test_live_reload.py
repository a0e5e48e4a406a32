"""Live reload in the reader: change, broken change, deletion, restore; the reader's place is kept."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.support.checks import present
from tests.ui.reader_support import main_screen, until
from textual.pilot import Pilot

from briefing_tui import live_reload
from briefing_tui.app import BriefingApp
from briefing_tui.files import load_paths
from briefing_tui.screens.main import MainScreen

SEED = Path(__file__).resolve().parents[2] / "seeds" / "niger-us-withdrawal.yaml"
TITLE_LINE = "  Les enjeux du retrait des troupes américaines du Niger : vers une nouvelle ère de coopération"
INSERT = "  Une phrase ajoutée au début, pour déplacer tout le reste.\n"


@pytest.fixture
def seed_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(live_reload, "POLL_INTERVAL", 0.05)
    monkeypatch.setattr(live_reload, "SETTLE", 0.05)
    path = tmp_path / "niger.yaml"
    shutil.copy(SEED, path)
    return path


def _app(path: Path) -> BriefingApp:
    return BriefingApp([path], collection=load_paths([path]))


async def _until(pilot: Pilot, condition: Callable[[], object]) -> None:
    await until(pilot, condition, what="the reader did not react to the change on disk in time")


def _insert_after_title(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith(TITLE_LINE))
    lines.insert(index + 1, INSERT)
    path.write_text("".join(lines), encoding="utf-8")


async def test_a_changed_file_is_reloaded_on_the_same_claim_and_the_same_text_at_the_top(
    seed_copy: Path,
) -> None:
    app = _app(seed_copy)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = main_screen(pilot)
        assert isinstance(screen, MainScreen)
        for _ in range(8):
            await pilot.press("right_square_bracket")
        await _until(pilot, lambda: screen.claim_id is not None and screen.text_view.top_offset > 0)
        entity = screen.doc.entities[0].id
        screen.select_entity(entity)
        claim, old_doc = screen.claim_id, screen.doc
        top = screen.text_view.top_offset
        assert claim is not None and top > 0
        _insert_after_title(seed_copy)
        added = len(INSERT) - 2  # the block scalar drops the two-space indent
        await _until(pilot, lambda: screen.doc is not old_doc and screen.text_view.top_offset == top + added)
        assert INSERT.strip() in screen.doc.text
        assert screen.claim_id == claim
        assert screen.text_view.top_offset == top + added
        assert screen.doc.text[top + added : top + added + 40] == old_doc.text[top : top + 40]
        assert screen.entity_id == entity
        assert not present(app.collection).failed


async def test_a_broken_change_keeps_the_last_good_version_and_shows_the_errors(seed_copy: Path) -> None:
    app = _app(seed_copy)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = main_screen(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")
        good, claim = screen.doc, screen.claim_id
        seed_copy.write_text("format: 1\nid: [unclosed\n", encoding="utf-8")
        await _until(pilot, lambda: str(seed_copy) in present(app.collection).failed)
        assert screen.doc is good and screen.claim_id == claim is not None
        problems = present(app.collection).failed[str(seed_copy)]
        assert problems and all(p.line >= 1 for p in problems)
        assert screen.check_action("errors", ()) is True
        await pilot.press("e")
        assert type(app.screen).__name__ == "ErrorScreen"


async def test_a_deleted_file_keeps_the_last_version_with_a_notice_then_comes_back(seed_copy: Path) -> None:
    app = _app(seed_copy)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = main_screen(pilot)
        await pilot.press("right_square_bracket")
        good, claim = screen.doc, screen.claim_id
        original = seed_copy.read_bytes()
        seed_copy.unlink()
        await _until(pilot, lambda: str(seed_copy) in present(app.collection).failed)
        assert screen.doc is good and screen.claim_id == claim is not None
        notice = present(app.collection).failed[str(seed_copy)][0]
        assert "deleted" in notice.message
        # restore: the file is read again, the notice goes away, the place stays
        seed_copy.write_bytes(original)
        await _until(pilot, lambda: not present(app.collection).failed)
        assert screen.doc is not good and screen.doc.text == good.text
        assert screen.claim_id == claim


async def test_a_broken_file_fixed_on_disk_is_reloaded(seed_copy: Path) -> None:
    app = _app(seed_copy)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = main_screen(pilot)
        original = seed_copy.read_text(encoding="utf-8")
        good = screen.doc
        seed_copy.write_text(original.replace("format: 1", "format: [", 1), encoding="utf-8")
        await _until(pilot, lambda: bool(present(app.collection).failed))
        assert screen.doc is good
        seed_copy.write_text(original.replace("Les enjeux", "Les vrais enjeux", 1), encoding="utf-8")
        await _until(pilot, lambda: not present(app.collection).failed and screen.doc is not good)
        assert screen.doc.title.startswith("Les vrais enjeux")


async def test_a_file_that_failed_at_start_joins_the_collection_once_fixed(
    seed_copy: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "second.yaml"
    broken.write_text("format: 1\nid: [broken\n", encoding="utf-8")
    app = BriefingApp([tmp_path], collection=load_paths([tmp_path]))
    async with app.run_test(size=(120, 36)) as pilot:
        assert [Path(p).name for p in present(app.collection).failed] == ["second.yaml"]
        assert len(present(app.collection).documents) == 1
        await pilot.press("escape")  # from the error view back to the reader
        await _until(pilot, lambda: isinstance(app.screen, MainScreen))
        text = "format: 1\nid: second\ntitle: Second\nlanguage: en\ntext: A second document.\n"
        broken.write_text(text, encoding="utf-8")
        await _until(pilot, lambda: len(present(app.collection).documents) == 2)
        assert not present(app.collection).failed
        assert present(app.collection).document("second") is not None
        main = next(s for s in app.screen_stack if isinstance(s, MainScreen))
        assert main.query_one("#documents-pane").display
