"""TimelineJS on its own templates and examples (tests/fixtures/real/timelinejs): deep time, times of day,
backgrounds, media credits and embeds, the TimelineJS2 shape; and no file TimelineJS would refuse."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from briefing_tui.cli import main
from briefing_tui.formats.common import ExportRefused
from briefing_tui.formats.timelinejs import import_timelinejs, strip_html
from briefing_tui.formats.timelinejs_export import export_timelinejs
from briefing_tui.model import Document

REAL = Path(__file__).resolve().parents[2] / "fixtures" / "real" / "timelinejs"
TL3 = ["cosmo.json", "eras.json", "all-media-types.json", "user-interface_timeline3.json"]


def _date(obj: dict[str, Any]) -> tuple[int, ...]:
    keys = ("year", "month", "day", "hour", "minute", "second")
    return tuple(int(obj[k]) for k in keys if obj.get(k) not in (None, ""))


def _slide(slide: dict[str, Any]) -> tuple[Any, ...]:
    text = slide.get("text") or {}
    media = slide.get("media") or {}
    return (
        _date(slide["start_date"]),
        _date(slide["end_date"]) if slide.get("end_date") else None,
        strip_html(text.get("headline")),
        strip_html(text.get("text")),
        media.get("url"),
        media.get("credit"),
        media.get("thumbnail"),
        media.get("link"),
        json.dumps(slide.get("background"), sort_keys=True),
        json.dumps(slide.get("location"), sort_keys=True),
    )


@pytest.mark.parametrize("name", TL3)
def test_every_slide_comes_back_with_its_date_media_and_background(name: str) -> None:
    original = json.loads((REAL / name).read_text(encoding="utf-8"))
    out, _ = export_timelinejs(import_timelinejs(REAL / name))
    assert sorted(map(_slide, out["events"]), key=repr) == sorted(map(_slide, original["events"]), key=repr)
    for key in ("media", "background"):
        assert out["title"].get(key) == original["title"].get(key)
    assert out.get("eras") == original.get("eras")


def test_deep_time_is_read_and_written_back() -> None:
    doc = import_timelinejs(REAL / "cosmo.json")
    big_bang = next(e for e in doc.events if e.label == "The Big Bang")
    assert big_bang.date.text == "Y-13800000000"
    out, _ = export_timelinejs(doc)
    assert any(s["start_date"] == {"year": -13800000000} for s in out["events"])


def test_hours_minutes_and_seconds_are_kept(tmp_path: Path) -> None:
    data = {"events": [{"start_date": {"year": "2024", "month": "4", "day": "24", "hour": "9", "minute": "30",
                                       "second": "5"}, "text": {"headline": "Statement"}}]}  # fmt: skip
    (tmp_path / "t.json").write_text(json.dumps(data), encoding="utf-8")
    doc = import_timelinejs(tmp_path / "t.json")
    assert doc.events[0].date.text == "2024-04-24T09:30:05"
    out, _ = export_timelinejs(doc)
    assert _date(out["events"][0]["start_date"]) == (2024, 4, 24, 9, 30, 5)


def test_the_timelinejs2_shape_is_read() -> None:
    doc = import_timelinejs(REAL / "houston_timeline2.json")
    assert len(doc.events) == 18 and doc.events[0].date.text == "1963-08-09"
    assert doc.title == "Whitney Houston 1963 - 2012"
    assert any("read as TimelineJS2" in p.message for p in doc.problems)
    out, _ = export_timelinejs(doc)
    assert out["events"][0]["media"]["url"] == "/static/img/examples/houston/family.jpg"


def test_the_timeline_slides_wrapper_is_read(tmp_path: Path) -> None:
    data = {"timeline": {"slides": [{"start_date": {"year": 2024}, "text": {"headline": "One"}}]}}
    (tmp_path / "t.json").write_text(json.dumps(data), encoding="utf-8")
    assert [e.label for e in import_timelinejs(tmp_path / "t.json").events] == ["One"]


def test_what_has_no_briefing_field_is_named() -> None:
    doc = import_timelinejs(REAL / "all-media-types.json")
    message = next(p.message for p in doc.problems if "kept with no briefing equivalent" in p.message)
    for what in ("background (7 slides)", "media credit, thumbnail or link", "HTML embed", "groups"):
        assert what in message


def test_an_export_with_no_event_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ExportRefused):
        export_timelinejs(Document(tmp_path / "d.yaml", "d", "Empty", "en", "Nothing happens."))
    briefing = tmp_path / "d.yaml"
    briefing.write_text(
        "format: 1\nid: d\ntitle: Empty\nlanguage: en\ntext: Nothing happens.\n", encoding="utf-8"
    )
    assert main(["export", "timelinejs", str(briefing), "-o", str(tmp_path / "t.json")]) == 1
    assert "TimelineJS needs at least one event" in capsys.readouterr().err
    assert not (tmp_path / "t.json").exists()
