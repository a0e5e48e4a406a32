"""Drafted annotations (`draft: true`) are shown apart: dimmed, and labelled "draft" in the lists
and in the claim pane; a reviewed annotation looks as before."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from tests.ui.reader_support import reader_ready, until

from briefing_tui.app import BriefingApp
from briefing_tui.files import load_paths
from briefing_tui.widgets.claim_list import ClaimList
from briefing_tui.widgets.detail_pane import DetailPane
from briefing_tui.widgets.entity_list import EntityList
from briefing_tui.widgets.rows import Row
from briefing_tui.widgets.timeline_list import TimelineList

SIZE = (120, 40)
DRAFTED = Path(__file__).resolve().parents[1] / "fixtures" / "reader" / "drafted.yaml"


def rows(widget) -> dict[str, object]:  # noqa: ANN001
    return {o.id: o.prompt for o in widget._options if o.id}


def plain(prompt: object) -> str:
    return getattr(prompt, "plain", str(prompt))


def dimmed(prompt: object, word: str) -> bool:
    """Whether ``word`` in the prompt is drawn dim (the stylesheet's annotation--draft)."""
    text = prompt.cells[1][0] if isinstance(prompt, Row) else prompt  # a Row's text column
    assert isinstance(text, Text)
    at = text.plain.index(word)
    return any(s.style.dim for s in text.spans if s.start <= at < s.end and not isinstance(s.style, str))


async def test_drafts_are_dimmed_and_labelled_in_the_lists_and_the_claim_pane() -> None:
    app = BriefingApp([DRAFTED], collection=load_paths([DRAFTED]))
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader_ready(pilot)
        listed = screen.query_one(EntityList)
        await until(pilot, lambda: "etats-unis" in rows(listed), what="the entities were not listed")
        entities = rows(listed)
        assert plain(entities["etats-unis"]).strip() == "États-Unis draft×2"  # Row.plain: cells joined
        assert "draft" not in plain(entities["niger"])  # reviewed: as before
        assert dimmed(entities["etats-unis"], "États-Unis") and not dimmed(entities["niger"], "Niger")
        events = rows(screen.query_one(TimelineList))
        assert "draft" in plain(events["event-1"])
        await pilot.press("]")  # the first claim
        pane = screen.query_one(DetailPane)
        await pilot.wait_for_scheduled_animations()
        assert pane.body_text.startswith("draft: drafted by briefing annotate, not yet reviewed")
        assert "Claim 1 of 1" in pane.body_text
        await pilot.press("6")
        claims = rows(screen.query_one(ClaimList))
        assert "draft claim-1" in plain(claims["claim-1"])
        assert dimmed(claims["claim-1"], "claim-1")
