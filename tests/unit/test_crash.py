"""The crash path: a log with the traceback, a short sanitized message."""

from __future__ import annotations

from pathlib import Path

import pytest

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
