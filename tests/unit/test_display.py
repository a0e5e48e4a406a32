"""The display boundary: one-for-one stand-ins, contextual invisibles, addresses and file names."""

from __future__ import annotations

import pytest
from rich.text import Text

from briefing_tui.addresses import display_url, link_target, name_warnings
from briefing_tui.display import (
    BIDI_STAND_IN,
    INVISIBLE_STAND_IN,
    JOINER_STAND_IN,
    MARK_STAND_IN,
    MAX_MARKS,
    WIDTH_STAND_IN,
    display_path,
    display_problem,
    safe_text,
    sanitize,
)
from briefing_tui.model.types import Problem, Severity


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[2J", "␛[2J"),
        ("\x1b]52;c;aGVsbG8=\x07", "␛]52;c;aGVsbG8=␇"),
        ("\x1b]0;pwned\x1b\\", "␛]0;pwned␛\\"),
        ("\x9b31m", "\ufffd31m"),  # C1 CSI
        ("\x9d8;;http://x\x9c", "\ufffd8;;http://x\ufffd"),  # C1 OSC/ST
        ("a\x7fb", "a␡b"),
        ("a\rb", "a␍b"),
        ("a\tb", "a b"),
        ("a\u202eb", f"a{BIDI_STAND_IN}b"),
        ("a\u2067b\u2069", f"a{BIDI_STAND_IN}b{BIDI_STAND_IN}"),
        ("a\u2028b\u2029", "a␤b¶"),
        ("a\ud800b", "a\ufffdb"),
        ("a\u200bb", f"a{INVISIBLE_STAND_IN}b"),
        ("a\u2060b\ufeff", f"a{INVISIBLE_STAND_IN}b{INVISIBLE_STAND_IN}"),
        ("soft\u00adhyphen", f"soft{INVISIBLE_STAND_IN}hyphen"),
        ("\u3164\u115f", INVISIBLE_STAND_IN * 2),  # Hangul fillers: blank letters
        ("x\ufffey", "x\ufffdy"),
    ],
)
def test_sanitize_replaces_unsafe_characters_with_visible_stand_ins(raw: str, shown: str) -> None:
    assert sanitize(raw) == shown


def test_sanitize_keeps_newlines_only_in_multiline_text() -> None:
    assert sanitize("a\nb") == "a␊b"
    assert sanitize("a\nb", multiline=True) == "a\nb"


@pytest.mark.parametrize(
    "kept",
    [
        "[sic] [citation needed] [bold]x[/] [@click=app.quit]q[/] [$accent]",
        "C:\\Temp\\ and \\[escaped\\]",
        "Les États-Unis, Kathleen FitzGibbon « citation »",
        "中文字符 日本語テキスト 한국어",
        "😀\ufe0f 中\ufe0f",  # emoji presentation of a character already drawn wide
        "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f Scotland",
        "می\u200cخواهم",  # Persian needs ZWNJ
        "ക\u0d4d\u200d ",  # Malayalam chillu: a joiner that ends a word
        "Tiếng Việt e\u0323\u0302 NFD",
    ],
)
def test_sanitize_leaves_legitimate_text_untouched(kept: str) -> None:
    assert sanitize(kept) == kept


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("pay\u200cpal", f"pay{INVISIBLE_STAND_IN}pal"),  # ZWNJ between Latin letters hides nothing legit
        ("ad\u200dmin", f"ad{INVISIBLE_STAND_IN}min"),
        ("क्\u200dष", f"क्{INVISIBLE_STAND_IN}ष"),  # Rich would draw the two letters in one cell
        ("\u200d👩", f"{INVISIBLE_STAND_IN}👩"),
        ("中\ufe0e\ufe0e", f"中\ufe0e{INVISIBLE_STAND_IN}"),  # one selector per character
        ("😀" + "\U000e0100" * 5, "😀\U000e0100" + INVISIBLE_STAND_IN * 4),  # data smuggled in selectors
        ("hi\U000e0041\U000e0042", f"hi{INVISIBLE_STAND_IN * 2}"),  # tag characters outside a flag
        (" \ufe0f", f" {INVISIBLE_STAND_IN}"),
    ],
)
def test_sanitize_replaces_invisible_characters_out_of_context(raw: str, shown: str) -> None:
    assert sanitize(raw) == shown


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("👨\u200d👩\u200d👧", f"👨{JOINER_STAND_IN}👩{JOINER_STAND_IN}👧"),
        ("👩🏽\u200d💻", f"👩{WIDTH_STAND_IN}{JOINER_STAND_IN}💻"),
        ("❤\ufe0f", f"❤{WIDTH_STAND_IN}"),
        ("1\ufe0f\u20e3", f"1{WIDTH_STAND_IN}\u20e3"),
        ("🇳🇪 Niger 🇺🇸", "NE Niger US"),
    ],
)
def test_sanitize_takes_apart_emoji_sequences_whose_width_terminals_disagree_on(raw: str, shown: str) -> None:
    assert sanitize(raw) == shown


