"""A text read from the file's bytes and set aside (``model.text_aside``) gives what the parser gives:
the same document and problems, at the same lines, as the file read whole; the same nodes and marks
as the pieces composed as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.unit.model.support import outcome, whole

from briefing_tui.model import text_aside
from briefing_tui.model.loader import load_document
from briefing_tui.model.pieces import LazySequence, compose_in_pieces
from briefing_tui.model.safe_yaml import Node, Problems, decode, iter_nodes
from briefing_tui.model.text_aside import Found, TextAside, aside_from, decoded, set_text_aside
from briefing_tui.model.types import LoadError

LINES = [
    "Le Niger et les États-Unis.",
    "",
    "Washington répond : « non ».",
    "  indenté – plus",
    "# pas un commentaire",
]
AFTER = (
    "entities:\n"
    "  - {id: niger, name: Niger, type: place, mentions: [Niger, Nigel, [0, 999]]}\n"
    "# a comment between the lists\n"
    "claims:\n"
    "  - id: c1\n"
    "    span: {exact: Washington répond}\n"
    "  - id: c2\n"
    "    span: [0, 99999]\n"
    "    sources: [s9]\n"
)


def briefing(
    lines: list[str], *, indent: int = 2, chomp: str = "-", after_text: str = "", first: bool = False
) -> str:
    block = f"text: |{chomp}\n" + "".join(f"{' ' * indent}{line}\n" if line else "\n" for line in lines)
    head = "format: 1\nid: doc\ntitle: Titre\nlanguage: fr\n"
    if first:
        return block + after_text + head + AFTER
    return head + block + after_text + AFTER


def marks(root: Node) -> list[tuple[object, ...]]:
    """Every top-level node's kind, value, style and marks (line and column)."""
    out: list[tuple[object, ...]] = []
    for key, value in root.value:
        for node in (key, value):
            kids = [node] if isinstance(node, LazySequence) else list(iter_nodes(node))
            for n in kids:
                value_of = n.value if isinstance(n.value, str) else None
                start, end = n.start_mark, n.end_mark
                out.append((type(n).__name__, value_of, getattr(n, "style", None), start.line, start.column,
                            end.line, end.column))  # fmt: skip
    return out


def composed(data: bytes, *, aside: bool) -> list[tuple[object, ...]]:
    problems = Problems("f.yaml")
    rest, found = set_text_aside([data]) if aside else (data, None)
    assert (found is not None) is aside
    assert rest is not None
    source = decode(rest, problems)
    assert source is not None
    return marks(compose_in_pieces(source, problems, found)[0])


SHAPES = [
    pytest.param(briefing(LINES), id="strip"),
    pytest.param(briefing(LINES, chomp=""), id="clip"),
    pytest.param(briefing(LINES, indent=1), id="indent-1"),
    pytest.param(briefing(LINES, indent=4), id="indent-4"),
    pytest.param(briefing(LINES, after_text="\n\n"), id="blank-lines-after"),
    pytest.param(briefing(LINES, after_text="# the end of the text\n\n# again\n"), id="comments-after"),
    pytest.param(briefing(LINES, chomp="", after_text="\n# x\n"), id="clip-blank-comment-after"),
    pytest.param("# leading\n\n" + briefing(LINES, first=True), id="text-first-after-comments"),
    pytest.param(briefing(LINES * 40), id="long"),
    pytest.param(briefing(LINES, after_text="extra: {a: b}\n"), id="another-field-after"),
    pytest.param(
        "format: 1\nid: doc\ntitle: T\nlanguage: fr\n" + AFTER + "text: |-\n  Niger\n  Nigel\n",
        id="text-last",
    ),
]


@pytest.mark.parametrize("source", SHAPES)
def test_a_text_set_aside_reads_as_the_whole_file(source: str) -> None:
    data = source.encode("utf-8")
    assert set_text_aside([data])[1] is not None  # read from the bytes, not by the parser
    found = outcome(data)
    assert found == whole(data)
    assert isinstance(found, list) and any(": error: " in p for p in found)  # errors past the text


@pytest.mark.parametrize("source", SHAPES)
def test_a_text_set_aside_gives_the_nodes_and_marks_the_parser_gives(source: str) -> None:
    data = source.encode("utf-8")
    assert composed(data, aside=True) == composed(data, aside=False)


VALID = "claims:\n  - id: c1\n    span: [0, 8]\n"
"""A list that loads, after the text."""


@pytest.mark.parametrize(
    "after",
    [
        pytest.param(VALID.replace("id: c1", "id: &a c1"), id="an-anchor"),
        pytest.param(VALID.replace("  - id: c1\n    span", "- id: c1\n  span"), id="an-item-at-column-0"),
    ],
)
def test_a_file_the_pieces_cannot_read_is_read_whole_as_written(after: str) -> None:
    head = "format: 1\nid: doc\ntitle: Titre\nlanguage: fr\n"
    data = (head + "text: |-\n" + "".join(f"  {line}\n" if line else "\n" for line in LINES) + after).encode()
    assert set_text_aside([data])[1] is not None  # set aside first; then the pieces give up (``Whole``)
    found = outcome(data)
    assert found == whole(data)
    if "&a" in after:  # refused where it is in the file, past the text's lines
        assert isinstance(found, list) and found[0].startswith("f.yaml:12:9: error: anchors are not allowed")
    else:  # it loads: the text is the file's, not the placeholder's
        assert not isinstance(found, list) and found.text == "\n".join(LINES)


