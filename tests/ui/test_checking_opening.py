"""A large file is opened for editing in a thread: the first editing key returns at once, a notice
says the file is being opened, and the key acts once the session is ready."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from tests.support.checks import present
from tests.ui.checking_support import SIZE, reader, said
from tests.ui.reader_support import COLLECTION, until

from briefing_tui.app import BriefingApp
from briefing_tui.edit import render
from briefing_tui.edit.session import Session
from briefing_tui.files import load_paths
from briefing_tui.model import load_document
from briefing_tui.screens import session_opening


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Every file counts as large, and opening one waits for the gate to open (in its thread)."""
    opened = threading.Event()
    read_for = Session.read_for

    def slow(doc: Any, **kwargs: Any) -> Session:
        assert threading.current_thread() is not threading.main_thread()
        assert opened.wait(10)
        return read_for(doc, **kwargs)

    monkeypatch.setattr(session_opening, "IN_THREAD_BYTES", 1)
    monkeypatch.setattr(Session, "read_for", staticmethod(slow))
    return opened


async def test_the_first_edit_of_a_large_file_waits_for_its_session_without_blocking(
    seed: Path, gate: threading.Event
) -> None:
    async with BriefingApp([seed], collection=load_paths([seed])).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket", "R")  # returns while the file is being opened
        assert any("Opening niger-us-withdrawal.yaml for editing" in m for m in said(pilot))
        claim = screen.state.current_claim()
        assert claim is not None and claim.verdict is not None and not screen.checking.sessions
        await pilot.press("R")  # a second key while opening: one opening, the last key acts
        gate.set()
        await until(pilot, lambda: present(screen.state.current_claim()).verdict is None, what="acted")
        assert len(screen.checking.session().history.done) == 1  # type: ignore[union-attr]
        await pilot.press("ctrl+s")
        await until(pilot, lambda: b"rating: opinion" not in seed.read_bytes(), what="saved")
    assert load_document(seed).claim("C11").verdict is None  # type: ignore[union-attr]


async def test_a_document_left_while_it_opened_is_ready_and_the_key_does_not_act_elsewhere(
    gate: threading.Event, tmp_path: Path
) -> None:
    for name in ("a-main.yaml", "b-statement.yaml"):
        shutil.copyfile(COLLECTION / name, tmp_path / name)
    async with BriefingApp([tmp_path], collection=load_paths([tmp_path])).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        first = screen.state.doc
        await pilot.press("right_square_bracket", "R")
        other = next(d for d in screen.state.collection.documents if d is not first)
        screen.show_document(other)
        gate.set()
        await until(pilot, lambda: any("is ready for editing" in m for m in said(pilot)), what="said ready")
        assert not screen.checking.modified


def test_the_file_read_again_unchanged_gives_the_readers_own_document(seed: Path) -> None:
    doc = load_document(seed)
    session = Session.read_for(doc)
    assert session.doc is doc and render.same_document(doc, load_document(seed))
    changed = load_document(seed)
    changed.claims[0] = changed.claims[1]
    assert not render.same_document(doc, changed)