def test_sanitize_caps_a_flood_of_combining_marks() -> None:
    raw = "Z" + "\u0301\u0316" * 50 + "a"
    shown = sanitize(raw)
    assert len(shown) == len(raw)
    assert shown[: 1 + MAX_MARKS] == raw[: 1 + MAX_MARKS]
    assert shown[1 + MAX_MARKS : -1] == MARK_STAND_IN * (100 - MAX_MARKS)
    assert shown[-1] == "a"


def test_safe_text_never_parses_markup() -> None:
    text = safe_text("[bold]x[/] [@click=app.quit]q[/]\x1b[2J")
    assert isinstance(text, Text)
    assert text.plain == "[bold]x[/] [@click=app.quit]q[/]␛[2J"
    assert text.spans == []


# --- addresses -------------------------------------------------------------------------------------


def test_display_url_leaves_a_plain_address_alone() -> None:
    shown = display_url("https://www.state.gov/on-the-withdrawal/?a=1#b")
    assert shown.text == "https://www.state.gov/on-the-withdrawal/?a=1#b"
    assert shown.host == "www.state.gov"
    assert not shown.suspicious and shown.openable


def test_display_url_shows_an_international_host_in_punycode_without_alarm() -> None:
    shown = display_url("https://bücher.de/straße")
    assert shown.text == "https://xn--bcher-kva.de/straße"
    assert shown.unicode_host == "bücher.de"
    assert shown.warnings == ()


def test_display_url_flags_mixed_scripts() -> None:
    shown = display_url("https://аpple.com/login")  # Cyrillic а
    assert shown.text == "https://xn--pple-43d.com/login"
    assert shown.warnings == ("mixed scripts (Cyrillic+Latin) in xn--pple-43d",)
    assert not shown.openable


@pytest.mark.parametrize("url", ["https://аррӏе.com/", "https://xn--80ak6aa92e.com/"])
def test_display_url_flags_a_whole_script_look_alike_even_in_punycode(url: str) -> None:
    shown = display_url(url)
    assert shown.host == "xn--80ak6aa92e.com"
    assert "xn--80ak6aa92e looks like the Latin 'apple'" in shown.warnings


@pytest.mark.parametrize(
    ("url", "warning"),
    [
        ("https://ｇｏｏｇｌｅ.com/", "look-alike letters (fullwidth or styled) in xn--qi7cdauna"),
        (
            "http://state.gov@evil.example/",
            "a user name before the host: the address goes to the host after '@'",
        ),
        ("javascript:alert(1)", "not a web address (scheme javascript)"),
        ("https://a\u200bb.com/", "invisible or joining characters in xn--ab-g1t"),
        ("https://example\u3002com/", "look-alike dots in the host"),
        ("http://[bad", "not a valid address"),
        ("https://xn--zz.com", "a host label that is not valid punycode"),
        ("https://example.com/a\x1b[2Jb", "control or invisible characters in the address"),
        ("https://example.com/\u202etxt.exe", "control or invisible characters in the address"),
    ],
)
def test_display_url_warns(url: str, warning: str) -> None:
    shown = display_url(url)
    assert warning in shown.warnings
    assert not shown.openable