def test_a_bad_byte_after_the_text_is_placed_in_the_file_as_written() -> None:
    data = briefing(LINES * 3).encode("utf-8").replace(b"c2", b"c\xff2")
    assert set_text_aside([data])[1] is not None
    found = outcome(data)
    assert found == whole(data)
    line = data[: data.index(b"\xff")].count(b"\n") + 1
    assert isinstance(found, list) and found[0].startswith(f"f.yaml:{line}:")


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(briefing(LINES, chomp="+"), id="keep"),
        pytest.param(briefing(LINES).replace("  Washington", "\tWashington"), id="tab-indentation"),
        pytest.param(briefing(LINES).replace("répond", "ré\x85pond"), id="nel"),
        pytest.param("\ufeff" + briefing(LINES), id="byte-order-mark"),
        pytest.param(briefing(LINES, first=True), id="at-the-first-byte"),
    ],
)
def test_other_shapes_are_read_by_the_parser(source: str) -> None:
    data = source.encode("utf-8")
    assert set_text_aside([data]) == (data, None)
    assert outcome(data) == whole(data)


_line = st.text(st.sampled_from(list("ab :#-–é’\"'[]{}&*!|>")), max_size=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lines=st.lists(_line, min_size=1, max_size=8),
    indent=st.integers(1, 4),
    chomp=st.sampled_from(["", "-"]),
    after_text=st.sampled_from(["", "\n", "# c\n", "\n\n# c\n\n"]),
)
def test_any_plain_block_reads_as_the_whole_file(
    lines: list[str], indent: int, chomp: str, after_text: str
) -> None:
    data = briefing(lines, indent=indent, chomp=chomp, after_text=after_text).encode("utf-8")
    assert outcome(data) == whole(data)
    if set_text_aside([data])[1] is not None:
        assert composed(data, aside=True) == composed(data, aside=False)


@pytest.mark.parametrize("owned", [True, False], ids=["read-from-its-file", "given-as-bytes"])
def test_a_text_that_is_not_utf8_is_refused_at_its_byte(tmp_path: Path, owned: bool) -> None:
    """The text is decoded after the file's bytes are freed (when the loader owns them): a bad byte
    found then is reported where it is in the file, as when the file is read whole."""
    data = briefing(["Le Niger", "et caf\udce9 au lait"]).encode("utf-8", "surrogateescape")
    held: list[bytes] = [data]
    assert set_text_aside(held) == (None, None)
    assert held == []
    path = tmp_path / "f.yaml"
    path.write_bytes(data)
    if owned:
        with pytest.raises(LoadError) as raised:
            load_document(path)
        said = [p.format().replace(str(path), "f.yaml") for p in raised.value.problems]
    else:
        said = outcome(data)  # type: ignore[assignment]
    assert said == whole(data)
    assert len(said) == 1 and "invalid UTF-8 (byte 0xe9" in said[0] and said[0].startswith("f.yaml:7:9:")


def _shared_whole(
    data: bytes, *, as_view: bool
) -> tuple[list[tuple[bytes, bytes, Found]], tuple[bytes | None, TextAside | None] | None]:
    """What ``set_text_aside`` shares of ``data``, and what ``aside_from`` makes of it."""
    shared: list[tuple[bytes, bytes, Found]] = []
    set_text_aside([data], lambda rest, text, found: shared.append((rest, text, found)))
    if not shared:
        return shared, None
    rest, text, found = shared[0]
    return shared, aside_from(rest, decoded(memoryview(text) if as_view else text), found)


@pytest.mark.parametrize("as_view", [False, True], ids=["bytes", "memoryview"])
@pytest.mark.parametrize(
    "source",
    [
        pytest.param(briefing(LINES), id="strip"),
        pytest.param(briefing(LINES, chomp="", after_text="\n\n"), id="clip-blank-lines-after"),
        pytest.param(briefing(LINES, indent=4, after_text="# c\n"), id="indent-4"),
        pytest.param(briefing(["Le Niger"]), id="one-line"),
    ],
)
def test_what_is_shared_makes_the_same_text_aside_in_another_process(source: str, as_view: bool) -> None:
    data = source.encode("utf-8")
    shared, made = _shared_whole(data, as_view=as_view)
    assert len(shared) == 1  # shared once, when set aside
    assert made == set_text_aside([data])
    rest, text, _found = shared[0]
    assert len(rest) + len(text) <= len(data) + 3  # (the placeholder's lines, for the key's)


def test_nothing_is_shared_of_a_text_the_parser_reads() -> None:
    data = briefing(LINES, chomp="+").encode("utf-8")
    assert _shared_whole(data, as_view=False) == ([], None)


def test_a_shared_text_that_is_not_utf8_is_refused_as_when_set_aside_here() -> None:
    data = briefing(["Le Niger", "et caf\udce9 au lait"]).encode("utf-8", "surrogateescape")
    shared, made = _shared_whole(data, as_view=True)
    assert len(shared) == 1  # shared before it is decoded: the other process finds it is not UTF-8
    assert made == (None, None) == set_text_aside([data])


@pytest.mark.parametrize("size", [1, 2, 3, 5, 1 << 20])
def test_a_shared_text_is_decoded_a_slice_at_a_time_as_whole(
    monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    """Slices of any size, a character's bytes cut between two of them included, give the text."""
    monkeypatch.setattr(text_aside, "SLICE", size)
    text = "Le Niger – « États-Unis » ’ 中文 😀\nfin"
    parts = decoded(memoryview(text.encode("utf-8")))
    assert parts is not None and "".join(parts) == text
    assert len(parts) == -(-len(text.encode("utf-8")) // size) + 1  # each slice, then the decoder's end
    bad = text.encode("utf-8") + b"\xe9 au lait"
    assert decoded(bad) is None
    assert decoded(text.encode("utf-8")[:-5] + "😀".encode()[:2]) is None  # cut short at its end
