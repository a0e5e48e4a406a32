"""The crash path: a log with the traceback, a short sanitized message."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from briefing_tui import crash
from briefing_tui.crash import crash_message, log_dir, report_crash, write_crash_log


def _error() -> KeyError:
    empty: dict[str, str] = {}
    try:
        empty["\x1b]52;c;QQ==\x07"]
    except KeyError as exc:
        return exc
    raise AssertionError("unreachable")


def test_the_log_holds_the_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    log = write_crash_log(_error())
    assert log is not None and log.parent == tmp_path / "briefing" == log_dir()
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "KeyError" in text


def test_the_log_falls_back_to_the_temporary_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocked))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    log = write_crash_log(_error())
    assert log is not None and log.parent == tmp_path


def test_the_message_is_short_and_sanitized() -> None:
    message = crash_message(ValueError("bad \x1b]52;c;QQ==\x07"), Path("/tmp/log\x1b[2J.log"))
    assert "\x1b" not in message and "\x07" not in message
    head = "briefing: an unexpected error stopped the reader: ValueError: bad ␛]52;c;QQ==␇"
    assert message.startswith(head)
    assert message.endswith("  the details are in /tmp/log\\x1b[2J.log\n")
    assert len(crash_message(RuntimeError("x" * 10_000), None)) < 400


def test_report_crash_prints_the_message_and_returns_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert report_crash(_error()) == 1
    err = capsys.readouterr().err
    assert err.startswith("briefing: an unexpected error stopped the reader: KeyError")
    assert str(tmp_path / "briefing") in err


BLOCKED_READER = """
import asyncio, threading
from briefing_tui import crash

crash.ENDED_AFTER = 0.2

class App:
    def exit(self, result, status):
        print("exit asked", status, flush=True)

async def main():
    crash._exit_on_signals(App())
    print("ready", flush=True)
    lock = threading.Lock()
    lock.acquire()
    lock.acquire()  # the event loop blocked for ever, as a shutdown writing to a gone terminal was

asyncio.run(main())
"""


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_a_reader_told_to_end_ends_even_when_its_event_loop_is_blocked(signame: str) -> None:
    """SIGHUP came while the reader's shutdown waited for ever to write to the terminal that had
    gone, and the reader never ended. Now it ends ``ENDED_AFTER`` seconds later, with the status
    the signal gives."""
    import signal
    import subprocess

    signum = getattr(signal, signame)
    with subprocess.Popen(
        [sys.executable, "-c", BLOCKED_READER], stdout=subprocess.PIPE, text=True, env=_env()
    ) as child:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        child.send_signal(signum)
        try:
            status = child.wait(timeout=60)
        except subprocess.TimeoutExpired:
            child.kill()
            raise AssertionError("the blocked reader did not end") from None
    assert status == 128 + signum


def _env() -> dict[str, str]:
    src = str(Path(crash.__file__).resolve().parents[1])
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")]))}
