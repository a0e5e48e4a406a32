"""Every place that shows a date says it in the same words, and orders dates by their true bounds."""

from __future__ import annotations

import html
from pathlib import Path

from tests.support.looks import PlainLooks

from briefing_tui.formats.html_report import export_html
from briefing_tui.formats.markdown import export_markdown
from briefing_tui.formats.report import timeline
from briefing_tui.formats.timelinejs_export import export_timelinejs
from briefing_tui.model import Document, Event
from briefing_tui.model.dates import parse_edtf, say_date
from briefing_tui.model.navigation import Navigator
from briefing_tui.widgets.detail_text import event_text

# In date order: 170,000,001 BC, 1986 BC, the 1560s, 1900–1999, 1960, 2004, 25 Apr 2024 (then on or
# after it), 170,000,002.
ORDERED = [
    "Y-17E7",
    "-1985",
    "156X-12-25",
    "1950S2",
    "{1960,1961-12}",
    "2004-?06-11",
    "2024-04-25",
    "[2024-04-25..]",
    "Y170000002",
]


def _doc() -> Document:
    doc = Document(Path("d.yaml"), "d", "Dates", "en", "A text.")
    doc.events = [Event(f"e{i}", f"event {i}", parse_edtf(t)) for i, t in reversed(list(enumerate(ORDERED)))]
    return doc


def test_say_date_is_the_words_or_the_text_as_written() -> None:
    assert say_date(parse_edtf("156X-12-25")) == "25 Dec, 1560s"
    assert say_date("XXXX-12-XX") == "a day in December, year unknown"
    assert say_date("last spring") == "last spring"


def test_reports_list_the_timeline_in_order_in_the_same_words() -> None:
    doc = _doc()
    rows = timeline(doc)
    assert [ev.date.text for _, ev in rows] == ORDERED
    assert [shown for shown, _ in rows] == [say_date(t) for t in ORDERED]
    page = export_html(doc)
    positions = [page.index(f"<b>{html.escape(say_date(t))}</b>") for t in ORDERED]
    assert positions == sorted(positions)
    markdown = export_markdown(doc).replace("\\", "")
    positions = [markdown.index(f"**{say_date(t)}**") for t in ORDERED]
    assert positions == sorted(positions)


def test_timelinejs_display_date_is_the_same_words() -> None:
    slides, _ = export_timelinejs(_doc())
    shown = {slide["edtf"]: slide["display_date"] for slide in slides["events"]}
    assert shown and all(words == say_date(text) for text, words in shown.items())
    assert shown["-1985"] == "1986 BC" and slides["events"][0]["edtf"] == "Y-17E7"


def test_the_claim_pane_says_an_event_date_in_the_same_words() -> None:
    doc = _doc()
    nav = Navigator(doc)
    for event in doc.events:
        assert event_text(nav, event, PlainLooks()).plain.splitlines()[1].startswith(say_date(event.date))


def test_the_event_pane_names_a_qualifier_on_one_part_once() -> None:
    doc = _doc()
    event = next(e for e in doc.events if e.date.text == "2004-?06-11")
    assert (
        event_text(Navigator(doc), event, PlainLooks()).plain.splitlines()[1]
        == "11 Jun 2004 (month uncertain)  [2004-?06-11]"
    )
