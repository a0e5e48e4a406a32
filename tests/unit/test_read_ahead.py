"""A folder's first rows said ahead by the child that reads it (``Child(..., ahead=True)``,
``ReadBeside.ahead``): the first look comes while the child reads the other files, and the reader
takes the child's whole answer after."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.support.seed_copies import seed_copies

from briefing_tui import files, startup
from briefing_tui.child import Child
from briefing_tui.model.outlined import Outline
from briefing_tui.resources import seeds_dir
from briefing_tui.startup import FIRST_ROWS, Ahead, ReadBeside

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="a child needs os.fork")


def folder_of(tmp_path: Path, count: int) -> Path:
    """``count`` copies of the seed, titled "Copie NN", padded so that they are read as outlines."""
    seed_copies(tmp_path, count, padding=30_000)
    return tmp_path


def said_ahead(say: Callable[[bytes], None]) -> bytes:
    say(b"first")
    say(b"said once only")
    return b"whole"


def test_what_a_child_says_ahead_comes_before_its_answer() -> None:
    child = Child(said_ahead, ahead=True)
    assert child.ahead() == b"first"
    assert child.answer() == b"whole"


def test_a_child_that_says_nothing_ahead_still_answers() -> None:
    child = Child(lambda say: b"whole", ahead=True)
    assert child.answer() == b"whole"  # what it said ahead (nothing) read and left
    assert child.ahead() == b""


def failing_after(say: Callable[[bytes], None]) -> bytes:
    say(b"first")
    raise RuntimeError("gone")


def test_a_child_that_fails_after_saying_ahead_answers_nothing() -> None:
    child = Child(failing_after, ahead=True)
    assert child.ahead() == b"first"
    assert child.answer() == b""


def test_a_folder_s_first_rows_come_ahead_of_the_whole(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, 12)
    beside = ReadBeside([folder])
    ahead = beside.ahead()
    assert isinstance(ahead, Ahead) and ahead.files == 12
    assert [doc.title for doc in ahead.rows] == [f"Copie {i:02}" for i in range(FIRST_ROWS)]
    assert all(isinstance(doc, Outline) for doc in ahead.rows)  # what a row needs, no more
    assert ahead.opening.title == "Copie 00" and ahead.opening.meta.endswith("document 1 of 12")
    assert ahead.opening.claim_count == 15 and ahead.opening.claims  # the first read whole
    read = beside.result()
    assert read is not None and len(read.collection.documents) == 12
    assert read.opening == ahead.opening  # the reader's header says what the first look said


def test_a_small_collection_says_nothing_ahead(tmp_path: Path) -> None:
    beside = ReadBeside([seeds_dir()])
    assert beside.ahead() is None
    read = beside.result()
    assert read is not None and read.collection.documents[0].id == "niger-us-withdrawal"


def test_a_folder_whose_first_file_cannot_be_read_says_nothing_ahead(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, 12)
    (folder / "copy-00.yaml").write_text("id: [broken\n" + "#" * 30_000, encoding="utf-8")
    beside = ReadBeside([folder])
    assert beside.ahead() is None
    read = beside.result()
    assert read is not None and len(read.collection.documents) == 11 and read.collection.failed


def test_the_rows_said_ahead_are_what_the_cache_and_the_files_say_alike(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, 12)
    first = startup.load_if_small([folder])
    assert first is not None
    told: list[Ahead] = []
    startup.load_if_small([folder], ahead=told.append)
    assert [doc.title for doc in told[0].rows] == [doc.title for doc in first.documents[:FIRST_ROWS]]


def test_the_first_document_read_for_its_first_look_is_read_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = folder_of(tmp_path, 12)
    read: list[str] = []
    load_file = files.load_file

    def counted(path: Path, *args: object) -> object:
        read.append(Path(path).name)
        return load_file(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(files, "load_file", counted)
    told: list[Ahead] = []
    collection = startup.load_if_small([folder], ahead=told.append)
    assert told and collection is not None
    assert read == ["copy-00.yaml"]  # for the first look, and the collection opens with it
    assert told[0].opening.title == collection.documents[0].title == "Copie 00"
