"""One file of a collection opened alone: the documents its sources point into are found beside it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from tests.unit.model.support import HEAD

from briefing_tui.files import load_paths
from briefing_tui.model.siblings import PEEK_BYTES, peek_id

COLLECTION = Path(__file__).resolve().parents[2] / "fixtures" / "reader" / "collection"


def write(folder: Path, name: str, doc_id: str, sources: str = "") -> Path:
    path = folder / name
    path.write_text(HEAD.replace("id: doc", f"id: {doc_id}") + sources, encoding="utf-8")
    return path


def test_one_file_of_the_reader_collection_opens_with_the_document_it_cites() -> None:
    collection = load_paths([COLLECTION / "a-main.yaml"], siblings=True)
    assert [d.id for d in collection.documents] == ["main", "statement"]
    assert collection.failed == {}  # c-broken.yaml is not cited: it is never read
    assert collection.notices == ["also opened b-statement.yaml (document 'statement', cited by a-main.yaml)"]
    main = collection.document("main")
    assert main is not None
    source = next(s for s in main.sources if s.document == "statement")
    assert source.target is not None and source.target.anchored  # its passage found in the sibling


def test_without_siblings_the_file_opens_alone_and_the_source_is_unreachable() -> None:
    collection = load_paths([COLLECTION / "a-main.yaml"])
    (main,) = collection.documents
    assert collection.notices == []
    assert any(p.code == "dangling-document" and p.severity.value == "warning" for p in main.problems)


def test_a_sibling_is_found_by_its_id_whatever_its_name(tmp_path: Path) -> None:
    cites = "sources:\n  - {id: s, document: other, span: {quote: répond}}\n"
    main = write(tmp_path, "main.yaml", "main", cites)
    write(tmp_path, "zz-unrelated.yaml", "unrelated")
    write(tmp_path, "0-holds-it.yml", "other")
    collection = load_paths([main], siblings=True)
    assert sorted(d.id for d in collection.documents) == ["main", "other"]
    assert collection.notices == ["also opened 0-holds-it.yml (document 'other', cited by main.yaml)"]
    assert collection.documents[0].problems == []


def test_siblings_are_followed_from_sibling_to_sibling(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", "a", "sources:\n  - {id: s, document: b}\n")
    write(tmp_path, "b.yaml", "b", "sources:\n  - {id: t, document: c}\n")
    write(tmp_path, "c.yaml", "c")
    collection = load_paths([first], siblings=True)
    assert [d.id for d in collection.documents] == ["a", "b", "c"]
    assert len(collection.notices) == 2


def test_a_missing_sibling_leaves_the_file_open_with_a_warning(tmp_path: Path) -> None:
    main = write(tmp_path, "main.yaml", "main", "sources:\n  - {id: s, document: gone}\n")
    write(tmp_path, "other.yaml", "other")
    collection = load_paths([main], siblings=True)
    assert [d.id for d in collection.documents] == ["main"]
    assert collection.notices == []
    (problem,) = collection.documents[0].problems
    assert problem.code == "dangling-document" and problem.severity.value == "warning"


def test_a_broken_sibling_is_not_added_and_not_reported_as_opened(tmp_path: Path) -> None:
    main = write(tmp_path, "main.yaml", "main", "sources:\n  - {id: s, document: other}\n")
    (tmp_path / "other.yaml").write_text("format: 1\nid: other\ntext: [unclosed\n", encoding="utf-8")
    collection = load_paths([main], siblings=True)
    assert [d.id for d in collection.documents] == ["main"]
    assert collection.notices == [] and collection.failed == {}


def test_a_file_whose_id_line_lies_is_loaded_once_and_not_added(tmp_path: Path) -> None:
    main = write(tmp_path, "main.yaml", "main", "sources:\n  - {id: s, document: other}\n")
    # a top-level id line, then the same key again: the loader refuses the duplicate
    (tmp_path / "liar.yaml").write_text(HEAD.replace("id: doc", "id: other\nid: doc"), encoding="utf-8")
    collection = load_paths([main], siblings=True)
    assert [d.id for d in collection.documents] == ["main"]


def test_a_folder_given_whole_gets_no_notice(tmp_path: Path) -> None:
    shutil.copytree(COLLECTION, tmp_path / "c")
    collection = load_paths([tmp_path / "c"], siblings=True)
    assert sorted(d.id for d in collection.documents) == ["main", "statement"]
    assert collection.notices == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("id: statement", "statement"),
        ('id: "with space"', "with space"),
        ("id: 'quoted'  # a comment", "quoted"),
        ("id: plain # a comment", "plain"),
        ("\ufeffid: after-bom", "after-bom"),
        ("  id: indented", None),  # not top level
        ("ids: other", None),
    ],
)
def test_peek_id_reads_a_top_level_id_line(tmp_path: Path, line: str, expected: str | None) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(f"format: 1\n{line}\ntext: x\n", encoding="utf-8")
    assert peek_id(path) == expected


def test_peek_id_never_reads_a_fifo_and_stops_after_its_limit(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert peek_id(fifo) is None  # returns at once: a FIFO is never read
    late = tmp_path / "late.yaml"
    late.write_text("text: |-\n" + ("  x" * 1000 + "\n") * (PEEK_BYTES // 3000 + 2) + "id: late\n")
    assert peek_id(late) is None
