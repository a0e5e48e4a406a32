"""The timeline pane says rare EDTF dates in words and lists them by their true bounds."""

from __future__ import annotations

from pathlib import Path

from tests.ui.reader_support import reader_ready

from briefing_tui.app import BriefingApp
from briefing_tui.files import load_paths
from briefing_tui.model.dates import say_date
from briefing_tui.widgets.timeline_list import TimelineList

# In date order, written out of order in the file.
# An unknown year starts at year 0 (1 BC), so "XXXX-12-XX" comes before the 1560s.
DATES = ["Y-17E7", "-1985", "XXXX-12-XX", "156X-12-25", "1984-1X", "[2024-04-25..]", "Y170000002"]
SIZE = (120, 36)


def _briefing(folder: Path) -> Path:
    events = "".join(
        f'  - {{id: e{i}, label: "event {i}", date: "{date}"}}\n'
        for i, date in reversed(list(enumerate(DATES)))
    )
    path = folder / "dates.yaml"
    path.write_text(
        f"format: 1\nid: dates\ntitle: Dates\nlanguage: en\ntext: A short text.\nevents:\n{events}",
        encoding="utf-8",
    )
    return path


async def test_timeline_lists_rare_dates_in_order_in_words(tmp_path: Path) -> None:
    _briefing(tmp_path)
    app = BriefingApp([tmp_path], collection=load_paths([tmp_path]))
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader_ready(pilot)  # the lists fill in just after the first paint
        timeline = screen.query_one(TimelineList)
        events = [timeline.get_option_at_index(i) for i in range(timeline.option_count)]
        ids = [option.id for option in events if option.id]
        assert ids == [f"e{i}" for i in range(len(DATES))]
        assert timeline.option_count == len(DATES) + 1  # the heading, then the events
        said = [say_date(d) for d in DATES]
        assert said[1] == "1986 BC" and said[2] == "a day in December, year unknown"
        for option, words in zip(events[1:], said, strict=True):  # the date column shows 12 cells
            assert str(option.prompt).replace("\n", " ").find(words[:12]) >= 0
