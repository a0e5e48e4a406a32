"""The loader trusts nothing at the YAML level: each kind of bad input has its exact message."""

from __future__ import annotations

import pytest
from tests.unit.model.support import HEAD, TEXT, errors, load, problems

from briefing_tui.model import LoadError, load_bytes


def test_a_minimal_briefing_loads_without_problems() -> None:
    doc = load(HEAD)
    assert (doc.id, doc.title, doc.language, doc.text) == ("doc", "Titre", "fr", TEXT)
    assert doc.problems == []


def test_tags_are_refused() -> None:
    assert errors(HEAD + "publisher: !!python/object:os.system x\n") == [
        "7:12: error: tags are not allowed (tag:yaml.org,2002:python/object:os.system)"
    ]
    assert errors(HEAD + "publisher: !custom x\n") == ["7:12: error: tags are not allowed (!custom)"]


def test_anchors_and_aliases_are_refused() -> None:
    assert errors(HEAD + "publisher: &p x\nurl: *p\n") == [
        "7:12: error: anchors are not allowed (&p)",
        "8:6: error: aliases are not allowed (*p)",
    ]


def test_merge_keys_are_refused() -> None:
    source = HEAD + "sources:\n  - {<<: {title: x}, id: s}\n"
    assert errors(source) == ["8:6: error: merge keys (<<) are not allowed"]


def test_duplicate_keys_are_refused() -> None:
    assert errors(HEAD + "title: Again\n") == [
        "7:1: error: duplicate key 'title' in the document (first at 3:1)"
    ]


def test_duplicate_keys_in_a_flow_mapping_are_refused() -> None:
    source = HEAD + "sources:\n  - {id: a, id: b}\n"
    assert errors(source) == ["8:13: error: duplicate key 'id' in a source (first at 8:6)"]


def test_nesting_is_bounded() -> None:
    source = HEAD + "note: " + "[" * 1100 + "]" * 1100 + "\n"
    assert errors(source) == ["7:1006: error: the file nests deeper than 1000 levels"]


def test_several_documents_are_refused() -> None:
    assert errors(HEAD + "---\nid: other\n") == [
        "7:1: error: invalid YAML: expected a single document in the stream: but found another document"
    ]


@pytest.mark.parametrize("source", ["", "# only a comment\n", "~\n"])
def test_an_empty_file_is_refused(source: str) -> None:
    assert errors(source)[0] in (
        "1:1: error: the file holds no YAML document",
        "1:1: error: the document must be a mapping, found nothing (null)",
    )


def test_a_top_level_list_is_refused() -> None:
    assert errors("- a\n- b\n") == ["1:1: error: the document must be a mapping, found a list"]


def test_invalid_utf8_is_refused_with_its_place() -> None:
    assert errors(HEAD.encode() + b"publisher: caf\xe9\n") == [
        "7:15: error: invalid UTF-8 (byte 0xe9 at offset 116)"
    ]


def test_utf16_is_refused() -> None:
    assert errors(HEAD.encode("utf-16")) == ["1:1: error: the file is UTF-16; briefings are UTF-8"]


def test_a_bom_is_accepted_and_does_not_shift_offsets() -> None:
    source = HEAD + "entities:\n  - {id: n, name: Niger, type: place, mentions: [[3, 8]]}\n"
    doc = load(b"\xef\xbb\xbf" + source.encode())
    span = doc.entities[0].mentions[0]
    assert doc.text == TEXT
    assert doc.text[span.start : span.end] == "Niger" and span.status.value == "exact"
    assert (span.line, span.column) == (8, 50)


def test_control_characters_are_refused() -> None:
    assert errors(HEAD + "note: a\x00b\n") == [
        "7:8: error: invalid YAML: control characters are not allowed in YAML"
    ]


def test_tabs_in_indentation_say_so() -> None:
    with pytest.raises(LoadError) as info:
        load(HEAD + "sources:\n\t- id: x\n")
    assert info.value.problems[0].hint == "YAML indents with spaces, never tabs"


def test_yaml_11_words_stay_text_where_text_is_expected() -> None:
    doc = load(
        "format: 1\nid: 012\ntitle: NO\nlanguage: no\npublisher: on\ntext: yes\nauthors: [off, 1:20]\n"
    )
    assert (doc.id, doc.title, doc.language, doc.publisher, doc.text) == ("012", "NO", "no", "on", "yes")
    assert doc.authors == ["off", "1:20"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("012", "9:49: error: a mention of entity 'n' start must be a number; '012' has a leading zero"),
        ("1:20", "9:49: error: a mention of entity 'n' start must be a whole number, found '1:20'"),
        ("0x1F", "9:49: error: a mention of entity 'n' start must be a whole number, found '0x1F'"),
        ("1e3", "9:49: error: a mention of entity 'n' start must be a whole number, found '1e3'"),
        (
            "true",
            "9:49: error: a mention of entity 'n' start must be a number; true is a boolean, not a number",
        ),
        ("on", "9:49: error: a mention of entity 'n' start must be a number; on is a boolean, not a number"),
        ('"3"', "9:49: error: a mention of entity 'n' start must be a whole number, found \"3\""),
        ("-3", "9:49: error: a mention of entity 'n' start must be a whole number ≥ 0, found -3"),
        ("3.0", "9:49: error: a mention of entity 'n' start must be a whole number, found '3.0'"),
        (
            "99999999999999999999",
            "9:49: error: a mention of entity 'n' start is too big (99999999999999999999…)",
        ),
    ],
)
def test_numbers_are_read_strictly(value: str, message: str) -> None:
    source = HEAD + (
        "entities:\n  - id: n\n    name: Niger\n    type: place\n"
        f"    mentions:\n      - {{start: {value}, end: 8}}\n"
    )
    found = errors(source)
    assert found == [message.replace("9:49", "12:17")]


