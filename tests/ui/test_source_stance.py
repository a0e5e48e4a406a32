"""A claim's source links say the stance of a source that contradicts the claim or gives context
(a source that supports it is the default, unmarked), in words; and a source reached from a claim
says, by each claim citing it, the stance that claim takes."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.support.checks import present
from tests.ui.reader_support import SEEDS, drawn, reader_ready, until

from briefing_tui.app import BriefingApp
from briefing_tui.files import load_paths
from briefing_tui.widgets.detail_pane import DetailLinks

SEED = "niger-us-withdrawal.yaml"


def contradicting_seed(folder: Path) -> BriefingApp:
    """The seed with C9's third source (S-campbell-trip, context) made to contradict it."""
    text = (SEEDS / SEED).read_text(encoding="utf-8")
    old = "{source: S-campbell-trip, stance: context}"
    assert old in text
    path = folder / SEED
    path.write_text(text.replace(old, "{source: S-campbell-trip, stance: contradicts}"), encoding="utf-8")
    return BriefingApp([path], collection=load_paths([path]))


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_source_links_and_citing_claims_say_the_stance(tmp_path: Path, size: tuple[int, int]) -> None:
    app = contradicting_seed(tmp_path)
    async with app.run_test(size=size) as pilot:
        screen = await reader_ready(pilot)
        nav = screen.state.nav
        screen.jump_to(nav.location_of(present(nav.claim("C9"))))
        await until(pilot, lambda: screen.detail == ("claim", "C9"))
        await pilot.press("2")
        links = screen.query_one(DetailLinks)
        await until(pilot, lambda: links.has_focus)
        rows = [links.get_option_at_index(i).prompt for i in range(links.option_count)]
        said = [str(row) for row in rows]
        assert "[contradicts]" not in said[0] and "[contradicts]" not in said[1]  # they support it
        assert "[contradicts]" in said[2]
        for _ in range(60):  # j down to the third source's link
            if links.highlighted == 2:
                break
            await pilot.press("j")
        await until(pilot, lambda: any("[contradicts]" in line for line in drawn(app)), what="not drawn")
        await pilot.press("s")
        await until(pilot, lambda: screen.detail == ("source", "S-campbell-trip"))
        citing = [links.get_option_at_index(i).prompt for i in range(links.option_count)]
        assert len(citing) == 1 and "[contradicts]" in str(citing[0])  # C9, and how it cites it


async def test_a_source_giving_context_says_so(tmp_path: Path) -> None:
    path = tmp_path / SEED
    path.write_text((SEEDS / SEED).read_text(encoding="utf-8"), encoding="utf-8")
    app = BriefingApp([path], collection=load_paths([path]))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await reader_ready(pilot)
        nav = screen.state.nav
        screen.jump_to(nav.location_of(present(nav.claim("C9"))))
        await until(pilot, lambda: screen.detail == ("claim", "C9"))
        links = screen.query_one(DetailLinks)
        said = [str(links.get_option_at_index(i).prompt) for i in range(links.option_count)]
        assert ["[context]" in row for row in said] == [False, False, True]
