"""What the Markdown and HTML reports share: the article cut at claim boundaries, footnotes, index, timeline.

Every document string is passed through ``display.sanitize`` (controls and bidi overrides become
visible stand-ins, one for one) before a renderer escapes it for its own syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_tui.display import sanitize
from briefing_tui.model.dates import say_date
from briefing_tui.model.doc_meta import published_text
from briefing_tui.model.types import (
    RATINGS,
    AnchorStatus,
    Claim,
    Document,
    Entity,
    Event,
    Source,
    SourceRef,
    Span,
)


def line(value: object) -> str:
    """A single-line field, made safe to show."""
    return sanitize(str(value or ""))


def block(value: object) -> str:
    """A multi-line field, made safe to show (newlines kept)."""
    return sanitize(str(value or ""), multiline=True)


@dataclass
class Segment:
    text: str  # sanitized
    start: int
    claims: list[int]  # footnote numbers of the claims covering the segment
    ends: list[int]  # footnote numbers of the claims ending right after it


def footnoted(doc: Document) -> list[tuple[int, Claim]]:
    """Claims in reading order with their footnote numbers (1-based); unanchored ones last."""
    order = sorted(doc.claims, key=lambda c: (not c.span.anchored, c.span.start, -c.span.end))
    return list(enumerate(order, 1))


def segments(doc: Document) -> list[Segment]:
    """The article cut at every claim start and end, so that marks nest in any renderer.

    One pass over the cuts, keeping the claims open at each: the claims that start and end at a
    cut are looked up by position, not searched for among all claims per cut (which made a report
    of 25,000 claims take minutes).
    """
    text = block(doc.text)
    notes = [
        (n, c) for n, c in footnoted(doc) if c.span.anchored and 0 <= c.span.start <= c.span.end <= len(text)
    ]
    cuts = sorted({0, len(text)} | {c.span.start for _, c in notes} | {c.span.end for _, c in notes})
    starting: dict[int, list[int]] = {}
    ending: dict[int, list[int]] = {}
    for n, c in notes:
        ending.setdefault(c.span.end, []).append(n)
        if c.span.start < c.span.end:  # a claim of zero length covers no segment
            starting.setdefault(c.span.start, []).append(n)
    open_: set[int] = set()
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        open_.difference_update(ending.get(a, ()))
        open_.update(starting.get(a, ()))
        out.append(Segment(text[a:b], a, sorted(open_), list(ending.get(b, ()))))
    if not out:
        out.append(Segment("", 0, [], []))
    # claims of zero length end at their start: put their marks there
    ends_at = {s.start + len(s.text): s for s in reversed(out)}  # the first segment ending there
    for n, c in notes:
        if c.span.start == c.span.end:
            seg = ends_at.get(c.span.start, out[0])
            if n not in seg.ends:
                seg.ends.append(n)
    return out


def quote(doc: Document, claim: Claim) -> str:
    if claim.span.anchored:
        return block(doc.text[claim.span.start : claim.span.end])
    return block(claim.span.selector.exact or "")


def unverified_note(fields: list[str]) -> str:
    """What a report says of a claim's, event's or entity's unverified fields ("" when all are verified)."""
    if not fields:
        return ""
    return "unverified" if "*" in fields else f"unverified: {line(', '.join(fields))}"


def anchor_note(span: Span) -> str:
    """What a report says of a quote found only approximately or in several places ("" when exact)."""
    if span.status is AnchorStatus.FUZZY:
        return "quote found approximately in the text (it differs from the text's words)"
    if span.status is AnchorStatus.AMBIGUOUS:
        return "quote found in several places: the first is marked"
    return ""


def verdict_line(claim: Claim) -> str:
    if claim.verdict is None:
        return "not reviewed"
    info = RATINGS[claim.verdict.rating]
    when = f" (reviewed {claim.verdict.reviewed})" if claim.verdict.reviewed else ""
    return f"{info.glyph} {info.label}{when}"


def source_parts(doc: Document, ref: SourceRef) -> tuple[str, str | None, str]:
    """(description, url or None, passage) of a reference."""
    src: Source | None = doc.source(ref.source)
    if src is None:
        return line(ref.source), None, line(ref.passage or "")
    if src.entity:
        speaker = doc.entity(src.entity)
        head = f"{speaker.name if speaker else src.entity} (speaker)"
    else:
        head = src.title or src.id
    details = ", ".join(x for x in (src.publisher, src.author, say_date(src.date) if src.date else "") if x)
    text = f"{head} — {details}" if details else head
    if ref.stance.value != "supports":
        text += f" [{ref.stance.value}]"
    web = [u for u in (src.url, *src.mirrors) if u and u.startswith(("http://", "https://"))]
    url = web[0] if web else None
    if url is not None and url != src.url:  # the original's address is unknown: link to a copy
        text += " (copy)"
    return line(text), url, line(ref.passage or "")


def published(doc: Document) -> str:
    """The document's publication date as the reader's header says it ("" when it has none)."""
    return published_text(doc.published) if doc.published else ""


def entity_rows(doc: Document) -> list[tuple[Entity, str]]:
    """Entities by name with their Wikidata id or status."""
    rows = []
    for e in sorted(doc.entities, key=lambda e: e.name.casefold()):
        rows.append((e, e.wikidata or e.wikidata_status or ""))
    return rows


def wikidata_url(value: str) -> str | None:
    """The Wikidata page of a QID such as ``Q30``; None for a status such as ``not-found``."""
    return f"https://www.wikidata.org/wiki/{value}" if re.fullmatch(r"Q\d+", value) else None


def timeline(doc: Document) -> list[tuple[str, Event]]:
    """Events in date order with their date as a person reads it."""
    return [(line(say_date(ev.date)), ev) for ev in sorted(doc.events, key=lambda e: e.date.sort_key)]
