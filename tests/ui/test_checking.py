"""Checking in the reader, key by key, on a copy of the seed: rating, notes, verification marks,
undo and redo, saving, quitting with unsaved edits, and a file changed on disk."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.support.checks import present
from tests.ui.checking_support import (
    SEED,
    SIZE,
    app_on,
    empty_note_on_first_claim,
    new_source_form,
    rate,
    reader,
)
from tests.ui.reader_support import run_palette_command, until
from textual import events
from textual.widgets import Input, OptionList

from briefing_tui.model import load_document
from briefing_tui.model.types import Rating
from briefing_tui.screens.checking_dialogs import (
    ConflictDialog,
    QuitDialog,
    RatingDialog,
    SafeTextArea,
)
from briefing_tui.screens.main import MainScreen
from briefing_tui.widgets.detail_pane import DetailPane


async def test_r_rates_the_current_claim_reviewed_today_and_the_pane_shows_it(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket")
        assert screen.claim_id == "C11"
        await rate(pilot, Rating.MISLEADING, "Two lines\nof reasons")
        claim = screen.state.current_claim()
        assert claim is not None and claim.verdict is not None
        assert claim.verdict.rating is Rating.MISLEADING
        assert claim.verdict.explanation == "Two lines\nof reasons"
        assert claim.verdict.reviewed == date.today().isoformat()
        assert "misleading" in screen.query_one(DetailPane).body_text
        assert seed.read_bytes() == SEED.read_bytes()  # not saved yet
        assert screen.checking.modified


async def test_escape_in_the_rating_dialog_changes_nothing(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket", "r")
        await until(pilot, lambda: isinstance(pilot.app.screen, RatingDialog))
        await pilot.press("down", "escape")
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        claim = screen.state.current_claim()
        assert claim is not None and claim.verdict is not None and claim.verdict.rating is Rating.OPINION
        assert screen.check_action("check", ("undo",)) is None  # the undo key (u) is disabled


async def test_u_undoes_and_ctrl_r_redoes_across_a_save(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket")
        await rate(pilot, Rating.MISLEADING, "No")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: b"rating: misleading" in seed.read_bytes(), what="saved")
        await pilot.press("u")
        claim = screen.state.current_claim()
        assert claim is not None and claim.verdict is not None and claim.verdict.rating is Rating.OPINION
        assert "opinion" in screen.query_one(DetailPane).body_text
        assert screen.checking.modified  # the undone edit is unsaved again
        await pilot.press("U")
        claim = screen.state.current_claim()
        assert claim is not None and claim.verdict is not None and claim.verdict.rating is Rating.MISLEADING


async def test_ctrl_s_saves_only_the_verdict_and_keeps_the_comments(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket")
        await rate(pilot, Rating.UNSUPPORTED, "Nothing backs it")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: seed.read_bytes() != SEED.read_bytes(), what="saved")
        old = SEED.read_text(encoding="utf-8").splitlines()
        new = seed.read_text(encoding="utf-8").splitlines()
        assert [x for x in old if x.lstrip().startswith("#")] == [
            x for x in new if x.lstrip().startswith("#")
        ]
        assert len(old) == len(new)
        changed = [b.strip() for a, b in zip(old, new, strict=True) if a != b]
        reviewed = f"reviewed: {date.today().isoformat()}"  # changed too, unless the seed's is today's
        assert [line for line in changed if line != reviewed] == [
            "rating: unsupported",
            "explanation: Nothing backs it",
        ]
        doc = load_document(seed)
        claim = doc.claim("C11")
        assert claim is not None and claim.verdict is not None and claim.verdict.rating is Rating.UNSUPPORTED
        assert f"reviewed: {claim.verdict.reviewed}" == reviewed
        assert not reader(pilot).checking.modified


async def test_R_removes_the_verdict(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket", "R")
        claim = screen.state.current_claim()
        assert claim is not None and claim.verdict is None
        assert (
            "no verdict" in screen.query_one(DetailPane).body_text
            or "unrated" in screen.query_one(DetailPane).body_text.lower()
        )


async def test_c_writes_a_note_and_pasted_controls_are_kept_as_pasted(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        area = await empty_note_on_first_claim(pilot)
        area.post_message(events.Paste("seen \x1b[31mred\u202e"))
        await until(pilot, lambda: "seen" in area.text)
        assert area.text == "seen \x1b[31mred\u202e"  # drawn as "seen ␛[31mred⇄"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        claim = screen.state.current_claim()
        assert claim is not None and claim.note == "seen \x1b[31mred\u202e"


async def test_what_is_typed_adds_to_the_explanation_it_opens_with(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")
        claim = screen.state.current_claim()
        assert claim is not None and claim.verdict is not None and claim.verdict.explanation
        before = claim.verdict.explanation
        await pilot.press("r")
        await until(pilot, lambda: isinstance(pilot.app.screen, RatingDialog))
        await pilot.press("tab")  # on to the explanation
        area = pilot.app.screen.query_one(SafeTextArea)
        assert area.has_focus
        await pilot.press("space", *"Checked.")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        claim = screen.state.current_claim()
        assert claim is not None and claim.verdict is not None
        assert claim.verdict.explanation == before + " Checked."


async def test_x_marks_verified_and_unverified(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket")
        before = screen.state.current_claim()
        assert before is not None
        await pilot.press("x")
        after = screen.state.current_claim()
        assert after is not None and bool(after.unverified) != bool(before.unverified)
        await pilot.press("x")
        again = screen.state.current_claim()
        assert again is not None and bool(again.unverified) == bool(before.unverified)


async def test_quitting_with_unsaved_edits_asks(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket", "R", "q")
        await until(pilot, lambda: isinstance(pilot.app.screen, QuitDialog))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        assert pilot.app.is_running
        await pilot.press("q")
        await until(pilot, lambda: isinstance(pilot.app.screen, QuitDialog))
        await pilot.press("ctrl+s")  # save and quit
        await until(pilot, lambda: not pilot.app.is_running, what="quit after saving")
    claim = load_document(seed).claim("C11")
    assert claim is not None and claim.verdict is None


async def test_quitting_with_nothing_unsaved_does_not_ask(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await until(pilot, lambda: not pilot.app.is_running, what="quit")


async def test_the_same_claim_changed_on_disk_shows_both_sides_to_choose(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket", "R")  # mine: no verdict
        theirs = seed.read_text(encoding="utf-8").replace("rating: opinion", "rating: misleading", 1)
        seed.write_text(theirs, encoding="utf-8")
        assert screen.editing.file_changed(seed)
        await until(pilot, lambda: isinstance(pilot.app.screen, ConflictDialog))
        sides = pilot.app.screen
        await until(pilot, lambda: bool(sides.query("#check-theirs")))
        assert "rating: misleading" in str(sides.query_one("#check-theirs").render())
        await pilot.press("t")  # keep the file's
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        claim = screen.state.nav.claim("C11")
        assert claim is not None and claim.verdict is not None and claim.verdict.rating is Rating.MISLEADING


async def test_an_edit_elsewhere_on_disk_is_merged_and_the_unsaved_edit_stays(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket", "R")
        text = seed.read_text(encoding="utf-8")
        old_note = "      This claim stands for the whole article, which speaks"
        assert old_note in text
        seed.write_text(
            text.replace(
                old_note, "      Added elsewhere; this claim stands for the whole article, which speaks", 1
            ),
            "utf-8",
        )
        assert screen.editing.file_changed(seed)
        assert not isinstance(pilot.app.screen, ConflictDialog)
        other = screen.state.nav.claim("C12")
        mine = screen.state.nav.claim("C11")
        assert other is not None and other.note.startswith("Added elsewhere;")
        assert mine is not None and mine.verdict is None


async def test_the_palette_offers_the_editing_actions(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket")
        await run_palette_command(pilot, "remove verdict")
        removed = lambda: present(screen.state.current_claim()).verdict is None  # noqa: E731
        await until(pilot, removed, what="verdict removed")
        await run_palette_command(pilot, "undo")
        await until(pilot, lambda: present(screen.state.current_claim()).verdict is not None, what="undone")


async def test_the_footer_shows_rate_note_and_save(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket")
        keys = {b.binding.description for b in pilot.app.screen.active_bindings.values() if b.binding.show}
        assert {"Rate claim", "Note", "Save"} <= keys


async def test_unsaved_edits_are_kept_in_the_journal_until_saved(seed: Path) -> None:
    from briefing_tui.edit import journal

    async with app_on(seed).run_test(size=SIZE) as pilot:
        kept = journal.journal_file(seed)
        await pilot.press("right_square_bracket", "R")
        await until(pilot, kept.exists, what="journal written after the edit was drawn")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not kept.exists(), what="journal removed by the save")


async def test_unsaved_edits_of_another_file_leave_the_start_as_it_is(seed: Path, tmp_path: Path) -> None:
    from briefing_tui.crash import unsaved_file
    from briefing_tui.edit import journal

    assert journal.journal_file(seed) == unsaved_file(seed)  # one name, looked for at start
    other = unsaved_file(tmp_path / "another-briefing.yaml")
    other.parent.mkdir(parents=True, exist_ok=True)
    other.write_text("{}", encoding="utf-8")
    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await until(pilot, lambda: screen._panes_ready, what="the panes are not ready")
        await pilot.pause()
        assert screen.editing.started is None  # no checking session made, nothing offered
        assert other.exists()  # kept for when that file is opened


@pytest.fixture
def drafted(seed: Path) -> Path:
    """The seed with two drafted claims, as ``briefing annotate`` proposes them."""
    text = seed.read_text(encoding="utf-8")
    for ident in ("C12", "C13"):
        text = text.replace(f"  - id: {ident}\n", f"  - id: {ident}\n    draft: true\n", 1)
    seed.write_text(text, encoding="utf-8")
    return seed


async def test_D_steps_through_drafts_A_accepts_X_rejects(drafted: Path) -> None:
    async with app_on(drafted).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("D")  # in the file's order: C13 comes before C12
        assert screen.claim_id == "C13"
        await pilot.press("D")
        assert screen.claim_id == "C12"
        await pilot.press("D")  # wraps
        assert screen.claim_id == "C13"
        await pilot.press("D", "A")  # C12 accepted: no longer a draft, on to the next
        accepted = screen.state.nav.claim("C12")
        assert accepted is not None and not accepted.draft
        assert screen.claim_id == "C13"
        await pilot.press("X")  # rejected: removed
        assert screen.state.nav.claim("C13") is None
        assert len(screen.state.nav.claims) == 14
        await pilot.press("u")  # the rejected claim comes back
        assert screen.state.nav.claim("C13") is not None
        await pilot.press("U", "ctrl+s")
        await until(pilot, lambda: "draft: true" not in drafted.read_text(encoding="utf-8"), what="saved")
    doc = load_document(drafted)
    assert doc.claim("C13") is None and doc.claim("C12") is not None


async def test_v_selects_by_words_and_sentences_and_c_makes_a_claim(seed: Path) -> None:
    from briefing_tui.screens.selection_bar import SelectionBar

    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket", "v")  # from the current claim's first word
        await until(pilot, lambda: isinstance(pilot.app.screen, SelectionBar))
        bar = pilot.app.screen
        assert isinstance(bar, SelectionBar)
        text = screen.state.doc.text
        assert text[bar.span[0] : bar.span[1]] == "vers"
        await pilot.press("w", "w")
        assert text[bar.span[0] : bar.span[1]] == "vers une nouvelle"
        await pilot.press("b")
        assert text[bar.span[0] : bar.span[1]] == "vers une"
        await pilot.press("right_parenthesis")  # to the end of the line (the title has no full stop)
        assert text[bar.span[0] : bar.span[1]] == "vers une nouvelle ère de coopération internationale"
        await pilot.press("left_parenthesis", "w", "c")
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        claims = screen.state.nav.claims
        assert len(claims) == 16
        new = screen.state.current_claim()
        assert new is not None and text[new.span.start : new.span.end] == "vers une"
        assert "selection" not in screen.panes.view._overlays
        await pilot.press("u")
        assert len(screen.state.nav.claims) == 15


async def test_v_then_m_makes_a_mention_and_t_a_new_entity(seed: Path) -> None:
    from briefing_tui.screens.checking_dialogs import ChoiceDialog

    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        first = screen.state.doc.entities[0]
        mentions = len(first.mentions)
        await pilot.press("right_square_bracket", "v", "m")
        await until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog))
        await pilot.press("enter")  # the first entity
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        entity = screen.state.nav.entity(first.id)
        assert entity is not None and len(entity.mentions) == mentions + 1
        await pilot.press("v", "w", "t")
        await until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog))
        await pilot.press("down", "enter")  # organisation
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        made = screen.state.doc.entities[-1]
        assert made.type == "organisation" and made.name == "vers une"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "name: vers une" in seed.read_text(encoding="utf-8"), what="saved")


async def test_a_attaches_an_existing_source_found_by_typing_with_its_stance(seed: Path) -> None:
    from briefing_tui.screens.checking_dialogs import ChoiceDialog

    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket", "a")  # C11 cites no source
        await until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog))
        await pilot.press(*[c if c != "-" else "minus" for c in "africom-end"])
        choices = pilot.app.screen.query_one(OptionList)
        await until(pilot, lambda: choices.option_count == 1, what="filtered to one source")
        await pilot.press("enter")
        await until(
            pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog) and pilot.app.screen.filtered is False
        )
        await pilot.press("down", "enter")  # contradicts
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        claim = screen.state.current_claim()
        assert claim is not None and [(r.source, r.stance.value) for r in claim.sources if r.stance] == [
            ("S-africom-end", "contradicts")
        ]


async def test_a_makes_a_new_source_checked_as_o_checks_addresses(seed: Path) -> None:
    from briefing_tui.screens.checking_dialogs import ChoiceDialog, SourceForm

    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await new_source_form(pilot)
        form = pilot.app.screen
        await pilot.press(*"Le communiqué", "tab", *"AFP", "tab", *"2024-04", "tab", *"javascript:alert(1)")
        await pilot.press("ctrl+s")  # refused: the form says why and stays
        problem = str(form.query_one("#source-problem").render())
        assert "cannot be used" in problem and isinstance(pilot.app.screen, SourceForm)
        form.query_one("#source-url", Input).value = "https://example.org/communique"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog))
        await pilot.press("enter")  # supports
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        source = screen.state.doc.sources[-1]
        assert (source.title, source.publisher, source.url) == (
            "Le communiqué",
            "AFP",
            "https://example.org/communique",
        )
        claim = screen.state.current_claim()
        assert claim is not None and claim.sources[-1].source == source.id


async def test_the_live_reload_leaves_a_file_being_checked_to_its_session(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        doc = screen.state.doc
        await pilot.press("right_square_bracket", "R", "ctrl+s")
        await until(pilot, lambda: seed.read_bytes() != SEED.read_bytes(), what="saved")
        await pilot.press("x")  # an unsaved edit after the save
        screen.live_reload.watcher.settle = 0
        screen.live_reload.poll()
        screen.live_reload.poll()  # the save seen: the session knows its own bytes
        await until(pilot, lambda: not screen.live_reload.busy, what="the reload did not end")
        assert screen.state.doc is doc
        assert screen.checking.modified  # the unsaved edit is still there


async def test_delete_removes_the_claim_shown_and_M_the_mention_that_stands_out(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket", "delete")
        assert screen.state.nav.claim("C11") is None and len(screen.state.nav.claims) == 14
        assert screen.claim_id is None
        await pilot.press("u")
        assert screen.state.nav.claim("C11") is not None
        assert screen.claim_id == "C11"  # current again, as before its removal
        await pilot.press("U", "u")  # and again after a redo and its undo
        assert screen.claim_id == "C11"
        entity = next(e for e in screen.state.doc.entities if len(e.mentions) > 1)
        screen.jump_to(screen.state.nav.location_of(entity))
        await pilot.press("M")
        after = screen.state.nav.entity(entity.id)
        assert after is not None and len(after.mentions) == len(entity.mentions) - 1


async def test_a_file_deleted_meanwhile_is_saved_elsewhere_and_the_session_follows(seed: Path) -> None:
    from briefing_tui.screens.line_dialogs import PathDialog
    from briefing_tui.widgets.safe_input import FormInput

    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket", "R")
        seed.unlink()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(pilot.app.screen, PathDialog))
        elsewhere = seed.with_name("kept.yaml")
        pilot.app.screen.query_one(FormInput).value = str(elsewhere)
        await pilot.press("enter")
        await until(pilot, elsewhere.exists, what="saved elsewhere")
        claim = load_document(elsewhere).claim("C11")
        assert claim is not None and claim.verdict is None
        assert not screen.checking.modified and elsewhere in screen.checking.sessions
        # the reader watches the new file, no longer the old one: its deletion is not a failed file
        watcher = screen.live_reload.watcher
        assert watcher.paths == [elsewhere]
        watcher.settle = 0
        assert watcher.poll() == [] and not screen.collection.failed


async def test_edits_left_unsaved_by_a_stop_are_offered_back_at_the_next_start(seed: Path) -> None:
    from briefing_tui.edit import journal
    from briefing_tui.screens.checking_dialogs import ChoiceDialog

    async with app_on(seed).run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket", "R")
        await until(pilot, journal.journal_file(seed).exists, what="journal written")
        reader(pilot).checking.sessions.clear()  # as if the reader had stopped there
    assert seed.read_bytes() == SEED.read_bytes()
    async with app_on(seed).run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="restore offered")
        await pilot.press("enter")  # restore them
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        screen = reader(pilot)
        claim = screen.state.nav.claim("C11")
        assert claim is not None and claim.verdict is None
        assert screen.checking.modified
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not journal.journal_file(seed).exists(), what="journal cleared")
    claim = load_document(seed).claim("C11")
    assert claim is not None and claim.verdict is None


async def test_quitting_without_saving_leaves_nothing_to_restore(seed: Path) -> None:
    from briefing_tui.edit import journal

    async with app_on(seed).run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket", "R")
        await until(pilot, journal.journal_file(seed).exists, what="journal written")
        await pilot.press("q")
        await until(pilot, lambda: isinstance(pilot.app.screen, QuitDialog))
        await pilot.press("d")
        await until(pilot, lambda: not pilot.app.is_running, what="quit")
    assert not journal.journal_file(seed).exists()
