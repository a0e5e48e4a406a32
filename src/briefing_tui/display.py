"""The display boundary: every document string passes through here before it reaches the screen.

Document text is untrusted. ``sanitize`` replaces every character that could act on a terminal,
reorder what is shown or hide something (C0/C1 controls, ESC, DEL, bidi controls, lone surrogates,
line and paragraph separators, zero-width and other invisible format characters, floods of
combining marks) with a visible stand-in, ONE character for ONE character, so that offsets into
the sanitized string are the offsets into the original. ``safe_text`` wraps the result in a rich
``Text`` so that nothing in a document is ever parsed as markup.

Addresses are shown by ``briefing_tui.addresses`` (``display_url``: the host in punycode, flagged when
it mixes scripts or looks like another). ``display_path`` shows a file name in an error message, every
unprintable character written as an escape.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from briefing_tui._unicode_tables import FORMAT_RANGES, MARK_RANGES

TYPE_CHECKING = False  # typing's, without importing typing: see briefing_tui.named_tuple
if TYPE_CHECKING:
    from os import PathLike

    from rich.style import Style
    from rich.text import Text

REPLACEMENT = "\ufffd"
BIDI_STAND_IN = "\u21c4"  # ⇄
INVISIBLE_STAND_IN = "\u2b1a"  # ⬚ dotted square: something invisible was here
MARK_STAND_IN = "\u25cc"  # ◌ dotted circle: a combining mark beyond MAX_MARKS
MAX_MARKS = 6  # combining marks kept on one base character; real scripts stack fewer
BIDI_CONTROLS = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
ZWNJ, ZWJ = "\u200c", "\u200d"
# Letters that fill a cell with nothing: used to make names and addresses look empty or alike.
BLANK_LETTERS = (0x115F, 0x1160, 0x3164, 0xFFA0)
# Decided by context (see _contextual): kept where a script or an emoji sequence needs them.
_CONTEXTUAL = {0x200C, 0x200D, *range(0xE0020, 0xE0080)}
JOINER_STAND_IN = "\u208a"  # ₊ an emoji joiner: the parts are shown side by side
WIDTH_STAND_IN = " "  # a skin tone or emoji-presentation selector: the cell its glyph would have taken
_STAND_INS = frozenset({REPLACEMENT, BIDI_STAND_IN, INVISIBLE_STAND_IN, MARK_STAND_IN, JOINER_STAND_IN})
_SINGLE_CLASS = "[\u200c\u200d\ufe00-\ufe0f\U000e0100-\U000e01ef\U000e0020-\U000e007f\U0001f3fb-\U0001f3ff]"
_SINGLE = re.compile(_SINGLE_CLASS)


def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for start, end in FORMAT_RANGES:
        for code in range(start, end + 1):
            if code not in _CONTEXTUAL:
                table[code] = INVISIBLE_STAND_IN
    for code in BLANK_LETTERS:
        table[code] = INVISIBLE_STAND_IN
    for code in range(0x20):
        table[code] = chr(0x2400 + code)  # control pictures: ␀ … ␛ … ␟
    table[0x09] = " "  # a tab is shown as one space: layout stays put, nothing hidden
    table[0x7F] = "\u2421"  # ␡
    for code in range(0x80, 0xA0):
        table[code] = REPLACEMENT
    for code in BIDI_CONTROLS:
        table[code] = BIDI_STAND_IN
    table[0x2028] = "\u2424"  # ␤ line separator
    table[0x2029] = "\u00b6"  # ¶ paragraph separator
    for code in range(0xD800, 0xE000):
        table[code] = REPLACEMENT
    for code in range(0x1F1E6, 0x1F200):
        # Regional indicators: a pair is one 2-cell flag in some terminals, two 2-cell letters in others.
        table[code] = chr(ord("A") + code - 0x1F1E6)
    for code in (*range(0xFDD0, 0xFDF0), 0xFFFE, 0xFFFF):  # noncharacters
        table[code] = REPLACEMENT
    return table


_LINE_TABLE = _table()
_TEXT_TABLE = {code: shown for code, shown in _LINE_TABLE.items() if code != 0x0A}  # keeps \n; keys shared


def _class(ranges: tuple[tuple[int, int], ...]) -> str:
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges
    )


@lru_cache(maxsize=1)
def _suspects() -> re.Pattern[str]:
    # Compiled on first use: what only the context can decide, and runs of marks too long for any script.
    # Astral ranges make a character class slow in ``re``: runs of any astral characters are candidates,
    # checked one by one in ``_contextual`` (long runs of astral characters are rare).
    bmp_marks = _class(tuple(r for r in MARK_RANGES if r[1] <= 0xFFFF))
    return re.compile(f"[{bmp_marks}\U00010000-\U0010ffff]{{{MAX_MARKS + 1},}}|{_SINGLE_CLASS}")


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me")


def _is_variation_selector(char: str) -> bool:
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def _emojiish(char: str) -> bool:
    code = ord(char)
    return (
        code >= 0x2000
        and char not in _STAND_INS
        and (unicodedata.category(char) == "So" or code == 0xFE0F or 0x1F3FB <= code <= 0x1F3FF)
    )


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def _joining_script(char: str) -> bool:
    # Scripts from Hebrew on use ZWJ/ZWNJ to choose letter forms; Latin, Greek and Cyrillic never need them.
    return ord(char) >= 0x0590 and unicodedata.category(char)[0] in "LM"


def _contextual(value: str) -> str:
    chars = list(value)
    singles: list[int] = []
    for match in _suspects().finditer(value):
        i = match.start()
        if len(match.group()) == 1:
            singles.append(i)
            continue
        run = 0  # a run that may hold too many combining marks: keep MAX_MARKS of them
        for j in range(i, match.end()):
            run = run + 1 if _is_mark(value[j]) else 0
            if run > MAX_MARKS:
                chars[j] = MARK_STAND_IN
            elif _SINGLE.match(value, j):
                singles.append(j)
    for i in singles:
        if chars[i] == MARK_STAND_IN:
            continue
        replacement = _decide(value, i)
        if replacement is not None:
            chars[i] = replacement
    return "".join(chars)


def _decide(value: str, i: int) -> str | None:
    """The stand-in for the character at ``i``, or None to keep it. Judged on this pass's input."""
    char = value[i]
    prev = value[i - 1] if i else ""
    nxt = value[i + 1] if i + 1 < len(value) else ""
    code = ord(char)
    if 0x1F3FB <= code <= 0x1F3FF:
        # A skin tone joins its emoji into one 2-cell glyph in some terminals, two glyphs (4 cells) in others.
        return WIDTH_STAND_IN
    if char in (ZWJ, ZWNJ):
        if char == ZWJ and prev and nxt and _emojiish(prev) and _emojiish(nxt):
            # Terminals disagree on the width of a joined emoji sequence: show its parts, joined by a sign.
            return JOINER_STAND_IN
        if char == ZWNJ and prev and nxt and _joining_script(prev) and _joining_script(nxt):
            return None
        if (
            char == ZWJ
            and prev
            and _joining_script(prev)
            and not (nxt and unicodedata.category(nxt)[0] in "LMNS")
        ):
            # A joiner ending a word (a Malayalam chillu). Before a letter it would glue two cells into one
            # for Rich but not for the terminal: only the stand-in keeps the columns right.
            return None
        return INVISIBLE_STAND_IN
    if _is_variation_selector(char):
        # One selector chooses how its base is drawn; more than one only hides data.
        if (
            not prev
            or prev in _STAND_INS
            or _is_variation_selector(prev)
            or _is_mark(prev)
            or unicodedata.category(prev)[0] in "CZ"
        ):
            return INVISIBLE_STAND_IN
        if code == 0xFE0F and not _wide(prev):
            # Emoji presentation widens a narrow character to 2 cells in some terminals only.
            return WIDTH_STAND_IN
        return None
    return None if _in_flag_tag_sequence(value, i) else INVISIBLE_STAND_IN


