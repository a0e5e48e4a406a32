"""A single large file: read once, its claims built in a child process (``startup.ClaimsBeside``)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing_tui import child, startup
from briefing_tui.child import Shared
from briefing_tui.files import load_paths
from briefing_tui.model import split_load, text_aside
from briefing_tui.model.build import Builder
from briefing_tui.model.safe_yaml import Problems
from briefing_tui.reload import Stamp
from briefing_tui.resources import seeds_dir
from briefing_tui.startup import ClaimsBeside

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="building beside needs os.fork")

SEED = seeds_dir() / "niger-us-withdrawal.yaml"


@pytest.fixture
def large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seed, as a file counted large."""
    monkeypatch.setattr(startup, "SPLIT_FROM", 1000)
    path = tmp_path / "large.yaml"
    path.write_bytes(SEED.read_bytes())
    return path


def _no_child_left() -> None:
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def test_the_collection_is_the_one_read_here(large: Path) -> None:
    answered: list[list[bytes]] = []
    apart = ClaimsBeside.of([large])
    assert apart is not None
    frames = apart._child.frames  # noqa: SLF001 - seen on their way to the loader

    def seen(split: Callable[[Callable[[int], bytes]], list[bytes]]) -> list[bytes]:
        answered.append(frames(split))
        return answered[-1][:]  # (the loader empties the list it is given)

    apart._child.frames = seen  # type: ignore[method-assign]  # noqa: SLF001
    collection = load_paths([large], siblings=True, read=apart)
    apart.end()
    assert answered and answered[0]  # the claims did come from the child
    assert collection == load_paths([large], siblings=True)
    assert apart.stamps == {large: Stamp.of(large)}
    _no_child_left()


def test_a_child_that_fails_has_the_claims_built_here(large: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object) -> bytes:
        raise RecursionError

    monkeypatch.setattr(split_load, "claims_part", fail)  # in the child, which is forked after this
    apart = ClaimsBeside.of([large])
    assert apart is not None
    collection = load_paths([large], siblings=True, read=apart)
    apart.end()
    assert collection == load_paths([large], siblings=True) and collection.documents[0].claims
    _no_child_left()


