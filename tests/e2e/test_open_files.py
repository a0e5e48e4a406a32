"""``briefing PATH``: what cannot be opened is printed, and one file of a collection opens."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests.support.ptyterm import PtyTerm

pytestmark = pytest.mark.e2e
BRIEFING = Path(sys.executable).parent / "briefing"
COLLECTION = Path(__file__).resolve().parents[1] / "fixtures" / "reader" / "collection"
ALTERNATE_SCREEN = b"\x1b[?1049h"


def _nothing(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BRIEFING), str(path)],
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.skipif(not Path("/etc/passwd").is_file(), reason="no /etc/passwd")
def test_a_file_that_is_not_a_briefing_prints_the_error_and_exits_1() -> None:
    result = _nothing(Path("/etc/passwd"))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "/etc/passwd:1:1: error: unknown file kind (no suffix): expected briefing YAML or brat .txt + .ann",
        "briefing: nothing could be opened",
    ]


def test_an_empty_folder_and_a_broken_file_print_their_errors_and_exit_1(tmp_path: Path) -> None:
    result = _nothing(tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith(f"{tmp_path}:1:1: error: no briefing files in this folder\n  hint: ")
    broken = tmp_path / "evil\x1b]0;PWNED\x07.yaml"
    broken.write_text("format: 1\nid: [unclosed\n", encoding="utf-8")
    result = _nothing(broken)
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{tmp_path}/evil\\x1b]0;PWNED\\x07.yaml:") and ": error: " in first


def test_in_a_terminal_nothing_opened_never_enters_full_screen(tmp_path: Path) -> None:
    with PtyTerm([str(BRIEFING), str(tmp_path)], columns=80, lines=24) as term:
        status = term.wait_exit(timeout=10)
        term.wait_quiet(0.1, timeout=1)  # what is still in the pty after the exit
    assert status == 1
    assert ALTERNATE_SCREEN not in term.raw
    assert b"no briefing files in this folder" in term.raw


def test_one_file_of_a_collection_opens_with_the_document_it_cites() -> None:
    with PtyTerm([str(BRIEFING), str(COLLECTION / "a-main.yaml")], columns=120, lines=40) as term:
        term.wait_for("Talks in Niamey", timeout=10)
        term.wait_for("also opened b-statement.yaml", timeout=5)  # the notice says why
        term.wait_for("On the withdrawal", timeout=5)  # listed among the documents
        term.send("q")
        assert term.wait_exit(timeout=5) == 0


def test_a_large_file_that_fails_ends_the_reader_and_prints_its_errors(tmp_path: Path) -> None:
    """Too large to read before the first paint: the loading screen shows, then the errors are printed."""
    big = tmp_path / "big.yaml"
    body = "  word word word word word word word word\n" * 8000
    big.write_text(
        f"format: 1\nid: big\ntitle: Big\nlanguage: en\ntext: |-\n{body}entities: [x\n", encoding="utf-8"
    )
    with PtyTerm([str(BRIEFING), str(big)], columns=100, lines=30) as term:
        status = term.wait_exit(timeout=15)
        term.wait_quiet(0.1, timeout=1)
    assert status == 1
    restored = term.raw.rindex(b"\x1b[?1049l")  # full screen left before the errors are printed
    after = bytes(term.raw[restored:])
    assert b"big.yaml:8006:11: error: invalid YAML" in after and b"briefing: nothing could be opened" in after