def _in_flag_tag_sequence(value: str, i: int) -> bool:
    """Tag characters only draw anything inside a subdivision flag: 🏴 + tag letters + cancel tag."""
    start = i
    while start > 0 and 0xE0020 <= ord(value[start - 1]) <= 0xE007E:
        start -= 1
    if start == 0 or value[start - 1] != "\U0001f3f4":
        return False
    end = i
    while end < len(value) and 0xE0020 <= ord(value[end]) <= 0xE007E:
        end += 1
    return end < len(value) and value[end] == "\U000e007f" and 2 <= end - start <= 6


_PLAIN_CLASS = (
    "\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0377\u037a-\u037f\u0384-\u038a\u038c\u038e-\u03a1"
    "\u03a3-\u0482\u048a-\u052f\u05d0-\u05ea\u05f0-\u05f4\u060c\u061b\u061f-\u064a\u0660-\u066d"
    "\u0671-\u06d3\u06f0-\u06f9\u2010-\u2027\u202f-\u205e\u20a0-\u20c0\u2100-\u214f"
)
PLAIN = re.compile(f"[{_PLAIN_CLASS}]*")
"""Runs of characters one cell wide that ``sanitize`` keeps as they are, whatever is next to them
(Latin, Greek, Cyrillic, Hebrew and Arabic without their vowel marks, typography): a string that
``fullmatch``es needs no sanitizing nor measuring (tests/unit/test_text_view_wrap.py checks the class
character by character)."""


