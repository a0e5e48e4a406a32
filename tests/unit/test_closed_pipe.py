"""A command whose reader closes the pipe early ends as grep or cat do: status 141, nothing said.

``briefing validate bad/ | head -1`` must not pass under ``set -o pipefail`` with broken files: a
closed pipe is never status 0 (nor the status the command would have had), and no traceback or
message follows it on standard error.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "niger-us-withdrawal.yaml"
CASES = ROOT / "tests" / "hostile" / "cases"
PIPE_CLOSED = 141  # 128 + SIGPIPE, as a shell reports grep or cat ended by a closed pipe

COMMANDS = {
    "validate": ["validate", str(CASES)],
    "validate-json": ["validate", "--format", "json", str(CASES)],
    "search": ["search", "Niger", str(SEED)],
    "schema": ["schema"],
    "export": ["export", "markdown", str(SEED)],
    "help": ["--help"],
    "command-help": ["validate", "--help"],
    "version": ["--version"],
}
# Nothing on standard output, problems on standard error: only ``2>&1`` meets the closed pipe.
SEARCH_NO_MATCH = ["search", "zzzzz", str(CASES / "yaml-bad-ids.yaml"), str(SEED)]


def _closed_pipe() -> int:
    """The writing end of a pipe whose reader is already gone: every write to it fails (EPIPE)."""
    read, write = os.pipe()
    os.close(read)
    return write


def _run(args: list[str], *, stderr_too: bool) -> subprocess.CompletedProcess[bytes]:
    pipe = _closed_pipe()
    try:
        return subprocess.run(
            [sys.executable, "-m", "briefing_tui", *args],
            stdin=subprocess.DEVNULL,
            stdout=pipe,
            stderr=pipe if stderr_too else subprocess.PIPE,
            timeout=60,
            check=False,
        )
    finally:
        os.close(pipe)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_closed_stdout_is_status_141_and_no_message(name: str) -> None:
    result = _run(COMMANDS[name], stderr_too=False)
    assert result.returncode == PIPE_CLOSED
    assert result.stderr == b""


@pytest.mark.parametrize("args", [COMMANDS["validate"], COMMANDS["export"], SEARCH_NO_MATCH])
def test_stdout_and_stderr_to_a_closed_pipe_is_status_141(args: list[str]) -> None:
    """``briefing … 2>&1 | true``: the messages meet the closed pipe too."""
    assert _run(args, stderr_too=True).returncode == PIPE_CLOSED


def test_nothing_written_to_a_closed_stdout_keeps_the_command_status() -> None:
    """As grep's: a search that matches nothing never meets the pipe (2: a file could not be read)."""
    result = _run(SEARCH_NO_MATCH, stderr_too=False)
    assert result.returncode == 2
    assert b"cannot search" in result.stderr


def test_a_reader_that_stops_after_one_line_gives_141(tmp_path: Path) -> None:
    """``briefing validate bad/ | head -1``: the first line is read, then the pipe closes.

    The folder's problems are many times what a pipe holds, so that the command is still writing.
    """
    bad = (CASES / "yaml-bad-ids.yaml").read_bytes()
    for n in range(300):
        (tmp_path / f"bad-{n:03}.yaml").write_bytes(bad)
    with subprocess.Popen(
        [sys.executable, "-m", "briefing_tui", "validate", str(tmp_path)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline()
        process.stdout.close()
        err = process.stderr.read()
        assert process.wait(timeout=60) == PIPE_CLOSED
    assert err == b""
