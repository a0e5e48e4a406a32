"""Files and folders: only regular files are read, never unbounded; folders make collections."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.unit.model.support import HEAD

from briefing_tui.files import briefing_files, load_paths
from briefing_tui.model import LoadError, file_bytes, load_document
from briefing_tui.model.types import Document

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def first_error(path: Path) -> str:
    with pytest.raises(LoadError) as info:
        load_document(path)
    p = info.value.problems[0]
    return f"{p.line}:{p.column}: {p.severity.value}: {p.message}"


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert first_error(fifo) == "1:1: error: this is not a regular file; only regular files are read"


def test_a_folder_is_refused_as_a_file(tmp_path: Path) -> None:
    assert first_error(tmp_path) == "1:1: error: this is a folder; only regular files are read"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_is_refused() -> None:
    assert (
        first_error(Path("/dev/zero"))
        == "1:1: error: this is not a regular file; only regular files are read"
    )


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    assert first_error(tmp_path / "nope.yaml") == "1:1: error: no such file"


def test_the_file_size_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(file_bytes, "MAX_BYTES", 100)
    big = tmp_path / "big.yaml"
    big.write_text(HEAD, encoding="utf-8")
    assert first_error(big) == f"1:1: error: the file is {len(HEAD.encode()):,} bytes; the limit is 100"


def test_a_file_name_with_controls_is_escaped_in_problems(tmp_path: Path) -> None:
    evil = tmp_path / "a\x1b[2J\u202eb.yaml"
    evil.write_text("id: [", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load_document(evil)
    assert info.value.problems[0].path.endswith("a\\x1b[2J\\u202eb.yaml")


def test_the_seed_loads_without_any_problem() -> None:
    collection = load_paths([SEEDS])
    assert collection.failed == {}
    (doc,) = collection.documents
    assert doc.problems == []
    assert all(m.status.value == "exact" for e in doc.entities for m in e.mentions)
    assert all(c.span.status.value == "exact" for c in doc.claims)


def write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def test_a_folder_opens_yaml_files_and_skips_loose_text(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", HEAD)
    write(tmp_path, "b.yml", HEAD.replace("id: doc", "id: other"))
    write(tmp_path, "article.txt", "raw article")
    write(tmp_path, "notes.md", "# notes")
    collection = load_paths([tmp_path])
    assert sorted(d.id for d in collection.documents) == ["doc", "other"]
    assert collection.failed == {}


def test_duplicate_document_ids_in_a_collection_fail_the_later_file(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", HEAD)
    write(tmp_path, "b.yaml", HEAD)
    collection = load_paths([tmp_path])
    assert [d.id for d in collection.documents] == ["doc"]
    (problems,) = collection.failed.values()
    assert problems[0].message.startswith("document id 'doc' is already used by ")
    # at the id's own place in the file
    (line, column) = (problems[0].line, problems[0].column)
    assert HEAD.splitlines()[line - 1][column - 1 :] == "doc"


def test_a_source_pointing_into_another_document_is_resolved(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", HEAD)
    write(
        tmp_path,
        "b.yaml",
        HEAD.replace("id: doc", "id: b") + "sources:\n  - {id: s, document: doc, span: {quote: répond}}\n",
    )
    collection = load_paths([tmp_path])
    b = collection.document("b")
    assert b is not None and b.problems == []
    target = b.sources[0].target
    assert target is not None and (target.start, target.end, target.status.value) == (37, 43, "exact")


def test_a_source_pointing_into_a_missing_document_is_a_warning_and_the_file_opens(tmp_path: Path) -> None:
    path = write(
        tmp_path, "b.yaml", HEAD.replace("id: doc", "id: b") + "sources:\n  - {id: s, document: nowhere}\n"
    )
    collection = load_paths([path], siblings=True)
    assert collection.failed == {}
    (document,) = collection.documents
    (problem,) = document.problems
    assert (problem.line, problem.column, problem.severity.value, problem.message) == (
        8,
        5,
        "warning",
        "source 's' points into document 'nowhere', which is not open",
    )
    assert document.sources[0].target is None  # the source leads nowhere


def test_a_source_span_missing_from_the_other_document_is_a_warning(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", HEAD)
    write(
        tmp_path,
        "b.yaml",
        HEAD.replace("id: doc", "id: b")
        + "sources:\n  - {id: s, document: doc, span: {quote: Washington}}\n",
    )
    b = load_paths([tmp_path]).document("b")
    assert b is not None and b.sources[0].target is not None and not b.sources[0].target.anchored
    assert [p.message for p in b.problems] == [
        "source 's' in document 'doc': quote \"Washington\" is not in the text: the annotation is an orphan"
    ]


def test_a_foreign_file_goes_to_its_registered_importer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    from briefing_tui.formats import registry

    seen: list[Path] = []

    def fake(source: registry.ImportSource) -> Document:
        seen.append(source.file)
        raise LoadError([])

    brat = registry.get("brat")
    formats = tuple(dataclasses.replace(f, importer=fake) if f is brat else f for f in registry.FORMATS)
    monkeypatch.setattr(registry, "FORMATS", formats)
    txt = write(tmp_path, "a.txt", "text")
    write(tmp_path, "a.ann", "")
    write(tmp_path, "b.txt", "a text with no annotations beside it")
    write(tmp_path, "c.json", "{}")
    load_paths([tmp_path])
    assert seen == [txt]


def test_a_file_no_format_opens_is_read_as_yaml_and_refused_with_a_message(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", "[1, 2]")
    collection = load_paths([path])
    assert [p.severity.value for p in collection.failed[str(path)]] == ["error"]


def test_which_files_are_briefings_is_answered_once(tmp_path: Path) -> None:
    from briefing_tui.files import briefing_files

    for name in ("a.yaml", "b.YML", "c.txt", "c.ann", "d.txt", "e.json", "f.ann"):
        write(tmp_path, name, "")
    assert [p.name for p in briefing_files(tmp_path)] == ["a.yaml", "b.YML", "c.txt"]
    assert briefing_files(tmp_path / "e.json") == [tmp_path / "e.json"]


def test_an_empty_folder_is_a_problem(tmp_path: Path) -> None:
    collection = load_paths([tmp_path])
    assert [p.message for p in collection.failed[str(tmp_path)]] == ["no briefing files in this folder"]


def test_a_fifo_with_another_suffix_is_refused_before_any_importer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "pipe.ann").write_text("", encoding="utf-8")
    collection = load_paths([fifo])
    assert [p.message for p in collection.failed[str(fifo)]] == [
        "this is not a regular file; only regular files are read"
    ]


def test_a_folders_briefings_come_in_the_order_a_person_counts_them(tmp_path: Path) -> None:
    names = ["d10.yaml", "d2.yaml", "D1.yaml", "d1.yaml", "x٣.yaml", "x12.yaml", "b.yaml"]
    for name in names:
        (tmp_path / name).write_text("format: 1\n", encoding="utf-8")
    listed = [p.name for p in briefing_files(tmp_path)]
    assert listed == ["b.yaml", "D1.yaml", "d1.yaml", "d2.yaml", "d10.yaml", "x٣.yaml", "x12.yaml"]
