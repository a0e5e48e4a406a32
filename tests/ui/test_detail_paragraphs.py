"""The claim pane keeps the line breaks of what is written in paragraphs (a note, an explanation),
and still shows every other control character as a stand-in."""

from __future__ import annotations

from tests.ui.reader_support import SEEDS, drawn, reader_ready, until

from briefing_tui.app import BriefingApp
from briefing_tui.files import load_paths


async def test_a_note_of_two_lines_is_shown_on_two_lines() -> None:
    collection = load_paths([SEEDS])
    doc = collection.documents[0]
    claim = min((c for c in doc.claims if c.span.anchored), key=lambda c: c.span.start)  # what ] reaches
    claim.note = "first line of the note\nsecond line \x1b[31m of it"
    async with BriefingApp([SEEDS], collection=collection).run_test(size=(120, 40)) as pilot:
        screen = await reader_ready(pilot)
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: screen.claim_id == claim.id)
        await until(pilot, lambda: any("first line of the note" in row for row in drawn(pilot.app)))
        rows = drawn(pilot.app)
        at = next(i for i, row in enumerate(rows) if "first line of the note" in row)
        assert "␊" not in rows[at] and "second line ␛[31m of it" in rows[at + 1], rows[at : at + 2]


async def test_a_claim_unverified_as_a_whole_says_so_not_its_mark() -> None:
    collection = load_paths([SEEDS])
    doc = collection.documents[0]
    claim = min((c for c in doc.claims if c.span.anchored), key=lambda c: c.span.start)  # what ] reaches
    claim.unverified = ["*"]
    async with BriefingApp([SEEDS], collection=collection).run_test(size=(120, 40)) as pilot:
        await reader_ready(pilot)
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: any("unverified as a whole" in row for row in drawn(pilot.app)))
        assert not any("unverified: *" in row for row in drawn(pilot.app))
