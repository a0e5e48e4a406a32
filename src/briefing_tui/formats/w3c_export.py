"""Export a briefing's annotations as a W3C Web Annotation AnnotationCollection (JSON-LD).

Each entity mention, event mention and claim is one Annotation whose target carries both a
TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector (code points). Ids are
``urn:briefing:DOC:KIND:ID[:N]`` so that an import restores the briefing ids.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from briefing_tui.model.types import Document, SourceRef, Span

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_AFFIX = 32  # characters of prefix and suffix: enough to tell occurrences apart


def _target(doc: Document, source: str, span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return {"source": source}  # the document as a whole: a background event, an entity not in the text
    if not span.anchored or not 0 <= span.start <= span.end <= len(doc.text):
        return None
    quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": doc.text[span.start : span.end]}
    if span.start:
        quote["prefix"] = doc.text[max(0, span.start - _AFFIX) : span.start]
    if span.end < len(doc.text):
        quote["suffix"] = doc.text[span.end : span.end + _AFFIX]
    position = {"type": "TextPositionSelector", "start": span.start, "end": span.end}
    return {"source": source, "selector": [quote, position]}


def _with_source(ann: dict[str, Any], source: str) -> dict[str, Any]:
    """``ann`` whose targets name the document they select in: some tools (Recogito) leave out the
    ``source`` a SpecificResource must have, meaning the page they run in."""
    targets = ann.get("target")
    fixed = [
        {"source": source, **t} if isinstance(t, dict) and "source" not in t and "id" not in t else t
        for t in (targets if isinstance(targets, list) else [targets])
    ]
    return {**ann, "target": fixed if isinstance(targets, list) else fixed[0]}


def _text(value: str, purpose: str) -> dict[str, Any]:
    return {"type": "TextualBody", "value": value, "purpose": purpose, "format": "text/plain"}


def export_w3c(doc: Document, layer: Sequence[dict[str, Any]] = ()) -> tuple[dict[str, Any], list[str]]:
    """Return the AnnotationCollection and warnings on what could not be written. ``layer``: the
    person's own annotations (the sidecar beside the briefing), added after the briefing's; one
    whose id is already taken, or that is not an Annotation with a target, is left out and said."""
    base = f"urn:briefing:{doc.id}"
    source = doc.url or base
    items: list[dict[str, Any]] = []
    warnings: list[str] = []

    def add(ann_id: str, motivation: str, span: Span | None, bodies: list[dict[str, Any] | str],
            modified: str | None = None) -> None:  # fmt: skip
        target = _target(doc, source, span)
        if target is None:
            warnings.append(f"{ann_id}: its span has no place in the text: not written")
            return
        item = {
            "id": ann_id,
            "type": "Annotation",
            "motivation": motivation,
            "body": bodies,
            "target": target,
        }
        if modified:
            item["modified"] = modified
        items.append(item)

    def links(refs: list[SourceRef], entities: list[str]) -> list[dict[str, Any] | str]:
        """Linking bodies: the sources (a quoted passage as a selector), then the entities involved."""
        out: list[dict[str, Any] | str] = []
        for ref in refs:
            src = doc.source(ref.source)
            iri = src.url if src is not None and src.url else f"{base}:source:{ref.source}"
            link: dict[str, Any] = {
                "type": "SpecificResource",
                "id": f"{base}:source:{ref.source}",
                "source": iri,
            }
            if ref.passage:
                link["selector"] = {"type": "TextQuoteSelector", "exact": ref.passage}
            out.append({**link, "purpose": "linking"})
        for entity_id in entities:
            out.append(
                {"type": "SpecificResource", "source": f"{base}:entity:{entity_id}", "purpose": "linking"}
            )
        return out

    for e in doc.entities:
        bodies: list[dict[str, Any] | str] = [_text(e.type, "tagging"), _text(e.name, "identifying")]
        bodies += [_text(alias, "identifying") for alias in e.aliases]
        bodies += [_text(f"unverified:{name}", "tagging") for name in e.unverified]
        qid = e.wikidata if e.wikidata and re.fullmatch(r"Q\d+", e.wikidata) else None
        status = e.wikidata_status or (e.wikidata if e.wikidata and not qid else "")
        if status:
            bodies.append(_text(f"wikidata:{status}", "tagging"))
        if qid:  # a purpose belongs to a SpecificResource, never to the web resource itself (model 3.3.5)
            bodies.append(
                {
                    "type": "SpecificResource",
                    "source": f"http://www.wikidata.org/entity/{e.wikidata}",
                    "purpose": "identifying",
                }
            )
        if e.description:
            bodies.append(_text(e.description, "describing"))
        if e.note:
            bodies.append(_text(e.note, "commenting"))
        for n, m in enumerate(e.mentions or [None], 1):
            add(f"{base}:entity:{e.id}:{n}", "identifying", m, bodies)
    for ev in doc.events:
        bodies = [
            _text("event", "tagging"),
            _text(f"date:{ev.date.text}", "tagging"),
            _text(ev.label, "describing"),
        ]
        if ev.note:
            bodies.append(_text(ev.note, "commenting"))
        bodies += links(ev.sources, ev.entities)
        bodies += [_text(f"unverified:{name}", "tagging") for name in ev.unverified]
        for n, m in enumerate(ev.mentions or [None], 1):
            add(f"{base}:event:{ev.id}:{n}", "tagging", m, bodies)
    for c in doc.claims:
        bodies = [_text("claim", "tagging")]
        if c.gloss:
            bodies.append(_text(c.gloss, "describing"))
        if c.note:
            bodies.append(_text(c.note, "commenting"))
        if c.verdict is not None:
            bodies.append(_text(c.verdict.rating.value, "assessing"))
            if c.verdict.explanation:
                bodies.append(_text(c.verdict.explanation, "assessing"))
        bodies += links(c.sources, c.entities)
        bodies += [_text(f"unverified:{name}", "tagging") for name in c.unverified]
        reviewed = str(c.verdict.reviewed) if c.verdict and c.verdict.reviewed else None
        if reviewed is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", reviewed):
            reviewed += "T00:00:00Z"  # ``modified`` is an xsd:dateTime
        elif reviewed is not None:
            warnings.append(f"claim {c.id}: review date {reviewed} is not a day: not written")
            reviewed = None
        add(f"{base}:claim:{c.id}", "assessing" if c.verdict else "tagging", c.span, bodies, reviewed)
    kept: dict[str, Any] = doc.extra["w3c"] if isinstance(doc.extra.get("w3c"), dict) else {}
    for kept_ann in (a for a in (kept.get("annotations") or []) if isinstance(a, dict)):
        items.append(_with_source(kept_ann, source))  # as they were imported
    taken = {item.get("id") for item in items}
    for own in layer:
        ident = own.get("id")
        if own.get("type") != "Annotation" or not own.get("target") or not isinstance(ident, str):
            warnings.append("a note of the sidecar is not an annotation with a target: not written")
        elif ident in taken:
            warnings.append(f"{ident}: the sidecar's annotation has the id of another: not written")
        else:
            taken.add(ident)
            items.append(_with_source(own, source))
    page = {"id": f"{base}:annotations:page1", "type": "AnnotationPage", "startIndex": 0, "items": items}
    collection = {
        "@context": CONTEXT,
        "id": f"{base}:annotations",
        "type": "AnnotationCollection",
        "label": doc.title,
        "total": len(items),
        "first": page,
    }
    return collection, warnings
