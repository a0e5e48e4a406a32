"""Reading a file in pieces gives exactly what reading it whole gives, item by item in memory."""

from __future__ import annotations

import weakref
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.unit.model.support import HEAD, outcome, whole

from briefing_tui.model import Document, LoadError, load_bytes
from briefing_tui.model import pieces as pieces_module
from briefing_tui.model.pieces import LazySequence, Whole, compose_in_pieces
from briefing_tui.model.safe_yaml import Problems

SEED = (Path(__file__).resolve().parents[3] / "seeds" / "niger-us-withdrawal.yaml").read_bytes()
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def in_pieces(source: str) -> bool:
    try:
        compose_in_pieces(source, Problems("f.yaml"))[1]()
    except Whole:
        return False
    return True


ITEMS = HEAD + (
    "entities:\n"
    "  - id: niger\n"
    "    name: Niger\n"
    "    type: place\n"
    "    mentions: [[3, 8], Niger, {quote: Nigel}]\n"
    "  # a comment between items\n"
    "  - {id: usa, name: États-Unis, type: place, mentions: [États-Unis]}\n"
    "claims:\n"
    "  - id: c1\n"
    "    span: [0, 8]\n"
    "    sources: [s1, s9]\n"
    "    note: |\n"
    "      two\n"
    "      lines\n"
    "sources:\n"
    "  - id: s1\n"
    "    title: One\n"
    "  - id: s1\n"
)


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(ITEMS, id="items-with-warnings-and-errors"),
        pytest.param(ITEMS.replace("\n", "\r\n"), id="crlf"),
        pytest.param(ITEMS.replace("Le Niger et", "Le\u2028Niger et"), id="unicode-line-separator-in-text"),
        pytest.param(
            ITEMS + "entities:\n  - {id: x, name: X, type: place, mentions: [[0, 99]]}\n", id="dup-list"
        ),
        pytest.param(ITEMS + "claims:\n  - {id: c2, span: [0, 1]\n", id="unclosed-flow-in-last-item"),
        pytest.param(
            ITEMS.replace("    title: One\n", '    title: "One\n  - id: s2\n    title: Two"\n'),
            id="quoted-text-holding-an-item-line",
        ),
        pytest.param(
            ITEMS.replace("title: Titre\n", 'title: "Titre\nclaims: x"\n'), id="quoted-top-level-line"
        ),
        pytest.param(
            ITEMS.replace("entities:\n", "entities:\n- id: z\n  name: Z\n  type: other\n"), id="col0-list"
        ),
        pytest.param("# comment\n\n" + ITEMS, id="leading-comments"),
        pytest.param("  stray: 1\n" + ITEMS, id="indented-start"),
        pytest.param(ITEMS.replace("claims:\n", "claims: &a\n"), id="anchor"),
        pytest.param(ITEMS + "extra: {a: !!str b}\n", id="tag"),
        pytest.param(ITEMS + "---\nid: y\n", id="two-documents"),
        pytest.param(ITEMS.replace("    title: One\n", "    title: One\r\n"), id="one-crlf"),
        pytest.param(ITEMS.replace("    title: One\n", "    title: O\rne\n"), id="lone-cr"),
        pytest.param(ITEMS.replace("  - id: s1\n    title", "  - id: s1\n\ttitle"), id="tab"),
        pytest.param(ITEMS + "claims:\n", id="empty-duplicate-list"),
        pytest.param(ITEMS.replace("sources:\n", "sources:   # the sources\n"), id="commented-list-head"),
        pytest.param(ITEMS.replace("sources:\n", "sources: # x\u2028id: z\n"), id="line-separator-in-head"),
        pytest.param("#\u2028 stray\n" + ITEMS, id="line-separator-in-leading-comment"),
        pytest.param(
            ITEMS.replace("sources:\n", "sources: #x\u2028  - {id: s0}\n"), id="item-after-a-line-separator"
        ),
        pytest.param(
            ITEMS.replace("  # a comment", "  # a\x85  - {id: z, name: Z, type: other}\n  #"), id="nel"
        ),
    ],
)
@pytest.mark.parametrize("group", [1, 2, pieces_module.GROUP_ITEMS])
def test_pieces_and_whole_agree(source: str, group: int) -> None:
    data = source.encode("utf-8")
    with mock.patch.object(pieces_module, "GROUP_ITEMS", group):
        assert outcome(data) == whole(data)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (ITEMS, True),
        (ITEMS.replace("\n", "\r\n"), True),
        (SEED.decode("utf-8"), True),
        (ITEMS + "claims:\n  - {id: c2, span: [0, 1]\n", False),
        (ITEMS.replace("    title: One\n", '    title: "One\n  - id: s2\n    title: Two"\n'), False),
        (ITEMS.replace("claims:\n", "claims: &a\n"), False),
        (ITEMS.replace("    title: One\n", "    title: O\rne\n"), False),
        ("- a\n- b\n", False),
        ("", False),
    ],
)
def test_what_is_read_in_pieces(source: str, expected: bool) -> None:
    with mock.patch.object(pieces_module, "GROUP_ITEMS", 1):  # every item a piece of its own
        assert in_pieces(source) is expected


