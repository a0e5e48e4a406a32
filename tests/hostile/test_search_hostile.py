"""Hostile queries through `briefing search`: regex metacharacters, catastrophic patterns, escapes, length."""

from __future__ import annotations

import json
import subprocess

import pytest
from tests.hostile.common import BRIEFING, CASES, UNSAFE_OUTPUT

QUERIES: list[str] = json.loads((CASES / "search-queries.json").read_text(encoding="utf-8"))
TARGET = CASES / "term-osc52-clipboard.yaml"  # holds escapes, brackets and backslashes to match against
# A hang, not speed, is what this catches: the search's own time limit ends a catastrophic pattern in about a
# second, and a loaded machine can take several more just to start the process.
TIMEOUT = 30.0


def _search(*args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            [str(BRIEFING), "search", *args], capture_output=True, timeout=TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"briefing search {args[:-1]!r} did not settle within {TIMEOUT}s")


@pytest.mark.parametrize("regex", [False, True], ids=["literal", "regex"])
@pytest.mark.parametrize("index", range(len(QUERIES)))
def test_a_hostile_query_settles_with_a_clear_outcome(index: int, regex: bool) -> None:
    query = QUERIES[index]
    if "\x00" in query:
        pytest.skip("a NUL cannot be passed as an argument")
    result = _search(*(["--regex"] if regex else []), "--color", "never", "--", query, str(TARGET))
    out = result.stdout + result.stderr
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
    assert result.returncode in (0, 1, 2), out.decode(errors="replace")
    assert not UNSAFE_OUTPUT.search(out), f"unsafe bytes reached the terminal: {out[:400]!r}"
    if result.returncode == 2:
        assert result.stderr.startswith(b"briefing search: "), result.stderr[:300]


def test_a_literal_query_of_escapes_finds_the_escapes_and_prints_them_inert() -> None:
    result = _search("--color", "never", "--exact", "\x1b]52;c;", str(TARGET))
    assert result.returncode == 0, result.stderr
    assert b"\xe2\x90\x9b]52;c;" in result.stdout  # shown as ␛]52;c;
    assert b"\x1b" not in result.stdout


def test_brackets_and_backslashes_are_found_literally() -> None:
    result = _search("--color", "never", "C:\\Temp\\", str(TARGET))
    assert result.returncode == 0, result.stderr
    assert b"C:\\Temp\\" in result.stdout
