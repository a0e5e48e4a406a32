"""Entities, events and claims in the usual shape read without the parser (``quick_items``): every
file loads to the same Document, or the same problems, as when every item is read from its nodes."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path
from typing import Any

import pytest
from tests.support.mutate import mutate_lines
from tests.support.read_apart import ReadApart

from briefing_tui.model import build, loader, pieces, quick_items, split_load
from briefing_tui.model.quick_items import QuickClaim, QuickEntity, QuickEvent
from briefing_tui.model.split_load import claims_part
from briefing_tui.model.types import Document, LoadError, Problem
from briefing_tui.resources import seeds_dir

ROOT = Path(__file__).resolve().parents[3]
FILES = [*sorted(seeds_dir().glob("*.yaml")), *sorted(ROOT.glob("tests/**/*.yaml"))]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A briefing as the bench's generator writes one: 3,000 annotations, 2,100 of them claims."""
    spec = importlib.util.spec_from_file_location("make_large", ROOT / "bench" / "make_large.py")
    assert spec is not None and spec.loader is not None
    make_large = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_large)
    path = tmp_path_factory.mktemp("generated") / "large.yaml"
    make_large.generate(path, 0.2, 3000, 7)
    return path.read_bytes()


@pytest.fixture(autouse=True)
def _here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


