"""The person's own layer (sidecar W3C annotations) and the journal of unsaved edits."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from tests.support.checks import present
from tests.unit.edit.support import SEED

from briefing_tui.edit import journal, ops
from briefing_tui.edit import session as session_module
from briefing_tui.edit.session import Session
from briefing_tui.edit.sidecar import sidecar_items, sidecar_path

TODAY = date(2026, 12, 5)
W3C = "http://www.w3.org/ns/anno.jsonld"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "seed.yaml"
    shutil.copyfile(SEED, target)
    return target


def test_notes_only_writes_a_w3c_sidecar_and_never_the_file(path: Path) -> None:
    session = Session.open(path, notes_only=True)
    saved_notes: list[bool] = []
    session.on_change.append(lambda s: saved_notes.append(s.modified))
    session.apply(ops.rate_claim(session.doc, "C1", "misleading", "Only in part.", TODAY))
    session.apply(ops.set_note(session.doc, "claim", "C2", "Ask the ministry."))
    session.apply(ops.set_verified(session.doc, "entity", "niger", False))
    session.add_bookmark(10, 30, "come back")
    with pytest.raises(ops.EditError, match="only notes, ratings"):
        session.apply(ops.make_claim(session.doc, 0, 5))
    session.save()
    assert path.read_bytes() == SEED.read_bytes() and not session.modified
    assert saved_notes[-1] is False  # the journal and the panes hear of the save
    data = json.loads(sidecar_path(path).read_text(encoding="utf-8"))
    assert data["@context"] == W3C and data["type"] == "AnnotationCollection"
    [rating] = [
        i for i in data["first"]["items"] if i["id"] == "urn:briefing:niger-us-withdrawal:rating:claim:C1"
    ]
    assert rating["motivation"] == "assessing"
    selectors = {s["type"]: s for s in rating["target"]["selector"]}
    claim = present(session.doc.claim("C1"))
    assert selectors["TextPositionSelector"] == {
        "type": "TextPositionSelector",
        "start": claim.span.start,
        "end": claim.span.end,
    }
    assert selectors["TextQuoteSelector"]["exact"] == session.doc.text[claim.span.start : claim.span.end]
    assert {i["motivation"] for i in data["first"]["items"]} == {
        "assessing",
        "commenting",
        "tagging",
        "bookmarking",
    }
    assert len(sidecar_items(path)) == 4

    again = Session.open(path, notes_only=True)
    assert present(present(again.doc.claim("C1")).verdict).rating.value == "misleading"
    assert present(present(again.doc.claim("C1")).verdict).explanation == "Only in part."
    assert present(again.doc.claim("C2")).note == "Ask the ministry."
    assert present(again.doc.entity("niger")).unverified == ["*"]
    assert [(b.start, b.end, b.label) for b in again.bookmarks] == [(10, 30, "come back")]
    assert not again.modified and again.layer_problems == []


def test_a_file_that_cannot_be_written_is_opened_notes_only(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(session_module.os, "access", lambda *args, **kwargs: False)
    session = Session.open(path)
    assert session.notes_only


def test_bookmarks_of_a_writable_file_go_beside_it(path: Path) -> None:
    session = Session.open(path)
    session.add_bookmark(0, 5)
    session.apply(ops.set_note(session.doc, "claim", "C1", "in the file"))
    session.save()
    assert "note: in the file" in path.read_text(encoding="utf-8")
    [item] = sidecar_items(path)
    assert item["motivation"] == "bookmarking"
    session.remove_bookmark(session.bookmarks[0].id)
    session.save()
    assert not sidecar_path(path).exists()


def test_a_hostile_sidecar_is_read_without_harm(path: Path) -> None:
    sidecar_path(path).write_text(
        json.dumps(
            {"first": {"items": [{"id": "urn:briefing:niger-us-withdrawal:note:claim:NOPE"}, 5, {"id": "x"}]}}
        ),
        encoding="utf-8",
    )
    session = Session.open(path, notes_only=True)
    assert len(session.layer_problems) == 3 and not session.modified
    sidecar_path(path).write_text("{not json", encoding="utf-8")
    assert Session.open(path, notes_only=True).layer_problems


def test_unsaved_edits_are_journaled_and_restored(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    session = Session.open(path)
    journal.attach(session)
    session.apply(ops.rate_claim(session.doc, "C1", "false", "Wrong.", TODAY))
    session.apply(ops.make_claim(session.doc, 0, 5))
    session.apply(ops.remove_annotation(session.doc, "claim", "C3"))
    assert session.journal_path is not None and session.journal_path.is_relative_to(
        tmp_path / "state" / "briefing"
    )
    [entry] = journal.pending()
    assert entry.path == path and entry.count == 3 and entry.same_file
    restored, skipped, _ = journal.restore(entry)
    assert skipped == []
    assert present(present(restored.doc.claim("C1")).verdict).explanation == "Wrong."
    assert restored.doc.claims[-1].span.start == 0 and restored.doc.claim("C3") is None
    restored.save()
    assert journal.pending() == []


def test_a_hostile_journal_restores_nothing_it_cannot_read(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    folder = journal.journal_dir()
    folder.mkdir(parents=True)
    (folder / "junk.json").write_text("[1, 2", encoding="utf-8")
    entry = {
        "version": 1,
        "path": str(path),
        "changes": [
            {"kind": "claim", "id": "C1", "yaml": "id: C1\nspan: &a [0, 5]\nnote: *a\n"},
            {"kind": "claim", "id": "C2", "yaml": "id: C2\nspan: [0, 99999999]\n"},
            {"kind": "nope", "id": "x"},
        ],
    }
    (folder / "bad.json").write_text(json.dumps(entry), encoding="utf-8")
    [pending] = journal.pending()
    restored, skipped, _ = journal.restore(pending)
    assert len(skipped) == 3 and not restored.modified


def test_an_imported_document_keeps_its_notes_beside_it(tmp_path: Path) -> None:
    from briefing_tui.files import load_file

    brat = Path(__file__).resolve().parents[2] / "fixtures" / "formats" / "brat"
    for name in ("report.txt", "report.ann"):
        shutil.copyfile(brat / name, tmp_path / name)
    doc = load_file(tmp_path / "report.txt")
    session = Session.for_document(doc)
    assert session.notes_only
    kind, items = next((k, v) for k, v in ops.lists(doc).items() if v)
    session.apply(ops.set_note(doc, kind, items[0].id, "checked"))  # type: ignore[arg-type]
    session.save()
    assert (tmp_path / "report.txt").read_bytes() == (brat / "report.txt").read_bytes()
    again = Session.for_document(load_file(tmp_path / "report.txt"))
    assert ops.lists(again.doc)[kind][0].note == "checked"


def test_a_saved_note_undone_stays_unsaved_when_the_file_changes_under_it(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Notes only: a note saved beside the file, then undone, is an unsaved edit of the layer; someone
    else's change to the file, taken in, must not make the session forget it (the sidecar, which still
    holds the note, would bring it back)."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    session = Session.open(path, notes_only=True)
    journal.attach(session)
    session.apply(ops.set_note(session.doc, "claim", "C1", "a"))
    session.save()
    session.undo()
    assert ("claim", "C1") in session.unsaved()
    other = Session.open(path)
    other.apply(ops.set_note(other.doc, "entity", "fitzgibbon", "theirs"))
    other.save()
    assert session.check_disk().state == "merged"
    assert ("claim", "C1") in session.unsaved()
    [entry] = journal.pending()
    restored, skipped, _ = journal.restore(entry, notes_only=True)
    assert skipped == [] and present(restored.doc.claim("C1")).note == ""
    session.save()  # the layer without the note
    assert present(Session.open(path, notes_only=True).doc.claim("C1")).note == ""
