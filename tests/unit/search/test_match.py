"""Matching: folding, smart case, toggles, regular-expression errors and bounds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefing_tui.search import Matcher, Query, SearchCancelled, SearchError, SearchTimeout, find_all, fold

SEED = Path(__file__).resolve().parents[3] / "seeds" / "niger-us-withdrawal.yaml"
TEXT = (
    "La situation entre les États-Unis et le Niger. L’ambassadrice des États-Unis au Niger, "
    "« Kathleen FitzGibbon », parle de l’engagement\u00a0: un cœur, une œuvre — les nigériennes."
)


def texts(query: Query | str, text: str = TEXT) -> list[str]:
    return [text[a:b] for a, b in find_all(text, query)]


def test_accent_insensitive_by_default() -> None:
    assert texts("etats-unis") == ["États-Unis", "États-Unis"]


def test_typographic_apostrophe_matches_a_plain_one() -> None:
    assert texts("l'engagement") == ["l’engagement"]


def test_guillemets_and_nbsp_match_plain_quotes_and_spaces() -> None:
    assert texts('" kathleen') == ["« Kathleen"]
    assert texts("engagement :") == ["engagement\u00a0:"]


def test_ligature_matches_its_letters() -> None:
    assert texts("coeur") == ["cœur"]
    assert texts("oeuvre") == ["œuvre"]


def test_dash_matches_a_hyphen() -> None:
    assert texts("oeuvre - les") == ["œuvre — les"]


def test_smart_case_an_uppercase_letter_makes_it_case_sensitive() -> None:
    assert texts("niger") == ["Niger", "Niger", "nigér"]
    assert texts("Niger") == ["Niger", "Niger"]
    assert texts("NIGER") == []


def test_case_sensitive_flag_overrides_smart_case() -> None:
    assert texts(Query("niger", case_sensitive=True)) == ["nigér"]
    assert len(texts(Query("NIGER", case_sensitive=False))) == 3


def test_exact_does_not_fold_accents() -> None:
    assert texts(Query("etats", exact=True)) == []
    assert texts(Query("états", exact=True)) == ["États", "États"]
    assert texts(Query("États", exact=True)) == ["États", "États"]


def test_whole_word() -> None:
    assert texts(Query("niger", word=True)) == ["Niger", "Niger"]


def test_regex_on_folded_text() -> None:
    assert texts(Query(r"etats-\w+", regex=True)) == ["États-Unis", "États-Unis"]
    assert texts(Query(r"nig[eé]r\w*", regex=True)) == ["Niger", "Niger", "nigériennes"]


def test_regex_escape_does_not_count_as_uppercase() -> None:
    assert Query(r"\Sger", regex=True).keep_case is False
    assert texts(Query(r"\Sger", regex=True)) == ["iger", "iger", "igér"]


def test_regex_with_exact_runs_on_the_original() -> None:
    assert texts(Query(r"Ét\w+", regex=True, exact=True)) == ["États", "États"]


@pytest.mark.parametrize("pattern", ["(", "[a-", "a{2,1}", "*x", "(?P<1>x)"])
def test_bad_regex_is_a_search_error_with_a_message(pattern: str) -> None:
    with pytest.raises(SearchError) as info:
        Matcher(Query(pattern, regex=True))
    assert "regular expression" in str(info.value)


def test_bad_regex_characters_are_plain_text_without_the_regex_flag() -> None:
    assert find_all("a (b) [c", "(b) [c") == [(2, 8)]


def test_catastrophic_regex_is_bounded() -> None:
    matcher = Matcher(Query(r"(x+x+)+y", regex=True), timeout=0.2)
    with pytest.raises(SearchTimeout):
        matcher.find_all("x" * 5000)


def test_empty_regex_matches_are_skipped() -> None:
    assert find_all("abc", Query("x*", regex=True)) == []


def test_empty_query_matches_nothing() -> None:
    assert find_all(TEXT, "") == []
    assert find_all(TEXT, "\u200b") == []


def test_limit_stops_early() -> None:
    assert len(find_all("a a a a a", "a", limit=2)) == 2


def test_check_can_cancel() -> None:
    def cancel() -> None:
        raise SearchCancelled

    with pytest.raises(SearchCancelled):
        Matcher(Query("a")).find_all("a " * 10000, check=cancel)


def test_seed_briefing_text_when_present() -> None:
    if not SEED.exists():
        pytest.skip("the seed briefing is not there")
    from briefing_tui.model import load_document

    doc = load_document(SEED)
    assert len(find_all(doc.text, "etats-unis")) >= 5


words = st.sampled_from(
    ["États", "etats", "cœur", "coeur", "l’eau", "l'eau", "«", '"', " ", "\u00a0", "ß", "ss"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(words, max_size=30).map("".join), st.lists(words, min_size=1, max_size=3).map("".join))
def test_every_match_folds_to_the_folded_query(text: str, query: str) -> None:
    q = Query(query, case_sensitive=False)
    for a, b in find_all(text, q):
        assert fold(text[a:b]) == fold(query)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.text(min_size=1, max_size=4))
def test_every_match_of_any_text_folds_to_the_folded_query(text: str, query: str) -> None:
    for keep in (False, True):
        q = Query(query, case_sensitive=keep)
        for a, b in find_all(text, q):
            assert fold(text[a:b], keep) == fold(query, keep)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="ab cé’'œoe", max_size=40), st.text(alphabet="ab cé’'œoe", min_size=1, max_size=3))
def test_folded_search_finds_every_plain_occurrence_of_an_ascii_query(text: str, query: str) -> None:
    if not query.isascii() or query.strip() != query:
        return
    found = {a for a, _ in find_all(text, Query(query, case_sensitive=True))}
    i = text.find(query)
    while i >= 0:
        assert i in found
        i = text.find(query, i + len(query))


@pytest.mark.parametrize(
    ("text", "start", "end", "width", "expected"),
    [
        ("abc def ghi", 4, 7, 40, ("abc ", "def", " ghi")),
        ("one\nabc def ghi\ntwo", 8, 11, 40, ("abc ", "def", " ghi")),
        ("aaaa bbbb cccc dddd", 10, 14, 4, ("…bbb ", "cccc", " ddd…")),
        ("x\nmatch", 2, 7, 3, ("", "match", "")),
    ],
)
def test_context_stays_on_the_line_and_marks_cuts(text, start, end, width, expected) -> None:
    from briefing_tui.search.corpus import context

    assert context(text, start, end, width) == expected


def test_limit_with_ligatures_still_gives_the_first_matches() -> None:
    text = "œuvre " * 50 + "sœur " * 50
    spans = find_all(text, "oe", limit=10)
    assert len(spans) == 10
    assert spans == find_all(text, "oe")[:10]


def test_find_between_sees_only_the_region_with_original_offsets() -> None:
    text = "cœur " * 10 + "États " * 10
    matcher = Matcher(Query("etats"))
    assert matcher.find_between(text, 50, 62) == [(50, 55), (56, 61)]
    assert matcher.find_between(text, 0, 10_000) == matcher.find_all(text)
    assert Matcher(Query("e.", regex=True)).find_between(text, 0, 100) == []


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("une œuvre, un cœur, des œufs", "oe"),
        ("une œuvre, un cœur, des œufs", "e"),
        ("une œuvre, un cœur, des œufs", "coeur"),
        ("straße strasse", "ss"),
        ("États-Unis, etats", "etats"),
        ("abc", "Z"),
    ],
)
def test_count_agrees_with_find_all(text: str, query: str) -> None:
    matcher = Matcher(Query(query))
    assert matcher.count(text) == len(matcher.find_all(text))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="oeœsßa æ", max_size=40), st.text(alphabet="oesa ", min_size=1, max_size=3))
def test_count_always_agrees_with_find_all(text: str, query: str) -> None:
    matcher = Matcher(Query(query))
    assert matcher.count(text) == len(matcher.find_all(text))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab", max_size=60), st.text(alphabet="ab", min_size=1, max_size=4), st.integers(1, 7))
def test_literal_search_in_chunks_equals_one_scan(text: str, needle: str, chunk: int) -> None:
    import briefing_tui.search.match as match_module

    old = match_module._LITERAL_CHUNK
    match_module._LITERAL_CHUNK = chunk
    try:
        found = match_module._find_literal(text, needle, None, None)
    finally:
        match_module._LITERAL_CHUNK = old
    expected = []
    i = text.find(needle)
    while i >= 0:
        expected.append((i, i + len(needle)))
        i = text.find(needle, i + len(needle))
    assert found == expected


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="aeé’'œ -.", max_size=40), st.text(alphabet="ae'-. ", min_size=1, max_size=3))
@example("œee", "ee")  # the first match cuts œ (oe): the one after it overlaps it
@example("aœœe", "ee")
def test_an_escaped_regex_finds_what_the_literal_finds(text: str, query: str) -> None:
    import re

    literal = find_all(text, Query(query, case_sensitive=False))
    pattern = find_all(text, Query(re.escape(query), regex=True, case_sensitive=False))
    assert pattern == literal


def test_a_match_that_cuts_a_spelt_out_character_does_not_hide_the_next() -> None:
    import re

    for query in (Query("e.", regex=True), Query(re.escape("ee"), regex=True), Query("e+e", regex=True)):
        assert find_all("œee", query) == [(1, 3)], query  # in œ e e: oe e e, the e of œ is not taken
    assert find_all("cœur, coeur", Query("oeu", regex=True)) == [(1, 3), (7, 10)]


def _spelt_out(text: str, needle: str, keep_case: bool = False) -> list[tuple[int, int]]:
    """Matches found in the spelt-out copy, dropping those that cut a character (the reference)."""
    from briefing_tui.search.fold import build
    from briefing_tui.search.match import _find_literal

    expanded = build(text, keep_case).expanded()
    return expanded.spans(_find_literal(expanded.text, needle, None, None))


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        ("un cœur, des coeurs", "coeur", ["cœur", "coeur"]),
        ("Œuvre, œuvre, oeuvre", "oeuvre", ["Œuvre", "œuvre", "oeuvre"]),
        ("une sœur", "oe", ["œ"]),
        ("straße, strasse, Straße", "strasse", ["straße", "strasse", "Straße"]),
        ("la ﬁn… fin...", "fin...", ["ﬁn…", "fin..."]),
        ("œœ oeœ oeoe", "oeoe", ["œœ", "oeœ", "oeoe"]),
    ],
)
def test_expansions_match_as_letters_or_as_the_character(text: str, query: str, expected: list[str]) -> None:
    assert texts(query, text) == expected


def test_a_control_character_in_the_query_finds_only_itself() -> None:
    text = "cœur \x80 x\x85y"  # œ stands as U+0080 in the folded copy
    assert texts("\x80", text) == ["\x80"]
    assert texts("x\x85", text) == ["x\x85"]
    assert Matcher(Query("\x80")).count(text) == 1


def test_a_query_that_overlaps_itself_finds_leftmost_matches() -> None:
    assert texts("ss", "straße sss ßs") == ["ß", "ss", "ß"]
    assert Matcher(Query("ss")).count("straße sss ßs") == 3


def test_whole_word_does_not_stop_at_a_ligature() -> None:
    assert texts(Query("c", word=True), "cœur c") == ["c"]
    assert texts(Query("coeur", word=True), "cœur cœurs") == ["cœur"]


def test_regex_sees_the_letters_of_a_ligature() -> None:
    assert texts(Query("c.eur", regex=True), "un cœur") == ["cœur"]


def test_limit_and_count_with_letters_and_ligatures() -> None:
    text = "coeur cœur " * 20
    spans = find_all(text, "coeur", limit=5)
    assert spans == find_all(text, "coeur")[:5]
    assert [text[a:b] for a, b in spans] == ["coeur", "cœur", "coeur", "cœur", "coeur"]
    assert Matcher(Query("coeur")).count(text) == 40


def test_a_word_with_an_expansion_s_letters_runs_over_the_spelt_out_copy() -> None:
    text = "ß" * 10 + " " + "s" * 20
    assert find_all(text, "s" * 20) == _spelt_out(text, "s" * 20) == [(0, 10), (11, 31)]


def test_a_match_next_to_a_ligature_is_found_in_the_one_for_one_copy() -> None:
    # the spelt-out copy "oeaeae" finds "eae" at 1 first (it cuts œ) and then nothing
    assert texts("eae", "œaeae") == ["eae"]


def test_characters_folded_to_nothing_keep_offsets_right_with_stand_ins() -> None:
    text = "soft\u00adhyphen cœ\u0301ur coeur"
    assert texts("softhyphen", text) == ["soft\u00adhyphen"]
    assert texts("coeur", text) == ["cœ\u0301ur", "coeur"]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="oeœŒsßa æﬁf\u0301\u00ad\x80…. ", max_size=50),
    st.text(alphabet="oesaif. \x80", min_size=1, max_size=5),
)
def test_stand_in_search_equals_the_spelt_out_search(text: str, query: str) -> None:
    needle = fold(query)
    if not needle or any(needle[-k:] == needle[:k] for k in range(1, len(needle))):
        return  # the spelt-out search can hide a match behind one that cuts a ligature
    assert find_all(text, Query(query, case_sensitive=False)) == _spelt_out(text, needle)


@pytest.mark.parametrize(
    ("text", "word", "position"),
    [("niger(", False, 6), ("niger(", True, 6), ("été(", False, 4), ("été(", True, 4), ("a)b", True, 1)],
)
def test_a_bad_regex_error_gives_the_position_in_what_was_typed(text: str, word: bool, position: int) -> None:
    with pytest.raises(SearchError) as raised:
        Matcher(Query(text, word=word, regex=True))
    assert str(raised.value).startswith("bad regular expression: ")
    assert str(raised.value).endswith(f"at position {position}")