class Counted:
    """The items ``read_piece`` read (``quick``: claims, ``kinds``: of each kind), and the runs of
    items it left to the parser, in the loads since made."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.quick = self.left = 0
        self.kinds: dict[type, int] = {QuickClaim: 0, QuickEvent: 0, QuickEntity: 0}
        real = quick_items.read_piece

        def counted(*args: Any, **kwargs: Any) -> list[Any] | None:
            parts = real(*args, **kwargs)
            for part in parts or ():
                if type(part) in self.kinds:
                    self.kinds[type(part)] += 1
                    self.quick += type(part) is QuickClaim
                else:
                    self.left += 1
            return parts

        monkeypatch.setattr(build, "read_piece", counted)


def _load(data: bytes, quick: bool, monkeypatch: pytest.MonkeyPatch) -> Document | list[Problem]:
    Path("brief.yaml").write_bytes(data)
    with monkeypatch.context() as m:
        m.setattr(build, "QUICK", quick)
        try:
            return loader.load_document(Path("brief.yaml"))
        except LoadError as exc:
            return exc.problems


def _same(data: bytes, monkeypatch: pytest.MonkeyPatch) -> Document | list[Problem]:
    quick = _load(data, True, monkeypatch)
    assert quick == _load(data, False, monkeypatch), data[:300]
    return quick


def test_every_file_of_the_tests_and_a_generated_one_load_the_same(
    generated: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    for path in FILES:
        _same(path.read_bytes(), monkeypatch)
    counted = Counted(monkeypatch)
    document = _same(generated, monkeypatch)
    assert isinstance(document, Document) and document.problems == []
    assert counted.quick >= 0.95 * len(document.claims)  # (a few are written with a quote)
    assert counted.kinds[QuickEvent] == len(document.events) > 100
    assert counted.kinds[QuickEntity] == len(document.entities) > 100


def _claims(*items: str) -> bytes:
    text = "Le Niger et les États-Unis. " * 4
    head = f"format: 1\nid: d\ntitle: T\nlanguage: fr\ntext: {text}\n"
    entities = "entities:\n  - id: e1\n    name: E\n    type: place\n"
    sources = "sources:\n  - id: s1\n  - id: s2\n"
    return (head + entities + "claims:\n" + "".join(items) + sources).encode()


USUAL = (
    "  - id: c{n}\n    span: [3, 8]\n    sources: [s1, s2]\n"
    '    verdict: {{rating: supported, explanation: "Vu à Niamey", reviewed: 2026-01-02}}\n'
)


CLAIM = "  - id: c{n}\n    span: [3, 8]\n"
"""A claim in the usual shape, with its span only: what the cases below add to."""
VERDICT = CLAIM + "    verdict: {{rating: false, explanation: %s}}\n"
CLAIMS = [  # (the item, whether it is read without the parser, the case)
    (USUAL, True, "usual"),
    ("  - id: c{n}\n    span: [0, 20]\n", True, "span-only"),
    ("  - id: c{n}\n    span: [0, 0]\n    entities: [e1]\n    sources: []\n", True, "entities-first"),
    (CLAIM + "    sources: [s1]\n    entities: [e1, e9]\n", True, "unknown-entity"),
    (CLAIM + "    sources: [s3]\n", True, "unknown-source"),
    ("  - id: c1\n    span: [3, 8]\n", True, "duplicate-id"),
    ("  - id: c{n}\n    span: [3, 999]\n", False, "span-past-the-text"),
    ("  - id: c{n}\n    span: [8, 3]\n", False, "span-backwards"),
    ("  - id: c{n}\n    span: [03, 8]\n", False, "leading-zero"),
    ("  - id: null\n    span: [3, 8]\n", False, "null-id"),
    (CLAIM + "    sources: [s1, s1]\n", False, "cited-twice"),
    (CLAIM + "    sources: [s1, Null]\n", False, "null-source"),
    (CLAIM + "    entities: [e1]\n    entities: [e1]\n", False, "entities-twice"),
    (CLAIM + "    verdict: {{rating: sure}}\n", False, "unknown-rating"),
    (CLAIM + "    verdict: {{rating: false, reviewed: 2026-02-30}}\n", False, "no-such-day"),
    (VERDICT % "~", False, "null-explanation"),
    (VERDICT % '""', False, "empty-explanation"),
    (VERDICT % '"a\\tb"', False, "escape"),
    (VERDICT % '"a\tb"', False, "tab"),
    (VERDICT % '"a\u2028b"', False, "line-separator"),
    (VERDICT % '"a\x7fb"', False, "delete"),
    (VERDICT % '"a\ufeffb"', False, "bom"),
    (CLAIM + "    verdict: {{explanation: x, rating: false}}\n", False, "other-order"),
    (CLAIM + "    gloss: G\n", False, "gloss"),
    ("  - id: c{n}\n    span: [3, 8]  # here\n", False, "comment"),
    (CLAIM + "\n", False, "blank-line"),
    ("  - id: c{n}\n    span: [3, 8] \n", False, "trailing-space"),
    ("  - id: c{n}\n    span: [3, 8]\r\n", False, "crlf"),
    ("  - id: c{n}\n    span: [ 3, 8]\n", False, "other-spacing"),
    ("  - {{id: c{n}, span: [3, 8]}}\n", False, "flow"),
]


@pytest.mark.parametrize(
    ("item", "quick"), [pytest.param(item, quick, id=case) for item, quick, case in CLAIMS]
)
def test_each_shape_loads_as_the_parser_reads_it(
    item: str, quick: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted = Counted(monkeypatch)
    data = _claims(USUAL.format(n=1), item.format(n=2), USUAL.format(n=3))
    _same(data, monkeypatch)
    assert counted.quick == (3 if quick else 2 if "\u2028" not in item else 0)  # (a piece with an LS: none)


def _lists(entities: str, events: str) -> bytes:
    text = "Le Niger et les États-Unis. " * 4
    head = f"format: 1\nid: d\ntitle: T\nlanguage: fr\ntext: {text}\n"
    return (
        head + "entities:\n" + entities + "events:\n" + events + "sources:\n  - id: s1\n  - id: s2\n"
    ).encode()


ENTITY = '  - id: x{n}\n    name: "Kathleen FitzGibbon"\n    type: person\n    mentions: [[3, 8], [16, 26]]\n'
EVENT = (
    '  - id: v{n}\n    label: "Le retrait"\n    date: "2024-09-15"\n    mentions: [[3, 8]]\n'
    "    entities: [x1]\n    sources: [s1, s2]\n"
)


SOURCES_FIRST = "sources: [s1, s2]\n    entities: [x1]"
LISTED = [  # (the list, what is changed in its usual item, whether it is then read so, the case)
    ("entities", None, True, "usual"),
    ("entities", ('"Kathleen FitzGibbon"', "Niamey"), True, "plain-name"),
    ("entities", ("type: person", 'type: " "'), False, "blank-type"),
    ("entities", ('"Kathleen FitzGibbon"', "null"), False, "null-name"),
    ("entities", ("[16, 26]", "[16, 120]"), False, "past-the-text"),
    ("entities", ("[16, 26]", "[26, 16]"), False, "backwards"),
    ("entities", ("[16, 26]", "[16,26]"), False, "other-spacing"),
    ("entities", ("    mentions", "    wikidata: Q1\n    mentions"), False, "wikidata"),
    ("entities", ("    mentions: [[3, 8], [16, 26]]\n", ""), False, "no-mentions"),
    ("events", None, True, "usual"),
    ("events", ('"Le retrait"', "Retrait"), True, "plain-label"),
    ("events", ('"2024-09-15"', '"2024-04-29/2024-05-03"'), True, "interval"),
    ("events", ('"2024-09-15"', '"2024~"'), True, "approximate"),
    ("events", ('"2024-09-15"', "2024-09-15"), True, "plain-date"),
    ("events", ('"2024-09-15"', "2024~"), False, "plain-approximate"),
    (
        "events",
        ("entities: [x1]\n    sources: [s1, s2]", "sources: [s1, s2]\n    entities: [x1]"),
        True,
        "entities-last",
    ),
    ("events", ("[s1, s2]", "[s1, s9]"), True, "unknown-source"),
    ("events", ('"2024-09-15"', '"2024-13"'), False, "bad-date"),
    ("events", ('"2024-09-15"', '""'), False, "empty-date"),
    ("events", ('"Le retrait"', '"  "'), False, "blank-label"),
    ("events", ("[s1, s2]", "[s1, s1]"), False, "cited-twice"),
    ("events", ("[x1]", "[x1, NULL]"), False, "null-entity"),
    ("events", ("[[3, 8]]", "[[3, 800]]"), False, "past-the-text"),
    ("events", ("[[3, 8]]", "[]"), True, "no-mention"),
    ("events", ("[s1, s2]\n", "[s1, s2]\n    note: N\n"), False, "note"),
]


@pytest.mark.parametrize(
    ("listed", "change", "quick"),
    [pytest.param(listed, change, quick, id=f"{listed}-{name}") for listed, change, quick, name in LISTED],
)
def test_each_shape_of_entity_and_event_loads_as_the_parser_reads_it(
    listed: str, change: tuple[str, str] | None, quick: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    usual = ENTITY if listed == "entities" else EVENT
    item = usual if change is None else usual.replace(*change)
    assert (item == usual) == (change is None)  # the change is made
    items = usual.format(n=1) + item.format(n=2) + usual.format(n=3)
    entities, events = (items, EVENT.format(n=1)) if listed == "entities" else (ENTITY.format(n=1), items)
    counted = Counted(monkeypatch)
    _same(_lists(entities, events), monkeypatch)
    assert counted.kinds[QuickEntity if listed == "entities" else QuickEvent] == (3 if quick else 2)


def test_items_inside_a_quoted_text_are_never_read_as_claims(monkeypatch: pytest.MonkeyPatch) -> None:
    """A quoted text holding lines in the usual shape: the item that opens it is left to the parser,
    alone, which finds it unterminated, and the file is read whole, which says where the text is
    wrong (lines of a quoted text in a block are indented further)."""
    opened = '  - id: c2\n    span: [3, 8]\n    note: "one\n'
    closing = '  - id: c4\n    span: [3, 8]\n    gloss: two"\n'
    data = _claims(USUAL.format(n=1), opened, USUAL.format(n=3), closing, USUAL.format(n=5))
    document = _same(data, monkeypatch)
    assert isinstance(document, list) and [p.code for p in document] == ["yaml-syntax"]


TOKENS = [t.encode() for t in ("null", '"', "\t", "\u2028", "#", ", ", " ", "[", "]", "{", "}", "0", "99999")]
TOKENS += [b"s1", b"e1", b"C1", b"\\", b"- "]


def test_changed_files_load_as_the_parser_reads_them(
    generated: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(15)
    lists = generated.find(b"\nsources:")  # what follows the text: every list
    head, rest = generated[:lists], generated[lists:]
    counted = Counted(monkeypatch)
    for _ in range(120):
        _same(head + mutate_lines(rng, rest, TOKENS, changes=3), monkeypatch)
    assert counted.quick > 20_000 and counted.left > 100  # both ways were taken
    assert min(counted.kinds.values()) > 10_000


def test_claims_built_apart_from_their_usual_shape_are_those_read_from_nodes(
    generated: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child makes the rows of the claims it read in the usual shape without making the claims
    (``claim_table.quick_row``): the reader's claims are those read from the nodes."""
    monkeypatch.setattr(pieces, "GROUP_ITEMS", 8)
    monkeypatch.setattr(split_load, "HERE", 0.3)
    counted = Counted(monkeypatch)
    Path("brief.yaml").write_bytes(generated)
    answer = claims_part(generated, "brief.yaml", Path("brief.yaml"))
    apart = loader.load_document(Path("brief.yaml"), ReadApart(Path("brief.yaml"), generated, answer))
    assert counted.quick > 500
    assert apart == _load(generated, False, monkeypatch)
    assert list(apart.claims) == list(_load(generated, False, monkeypatch).claims)  # type: ignore[union-attr]


def test_the_characters_left_to_the_parser_are_all_those_outside_what_it_reads_as_itself() -> None:
    readable = ((0x20, 0x7E), (0xA0, 0xD7FF), (0xE000, 0xFEFE), (0xFF00, 0xFFFD), (0x10000, 0x10FFFF))
    unread = [code for code in range(0x110000) if quick_items.UNREAD.search(chr(code))]
    outside = [code for code in range(0x110000) if not any(low <= code <= high for low, high in readable)]
    assert unread == outside
