"""A "Go to …" palette of a large document: the first ``MOST`` items when nothing is typed, the best
``MOST`` hits of a search (scored as the fuzzy match and the folded filter score them), a table's
claims made from its rows and not kept."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.ui.reader_support import palette_settled, reader_settled, run_palette_command, until
from tests.ui.test_claim_table_reader import _app
from textual.command import CommandList, CommandPalette
from textual.fuzzy import Matcher

from briefing_tui import palette
from briefing_tui.display import sanitize
from briefing_tui.model.claim_table import ClaimTable
from briefing_tui.search.filter import text_filter
from briefing_tui.widgets.labels import rating_label


def offered(app: object, ids: bool = True) -> list[str]:
    """The ids of the claims the open palette offers, in its order (or its rows, not ``ids``)."""
    commands = app.screen.query_one(CommandList)  # type: ignore[attr-defined]
    rows = [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]
    return [row.split()[1] for row in rows] if ids else rows


def _offering(app: object, expected: list[str]) -> Callable[[], bool]:
    """Whether the open palette offers the claims ``expected``, in their order, and no other (or, for
    none, says that nothing matches)."""
    if not expected:
        return lambda: "No matches" in " ".join(offered(app, ids=False))
    return lambda: offered(app) == expected


def best(nav: object, typed: str, most: int) -> list[str]:
    """The ``most`` best claims for ``typed``, every claim scored: the fuzzy match, else 0.5 when the
    folded filter holds it; the higher first; among equals, one holding ``typed`` as a whole word
    (an id typed whole), then the earlier in the text."""
    matcher, accept = Matcher(typed), text_filter(typed)
    scored = []
    for place, claim in enumerate(nav.claims):  # type: ignore[attr-defined]
        glyph, label, _ = rating_label(claim)
        said = claim.gloss or nav.doc.text[claim.span.start : claim.span.end]  # type: ignore[attr-defined]
        shown = sanitize(f"{glyph} {claim.id} ({label}): {said}")
        score = matcher.match(shown) or (0.5 if accept(shown) else 0)
        if score > 0:
            word = re.search(rf"(?<![\w]){re.escape(typed.lower())}(?![\w])", shown.lower())
            scored.append((-score, word is None, place, claim.id))
    return [ident for *_order, ident in sorted(scored)[:most]]


async def test_go_to_claim_offers_the_first_claims_then_the_best_hits_without_keeping_a_claim(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(palette, "MOST", 4)  # of the seed's 15 claims
    monkeypatch.setattr(palette, "AT_ONCE", 3)  # made and searched three at a time
    app = _app(True, tmp_path / "table", monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await reader_settled(pilot)
        table, nav = screen.doc.claims, screen.state.nav
        assert isinstance(table, ClaimTable)
        await run_palette_command(pilot, "Go to claim")
        await palette_settled(pilot)
        assert offered(app) == [claim.id for claim in nav.claims[:4]]  # the first ones, in the text's order
        made = {i for i in range(len(table)) if table.made(i) is not None}
        for typed in ("c1", "C1", "c12", "etats", "C", "talks", "zzzz"):
            await pilot.press(*typed)
            expected = best(nav, typed, 4)
            if expected:
                await palette_settled(pilot)
            await until(pilot, _offering(app, expected), what=typed)
            await pilot.press(*["backspace"] * len(typed))
            await palette_settled(pilot)
        assert {i for i in range(len(table)) if table.made(i) is not None} == made  # no claim kept
        await pilot.press(*"talks")
        await palette_settled(pilot)
        chosen = offered(app)[0]
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, CommandPalette), what="the palette stayed open")
        assert screen.claim_id == chosen
