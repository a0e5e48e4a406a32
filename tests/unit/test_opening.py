"""What the reader's first frame shows (``Opening``), and reading a collection in a child process
(``ReadBeside``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing_tui.files import load_paths
from briefing_tui.reload import Change, FileChange, Stamp, Watcher
from briefing_tui.startup import OUTLINED, SMALL, Opening, ReadBeside
from briefing_tui.widgets.labels import rating_label

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
COLLECTION = ROOT / "tests" / "fixtures" / "reader" / "collection"

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="reading beside needs os.fork")


def test_the_seeds_opening_is_its_header_text_and_marks() -> None:
    collection = load_paths([SEEDS])
    doc = collection.documents[0]
    opening = Opening.of(collection)
    assert opening.title.startswith("Les enjeux du retrait des troupes américaines du Niger")
    assert opening.meta == "undated, between 24 Apr 2024 and 19 May 2024 · fr"
    assert opening.text == doc.text
    assert opening.claim_count == 15 and opening.documents == 1
    assert len(opening.mentions) == 26
    claims = {claim.id: (start, end, rating_label(claim)[0]) for start, end, claim in opening.claims}
    c11 = next(c for c in doc.claims if c.id == "C11")
    assert claims["C11"] == (c11.span.start, c11.span.end, "❝")  # an opinion


def test_an_opening_says_where_a_document_is_in_its_collection() -> None:
    opening = Opening.of(load_paths([COLLECTION]))
    assert opening.documents == 2
    assert opening.meta.endswith("document 1 of 2")


def test_an_openings_header_is_sanitized(tmp_path: Path) -> None:
    seed = next(SEEDS.glob("*.yaml")).read_text(encoding="utf-8")
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(seed.replace('title: "', 'title: "\\e]0;owned\\a\\e[2J', 1), encoding="utf-8")
    opening = Opening.of(load_paths([hostile]))
    assert "owned" in opening.title
    assert not any(ch in opening.title + opening.meta for ch in "\x1b\x07")


@needs_fork
def test_reading_beside_gives_the_collection_read_here_and_its_first_look() -> None:
    read = ReadBeside([COLLECTION]).result()
    here = load_paths([COLLECTION], siblings=True)
    assert read is not None
    assert read.collection.documents == here.documents
    assert read.collection.failed == here.failed  # the broken file, said as here
    assert read.opening == Opening.of(here)
    files = {Path(d.path) for d in here.documents} | {Path(p) for p in here.failed}
    assert read.stamps == {path: Stamp.of(path) for path in files}


@needs_fork
def test_a_file_changed_after_it_was_read_beside_is_reported_to_the_live_reload(tmp_path: Path) -> None:
    copy = tmp_path / "seed.yaml"
    copy.write_bytes(next(SEEDS.glob("*.yaml")).read_bytes())
    read = ReadBeside([copy]).result()
    assert read is not None
    copy.write_bytes(copy.read_bytes().replace(b"Niamey", b"Agadez"))
    watcher = Watcher([copy], settle=0)  # as the reader's, made after the change
    assert watcher.poll() == []
    watcher.since(read.stamps)  # from the files as they were read
    assert watcher.poll() == [FileChange(copy, Change.MODIFIED)]


@needs_fork
def test_reading_beside_what_cannot_be_opened_gives_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\ntitle: [unclosed\n", encoding="utf-8")
    assert ReadBeside([broken]).result() is None
    assert ReadBeside([tmp_path / "empty"]).result() is None  # no such folder


@needs_fork
def test_reading_beside_leaves_no_child_behind() -> None:
    ReadBeside([SEEDS]).result()
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def test_what_is_read_before_the_first_frame_is_read_beside(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"#" * OUTLINED)
    assert ReadBeside.can([SEEDS]) == hasattr(os, "fork")
    assert not ReadBeside.can([huge])


@needs_fork
def test_a_folder_of_many_files_is_read_beside_as_outlines(tmp_path: Path) -> None:
    seed = next(SEEDS.glob("*.yaml")).read_text(encoding="utf-8")
    for i in range(12):  # more than SMALL in all: outlined (titles and texts), each read when opened
        (tmp_path / f"copy-{i:02}.yaml").write_text(
            seed.replace("id: ", f"id: c{i}-", 1) + "#" * 20_000, "utf-8"
        )
    assert ReadBeside.can([tmp_path])
    read = ReadBeside([tmp_path]).result()
    assert read is not None
    documents = read.collection.documents
    assert len(documents) == 12 and len(read.collection.outlines) == 11  # the first is read whole
    assert documents[0].claims and read.opening.documents == 12


def test_a_single_large_file_is_not_read_beside(tmp_path: Path) -> None:
    large = tmp_path / "large.yaml"
    large.write_bytes(b"#" * SMALL)
    if hasattr(os, "fork"):  # asked, the child answers nothing: the reader reads it behind a preview
        assert ReadBeside([large]).result() is None
