"""The claims list (key 6): every claim in text order, filtered as you type, enter goes to the claim."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from tests.support.checks import present
from tests.ui.reader_support import (
    SEEDS,
    collection_app,
    main_screen,
    reader_ready,
    run_palette_command,
    seed_app,
    until,
)

from briefing_tui.app import BriefingApp
from briefing_tui.files import load_paths
from briefing_tui.model.places import ClaimPlace, TextPlace
from briefing_tui.search.filter import text_filter
from briefing_tui.widgets.claim_list import ClaimList
from briefing_tui.widgets.detail_pane import DetailPane

SIZE = (120, 40)
HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "reader" / "hostile.yaml"


def listed(widget: ClaimList) -> list[str]:
    return [o.id for o in widget._options if o.id]


def rows(widget: ClaimList) -> list[str]:
    return [o.prompt.plain for o in widget._options if o.id]  # type: ignore[union-attr]


async def test_key_6_shows_every_claim_in_text_order_and_focuses_the_list() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = await reader_ready(pilot)
        assert not screen.query("#claims")  # not built before it is asked for
        await pilot.press("6")
        claims = screen.query_one(ClaimList)
        assert claims.has_focus and claims.display and screen.pane == "claim"
        assert listed(claims) == [c.id for c in screen.state.nav.claims]
        first = rows(claims)[0]
        claim = screen.state.nav.claims[0]
        assert claim.id in first and (claim.gloss or "")[:20] in first
        # The current claim's detail stays visible below the list.
        detail = screen.query_one("#detail-scroll")
        assert detail.display and detail.region.y >= claims.region.bottom


async def test_slash_filters_with_folded_accents_and_verdict_words() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press("6")
        claims = screen.query_one(ClaimList)
        everything = listed(claims)
        text = screen.doc.text
        await pilot.press("slash", *"etats")
        shown = listed(claims)
        assert shown and len(shown) < len(everything)
        for claim_id in shown:
            claim = present(screen.state.nav.claim(claim_id))
            said = (claim.gloss or "") + text[claim.span.start : claim.span.end]
            assert "État" in said or "Etat" in said or "états" in said.lower()
        await pilot.press("escape")
        assert claims.filter_text == "" and listed(claims) == everything

        await pilot.press("slash", *"outdated")
        shown = listed(claims)
        assert shown and len(shown) < len(everything)
        assert all(
            present(present(screen.state.nav.claim(i)).verdict).rating.value == "outdated" for i in shown
        )
        await pilot.press("backspace")
        assert claims.filter_text == "outdate"
        await pilot.press(*"zzz")
        assert listed(claims) == []
        assert any("no claim matches" in str(o.prompt) for o in claims._options)


async def test_enter_goes_to_the_claim_through_the_jump_list() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press("6", "down", "down", "enter")
        target = screen.state.nav.claims[2]
        assert screen.claim_id == target.id
        assert screen.here() == ClaimPlace(screen.doc.id, target.id, target.span.start, target.span.end)
        assert "Claim 3 of" in screen.query_one(DetailPane).body_text
        claims = screen.query_one(ClaimList)
        assert claims.current == target.id and claims.has_focus
        assert "▶" in rows(claims)[2] and "▶" not in rows(claims)[0]
        assert screen.state.jumps.can_back
        await pilot.press("ctrl+o")  # back to the top of the text, where the reader was
        assert isinstance(screen.here(), TextPlace) and screen.state.jumps.can_forward


async def test_the_list_follows_next_and_previous_claim() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press("6", "right_square_bracket", "right_square_bracket")
        claims = screen.query_one(ClaimList)
        second = screen.state.nav.claims[1].id
        assert screen.claim_id == second and claims.current == second
        assert claims.highlighted_option is not None and claims.highlighted_option.id == second
        await pilot.press("left_square_bracket")
        first = screen.state.nav.claims[0].id
        assert claims.current == first and claims.highlighted_option.id == first


async def test_key_6_in_the_list_hides_it() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press("6")
        claims = screen.query_one(ClaimList)
        await pilot.press("6")
        assert not claims.display and screen.query_one("#detail-links").has_focus
        await pilot.press("1", "6")  # from another pane it shows the list again
        assert claims.display and claims.has_focus


async def test_palette_command_shows_the_claims_list() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await run_palette_command(pilot, "claims list")
        claims = screen.query_one(ClaimList)
        assert claims.display and claims.has_focus


async def test_help_lists_the_key() -> None:
    from briefing_tui.screens.help import HelpScreen

    async with seed_app().run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen)
        assert any(line.split() == ["6", "Claims", "list"] for line in help_screen.text.plain.splitlines())


async def test_small_terminal_shows_list_and_detail_in_the_claim_pane() -> None:
    async with seed_app().run_test(size=(80, 24)) as pilot:
        screen = main_screen(pilot)
        await pilot.press("right_square_bracket", "6")
        await until(pilot, lambda: screen.narrow and screen.pane == "claim")
        assert not screen.query_one("#text-pane").display
        claims = screen.query_one(ClaimList)
        body = screen.query_one("#detail-scroll")
        links = screen.query_one("#detail-links")
        assert claims.region.height >= 5  # several claims at a glance
        assert body.region.height >= 5
        assert claims.region.bottom <= body.region.y
        assert (
            links.virtual_region.y >= body.virtual_region.bottom
        )  # below the claim, the pane scrolls to them
        assert body.region.bottom <= 24 - 1  # above the footer
        # One line per claim, cut with an ellipsis rather than wrapped.
        lines = [claims.render_line(y).text for y in range(claims.region.height)]
        assert sum("C" in line for line in lines) >= 5
        for pane in ("1", "3", "4", "2"):  # every pane still reachable
            await pilot.press(pane)
        assert screen.pane == "claim"


async def test_switching_document_lists_the_new_documents_claims() -> None:
    async with collection_app().run_test(size=SIZE) as pilot:
        await pilot.press("escape")  # past the list of files with errors
        screen = main_screen(pilot)
        await pilot.press("right_square_bracket", "6")
        claims = screen.query_one(ClaimList)
        before = listed(claims)
        assert before == [c.id for c in screen.state.nav.claims] and claims.current == before[0]
        other = next(d for d in screen.collection.documents if d is not screen.doc)
        screen.jump_to(TextPlace(other.id))
        await until(pilot, lambda: listed(claims) == [c.id for c in screen.state.nav.claims])
        assert screen.doc is other
        assert listed(claims) == [c.id for c in screen.state.nav.claims] != before
        assert claims.current is None


async def test_hostile_claim_strings_are_shown_literally() -> None:
    collection = load_paths([HOSTILE])
    async with BriefingApp([HOSTILE], collection=collection).run_test(size=SIZE) as pilot:
        await pilot.press("6")
        claims = pilot.app.screen.query_one(ClaimList)
        shown = " ".join(rows(claims))
        assert "[bold]gloss[/] [sic]" in shown and "\x1b" not in shown
        assert not pilot.app._exit


async def test_a_click_on_a_row_goes_to_its_claim() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press("6")
        claims = screen.query_one(ClaimList)
        await until(pilot, lambda: claims.region.height > 4)
        await pilot.click(ClaimList, offset=(8, 3))
        await until(pilot, lambda: screen.claim_id == screen.state.nav.claims[3].id)


async def test_a_long_list_shows_a_window_that_follows_the_current_claim(monkeypatch) -> None:
    import briefing_tui.widgets.claim_list as claim_list

    monkeypatch.setattr(claim_list, "LIMIT", 4)
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press("6")
        claims = screen.query_one(ClaimList)
        order = [c.id for c in screen.state.nav.claims]
        assert listed(claims) == order[:4]
        assert any("more: / filters" in str(o.prompt) for o in claims._options)
        await pilot.press(*["right_square_bracket"] * 8)
        assert screen.claim_id == order[7]
        assert order[7] in listed(claims) and len(listed(claims)) == 4
        assert claims.highlighted_option is not None and claims.highlighted_option.id == order[7]
        assert any("earlier" in str(o.prompt) for o in claims._options)


async def test_a_file_changed_on_disk_refreshes_the_list_and_keeps_the_filter(tmp_path, monkeypatch) -> None:
    import shutil

    from briefing_tui import live_reload

    monkeypatch.setattr(live_reload, "POLL_INTERVAL", 0.05)
    monkeypatch.setattr(live_reload, "SETTLE", 0.05)
    path = tmp_path / "niger.yaml"
    shutil.copy(Path(__file__).resolve().parents[2] / "seeds" / "niger-us-withdrawal.yaml", path)
    async with BriefingApp([path], collection=load_paths([path])).run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press(
            "right_square_bracket", "right_square_bracket", "6", "slash", *"ambassador", "enter"
        )
        claims = screen.query_one(ClaimList)
        assert listed(claims) == ["C1"]
        current = screen.claim_id
        yaml_text = path.read_text(encoding="utf-8")
        old = "gloss: His title at U.S. Africa Command (AFRICOM)."
        path.write_text(yaml_text.replace(old, "gloss: The ambassador's counterpart."), encoding="utf-8")
        await until(pilot, lambda: listed(claims) == ["C1", "C2"], what="the reloaded claim was not listed")
        assert claims.filter_text == "ambassador"
        assert claims.current == current == screen.claim_id


async def test_the_filter_lists_each_claim_that_holds_it_once_in_text_order_to_the_last() -> None:
    # Compared with each claim's haystack tested alone: the folded haystacks are searched joined.
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press("6")
        claims = screen.query_one(ClaimList)
        nav = screen.state.nav
        last = nav.claims[-1]
        for typed in ("e", "Niger", last.id, "zzzz"):
            await pilot.press("slash", *typed, "enter")
            accept = text_filter(typed)
            expected = [c.id for c in nav.claims if accept(claims._haystack(c))]
            assert listed(claims) == expected, typed
            await pilot.press("escape")
        await pilot.press("slash", *last.id, "enter")
        assert last.id in listed(claims)  # the last haystack of the joined string


async def test_a_claim_whose_text_holds_a_nul_is_filtered_as_the_others(tmp_path: Path) -> None:
    """The haystacks are folded joined by NULs, at once; one holding a NUL itself (a gloss written
    with an escape) has each folded on its own, and every claim is still found where it is."""
    seed = next(SEEDS.glob("*.yaml")).read_text(encoding="utf-8")
    path = tmp_path / "nul.yaml"
    path.write_text(seed.replace("gloss: She is the US", 'gloss: "She\\0is the US"\n    note: the', 1))
    app = BriefingApp([path], collection=load_paths([path]))
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader_ready(pilot)
        await pilot.press("6")
        claims = screen.query_one(ClaimList)
        nav = screen.state.nav
        assert any("\0" in claims._haystack(c) for c in nav.claims)
        for typed in ("us", "niger", nav.claims[-1].id):
            await pilot.press("slash", *typed, "enter")
            accept = text_filter(typed)
            assert listed(claims) == [c.id for c in nav.claims if accept(claims._haystack(c))], typed
            await pilot.press("escape")


async def test_a_row_the_key_before_showed_is_kept_and_the_current_claim_stays_marked(monkeypatch) -> None:
    """A key typed in the filter reuses the rows it still shows (measuring rows is most of a key's
    time); moving to another claim marks it, on rows kept or made again alike."""
    import briefing_tui.widgets.claim_list as claim_list

    monkeypatch.setattr(claim_list, "LIMIT", 4)

    def marks(claims: ClaimList) -> list[tuple[str, bool]]:
        return [(o.id, o.prompt.plain.startswith("▶")) for o in claims._options if o.id]  # type: ignore[union-attr]

    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await pilot.press("6")
        claims = screen.query_one(ClaimList)
        before = {o.id: o for o in claims._options if o.id}
        await pilot.press("slash", "e")
        after = {o.id: o for o in claims._options if o.id}
        kept = set(before) & set(after)
        assert kept and all(after[ident] is before[ident] for ident in kept)
        for keys in (
            ["enter", "right_square_bracket"],
            ["right_square_bracket"] * 3,
            ["escape"],
            ["slash", "n"],
        ):
            await pilot.press(*keys)
            await until(pilot, lambda: claims.current == screen.claim_id, what="the list did not follow")
            assert marks(claims) and all(
                marked == (ident == screen.claim_id) for ident, marked in marks(claims)
            )
            assert sum(marked for _ident, marked in marks(claims)) == (screen.claim_id in listed(claims))


async def test_each_claim_row_is_one_line_high_known_without_cutting_it_to_the_width() -> None:
    """The list does not wrap: a row is one line however narrow the list, and it ends in an ellipsis
    when drawn; its height is not found by cutting it to the width (for every row, at every key)."""
    from textual.css.styles import RulesMap

    from briefing_tui.widgets.steady_list import UnwrappedRow

    async with seed_app().run_test(size=(80, 24)) as pilot:
        screen = main_screen(pilot)
        await pilot.press("6")
        claims = screen.query_one(ClaimList)
        await until(pilot, lambda: bool(listed(claims)))
        rules = cast(RulesMap, claims.styles)
        for option in claims._options:
            visual = claims._get_visual(option)
            if option.id:
                assert isinstance(visual, UnwrappedRow) and visual.get_height(rules, 5) == 1
        await until(pilot, lambda: any("…" in line for line in _lines(claims)), what="no row was cut short")
        assert len({len(line) for line in _lines(claims)}) == 1  # each row cut to the list's width


def _lines(widget: ClaimList) -> list[str]:
    return [widget.render_line(y).text for y in range(widget.size.height)]


async def test_a_row_kept_from_the_key_before_is_made_again_once_its_claim_is_edited(seed: Path) -> None:
    """An edit replaces the claim: the next key shows its row as it is now, not the row kept."""
    from tests.ui.checking_support import app_on, rate, reader

    from briefing_tui.model.types import Rating

    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket", "6", "slash", "e", "enter")
        claims = screen.query_one(ClaimList)
        current = screen.claim_id
        assert current is not None and current in listed(claims)

        def row() -> str:
            return rows(claims)[listed(claims).index(current)]

        assert "⚠" not in row()
        await rate(pilot, Rating.MISLEADING, "reasons")
        await until(pilot, lambda: isinstance(pilot.app.screen, type(screen)), what="the dialog stayed open")
        await pilot.press("6", "6", "slash", "n")
        await until(pilot, lambda: claims.filter_text == "en" and current in listed(claims), what="no en")
        assert "⚠" in row()
