"""The journal of unsaved edits: what an entry holds and what becomes of it when the session it
kept is saved elsewhere."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.unit.edit.support import SEED

from briefing_tui.edit import journal, ops
from briefing_tui.edit.session import Session


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
