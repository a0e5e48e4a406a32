"""A Markdown report: the article with claims footnoted to their sources and verdicts, the entity
index and the timeline, ready to paste into a newsletter.

Document text is escaped wherever Markdown would read it as syntax: inline punctuation
(``\\ ` * _ [ ] < > | ~ & !``) everywhere, block markers (``#``, ``>``, ``-``, ``+``, ``=``,
``1.``, indentation) at the start of a line, so that the text shows as written and raw HTML in a
document never reaches a renderer.
"""

from __future__ import annotations

import re

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

_INLINE = re.compile(r"([\\`*_\[\]<>|~&!])")


def escape(value: str, *, at_line_start: bool = True) -> str:
    """Escape Markdown syntax in ``value``; ``at_line_start`` says whether it begins a line."""
    out = []
    for n, part in enumerate(_INLINE.sub(r"\\\1", value).split("\n")):
        if n or at_line_start:
            indent = len(part) - len(part.lstrip(" \t"))
            part = "\u00a0" * indent + part[indent:]  # four spaces would make a code block
            part = re.sub(r"^(\u00a0*)([#>+=-])", r"\1\\\2", part)
            part = re.sub(r"^(\u00a0*\d+)([.)])", r"\1\\\2", part)
        out.append(part)
    return "\n".join(out)


def _cell(value: str) -> str:
    return escape(value.replace("\n", " "), at_line_start=False)


def _link(text: str, url: str | None) -> str:
    shown = escape(text, at_line_start=False)
    # http(s) only, percent-encoded: no javascript: link, no control sequence, no way out of (<...>)
    safe = link_target(url) if url else None
    if safe is None:
        return shown
    return f"[{shown}](<{safe}>)"


def _article(doc: Document) -> str:
    parts = []
    for seg in segments(doc):
        at_start = seg.start == 0 or doc.text[seg.start - 1] == "\n"
        text = escape(seg.text, at_line_start=at_start)
        text = re.sub(r"(?<=[^\n])\n(?=[^\n])", "\\\\\n", text)  # a single newline is a hard break
        parts.append(text + "".join(f"[^{n}]" for n in seg.ends))
    return "".join(parts)


def export_markdown(doc: Document) -> str:
    """The whole report as Markdown text."""
    out = [f"# {escape(line(doc.title), at_line_start=False)}", ""]
    meta = [line(x) for x in (doc.publisher, published(doc), ", ".join(doc.authors)) if x]
    if doc.url:
        meta.append(_link(line(doc.url), doc.url if doc.url.startswith(("http://", "https://")) else None))
    if meta:
        out += [" · ".join(m if m.startswith("[") else escape(m, at_line_start=False) for m in meta), ""]
    if doc.note:
        out += [f"*{escape(line(doc.note), at_line_start=False)}*", ""]
    out += ["## Article", "", _article(doc), ""]
    notes = footnoted(doc)
    if notes:
        out += ["## Claims", ""]
        for n, claim in notes:
            head = escape(line(claim.gloss) or quote(doc, claim).replace("\n", " "), at_line_start=False)
            name = escape(line(claim.id), at_line_start=False)
            body = [f"[^{n}]: **{name}** {head} — *{_cell(verdict_line(claim))}*"]
            if claim.verdict is not None and claim.verdict.explanation:
                body.append(f"    {_cell(block(claim.verdict.explanation))}")
            if not claim.span.anchored:
                body.append(f"    (not found in the text: “{_cell(quote(doc, claim))}”)")
            for note in (anchor_note(claim.span), unverified_note(claim.unverified)):
                if note:
                    body.append(f"    ({_cell(note)})")
            for ref in claim.sources:
                desc, url, passage = source_parts(doc, ref)
                extra = f": “{_cell(passage)}”" if passage else ""
                body.append(f"    - {_link(desc, url)}{extra}")
            out += body + [""]
    if doc.entities:
        out += [
            "## Entities",
            "",
            "| name | type | mentions | description | Wikidata |",
            "|---|---|---|---|---|",
        ]
        for entity, wikidata in entity_rows(doc):
            page = wikidata_url(wikidata)
            qid = f"[{wikidata}](<{page}>)" if page else _cell(line(wikidata))
            doubt = f" ({_cell(unverified_note(entity.unverified))})" if entity.unverified else ""
            out.append(
                f"| {_cell(line(entity.name))}{doubt} | {_cell(line(entity.type))} | "
                f"{len(entity.mentions)} | "
                f"{_cell(block(entity.description))} | {qid} |"
            )
        out.append("")
    rows = timeline(doc)
    if rows:
        out += ["## Timeline", ""]
        for shown, ev in rows:
            where = " (background)" if ev.background else ""
            refs = "; ".join(_link(*source_parts(doc, r)[:2]) for r in ev.sources)
            tail = f" — {refs}" if refs else ""
            doubt = unverified_note(ev.unverified)
            doubt = f" ({_cell(doubt)})" if doubt else ""
            out.append(f"- **{_cell(shown)}** {_cell(line(ev.label))}{where}{doubt}{tail}")
        out.append("")
    return "\n".join(out)
