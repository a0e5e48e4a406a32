"""Live reload, the pure part: stamps, debouncing, the decision and the reader's place."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from briefing_tui.model.types import AnchorStatus, Claim, Document, LoadError, Problem, Severity, Span
from briefing_tui.reload import (
    Change,
    FileChange,
    Outcome,
    Place,
    Stamp,
    Watcher,
    carry_place,
    common_prefix,
    common_suffix,
    map_offset,
    reload_file,
)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class FakeStat:
    """A file system of stamps: path -> (mtime_ns, size, inode) or absent."""

    def __init__(self) -> None:
        self.files: dict[str, tuple[int, int, int]] = {}

    def __call__(self, path: os.PathLike[str] | str) -> os.stat_result:
        key = str(path)
        if key not in self.files:
            raise FileNotFoundError(key)
        mtime, size, inode = self.files[key]
        return os.stat_result((0o100644, inode, 1, 1, 0, 0, size, 0, 0, 0, 0, 0, 0, mtime, mtime, mtime))


@pytest.fixture
def fs() -> tuple[FakeStat, Clock, Watcher]:
    stat, clock = FakeStat(), Clock()
    stat.files["a.yaml"] = (1, 10, 7)
    return stat, clock, Watcher(["a.yaml"], settle=0.3, clock=clock, stat=stat)


def _step(clock: Clock, watcher: Watcher, seconds: float = 0.5) -> list[FileChange]:
    clock.now += seconds
    return watcher.poll()


def test_nothing_is_reported_while_nothing_changes(fs: tuple[FakeStat, Clock, Watcher]) -> None:
    stat, clock, watcher = fs
    assert [_step(clock, watcher) for _ in range(5)] == [[]] * 5


def test_a_write_is_reported_once_after_it_settles(fs: tuple[FakeStat, Clock, Watcher]) -> None:
    stat, clock, watcher = fs
    stat.files["a.yaml"] = (2, 12, 7)
    assert _step(clock, watcher) == []  # just seen: wait for it to settle
    assert _step(clock, watcher) == [FileChange(Path("a.yaml"), Change.MODIFIED)]
    assert _step(clock, watcher) == []


def test_a_file_still_being_written_is_not_reported_until_it_stops(
    fs: tuple[FakeStat, Clock, Watcher],
) -> None:
    stat, clock, watcher = fs
    for size in range(11, 16):  # grows at every poll
        stat.files["a.yaml"] = (size, size, 7)
        assert _step(clock, watcher, 0.2) == []
    assert _step(clock, watcher, 0.2) == []
    assert _step(clock, watcher, 0.2) == [FileChange(Path("a.yaml"), Change.MODIFIED)]


def test_same_size_same_time_but_a_new_inode_is_a_change(fs: tuple[FakeStat, Clock, Watcher]) -> None:
    stat, clock, watcher = fs
    stat.files["a.yaml"] = (1, 10, 8)  # an editor renamed a new file over the old one
    _step(clock, watcher)
    assert _step(clock, watcher) == [FileChange(Path("a.yaml"), Change.MODIFIED)]


def test_a_deletion_is_reported_then_the_return(fs: tuple[FakeStat, Clock, Watcher]) -> None:
    stat, clock, watcher = fs
    del stat.files["a.yaml"]
    _step(clock, watcher)
    assert _step(clock, watcher) == [FileChange(Path("a.yaml"), Change.DELETED)]
    assert _step(clock, watcher) == []
    stat.files["a.yaml"] = (5, 10, 9)
    _step(clock, watcher)
    assert _step(clock, watcher) == [FileChange(Path("a.yaml"), Change.MODIFIED)]


def test_delete_and_recreate_within_the_settle_time_is_one_modification(
    fs: tuple[FakeStat, Clock, Watcher],
) -> None:
    stat, clock, watcher = fs
    del stat.files["a.yaml"]
    assert _step(clock, watcher, 0.1) == []
    stat.files["a.yaml"] = (3, 11, 9)
    assert _step(clock, watcher, 0.1) == []
    assert _step(clock, watcher, 0.4) == [FileChange(Path("a.yaml"), Change.MODIFIED)]


def test_a_change_undone_before_it_settles_is_not_reported(fs: tuple[FakeStat, Clock, Watcher]) -> None:
    stat, clock, watcher = fs
    stat.files["a.yaml"] = (2, 11, 7)
    assert _step(clock, watcher, 0.1) == []
    stat.files["a.yaml"] = (1, 10, 7)
    assert [_step(clock, watcher) for _ in range(3)] == [[]] * 3


def test_a_file_moved_is_watched_where_it_went_and_no_longer_where_it_was(
    fs: tuple[FakeStat, Clock, Watcher],
) -> None:
    stat, clock, watcher = fs
    del stat.files["a.yaml"]  # deleted, then saved elsewhere
    stat.files["b.yaml"] = (4, 20, 8)
    watcher.move("a.yaml", "b.yaml")
    assert watcher.paths == [Path("b.yaml")]
    assert [_step(clock, watcher) for _ in range(3)] == [[]] * 3  # neither the deletion nor the new file
    stat.files["a.yaml"] = (6, 30, 9)  # a file made where it was is none of the watcher's business
    stat.files["b.yaml"] = (7, 21, 8)  # another hand writes the new one
    _step(clock, watcher)
    assert _step(clock, watcher) == [FileChange(Path("b.yaml"), Change.MODIFIED)]


def test_watcher_with_real_files(tmp_path: Path) -> None:
    path = tmp_path / "doc.yaml"
    path.write_text("one")
    clock = Clock()
    watcher = Watcher([path], settle=0, clock=clock)
    assert watcher.poll() == []
    path.write_text("two, longer")
    assert watcher.poll() == [FileChange(path, Change.MODIFIED)]
    path.unlink()
    assert watcher.poll() == [FileChange(path, Change.DELETED)]
    assert Stamp.of(path) is None


def test_stamp_of_a_name_the_system_refuses_is_none() -> None:
    assert Stamp.of("bad\x00name") is None


# --- deciding -----------------------------------------------------------------------------------------


def _doc(text: str, claims: dict[str, int] | None = None) -> Document:
    document = Document(path=Path("a.yaml"), id="a", title="A", language="en", text=text)
    for claim_id, start in (claims or {}).items():
        document.claims.append(Claim(claim_id, Span(start, start + 3, AnchorStatus.EXACT)))
    return document


def test_a_good_new_version_is_reloaded() -> None:
    result = reload_file("a.yaml", Change.MODIFIED, load=lambda p: _doc("new"))
    assert result.outcome is Outcome.RELOADED
    assert result.document is not None and result.document.text == "new"
    assert result.notice == "changed on disk, read again"


def test_a_broken_new_version_keeps_the_last_good_one_with_the_errors() -> None:
    problems = [
        Problem("a.yaml", 3, 5, Severity.ERROR, "bad"),
        Problem("a.yaml", 4, 1, Severity.ERROR, "worse"),
    ]

    def load(path: Path) -> Document:
        raise LoadError(problems)

    result = reload_file("a.yaml", Change.MODIFIED, load=load)
    assert result.outcome is Outcome.BROKEN and result.document is None
    assert result.problems == problems
    assert result.notice == "the new version has 2 errors: showing the last good version"


def test_a_loader_defect_is_a_broken_version_not_a_crash() -> None:
    def load(path: Path) -> Document:
        raise KeyError("text")

    result = reload_file("a.yaml", Change.MODIFIED, load=load)
    assert result.outcome is Outcome.BROKEN
    assert "KeyError" in result.problems[0].message


def test_a_deleted_file_keeps_the_last_good_version_with_a_notice() -> None:
    result = reload_file("a.yaml", Change.DELETED, load=lambda p: pytest.fail("must not load"))
    assert result.outcome is Outcome.DELETED and result.document is None
    assert result.notice == "the file was deleted: showing the last version read"
    assert result.problems[0].severity is Severity.WARNING


def test_reload_with_the_real_loader_of_a_missing_file_is_broken(tmp_path: Path) -> None:
    result = reload_file(tmp_path / "gone.yaml", Change.MODIFIED)
    assert result.outcome is Outcome.BROKEN and result.problems


# --- the reader's place --------------------------------------------------------------------------------


def test_map_offset_before_inside_and_after_an_edit() -> None:
    old, new = "aaaa XXX bbbb", "aaaa YYYYYY bbbb"
    assert map_offset(old, new, 2) == 2
    assert map_offset(old, new, 6) == 5  # inside the edit: its start
    assert map_offset(old, new, 10) == 13
    assert map_offset(old, old, 7) == 7


@given(st.text(max_size=40), st.text(max_size=10), st.text(max_size=10), st.text(max_size=40))
def test_map_offset_keeps_text_that_did_not_change(before: str, cut: str, paste: str, after: str) -> None:
    old, new = before + cut + after, before + paste + after
    # Only edits that can be told apart: the common prefix and suffix are exactly before and after.
    assume(common_prefix(old, new) == len(before) and common_suffix(old, new, len(old)) <= len(after))
    assume(not (cut and paste and cut[-1:] == paste[-1:]))
    for offset in range(len(old) + 1):
        mapped = map_offset(old, new, offset)
        assert 0 <= mapped <= len(new)
        if offset <= len(before) or offset >= len(before) + len(cut):  # outside the edit: same text around
            assert new[:mapped] == old[:offset] or new[mapped:] == old[offset:]


@given(st.text(max_size=60), st.text(max_size=60))
def test_common_prefix_is_the_longest(a: str, b: str) -> None:
    n = common_prefix(a, b)
    assert a[:n] == b[:n]
    assert n == min(len(a), len(b)) or a[n] != b[n]


def test_carry_place_keeps_the_claim_and_the_top_line() -> None:
    old = _doc("Intro. First claim. Second claim.", {"C1": 7, "C2": 20})
    new = _doc("A longer intro. First claim. Second claim.", {"C1": 16, "C2": 29})
    place = carry_place(old, new, Place("C2", top_offset=20))
    assert place == Place("C2", top_offset=29)


def test_carry_place_moves_to_the_nearest_claim_when_the_claim_is_gone() -> None:
    old = _doc("Intro. First claim. Second claim. Third.", {"C1": 7, "C2": 20, "C3": 34})
    new = _doc("Intro. First claim. Second claim. Third.", {"C1": 7, "C3": 34})
    assert carry_place(old, new, Place("C2", 0)).claim_id == "C1"


def test_carry_place_clamps_to_a_shorter_text() -> None:
    old = _doc("x" * 100)
    new = _doc("short")
    assert carry_place(old, new, Place(None, 90)).top_offset <= len(new.text)


def test_the_pure_part_never_imports_textual() -> None:
    import subprocess
    import sys

    code = "import sys, briefing_tui.reload, briefing_tui.display; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
