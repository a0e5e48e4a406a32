"""``literal_text``: a briefing's ``text`` read from the file's bytes, exactly as libyaml reads it.

What matters: whenever it answers, its text is the parser's; whenever the shape is anything but
plain, it does not answer (and ``load_text`` lets the parser read the block).
"""

from __future__ import annotations

from pathlib import Path
from unittest.mock import patch

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefing_tui.model import load_document, text_scan
from briefing_tui.model.text_only import load_text
from briefing_tui.model.text_scan import literal_text

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "niger-us-withdrawal.yaml"
HEAD = "id: d\ntitle: T\nlanguage: fr\n"


def parsed(body: str) -> str:
    return yaml.load(body, Loader=yaml.CSafeLoader)["text"]  # noqa: S506 - the safe loader in C


def test_the_seed_text_is_read_without_the_parser() -> None:
    data = SEED.read_bytes()
    found = literal_text(data)
    assert found is not None
    start, end, text, _indent = found
    assert text == load_document(SEED).text
    assert data[start:end].startswith(b"text: |-\n") and data[end:].startswith((b"#", b"entities:"))


@pytest.mark.parametrize(
    "block",
    [
        "text: |-\n  one\n\n  two\n    indented\n",
        "text: |\n  one\n  two\n",
        "text: |\n  one\n  two",  # no last line break: clip keeps none
        "text: |\n  one\n\n\n",
        "text: |-\n   three spaces\n   # not a comment\n   &a *b !c {[\n",
        "text: |-\n  a tab\there, a tab after the indentation:\n  \tthere\n",
        "text: |-\n  with a comment after\n# a comment\n\n# another\nsources: []\n",
        "text: |-\n  «\u00a0É\u202fœ\u00a0»\U0001f600\n",
    ],
)
def test_a_plain_block_is_read_as_the_parser_reads_it(block: str) -> None:
    body = HEAD + block
    found = literal_text(body.encode("utf-8"))
    assert found is not None
    assert found[2] == parsed(body)


@pytest.mark.parametrize(
    "block",
    [
        "text: |+\n  kept\n\n",
        "text: |2\n    explicit\n",
        "text: |- # comment\n  x\n",
        "text: >-\n  folded\n",
        "text: |-\n\n  a blank line first\n",
        "text: |-\n  a line of spaces\n   \n  after\n",
        "text: |-\n    less\n  indented\n",
        "text: |-\n\tno\n",
        "text: |-\n  cr\r\n  lf\r\n",
        "text: |-\n  nel\u0085here\n",
        "text: |-\n  ls\u2028here\n",
        "text: |-\n  a bom\ufeffhere\n",
        "text: |-\n  a bell\x07here\n",
        "text: |-\n  c1\x9bhere\n",
        'text: "quoted"\n',
    ],
)
def test_any_other_shape_is_left_to_the_parser(tmp_path: Path, block: str) -> None:
    body = HEAD + block
    assert literal_text(body.encode("utf-8")) is None
    path = tmp_path / "doc.yaml"
    path.write_text(body, encoding="utf-8", newline="")
    try:
        expected = load_document(path).text
    except Exception as exc:  # noqa: BLE001 - the loader's refusal, whatever it is
        with pytest.raises(type(exc)):
            load_text(path)
    else:
        assert load_text(path).text == expected


PARTS = ["a", "é", " ", "\t", "#", ":", "- ", '"', "|", "œ", "&x", "*y", "!t", "%", "\u2028", "\x85"]
LINE = st.lists(st.sampled_from(PARTS), max_size=8).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    indent=st.integers(1, 4),
    lines=st.lists(st.tuples(st.integers(-1, 2), LINE), min_size=1, max_size=6),
    chomp=st.sampled_from(["|", "|-"]),
    tail=st.sampled_from(["", "\n", "\n\n", "\n# c\n", "\n# c\n  x\n", "\nsources: []\n", "\n  \n"]),
    chunk=st.sampled_from([1 << 20, 1, 3, 8]),  # the block is read this many bytes at a time, or so
)
@example(
    indent=1, lines=[(-1, "\u2028"), (0, "a")], chomp="|", tail="", chunk=1 << 20
)  # a break of YAML's own
@example(indent=1, lines=[(-1, "\x85"), (0, "a")], chomp="|-", tail="", chunk=1 << 20)
@example(indent=2, lines=[(0, "a"), (-1, "\ufeffb")], chomp="|", tail="", chunk=1 << 20)
@example(indent=2, lines=[(0, "a"), (-1, "\ufeffb")], chomp="|", tail="", chunk=1)
def test_generated_blocks_read_as_the_loader_reads_them(
    tmp_path: Path, indent: int, lines: list[tuple[int, str]], chomp: str, tail: str, chunk: int
) -> None:
    text = "\n".join(" " * (indent + extra) + line if line else "" for extra, line in lines)
    body = HEAD + f"text: {chomp}\n" + " " * indent + "Début\n" + text + tail
    path = tmp_path / "doc.yaml"
    path.write_text(body, encoding="utf-8")
    with patch.object(text_scan, "_CHUNK", chunk):
        found = literal_text(body.encode("utf-8"))
    try:
        expected = load_document(path).text
    except Exception as exc:  # noqa: BLE001 - the loader's refusal, whatever it is
        with pytest.raises(type(exc)):
            load_text(path)
        return
    if found is not None:
        assert found[2] == expected
    assert load_text(path).text == expected


def test_a_long_block_is_read_a_part_at_a_time_as_a_whole() -> None:
    """Past a megabyte the block is read in parts cut at line breaks: the text is the same, and a
    byte the parser reads otherwise is found in any part."""
    lines = [f"ligne {n} l’été « {'é' * (n % 7)} »" if n % 5 else "" for n in range(120_000)]
    lines[0] = "Début"
    body = HEAD + "text: |-\n" + "".join(f"   {line}\n" if line else "\n" for line in lines) + "sources: []\n"
    data = body.encode("utf-8")
    assert len(data) > 3 * text_scan._CHUNK
    found = literal_text(data)
    assert found is not None
    assert found[2] == parsed(body) == "\n".join(lines)
    late = data.rindex(b"ligne 119999")
    for bad in (b"\r", b"\x07", "\u2028".encode(), "\ufeff".encode()):
        assert literal_text(data[:late] + bad + data[late:]) is None
