"""The journal of unsaved edits: the mode its edits were made in, and what becomes of it when the
session it kept is saved elsewhere."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.unit.edit.support import SEED

from briefing_tui.edit import journal, ops
from briefing_tui.edit.session import Session
from briefing_tui.edit.sidecar import sidecar_path


@pytest.fixture
def path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    target = tmp_path / "seed.yaml"
    shutil.copyfile(SEED, target)
    return target


def test_edits_saved_elsewhere_leave_nothing_kept_for_the_file_they_left(path: Path) -> None:
    session = Session.open(path)
    journal.attach(session)
    session.apply(ops.set_note(session.doc, "claim", "C1", "Mine."))
    assert [e.path for e in journal.pending()] == [path.absolute()]
    session.save_as(path.with_name("mine.yaml"))
    assert journal.pending() == []
    session.apply(ops.set_note(session.doc, "claim", "C2", "Mine too."))  # kept for the new file
    assert [e.path for e in journal.pending()] == [path.with_name("mine.yaml").absolute()]


def test_edits_made_notes_only_are_restored_notes_only(path: Path) -> None:
    session = Session.open(path, notes_only=True)
    journal.attach(session)
    session.apply(ops.set_note(session.doc, "claim", "C1", "Beside."))
    [entry] = journal.pending()
    assert entry.notes_only
    restored, skipped = journal.restore(entry)  # asked without notes-only: the entry says so
    assert skipped == [] and restored.notes_only
    before = path.read_bytes()
    restored.save()
    assert path.read_bytes() == before and sidecar_path(path).is_file()
    assert journal.pending() == []
