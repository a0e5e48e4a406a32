"""Claims built apart (``model.split_load``): the Document, or the problems, are always those of
``load_document``, file by file, whatever the file holds."""

from __future__ import annotations

import marshal
import random
from pathlib import Path

import pytest
from tests.support.mutate import mutate_lines
from tests.support.read_apart import ReadApart, built_apart

from briefing_tui.model import loader, pieces, split_load
from briefing_tui.model.build import Builder
from briefing_tui.model.safe_yaml import Problems
from briefing_tui.model.split_load import claims_part, frames_of, take_answer
from briefing_tui.model.types import Document, LoadError, Problem
from briefing_tui.resources import seeds_dir

ROOT = Path(__file__).resolve().parents[2]
SEED = seeds_dir() / "niger-us-withdrawal.yaml"
FILES = [*sorted(seeds_dir().glob("*.yaml")), *sorted(ROOT.glob("tests/**/*.yaml"))]  # in any checkout


@pytest.fixture(autouse=True, params=["as-set", "in-small-pieces"])
def _shared(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """As set, and with the claims in pieces of two, half of them built by the parent: both the
    parent's share and the child's are then built from the files of the tests."""
    if request.param == "in-small-pieces":
        monkeypatch.setattr(pieces, "GROUP_ITEMS", 2)
        monkeypatch.setattr(split_load, "HERE", 0.5)
        monkeypatch.setattr(split_load, "GROUP", 3)  # sent in groups of three


@pytest.fixture(autouse=True)
def _here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each briefing is written to a file here (the loader reads a file again when it must be read
    whole after its bytes were freed)."""
    monkeypatch.chdir(tmp_path)


def _plain(data: bytes, name: str = "brief.yaml") -> Document | list[Problem]:
    Path(name).write_bytes(data)
    try:
        return loader.load_document(Path(name))
    except LoadError as exc:
        return exc.problems


def _apart(
    data: bytes, name: str = "brief.yaml", label: str | None = None
) -> tuple[Document | list[Problem], bool]:
    """The load with the claims built apart (here, not in a child: the same function), the text set
    aside there and shared, as the reader takes it, and whether they were (an empty answer: built
    by the loader itself)."""
    Path(name).write_bytes(data)
    answer, shared = built_apart(data, label or name, Path(name))
    read = ReadApart(Path(name), data, answer, shared)
    try:
        return loader.load_document(Path(name), read), bool(answer)
    except LoadError as exc:
        return exc.problems, bool(answer)


def test_every_file_of_the_tests_loads_the_same_with_its_claims_built_apart() -> None:
    built_apart = 0
    for path in FILES:
        data = path.read_bytes()
        result, apart = _apart(data, path.name)
        assert result == _plain(data, path.name), path
        built_apart += apart
    assert len(FILES) > 50 and built_apart > 20  # most of them really were


def _seed_with(*edits: tuple[str, str]) -> bytes:
    text = SEED.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text.encode("utf-8")


def _first_ids() -> tuple[str, str, str, str]:
    doc = loader.load_bytes(SEED.read_bytes(), "seed.yaml")
    return doc.entities[0].id, doc.claims[0].id, doc.claims[1].id, doc.sources[0].id


@pytest.mark.parametrize(
    "case",
    [
        "claim-id-of-an-entity",
        "source-id-of-a-claim",
        "two-claims-one-id",
        "unknown-source-and-entity",
        "claim-problems",
        "claims-empty",
        "claims-not-a-list",
    ],
)
def test_ids_references_and_problems_are_those_of_the_loader(case: str) -> None:
    entity, claim, other, source = _first_ids()
    edits = {
        "claim-id-of-an-entity": [(f"id: {claim}\n", f"id: {entity}\n")],
        "source-id-of-a-claim": [(f"id: {source}\n", f"id: {claim}\n")],
        "two-claims-one-id": [(f"id: {other}\n", f"id: {claim}\n")],
        "unknown-source-and-entity": [  # in the first claim: its sources a plain list of ids
            ("    sources: [S-state-0424, S-fitzgibbon]", "    sources: [S-nowhere, S-fitzgibbon]"),
            ("    entities: [fitzgibbon, united-states, niger]", "    entities: [ghost, fitzgibbon]"),
        ],
        "claim-problems": [("rating: ", "rating: sort-of-"), ("span:", "spam: 1\n    span:")],
        "claims-empty": [("\nclaims:\n", "\nclaims: []\nunused:\n")],
        "claims-not-a-list": [("\nclaims:\n", "\nclaims: no\nunused:\n")],
    }[case]
    data = _seed_with(*edits)
    result, _apart_used = _apart(data)
    assert result == _plain(data)
    assert isinstance(result, list) or case in ("claims-empty", "claims-not-a-list") or result.problems


def test_problems_found_apart_are_named_as_the_file_is_here() -> None:
    data = _seed_with(("rating: ", "rating: sort-of-"))
    result, apart = _apart(data, "brief.yaml", label="elsewhere.yaml")
    assert apart
    assert isinstance(result, list) and result  # an unknown rating is an error
    assert {p.path for p in result} == {"brief.yaml"}
    assert result == _plain(data)


TOKENS = [b"C1", b"S9", b"[", b"]", b"{", b"'", b": ", b"- ", b"x", b"#", b"\t", b"&a ", b"*a"]


def test_changed_files_load_the_same_with_their_claims_built_apart() -> None:
    rng = random.Random(15)
    sources = [SEED.read_bytes(), *(p.read_bytes() for p in FILES[:: max(1, len(FILES) // 12)])]
    built_apart = 0
    for _ in range(400):
        data = mutate_lines(rng, rng.choice(sources), TOKENS)
        result, apart = _apart(data)
        assert result == _plain(data), data[:200]
        built_apart += apart
    assert built_apart > 50


def test_an_empty_answer_has_the_loader_build_the_claims() -> None:
    data = SEED.read_bytes()
    plain = _plain(data)
    read = ReadApart(Path("brief.yaml"), data, b"")
    assert loader.load_document(Path("brief.yaml"), read) == plain


def test_an_answer_cut_short_is_not_taken() -> None:
    data = SEED.read_bytes()
    plain = _plain(data)
    answer = claims_part(data, "brief.yaml", Path("brief.yaml"))
    assert len(frames_of(answer)) >= 3  # what it begins with, the claims, what it ends with
    passed: list[bool] = []
    for cut in (answer[:-1], answer[: len(answer) // 2], answer[:5]):
        assert frames_of(cut) == []
        read = ReadApart(Path("brief.yaml"), data, cut)
        builder = Builder(Path("brief.yaml"), "", Problems("brief.yaml"))
        assert read.take(builder, 0, lambda: passed.append(True)) is None
        assert loader.load_document(Path("brief.yaml"), ReadApart(Path("brief.yaml"), data, cut)) == plain
    assert passed == []  # the pieces it would have read are kept, to be read here


def test_in_small_pieces_the_parent_and_the_child_each_build_a_share(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pieces, "GROUP_ITEMS", 2)
    monkeypatch.setattr(split_load, "HERE", 0.5)
    data = SEED.read_bytes()
    Path("brief.yaml").write_bytes(data)
    answer = claims_part(data, "brief.yaml", Path("brief.yaml"))
    first = marshal.loads(frames_of(answer)[0])[1]
    assert first > 0  # the first pieces are left to the parent
    builder = Builder(Path("brief.yaml"), "", Problems("brief.yaml"))
    passed: list[bool] = []
    claims = take_answer(frames_of(answer), builder, first, lambda: passed.append(True))
    assert claims is not None and passed == [True]
    document = loader.load_document(Path("brief.yaml"), ReadApart(Path("brief.yaml"), data, answer))
    assert isinstance(document, Document)
    assert 0 < len(claims) < len(document.claims)
    assert document.claims[-len(claims) :] == claims
    assert document == _plain(data)


def test_an_answer_for_other_pieces_is_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pieces, "GROUP_ITEMS", 2)
    data = SEED.read_bytes()
    plain = _plain(data)
    answer = claims_part(data, "brief.yaml", Path("brief.yaml"))  # the child read them all
    monkeypatch.setattr(split_load, "HERE", 0.5)  # the parent expects to read half
    assert loader.load_document(Path("brief.yaml"), ReadApart(Path("brief.yaml"), data, answer)) == plain


def test_the_bytes_are_only_taken_for_their_own_path() -> None:
    Path("other.yaml").write_bytes(SEED.read_bytes())
    read = ReadApart(Path("brief.yaml"), b"not: [this", b"")
    assert loader.load_document(Path("other.yaml"), read).title  # the file on disk, not the bytes
    assert read.bytes_once() == [b"not: [this"]
    assert read.bytes_once() is None  # once only: the loader frees them when decoded
    given = ReadApart(Path("other.yaml"), b"not: [this", b"")
    with pytest.raises(LoadError):  # the bytes given, not the file on disk
        loader.load_document(Path("other.yaml"), given)


def test_a_source_cited_by_claims_of_several_frames_is_named_by_one_string(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(split_load, "GROUP", 2)  # two claims a frame: a source is cited from several
    data = SEED.read_bytes()
    Path("brief.yaml").write_bytes(data)
    answer = claims_part(data, "brief.yaml", Path("brief.yaml"))
    first = marshal.loads(frames_of(answer)[0])[1]
    claims = take_answer(frames_of(answer), Builder(Path("brief.yaml"), "", Problems("brief.yaml")), first)
    assert claims is not None and len(claims) > 4
    names: dict[str, set[int]] = {}
    for claim in claims:
        for ref in claim.sources:
            names.setdefault(ref.source, set()).add(id(ref.source))
    cited_often = [name for name in names if sum(ref.source == name for c in claims for ref in c.sources) > 2]
    assert cited_often and all(len(names[name]) == 1 for name in names)


def test_the_text_is_shared_by_the_child_where_it_is_set_aside() -> None:
    """``_apart`` takes the text from what the child shared (when it set the text aside: a text in a
    plain literal block), as the reader does: the seed and a dozen other files of the tests are read
    so, the others as they are."""
    found = [path for path in FILES if built_apart(path.read_bytes(), path.name, path)[1] is not None]
    assert len(found) >= 12 and SEED in found
