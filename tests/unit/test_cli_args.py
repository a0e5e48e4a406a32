"""The command line's options: ``briefing PATH...`` with no option is read without the parser,
exactly as the parser reads it; anything else goes through it."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from briefing_tui import cli
from briefing_tui.arguments import Parser
from briefing_tui.commands import search as search_command

CASES = [
    [],
    ["a.yaml"],
    ["folder", "b.yaml"],
    [""],
    ["open"],
    ["open", "c.yaml"],
    ["x y.yaml", "ï.yaml"],
    ["a.yaml", "--notes-only"],
    ["--no-cache", "folder"],
    ["--", "-a.yaml"],
    ["search", "niger", "a.yaml"],
]


def _split(args: list[str]) -> tuple[str, list[str]]:
    name = args[0] if args and args[0] in cli.COMMANDS else "open"
    return name, args[1:] if args and args[0] == name else args


@pytest.mark.parametrize("args", CASES, ids=lambda args: " ".join(args) or "nothing")
def test_the_options_read_are_the_parsers(args: list[str]) -> None:
    name, rest = _split(args)
    read = cli.read_args(name, rest)
    assert not isinstance(read, int)
    parsed = cli._parser(name)[0].parse_args(rest)
    assert vars(parsed)
    for field, value in vars(parsed).items():
        assert getattr(read[1], field) == value, field


@pytest.mark.parametrize("args", CASES, ids=lambda args: " ".join(args) or "nothing")
def test_argparse_is_imported_only_for_options(args: list[str]) -> None:
    name, rest = _split(args)
    code = (
        "import sys; from briefing_tui import cli; "
        f"cli.read_args({name!r}, {rest!r}); print('argparse' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    plain = name == "open" and not any(arg.startswith("-") for arg in rest)
    assert out.strip() == str(not plain)


def test_a_usage_error_and_help_are_exit_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.read_args("open", ["--no-such-option"]) == 2
    assert "unrecognized arguments" in capsys.readouterr().err
    assert cli.read_args("open", ["--help"]) == 0
    assert "--notes-only" in capsys.readouterr().out


@pytest.mark.parametrize("columns", ["50", "200", "", "none"])
def test_help_is_laid_out_as_argparse_lays_it_out(monkeypatch: pytest.MonkeyPatch, columns: str) -> None:
    """The parser's help formatter measures the terminal without ``shutil``, to the same width."""
    if columns == "none":
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    ours, theirs = Parser(prog="briefing search"), argparse.ArgumentParser(prog="briefing search")
    for parser in (ours, theirs):
        search_command.configure(parser)
    assert ours.format_help() == theirs.format_help()
