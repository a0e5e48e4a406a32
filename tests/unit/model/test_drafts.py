"""`draft: true` on annotations and `date:` on date entities: read, written back, counted by validate."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.unit.model.support import HEAD, load, problems

from briefing_tui.cli import main
from briefing_tui.formats.yaml_writer import dump_document

DRAFTED = (
    HEAD
    + """entities:
  - {id: niger, name: Niger, type: place, mentions: [{quote: Niger, start: 3, end: 8}], draft: true}
  - {id: d1, name: 24 avril 2024, type: date, date: 2024-04-24, draft: true}
  - {id: d2, name: mardi, type: date}
events:
  - {id: e1, label: Le Niger répond, date: 2024-04-24, draft: true}
claims:
  - {id: c1, span: {exact: Le Niger répond.}, sources: [s1], draft: true}
sources:
  - {id: s1, kind: speaker, entity: niger, draft: true}
"""
)


def test_draft_and_date_are_read() -> None:
    doc = load(DRAFTED)
    assert [e.draft for e in doc.entities] == [True, True, False]
    assert [e.date for e in doc.entities] == [None, "2024-04-24", None]
    assert doc.events[0].draft and doc.claims[0].draft and doc.sources[0].draft
    assert doc.claims[0].verdict is None
    assert doc.problems == []


def test_drafts_round_trip_through_the_writer() -> None:
    doc = load(DRAFTED)
    text = dump_document(doc)
    assert text.count("draft: true") == 5
    assert "date: '2024-04-24'" in text
    again = load(text)
    assert [(e.id, e.date, e.draft) for e in again.entities] == [
        (e.id, e.date, e.draft) for e in doc.entities
    ]
    assert again.claims[0].draft and again.sources[0].draft and again.events[0].draft


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("{id: x, name: X, type: date, date: 2024-13}", "bad EDTF date"),
        ("{id: x, name: X, type: place, draft: yes}", "draft must be true or false"),
        ("{id: x, name: X, type: place, date: 2024}", "has a date but its type is place"),
    ],
)
def test_bad_draft_and_date_values_are_reported(entry: str, expected: str) -> None:
    found = problems(HEAD + f"entities:\n  - {entry}\n")
    assert any(expected in p for p in found), found


def test_validate_counts_drafts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "draft.yaml"
    path.write_text(DRAFTED, encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "3 entities (1 mention), 1 claim, 1 event, 1 source, 5 drafts to review, 0 warnings" in out
