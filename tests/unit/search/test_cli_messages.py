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


SEED = Path(__file__).resolve().parents[3] / "seeds" / "niger-us-withdrawal.yaml"


@pytest.mark.parametrize("apart", [False, True])
def test_files_of_one_document_id_are_each_searched(
    apart: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As grep, every file given is searched: a second file with the id of another is said on
    standard error, in one line, and searched; the exit status is that of the matches."""
    first, second = tmp_path / "two" / "a.yaml", tmp_path / ("other" if apart else "two") / "b.yaml"
    for path in (first, second):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(SEED.read_bytes())
    given = [str(first.parent), str(second.parent)] if apart else [str(first.parent)]
    assert main(["search", "--no-cache", "-c", "niger", *given]) == 0
    out, err = capsys.readouterr()
    assert out == f"{first}:10\n{second}:10\n"
    assert err.splitlines() == [
        f"briefing search: {second}: warning: document id 'niger-us-withdrawal' is already used by {first}"
    ]
    assert main(["search", "--no-cache", "no such words anywhere", *given]) == 1
    assert main(["search", "--no-cache", "--ids", "-c", "niger", *given]) == 0
    assert capsys.readouterr().out == f"niger-us-withdrawal:10\n{second}:10\n"
