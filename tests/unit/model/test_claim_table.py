"""A large file's claims kept as compressed rows (``model.claim_table``): read, they are the claims
the loader builds; the navigator, the marks and the lists find them by their columns, and make only
the claims they show."""

from __future__ import annotations

import operator
import pickle
from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest
from tests.support.read_apart import ReadApart

from briefing_tui.edit import ops
from briefing_tui.edit.history import play
from briefing_tui.model import claim_table, loader, pieces, split_load
from briefing_tui.model.claim_table import ClaimsInOrder, ClaimTable, Ids
from briefing_tui.model.navigation import Navigator, reading_order
from briefing_tui.model.split_load import claims_part
from briefing_tui.model.types import AnchorStatus, Claim, Collection, Document, Rating, Span, Verdict
from briefing_tui.reader_state import ReaderState
from briefing_tui.resources import seeds_dir

SEED = seeds_dir() / "niger-us-withdrawal.yaml"


@pytest.fixture(autouse=True)
def _small(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The seed's claims in pieces of two, a third built by the reader and the rest sent in groups
    of three and kept in blocks of two: every way a claim is kept is met."""
    monkeypatch.setattr(pieces, "GROUP_ITEMS", 2)
    monkeypatch.setattr(split_load, "HERE", 0.34)
    monkeypatch.setattr(split_load, "GROUP", 3)
    monkeypatch.setattr(claim_table, "BLOCK", 2)
    monkeypatch.chdir(tmp_path)


def _loaded(data: bytes | None = None) -> tuple[Document, Document]:
    """The seed (or ``data``) with its claims built apart, and as the loader builds them."""
    data = SEED.read_bytes() if data is None else data
    path = Path("seed.yaml")
    path.write_bytes(data)
    apart = loader.load_document(path, ReadApart(path, data, claims_part(data, "seed.yaml", path)))
    return apart, loader.load_document(path)


def _table(doc: Document) -> ClaimTable:
    assert isinstance(doc.claims, ClaimTable)
    return doc.claims


def _made(table: ClaimTable) -> list[int]:
    return [i for i in range(len(table)) if table.made(i) is not None]


def test_the_claims_read_are_the_loaders_and_stay_the_same_objects() -> None:
    apart, plain = _loaded()
    table = _table(apart)
    assert isinstance(plain.claims, list) and len(table) == len(plain.claims) == 15
    head = _made(table)
    assert 0 < len(head) < len(table)  # the reader's own share, made as it built them
    assert head == list(range(len(head)))
    for i, claim in enumerate(plain.claims):
        assert table[i] == claim
        assert table[i] is table[i]
        assert table.ids[i] == claim.id and table.starts[i] == claim.span.start
        assert table.anchored(i) == claim.span.anchored
    assert table == plain.claims and plain.claims == table and apart == plain
    assert list(table) == plain.claims and table[-1] == plain.claims[-1] and table[2:5] == plain.claims[2:5]
    with pytest.raises(IndexError):
        table[len(table)]


def test_the_navigator_and_the_marks_make_no_claim() -> None:
    apart, plain = _loaded()
    table = _table(apart)
    before = _made(table)
    nav, nav_plain = Navigator(apart), Navigator(plain)
    assert isinstance(nav.claims, ClaimsInOrder)
    assert [nav.claims.table.ids[i] for i in nav.claims.order] == [c.id for c in reading_order(plain.claims)]
    last = nav_plain.claims[-1].id
    assert nav.claim_position(last) == nav_plain.claim_position(last) == len(table) - 1
    assert last in nav.claim_ids and "no-such-claim" not in nav.claim_ids
    assert nav.claim("no-such-claim") is None
    starts, ends = nav.claims.starts_ends(nav.claims.anchored_count())
    assert list(zip(starts, ends, strict=True)) == [
        (c.span.start, c.span.end) for c in nav_plain.claims if c.span.anchored
    ]
    assert _made(table) == before  # nothing read yet
    assert nav.claim(last) == nav_plain.claim(last)
    assert _made(table) == sorted({*before, table.index_of(last)})


def test_a_scan_for_a_source_or_an_entity_makes_only_the_claims_found() -> None:
    apart, plain = _loaded()
    table = _table(apart)
    nav, nav_plain = Navigator(apart), Navigator(plain)
    before = set(_made(table))
    for source in plain.sources:
        assert nav.citing_claims(source.id) == nav_plain.citing_claims(source.id)
    for entity in plain.entities:
        assert nav.entity_claims(entity.id) == nav_plain.entity_claims(entity.id)
    found = {c.id for s in plain.sources for c in nav_plain.citing_claims(s.id)}
    found |= {c.id for e in plain.entities for c in nav_plain.entity_claims(e.id)}
    assert set(_made(table)) == before | {table.index_of(ident) for ident in found}
    assert len(found) < len(table)  # the seed has claims that cite nothing and involve nobody


def test_a_claim_replaced_keeps_the_others_as_they_are_kept() -> None:
    apart, _plain = _loaded()
    table = _table(apart)
    nav = Navigator(apart)
    last = nav.claims[-1]
    made = _made(table)
    rated = replace(last, verdict=Verdict(Rating.FALSE, "checked"))
    assert nav.replaced("claim", rated)
    assert nav.claim(last.id) is rated and table[table.index_of(last.id)] is rated
    assert _made(table) == made  # set in its place, nothing else made
    moved = replace(rated, span=Span(0, 3, AnchorStatus.EXACT))
    table[table.index_of(last.id)] = moved
    assert table.starts[table.index_of(last.id)] == 0 and table.columns
    other = replace(moved, id="c-new")
    table[0] = other  # another id: the table becomes a plain list of every claim
    assert not table.columns and table[0] is other and table.index_of("c-new") == 0


@pytest.mark.parametrize("change", ["insert", "delete", "slice"])
def test_changing_the_list_makes_every_claim_and_reads_as_a_list(change: str) -> None:
    apart, plain = _loaded()
    table, claims = _table(apart), list(plain.claims)
    extra = replace(claims[0], id="c-extra")
    for items in (table, claims):
        if change == "insert":
            items.insert(3, extra)
        elif change == "delete":
            del items[4]
        else:
            items[1:3] = [extra]
    assert not table.columns and table == claims and len(table) == len(claims)
    assert table.index_of(claims[-1].id) == len(claims) - 1
    assert not isinstance(reading_order(table), ClaimsInOrder)


def test_a_table_pickles_as_the_claims_it_holds() -> None:
    apart, plain = _loaded()
    again = pickle.loads(pickle.dumps(_table(apart)))
    assert isinstance(again, ClaimTable) and again == plain.claims


def test_ids_are_read_and_found_by_their_place() -> None:
    ids = Ids()
    ids.extend(["a", "b.1", "c:2"])
    more = Ids()
    more.extend(["d", "a-2"])
    ids.extend(more)
    assert list(ids) == ["a", "b.1", "c:2", "d", "a-2"] and len(ids) == 5 and list(Ids()) == []
    assert [ids.index(i) for i in ids] == [0, 1, 2, 3, 4]
    assert ids[1:3] == ["b.1", "c:2"] and ids[-1] == "a-2"
    assert "a" in ids and "a-" not in ids and "" not in ids and "b" not in ids and "a\nb" not in ids
    with pytest.raises(ValueError):
        ids.index("c:2", 0, 2)
    with pytest.raises(ValueError):
        ids.extend(["x\ny"])


def test_claims_of_a_file_built_whole_stay_a_list(tmp_path: Path) -> None:
    """A file that the child does not build (here: its claims are no list) is loaded as before."""
    data = SEED.read_bytes().replace(b"\nclaims:\n", b"\nclaims: []\nold_claims:\n", 1)
    apart, plain = _loaded(data)
    assert apart == plain and not isinstance(apart.claims, ClaimTable)


def test_a_made_claim_is_a_claim() -> None:
    apart, _plain = _loaded()
    table = _table(apart)
    assert all(isinstance(claim, Claim) for claim in table)
    assert _made(table) == list(range(len(table)))


def test_the_claims_shown_by_the_filter_are_counted_off_the_columns() -> None:
    apart, plain = _loaded()
    nav = Navigator(apart)
    assert isinstance(nav.claims, ClaimsInOrder)
    made = _made(_table(apart))
    for bound in (0, 500, 2000, len(plain.text)):
        expected = sum(c.span.anchored and c.span.start >= bound for c in plain.claims)
        assert nav.claims.starting_where(partial(operator.le, bound)) == expected
    assert _made(_table(apart)) == made


@pytest.mark.parametrize("edit", ["add", "remove"])
def test_a_claim_added_or_removed_has_the_reader_build_its_navigator_again(edit: str) -> None:
    """The navigator's claims in order read a table that the edit made a plain list: its places are
    asked for once more, by ids the table no longer has columns for, before it is built again."""
    apart, _plain = _loaded()
    state = ReaderState(Collection([apart]))
    last, first = state.nav.claims[-1].id, state.nav.claims[0].id
    assert state.nav.claim_position(last) == len(apart.claims) - 1  # its places asked for: kept
    if edit == "add":
        revision = ops.make_claim(apart, 0, 5, "new")
    else:
        revision = ops.remove_annotation(apart, "claim", first)
    steps = list(play(ops.lists(apart), revision))
    assert not _table(apart).columns
    state.edited([(step.kind, step.after) for step in steps])
    assert not isinstance(state.nav.claims, ClaimsInOrder)
    assert [c.id for c in state.nav.claims] == [c.id for c in reading_order(list(apart.claims))]
    assert state.nav.claim_position(last) is not None
    assert (state.nav.claim(first) is None) is (edit == "remove")


def test_the_claims_citing_a_source_follow_a_claim_replaced() -> None:
    """The table keeps which claims cite each source and list each entity: a claim replaced with
    other sources and entities is found by its new ones only."""
    apart, plain = _loaded()
    nav, nav_plain = Navigator(apart), Navigator(plain)
    claim = next(c for c in plain.claims if c.sources)
    gone, kept = claim.sources[0].source, plain.sources[-1].id
    entity = plain.entities[0].id
    changed = replace(claim, sources=[replace(claim.sources[0], source=kept)], entities=[entity])
    for items, navigator in ((apart.claims, nav), (plain.claims, nav_plain)):
        at = next(i for i, c in enumerate(items) if c.id == claim.id)
        items[at] = changed
        assert navigator.replaced("claim", changed)
    assert _table(apart).columns
    for source in (gone, kept):
        assert nav.citing_claims(source) == nav_plain.citing_claims(source)
    assert changed in nav.citing_claims(kept) and changed not in nav.citing_claims(gone)
    assert nav.entity_claims(entity) == nav_plain.entity_claims(entity) and changed in nav.entity_claims(
        entity
    )


def test_every_claim_read_in_reading_order_decodes_each_block_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading order is not the table's: read through it, every claim (a filter of the claims list,
    the palette) is made a block at a time, each block decoded once, not once for each claim."""
    apart, plain = _loaded()
    table = _table(apart)
    decoded: list[bytes] = []
    decompress = claim_table.zlib.decompress

    def counted(data: bytes) -> bytes:
        decoded.append(data)
        return decompress(data)

    monkeypatch.setattr(claim_table.zlib, "decompress", counted)
    nav, nav_plain = Navigator(apart), Navigator(plain)
    assert isinstance(nav.claims, ClaimsInOrder)
    assert [table.ids[i] for i in nav.claims.order] != list(table.ids)  # another order
    assert list(nav.claims) == list(nav_plain.claims)
    assert len(decoded) == len(set(decoded)) == len(table._blocks)  # noqa: SLF001 - what is kept encoded
    assert _made(table) == list(range(len(table)))
    assert list(nav.claims) == list(nav_plain.claims) and len(decoded) == len(table._blocks)  # noqa: SLF001


def test_a_group_says_once_each_claim_that_cites_a_source_or_lists_an_entity() -> None:
    def row(ident: str, sources: list[str], entities: list[str]) -> claim_table.Row:
        refs = [(source, None, "supports", 3, 4) for source in sources]
        return (ident, (True, 0, 5, "exact", None, 2, 3), refs, None, "", entities, [], "", False, 1, 2)

    rows = [
        row("c0", [], []),
        row("c1", ["s1"], ["e1"]),
        row("c2", ["s1", "s2", "s1"], ["e2", "e1", "e2"]),  # (cited twice, listed twice: once each)
        row("c3", ["s2"], []),
        row("c4", ["s3", "s1"], ["e1"]),
    ]
    ids, *_columns, cites, lists = claim_table.encode_group(rows)
    assert ids == ["c0", "c1", "c2", "c3", "c4"]
    assert cites == {"s1": [1, 2, 4], "s2": [2, 3], "s3": [4]}
    assert lists == {"e1": [1, 2, 4], "e2": [2]}