def test_list_items_are_freed_one_at_a_time() -> None:
    source = HEAD + "claims:\n" + "".join(f"  - {{id: c{i}, span: [0, 2]}}\n" for i in range(150))
    root, _ = compose_in_pieces(source, Problems("f.yaml"))
    claims = next(value for key, value in root.value if key.value == "claims")
    assert isinstance(claims, LazySequence)
    previous = None
    for item in claims.value:
        if previous is not None:  # freed by reference counting (the loader turns the collector off)
            assert previous() is None  # the item before was freed before this one was read
        previous = weakref.ref(item)
        del item


def test_an_item_knows_its_line_in_the_file() -> None:
    source = HEAD + "\n\nclaims:\n  - id: c1\n    span: [0, 2]\n  - id: c2\n    span: [0, 999]\n"
    found = outcome(source.encode("utf-8"))
    assert found == whole(source.encode("utf-8"))
    assert found == [
        "f.yaml:13:11: error: span 0–999 is outside the text (0–44)\n"
        "  hint: fix start and end: offsets count code points of the text"
    ]


MUTATIONS = st.sampled_from(
    [b"\n  - ", b"\n- ", b"\n", b'"', b"'", b"[", b"]", b"{", b"}", b"#", b"&a ", b"*a", b"!!str ", b"\r",
     b"\r\n", b"\xe2\x80\xa8", b"\xc2\x85", b"\t", b"|\n", b"---\n", b"claims:\n", b": ", b"  ", b"-"]
)  # fmt: skip


@SETTINGS
@given(st.data())
def test_the_seed_mutated_reads_the_same_in_pieces(data: st.DataObject) -> None:
    raw = bytearray(SEED)
    for _ in range(data.draw(st.integers(1, 6))):
        i = data.draw(st.integers(0, len(raw) - 1))
        if data.draw(st.booleans()):
            raw[i:i] = data.draw(MUTATIONS)
        else:
            del raw[i : i + data.draw(st.integers(1, 20))]
    assert outcome(bytes(raw)) == whole(bytes(raw))


def test_what_the_yaml_writer_writes_is_read_in_pieces() -> None:
    from briefing_tui.formats.yaml_writer import dump_document

    written = dump_document(load_bytes(SEED, "seed.yaml"))
    root, drain = compose_in_pieces(written, Problems("f.yaml"))
    lists = {key.value for key, value in root.value if isinstance(value, LazySequence)}
    assert lists == {"entities", "events", "claims", "sources"}
    drain()


def test_a_generated_briefing_reads_the_same_in_pieces(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_large", Path(__file__).parents[3] / "bench" / "make_large.py"
    )
    assert spec is not None and spec.loader is not None
    make_large = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_large)
    path = tmp_path / "large.yaml"
    make_large.generate(path, 0.3, 3000, 5)
    data = path.read_bytes()
    assert in_pieces(data.decode("utf-8"))
    document = outcome(data)
    assert isinstance(document, Document) and len(document.claims) == 750
    assert document == whole(data)


def test_a_file_whose_last_item_cannot_be_read_in_pieces_is_read_again_whole(tmp_path: Path) -> None:
    # The text is freed once the pieces are cut: an item that fails late has the file read again.
    from briefing_tui.model import load_document

    source = ITEMS + "  - id: s2\n    title: &t Two\n  - id: s3\n    title: *t\n"
    data = source.encode("utf-8")
    path = tmp_path / "f.yaml"
    path.write_bytes(data)
    with mock.patch.object(pieces_module, "GROUP_ITEMS", 1):
        with pytest.raises(LoadError) as raised:
            load_document(path)
        again = outcome(data)
    found = [p.format().replace(str(path), "f.yaml") for p in raised.value.problems]
    assert found == again == whole(data)
    assert any("aliases are not allowed (*t)" in line for line in found)
    assert any("anchors are not allowed (&t)" in line for line in found)


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(ITEMS, id="items"),
        pytest.param(ITEMS.replace("\n", "\r\n"), id="crlf"),
        pytest.param(ITEMS.replace("Le Niger et", "Le\u2028Niger et"), id="line-separator"),
        pytest.param(ITEMS.replace("title: Titre", "title: !x Titre"), id="tag"),
        pytest.param(ITEMS.replace("title: Titre", "title: &a Titre"), id="anchor"),
        pytest.param(ITEMS.replace("title: Titre", 'title: "Ti\ntre'), id="unclosed-quote"),
        pytest.param(SEED.decode("utf-8"), id="seed"),
    ],
)
def test_long_pieces_read_as_streams_read_the_same(source: str) -> None:
    data = source.encode("utf-8")
    with mock.patch.object(pieces_module, "STREAM_CHARS", 1):  # every top-level piece a stream
        assert isinstance(pieces_module._range(source, 0, len(source)), pieces_module._Range) == (
            "&" not in source and "*" not in source
        )
        assert outcome(data) == whole(data)
