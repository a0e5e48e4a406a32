"""``briefing search`` on files it cannot search: one message line each, no stand-in for a line break."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.cli import main

BROKEN = Path(__file__).resolve().parents[2] / "fixtures" / "reader" / "collection" / "c-broken.yaml"


def test_a_yaml_error_is_one_grep_like_line_without_a_line_break_stand_in(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["search", "x", str(BROKEN)]) == 2
    err = capsys.readouterr().err
    assert "␊" not in err
    assert err.splitlines() == [
        f"briefing search: {BROKEN}:3:8: cannot search: invalid YAML: while scanning a quoted scalar: "
        "found unexpected end of stream"
    ]


def test_a_file_of_a_collection_is_searched_alone(capsys: pytest.CaptureFixture[str]) -> None:
    """Its source into another document is not followed: the file is searched, not refused."""
    main_file = BROKEN.with_name("a-main.yaml")
    assert main(["search", "--count", "Niamey", str(main_file)]) == 0
    assert capsys.readouterr().out == f"{main_file}:2\n"
