"""W3C Web Annotation on real files: the W3C test suite's samples and JSON Schemas, a Recogito export,
the Hypothesis API's search result. An import writes a valid briefing or fails; an export passes the suite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.support.w3c_musts import SUITE, failed_musts

from briefing_tui.cli import main
from briefing_tui.files import load_file
from briefing_tui.formats.brat import import_brat
from briefing_tui.formats.w3c import import_w3c
from briefing_tui.formats.w3c_export import export_w3c
from briefing_tui.formats.yaml_writer import dump_document
from briefing_tui.model import Document, Entity, load_bytes

REAL = Path(__file__).resolve().parents[2] / "fixtures" / "real"
ODYSSEY = REAL / "w3c" / "recogito" / "odyssey.txt"
SAMPLES = SUITE / "tools" / "samples"
LINKED_PAGES = {"example41.json", "example42.json", "example43.json"}  # pages on the web: not fetched
C = "http://www.w3.org/ns/anno.jsonld"


def _items(collection: dict) -> list[dict]:  # type: ignore[type-arg]
    """Each annotation with the collection's @context, as JSON-LD gives it to the items of a page."""
    return [{"@context": collection["@context"], **a} for a in collection["first"]["items"]]


def _exports() -> dict[str, Document]:
    from tests.unit.formats.conftest import SEED

    from briefing_tui.model import load_document

    return {
        "seed": load_document(SEED),
        "brat-quaero": import_brat(REAL / "brat" / "quaero" / "334_2.txt"),
        "brat-news": import_brat(REAL / "brat" / "nlplab" / "000-introduction.txt"),
        "recogito": import_w3c(REAL / "w3c" / "recogito" / "annotations.w3c.json", ODYSSEY),
    }


@pytest.mark.parametrize("name", ["seed", "brat-quaero", "brat-news", "recogito"])
def test_every_exported_annotation_passes_the_suites_musts(name: str) -> None:
    collection, _ = export_w3c(_exports()[name])
    items = _items(collection)
    assert items
    assert {a["id"]: failed_musts(a) for a in items if failed_musts(a)} == {}


def test_the_wikidata_body_is_a_specific_resource_with_its_purpose(seed_doc: Document) -> None:
    collection, _ = export_w3c(seed_doc)
    bodies = [b for a in collection["first"]["items"] for b in a["body"] if "wikidata.org" in str(b)]
    assert bodies and all(b["type"] == "SpecificResource" and b["purpose"] == "identifying" for b in bodies)


def _parsed(kind: str) -> list[Path]:
    out = []
    for path in sorted((SAMPLES / kind).glob("*.json")):
        try:
            json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        out.append(path)
    return out


@pytest.mark.parametrize("sample", sorted((SAMPLES / "incorrect").glob("*.json")), ids=lambda p: p.name)
def test_every_incorrect_sample_of_the_suite_is_refused(sample: Path, tmp_path: Path) -> None:
    text = tmp_path / "t.txt"
    text.write_text("Some text. " * 30, encoding="utf-8")
    assert main(["import", "w3c", str(sample), "--text", str(text), "-o", str(tmp_path / "out.yaml")]) == 1
    assert not (tmp_path / "out.yaml").exists()


@pytest.mark.parametrize(
    "sample", [p for p in _parsed("correct") if p.name not in LINKED_PAGES], ids=lambda p: p.name
)
def test_every_correct_sample_of_the_suite_is_read_into_a_valid_briefing(
    sample: Path, tmp_path: Path
) -> None:
    text = tmp_path / "t.txt"
    text.write_text("Some text that annotations point to. " * 20, encoding="utf-8")
    doc = import_w3c(sample, text)
    load_bytes(dump_document(doc).encode("utf-8"), "out.yaml")  # raises if it were not a valid briefing


@pytest.mark.parametrize("selectors", [
    [{"type": "TextPositionSelector", "start": 500, "end": 510}],  # past the end
    [{"type": "XPathSelector", "value": "/p[2]"}, {"type": "CssSelector", "value": "#x"}],
    [{"type": "RangeSelector", "startContainer": "/p", "endContainer": "/p",
      "startOffset": 1, "endOffset": 2}],
])  # fmt: skip
def test_a_target_that_matches_nothing_is_an_orphan_never_an_invalid_file(
    selectors: list[dict],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],  # type: ignore[type-arg]
) -> None:
    data = {"@context": C, "id": "https://example.org/a1", "type": "Annotation",
            "body": [{"type": "TextualBody", "purpose": "tagging", "value": "person"}],
            "target": {"source": "https://example.org/page", "selector": selectors}}  # fmt: skip
    (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "t.txt").write_text("Some short text.", encoding="utf-8")
    out = tmp_path / "out.yaml"
    assert (
        main(["import", "w3c", str(tmp_path / "a.json"), "--text", str(tmp_path / "t.txt"), "-o", str(out)])
        == 0
    )
    doc = load_file(out)
    assert doc.entities == []
    assert [a["id"] for a in doc.extra["w3c"]["annotations"]] == ["https://example.org/a1"]
    assert "its selectors match nothing in the text" in capsys.readouterr().err