def test_a_boolean_is_read_as_true_or_false_only() -> None:
    assert load(HEAD + "entities: []\n").entities == []
    assert errors(HEAD + "claims:\n  - {id: c, span: [3, 8], unverified: yes}\n") == [
        "8:39: error: claim 'c' unverified must be a list, found 'yes'"
    ]


def test_unknown_keys_are_warnings_with_a_suggestion() -> None:
    doc = load(HEAD + "titel: x\n")
    assert [(p.message, p.hint) for p in doc.problems] == [
        ("unknown key 'titel' in the document (ignored)", "did you mean 'title'?")
    ]


def test_wrong_types_are_errors() -> None:
    assert errors(HEAD.replace("title: Titre", "title: [a]") + "entities: nope\n") == [
        "3:8: error: title must be text, found a list",
        "7:11: error: entities must be a list, found 'nope'",
    ]


def test_a_wrong_text_does_not_hide_the_problems_after_it() -> None:
    """Every independent problem is reported: a text that cannot be read stops only the anchoring of
    spans, which is said once, at the text."""
    source = (
        "format: 1\nid: doc\ntitle: [a]\nlanguage: {x: 1}\ntext: [t]\nentities: nope\n"
        "claims:\n  - id: c\n    span: [3, x]\n  - id: d\n    span: 12\n"
    )
    assert problems(source) == [
        "3:8: error: title must be text, found a list",
        "4:11: error: language must be text, found a mapping",
        "5:7: error: text must be text, found a list",
        "5:7: warning: the spans were not checked: the text could not be read",
        "6:11: error: entities must be a list, found 'nope'",
        "9:15: error: the span of claim 'c' end must be a whole number, found 'x'",
    ]


def test_spans_are_not_checked_against_a_missing_text() -> None:
    source = "format: 1\nid: x\ntitle: T\nlanguage: fr\nclaims:\n  - id: c\n    span: [0, 3]\n"
    assert problems(source) == [
        "1:1: error: the document has no 'text'",
        "1:1: warning: the spans were not checked: the document has no text",
    ]


def test_missing_required_keys_are_errors() -> None:
    assert errors("format: 1\nid: x\n") == [
        "1:1: error: the document has no 'title'",
        "1:1: error: the document has no 'language'",
        "1:1: error: the document has no 'text'",
    ]


def test_an_unknown_format_version_is_an_error() -> None:
    assert errors(HEAD.replace("format: 1", "format: 2")) == [
        "1:9: error: format '2' is not a version this program reads (1)"
    ]


def test_problems_are_formatted_like_a_compiler() -> None:
    with pytest.raises(LoadError) as info:
        load_bytes((HEAD + "entities: nope\n").encode(), "dir/f.yaml")
    assert str(info.value) == (
        "dir/f.yaml:7:11: error: entities must be a list, found 'nope'\n  hint: write [a, b] or - a"
    )


def test_all_problems_of_a_file_come_together_in_file_order() -> None:
    source = HEAD + "titel: x\nentities: nope\nclaims: 3\n"
    assert problems(source) == [
        "7:1: warning: unknown key 'titel' in the document (ignored)",
        "8:11: error: entities must be a list, found 'nope'",
        "9:9: error: claims must be a list, found '3'",
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (  # a double quote opened at 3:8 and never closed: the end of the stream is on line 8
            'format: 1\nid: doc\ntitle: "Titre\nlanguage: fr\ntext: x\nnote: a\nurl: b\n',
            "3:8: error: invalid YAML: while scanning a quoted scalar: found unexpected end of stream",
        ),
        (
            "format: 1\nid: doc\ntitle: 'Titre\n",
            "3:8: error: invalid YAML: while scanning a quoted scalar: found unexpected end of stream",
        ),
        (
            "format: 1\nid: doc\nauthors: [a, b\n",
            "3:10: error: invalid YAML: while parsing a flow sequence: did not find expected ',' or ']'",
        ),
        (
            "format: 1\nid: doc\nextra: {a: 1\n",
            "3:8: error: invalid YAML: while parsing a flow mapping: did not find expected ',' or '}'",
        ),
    ],
)
def test_a_syntax_error_found_at_the_end_of_the_file_is_placed_where_its_construct_starts(
    source: str, expected: str
) -> None:
    assert errors(source) == [expected]


def test_a_syntax_error_past_the_end_without_a_start_is_placed_on_the_last_line() -> None:
    # deferred: the private helper, to try a problem that PyYAML marks past the end without a start
    import yaml

    from briefing_tui.model.safe_yaml import _mark_of

    def at(line: int, column: int, source: str) -> tuple[int, int]:
        """Where ``_mark_of`` places a problem PyYAML marks at ``line``, ``column`` (from 0)."""
        mark = yaml.Mark("", 0, line, column, "", 0)
        return _mark_of(yaml.MarkedYAMLError(problem="x", problem_mark=mark), source)

    assert at(2, 0, "a: 1\nbb: 2\n") == (2, 6)  # line 3 does not exist
    assert at(1, 2, "a: 1\nbb: 2\n") == (2, 3)
    assert at(2, 0, "a: 1\r\nbb: 2\r\n") == (2, 6)  # lines as YAML counts them, whatever their breaks
    assert at(1, 0, "a: 1\u2028bb: 2") == (2, 1)
    assert errors('format: 1\r\nid: doc\r\ntitle: "Titre\r\n')[0].startswith("3:8: error: invalid YAML")
