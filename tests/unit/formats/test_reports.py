"""Markdown and HTML reports: structure, escaping of hostile document text, self-contained HTML."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from briefing_tui.formats.common import exact_span
from briefing_tui.formats.html_report import export_html
from briefing_tui.formats.markdown import escape, export_markdown
from briefing_tui.model import Claim, Document, Entity, Event, Rating, Source, SourceRef, Verdict
from briefing_tui.model.dates import parse_edtf

HOSTILE = (
    '<script>alert("x")</script> <img src=x onerror=alert(1)> "quoted" & more\n'
    "# not a title\n"
    "    not code\n"
    "1. not a list\n"
    "[click](javascript:alert(1)) *not bold* `not code` | not a cell |\n"
    "</style></div><!-- comment --> \x1b[31m red \u202e reversed"
)


def _hostile_doc() -> Document:
    doc = Document(Path("h.yaml"), "h", "<b>Title</b> & </title><script>x</script>", 'fr" onload="x', HOSTILE)
    doc.url = "javascript:alert(document.cookie)"
    doc.note = "</p><script>note</script> *not em* \x1b[31m"
    doc.entities = [
        Entity(
            "e1",
            "<i>Evil</i>",
            "person<script>",
            description="</td><script>1</script>",
            mentions=[exact_span(HOSTILE, 0, 8)],
        )
    ]
    doc.sources = [
        Source("s1", title="<script>t</script>", url="javascript:alert(2)", publisher="P & Q"),
        Source("s2", title="Good", url='https://example.org/"><script>3</script>'),
    ]
    doc.claims = [
        Claim(
            "C<1>",
            exact_span(HOSTILE, 0, 30),
            [SourceRef("s1", passage="<b>p</b>"), SourceRef("s2")],
            Verdict(Rating.FALSE, "<script>why</script>", "2026-11-27"),
            gloss="<u>gloss</u>",
        ),
        Claim("C2", exact_span(HOSTILE, 10, 50)),  # overlaps the first: marks must still nest
    ]
    doc.events = [Event("ev", "<marquee>label</marquee>", parse_edtf("2024-04"), sources=[SourceRef("s2")])]
    return doc


ALLOWED_TAGS = set(
    [
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "h1",
        "h2",
        "p",
        "div",
        "mark",
        "sup",
        "a",
        "ol",
        "li",
        "b",
        "span",
        "br",
        "ul",
        "table",
        "tr",
        "th",
        "td",
    ]
)


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.stack: list[str] = []
        self.balanced = True

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs
        if tag not in ("meta", "br", "img", "link"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.balanced = False


def test_html_escapes_every_document_string() -> None:
    out = export_html(_hostile_doc())
    parser = _Collect()
    parser.feed(out)
    assert set(parser.tags) <= ALLOWED_TAGS
    assert "script" not in parser.tags and "img" not in parser.tags and "marquee" not in parser.tags
    assert not any(name.startswith("on") for name, _ in parser.attrs)
    hrefs = [v or "" for k, v in parser.attrs if k == "href"]
    assert all(h.startswith(("#", "https://")) for h in hrefs)
    assert "javascript:" not in " ".join(hrefs)
    assert parser.balanced and not parser.stack
    assert "&lt;script&gt;" in out and "\x1b" not in out and "\u202e" not in out
    assert '<html lang="und">' in out


def test_html_is_self_contained() -> None:
    out = export_html(_hostile_doc())
    assert "<script" not in out.lower() and "<link" not in out.lower()
    parser = _Collect()
    parser.feed(out)
    assert not any(name in ("src", "srcset", "style") for name, _ in parser.attrs)
    assert "@import" not in out and "url(" not in out
    assert "Content-Security-Policy" in out and "default-src 'none'" in out


def test_html_report_of_the_seed(seed_doc: Document) -> None:
    out = export_html(seed_doc)
    assert out.count('<li id="fn-') == len(seed_doc.claims)
    assert out.count("<sup id=") == sum(c.span.anchored for c in seed_doc.claims)
    assert out.count("<tr><td>") == len(seed_doc.entities)
    assert out.count('<ul class="timeline">') == 1
    assert '<p class="meta">The article is undated.' in out  # the document's note, under its date
    parser = _Collect()
    parser.feed(out)
    assert parser.balanced


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("# heading", "\\# heading"),
        ("> quote", "\\> quote"),
        ("- item", "\\- item"),
        ("1. item", "1\\. item"),
        ("    code", "\u00a0\u00a0\u00a0\u00a0code"),
        ("*bold* _em_ `code`", "\\*bold\\* \\_em\\_ \\`code\\`"),
        ("[a](javascript:x)", "\\[a\\](javascript:x)"),
        ("<script>", "\\<script\\>"),
        ("a | b", "a \\| b"),
        ("AT&T", "AT\\&T"),
        ("plain words, 3-4 and a-b", "plain words, 3-4 and a-b"),
    ],
)
def test_markdown_escape(text: str, shown: str) -> None:
    assert escape(text) == shown


def test_markdown_report_escapes_hostile_text() -> None:
    out = export_markdown(_hostile_doc())
    assert not re.search(r"(?<!\\)<(?!https?://)", out)  # only link destinations in <...>
    assert not re.search(r"(?<!\\)\]\(<?javascript:", out)
    assert "\n\\# not a title" in out and "\n\u00a0\u00a0\u00a0\u00a0not code" in out and "\x1b" not in out
    assert "[^1]" in out and "[^2]" in out


def test_markdown_report_of_the_seed(seed_doc: Document) -> None:
    out = export_markdown(seed_doc)
    anchored = sum(c.span.anchored for c in seed_doc.claims)
    assert len(re.findall(r"\[\^\d+\](?!:)", out)) == anchored
    assert len(re.findall(r"^\[\^\d+\]:", out, re.M)) == len(seed_doc.claims)
    assert "## Entities" in out and "## Timeline" in out
    timeline = out.split("## Timeline")[1]
    assert timeline.index("26 Jul 2023") < timeline.index("16 Sep 2024")
    head = out.split("## Article")[0]
    assert "undated, between 24 Apr 2024 and 19 May 2024" in head and "*The article is undated." in head
    assert "2024-04-24/2024-05-19" not in out  # dates as the reader says them, not as written


def test_a_source_known_only_by_its_copies_links_to_a_copy_and_says_so(seed_doc: Document) -> None:
    out = export_markdown(seed_doc)
    mirror = "https://allafrica.com/stories/202409160276.html"  # S-africom-end: original not found
    assert re.search(r"\(copy\)\]\(<" + re.escape(mirror) + r">\)", out)
    original = "https://www.africom.mil/pressrelease/35519/"  # S-africom-101: the original, no "(copy)"
    assert re.search(r"[^)]\]\(<" + re.escape(original), out)
    assert "azurewebsites" not in out  # its copy is not linked when the original is known
    for claim in seed_doc.claims:
        if claim.verdict:
            assert claim.verdict.info.label in out


@pytest.mark.parametrize("export", [export_html, export_markdown])
def test_both_reports_say_what_is_unverified_and_what_was_anchored_approximately(export) -> None:  # noqa: ANN001
    from briefing_tui.model import AnchorStatus, Span

    text = "The minister said the base will close in May."
    doc = Document(Path("d.yaml"), "d", "Doubts", "en", text)
    claim = Claim(
        "c1", Span(4, 12, AnchorStatus.FUZZY), verdict=Verdict(Rating.FALSE), unverified=["speaker"]
    )
    doc.claims.append(claim)
    event = Event("e1", "The base closes", parse_edtf("2024-05"), mentions=[exact_span(text, 18, 44)])
    event.unverified = ["occurred"]
    doc.events.append(event)
    doc.entities.append(
        Entity("m", "The minister", "person", mentions=[exact_span(text, 0, 12)], unverified=["*"])
    )
    out = export(doc)
    assert "unverified: speaker" in out
    assert "quote found approximately in the text" in out
    assert "The base closes" in out and "(unverified: occurred)" in out
    assert re.search(r"The minister.{0,40}\(unverified\)", out)
