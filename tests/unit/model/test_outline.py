"""Large collections: documents read for their text first, whole when opened (``model.outline``)."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

from briefing_tui.files import load_paths
from briefing_tui.model.outline import complete, open_outlines
from briefing_tui.model.outlined import Outline, _held, outline_of

ROOT = Path(__file__).resolve().parents[3]
COLLECTION = ROOT / "tests" / "fixtures" / "reader" / "collection"


def test_every_document_is_listed_and_only_the_first_is_read_whole() -> None:
    collection = open_outlines([COLLECTION])
    eager = load_paths([COLLECTION])
    assert [d.id for d in collection.documents] == [d.id for d in eager.documents] == ["main", "statement"]
    assert [d.title for d in collection.documents] == [d.title for d in eager.documents]
    assert [d.text for d in collection.documents] == [d.text for d in eager.documents]
    first, second = collection.documents
    assert first.claims and first.claims == eager.documents[0].claims
    assert list(collection.outlines) == ["statement"] and second.claims == [] and second.sources == []
    assert list(collection.failed) == list(eager.failed)  # c-broken: its YAML is broken at the top level


def test_opening_an_outline_reads_it_whole_in_its_place(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    shutil.copytree(COLLECTION, folder)
    (folder / "0-first.yaml").write_text(
        "id: first\ntitle: First\nlanguage: en\ntext: A first text.\n", encoding="utf-8"
    )
    collection, eager = open_outlines([folder]), load_paths([folder])
    outline = collection.document("main")
    assert outline is not None and outline.claims == []
    full = complete(collection, outline)
    assert full is not None and full is collection.document("main") and "main" not in collection.outlines
    expected = eager.document("main")
    assert expected is not None
    assert full.claims == expected.claims
    linked = [(s.id, s.target) for s in full.sources if s.document]
    assert linked == [(s.id, s.target) for s in expected.sources if s.document] and linked[0][1] is not None
    assert complete(collection, full) is full  # read once


def test_a_document_whose_annotations_are_wrong_fails_when_opened(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("id: a\ntitle: A\nlanguage: en\ntext: Alpha.\n", encoding="utf-8")
    bad = tmp_path / "b.yaml"
    bad.write_text(
        "id: b\ntitle: B\nlanguage: en\ntext: Beta.\nclaims:\n  - id: k\n    span: [0, 99]\n",
        encoding="utf-8",
    )
    collection = open_outlines([tmp_path])
    outline = collection.document("b")
    assert outline is not None and not collection.failed
    assert complete(collection, outline) is None
    assert collection.document("b") is None
    assert collection.failed[str(bad)] == load_paths([tmp_path]).failed[str(bad)]


def test_a_source_into_a_document_not_open_warns_when_opened_as_in_a_whole_load(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("id: a\ntitle: A\nlanguage: en\ntext: Alpha.\n", encoding="utf-8")
    dangling = tmp_path / "b.yaml"
    dangling.write_text(
        "id: b\ntitle: B\nlanguage: en\ntext: Beta.\nsources:\n  - id: s\n    document: zz\n",
        encoding="utf-8",
    )
    collection = open_outlines([tmp_path])
    outline = collection.document("b")
    assert outline is not None
    full = complete(collection, outline)
    assert full is not None and not collection.failed
    whole = load_paths([tmp_path]).document("b")
    assert whole is not None and [p.code for p in full.problems] == ["dangling-document"]
    assert full.problems == whole.problems


def test_duplicate_ids_and_empty_folders_fail_as_in_a_whole_load(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.yaml").write_text(
            "id: same\ntitle: T\nlanguage: en\ntext: x\n", encoding="utf-8"
        )
    empty = tmp_path / "empty"
    empty.mkdir()
    assert open_outlines([tmp_path, empty]).failed == load_paths([tmp_path, empty]).failed


def test_the_reader_opens_on_the_first_document_that_loads(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("id: a\ntitle: A\nlanguage: en\ntext: Alpha.\nclaims: 3\n")
    (tmp_path / "b.yaml").write_text("id: b\ntitle: B\nlanguage: en\ntext: Beta.\n")
    collection = open_outlines([tmp_path])
    assert [d.id for d in collection.documents] == ["b"] and list(collection.outlines) == []
    assert list(collection.failed) == [str(tmp_path / "a.yaml")]


def test_a_listed_document_holds_no_text_until_it_is_wanted(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    shutil.copytree(COLLECTION, folder)
    (folder / "0-first.yaml").write_text(  # opened first: no source of its points into the others
        "id: first\ntitle: First\nlanguage: en\ntext: A first text.\n", encoding="utf-8"
    )
    collection = open_outlines([folder])
    outline = collection.document("statement")
    assert isinstance(outline, Outline) and not outline.text_read
    kept = pickle.loads(pickle.dumps(outline))  # as the child that lists a folder sends it
    assert isinstance(kept, Outline) and not kept.text_read and not outline.text_read
    assert kept.title == outline.title and kept.path == outline.path
    expected = load_paths([folder]).document("statement")
    assert expected is not None
    assert outline.text == expected.text and outline.text_read
    main = collection.document("main")
    assert main is not None and complete(collection, main) is not None  # its sources point into another
    assert all(not isinstance(d, Outline) or d.text_read for d in collection.documents)
    assert pickle.loads(pickle.dumps(outline)).text_read  # read once, sent with it
    (folder / "b-statement.yaml").unlink()  # gone since it was listed: an empty text, nothing found in it
    assert kept.text == "" and kept.text_read


def test_a_listed_document_makes_its_lists_when_they_are_read(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    shutil.copytree(COLLECTION, folder)
    (folder / "0-first.yaml").write_text(
        "id: first\ntitle: First\nlanguage: en\nauthors: [A. Writer]\ntext: A first text.\n", encoding="utf-8"
    )
    outline = open_outlines([folder]).documents[1]  # the first is read whole; this one is listed
    assert isinstance(outline, Outline)
    assert [_held(outline, name) for name in ("claims", "entities", "extra")] == [None, None, None]
    sent = pickle.loads(pickle.dumps(outline))  # sent as it is: nothing made for the sending
    assert _held(outline, "claims") is None and _held(sent, "claims") is None
    assert outline.claims == [] and outline.claims is outline.claims  # made once, then kept
    outline.authors.append("A. Reader")
    assert outline.authors == ["A. Reader"] and outline.extra == {}
    assert pickle.loads(pickle.dumps(outline)).authors == ["A. Reader"]
    assert sent.claims == [] and sent.title == outline.title and sent.published == outline.published
    author = open_outlines([folder])
    listed = outline_of(author.documents[0])  # a list that holds something is kept as it is
    assert listed.authors == ["A. Writer"] and _held(listed, "authors") == ["A. Writer"]
