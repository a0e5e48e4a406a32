"""Attaching a passage of another open document as a claim's source (``a``): the other documents'
claims and sentences, searched by typing; the source saved is a passage of that document."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.ui.checking_support import SIZE, reader
from tests.ui.reader_support import COLLECTION, until
from textual.widgets import OptionList

from briefing_tui.app import BriefingApp
from briefing_tui.files import load_paths
from briefing_tui.model import load_document
from briefing_tui.model.types import Stance
from briefing_tui.screens.checking_dialogs import ChoiceDialog
from briefing_tui.screens.main import MainScreen
from briefing_tui.screens.source_passage import SHOWN, PassageDialog, passage_options

SENTENCE = "The United States will work towards an orderly and responsible withdrawal of its forces."


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    for name in ("a-main.yaml", "b-statement.yaml"):
        shutil.copyfile(COLLECTION / name, tmp_path / name)
    return tmp_path


def typed(text: str) -> list[str]:
    return [c if c != " " else "space" for c in text]


async def test_a_attaches_a_sentence_of_another_open_document_found_by_typing(collection: Path) -> None:
    main = collection / "a-main.yaml"
    app = BriefingApp([collection], collection=load_paths([collection]))
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        assert screen.state.doc.id == "main"
        await pilot.press("right_square_bracket", "right_square_bracket")
        claim_id = screen.state.current_claim().id  # type: ignore[union-attr]
        await pilot.press("a")
        await until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog))
        await pilot.press(*typed("another open"))
        choices = pilot.app.screen.query_one(OptionList)
        await until(pilot, lambda: choices.option_count == 1, what="filtered to the passage choice")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(pilot.app.screen, PassageDialog), what="the passages")
        await until(pilot, lambda: bool(pilot.app.screen.query(OptionList)), what="the passages drawn")
        passages = pilot.app.screen.query_one(OptionList)
        assert "On the withdrawal" in str(passages.get_option_at_index(0).prompt)
        await pilot.press(*typed("its forces"))
        await until(pilot, lambda: passages.option_count == 1, what="searched to one sentence")
        await pilot.press("enter")
        await until(pilot, lambda: type(pilot.app.screen) is ChoiceDialog, what="the stance")
        await pilot.press("down", "enter")  # contradicts
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        claim = screen.state.nav.claim(claim_id)
        assert claim is not None and claim.sources[-1].stance is Stance.CONTRADICTS
        source = screen.state.nav.source(claim.sources[-1].source)
        assert source is not None and source.document == "statement"
        await pilot.press("ctrl+s")
        saved_twice = lambda: main.read_text(encoding="utf-8").count("document: statement") == 2  # noqa: E731
        await until(pilot, saved_twice, what="saved")
    saved = load_document(main)
    new = saved.sources[-1]
    assert new.document == "statement" and new.span is not None and new.span.exact == SENTENCE
    cited = saved.claim(claim_id)
    assert cited is not None and (cited.sources[-1].source, cited.sources[-1].stance) == (
        new.id,
        Stance.CONTRADICTS,
    )
    reloaded = load_paths([collection])
    assert not reloaded.failed
    statement = reloaded.document("statement")
    assert statement is not None and statement.text[new.span.start : new.span.end] == SENTENCE  # type: ignore[union-attr]


async def test_a_offers_no_other_document_when_only_one_is_open(collection: Path) -> None:
    main = collection / "a-main.yaml"
    async with BriefingApp([main], collection=load_paths([main])).run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket", "a")
        await until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog))
        await until(pilot, lambda: bool(pilot.app.screen.query(OptionList)), what="the choices drawn")
        labels = [o.prompt for o in pilot.app.screen.query_one(OptionList)._options]
        assert not any("another open document" in str(label) for label in labels)


def test_the_passages_listed_are_claims_then_sentences_and_at_most_SHOWN_at_once() -> None:
    statement = load_document(COLLECTION / "b-statement.yaml")
    options = passage_options([statement])
    assert options[0][1] == "On the withdrawal · On the withdrawal"
    assert any(label.endswith(SENTENCE) for _, label in options)
    many = [(f"0:{i}:{i + 1}", f"x {i}") for i in range(SHOWN * 2)]
    assert len(PassageDialog("t", many, filtered=True)._options("")) == SHOWN


@pytest.mark.parametrize("typed", ["etats", "États", "ETATS", "é", "withdrawal", "zz", "s · c"])
def test_the_passages_are_searched_as_any_list_filter_is(typed: str) -> None:
    from briefing_tui.search.filter import text_filter

    labels = ["Les États-Unis", "les etats", "ETATS généraux", "withdrawal · claim K1", "rien", "ÉTÉ"] * 3
    options = [(f"0:{i}:{i + 1}", label) for i, label in enumerate(labels)]
    dialog = PassageDialog("t", options, filtered=True)
    accept = text_filter(typed)
    expected = [key for key, label in options if accept(label)]
    assert [o.id for o in dialog._options(typed)] == expected
