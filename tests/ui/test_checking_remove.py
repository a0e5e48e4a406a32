"""``delete`` removes the row highlighted in a focused list of claims, entities or events, else what
the claim pane shows; ``M`` says why when what is shown has no mention; after a removal the claim
pane and the status line agree on the current claim."""

from __future__ import annotations

from pathlib import Path

from tests.support.checks import present
from tests.ui.checking_support import app_on, reader, said
from tests.ui.reader_support import drawn, until

from briefing_tui.model.types import Claim
from briefing_tui.screens.checking_dialogs import NoteDialog
from briefing_tui.screens.selection_bar import SelectionBar
from briefing_tui.widgets.claim_list import ClaimList
from briefing_tui.widgets.detail_pane import DetailLinks


async def test_delete_in_the_claims_list_removes_the_claim_highlighted_not_what_is_shown(seed: Path) -> None:
    async with app_on(seed).run_test(size=(120, 40)) as pilot:
        screen = reader(pilot)
        await pilot.press("3", "j", "j", "enter")  # an entity shown in the claim pane
        await until(pilot, lambda: screen.detail[0] == "entity", what="no entity shown")
        entity_id = screen.detail[1]
        await pilot.press("6", "j", "j")  # the claims list, a claim highlighted
        claims = screen.query_one(ClaimList)
        await until(pilot, lambda: claims.has_focus and claims.highlighted_annotation() is not None)
        highlighted = claims.highlighted_annotation()
        assert highlighted is not None and highlighted[0] == "claim"
        await pilot.press("delete")
        await until(pilot, lambda: screen.state.nav.claim(highlighted[1]) is None, what="the claim stayed")
        assert screen.state.nav.entity(entity_id) is not None  # what the pane showed is still there


async def test_m_on_a_source_says_it_has_no_mention(seed: Path) -> None:
    async with app_on(seed).run_test(size=(120, 40)) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "s")
        await until(pilot, lambda: screen.detail[0] == "source", what="no source shown")
        source_id = screen.detail[1]
        await pilot.press("M")
        await until(pilot, lambda: any(f"No mention of source {source_id} exists" in m for m in said(pilot)))


async def test_the_current_claim_is_shown_again_once_what_the_pane_showed_is_removed(seed: Path) -> None:
    async with app_on(seed).run_test(size=(120, 40)) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket")
        claim_id = screen.claim_id
        await pilot.press("3", "j", "j", "enter")  # an entity shown, the claim still current
        await until(pilot, lambda: screen.detail[0] == "entity", what="no entity shown")
        assert screen.claim_id == claim_id
        await pilot.press("delete")
        await until(
            pilot, lambda: screen.detail == ("claim", claim_id), what=f"the pane shows {screen.detail}"
        )
        assert screen.claim_id == claim_id


async def test_delete_on_a_source_link_detaches_that_source_from_the_claim(seed: Path) -> None:
    async with app_on(seed).run_test(size=(120, 40)) as pilot:
        screen = reader(pilot)
        for _ in screen.state.nav.claims:  # to a claim with two sources or more
            await pilot.press("right_square_bracket")
            claim = screen.state.current_claim()
            if claim is not None and len(claim.sources) > 1:
                break
        assert claim is not None
        links = screen.query_one(DetailLinks)
        await pilot.press("2")
        await until(pilot, lambda: links.has_focus and links.highlighted_reference() is not None)
        reference = links.highlighted_reference()
        assert reference is not None and reference[:2] == ("claim", claim.id)
        await pilot.press("delete")

        def after() -> Claim:
            return present(screen.state.nav.claim(claim.id))

        await until(pilot, lambda: [r.source for r in after().sources] != [r.source for r in claim.sources])
        assert [r.source for r in after().sources] == [
            r.source for r in claim.sources if r.source != reference[2]
        ]
        assert any(f"detach {reference[2]} from {claim.id}" in m for m in said(pilot))


async def test_v_from_the_claim_pane_at_80x24_brings_the_text_forward(seed: Path) -> None:
    async with app_on(seed).run_test(size=(80, 24)) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket", "2")  # the claim pane alone in front
        text_pane = screen.query_one("#text-pane")
        await until(pilot, lambda: screen.pane == "claim" and not text_pane.display)
        await pilot.press("v")
        await until(pilot, lambda: isinstance(pilot.app.screen, SelectionBar), what="no selection")
        await until(
            pilot, lambda: screen.pane == "text" and screen.text_view.display, what="text not in front"
        )
        await pilot.press("escape")


async def test_the_keys_of_choosing_a_passage_show_whole_at_80x24(seed: Path) -> None:
    async with app_on(seed).run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "v")
        await until(pilot, lambda: isinstance(pilot.app.screen, SelectionBar), what="no selection")
        await until(pilot, lambda: "esc Cancel" in drawn(pilot.app)[-1], what=drawn(pilot.app)[-1])
        footer = drawn(pilot.app)[-1]
        assert "w Word +" in footer and "c Claim" in footer and "t Entity…" in footer, footer
        await pilot.press("escape")


async def test_a_note_on_an_entity_names_it_in_the_dialogs_title(seed: Path) -> None:
    async with app_on(seed).run_test(size=(120, 40)) as pilot:
        screen = reader(pilot)
        await pilot.press("3", "j", "enter")  # an entity shown in the claim pane
        await until(pilot, lambda: screen.detail[0] == "entity", what="no entity shown")
        entity = screen.state.nav.entity(screen.detail[1])
        assert entity is not None
        await pilot.press("c")
        await until(pilot, lambda: isinstance(pilot.app.screen, NoteDialog), what="no note dialog")
        dialog = pilot.app.screen
        assert isinstance(dialog, NoteDialog)
        assert dialog.title_text == f"Note on entity {entity.id}: {entity.name}"
        await pilot.press("escape")
