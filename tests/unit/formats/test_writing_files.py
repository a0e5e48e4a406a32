"""Writing files: one error line and exit 1 when the output cannot be written, never a half file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_tui.cli import main

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "niger-us-withdrawal.yaml"


def _run(*args: str, stdout: int | None = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    code = "import sys; from briefing_tui.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], stdout=stdout, stderr=subprocess.PIPE)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_stdout_to_a_full_disk_is_one_line_and_exit_1() -> None:
    with open("/dev/full", "wb") as full:
        result = _run("export", "html", str(SEED), stdout=full.fileno())
    err = result.stderr.decode()
    assert result.returncode == 1
    assert err.splitlines() == ["briefing export: standard output: cannot write: No space left on device"]


@pytest.mark.skipif(not Path("/proc/version").is_file(), reason="needs /proc")
def test_output_where_no_temporary_file_can_be_made_is_one_line_and_exit_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = Path("/proc/version").read_bytes()
    assert main(["export", "html", str(SEED), "-o", "/proc/version", "--force"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("briefing export: /proc/version: cannot make a file in /proc")
    assert "Traceback" not in err
    assert Path("/proc/version").read_bytes() == before


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.html"
    out.write_text("the old report\n", encoding="utf-8")

    def failing_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    assert main(["export", "html", str(SEED), "-o", str(out), "--force"]) == 1
    assert out.read_text(encoding="utf-8") == "the old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]
    assert "No space left on device" in capsys.readouterr().err


@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002])
def test_a_new_output_file_follows_the_umask(tmp_path: Path, mask: int) -> None:
    out = tmp_path / "report.md"
    old = os.umask(mask)
    try:
        assert main(["export", "markdown", str(SEED), "-o", str(out)]) == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o640)
    assert main(["export", "markdown", str(SEED), "-o", str(out), "--force"]) == 0
    assert out.stat().st_mode & 0o777 == 0o640
    assert out.read_text(encoding="utf-8") != "old\n"
