"""The document's ``extra`` mapping: plain data read back as written, bounded, never YAML 1.1 typed."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.unit.model.support import HEAD, errors, load, problems

from briefing_tui.model.plain import MAX_EXTRA_DEPTH


def test_extra_reads_plain_data_typed_by_a_fixed_rule() -> None:
    source = HEAD + (
        "extra:\n"
        "  brat:\n"
        "    attributes:\n"
        "      - {name: Negation, value: 'false', target: {span: [0, 5]}}\n"
        "    flags: [true, false, null, ~, yes, on, '12', 012, 1:20, -7, 2.5, 1.0e+3, .inf, 1e3]\n"
        "  note: |-\n"
        "    two\n"
        "    lines\n"
    )
    extra = load(source).extra
    assert extra["brat"]["attributes"] == [{"name": "Negation", "value": "false", "target": {"span": [0, 5]}}]
    flags = extra["brat"]["flags"]
    assert flags[:9] == [True, False, None, None, "yes", "on", "12", "012", "1:20"]
    assert flags[9:12] == [-7, 2.5, 1000.0] and type(flags[9]) is int and math.isinf(flags[12])
    assert flags[13] == "1e3"
    assert extra["note"] == "two\nlines"


def test_no_extra_is_an_empty_mapping_and_brings_no_problem() -> None:
    assert load(HEAD).extra == {} and problems(HEAD + "extra:\n") == []


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("extra: [1, 2]\n", "7:8: error: extra must be a mapping, found a list"),
        ("extra: {a: 1, a: 2}\n", "7:15: error: duplicate key 'a' in extra (first at 7:9)"),
        ("extra:\n  a:\n    <<: {b: 1}\n", "9:5: error: merge keys (<<) are not allowed"),
        ("extra: {[a]: 1}\n", "7:9: error: a key in extra must be text, found a list"),
        ("extra: {a: !!str b}\n", "7:12: error: tags are not allowed (tag:yaml.org,2002:str)"),
    ],
)
def test_bad_extra_is_an_error_at_its_place(extra: str, expected: str) -> None:
    assert errors(HEAD + extra) == [expected]


def test_extra_nesting_is_bounded() -> None:
    deep = "extra: {a: " + "[" * (MAX_EXTRA_DEPTH + 1) + "]" * (MAX_EXTRA_DEPTH + 1) + "}\n"
    found = errors(HEAD + deep)
    assert len(found) == 1 and f"extra nests deeper than {MAX_EXTRA_DEPTH} levels" in found[0]


def test_extra_just_within_the_bound_loads() -> None:
    depth = MAX_EXTRA_DEPTH - 1
    extra = load(HEAD + "extra: {a: " + "[" * depth + "]" * depth + "}\n").extra
    value = extra["a"]
    for _ in range(depth - 1):
        value = value[0]
    assert value == []


PLAIN = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.text(max_size=8), PLAIN, max_size=4))
def test_extra_written_by_the_yaml_writer_reads_back_equal(extra: dict) -> None:
    from briefing_tui.formats.yaml_writer import dump_document

    document = load(HEAD)
    document.extra = extra
    assert load(dump_document(document)).extra == extra