def test_display_url_never_lets_a_control_through() -> None:
    for url in ["https://e\x1b[2J.com/\x1b]52;c;aGk=\x07", "https://x.com:1\x1b/", "\x1b]8;;http://a\x1b\\"]:
        assert "\x1b" not in display_url(url).text
        assert "\x07" not in display_url(url).text


# --- file names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("seeds/niger.yaml", "seeds/niger.yaml"),
        ("C:\\Temp\\a b.yaml", "C:\\Temp\\a b.yaml"),
        ("evil\x1b]0;title\x07.yaml", "evil\\x1b]0;title\\x07.yaml"),
        ("x\u202egnp.yaml", "x\\u202egnp.yaml"),
        ("zero\u200bwidth.yaml", "zero\\u200bwidth.yaml"),
        (b"bad\xff.yaml", "bad\\xff.yaml"),
        ("café.yaml", "café.yaml"),
    ],
)
def test_display_path_escapes_unprintable_characters(path: str | bytes, shown: str) -> None:
    assert display_path(path) == shown


def test_display_problem_escapes_the_path_and_sanitizes_the_message() -> None:
    problem = Problem(
        "a\x1b[2J.yaml", 3, 7, Severity.ERROR, "unknown key 'x\x1b]52;c;QQ==\x07'", "did you mean 'id'?"
    )
    shown = display_problem(problem)
    assert shown == "a\\x1b[2J.yaml:3:7: error: unknown key 'x␛]52;c;QQ==␇'\n  hint: did you mean 'id'?"


# --- names -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "U.S. Department of State",
        "Ministère de la Défense",
        "Кремль",
        "東京タワー",
        "中文 日本語",
        "Niʼs",
        "ΕΡΤ",
    ],
)
def test_name_warnings_leave_names_in_one_script_alone(name: str) -> None:
    assert name_warnings(name) == ()


@pytest.mark.parametrize(
    ("name", "warning"),
    [
        ("U.S. Dерartment of State", "look-alike letters (Cyrillic+Latin) in 'Dерartment': ер"),
        ("Whitе Hоuse", "look-alike letters (Cyrillic+Latin) in 'Hоuse': о"),
        ("𝐁𝐁𝐂 News", "look-alike letters (fullwidth or styled) in '𝐁𝐁𝐂': 𝐁𝐂"),
        ("Αpple Daily", "look-alike letters (Greek+Latin) in 'Αpple': Α"),
    ],
)
def test_name_warnings_point_at_look_alike_letters(name: str, warning: str) -> None:
    assert warning in name_warnings(name)


# --- link targets (exports) ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("https://www.state.gov/a b/(c)?q=1#x", "https://www.state.gov/a%20b/%28c%29?q=1#x"),
        ("https://e.com/\x1b]52;c;QQ==\x07", "https://e.com/%1B]52;c;QQ==%07"),
        ("https://bücher.de/straße", "https://xn--bcher-kva.de/stra%C3%9Fe"),
        ("https://аpple.com/x", "https://xn--pple-43d.com/x"),
        ('https://x.com/"><script>', "https://x.com/%22%3E%3Cscript%3E"),
        ("https://e.com/\ud800x", "https://e.com/%ED%A0%80x"),
        ("javascript:alert(1)", None),
        ("http://state.gov@evil.example/", None),
        ("https://e\x1b.com/", None),
        ("http:///path", None),
        ("data:text/html,<b>", None),
    ],
)
def test_link_target_is_http_ascii_and_percent_encoded(url: str, target: str | None) -> None:
    assert link_target(url) == target
