"""The reader on a collection of outlines (a large folder): each document is read whole when opened."""

from __future__ import annotations

from pathlib import Path

from tests.ui.reader_support import COLLECTION, main_screen, results_settled, until

from briefing_tui.app import BriefingApp
from briefing_tui.model.outline import open_outlines
from briefing_tui.model.outlined import Outline
from briefing_tui.screens.errors import ErrorScreen, ErrorsText
from briefing_tui.screens.main import MainScreen
from briefing_tui.widgets.doc_header import DocHeader
from briefing_tui.widgets.document_list import DocumentList
from briefing_tui.widgets.hit_list import HitList
from briefing_tui.widgets.status_line import StatusLine

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


async def test_counts_agree_everywhere_when_a_listed_document_fails_as_it_is_opened(tmp_path: Path) -> None:
    for name in "acd":
        (tmp_path / f"{name}.yaml").write_text(
            f"id: {name}\ntitle: Doc {name}\nlanguage: en\ntext: Text {name}.\n", encoding="utf-8"
        )
    bad = tmp_path / "b.yaml"  # listed by its title; its claim's span lies outside its text
    bad.write_text("id: b\ntitle: Doc b\nlanguage: en\ntext: Beta.\nclaims:\n  - id: k\n    span: [0, 99]\n")
    (tmp_path / "e.yaml").write_text("", encoding="utf-8")
    (tmp_path / "f.yaml").write_text('id: f\ntitle: "open\n', encoding="utf-8")
    collection = open_outlines([tmp_path])
    async with BriefingApp([tmp_path], collection=collection).run_test(size=(120, 40)) as pilot:
        await pilot.press("escape")  # the view of the two files that failed as the folder was read
        screen = main_screen(pilot)
        header = screen.query_one(DocHeader)
        assert "document 1 of 4" in str(header.render())
        await pilot.press("5", "down", "enter")  # Doc b
        await until(pilot, lambda: isinstance(pilot.app.screen, ErrorScreen), what="no error view")
        shown = pilot.app.screen.query_one(ErrorsText).plain
        assert shown.startswith("3 files could not be opened")
        assert all(f"{name}.yaml" in shown for name in "bef")
        assert shown.index("b.yaml") < shown.index("e.yaml")  # the one just opened comes first
        await pilot.press("escape")
        await until(pilot, lambda: pilot.app.screen is screen, what="the error view stayed")
        listed = screen.query_one(DocumentList)
        assert [d.id for d in collection.documents] == ["a", "c", "d"] and screen.doc.id == "a"
        assert "document 1 of 3" in str(header.render())
        assert "3 files failed to load" in str(listed.get_option_at_index(listed.option_count - 1).prompt)
        assert pilot.app.focused is listed
        highlighted = listed.highlighted_option
        assert highlighted is not None and highlighted.id == "doc:c"  # where Doc b was
        assert "Doc b could not be opened" in screen.query_one(StatusLine).plain
        await pilot.press("e")
        errors = pilot.app.screen
        assert isinstance(errors, ErrorScreen)
        assert errors.query_one(ErrorsText).plain.startswith("3 files could not be opened")