def test_a_child_whose_answer_ends_within_a_frame_has_the_claims_built_here(
    large: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = split_load.claims_part(large.read_bytes(), str(large), large)
    monkeypatch.setattr(split_load, "claims_part", lambda *_args: whole[:-3])  # in the child
    apart = ClaimsBeside.of([large])
    assert apart is not None
    frames = apart._child.frames  # noqa: SLF001 - seen on their way to the loader
    answered: list[list[bytes]] = []

    def seen(split: Callable[[Callable[[int], bytes]], list[bytes]]) -> list[bytes]:
        answered.append(frames(split))
        return []

    apart._child.frames = seen  # type: ignore[method-assign]  # noqa: SLF001
    collection = load_paths([large], siblings=True, read=apart)
    apart.end()
    assert answered == [[]]  # none of it taken
    assert collection == load_paths([large], siblings=True) and collection.documents[0].claims
    _no_child_left()


def test_the_child_builds_below_the_reader_s_priority(large: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # keys pressed while the file loads come before the claims built beside
    monkeypatch.setattr(
        split_load, "claims_part", lambda *_args: str(os.getpriority(os.PRIO_PROCESS, 0)).encode()
    )
    apart = ClaimsBeside.of([large])
    assert apart is not None
    said = apart._child.answer()  # noqa: SLF001 - the child's own bytes, not claims
    apart.end()
    assert int(said) == min(19, os.getpriority(os.PRIO_PROCESS, 0) + 5)
    _no_child_left()


def test_a_child_no_longer_needed_is_stopped(large: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(*_args: object) -> bytes:
        time.sleep(60)
        return b""

    monkeypatch.setattr(split_load, "claims_part", slow)
    apart = ClaimsBeside.of([large])
    assert apart is not None
    started = time.monotonic()
    apart.end()  # say the file failed before its claims: their answer is not waited for
    assert time.monotonic() - started < 10
    _no_child_left()
    assert apart.take(Builder(large, "", Problems("")), 0, lambda: None) is None


def test_only_a_single_large_briefing_file_is_built_beside(large: Path, tmp_path: Path) -> None:
    small = tmp_path / "small.yaml"
    small.write_bytes(b"format: 1\n")
    text = tmp_path / "large.txt"
    text.write_bytes(large.read_bytes())
    assert ClaimsBeside.of([small]) is None
    assert ClaimsBeside.of([large, small]) is None
    assert ClaimsBeside.of([text]) is None
    assert ClaimsBeside.of([tmp_path / "gone.yaml"]) is None
    apart = ClaimsBeside.of([large])
    assert apart is not None
    apart.end()
    _no_child_left()


def test_a_child_that_does_not_answer_in_time_is_not_waited_for(
    large: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def hangs(*_args: object) -> bytes:
        time.sleep(60)
        return b""

    monkeypatch.setattr(split_load, "claims_part", hangs)
    monkeypatch.setattr(child, "ANSWER_WITHIN", 0.3)
    apart = ClaimsBeside.of([large])
    assert apart is not None
    started = time.monotonic()
    collection = load_paths([large], siblings=True, read=apart)  # the claims built here after all
    assert time.monotonic() - started < 20
    assert collection == load_paths([large], siblings=True)
    _no_child_left()  # stopped, not left behind


def test_a_child_whose_answer_cannot_be_read_is_stopped_and_what_it_is_read_from_closed(
    large: Path, tmp_path: Path
) -> None:
    apart = ClaimsBeside.of([large])
    assert apart is not None
    child = apart._child
    pipe, child._read = child._read, os.open(tmp_path, os.O_RDONLY)  # a folder: reading it fails
    try:
        assert child.answer() == b""  # the claims are then built here
        with pytest.raises(OSError):  # closed
            os.fstat(child._read)
        _no_child_left()  # stopped, not left behind
    finally:
        os.close(pipe)


def test_what_is_done_meanwhile_is_done_while_the_child_builds(large: Path) -> None:
    """The loader, come to the claims built beside, has ``meanwhile`` done first (the reader's
    modules imported), given how to tell that the child's answer has begun to come."""
    apart = ClaimsBeside.of([large])
    assert apart is not None
    asked: list[bool] = []
    apart.meanwhile = lambda until: asked.append(until())
    collection = load_paths([large], siblings=True, read=apart)
    apart.end()
    assert len(asked) == 1  # once, before the answer was read
    assert collection == load_paths([large], siblings=True)
    _no_child_left()


def _scans_counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Each time a text is looked for in a file's bytes, in this process (the child counts its own)."""
    counted: list[int] = []
    scan = text_aside.literal_parts

    def counting(data: bytes) -> object:
        counted.append(len(data))
        return scan(data)

    monkeypatch.setattr(text_aside, "literal_parts", counting)
    return counted


def test_the_text_is_set_aside_by_the_child_alone(large: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The child sets the text aside first, and shares it: the reader does not scan the file's bytes
    and decode its text again (at 10 MB, 0.15 s of the reader's own load)."""
    scanned = _scans_counted(monkeypatch)
    apart = ClaimsBeside.of([large])
    assert apart is not None
    collection = load_paths([large], siblings=True, read=apart)
    apart.end()
    assert scanned == []
    assert collection == load_paths([large], siblings=True)
    assert scanned == [large.stat().st_size]  # (as it is read without the child)
    _no_child_left()


@pytest.mark.parametrize("how", ["nothing-shared", "child-fails-first"])
def test_a_text_the_child_did_not_share_is_set_aside_here(
    large: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    joined = text_aside.parts_block
    if how == "nothing-shared":  # (memory too small, or none to be had)
        monkeypatch.setattr(Shared, "put", lambda self, *parts: None)
    else:  # the child ends before it has said anything
        monkeypatch.setattr(text_aside, "parts_block", lambda parts: os._exit(3))
    apart = ClaimsBeside.of([large])
    assert apart is not None
    monkeypatch.setattr(text_aside, "parts_block", joined)  # (the child is forked: not in this process)
    scanned = _scans_counted(monkeypatch)
    collection = load_paths([large], siblings=True, read=apart)
    apart.end()
    assert scanned == [large.stat().st_size]
    assert collection == load_paths([large], siblings=True) and collection.documents[0].claims
    _no_child_left()