_KEPT_CLASS = (
    "\u3001-\u3029\u3030-\u303e\u3041-\u3096\u309b-\u30ff\u3131-\u3163\u3165-\u318e\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufa6d\ufa70-\ufad9\uff01-\uff60"
)


@lru_cache(maxsize=1)
def kept() -> re.Pattern[str]:
    """Runs of characters of any width that ``sanitize`` keeps as they are, whatever is next to them:
    ``PLAIN``'s, and those of Chinese, Japanese and Korean (ideographs, kana, hangul, their
    punctuation) and the full-width forms. A string that ``fullmatch``es needs no sanitizing, only
    measuring (tests/unit/test_text_view_wrap.py checks the class character by character). Compiled
    on first use (3 ms): only a text pane with such a paragraph needs it."""
    return re.compile(f"[{_PLAIN_CLASS}{_KEPT_CLASS}]*")


def sanitize(value: str, *, multiline: bool = False) -> str:
    """Return ``value`` with every unsafe character replaced one-for-one by a visible stand-in.

    Args:
        value: any string from a document or a file name.
        multiline: keep ``\\n`` (for the document text); otherwise newlines become ``␊``.

    Zero-width joiners and non-joiners are kept where a script or an emoji sequence needs them,
    one variation selector per character, tag characters inside a subdivision flag, and up to
    ``MAX_MARKS`` combining marks on one character. The result is a fixed point: sanitizing it
    again changes nothing.
    """
    out = value.translate(_TEXT_TABLE if multiline else _LINE_TABLE)
    # Each pass only replaces characters by stand-ins that no rule keeps, so this settles fast.
    for _ in range(4):
        if _suspects().search(out) is None:
            break
        fixed = _contextual(out)
        if fixed == out:
            break
        out = fixed
    return out


def safe_text(value: str, style: str | Style = "", *, multiline: bool = False) -> Text:
    """A rich ``Text`` holding the sanitized string: never parsed as markup."""
    from rich.text import Text

    return Text(sanitize(value, multiline=multiline), style=style, end="")


@lru_cache(maxsize=1)
def unsafe_codepoints() -> frozenset[int]:
    """Every code point ``sanitize`` always replaces, whatever its context (for tests)."""
    return frozenset(_LINE_TABLE)


# --- file names ----------------------------------------------------------------------------------


def display_path(path: str | bytes | PathLike[str] | PathLike[bytes]) -> str:
    """A file name as an error message shows it: every unprintable character written as an escape.

    Bytes that are not UTF-8 (kept by the file system as surrogate escapes) show as ``\\xNN``,
    controls, invisible and bidi characters as ``\\xNN``/``\\uNNNN``, so that the name can neither act
    on the terminal nor pass for another name. Unlike ``sanitize`` this is not one-for-one.
    """
    import os

    text = os.fsdecode(path)
    if text.isascii() and text.isprintable():  # nothing to escape: the usual name, at once
        return text
    out: list[str] = []
    for char in text:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif char == " " or (char.isprintable() and sanitize(char) == char):
            out.append(char)
        elif code <= 0xFF:
            out.append(f"\\x{code:02x}")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return "".join(out)


def display_problem(problem: object) -> str:
    """A ``Problem`` formatted for a terminal: the file name escaped, the message sanitized.

    The message and hint may quote the document (an unknown key, a bad value): they go through
    ``sanitize`` so that nothing in them reaches the terminal as a control sequence.
    """
    path = display_path(str(getattr(problem, "path", "")))
    line, column = getattr(problem, "line", 0), getattr(problem, "column", 0)
    severity = getattr(problem, "severity", "error")
    severity = getattr(severity, "value", severity)
    head = f"{path}:{line}:{column}: {severity}: {sanitize(str(getattr(problem, 'message', '')))}"
    hint = str(getattr(problem, "hint", "") or "")
    return f"{head}\n  hint: {sanitize(hint)}" if hint else head
