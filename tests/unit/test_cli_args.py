"""The command line's options: ``briefing PATH...`` with no option, and ``briefing search`` with
the options people usually write, are read without the parser, exactly as the parser reads them;
anything else goes through it."""

from __future__ import annotations

import argparse
import subprocess
import sys
from typing import NoReturn

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    ["search", "-c", "-i", "securite", "folder/"],
    ["search", "niger", "./a.yaml", "b//c/", "-C", "20", "--color", "never", "--no-cache"],
    ["search", "--ids", "-w", "niger", "-x", "a.yaml"],
    ["search", "-e", "nig[eé]r", "--timeout", "2.5", "-s", "a.yaml", "b.yaml"],
    ["search", "", "a.yaml"],
    ["search", "niger", "-c", "a.yaml", "-i", "b.yaml"],
    ["search", "-ci", "niger", "a.yaml"],
    ["search", "--no-c", "niger", "a.yaml"],
    ["search", "niger", "-C", "-5", "a.yaml"],
    ["search", "--", "-niger", "a.yaml"],
]
PLAIN = {
    "nothing",
    "a.yaml",
    "folder b.yaml",
    "open",
    "open c.yaml",
    "x y.yaml ï.yaml",
    "search niger a.yaml",
    "search -c -i securite folder/",
    "search niger ./a.yaml b//c/ -C 20 --color never --no-cache",
    "search --ids -w niger -x a.yaml",
    "search -e nig[eé]r --timeout 2.5 -s a.yaml b.yaml",
    "search  a.yaml",
}
"""The cases read without the parser (by their ids)."""


def _split(args: list[str]) -> tuple[str, list[str]]:
    name = args[0] if args and args[0] in cli.COMMANDS else "open"
    return name, args[1:] if args and args[0] == name else args


@pytest.mark.parametrize("args", CASES, ids=lambda args: " ".join(args) or "nothing")
def test_the_options_read_are_the_parsers(args: list[str]) -> None:
    name, rest = _split(args)
    try:
        parsed = cli._parser(name)[0].parse_args(rest)
    except SystemExit:  # a usage error, said by the parser either way
        assert cli.read_args(name, rest) == 2
        return
    read = cli.read_args(name, rest)
    assert not isinstance(read, int)
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
    case = " ".join(args) or "nothing"
    assert out.strip() == str(case not in PLAIN)


class _Refused(Exception):
    pass


class _Strict(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _Refused(message)


WORDS = ["niger", "a.yaml", "./b//", "", "-", "--", "5", "0", "-3", "2.5", "x1", "always", "never", "purple"]
OPTIONS = ["-c", "-i", "-s", "-e", "-w", "-x", "--ids", "--no-cache", "--count", "--word", "--regex"]
ODD = ["-C", "--context", "--timeout", "--color", "--colour", "--no-c", "-ci", "-C5", "--context=3", "-h"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(WORDS + OPTIONS + ODD), max_size=9))
def test_a_search_read_plainly_is_read_as_the_parser_reads_it(args: list[str]) -> None:
    """Whatever the parser reads, ``plain`` reads alike or leaves to it; what it refuses, ``plain``
    leaves to it too."""
    read = search_command.plain(args)
    if read is None:
        return
    parser = _Strict(prog="briefing search")
    search_command.configure(parser)
    try:
        parsed = parser.parse_args(args)
    except _Refused as exc:
        raise AssertionError(f"read plainly, refused by the parser: {exc}") from None
    assert vars(read) == vars(parsed)


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
