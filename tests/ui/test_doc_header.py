"""The head of the text pane says when the document appeared; an interval means it carries no date."""

from __future__ import annotations

import pytest
from tests.ui.reader_support import seed_app, until

from briefing_tui.model.doc_meta import published_text
from briefing_tui.widgets.doc_header import DocHeader


@pytest.mark.parametrize(
    ("published", "shown"),
    [
        (None, "undated"),
        ("2024-04-25", "25 Apr 2024"),
        ("2023-07", "July 2023"),
        ("2024-04-24/2024-05-19", "undated, between 24 Apr 2024 and 19 May 2024"),
        ("2024-04-24/..", "undated, on or after 24 Apr 2024"),
        ("2024-04-24/", "undated, on or after 24 Apr 2024"),
        ("../2024-05-19", "undated, on or before 19 May 2024"),
        ("/2024-05", "undated, on or before May 2024"),
        ("soon \x1b[2J", "soon ␛[2J"),  # not EDTF: as written, made safe
    ],
)
def test_published_is_said_in_words(published: str | None, shown: str) -> None:
    assert published_text(published) == shown


async def test_the_seed_is_shown_undated_between_the_two_statements() -> None:
    async with seed_app().run_test(size=(80, 24)) as pilot:
        header = pilot.app.screen.query_one(DocHeader)
        await until(pilot, lambda: "undated" in str(header.visual))
        meta = str(header.visual).split("\n")[1]
        assert meta == "undated, between 24 Apr 2024 and 19 May 2024 · fr"
