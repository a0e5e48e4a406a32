"""Every command on every hostile case: no raw control character reaches standard output or error.

The commands run in this process (one interpreter start for the whole corpus) with their streams
captured as bytes, as a terminal or a pipe would receive them; a few run as the installed
``briefing`` too. Forbidden: C0 controls but newline and tab, DEL, C1 controls, ESC (but the colours
``search --color always`` sends itself), bidi controls and line separators.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.hostile import make_corpus
from tests.hostile.common import BRIEFING, CASES, cases

from briefing_tui.cli import main
from briefing_tui.files import load_paths
from briefing_tui.startup import SMALL, total_size

RAW_CONTROL = re.compile(
    rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xd8\x9c|\xe2\x80[\x8e\x8f\xa8-\xae]|\xe2\x81[\xa6-\xa9]"
)
OWN_COLOURS = re.compile(rb"\x1b\[(?:35|32|1;31|36|0)m")  # the program's own SGR (console.STYLES)
EXPORTS = ["claimreview", "w3c", "timelinejs", "markdown", "html"]


class _Stream(io.TextIOWrapper):
    def __init__(self, terminal: bool) -> None:
        super().__init__(io.BytesIO(), encoding="utf-8", errors="strict", write_through=True)
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal

    def bytes(self) -> bytes:
        self.flush()
        return self.buffer.getvalue()  # type: ignore[attr-defined]


def run(monkeypatch: pytest.MonkeyPatch, *argv: str, terminal: bool = False) -> tuple[int, bytes, bytes]:
    out, err = _Stream(terminal), _Stream(terminal)
    with monkeypatch.context() as patch:
        patch.setattr(sys, "stdout", out)
        patch.setattr(sys, "stderr", err)
        code = main(list(argv))
    return code, out.bytes(), err.bytes()


def assert_inert(what: str, data: bytes) -> None:
    found = RAW_CONTROL.search(OWN_COLOURS.sub(b"", data))
    assert found is None, f"{what}: raw {found.group()!r} in {data[max(0, found.start() - 80) :][:200]!r}"
    assert b"Traceback" not in data, f"{what}: {data[-600:]!r}"


def check(monkeypatch: pytest.MonkeyPatch, *argv: str, codes: tuple[int, ...] = (0, 1)) -> bytes:
    """Run ``briefing ARGV`` to a pipe and to a terminal; both streams inert each time; the output."""
    seen = b""
    for terminal in (False, True):
        code, out, err = run(monkeypatch, *argv, terminal=terminal)
        name = f"briefing {' '.join(argv)} ({'terminal' if terminal else 'pipe'})"
        assert code in codes, f"{name}: exit {code}: {err[-400:]!r}"
        assert_inert(f"{name}, stdout", out)
        assert_inert(f"{name}, stderr", err)
        seen = out
    return seen


@pytest.mark.parametrize("name", cases())
def test_every_command_on_a_hostile_case_prints_nothing_raw(
    name: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    case = str(CASES / name)
    check(monkeypatch, "validate", case)
    check(monkeypatch, "validate", "--format", "json", case)
    check(monkeypatch, "search", "--color", "always", "-C", "30", "e", case, codes=(0, 1, 2))
    check(monkeypatch, "search", "--count", "--ids", "a", case, codes=(0, 1, 2))
    loads = bool(load_paths([CASES / name]).documents)
    for fmt in EXPORTS:
        check(monkeypatch, "export", fmt, case)
    check(monkeypatch, "export", "brat", case, "-o", str(tmp_path / "out"), "--force")
    empty = tmp_path / "none.json"
    empty.write_text("[]", encoding="utf-8")
    check(monkeypatch, "import", "w3c", str(empty), "--onto", case)
    if loads:
        reviews = tmp_path / "reviews.json"
        reviews.write_bytes(check(monkeypatch, "export", "claimreview", case))
        check(monkeypatch, "import", "claimreview", str(reviews))  # its strings back in YAML
        check(monkeypatch, "import", "claimreview", str(reviews), "--onto", case)
    elif total_size([CASES / name]) < SMALL:  # read before the reader would start
        check(monkeypatch, case)  # nothing opens: the errors are printed, no reader


def test_the_schema_and_the_usage_print_nothing_raw(monkeypatch: pytest.MonkeyPatch) -> None:
    check(monkeypatch, "schema")
    check(monkeypatch, "--help")
    check(monkeypatch, "--version")
    check(monkeypatch, "export", "--help")
    check(monkeypatch, "search", "\x1b]0;PWNED\x07", "--bogus\x9b2J", codes=(2,))


PWNED_RATING = """format: 1
id: pwned
title: t
language: en
text: hello world
claims:
  - id: c1
    span: {quote: hello}
    verdict: {rating: "x\\e]0;PWNED\\a\\u202e\\u009b2J"}
"""


@pytest.mark.parametrize("command", [["export", "markdown"], ["export", "claimreview"], ["validate"]])
def test_the_installed_command_prints_a_hostile_rating_inert(command: list[str], tmp_path: Path) -> None:
    """The rating is refused; its message quotes it: inert on standard error, as ␛ and ␇."""
    path = tmp_path / "pwned.yaml"
    path.write_text(PWNED_RATING, encoding="utf-8")
    result = subprocess.run(
        [str(BRIEFING), *command, str(path)], capture_output=True, timeout=10, check=False
    )
    assert result.returncode == 1
    both = result.stdout + result.stderr
    assert_inert(" ".join(command), both)
    assert "unknown rating 'x␛]0;PWNED␇⇄�2J'" in both.decode("utf-8")


def test_the_installed_import_prints_hostile_problems_inert(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(make_corpus.document("\x1b]52;c;QQ==\x07 \x9b2J \u202eevil"), encoding="utf-8")
    reviews = tmp_path / "reviews.json"
    exported = subprocess.run(
        [str(BRIEFING), "export", "claimreview", str(hostile), "-o", str(reviews)],
        capture_output=True,
        timeout=10,
        check=False,
    )
    assert exported.returncode == 0, exported.stderr
    data = json.loads(reviews.read_text(encoding="utf-8"))
    data[0]["reviewRating"]["alternateName"] = "\x1b]0;PWNED\x07"  # a rating that cannot be read
    reviews.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run(
        [str(BRIEFING), "import", "claimreview", str(reviews)], capture_output=True, timeout=10, check=False
    )
    assert_inert("import stdout", result.stdout)
    assert_inert("import stderr", result.stderr)
