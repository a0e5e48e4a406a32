"""An HTML report: one self-contained file (inline CSS, no script, no external resource).

Every document string is escaped (``html.escape`` with quotes) after ``display.sanitize``; links are
written only for ``http``/``https`` addresses; a Content-Security-Policy forbids scripts and any
load from elsewhere, so that even a mistake here could not run code.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from briefing_tui.addresses import link_target
from briefing_tui.formats.report import (
    anchor_note,
    block,
    entity_rows,
    footnoted,
    line,
    published,
    quote,
    segments,
    source_parts,
    timeline,
    unverified_note,
    verdict_line,
    wikidata_url,
)
from briefing_tui.model.types import Document
from briefing_tui.resources import styles_dir

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


@lru_cache(maxsize=1)
def report_css() -> str:
    """The report's stylesheet (``styles/report.css``), written inline into the report."""
    text = (styles_dir() / "report.css").read_text(encoding="utf-8")
    return text.split("*/", 1)[1].strip()


def esc(value: str) -> str:
    return html.escape(value, quote=True)


def _a(text: str, url: str | None) -> str:
    target = link_target(url) if url else None  # http(s) only, punycode host, percent-encoded
    if target is None:
        return esc(text)
    return f'<a href="{esc(target)}" rel="noopener noreferrer nofollow">{esc(text)}</a>'


def _article(doc: Document) -> str:
    parts = []
    for seg in segments(doc):
        text = esc(seg.text)
        if seg.claims:
            cls = ' class="nested"' if len(seg.claims) > 1 else ""
            ids = " ".join(f"c{n}" for n in seg.claims)
            text = f'<mark{cls} data-claims="{ids}">{text}</mark>'
        parts.append(text)
        parts += [f'<sup id="ref-{n}"><a href="#fn-{n}">[{n}]</a></sup>' for n in seg.ends]
    return "".join(parts)


def export_html(doc: Document) -> str:
    """The whole report as one HTML file."""
    lang = doc.language if re.fullmatch(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", doc.language or "") else "und"
    title = esc(line(doc.title))
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{title}</title>",
        f"<style>\n{report_css()}\n</style>",
        "</head>",
        "<body>",
        f"<h1>{title}</h1>",
    ]
    meta = [esc(line(x)) for x in (doc.publisher, published(doc), ", ".join(doc.authors)) if x]
    if doc.url:
        meta.append(_a(line(doc.url), doc.url))
    if meta:
        out.append(f'<p class="meta">{" · ".join(meta)}</p>')
    if doc.note:
        out.append(f'<p class="meta">{esc(line(doc.note))}</p>')
    out += ["<h2>Article</h2>", f'<div class="article">{_article(doc)}</div>']
    notes = footnoted(doc)
    if notes:
        out += ["<h2>Claims</h2>", '<ol class="claims">']
        for n, claim in notes:
            head = esc(line(claim.gloss) or quote(doc, claim))
            item = [f'<li id="fn-{n}"><b>{esc(line(claim.id))}</b> {head} ',
                    f'<span class="verdict">— {esc(verdict_line(claim))}</span>']  # fmt: skip
            if claim.verdict is not None and claim.verdict.explanation:
                item.append(f"<br>{esc(block(claim.verdict.explanation))}")
            if not claim.span.anchored:
                item.append(
                    f'<br><span class="orphan">not found in the text: “{esc(quote(doc, claim))}”</span>'
                )
            for cls, note in (
                ("approximate", anchor_note(claim.span)),
                ("unverified", unverified_note(claim.unverified)),
            ):
                if note:
                    item.append(f'<br><span class="{cls}">{esc(note)}</span>')
            if claim.sources:
                item.append("<ul>")
                for ref in claim.sources:
                    desc, url, passage = source_parts(doc, ref)
                    extra = f": “{esc(passage)}”" if passage else ""
                    item.append(f"<li>{_a(desc, url)}{extra}</li>")
                item.append("</ul>")
            if claim.span.anchored:
                item.append(f' <a href="#ref-{n}" aria-label="back to the text">↩</a>')
            out.append("".join(item) + "</li>")
        out.append("</ol>")
    if doc.entities:
        heads = "".join(f"<th>{h}</th>" for h in ("name", "type", "mentions", "description", "Wikidata"))
        out += ["<h2>Entities</h2>", "<table>", f"<tr>{heads}</tr>"]
        for entity, wikidata in entity_rows(doc):
            page = wikidata_url(wikidata)
            qid = _a(wikidata, page) if page else esc(line(wikidata))
            doubt = unverified_note(entity.unverified)
            doubt = f' <span class="unverified">({esc(doubt)})</span>' if doubt else ""
            out.append(
                f"<tr><td>{esc(line(entity.name))}{doubt}</td><td>{esc(line(entity.type))}</td>"
                f"<td>{len(entity.mentions)}</td><td>{esc(block(entity.description))}</td><td>{qid}</td></tr>"
            )
        out.append("</table>")
    rows = timeline(doc)
    if rows:
        out += ["<h2>Timeline</h2>", '<ul class="timeline">']
        for shown, ev in rows:
            cls = ' class="background"' if ev.background else ""
            refs = "; ".join(_a(*source_parts(doc, r)[:2]) for r in ev.sources)
            tail = f" — {refs}" if refs else ""
            doubt = unverified_note(ev.unverified)
            doubt = f' <span class="unverified">({esc(doubt)})</span>' if doubt else ""
            out.append(f"<li{cls}><b>{esc(shown)}</b> {esc(line(ev.label))}{doubt}{tail}</li>")
        out.append("</ul>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)
