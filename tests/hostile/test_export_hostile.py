"""Exports of hostile documents: nothing unsafe reaches the terminal, nothing escapes its syntax."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from tests.hostile import make_corpus
from tests.hostile.common import BRIEFING, UNSAFE_OUTPUT

PAYLOAD = (
    '<script>alert(1)</script> "><img src=x onerror=alert(1)> [x](javascript:alert(1)) '
    "\x1b]52;c;QQ==\x07 \x9b2J \u202eevil \u2028 [bold]b[/]"
)
JSON_FORMATS = ["claimreview", "w3c", "timelinejs"]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "hostile.yaml"
    path.write_text(make_corpus.document(PAYLOAD, url="https://example.com/"), encoding="utf-8")
    return path


def _export(fmt: str, path: Path) -> bytes:
    result = subprocess.run(
        [str(BRIEFING), "export", fmt, str(path)], capture_output=True, timeout=5, check=False
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert b"Traceback" not in result.stderr
    return result.stdout


@pytest.mark.parametrize("fmt", [*JSON_FORMATS, "markdown", "html"])
def test_an_export_to_the_terminal_holds_no_control_sequence(fmt: str, hostile: Path) -> None:
    out = _export(fmt, hostile)
    assert not UNSAFE_OUTPUT.search(out), f"unsafe bytes in the {fmt} export: {out[:300]!r}"
    assert b"\xe2\x80\xa8" not in out  # a raw line separator


@pytest.mark.parametrize("fmt", JSON_FORMATS)
def test_a_json_export_cannot_close_the_script_block_it_is_embedded_in(fmt: str, hostile: Path) -> None:
    out = _export(fmt, hostile)
    assert b"</script" not in out.lower() and b"<" not in out
    data = json.loads(out)
    assert "<script>alert(1)</script>" in json.dumps(data, ensure_ascii=False)  # the same data, escaped


def test_html_and_markdown_exports_keep_document_markup_inert(hostile: Path) -> None:
    html = _export("html", hostile)
    assert b"<script>alert(1)" not in html and b"onerror=alert(1)>" not in html
    assert b'href="javascript' not in html.lower()
    markdown = _export("markdown", hostile)
    assert b"](javascript:alert(1))" not in markdown.replace(b"\\]", b"")  # the link syntax is escaped


def test_a_javascript_address_is_never_a_link(tmp_path: Path) -> None:
    path = tmp_path / "js.yaml"
    path.write_text(make_corpus.document("", url="javascript:alert(1)//"), encoding="utf-8")
    for fmt in ("markdown", "html"):
        out = _export(fmt, path).lower()
        assert b"(<javascript" not in out and b'href="javascript' not in out
