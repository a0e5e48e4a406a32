"""Properties: whatever the bytes, the loader returns a Document or raises LoadError; anchoring finds
what is there. Modest example counts here; bench/fuzz_loader.py runs the long version."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from briefing_tui.model import AnchorStatus, Document, LoadError, Selector, load_bytes
from briefing_tui.model.anchoring import Anchorer

SEED = (Path(__file__).resolve().parents[3] / "seeds" / "niger-us-withdrawal.yaml").read_bytes()
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def settles(data: bytes) -> None:
    try:
        doc = load_bytes(data, "fuzz.yaml")
    except LoadError as exc:
        assert exc.problems and all(p.code != "internal" for p in exc.problems), exc
        return
    assert isinstance(doc, Document)
    for entity in doc.entities:
        for span in entity.mentions:
            assert span.status is AnchorStatus.ORPHAN or 0 <= span.start <= span.end <= len(doc.text)


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_settle(data: bytes) -> None:
    settles(data)


YAML_PIECES = st.sampled_from(
    [
        "format: 1\n", "id: x\n", "title: T\n", "language: fr\n", "text: |-\n  Le Niger.\n",
        "entities:\n", "  - id: n\n", "    name: N\n", "    type: place\n", "    mentions: [[3, 8]]\n",
        "    mentions: [{quote: Niger}]\n", "claims:\n", "  - {id: c, span: [0, 2], sources: [s]}\n",
        "sources:\n", "  - {id: s, date: 2024~}\n", "events:\n", "  - {id: e, label: L, date: 2024-04/..}\n",
        "&a ", "*a", "!!str ", "<<: ", "[", "]", "{", "}", ": ", "- ", "\t", "\n", "'", '"', "\\", "#",
        "%YAML 1.1\n", "---\n", "...\n", "\ufeff", "\x00", "\u202e", "2024-13-45", "1:20", "012", "NO",
        "on", "~", "null", "true", "-1", "99999999999999999999", "|", ">",
    ]
)  # fmt: skip


@SETTINGS
@given(st.lists(YAML_PIECES, max_size=40))
def test_yaml_made_of_format_pieces_settles(pieces: list[str]) -> None:
    settles("".join(pieces).encode("utf-8", "surrogatepass"))


@SETTINGS
@given(st.data())
def test_the_seed_mutated_settles(data: st.DataObject) -> None:
    raw = bytearray(SEED)
    for _ in range(data.draw(st.integers(1, 8))):
        op = data.draw(st.sampled_from(["flip", "delete", "insert", "duplicate"]))
        i = data.draw(st.integers(0, len(raw) - 1))
        if op == "flip":
            raw[i] = data.draw(st.integers(0, 255))
        elif op == "delete":
            del raw[i : i + data.draw(st.integers(1, 40))]
        elif op == "insert":
            raw[i:i] = data.draw(
                st.sampled_from([b"&a ", b"*a", b"!!python/object ", b"{", b"[", b"\n  - ", b": "])
            )
        else:
            j = data.draw(st.integers(i, min(len(raw), i + 200)))
            raw[i:i] = raw[i:j]
        if not raw:
            raw = bytearray(b"x")
    settles(bytes(raw))


TEXTS = st.text(alphabet="ab é\n’", min_size=1, max_size=60)


@SETTINGS
@given(TEXTS, st.data())
def test_a_quote_taken_from_the_text_anchors_on_that_quote(text: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(text) - 1))
    j = data.draw(st.integers(i + 1, len(text)))
    quote = text[i:j]
    span = Anchorer(text).anchor(Selector(exact=quote))
    assert span.status in (AnchorStatus.EXACT, AnchorStatus.AMBIGUOUS)
    assert text[span.start : span.end] == quote
    assert (span.status is AnchorStatus.EXACT) == (
        text.count(quote) == 1 and text.find(quote, text.find(quote) + 1) < 0
    )


@SETTINGS
@given(TEXTS, st.data())
def test_a_position_with_its_own_text_as_quote_wins(text: str, data: st.DataObject) -> None:
    from briefing_tui.model.anchoring import _grapheme_end, _grapheme_start

    i = data.draw(st.integers(0, len(text) - 1))
    j = data.draw(st.integers(i + 1, len(text)))
    assume(_grapheme_start(text, i) == i and _grapheme_end(text, j) == j)  # spans that cut no character
    anchorer = Anchorer(text)
    span = anchorer.anchor(Selector(exact=text[i:j] or None, start=i, end=j))
    assert (span.start, span.end, span.status) == (i, j, AnchorStatus.EXACT)
    assert anchorer.notes == []


@SETTINGS
@given(TEXTS, st.data())
def test_a_position_chooses_the_nearest_occurrence(text: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(text) - 1))
    j = data.draw(st.integers(i + 1, len(text)))
    quote = text[i:j]
    hits = [k for k in range(len(text)) if text.startswith(quote, k)]
    near = data.draw(st.integers(0, len(text)))
    assume(near + len(quote) <= len(text) and text[near : near + len(quote)] != quote)
    span = Anchorer(text).anchor(Selector(exact=quote, start=near, end=near + len(quote)))
    assert span.start in hits
    assert abs(span.start - near) == min(abs(k - near) for k in hits)


@SETTINGS
@given(TEXTS, st.text(alphabet="xyzé", min_size=1, max_size=20))
def test_a_quote_that_is_not_there_is_fuzzy_or_orphan_never_exact(text: str, quote: str) -> None:
    assume(quote not in text)
    span = Anchorer(text).anchor(Selector(exact=quote))
    assert span.status in (AnchorStatus.FUZZY, AnchorStatus.ORPHAN)
    if span.status is AnchorStatus.FUZZY:
        assert 0 <= span.start <= span.end <= len(text)
