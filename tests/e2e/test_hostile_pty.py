"""Hostile documents in the installed `briefing`, in a real pty: nothing from a document reaches the terminal.

Each terminal, markup and Unicode case of tests/hostile/cases is opened, its claim and source shown,
then the reader quits. The raw bytes the program wrote must hold none of the document's sequences
(no ESC from the document, no OSC 52 clipboard write, no OSC 0/2 title, no OSC 8 link), the screen
must show the literal stand-ins and brackets, and the terminal must be restored at exit.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from tests.hostile.common import CASES, MANIFEST, cases
from tests.support.ptyterm import PtyTerm

pytestmark = pytest.mark.e2e
BRIEFING = Path(sys.executable).parent / "briefing"
SETTLE = 3.0  # seconds for the document to be on screen (2 s on an idle machine; CI shares its cores)
OSC = re.compile(rb"\x1b\]([0-9]*)")
FRAME = re.compile(r"[\s│┃╭╮╰╯─━▏▕✔◐⚠✘⌛❝]")
RESTORE = (b"\x1b[?1049l", b"\x1b[?25h")  # leave the alternate screen, show the cursor


def _flat(text: str) -> str:
    """Screen text without frames, gutters and line breaks: a wrapped string reads whole again."""
    return FRAME.sub("", text)


def _open(path: Path, keys: str = "]s") -> tuple[PtyTerm, list[str], float]:
    term = PtyTerm([str(BRIEFING), str(path)], columns=120, lines=40)
    try:
        shown = term.wait_for("Title", timeout=SETTLE)
        term.wait_quiet(0.2, timeout=2)
        screens = [term.text()]
        for key in keys:
            term.send(key)
            term.wait_quiet(0.15, timeout=2)
            screens.append(term.text())
        term.send("q")
        status = term.wait_exit(timeout=3)
    finally:
        term.close()  # the raw bytes and the screen stay readable
    assert status == 0, f"exit status {status}\n{term.text()}"
    return term, screens, shown


def assert_terminal_clean(raw: bytes, forbid: Sequence[bytes] = ()) -> None:
    """No document sequence in the raw output, and the terminal put back as it was."""
    for sequence in forbid:
        assert sequence not in raw, f"{sequence!r} reached the terminal"
    codes = {m.group(1) for m in OSC.finditer(raw)}
    assert codes <= {b"22"}, f"OSC sequences other than the pointer shape: {codes}"  # 22: Textual's pointer
    assert b"\x1b]52" not in raw and b"\x1b]0;" not in raw and b"\x1b]2;" not in raw and b"\x1b]8;" not in raw
    assert not re.search(rb"\xc2[\x80-\x9f]", raw), "a C1 control reached the terminal"
    assert raw.count(b"\x1b[?1049h") == 1 and raw.count(b"\x1b[?1049l") == 1
    tail = raw[raw.rindex(b"\x1b[?1049l") - 200 :]
    for sequence in RESTORE:
        assert sequence in tail, f"{sequence!r} missing from the tail: terminal not restored"


DISPLAY_CASES = [n for n in cases("terminal", "markup", "unicode") if MANIFEST[n]["expect"] == "valid"]


@pytest.mark.parametrize("name", DISPLAY_CASES)
def test_a_hostile_document_is_shown_inert(name: str) -> None:
    info = MANIFEST[name]
    term, screens, _shown = _open(CASES / name)
    raw = bytes(term.raw)
    forbid = [bytes.fromhex(h) for h in info.get("forbid", [])]
    assert_terminal_clean(raw, forbid)
    flat = _flat("\n".join(screens))
    for needle in info.get("show", []):
        assert _flat(needle) in flat, f"{needle!r} not on screen:\n{screens[-1]}"


def test_brackets_and_backslashes_appear_exactly_as_written() -> None:
    term, screens, _ = _open(CASES / "markup-brackets-and-backslashes.yaml", keys="")
    screen = screens[0]
    assert "[sic]" in screen and "[citation needed]" in screen
    assert "C:\\Temp\\ and D:\\new\\table." in screen


def test_an_address_is_shown_with_its_host_in_punycode_and_flagged() -> None:
    term, screens, _ = _open(CASES / "unicode-homoglyph-host.yaml")
    flat = _flat("\n".join(screens))
    assert _flat("https://www.xn--tate-") in flat
    assert "ѕtate" not in "\n".join(screens)


def test_the_error_view_shows_a_control_file_name_escaped(tmp_path: Path) -> None:
    evil = tmp_path / "evil\x1b]0;PWNED\x07\x1b[2J.yaml"
    evil.write_bytes(b"format: 1\nid: [broken\n")
    (tmp_path / "good.yaml").write_bytes((CASES / "markup-brackets-and-backslashes.yaml").read_bytes())
    term = PtyTerm([str(BRIEFING), str(tmp_path)], columns=120, lines=40)
    with term:
        term.wait_for("could not be opened", timeout=SETTLE)
        term.wait_quiet(0.2)
        screen = term.text()
        term.send("q")
        assert term.wait_exit(timeout=3) == 0
    assert "evil\\x1b]0;PWNED\\x07\\x1b[2J.yaml" in screen
    assert_terminal_clean(bytes(term.raw), [b"\x1b]0;PWNED", b"\x1b[2J.yaml"])


def test_a_refused_control_file_name_is_printed_escaped_without_full_screen(tmp_path: Path) -> None:
    evil = tmp_path / "evil\x1b]0;PWNED\x07\x1b[2J.yaml"
    evil.write_bytes(b"format: 1\nid: [broken\n")
    raw = _refused(evil)
    assert b"evil\\x1b]0;PWNED\\x07\\x1b[2J.yaml:" in raw


# --- an unexpected exception ----------------------------------------------------------------------


@pytest.mark.parametrize("fault", ["ready", "timer"])
def test_an_unexpected_exception_restores_the_terminal_and_says_where_the_log_is(
    fault: str, tmp_path: Path
) -> None:
    seed = CASES / "markup-brackets-and-backslashes.yaml"
    state = tmp_path / ("a-long-folder-name-" * 5)  # the log's path is longer than the terminal is wide
    state.mkdir()
    env = {"BRIEFING_FAULT": fault, "XDG_STATE_HOME": str(state)}
    with PtyTerm([str(BRIEFING), str(seed)], columns=120, lines=40, env=env) as term:
        status = term.wait_exit(timeout=30)  # as soon as it ends; a machine under load takes its time
    raw = bytes(term.raw)
    assert status == 1
    assert b"Traceback" not in raw
    assert b"\x1b]0;not-a-title" not in raw  # the exception's text is sanitized too
    assert raw.count(b"\x1b[?1049l") == 1
    restored = raw.rindex(b"\x1b[?1049l")
    after = raw[restored:]
    assert b"\x1b[?25h" in after  # cursor shown again
    message = after.decode(errors="replace")
    assert (
        f"briefing: an unexpected error stopped the reader: InjectedFault: BRIEFING_FAULT={fault}" in message
    )
    logs = list((state / "briefing").glob("briefing-crash-*.log"))
    assert len(logs) == 1
    assert str(logs[0]) in message
    log = logs[0].read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log and "InjectedFault" in log


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_a_termination_signal_restores_the_terminal(signame: str) -> None:
    import signal

    signum = getattr(signal, signame)
    with PtyTerm([str(BRIEFING), str(CASES / "markup-brackets-and-backslashes.yaml")], 120, 40) as term:
        term.wait_for("Title", timeout=SETTLE)
        term.wait_quiet(0.3, timeout=2)
        os.kill(term.pid, signum)
        status = term.wait_exit(timeout=5)
    raw = bytes(term.raw)
    assert status == 128 + signum
    assert raw.count(b"\x1b[?1049l") == 1
    assert b"\x1b[?25h" in raw[raw.rindex(b"\x1b[?1049l") :]


def test_searching_a_hostile_document_and_its_palette_stay_inert() -> None:
    with PtyTerm([str(BRIEFING), str(CASES / "term-osc52-clipboard.yaml")], columns=120, lines=40) as term:
        term.wait_for("Title", timeout=SETTLE)
        term.wait_quiet(0.3, timeout=2)
        # the search bar, the palette, then the results screen across documents
        for keys in ("/", "52;c", "\r", "\x1b", "\x10", "claim", "\x1b", "F", "SGFja2V", "\x1b"):
            term.send(keys)
            term.wait_quiet(0.3, timeout=2)
            if keys == "\r":
                assert "1/3" in term.text()  # three matches of the document's escape sequences
            if keys == "SGFja2V":
                assert "␛]52;c;SGFja2VkIQ==␇" in term.text()  # the hits, shown inert
        term.send("q")
        assert term.wait_exit(timeout=3) == 0
    assert_terminal_clean(bytes(term.raw), [b"\x1b]52"])


def test_wide_characters_and_emoji_keep_highlights_and_borders_on_the_right_cells() -> None:
    """Before and inside a mention: CJK, Hangul, fullwidth letters, emoji sequences, a flag."""
    with PtyTerm([str(BRIEFING), str(CASES / "unicode-wide-mentions.yaml")], columns=120, lines=40) as term:
        term.wait_for("Title", timeout=SETTLE)
        term.wait_quiet(0.3, timeout=2)
        term.send("]")  # the claim becomes current: its span is drawn bold
        term.wait_quiet(0.3, timeout=2)
        screen = term.screen
        term.send("q")
        assert term.wait_exit(timeout=3) == 0
    rows = dict(enumerate(term.rows()))
    text_pane = {y: line[:60] for y, line in rows.items()}  # the text pane, left of the claim pane
    mention_y = next(y for y, line in text_pane.items() if "習近平" in line)
    claim_y = next(y for y, line in text_pane.items() if "the troops will leave" in line)
    right = next(x for x in range(screen.columns) if screen.buffer[0][x].data == "╮")
    for y in range(mention_y - 4, claim_y + 2):  # every text row ends on the pane's right border
        assert screen.buffer[y][right].data == "│", f"row {y} lost its border: {rows[y]!r}"

    def cells(y: int, text: str) -> list[object]:
        row = screen.buffer[y]
        data = [row[x].data for x in range(screen.columns)]
        for x in range(screen.columns):
            # a wide character fills its cell and leaves the next one empty
            if "".join(d for d in data[x : x + 2 * len(text)])[: len(text)] == text:
                return [row[x + i] for i in range(len(text))]
        raise AssertionError(f"{text!r} not in row {y}")

    def style(cell: object) -> tuple[object, ...]:
        return (cell.fg, cell.bold, cell.underscore)  # type: ignore[attr-defined]

    mention, before = cells(mention_y, "習近平"), cells(mention_y, "前文")
    assert style(mention[0]) != style(before[0]), "the mention is not highlighted on its own cells"
    assert mention[0].data == "習"  # type: ignore[attr-defined]
    claim, ahead = cells(claim_y, "the troops"), cells(claim_y, "中文")
    assert claim[0].bold and not ahead[0].bold  # type: ignore[attr-defined]


# --- files the loader refuses: their errors printed, no full screen; heavy ones: the reader settles ---

REFUSED_CASES = [
    "yaml-alias-bomb.yaml",
    "yaml-deep-nesting-flow.yaml",
    "yaml-non-utf8.yaml",
    "yaml-raw-control-bytes.yaml",
    "yaml-bad-ids.yaml",
    "anchor-dangling-references.yaml",
]
READER_CASES = {
    "anchor-thousands-overlapping.yaml": "Anchoring",
    "anchor-cuts-grapheme.yaml": "Anchoring",
}


def _refused(path: Path) -> bytes:
    """``briefing PATH`` on what cannot be opened: the errors printed inert, exit 1, never full screen."""
    with PtyTerm([str(BRIEFING), str(path)], columns=120, lines=40) as term:
        status = term.wait_exit(timeout=SETTLE + 2)
        term.wait_quiet(0.1, timeout=1)  # what is still in the pty after the exit
    raw = bytes(term.raw)
    assert status == 1, raw[-500:]
    assert b"\x1b" not in raw and not re.search(rb"\xc2[\x80-\x9f]", raw)  # no full screen, nothing raw
    assert re.search(rb":\d+:\d+: error: ", raw) and raw.rstrip().endswith(
        b"briefing: nothing could be opened"
    )
    return raw


@pytest.mark.parametrize("name", REFUSED_CASES)
def test_a_refused_file_prints_its_errors_without_full_screen(name: str) -> None:
    _refused(CASES / name)


def _settles(argv_path: Path, needle: str) -> PtyTerm:
    with PtyTerm([str(BRIEFING), str(argv_path)], columns=120, lines=40) as term:
        term.wait_for(needle, timeout=SETTLE)
        term.wait_quiet(0.2, timeout=2)
        term.send("G")  # to the end of whatever is shown
        term.wait_quiet(0.2, timeout=2)
        term.send("q")
        assert term.wait_exit(timeout=3) == 0, term.text()
    assert_terminal_clean(bytes(term.raw))
    return term


@pytest.mark.parametrize("name", sorted(READER_CASES))
def test_the_reader_settles_on_a_refused_or_heavy_file(name: str) -> None:
    _settles(CASES / name, READER_CASES[name])


def test_the_reader_settles_on_a_fifo_a_device_and_a_long_line(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    _refused(fifo)
    _refused(Path("/dev/zero"))
    long_line = tmp_path / "long.yaml"
    long_line.write_text(
        "format: 1\nid: long\ntitle: Long\nlanguage: en\ntext: '" + "x" * 2_000_000 + "'\n", encoding="utf-8"
    )
    _settles(long_line, "xxxxxxxx")


def test_a_source_name_with_look_alike_letters_is_flagged() -> None:
    _term, screens, _ = _open(CASES / "unicode-homoglyph-host.yaml")  # ] then s: the source's entry
    flat = _flat("\n".join(line[72:] for line in screens[-1].splitlines()))  # the claim pane only
    assert _flat("⚠ look-alike letters (Cyrillic+Latin) in 'Dерartment': ер") in flat


# --- live reload in the installed reader ---------------------------------------------------------


def test_live_reload_in_a_real_terminal(tmp_path: Path) -> None:
    path = tmp_path / "doc.yaml"
    original = (CASES / "markup-brackets-and-backslashes.yaml").read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    with PtyTerm([str(BRIEFING), str(path)], columns=120, lines=40) as term:
        term.wait_for("Title", timeout=SETTLE)
        path.write_text(
            original.replace("Briefing. ", "Reloaded \\x1b]0;t\\x07 briefing. "), encoding="utf-8"
        )
        term.wait_for("Reloaded ␛]0;t␇ briefing.", timeout=5)
        path.write_text("format: 1\nid: [broken\n", encoding="utf-8")
        term.wait_for("Press e for details", timeout=5)
        assert "Reloaded ␛]0;t␇ briefing." in term.text()  # the last good version stays
        path.unlink()
        term.wait_for("deleted", timeout=5)
        term.send("q")
        assert term.wait_exit(timeout=3) == 0
    assert_terminal_clean(bytes(term.raw), [b"\x1b]0;t"])


def test_every_pane_of_a_small_terminal_shows_a_hostile_document_inert() -> None:
    """80x24: one pane at a time; tab through all of them with a claim and its source shown."""
    with PtyTerm([str(BRIEFING), str(CASES / "term-osc-title.yaml")], columns=80, lines=24) as term:
        term.wait_for("Title", timeout=SETTLE)
        term.wait_quiet(0.2, timeout=2)
        seen = []
        for key in "]s" + "\t" * 4:
            term.send(key)
            term.wait_quiet(0.15, timeout=2)
            seen.append(term.text())
        term.send("q")
        assert term.wait_exit(timeout=3) == 0
    assert_terminal_clean(bytes(term.raw), [b"\x1b]0;PWNED", b"\x1b]2;PWNED"])
    assert any("␛]0;PWNED-TITLE␇" in screen for screen in seen)


def test_a_byte_from_the_terminal_that_is_not_utf8_is_a_key_that_does_nothing() -> None:
    """A terminal set to Latin-1, or a key sent with its eighth bit set: the reader goes on taking keys
    (Textual's driver stopped reading them, with a traceback)."""
    with PtyTerm([str(BRIEFING)], columns=120, lines=40) as term:
        term.wait_for("claims. Press ]", timeout=SETTLE)
        term.send(b"\xe9\xff\x80")
        term.send("]")
        term.wait_for("claim 1 of 15", timeout=SETTLE)
        term.send("q")
        status = term.wait_exit(timeout=10)
    raw = bytes(term.raw)
    assert status == 0
    assert b"Traceback" not in raw and b"UnicodeDecodeError" not in raw
