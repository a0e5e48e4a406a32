"""The reader on a collection of outlines (a large folder): each document is read whole when opened."""

from __future__ import annotations

from pathlib import Path

from tests.ui.reader_support import COLLECTION, main_screen, results_settled

from briefing_tui.app import BriefingApp
from briefing_tui.model.outline import open_outlines
from briefing_tui.model.outlined import Outline
from briefing_tui.screens.errors import ErrorScreen, ErrorsText
from briefing_tui.screens.main import MainScreen
from briefing_tui.widgets.hit_list import HitList

SIZE = (120, 36)


async def test_a_document_is_read_whole_when_opened_from_the_list_or_a_source() -> None:
    collection = open_outlines([COLLECTION])
    app = BriefingApp([COLLECTION], collection=collection)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")  # c-broken's error view
        screen = main_screen(pilot)
        assert isinstance(screen, MainScreen) and screen.doc.id == "main"
        assert "statement" in collection.outlines
        await pilot.press("right_square_bracket", "s")  # K1's first source: a passage of "statement"
        assert screen.doc.id == "statement" and "statement" not in collection.outlines
        assert screen.state.span is not None
        assert screen.doc.text[slice(*screen.state.span)] == "orderly and responsible withdrawal"
        await pilot.press("ctrl+o")
        assert screen.doc.id == "main" and screen.claim_id == "K1"


async def test_a_document_that_fails_when_opened_shows_its_errors_and_stays_out(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("id: a\ntitle: Alpha\nlanguage: en\ntext: Alpha.\n", encoding="utf-8")
    bad = tmp_path / "b.yaml"
    bad.write_text("id: b\ntitle: Beta\nlanguage: en\ntext: Beta.\nclaims:\n  - id: k\n    span: [0, 99]\n")
    collection = open_outlines([tmp_path])
    async with BriefingApp([tmp_path], collection=collection).run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        assert isinstance(screen, MainScreen)
        await pilot.press("5", "down", "enter")
        errors = pilot.app.screen
        assert isinstance(errors, ErrorScreen)
        assert "b.yaml:7:" in errors.query_one(ErrorsText).plain
        await pilot.press("escape")
        assert pilot.app.screen is screen and screen.doc.id == "a"
        assert [d.id for d in collection.documents] == ["a"] and str(bad) in collection.failed


async def test_searching_every_document_reads_the_texts_of_those_listed(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("id: a\ntitle: Alpha\nlanguage: en\ntext: Alpha.\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "id: b\ntitle: Beta\nlanguage: en\ntext: |-\n  First line.\n  The withdrawal, in Beta.\n",
        encoding="utf-8",
    )
    collection = open_outlines([tmp_path])
    listed = collection.document("b")
    assert isinstance(listed, Outline) and not listed.text_read
    async with BriefingApp([tmp_path], collection=collection).run_test(size=SIZE) as pilot:
        await pilot.press("F")
        for char in "withdrawal":
            await pilot.press(char)
        results = await results_settled(pilot)
        hits = results.query_one(HitList).hits
        assert [(h.document.id, h.line, h.column) for h in hits] == [("b", 2, 5)]
        assert "withdrawal" in results.query_one(HitList).line_text(0).plain
        assert listed.text_read and "b" in collection.outlines  # read for its text, not opened
