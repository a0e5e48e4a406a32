"""The installed ``briefing`` in a real pseudo-terminal: title, ] s back q, a clean exit."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from tests.support.ptyterm import PtyTerm

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
BRIEFING = Path(sys.executable).parent / "briefing"
HOSTILE = ROOT / "tests" / "fixtures" / "reader" / "hostile.yaml"
TITLE = "Les enjeux du retrait des troupes"


def test_reader_keys_in_a_pty(tmp_path: Path) -> None:
    with PtyTerm([str(BRIEFING)], columns=120, lines=40, cwd=str(tmp_path)) as term:
        term.wait_for(TITLE, timeout=20)
        term.send("]")
        term.wait_for("Claim 1 of 15")
        term.send("]]")
        term.wait_for("Claim 3 of 15")
        assert "supported" in term.text()
        term.send("s")
        term.wait_for("Source 1 of 2  S-state-0424")
        term.wait_for("U.S. Department of State")  # the entry is drawn in more than one frame
        term.send(b"\x0f")  # ctrl+o: back
        term.wait_for("Claim 3 of 15")
        assert "S-state-0424" not in term.text()
        term.send("q")
        assert term.wait_exit(10) == 0


def test_hostile_document_in_a_pty(tmp_path: Path) -> None:
    with PtyTerm([str(BRIEFING), str(HOSTILE)], columns=120, lines=40, cwd=str(tmp_path)) as term:
        term.wait_for("[bold]Title[/]", timeout=20)
        term.send("]")
        term.wait_for("[bold]gloss[/] [sic]")
        term.send("s")
        term.wait_for("[@click=app.quit]Source title[/]")
        term.wait_quiet()
        screen = term.text()
        assert "␛]52;c;aGVsbG8=␇" in screen and "␛[2J" in screen
        assert b"\x1b]52" not in term.raw  # no clipboard write reached the terminal
        term.send("q")
        assert term.wait_exit(10) == 0


def test_reader_in_monochrome_at_80x24(tmp_path: Path) -> None:
    env = {"NO_COLOR": "1"}
    with PtyTerm([str(BRIEFING)], columns=80, lines=24, env=env, cwd=str(tmp_path)) as term:
        term.wait_for(TITLE, timeout=20)
        assert "1 Text" in term.text() and "2 Claim" in term.text()  # the pane bar of a small terminal
        term.send("]2")
        term.wait_for("Claim 1 of 15")
        term.send("q")
        assert term.wait_exit(10) == 0


def test_a_resize_and_back_draws_the_text_once_in_a_pty(tmp_path: Path) -> None:
    """80x24, the 12th claim, resized to 120x40 and back: the same screen, every line once (the
    first line was drawn twice, with a stale scrollbar fragment, until a key drew the pane again)."""
    unset: dict[str, str | None] = {"COLUMNS": None, "LINES": None}  # the size comes from the pty
    with PtyTerm([str(BRIEFING)], columns=80, lines=24, env=unset, cwd=str(tmp_path)) as term:
        term.wait_for(TITLE, timeout=20)
        term.send("]" * 12)
        term.wait_for("claim 12 of 15")
        term.wait_quiet()
        before = term.text()
        assert before.splitlines()[-1].rstrip().endswith("q Quit   ▏^p palette")  # no key cut off
        term.resize(120, 40)
        term.wait_for("╭─ 2 Claim")
        term.wait_quiet()
        term.resize(80, 24)
        term.wait_for("tab: next pane")  # the pane bar of a small terminal
        term.wait_quiet()
        assert term.text() == before
        term.send("jk")  # the text pane drawn again shows the same
        term.wait_quiet()
        assert term.text() == before
        term.send("q")
        assert term.wait_exit(10) == 0