def test_recogito_tags_and_comments_are_read_and_the_rest_named() -> None:
    doc = import_w3c(REAL / "w3c" / "recogito" / "annotations.w3c.json", ODYSSEY)
    assert [(e.name, e.type, e.note) for e in doc.entities] == [("Troy", "A Tag", "This is a comment")]
    assert list(doc.extra["w3c"]["tags"].values()) == [["Another Tag"]]
    kept = next(p.message for p in doc.problems if "kept in extra.w3c" in p.message)
    assert kept.count("a comment with no tag") == 2 and "no tag, identifying" not in kept
    assert "its targets are other resources" in kept


def test_the_hypothesis_api_shape_is_read() -> None:
    doc = import_w3c(REAL / "w3c" / "hypothesis" / "search.json", ODYSSEY)
    got = [(e.name, e.type, e.note) for e in doc.entities]
    assert got == [
        ("ingenious hero", "person", "Homer calls him ingenious: the Greek word is polytropos."),
        ("Ithaca", "place", ""),
    ]
    assert doc.extra["w3c"]["tags"] == {"https://hypothes.is/a/Hj2pQkVAEe6X3wv1a1B2cw": ["epithet"]}
    assert any("XPathSelector selectors cannot be read" in p.message for p in doc.problems)


def test_a_resource_body_whose_source_is_an_object_is_read(tmp_path: Path) -> None:
    data = {"@context": C, "id": "https://example.org/g", "type": "Annotation", "body": [
        {"type": "TextualBody", "purpose": "tagging", "value": "place"},
        {"type": "SpecificResource", "purpose": "identifying",
         "source": {"id": "http://www.wikidata.org/entity/Q1428", "type": "Place"}},
        {"type": "Choice", "items": [{"type": "TextualBody", "purpose": "describing", "value": "a US state"},
                                     {"type": "TextualBody", "purpose": "describing", "value": "un État"}]}],
        "target": {"selector": {"type": "TextQuoteSelector", "exact": "Georgia"}}}  # fmt: skip
    (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "t.txt").write_text("Atlanta, Georgia.", encoding="utf-8")
    entity = import_w3c(tmp_path / "a.json", tmp_path / "t.txt").entities[0]
    assert (entity.wikidata, entity.description) == ("Q1428", "a US state")


def test_export_then_import_keeps_entities_of_the_same_name_apart(tmp_path: Path) -> None:
    text = "Georgia (the country) is not Georgia (the state)."
    doc = Document(tmp_path / "g.yaml", "g", "Georgia", "en", text)
    for eid, qid, at in (("georgia-country", "Q230", 0), ("georgia-state", "Q1428", 29)):
        from briefing_tui.formats.common import exact_span

        doc.entities.append(
            Entity(eid, "Georgia", "place", wikidata=qid, mentions=[exact_span(text, at, at + 7)])
        )
    collection, _ = export_w3c(doc)
    (tmp_path / "a.json").write_text(json.dumps(collection), encoding="utf-8")
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    again = import_w3c(tmp_path / "a.json", tmp_path / "t.txt")
    assert sorted((e.id, e.wikidata) for e in again.entities) == [
        ("georgia-country", "Q230"),
        ("georgia-state", "Q1428"),
    ]


def test_positions_that_counted_a_byte_order_mark_are_moved_back_and_said(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_bytes("\ufeffHello Niamey and Niger.".encode())
    data = [{"@context": C, "id": f"https://example.org/{n}", "type": "Annotation", "motivation": "tagging",
             "body": "place", "target": {"selector": [
                 {"type": "TextQuoteSelector", "exact": word},
                 {"type": "TextPositionSelector", "start": s, "end": e}]}}
            for n, (word, s, e) in enumerate((("Niamey", 7, 13), ("Niger", 18, 23)))]  # fmt: skip
    (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
    doc = import_w3c(tmp_path / "a.json", tmp_path / "t.txt")
    assert [(m.start, m.end) for e in doc.entities for m in e.mentions] == [(6, 12), (17, 22)]
    assert any("byte order mark" in p.message and "moved back by one" in p.message for p in doc.problems)


def test_a_prefix_that_matches_nothing_is_said(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text("Niger, then Niger again.", encoding="utf-8")
    data = {"@context": C, "id": "https://example.org/1", "type": "Annotation", "motivation": "tagging",
            "body": "place", "target": {"selector": {"type": "TextQuoteSelector", "exact": "Niger",
                                                     "prefix": "not in the text "}}}  # fmt: skip
    (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
    doc = import_w3c(tmp_path / "a.json", tmp_path / "t.txt")
    assert doc.entities[0].mentions[0].start == 0
    assert any("prefix or suffix matches no occurrence" in p.message for p in doc.problems)
