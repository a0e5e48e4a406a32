"""brat standoff: import, export, import again keeps every annotation; bad input is FILE:LINE."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.support.checks import present

from briefing_tui.files import load_file
from briefing_tui.formats.brat import import_brat
from briefing_tui.formats.brat_export import export_brat
from briefing_tui.formats.yaml_writer import dump_document
from briefing_tui.model import Document, LoadError, Rating, Severity, load_document


@pytest.fixture
def report(fixtures: Path) -> Document:
    return import_brat(fixtures / "brat" / "report.txt")


def _write(tmp_path: Path, text: str, ann: str, name: str = "doc") -> Path:
    (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    (tmp_path / f"{name}.ann").write_text(ann, encoding="utf-8")
    return tmp_path / f"{name}.txt"


def _ann_lines(ann: str) -> list[str]:
    return [line for line in ann.splitlines() if line]


def test_entities_are_grouped_typed_and_normalised(report: Document) -> None:
    niger = report.entity("niger")
    assert niger is not None and niger.type == "place" and niger.wikidata == "Q1032"
    assert [report.text[m.start : m.end] for m in niger.mentions] == ["Niger", "Niger"]
    assert present(report.entity("cnsp")).type == "organisation"  # ORG
    assert present(report.entity("matthew-miller")).type == "person"
    assert present(report.entity("drone-reaper")).type == "Weapon"  # unknown types are kept


def test_discontinuous_span_becomes_fragments_and_a_warning(report: Document) -> None:
    mq9 = present(report.entity("drone-mq-9"))
    assert [report.text[m.start : m.end] for m in mq9.mentions] == ["drone", "MQ-9"]
    assert any("T12 is discontinuous" in p.message for p in report.problems)


def test_reporting_event_becomes_a_claim_sourced_to_the_reporter(report: Document) -> None:
    claim = report.claim("E2")
    assert claim is not None
    assert report.text[claim.span.start : claim.span.end] == "États-Unis retireraient leurs troupes du Niger"
    source = present(report.source(claim.sources[0].source))
    assert source.entity == "matthew-miller" and source.kind == "speaker"
    assert claim.note == "paraphrase of the State Department statement"
    assert [e.id for e in report.events] == ["E1", "E3"]  # the report itself is not an event


def test_events_take_trigger_entities_and_date_attribute(report: Document) -> None:
    meet = next(e for e in report.events if e.id == "E3")
    assert report.text[meet.mentions[0].start : meet.mentions[0].end] == "a rencontré"
    assert meet.entities == ["kathleen-fitzgibbon", "cnsp", "niamey"]
    assert meet.date.text == "2024-03"
    assert present(report.entity("kathleen-fitzgibbon")).note == "US ambassador to Niger"


def test_what_has_no_equivalent_is_kept_and_named(report: Document) -> None:
    brat = report.extra["brat"]
    assert [r["type"] for r in brat["relations"]] == ["Employee_of", "Has_title"]
    assert {a["name"] for a in brat["attributes"]} == {"Negation", "Confidence", "Speculation"}
    assert brat["normalisations"][0]["resource"] == "GeoNames"
    assert brat["notes"][0]["text"] == "inferred from context"
    warning = next(p for p in report.problems if "kept with no briefing equivalent" in p.message)
    assert warning.severity is Severity.WARNING
    for name in ("R1 Employee_of", "A1 Negation", "M1 Speculation", "N2 GeoNames", "E3 (nested"):
        assert name in warning.message


def test_export_writes_every_kind_of_annotation(report: Document) -> None:
    text, ann, warnings = export_brat(report)
    assert text == report.text and warnings == []
    kinds = {line.split("\t")[0].rstrip("0123456789") for line in _ann_lines(ann)}
    assert kinds == {"T", "E", "R", "A", "N", "#", "*"}
    assert any(line.startswith("T") and "195 200;201 205\tdrone MQ-9" in line for line in _ann_lines(ann))


def test_import_export_import_keeps_every_annotation(report: Document, tmp_path: Path) -> None:
    text, ann, _ = export_brat(report)
    again = import_brat(_write(tmp_path, text, ann, "report"))
    assert dump_document(again) == dump_document(report)


def test_export_is_a_fixed_point(report: Document, tmp_path: Path) -> None:
    text, ann, _ = export_brat(report)
    _, ann2, _ = export_brat(import_brat(_write(tmp_path, text, ann, "report")))
    assert ann2 == ann


def test_round_trip_through_yaml_and_the_loader(report: Document, tmp_path: Path) -> None:
    path = tmp_path / "report.yaml"
    path.write_text(dump_document(report), encoding="utf-8")
    loaded = load_document(path)
    assert [(m.start, m.end) for e in loaded.entities for m in e.mentions] == [
        (m.start, m.end) for e in report.entities for m in e.mentions
    ]
    assert [c.id for c in loaded.claims] == ["E2"]


def test_briefing_claims_export_with_verdicts(seed_doc: Document, tmp_path: Path) -> None:
    text, ann, warnings = export_brat(seed_doc)
    again = import_brat(_write(tmp_path, text, ann, "seed"))
    assert len(again.claims) == len(seed_doc.claims)
    rated = [c for c in seed_doc.claims if c.verdict]
    assert [c.verdict.rating for c in again.claims if c.verdict] == [present(c.verdict).rating for c in rated]
    assert sum(len(e.mentions) for e in again.entities) == sum(len(e.mentions) for e in seed_doc.entities)
    assert any("sources" in w for w in warnings)


def test_load_file_opens_a_txt_with_its_ann(fixtures: Path) -> None:
    doc = load_file(fixtures / "brat" / "report.txt")
    assert doc.claim("E2") is not None
    assert load_file(fixtures / "brat" / "report.ann").text == doc.text


@pytest.mark.parametrize(
    ("ann", "line", "message"),
    [
        ("T1\tPerson 0 5\tHello\nT2\tPerson 0 99\tx\n", 2, "outside the text"),
        ("T1\tPerson zero 5\tHello\n", 1, "malformed text-bound"),
        ("\nE1\tMeet:T9\n", 2, "T9, which is not defined"),
        ("T1\tPerson 0 5\tHello\nR1\tKnows Arg1:T1\n", 2, "malformed relation"),
        ("T1\tPerson 0 5\tHello\nA1\tNeg T7\n", 2, "T7, which is not defined"),
        ("T1\tPerson 0 5\tHello\nT1\tPerson 0 5\tHello\n", 2, "defined twice"),
        ("X1\tsomething\n", 1, "not a brat annotation"),
        ("T1\tPerson 0 5\tHello\nN1\tReference T1 nocolon\n", 2, "malformed normalisation"),
    ],
)
def test_bad_input_is_file_line_and_message(tmp_path: Path, ann: str, line: int, message: str) -> None:
    txt = _write(tmp_path, "Hello world", ann)
    with pytest.raises(LoadError) as info:
        import_brat(txt)
    problem = info.value.problems[0]
    assert problem.path.endswith("doc.ann") and problem.line == line and message in problem.message


def test_text_mismatch_is_a_warning(tmp_path: Path) -> None:
    doc = import_brat(_write(tmp_path, "Hello world", "T1\tPerson 0 5\tHellp\n"))
    assert doc.problems[0].severity is Severity.WARNING and "differs" in doc.problems[0].message


def test_missing_ann_and_bad_encoding(tmp_path: Path) -> None:
    (tmp_path / "lone.txt").write_text("x")
    with pytest.raises(LoadError, match="no brat annotation file"):
        import_brat(tmp_path / "lone.txt")
    (tmp_path / "bad.txt").write_bytes(b"ok\n\xff")
    (tmp_path / "bad.ann").write_text("")
    with pytest.raises(LoadError) as info:
        import_brat(tmp_path / "bad.txt")
    assert (info.value.problems[0].line, info.value.problems[0].column) == (2, 1)


def test_crlf_ann_and_code_point_offsets(tmp_path: Path) -> None:
    doc = import_brat(
        _write(tmp_path, "Ça va, Zoë 🙂 ici", "T1\tPerson 7 10\tZoë\r\nA1\tVerdict T1 false\r\n")
    )
    assert doc.entities[0].name == "Zoë" and doc.extra["brat"]["attributes"][0]["value"] == "false"
    assert Rating.FALSE.value == "false"


def test_fixture_copy_opens_from_elsewhere(fixtures: Path, tmp_path: Path) -> None:
    for suffix in (".txt", ".ann"):
        shutil.copy(fixtures / "brat" / f"report{suffix}", tmp_path / f"r{suffix}")
    assert len(import_brat(tmp_path / "r.txt").entities) == 10


def test_round_trip_through_yaml_has_no_loader_problem_but_extra(report: Document, tmp_path: Path) -> None:
    path = tmp_path / "report.yaml"
    path.write_text(dump_document(report), encoding="utf-8")
    problems = [p for p in load_document(path).problems if "'extra'" not in p.message]
    assert problems == []


def test_extra_survives_yaml_and_the_loader(report: Document, tmp_path: Path) -> None:
    path = tmp_path / "report.yaml"
    path.write_text(dump_document(report), encoding="utf-8")
    assert load_document(path).extra == report.extra


def test_the_loader_opens_a_brat_pair_directly(fixtures: Path) -> None:
    from briefing_tui.files import load_paths

    collection = load_paths([fixtures / "brat"])
    assert [d.id for d in collection.documents] == ["report"] and not collection.failed
    assert collection.documents[0].claim("E2") is not None


def test_a_byte_order_mark_counts_in_brat_offsets(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_bytes("\ufeffHello Zoë".encode())
    (tmp_path / "b.ann").write_text("T1\tPerson 7 10\tZoë\n", encoding="utf-8")
    doc = import_brat(tmp_path / "b.txt")
    mention = doc.entities[0].mentions[0]
    assert doc.text == "Hello Zoë" and doc.text[mention.start : mention.end] == "Zoë"
    assert any("byte order mark" in p.message for p in doc.problems)


@pytest.mark.parametrize(
    "extra",
    [
        {"relations": "nonsense"},
        {"relations": [{"type": "R x", "args": [["Arg 1", {"entity": ["unhashable"], "span": [0, 5]}]]}]},
        {"relations": [{"type": "Knows", "args": [["A", {"span": [0, 5], "type": "Per son"}], ["B", 7]]}]},
        {"attributes": [5, {"name": "Neg ated", "target": {"span": [0, 5]}, "value": "a b"}]},
        {
            "normalisations": [
                {"kind": "Ref", "target": {"span": [0, 5]}, "resource": "Geo Names", "key": "1 2"}
            ]
        },
        {"notes": [{"target": {"span": [0, 99]}, "text": "gone"}], "discontinuous": [[[0, 1], "x"], 3]},
        {"events": {"E1": {"type": "Meet", "args": "oops"}}, "reports": []},
    ],
)
def test_export_survives_edited_extra_and_writes_valid_standoff(tmp_path: Path, extra: dict) -> None:
    from briefing_tui.formats.brat_ann import parse_ann
    from briefing_tui.formats.common import exact_span
    from briefing_tui.model import Entity, Event
    from briefing_tui.model.dates import parse_edtf

    doc = Document(Path("x"), "x", "X", "en", "Hello world, hello")
    doc.entities.append(Entity("hello", "Hello", "person", mentions=[exact_span(doc.text, 0, 5)]))
    doc.events.append(Event("E1", "Meet", parse_edtf("2024"), mentions=[exact_span(doc.text, 6, 11)]))
    doc.extra["brat"] = extra
    text, ann, _ = export_brat(doc)
    parsed, problems = parse_ann(tmp_path / "x.ann", text, ann)
    assert [p.message for p in problems if p.severity is Severity.ERROR] == []
    assert len(parsed.t) >= 2 and "E1" in parsed.e


def test_a_span_across_lines_is_not_a_mismatch(tmp_path: Path) -> None:
    doc = import_brat(_write(tmp_path, "Hello\nworld", "T1\tOther 0 11\tHello world\n"))
    assert not doc.problems


def test_an_invalid_date_attribute_is_kept_not_used(tmp_path: Path) -> None:
    ann = "T1\tMeet 0 5\tHello\nE1\tMeet:T1\nA1\tDate E1 2024-02-30\n"
    doc = import_brat(_write(tmp_path, "Hello world", ann))
    assert doc.events[0].date.text == "XXXX"
    assert doc.extra["brat"]["attributes"][0]["value"] == "2024-02-30"
