"""``briefing search`` on many files reads the last half of them in a child process: the output is
the same as when every file is read here, whatever the child does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.unit.search.cache_support import search, settle, write

from briefing_tui.commands import search as command
from briefing_tui.commands import search_apart
from briefing_tui.search.fold_cache import identity

BROKEN = "id: broken\ntitle: T\nlanguage: fr\ntext: 'not closed\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Eight briefings: one that cannot be read, two with the same id, the rest about Niger or not."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(6):
        write(docs, f"d{n}", "Le Niger et les États-Unis." if n % 2 else "Rien à voir.", folder_too=True)
    (docs / "d6.yaml").write_text(BROKEN, encoding="utf-8")
    (docs / "d7.yaml").write_text((docs / "d1.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    for path in (docs / "d6.yaml", docs / "d7.yaml", docs):
        settle(path)  # old enough for the cache
    return docs


def alone(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str
) -> tuple[int, str, str]:
    """The search with every file read here."""
    with monkeypatch.context() as patch:
        patch.setattr(command, "APART_FROM", 1 << 30)
        return search(capsys, *argv)


@pytest.fixture
def apart(monkeypatch: pytest.MonkeyPatch) -> None:
    """A child for as few as two files, even on one core."""
    monkeypatch.setattr(command, "APART_FROM", 2)
    monkeypatch.setattr(search_apart, "spare_core", lambda: True)


@pytest.mark.parametrize("argv", [["niger"], ["-c", "etats-unis"], ["-x", "États"], ["--ids", "-w", "rien"]])
@pytest.mark.usefixtures("apart")
def test_the_child_reads_the_last_half_and_the_output_is_the_same(
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    reads: list[str],
    argv: list[str],
) -> None:
    expected = alone(capsys, monkeypatch, "--no-cache", *argv, str(folder))
    assert "broken" not in expected[1] and "d6.yaml:" in expected[2] and "already used" in expected[2]
    reads.clear()
    assert search(capsys, "--no-cache", *argv, str(folder)) == expected
    assert reads == ["d0.yaml", "d1.yaml", "d2.yaml", "d3.yaml"]  # the other four came from the child


@pytest.mark.usefixtures("apart")
def test_the_cache_is_filled_from_what_the_child_read(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, reads: list[str]
) -> None:
    expected = alone(capsys, monkeypatch, "--no-cache", "niger", str(folder))
    assert search(capsys, "niger", str(folder)) == expected  # cold: the cache filled
    reads.clear()
    assert search(capsys, "niger", str(folder)) == expected  # warm
    assert reads == ["d6.yaml"]  # only the file that cannot be read is read again, here: no child for one


@pytest.mark.usefixtures("apart")
def test_a_child_that_fails_answers_for_no_file(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, reads: list[str]
) -> None:
    expected = alone(capsys, monkeypatch, "--no-cache", "niger", str(folder))

    def fails(files: list[str], read: object) -> bytes:
        raise RuntimeError("the child fails")

    monkeypatch.setattr(search_apart, "_read_all", fails)
    reads.clear()
    assert search(capsys, "--no-cache", "niger", str(folder)) == expected
    assert reads == [f"d{n}.yaml" for n in range(8)]


@pytest.mark.usefixtures("apart")
def test_files_over_the_childs_bounds_are_read_here(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, reads: list[str]
) -> None:
    expected = alone(capsys, monkeypatch, "--no-cache", "niger", str(folder))
    monkeypatch.setattr(search_apart, "HELD", (folder / "d4.yaml").stat().st_size)  # the first of its files
    reads.clear()
    assert search(capsys, "--no-cache", "niger", str(folder)) == expected
    assert reads == ["d0.yaml", "d1.yaml", "d2.yaml", "d3.yaml", "d5.yaml", "d6.yaml", "d7.yaml"]
    monkeypatch.setattr(search_apart, "LARGEST", 0)  # none of them
    reads.clear()
    assert search(capsys, "--no-cache", "niger", str(folder)) == expected
    assert reads == [f"d{n}.yaml" for n in range(8)]


def test_an_answer_is_taken_only_for_the_file_as_the_child_found_it(folder: Path) -> None:
    files = [str(folder / "d0.yaml"), str(folder / "d1.yaml")]
    apart = search_apart.ReadApart(files, lambda path: (os.path.basename(path), "text", None))
    stamps = [stamp for file in files if (stamp := identity(file)) is not None]
    assert len(stamps) == 2
    changed = (*stamps[0][:3], stamps[0][3] + 1, stamps[0][4])  # modified since the child read it
    assert apart.take(files[0], changed) is None
    assert apart.take(files[1], stamps[1]) == ("d1.yaml", "text", None)
    assert apart.take(files[1], stamps[1]) is None  # given once
    assert apart.take(str(folder / "d2.yaml"), None) is None  # not the child's
    apart.end()
