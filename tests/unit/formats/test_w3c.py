"""W3C Web Annotation: every selector and body the importer reads, UTF-16 offsets, errors, round-trips."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.support.checks import present

from briefing_tui.formats.w3c import import_w3c
from briefing_tui.formats.w3c_export import export_w3c
from briefing_tui.formats.yaml_writer import document_data
from briefing_tui.model import Document, LoadError, Rating

_A = {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "https://example.org/a", "type": "Annotation"}


def _w3c(fixtures: Path, name: str) -> Document:
    return import_w3c(fixtures / "w3c" / f"{name}.json", fixtures / "w3c" / "article.txt")


def _quote(doc: Document, span) -> str:
    return doc.text[span.start : span.end]


def test_collection_with_two_pages(fixtures: Path) -> None:
    doc = _w3c(fixtures, "collection")
    assert [e.id for e in doc.entities] == ["niger", "matthew-miller", "etats-unis", "niamey"]
    niger = present(doc.entity("niger"))
    assert niger.wikidata == "Q1032" and niger.type == "place" and len(niger.mentions) == 2
    assert present(doc.entity("etats-unis")).type == "organisation"  # the ORG tag
    assert doc.extra["w3c"]["tags"] == {"https://example.org/anno/4": ["to-check"]}


def test_refined_by_selects_inside_its_parent(fixtures: Path) -> None:
    doc = _w3c(fixtures, "collection")
    miller = present(doc.entity("matthew-miller"))
    assert _quote(doc, miller.mentions[0]) == "Matthew Miller"
    assert miller.description == "State Department spokesperson"


def test_quote_with_prefix_picks_the_right_occurrence(fixtures: Path) -> None:
    doc = _w3c(fixtures, "collection")
    niamey = present(doc.entity("niamey")).mentions[0]
    assert niamey.start == doc.text.rindex("Niamey")
    assert any("CssSelector selectors cannot be read" in p.message for p in doc.problems)


def test_claim_with_verdict_gloss_and_source(fixtures: Path) -> None:
    doc = _w3c(fixtures, "collection")
    claim = doc.claims[0]
    assert _quote(doc, claim.span).startswith("Les États-Unis ont annoncé")
    verdict = present(claim.verdict)
    assert verdict.rating is Rating.SUPPORTED  # alternateName "True"
    assert verdict.explanation.startswith("State Department statement")
    assert verdict.reviewed == "2026-11-27"
    assert claim.gloss == "The US announced the withdrawal."
    assert present(present(doc.source(claim.sources[0].source)).url).startswith("https://www.state.gov/")


def test_events_with_date_tags_and_a_background_event(fixtures: Path) -> None:
    doc = _w3c(fixtures, "collection")
    talks, coup = doc.events
    assert (talks.label, talks.date.text, _quote(doc, talks.mentions[0])) == (
        "US–CNSP talks begin", "2023-07", "juillet 2023",
    )  # fmt: skip
    assert coup.date.text == "2023-07-26" and coup.background


def test_annotation_with_no_equivalent_is_kept_and_named(fixtures: Path) -> None:
    doc = _w3c(fixtures, "collection")
    kept = doc.extra["w3c"]["annotations"]
    assert [a["id"] for a in kept] == ["https://example.org/anno/8"]
    assert any("anno/8" in p.message and "extra.w3c" in p.message for p in doc.problems)


def test_utf16_positions_are_detected_converted_and_said(fixtures: Path) -> None:
    doc = _w3c(fixtures, "utf16")
    assert [(_quote(doc, e.mentions[0])) for e in doc.entities] == ["Niamey", "Matthew Miller", "Niger"]
    assert doc.entities[2].mentions[0].start == doc.text.rindex("Niger")  # position only, converted too
    assert any("UTF-16" in p.message for p in doc.problems)


def test_single_annotation_with_position_only(fixtures: Path) -> None:
    doc = _w3c(fixtures, "single")
    assert doc.entities[0].type == "date" and _quote(doc, doc.entities[0].mentions[0]) == "25 avril 2024"
    assert not any("converted" in p.message for p in doc.problems)
    # no quote to check the position against, on a text with an emoji: the reading is said
    assert any("1 position with no quote" in p.message for p in doc.problems)


def _without_stance(refs: list[Any]) -> list[Any]:
    """Source references as W3C keeps them: stances are lost (docs/formats.md)."""
    out = []
    for ref in refs:
        if isinstance(ref, dict):
            ref = {k: v for k, v in ref.items() if k != "stance"}
            ref = ref["source"] if list(ref) == ["source"] else ref
        out.append(ref)
    return out


def test_seed_round_trips_through_w3c(seed_doc: Document, tmp_path: Path) -> None:
    collection, warnings = export_w3c(seed_doc)
    assert warnings == [] and collection["type"] == "AnnotationCollection"
    assert collection["total"] == len(collection["first"]["items"])
    (tmp_path / "a.json").write_text(json.dumps(collection), encoding="utf-8")
    (tmp_path / "t.txt").write_text(seed_doc.text, encoding="utf-8")
    again = import_w3c(tmp_path / "a.json", tmp_path / "t.txt")
    before, after = document_data(seed_doc), document_data(again)
    for key in ("entities", "events"):
        assert after[key] == before[key]
    for old, new in zip(before["claims"], after["claims"], strict=True):
        assert {k: v for k, v in new.items() if k not in ("verdict", "sources")} == {
            k: v for k, v in old.items() if k not in ("verdict", "sources")
        }
        assert _without_stance(new.get("sources", [])) == _without_stance(old.get("sources", []))
        if "verdict" in old:
            assert new["verdict"]["rating"] == old["verdict"]["rating"]
            assert new["verdict"]["explanation"] == old["verdict"].get("explanation", "")
    assert {s.id for s in again.sources} <= {s.id for s in seed_doc.sources}


def test_import_onto_a_base_briefing_joins_its_entities(seed_doc: Document, tmp_path: Path) -> None:
    collection, _ = export_w3c(seed_doc)
    (tmp_path / "a.json").write_text(json.dumps(collection), encoding="utf-8")
    base = Document(seed_doc.path, seed_doc.id, seed_doc.title, "fr", seed_doc.text)
    base.sources = list(seed_doc.sources)
    merged = import_w3c(tmp_path / "a.json", tmp_path / "unused.txt", base=base)
    assert present(merged.source("S-state-0424")).title == present(seed_doc.source("S-state-0424")).title
    assert len(merged.sources) == len(seed_doc.sources)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"type": "Annotation", "body": []}, "$: the annotation has no target"),
        ([{**_A, "target": {"selector": {"type": "TextPositionSelector", "start": "3", "end": 5}}}],
         "$[0].target.selector.start: must be a non-negative integer"),
        ([{**_A, "target": {"selector": {"type": "TextPositionSelector", "start": 9, "end": 5}}}],
         "$[0].target.selector: end 5 is before start 9"),
        ([{**_A, "target": {"selector": [{"type": "TextQuoteSelector", "exact": 5}]}}],
         "$[0].target.selector[0].exact: must be a non-empty string"),
        ([{**_A, "target": 5}], "$[0].target: a target must be an object or an IRI"),
        ([{**_A, "target": {"source": "x"}, "body": [5]}],
         "$[0].body[0]: a body must be an object or an IRI"),
        ([{**_A, "target": {"source": "x"}, "body": {"type": "TextualBody", "value": 3}}],
         "$[0].body.value: must be"),
        ({"type": "AnnotationCollection", "first": {"items": [7]}},
         "$.first.items[0]: an annotation must be"),
        ({"type": "AnnotationCollection", "first": "https://example.org/page1"}, "$.first: links to a page"),
        ("just a string", "$: expected an annotation"),
    ],
)  # fmt: skip
def test_invalid_input_is_a_json_path_message(tmp_path: Path, data: object, message: str) -> None:
    (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "t.txt").write_text("Hello world", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        import_w3c(tmp_path / "a.json", tmp_path / "t.txt")
    assert info.value.problems[0].message.startswith(message)
    assert info.value.problems[0].path.endswith("a.json")


def test_json_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('[\n  {"target": }\n]', encoding="utf-8")
    (tmp_path / "t.txt").write_text("Hello", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        import_w3c(tmp_path / "a.json", tmp_path / "t.txt")
    assert (info.value.problems[0].line, info.value.problems[0].column) == (2, 14)


def test_a_quote_not_in_the_text_is_an_orphan(tmp_path: Path) -> None:
    data = [{**_A, "target": {"selector": {"type": "TextQuoteSelector", "exact": "absent"}}, "body": "person",
             "motivation": "tagging"}]  # fmt: skip
    (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "t.txt").write_text("Hello world", encoding="utf-8")
    doc = import_w3c(tmp_path / "a.json", tmp_path / "t.txt")
    assert not doc.entities[0].mentions[0].anchored and doc.entities[0].mentions[0].selector.exact == "absent"


def test_kept_annotations_are_written_back_on_export(fixtures: Path) -> None:
    doc = _w3c(fixtures, "collection")
    collection, _ = export_w3c(doc)
    ids = [a["id"] for a in collection["first"]["items"]]
    assert "https://example.org/anno/8" in ids


def test_an_invalid_date_tag_is_said_and_the_date_unknown(tmp_path: Path) -> None:
    data = [{**_A, "motivation": "tagging", "body": ["event", "date:2024-13-45"],
             "target": {"selector": {"type": "TextQuoteSelector", "exact": "Hello"}}}]  # fmt: skip
    (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "t.txt").write_text("Hello world", encoding="utf-8")
    doc = import_w3c(tmp_path / "a.json", tmp_path / "t.txt")
    assert doc.events[0].date.text == "XXXX"
    assert any("2024-13-45 is not an EDTF date" in p.message for p in doc.problems)


def test_a_very_long_chain_of_pages_is_a_message(tmp_path: Path) -> None:
    depth = 5000
    text = (
        '{"type": "AnnotationCollection", "first": '
        + '{"items": [], "next": ' * depth
        + "{}"
        + "}" * depth
        + "}"
    )
    (tmp_path / "a.json").write_text(text, encoding="utf-8")
    (tmp_path / "t.txt").write_text("Hello", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        import_w3c(tmp_path / "a.json", tmp_path / "t.txt")
    assert info.value.problems[0].path.endswith("a.json")


def test_json_path_errors_point_at_the_value(tmp_path: Path) -> None:
    text = (
        '[\n  {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "#a", "type": "Annotation",\n'
        '   "target": {"selector": {"type": "TextPositionSelector",\n     "start": "3", "end": 5}}}\n]\n'
    )
    (tmp_path / "a.json").write_text(text, encoding="utf-8")
    (tmp_path / "t.txt").write_text("Hello", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        import_w3c(tmp_path / "a.json", tmp_path / "t.txt")
    assert (info.value.problems[0].line, info.value.problems[0].column) == (4, 15)


@pytest.mark.parametrize(
    ("path", "where"),
    [("$", (1, 1)), ("$.a", (2, 8)), ("$.a[1].b", (2, 18)), ("$.a[2].d[1]", (3, 27)), ("$.e.f", (4, 14)),
     ("$.zz", (1, 1)), ("$.a[2].c", (3, 10)), ("not a path", (1, 1))],
)  # fmt: skip
def test_locate_json(path: str, where: tuple[int, int]) -> None:
    from briefing_tui.formats.common import locate_json

    text = '{\n  "a": [1, {"b": 2},\n   {"c": "x:y", "d": [ 5, 6 ]}],\n  "e": {"f": null}\n}'
    assert locate_json(text, path) == where
