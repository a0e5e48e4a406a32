"""The reader's state without a terminal: going to each kind of place, the jump list, what keys can run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefing_tui.files import load_paths
from briefing_tui.model.places import (
    ClaimPlace,
    EventPlace,
    MentionPlace,
    PassagePlace,
    SearchPlace,
    SourcePlace,
    SpeakerPlace,
    TextPlace,
)
from briefing_tui.reader_state import ClaimShown, EntityShown, ReaderState, SourceShown

ROOT = Path(__file__).resolve().parents[2]
COLLECTION = ROOT / "tests" / "fixtures" / "reader" / "collection"


@pytest.fixture
def state() -> ReaderState:
    return ReaderState(load_paths([COLLECTION]))


def test_it_starts_on_the_first_document_with_nothing_current(state: ReaderState) -> None:
    assert state.doc.id == "main" and state.claim_id is None and state.detail == ("none", "")
    assert state.here(top=12) == TextPlace("main", 12, 12)


def test_going_to_a_claim_makes_it_current_and_shows_it(state: ReaderState) -> None:
    place = state.next_claim(1)
    assert isinstance(place, ClaimPlace) and place.claim_id == "K1"
    move = state.go(place)
    assert move is not None and not move.opened and move.claim_mark == "K1"
    assert isinstance(move.shown, ClaimShown) and state.detail == ("claim", "K1")
    assert move.span == (place.start, place.end) == move.span and move.scroll_to == place.start
    assert state.here(top=0) == place


def test_each_source_of_a_claim_leads_somewhere_of_its_kind(state: ReaderState) -> None:
    claim = state.nav.claim("K1")
    assert claim is not None
    passage, speaker, entry = (t.place for t in state.nav.source_targets(claim))
    assert isinstance(passage, PassagePlace) and isinstance(speaker, SpeakerPlace)
    assert isinstance(entry, SourcePlace)
    move = state.go(speaker)
    assert move is not None and state.claim_id == "K1" and state.detail == ("source", "S-speaker")
    move = state.go(passage)
    assert move is not None and move.opened and state.doc.id == "statement"
    assert state.claim_id is None and state.detail == ("passage", passage.source_id)
    assert isinstance(move.shown, SourceShown) and move.shown.nav.doc.id == "main"  # the citing document's
    assert move.shown.ref is not None and move.shown.ref.source == passage.source_id


def test_escape_from_each_kind_of_source_leads_back_to_the_claim_that_cites_it(state: ReaderState) -> None:
    claim = state.nav.claim("K1")
    assert claim is not None and state.citing_place() is None and not state.can("leave_source")
    back = ClaimPlace("main", "K1", claim.span.start, claim.span.end)
    for target in state.nav.source_targets(claim):  # a passage in another document, a speaker, an entry
        assert state.go(target.place) is not None
        assert state.citing_place() == back and state.can("leave_source")
        assert state.go(back) is not None and state.doc.id == "main"
        assert state.citing_place() is None and not state.can("leave_source")  # the claim: nothing to leave
    assert state.go(SourcePlace("main", "S-speaker")) is not None  # an entry reached from no claim
    assert state.citing_place() is None and not state.can("leave_source")


def test_a_mention_selects_its_entity_and_steps_to_the_next(state: ReaderState) -> None:
    entity = state.nav.entity("fitzgibbon")
    assert entity is not None
    move = state.go(state.nav.location_of(entity))
    assert move is not None and move.entity_changed and isinstance(move.shown, EntityShown)
    assert state.entity_id == "fitzgibbon" and state.can("mention")
    after = state.next_mention(1)
    assert isinstance(after, MentionPlace) and after.entity_id == "fitzgibbon"


def test_an_event_and_a_search_match_keep_the_claim(state: ReaderState) -> None:
    first = state.next_claim(1)
    assert first is not None
    state.go(first)
    event = state.nav.timeline()[0]
    move = state.go(state.nav.location_of(event))
    assert isinstance(state.last, EventPlace) and state.detail == ("event", event.id)
    assert move is not None and move.claim_mark is None and state.claim_id == "K1"
    move = state.go(SearchPlace("main", 0, 4))
    assert move is not None and move.span == (0, 4) and move.shown is None and state.detail[0] == "event"


def test_a_missing_document_goes_nowhere(state: ReaderState) -> None:
    assert state.go(TextPlace("nowhere")) is None and state.doc.id == "main"


def test_what_the_keys_can_do(state: ReaderState) -> None:
    assert state.can("next_claim") and not state.can("back") and state.can("mention") is None
    assert state.can("errors") is True  # the fixture collection holds a broken file
    assert state.can("pane", ("documents",)) is True
    state.jumps.record(state.here(0))
    assert state.can("back")


def test_the_state_needs_no_textual() -> None:
    code = "import sys, briefing_tui.reader_state; assert 'textual' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_claims_shown_with_the_filter_on_are_counted_once_for_each_search(state: ReaderState) -> None:
    asked: list[int] = []

    def shown(offset: int) -> bool:
        asked.append(offset)
        return offset < 200

    anchored = [c for c in state.nav.claims if c.span.anchored]
    expected = sum(c.span.start < 200 for c in anchored)
    matches = [0, 10]
    assert state.claims_shown(shown, matches) == expected and len(asked) == len(anchored)
    assert state.claims_shown(shown, matches) == expected and len(asked) == len(anchored)  # kept
    assert state.claims_shown(shown, [0, 10]) == expected and len(asked) == 2 * len(anchored)  # a new search
    state.show(state.collection.documents[1])  # another document: another navigator
    state.claims_shown(shown, matches)
    assert len(asked) == 2 * len(anchored) + sum(c.span.anchored for c in state.nav.claims)
