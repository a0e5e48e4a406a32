"""TimelineJS: EDTF bounds to date objects and back, display dates, year-only events, HTML, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.support.checks import present

from briefing_tui.formats.timelinejs import import_timelinejs
from briefing_tui.formats.timelinejs_export import export_timelinejs
from briefing_tui.model import Document, LoadError
from briefing_tui.model.dates import parse_edtf


@pytest.fixture
def timeline(fixtures: Path) -> Document:
    return import_timelinejs(fixtures / "timelinejs" / "timeline.json")


def _doc_with_dates(*dates: str) -> Document:
    from briefing_tui.model import Event

    doc = Document(Path("x"), "x", "X <b>", "en", "text")
    doc.events = [Event(f"e{i}", f"label <script>{i}</script>", parse_edtf(d)) for i, d in enumerate(dates)]
    return doc


@pytest.mark.parametrize(
    ("edtf", "start", "end", "display"),
    [
        ("2024", {"year": 2024}, None, "2024"),
        ("2024~", {"year": 2024}, None, "c. 2024"),
        ("2023-07?", {"year": 2023, "month": 7}, None, "July 2023?"),
        ("2023-07-26", {"year": 2023, "month": 7, "day": 26}, None, "26 Jul 2023"),
        (
            "2024-04-29/2024-05-03",
            {"year": 2024, "month": 4, "day": 29},
            {"year": 2024, "month": 5, "day": 3},
            None,
        ),
        ("2024-04-24/..", {"year": 2024, "month": 4, "day": 24}, None, "from 24 Apr 2024"),
        ("202X", {"year": 2020}, {"year": 2029}, "2020s"),
        ("[2024-04-25..]", {"year": 2024, "month": 4, "day": 25}, None, None),  # one day on or after
    ],
)
def test_export_dates_keep_precision_and_uncertainty(edtf, start, end, display) -> None:
    (slide,) = export_timelinejs(_doc_with_dates(edtf))[0]["events"]
    assert slide["start_date"] == start and slide.get("end_date") == end and slide["edtf"] == edtf
    if display:
        assert slide["display_date"] == display


def test_export_escapes_html_and_leaves_out_unknown_dates() -> None:
    out, warnings = export_timelinejs(_doc_with_dates("2024", "XXXX"))
    assert out["events"][0]["text"]["headline"] == "label &lt;script&gt;0&lt;/script&gt;"
    assert out["title"]["text"]["headline"] == "X &lt;b&gt;"
    assert len(out["events"]) == 1 and "e1" in warnings[0]


def test_import_reads_years_months_days_intervals_and_qualifiers(timeline: Document) -> None:
    dates = [e.date.text for e in timeline.events]
    assert dates == ["1960~", "2013", "2023-07-26", "2024-04?", "2024-04-29/2024-05-03"]


def test_import_strips_html_and_decodes_entities(timeline: Document) -> None:
    coup = next(e for e in timeline.events if e.id == "coup")
    assert coup.label == "Coup d’État" and coup.note == "President Bazoum detained\nby the guard"
    assert timeline.events[0].note == "From France & the French Community"
    assert timeline.title == "US troops in Niger"
    assert "<script>" not in timeline.text


def test_import_makes_a_document_where_each_event_is_mentioned(timeline: Document) -> None:
    for event in timeline.events:
        assert timeline.text[event.mentions[0].start : event.mentions[0].end] == event.label


def test_media_becomes_a_source_and_eras_are_kept(timeline: Document) -> None:
    coup = next(e for e in timeline.events if e.id == "coup")
    src = present(timeline.source(coup.sources[0].source))
    assert (src.url, src.title, src.publisher) == (
        "https://www.bbc.com/news/world-africa-66310000",
        "BBC report",
        "BBC",
    )
    assert timeline.extra["timelinejs"]["eras"][0]["text"]["headline"] == "US presence"
    assert timeline.extra["timelinejs"]["groups"] == {"first-us-drones-in-niamey": "Military"}
    assert any("eras" in p.message for p in timeline.problems)


def test_seed_timeline_round_trips(seed_doc: Document, tmp_path: Path) -> None:
    out, _ = export_timelinejs(seed_doc)
    (tmp_path / "t.json").write_text(json.dumps(out), encoding="utf-8")
    again = import_timelinejs(tmp_path / "t.json", base=Document(Path("b"), "b", "B", "fr", seed_doc.text))
    before = sorted(seed_doc.events, key=lambda e: e.date.sort_key)
    assert [(e.id, e.label, e.date.text, e.note) for e in again.events] == [
        (e.id, e.label, e.date.text, e.note) for e in before
    ]


def test_import_onto_a_text_gives_background_events(fixtures: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some article.", encoding="utf-8")
    doc = import_timelinejs(fixtures / "timelinejs" / "timeline.json", text_path=tmp_path / "a.txt")
    assert doc.text == "Some article." and all(e.background for e in doc.events)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "$: a TimelineJS file is an object"),
        ({"events": {}}, "$.events: must be a list"),
        ({"events": [{"text": {}}]}, "$.events[0]: has no start_date"),
        ({"events": [{"start_date": {"month": 3}}]}, "$.events[0].start_date: has no year"),
        (
            {"events": [{"start_date": {"year": "twenty"}}]},
            "$.events[0].start_date.year: must be a whole number",
        ),
        (
            {"events": [{"start_date": {"year": 2024, "month": 13}}]},
            "$.events[0].start_date.month: 13 is outside",
        ),
        (
            {"events": [{"start_date": {"year": 2023, "month": 2, "day": 29}}]},
            "$.events[0].start_date.day: 29 is",
        ),
        (
            {"events": [{"start_date": {"year": 2023, "day": 2}}]},
            "$.events[0].start_date: has a day but no month",
        ),
        ({"events": [{"edtf": "2024-13"}]}, "$.events[0].edtf:"),
        ({"events": [3]}, "$.events[0]: must be an object"),
        (
            {"events": [{"start_date": {"year": 2024}, "end_date": {"year": 2020}}]},
            "$.events[0]: start_date and end",
        ),
    ],
)
def test_invalid_input_is_a_json_path_message(tmp_path: Path, data: object, message: str) -> None:
    (tmp_path / "t.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LoadError) as info:
        import_timelinejs(tmp_path / "t.json")
    assert info.value.problems[0].message.startswith(message)


def test_eras_and_groups_are_written_back(timeline: Document) -> None:
    out, _ = export_timelinejs(timeline)
    assert out["eras"][0]["text"]["headline"] == "US presence"
    groups = {s["unique_id"]: s["group"] for s in out["events"]}
    assert groups["first-us-drones-in-niamey"] == "Military" and groups["coup"] == "in the text"


@pytest.mark.parametrize(
    ("count", "said"),
    [
        (0, "this briefing has no events"),
        (1, "its 1 event has no known start"),
        (1200, "none of its 1,200 events has a known start"),
    ],
)
def test_a_timeline_with_no_dated_event_says_how_many_in_words(count: int, said: str) -> None:
    from briefing_tui.formats.common import ExportRefused

    with pytest.raises(ExportRefused) as refused:
        export_timelinejs(_doc_with_dates(*["XXXX"] * count))
    assert str(refused.value) == f"TimelineJS needs at least one event with a known date; {said}"
