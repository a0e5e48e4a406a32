"""The reader on a document whose claims are a table (a large file's, ``model.claim_table``) shows
and does what it does on the same document with its claims as a list: the same screens after the
same keys, at both sizes."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.support.read_apart import ReadApart
from tests.ui.reader_support import drawn, reader_settled, until

from briefing_tui.app import BriefingApp
from briefing_tui.model import claim_table, loader, pieces, split_load
from briefing_tui.model.claim_table import ClaimsInOrder, ClaimTable
from briefing_tui.model.split_load import claims_part
from briefing_tui.model.types import Collection
from briefing_tui.resources import seeds_dir
from briefing_tui.widgets import claim_list, text_pane

SEED = seeds_dir() / "niger-us-withdrawal.yaml"

KEYS = [
    ["right_square_bracket"] * 3,  # the third claim: its mark, its detail
    ["6"],  # the claims list, the current claim marked in it
    ["slash", *"etats"],  # the list filtered
    ["escape", "6", "s"],  # the claim's first source, and the claims that cite it
    ["escape"],  # back to the claim
    ["3", "enter"],  # an entity chosen: its claims lit and listed
    ["1", "G", "left_square_bracket", "left_square_bracket"],  # the text's end, the claims before it
]


def _app(table: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BriefingApp:
    tmp_path.mkdir()
    path = tmp_path / "seed.yaml"
    path.write_bytes(SEED.read_bytes())
    if table:
        with monkeypatch.context() as patch:  # the seed's claims in pieces, blocks and groups of two
            patch.setattr(pieces, "GROUP_ITEMS", 2)
            patch.setattr(split_load, "HERE", 0.34)
            patch.setattr(split_load, "GROUP", 2)
            patch.setattr(claim_table, "BLOCK", 2)
            data = path.read_bytes()
            doc = loader.load_document(path, ReadApart(path, data, claims_part(data, "seed.yaml", path)))
        assert isinstance(doc.claims, ClaimTable)
    else:
        doc = loader.load_document(path)
        assert isinstance(doc.claims, list)
    return BriefingApp([path], collection=Collection([doc]))


async def _screens(app: BriefingApp, size: tuple[int, int]) -> list[list[str]]:
    seen = []
    async with app.run_test(size=size) as pilot:
        screen = await reader_settled(pilot)
        assert isinstance(screen.state.nav.claims, ClaimsInOrder) is isinstance(screen.doc.claims, ClaimTable)
        for keys in KEYS:
            await pilot.press(*keys)
            await reader_settled(pilot)
            seen.append(drawn(pilot.app))
    return seen


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_same_keys_show_the_same_screens(
    size: tuple[int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(text_pane, "MARKS_AT_ONCE", 0)  # the marks indexed as a large text's are
    as_list = await _screens(_app(False, tmp_path / "list", monkeypatch), size)
    as_table = await _screens(_app(True, tmp_path / "table", monkeypatch), size)
    for keys, listed, tabled in zip(KEYS, as_list, as_table, strict=True):
        assert tabled == listed, keys
    for before, after, keys in zip(as_table, as_table[1:], KEYS[1:], strict=False):
        assert before != after, keys  # each key changed the screen


async def test_the_filter_of_the_claims_list_makes_only_the_claims_it_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list's haystacks are made ahead, a slice at a time while it waits for keys, from the
    table's rows without keeping a claim; the filter then makes only the claims it lists."""
    monkeypatch.setattr(claim_list, "HAYSTACKS_AT_ONCE", 2)  # the seed's 15 claims in eight slices
    app = _app(True, tmp_path / "table", monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await reader_settled(pilot)
        table = screen.doc.claims
        assert isinstance(table, ClaimTable)
        made = {i for i in range(len(table)) if table.made(i) is not None}
        await pilot.press("6")
        listing = screen.query_one(claim_list.ClaimList)
        await until(pilot, lambda: listing._ahead == len(table), what="the haystacks were not made")
        assert all(len(folded) == len(table) for folded in listing._made.values())
        assert {i for i in range(len(table)) if table.made(i) is not None} == made  # none kept
        await pilot.press("slash", *"etats")
        await reader_settled(pilot)
        shown = {o.id for o in listing._options if o.id}
        assert 0 < len(shown) < len(table)
        now = {i for i in range(len(table)) if table.made(i) is not None}
        assert now - made == {table.index_of(ident) for ident in shown} - made
