"""The navigation graph: claim order, source targets, entity links, the jump list (pure)."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.support.checks import present

from briefing_tui.files import load_paths
from briefing_tui.model import AnchorStatus, Claim, Selector, Span
from briefing_tui.model.dates import parse_edtf
from briefing_tui.model.navigation import JumpList, Navigator, reading_order, resolve_selector
from briefing_tui.model.places import ClaimPlace, PassagePlace, SourcePlace, SpeakerPlace
from briefing_tui.widgets.span_index import SpanIndex
from briefing_tui.widgets.text_lines import wrap_paragraph

ROOT = Path(__file__).resolve().parents[2]
COLLECTION = ROOT / "tests" / "fixtures" / "reader" / "collection"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def fixture_nav() -> Navigator:
    collection = load_paths([COLLECTION])
    return Navigator(present(collection.document("main")), collection)


@pytest.fixture(scope="module")
def seed_nav() -> Navigator:
    collection = load_paths([SEEDS])
    return Navigator(collection.documents[0], collection)


def test_claims_in_reading_order_orphans_last(fixture_nav: Navigator) -> None:
    assert [c.id for c in fixture_nav.claims] == ["K1", "K2", "K4", "K3"]


# a claim's place: a few starts and ends, so that many share one; -1: an orphan
_places = st.tuples(st.integers(-1, 4), st.integers(0, 3), st.booleans())


@given(st.lists(_places, max_size=40))
def test_reading_order_is_by_start_then_longest_first_then_as_written_orphans_last(
    places: list[tuple[int, int, bool]],
) -> None:
    claims = []
    for n, (start, length, orphaned) in enumerate(places):
        status = AnchorStatus.ORPHAN if orphaned else AnchorStatus.EXACT
        span = Span(start, -1 if start < 0 else start + length, status)
        claims.append(Claim(f"C{n}", span))
    ordered = reading_order(claims)
    anchored = [c for c in claims if c.span.anchored]
    expected = sorted(anchored, key=lambda c: (c.span.start, -c.span.end)) + [
        c for c in claims if not c.span.anchored
    ]  # Python's sort keeps the order written among equal keys
    assert [c.id for c in ordered] == [c.id for c in expected]


def test_seed_claims_follow_the_text(seed_nav: Navigator) -> None:
    starts = [c.span.start for c in seed_nav.claims if c.span.anchored]
    assert starts == sorted(starts)
    assert len(seed_nav.claims) == 15


@pytest.mark.parametrize(
    ("current", "step", "expected"),
    [(None, 1, "K1"), (None, -1, "K3"), ("K1", 1, "K2"), ("K2", 1, "K4"), ("K3", 1, "K1"), ("K1", -1, "K3")],
)
def test_next_claim_wraps(fixture_nav: Navigator, current: str | None, step: int, expected: str) -> None:
    claim = fixture_nav.next_claim(current, step)
    assert claim is not None and claim.id == expected


def test_source_targets_passage_speaker_entry(fixture_nav: Navigator) -> None:
    claim = fixture_nav.doc.claim("K1")
    targets = fixture_nav.source_targets(present(claim))
    assert [type(t.place) for t in targets] == [PassagePlace, SpeakerPlace, SourcePlace]
    assert all(t.place.claim_id == "K1" for t in targets)
    passage = targets[0].place
    statement = present(present(fixture_nav.collection).document("statement"))
    assert isinstance(passage, PassagePlace) and passage.doc_id == "statement" and passage.via == "main"
    assert statement.text[passage.start : passage.end] == "orderly and responsible withdrawal"
    speaker = targets[1].place
    assert fixture_nav.doc.text[speaker.start : speaker.end] == "Kathleen FitzGibbon"
    assert targets[2].place.start == -1 and targets[2].passage == "orderly and responsible"


def test_citing_claims(fixture_nav: Navigator) -> None:
    assert [c.id for c in fixture_nav.citing_claims("S-web")] == ["K1", "K2"]
    assert fixture_nav.citing_claims("nothing") == []


def test_entity_links(fixture_nav: Navigator) -> None:
    assert [c.id for c in fixture_nav.entity_claims("fitzgibbon")] == ["K1"]
    assert [c.id for c in fixture_nav.entity_claims("niamey")] == ["K2", "K4"]  # a mention inside them
    assert [e.id for e in fixture_nav.entity_events("niamey")] == ["meeting"]


def test_next_mention_steps_and_wraps(fixture_nav: Navigator) -> None:
    spans = fixture_nav.mentions("niamey")
    assert len(spans) == 2
    assert fixture_nav.next_mention("niamey", -1) == spans[0]
    assert fixture_nav.next_mention("niamey", spans[0][0]) == spans[1]
    assert fixture_nav.next_mention("niamey", spans[1][0]) == spans[0]
    assert fixture_nav.next_mention("niamey", spans[0][0], -1) == spans[1]
    assert fixture_nav.next_mention("nobody", 0) is None


def test_timeline_sorted_again_when_an_event_is_replaced_with_another_date() -> None:
    collection = load_paths([SEEDS])
    nav = Navigator(collection.documents[0], collection)
    first = nav.timeline()[0]
    assert nav.timeline() is nav.timeline()  # sorted once
    moved = dataclasses.replace(first, date=parse_edtf("2999-12-31"))
    nav.doc.events[nav.doc.events.index(first)] = moved  # as an edit replaces it in the document
    assert nav.replaced("event", moved)
    assert nav.timeline()[-1] is moved and first not in nav.timeline()


def test_timeline_sorted_by_date(seed_nav: Navigator) -> None:
    keys = [e.date.sort_key for e in seed_nav.timeline()]
    assert keys == sorted(keys)


def test_entities_grouped_known_types_first(seed_nav: Navigator) -> None:
    groups = list(seed_nav.entities_by_type())
    assert groups[0] == "person"
    assert set(groups) >= {"person", "organisation", "place"}


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        (Selector(exact="b", start=1, end=2), (1, 2)),
        (Selector(start=0, end=1), (0, 1)),
        (Selector(exact="b", start=0, end=1), (1, 2)),  # the position does not hold: the quote wins
        (Selector(exact="b", prefix="b "), (3, 4)),
        (Selector(exact="zz"), None),
        (None, None),
    ],
)
def test_resolve_selector(selector: Selector | None, expected: tuple[int, int] | None) -> None:
    assert resolve_selector("ab b", selector) == expected


def loc(n: int) -> ClaimPlace:
    return ClaimPlace("d", str(n), n, n)


def test_jump_list_back_and_forward_like_vim() -> None:
    jumps = JumpList()
    assert jumps.back(loc(0)) is None
    jumps.record(loc(1))  # jump from 1 to 2
    jumps.record(loc(2))  # jump from 2 to 3
    assert jumps.back(loc(3)) == loc(2)
    assert jumps.back(loc(2)) == loc(1)
    assert jumps.back(loc(1)) is None
    assert jumps.forward() == loc(2)
    assert jumps.forward() == loc(3)
    assert jumps.forward() is None


def test_jump_list_new_jump_drops_forward_history() -> None:
    jumps = JumpList()
    jumps.record(loc(1))
    jumps.record(loc(2))
    assert jumps.back(loc(3)) == loc(2)
    jumps.record(loc(2))  # from 2 to 9
    assert jumps.forward() is None
    assert jumps.back(loc(9)) == loc(2)


def test_jump_list_is_bounded() -> None:
    jumps = JumpList(limit=5)
    for n in range(20):
        jumps.record(loc(n))
    assert len(jumps) == 5


def test_span_index_overlap_across_buckets() -> None:
    index = SpanIndex([(0, 10_000, "long"), (5000, 5005, "short"), (9000, 9000, "empty")])
    assert [p for _, _, p in index.overlapping(5001, 5002)] == ["long", "short"]
    assert [p for _, _, p in index.at(5002)] == ["short", "long"]
    assert [p for _, _, p in index.overlapping(10_000, 10_100)] == []


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("", 10, [""]),
        ("one two three", 7, ["one two", "three"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("日本語のテキスト", 5, ["日本", "語の", "テキ", "スト"]),  # two cells each: never straddles the edge
        ("a 日本 b", 4, ["a", "日本", "b"]),
    ],
)
def test_wrap_paragraph_uses_cell_widths(text: str, width: int, lines: list[str]) -> None:
    spans = wrap_paragraph(text, 100, width)
    assert [text[s - 100 : e - 100] for s, e in spans] == lines


def test_navigation_does_not_import_textual() -> None:
    modules = "briefing_tui.model.navigation, briefing_tui.widgets.span_index, briefing_tui.widgets.labels"
    code = f"import sys, {modules}; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("words", "width", "lines"),
    [("short", 40, 1), ("a much longer label that has to wrap beside the date column", 30, 4)],
)
def test_row_reports_its_height_by_newlines(words: str, width: int, lines: int) -> None:
    """Textual counts a rich renderable's newlines for its height: every line must end in one."""
    from rich.console import Console
    from rich.text import Text

    from briefing_tui.widgets.rows import Row

    console = Console(width=width)
    row = Row((Text("●"), 1), (Text("25 Apr 2024"), 11), (Text(words), None))
    segments = console.render(row, console.options.update_width(width))
    assert sum(text.count("\n") for text, _, _ in segments) == lines
