"""The reader counts things in English: "1 claim", "1 mention", "1 file", never "1 claims" or "claim(s)"."""

from __future__ import annotations

from pathlib import Path

from tests.support.looks import PlainLooks
from tests.ui.reader_support import COLLECTION

from briefing_tui.app import BriefingApp
from briefing_tui.files import load_paths
from briefing_tui.model import Problem, Severity
from briefing_tui.model.navigation import Navigator
from briefing_tui.reload import Outcome, ReloadResult
from briefing_tui.screens.errors import error_lines, plain_text
from briefing_tui.widgets.detail_pane import DetailPane
from briefing_tui.widgets.detail_text import entity_text, source_text
from briefing_tui.widgets.document_list import DocumentList

ONE_CLAIM = """format: 1
id: one
title: One claim
language: en
text: The talks ended.
claims:
  - id: c1
    span: {quote: The talks ended.}
"""


def _nav() -> Navigator:
    collection = load_paths([COLLECTION])
    doc = collection.document("main")
    assert doc is not None
    return Navigator(doc, collection)


def test_a_source_cited_once_and_an_entity_named_once_are_counted_in_the_singular() -> None:
    nav = _nav()
    source = nav.source("S-statement")
    assert source is not None and len(nav.citing_claims(source.id)) == 1
    shown = source_text(nav, source, None, PlainLooks()).plain
    assert "Cited by 1 claim" in shown and "(s)" not in shown and "1 claims" not in shown
    person = nav.entity("fitzgibbon")
    assert person is not None and len(nav.mentions(person.id)) == 1
    assert "1 mention " in entity_text(nav, person, PlainLooks()).plain
    place = nav.entity("niamey")
    assert place is not None and "2 mentions " in entity_text(nav, place, PlainLooks()).plain


def test_the_error_view_and_reload_notices_agree_with_their_counts() -> None:
    problem = Problem("x.yaml", 1, 1, Severity.WARNING, "w")
    assert plain_text(error_lines({"x.yaml": [problem]}, True, PlainLooks())).startswith(
        "1 file could not be opened"
    )
    two = {"x.yaml": [problem], "y.yaml": [problem]}
    assert plain_text(error_lines(two, True, PlainLooks())).startswith("2 files could not be opened")
    reloaded = ReloadResult(Path("x.yaml"), Outcome.RELOADED, problems=[problem])
    assert reloaded.notice == "changed on disk, read again (1 warning)"
    error = Problem("x.yaml", 1, 1, Severity.ERROR, "e")
    broken = ReloadResult(Path("x.yaml"), Outcome.BROKEN, problems=[error])
    assert broken.notice.startswith("the new version has 1 error:")


async def test_one_claim_and_one_failed_file_are_said_in_the_singular(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(ONE_CLAIM, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("format: 1\nid: [broken\n", encoding="utf-8")
    app = BriefingApp([tmp_path], collection=load_paths([tmp_path]))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("escape")  # the error view opens first: back to the document
        await pilot.wait_for_scheduled_animations()
        screen = app.screen
        assert screen.query_one(DetailPane).body_text.startswith("1 claim. Press ]")
        prompts = [str(option.prompt) for option in screen.query_one(DocumentList).options]
        assert "  1 file failed to load: press e" in prompts
