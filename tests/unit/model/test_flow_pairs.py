"""Lists of compact positions on one line, read aside (``model.flow_pairs``): the document, or the
problems with their places, are always those of the file read whole, whatever the lines hold."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.unit.model.support import HEAD, TEXT, outcome, whole

from briefing_tui.model import Document, build, flow_pairs
from briefing_tui.model.span_list import PositionSpans


@pytest.fixture(autouse=True)
def _from_nodes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every item read from its nodes: the items here are in the usual shape, which is otherwise
    read without the parser (``quick_items``); lists are set aside for the items that are not."""
    monkeypatch.setattr(build, "QUICK", False)


ENTITY = """  - id: {ident}
    name: Niger
    type: place
    mentions: {mentions}
"""
EVENT = """  - id: {ident}
    label: Un événement
    date: 2024-05
    mentions: {mentions}
"""


def briefing(mentions: list[str], events: list[str] = (), extra: str = "") -> bytes:  # type: ignore[assignment]
    out = HEAD + "entities:\n"
    out += "".join(ENTITY.format(ident=f"e{i}", mentions=m) for i, m in enumerate(mentions))
    out += extra
    if events:
        out += "events:\n" + "".join(EVENT.format(ident=f"v{i}", mentions=m) for i, m in enumerate(events))
    return out.encode("utf-8")


class Spy:
    """How many lists the pieces set aside, and how many the builder then took as positions."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.set_aside = self.taken = 0
        of, fields = flow_pairs.SetAside.of.__func__, flow_pairs.FlowPairs.fields  # type: ignore[attr-defined]

        def spied_of(cls: type, piece: bytes, lines_before: int = 0) -> flow_pairs.SetAside | None:
            found = of(cls, piece, lines_before)
            self.set_aside += len(found.lists) if found is not None else 0
            return found

        def spied_fields(node: flow_pairs.FlowPairs, length: int, line: int) -> list[int] | None:
            found = fields(node, length, line)
            self.taken += found is not None
            return found

        monkeypatch.setattr(flow_pairs.SetAside, "of", classmethod(spied_of))
        monkeypatch.setattr(flow_pairs.FlowPairs, "fields", spied_fields)


def test_the_positions_read_aside_are_those_the_parser_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    spy = Spy(monkeypatch)
    data = briefing(["[[3, 8], [31, 36]]", "[[16, 26]]"], events=["[[3, 8]]", "[]"])
    doc = outcome(data)
    assert isinstance(doc, Document)
    assert spy.set_aside == 3 and spy.taken == 3
    assert doc == whole(data)
    mentions = doc.entities[0].mentions
    assert isinstance(mentions, PositionSpans)  # kept as positions, as the nodes would have been
    assert [(s.start, s.end, s.line, s.column) for s in mentions] == [(3, 8, 11, 16), (31, 36, 11, 24)]
    assert [TEXT[s.start : s.end] for s in mentions] == ["Niger", "Niger"]


def test_a_position_past_the_text_is_reported_where_it_is_written(monkeypatch: pytest.MonkeyPatch) -> None:
    spy = Spy(monkeypatch)
    data = briefing(["[[3, 8], [30, 99], [1234567890, 1234567899]]"])
    found = outcome(data)
    assert spy.set_aside == 1 and spy.taken == 0  # set aside, then read from its nodes
    assert found == whole(data)
    assert isinstance(found, list)
    assert found[0].startswith("f.yaml:11:24: error: span 30–99 is outside the text")  # as written
    assert found[1].startswith("f.yaml:11:34: error: span 1234567890–1234567899 is outside")


@pytest.mark.parametrize(
    "extra",
    [
        # a line of the same shape inside a block scalar: text, not a list
        "  - id: note-block\n    name: N\n    type: other\n    note: |\n      x\n      mentions: [[1, 2]]\n",
        "  - id: note-deep\n    name: N\n    type: other\n    note: |\n        mentions: [[1, 2], [3, 4]]\n",
        # inside a quoted scalar spanning lines
        '  - id: note-quoted\n    name: N\n    type: other\n    note: "a\n    mentions: [[1, 2]]\n      b"\n',
        "  - id: note-single\n    name: N\n    type: other\n    note: 'a\n    mentions: [[1, 2]]\n      b'\n",
        # nested deeper than an item's own keys
        "  - id: nested\n    name: N\n    type: other\n    wikidata:\n      mentions: [[1, 2]]\n",
        # a position ending before it starts, a leading zero, a sign, a comment: read as written
        "  - id: backwards\n    name: N\n    type: other\n    mentions: [[8, 3]]\n",
        "  - id: zero\n    name: N\n    type: other\n    mentions: [[03, 8]]\n",
        "  - id: comment\n    name: N\n    type: other\n    mentions: [[3, 8]]  # here\n",
        "  - id: spaced\n    name: N\n    type: other\n    mentions: [[3,8]]\n",
        "  - id: duplicate\n    name: N\n    type: other\n    mentions: [[3, 8]]\n    mentions: [[3, 8]]\n",
    ],
)
def test_lines_that_only_look_like_a_list_read_as_written(extra: str) -> None:
    data = briefing(["[[3, 8]]"], extra=extra)
    assert outcome(data) == whole(data)


def test_a_line_in_a_block_scalar_keeps_its_text(monkeypatch: pytest.MonkeyPatch) -> None:
    spy = Spy(monkeypatch)
    extra = "  - id: noted\n    name: N\n    type: other\n    note: |\n      mentions: [[1, 2]]\n"
    doc = outcome(briefing(["[[3, 8]]"], extra=extra))
    assert isinstance(doc, Document)
    assert doc.entities[1].note == "mentions: [[1, 2]]\n"
    assert spy.set_aside == 2 and spy.taken == 0  # the piece composed again, as written


def test_line_breaks_of_every_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    spy = Spy(monkeypatch)
    data = briefing(["[[3, 8], [30, 35]]"] * 40, events=["[[3, 8]]"] * 40)  # several pieces
    crlf = data.replace(b"\n", b"\r\n")
    assert outcome(crlf) == whole(crlf) and spy.taken == 80
    rare = data.replace(b"name: Niger", "name: Niger\u2028x".encode(), 1)  # a break libyaml counts
    assert outcome(rare) == whole(rare)


NUMBER = st.one_of(st.integers(0, 60), st.sampled_from(["03", "-1", "1e2", "99999999999999999", "0x1"]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.lists(st.tuples(NUMBER, NUMBER), min_size=1, max_size=4).map(
            lambda pairs: "[" + ", ".join(f"[{a}, {b}]" for a, b in pairs) + "]"
        ),
        min_size=1,
        max_size=6,
    )
)
def test_any_positions_read_as_the_parser_reads_them(lists: list[str]) -> None:
    data = briefing(lists, events=lists[:2])
    assert outcome(data) == whole(data)
