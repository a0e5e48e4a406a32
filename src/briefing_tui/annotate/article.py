"""Reading an article: plain text, Markdown or a saved HTML page, into the text a briefing shows.

For HTML, trafilatura extracts the title, body, date, author and address; the text kept is exactly
what the briefing shows, so every offset found later points into it. Nothing is fetched: a URL is
refused before any file is opened.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing_tui.annotate.errors import INSTALL, AnnotateError, MissingExtra
from briefing_tui.display import display_path

MAX_HTML_BYTES = 20 * 1024 * 1024  # a saved page larger than this is refused, not parsed for minutes
MAX_TEXT_CHARS = 5 * 1024 * 1024  # about ten minutes of annotation on one core; split larger texts
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
SUFFIXES = HTML_SUFFIXES + TEXT_SUFFIXES
_URL = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)")
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(slots=True)
class Article:
    """What an article file gives: its text and what is known about it."""

    path: Path
    text: str
    title: str
    published: str | None = None  # EDTF, from the page (or --published, set by the caller)
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str = ""


def is_url(argument: str) -> bool:
    """An address rather than a file name: refused, the page must be saved first."""
    return bool(_URL.match(argument))


def is_article(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def read_article(path: Path) -> Article:
    """Read ``path`` by its suffix. Raises AnnotateError (or MissingExtra) with a message for a person."""
    shown = display_path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise AnnotateError(f"{shown}: cannot read: {exc.strerror or exc}") from None
    if path.is_dir():
        raise AnnotateError(f"{shown} is a folder; give the article files")
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        if size > MAX_HTML_BYTES:
            raise AnnotateError(
                f"{shown}: {size / 1e6:.0f} MB is too large for a page (the limit is "
                f"{MAX_HTML_BYTES // 2**20} MiB); save the article alone, or its text as .txt"
            )
        return _read_html(path, _read_bytes(path))
    if size > MAX_TEXT_CHARS * 4:
        raise AnnotateError(f"{shown}: {size / 1e6:.0f} MB is too large; split the text into articles")
    text = _decode_text(path, _read_bytes(path))
    if len(text) > MAX_TEXT_CHARS:
        raise AnnotateError(f"{shown}: {len(text):,} characters is too long; split the text into articles")
    return Article(path, text, _text_title(path, text))


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise AnnotateError(f"{display_path(path)}: cannot read: {exc.strerror or exc}") from None


def _decode_text(path: Path, data: bytes) -> str:
    if b"\x00" in data[:65536]:
        raise AnnotateError(f"{display_path(path)}: this is not text (it holds NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AnnotateError(
            f"{display_path(path)}: not UTF-8 (byte {exc.start}); convert it first, "
            f"e.g. iconv -f windows-1252 -t utf-8"
        ) from None
    # CRLF would shift every offset against what an editor shows; the briefing keeps LF.
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n"))


def _text_title(path: Path, text: str) -> str:
    """The first line when it reads like a title (a Markdown heading, or a short line); else the name."""
    for line in text.split("\n", 5)[:5]:
        line = line.strip()
        if not line:
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            return heading.group(1)
        return line if len(line) <= 200 else path.stem
    return path.stem


def _paragraphs(body: Any, text: str) -> str:
    """The page's text with a blank line between its blocks, as in a .txt article: the title (its
    heading), each heading, each paragraph and each list item a paragraph of its own, so that no
    sentence runs from one into the next. A line break inside a paragraph (``<br>``) stays a single
    ``\n``. Without the extracted tree, each line of ``text`` is taken for a block."""
    blocks: list[str] = []
    try:
        from trafilatura.xml import xmltotxt  # deferred: trafilatura is an optional extra, loaded with it
    except ImportError:
        body = None
    if body is None or not len(body):
        blocks = text.split("\n")
    else:
        for element in body:
            block = xmltotxt(element, False) or ""
            blocks += [block] if element.tag in ("p", "head") else block.split("\n")
    kept = ("\n".join(line.strip() for line in block.strip().split("\n")) for block in blocks)
    return "\n\n".join(block for block in kept if block)


def _read_html(path: Path, data: bytes) -> Article:
    shown = display_path(path)
    try:
        import trafilatura
    except ImportError:
        raise MissingExtra(f"reading HTML needs trafilatura: {INSTALL}") from None
    head = data[:4096].lstrip().lower()
    if b"\x00" in data[:65536] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise AnnotateError(f"{shown}: this is not an HTML page (it holds NUL bytes)")
    if b"<" not in data[:65536]:
        raise AnnotateError(f"{shown}: this is not an HTML page (no tags); rename it .txt if it is text")
    try:
        found = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            deduplicate=False,
            # the page's own date (its metadata, markup or address), never a date read in its text:
            # that is the date of an event it reports, and relative dates would count from it
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, RecursionError, MemoryError) as exc:
        raise AnnotateError(f"{shown}: the page cannot be read ({type(exc).__name__})") from None
    if found is None:
        raise AnnotateError(f"{shown}: no article text found in this page; save the article's own page")
    meta = found.as_dict() if hasattr(found, "as_dict") else dict(found)
    text = _paragraphs(getattr(found, "body", None), str(meta.get("text") or ""))
    text = unicodedata.normalize("NFC", text)
    if not text:
        raise AnnotateError(f"{shown}: no article text found in this page; save the article's own page")
    if len(text) > MAX_TEXT_CHARS:
        raise AnnotateError(f"{shown}: {len(text):,} characters of text is too long; save one article")
    date = str(meta.get("date") or "")
    url = str(meta.get("url") or "")
    author = str(meta.get("author") or "")
    return Article(
        path,
        text,
        str(meta.get("title") or "").strip() or _text_title(path, text),
        published=date[:10] if _ISO_DAY.match(date) else None,
        url=url if url.startswith(("https://", "http://")) else None,
        authors=[a.strip() for a in author.split(";") if a.strip()],
        publisher=str(meta.get("sitename") or ""),
    )
