"""The YAML writer: what it writes reads back, through the model loader, as the same document."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_tui.formats.common import exact_span
from briefing_tui.formats.yaml_writer import document_data, dump_document
from briefing_tui.model import Document, Entity, load_document

HOSTILE_TEXTS = [
    "plain text\nwith two lines",
    "trailing spaces   \nnext",
    "\ttab first",
    "a\tb",
    "bell\x07 and escape \x1b[31mred",
    "windows\r\nline ends\r\n",
    "\n\nleading blank lines",
    "a document marker\n---\ninside",
    "three dots\n...\nend",
    "ends with a newline\n",
    "ends with two newlines\n\n",
    "  leading spaces",
    "line\u2028separator and next\x85line",
    "# looks like a comment\nkey: value\n- item",
    "quotes \" and ' and \\ backslash",
    "\ufeffa byte order mark inside",
    "",
    "é ü ж 中文 🙂",
    "bidi \u202eevil.exe\u202c \u2066isolate\u2069 \u200f\u200e \u061c end\nsecond line",
]


def _doc(text: str) -> Document:
    doc = Document(Path("t.yaml"), "doc", "Title: with colon", "fr", text)
    if text:
        doc.entities.append(Entity("e1", "first", "person", mentions=[exact_span(text, 0, 1)]))
    return doc


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_text_reads_back_exactly(text: str, tmp_path: Path) -> None:
    path = tmp_path / "out.yaml"
    path.write_text(dump_document(_doc(text)), encoding="utf-8")
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["text"] == text
    if text and not text.startswith("\ufeff"):  # the loader drops a BOM at the start of the file only
        loaded = load_document(path)
        assert loaded.text == text
        if text:
            assert (loaded.entities[0].mentions[0].start, loaded.entities[0].mentions[0].end) == (0, 1)


def test_plain_text_is_a_block_scalar() -> None:
    out = dump_document(_doc("first line\nsecond line"))
    assert "text: |-\n  first line\n  second line\n" in out


def test_text_with_one_final_newline_stays_a_block_scalar() -> None:
    out = dump_document(_doc("first line\nsecond line\n"))
    assert "text: |\n  first line\n" in out


@pytest.mark.parametrize("text", ["trailing \nx", "a\r\nb", "\n\nlead", "x\n---\ny", "ctl\x01"])
def test_unsafe_text_is_quoted(text: str) -> None:
    out = dump_document(_doc(text))
    assert 'text: "' in out


def test_seed_round_trips_through_the_loader(seed_doc: Document, tmp_path: Path) -> None:
    path = tmp_path / "seed.yaml"
    path.write_text(dump_document(seed_doc), encoding="utf-8")
    again = load_document(path)
    assert document_data(again) == document_data(seed_doc)
    assert (again.published, again.note) == (seed_doc.published, seed_doc.note) and again.note
    assert again.text == seed_doc.text
    assert [c.id for c in again.claims] == [c.id for c in seed_doc.claims]
    assert [(m.start, m.end) for e in again.entities for m in e.mentions] == [
        (m.start, m.end) for e in seed_doc.entities for m in e.mentions
    ]


def test_spans_keep_quote_and_position(seed_doc: Document) -> None:
    data = yaml.safe_load(dump_document(seed_doc))
    claim = data["claims"][0]
    span = seed_doc.claims[0].span
    assert claim["span"] == {
        "exact": seed_doc.text[span.start : span.end],
        "start": span.start,
        "end": span.end,
    }


def test_no_yaml_anchors_in_output(seed_doc: Document) -> None:
    out = dump_document(seed_doc)
    assert "&id" not in out and "*id" not in out


def test_bidi_controls_are_written_as_escapes_and_read_back() -> None:
    text = "Title \u202eexe.txt\u202c"
    doc = _doc(text)
    doc.entities[0].name = "name \u2067x\u2069"
    doc.entities[0].aliases = ["\u200fal"]
    out = dump_document(doc)
    assert not any(c in out for c in "\u202e\u202c\u2067\u2069\u200f")
    assert "\\u202E" in out
    data = yaml.safe_load(out)
    assert data["text"] == text and data["entities"][0]["name"] == "name \u2067x\u2069"
    assert data["entities"][0]["aliases"] == ["\u200fal"]


def _real_documents() -> list[Document]:
    from briefing_tui.formats.brat import import_brat
    from briefing_tui.formats.claimreview import import_claimreview
    from briefing_tui.formats.timelinejs import import_timelinejs
    from briefing_tui.formats.w3c import import_w3c

    real = Path(__file__).resolve().parents[2] / "fixtures" / "real"
    return [
        import_brat(real / "brat" / "quaero" / "334_2.txt"),
        import_brat(real / "brat" / "nlplab" / "000-introduction.txt"),
        import_timelinejs(real / "timelinejs" / "all-media-types.json"),
        import_claimreview(real / "claimreview" / "google-example.json"),
        import_w3c(
            real / "w3c" / "recogito" / "annotations.w3c.json", real / "w3c" / "recogito" / "odyssey.txt"
        ),
    ]


def test_the_fast_emitter_writes_byte_for_byte_what_pyyaml_writes(seed_doc: Document) -> None:
    from briefing_tui.formats.yaml_writer import _EMITTER, _dump, document_data

    for doc in [seed_doc, *_real_documents()]:
        data = document_data(doc)
        assert _EMITTER.document(data) == _dump(data), doc.id


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.text(min_size=1, max_size=8),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=30),
            lambda inner: (
                st.lists(inner, max_size=14) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
            ),
            max_leaves=20,
        ),
        min_size=1,
        max_size=5,
    )
)
def test_the_fast_emitter_agrees_with_pyyaml_on_any_data(data: dict) -> None:  # type: ignore[type-arg]
    from briefing_tui.formats.yaml_writer import _EMITTER, _dump

    assert yaml.safe_load(_EMITTER.document(data)) == yaml.safe_load(_dump(data))
