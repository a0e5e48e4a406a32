"""``load_text``, the search's reader: the loader's text and top-level fields, annotations unread.

The property that matters: wherever the loader gives a document, ``load_text`` gives the same id,
title, language and text; wherever the file is unsafe or broken outside its annotation lists,
both refuse it. Only a file whose annotations are wrong loads here and not in the loader.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_tui.model import Document, LoadError, Severity, load_document
from briefing_tui.model.pieces import LISTS
from briefing_tui.model.text_only import load_text

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "niger-us-withdrawal.yaml"
YAML_FILES = sorted(p for p in (ROOT / "tests").rglob("*.y*ml") if p.suffix in (".yaml", ".yml"))


def outcome(load, path: Path) -> tuple[str, ...] | str:  # noqa: ANN001 - one of the two loaders
    try:
        document = load(path)
    except LoadError as exc:
        return f"error: {exc.problems[0].format()}"
    assert isinstance(document, Document)
    return (document.id, document.title, document.language, document.text)


def same_as_the_loader(path: Path) -> None:
    full, quick = outcome(load_document, path), outcome(load_text, path)
    if isinstance(full, tuple) or isinstance(quick, str):
        assert quick == full
        return
    # The loader refused what load_text read: only a problem in the annotation lists may explain it.
    source = path.read_text(encoding="utf-8")
    lists = min((source.find(f"\n{key}:") for key in LISTS if f"\n{key}:" in source), default=-1)
    assert lists >= 0, full
    first_list_line = source.count("\n", 0, lists) + 2
    with pytest.raises(LoadError) as caught:
        load_document(path)
    errors = [p for p in caught.value.problems if p.severity is Severity.ERROR]
    assert errors and all(p.line >= first_list_line for p in errors), (first_list_line, errors)


def test_the_seed_reads_the_same_without_its_annotations() -> None:
    document = load_text(SEED)
    full = load_document(SEED)
    assert (document.id, document.title, document.text) == (full.id, full.title, full.text)
    assert full.claims and full.entities
    assert document.claims == [] and document.entities == [] and document.sources == []


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_test_file_reads_as_the_loader_reads_it(path: Path) -> None:
    same_as_the_loader(path)


SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@SETTINGS
@given(st.data())
def test_the_seed_mutated_reads_as_the_loader_reads_it(tmp_path: Path, data: st.DataObject) -> None:
    raw = bytearray(SEED.read_bytes())
    head = raw.index(b"\nentities:")  # mutations in the top-level fields and the text: both must agree
    for _ in range(data.draw(st.integers(1, 6))):
        op = data.draw(st.sampled_from(["flip", "delete", "insert"]))
        i = data.draw(st.integers(0, head - 1))
        if op == "flip":
            raw[i] = data.draw(st.integers(0, 255))
        elif op == "delete":
            del raw[i : i + data.draw(st.integers(1, 20))]
        else:
            raw[i:i] = data.draw(
                st.sampled_from(
                    [b"&a ", b"*a", b"!!str ", b"{", b"[", b"\n", b"\r", b"\t", b'"', b"'", b": "]
                )
            )
        head = raw.find(b"\nentities:")
        if head <= 0:
            break
    path = tmp_path / "mutated.yaml"
    path.write_bytes(bytes(raw))
    same_as_the_loader(path)


def test_a_control_character_in_a_comment_after_the_text_is_refused_as_the_loader_does(
    tmp_path: Path,
) -> None:
    raw = SEED.read_bytes()
    after_text = raw.index(b"\n#", raw.index(b"\ntext: ")) + 2  # a comment between the text and the lists
    path = tmp_path / "nul.yaml"
    path.write_bytes(raw[:after_text] + b"\x00" + raw[after_text:])
    same_as_the_loader(path)
    with pytest.raises(LoadError):
        load_text(path)


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "doc.yaml"
    path.write_text(body, encoding="utf-8")
    return path


HEAD = "id: d\ntitle: T\nlanguage: fr\ntext: |-\n  Le texte.\n"


@pytest.mark.parametrize(
    "body",
    [
        HEAD + "entities:\n  - &a {id: e, name: N, type: person}\n  - *a\n",  # an alias in the lists
        HEAD + "claims:\n  - id: c\n    span: [0, 999]\n",  # a span outside the text
        HEAD + "claims:\n  - !!python/object {}\n",  # a tag in the lists
    ],
)
def test_wrong_annotations_are_not_read_so_the_text_is_still_searched(tmp_path: Path, body: str) -> None:
    path = write(tmp_path, body)
    with pytest.raises(LoadError):
        load_document(path)
    assert load_text(path).text == "Le texte."


@pytest.mark.parametrize(
    "body",
    [
        "id: &a d\ntitle: *a\nlanguage: fr\ntext: x\n",
        "id: d\ntitle: !!str T\nlanguage: fr\ntext: x\n",
        "id: d\ntitle: T\nlanguage: fr\ntext: x\ntext: y\n",
        "id: d\ntitle: T\nlanguage: fr\n",
        "id: d\ntitle: T\nlanguage: fr\ntext: x\nclaims:\n  - id: c\nclaims:\n  - id: d\n",
        "id: d\ntitle: 'T\ntext: x'\nlanguage: fr\n",
        "id: d\ntitle: T\nlanguage: fr\ntext: " + "[" * 2000,
    ],
    ids=["alias", "tag", "duplicate-text", "no-text", "duplicate-list", "quote-across-keys", "deep"],
)
def test_what_the_loader_refuses_outside_the_lists_is_refused_with_its_message(
    tmp_path: Path, body: str
) -> None:
    path = write(tmp_path, body)
    with pytest.raises(LoadError) as full:
        load_document(path)
    with pytest.raises(LoadError) as quick:
        load_text(path)
    assert quick.value.problems == full.value.problems


def test_a_file_over_the_size_limit_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_tui.model import file_bytes

    monkeypatch.setattr(file_bytes, "MAX_BYTES", 64)
    path = write(tmp_path, HEAD + "publisher: " + "x" * 100 + "\n")
    with pytest.raises(LoadError) as caught:
        load_text(path)
    assert caught.value.problems[0].code == "file-too-big"


def test_invalid_utf8_is_refused_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "doc.yaml"
    path.write_bytes(HEAD.encode() + b"publisher: \xff\n")
    with pytest.raises(LoadError) as caught:
        load_text(path)
    assert caught.value.problems[0].code == "encoding"
