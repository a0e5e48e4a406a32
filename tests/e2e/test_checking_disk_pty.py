"""Checking with the installed ``briefing`` in a real pseudo-terminal, large and small, when the
disk and the session part ways: the file changed on disk under the reader with the same claim
edited on both sides (the choice side by side), and unsaved edits kept through a killed reader,
offered back at the next start."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.support.ptyterm import PtyTerm

from briefing_tui.edit import journal
from briefing_tui.model import load_document
from briefing_tui.model.types import Rating

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
BRIEFING = Path(sys.executable).parent / "briefing"
SEED = ROOT / "seeds" / "niger-us-withdrawal.yaml"
TITLE = "Les enjeux du retrait des troupes"
CTRL_S = b"\x13"
SIZES = [(120, 40), (80, 24)]
C12_NOTE = "      This claim stands for the whole article, which speaks"


def comments(text: str) -> list[str]:
    return [x for x in text.splitlines() if x.lstrip().startswith("#")]


def wait_until(condition: object, term: PtyTerm, timeout: float = 10.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():  # type: ignore[operator]
        if time.perf_counter() > deadline:
            raise TimeoutError(f"not there after {timeout}s:\n{term.text()}")
        term.pump(0.05)


@pytest.mark.parametrize(("columns", "lines"), SIZES)
def test_the_same_claim_changed_on_disk_is_chosen_side_by_side_in_a_pty(
    tmp_path: Path, columns: int, lines: int
) -> None:
    path = tmp_path / SEED.name
    shutil.copyfile(SEED, path)
    with PtyTerm([str(BRIEFING), str(path)], columns=columns, lines=lines, cwd=str(tmp_path)) as term:
        term.wait_for(TITLE, timeout=20)
        term.send("]")  # C11, an opinion
        term.wait_quiet()
        term.send("R")  # mine: no verdict
        term.wait_for("remove the verdict of C11")
        theirs = path.read_text(encoding="utf-8").replace("rating: opinion", "rating: misleading", 1)
        assert C12_NOTE in theirs
        theirs = theirs.replace(C12_NOTE, C12_NOTE.replace("This claim", "Changed elsewhere; this claim"))
        path.write_text(theirs, encoding="utf-8")  # someone else's edit, seen by the live reload
        term.wait_for("was changed here and in the file on disk", timeout=15)
        term.wait_for("rating: misleading")  # the file's side
        assert "Mine (m)" in term.text() and "The file's (t)" in term.text()
        term.send("m")  # keep mine
        wait_until(lambda: "was changed here" not in term.text(), term)
        term.send(CTRL_S)
        term.wait_for("Saved")
        term.send("q")
        assert term.wait_exit(10) == 0
    saved = path.read_text(encoding="utf-8")
    assert comments(saved) == comments(SEED.read_text(encoding="utf-8"))
    doc = load_document(path)
    mine, other = doc.claim("C11"), doc.claim("C12")
    assert mine is not None and mine.verdict is None  # mine kept
    assert other is not None and other.note.startswith("Changed elsewhere;")  # theirs merged


@pytest.mark.parametrize(("columns", "lines"), SIZES)
def test_unsaved_edits_of_a_killed_reader_are_offered_back_in_a_pty(
    tmp_path: Path, columns: int, lines: int
) -> None:
    path = tmp_path / SEED.name
    shutil.copyfile(SEED, path)
    kept = journal.journal_file(path)
    with PtyTerm([str(BRIEFING), str(path)], columns=columns, lines=lines, cwd=str(tmp_path)) as term:
        term.wait_for(TITLE, timeout=20)
        term.send("]")
        term.wait_quiet()
        term.send("R")
        term.wait_for("remove the verdict of C11")
        wait_until(kept.exists, term)
        os.kill(term.pid, signal.SIGKILL)  # no quitting, no saving
        assert term.wait_exit(10) == -signal.SIGKILL
    assert path.read_bytes() == SEED.read_bytes()
    with PtyTerm([str(BRIEFING), str(path)], columns=columns, lines=lines, cwd=str(tmp_path)) as term:
        term.wait_for("Restore it (u undoes the restore)", timeout=20)  # one edit
        assert "unsaved edit" in term.text()
        term.send("\r")  # restore them
        term.wait_for("Restored the unsaved edit of")
        term.send(CTRL_S)
        term.wait_for("Saved")
        term.send("q")
        assert term.wait_exit(10) == 0
    assert not kept.exists()
    assert comments(path.read_text(encoding="utf-8")) == comments(SEED.read_text(encoding="utf-8"))
    claim = load_document(path).claim("C11")
    assert claim is not None and claim.verdict is None
    assert load_document(SEED).claim("C11").verdict.rating is Rating.OPINION  # type: ignore[union-attr]


def test_the_first_edit_of_a_large_file_says_it_is_opening_and_then_acts_in_a_pty(tmp_path: Path) -> None:
    path = tmp_path / "large.yaml"
    make = ROOT / "bench" / "make_large.py"
    subprocess.run([sys.executable, str(make), str(path), "--mb", "1", "--annotations", "4000"], check=True,
                   capture_output=True)  # fmt: skip
    before = {c.id: c.unverified for c in load_document(path).claims}
    with PtyTerm([str(BRIEFING), str(path)], columns=120, lines=40, cwd=str(tmp_path)) as term:
        term.wait_for("A large generated briefing", timeout=30)
        term.wait_for("claims", timeout=30)  # the annotations loaded
        term.send("]")
        term.wait_quiet()
        term.send("x")  # mark the claim unverified (or verified)
        term.wait_for("Opening large.yaml for editing")
        wait_until(lambda: "Opening large.yaml" not in term.text(), term, 30)
        term.wait_for("verified", timeout=30)  # the edit's notice ("C… unverified"), once the file is open
        term.send(CTRL_S)
        term.wait_for("Saved", timeout=30)
        term.send("q")
        assert term.wait_exit(10) == 0
    after = {c.id: c.unverified for c in load_document(path).claims}
    assert len([i for i in before if before[i] != after[i]]) == 1  # the one claim marked, saved
