"""Properties: any text survives the writer and the loader; any JSON or .ann is a document or a LoadError."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefing_tui.formats.brat import import_brat
from briefing_tui.formats.claimreview import import_claimreview
from briefing_tui.formats.common import exact_span
from briefing_tui.formats.timelinejs import import_timelinejs
from briefing_tui.formats.w3c import import_w3c
from briefing_tui.formats.yaml_writer import dump_document
from briefing_tui.model import Document, Entity, LoadError, load_document

# every code point the loader can read back from UTF-8 (no lone surrogates)
TEXT = st.text(st.characters(codec="utf-8"), max_size=60) | st.text(
    st.sampled_from(list("ab \t\n\r-.#:|>\"'\\\x00\x1b\x85\u2028\ufeff😀")), max_size=40
)
SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(TEXT)
def test_any_text_round_trips_through_the_writer_and_the_loader(text: str) -> None:
    doc = Document(Path("p.yaml"), "p", "T", "fr", text)
    if text:
        doc.entities.append(Entity("e", "E", "person", mentions=[exact_span(text, 0, len(text))]))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.yaml"
        path.write_text(dump_document(doc), encoding="utf-8")
        try:
            loaded = load_document(path)
        except LoadError as exc:  # only an empty text may be refused by the loader
            assert not text.strip(), exc
            return
    assert loaded.text == text
    if text:
        span = loaded.entities[0].mentions[0]
        assert (span.start, span.end) == (0, len(text))


KEYS = [
    "type",
    "@type",
    "target",
    "selector",
    "body",
    "start",
    "end",
    "exact",
    "prefix",
    "items",
    "first",
    "next",
    "events",
    "start_date",
    "end_date",
    "year",
    "month",
    "day",
    "reviewRating",
    "ratingValue",
    "bestRating",
    "alternateName",
    "claimReviewed",
    "itemReviewed",
    "citation",
    "author",
    "refinedBy",
    "purpose",
    "value",
    "@graph",
    "title",
    "text",
    "headline",
    "media",
    "url",
    "display_date",
    "edtf",
    "unique_id",
    "eras",
    "id",
    "source",
]
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 300)
    | st.text(max_size=8)
    | st.sampled_from(["TextQuoteSelector", "TextPositionSelector", "ClaimReview", "AnnotationCollection"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(KEYS),  # fmt: skip
            inner,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@SETTINGS
@given(JSON)
def test_any_json_is_a_document_or_a_load_error(data: object) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path, text = Path(tmp) / "a.json", Path(tmp) / "t.txt"
        path.write_text(json.dumps(data), encoding="utf-8")
        text.write_text("Hello 😀 world, hello again.", encoding="utf-8")
        for run in (
            lambda: import_w3c(path, text),
            lambda: import_claimreview(path),
            lambda: import_timelinejs(path),
        ):
            try:
                assert isinstance(run(), Document)
            except LoadError as exc:
                assert exc.problems and exc.problems[0].path.endswith("a.json")


ANN_LINE = st.sampled_from(
    ["T1\tPerson 0 5\tHello", "T2\tOrg 6 11\tworld", "T3\tX 0 2;3 5\tHe lo", "E1\tSay:T1 Agent:T2",
     "E2\tReport:T3 Speaker:T1 Message:E1", "R1\tRel Arg1:T1 Arg2:T2", "A1\tNeg E1", "M1\tConf T1 High",
     "N1\tReference T1 Wikidata:Q5\tH", "#1\tAnnotatorNotes T2\tnote", "*\tEquiv T1 T2", "T9\tBad 9 99",
     "E9\tX:T7", "bogus", "", "A2\tVerdict T1 false", "T4\tClaim 0 11\tHello world"]
)  # fmt: skip


@SETTINGS
@given(st.lists(ANN_LINE, max_size=10))
@example(  # a discontinuous trigger of a report (a claim): both its fragments are written back
    ["T1\tPerson 0 5\tHello", "T2\tOrg 6 11\tworld", "T3\tX 0 2;3 5\tHe lo", "E1\tSay:T1 Agent:T2",
     "E2\tReport:T3 Speaker:T1 Message:E1"]
)  # fmt: skip
def test_any_ann_is_a_document_or_a_load_error(lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "d.txt").write_text("Hello world", encoding="utf-8")
        (Path(tmp) / "d.ann").write_text("\n".join(lines), encoding="utf-8")
        try:
            doc = import_brat(Path(tmp) / "d.txt")
        except LoadError as exc:
            assert all(p.path.endswith("d.ann") and p.line >= 1 for p in exc.problems)
            return
        from briefing_tui.formats.brat_export import export_brat

        _, ann, _ = export_brat(doc)
        (Path(tmp) / "d.ann").write_text(ann, encoding="utf-8")
        again = import_brat(Path(tmp) / "d.txt")
        assert dump_document(again) == dump_document(doc)
