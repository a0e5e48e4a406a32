"""The command line's display boundary: what a command prints cannot act on a terminal."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from briefing_tui.cli import main
from briefing_tui.console import Styled, Writer
from briefing_tui.crash import report_crash
from briefing_tui.model import Problem, Severity

HOSTILE = "a\x1b]0;PWNED\x07b\x9b2J\u202eevil\u2028\x00\r\x7f"
# Whatever may act on a terminal: C0 but newline and tab, DEL, C1, bidi controls, line separators.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_line_sanitizes_each_part_and_a_newline_cannot_forge_a_line() -> None:
    out = io.StringIO()
    Writer(out, prefix="briefing x: ").line("id ", HOSTILE, "\nfake.yaml: ok")
    text = out.getvalue()
    assert not RAW.search(text)
    assert text.count("\n") == 1 and text.endswith("\n")
    assert text.startswith("briefing x: id a␛]0;PWNED␇b") and "␊fake.yaml: ok" in text


def test_styled_parts_are_coloured_by_the_program_only() -> None:
    plain, coloured = io.StringIO(), io.StringIO()
    Writer(plain).line(Styled("match", HOSTILE))
    Writer(coloured, colour=True).line(Styled("match", "\x1b[2Jx"), ":")
    assert not RAW.search(plain.getvalue())
    assert coloured.getvalue() == "\x1b[1;31m␛[2Jx\x1b[0m:\n"  # the program's SGR around the inert text


def test_a_problem_is_printed_on_its_two_lines_sanitized() -> None:
    out = io.StringIO()
    problem = Problem("evil\x1b]0;x\x07.yaml", 3, 4, Severity.ERROR, f"unknown rating '{HOSTILE}'", "fix\nit")
    Writer(out).problem(problem)
    lines = out.getvalue().split("\n")
    assert lines[0].startswith("evil\\x1b]0;x\\x07.yaml:3:4: error: unknown rating 'a␛]0;PWNED␇b")
    assert lines[1] == "  hint: fix␊it" and lines[2] == ""
    assert not RAW.search(out.getvalue())


def test_data_is_exact_to_a_pipe_and_inert_on_a_terminal() -> None:
    data = '{"rating": "x\x1b]0;PWNED\x07"}\n\ttabbed\n'
    pipe, terminal = io.StringIO(), Terminal()
    Writer(pipe).data(data)
    Writer(terminal).data(data)
    assert pipe.getvalue() == data
    assert terminal.getvalue() == '{"rating": "x␛]0;PWNED␇"}\n tabbed\n'


def test_the_default_streams_are_looked_up_at_each_write(capsys: pytest.CaptureFixture[str]) -> None:
    Writer().line("out")
    Writer(error=True).line("err")
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("out\n", "err\n")


def test_an_unknown_argument_is_quoted_inert_in_the_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "x.yaml", "--\x1b]0;PWNED\x07"]) == 2
    err = capsys.readouterr().err
    assert "unrecognized arguments: --␛]0;PWNED␇" in err and not RAW.search(err)
    assert main(["export", "\u202eevil", "x.yaml"]) == 2
    err = capsys.readouterr().err
    assert "invalid choice" in err and not RAW.search(err)


def test_a_defect_in_a_command_is_one_short_line_and_a_log(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import briefing_tui.commands.schema as schema

    def broken(args: object) -> int:
        raise RuntimeError("\x1b]0;PWNED\x07")

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    monkeypatch.setattr(schema, "run", broken)
    assert main(["schema"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("briefing schema: stopped by an unexpected error: RuntimeError: ␛]0;PWNED␇\n")
    assert "Traceback" not in err and not RAW.search(err)
    assert list((tmp_path / "briefing").glob("briefing-crash-*.log"))


def test_report_crash_writes_through_the_boundary(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert report_crash(RuntimeError(HOSTILE)) == 1
    err = capsys.readouterr().err
    assert err.startswith("briefing: an unexpected error stopped the reader: RuntimeError: a␛]0;PWNED␇b")
    assert not RAW.search(err)
