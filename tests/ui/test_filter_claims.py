"""``]`` / ``[`` with the ``&`` filter on: they step through the claims in the paragraphs shown, and
any other move to a place the filter hides shows every paragraph again, saying so."""

from __future__ import annotations

from tests.ui.reader_support import (
    collection_app,
    drawn,
    main_screen,
    reader_settled,
    search_settled,
    seed_app,
    until,
)

from briefing_tui.model.places import ClaimPlace

SIZE = (80, 24)


async def filter_on(pilot, word: str) -> None:
    await reader_settled(pilot)
    await pilot.press("slash", *word, "enter")
    await search_settled(pilot)
    await pilot.press("ampersand")
    bar = main_screen(pilot).text_pane.bar
    await until(pilot, lambda: "& filter" in bar.status_text, what="& did not turn the filter on")


def shown(main, offset: int) -> bool:
    """Whether the paragraph holding ``offset`` holds a match (what the filter shows)."""
    text = main.text_pane.text
    start, end = text.rfind("\n", 0, offset) + 1, text.find("\n", offset)
    end = end if end >= 0 else len(text)
    return any(start <= s <= end for s, _ in main.search_matches)


def status(pilot) -> str:
    return main_screen(pilot).status_line._text.plain


async def test_next_claim_steps_through_the_claims_the_filter_shows() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        await filter_on(pilot, "campbell")
        main = main_screen(pilot)
        search = main.text_pane.search
        in_filter = [c for c in main.state.nav.claims if shown(main, c.span.start)]
        assert len(in_filter) == 2 and len(main.state.nav.claims) > 2  # C8 and C9, of 15
        keys = ("right_square_bracket",) * 3 + ("left_square_bracket",)
        for key, claim in zip(keys, in_filter + in_filter, strict=True):
            await pilot.press(key)
            await step_shown(pilot, claim)
            assert search.state.filter  # still on


async def step_shown(pilot, claim) -> None:
    """Wait until ``claim`` is current, said with the filter's count, and drawn in view."""
    main = main_screen(pilot)
    await until(pilot, lambda: main.claim_id == claim.id, what=f"not at {claim.id} but {main.claim_id}")
    said = f"claim {main.state.nav.claims.index(claim) + 1} of 15 "
    await until(pilot, lambda: said in status(pilot) and "(2 shown by the filter)" in status(pilot),
                what=f"the status line says {status(pilot)!r}")  # fmt: skip
    top, bottom = main.text_view.visible_range()
    assert top <= claim.span.start < bottom
    await until(pilot, lambda: any("┃" in line for line in drawn(pilot.app)), what="no current claim drawn")


async def test_no_claim_in_the_filter_says_so() -> None:
    async with collection_app().run_test(size=SIZE) as pilot:
        await pilot.press("escape")  # the error view of its broken file
        await filter_on(pilot, "Talks")  # the title only: no claim starts in it
        main = main_screen(pilot)
        search, bar = main.text_pane.search, main.text_pane.bar
        assert main.state.nav.claims and not any(shown(main, c.span.start) for c in main.state.nav.claims)
        await pilot.press("right_square_bracket")
        await until(
            pilot, lambda: "no claim in the paragraphs shown" in bar.status_text, what=bar.status_text
        )
        assert main.claim_id is None and search.state.filter


async def test_going_to_a_hidden_claim_turns_the_filter_off() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        await filter_on(pilot, "campbell")
        main = main_screen(pilot)
        search, view = main.text_pane.search, main.text_view
        hidden = next(c for c in main.state.nav.claims if not shown(main, c.span.start))
        main.jump_to(ClaimPlace(main.state.doc.id, hidden.id))
        bar = main.text_pane.bar
        await until(pilot, lambda: not search.state.filter, what="the filter stayed on")
        assert "& filter off" in bar.status_text
        top, bottom = view.visible_range()
        assert top <= hidden.span.start < bottom  # the claim is in view


async def test_with_the_filter_on_the_bar_says_only_the_toggles_that_are_on() -> None:
    async with seed_app().run_test(size=(120, 40)) as pilot:
        await filter_on(pilot, "niamey")
        bar = main_screen(pilot).text_pane.bar
        assert "^T exact" not in bar.status_text and "^R regex" not in bar.status_text, bar.status_text
        bar.flags["word"] = True  # one on: said, the others still left out
        bar._render_status()
        assert "^G word" in bar.status_text and "^R regex" not in bar.status_text
