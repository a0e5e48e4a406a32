"""Checking with the installed ``briefing`` in a real pseudo-terminal, large and small: rate a
claim, undo, redo, save, and the file on disk afterwards (only the verdict's lines changed, every
comment of the seed still there)."""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

import pytest
from tests.support.ptyterm import PtyTerm

from briefing_tui.model import load_document
from briefing_tui.model.types import Rating

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
BRIEFING = Path(sys.executable).parent / "briefing"
SEED = ROOT / "seeds" / "niger-us-withdrawal.yaml"
TITLE = "Les enjeux du retrait des troupes"
CTRL_S = b"\x13"
UP = b"\x1b[A"


@pytest.mark.parametrize(("columns", "lines"), [(120, 40), (80, 24)])
def test_rate_undo_redo_save_in_a_pty(tmp_path: Path, columns: int, lines: int) -> None:
    path = tmp_path / SEED.name
    shutil.copyfile(SEED, path)
    with PtyTerm([str(BRIEFING), str(path)], columns=columns, lines=lines, cwd=str(tmp_path)) as term:
        term.wait_for(TITLE, timeout=20)
        term.send("]2")  # the first claim, C11 (an opinion); its pane in front in a small terminal
        term.wait_for("Claim 1 of 15")
        term.send("r")
        term.wait_for("Rate claim C11")
        term.send(UP * 5)  # from "opinion" up to "misleading"
        term.send("\r")  # on to the explanation
        term.wait_quiet()
        term.send(" Checked.")  # after the explanation there is
        term.send(CTRL_S)
        term.wait_for("rate C11")  # the dialog closed; the claim pane says:
        term.wait_quiet()
        assert "⚠ misleading" in term.text()
        term.send("u")
        term.wait_for("undo rate C11")
        term.wait_quiet()  # the frame may still be arriving: the notice can come before the panes
        assert "❝ opinion" in term.text() and "⚠ misleading" not in term.text()
        term.send("U")
        term.wait_for("redo rate C11")
        term.wait_quiet()
        assert "⚠ misleading" in term.text()
        term.send(CTRL_S)
        term.wait_for("Saved")
        term.send("q")  # saved: quitting does not ask
        assert term.wait_exit(10) == 0
    old = SEED.read_text(encoding="utf-8").splitlines()
    new = path.read_text(encoding="utf-8").splitlines()
    assert [x for x in old if x.lstrip().startswith("#")] == [x for x in new if x.lstrip().startswith("#")]
    changed = [b.strip() for a, b in zip(old, new, strict=True) if a != b]
    reviewed = f"reviewed: {date.today().isoformat()}"  # changed too, unless the seed's is today's
    assert [line for line in changed if line != reviewed] == [
        "rating: misleading",
        "explanation: An opinion, not a statement of fact; no source can settle it. Checked.",
    ]
    claim = load_document(path).claim("C11")
    assert claim is not None and claim.verdict is not None and claim.verdict.rating is Rating.MISLEADING
    assert f"reviewed: {claim.verdict.reviewed}" == reviewed


@pytest.mark.parametrize(("columns", "lines"), [(120, 40), (80, 24)])
def test_a_passage_made_a_claim_with_a_new_source_in_a_pty(tmp_path: Path, columns: int, lines: int) -> None:
    path = tmp_path / SEED.name
    shutil.copyfile(SEED, path)
    with PtyTerm([str(BRIEFING), str(path)], columns=columns, lines=lines, cwd=str(tmp_path)) as term:
        term.wait_for(TITLE, timeout=20)
        term.send("]")  # the first claim (in a small terminal, its pane stays behind)
        term.wait_quiet()
        term.send("v")
        term.wait_for("4 characters")  # "vers"
        term.send("ww")
        term.wait_for("vers une nouvelle”")
        term.send("c")
        term.wait_for("new claim")  # the edit's notice
        term.send("a")
        term.wait_for("A source for claim")
        term.send(b"\x1b[B\r")  # down into the list: "A new source…" first
        term.wait_for("A new source (tab")
        for field in ("Le communiqué", "AFP", "2024-04", "https://example.org/c"):
            term.send(field)
            term.wait_quiet()
            term.send("\t")  # the next field
            term.wait_quiet()
        term.send(CTRL_S)
        term.wait_for("Its stance")
        term.send("\r")  # supports
        term.wait_quiet()
        term.send(CTRL_S)
        term.wait_for("Saved")
        term.send("q")
        assert term.wait_exit(10) == 0
    old = SEED.read_text(encoding="utf-8")
    new = path.read_text(encoding="utf-8")
    assert [x for x in old.splitlines() if x.lstrip().startswith("#")] == [
        x for x in new.splitlines() if x.lstrip().startswith("#")
    ]
    doc = load_document(path)
    claim = doc.claims[-1]
    assert doc.text[claim.span.start : claim.span.end] == "vers une nouvelle"
    source = doc.sources[-1]
    assert (source.title, source.publisher, source.date, source.url) == (
        "Le communiqué", "AFP", "2024-04", "https://example.org/c"
    )  # fmt: skip
    assert [r.source for r in claim.sources] == [source.id]


@pytest.mark.parametrize(("columns", "lines"), [(120, 40), (80, 24)])
def test_reviewing_drafts_in_a_pty(tmp_path: Path, columns: int, lines: int) -> None:
    path = tmp_path / SEED.name
    text = SEED.read_text(encoding="utf-8")
    for ident in ("C12", "C13"):  # two claims as ``briefing annotate`` drafts them
        text = text.replace(f"  - id: {ident}\n", f"  - id: {ident}\n    draft: true\n", 1)
    path.write_text(text, encoding="utf-8")
    with PtyTerm([str(BRIEFING), str(path)], columns=columns, lines=lines, cwd=str(tmp_path)) as term:
        term.wait_for(TITLE, timeout=20)
        term.send("D")
        term.wait_for("2 drafts left to review")
        term.send("A")  # C13 accepted, on to C12
        term.wait_for("1 draft left to review")
        term.send("X")  # C12 rejected
        term.wait_for("Every draft reviewed")
        term.send(CTRL_S)
        term.wait_for("Saved")
        term.send("q")
        assert term.wait_exit(10) == 0
    saved = path.read_text(encoding="utf-8")
    assert "draft: true" not in saved and "- id: C12\n" not in saved and "- id: C13\n" in saved
    inside_c12 = "    # Stands for the article as a whole: it speaks of the withdrawal as still to come."
    comments = [x for x in SEED.read_text(encoding="utf-8").splitlines() if x.lstrip().startswith("#")]
    assert inside_c12 in comments  # it went with the claim rejected; every other comment stays
    kept = [x for x in saved.splitlines() if x.lstrip().startswith("#")]
    assert [x for x in comments if x != inside_c12] == kept
