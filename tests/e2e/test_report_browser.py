"""The HTML report in a real browser: headless Chromium renders the title, claims, verdicts and timeline,
its Content-Security-Policy blocks nothing the page needs, and the console shows no error.

Skipped only where no Chromium is installed (``.ci/run`` installs Debian's ``chromium``).
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from briefing_tui.formats.html_report import export_html
from briefing_tui.model import RATINGS, load_document

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "niger-us-withdrawal.yaml"
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium)"),
]


def _open(page: Path, profile: Path) -> tuple[str, str]:
    """The DOM Chromium built from ``page``, and its log (console messages, CSP refusals)."""
    assert CHROMIUM is not None
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
         f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=2000",
         "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    return result.stdout, result.stderr


def _problems(log: str) -> list[str]:
    """Console messages in Chromium's log: the page has no script, so any is a problem (a CSP refusal too)."""
    return [line for line in log.splitlines() if re.search(r":CONSOLE[(:]", line) or "Refused to" in line]


def _text(dom: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", dom))


def test_the_report_renders_its_parts_and_nothing_is_refused(tmp_path: Path) -> None:
    doc = load_document(SEED)
    page = tmp_path / "report.html"
    page.write_text(export_html(doc), encoding="utf-8")
    dom, log = _open(page, tmp_path / "profile")
    assert "<h1>" in dom, log[-2000:]
    text = " ".join(_text(dom).split())
    assert " ".join(doc.title.split()) in text
    for claim in doc.claims:
        assert claim.id in text
        if claim.verdict is not None:
            assert RATINGS[claim.verdict.rating].label in text
    assert "Timeline" in text and "unverified: occurred" in text
    assert all(" ".join(ev.label.split()) in text for ev in doc.events)
    assert _problems(log) == []


def test_a_blocked_resource_would_be_seen(tmp_path: Path) -> None:
    """The check above can fail: a script the policy forbids is reported in the log."""
    doc = load_document(SEED)
    page = tmp_path / "report.html"
    page.write_text(
        export_html(doc).replace("</body>", "<script>console.log(1)</script></body>"), encoding="utf-8"
    )
    _, log = _open(page, tmp_path / "profile")
    assert _problems(log) != []
